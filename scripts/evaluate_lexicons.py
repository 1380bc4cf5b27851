"""Measure framing's lexicons against published data (run from the repository root).

    python scripts/evaluate_lexicons.py [--data ../shared/data] [--part tune|heldout|all] [--fp-sample N]
    python scripts/evaluate_lexicons.py --part tune --skip coverage babe --by-term 40 [--fn-sample N]
    python scripts/evaluate_lexicons.py --skip coverage ptc --babe-part curate|measure|all
    python scripts/evaluate_lexicons.py --skip coverage ptc --babe-part curate --babe-by-term 60

Reports coverage of the reference lists of Recasens et al. (2013); sentence- and span-level
precision, recall and F1 on the Propaganda Techniques Corpus (PTC) training articles, split
deterministically into a tuning part and a held-out part (25 % of articles by a hash of their
id); and word-level precision and recall of loaded findings against BABE's expert bias words,
on all of BABE or on one half of its sentences, split by a hash of the text (``--babe-part``).
The data is read here only: nothing from it ships with framing.
"""
from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import random
import sys
from collections import defaultdict
from pathlib import Path

from framing.parse import INVISIBLE
from framing.pipeline import default_analyzer
from framing.tokens import stem_key, tokenize

LOADED_GOLD = {"Loaded_Language", "Name_Calling,Labeling"}
DOUBT_GOLD = {"Doubt"}


