"""A commissioner's folder: 200 generated agreements (DOCX and PDF) checked with two
workers, every format written in one run, each format validated, and every decision
compared with what the generator wrote into the document."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bench.generate import generate
from click.testing import CliRunner
from junitparser import JUnitXml

from agreement_check.cli.main import cli

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
REPORT_SCHEMA = Path(__file__).resolve().parents[2] / "src/agreement_check/schemas/report.schema.json"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("batch")
    return root, generate(root / "agreements", count=200, pages=2)


def test_two_hundred_documents_every_format_in_one_run(folder, tmp_path: Path) -> None:
    root, expected = folder
    out = tmp_path / "reports"
    out.mkdir()
    formats = ["json", "sarif", "junit", "html", "markdown", "csv"]
    args = ["check", str(root / "agreements"), "--jobs", "2", "--quiet", "--fail-on", "never"]
    for fmt in formats:
        args += ["--format", fmt, "--output", str(out / f"report.{fmt}")]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output

    report = json.loads((out / "report.json").read_text())
    jsonschema.validate(report, json.loads(REPORT_SCHEMA.read_text()))
    assert report["summary"]["documents"] == 200 and report["summary"]["errors"] == 0
    paths = [d["path"] for d in report["documents"]]
    assert paths == sorted(paths)

    sarif = json.loads((out / "report.sarif").read_text())
    jsonschema.Draft4Validator(json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())).validate(sarif)
    assert len(sarif["runs"][0]["results"]) >= report["summary"]["gaps"]

    junit = JUnitXml.fromfile(str(out / "report.junit"))
    assert sum(1 for _ in junit) == 200

    wrong = []
    for doc in report["documents"]:
        want = expected[Path(doc["path"])]
        for finding in doc["findings"]:
            rule = finding["rule"].split("/", 1)[1]
            if rule in want and finding["status"] != want[rule]:
                wrong.append(f"{Path(doc['path']).name} {rule}: {finding['status']} != {want[rule]}")
    assert not wrong, "\n".join(wrong[:20])
