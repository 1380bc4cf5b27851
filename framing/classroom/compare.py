"""Same story, two outlets: two reports side by side.

Rates per 1,000 words (with the counts they rest on), who is quoted in each, the words each
uses around the same people, places and things (lined up by shared names, see
``framing.classroom.names``), and the figures each gives. No score says which is "more
biased": the tables are for students to read and argue about.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..lexicon import Lexicon
from ..model import KINDS, Finding
from ..report import Report
from .exercises import Speaker, speakers
from .lines import number_lines
from .names import Mention, canonical_names, find_mentions, mid_sentence_capitals, numbers, topic_words, word_mentions

SOURCING_ROWS = (
    ("attributions", "attributions"),
    ("distinct_named_sources", "distinct named sources"),
    ("direct_quotes", "direct quotes"),
    ("share_vague", "share of vague sources"),
    ("share_sentences_without_source", "share of body sentences with no source"),
)


@dataclass(frozen=True)
class KindRow:
    """One kind of finding in both articles: counts and rates per 1,000 words."""

    kind: str
    counts: tuple[int, int]
    rates: tuple[float, float]
    author_rates: tuple[float, float]


@dataclass(frozen=True)
class NameRow:
    """One name (or topic word) in both articles: how each refers to it and the words around it."""

    name: str
    kind: str  # person | organisation | place or other | topic
    mentions: tuple[int, int]
    forms: tuple[tuple[str, ...], tuple[str, ...]]
    words: tuple[tuple[str, ...], tuple[str, ...]]  # flagged words in the sentences that mention it
    verbs: tuple[tuple[str, ...], tuple[str, ...]]  # reporting verbs used for it, as a speaker

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mentions": list(self.mentions),
                "forms": [list(x) for x in self.forms], "words": [list(x) for x in self.words],
                "verbs": [list(x) for x in self.verbs]}  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    """Two articles on the same event, side by side."""

    a: Report
    b: Report
    kinds: tuple[KindRow, ...]
    sourcing: tuple[tuple[str, Any, Any], ...]
    speakers: tuple[tuple[Speaker, ...], tuple[Speaker, ...]]
    names: tuple[NameRow, ...]  # names in both
    only: tuple[tuple[str, ...], tuple[str, ...]]  # names in one article only
    topics: tuple[NameRow, ...]
    figures: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # in both, only in A, only in B

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (schema ``framing.classroom.compare/1``)."""
        from .. import __version__

        return {
            "schema": "framing.classroom.compare/1",
            "framing_version": __version__,
            "articles": [article_summary(r) for r in (self.a, self.b)],
            "kinds": [{"kind": k.kind, "counts": list(k.counts), "rates_per_1000_words": list(k.rates),
                       "author_rates_per_1000_words": list(k.author_rates)} for k in self.kinds],
            "sourcing": [{"measure": m, "values": [x, y]} for m, x, y in self.sourcing],
            "speakers": [[s.to_dict() for s in side] for side in self.speakers],
            "shared_names": [n.to_dict() for n in self.names],
            "names_only_in": [list(x) for x in self.only],
            "shared_topics": [n.to_dict() for n in self.topics],
            "figures": {"both": list(self.figures[0]), "only_a": list(self.figures[1]), "only_b": list(self.figures[2])},
            "note": "framing flags language for discussion; it does not rule an article biased or true.",
        }  # fmt: skip

    def to_text(self) -> str:
        from .render_compare_text import render_compare_text

        return render_compare_text(self)

    def to_html(self) -> str:
        from .render_compare import render_compare_page

        return render_compare_page(self)


def reading_grade(report: Report) -> Optional[float]:
    return (report.scores.get("readability") or {}).get("flesch_kincaid_grade")


def article_summary(report: Report) -> dict[str, Any]:
    """Title, outlet, date, words and reading level of one article."""
    m = report.article.meta
    return {"path": m.path, "title": m.title, "outlet": m.outlet, "date": m.date, "byline": m.byline,
            "words": report.scores.get("words", 0), "reading_grade": reading_grade(report)}  # fmt: skip


