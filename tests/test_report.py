"""The framing.report/1 contract."""
import json

from framing import score
from framing.model import KINDS, ROLES, SOURCE_TYPES


def test_contract_fields(seed_report):
    d = json.loads(seed_report.to_json())
    assert d["schema"] == "framing.report/1"
    for key in ("framing_version", "lexicon_version", "lexicon_sha256", "article", "text", "paragraphs", "sentences", "findings", "sources", "scores"):
        assert key in d
    assert set(d["article"]) >= {"path", "title", "byline", "date", "outlet", "words"}
    assert {p["role"] for p in d["paragraphs"]} <= set(ROLES)
    for s in d["sentences"]:
        assert set(s) >= {"start", "end", "paragraph", "score", "hedge_score"}
    for f in d["findings"]:
        assert set(f) >= {"start", "end", "text", "kind", "category", "weight", "reason", "source", "voice", "sentence"}
        assert f["kind"] in KINDS and f["voice"] in ("author", "quoted") and 0 <= f["weight"] <= 1
        assert f["reason"] and f["source"]
    for s in d["sources"]:
        assert set(s) >= {"start", "end", "text", "name", "type", "quoted", "verb", "sentence"}
        assert s["type"] in SOURCE_TYPES and s["quoted"] in ("direct", "mixed", "paraphrase")


def test_offsets_index_the_text(seed_report, wire_report, opinion_report):
    for report in (seed_report, wire_report, opinion_report):
        d = report.to_dict()
        for item in d["findings"] + d["sources"]:
            assert d["text"][item["start"] : item["end"]] == item["text"]
        for f in d["findings"]:
            s = d["sentences"][f["sentence"]]
            assert s["start"] <= f["start"] and f["end"] <= s["end"] or f["kind"] in ("weasel", "scare_quote")


def test_rates_are_per_thousand_words(seed_report):
    sc = seed_report.scores
    words = sc["words"]
    for kind in KINDS:
        n = sc["counts"][kind]["total"]
        assert abs(sc["rates_per_1000_words"][kind]["total"] - round(n * 1000 / words, 2)) < 1e-9


def test_readability_on_body_text(seed_report):
    r = seed_report.scores["readability"]
    assert set(r) == {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall"}
    assert all(isinstance(v, float) for v in r.values())
    assert 8 < r["flesch_kincaid_grade"] < 20


def test_score_accepts_path_or_text(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("Officials slammed the plan.\n")
    assert score(p).article.meta.path == str(p)
    assert score(str(p)).article.meta.path == str(p)
    assert score("Officials slammed the plan.").article.meta.path is None


def test_wire_is_less_loaded_than_opinion(wire_report, opinion_report):
    w = wire_report.scores["rates_per_1000_words"]
    o = opinion_report.scores["rates_per_1000_words"]
    for kind in ("loaded", "weasel", "booster"):
        assert o[kind]["author"] > w[kind]["author"], kind
    assert wire_report.scores["sourcing"]["distinct_named_sources"] >= 3
