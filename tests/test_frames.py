"""Findings and sources as pandas DataFrames, and the displaCy export."""
from dataclasses import fields

from framing import score
from framing.model import KINDS, Finding, Source


def test_findings_frame_has_every_field_and_the_sentence(opinion_report):
    df = opinion_report.findings_frame()
    assert len(df) == len(opinion_report.findings)
    assert list(df.columns) == [f.name for f in fields(Finding)] + ["paragraph_role", "sentence_text"]
    for row in df.itertuples():
        assert opinion_report.article.text[row.start : row.end] == row.text
        assert row.text in row.sentence_text or row.kind in ("weasel", "scare_quote")


def test_sources_frame_has_every_field_and_the_sentence(wire_report):
    df = wire_report.sources_frame()
    assert len(df) == len(wire_report.sources)
    assert list(df.columns) == [f.name for f in fields(Source)] + ["paragraph_role", "sentence_text"]
    assert set(df["paragraph_role"]) <= {"title", "body"}


def test_frames_of_an_empty_report_have_the_columns():
    report = score("The council met on Tuesday.")
    assert report.findings_frame().empty and "sentence_text" in report.findings_frame().columns
    assert report.sources_frame().empty and "name" in report.sources_frame().columns


def test_displacy_manual_format(opinion_report):
    doc = opinion_report.to_displacy()
    assert set(doc) == {"text", "ents", "title"}
    assert doc["title"] == opinion_report.article.meta.title
    assert len(doc["ents"]) == len(opinion_report.findings)
    assert [e["start"] for e in doc["ents"]] == sorted(e["start"] for e in doc["ents"])
    texts = sorted(doc["text"][e["start"] : e["end"]] for e in doc["ents"])
    assert texts == sorted(f.text for f in opinion_report.findings)
    assert {e["label"] for e in doc["ents"]} <= set(KINDS)
    labels = {e["label"] for e in opinion_report.to_displacy(categories=True)["ents"]}
    assert all(label.split(":")[0] in KINDS and ":" in label for label in labels)
