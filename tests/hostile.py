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
