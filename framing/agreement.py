"""Agreement between coders, per category: spans, sentences, kappa and alpha.

For every pair of coders and every category (label):

- **spans**: precision, recall and F1 of the first coder's spans against the second's, *exact*
  (same start, end and label) and *overlap* (a span counts as found if one of the other
  coder's spans of the same label overlaps it);
- **sentences**: each title or body sentence is coded 1 if the coder marked the category in it
  (a span starting in it, or a sentence code), else 0; then the share of sentences where the
  two agree and Cohen's kappa;
- **Krippendorff's alpha** (nominal, the ``krippendorff`` package) on the same sentence codes,
  for the human coders together and for the humans plus the reference.

The *reference* (framing by default) is compared with each human; the humans are compared with
one another. Human-human agreement is the ceiling for framing-human agreement.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations
from statistics import mean
from typing import Any, Optional

from .annotations import Coding, Document, Span

ANY = "(any category)"


def prf(pred: set[Span], gold: set[Span]) -> dict[str, Optional[float]]:
    """Precision, recall and F1 of ``pred`` against ``gold``, exact and by overlap."""
    exact = len(pred & gold)
    by_key: dict[tuple[str, str], list[Span]] = {}
    for g in gold:
        by_key.setdefault((g.doc, g.label), []).append(g)
    pred_key: dict[tuple[str, str], list[Span]] = {}
    for p in pred:
        pred_key.setdefault((p.doc, p.label), []).append(p)

    def hits(a: set[Span], index: dict) -> int:
        return sum(1 for s in a if any(o.start < s.end and s.start < o.end for o in index.get((s.doc, s.label), ())))

    def score(tp_p: int, tp_r: int) -> dict[str, Optional[float]]:
        p = tp_p / len(pred) if pred else None
        r = tp_r / len(gold) if gold else None
        if p is None and r is None:
            f1 = None  # neither coder marked anything: nothing to compare
        else:
            f1 = 2 * p * r / (p + r) if p and r else 0.0
        return {"precision": p, "recall": r, "f1": f1}

    return {"exact": score(exact, exact), "overlap": score(hits(pred, by_key), hits(gold, pred_key))}


def cohen_kappa(a: list[int], b: list[int]) -> Optional[float]:
    """Cohen's kappa of two equal-length 0/1 lists; None where chance agreement is 1.

    >>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
    0.5
    """
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return None if expected >= 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(rows: list[list[Optional[int]]]) -> Optional[float]:
    """Nominal alpha of coders x units (None: not coded); None where it is undefined."""
    import krippendorff
    import numpy as np

    if len(rows) < 2 or not rows[0]:
        return None
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    values = set(data[~np.isnan(data)].tolist())
    if len(values) < 2:
        return None  # every coder gave every unit the same code: alpha is undefined
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


@dataclass
class Units:
    """The sentence units of the documents (title and body sentences), in a fixed order."""

    keys: list[tuple[str, int]]
    documents: dict[str, Document]

    @classmethod
    def of(cls, documents: dict[str, Document]) -> "Units":
        return cls([(d, i) for d in sorted(documents) for i in documents[d].scored], documents)

    def sentence_of(self, span: Span) -> Optional[int]:
        doc = self.documents.get(span.doc)
        if doc is None:
            return None
        i = bisect_right([s for s, _ in doc.sentences], span.start) - 1
        return i if i >= 0 and span.start < doc.sentences[i][1] else None

    def codes(self, coding: Coding, docs: set[str], label: str) -> list[Optional[int]]:
        """1/0 per unit for ``label`` (or any label, for ``ANY``); None outside ``docs``."""
        marked: set[tuple[str, int]] = set()
        for s in coding.spans:
            if label in (ANY, s.label):
                i = self.sentence_of(s)
                if i is not None:
                    marked.add((s.doc, i))
        for key, labels in coding.sentence_codes.items():
            if labels and (label == ANY or label in labels):
                marked.add(key)
        return [(1 if key in marked else 0) if key[0] in docs else None for key in self.keys]


def _pair(a: Coding, b: Coding, docs_a: set[str], docs_b: set[str], units: Units, label: str) -> dict[str, Any]:
    docs = docs_a & docs_b
    spans_a = {s for s in a.spans if s.doc in docs and label in (ANY, s.label)}
    spans_b = {s for s in b.spans if s.doc in docs and label in (ANY, s.label)}
    by_span = not a.by_sentence and not b.by_sentence
    scores = prf(spans_a, spans_b) if by_span else {"exact": None, "overlap": None}
    ca, cb = units.codes(a, docs, label), units.codes(b, docs, label)
    both = [(x, y) for x, y in zip(ca, cb) if x is not None and y is not None]
    return {
        "a": a.coder,
        "b": b.coder,
        "documents": len(docs),
        "spans_a": len(spans_a) if by_span else None,
        "spans_b": len(spans_b) if by_span else None,
        **scores,
        "sentences": len(both),
        "sentence_agreement": sum(x == y for x, y in both) / len(both) if both else None,
        "kappa": cohen_kappa([x for x, _ in both], [y for _, y in both]) if both else None,
    }


def _mean(values: list[Optional[float]]) -> Optional[float]:
    kept = [v for v in values if v is not None]
    return mean(kept) if kept else None


def _summary(pairs: list[dict[str, Any]]) -> dict[str, Optional[float]]:
    return {
        "f1_exact": _mean([p["exact"]["f1"] for p in pairs if p["exact"]]),
        "f1_overlap": _mean([p["overlap"]["f1"] for p in pairs if p["overlap"]]),
        "sentence_agreement": _mean([p["sentence_agreement"] for p in pairs]),
        "kappa": _mean([p["kappa"] for p in pairs]),
    }


def agreement(codings: list[Coding], documents: dict[str, Document], reference: str = "framing",
              label_order: Optional[list[str]] = None) -> dict[str, Any]:
    """Agreement of every coder with ``reference`` and of the other coders among themselves."""
    by_name = {c.coder: c for c in codings}
    if reference not in by_name:
        raise ValueError(f"no coder named {reference!r} (coders: {', '.join(by_name)})")
    ref = by_name[reference]
    others = [c for c in codings if c.coder != reference]
    all_docs = set(documents) | {d for c in codings for d in c.docs}
    docs_of = {c.coder: (c.docs if c.docs_listed else all_docs) for c in codings}
    units = Units.of(documents)
    found = set().union(*(c.labels() for c in codings))
    order = [l for l in (label_order or []) if l in found] + sorted(found - set(label_order or []))
    categories = []
    for label in order + [ANY]:
        ref_pairs = [_pair(ref, h, docs_of[ref.coder], docs_of[h.coder], units, label) for h in others]
        human_pairs = [_pair(a, b, docs_of[a.coder], docs_of[b.coder], units, label) for a, b in combinations(others, 2)]
        humans = [units.codes(h, docs_of[h.coder], label) for h in others]
        categories.append({
            "label": label,
            "reference_vs_coders": _summary(ref_pairs),
            "coders_vs_coders": _summary(human_pairs),
            "alpha_coders": krippendorff_alpha(humans) if len(humans) >= 2 else None,
            "alpha_all": krippendorff_alpha(humans + [units.codes(ref, docs_of[ref.coder], label)]),
            "pairs": ref_pairs + human_pairs,
        })
    return {
        "reference": reference,
        "coders": [c.coder for c in others],
        "documents": sorted(all_docs),
        "sentences": len(units.keys),
        "categories": categories,
    }


def _fmt(value: Optional[float], width: int = 6) -> str:
    return f"{'-' if value is None else f'{value:.2f}':>{width}}"


def format_agreement(result: dict[str, Any], pairs: bool = False) -> str:
    """A plain-text table: reference vs coders beside coders vs coders, per category."""
    ref = result["reference"]
    metrics = "".join(f"{m:>6}" for m in ("F1 ex", "F1 ov", "agree", "kappa"))
    lines = [
        f"Agreement on {len(result['documents'])} document(s), {result['sentences']} title and body sentence(s); "
        f"reference: {ref}; coders: {', '.join(result['coders']) or 'none'}",
        "",
        f"{'':30}  {(ref + ' vs coders')[:24]:^24}  {'coders vs coders':^24}  {'alpha':^14}",
        f"{'category':30}  {metrics}  {metrics}  {'coders':>7}{'all':>7}",
    ]
    for cat in result["categories"]:
        r, h = cat["reference_vs_coders"], cat["coders_vs_coders"]
        group = lambda g: "".join(_fmt(g[k]) for k in ("f1_exact", "f1_overlap", "sentence_agreement", "kappa"))  # noqa: E731
        lines.append(f"{cat['label'][:30]:30}  {group(r)}  {group(h)}  {_fmt(cat['alpha_coders'], 7)}{_fmt(cat['alpha_all'], 7)}")
    lines += [
        "",
        "F1 ex/ov: span F1, exact match or overlap (the mean over pairs); agree: share of sentences coded alike;",
        "kappa: Cohen's kappa on sentences; alpha: Krippendorff's alpha (nominal) on sentences. '-': undefined",
        "(nothing to compare, or no variation). Coders vs coders is the ceiling for the reference vs coders.",
    ]
    if pairs:
        heads = "".join(f"{m:>6}" for m in ("n_a", "n_b", "P ex", "R ex", "F1 ex", "P ov", "R ov", "F1 ov", "kappa"))
        lines += ["", "Each pair: the first coder's spans against the second's (n: spans; P, R, F1: precision, recall, F1).",
                  f"{'category':30}  {'pair':26}{heads}"]
        for cat in result["categories"]:
            for p in cat["pairs"]:
                ex, ov = p["exact"] or {}, p["overlap"] or {}
                counts = "".join(f"{'-' if n is None else n:>6}" for n in (p["spans_a"], p["spans_b"]))
                values = "".join(_fmt(d.get(k)) for d in (ex, ov) for k in ("precision", "recall", "f1"))
                lines.append(f"{cat['label'][:30]:30}  {(p['a'] + ' ~ ' + p['b'])[:26]:26}{counts}{values}{_fmt(p['kappa'])}")
    return "\n".join(lines) + "\n"


def pair_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per category and pair (for CSV)."""
    rows = []
    for cat in result["categories"]:
        for p in cat["pairs"]:
            row = {"label": cat["label"], "a": p["a"], "b": p["b"], "documents": p["documents"], "spans_a": p["spans_a"], "spans_b": p["spans_b"]}
            for kind in ("exact", "overlap"):
                for k in ("precision", "recall", "f1"):
                    row[f"{kind}_{k}"] = (p[kind] or {}).get(k)
            row.update(sentences=p["sentences"], sentence_agreement=p["sentence_agreement"], kappa=p["kappa"],
                       alpha_coders=cat["alpha_coders"], alpha_all=cat["alpha_all"])
            rows.append(row)
    return rows
