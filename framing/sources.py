"""Who speaks: the source ledger of an article, every attribution in its body.

Cues are read in text order: reporting verbs (``attribution_verb`` findings) and "according
to", vague collectives (``weasel`` findings) and self-citations. Each verb's speaker is
found by ``AttributionReader``; names are joined across the article by ``Mentions``
("Rasool" -> "Yahya Rasool", "he" -> the last compatible person). Hyperlinks that are the
only support of a body sentence's claim become ``link_only`` sources (``framing.links``).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .attribution import AttributionReader
from .context import Context
from .ledger import SourceLedger, build_ledger
from .links import link_sources
from .mentions import Mentions
from .model import Finding, Source, token_index
from .sides import apply_sides
from .source_details import anonymity, hedge_on, quote_kind
from .source_tables import source_tables
from .speakers import Phrase, PhraseReader

PRONOUN_REACH = 6  # sentences back that "he said" may reach for its speaker
SUBJECT_REACH = 80  # tokens before a reporting verb searched for its speaker (bounds work on run-on text)


class SourceFinder:
    """Extracts the source ledger of one article from its context and findings."""

    def __init__(self, ctx: Context, findings: list[Finding]):
        self.ctx = ctx
        self.article = ctx.article
        self.tokens = ctx.article.tokens
        self.findings = findings
        self._by_sentence: dict[Optional[int], list[Finding]] = {}  # findings per sentence, in order
        for f in findings:
            self._by_sentence.setdefault(f.sentence, []).append(f)
        self.tables = source_tables(ctx.lexicon)
        self.mentions = Mentions()
        self.reader = PhraseReader(ctx, self.tables, self.mentions)
        self.frames = AttributionReader(ctx, self.tables, self.reader)
        self.sources: list[Source] = []
        self._in_sentence: dict[Optional[int], list[int]] = {}  # sentence -> indices into self.sources

    def body_sentence(self, i: Optional[int]) -> bool:
        return i is not None and self.article.paragraphs[self.article.sentences[i].paragraph].role == "body"

    def token_range(self, sentence: int) -> tuple[int, int]:
        s = self.article.sentences[sentence]
        lo = self._token_index(s.start)
        return lo, self._token_index(s.end) - 1

    def _token_index(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return token_index(self.tokens, offset)

    # -- the ledger -----------------------------------------------------------------
    def find(self) -> list[Source]:
        for i in range(len(self.article.sentences)):
            if self.body_sentence(i) and self.article.paragraphs[self.article.sentences[i].paragraph].block != "heading":
                # register every name in order, so pronouns and surnames resolve
                first, last = self.token_range(i)
                for a, b in self.reader.name_runs(first, last):
                    self.reader.read_name(a, b, first)
        cues: list[tuple[int, str, object]] = []
        for f in self.findings:
            if f.voice != "author" or not self.body_sentence(f.sentence):
                continue
            if f.kind in ("weasel", "self_citation"):
                cues.append((f.start, f.kind, f))
            elif f.kind == "attribution_verb" and not f.text.lower().startswith("according"):
                cues.append((f.start, "verb", f))
        words = self.reader.words
        if "according" in words:
            for i, w in enumerate(words):
                if w == "according" and self.body_sentence(self.ctx.sentence_of(i)) and not self.reader.quoted[i]:
                    cues.append((self.tokens[i].start, "according", i))
        # fixed spans first (vague groups, self-citations), so verbs attach to them
        for _, kind, cue in sorted(cues, key=lambda c: (c[1] not in ("weasel", "self_citation"), c[0])):
            if kind == "verb":
                self._verb(cue)  # type: ignore[arg-type]
            elif kind == "according":
                self._according(cue)  # type: ignore[arg-type]
            else:
                self._collective(cue)  # type: ignore[arg-type]
        self.sources.extend(link_sources(self.article, self.findings, self.sources))
        self.sources.sort(key=lambda s: (s.start, s.end))
        return self.sources

    def _near(self, sentence: Optional[int], back: int = 1, ahead: int = 1) -> list[int]:
        """Indices of the sources in ``sentence`` and its neighbours, in the order they were found.

        Sources lie inside their sentence, so lookups stay local (and an article with
        thousands of sources is read in linear time).
        """
        if sentence is None:
            return []
        return sorted(k for n in range(sentence - back, sentence + ahead + 1) for k in self._in_sentence.get(n, ()))

    def _covered(self, start: int, end: int, sentence: Optional[int]) -> Optional[int]:
        return next((k for k in self._near(sentence) if self.sources[k].start < end and start < self.sources[k].end), None)

    def _collective(self, f: Finding) -> None:
        """A weasel phrase (vague) or a self-citation; an institution-tied group is ``official``."""
        if self._covered(f.start, f.end, f.sentence) is not None:
            return
        first, last = self._token_index(f.start), self._token_index(f.end) - 1
        if f.kind == "self_citation":
            self._add(f.sentence, Phrase(first, last, "self", "the author"), None)
            return
        verb = next((v for v in self._by_sentence.get(f.sentence, ()) if v.kind == "attribution_verb" and f.start < v.start and v.end == f.end), None)
        if verb is not None and self.reader.role_at(self._token_index(verb.start) - 1):
            last = self._token_index(verb.start) - 1  # "Critics say": the speaker is "Critics"
        else:
            verb = None
        end = self.tokens[last].end
        phrase = Phrase(first, last, "vague", self.article.text[f.start : end], mention="group")
        hit = self.reader.role_at(last)
        if hit is not None and last == self._token_index(f.end) - 1 - (verb is not None) * (self._token_index(f.end) - 1 - last):
            # "health officials", "the authority's report", "Sources told": read the whole noun phrase
            p = self.reader.read_role(hit[0], last, hit[1], self.token_range(f.sentence)[0], last)
            specific = p.type in ("anonymous", "document") or (p.type == "official" and p.affiliation)
            phrase = Phrase(min(p.first, first), last, p.type if specific else "vague", self.reader.span(min(p.first, first), last),
                            role=p.role, affiliation=p.affiliation, mention="group")
        self._add(f.sentence, phrase, verb)


    def _verb(self, verb: Finding) -> None:
        floor, ceiling = self.token_range(verb.sentence)
        v, v_last = self._token_index(verb.start), self._token_index(verb.end) - 1
        floor, ceiling = max(floor, v - SUBJECT_REACH), min(ceiling, v_last + SUBJECT_REACH)
        near = self._covered(self.tokens[max(floor, v - 4)].start, verb.end, verb.sentence)
        if near is not None and self.sources[near].verb is None and self.sources[near].sentence == verb.sentence:
            self.sources[near] = self._with_verb(self.sources[near], verb)
            return
        if v > floor and self.reader.word(v - 1) in ("to", "who", "which"):
            return  # an infinitive, or a relative clause ("an agent who spoke on condition of anonymity")
        group = next((k for k in self._in_sentence.get(verb.sentence, ()) if (s := self.sources[k]).verb is None
                      and s.type in ("vague", "self") and self._token_index(s.end) <= v <= self._token_index(s.end) + 6), None)
        if group is not None:  # "many voices in Iraq have been calling for"
            self.sources[group] = self._with_verb(self.sources[group], verb)
            return
        if not self.frames.reports_speech(verb, v_last, ceiling, verb.sentence):
            return
        if v > floor and self.tokens[v].text[:1].isupper():
            return  # part of a name ("the Balfour Declaration")
        participle = verb.text.lower().split()[0].endswith("ing") and v > floor and (
            "," in self.frames.between(v) or self.reader.word(v - 1) in ("by", "while", "after", "before", "when"))
        if participle and any(self.sources[k].type != "link_only" for k in self._in_sentence.get(verb.sentence, ())):
            return  # "said ..., adding that": the same speaker
        passive = self.frames.passive(v, floor)
        phrase = None
        if participle:
            phrase = self.frames.main_subject(floor, v)
        elif not passive:
            phrase = self.frames.subject(floor, v, ceiling)
        if phrase is None and v > floor and self.reader.word(v - 1) in ("and", "but"):
            # "Linton called it shameful and demanded an inquiry": the subject is the clause's, not the object after
            if any(self.sources[k].type != "link_only" for k in self._in_sentence.get(verb.sentence, ())):
                return  # "said ..., but warned": the same speaker
            phrase = self.frames.main_subject(floor, v)
        elif phrase is None:
            phrase = self.frames.after(v_last, ceiling, by=passive)
        if phrase is not None:
            self._add(verb.sentence, phrase, verb)

    def _according(self, i: int) -> None:
        s = self.ctx.sentence_of(i)
        _, ceiling = self.token_range(s)
        k = i + 1 if i + 1 <= ceiling and self.reader.word(i + 1) == "to" else i
        if self._covered(self.tokens[i].start, self.tokens[k].end, s) is not None:
            return
        phrase = self.frames.after(k, ceiling, by=False)
        verb = next((f for f in self._by_sentence.get(s, ()) if f.kind == "attribution_verb" and f.start == self.tokens[i].start), None)
        if phrase is not None:
            self._add(s, phrase, verb, verb_span=(self.tokens[i].start, self.tokens[k].end))

    def _with_verb(self, src: Source, verb: Finding) -> Source:
        kind, q = quote_kind(self.article, src.sentence, src.start, verb.end)
        return replace(src, verb=verb.text, stance=verb.category, verb_start=verb.start, verb_end=verb.end, quoted=kind,
                       quote_start=q.start if q else None, quote_end=q.end if q else None)

    # -- building sources -----------------------------------------------------------------
    def _resolve(self, p: Phrase, at: int, sentence: int) -> Optional[Phrase]:
        """A pronoun's referent: he/she the latest compatible person, they/it the latest group or body."""
        if not p.pronoun:
            return p
        if p.type == "self":
            return replace(p, type="self", name="the author")
        floor = self.article.sentences[max(0, sentence - PRONOUN_REACH)].start
        if p.type == "person":
            entity = self.mentions.person_before(at, p.gender, floor)
            if entity is None:
                return None
            if p.gender and not entity.gender:
                entity.gender = p.gender
            return replace(p, type="named_person", name=entity.name, role=entity.role)
        wanted = ("named_organization", "official", "document") if p.type == "organization" else ("named_organization", "official", "vague", "anonymous")
        earlier = (self.sources[k] for k in reversed(self._near(sentence, back=2, ahead=0)))
        prior = next((s for s in earlier if s.type in wanted and s.start < at), None)
        if prior is None:
            return None
        return replace(p, type=prior.type, name=prior.name, role=prior.role, affiliation=prior.affiliation)

    def _add(self, sentence: int, p: Phrase, verb: Optional[Finding], verb_span: Optional[tuple[int, int]] = None) -> None:
        start, end = self.tokens[p.first].start, self.tokens[p.last].end
        if self.article.text[end : end + 1] == ")" and self.article.text.count("(", start, end) > self.article.text.count(")", start, end):
            end += 1  # "the Care Quality Commission (CQC)": the bracket closes inside the phrase
        p = self._resolve(p, start, sentence)
        if p is None:
            return
        if p.type == "named_person" and p.role and not p.pronoun:
            self.mentions.note_role(p.name, p.role)
        if any((s := self.sources[k]).name == p.name and s.type == p.type for k in self._in_sentence.get(sentence, ())):
            return  # the same speaker again in one sentence ("said ..., adding")
        covered = self._covered(start, end, sentence)
        if covered is not None:
            if verb is not None and self.sources[covered].verb is None:
                self.sources[covered] = self._with_verb(self.sources[covered], verb)
            return
        vs, ve = verb_span or ((verb.start, verb.end) if verb else (None, None))
        kind, q = quote_kind(self.article, sentence, start, max(end, ve or end))
        stype, reason = p.type, None
        sent = self.article.sentences[sentence]
        anon = anonymity(self.article.text, sent.start, sent.end, self.tables) if stype in ("official", "vague", "anonymous") else None
        if anon:
            stype, reason = "anonymous", anon[1]
        self._in_sentence.setdefault(sentence, []).append(len(self.sources))
        self.sources.append(
            Source(
                start=start, end=end, text=self.article.text[start:end], name=p.name, type=stype, quoted=kind,
                verb=verb.text if verb else None, sentence=sentence, stance=verb.category if verb else None,
                role=p.role, quote_start=q.start if q else None, quote_end=q.end if q else None,
                affiliation=p.affiliation, hedge=hedge_on(self._by_sentence.get(sentence, []), sentence, start, ve or end, (start, end)),
                anonymity_reason=reason, mention=p.mention, verb_start=vs, verb_end=ve,
            )
        )


def find_sources(ctx: Context, findings: list[Finding], sides: Optional[dict[str, str]] = None) -> SourceLedger:
    """The source ledger of an article: every attribution in its body.

    ``sides`` maps speaker or organisation names to sides (see ``framing.sides.load_sides``);
    the ledger is a list of ``Source`` that also carries the article's quote owners and
    unattributed claims for ``sourcing_profile``.
    """
    sources = SourceFinder(ctx, findings).find()
    if sides:
        sources = apply_sides(sources, sides)
    return build_ledger(ctx.article, findings, sources)
