"""A user's mapping of speakers and organisations to sides (a TSV: name, side).

framing ships no such mapping: which side a speaker is on is the user's judgement. With
one, each source gets a ``side`` and the sourcing profile counts quotes and words per side.

>>> side_of_name("Ebrahim Raisi", None, {"raisi": "Iran"})
'Iran'
"""
from __future__ import annotations

import csv
import os
from dataclasses import replace
from typing import Optional, Union

from .model import Source


def load_sides(path: Union[str, os.PathLike]) -> dict[str, str]:
    """Read a two-column TSV (``name``, ``side``; a header row and ``#`` comments allowed).

    Keys are lower-cased; errors name ``path:line``.
    """
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if line == 1 and [c.strip().lower() for c in row[:2]] == ["name", "side"]:
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise ValueError(f"{path}:{line}: expected two tab-separated columns, name and side")
            out[row[0].strip().lower()] = row[1].strip()
    return out


def side_of_name(name: str, affiliation: Optional[str], sides: dict[str, str]) -> Optional[str]:
    """The side of a speaker: by full name, by surname, or by the body they speak for."""
    low = name.lower()
    if low in sides:
        return sides[low]
    words = low.split()
    if words and words[-1] in sides:
        return sides[words[-1]]
    if affiliation:
        aff = affiliation.lower()
        if aff in sides:
            return sides[aff]
        return next((side for key, side in sides.items() if key in aff), None)
    return None


def apply_sides(sources: list[Source], sides: dict[str, str]) -> list[Source]:
    """``sources`` with ``side`` set where the mapping knows the speaker."""
    return [replace(s, side=side_of_name(s.name, s.affiliation, sides)) for s in sources]
