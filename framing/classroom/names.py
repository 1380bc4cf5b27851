"""Names, topic words and numbers in two articles, lined up for "same story, two outlets".

A name is a run of capitalised words in a body sentence ("Mayor Ines Varga", "St Aldric's
Hospital"). A title in front of a person ("Mayor") is dropped, a sentence's first word
counts only when the same word is capitalised mid-sentence somewhere in either article
(so "Indeed" and "Critics" are not names), and months and weekdays are left out. Short forms
join the full name that contains them ("Varga" -> "Ines Varga", "Calder" -> "Calder
Chemicals") when exactly one full name does. Topic words are lower-case content words that
both articles use; numbers are figures written in digits.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from ..lexicon import Lexicon
from ..model import Token
from ..report import Report
from ..source_tables import MONTHS
from ..tokens import stem_key, surface_key

CONNECTORS = frozenset({"of", "and", "for", "de", "la", "van", "von"})
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[,.:]\d+)*(?:-\d+)?(?:\s+(?:a\.m\.|p\.m\.|per cent|[a-z]+))?")


@dataclass(frozen=True)
class Mention:
    """One mention of a name: its span, the words as written, and the name it stands for."""

    start: int
    end: int
    surface: str
    key: str


def stop_words() -> frozenset[str]:
    """English stop words (scikit-learn's list; see its documented known problems)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _body_sentences(report: Report) -> list[int]:
    a = report.article
    return [i for i in a.scored_sentences()
            if a.paragraphs[a.sentences[i].paragraph].role == "body" and a.paragraphs[a.sentences[i].paragraph].block != "heading"]  # fmt: skip


def _sentence_tokens(report: Report) -> list[list[Token]]:
    a = report.article
    out: list[list[Token]] = []
    tokens, j = a.tokens, 0
    for i in _body_sentences(report):
        s = a.sentences[i]
        while j < len(tokens) and tokens[j].start < s.start:
            j += 1
        k = j
        while k < len(tokens) and tokens[k].end <= s.end:
            k += 1
        out.append(list(tokens[j:k]))
    return out


def _capital(word: str) -> bool:
    return word[:1].isupper()


def mid_sentence_capitals(*reports: Report) -> frozenset[str]:
    """Words written with a capital somewhere other than at the start of a sentence."""
    out = set()
    for r in reports:
        for toks in _sentence_tokens(r):
            out.update(surface_key(t.text) for t in toks[1:] if _capital(t.text))
    return frozenset(out)


def _runs(text: str, toks: list[Token], org_words: frozenset[str]) -> list[list[Token]]:
    """Runs of capitalised tokens joined by single spaces (or connectors, or a plural possessive)."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for i, t in enumerate(toks):
        if cur:
            gap = text[cur[-1].end : t.start]
            joined = gap == " " or (gap in ("' ", "’ ") and cur[-1].text.endswith("s") and t.text.lower() in org_words)
            if joined and _capital(t.text) and (not _possessive(cur[-1].text) or t.text.lower() in org_words):
                cur.append(t)
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if joined and t.text in CONNECTORS and nxt is not None and _capital(nxt.text) and text[t.end : nxt.start] == " ":
                cur.append(t)
                continue
            runs.append(cur)
            cur = []
        if _capital(t.text) and any(c.isalpha() for c in t.text):
            cur = [t]
    if cur:
        runs.append(cur)
    return [part for run in runs for part in _split_and(run, org_words)]


def _split_and(run: list[Token], org_words: frozenset[str]) -> list[list[Token]]:
    """ "Saltmarsh and Pier Row" is two places; "Fire and Rescue Service" is one body."""
    if len(run) < 3 or run[-1].text.lower() in org_words:
        return [run]
    parts: list[list[Token]] = [[]]
    for t in run:
        if t.text == "and":
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _possessive(word: str) -> bool:
    return word.lower().replace("’", "'").endswith("'s")


def _normal(word: str) -> str:
    w = word[:-2] if _possessive(word) else word
    return w.capitalize() if w.isupper() and len(w) > 3 else w  # "HARLOW BAY", not "US"


def title_words(lexicon: Lexicon) -> frozenset[str]:
    """Words that stand as titles before a name ("Mayor Ines Varga"): honorifics and one-word
    official roles, from the lexicon's ``sources/`` tables."""
    roles = {r["term"].lower() for r in lexicon.table("sources/role") if r.get("type") == "official" and " " not in r.get("term", "").strip()}
    return frozenset(roles) | lexicon.words("sources/honorific")


def find_mentions(report: Report, capitals: frozenset[str], lexicon: Optional[Lexicon] = None) -> list[Mention]:
    """Every name mention in the body, with a key before short forms are joined to full names."""
    stops = stop_words()
    if lexicon is None:
        from ..pipeline import default_analyzer

        lexicon = default_analyzer().lexicon
    titles = title_words(lexicon)
    org_words = lexicon.words("sources/organization_word")
    text = report.article.text
    out = []
    for toks in _sentence_tokens(report):
        first = toks[0].start if toks else -1
        for run in _runs(text, toks, org_words):
            if run[0].start == first and (run[0].text.lower() in stops or (len(run) == 1 and surface_key(run[0].text) not in capitals)):
                run = run[1:]
            while run and run[-1].text in CONNECTORS:
                run = run[:-1]
            words = [_normal(t.text) for t in run]
            while len(words) > 1 and words[0].lower().rstrip(".") in titles:
                words = words[1:]
            if not words or words[0].lower() in MONTHS or (len(words) == 1 and (len(words[0]) < 2 or words[0].lower() in stops)):
                continue
            end = run[-1].end - (2 if _possessive(run[-1].text) else 0)
            out.append(Mention(run[0].start, end, text[run[0].start : end], " ".join(words)))
    return out


def canonical_names(keys: Iterable[str]) -> dict[str, str]:
    """Map every name to its full form: a short form joins the one longer name that contains it."""
    keys = set(keys)
    multi = {k for k in keys if " " in k}

    def longer(k: str) -> set[str]:
        words = k.split()
        n = len(words)
        if n == 1:
            return {m for m in multi if words[0] in m.split()}
        return {m for m in multi if m != k and m.split()[-n:] == words}  # a tail: "Process Workers' Union"

    out: dict[str, str] = {}
    for k in sorted(keys, key=lambda k: -len(k.split())):
        found = {out.get(m, m) for m in longer(k)}
        out[k] = found.pop() if len(found) == 1 else k
    return out


def topic_words(a: Report, b: Report, limit: int = 8) -> list[str]:
    """Lower-case content words both articles use, most shared first (by stem; shown as written)."""
    stops = stop_words()
    counts: list[Counter] = []
    shown: dict[str, Counter] = {}
    for r in (a, b):
        flagged = [(f.start, f.end) for f in r.findings]
        c: Counter = Counter()
        for toks in _sentence_tokens(r):
            for t in toks:
                w = t.text.lower()
                if not t.text.islower() or len(w) < 4 or w in stops or not w.isalpha():
                    continue
                if any(s <= t.start < e for s, e in flagged):
                    continue
                c[stem_key(w)] += 1
                shown.setdefault(stem_key(w), Counter())[w] += 1
        counts.append(c)
    shared = [k for k in counts[0] if k in counts[1]]
    shared.sort(key=lambda k: (-min(counts[0][k], counts[1][k]), -(counts[0][k] + counts[1][k]), k))
    return [shown[k].most_common(1)[0][0] for k in shared[:limit]]


def word_mentions(report: Report, word: str) -> list[Mention]:
    """Mentions of a topic word (any form with the same stem) in the body."""
    key = stem_key(word)
    return [Mention(t.start, t.end, t.text, word) for toks in _sentence_tokens(report) for t in toks
            if t.text.islower() and stem_key(t.text) == key]  # fmt: skip


def numbers(report: Report) -> dict[str, str]:
    """Figures written in digits in the body: the figure (without commas) -> the words as written."""
    a = report.article
    stops = stop_words()
    out: dict[str, str] = {}
    for i in _body_sentences(report):
        s = a.sentences[i]
        for m in _NUMBER.finditer(a.text, s.start, s.end):
            figure = re.match(r"[\d,.:\-]+", m.group()).group()
            words = m.group() if m.group()[len(figure):].strip() not in stops else figure
            out.setdefault(figure.replace(",", ""), words)
    return out
