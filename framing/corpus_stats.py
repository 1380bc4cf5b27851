"""Score a corpus for its statistics only: per article, the metrics and (on request) n-gram counts.

Workers send back one compact JSON line per article instead of the whole report, so the
parent holds only numbers. Used by ``framing norms build`` and ``framing compare-corpora``.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .corpus import Options, map_tasks, score_file
from .model import SCORED_ROLES
from .rate_metrics import article_counts, article_values
from .tokens import surface_key, tokenize


def scored_sentence_words(report: dict[str, Any]) -> list[list[str]]:
    """The lower-cased words of every title and body sentence (site chrome left out), as framing tokenizes them."""
    text, paragraphs = report["text"], report["paragraphs"]
    return [
        [surface_key(t.text) for t in tokenize(text, s["start"], s["end"])]
        for s in report["sentences"]
        if paragraphs[s["paragraph"]]["role"] in SCORED_ROLES
    ]


def ngram_counts(sentences: Iterable[list[str]], orders: tuple[int, ...] = (1, 2)) -> dict[int, Counter]:
    """Counts of n-grams (words joined by a space) of each order, never across a sentence boundary.

    >>> ngram_counts([["the", "fire", "spread"], ["the", "fire"]])[2]["the fire"]
    2
    """
    out = {n: Counter() for n in orders}
    for words in sentences:
        for n in orders:
            out[n].update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return out


def stats_line(task: tuple[str, Options, bool]) -> str:
    """Score one file; one JSON line with its words, counts, metric values and (if asked) n-grams."""
    path, options, with_ngrams = task
    result = score_file(path, options)
    if "error" in result:
        return json.dumps(result, ensure_ascii=False) + "\n"
    report = result["report"]
    words, counts = article_counts(report)
    rec: dict[str, Any] = {
        "path": path,
        "words": words,
        "counts": counts,
        "values": article_values(report),
        "lexicon_version": report["lexicon_version"],
        "lexicon_sha256": report["lexicon_sha256"],
    }
    if with_ngrams:
        rec["ngrams"] = {str(n): dict(c) for n, c in ngram_counts(scored_sentence_words(report)).items()}
    return json.dumps(rec, ensure_ascii=False) + "\n"


@dataclass
class CorpusStats:
    """What a corpus run collected: one record per scored article, the errors, the n-gram totals."""

    records: list[dict[str, Any]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    ngrams: dict[int, Counter] = field(default_factory=dict)
    lexicon_version: str = ""
    lexicon_sha256: str = ""


def collect_stats(
    paths: list[str],
    options: Options = Options(),
    jobs: int = 1,
    with_ngrams: bool = False,
    progress: Callable[[Iterable, int], Iterable] = lambda it, total: it,
) -> CorpusStats:
    """Score ``paths`` on ``jobs`` processes; n-gram counts are summed over the corpus, not kept per article."""
    stats = CorpusStats()
    lines: Iterator[str] = map_tasks(stats_line, ((p, options, with_ngrams) for p in paths), len(paths), options, jobs)
    for line in progress(lines, len(paths)):
        rec = json.loads(line)
        if "error" in rec:
            stats.errors.append((rec["path"], rec["error"]))
            continue
        for n, counts in rec.pop("ngrams", {}).items():
            stats.ngrams.setdefault(int(n), Counter()).update(counts)
        stats.lexicon_version = rec.pop("lexicon_version")
        stats.lexicon_sha256 = rec.pop("lexicon_sha256")
        stats.records.append(rec)
    return stats
