"""Score a labelled set in two halves: one to develop against, one held out.

    .venv/bin/python -m bench.score_halves ../shared/corpus-real/labels.yaml

Documents at odd positions of the labels file (1st, 3rd, ...) form the development half,
even positions the held-out half. A change that lifts one half and not the other is
learning the documents, not the language. Writes two temporary labels files beside
nothing the user owns (a temporary folder) and runs the shared scorer on each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml


def halves(labels: Path) -> dict[str, list[dict]]:
    data = yaml.safe_load(labels.read_text())
    documents = data["documents"] if isinstance(data, dict) else data
    for entry in documents:
        entry["doc"] = str((labels.parent / entry["doc"]).resolve())
    return {"development": documents[0::2], "held-out": documents[1::2]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--cmd", default=".venv/bin/agreement-check")
    parser.add_argument("--scorer", type=Path, default=Path("../shared/tools/score.py"))
    parser.add_argument("--verbose", action="store_true", help="print the scorer's whole output for each half")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, documents in halves(args.labels).items():
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(yaml.safe_dump({"documents": documents}, sort_keys=False))
            proc = subprocess.run(
                [sys.executable, str(args.scorer), str(path), "--cmd", args.cmd], capture_output=True, text=True
            )
            lines = proc.stdout.strip().splitlines()
            print(f"== {name} ({len(documents)} documents)")
            print("\n".join(lines if args.verbose else lines[-1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
