"""Measure how the checker handles each broken or hostile input: the outcome, the wall
time through the isolated worker, and the peak memory of reading it in a fresh process.

    .venv/bin/python -m bench.robustness
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.builders import make_docx, p
from tests.robustness import hostile

from agreement_check.api import CheckOptions, check

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
    }
    out = {}
    for name, make in makers.items():
        folder = root / name.replace(".", "-")
        folder.mkdir()
        out[name] = folder / name
        make(out[name])
    return out


def peak_memory(path: Path) -> dict[str, float]:
    """Read one file in a fresh interpreter; report its peak RSS above start-up."""
    code = (
        "import resource,sys,time,json;from agreement_check.api import CheckOptions,check;"
        "from agreement_check.nlp.pipeline import get_nlp;from agreement_check.ruleset import load_packs;"
        "get_nlp();load_packs();base=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;t=time.time();"
        "r=check([sys.argv[1]],CheckOptions(isolate=False,pack='leeds-compact'));"
        "print(json.dumps({'seconds':time.time()-t,'peak_mb':(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-base)/1024}))"
    )
    try:
        done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError):
        return {"seconds": float("nan"), "peak_mb": float("nan")}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = inputs(Path(tmp))
        print(
            "| input | size | outcome | time (isolated) | peak memory above start |\n| --- | ---: | --- | ---: | ---: |"
        )
        for name, path in files.items():
            start = time.monotonic()
            doc = check([path], CheckOptions(jobs=1, timeout=30, pack="leeds-compact")).documents[0]
            elapsed = time.monotonic() - start
            mem = peak_memory(path)
            outcome = doc.error_code or doc.status
            print(
                f"| {name} | {path.stat().st_size / 1024:.0f} KB | {outcome} | {elapsed:.1f} s | {mem['peak_mb']:.0f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
