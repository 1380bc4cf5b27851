"""Norms: built from real text, percentiles and z-scores consistent with the distribution,
the shipped BBC News norms, and one-line errors for files that are not norms."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.corpus import expand_inputs
from framing.corpus_stats import collect_stats
from framing.norms import NormsError, build_norms, load_norms, standing, with_norms

from .conftest import SEEDS, WIRE, shared
from .paragraph_corpus import body_paragraph_articles

TIES_FREE = "readability.flesch_reading_ease"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, analyzer) -> Path:
    """The seed articles plus each of their body paragraphs as an article of its own."""
    folder = tmp_path_factory.mktemp("norms_corpus")
    for seed in sorted(SEEDS.glob("*.md")):
        if seed.name != "README.md":
            shutil.copy(seed, folder / seed.name)
            body_paragraph_articles(analyzer, seed, folder / "paragraphs")
    return folder


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("norms") / "norms.json"
    result = run("norms", "build", corpus, "--name", "seed paragraphs", "--label", "seeds", "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    return out, json.loads(out.read_text())


@pytest.fixture(scope="module")
def records(corpus) -> list[dict]:
    return collect_stats(expand_inputs([str(corpus)])).records


def test_build_writes_aggregate_numbers_with_provenance(built, corpus):
    path, data = built
    assert data["schema"] == "framing.norms/1" and data["corpus"] == "seed paragraphs" and data["label"] == "seeds"
    assert data["articles"] == len(expand_inputs([str(corpus)])) and data["failed"] == 0
    assert data["command"].startswith("framing norms build ") and data["lexicon_sha256"] and data["framing_version"]
    for kind in ("loaded", "loaded.author", "hedge", "attribution_verb", "sources.vague", "sourcing.share_vague", TIES_FREE):
        m = data["metrics"][kind]
        assert m["n"] == data["articles"] and len(m["percentiles"]) == 101
        assert m["percentiles"] == sorted(m["percentiles"]) and m["percentiles"][0] <= m["mean"] <= m["percentiles"][-1]
    assert any("/" in name for name in data["metrics"])  # per-category rates
    text = path.read_text()
    assert "Eastquay" not in text and "Calder" not in text  # numbers only, never the articles' words


def test_norms_match_the_articles_they_were_built_from(built, records):
    _, data = built
    values = np.array([r["values"][TIES_FREE] for r in records])
    m = data["metrics"][TIES_FREE]
    assert m["mean"] == pytest.approx(values.mean(), abs=1e-3) and m["sd"] == pytest.approx(values.std(ddof=1), abs=1e-3)
    assert m["percentiles"][50] == pytest.approx(np.median(values), abs=1e-3)
    # every article's percentile is its mid-rank in the corpus, to within a point or two
    n = len(values)
    for v in values:
        midrank = 100 * ((values < v).sum() + 0.5 * (values == v).sum()) / n
        assert standing(m, float(v))["percentile"] == pytest.approx(midrank, abs=1.5)
    # a loaded rate with many ties at zero: zero sits at the middle of the tied share
    loaded = np.array([r["values"]["loaded"] for r in records])
    zero_share = 100 * (loaded == 0).mean()
    assert standing(data["metrics"]["loaded"], 0.0)["percentile"] == pytest.approx(zero_share / 2, abs=1.5)


def test_percentile_and_z_follow_the_distribution(built):
    _, data = built
    m = data["metrics"][TIES_FREE]
    median = standing(m, m["percentiles"][50])
    assert median["percentile"] == pytest.approx(50, abs=1) and median["z"] == pytest.approx((m["percentiles"][50] - m["mean"]) / m["sd"], abs=0.01)
    assert standing(m, m["mean"])["z"] == 0
    grid = np.linspace(m["percentiles"][0] - 5, m["percentiles"][-1] + 5, 50)
    pcts = [standing(m, float(x))["percentile"] for x in grid]
    assert pcts == sorted(pcts) and pcts[0] == 0 and pcts[-1] == 100


def test_the_median_article_scores_near_50(built, records, analyzer):
    path, data = built
    ordered = sorted(records, key=lambda r: r["values"][TIES_FREE])
    median_article = analyzer.score_path(ordered[len(ordered) // 2]["path"])
    norms = with_norms(median_article, data, str(path)).norms
    assert norms["corpus"] == "seed paragraphs" and norms["same_lexicon"] is True
    assert abs(norms["metrics"][TIES_FREE]["percentile"] - 50) <= 100 / len(records) + 1


def test_score_adds_a_norms_section_and_a_percentile_column(built):
    path, _ = built
    result = run("score", WIRE, "--norms", path, "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    report = json.loads(result.stdout)
    section = report["norms"]
    rates = report["scores"]["rates_per_1000_words"]
    for kind in ("loaded", "hedge", "attribution_verb"):
        entry = section["metrics"][kind]
        assert entry["value"] == pytest.approx(rates[kind]["total"], abs=0.01)
        assert 0 <= entry["percentile"] <= 100 and entry["z"] is not None


def test_reports_show_percentiles_only_with_norms(built, wire_report):
    path, _ = built
    report = with_norms(wire_report, load_norms(str(path)), str(path))
    assert "percentile vs seeds" in report.to_text()
    assert "| percentile vs seeds |" in report.to_markdown()
    assert "percentile vs seeds" in report.to_html()
    assert "norms" not in wire_report.to_dict() and "percentile vs" not in wire_report.to_text()


def test_default_norms_ship_with_the_package(wire_report):
    data = load_norms("default")
    assert "BBC News" in data["corpus"] and data["label"] == "BBC" and data["articles"] > 2000
    assert "framing norms build" in data["command"]
    for kind in ("loaded", "hedge", "weasel", "booster", "scare_quote", "attribution_verb", "self_citation", "classifier.mean"):
        assert kind in data["metrics"]
    section = with_norms(wire_report, data, "default").norms
    assert section["label"] == "BBC" and set(section["metrics"]) >= {"loaded", "hedge", "sourcing.share_vague"}


def test_shipped_norms_cover_the_whole_bbc_corpus():
    bbc = shared("bbc")
    data = load_norms("default")
    assert data["articles"] + data["failed"] == len(expand_inputs([str(bbc)])) == 2225


@pytest.mark.parametrize(
    "content, words",
    [
        ("{not json", "invalid JSON"),
        ('{"hello": 1}', "no schema"),
        ('{"schema": "framing.norms/0", "corpus": "x", "articles": 1, "metrics": {}}', "framing.norms/0"),
        ('{"schema": "framing.norms/1", "corpus": "x", "articles": 1, "metrics": {"loaded": {"mean": 1, "sd": 1, "percentiles": [1, 2]}}}', "loaded"),
        ('{"schema": "framing.norms/1", "corpus": "x", "articles": 1, "metrics": {"loaded": {"mean": 1, "sd": 1, "percentiles": '
         + json.dumps(list(range(100, -1, -1))) + "}}}", "ascending"),
    ],
)
def test_a_bad_norms_file_is_one_line_and_non_zero(tmp_path, content, words):
    bad = tmp_path / "norms.json"
    bad.write_text(content)
    result = run("score", WIRE, "--norms", bad)
    assert result.exit_code == 3 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error:") and words in lines[0]
    with pytest.raises(NormsError):
        load_norms(str(bad))


def test_a_missing_norms_file_is_one_line(tmp_path):
    result = run("score", WIRE, "--norms", tmp_path / "absent.json")
    assert result.exit_code == 3 and len(result.stderr.strip().splitlines()) == 1


def test_norms_from_other_lexicons_warn(built, tmp_path):
    path, data = built
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**data, "lexicon_sha256": "0" * 64}))
    result = run("score", WIRE, WIRE, "--norms", other, "--format", "json")
    assert result.exit_code == 0
    warnings = [l for l in result.stderr.splitlines() if "warning" in l and "lexicons" in l]
    assert len(warnings) == 1  # once per run, not once per article
    assert json.loads(result.stdout.splitlines()[0])["norms"]["same_lexicon"] is False


def test_norms_need_per_article_reports(built, tmp_path):
    path, _ = built
    result = run("score", WIRE, "--norms", path, "--format", "jsonl", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 2


def test_build_needs_one_scored_article():
    with pytest.raises(NormsError):
        build_norms([], corpus="empty")
