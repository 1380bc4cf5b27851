"""Corpus tables: one article per row of a CSV, TSV, JSONL or Parquet file, with its metadata.

News archives and scrapers export corpora as tables: a text column and metadata columns
(outlet, date, url, id, ...). Each row is scored like a file and identified by
``"<file>#<id>"`` (the id column's value, or the row number counted from 1). The other
columns travel with the report as ``input.metadata`` and become columns of the article table.
Rows are read as a stream, so memory stays flat however long the table.
"""
from __future__ import annotations

import csv
import datetime as _dt
import decimal
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .corpus import Options, _analyzer, map_tasks
from .inputs import InputError, check_text

TABLE_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
PARQUET_BATCH = 256
# metadata columns (compared in lower case) that fill the report's ``article`` block
ARTICLE_FIELDS = {"title": "title", "byline": "byline", "author": "byline", "authors": "byline", "date": "date",
                  "outlet": "outlet", "url": "url"}


class TableError(ValueError):
    """A table that cannot be read as a corpus; the message is one line for the user."""


@dataclass(frozen=True)
class Row:
    """One row of a corpus table: its key, its text and every other column."""

    key: str  # "<file>#<id>"
    file: str
    number: int  # data row, counted from 1
    id: str
    text: Any
    metadata: dict[str, Any] = field(default_factory=dict)


def table_format(path: str) -> str:
    """``csv``, ``tsv``, ``jsonl`` or ``parquet``, from the file name."""
    fmt = TABLE_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise TableError(f"{path}: not a corpus table (use .csv, .tsv, .jsonl, .ndjson or .parquet)")
    return fmt


def _plain(value: Any) -> Any:
    """A cell as JSON-ready data: dates as ISO text, decimals and bytes as text."""
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def iter_records(path: str, fmt: Optional[str] = None) -> Iterator[dict[str, Any]]:
    """The rows of a table as dicts, read as a stream; ``fmt`` (else from the file name): csv, tsv, jsonl or parquet."""
    fmt = fmt or table_format(path)
    try:
        if fmt in ("csv", "tsv"):
            csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 kB default
            with open(path, encoding="utf-8-sig", newline="") as fh:
                yield from csv.DictReader(fh, delimiter="\t" if fmt == "tsv" else ",")
        elif fmt == "jsonl":
            with open(path, encoding="utf-8-sig") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except ValueError as e:
                        raise TableError(f"{path}:{n}: not a JSON object ({e.msg})") from None
                    if not isinstance(rec, dict):
                        raise TableError(f"{path}:{n}: a JSON {type(rec).__name__}, not an object")
                    yield rec
        else:
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise TableError(f"{path}: reading Parquet needs pyarrow: pip install 'framing[parquet]'") from None
            for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
                yield from batch.to_pylist()
    except FileNotFoundError:
        raise TableError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise TableError(f"{path}: not valid UTF-8 (byte offset {e.start})") from None
    except csv.Error as e:
        raise TableError(f"{path}: not a readable CSV table ({e})") from None
    except OSError as e:
        raise TableError(f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})") from None


def iter_rows(path: str, text_column: str, id_column: Optional[str] = None) -> Iterator[Row]:
    """Rows of one table with their keys; a missing column or id is a ``TableError``."""
    for n, rec in enumerate(iter_records(path), 1):
        if n == 1:
            missing = [c for c in (text_column, id_column) if c and c not in rec]
            if missing:
                raise TableError(f"{path}: no column {missing[0]!r} (columns: {', '.join(map(str, rec))})")
        if id_column:
            value = rec.get(id_column)
            if value is None or str(value).strip() == "":
                raise TableError(f"{path}: row {n} has no value in the id column {id_column!r}")
            row_id = str(_plain(value))
        else:
            row_id = str(n)
        meta = {str(k): _plain(v) for k, v in rec.items() if k != text_column}
        yield Row(f"{path}#{row_id}", path, n, row_id, rec.get(text_column), meta)


def table_keys(paths: Iterable[str], text_column: str, id_column: Optional[str] = None) -> list[str]:
    """Every row's key in input order (one streamed pass); ids must be unique within a file."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for path in paths:
        for row in iter_rows(path, text_column, id_column):
            if row.key in seen:
                raise TableError(f"{path}: id {row.id!r} appears in rows {seen[row.key]} and {row.number}; ids must be unique")
            seen[row.key] = row.number
            keys.append(row.key)
    return keys


def score_row(task: tuple[Row, Options]) -> str:
    """One row scored, as the JSON line ``{"path", "report"}`` or ``{"path", "error"}``."""
    row, options = task
    try:
        if not isinstance(row.text, str):
            raise InputError(f"{row.key}: no text in this row")
        if len(row.text.encode("utf-8")) > options.max_bytes:
            raise InputError(f"{row.key}: the text is over the limit of {options.max_bytes:,} bytes (raise it with --max-bytes)")
        report = _analyzer(options).score_text(check_text(row.text, row.key), path=row.key, syntax=options.syntax)
        data = report.to_dict()
        for column, value in row.metadata.items():
            target = ARTICLE_FIELDS.get(column.lower())
            if target and value not in (None, ""):  # the researcher's own metadata wins
                data["article"][target] = str(value)
        data["input"] = {"file": row.file, "row": row.number, "id": row.id, "metadata": row.metadata}
        out: dict[str, Any] = {"path": row.key, "report": data}
    except InputError as e:
        out = {"path": row.key, "error": str(e)}
    except RecursionError:
        out = {"path": row.key, "error": f"{row.key}: too deeply nested to parse"}
    return json.dumps(out, ensure_ascii=False, default=str) + "\n"


def row_scorer(paths: list[str], text_column: str, id_column: Optional[str] = None):
    """A ``score_lines(keys, options, jobs)`` for ``framing.corpus.run_corpus`` that scores
    the rows of ``paths`` whose keys are asked for, streamed, on ``jobs`` processes."""

    def score_lines(keys: list[str], options: Options, jobs: int = 1) -> Iterator[str]:
        wanted = set(keys)
        rows = (r for p in paths for r in iter_rows(p, text_column, id_column) if r.key in wanted)
        yield from map_tasks(score_row, ((r, options) for r in rows), len(wanted), options, jobs)

    return score_lines
