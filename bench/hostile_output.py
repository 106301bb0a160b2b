"""Measure the attacks on outputs, settings, rule names and signals: the outcome, the wall
time and the peak memory, as rows for the table in docs/robustness.md.

    .venv/bin/python -m bench.hostile_output

Documents are checked through an isolated worker and rendered in all eight formats (time),
and read once more in a fresh process for the peak memory above its start-up, as
`bench.robustness` does. Command-line attacks are timed as whole commands; their memory
is the command's peak RSS above that of `agreement-check --version`.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

from markdown_it import MarkdownIt
from tests.builders import make_docx, p
from tests.cli.test_main import COMPLIANT

from agreement_check.api import CheckOptions, check
from agreement_check.reporters import FORMATS, get_reporter

CHECKER = str(Path(sys.executable).with_name("agreement-check"))
HOSTILE = (
    '\x1b[2J\x1b]0;owned\x07 ::warning file=a.docx::injected ##[error]old =HYPERLINK("https://evil.example/") '
    "``` # Heading <img src=https://evil.example/p.png> ![x](https://evil.example/i.png) \x01\x08\x0b\x1f\ufffe "
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SHORT = COMPLIANT.replace("six (6) months'", "one month's")


def safe_everywhere(outputs: dict[str, str]) -> bool:
    """The same checks as tests/robustness/test_output_injection.py, in brief."""
    for fmt in ("text", "github"):
        if CONTROL.search(outputs[fmt].replace("\n", "")):
            return False
    if any(line.lstrip(" ").startswith(("::", "##[")) for line in outputs["text"].splitlines()):
        return False
    ElementTree.fromstring(outputs["junit"].encode())  # raises on a character XML forbids
    cells = [cell for row in csv.reader(io.StringIO(outputs["csv"])) for cell in row]
    html = MarkdownIt("commonmark", {"html": True}).render(outputs["markdown"])
    return not any(tag in html for tag in ("<img", "<pre", "<script")) and not any(
        cell[:1] in {"=", "+", "-", "@", "\t", "\r"} for cell in cells if cell
    )


def document_rows(root: Path, slow_pack: Path) -> list[tuple[str, Path, str, float, float]]:
    rows = []
    cases = {
        "hostile-text.txt": (SHORT.replace("7. The Council", f"7. {HOSTILE}The Council"), (), "leeds-compact"),
        "::warning::e\x1b[31mvil\x07.docx": (None, (), "leeds-compact"),
        "slow-pattern.txt": ("The grant will be paid in advance. " + "a" * 5000 + "!", (slow_pack,), "slowpack"),
    }
    for name, (text, rules, pack) in cases.items():
        path = root / name
        if text is None:
            make_docx(path, "".join(p(line) for line in SHORT.splitlines() if line.strip()))
        else:
            path.write_text(text, encoding="utf-8")
        start = time.monotonic()
        report = check([path], CheckOptions(jobs=1, pack=pack, rules=rules))
        outputs = {fmt: get_reporter(fmt).render(report) for fmt in FORMATS}
        elapsed = time.monotonic() - start
        doc = report.documents[0]
        if name.startswith("slow"):
            reached = sum("took too long" in out for out in outputs.values())
            outcome = f"checked; the note in {reached} of {len(FORMATS)} formats"
        else:
            outcome = (
                f"checked; shown, not obeyed, in all {len(FORMATS)} formats" if safe_everywhere(outputs) else "UNSAFE"
            )
        outcome = outcome if doc.status == "checked" else doc.error_code or "error"
        memory = peak_memory(path, pack, rules)
        rows.append((name.encode("unicode_escape").decode(), path, outcome, elapsed, memory))
    return rows


def peak_memory(path: Path, pack: str, rules: tuple[Path, ...]) -> float:
    """Check one file in a fresh interpreter; its peak RSS above start-up (packs and spaCy
    loaded), as bench.robustness measures, with this run's pack and rules."""
    code = (
        "import resource,sys;from pathlib import Path;from agreement_check.api import CheckOptions,check,"
        "load_configured_packs;from agreement_check.nlp.pipeline import get_nlp;"
        "o=CheckOptions(isolate=False,pack=sys.argv[2],rules=tuple(Path(r) for r in sys.argv[3:]));"
        "get_nlp();load_configured_packs(o);base=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "check([sys.argv[1]],o);print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-base)/1024)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), pack, *map(str, rules)], capture_output=True, text=True
    )
    return float(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else float("nan")


def peak_rss_mb(command: list[str], cwd: Path) -> tuple[int, float, float]:
    """Run a command; its exit code, wall time and peak RSS (of it and its workers)."""
    code = (
        "import resource,subprocess,sys,time;t=time.monotonic();r=subprocess.run(sys.argv[2:],cwd=sys.argv[1],"
        "capture_output=True);print(r.returncode,time.monotonic()-t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(cwd), *command], capture_output=True, text=True
    ).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def command_rows(root: Path) -> list[tuple[str, int, str, float, float]]:
    project = root / "project"
    (project / ".git").mkdir(parents=True)
    (project / "short.txt").write_text(SHORT, encoding="utf-8")
    make_docx(project / "--enable=x.docx", "".join(p(line) for line in SHORT.splitlines() if line.strip()))
    (root / "outside").mkdir()
    (project / "linked").symlink_to(root / "outside")
    _, _, base = peak_rss_mb([CHECKER, "--version"], project)
    settings = project / ".agreement-check.toml"
    cases = [
        ("settings output = ../escape.json", 'format = ["json"]\noutput = ["../escape.json"]\n', ["short.txt"]),
        ("settings cache through a link outside", 'cache = "linked"\n', ["short.txt"]),
        ("--enable termination-notise", "", ["--enable", "termination-notise", "short.txt"]),
        ("file --enable=x.docx via the pre-commit entry", "", ["--quiet", "--", "--enable=x.docx"]),
    ]
    rows = []
    for label, toml, args in cases:
        settings.write_text(toml, encoding="utf-8") if toml else settings.unlink(missing_ok=True)
        code, seconds, peak = peak_rss_mb([CHECKER, "check", *args], project)
        written = "nothing written outside" if not any((root / "outside").iterdir()) else "WROTE OUTSIDE"
        outcome = f"usage error (exit {code}), {written}" if code == 2 else f"checked as a file (exit {code})"
        rows.append((label, len(toml.encode()), outcome, seconds, peak - base))
    settings.unlink(missing_ok=True)
    report = project / "private.json"
    report.write_text("{}", encoding="utf-8")
    report.chmod(0o600)
    code, seconds, peak = peak_rss_mb(
        [CHECKER, "check", "--format", "json", "--output", str(report), "short.txt"], project
    )
    rows.append(
        ("report over a 0600 file", 2, f"replaced, mode {report.stat().st_mode & 0o777:04o} kept", seconds, peak - base)
    )
    rows.append(sigterm_row(root, base))
    return rows


def sigterm_row(root: Path, base: float) -> tuple[str, int, str, float, float]:
    from tests.robustness.test_signals import SCRIPT, gone, wait_until

    pids = root / "pids"
    pids.mkdir()
    files = [root / "a.docx", root / "b.docx"]
    for path in files:
        path.write_bytes(b"never read")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    run = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(pids), *map(str, files)], env=env, stderr=subprocess.DEVNULL
    )
    wait_until(lambda: len(list(pids.iterdir())) == 2)
    workers = [int(x.name) for x in pids.iterdir()]
    hwm = int(re.search(r"VmHWM:\s+(\d+)", Path(f"/proc/{run.pid}/status").read_text()).group(1)) / 1024
    start = time.monotonic()
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=120)
    wait_until(lambda: all(gone(pid) for pid in workers))
    seconds = time.monotonic() - start
    left = [pid for pid in workers if not gone(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    outcome = f"{len(workers) - len(left)} of {len(workers)} workers ended; exit {run.returncode}"
    return ("SIGTERM to a batch of 2 stuck workers", 0, outcome, seconds, hwm - base)


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        slow = root / "slowpack"
        shutil.copytree(here / "examples" / "rules" / "my-council", slow)
        (slow / "pack.yaml").write_text((slow / "pack.yaml").read_text().replace("id: my-council", "id: slowpack"))
        rule = slow / "payment-in-advance.yaml"
        text = rule.read_text().replace("my-council/", "slowpack/")
        rule.write_text(text.replace("regex: '\\b(?:pa(", "regex: '(?:a+)+$|\\b(?:pa(", 1))
        print("| input | size | outcome | time | peak memory above start |\n| --- | ---: | --- | ---: | ---: |")
        for name, path, outcome, seconds, memory in document_rows(root, slow):
            mem = "—" if memory != memory else f"{memory:.0f} MB"
            print(f"| {name} | {path.stat().st_size / 1024:.0f} KB | {outcome} | {seconds:.1f} s | {mem} |", flush=True)
        for label, size, outcome, seconds, memory in command_rows(root):
            print(f"| {label} | {size} B | {outcome} | {seconds:.1f} s | {memory:.0f} MB |", flush=True)


if __name__ == "__main__":
    main()
