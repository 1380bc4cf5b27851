"""``framing train`` and ``framing evaluate``: researchers' own classifier models.

Both are ``click.Command`` objects that ``framing.cli`` registers on the ``framing``
group. Results go to standard output, progress and errors to standard error.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, fields
from pathlib import Path
from typing import Optional

import click

from .classifier.data import DataError, choose_positive, read_dataset
from .classifier.recipe import Recipe
from .classifier.scorer import predict_texts
from .classifier.store import HEADS, ModelError, load_head, save_head

# scikit-learn (``classifier.metrics``, ``classifier.training``) is imported inside the
# commands, so that the other commands of ``framing`` start without it

# Exit statuses, as framing.cli.ExitStatus: 1 bad data, 3 a model that cannot be loaded.
DATA_ERROR = 1
MODEL_ERROR = 3


def _fail(message: str, status: int) -> None:
    click.echo(f"framing: error: {message}", err=True)
    sys.exit(status)


def _note(message: str) -> None:
    click.echo(f"framing: {message}", err=True)


def _data_options(f):
    f = click.option("--skip-label", "skip_labels", multiple=True, metavar="LABEL", help="Leave out rows with this label (e.g. \"No agreement\"). Repeatable.")(f)
    f = click.option("--cue-column", default=None, help="Column listing the words that carry the label (a list, or words separated by |); adds a word-level cue model.")(f)
    f = click.option("--label-column", default="label", show_default=True, help="Column with the label.")(f)
    f = click.option("--text-column", default="text", show_default=True, help="Column with the sentence.")(f)
    f = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")(f)
    return f


def _emit(fmt: str, payload: dict, text: str) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False) if fmt == "json" else text, nl=fmt == "json")


@click.command("train")
@click.argument("data", type=click.Path(dir_okay=False))
@_data_options
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False), help="Model folder to write (created if needed).")
@click.option("--positive", multiple=True, metavar="LABEL", help="Label(s) whose probability is the sentence score. Default: see the model card. Repeatable.")
@click.option("--head", type=click.Choice(HEADS), default="bias", show_default=True, help="bias: the sentence score; hedge: the hedge score.")
@click.option("--cv", type=click.IntRange(min=0), default=5, show_default=True, help="Folds of the cross-validation reported before training; 0 skips it.")
@click.option("--word-features", type=click.IntRange(min=1), default=Recipe.word_features, show_default=True, help="Word 1-2-grams kept.")
@click.option("--char-features", type=click.IntRange(min=0), default=Recipe.char_features, show_default=True, help="Character 2-5-grams kept; 0 leaves the character block out (faster to score).")
@click.option("--c", "C", type=click.FloatRange(min=0, min_open=True), default=Recipe.C, show_default=True, help="Inverse regularisation strength.")
@click.option("--task", default=None, help="What the labels mean, recorded in the model (e.g. \"loaded language\").")
@click.option("--licence", default=None, help="Terms of the model file: those of the training data. Recorded in the model.")
def train(data: str, fmt: str, text_column: str, label_column: str, cue_column: Optional[str], skip_labels: tuple[str, ...], output: str, positive: tuple[str, ...], head: str, cv: int, word_features: int, char_features: int, C: float, task: Optional[str], licence: Optional[str]) -> None:
    """Train a classifier head on DATA (CSV or JSONL; two or more labels).

    Prints cross-validated metrics (macro-F1, ROC-AUC, confusion matrix, calibration),
    then fits on every row and writes the model to --output. Use it with
    `framing score --model FOLDER`.
    """
    from .classifier.metrics import evaluate_proba, format_metrics
    from .classifier.training import cross_validated_proba, train as train_head

    try:
        dataset = read_dataset(data, text_column, label_column, cue_column, skip_labels)
        positive = choose_positive(dataset.labels, positive)
    except DataError as e:
        _fail(str(e), DATA_ERROR)
    recipe = Recipe(word_features=word_features, char_features=char_features, C=C)
    counts = {label: dataset.labels.count(label) for label in sorted(set(dataset.labels))}
    _note(f"{data}: {len(dataset.texts)} rows, labels {counts}; positive: {', '.join(positive)}")
    payload: dict = {"data": data, "rows": len(dataset.texts), "labels": counts, "positive": list(positive)}
    text = ""
    try:
        if cv:
            _note(f"cross-validating ({cv} folds)...")
            classes, proba = cross_validated_proba(dataset, recipe, cv)
            metrics = evaluate_proba(dataset.labels, classes, proba, positive)
            payload["cross_validation"] = metrics
            text = format_metrics(metrics, f"Cross-validation on {data} ({cv} folds)")
        _note("training on every row...")
        meta = {"task": task or f"{label_column}: {', '.join(positive)}", "trained_on": Path(data).name, "licence": licence or "the terms of the training data"}
        model = train_head(dataset, head, positive, recipe, meta)
    except ValueError as e:
        _fail(f"{data}: {e}", DATA_ERROR)
    save_head(model, output)
    payload["model"] = {"folder": output, "head": head, "classes": list(model.classes)}
    _note(f"wrote {head} model to {output}")
    _emit(fmt, payload, text)


@click.command("evaluate")
@click.argument("model", type=click.Path(file_okay=False))
@click.argument("data", type=click.Path(dir_okay=False))
@_data_options
@click.option("--head", type=click.Choice(HEADS), default="bias", show_default=True, help="Which head of the model to evaluate.")
@click.option("--cv", type=click.IntRange(min=0), default=0, show_default=True, help="0: score DATA with the saved model (held-out data). K: cross-validate the model's recipe on DATA with K folds.")
def evaluate(model: str, data: str, fmt: str, text_column: str, label_column: str, cue_column: Optional[str], skip_labels: tuple[str, ...], head: str, cv: int) -> None:
    """Evaluate the model in MODEL on labelled DATA (CSV or JSONL).

    Prints macro-F1, ROC-AUC, per-class figures, a confusion matrix and calibration.
    """
    from .classifier.metrics import evaluate_proba, format_metrics
    from .classifier.training import cross_validated_proba

    try:
        loaded = load_head(model, head)
    except ModelError as e:
        _fail(str(e), MODEL_ERROR)
    try:
        dataset = read_dataset(data, text_column, label_column, cue_column, skip_labels)
    except DataError as e:
        _fail(str(e), DATA_ERROR)
    payload: dict = {"model": model, "head": head, "data": data}
    if cv:
        known = {f.name for f in fields(Recipe)}
        recipe = Recipe(**{k: v for k, v in loaded.meta.get("recipe", {}).items() if k in known})
        try:
            positive = choose_positive(dataset.labels, [p for p in loaded.positive if p in dataset.labels])
            _note(f"cross-validating the model's recipe on {data} ({cv} folds)...")
            classes, proba = cross_validated_proba(dataset, recipe, cv)
        except ValueError as e:
            _fail(f"{data}: {e}", DATA_ERROR)
        title = f"Cross-validation of {model} ({head}) recipe on {data} ({cv} folds)"
        payload["recipe"] = asdict(recipe)
    else:
        unknown = sorted(set(dataset.labels) - set(loaded.classes))
        if unknown:
            _fail(f"{data}: labels {unknown} are not among the model's {list(loaded.classes)} (use --skip-label)", DATA_ERROR)
        positive, classes = loaded.positive, loaded.classes
        proba = predict_texts(loaded, dataset.texts)
        title = f"{model} ({head}) on {data}"
    metrics = evaluate_proba(dataset.labels, classes, proba, positive, loaded.threshold)
    payload["metrics"] = metrics
    _emit(fmt, payload, format_metrics(metrics, title))
