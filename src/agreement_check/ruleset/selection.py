"""Which rules a run checks, and how much each matters.

`--enable`, `--disable` and `--severity` (and the same settings in a settings file) name
rules by id (`leeds-compact/overheads`) or by name (`overheads`). A name that matches no
rule is a usage error that suggests the closest names, and so is a choice that leaves no
rule to check: a typo must never make a run quietly check less and pass.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from agreement_check.errors import UsageError
from agreement_check.ruleset.rule import Pack


class UnknownRuleError(UsageError):
    """A rule name in `setting` (enable, disable or severity) that no loaded pack has."""

    def __init__(self, setting: str, name: str, known: Iterable[str]) -> None:
        self.setting = setting
        self.name = name
        same_form = sorted({k for k in known if ("/" in k) == ("/" in name)})  # ids for an id, names for a name
        self.suggestions = difflib.get_close_matches(name, same_form, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        self.detail = f"no rule is called {name!r}{hint} (`agreement-check rules list` shows them all)"
        super().__init__(f"{setting}: {self.detail}")

    def at(self, where: str | None) -> UsageError:
        """The same error, saying where the name was written: `file:line` of a settings
        file, or (None) the command line."""
        return UsageError(f"{where}: {self}" if where else f"--{self.setting}: {self.detail}")


def select_rules(
    packs: dict[str, Pack],
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    severity: tuple[tuple[str, str], ...],
    pack: str = "auto",
) -> None:
    """Keep the chosen rules in each pack and apply severity overrides, in place."""
    known = [n for p in packs.values() for r in p.rules for n in (r.id, r.name)]
    for setting, names in (("enable", enable), ("disable", disable), ("severity", [n for n, _ in severity])):
        for name in names:
            if name not in known:
                raise UnknownRuleError(setting, name, known)
    overrides = dict(severity)
    for each in packs.values():
        each.rules = [r for r in each.rules if _chosen(r.id, r.name, enable, disable)]
        for rule in each.rules:
            level = overrides.get(rule.id) or overrides.get(rule.name)
            if level:
                rule.spec = rule.spec.model_copy(update={"severity": level})
    in_play = [packs[pack]] if pack in packs else list(packs.values())
    if not any(p.rules for p in in_play):
        where = f"pack {pack}" if pack in packs else "any pack"
        raise UsageError(f"the --enable and --disable choices leave no rule of {where} to check")


def _chosen(rule_id: str, name: str, enable: tuple[str, ...], disable: tuple[str, ...]) -> bool:
    if enable and rule_id not in enable and name not in enable:
        return False
    return rule_id not in disable and name not in disable
