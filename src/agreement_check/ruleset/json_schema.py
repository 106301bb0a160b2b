"""The rule-file schema as JSON Schema, for editors (yaml-language-server) and for anyone
who checks rule files without Python. The files in `agreement_check/schemas/` are these
documents, committed; a test keeps them in step with the models."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from agreement_check.ruleset.schema import PackSpec, RuleSpec

Kind = Literal["rule", "pack"]
DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILES: dict[Kind, str] = {"rule": "rule.schema.json", "pack": "pack.schema.json"}
_MODELS: dict[Kind, type[BaseModel]] = {"rule": RuleSpec, "pack": PackSpec}
_TITLES = {"rule": "agreement-check rule file", "pack": "agreement-check rule pack (pack.yaml)"}


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a rule file or a pack.yaml."""
    schema = _MODELS[kind].model_json_schema()
    return {"$schema": DIALECT, **schema, "title": _TITLES[kind]}


def json_schema_text(kind: Kind) -> str:
    """The schema as committed in `agreement_check/schemas/` (stable order, final newline)."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
