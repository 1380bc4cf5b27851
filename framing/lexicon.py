"""Loading and checking lexicons: TSV files of terms, one file per category.

A lexicon folder holds ``<kind>/<category>.tsv`` files (kinds as in ``framing.model.KINDS``),
``categories.tsv`` (id, kind, label, description, colour), ``sources.tsv`` (id, citation,
licence, url) and support tables (``structure/``, ``sources/``, ``names/``) used by the parser
and the source extractor. Errors name the file and line.
"""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from .model import KINDS
from .tokens import stem_key, term_words

ENTRY_COLUMNS = ("term", "category", "weight", "note", "source", "alternative", "match", "context")
REQUIRED_COLUMNS = ENTRY_COLUMNS[:5]
MATCH_MODES = ("stem", "exact")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message starts with ``path:line``."""


@dataclass(frozen=True)
class ContextRule:
    """A rule that stops a match: ``not_next``, ``not_prev``, ``not_form``, ``not_alone_after``,
    ``lower_only``, ``only_next`` or ``only_prev`` (the match counts only before, or after, one of
    ``words``, compared by stem)."""

    name: str
    words: frozenset[str] = frozenset()
    stems: frozenset[str] = frozenset()  # ``only_next``/``only_prev``: the stems of ``words``, which the matcher compares


@dataclass(frozen=True)
class Entry:
    """One lexicon row."""

    term: str
    kind: str
    category: str
    weight: float
    note: str
    source: str
    origin: str  # "loaded/violence_atrocity.tsv:12"
    alternative: Optional[str] = None
    match: str = "stem"
    context: tuple[ContextRule, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str
    kind: str
    label: str
    description: str
    colour: str = "#888888"


@dataclass(frozen=True)
class Lexicon:
    """Every entry, category and support table of one lexicon folder (plus overrides)."""

    entries: tuple[Entry, ...]
    categories: dict[str, Category]  # keyed by "kind/id"
    tables: dict[str, tuple[dict[str, str], ...]]
    sources: dict[str, dict[str, str]]
    version: str
    sha256: str
    locations: tuple[str, ...] = field(default=())
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, build: Callable[["Lexicon"], Any]) -> Any:
        """``build(self)``, computed once per lexicon and kept (lookups built from the tables)."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    def category(self, kind: str, category: str) -> Optional[Category]:
        """The definition of a category, if ``categories.tsv`` has one."""
        return self.categories.get(f"{kind}/{category}")

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def table(self, name: str) -> tuple[dict[str, str], ...]:
        """A support table by its path without ``.tsv``, e.g. ``"structure/boilerplate"``."""
        return self.tables.get(name, ())

    def words(self, name: str, column: str = "term") -> frozenset[str]:
        """One column of a support table as a set of lower-cased strings."""
        return frozenset(r[column].lower() for r in self.table(name) if r.get(column))


def _parse_context(raw: str, where: str) -> tuple[ContextRule, ...]:
    rules = []
    for part in filter(None, (p.strip() for p in raw.split(";"))):
        name, _, arg = part.partition(":")
        if name == "lower_only" and not arg:
            rules.append(ContextRule("lower_only"))
        elif name in ("not_next", "not_prev", "not_alone_after") and arg:
            # not_alone_after: the word before is one of these and nothing follows the term in its clause
            # ("to the evil.", an adjective used as a noun), so "the evil men" still fires
            rules.append(ContextRule(name, frozenset(w.strip().lower() for w in arg.split("|") if w.strip())))
        elif name in ("only_next", "only_prev") and arg:
            # a word loaded only in a few phrases ("total" in "total disaster", not in "the jobless
            # total"; "takeover" in "a communist takeover", not in "a $16bn takeover"): the next (or
            # previous) word's stem must be one of these
            words = frozenset(w.strip().lower() for w in arg.split("|") if w.strip())
            rules.append(ContextRule(name, words, frozenset(map(stem_key, words))))
        elif name == "not_form" and arg:
            # inflected forms of the term itself that do not fire ("criminals", the plural noun of "criminal")
            rules.append(ContextRule(name, frozenset(" ".join(w.strip().lower().replace("’", "'").split()) for w in arg.split("|") if w.strip())))
        else:
            raise LexiconError(
                f"{where}: unknown context rule {part!r} (use not_next:a|b, not_prev:a|b, only_next:a|b, only_prev:a|b, not_form:a|b, not_alone_after:a|b or lower_only)"
            )
    return tuple(rules)


