"""Reading human coding back: Label Studio, doccano, brat, WebAnno TSV 3 (INCEpTION), plain
CSV/JSONL of spans (``doc, start, end, label``) or sentence codes (``doc, sentence, label``),
and framing's own reports (``framing.jsonl``: the coder ``framing``).

Each reader returns ``Coding`` objects (one per coder found) whose offsets index the plain text
framing exported. Where a format carries the span's text, offsets counted in UTF-16 code
units (JavaScript and Java tools) are converted back to characters.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

from .annotations import Coding, Document, Span, framing_coding, repair_span

_LABEL_SPLIT = re.compile(r"\s*[;|]\s*")
_WEBANNO_VALUE = re.compile(r"^(?P<label>.*?)(?:\[(?P<id>\d+)\])?$")
_WEBANNO_UNESCAPE = re.compile(r"\\(->|.)")


class AnnotationError(ValueError):
    """A file that cannot be read as annotations; the message is one line."""


def _label_from_tool(label: str, known: set[str]) -> str:
    """brat types use ``-`` for ``/``; map them back where the result is a known label."""
    if "/" not in label and "-" in label:
        guess = label.replace("-", "/", 1)
        if not known or guess in known:
            return guess
    return label


def read_label_studio(path: Path) -> list[Coding]:
    """A Label Studio JSON export (``JSON`` or ``JSON-MIN``); one coding per annotator."""
    data = json.loads(path.read_text(encoding="utf-8"))
    tasks = data if isinstance(data, list) else [data]
    codings: dict[str, Coding] = {}
    for n, task in enumerate(tasks, 1):
        if not isinstance(task, dict):
            raise AnnotationError(f"{path}: task {n} is not an object")
        fields = task.get("data", task)
        doc = str(fields.get("doc") or task.get("doc") or fields.get("id") or task.get("id") or n)
        text = fields.get("text")
        if "annotations" in task:
            groups = [(a.get("completed_by"), a.get("result") or []) for a in task["annotations"] if not a.get("was_cancelled")]
        else:  # JSON-MIN: one row per annotation, results under the control's name
            results = [dict(value=r) for key in ("label", "labels") for r in (task.get(key) or []) if isinstance(r, dict)]
            groups = [(task.get("annotator"), results)]
        for who, results in groups:
            if isinstance(who, dict):
                who = who.get("email") or who.get("id")
            coding = codings.setdefault(str(who), Coding(str(who)))
            coding.docs.add(doc)
            if isinstance(text, str):
                coding.texts[doc] = text
            for r in results:
                value = r.get("value") or {}
                if "start" not in value or "end" not in value:
                    continue
                s, e = repair_span(text, int(value["start"]), int(value["end"]), value.get("text"))
                for label in value.get("labels") or []:
                    coding.spans.add(Span(doc, s, e, label))
    if len(codings) == 1:
        only = next(iter(codings.values()))
        only.coder = path.stem
        return [only]
    for c in codings.values():
        c.coder = f"{path.stem}:{c.coder}"
    return list(codings.values())


def _doccano_spans(rec: dict[str, Any]) -> list[tuple[int, int, str]]:
    items = rec.get("label") if "label" in rec else rec.get("labels", rec.get("entities", []))
    out = []
    for item in items or []:
        if isinstance(item, (list, tuple)) and len(item) >= 3:
            out.append((int(item[0]), int(item[1]), str(item[2])))
        elif isinstance(item, dict):
            out.append((int(item.get("start_offset", item.get("start"))), int(item.get("end_offset", item.get("end"))), str(item.get("label"))))
    return out


def _rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # exports can carry a whole article in one cell
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    rows = []
    with open(path, encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    raise AnnotationError(f"{path}:{n}: not a JSON object") from None
    return rows


def read_table(path: Path, known: set[str]) -> tuple[list[Coding], dict[str, Document]]:
    """A CSV or JSONL file: framing reports, doccano records, spans or sentence codes."""
    rows = _rows(path)
    if not rows:
        return [Coding(path.stem)], {}
    first = rows[0]
    if first.get("schema", "").startswith("framing.report/"):
        coding, documents = framing_coding(rows)
        return [coding], documents
    if "text" in first and any(k in first for k in ("label", "labels", "entities")) and "doc" in first and "start" not in first and "sentence" not in first:
        coding = Coding(path.stem)
        for rec in rows:
            doc = str(rec.get("doc") or (rec.get("meta") or {}).get("doc") or rec.get("id"))
            coding.docs.add(doc)
            coding.texts[doc] = rec["text"]
            for s, e, label in _doccano_spans(rec):
                coding.spans.add(Span(doc, s, e, _label_from_tool(label, known)))
        return [coding], {}
    columns = set(first)
    if not {"doc", "label"} <= columns or not ("sentence" in columns or {"start", "end"} <= columns):
        raise AnnotationError(f"{path}: expected columns doc, start, end, label (spans) or doc, sentence, label (sentence codes); found {', '.join(sorted(columns))}")
    by_sentence = "sentence" in columns
    codings: dict[str, Coding] = {}
    for n, rec in enumerate(rows, 2):
        coder = str(rec.get("coder") or path.stem)
        coding = codings.setdefault(coder, Coding(coder, by_sentence=by_sentence, docs_listed=by_sentence))
        doc = str(rec["doc"])
        coding.docs.add(doc)
        labels = [l for l in _LABEL_SPLIT.split(str(rec.get("label") or "").strip()) if l]
        try:
            if by_sentence:
                coding.sentence_codes.setdefault((doc, int(rec["sentence"])), set()).update(labels)
            else:
                for label in labels:
                    coding.spans.add(Span(doc, int(rec["start"]), int(rec["end"]), label))
        except (TypeError, ValueError):
            raise AnnotationError(f"{path}: row {n}: sentence, start and end must be whole numbers") from None
    return list(codings.values()), {}


def read_brat(paths: list[Path], coder: str, known: set[str]) -> Coding:
    coding = Coding(coder)
    for ann in paths:
        doc = ann.stem
        txt = ann.with_suffix(".txt")
        text = txt.read_text(encoding="utf-8") if txt.exists() else None
        coding.docs.add(doc)
        if text is not None:
            coding.texts[doc] = text
        for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            if not line.startswith("T"):
                continue  # relations, events, attributes, notes
            try:
                _, middle, quoted = line.split("\t", 2)
                label, _, where = middle.partition(" ")
                pieces = [tuple(map(int, frag.split())) for frag in where.split(";")]
            except ValueError:
                raise AnnotationError(f"{ann}:{n}: not a brat text-bound annotation") from None
            s, e = min(p[0] for p in pieces), max(p[1] for p in pieces)
            coding.spans.add(Span(doc, s, e, _label_from_tool(label, known)))
    return coding


def read_webanno(path: Path, known: set[str]) -> tuple[str, str, set[Span]]:
    """One WebAnno TSV 3 file: (doc, coder, spans) of its first span layer with a feature."""
    parent = path.parent.name
    # INCEpTION's project export keeps annotation/<document name>/<user>.tsv
    doc, coder = (Path(parent).stem, path.stem) if Path(parent).suffix else (path.stem, parent or path.stem)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if not lines or not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        raise AnnotationError(f"{path}: not a WebAnno TSV 3 file")
    column = None
    layer_columns = 0
    for line in lines:
        if line.startswith("#T_"):
            name, *features = line.split("=", 1)[1].split("|")
            if line.startswith("#T_SP=") and column is None and (name.endswith(".Framing") or features):
                column = 3 + layer_columns
            layer_columns += max(1, len(features))
    if column is None:
        raise AnnotationError(f"{path}: no span layer found")
    parts: dict[str, list[tuple[int, int, str]]] = {}
    spans: set[Span] = set()
    for line in lines:
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) <= column:
            continue
        begin, end = (int(x) for x in cells[1].split("-"))
        for value in cells[column].split("|"):
            if value in ("_", "*", ""):
                continue
            m = _WEBANNO_VALUE.match(value)
            label = _WEBANNO_UNESCAPE.sub(lambda g: {"t": "\t", "n": "\n"}.get(g.group(1), g.group(1)), m.group("label"))
            if m.group("id"):
                parts.setdefault(f"{label}[{m.group('id')}]", []).append((begin, end, label))
            else:
                spans.add(Span(doc, begin, end, _label_from_tool(label, known)))
    for pieces in parts.values():
        spans.add(Span(doc, min(p[0] for p in pieces), max(p[1] for p in pieces), _label_from_tool(pieces[0][2], known)))
    return doc, coder, spans


def read_annotations(path: Path, known: set[str] = frozenset()) -> tuple[list[Coding], dict[str, Document]]:
    """Every coding in ``path`` (a file or a folder), and framing's documents if it holds reports."""
    if path.is_dir():
        anns = sorted(path.glob("*.ann"))
        if anns:
            return [read_brat(anns, path.name, known)], {}
        tsvs = sorted(path.rglob("*.tsv"))
        if tsvs:
            return _webanno_codings(tsvs, known), {}
        raise AnnotationError(f"{path}: folder holds no brat (.ann) or WebAnno (.tsv) files")
    if not path.exists():
        raise AnnotationError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".ann":
            return [read_brat([path], path.parent.name or path.stem, known)], {}
        if suffix == ".tsv":
            return _webanno_codings([path], known), {}
        if suffix == ".json":
            return read_label_studio(path), {}
        if suffix in (".csv", ".jsonl", ".ndjson"):
            return read_table(path, known)
    except (ValueError, KeyError, TypeError) as e:
        if isinstance(e, AnnotationError):
            raise
        raise AnnotationError(f"{path}: cannot be read as annotations ({e})") from None
    raise AnnotationError(f"{path}: unknown annotation format (use .json, .jsonl, .csv, .ann, .tsv or a folder)")


def _webanno_codings(paths: list[Path], known: set[str]) -> list[Coding]:
    codings: dict[str, Coding] = {}
    for p in paths:
        doc, coder, spans = read_webanno(p, known)
        coding = codings.setdefault(coder, Coding(coder, utf16=True))
        coding.docs.add(doc)
        coding.spans |= spans
    return list(codings.values())


def webanno_to_characters(coding: Coding, documents: dict[str, Document]) -> None:
    """WebAnno counts UTF-16 code units: convert a coding's offsets to characters, in place."""
    from .annotations import utf16_offsets

    fixed = set()
    for s in coding.spans:
        doc = documents.get(s.doc)
        if doc is None:
            fixed.add(s)
            continue
        back = {u: i for i, u in enumerate(utf16_offsets(doc.text))}
        fixed.add(Span(s.doc, back.get(s.start, s.start), back.get(s.end, s.end), s.label))
    coding.spans = fixed
    coding.utf16 = False