def heldout(article_id: str) -> bool:
    """The fixed held-out part: about a quarter of the articles, chosen by a hash of the id."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 4 == 0


def babe_half(text: str) -> str:
    """The fixed BABE half of a sentence: "curate" (looked at while curating) or "measure" (not looked at)."""
    return "measure" if int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 2 else "curate"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ptc_articles(data: Path, part: str):
    for path in sorted((data / "ptc-train" / "articles").glob("article*.txt")):
        aid = path.stem.replace("article", "")
        if part == "tune" and heldout(aid) or part == "heldout" and not heldout(aid):
            continue
        raw = path.read_text(encoding="utf-8")
        spans = []
        label_file = data / "ptc-train" / "labels" / f"article{aid}.task2-TC.labels"
        if label_file.exists():
            for line in label_file.read_text().splitlines():
                _, tech, s, e = line.split("\t")
                spans.append((tech, int(s), int(e)))
        yield aid, raw, spans


def score_ptc(raw: str):
    """Score a PTC article line by line; return sentences and findings in raw offsets.

    Each non-empty line becomes a block, its white space collapsed and the invisible
    characters framing drops (``framing.parse.INVISIBLE``: byte-order marks, zero-width
    spaces...) left out, so the article framing reads is exactly the text given to it;
    ``raw_at`` maps each of its characters back to the raw file.
    """
    text: list[str] = []
    raw_at: list[int] = []
    pos = 0
    for line in raw.split("\n"):
        kept = [(i, c) for i, c in enumerate(line) if not INVISIBLE.fullmatch(c)]
        words: list[list[tuple[int, str]]] = [[]]
        for i, c in kept:
            if c.isspace():
                if words[-1]:
                    words.append([])
            else:
                words[-1].append((i, c))
        words = [w for w in words if w]
        if words:
            if text:
                text.append("\n\n")
                raw_at.extend((raw_at[-1] + 1, raw_at[-1] + 1))
            for k, word in enumerate(words):
                if k:
                    text.append(" ")
                    raw_at.append(pos + word[0][0] - 1)
                text.append("".join(c for _, c in word))
                raw_at.extend(pos + i for i, _ in word)
        pos += len(line) + 1
    if not text:
        return [], []
    joined = "".join(text)
    raw_at.append(raw_at[-1] + 1)
    report = default_analyzer().score_text(joined, syntax="plain")
    if report.article.text != joined:
        raise ValueError("framing changed the text it was given; offsets would not map back")

    def to_raw(offset: int) -> int:
        return raw_at[offset]

    def end_to_raw(end: int) -> int:
        return raw_at[end - 1] + 1 if end else 0

    sentences = [(to_raw(s.start), end_to_raw(s.end)) for s in report.article.sentences]
    findings = [
        (f.kind, f.category, to_raw(f.start), end_to_raw(f.end), f.text, f.weight, f.source) for f in report.findings
    ]
    return sentences, findings


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def print_by_term(per_entry: dict, top: int) -> None:
    """Print the lexicon entries whose findings cost the most sentence-level precision.

    ``only_fp`` counts unmarked sentences where the entry is the only loaded finding (removing it
    would turn a false positive into a true negative); ``only_tp`` counts marked sentences it alone
    catches (removing it would lose them). ``fp``/``tp`` count every sentence it fires in.
    """
    rows = sorted(per_entry.items(), key=lambda kv: (-(kv[1]["only_fp"] - kv[1]["only_tp"]), -kv[1]["fp"]))
    print(f"\n  {top} entries by (sole false positives - sole true positives):")
    print_entry_rows(rows[:top], {"fp": "fp", "tp": "tp", "onlyFP": "only_fp", "onlyTP": "only_tp"}, "fp_examples", "example false positive")


def print_entry_rows(rows: list, columns: dict[str, str], examples: str, example_title: str) -> None:
    """One line per lexicon entry: its source and matched texts, counts, and an example sentence."""
    print(f"  {'entry':<40} " + " ".join(f"{title:>6}" for title in columns) + f"  {example_title}")
    for source, c in rows:
        entry = f"{source} {'/'.join(sorted(c['texts']))[:30]}"
        example = c[examples][0] if c[examples] else ""
        print(f"  {entry:<40} " + " ".join(f"{c[key]:>6}" for key in columns.values()) + f"  {example[:150]}")


def evaluate_ptc(data: Path, part: str, fp_sample: int = 0, by_term: int = 0, fn_sample: int = 0) -> None:
    kinds = {"loaded": ({"loaded"}, LOADED_GOLD), "hedge+weasel": ({"hedge", "weasel"}, DOUBT_GOLD)}
    sent = {k: [0, 0, 0] for k in kinds}
    every = {k: [0, 0, 0] for k in kinds}
    span_p = {k: [0.0, 0] for k in kinds}
    span_r = {k: [0.0, 0] for k in kinds}
    false_pos = []
    false_neg = []
    per_entry: dict = defaultdict(lambda: {"fp": 0, "tp": 0, "only_fp": 0, "only_tp": 0, "fp_examples": [], "texts": set()})
    n_articles = 0
    for aid, raw, gold in ptc_articles(data, part):
        n_articles += 1
        sentences, findings = score_ptc(raw)
        for name, (our_kinds, gold_techs) in kinds.items():
            g = [(s, e) for t, s, e in gold if t in gold_techs]
            ours = [(s, e, text) for k, _, s, e, text, _w, _src in findings if k in our_kinds]
            for s0, s1 in sentences:
                is_gold = any(overlap(s0, s1, a, b) for a, b in g)
                is_ours = any(s0 <= a < s1 for a, b, _ in ours)
                sent[name][0] += is_gold and is_ours
                sent[name][1] += is_ours and not is_gold
                sent[name][2] += is_gold and not is_ours
                every[name][0] += is_gold
                every[name][1] += not is_gold
                if name == "loaded" and is_ours and not is_gold:
                    false_pos.extend((aid, text, raw[s0:s1]) for a, b, text in ours if s0 <= a < s1)
                if name == "loaded" and is_gold and not is_ours:
                    false_neg.extend((aid, raw[a:b]) for a, b in g if overlap(s0, s1, a, b))
                if name == "loaded" and is_ours and (by_term or fn_sample):
                    here = {(src, text.lower()) for k, _, a, _e, text, _w, src in findings if k == "loaded" and s0 <= a < s1}
                    entries = {src for src, _ in here}
                    for src in entries:
                        c = per_entry[src]
                        c["texts"].update(text for s2, text in here if s2 == src)
                        c["tp" if is_gold else "fp"] += 1
                        if len(entries) == 1:
                            c["only_tp" if is_gold else "only_fp"] += 1
                        if not is_gold and len(c["fp_examples"]) < 3:
                            c["fp_examples"].append(" ".join(raw[s0:s1].split()))
            # SemEval-2020 Task 11 span identification, partial overlap
            for a, b, _ in ours:
                span_p[name][0] += sum(overlap(a, b, c, d) for c, d in g) / max(1, b - a)
                span_p[name][1] += 1
            for c, d in g:
                span_r[name][0] += sum(overlap(a, b, c, d) for a, b, _ in ours) / max(1, d - c)
                span_r[name][1] += 1
    print(f"PTC part={part}: {n_articles} articles")
    for name in kinds:
        p, r, f = prf(*sent[name])
        bp, br, bf = prf(*every[name])
        sp = span_p[name][0] / span_p[name][1] if span_p[name][1] else 0.0
        sr = min(1.0, span_r[name][0] / span_r[name][1]) if span_r[name][1] else 0.0
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        print(f"  {name:<13} sentence P {p:.3f} R {r:.3f} F1 {f:.3f} | flag-every-sentence F1 {bf:.3f} (P {bp:.3f}) | span P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    if fp_sample:
        random.Random(0).shuffle(false_pos)
        print(f"\n  sample of {fp_sample} loaded findings in sentences PTC does not mark:")
        for aid, text, sentence in false_pos[:fp_sample]:
            print(f"  [{aid}] {text!r}: {sentence.strip()[:160]}")
    if by_term:
        print_by_term(per_entry, by_term)
    if fn_sample:
        counts: dict = defaultdict(int)
        for _aid, span in false_neg:
            counts[" ".join(span.lower().split())[:80]] += 1
        print(f"\n  {fn_sample} most frequent gold spans in marked sentences with no loaded finding:")
        for span, n in sorted(counts.items(), key=lambda kv: -kv[1])[:fn_sample]:
            print(f"  {n:>3}  {span}")


def evaluate_babe(data: Path, part: str = "all", by_term: int = 0) -> None:
    path = data / "babe" / "final_labels_SG2.csv"
    per_entry: dict = defaultdict(lambda: {"marked": 0, "unmarked": 0, "unbiased": 0, "texts": set(), "examples": []})
    tp = fp = fn = 0
    sent_tp = sent_fp = sent_fn = 0
    n_sentences = 0
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            if row["label_bias"] not in ("Biased", "Non-biased"):
                continue
            if part != "all" and babe_half(row["text"]) != part:
                continue
            n_sentences += 1
            try:
                gold_words = {stem_key(w) for w in ast.literal_eval(row["biased_words"] or "[]")}
            except (ValueError, SyntaxError):
                gold_words = set()
            report = default_analyzer().score_text(row["text"], syntax="plain")
            ours = {stem_key(t.text) for f in report.findings if f.kind == "loaded" for t in tokenize(f.text)}
            biased = row["label_bias"] == "Biased"
            if by_term:
                count_babe_entries(per_entry, report, gold_words, biased, row["text"])
            tp += len(ours & gold_words)
            fp += len(ours - gold_words)
            fn += len(gold_words - ours)
            flagged = bool(ours)
            sent_tp += biased and flagged
            sent_fp += flagged and not biased
            sent_fn += biased and not flagged
    p, r, f = prf(tp, fp, fn)
    sp, sr, sf = prf(sent_tp, sent_fp, sent_fn)
    print(f"BABE SG2 part={part}: {n_sentences} sentences")
    print(f"BABE SG2: loaded words vs experts' biased_words: P {p:.3f} R {r:.3f} F1 {f:.3f}; sentence (any loaded word = biased): P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    if by_term:
        print_babe_by_term(per_entry, by_term)


def count_babe_entries(per_entry: dict, report, gold_words: set[str], biased: bool, text: str) -> None:
    """Count each loaded finding of one BABE sentence under its entry: its words among the
    experts' bias words (``marked``), not among them in a biased sentence (``unmarked``), or
    in a sentence the experts call unbiased (``unbiased``)."""
    for f in report.findings:
        if f.kind != "loaded":
            continue
        c = per_entry[f.source]
        c["texts"].add(f.text.lower())
        if {stem_key(t.text) for t in tokenize(f.text)} & gold_words:
            c["marked"] += 1
            continue
        c["unmarked" if biased else "unbiased"] += 1
        if len(c["examples"]) < 2:
            c["examples"].append(" ".join(text.split()))


def print_babe_by_term(per_entry: dict, top: int) -> None:
    """Print the entries whose findings BABE's experts most often leave unmarked."""
    rows = sorted(per_entry.items(), key=lambda kv: (-(kv[1]["unmarked"] + kv[1]["unbiased"] - kv[1]["marked"]), kv[0]))
    print(f"\n  {top} entries by (unmarked findings - marked findings):")
    print_entry_rows(rows[:top], {"marked": "marked", "unmark": "unmarked", "unbias": "unbiased"}, "examples", "example")


