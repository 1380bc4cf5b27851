"""The source ledger on real sentences from the shared research data (PTC and BABE).

The table ``tests/data/source_cases.tsv`` names each sentence (article id or BABE prefix,
plus a locating substring) and the expected speaker span, type, quote kind and verb; the
sentences are read from ``../shared/data`` at test time. Known misses carry their reason
in the ``xfail`` column. Figures: ``python scripts/evaluate_sources.py`` (docs/sources.md).
"""
import pytest

from framing.model import SOURCE_TYPES

from .conftest import shared
from .source_cases import _match, evaluate, load_cases, predicted

CASES = load_cases()


def _param(case):
    marks = [pytest.mark.xfail(reason=case.xfail, strict=False)] if case.xfail else []
    return pytest.param(case, marks=marks, id=f"{case.line}-{case.key[:24]}")


def test_table_is_big_enough_and_covers_every_type():
    assert len(CASES) >= 60
    assert {c.type for c in CASES} >= set(SOURCE_TYPES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_attribution(case):
    data = shared()
    preds = predicted(data, case)
    hit = _match(case, preds)
    found = [(p.text, p.type, p.quoted, p.verb) for p in preds]
    assert hit is not None, f"no source for {case.speaker!r}; found {found}"
    assert (hit.text, hit.type, hit.quoted, hit.verb or "-") == (case.speaker, case.type, case.quoted, case.verb), found


def test_precision_and_recall_floor():
    """Regressions show here first; the measured figures are in docs/sources.md."""
    figures = evaluate(shared(), CASES)
    assert figures["span_overlap"]["recall"] >= 0.9
    assert figures["span_exact"]["precision"] >= 0.8 and figures["span_exact"]["recall"] >= 0.8
    assert figures["type"]["precision"] >= 0.85 and figures["type"]["recall"] >= 0.9
