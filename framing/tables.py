"""Flat rows for analysis: one per article, and on request one per finding and per source.

Rows are built from the report's JSON form, so every table carries exactly what the
``framing.report/1`` contract carries, in columns ready for pandas, R and Parquet.
"""
from __future__ import annotations

import json
from typing import Any

from .model import KINDS, SOURCE_TYPES

ARTICLE_META = ("path", "title", "byline", "date", "outlet", "url", "words")


def article_row(report: dict[str, Any]) -> dict[str, Any]:
    """One flat row of metadata, counts, rates, sourcing profile, readability and classifier summary."""
    row: dict[str, Any] = {k: report["article"].get(k) for k in ARTICLE_META}
    scores = report["scores"]
    for kind in KINDS:
        c = scores["counts"][kind]
        r = scores["rates_per_1000_words"][kind]
        row[f"{kind}_count"] = c["total"]
        row[f"{kind}_rate"] = r["total"]
        row[f"{kind}_author_rate"] = r["author"]
        row[f"{kind}_quoted_rate"] = r["quoted"]
    prof = scores.get("sourcing") or {}
    for key in ("attributions", "distinct_named_sources", "share_vague", "share_anonymous", "share_self_or_link_only",
                "direct_quotes", "mixed_quotes", "paraphrases", "share_sentences_without_source"):
        row[f"sources_{key}"] = prof.get(key)
    for t in SOURCE_TYPES:
        row[f"sources_{t}"] = (prof.get("by_type") or {}).get(t, 0)
    for name, value in (scores.get("readability") or {}).items():
        row[f"readability_{name}"] = value
    clf = scores.get("classifier") or {}
    for key in ("mean", "share_above_threshold"):
        row[f"classifier_{key}"] = clf.get(key) if isinstance(clf, dict) else None
    row["lexicon_version"] = report.get("lexicon_version")
    row["framing_version"] = report.get("framing_version")
    return _with_input_columns(row, (report.get("input") or {}).get("metadata") or {})


def _with_input_columns(row: dict[str, Any], metadata: dict[str, Any]) -> dict[str, Any]:
    """A corpus table's own columns (``report["input"]["metadata"]``) right after ``path``; a
    column whose name framing uses is kept as ``input_<name>`` unless it holds the same value."""
    if not metadata:
        return row
    extra = {}
    for key, value in metadata.items():
        if key in row and str(row[key]) == str(value):
            continue
        extra[f"input_{key}" if key in row else key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value
    return {"path": row["path"], **extra, **{k: v for k, v in row.items() if k != "path"}}


def finding_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per finding, with the article path and the sentence text."""
    text, sentences = report["text"], report["sentences"]
    path = report["article"].get("path")
    out = []
    for f in report["findings"]:
        s = sentences[f["sentence"]] if f.get("sentence") is not None else None
        out.append({"path": path, **f, "sentence_text": text[s["start"] : s["end"]] if s else None})
    return out


def source_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per attribution, with the article path."""
    path = report["article"].get("path")
    return [{"path": path, **s} for s in report["sources"]]