def _read_rows(text: str, where: str, required: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV text as (line number, row) with the header checked."""
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = next(reader)
    except StopIteration:
        raise LexiconError(f"{where}:1: empty file, expected a header row") from None
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise LexiconError(f"{where}:1: header lacks column(s) {', '.join(missing)}")
    rows = []
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            raise LexiconError(f"{where}:{line}: {len(row)} fields, header has {len(header)} (a stray tab?)")
        row = row + [""] * (len(header) - len(row))
        rows.append((line, {h: v.strip() for h, v in zip(header, row)}))
    return rows


def parse_entries(text: str, kind: str, where: str) -> list[Entry]:
    """Parse one ``<kind>/<category>.tsv`` file."""
    entries = []
    for line, row in _read_rows(text, where, REQUIRED_COLUMNS):
        at = f"{where}:{line}"
        term = row["term"]
        if not term:
            raise LexiconError(f"{at}: empty term")
        words = term_words(term)
        if not words or words[0] == "*" or words[-1] == "*" or "".join(w for w in words if w != "*") == "":
            raise LexiconError(f"{at}: term {term!r} has no words the tokenizer keeps")
        try:
            weight = float(row["weight"])
        except ValueError:
            raise LexiconError(f"{at}: weight {row['weight']!r} is not a number") from None
        if not 0.0 <= weight <= 1.0:
            raise LexiconError(f"{at}: weight {weight} is outside [0, 1]")
        if not row["category"]:
            raise LexiconError(f"{at}: empty category")
        if not row["source"]:
            raise LexiconError(f"{at}: empty source (every entry needs its provenance)")
        match = row.get("match") or "stem"
        if match not in MATCH_MODES:
            raise LexiconError(f"{at}: match {match!r} must be empty, 'stem' or 'exact'")
        entries.append(
            Entry(
                term=term,
                kind=kind,
                category=row["category"],
                weight=weight,
                note=row["note"],
                source=row["source"],
                origin=at,
                alternative=row.get("alternative") or None,
                match=match,
                context=_parse_context(row.get("context", ""), at),
            )
        )
    return entries


Folder = Union[Path, Traversable]


def default_folder() -> Traversable:
    """The lexicon folder shipped inside the package."""
    return resources.files("framing.lexicons")


def _tsv_files(folder: Folder) -> list[tuple[str, Folder]]:
    out = []
    for sub in sorted(folder.iterdir(), key=lambda p: p.name):
        if sub.is_dir():
            for f in sorted(sub.iterdir(), key=lambda p: p.name):
                if f.name.endswith(".tsv") and f.is_file():
                    out.append((f"{sub.name}/{f.name}", f))
        elif sub.name.endswith(".tsv") and sub.is_file():
            out.append((sub.name, sub))
    return out


def _read_text(f: Folder, where: str) -> str:
    try:
        return f.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise LexiconError(f"{where}:1: not UTF-8 ({e.reason} at byte {e.start})") from None


def load_lexicon(*folders: Folder, include_default: bool = True) -> Lexicon:
    """Load the shipped lexicons, then each folder in ``folders`` on top.

    A user folder adds categories; a user category file with the same
    ``<kind>/<category>.tsv`` path replaces the shipped one, and user support
    tables replace shipped tables of the same name.
    """
    shipped = default_folder() if include_default else None
    chain: list[Folder] = ([shipped] if shipped is not None else []) + list(folders)
    if not chain:
        raise LexiconError("no lexicon folder given")
    files: dict[str, tuple[str, str]] = {}
    for folder in chain:
        if isinstance(folder, Path) and not folder.is_dir():
            raise LexiconError(f"{folder}: not a lexicon folder")
        found = _tsv_files(folder)
        if not found and folder is not chain[0]:
            raise LexiconError(f"{folder}: no .tsv files in this lexicon folder")
        for rel, f in found:
            # shipped rows are cited by their place in the lexicon folder; user rows by their path
            where = rel if folder is shipped else f"{folder}/{rel}"
            files[rel] = (where, _read_text(f, where))

    digest = hashlib.sha256()
    entries: list[Entry] = []
    tables: dict[str, tuple[dict[str, str], ...]] = {}
    categories: dict[str, Category] = {}
    sources: dict[str, dict[str, str]] = {}
    for rel in sorted(files):
        where, text = files[rel]
        digest.update(rel.encode() + b"\0" + text.encode() + b"\0")
        kind, _, name = rel.rpartition("/")
        if kind in KINDS:
            file_entries = parse_entries(text, kind, where)
            for e in file_entries:
                if e.category != name[:-4]:
                    raise LexiconError(f"{e.origin}: category {e.category!r} differs from the file name {name!r}")
            entries.extend(file_entries)
        elif rel == "categories.tsv":
            for line, row in _read_rows(text, where, ("id", "kind", "label", "description")):
                categories[f'{row["kind"]}/{row["id"]}'] = Category(row["id"], row["kind"], row["label"], row["description"], row.get("colour") or "#888888")
        elif rel == "sources.tsv":
            for line, row in _read_rows(text, where, ("id", "citation")):
                sources[row["id"]] = row
        else:
            tables[rel[:-4]] = tuple(r for _, r in _read_rows(text, where, ()))
    version = _version(chain)
    return Lexicon(
        entries=tuple(entries),
        categories=categories,
        tables=tables,
        sources=sources,
        version=version,
        sha256=digest.hexdigest(),
        locations=tuple(str(f) for f in chain),
    )


def _version(chain: list[Folder]) -> str:
    parts = []
    for folder in chain:
        v = folder / "VERSION"
        text = v.read_text(encoding="utf-8").strip() if v.is_file() else "unversioned"
        parts.append(text)
    return "+".join(parts)
