"""A hostile article for the HTML tests: script payloads in its title, metadata, text and links.

The payloads call ``alert(1)``. For the browser, ``hostile_report(analyzer, action=RAN)`` swaps
in an action that leaves a visible trace instead of a blocking dialog: an element with the id
``xss-ran`` and the document title ``pwned`` (written without quotes or spaces, so it fits
every payload).
"""
from __future__ import annotations

import json
from dataclasses import replace

from framing.model import Link

RAN = "document.body.appendChild(document.createElement(/div/.source)).id=/xss-ran/.source;document.title=/pwned/.source"
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[x](javascript:alert(1))",
)

# JSON strings are valid YAML scalars: the front matter carries the payloads verbatim.
HOSTILE_MARKDOWN = f"""---
title: {json.dumps(PAYLOADS[0] + PAYLOADS[1] + PAYLOADS[2])}
author: {json.dumps(PAYLOADS[0])}
outlet: {json.dumps(PAYLOADS[2])}
url: "javascript:alert(1)"
---

# Officials slammed the {PAYLOADS[0]} plan {PAYLOADS[1]}

Critics say the so-called reform is a disaster {PAYLOADS[2]}, and some observers call it a [scandal](javascript:alert(1)).

See {PAYLOADS[3]} and [the report](https://example.org/a"><svg onload=alert(1)>) and [data](data:text/html,<script>alert(1)</script>).
"""

# The same payloads read as plain text, where nothing strips the tags.
HOSTILE_TEXT = f"""Officials slammed the {PAYLOADS[0]} plan {PAYLOADS[1]}

Critics say the so-called reform is a disaster {PAYLOADS[2]}, and some observers call it a scandal.

See {PAYLOADS[3]} and the report and the data.
"""

HOSTILE_LINKS = (
    ("scandal", "javascript:alert(1)"),
    ("the report", 'https://example.org/a"><svg onload=alert(1)>'),
    ("the data", "data:text/html,<script>alert(1)</script>"),
    ("Critics say", "  JavaScript:alert(1)"),
    ("reform", "https://example.org/ok?a=1&b=<2>"),
)


def hostile_report(analyzer, action: str = "alert(1)"):
    """The plain-text payloads, with the Markdown front matter's metadata and hostile link targets."""
    meta = analyzer.score_text(HOSTILE_MARKDOWN.replace("alert(1)", action), path="hostile.md", syntax="markdown").article.meta
    report = analyzer.score_text(HOSTILE_TEXT.replace("alert(1)", action), syntax="plain")
    text = report.article.text
    links = tuple(
        Link(text.index(anchor), text.index(anchor) + len(anchor), url.replace("alert(1)", action)) for anchor, url in HOSTILE_LINKS
    )
    return replace(report, article=replace(report.article, meta=meta, links=links))


# ---------------------------------------------------------------------------------------------
# The fuzz corpus: hostile text, bytes and files, each with what framing must do with it.
# tests/test_hardening.py runs every case; tests/README.md lists them as a table.

PROSE = "Officials said the plan, which critics slammed as a so-called reform, might reportedly fail. "
SLOW = 5.0  # seconds a whole score may take on a slow two-core CI machine, however hostile the text
PER_MB = 12.0  # plus this much per MB of input: scoring is linear, 2 MB of dense attributions take about 15 s here


def budget(text) -> float:
    """The time budget for scoring ``text`` (str or bytes): linear in its size, with a floor."""
    return SLOW + PER_MB * len(text) / 1_000_000


def _nested_list(depth: int) -> str:
    return "\n".join("  " * i + "- item said " + str(i) for i in range(depth))


