"""Train the shipped classifier models and measure every figure of their model card.

Run from the repository root; the data is read here only, nothing from it ships:

    python scripts/classifier_models.py train            # writes framing/models/{bias,hedge}.{json,npz} (--head bias|hedge: one)
    python scripts/classifier_models.py babe             # BABE 5-fold CV beside baselines
    python scripts/classifier_models.py ptc              # the shipped bias model on PTC sentences
    python scripts/classifier_models.py weasel           # the hedge recipe on a held-out 20 % of wiki-weasel
    python scripts/classifier_models.py weasel-cv        # candidate hedge recipes, 5-fold CV on the training 80 % only

Options: ``--data DIR`` (default ``../shared/data``), ``--out DIR`` for ``train``
(default ``framing/models``), ``--folds K`` for ``babe`` and ``weasel-cv``. Figures print as JSON lines.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Optional

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from framing.classifier.data import read_dataset
from framing.classifier.estimators import LexiconFeatures
from framing.classifier.metrics import evaluate_proba, f1_threshold
from framing.classifier.scorer import predict_texts
from framing.classifier.store import default_folder, load_head, save_head
from framing.classifier.training import Dataset, Recipe, cross_validated_proba, train
from framing.lexicon import load_lexicon
from framing.sentences import SentenceSplitter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
PTC_POSITIVE = {"Loaded_Language", "Name_Calling,Labeling"}
BABE_LICENCE = (
    "CC BY-NC-SA 4.0: trained on BABE (Spinde et al., Findings of EMNLP 2021), so this model file "
    "carries BABE's non-commercial, share-alike terms; framing's code stays MIT"
)
WEASEL_LICENCE = "CC BY-SA: trained on Wikipedia sentences of the CoNLL-2010 shared task (Farkas et al., 2010)"
#: The shipped bias head's recipe: no character n-grams. Measured with ``babe`` and ``ptc``: 0.01
#: lower macro-F1 in domain than the recipe with them, better out of domain, and far cheaper.
BIAS_RECIPE = Recipe(char_features=0)
#: The shipped hedge head's recipe, chosen by ``weasel-cv`` (out-of-fold F1 on the training 80 %
#: of wiki-weasel only): no character n-grams, which are the costliest block to score.
HEDGE_RECIPE = Recipe(char_features=0, C=2.0)
#: What ``weasel-cv`` compares (the first is the recipe shipped before, with character n-grams).
HEDGE_CANDIDATES = (
    ("previous recipe: word 1-2 + char + lexicon 0.3, C 1", Recipe()),
    ("no char: word 1-2 + lexicon 0.3, C 1", Recipe(char_features=0)),
    ("no char, lexicon 0.6", Recipe(char_features=0, lexicon_weight=0.6)),
    ("no char, lexicon 1.0", Recipe(char_features=0, lexicon_weight=1.0)),
    ("no char, word 1-3-grams", Recipe(char_features=0, word_ngrams=3)),
    ("no char, min_df 1", Recipe(char_features=0, min_df=1)),
    ("no char, class_weight balanced", Recipe(char_features=0, class_weight="balanced")),
    ("no char, class_weight balanced, lexicon 1.0", Recipe(char_features=0, class_weight="balanced", lexicon_weight=1.0)),
    ("no char, C 0.5", Recipe(char_features=0, C=0.5)),
    ("no char, C 2 (shipped)", HEDGE_RECIPE),
    ("no char, C 4", Recipe(char_features=0, C=4.0)),
)
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "`` ": '"', " ''": '"', "``": '"', "''": '"'}


# -- data -----------------------------------------------------------------------------------
def babe(data: Path) -> Dataset:
    return read_dataset(data / "babe" / "final_labels_SG2.csv", "text", "label_bias", "biased_words", ["No agreement"])


def clean_ptb(text: str) -> str:
    """Undo Penn Treebank tokenisation: brackets, quotes and spaces before punctuation.

    >>> clean_ptb("It -LRB- mostly -RRB- works , they say `` often '' .")
    'It (mostly) works, they say "often".'
    """
    for token, char in _PTB.items():
        text = text.replace(token, char)
    text = re.sub(r"([(\[{]) ", r"\1", text)
    text = re.sub(r" ([)\]}])", r"\1", text)
    text = re.sub(r" ([,.;:!?%])", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1", text)
    return " ".join(text.split())


def wiki_weasel(data: Path) -> Dataset:
    raw = read_dataset(data / "wiki-weasel" / "train.csv", "text", "label")
    return Dataset(tuple(clean_ptb(t) for t in raw.texts), raw.labels)


def ptc_sentences(data: Path, limit: Optional[int] = None) -> tuple[list[str], np.ndarray]:
    """Every sentence of the PTC training articles (framing's splitter, line by line) and
    whether it overlaps a Loaded_Language or Name_Calling,Labeling span; ``limit``: the
    first articles only."""
    lexicon = load_lexicon()
    splitter = SentenceSplitter(r.get("abbreviation", "") for r in lexicon.table("structure/abbreviation"))
    texts, labels = [], []
    for path in sorted((data / "ptc-train" / "articles").glob("article*.txt"))[:limit]:
        raw = path.read_text(encoding="utf-8")
        label_file = data / "ptc-train" / "labels" / f"{path.stem}.task2-TC.labels"
        spans = []
        for line in label_file.read_text(encoding="utf-8").splitlines():
            _, technique, start, end = line.split("\t")
            if technique in PTC_POSITIVE:
                spans.append((int(start), int(end)))
        for start, end in splitter.spans(raw):
            if raw[start:end].strip():
                texts.append(raw[start:end])
                labels.append(any(s < end and start < e for s, e in spans))
    return texts, np.array(labels)


# -- commands -------------------------------------------------------------------------------
def hedge_threshold(data: Dataset, recipe: Recipe) -> float:
    """The hedge head's threshold: the F1-best cut of out-of-fold probabilities on ``data``.

    Uncertain sentences are 29 % of wiki-weasel, so a calibrated probability of 0.5 is a
    stricter cut than F1 wants."""
    classes, proba = cross_validated_proba(data, recipe, 5)
    return f1_threshold(np.array([label == "1" for label in data.labels]), proba[:, classes.index("1")])


def cmd_train(args) -> None:
    if args.head in ("bias", "both"):
        bias = train(babe(args.data), "bias", ["Biased"], BIAS_RECIPE, meta={
            "task": "loaded or one-sided language (BABE label_bias: Biased)",
            "trained_on": "BABE final_labels_SG2.csv (3,673 sentences, 'No agreement' left out), with biased_words as cue words",
            "licence": BABE_LICENCE,
        })
        save_head(bias, args.out)
    if args.head in ("hedge", "both"):
        data = wiki_weasel(args.data)
        hedge = train(data, "hedge", ["1"], HEDGE_RECIPE, meta={
            "task": "hedged or weasel-worded (wiki-weasel label 1: uncertain)",
            "trained_on": f"wiki-weasel train.csv ({len(data.texts):,} Wikipedia sentences, PTB tokens undone)",
            "licence": WEASEL_LICENCE,
        })
        hedge.threshold = hedge_threshold(data, HEDGE_RECIPE)
        save_head(hedge, args.out)
    for name in ("bias", "hedge"):
        for suffix in (".json", ".npz"):
            path = Path(args.out) / f"{name}{suffix}"
            print(json.dumps({"file": str(path), "bytes": path.stat().st_size, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}))


def _figures(name: str, truth, score, predicted=None) -> dict:
    truth = np.asarray(truth)
    predicted = score >= 0.5 if predicted is None else predicted
    return {
        "model": name,
        "macro_f1": round(f1_score(truth, predicted, average="macro"), 4),
        "positive_f1": round(f1_score(truth, predicted), 4),
        "roc_auc": round(roc_auc_score(truth, score), 4) if len(set(truth)) > 1 and len(set(np.round(score, 12))) > 1 else 0.5,
    }


def cmd_babe(args) -> None:
    data = babe(args.data)
    truth = np.array([label == "Biased" for label in data.labels])
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=0)
    majority = truth.mean() >= 0.5
    print(json.dumps({"data": "BABE SG2", "rows": len(truth), "biased": int(truth.sum()), "folds": args.folds}))
    print(json.dumps(_figures("majority class", truth, np.full(len(truth), float(majority)))))
    lexicon_only = make_pipeline(LexiconFeatures(), StandardScaler(), LogisticRegression(max_iter=2000))
    X = np.array(data.texts, dtype=object).reshape(-1, 1)
    p = cross_val_predict(lexicon_only, X, truth, cv=folds, method="predict_proba")[:, 1]
    print(json.dumps(_figures("lexicon features only (logistic regression)", truth, p)))
    plain = Recipe(lexicon_weight=0.0)
    for name, recipe, d in (
        ("word + char TF-IDF only", plain, Dataset(data.texts, data.labels)),
        ("word TF-IDF + lexicon features", BIAS_RECIPE, Dataset(data.texts, data.labels)),
        ("previous recipe: word + char TF-IDF + lexicon + cue words", Recipe(), data),
        ("shipped recipe: word TF-IDF + lexicon + cue words", BIAS_RECIPE, data),
    ):
        classes, proba = cross_validated_proba(d, recipe, args.folds)
        score = proba[:, classes.index("Biased")]
        print(json.dumps(_figures(name, truth, score)))
    metrics = evaluate_proba(data.labels, classes, proba, ["Biased"])
    print(json.dumps({"model": "shipped recipe (detail)", "calibration_ece": metrics["calibration"]["ece"], "brier": metrics["positive_vs_rest"]["brier"], "confusion_matrix": metrics["confusion_matrix"], "classes": classes}))
    print(json.dumps({"model": "published fine-tuned RoBERTa (Spinde et al. 2021)", "macro_f1": 0.804}))


def cmd_ptc(args) -> None:
    texts, truth = ptc_sentences(args.data)
    print(json.dumps({"data": "PTC train sentences", "rows": len(texts), "positive": int(truth.sum())}))
    print(json.dumps(_figures("flag every sentence", truth, np.ones(len(truth)))))
    shipped = load_head(default_folder(), "bias")
    score = predict_texts(shipped, texts)[:, shipped.classes.index("Biased")]
    print(json.dumps(_figures("shipped bias model", truth, score)))
    base = babe(args.data)
    for name, recipe, d in (
        ("word + char TF-IDF only, trained on BABE", Recipe(lexicon_weight=0.0), Dataset(base.texts, base.labels)),
        ("word TF-IDF + lexicon features, trained on BABE", BIAS_RECIPE, Dataset(base.texts, base.labels)),
        ("previous recipe: word + char TF-IDF + lexicon + cue words, trained on BABE", Recipe(), base),
    ):
        head = train(d, "bias", ["Biased"], recipe)
        print(json.dumps(_figures(name, truth, predict_texts(head, texts)[:, head.classes.index("Biased")])))


def weasel_split(data: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """The stratified 80 % training and 20 % held-out rows of wiki-weasel (seed 0)."""
    rows = np.arange(len(data.texts))
    return train_test_split(rows, test_size=0.2, stratify=data.labels, random_state=0)


def cmd_weasel_cv(args) -> None:
    """Choose the hedge recipe without the held-out part: each candidate's out-of-fold F1
    (5 folds) on the training 80 %, at its own out-of-fold F1-best threshold."""
    data = wiki_weasel(args.data)
    train_part = data.subset(weasel_split(data)[0])
    truth = np.array([label == "1" for label in train_part.labels])
    print(json.dumps({"data": "wiki-weasel, training 80 % only", "rows": len(truth), "positive": int(truth.sum()), "folds": args.folds}))
    for name, recipe in HEDGE_CANDIDATES:
        classes, proba = cross_validated_proba(train_part, recipe, args.folds)
        score = proba[:, classes.index("1")]
        threshold = f1_threshold(truth, score)
        print(json.dumps({**_figures(f"{name}, out of fold", truth, score, score >= threshold), "threshold": threshold}))


def cmd_weasel(args) -> None:
    data = wiki_weasel(args.data)
    train_rows, test_rows = weasel_split(data)
    held_out = data.subset(test_rows)
    truth = np.array([label == "1" for label in held_out.labels])
    print(json.dumps({"data": "wiki-weasel", "train": len(train_rows), "held_out": len(test_rows), "held_out_positive": int(truth.sum())}))
    print(json.dumps(_figures("flag every sentence", truth, np.ones(len(truth)))))
    for name, recipe in (
        ("word + char TF-IDF only", Recipe(lexicon_weight=0.0)),
        ("previous recipe: word + char TF-IDF + lexicon features", Recipe()),
        ("shipped hedge recipe", HEDGE_RECIPE),
    ):
        head = train(data.subset(train_rows), "hedge", ["1"], recipe)
        score = predict_texts(head, held_out.texts)[:, head.classes.index("1")]
        print(json.dumps(_figures(f"{name}, threshold 0.5", truth, score)))
        threshold = hedge_threshold(data.subset(train_rows), recipe)  # chosen on the training part only
        print(json.dumps({**_figures(f"{name}, F1-best threshold out of fold", truth, score, score >= threshold), "threshold": threshold}))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["train", "babe", "ptc", "weasel", "weasel-cv"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "framing" / "models")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--head", choices=["bias", "hedge", "both"], default="both", help="train: which head(s) to write")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"{args.data}: data folder not found")
    {"train": cmd_train, "babe": cmd_babe, "ptc": cmd_ptc, "weasel": cmd_weasel, "weasel-cv": cmd_weasel_cv}[args.command](args)


if __name__ == "__main__":
    main()
