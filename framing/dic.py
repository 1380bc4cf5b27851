"""Import dictionaries in the LIWC / quanteda ``.dic`` format (e.g. the Moral Foundations
Dictionary) as a framing lexicon folder.

A ``.dic`` file has a category block between two ``%`` lines (``number<TAB>name``), then one
word a line followed by its category numbers. A trailing ``*`` is a prefix wildcard; framing
has no prefix matching, so ``safe*`` becomes the entry ``safe`` matched by stem (it then
matches "safe", "safely", "safety" but not every word that begins with "safe"): the README
of the written folder says so.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .lexicon import LexiconError

_SAFE = re.compile(r"[^a-z0-9_]+")


def read_dic(text: str, where: str) -> dict[str, list[str]]:
    """Category name -> terms, from the text of a ``.dic`` file."""
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise LexiconError(f"{where}:1: not a .dic file (expected a category block between two '%' lines)")
    categories: dict[str, str] = {}
    for i in range(marks[0] + 1, marks[1]):
        parts = lines[i].split()
        if not parts:
            continue
        if len(parts) < 2:
            raise LexiconError(f"{where}:{i + 1}: category line needs a number and a name")
        categories[parts[0]] = parts[1]
    out: dict[str, list[str]] = defaultdict(list)
    for i in range(marks[1] + 1, len(lines)):
        parts = lines[i].split()
        if not parts:
            continue
        # a term may be a phrase: the category numbers are the trailing numeric fields
        k = len(parts)
        while k > 1 and parts[k - 1].isdigit():
            k -= 1
        term, numbers = " ".join(parts[:k]), parts[k:]
        if not numbers:
            raise LexiconError(f"{where}:{i + 1}: {term!r} has no category number")
        for n in numbers:
            if n not in categories:
                raise LexiconError(f"{where}:{i + 1}: category {n} is not defined in the header block")
            out[categories[n]].append(term)
    return dict(out)


def import_dic(path: Path, out_dir: Path, kind: str = "loaded", weight: float = 0.5, source: str = "", citation: str = "") -> dict[str, int]:
    """Write a lexicon folder from a ``.dic`` file; return the entry count per category."""
    cats = read_dic(path.read_text(encoding="utf-8-sig"), str(path))
    source = source or _SAFE.sub("-", path.stem.lower()).strip("-")
    (out_dir / kind).mkdir(parents=True, exist_ok=True)
    counts = {}
    cat_rows = ["id\tkind\tlabel\tdescription\tcolour"]
    for name, terms in sorted(cats.items()):
        cat_id = _SAFE.sub("_", name.lower()).strip("_")
        seen = set()
        rows = ["term\tcategory\tweight\tnote\tsource\talternative\tmatch\tcontext"]
        for term in terms:
            t = term.rstrip("*").strip().lower()
            if not t or t in seen:
                continue
            seen.add(t)
            note = f"Listed under {name} in {path.name}" + (" (prefix entry, matched by stem)." if term.endswith("*") else ".")
            rows.append(f"{t}\t{cat_id}\t{weight}\t{note}\t{source}\t\t\t")
        (out_dir / kind / f"{cat_id}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        counts[cat_id] = len(rows) - 1
        cat_rows.append(f"{cat_id}\t{kind}\t{name}\tCategory {name} of {path.name}.\t#888888")
    (out_dir / "categories.tsv").write_text("\n".join(cat_rows) + "\n", encoding="utf-8")
    (out_dir / "sources.tsv").write_text(
        f"id\tcitation\tlicence\turl\n{source}\t{citation or path.name}\tsee the dictionary's own terms\t\n", encoding="utf-8"
    )
    (out_dir / "README.md").write_text(
        f"# Lexicon imported from {path.name}\n\nWritten by `framing lexicon import-dic`. Prefix entries (`word*`) "
        "became stem-matched entries; check the categories and weights before use.\n",
        encoding="utf-8",
    )
    return counts
