"""compare-corpora: Fightin' Words checked by hand on a tiny corpus, the opinion and wire seeds
told apart, rates with bootstrap intervals, and the table and plot outputs."""
from __future__ import annotations

import csv
import io
import json
import math

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.keyness import fightin_words
from framing.tokens import surface_key

from .conftest import OPINION, WIRE
from .paragraph_corpus import body_paragraph_articles


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Two groups of two one-paragraph articles whose words are counted by hand below."""
    root = tmp_path_factory.mktemp("tiny")
    texts = {
        "fire/a1.txt": "The fire spread. The fire grew.",  # the fire spread the fire grew
        "fire/a2.txt": "Crews said the fire was out.",  # crews said the fire was out
        "plant/b1.txt": "Officials said the plant was safe.",  # officials said the plant was safe
        "plant/b2.txt": "The mayor said residents said nothing.",  # the mayor said residents said nothing
    }
    for name, text in texts.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text + "\n")
    result = run("compare-corpora", root / "fire", root / "plant", "--format", "json", "--prior", "10", "--min-count", "1", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _row(data, ngram):
    return next(r for r in data["words"] if r["ngram"] == ngram)


def test_counts_are_words_of_the_scored_text(tiny):
    unigrams = {r["ngram"]: (r["count_a"], r["count_b"]) for r in tiny["words"] if r["order"] == 1}
    assert unigrams["the"] == (3, 2) and unigrams["fire"] == (3, 0) and unigrams["said"] == (1, 3)
    assert sum(a for a, _ in unigrams.values()) == 12 and sum(b for _, b in unigrams.values()) == 12
    bigrams = {r["ngram"]: (r["count_a"], r["count_b"]) for r in tiny["words"] if r["order"] == 2}
    assert bigrams["the fire"] == (3, 0)
    assert "spread the" not in bigrams  # never across a sentence boundary
    assert tiny["groups"]["a"]["label"] == "fire" and tiny["groups"]["a"]["articles"] == 2


def test_log_odds_with_informative_prior_by_hand(tiny):
    # "said": y_a = 1 of n_a = 12 words, y_b = 3 of n_b = 12; alpha_0 = 10 spread by the pooled
    # frequency: alpha_said = 10 * (1 + 3) / (12 + 12).
    alpha = 10 * 4 / 24
    delta = math.log((1 + alpha) / (12 + 10 - 1 - alpha)) - math.log((3 + alpha) / (12 + 10 - 3 - alpha))
    z = delta / math.sqrt(1 / (1 + alpha) + 1 / (3 + alpha))
    said = _row(tiny, "said")
    assert said["log_odds"] == pytest.approx(delta, abs=1e-4) and said["z"] == pytest.approx(z, abs=1e-3)
    assert said["z"] < 0  # favours group B
    # "fire": 3 in A, none in B: alpha_fire = 10 * 3 / 24
    alpha = 10 * 3 / 24
    delta = math.log((3 + alpha) / (12 + 10 - 3 - alpha)) - math.log(alpha / (12 + 10 - alpha))
    assert _row(tiny, "fire")["z"] == pytest.approx(delta / math.sqrt(1 / (3 + alpha) + 1 / alpha), abs=1e-3)


def test_a_word_used_alike_in_both_groups_scores_zero():
    rows = {r.ngram: r for r in fightin_words({"the": 50, "fire": 10}, {"the": 50, "said": 10}, alpha_0=100)}
    assert rows["the"].z == pytest.approx(0, abs=1e-9) and rows["fire"].z == pytest.approx(-rows["said"].z)


def test_rates_per_kind_with_bootstrap_intervals(tiny):
    rates = {r["metric"]: r for r in tiny["rates"]}
    assert {"loaded", "hedge", "attribution_verb", "sources"} <= set(rates)
    for r in rates.values():
        assert r["rate_a_low"] <= r["rate_a"] <= r["rate_a_high"] and r["rate_b_low"] <= r["rate_b"] <= r["rate_b_high"]
    said = rates["attribution_verb"]  # "said" once in 12 words vs three times in 12
    assert said["count_b"] >= said["count_a"] >= 1
    assert said["rate_b"] == pytest.approx(1000 * said["count_b"] / 12, abs=0.01)
    assert "bootstrap" in tiny["method"]["rates"] and "Monroe" in tiny["method"]["words"]


@pytest.fixture(scope="module")
def seed_groups(tmp_path_factory, analyzer):
    root = tmp_path_factory.mktemp("seed_groups")
    body_paragraph_articles(analyzer, OPINION, root / "opinion")
    body_paragraph_articles(analyzer, WIRE, root / "wire")
    out = root / "out"
    out.mkdir()
    result = run("compare-corpora", root / "opinion", root / "wire", "--format", "json", "--min-count", "1", "--jobs", "1",
                 "--plot", out / "plot.svg", "--rates-csv", out / "rates.csv", "-o", out / "table.json")
    assert result.exit_code == 0, result.output
    return json.loads((out / "table.json").read_text()), out, root


def test_loaded_words_of_the_opinion_piece_rank_on_its_side(seed_groups, opinion_report):
    data, _, _ = seed_groups
    z = {r["ngram"]: r["z"] for r in data["words"]}
    loaded = {surface_key(f.text) for f in opinion_report.findings if f.kind == "loaded" and f.voice == "author" and " " not in f.text}
    found = [w for w in loaded if w in z]
    assert len(found) >= 5, found
    assert sum(z[w] > 0 for w in found) >= 0.8 * len(found)
    assert z["said"] < -1.96  # the wire story attributes with "said"


def test_the_opinion_piece_uses_more_loaded_language(seed_groups):
    data, _, _ = seed_groups
    loaded = next(r for r in data["rates"] if r["metric"] == "loaded")
    assert loaded["rate_a"] > loaded["rate_b"] and loaded["difference_low"] > 0


def test_outputs_table_csv_and_plot(seed_groups):
    data, out, root = seed_groups
    svg = (out / "plot.svg").read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    rates = list(csv.DictReader(io.StringIO((out / "rates.csv").read_text())))
    assert rates[0]["metric"] == "loaded" and {"rate_a_low", "ratio", "difference_high"} <= set(rates[0])
    text = run("compare-corpora", root / "opinion", root / "wire", "--jobs", "1", "--top", "5").stdout
    assert "favour opinion" in text and "favour wire" in text and "Findings per 1,000 words" in text
    table = list(csv.DictReader(io.StringIO(run("compare-corpora", root / "opinion", root / "wire", "--format", "csv", "--jobs", "1").stdout)))
    assert {"ngram", "order", "count_a", "count_b", "log_odds", "se", "z"} <= set(table[0])
    assert [float(r["z"]) for r in table] == sorted((float(r["z"]) for r in table), reverse=True)


def test_an_empty_group_is_an_error(tmp_path, seed_groups):
    _, _, root = seed_groups
    (tmp_path / "empty").mkdir()
    result = run("compare-corpora", root / "opinion", tmp_path / "empty", "--jobs", "1")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
