"""Reading a labelled data set for training or evaluation: CSV (any common delimiter) or JSONL."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from .recipe import Dataset

JSONL_SUFFIXES = (".jsonl", ".ndjson")
DELIMITERS = ",;\t|"
POSITIVE_NAMES = ("1", "true", "yes")


class DataError(ValueError):
    """A data set cannot be read; the message names the file (and line)."""


def _records(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise DataError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from None
    if path.suffix.lower() in JSONL_SUFFIXES:
        for line_no, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                raise DataError(f"{path}:{line_no}: not valid JSON") from None
            if not isinstance(record, dict):
                raise DataError(f"{path}:{line_no}: expected a JSON object per line")
            yield line_no, record
        return
    header = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    for record in reader:
        yield reader.line_num, record


def _cell(record: dict, column: str, path: Path, line: int):
    if column not in record:
        raise DataError(f"{path}:{line}: no column {column!r} (columns: {', '.join(map(str, record))})")
    return record[column]


def read_dataset(
    path: Union[str, Path],
    text_column: str = "text",
    label_column: str = "label",
    cue_column: Optional[str] = None,
    skip_labels: Iterable[str] = (),
) -> Dataset:
    """Rows with a non-empty text and label; labels become strings.

    Rows whose label is in ``skip_labels`` (e.g. BABE's "No agreement") are left out.
    ``cue_column`` names a column listing the words that carry the label (optional).
    """
    path = Path(path)
    skip = set(skip_labels)
    texts, labels, cues = [], [], []
    for line, record in _records(path):
        text, label = _cell(record, text_column, path, line), _cell(record, label_column, path, line)
        label = "" if label is None else str(label).strip()
        if not isinstance(text, str) or not text.strip() or not label or label in skip:
            continue
        texts.append(text.strip())
        labels.append(label)
        if cue_column:
            cues.append(_cell(record, cue_column, path, line))
    if not texts:
        raise DataError(f"{path}: no rows with both a {text_column!r} and a {label_column!r}")
    return Dataset(tuple(texts), tuple(labels), tuple(cues) if cue_column else None)


def choose_positive(labels: Sequence[str], given: Sequence[str] = ()) -> tuple[str, ...]:
    """The label(s) whose probability is the sentence ``score``.

    Given labels are checked. Otherwise, with two labels: ``1``, ``true`` or ``yes`` if
    one of them is, else the less frequent label (the later one on a tie); with more:
    every label but the most frequent, which is taken as the neutral one.

    >>> choose_positive(["Non-biased", "Biased", "Non-biased"])
    ('Biased',)
    >>> choose_positive(["0", "1", "0", "1"])
    ('1',)
    """
    counts = Counter(labels)
    if given:
        unknown = [g for g in given if g not in counts]
        if unknown:
            raise DataError(f"positive label(s) {unknown} not in the data (labels: {sorted(counts)})")
        if set(given) == set(counts):
            raise DataError("--positive cannot name every label")
        return tuple(given)
    if len(counts) < 2:
        raise DataError(f"need at least two different labels, found {sorted(counts)}")
    if len(counts) == 2:
        named = [label for label in counts if label.lower() in POSITIVE_NAMES]
        if len(named) == 1:
            return (named[0],)
        return (min(sorted(counts, reverse=True), key=lambda label: counts[label]),)
    neutral = max(sorted(counts), key=lambda label: counts[label])
    return tuple(sorted(label for label in counts if label != neutral))