def compare_reports(a: Report, b: Report, lexicon: Optional[Lexicon] = None) -> Comparison:
    """Line up two reports on the same event."""
    if lexicon is None:
        from ..pipeline import default_analyzer

        lexicon = default_analyzer().lexicon
    kinds = tuple(
        KindRow(k, (a.scores["counts"][k]["total"], b.scores["counts"][k]["total"]),
                (a.scores["rates_per_1000_words"][k]["total"], b.scores["rates_per_1000_words"][k]["total"]),
                (a.scores["rates_per_1000_words"][k]["author"], b.scores["rates_per_1000_words"][k]["author"]))
        for k in KINDS
    )  # fmt: skip
    sourcing = tuple((label, a.scores["sourcing"].get(key), b.scores["sourcing"].get(key)) for key, label in SOURCING_ROWS)
    caps = mid_sentence_capitals(a, b)
    mentions = (find_mentions(a, caps, lexicon), find_mentions(b, caps, lexicon))
    canon = canonical_names([m.key for side in mentions for m in side] + [s.name for r in (a, b) for s in r.sources])
    keyed = [[Mention(m.start, m.end, m.surface, canon.get(m.key, m.key)) for m in side] for side in mentions]
    keys = [list(dict.fromkeys(m.key for m in side)) for side in keyed]
    shared = [k for k in keys[0] if k in keys[1]]
    org_words = lexicon.words("sources/organization_word")
    types = {canon.get(s.name, s.name): s.type for r in (a, b) for s in r.sources}
    names = tuple(_row(k, _name_kind(k, types, org_words), (a, b), [[m for m in side if m.key == k] for side in keyed], canon) for k in shared)
    topics = tuple(_row(w, "topic", (a, b), [word_mentions(a, w), word_mentions(b, w)], canon) for w in topic_words(a, b, limit=10))
    fa, fb = numbers(a), numbers(b)
    figures = (tuple(fa[k] for k in fa if k in fb), tuple(fa[k] for k in fa if k not in fb), tuple(fb[k] for k in fb if k not in fa))
    return Comparison(
        a=a, b=b, kinds=kinds, sourcing=sourcing,
        speakers=(speakers(a, number_lines(a.article)), speakers(b, number_lines(b.article))),
        names=names, only=(tuple(k for k in keys[0] if k not in keys[1]), tuple(k for k in keys[1] if k not in keys[0])),
        topics=topics, figures=figures,
    )  # fmt: skip


def _name_kind(key: str, types: dict[str, str], org_words: frozenset[str]) -> str:
    t = types.get(key)
    if t == "named_person":
        return "person"
    if t == "named_organization" or key.split()[-1].lower() in org_words:
        return "organisation"
    return "place or other"


def _telling(f: Finding) -> bool:
    """A word for a thing: a loaded word, scare quotes, or a reporting verb that takes a stance."""
    if f.weight <= 0 or f.kind not in ("loaded", "scare_quote", "attribution_verb"):
        return False
    return not (f.kind == "attribution_verb" and f.category == "neutral")


def _row(name: str, kind: str, reports: tuple[Report, Report], mentions: list[list[Mention]], canon: dict[str, str]) -> NameRow:
    forms, words, verbs, counts = [], [], [], []
    for r, ms in zip(reports, mentions):
        sentences = {r.article.sentence_at(m.start) for m in ms}
        counts.append(len(ms))
        forms.append(tuple(dict.fromkeys(m.surface for m in ms)))
        words.append(tuple(dict.fromkeys(
            f.text + (" (in a quote)" if f.voice == "quoted" else "") for f in r.findings if f.sentence in sentences and _telling(f)
        )))  # fmt: skip
        verbs.append(tuple(dict.fromkeys(
            s.verb + (f" ({s.stance})" if s.stance and s.stance != "neutral" else "")
            for s in r.sources if s.verb and canon.get(s.name, s.name) == name
        )))  # fmt: skip
    return NameRow(name, kind, (counts[0], counts[1]), (forms[0], forms[1]), (words[0], words[1]), (verbs[0], verbs[1]))
