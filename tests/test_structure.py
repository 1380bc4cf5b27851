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


@pytest.mark.parametrize(
    "line, name, date",
    [
        ("By Maria Delgado and Tom Reyes | March 3, 2026", "Maria Delgado and Tom Reyes", "2026-03-03"),
        ("By Jane Doe, Reuters | Published 3 March 2026", "Jane Doe, Reuters", "2026-03-03"),
        ("By Jane Doe, Sept. 21, 2004", "Jane Doe", "2004-09-21"),
    ],
)
def test_a_date_on_the_byline_line_is_the_article_date(line, name, date):
    report = framing.score(f"A headline about the budget\n\n{line}\n\n{BODY}")
    article = report.to_dict()["article"]
    assert (article["byline"], article["date"]) == (name, date)
    assert roles(report)[:2] == ["title", "byline"]


def test_a_dateline_is_read_as_an_iso_date():
    report = framing.score(f"A headline about the budget\n\nPosted on March 3, 2026\n\n{BODY}")
    assert report.to_dict()["article"]["date"] == "2026-03-03"


def test_a_plain_text_file_with_a_paragraph_a_line_is_scored_and_its_footer_set_apart(tmp_path):
    body = [
        "The government slammed its critics on Tuesday as the row over the port deal grew, and the opposition called the plan a disaster.",
        "Officials said the contract would be signed in March, though residents say they were never asked about the ruthless timetable.",
        "The council will vote on the plan next week, and the port authority has promised a public meeting before then.",
    ]
    path = tmp_path / "article.txt"
    path.write_text("Ministers face a storm over the port\n\n" + "\n".join(body) + "\nCOPYRIGHT 2024 EXAMPLE NEWS\n", encoding="utf-8")
    report = framing.score(path)
    assert roles(report) == ["title", "body", "body", "body", "metadata"]
    loaded = {f["text"] for f in report.to_dict()["findings"] if f["kind"] == "loaded"}
    assert {"slammed", "disaster", "ruthless"} <= loaded


@pytest.mark.parametrize(
    "paragraph",
    [
        "Japan's carmaker has won a copyright case in Beijing, further evidence that China is taking a tougher line on the ruthless copying of designs.",
        "A US bank has said it will donate more than $8m to the victims of a ruthless former military ruler under a court settlement.",
        "It was her next single that put her back on the map as one of the most popular singers of the decade, after a ruthless campaign.",
    ],
)
def test_a_news_paragraph_that_mentions_a_chrome_word_is_scored(paragraph):
    text = f"A headline\n\n{paragraph}\n\n{BODY} {BODY}\n\n{BODY}"
    report = framing.score(text)
    assert roles(report)[1] == "body"
    assert "ruthless" in {f["text"] for f in report.to_dict()["findings"]}


@pytest.mark.parametrize(
    "chrome",
    [
        "Copyright 2024 Example News. All rights reserved.",
        "Donate to keep our reporting free: every gift helps us hold the powerful to account.",
        "Most popular",
    ],
)
def test_chrome_with_the_same_words_is_still_set_apart(chrome):
    report = framing.score(f"A headline\n\n{BODY} {BODY}\n\n{BODY}\n\n{chrome}")
    assert roles(report)[-1] != "body"


@pytest.mark.parametrize(
    "text",
    [
        "State of emergency: Tensions rise as gun fanatics descend on the capital",
        "Network hires safety to comment on race and social justice issues",
    ],
)
def test_a_text_of_one_paragraph_is_all_article(text):
    report = framing.score(text)
    assert roles(report) == ["body"]
    assert report.to_dict()["article"]["words"] == len(text.split())


def test_front_matter_as_obsidian_web_clipper_writes_it(tmp_path):
    """"source" is the URL, "published" the date, "author" a list of wiki links."""
    path = tmp_path / "clip.md"
    path.write_text(
        '---\ntitle: "Ministers face revolt"\nsource: "https://www.example.co.uk/news/politics-123"\n'
        'author:\n  - "[[Jane Smith]]"\n  - "[[people/tom|Tom Reyes]]"\npublished: 2025-06-21\ncreated: 2025-06-22\n'
        'tags:\n  - "clippings"\n---\n\n' + BODY + "\n",
        encoding="utf-8",
    )
    article = framing.score(path).to_dict()["article"]
    assert (article["byline"], article["date"], article["url"]) == ("Jane Smith, Tom Reyes", "2025-06-21", "https://www.example.co.uk/news/politics-123")


@pytest.mark.parametrize(
    "footer, outlet",
    [
        ("© 2026 Example News. All rights reserved.", "Example News"),
        ("COPYRIGHT 2018 CREATORS.COM", "CREATORS.COM"),
        ("© 2026. All rights reserved.", None),
    ],
)
def test_a_copyright_line_at_the_foot_names_the_outlet(footer, outlet):
    report = framing.score(f"A headline about the budget\n\n{BODY}\n\n{footer}")
    assert report.to_dict()["article"]["outlet"] == outlet
    assert roles(report)[-1] == "metadata"


def test_lines_that_only_say_when_the_page_was_published_are_metadata():
    text = f"# A headline about the budget\n\n- Published\n    \n    3 hours ago\n\nUpdated 2 days ago\n\n{BODY}"
    assert roles(framing.score(text)) == ["title", "metadata", "metadata", "metadata", "body"]
