"""Show that a change leaves the JSON reports on the shared corpora unchanged.

    .venv/bin/python -m bench.json_identity capture /tmp/before      # on the old code
    .venv/bin/python -m bench.json_identity capture /tmp/after       # on the new code
    .venv/bin/python -m bench.json_identity compare /tmp/before /tmp/after

`capture` runs `check --format json` over each shared corpus (../shared/corpus,
corpus-real, corpus-real-partnerships) once per pack choice (auto and each named pack) and
saves one normalised report per run. `compare` prints the runs that differ and exits 1 if
any does. A restructuring, a speed-up or a tidy-up that claims to change no behaviour runs
this before and after: the reports are the tool's public contract, and a difference in any
finding, evidence quote or location shows the claim is wrong.

Normalising removes only what legitimately varies between two runs of the same code on
the same files: keys that hold timings (none today; listed so a future timing field does
not break the comparison) and the checker's own install paths. Everything else,
including the order of documents and findings, must match.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CORPORA = ("corpus", "corpus-real", "corpus-real-partnerships")
PACKS = ("auto", "leeds-compact", "working-together")
VOLATILE_KEYS = frozenset({"elapsed", "seconds", "duration", "timings", "started", "finished"})


def normalise(value: object, install: str) -> object:
    """The report with timing keys dropped and the install path of the rules made relative."""
    if isinstance(value, dict):
        return {key: normalise(item, install) for key, item in value.items() if key not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [normalise(item, install) for item in value]
    if isinstance(value, str) and install and value.startswith(install):
        return "<install>" + value[len(install) :]
    return value


def capture(out: Path, shared: Path, cmd: list[str], install: str) -> int:
    """Run every corpus with every pack choice and write one normalised report per run."""
    out.mkdir(parents=True, exist_ok=True)
    for corpus in CORPORA:
        docs = shared / corpus / "docs"
        for pack in PACKS:
            args = [*cmd, "check", "--format", "json", "--quiet", "--fail-on", "never", "--pack", pack, str(docs)]
            proc = subprocess.run(args, capture_output=True, text=True)
            try:
                report = json.loads(proc.stdout)
            except json.JSONDecodeError:
                sys.stderr.write(
                    f"{corpus}/{pack}: exit {proc.returncode}, no JSON; stderr tail:\n{proc.stderr[-2000:]}"
                )
                return 2
            name = out / f"{corpus}.{pack}.json"
            name.write_text(json.dumps(normalise(report, install), indent=1, sort_keys=True) + "\n")
            print(f"{name}: {len(report.get('documents', []))} documents")
    return 0


def compare(before: Path, after: Path, what: str = "report") -> int:
    """Print each saved JSON file (a run's report, or a reading) that differs or is missing,
    and return 1 if any does."""
    differ = 0
    for old in sorted(before.glob("*.json")):
        new = after / old.name
        if not new.exists():
            print(f"{old.name}: missing in {after}")
            differ += 1
        elif old.read_text() != new.read_text():
            print(f"{old.name}: differs (diff {old} {new})")
            differ += 1
        else:
            print(f"{old.name}: identical")
    count = len(list(before.glob("*.json")))
    print(f"{count} {what}s identical" if not differ else f"{differ} of {count} {what}(s) differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture", help="run the corpora and save the normalised reports")
    cap.add_argument("out", type=Path)
    cap.add_argument("--shared", type=Path, default=Path("../shared"))
    cap.add_argument("--cmd", default=f"{sys.executable} -m agreement_check", help="how to run the checker")
    cap.add_argument("--install", default="", help="path prefix to replace with <install> (e.g. the source tree)")
    cmp_ = sub.add_parser("compare", help="compare two captures")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "capture":
        return capture(args.out, args.shared, args.cmd.split(), args.install)
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
