"""Output writers for corpus runs: JSONL reports, CSV or Parquet tables; written atomically."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

from .tables import article_row, finding_rows, source_rows

PARQUET_BATCH = 500


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    out = AtomicFile(Path(path))
    try:
        with open(out.tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        out.commit()
    except BaseException:
        out.abort()
        raise


def write_or_echo(output: Optional[str], text: str) -> None:
    """``text`` to the file ``output`` (atomically), or to standard output without it."""
    if output:
        write_atomic(output, text)
    else:
        import click

        click.echo(text, nl=False)


class AtomicFile:
    """A file written under a temporary name and renamed into place on success only."""

    def __init__(self, target: Path, mode: str = "w"):
        self.target = target
        fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent.resolve()))
        os.close(fd)
        self.mode = mode

    def commit(self) -> None:
        os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        Path(self.tmp).unlink(missing_ok=True)


class _TableSink:
    """Rows of one table into CSV or Parquet."""

    def __init__(self, path: Path, fmt: str):
        self.file = AtomicFile(path)
        self.fmt = fmt
        self.rows: list[dict[str, Any]] = []
        self._csv: Optional[csv.DictWriter] = None
        self._fh = None
        self._pq = None
        self.columns: Optional[list[str]] = None

    def add(self, row: dict[str, Any]) -> None:
        if self.columns is None:
            self.columns = list(row)
        if self.fmt == "csv":
            if self._csv is None:
                self._fh = open(self.file.tmp, "w", encoding="utf-8", newline="")
                self._csv = csv.DictWriter(self._fh, fieldnames=self.columns, extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow(row)
        else:
            self.rows.append(row)
            if len(self.rows) >= PARQUET_BATCH:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        table = pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in self.rows])
        if self._pq is None:
            self._pq = pq.ParquetWriter(self.file.tmp, table.schema)
        else:
            table = table.cast(self._pq.schema)
        self._pq.write_table(table)
        self.rows = []

    def close(self, ok: bool) -> None:
        if self.fmt == "csv":
            if self._fh is None:
                open(self.file.tmp, "w").close()
            else:
                self._fh.close()
        else:
            self._flush_parquet()
            if self._pq is not None:
                self._pq.close()
        self.file.commit() if ok else self.file.abort()


class CorpusWriter:
    """Writes reports as JSONL, or as article rows (plus finding/source tables) in CSV or Parquet."""

    def __init__(self, output: Path, fmt: str, tables: tuple[str, ...] = ()):
        self.fmt = fmt
        self.tables = tables
        if fmt == "jsonl":
            self.file = AtomicFile(output)
            self._fh = open(self.file.tmp, "w", encoding="utf-8")
        else:
            if fmt == "parquet":
                import pyarrow  # noqa: F401  (fail early with a clear message in the CLI)
            suffix = "." + fmt
            stem = output.name[: -len(suffix)] if output.name.endswith(suffix) else output.name
            self.sinks = {"articles": _TableSink(output, fmt)}
            for t in tables:
                self.sinks[t] = _TableSink(output.with_name(f"{stem}.{t}{suffix}"), fmt)

    def write(self, report: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self._fh.write(json.dumps(report, ensure_ascii=False) + "\n")
            return
        self.sinks["articles"].add(article_row(report))
        if "findings" in self.sinks:
            for row in finding_rows(report):
                self.sinks["findings"].add(row)
        if "sources" in self.sinks:
            for row in source_rows(report):
                self.sinks["sources"].add(row)

    def write_rows(self, article: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> None:
        """Rows an earlier run wrote for one article (``--resume`` from a finished CSV or Parquet output)."""
        self.sinks["articles"].add(article)
        for name, rows in tables.items():
            if name in self.sinks:
                for row in rows:
                    self.sinks[name].add(row)

    def close(self, ok: bool) -> None:
        if self.fmt == "jsonl":
            self._fh.close()
            self.file.commit() if ok else self.file.abort()
        else:
            for sink in self.sinks.values():
                sink.close(ok)


@contextmanager
def open_writer(output: Path, fmt: str, tables: tuple[str, ...] = ()) -> Iterator[CorpusWriter]:
    writer = CorpusWriter(output, fmt, tables)
    try:
        yield writer
    except BaseException:
        writer.close(ok=False)
        raise
    writer.close(ok=True)