# name -> (text, what must happen: "report" or the start of the error message)
TEXT_CASES: dict[str, tuple[str, str]] = {
    "empty": ("", "is empty"),
    "whitespace only": (" \t\n\r\n\u00a0\u2003 \n", "is empty"),
    "only invisible characters": ("\u200b\u202e\x1b\ufeff\x00\n", "is empty"),
    "only punctuation": ("!?.,;:—…()[]{}" * 500, "report"),
    "only a title": ("# Officials slammed the plan", "report"),
    "no sentence-final punctuation": ("officials slammed the plan " * 400, "report"),
    "CRLF line ends": ("# Title\r\n\r\n" + (PROSE + "\r\n") * 3 + "\r\nSecond paragraph said.\r\n", "report"),
    "CR line ends": ("Title\r\r" + (PROSE + "\r") * 3 + "\rSecond paragraph said.\r", "report"),
    "NUL characters": ("Critics\x00 slammed\x00 the plan.\x00\n\n" + PROSE, "report"),
    "zero-width and bidi controls": ("Critics sla\u200bmmed the \u202eplan\u202c and \u2066so-called\u2069 reform.\u200d\n\n" + PROSE, "report"),
    "terminal escapes": ("Critics \x1b[31mslammed\x1b[0m the plan.\x07\n\n" + PROSE, "report"),
    "combining marks": ("Cri\u0301tics sla\u0308mmed e\u0301\u0302\u0303 the plan. " * 50 + "e\u0301" * 5000, "report"),
    "emoji": ("Critics 😡 slammed the plan 👨‍👩‍👧‍👦 🇺🇳. " * 200, "report"),
    "right-to-left script": ("قال المسؤولون إن الخطة قد تفشل. " * 200, "report"),
    "non-English text": ("Die Regierung hat am Montag beschlossen, dass die neuen Regeln für alle Bürger gelten. " * 20, "report"),
    "HTML instead of Markdown": ("<p>Critics <b>slammed</b> the plan.</p>\n<div><script>alert(1)</script></div>\n<p>" + PROSE + "</p>", "report"),
    "deeply nested lists": (_nested_list(400), "report"),
    "deeply nested quotes": (">" * 2000 + " Critics slammed the plan.\n\n" + "> " * 500 + "said", "report"),
    "unbalanced quotation marks": ('He said "the plan is a “disaster. She said ‘no. "' * 300, "report"),
    "curly and straight quotes mixed": ('“It is a disaster," he said. "It will fail”, she claimed. ‘Really,\' they asked.\n\n' * 50, "report"),
    "very long words": (("Critics slammed " + "x" * 50_000 + " plan. ") * 4, "report"),
    "2 MB line of prose": ((PROSE.replace(". ", "; ")) * (2_000_000 // len(PROSE)), "report"),
    "2 MB line without spaces": ("a" * 2_000_000, "report"),
    "10,000 tiny paragraphs": ("\n\n".join(f"Para {i} said." for i in range(10_000)), "report"),
    "many blank lines": ("x" + "\n" * 500_000 + "Critics slammed it.", "report"),
    "unclosed Markdown brackets": ("# T\n\n" + "![" * 50_000 + "\n\n" + "[a](" * 20_000, "report"),
    "unclosed HTML comments": ("# T\n\nSome <b>text</b> said.\n\n" + "<!--" * 100_000, "report"),
    "HTML comments before no page": ("<!-- a -->" * 400 + " Critics slammed the plan.", "report"),
}

# name -> (bytes, what must happen): decoding cases, read as standard input would be
BYTE_CASES: dict[str, tuple[bytes, str]] = {
    "UTF-8 with BOM": (b"\xef\xbb\xbf" + PROSE.encode(), "report"),
    "UTF-16 with BOM": (b"\xff\xfe" + PROSE.encode("utf-16-le"), "report"),
    "UTF-16 big-endian with BOM": (b"\xfe\xff" + PROSE.encode("utf-16-be"), "report"),
    "invalid UTF-8": (b"Caf\xe9 critics slammed the plan.", "not valid UTF-8"),
    "binary (NUL bytes)": (bytes(range(256)) * 40, "looks like a binary file"),
    "a few NUL bytes": (PROSE.encode() * 50 + b"\x00", "report"),
}
