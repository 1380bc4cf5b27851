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
