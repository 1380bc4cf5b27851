"""framing check: a student's highlights against a worksheet's key, by overlap; and bad input."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import OPINION, WIRE

ANSWERS = [
    "slammed",  # framing: a sensational verb
    "puppet council",  # overlaps framing's "puppet"
    "toxic cloud",  # overlaps framing's "toxic"
    "Tomas Brandt",  # a named source
    "families",  # not flagged by framing
    "bedrooms",  # not flagged by framing
    "xyzzy",  # not in the article
]


@pytest.fixture(scope="module")
def key_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("ws")
    result = CliRunner().invoke(main, ["worksheet", str(OPINION), "-o", str(out), "--grade", "9-12"])
    assert result.exit_code == 0, result.output
    return out / "answer_key.json"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_overlap_counts(tmp_path, key_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    result = run("check", key_path, answers, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    total = len(json.loads(key_path.read_text(encoding="utf-8"))["articles"][0]["items"])
    assert data["counts"] == {"found_by_both": 4, "only_you": 2, "only_framing": total - 4, "not_in_article": 1}
    assert {x["text"] for x in data["only_you"]} == {"families", "bedrooms"}
    both = {x["text"] for x in data["found_by_both"]}
    assert {"slammed", "puppet", "toxic"} <= both and any(t.startswith("Tomas Brandt") for t in both)


def test_text_output_never_says_right_or_wrong(tmp_path, key_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"answers": ANSWERS}), encoding="utf-8")
    result = run("check", key_path, answers)
    assert result.exit_code == 0
    out = result.stdout
    assert "Found by both: 4" in out and "Only you: 2" in out and "Only framing:" in out and "xyzzy" in out
    assert not {"wrong", "right", "correct", "incorrect", "score:"} & set(out.lower().replace(",", " ").split())


def test_csv_with_lines_and_spans(tmp_path, key_path):
    key = json.loads(key_path.read_text(encoding="utf-8"))
    art = key["articles"][0]
    critics = [it for it in art["items"] if it["text"] == "Critics" and it["kind"] == "weasel"]
    assert len(critics) == 1
    start = art["text"].index("whitewash")
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "text,line,start,end\n"
        f"Critics,{critics[0]['line']},,\n"  # "Critics" stands twice; the line picks one
        f",,{start},{start + len('whitewash')}\n"
        "“safety”,,,\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", key_path, answers, "--format", "json").stdout)
    both = [(x["text"], x["line"]) for x in data["found_by_both"]]
    assert ("Critics", critics[0]["line"]) in both and ("Critics say", critics[0]["line"]) not in both
    assert {"whitewash", "“safety”"} <= {t for t, _ in both}
    assert data["counts"]["only_you"] == 0


def test_plain_word_list_csv(tmp_path, key_path):
    answers = tmp_path / "words.csv"
    answers.write_text("cronies\nshameful\ngrandson\n", encoding="utf-8")
    data = json.loads(run("check", key_path, answers, "--format", "json").stdout)
    assert data["counts"]["found_by_both"] == 2 and data["counts"]["only_you"] == 1


def test_two_article_key(tmp_path):
    out = tmp_path / "ws"
    assert run("worksheet", WIRE, OPINION, "-o", out, "--grade", "6-8").exit_code == 0
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps([{"text": "reckless", "article": "A"}, {"text": "reckless", "article": "B"}]), encoding="utf-8")
    data = json.loads(run("check", out / "answer_key.json", answers, "--format", "json").stdout)
    # "reckless" is a union leader's word in the wire story (A); the column (B) does not use it
    assert [x["article"] for x in data["found_by_both"]] == ["A"] and len(data["not_in_article"]) == 1


BAD = {
    "missing answers": (None, "nothing.json", "no such file"),
    "malformed json": (None, '["slammed", ', "not JSON"),
    "numbers in json": (None, "[1, 2]", "expected quoted words"),
    "bad start in csv": (None, "text,start,end\nx,a,3\n", "whole number"),
    "start after end": (None, '[{"start": 9, "end": 3}]', "less than end"),
    "empty file": (None, "", "empty"),
    "key is a report": ('{"schema": "framing.report/1"}', '["x"]', "not a framing answer key"),
    "key is not json": ("<html>", '["x"]', "not JSON"),
    "missing key": ("MISSING", '["x"]', "no such file"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_is_one_line(tmp_path, key_path, case):
    key_text, answers_text, message = BAD[case]
    key = key_path
    if key_text == "MISSING":
        key = tmp_path / "missing.json"
    elif key_text is not None:
        key = tmp_path / "key.json"
        key.write_text(key_text, encoding="utf-8")
    answers = tmp_path / ("answers.csv" if "csv" in case else "answers.json")
    if answers_text != "nothing.json":
        answers.write_text(answers_text, encoding="utf-8")
    result = run("check", key, answers)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error:") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["worksheet", "missing.md", "-o", "OUT"], "missing.md"),
    (["worksheet", OPINION, "-o", "OUT", "--exercise", "same-story"], "two articles"),
    (["worksheet", OPINION, WIRE, OPINION, "-o", "OUT"], "one article"),
])  # fmt: skip
def test_worksheet_bad_input(tmp_path, args, message):
    result = run(*[str(tmp_path / "ws") if a == "OUT" else a for a in args])
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error:") and message in lines[0]


def test_every_classroom_command_has_help():
    for name in ("worksheet", "compare", "check"):
        result = run(name, "--help")
        assert result.exit_code == 0 and len(result.stdout) > 200
