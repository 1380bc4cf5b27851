"""The classifier in the report, the renderers and the command line: score --model / --no-model,
train and evaluate on a small hand-labelled set of seed sentences."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from framing.classifier import ModelError
from framing.classifier.store import default_folder
from framing.cli import ExitStatus
from framing.model import SCORED_ROLES
from framing.pipeline import Analyzer

from .conftest import OPINION, WIRE

# Sentences from the seed articles, labelled by hand: 1 loaded or one-sided, 0 neutral report.
LABELLED = [
    ("The truth is that this catastrophe was no accident.", 1),
    ("It was the utterly predictable result of criminal negligence by Calder Chemicals and the puppet council.", 1),
    ("Calder's corporate cronies left it rotting in place.", 1),
    ("That is the company's safety record in four words.", 1),
    ("Rosa Linden blasted management this week.", 1),
    ("Critics have also slammed her decision to merely pause the Eastquay expansion rather than scrap it.", 1),
    ("Calder has profited tremendously from this town's patience.", 1),
    ("It will now exploit every word of caution in the regulator's findings to dodge the blame.", 1),
    ("It is shameful that families had to learn about this from the smell in their bedrooms.", 1),
    ("Every household within a mile of Eastquay is living next to a ticking time bomb.", 1),
    ("Now Varga promises a so-called independent review, commissioned by the very council under scrutiny.", 1),
    ("Meanwhile Calder's experts tell us the air at the site fence never exceeded national limits.", 1),
    ("The order was lifted on Sunday afternoon.", 0),
    ("All had been discharged by Sunday, a hospital spokesperson said.", 0),
    ("The report does not identify a cause of the fire, which began at about 9:40 p.m. on March 14.", 0),
    ("The authority said its findings were preliminary and that a final report was expected in the autumn.", 0),
    ("Martin Hale, Calder's head of communications, said the company was cooperating fully with the authority.", 0),
    ("The city council voted 9-6 in February to approve an expansion of the plant's storage capacity.", 0),
    ("A fire service spokesperson said 14 crews had brought the fire under control by about 6 a.m. on Saturday.", 0),
    ("St Aldric's Hospital said 31 people were treated for breathing difficulties and eye irritation.", 0),
    ("Varga said on Wednesday that work on the expansion would be paused until the review is complete.", 0),
    ("About 1,800 residents were ordered to leave their homes at 1:15 a.m. on March 15.", 0),
    ("She said the council would commission an independent review of its emergency response.", 0),
    ("The timing of the evacuation order has become the focus of debate in the port city.", 0),
]


@pytest.fixture()
def labelled_csv(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sentence", "loaded"])
        writer.writerows(LABELLED)
    return path


def _copy_shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped-copy"
    shutil.copytree(default_folder(), folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__", "*.md"))
    return folder


# -- the report ------------------------------------------------------------------------------
def test_report_sentences_carry_scores(opinion_report):
    d = opinion_report.to_dict()
    roles = [p["role"] for p in d["paragraphs"]]
    scored, hedged = [], []
    for s in d["sentences"]:
        if roles[s["paragraph"]] in SCORED_ROLES:
            assert 0 <= s["score"] <= 1 and 0 <= s["hedge_score"] <= 1
            scored.append(s["score"])
            hedged.append(s["hedge_score"])
        else:
            assert s["score"] is None and s["hedge_score"] is None
    summary = d["scores"]["classifier"]
    assert summary["sentences"] == len(scored) > 20
    assert summary["mean"] == pytest.approx(sum(scored) / len(scored), abs=1e-3)
    assert summary["share_above_threshold"] == pytest.approx(sum(v >= summary["threshold"] for v in scored) / len(scored), abs=1e-3)
    assert summary["hedge_share_above_threshold"] == pytest.approx(sum(v >= summary["hedge_threshold"] for v in hedged) / len(hedged), abs=1e-3)
    assert [e["score"] for e in summary["top"]] == sorted(scored, reverse=True)[:5]
    json.dumps(d)  # JSON-ready


def test_analyzer_without_model(analyzer):
    report = Analyzer(analyzer.lexicon, model=False).score_path(WIRE)
    assert analyzer.classifier is analyzer.classifier  # loaded once, then kept
    assert report.scores["classifier"] is None
    assert all(s["score"] is None and s["hedge_score"] is None for s in report.to_dict()["sentences"])
    assert "Sentence classifier" not in report.to_text()


def test_analyzer_refuses_a_bad_model(analyzer, tmp_path):
    folder = _copy_shipped(tmp_path)
    (folder / "hedge.npz").write_bytes(b"not an archive")
    with pytest.raises(ModelError):
        Analyzer(analyzer.lexicon, model=folder).score_path(WIRE)


@pytest.mark.parametrize("render", ["to_text", "to_markdown", "to_html"])
def test_renderers_show_the_classifier_summary(opinion_report, render):
    out = getattr(opinion_report, render)()
    summary = opinion_report.scores["classifier"]
    assert f"mean {summary['mean']:.2f}" in out or f"<dd>{summary['mean']:.2f}</dd>" in out
    assert f"{summary['share_above_threshold']:.0%}" in out
    first = summary["top"][0]
    assert "cronies" in out or first["text"][:30].replace("'", "&#x27;") in out


# -- score --model / --no-model --------------------------------------------------------------
def test_score_with_model_folder_and_without_model(run, tmp_path):
    with_model = json.loads(run("score", OPINION, "--format", "json", "--model", _copy_shipped(tmp_path)).stdout)
    assert with_model["scores"]["classifier"]["mean"] > 0
    without = run("score", OPINION, "--format", "json", "--no-model")
    assert without.exit_code == 0
    d = json.loads(without.stdout)
    assert d["scores"]["classifier"] is None and {s["score"] for s in d["sentences"]} == {None}


def test_bad_model_exits_3_with_one_line(run, tmp_path):
    folder = _copy_shipped(tmp_path)
    with open(folder / "bias.json", "a", encoding="utf-8") as fh:
        fh.write(" ")
    for bad in (folder, tmp_path / "missing"):
        result = run("score", WIRE, "--model", bad)
        assert result.exit_code == ExitStatus.CONFIG_ERROR == 3
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("framing: error: ") and "Traceback" not in result.output
        assert result.stdout == ""


def test_model_options_exclude_each_other(run, tmp_path):
    assert run("score", WIRE, "--model", tmp_path, "--no-model").exit_code == ExitStatus.USAGE


# -- train and evaluate ------------------------------------------------------------------------
def test_train_evaluate_and_score_with_own_model(run, labelled_csv, tmp_path):
    out = tmp_path / "own-model"
    result = run("train", labelled_csv, "--text-column", "sentence", "--label-column", "loaded", "-o", out, "--cv", "3")
    assert result.exit_code == 0, result.output
    assert "confusion matrix" in result.stdout and "calibration" in result.stdout
    assert {"bias.json", "bias.npz", "manifest.json"} <= {p.name for p in out.iterdir()}

    evaluated = run("evaluate", out, labelled_csv, "--text-column", "sentence", "--label-column", "loaded", "--format", "json")
    assert evaluated.exit_code == 0, evaluated.output
    metrics = json.loads(evaluated.stdout)["metrics"]
    assert metrics["positive"] == ["1"] and metrics["rows"] == len(LABELLED)
    assert sum(map(sum, metrics["confusion_matrix"])) == len(LABELLED)
    assert metrics["positive_vs_rest"]["roc_auc"] > 0.9  # on its own training rows

    lines = run("score", OPINION, WIRE, "--format", "json", "--model", out).stdout.splitlines()
    opinion, wire = (json.loads(line)["scores"]["classifier"] for line in lines)
    assert opinion["models"]["bias"]["trained_on"] == "labelled.csv"
    assert opinion["mean"] > wire["mean"]


def test_train_three_labels_jsonl(run, tmp_path):
    path = tmp_path / "three.jsonl"
    hedged = [
        "Some observers point out that nobody's children sleep at the site fence.",
        "But many voices in the city say the delay was no accident.",
        "It is widely believed that the evacuation was held back.",
        "Critics say it will be a whitewash.",
        "Exposure estimates could change as that work is completed.",
        "It would be premature to draw conclusions about its role.",
    ]
    extra = {"text": "The order was lifted on Sunday.", "label": "neutral"}  # neutral is now the most frequent label
    rows = [{"text": t, "label": "loaded" if y else "neutral"} for t, y in LABELLED] + [{"text": t, "label": "hedged"} for t in hedged] + [extra]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "three"
    result = run("train", path, "-o", out, "--cv", "0", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert sorted(payload["model"]["classes"]) == ["hedged", "loaded", "neutral"]
    assert payload["positive"] == ["hedged", "loaded"]  # every label but the most frequent
    d = json.loads(run("score", OPINION, "--format", "json", "--model", out).stdout)
    assert all(0 <= s["score"] <= 1 for s in d["sentences"] if s["score"] is not None)


def test_train_and_evaluate_refuse_bad_input(run, labelled_csv, tmp_path):
    result = run("train", labelled_csv, "--text-column", "nope", "-o", tmp_path / "m")
    assert result.exit_code == 1 and "nope" in result.stderr
    result = run("evaluate", tmp_path / "no-model", labelled_csv)
    assert result.exit_code == 3 and result.stderr.startswith("framing: error:")


def test_commands_have_help(run):
    for command in ("train", "evaluate"):
        result = run(command, "--help")
        assert result.exit_code == 0 and len(result.stdout) > 200
    assert "--no-model" in run("score", "--help").stdout
