"""Paragraph roles: a byline is set apart, an opening sentence that starts with "By" is not."""
import pytest

import framing
from framing.structure import byline_name

BODY = (
    "The budget passed on Tuesday after a long debate in parliament, officials said, and the "
    "opposition promised to keep up its campaign against the cuts."
)


def roles(report) -> list[str]:
    return [p["role"] for p in report.to_dict()["paragraphs"]]


@pytest.mark.parametrize(
    "opening",
    [
        "By any measure, the minister is a ruthless operator who slammed his critics.",
        "By 2030, the ruthless cuts will have slammed every school in the county.",
        "By Monday, the ruthless minister had slammed his critics.",
        "By contrast, the ruthless minister slammed his critics.",
    ],
)
def test_an_opening_sentence_that_starts_with_by_is_scored(opening):
    report = framing.score(f"A headline about the budget\n\n{opening}\n\n{BODY}")
    assert report.to_dict()["article"]["byline"] is None
    assert roles(report)[1] == "body"
    loaded = {f["text"] for f in report.to_dict()["findings"] if f["kind"] == "loaded"}
    assert {"ruthless", "slammed"} <= loaded


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE, Reuters", "JANE DOE, Reuters"),
        ("By Jane Doe, chief political correspondent", "Jane Doe, chief political correspondent"),
        ("By Will Smith and May Brown", "Will Smith and May Brown"),
        ("Written by jane doe", "jane doe"),
    ],
)
def test_a_byline_is_read_and_set_apart(line, name):
    assert byline_name(line) == name
    report = framing.score(f"A headline about the budget\n\n{line}\n\n{BODY}")
    assert report.to_dict()["article"]["byline"] == name
    assert roles(report)[:2] == ["title", "byline"]
