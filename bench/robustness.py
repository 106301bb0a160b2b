"""Measure how the checker handles each broken or hostile input: the outcome, the wall
time through the isolated worker, and the peak memory of reading it in a fresh process.
Inputs marked "+ --annotate" are checked with a marked-up copy asked for (the copy's
outcome follows the document's); the last rows are output paths that must be refused.

    .venv/bin/python -m bench.robustness             # every input
    .venv/bin/python -m bench.robustness flate media # only inputs whose name has one of these
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from tests.builders import NS, make_docx, p
from tests.robustness import hostile

from agreement_check.annotate.targets import MarkedCopies
from agreement_check.api import CheckOptions, check
from agreement_check.errors import UsageError

ANNOTATE = " + --annotate"
COMMENTS_WITH_ENTITIES = (
    f'<?xml version="1.0"?><!DOCTYPE w:comments [<!ENTITY x "boom">]><w:comments {NS}>'
    '<w:comment w:id="1" w:author="R"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:comment></w:comments>'
)
GOOD = "The Council may end this Agreement if its budget is reduced, by giving six months' notice."


def inputs(root: Path) -> dict[str, Path]:
    secret = root / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    good = make_docx(root / "good.docx", p(GOOD))
    makers = {
        "zero-byte.docx": lambda f: f.write_bytes(b""),
        "truncated.docx": lambda f: hostile.truncated(f, good),
        "truncated.pdf": lambda f: hostile.truncated(f, hostile.good_pdf(root / "g.pdf")),
        "pdf-named.docx": hostile.good_pdf,
        "docx-named.pdf": lambda f: make_docx(f, p(GOOD)),
        "zip-of-photos.docx": hostile.zip_of_other_things,
        "broken-xref.pdf": hostile.broken_xref_pdf,
        "page-tree-loop.pdf": hostile.page_tree_loop_pdf,
        "mediabox-loop.pdf": hostile.mediabox_loop_pdf,
        "billion-laughs.docx": hostile.billion_laughs_docx,
        "xxe.docx": lambda f: hostile.xxe_docx(f, secret),
        "xml-100000-deep.docx": lambda f: hostile.deep_xml_docx(f, 100_000),
        "zip-bomb-120MB.docx": lambda f: hostile.zip_bomb_docx(f, 120),
        "3000-pages.pdf": lambda f: hostile.many_pages_pdf(f, 3000),
        "300MB-content-stream.pdf": lambda f: hostile.huge_stream_pdf(f, 300),
        "100000-paragraphs.docx": lambda f: hostile.many_paragraphs_docx(f, 100_000),
        "double-flate-1GiB.pdf": lambda f: hostile.double_flate_pdf(f, 1024),
        "fl-filter-1GiB.pdf": lambda f: hostile.abbreviated_flate_pdf(f, 1024),
        "form-xobject-1GiB.pdf": lambda f: hostile.form_bomb_pdf(f, 1024),
        "media-64x64MiB.docx" + ANNOTATE: lambda f: hostile.media_bomb_docx(f, 64, 64),
        "media-150MiB-part.docx" + ANNOTATE: lambda f: hostile.media_bomb_docx(f, 1, 150),
        "entity-in-comments.docx" + ANNOTATE: lambda f: hostile.with_part(
            f, "word/comments.xml", COMMENTS_WITH_ENTITIES
        ),
    }
    out = {}
    for name, make in makers.items():
        file_name = name.removesuffix(ANNOTATE)
        folder = root / file_name.replace(".", "-")
        folder.mkdir()
        out[name] = folder / file_name
        make(out[name])
    return out


def outcome(doc) -> str:  # type: ignore[no-untyped-def]
    code = doc.error_code or doc.status
    if doc.marked_copy is None:
        return code
    return f"{code}, copy {doc.marked_copy.error_code or 'written'}"


def path_attacks(root: Path) -> dict[str, tuple[list[Path], CheckOptions, list[tuple[str, Path]]]]:
    """Output paths that would replace an input: each must be refused before anything is read."""
    folder = root / "inputs"
    (folder / "sub").mkdir(parents=True)
    for path in (folder / "offer.docx", folder / "offer.checked.docx", folder / "sub" / "offer.docx"):
        make_docx(path, p(GOOD))
    base = CheckOptions(jobs=1, timeout=30, pack="leeds-compact")
    return {
        "--annotate into the inputs' folder": ([folder], replace(base, marked_copies=MarkedCopies(folder)), []),
        "--annotate-suffix onto an input": ([folder], replace(base, marked_copies=MarkedCopies(suffix=".checked")), []),
        "--output onto an input": ([folder], base, [("the json report", folder / "offer.docx")]),
        "--write-baseline onto an input": ([folder], base, [("the baseline", folder / "sub" / "offer.docx")]),
    }


def peak_memory(path: Path, copies: Path | None = None) -> dict[str, float]:
    """Read one file in a fresh interpreter (making its marked-up copy in `copies`, if
    given); report its peak RSS above start-up."""
    code = (
        "import resource,sys,time,json;from agreement_check.api import CheckOptions,check;"
        "from agreement_check.annotate.targets import MarkedCopies;"
        "from agreement_check.nlp.pipeline import get_nlp;from agreement_check.ruleset import load_packs;"
        "get_nlp();load_packs();base=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;t=time.time();"
        "from pathlib import Path;m=MarkedCopies(Path(sys.argv[2])) if len(sys.argv)>2 else None;"
        "r=check([sys.argv[1]],CheckOptions(isolate=False,pack='leeds-compact',marked_copies=m));"
        "print(json.dumps({'seconds':time.time()-t,'peak_mb':(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-base)/1024}))"
    )
    args = [sys.executable, "-c", code, str(path), *([str(copies)] if copies else [])]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=60)
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError):
        return {"seconds": float("nan"), "peak_mb": float("nan")}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = inputs(Path(tmp))
        print(
            "| input | size | outcome | time (isolated) | peak memory above start |\n| --- | ---: | --- | ---: | ---: |"
        )
        wanted = sys.argv[1:]
        for name, path in files.items():
            if wanted and not any(w in name for w in wanted):
                continue
            copies = Path(tmp) / "marked" / path.parent.name if name.endswith(ANNOTATE) else None
            options = CheckOptions(jobs=1, timeout=30, pack="leeds-compact")
            if copies is not None:
                options = replace(options, marked_copies=MarkedCopies(copies))
            start = time.monotonic()
            doc = check([path], options).documents[0]
            elapsed = time.monotonic() - start
            mem = peak_memory(path, copies)
            size = path.stat().st_size / 1024
            print(
                f"| {name} | {size:.0f} KB | {outcome(doc)} | {elapsed:.1f} s | {mem['peak_mb']:.0f} MB |", flush=True
            )
        for name, (paths, options, outputs) in path_attacks(Path(tmp)).items():
            if wanted and not any(w in name for w in wanted):
                continue
            start = time.monotonic()
            try:
                check(paths, options, outputs=outputs)
                result = "written (not refused!)"
            except UsageError:
                result = "refused (exit 2)"
            print(f"| {name} | - | {result} | {time.monotonic() - start:.1f} s | 0 MB |", flush=True)


if __name__ == "__main__":
    main()