def coverage(data: Path) -> None:
    lex = default_analyzer()
    refs = {
        "bias-lexicon_og.txt (Recasens et al. 2013)": ("loaded", None),
        "hedges_hyland2005.txt (Hyland 2005)": ("hedge", None),
        "report_verbs.txt (Recasens et al. 2013)": ("attribution_verb", None),
    }
    for name, (kind, _) in refs.items():
        fname = name.split(" ")[0]
        terms = [
            l.strip()
            for l in (data / "reference-lexicons" / fname).read_text(encoding="latin-1").splitlines()
            if l.strip() and not l.startswith("#")
        ]
        hit = 0
        for term in terms:
            report = lex.score_text(term + ".", syntax="plain")
            kinds = {f.kind for f in report.findings}
            if kind in kinds or (kind == "hedge" and kinds & {"hedge", "weasel", "booster"}):
                hit += 1
        print(f"coverage of {name}: {hit}/{len(terms)} = {hit / len(terms):.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--part", choices=["tune", "heldout", "all"], default=None)
    ap.add_argument("--fp-sample", type=int, default=0)
    ap.add_argument("--skip", nargs="*", default=[], choices=["coverage", "ptc", "babe"])
    ap.add_argument("--by-term", type=int, default=0, help="tune part only: the N entries costing most precision")
    ap.add_argument("--fn-sample", type=int, default=0, help="tune part only: the N most frequent missed gold spans")
    ap.add_argument("--babe-part", choices=["curate", "measure", "all"], default="all",
                    help="BABE half by sha1(text) %% 2: curate (0), measure (1) or all")
    ap.add_argument("--babe-by-term", type=int, default=0,
                    help="curate half only: the N entries whose findings BABE's experts most often leave unmarked")
    args = ap.parse_args()
    if args.babe_by_term and args.babe_part != "curate":
        sys.exit("--babe-by-term looks at sentences: use it with --babe-part curate only")
    if (args.by_term or args.fn_sample) and args.part != "tune":
        sys.exit("--by-term and --fn-sample look at sentences: use them with --part tune only")
    if not args.data.exists():
        sys.exit(f"no data at {args.data}")
    if "coverage" not in args.skip:
        coverage(args.data)
    if "ptc" not in args.skip:
        for part in [args.part] if args.part else ["tune", "heldout"]:
            evaluate_ptc(args.data, part, args.fp_sample, args.by_term, args.fn_sample)
    if "babe" not in args.skip:
        evaluate_babe(args.data, args.babe_part, args.babe_by_term)


if __name__ == "__main__":
    main()
