"""Show that a change to the PDF reader leaves every PDF reading unchanged.

    .venv/bin/python -m bench.reading_identity capture /tmp/before    # on the old code
    .venv/bin/python -m bench.reading_identity capture /tmp/after     # on the new code
    .venv/bin/python -m bench.reading_identity compare /tmp/before /tmp/after

`bench.json_identity` compares the reports, which show only what the rules make of a
reading; a speed-up of the PDF reader must leave the reading itself unchanged, down to the
word boxes a marked-up copy highlights. `capture` reads every PDF under the shared folders
(../shared/**), the repository's samples and a set of generated agreements (written to
`<out>/generated`, the same files on every run) with `read_for_copy`, and saves one JSON
per file: the document (blocks, locations, warnings, page count) and, per page, each word
with its box, size and weight, the hidden words and whether the page draws a picture. A
file the reader refuses is saved as its error code. `compare` prints each reading that
differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from bench.json_identity import compare

HERE = Path(__file__).resolve().parent
GENERATED = ((16, 16), (150, 150), (2, 3), (20, 21))  # (seed, pages)


def generated_pdfs(folder: Path) -> list[Path]:
    """Generated agreements of several lengths, written afresh so both runs read the same."""
    from bench.generate import build_pdf, funding_agreement

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed, pages in GENERATED:
        path = folder / f"generated-{seed}-{pages}.pdf"
        build_pdf(funding_agreement(random.Random(seed), seed, pages), path)
        paths.append(path)
    return paths


def reading(path: Path) -> dict[str, object]:
    """What the reader makes of one PDF: the document and the word boxes it came from."""
    from agreement_check.errors import DocumentError
    from agreement_check.parsers import read_for_copy

    try:
        result = read_for_copy(path)
    except DocumentError as exc:
        return {"error": exc.code}
    document = result.document.to_dict()
    document.pop("path", None)
    return {
        "document": document,
        "pages": [
            {
                "number": page.number,
                "size": [page.width, page.height],
                "words": [[w.text, w.x0, w.x1, w.top, w.bottom, w.size, w.bold] for w in page.words],
                "hidden": [list(h) for h in page.hidden],
                "pictures": page.pictures,
            }
            for page in result.pdf_pages
        ],
    }


def capture(out: Path, shared: Path) -> int:
    """Read every PDF and write one JSON per file, named by where it came from."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [(p, f"shared-{p.relative_to(shared)}") for p in sorted(shared.rglob("*.pdf"))]
    sources += [(p, f"samples-{p.name}") for p in sorted((HERE.parent / "samples").glob("*.pdf"))]
    sources += [(p, p.name) for p in generated_pdfs(out / "generated")]
    for path, label in sources:
        name = label.replace("/", "__") + ".json"
        data = reading(path)
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        (out / name).write_text(text)
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        print(f"{name}: {len(data.get('pages', []))} pages, {digest}", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture", help="read every PDF and save the readings")
    cap.add_argument("out", type=Path)
    cap.add_argument("--shared", type=Path, default=Path("../shared"))
    cmp_ = sub.add_parser("compare", help="compare two captures")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "capture":
        return capture(args.out, args.shared.resolve())
    return compare(args.before, args.after, what="reading")


if __name__ == "__main__":
    sys.exit(main())
