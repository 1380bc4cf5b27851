"""Detectors: one module each, one interface ``detect(ctx) -> list[Finding]``.

``DETECTORS`` is the explicit registry, in report order. A detector is pure: it reads the
``Context`` (article, lexicon and shared lexicon matches) and returns findings.
"""
from __future__ import annotations

from typing import Callable

from ..context import Context
from ..model import Finding
from . import attribution_verb, booster, hedge, loaded, scare_quote, self_citation, weasel

Detector = Callable[[Context], list[Finding]]

DETECTORS: dict[str, Detector] = {
    "loaded": loaded.detect,
    "hedge": hedge.detect,
    "weasel": weasel.detect,
    "booster": booster.detect,
    "scare_quote": scare_quote.detect,
    "attribution_verb": attribution_verb.detect,
    "self_citation": self_citation.detect,
}


def run_detectors(ctx: Context) -> list[Finding]:
    """Every detector's findings, sorted by position."""
    findings = [f for detect in DETECTORS.values() for f in detect(ctx)]
    findings.sort(key=lambda f: (f.start, f.end, f.kind))
    return findings
