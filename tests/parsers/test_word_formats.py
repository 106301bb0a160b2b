"""Word's other formats give the same reading and findings as the same text saved as
.docx: .docm, .dotx and .dotm through the DOCX reader (macros never run), ODT natively,
and .doc and RTF through LibreOffice (skipped where it is not installed)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from agreement_check.api import CheckOptions, check
from agreement_check.errors import DocumentError
from agreement_check.parsers import libreoffice, read_document
from tests.builders import make_odt, odt_list

HEADING = "Grant agreement"
CLAUSES = [
    "1. The Council will pay the grant of 20,000 pounds for the two years from 1 April 2026 to 31 March 2028.",
    "2. You may use the grant for the project and a fair share of your overhead costs.",
    "3. We may end this agreement for any reason by giving you one month's notice in writing.",
    "4. Any dispute will be referred to the Compact mediation procedure.",
]
needs_soffice = pytest.mark.skipif(libreoffice.soffice() is None, reason="LibreOffice (soffice) is not installed")


def make_word(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(HEADING, 1)
    for clause in CLAUSES:
        document.add_paragraph(clause)
    document.save(str(path))
    return path


def make_odt_agreement(path: Path) -> Path:
    body = f'<text:h text:outline-level="1">{HEADING}</text:h>' + "".join(f"<text:p>{c}</text:p>" for c in CLAUSES)
    return make_odt(path, body)


def make_rtf(path: Path) -> Path:
    paragraphs = "".join(f"\\pard {c}\\par\n" for c in CLAUSES)
    path.write_text(
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
        "{\\stylesheet{\\s1 heading 1;}}\n"
        f"\\pard\\s1\\outlinelevel0\\b {HEADING}\\b0\\par\n{paragraphs}}}",
        encoding="ascii",
    )
    return path


def repackage(docx: Path, target: Path, content_type: str, macros: bool) -> Path:
    """The same Word package as a macro-enabled document or a template."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", content_type.encode())
            out.writestr(item, data)
        if macros:
            out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not a real macro project")
    return target


def findings(path: Path) -> list[tuple[str, str, str]]:
    (result,) = check([path], CheckOptions(isolate=False, pack="leeds-compact")).documents
    assert result.status == "checked", result.error_message
    return [(f.rule, f.status, f.message) for f in result.findings]


def texts(path: Path) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_document(path).body()]


@pytest.fixture
def word(tmp_path: Path) -> Path:
    return make_word(tmp_path / "agreement.docx")


@pytest.mark.parametrize(
    ("suffix", "content_type", "macros"),
    [
        (".docm", "application/vnd.ms-word.document.macroEnabled.main+xml", True),
        (".dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", False),
        (".dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml", True),
    ],
)
def test_macro_enabled_documents_and_templates_read_as_docx(
    tmp_path: Path, word: Path, suffix: str, content_type: str, macros: bool
) -> None:
    other = repackage(word, tmp_path / f"agreement{suffix}", content_type, macros)
    assert read_document(other).format == "docx"
    assert texts(other) == texts(word)
    assert findings(other) == findings(word)


def test_odt_is_read_natively_with_the_findings_of_the_docx(tmp_path: Path, word: Path) -> None:
    odt = make_odt_agreement(tmp_path / "agreement.odt")
    assert read_document(odt).format == "odt"
    assert texts(odt) == texts(word)
    assert findings(odt) == findings(word)


def test_odt_lists_tables_notes_and_styles(tmp_path: Path) -> None:
    body = (
        '<text:h text:outline-level="1">Payment</text:h>'
        + odt_list("The grant is paid quarterly.", "It is paid in advance.")
        + '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Third'
        "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p>"
        "</text:note-body></text:note></text:p>"
        + odt_list("Nested point", style="L1").replace("<text:list ", "<text:list ", 1)
        + "</text:list-item></text:list>"
        + "<table:table><table:table-row><table:table-cell><text:p>Amount</text:p></table:table-cell>"
        "<table:table-cell><text:p>£20,000</text:p></table:table-cell></table:table-row></table:table>"
        '<text:p>Two<text:s text:c="3"/>spaces<text:tab/>and a tab</text:p>'
    )
    blocks = read_document(make_odt(tmp_path / "terms.odt", body)).blocks
    assert [(b.kind, b.number, b.text) for b in blocks] == [
        ("heading", None, "Payment"),
        ("list-item", "1.", "The grant is paid quarterly."),
        ("list-item", "2.", "It is paid in advance."),
        ("list-item", "3.", "Third"),
        ("list-item", "(a)", "Nested point"),
        ("table-cell", None, "Amount"),
        ("table-cell", None, "£20,000"),
        ("paragraph", None, "Two spaces and a tab"),
        ("footnote", None, "A footnote."),
    ]
    assert blocks[4].location.clause == "3(a)"


