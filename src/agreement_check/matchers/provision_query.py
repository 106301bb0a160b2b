"""The `provision` matcher kind: a question asked of the document's provisions.

    provision:
      actor: [funder, either, unknown]
      action: [end]
      reasons: [funding, priorities, any-reason]
      not_reasons: [breach, serious]

Every field lists the values that qualify (any of them); `not_` fields list values that
disqualify. The vocabulary is checked when the rule loads (see `QUERY_FIELDS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agreement_check.matchers.base import Hit
from agreement_check.matchers.compose import All, Filtered, Node, Not
from agreement_check.matchers.compose import Any as AnyNode
from agreement_check.nlp.actions import VOCABULARY
from agreement_check.nlp.modality import MODALITIES
from agreement_check.nlp.parties import EITHER, FUNDER, RECIPIENT, UNKNOWN
from agreement_check.nlp.periods import ROLES
from agreement_check.nlp.reasons import REASON_CUES

if TYPE_CHECKING:
    from agreement_check.nlp.context import DocumentContext
    from agreement_check.nlp.provisions import Provision

ACTORS = (FUNDER, RECIPIENT, EITHER, "third-party", UNKNOWN)
REASONS = (*REASON_CUES, "unconditional")
TIMINGS = ("immediate", "at-any-time", "on-notice")
QUERY_FIELDS: dict[str, tuple[str, ...]] = {
    "action": tuple(sorted(VOCABULARY)),
    "actor": ACTORS,
    "modality": MODALITIES,
    "reasons": REASONS,
    "not_reasons": REASONS,
    "timing": TIMINGS,
    "not_timing": TIMINGS,
    "periods": ROLES,
    "not_periods": ROLES,
}


@dataclass
class ProvisionQuery(Node):
    action: frozenset[str]
    actor: frozenset[str] = frozenset()
    modality: frozenset[str] = frozenset()
    reasons: frozenset[str] = frozenset()
    not_reasons: frozenset[str] = frozenset()
    timing: frozenset[str] = frozenset()
    not_timing: frozenset[str] = frozenset()
    periods: frozenset[str] = frozenset()
    not_periods: frozenset[str] = frozenset()

    def matches(self, provision: Provision) -> bool:
        roles = {p.role for p in provision.periods}
        return (
            provision.action in self.action
            and (not self.actor or provision.actor in self.actor)
            and (not self.modality or provision.modality in self.modality)
            and (not self.reasons or bool(provision.reasons & self.reasons))
            and not provision.reasons & self.not_reasons
            and (not self.timing or bool(provision.timing & self.timing))
            and not provision.timing & self.not_timing
            and (not self.periods or bool(roles & self.periods))
            and not roles & self.not_periods
        )

    def provisions(self, ctx: DocumentContext) -> list[Provision]:
        return [p for p in ctx.provisions_of(self.action) if self.matches(p)]

    def find(self, ctx: DocumentContext) -> list[Hit]:
        return [provision_hit(p, ctx) for p in self.provisions(ctx)]


def provision_hit(provision: Provision, ctx: DocumentContext) -> Hit:
    """Where a provision stands: its action words, or the whole item when the action is
    in the lead-in the item completes."""
    if provision.in_lead_in:
        return Hit(provision.unit, 0, len(ctx.units[provision.unit].text))
    return Hit(provision.unit, provision.start, provision.end)


def selected_provisions(node: Node, ctx: DocumentContext) -> list[Provision]:
    """The provisions a find entry selects: a query, a name of one, or `any` of them."""
    target = getattr(node, "target", None)
    if target is not None:
        return selected_provisions(target, ctx)
    if isinstance(node, ProvisionQuery):
        return node.provisions(ctx)
    if isinstance(node, AnyNode):
        out: list[Provision] = []
        for child in node.children:
            out.extend(p for p in selected_provisions(child, ctx) if p not in out)
        return out
    return []


def asked_actions(node: Node) -> frozenset[str]:
    """The actions the provision queries of a find entry ask about (an entry it names by
    reference is counted where the rule defines it)."""
    if isinstance(node, ProvisionQuery):
        return node.action
    if isinstance(node, (AnyNode, All)):
        return frozenset().union(*(asked_actions(child) for child in node.children))
    if isinstance(node, (Filtered, Not)):
        return asked_actions(node.child)
    return frozenset()


def selects_provisions(node: Node) -> bool:
    """Whether a find yields provisions (not text spans), so its hits can be compared by what they provide."""
    target = getattr(node, "target", None)
    if target is not None:
        return selects_provisions(target)
    if isinstance(node, AnyNode):
        return all(selects_provisions(c) for c in node.children)
    return isinstance(node, ProvisionQuery)
