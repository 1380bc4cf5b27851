"""``framing lexicon lint``: checks a lexicon folder beyond what loading requires.

Loading already rejects malformed rows (header, field count, weights, match modes). Lint
adds: duplicate terms within a kind (after normalisation), sources that ``sources.tsv``
does not define, categories that ``categories.tsv`` does not define, and terms that the
tokenizer would not reproduce.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Optional

from .lexicon import Lexicon, LexiconError, load_lexicon
from .tokens import stem_key, surface_key, term_words


def entry_key(term: str, match: str) -> str:
    """The normal form a term is matched by: what two entries must not share."""
    norm = stem_key if match == "stem" else surface_key
    return " ".join("*" if w == "*" else norm(w) for w in term_words(term))


def lint(lexicon: Lexicon) -> list[str]:
    """Problems found in a loaded lexicon, one line each (``path:line: problem``)."""
    problems: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    for e in lexicon.entries:
        key = (e.kind, entry_key(e.term, e.match))
        if key in seen:
            problems.append(f"{e.origin}: {e.term!r} duplicates {seen[key]} (same words after stemming)")
        else:
            seen[key] = e.origin
        if e.source not in lexicon.sources:
            problems.append(f"{e.origin}: source {e.source!r} is not defined in sources.tsv")
        if lexicon.category(e.kind, e.category) is None:
            problems.append(f"{e.origin}: category {e.kind}/{e.category} is not defined in categories.tsv")
        rebuilt = " ".join(term_words(e.term))
        if rebuilt.lower().replace("’", "'") != " ".join(e.term.split()).lower().replace("’", "'"):
            problems.append(f"{e.origin}: the tokenizer reads {e.term!r} as {rebuilt!r}")
    by_kind = defaultdict(int)
    for e in lexicon.entries:
        by_kind[e.kind] += 1
    if not lexicon.entries:
        problems.append("no lexicon entries found")
    return problems


def lint_folder(folder: Optional[Path] = None) -> list[str]:
    """Load and lint a folder (the shipped lexicons if ``None``); loader errors are problems too."""
    try:
        lexicon = load_lexicon(folder, include_default=False) if folder else load_lexicon()
    except LexiconError as e:
        return [str(e)]
    return lint(lexicon)
