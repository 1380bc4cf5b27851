"""Grade bands: which findings a worksheet asks about, and how many sentences to rewrite."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Finding


@dataclass(frozen=True)
class GradeBand:
    """What a worksheet for one grade band includes.

    Every band keeps findings with a weight above zero (plain reporting verbs such as
    "said" weigh nothing and would only crowd the list).
    """

    name: str
    label: str
    kinds: frozenset[str]
    rewrites: int  # how many sentences "Say it straight" offers, at most
    plain_verbs: bool = False  # also list neutral reporting verbs with some weight

    def includes(self, f: Finding) -> bool:
        """Whether finding ``f`` belongs on this band's answer key."""
        if f.kind not in self.kinds or f.weight <= 0:
            return False
        if f.kind == "attribution_verb" and f.category == "neutral":
            return self.plain_verbs
        return True


GRADES: dict[str, GradeBand] = {
    "6-8": GradeBand("6-8", "grades 6 to 8", frozenset({"loaded", "scare_quote", "hedge", "weasel"}), rewrites=5),
    "9-12": GradeBand(
        "9-12", "grades 9 to 12",
        frozenset({"loaded", "scare_quote", "hedge", "weasel", "booster", "attribution_verb", "self_citation"}),
        rewrites=6,
    ),
    "college": GradeBand(
        "college", "college",
        frozenset({"loaded", "scare_quote", "hedge", "weasel", "booster", "attribution_verb", "self_citation"}),
        rewrites=8, plain_verbs=True,
    ),
}  # fmt: skip

#: The three tasks of "Word detective", and the finding kinds each one collects.
TASK_KINDS: dict[str, frozenset[str]] = {
    "judgement": frozenset({"loaded", "scare_quote", "booster", "attribution_verb"}),
    "sources": frozenset({"weasel", "self_citation", "source"}),
    "hedges": frozenset({"hedge"}),
}


def task_of(kind: str) -> str:
    """The Word detective task a finding kind (or ``"source"``) belongs to."""
    return next((task for task, kinds in TASK_KINDS.items() if kind in kinds), "judgement")


def grade_band(name: str) -> GradeBand:
    """The band called ``name`` (``6-8``, ``9-12`` or ``college``); ValueError otherwise."""
    try:
        return GRADES[name]
    except KeyError:
        raise ValueError(f"unknown grade {name!r}: use one of {', '.join(GRADES)}") from None
