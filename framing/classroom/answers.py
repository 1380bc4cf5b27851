"""Reading a student's highlights and a worksheet's answer key from files.

Answers are JSON or CSV. JSON: a list of quoted words (``["slammed", "puppet council"]``) or
of objects with ``text`` and/or ``start``/``end`` (offsets into the key's ``text``), and
optionally ``line`` and ``article`` (``A`` or ``B``); the list may sit under ``"answers"``.
CSV: a header naming some of ``text``, ``start``, ``end``, ``line``, ``article``; without a
known header, every row's first cell is a quoted word or phrase.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .worksheet import KEY_SCHEMA

COLUMNS = ("text", "start", "end", "line", "article")
TEXT_ALIASES = ("text", "word", "words", "quote", "phrase")


class AnswersError(ValueError):
    """A key or answers file that cannot be read; the message names the file and the place."""


@dataclass(frozen=True)
class Answer:
    """One student highlight: quoted words, or a span of the key's text, or both."""

    row: int
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    line: Optional[int] = None
    article: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("row", "text", "start", "end", "line", "article") if getattr(self, k) is not None}


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AnswersError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AnswersError(f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise AnswersError(f"{path}: {e.strerror or e}") from None


def read_key(path: Path) -> dict[str, Any]:
    """The answer key written by ``framing worksheet`` (``answer_key.json``)."""
    try:
        key = json.loads(_read_text(path))
    except json.JSONDecodeError as e:
        raise AnswersError(f"{path}: not JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    schema = key.get("schema") if isinstance(key, dict) else None
    if schema != KEY_SCHEMA:
        hint = "; it is a framing report: make a key with framing worksheet" if str(schema).startswith("framing.report/") else ""
        raise AnswersError(f"{path}: not a framing answer key (schema {schema!r}, expected {KEY_SCHEMA!r}){hint}")
    articles = key.get("articles")
    if not isinstance(articles, list) or not articles:
        raise AnswersError(f"{path}: the key lists no articles")
    for i, a in enumerate(articles, start=1):
        if not isinstance(a, dict) or not isinstance(a.get("text"), str) or not isinstance(a.get("items"), list) or not isinstance(a.get("lines"), list):
            raise AnswersError(f"{path}: article {i} of the key lacks its text, lines or items")
    return key


def read_answers(path: Path) -> list[Answer]:
    """A student's highlights from a JSON or CSV file."""
    raw = _read_text(path)
    if not raw.strip():
        raise AnswersError(f"{path}: the file is empty")
    if path.suffix.lower() == ".json" or (path.suffix.lower() not in (".csv", ".tsv", ".txt") and raw.lstrip()[:1] in "[{"):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            raise AnswersError(f"{path}: not JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
        return _from_json(data, path)
    return _from_csv(raw, path)


def _from_json(data: Any, path: Path) -> list[Answer]:
    article = None
    if isinstance(data, dict):
        article = data.get("article")
        data = next((data[k] for k in ("answers", "highlights", "items") if k in data), None)
    if not isinstance(data, list):
        raise AnswersError(f"{path}: expected a list of answers (or an object with an \"answers\" list)")
    out = []
    for i, x in enumerate(data, start=1):
        if isinstance(x, str):
            fields: dict[str, Any] = {"text": x}
        elif isinstance(x, dict):
            fields = dict(x)
        else:
            raise AnswersError(f"{path}: answer {i}: expected quoted words or an object, got {type(x).__name__}")
        if article is not None:
            fields.setdefault("article", article)
        out.append(_answer(fields, i, f"{path}: answer {i}"))
    if not out:
        raise AnswersError(f"{path}: no answers in the file")
    return out


def _from_csv(raw: str, path: Path) -> list[Answer]:
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" or ("\t" in raw.splitlines()[0] and "," not in raw.splitlines()[0]) else "excel"
    rows = [r for r in csv.reader(io.StringIO(raw), dialect=dialect) if any(c.strip() for c in r)]
    if not rows:
        raise AnswersError(f"{path}: no answers in the file")
    header = [c.strip().lower() for c in rows[0]]
    known = set(COLUMNS) | set(TEXT_ALIASES)
    out = []
    if any(h in known for h in header):
        for n, r in enumerate(rows[1:], start=2):
            fields = {h: v.strip() for h, v in zip(header, r) if h in known and v.strip()}
            out.append(_answer(fields, n - 1, f"{path}: line {n}"))
    else:
        out = [_answer({"text": r[0]}, n, f"{path}: line {n}") for n, r in enumerate(rows, start=1) if r[0].strip()]
    if not out:
        raise AnswersError(f"{path}: no answers in the file")
    return out


def _int(value: Any, name: str, where: str) -> Optional[int]:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or (isinstance(value, str) and not value.strip().isdigit()):
        raise AnswersError(f"{where}: {name} must be a whole number, got {value!r}")
    return int(value)


def _answer(fields: dict[str, Any], row: int, where: str) -> Answer:
    text = next((fields[k] for k in TEXT_ALIASES if fields.get(k) not in (None, "")), None)
    if text is not None and not isinstance(text, str):
        raise AnswersError(f"{where}: text must be a string, got {text!r}")
    start, end = _int(fields.get("start"), "start", where), _int(fields.get("end"), "end", where)
    if (start is None) != (end is None):
        raise AnswersError(f"{where}: give both start and end, or neither")
    if start is not None and end is not None and not start < end:
        raise AnswersError(f"{where}: start ({start}) must be less than end ({end})")
    if text is not None and not text.strip(" \t\"'“”‘’.,;:!?"):
        text = None
    if text is None and start is None:
        raise AnswersError(f"{where}: no text and no start/end")
    article = fields.get("article")
    return Answer(row, text, start, end, _int(fields.get("line"), "line", where), str(article) if article not in (None, "") else None)
