"""Training recipes: the hedge head's options (no character block, word trigrams, class weights)
export exactly, save and load, and the shipped hedge head is the one its script describes."""
from __future__ import annotations

import importlib.util
import re

import numpy as np
import pytest

from framing.classifier.scorer import predict_texts
from framing.classifier.store import default_folder, load_head, save_head
from framing.classifier.training import Dataset, Recipe, build_pipeline, export, fit

from .conftest import OPINION, ROOT, WIRE


def _sentences() -> list[str]:
    out = []
    for path in (OPINION, WIRE):
        text = path.read_text(encoding="utf-8")
        body = [line for line in text.splitlines() if line and not line.startswith(("#", "---", "title:", "author:", "outlet:", "date:", "url:"))]
        out += [s for line in body for s in re.split(r"(?<=[.?!])\s+", line) if len(s.split()) > 3]
    return out[:40]


@pytest.fixture(scope="module")
def data() -> Dataset:
    sentences = _sentences()
    labels = tuple("1" if i % 3 == 0 else "0" for i in range(len(sentences)))  # arbitrary: only the arithmetic is tested
    return Dataset(tuple(sentences), labels)


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("classifier_models", ROOT / "scripts" / "classifier_models.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_default_recipe_keeps_the_character_block():
    names = [name for name, _, _ in build_pipeline(Recipe(), cues=False).named_steps["features"].transformers]
    assert names == ["word", "char", "lexicon"]


@pytest.mark.parametrize(
    "recipe",
    [
        Recipe(char_features=0, calibration_folds=3, min_df=1),
        Recipe(char_features=0, word_ngrams=3, lexicon_weight=1.0, calibration_folds=3, min_df=1),
        Recipe(class_weight="balanced", C=0.5, calibration_folds=3, min_df=1),
    ],
)
def test_recipe_options_export_exactly(data, recipe, tmp_path):
    model = fit(data, recipe)
    head = export(model, "hedge", ["1"])
    assert (head.char is None) == (recipe.char_features == 0)
    assert head.word.ngram_range == (1, recipe.word_ngrams)
    if recipe.word_ngrams == 3:
        assert any(term.count(" ") == 2 for term in head.word.vocabulary)
    expected = model.predict_proba(data.matrix())
    np.testing.assert_allclose(predict_texts(head, data.texts), expected, atol=1e-9)
    save_head(head, tmp_path)
    loaded = load_head(tmp_path, "hedge")
    assert (loaded.char is None) == (recipe.char_features == 0)
    with np.load(tmp_path / "hedge.npz", allow_pickle=False) as npz:
        assert ("char_idf" in npz.files) == bool(recipe.char_features)
    np.testing.assert_allclose(predict_texts(loaded, data.texts), expected, atol=1e-9)


def test_head_without_character_block_explains_by_word(data):
    from framing.classifier.estimators import LexiconFeatures

    head = export(fit(data, Recipe(char_features=0, calibration_folds=3, min_df=1)), "hedge", ["1"])
    text = data.texts[0]
    row = LexiconFeatures(length=False).fit([[text]]).transform([[text]])[0]
    reasons = head.explain(text, row, top=50)
    assert reasons and all(isinstance(unit, str) and isinstance(value, float) for unit, value in reasons)


def test_shipped_hedge_head_follows_the_script(script):
    head = load_head(default_folder(), "hedge")
    recipe = head.meta["recipe"]
    expected = script.HEDGE_RECIPE
    assert recipe["char_features"] == expected.char_features and (head.char is None) == (expected.char_features == 0)
    assert recipe.get("word_ngrams", 2) == expected.word_ngrams == head.word.ngram_range[1]
    assert recipe["lexicon_weight"] == expected.lexicon_weight == head.lexicon.weight
    assert recipe["C"] == expected.C and recipe.get("class_weight") == expected.class_weight
    assert 0.05 < head.threshold < 0.6


def test_shipped_bias_head_follows_the_script(script):
    head = load_head(default_folder(), "bias")
    recipe = head.meta["recipe"]
    expected = script.BIAS_RECIPE
    assert recipe["char_features"] == expected.char_features == 0 and head.char is None
    assert head.cue_words is not None and head.meta["cue_words"] is True
    assert recipe["lexicon_weight"] == expected.lexicon_weight == head.lexicon.weight
    assert head.threshold == 0.5
