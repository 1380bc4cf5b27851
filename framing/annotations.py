"""Annotations shared by export and agreement: labelled spans, sentence codes, documents.

A *label* is ``kind/category`` ("loaded/sensational_verb"), the category set of the lexicons.
A *document* is one article as framing read it: its plain text (every offset indexes it), its
sentences and which of them are title or body (the units of sentence-level agreement).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from .model import KINDS, SCORED_ROLES


@dataclass(frozen=True, order=True)
class Span:
    """One labelled span of a document; offsets index the document's plain text."""

    doc: str
    start: int
    end: int
    label: str


@dataclass
class Coding:
    """What one coder (a person, or framing) marked: spans, or sentence codes."""

    coder: str
    spans: set[Span] = field(default_factory=set)
    sentence_codes: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)
    texts: dict[str, str] = field(default_factory=dict)  # document texts, where the format carries them
    by_sentence: bool = False  # coded sentences rather than spans
    utf16: bool = False  # offsets still in UTF-16 code units (WebAnno TSV)
    docs_listed: bool = True  # False: a plain span table names only documents with spans; all count as coded

    def labels(self) -> set[str]:
        return {s.label for s in self.spans} | {l for ls in self.sentence_codes.values() for l in ls}


@dataclass(frozen=True)
class Document:
    """An article as framing read it: text, sentence spans, and the scored (title, body) sentences."""

    doc: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    scored: tuple[int, ...]
    path: Optional[str] = None


def label_of(kind: str, category: str) -> str:
    return f"{kind}/{category}"


def doc_id(path: Optional[str]) -> str:
    """A document's id: the file name without suffix, or the row id of a corpus table (``file#id``)."""
    if not path:
        return "stdin"
    if "#" in path:
        return path.rsplit("#", 1)[1]
    return Path(path).stem


def document_of(report: dict[str, Any]) -> Document:
    """The ``Document`` of a report in its JSON form."""
    paragraphs = report["paragraphs"]
    sentences = tuple((s["start"], s["end"]) for s in report["sentences"])
    scored = tuple(i for i, s in enumerate(report["sentences"]) if paragraphs[s["paragraph"]]["role"] in SCORED_ROLES)
    return Document(doc_id(report["article"].get("path")), report["text"], sentences, scored, report["article"].get("path"))


def framing_coding(reports: Iterable[dict[str, Any]], coder: str = "framing") -> tuple[Coding, dict[str, Document]]:
    """framing's findings as a coding, and the documents, from reports in JSON form."""
    coding = Coding(coder)
    documents: dict[str, Document] = {}
    for report in reports:
        document = document_of(report)
        documents[document.doc] = document
        coding.docs.add(document.doc)
        coding.texts[document.doc] = document.text
        for f in report["findings"]:
            coding.spans.add(Span(document.doc, f["start"], f["end"], label_of(f["kind"], f["category"])))
    return coding, documents


def label_order(lexicon) -> list[str]:
    """Every label of a lexicon's category set, kinds in report order."""
    labels = [label_of(c.kind, c.id) for c in lexicon.categories.values()]
    rank = {k: i for i, k in enumerate(KINDS)}
    return sorted(labels, key=lambda l: (rank.get(l.split("/", 1)[0], len(KINDS)), labels.index(l)))


def utf16_offsets(text: str) -> list[int]:
    """``out[i]``: the UTF-16 code unit offset of code point ``i`` (length ``len(text) + 1``)."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


def repair_span(text: Optional[str], start: int, end: int, quoted: Optional[str]) -> tuple[int, int]:
    """Offsets that select ``quoted`` in ``text``: as given, or read as UTF-16 code units (tools
    written in JavaScript or Java count those), else unchanged."""
    if text is None or not quoted or text[start:end] == quoted:
        return start, end
    units = utf16_offsets(text)
    if units[-1] != len(text):
        back = {u: i for i, u in enumerate(units)}
        s, e = back.get(start), back.get(end)
        if s is not None and e is not None and text[s:e] == quoted:
            return s, e
    return start, end
