"""Same story, two outlets: the Harlow Bay wire report (A) against the opinion column (B)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.classroom import compare_reports
from framing.cli import main

from .conftest import OPINION, WIRE


@pytest.fixture(scope="module")
def comparison(wire_report, opinion_report):
    return compare_reports(wire_report, opinion_report)


def test_shared_people_and_places_are_aligned(comparison):
    names = {r.name: r for r in comparison.names}
    # the seeds' README: the same people and organisations appear in both stories
    assert {"Ines Varga", "Rosa Linden", "Martin Hale", "Tomas Brandt", "Calder Chemicals", "Saltmarsh"} <= set(names)
    assert names["Ines Varga"].kind == "person"
    for side in (0, 1):
        assert "Varga" in names["Ines Varga"].forms[side]  # the short form joins the full name
        assert names["Ines Varga"].mentions[side] >= 2
    # sentence-initial words that are not names
    everything = set(names) | set(comparison.only[0]) | set(comparison.only[1])
    assert not everything & {"Indeed", "Critics", "Experts", "Instead", "Clearly", "Meanwhile", "March"}


def test_different_words_for_the_same_names(comparison):
    names = {r.name: r for r in comparison.names}
    calder_a, calder_b = names["Calder Chemicals"].words
    assert {"puppet", "cronies"} & set(calder_b)
    assert not {"puppet", "cronies", "criminal", "utterly"} & set(calder_a)
    hale = names["Martin Hale"].verbs
    assert any(v.startswith("said") for v in hale[0]) and any(v.startswith("claimed") for v in hale[1])


def test_who_is_quoted(comparison):
    a, b = comparison.speakers
    assert not [s for s in a if s.type == "vague"]
    assert {"Critics", "Some observers"} <= {s.name for s in b if not s.named}
    assert "Helen Marsh" in {s.name for s in a if s.named} - {s.name for s in b}


def test_rates_and_facts(comparison):
    loaded = next(k for k in comparison.kinds if k.kind == "loaded")
    assert loaded.rates[1] > 3 * loaded.rates[0] and loaded.author_rates[0] == 0
    both, only_a, only_b = comparison.figures
    assert "60 tonnes" in both and "40 percent" in both
    assert "300 workers" in only_a  # the union's membership is only in the wire report


def test_compare_cli_formats(tmp_path):
    runner = CliRunner()
    out = tmp_path / "c.html"
    result = runner.invoke(main, ["compare", str(WIRE), str(OPINION), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html and "Same names, different words" in html
    result = runner.invoke(main, ["compare", str(WIRE), str(OPINION), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["schema"] == "framing.classroom.compare/1" and [a["outlet"] for a in data["articles"]] == ["Meridian Wire", "The Bayside Dispatch"]
    result = runner.invoke(main, ["compare", str(WIRE), str(OPINION)])
    assert result.exit_code == 0 and "Ines Varga" in result.stdout and "What no tool can see" in result.stdout


def test_compare_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["compare", str(WIRE), str(tmp_path / "nope.md")])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("framing: error:") and len(result.stderr.strip().splitlines()) == 1
