"""Old Word (.doc) and RTF files, converted to DOCX with LibreOffice and read by the DOCX
reader, so they give the same findings as the same document saved as .docx.

LibreOffice runs headless in its own process group, inside a private folder that holds
a fresh profile (macros disabled, links never updated), a copy of the input under a
plain name and the output; the folder and anything still running are removed on the way
out, and by the folder's guard if the worker is killed (`scratch`). It runs inside the
worker, so the worker's deadline and memory cap hold for it too (the cap is inherited).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from agreement_check.errors import DocumentError
from agreement_check.parsers.options import ParseOptions
from agreement_check.parsers.scratch import Scratch, kill_group, private_folder

NAMES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF (.rtf)"}

# A profile that runs no macro and fetches no linked content while converting.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextlib.contextmanager
def converted_to_docx(path: Path, fmt: str, options: ParseOptions) -> Iterator[Path]:
    """The DOCX LibreOffice makes of `path`; it exists only inside the `with` block."""
    program = soffice()
    if program is None:
        raise DocumentError(
            "unsupported-format",
            f"This is a {NAMES[fmt]} file, which is read by converting it with LibreOffice, and LibreOffice "
            "is not installed: install LibreOffice, or save it as .docx.",
        )
    with private_folder("soffice") as scratch:
        yield _convert(program, path, fmt, scratch, options.helper_seconds)


def _convert(program: str, path: Path, fmt: str, scratch: Scratch, seconds: float) -> Path:
    folder = scratch.folder
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
    (folder / "tmp").mkdir()
    source = folder / f"input.{fmt}"
    shutil.copyfile(path, source)
    command = [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nofirststartwizard",
        "--nolockcheck",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(folder / "out"),
        str(source),
    ]
    env = {**os.environ, "HOME": str(folder), "TMPDIR": str(folder / "tmp"), "SAL_USE_VCLPLUGIN": "svp"}
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=folder,
        env=env,
        start_new_session=True,
    )
    scratch.watch(process)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired as exc:
        raise DocumentError(
            "timeout", f"Converting this {NAMES[fmt]} file with LibreOffice took longer than {seconds:g} seconds."
        ) from exc
    finally:
        kill_group(process.pid)  # anything LibreOffice left running
        process.wait()
    converted = folder / "out" / "input.docx"
    if process.returncode in {-6, -9}:  # aborted allocating, or killed: the inherited memory cap
        raise DocumentError(
            "too-large", f"LibreOffice needed more memory than allowed to convert this {NAMES[fmt]} file."
        )
    if not converted.is_file():
        raise DocumentError(
            "corrupt",
            f"LibreOffice could not convert this {NAMES[fmt]} file; it may be damaged, protected by a password, "
            "or need more memory than allowed (--memory-limit).",
        )
    return converted
