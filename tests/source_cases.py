"""The table of real attribution sentences (``tests/data/source_cases.tsv``) and how the
ledger is measured on it; used by ``tests/test_sources_table.py`` and
``scripts/evaluate_sources.py``.

Each row names a sentence in the shared research data without copying it: a PTC article id
or the first words of a BABE sentence, plus a substring that locates the sentence. The
sentences are read from ``../shared/data`` when the test runs.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from framing.model import SOURCE_TYPES, Source
from framing.pipeline import Analyzer, default_analyzer

TABLE = Path(__file__).with_name("data") / "source_cases.tsv"


@dataclass(frozen=True)
class Case:
    """One expected attribution: where its sentence is, and who speaks how."""

    line: int
    dataset: str  # ptc | babe
    key: str  # PTC article id, or the exact first words of a BABE sentence
    locate: str  # a substring of the sentence
    speaker: str  # the speaker span as written ("-" if the sentence must have no source)
    type: str
    quoted: str
    verb: str  # "-" for none
    xfail: str = ""  # a known miss, with the reason

    @property
    def group(self) -> tuple[str, str, str]:
        return self.dataset, self.key, self.locate


def load_cases(path: Path = TABLE) -> list[Case]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Case(line=i + 2, **{k: (v or "").strip() for k, v in r.items() if k in Case.__annotations__ and k != "line"}) for i, r in enumerate(rows)]


@lru_cache(maxsize=None)
def _babe_texts(data: Path) -> tuple[str, ...]:
    with open(data / "babe" / "final_labels_SG2.csv", encoding="utf-8-sig", newline="") as fh:
        return tuple(r["text"] for r in csv.DictReader(fh, delimiter=";"))


@lru_cache(maxsize=None)
def _report(data: Path, dataset: str, key: str):
    analyzer: Analyzer = default_analyzer()
    if dataset == "ptc":
        path = data / "ptc-train" / "articles" / f"{key}.txt"
        return analyzer.score_text(path.read_text(encoding="utf-8"), path=str(path), syntax="text")
    text = next(t for t in _babe_texts(data) if t.startswith(key))
    return analyzer.score_text(text, syntax="text")


def predicted(data: Path, case: Case) -> list[Source]:
    """The ledger's sources in the sentence the case locates."""
    report = _report(data, case.dataset, case.key)
    at = report.article.text.find(case.locate)
    if at < 0:
        raise LookupError(f"source_cases.tsv:{case.line}: {case.locate!r} not found in {case.key}")
    sentence = report.article.sentence_at(at)
    return [s for s in report.sources if s.sentence == sentence]


def evaluate(data: Path, cases: list[Case]) -> dict[str, object]:
    """Precision and recall of speaker spans (exact and overlapping) and of types."""
    groups: dict[tuple[str, str, str], list[Case]] = defaultdict(list)
    for c in cases:
        groups[c.group].append(c)
    n_pred = n_gold = exact = overlap = 0
    typed = {t: {"pred": 0, "gold": 0, "correct": 0} for t in SOURCE_TYPES}
    quoted = verbs = matched = 0
    for group in groups.values():
        gold = [c for c in group if c.speaker != "-"]
        preds = predicted(data, group[0])
        n_pred += len(preds)
        n_gold += len(gold)
        for p in preds:
            typed[p.type]["pred"] += 1
        for c in gold:
            typed[c.type]["gold"] += 1
            hit = _match(c, preds)
            if hit is None:
                continue
            overlap += 1
            exact += hit.text == c.speaker
            matched += 1
            typed[c.type]["correct"] += hit.type == c.type
            quoted += hit.quoted == c.quoted
            verbs += (hit.verb or "-") == c.verb
    correct = sum(t["correct"] for t in typed.values())
    return {
        "cases": len(cases), "sentences": len(groups), "predicted": n_pred, "gold": n_gold,
        "span_exact": {"precision": _ratio(exact, n_pred), "recall": _ratio(exact, n_gold)},
        "span_overlap": {"precision": _ratio(overlap, n_pred), "recall": _ratio(overlap, n_gold)},
        "type": {"precision": _ratio(correct, n_pred), "recall": _ratio(correct, n_gold)},
        "by_type": {t: {"precision": _ratio(v["correct"], v["pred"]), "recall": _ratio(v["correct"], v["gold"]), "gold": v["gold"]} for t, v in typed.items()},
        "quote_kind_accuracy": _ratio(quoted, matched), "verb_accuracy": _ratio(verbs, matched),
    }


def _match(case: Case, preds: list[Source]) -> Optional[Source]:
    """The predicted source for a gold row: the same span, else the first overlapping one."""
    exact = next((p for p in preds if p.text == case.speaker), None)
    if exact:
        return exact
    return next((p for p in preds if case.speaker in p.text or p.text in case.speaker), None)


def _ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 3) if b else None
