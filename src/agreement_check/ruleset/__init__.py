"""Rule files: the strict schema, the loader that reports every mistake at once, and the
compiled rules the engine runs."""

from agreement_check.ruleset.loader import load_packs, load_rule_paths
from agreement_check.ruleset.rule import Pack, Rule

__all__ = ["Pack", "Rule", "load_packs", "load_rule_paths"]
