"""Detectors on real news sentences: a table of PTC sentences (``tests/data/detector_cases.tsv``)
with the finding a reader expects in each, labelled by hand.

Rows name a sentence by its PTC article id and a substring that locates it; the text is read
from ``../shared/data/ptc-train`` when the test runs (skipped where it is absent), never copied.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from framing.pipeline import Analyzer

from .conftest import shared

TABLE = Path(__file__).with_name("data") / "detector_cases.tsv"
with TABLE.open(encoding="utf-8", newline="") as fh:
    CASES = list(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=None)
def _report(key: str):
    path = shared("ptc-train", "articles", f"{key}.txt")
    return Analyzer(model=False).score_text(path.read_text(encoding="utf-8"), path=str(path), syntax="plain")


def test_table_covers_every_text_detector():
    assert len(CASES) >= 15
    assert {c["kind"] for c in CASES} >= {"loaded", "hedge", "weasel", "booster", "scare_quote", "attribution_verb"}


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(reason=c["xfail"], strict=True)) if c["xfail"] else c for c in CASES],
    ids=[f"{c['kind']}:{c['expected']}" for c in CASES],
)
def test_expected_finding_in_the_sentence(case):
    report = _report(case["key"])
    text = report.article.text
    at = text.find(case["locate"])
    assert at >= 0, f"{case['locate']!r} not found in {case['key']}"
    sentence = next(s for s in report.article.sentences if s.start <= at < s.end)
    hits = [
        f
        for f in report.findings
        if f.kind == case["kind"] and sentence.start <= f.start < sentence.end and case["expected"] in f.text.lower()
    ]
    assert hits, f"no {case['kind']} finding with {case['expected']!r} in: {text[sentence.start:sentence.end]}"
    assert all(text[f.start : f.end] == f.text for f in hits)
