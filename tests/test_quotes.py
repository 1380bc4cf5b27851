"""Direct quotations: curly, straight, single, across paragraphs, and block quotes."""
import pytest

from framing.model import Paragraph
from framing.quotes import find_quotes


def quotes_of(*paras: str, block: str = "paragraph"):
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(pos, pos + len(p), "body", block))
        pos += len(p) + 2
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text, spans)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran cannot “control” its “proxies” – much the same way.", ["control", "proxies"]),
        ('he described as "terrorist and criminal", adding that it "will not remain unanswered."', ["terrorist and criminal", "will not remain unanswered."]),
        ("the ‘safety’ record, the company’s plan", ["safety"]),
        ("Iraq’s al-Sudani didn’t say it.", []),
        ('An unbalanced "quote never closes.', []),
    ],
)
def test_quotes_in_one_paragraph(text, expected):
    assert quotes_of(text) == expected


def test_quote_running_over_two_paragraphs():
    first = "he stated that his government is “resolute to put an end to the deployment."
    second = "It has devised a vision plan for the next stage.”"
    (inner,) = quotes_of(first, second)
    assert inner.startswith("resolute") and inner.endswith("next stage.")


def test_block_quote_is_a_quotation():
    assert quotes_of("We will rebuild.", block="blockquote") == ["We will rebuild."]


def test_a_block_quote_with_its_own_attribution_is_read_as_prose():
    """A pull quote with its speaker ('"...," said Dr Hassan') quotes only inside its marks."""
    pull = '"The market is adjusting faster than anyone predicted," said Dr Amira Hassan, an economist.'
    assert quotes_of(pull, block="blockquote") == ["The market is adjusting faster than anyone predicted,"]
    assert quotes_of('"We will rebuild."', block="blockquote") == ['"We will rebuild."']


def test_the_speaker_of_a_pull_quote_and_the_link_of_a_self_citation(analyzer):
    text = (
        "# Housing\n\n"
        "House building rose by 4% last year, and supply is finally catching up with demand in most regions.\n\n"
        '> "The market is adjusting faster than anyone predicted," said Dr Amira Hassan, an economist.\n\n'
        "As I wrote in [my column in March](https://example.org/2025/03/pryce), ideology is no substitute for evidence."
    )
    sources = analyzer.score_text(text).sources
    assert [(s.name, s.type, s.quoted, s.url) for s in sources] == [
        ("Amira Hassan", "named_person", "direct", None),
        ("the author", "self", "paraphrase", "https://example.org/2025/03/pryce"),
    ]


def test_a_short_quotation_that_a_reporting_verb_follows_is_speech_not_a_scare_quote(analyzer):
    """'"We were destroyed," admitted Guardiola' is speech; mid-sentence, '"satanic," praised'
    in American punctuation is still a scare quote."""
    text = (
        "Derby\n\nUnited won 4-0 on Sunday.\n\n"
        '"We were destroyed," admitted manager Pep Guardiola. "No," he said.\n\n'
        'The preacher denounced his rivals as "satanic," praised the crowd and left.'
    )
    report = analyzer.score_text(text)
    scare = [f.text for f in report.findings if f.kind == "scare_quote"]
    assert scare == ['"satanic,"']
    assert [(s.text, s.name, s.quoted) for s in report.sources[:2]] == [
        ("Pep Guardiola", "Pep Guardiola", "direct"),
        ("he", "Pep Guardiola", "direct"),
    ]
