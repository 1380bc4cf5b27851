"""Validation against human coding: export for the annotation tools, read the coding back,
agreement per category, the codebook."""
import csv
import json

import pytest
from click.testing import CliRunner

from framing.agreement import cohen_kappa, krippendorff_alpha, prf
from framing.annotation_readers import read_annotations
from framing.annotations import Span, utf16_offsets
from framing.cli import main

from .conftest import OPINION, ROOT, WIRE

EXAMPLES = ROOT / "docs" / "examples"
KINDS = "loaded,hedge,weasel,booster,scare_quote,self_citation"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    for fmt in ("label-studio", "doccano", "brat", "inception"):
        result = run("export", WIRE, OPINION, "--to", fmt, "-o", root / fmt)
        assert result.exit_code == 0, result.stderr
    # a Label Studio export in which one coder accepted every pre-annotation
    tasks = json.loads((root / "label-studio" / "tasks.json").read_text(encoding="utf-8"))
    for task in tasks:
        task["annotations"] = [{"completed_by": {"email": "a@example.org"}, "result": task["predictions"][0]["result"]}]
    (root / "label-studio" / "export.json").write_text(json.dumps(tasks), encoding="utf-8")
    return root


def test_export_writes_each_tools_files(exported):
    assert {p.name for p in (exported / "label-studio").iterdir()} >= {"label_config.xml", "tasks.json", "framing.jsonl", "sentences.csv"}
    assert "<Label value=\"loaded/sensational_verb\"" in (exported / "label-studio" / "label_config.xml").read_text()
    assert {p.name for p in (exported / "brat").iterdir()} >= {"annotation.conf", "visual.conf", "harlow_bay_wire.txt", "harlow_bay_opinion.ann"}
    assert "loaded-sensational_verb" in (exported / "brat" / "annotation.conf").read_text()
    first = json.loads((exported / "doccano" / "doccano.jsonl").read_text().splitlines()[1])
    assert first["doc"] == "harlow_bay_opinion" and all(first["text"][s:e] for s, e, _ in first["label"])
    tsv = (exported / "inception" / "harlow_bay_opinion.tsv").read_text()
    assert tsv.startswith("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Framing|label\n\n\n#Text=")
    assert "loaded/sensational\\_verb" in tsv  # "_" is reserved in WebAnno TSV values
    tagset = json.loads((exported / "inception" / "tagset.json").read_text())
    assert {t["tag_name"] for t in tagset["tags"]} >= {"loaded/sensational_verb", "hedge/epistemic"}


def test_brat_spans_select_their_text(exported):
    text = (exported / "brat" / "harlow_bay_opinion.txt").read_text(encoding="utf-8")
    for line in (exported / "brat" / "harlow_bay_opinion.ann").read_text(encoding="utf-8").splitlines():
        _, middle, quoted = line.split("\t")
        _, s, e = middle.split(" ")
        assert text[int(s) : int(e)] == quoted


@pytest.mark.parametrize("source", ["label-studio/export.json", "doccano/doccano.jsonl", "brat", "inception"])
def test_every_format_reads_back_as_framing_coded_it(exported, source):
    framing_file = exported / "brat" / "framing.jsonl"
    result = run("agree", framing_file, exported / source, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    overall = data["categories"][-1]
    assert overall["label"] == "(any category)"
    assert overall["reference_vs_coders"] == {"f1_exact": 1.0, "f1_overlap": 1.0, "sentence_agreement": 1.0, "kappa": 1.0}


def test_utf16_offsets_are_converted_back():
    text = "Fire 🔥 crews slammed it"
    units = utf16_offsets(text)
    assert units[-1] == len(text) + 1
    from framing.annotations import repair_span

    s = text.index("slammed")
    assert repair_span(text, units[s], units[s + 7], "slammed") == (s, s + 7)


def test_span_scores_exact_and_overlap():
    gold = {Span("d", 0, 5, "x"), Span("d", 10, 20, "x")}
    pred = {Span("d", 0, 5, "x"), Span("d", 12, 15, "x"), Span("d", 30, 35, "x")}
    scores = prf(pred, gold)
    assert scores["exact"] == {"precision": 1 / 3, "recall": 0.5, "f1": 0.4}
    assert scores["overlap"]["precision"] == 2 / 3 and scores["overlap"]["recall"] == 1.0
    assert prf(set(), set())["exact"]["f1"] is None and prf(set(), gold)["exact"]["f1"] == 0.0


def test_kappa_and_alpha_on_known_values():
    assert cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0]) == 0.5
    assert cohen_kappa([0, 0], [0, 0]) is None
    # Krippendorff (2011), nominal example without missing values: two coders, ten units
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha([a, b]) == pytest.approx(0.0952, abs=1e-3)
    assert krippendorff_alpha([[0, 0], [0, 0]]) is None


