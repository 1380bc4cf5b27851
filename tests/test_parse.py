"""Markdown and plain text to one plain text, with links, front matter and block kinds."""
from framing.parse import INVISIBLE, MAYBE_INVISIBLE, drop_invisible, looks_like_markdown, parse_text


def test_markdown_links_become_anchor_spans():
    p = parse_text("As I [wrote](https://example.org/a), the *secret* war [grows](#).\n")
    block = p.blocks[0]
    assert block.text == "As I wrote, the secret war grows."
    assert [(block.text[s:e], url) for s, e, url in block.links] == [("wrote", "https://example.org/a"), ("grows", "#")]


def test_front_matter_is_read_and_not_text():
    p = parse_text("---\ntitle: A Title\nauthor: Jo Bloggs\ndate: 2024-01-23\n---\n\nBody text here.\n")
    assert p.front_matter["title"] == "A Title"
    assert p.front_matter["author"] == "Jo Bloggs"
    assert [b.text for b in p.blocks] == ["Body text here."]


def test_bad_front_matter_warns_and_goes_on():
    p = parse_text("---\ntitle: [unclosed\n---\n\nBody.\n")
    assert p.front_matter == {}
    assert p.warnings and "front matter" in p.warnings[0]


def test_block_kinds_and_escapes():
    p = parse_text("# Head\n\n> quoted words\n\n- item one\n\n\\*\\*\\*\n\nA paragraph\nwrapped.\n")
    assert [(b.kind, b.text) for b in p.blocks] == [
        ("heading", "Head"),
        ("blockquote", "quoted words"),
        ("list_item", "item one"),
        ("paragraph", "***"),
        ("paragraph", "A paragraph wrapped."),
    ]


def test_plain_text_keeps_markdown_characters():
    raw = "Title line\n\nPrices rose 5*3 times_over in 2024.\nSecond line.\n"
    assert not looks_like_markdown(raw)
    p = parse_text(raw)
    assert [b.text for b in p.blocks] == ["Title line", "Prices rose 5*3 times_over in 2024. Second line."]


def test_hard_break_survives_as_newline():
    p = parse_text("In-depth Report: [IRAN](#),  \n[IRAQ REPORT](#)\n")
    assert p.blocks[0].text == "In-depth Report: IRAN,\nIRAQ REPORT"


def test_run_on_text_is_cut_into_bounded_sentences_at_punctuation():
    from framing.sentences import MAX_SENTENCE_CHARS, SentenceSplitter

    clause = "The council said the plan was dead; critics disagreed, and the mayor waited"
    text = "; ".join([clause] * 200) + "."
    spans = SentenceSplitter().spans(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(text[e - 1] in ";,." for s, e in spans)  # cut after punctuation, not inside a word
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    ordinary = "The council met. The mayor said the plan was dead."
    assert [ordinary[s:e] for s, e in SentenceSplitter().spans(ordinary)] == ["The council met.", "The mayor said the plan was dead."]


def test_markdown_hints_count_at_any_line_start_but_not_inside_a_line():
    for hint in ("# Head", "> quoted", "  - item", "* item", "---", "12. item"):
        assert looks_like_markdown(hint + "\nand prose"), hint  # the first line
        assert looks_like_markdown("Prose first.\n" + hint), hint  # a later line
        assert not looks_like_markdown("Prose with " + hint + " inside a line."), hint
    for hint in ("[a](http://x.org)", "**bold**", "\\*not a list"):
        assert looks_like_markdown("Some text " + hint + " here."), hint
    assert not looks_like_markdown("Plain text.\nA second line - with a dash.\n3.5 million people.")


def test_every_invisible_character_is_seen_by_the_quick_test():
    """``drop_invisible`` skips texts ``MAYBE_INVISIBLE`` finds nothing in, so it must see them all."""
    for code in range(0x10000):
        c = chr(code)
        if INVISIBLE.search("a" + c + "a"):
            assert MAYBE_INVISIBLE.search(c), hex(code)
    assert drop_invisible("sla\u200bmmed \u200d\u0628") == "slammed \u200d\u0628"
    assert drop_invisible("plain text") == "plain text"


def test_plain_text_with_a_paragraph_a_line_is_cut_at_each_line():
    raw = (
        "Ministers face a storm over the port\n\n"
        "The government slammed its critics on Tuesday as the row over the port deal grew, and the opposition called the plan a disaster for the town.\n"
        "Officials said the contract would be signed in March.\n"
        "Residents say they were never asked.\n"
        "COPYRIGHT 2024 EXAMPLE NEWS\n"
    )
    p = parse_text(raw, "plain")
    assert [b.text for b in p.blocks][1:] == [line for line in raw.split("\n\n")[1].splitlines()]
    for b in p.blocks:  # each line's span in the raw input
        assert raw[b.span[0] : b.span[1]].strip() == b.text


def test_plain_text_wrapped_to_a_width_stays_one_paragraph():
    raw = (
        "The government slammed its critics on Tuesday as the row over\n"
        "the port deal grew, and the opposition called the plan a\n"
        "disaster for the town. Officials said the contract would be\n"
        "signed in March.\n"
    )
    (block,) = parse_text(raw, "plain").blocks
    assert block.text == " ".join(raw.split())


def test_a_quotation_over_two_lines_and_a_title_cut_from_its_name_stay_in_one_paragraph():
    raw = (
        "The bishop was blunt.\n"
        "Fr.\n"
        "Hunwicke wrote this afternoon, “This is a cheap humiliation.\n"
        "It shows how far the rot has spread.”\n"
        "The Vatican did not reply to questions about the letter, which was sent on Monday.\n"
    )
    texts = [b.text for b in parse_text(raw, "plain").blocks]
    assert texts == [
        "The bishop was blunt.",
        "Fr. Hunwicke wrote this afternoon, “This is a cheap humiliation. It shows how far the rot has spread.”",
        "The Vatican did not reply to questions about the letter, which was sent on Monday.",
    ]


def test_a_stray_quotation_mark_joins_only_a_few_lines():
    lines = ["A stray “mark opens here and is never closed by the writer of this line."] + [
        f"Sentence number {i} of the article goes on for a while and ends here." for i in range(12)
    ]
    blocks = parse_text("\n".join(lines) + "\n", "plain").blocks
    assert len(blocks) == 13 - 5  # the first six lines are one paragraph, the rest one each


def test_plain_text_wrapped_to_a_long_width_stays_one_paragraph():
    import textwrap

    prose = " ".join(
        f"The council met on day {i} to discuss the harbour budget, and members argued over the cost of dredging"
        f" the channel while residents waited outside for news of the vote." for i in range(6)
    )
    raw = textwrap.fill(prose, width=130) + "\n"
    assert max(map(len, raw.splitlines())) > 100
    (block,) = parse_text(raw, "plain").blocks
    assert block.text == " ".join(raw.split())
