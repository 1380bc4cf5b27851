"""The classifier package: the sklearn contract, exact export, safe loading, behaviour on real text."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.estimator_checks import parametrize_with_checks

from framing.classifier import LexiconFeatures, ModelError, SentenceScorer
from framing.classifier.scorer import predict_texts
from framing.classifier.store import default_folder, load_head, write_manifest
from framing.classifier.tfidf import TfidfTable
from framing.classifier.training import Dataset, Recipe, export, fit

from .conftest import OPINION, WIRE

LOADED = "Calder's corporate cronies left it rotting in place."
NEUTRAL = "The order was lifted on Sunday afternoon."


@pytest.fixture(scope="module")
def scorer() -> SentenceScorer:
    return SentenceScorer.load()


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A copy of the shipped model folder, free to corrupt."""
    folder = tmp_path / "model"
    shutil.copytree(default_folder(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__", "*.md"))
    return folder


# -- the scikit-learn contract --------------------------------------------------------------
@parametrize_with_checks([LexiconFeatures()])
def test_lexicon_features_follow_the_sklearn_contract(estimator, check):
    check(estimator)


def test_lexicon_features_count_what_the_lexicons_find():
    lf = LexiconFeatures().fit([["a sentence"]])
    names = list(lf.get_feature_names_out())
    rows = lf.transform([["Critics say the so-called reform might fail."], ["The council met on Tuesday."], ["Is it over?"]])
    hedged, plain, question = (dict(zip(names, r)) for r in rows)
    assert hedged["weasel:author"] >= 1 and hedged["hedge:author"] >= 1
    assert sum(plain[n] for n in names if n.endswith((":author", ":quoted"))) == 0
    assert question["questions"] == 1 and plain["questions"] == 0
    assert rows.shape == (3, len(names)) and "words_log" in names
    assert "words_log" not in LexiconFeatures(length=False).fit([["x"]]).get_feature_names_out()


# -- the exported head computes what scikit-learn computes -----------------------------------
def _seed_sentences() -> list[str]:
    text = OPINION.read_text(encoding="utf-8") + "\n" + WIRE.read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if line and not line.startswith(("#", "---", "title:", "author:", "outlet:", "date:", "url:"))]
    return [s for line in body for s in re.split(r"(?<=[.?!])\s+", line) if len(s.split()) > 3]


@pytest.mark.parametrize("analyzer, ngrams", [("word", (1, 2)), ("char_wb", (2, 5))])
def test_tfidf_table_equals_tfidf_vectorizer(analyzer, ngrams):
    sentences = _seed_sentences()
    vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True, min_df=2).fit(sentences[::2])
    table = TfidfTable.from_sklearn(vectorizer)
    np.testing.assert_allclose(table.transform(sentences).toarray(), vectorizer.transform(sentences).toarray(), atol=1e-12)


def test_exported_head_matches_the_fitted_pipeline():
    sentences = _seed_sentences()[:40]
    labels = tuple("loaded" if i % 3 == 0 else "plain" for i in range(len(sentences)))  # arbitrary: only the arithmetic is tested
    data = Dataset(tuple(sentences), labels)
    model = fit(data, Recipe(calibration_folds=3, min_df=1))
    head = export(model, "bias", ["loaded"])
    np.testing.assert_allclose(predict_texts(head, sentences), model.predict_proba(data.matrix()), atol=1e-9)


# -- safe loading ----------------------------------------------------------------------------
def test_shipped_model_loads_with_its_hashes(scorer):
    manifest = json.loads((default_folder() / "manifest.json").read_text())
    assert scorer.bias.meta["sha256"]["bias.npz"] == manifest["sha256"]["bias.npz"]
    assert "NC" in scorer.bias.meta["licence"]
    assert sum(p.stat().st_size for p in default_folder().iterdir() if p.suffix in (".json", ".npz")) < 2_200_000