def test_sentence_codes_are_read_and_compared(tmp_path, exported):
    sheet = exported / "brat" / "sentences.csv"
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    coded = tmp_path / "coder_s.csv"
    with open(coded, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        for r in rows:
            r["label"] = "loaded/sensational_verb" if "slammed" in r["text"] or "blasted" in r["text"] else ""
            w.writerow(r)
    codings, _ = read_annotations(coded)
    assert codings[0].by_sentence and len(codings[0].docs) == 2
    result = json.loads(run("agree", exported / "brat" / "framing.jsonl", coded, "--format", "json").stdout)
    verbs = next(c for c in result["categories"] if c["label"] == "loaded/sensational_verb")
    pair = verbs["pairs"][0]
    assert pair["exact"] is None and pair["sentences"] == len(rows) and 0 < pair["kappa"] < 1


def test_worked_example_human_human_beside_framing_human(tmp_path):
    out = tmp_path / "val"
    assert run("export", WIRE, OPINION, "--to", "brat", "--kinds", KINDS, "-o", out).exit_code == 0
    result = run("agree", out / "framing.jsonl", EXAMPLES / "coder_a.csv", EXAMPLES / "coder_b.csv", "--pairs")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Agreement on 2 document(s)") and "coders: coder_a, coder_b" in lines[0]
    assert "framing vs coders" in lines[2] and "coders vs coders" in lines[2]
    data = json.loads(run("agree", out / "framing.jsonl", EXAMPLES / "coder_a.csv", EXAMPLES / "coder_b.csv", "--format", "json").stdout)
    by_label = {c["label"]: c for c in data["categories"]}
    # both coders agree on every scare quote and self-citation, so their ceiling is 1
    assert by_label["scare_quote/quotation_marks"]["coders_vs_coders"]["f1_exact"] == 1.0
    # framing has no emotive_appeal finding in these articles; the coders marked some
    assert by_label["loaded/emotive_appeal"]["reference_vs_coders"]["f1_overlap"] == 0.0
    assert by_label["loaded/emotive_appeal"]["coders_vs_coders"]["f1_overlap"] > 0.5
    against_a = json.loads(run("agree", out / "framing.jsonl", EXAMPLES / "coder_a.csv", EXAMPLES / "coder_b.csv",
                               "--against", "coder_a", "--format", "json").stdout)
    assert against_a["reference"] == "coder_a" and against_a["coders"] == ["framing", "coder_b"]


def test_agree_without_framing_coding_says_what_to_add():
    result = run("agree", EXAMPLES / "coder_a.csv", EXAMPLES / "coder_b.csv")
    assert result.exit_code == 2 and "framing.jsonl" in result.stderr
    result = run("agree", EXAMPLES / "coder_a.csv", EXAMPLES / "coder_b.csv", "--against", "coder_a")
    assert result.exit_code == 0 and "sentence boundaries are unknown" in result.stderr


def test_codebook_markdown_and_html(tmp_path):
    md = run("codebook").stdout
    assert md.startswith("# framing codebook")
    assert "#### Sensational verb (`loaded/sensational_verb`)" in md
    assert "| axe | 0.4 | Compares cutting a job or plan to chopping with an axe. | cut |" in md  # note and alternative
    assert "## How framing decides" in md and "Negation" in md  # the README's rules
    page = tmp_path / "codebook.html"
    assert run("codebook", "--format", "html", "--examples", "3", "-o", page).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html and "more (" in html


def test_a_csv_export_with_a_whole_long_article_in_one_cell_is_read(tmp_path):
    """csv refuses fields over 128 kB by default; an export may hold a long article in its text column."""
    from framing.annotation_readers import read_table

    text = "Critics slammed the plan. " * 6_000  # about 156,000 characters
    path = tmp_path / "doccano.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc", "text", "label"])
        writer.writerow(["a1", text, "[[8, 15, \"loaded\"]]"])
    before = csv.field_size_limit(131_072)  # csv's default, whatever earlier tests set
    try:
        codings, _ = read_table(path, {"loaded"})
    finally:
        csv.field_size_limit(before)
    assert len(codings) == 1 and len(codings[0].texts["a1"]) == len(text)
