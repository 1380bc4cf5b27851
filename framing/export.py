"""framing's findings as pre-annotations for the tools coders already use.

Every export folder holds the tool's files (the documents with framing's spans as
pre-annotations, and the category set as the labelling scheme), plus ``framing.jsonl`` (the
full reports: framing's own coding and the sentence boundaries ``framing agree`` needs) and
``sentences.csv`` (a coding sheet for coders who code whole sentences). Documents are the plain
text framing read (``report["text"]``), so every offset lines up with framing's.

Formats: Label Studio (``label_config.xml`` + ``tasks.json`` with predictions), doccano
(``doccano.jsonl`` with ``label`` spans + ``labels.json``), brat (``.txt``/``.ann`` +
``annotation.conf``/``visual.conf``), INCEpTION/WebAnno as WebAnno TSV 3.3 (one ``.tsv`` per
document, a ``webanno.custom.Framing`` span layer with a ``label`` feature, + ``tagset.json``).
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any, Callable, Sequence
from xml.sax.saxutils import quoteattr

from .annotations import Document, document_of, label_of, utf16_offsets

FORMATS = ("label-studio", "doccano", "brat", "inception")
WEBANNO_LAYER = "webanno.custom.Framing"
WEBANNO_FEATURE = "label"
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_WEBANNO_RESERVED = re.compile(r"(\\|\[|\]|\||_|->|;|\*|\t|\n)")


def brat_type(label: str) -> str:
    """brat type names allow letters, digits, ``-`` and ``_``: ``loaded/x`` becomes ``loaded-x``."""
    return label.replace("/", "-")


def _spans(report: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    return sorted((f["start"], f["end"], label_of(f["kind"], f["category"]), f["text"]) for f in report["findings"])


def _scheme(lexicon, labels: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """(label, title, description, colour) for every label."""
    out = []
    for label in labels:
        kind, _, cat = label.partition("/")
        c = lexicon.category(kind, cat)
        out.append((label, c.label if c else label, c.description if c else "", c.colour if c else "#888888"))
    return out


def write_label_studio(out: Path, reports: list[dict], scheme, version: str) -> list[Path]:
    labels = "\n".join(
        f"    <Label value={quoteattr(l)} background={quoteattr(colour)} hint={quoteattr(f'{title}: {desc}')}/>" for l, title, desc, colour in scheme
    )
    config = (
        "<View>\n  <Header value=\"$doc\"/>\n  <Labels name=\"label\" toName=\"text\">\n"
        f"{labels}\n  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n"
    )
    tasks = []
    for i, r in enumerate(reports, 1):
        doc = document_of(r)
        result = [
            {"id": f"framing-{i}-{j}", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": s, "end": e, "text": t, "labels": [l]}}
            for j, (s, e, l, t) in enumerate(_spans(r), 1)
        ]
        tasks.append({"data": {"doc": doc.doc, "text": doc.text, "path": doc.path}, "predictions": [{"model_version": version, "result": result}]})
    (out / "label_config.xml").write_text(config, encoding="utf-8")
    (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [out / "label_config.xml", out / "tasks.json"]


def write_doccano(out: Path, reports: list[dict], scheme, version: str) -> list[Path]:
    with open(out / "doccano.jsonl", "w", encoding="utf-8") as fh:
        for r in reports:
            doc = document_of(r)
            fh.write(json.dumps({"doc": doc.doc, "text": doc.text, "label": [[s, e, l] for s, e, l, _ in _spans(r)]}, ensure_ascii=False) + "\n")
    labels = [{"text": l, "suffix_key": None, "background_color": colour, "text_color": "#ffffff"} for l, _, _, colour in scheme]
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [out / "doccano.jsonl", out / "labels.json"]


def write_brat(out: Path, reports: list[dict], scheme, version: str) -> list[Path]:
    written = []
    for r in reports:
        doc = document_of(r)
        (out / f"{doc.doc}.txt").write_text(doc.text, encoding="utf-8", newline="")
        lines = [f"T{j}\t{brat_type(l)} {s} {e}\t{t}" for j, (s, e, l, t) in enumerate(_spans(r), 1) if "\n" not in t]
        (out / f"{doc.doc}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        written += [out / f"{doc.doc}.txt", out / f"{doc.doc}.ann"]
    entities = "\n".join(brat_type(l) for l, *_ in scheme)
    (out / "annotation.conf").write_text(f"[entities]\n{entities}\n\n[relations]\n\n[events]\n\n[attributes]\n", encoding="utf-8")
    visual_labels = "\n".join(f"{brat_type(l)} | {title} | {l}" for l, title, _, _ in scheme)
    drawing = "\n".join(f"{brat_type(l)}\tbgColor:{colour}" for l, _, _, colour in scheme)
    (out / "visual.conf").write_text(f"[labels]\n{visual_labels}\n\n[drawing]\n{drawing}\n", encoding="utf-8")
    return written + [out / "annotation.conf", out / "visual.conf"]


def webanno_escape(value: str) -> str:
    return _WEBANNO_RESERVED.sub(lambda m: "\\" + m.group(1).replace("\t", "t").replace("\n", "n"), value)


def webanno_tsv(doc: Document, spans: list[tuple[int, int, str, str]]) -> str:
    """One document in WebAnno TSV 3.3: framing's sentences, tokens cut at every span edge,
    one span layer; offsets in UTF-16 code units as WebAnno and INCEpTION count them."""
    units = utf16_offsets(doc.text)
    edges = {p for s, e, _, _ in spans for p in (s, e)}
    multi = {}  # span index -> needs a [n] id (several tokens, or stacked)
    lines = ["#FORMAT=WebAnno TSV 3.3", f"#T_SP={WEBANNO_LAYER}|{WEBANNO_FEATURE}", "", ""]
    token_spans: list[list[tuple[int, int, int]]] = []  # per sentence: (start, end, sentence number)
    for n, (s0, s1) in enumerate(doc.sentences, 1):
        tokens = []
        for m in _TOKEN.finditer(doc.text, s0, s1):
            cuts = sorted({m.start(), m.end()} | {p for p in edges if m.start() < p < m.end()})
            tokens += [(a, b, n) for a, b in zip(cuts, cuts[1:])]
        token_spans.append(tokens)
    covering: dict[tuple[int, int], list[int]] = {}
    for i, (s, e, _, _) in enumerate(spans):
        toks = [(a, b) for sent in token_spans for a, b, _ in sent if s <= a and b <= e]
        for t in toks:
            covering.setdefault(t, []).append(i)
        multi[i] = len(toks) > 1
    for t, ids in covering.items():
        if len(ids) > 1:
            for i in ids:
                multi[i] = True
    numbers = {i: k for k, i in enumerate(sorted(i for i, m in multi.items() if m), 1)}
    for n, ((s0, s1), tokens) in enumerate(zip(doc.sentences, token_spans), 1):
        for line in doc.text[s0:s1].split("\n"):
            lines.append("#Text=" + line.replace("\\", "\\\\"))
        for k, (a, b, _) in enumerate(tokens, 1):
            ids = covering.get((a, b), [])
            value = "|".join(webanno_escape(spans[i][2]) + (f"[{numbers[i]}]" if i in numbers else "") for i in ids) or "_"
            lines.append(f"{n}-{k}\t{units[a]}-{units[b]}\t{webanno_escape(doc.text[a:b])}\t{value}\t")
        lines.append("")
    return "\n".join(lines) + "\n"


def write_inception(out: Path, reports: list[dict], scheme, version: str) -> list[Path]:
    written = []
    for r in reports:
        doc = document_of(r)
        path = out / f"{doc.doc}.tsv"
        path.write_text(webanno_tsv(doc, _spans(r)), encoding="utf-8")
        written.append(path)
    tagset = {
        "name": "Framing", "description": f"framing's category set ({version})", "language": "en",
        "type_name": WEBANNO_LAYER, "feature_name": WEBANNO_FEATURE, "create_tag": False,
        "tags": [{"tag_name": l, "tag_description": f"{title}: {desc}"} for l, title, desc, _ in scheme],
    }
    (out / "tagset.json").write_text(json.dumps(tagset, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return written + [out / "tagset.json"]


WRITERS: dict[str, Callable[..., list[Path]]] = {
    "label-studio": write_label_studio,
    "doccano": write_doccano,
    "brat": write_brat,
    "inception": write_inception,
}


def write_sentence_sheet(out: Path, reports: list[dict]) -> Path:
    """``sentences.csv``: doc, sentence, start, end, text, label (empty, for coders to fill)."""
    path = out / "sentences.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc", "sentence", "start", "end", "text", "label"])
        for r in reports:
            doc = document_of(r)
            for i in doc.scored:
                s, e = doc.sentences[i]
                w.writerow([doc.doc, i, s, e, " ".join(doc.text[s:e].split()), ""])
    return path


def export(reports: list[dict], fmt: str, out: Path, lexicon, labels: Sequence[str], version: str) -> list[Path]:
    """Write ``reports`` (JSON form) into the folder ``out`` for the tool ``fmt``; returns the files."""
    docs = [document_of(r).doc for r in reports]
    twice = sorted({d for d in docs if docs.count(d) > 1})
    if twice:
        raise ValueError(f"two inputs share the document name {twice[0]!r} (the file name without suffix); rename one")
    out.mkdir(parents=True, exist_ok=True)
    written = WRITERS[fmt](out, reports, _scheme(lexicon, labels), version)
    with open(out / "framing.jsonl", "w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return written + [out / "framing.jsonl", write_sentence_sheet(out, reports)]