def _refused(folder: Path, match: str) -> str:
    with pytest.raises(ModelError, match=match) as caught:
        SentenceScorer.load(folder)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_tampered_model_is_refused(model_copy):
    data = bytearray((model_copy / "bias.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (model_copy / "bias.npz").write_bytes(bytes(data))
    _refused(model_copy, "SHA-256 does not match")


def test_edited_vocabulary_is_refused(model_copy):
    path = model_copy / "bias.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"000"', '"001"', 1), encoding="utf-8")
    _refused(model_copy, "SHA-256")


def test_truncated_model_is_refused_even_with_a_matching_manifest(model_copy):
    for name in ("bias.json", "bias.npz"):
        path = model_copy / name
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _refused(model_copy, "SHA-256")
    write_manifest(model_copy)  # now the hashes match the damaged files
    _refused(model_copy, "not valid JSON|unreadable")


def test_incompatible_format_is_refused(model_copy):
    manifest = json.loads((model_copy / "manifest.json").read_text())
    manifest["format"] = "framing.classifier/99"
    (model_copy / "manifest.json").write_text(json.dumps(manifest))
    _refused(model_copy, "format")


def test_arrays_that_do_not_fit_the_vocabulary_are_refused(model_copy):
    document = json.loads((model_copy / "bias.json").read_text(encoding="utf-8"))
    document["blocks"]["word"]["vocabulary"] = document["blocks"]["word"]["vocabulary"][:-5]
    (model_copy / "bias.json").write_text(json.dumps(document), encoding="utf-8")
    write_manifest(model_copy)
    _refused(model_copy, "incompatible model")


def test_pickled_arrays_are_never_loaded(model_copy):
    with np.load(model_copy / "bias.npz") as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["coef"] = np.array([object()] * 3, dtype=object)  # needs pickle to load
    with open(model_copy / "bias.npz", "wb") as fh:
        np.savez(fh, **arrays)
    write_manifest(model_copy)
    _refused(model_copy, "unreadable arrays")


def test_missing_manifest_or_folder_is_refused(model_copy, tmp_path):
    _refused(tmp_path / "nowhere", "no such model folder")
    (model_copy / "manifest.json").unlink()
    with pytest.raises(ModelError, match="manifest"):
        load_head(model_copy, "bias")


# -- behaviour on real text ------------------------------------------------------------------
def _sentence_scores(report, text: str) -> tuple[float, float]:
    d = report.to_dict()
    for s in d["sentences"]:
        if d["text"][s["start"] : s["end"]] == text:
            return s["score"], s["hedge_score"]
    raise AssertionError(f"sentence not found: {text}")


def test_opinion_piece_scores_higher_than_wire_copy(opinion_report, wire_report):
    opinion, wire = opinion_report.scores["classifier"], wire_report.scores["classifier"]
    assert opinion["mean"] > wire["mean"] + 0.15
    assert opinion["share_above_threshold"] > wire["share_above_threshold"]


def test_loaded_sentence_outscores_a_neutral_one(opinion_report, wire_report):
    loaded, _ = _sentence_scores(opinion_report, LOADED)
    neutral, _ = _sentence_scores(wire_report, NEUTRAL)
    assert loaded >= 0.5 > neutral


def test_hedge_head_finds_weasel_words(opinion_report):
    _, vague = _sentence_scores(opinion_report, "Some observers point out that nobody's children sleep at the site fence.")
    _, plain = _sentence_scores(opinion_report, "Calder's corporate cronies left it rotting in place.")
    assert vague >= 0.5 > plain


def test_explanations_name_what_is_in_the_sentence(opinion_report):
    top = opinion_report.scores["classifier"]["top"]
    assert len(top) == 5 and [e["score"] for e in top] == sorted((e["score"] for e in top), reverse=True)
    for entry in top:
        words = set(re.findall(r"\w+", entry["text"].lower()))
        kinds = {f.kind for f in opinion_report.findings if f.sentence == entry["sentence"]}
        categories = {f"{f.kind}/{f.category}" for f in opinion_report.findings if f.sentence == entry["sentence"]}
        assert entry["explanation"], entry
        for item in entry["explanation"]:
            feature = item["feature"]
            if item["contribution"] <= 0:
                continue
            if feature.startswith('"'):
                assert set(re.findall(r"\w+", feature.lower())) <= words, (feature, entry["text"])
            elif feature.startswith("lexicon:"):
                name = feature[len("lexicon:") :]
                if "/" in name:
                    assert name in categories, (feature, entry["text"])
                elif ":" in name:
                    assert name.split(":")[0] in kinds, (feature, entry["text"])


def test_explain_a_single_sentence(scorer):
    explained = dict(scorer.explain(LOADED))
    assert '"cronies"' in explained and explained['"cronies"'] > 0


# -- out of domain (needs ../shared/data/ptc-train) ------------------------------------------
def test_shipped_model_carries_to_propaganda_corpus():
    """Trained on BABE, scored on PTC sentences: better than chance and than flagging everything."""
    import importlib.util

    from sklearn.metrics import f1_score, roc_auc_score

    from .conftest import ROOT, shared

    data = shared("ptc-train").parent
    spec = importlib.util.spec_from_file_location("classifier_models", ROOT / "scripts" / "classifier_models.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    texts, truth = script.ptc_sentences(data, limit=60)
    head = load_head(default_folder(), "bias")
    score = predict_texts(head, texts)[:, head.classes.index("Biased")]
    flag_all = f1_score(truth, np.ones(len(truth), dtype=bool))
    assert roc_auc_score(truth, score) >= 0.70
    assert f1_score(truth, score >= head.threshold) > flag_all


def test_explanation_adds_up_to_the_decision(scorer):
    """Linear: the contributions of everything in the sentence, plus a constant, are its log-odds."""
    head = scorer.bias
    lex = head.lexicon
    offset = head._offsets["lexicon"]
    constant = head.intercept[0] - float(lex.mean / lex.scale * lex.weight @ head.coef[0, offset : offset + len(lex.names)])
    sign = 1.0 if head.positive == (head.classes[1],) else -1.0
    for text in (LOADED, NEUTRAL, "Critics say the so-called reform might fail, and that is shameful!"):
        rows = scorer.featurizer.of_text(text).reshape(1, -1)
        head_rows = scorer._head_rows(head, rows)
        decision = head.decisions([text], head_rows)[0, 0]
        total = sum(value for _, value in head.explain(text, head_rows, top=10_000))
        assert total == pytest.approx(sign * (decision - constant), abs=2e-3)