def test_other_opendocument_types_are_not_text(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as err:
        read_document(make_odt(tmp_path / "sheet.odt", "<text:p>x</text:p>", mimetype="spreadsheet"))
    assert err.value.code == "unsupported-format"


def test_old_word_and_rtf_are_told_apart_from_other_binaries(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(libreoffice, "soffice", lambda: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    cases = {
        "old.doc": ole + "WordDocument".encode("utf-16-le") + b"\x00" * 100,
        "book.xls": ole + "Workbook".encode("utf-16-le"),
        "letter.rtf": b"{\\rtf1\\ansi Hello}",
    }
    messages = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(DocumentError) as err:
            read_document(tmp_path / name)
        assert err.value.code == "unsupported-format"
        messages[name] = err.value.message
    assert "Word 97-2003 (.doc)" in messages["old.doc"]
    assert "install LibreOffice, or save it as .docx" in messages["old.doc"]
    assert "RTF (.rtf)" in messages["letter.rtf"] and "install LibreOffice" in messages["letter.rtf"]
    assert "not a Word document" in messages["book.xls"]


def _leftovers() -> set[str]:
    return {p.name for p in Path(_tmp()).glob("agreement-check-soffice-*")}


def _tmp() -> str:
    import tempfile

    return tempfile.gettempdir()


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The converter's scratch folders go to a folder of this test's own: another run on
    the machine converting at the same time would otherwise look like our leftover."""
    import tempfile

    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@needs_soffice
@pytest.mark.usefixtures("private_tmp")
def test_doc_and_rtf_through_libreoffice_give_the_findings_of_the_docx(tmp_path: Path, word: Path) -> None:
    before = _leftovers()
    subprocess.run(
        [libreoffice.soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(word)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    doc = (tmp_path / "doc" / "agreement.doc").rename(tmp_path / "agreement.doc")
    rtf = make_rtf(tmp_path / "agreement.rtf")
    for other, fmt in ((doc, "doc"), (rtf, "rtf")):
        assert read_document(other).format == fmt
        assert texts(other) == texts(word)
        assert findings(other) == findings(word)
    assert _leftovers() == before


@needs_soffice
@pytest.mark.usefixtures("private_tmp")
def test_a_damaged_doc_is_corrupt_and_leaves_nothing(tmp_path: Path) -> None:
    before = _leftovers()
    bad = tmp_path / "bad.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(DocumentError) as err:
        read_document(bad)
    assert err.value.code == "corrupt"
    assert _leftovers() == before


def test_guard_cleans_up_after_a_killed_worker(tmp_path: Path) -> None:
    """A worker killed mid-conversion runs no `finally`: the folder's guard kills the
    helper's process group and removes the folder."""
    import multiprocessing as mp
    import os
    import signal
    import time

    ready = tmp_path / "ready"

    def worker() -> None:
        from agreement_check.parsers.scratch import private_folder

        with private_folder("soffice") as scratch:
            helper = subprocess.Popen(["sleep", "60"], start_new_session=True)
            scratch.watch(helper)
            ready.write_text(f"{scratch.folder}\n{helper.pid}")
            time.sleep(60)

    process = mp.get_context("fork").Process(target=worker)
    process.start()
    deadline = time.monotonic() + 20
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    folder, pid = ready.read_text().split("\n")
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    while (Path(folder).exists() or _alive(int(pid))) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(folder).exists()
    assert not _alive(int(pid))


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_no_soffice_left_running() -> None:
    if shutil.which("pgrep") is None:
        pytest.skip("pgrep is not installed")
    import time

    deadline = time.monotonic() + 10  # a converter stopped by the test before may still be exiting
    while True:
        found = subprocess.run(["pgrep", "-f", "agreement-check-soffice-"], capture_output=True, text=True)
        running = [pid for pid in found.stdout.split() if _alive(int(pid))]
        if not running or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert running == []
