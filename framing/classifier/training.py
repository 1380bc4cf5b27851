"""Training a head: the scikit-learn pipeline, its calibration, and its export to arrays.

The pipeline is a ``ColumnTransformer`` of word n-gram TF-IDF, character n-gram TF-IDF
(left out with ``char_features=0``, as in both shipped heads), standardised
``LexiconFeatures`` and (where the data marks cue words) standardised
``CueWordFeatures``, then a ``LogisticRegression``. ``CalibratedClassifierCV`` with
``ensemble=False`` fits it on all rows and fits one sigmoid per class on out-of-fold
decision values, so the shipped head stays one linear model plus a calibration.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict
from typing import Optional, Sequence

import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import __version__
from .cuewords import CUE_FEATURES
from .estimators import CueWordFeatures, LexiconFeatures
from .linear import LinearHead, Standardised
from .recipe import Dataset, Recipe
from .tfidf import TfidfTable


def build_pipeline(recipe: Recipe, cues: bool, n_classes: int = 2) -> Pipeline:
    """The uncalibrated pipeline over the two-column input (text, cue words)."""
    blocks = [("word", TfidfVectorizer(ngram_range=(1, recipe.word_ngrams), sublinear_tf=True, min_df=recipe.min_df, max_features=recipe.word_features), 0)]
    weights = {"word": 1.0}
    if recipe.char_features:  # the costliest block at scoring time; 0 leaves it out
        blocks.append(("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=recipe.min_df, max_features=recipe.char_features), 0))
        weights["char"] = 1.0
    blocks.append(("lexicon", make_pipeline(LexiconFeatures(length=recipe.length), StandardScaler()), [0]))
    weights["lexicon"] = recipe.lexicon_weight
    if cues:
        blocks.append(("cues", make_pipeline(CueWordFeatures(random_state=recipe.random_state), StandardScaler()), [0, 1]))
        weights["cues"] = recipe.cue_weight
    features = ColumnTransformer(blocks, transformer_weights=weights)
    # liblinear is several times faster on sparse text features, but binary only.
    model = LogisticRegression(C=recipe.C, class_weight=recipe.class_weight, solver="liblinear" if n_classes == 2 else "lbfgs", max_iter=5000)
    return Pipeline([("features", features), ("model", model)])


def calibration_folds(labels: Sequence[str], wanted: int) -> int:
    """Folds for calibration and cross-validation: at most the rarest label's count."""
    counts = {label: labels.count(label) for label in set(labels)}
    if len(counts) < 2:
        raise ValueError(f"need at least two different labels, found {sorted(counts)}")
    rarest = min(counts.values())
    if rarest < 2:
        raise ValueError(f"every label needs at least two examples; {min(counts, key=counts.get)!r} has {rarest}")
    return min(wanted, rarest)


def fit(data: Dataset, recipe: Recipe = Recipe()) -> CalibratedClassifierCV:
    """Fit the calibrated pipeline on ``data``."""
    labels = list(data.labels)
    folds = StratifiedKFold(calibration_folds(labels, recipe.calibration_folds), shuffle=True, random_state=recipe.random_state)
    model = CalibratedClassifierCV(build_pipeline(recipe, data.cues is not None, len(set(labels))), method="sigmoid", cv=folds, ensemble=False)
    return model.fit(data.matrix(), np.asarray(labels, dtype=object))


def export(model: CalibratedClassifierCV, name: str, positive: Sequence[str], threshold: float = 0.5, meta: Optional[dict] = None) -> LinearHead:
    """The fitted calibrated pipeline as a ``LinearHead`` of plain arrays."""
    (calibrated,) = model.calibrated_classifiers_
    pipeline = calibrated.estimator
    features = pipeline.named_steps["features"]
    logistic = pipeline.named_steps["model"]
    parts = features.named_transformers_
    weights = features.transformer_weights

    def standardised(block: str, names: Sequence[str]) -> Standardised:
        scaler = parts[block][-1]
        return Standardised(tuple(names), scaler.mean_, scaler.scale_, float(weights[block]))

    cues = parts["cues"] if "cues" in parts else None
    return LinearHead(
        name=name,
        classes=tuple(str(c) for c in logistic.classes_),
        positive=tuple(positive),
        coef=logistic.coef_,
        intercept=logistic.intercept_,
        calibration_a=np.array([c.a_ for c in calibrated.calibrators]),
        calibration_b=np.array([c.b_ for c in calibrated.calibrators]),
        word=TfidfTable.from_sklearn(parts["word"]),
        char=TfidfTable.from_sklearn(parts["char"]) if "char" in parts else None,
        word_weight=float(weights["word"]),
        char_weight=float(weights.get("char", 1.0)),
        lexicon=standardised("lexicon", parts["lexicon"][0].feature_names_),
        cues=standardised("cues", CUE_FEATURES) if cues is not None else None,
        cue_words=cues[0].words_ if cues is not None else None,
        threshold=threshold,
        meta=dict(meta or {}),
    )


def train(data: Dataset, name: str, positive: Sequence[str], recipe: Recipe = Recipe(), meta: Optional[dict] = None) -> LinearHead:
    """Fit on ``data`` and export, with the training facts recorded in ``meta``."""
    model = fit(data, recipe)
    lexicon_step = model.calibrated_classifiers_[0].estimator.named_steps["features"].named_transformers_["lexicon"][0]
    facts = {
        "trained": _dt.date.today().isoformat(),
        "framing_version": __version__,
        "scikit_learn_version": sklearn.__version__,
        "lexicon_sha256": lexicon_step.lexicon_sha256_,
        "rows": len(data.texts),
        "label_counts": {label: data.labels.count(label) for label in sorted(set(data.labels))},
        "cue_words": data.cues is not None,
        "recipe": asdict(recipe),
    }
    return export(model, name, positive, meta={**facts, **(meta or {})})


def cross_validated_proba(data: Dataset, recipe: Recipe = Recipe(), folds: int = 5) -> tuple[tuple[str, ...], np.ndarray]:
    """Out-of-fold calibrated probabilities of every row (classes, matrix rows x classes)."""
    labels = list(data.labels)
    classes = tuple(sorted(set(labels)))
    splitter = StratifiedKFold(calibration_folds(labels, folds), shuffle=True, random_state=recipe.random_state)
    proba = np.zeros((len(labels), len(classes)))
    for train_rows, test_rows in splitter.split(np.zeros(len(labels)), labels):
        model = fit(data.subset(train_rows), recipe)
        columns = [classes.index(c) for c in model.classes_]
        proba[np.ix_(test_rows, columns)] = model.predict_proba(data.subset(test_rows).matrix())
    return classes, proba
