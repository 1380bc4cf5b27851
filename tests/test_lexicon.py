"""The lexicon loader, its errors, and a lint of the shipped lexicons."""
from pathlib import Path

import pytest

from framing.lexicon import LexiconError, load_lexicon, parse_entries
from framing.lint import lint, lint_folder
from framing.pipeline import Analyzer

HEADER = "term\tcategory\tweight\tnote\tsource\talternative\tmatch\tcontext\n"


def write(folder: Path, rel: str, text: str) -> Path:
    p = folder / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_lexicons_pass_lint():
    assert lint_folder() == []


def test_shipped_lexicons_carry_version_and_hash():
    lex = load_lexicon()
    assert lex.version and lex.version != "unversioned"
    assert len(lex.sha256) == 64
    assert {e.kind for e in lex.entries} >= {"loaded", "hedge", "weasel", "booster", "attribution_verb", "scare_quote", "self_citation"}


@pytest.mark.parametrize(
    "row, message",
    [
        ("slam\tsensational_verb\theavy\tnote\tframing-curators\t\t\t\n", "weight 'heavy' is not a number"),
        ("slam\tsensational_verb\t1.5\tnote\tframing-curators\t\t\t\n", "outside [0, 1]"),
        ("slam\tsensational_verb\t0.5\tnote\t\t\t\t\n", "empty source"),
        ("slam\tsensational_verb\t0.5\tnote\tx\t\tfuzzy\t\n", "match 'fuzzy'"),
        ("slam\tsensational_verb\t0.5\tnote\tx\t\t\tmaybe:yes\n", "unknown context rule"),
        ("slam\tsensational_verb\t0.5\tnote\tx\t\t\tnot_form:\n", "unknown context rule"),
        ("slam\tsensational_verb\t0.5\tnote\tx\t\t\t\textra\n", "fields, header has"),
        ("...\tsensational_verb\t0.5\tnote\tx\t\t\t\n", "no words the tokenizer keeps"),
    ],
)
def test_malformed_rows_name_file_and_line(row, message):
    text = HEADER + "blast\tsensational_verb\t0.5\tok\tx\t\t\t\n" + row
    with pytest.raises(LexiconError) as err:
        parse_entries(text, "loaded", "loaded/sensational_verb.tsv")
    assert str(err.value).startswith("loaded/sensational_verb.tsv:3: ")
    assert message in str(err.value)


def test_missing_header_column(tmp_path):
    write(tmp_path, "loaded/x.tsv", "term\tweight\nslam\t0.5\n")
    with pytest.raises(LexiconError, match=r"x.tsv:1: header lacks column\(s\) category, note, source"):
        load_lexicon(tmp_path)


def test_category_must_match_file_name(tmp_path):
    write(tmp_path, "loaded/x.tsv", HEADER + "slam\ty\t0.5\tn\tframing-curators\t\t\t\n")
    with pytest.raises(LexiconError, match=r"x.tsv:2: category 'y' differs"):
        load_lexicon(tmp_path)


def test_user_folder_adds_and_overrides(tmp_path):
    write(tmp_path, "loaded/sport.tsv", HEADER + "thrash\tsport\t0.3\tA big win told as a beating.\tmy-study\t\t\t\n")
    lex = load_lexicon(tmp_path)
    assert any(e.term == "thrash" and e.category == "sport" for e in lex.entries)
    assert len(lex.sha256) == 64 and lex.sha256 != load_lexicon().sha256


def test_not_form_rule_is_parsed():
    (entry,) = parse_entries(HEADER + "villain\tx\t0.5\tn\tx\t\texact\tnot_form:Villains| villains ;not_prev:the\n", "loaded", "loaded/x.tsv")
    assert [(r.name, sorted(r.words)) for r in entry.context] == [("not_form", ["villains"]), ("not_prev", ["the"])]


def test_not_form_rule_stops_only_the_listed_form(tmp_path):
    """``not_form`` drops one inflected form of the term ("scamps") and keeps the others."""
    write(tmp_path, "loaded/sport.tsv", HEADER + "scamp\tsport\t0.4\tA player cast as a rascal.\tmy-study\t\texact\tnot_form:scamps\n")
    analyzer = Analyzer(load_lexicon(tmp_path), model=False)

    def found(text):
        return [f.text for f in analyzer.score_text(text, syntax="plain").findings if f.category == "sport"]

    assert found("The striker was the scamp of the night.") == ["scamp"]
    assert found("Both keepers were scamps in the end.") == []


def test_only_next_rule_is_parsed_as_stems():
    (entry,) = parse_entries(HEADER + "utter\tx\t0.5\tn\tx\t\t\tonly_next:Nonsense| disasters \n", "loaded", "loaded/x.tsv")
    assert [(r.name, sorted(r.words), sorted(r.stems)) for r in entry.context] == [("only_next", ["disasters", "nonsense"], ["disast", "nonsens"])]
    with pytest.raises(LexiconError, match="unknown context rule"):
        parse_entries(HEADER + "utter\tx\t0.5\tn\tx\t\t\tonly_next:\n", "loaded", "loaded/x.tsv")


def sport_finder(tmp_path, row: str):
    """What a user lexicon of the one ``loaded/sport.tsv`` row ``row`` finds in a text."""
    write(tmp_path, "loaded/sport.tsv", HEADER + row + "\n")
    analyzer = Analyzer(load_lexicon(tmp_path), model=False)
    return lambda text: [f.text for f in analyzer.score_text(text, syntax="plain").findings if f.category == "sport"]


def test_only_next_rule_keeps_only_the_listed_phrases(tmp_path):
    """``only_next`` keeps a word that is loaded only before some words ("a proper disaster") and
    drops it everywhere else: another next word, punctuation after it, or the end of the text."""
    found = sport_finder(tmp_path, "proper\tsport\t0.2\tStretches a claim.\tmy-study\t\t\tonly_next:disaster|chaos")
    assert found("The match was a proper disaster.") == ["proper"]
    assert found("Both seasons were proper disasters.") == ["proper"]
    assert found("They signed a proper contract.") == []
    assert found("It was done proper, he said.") == []
    assert found("Fans wanted it done proper.") == []


def test_only_prev_rule_keeps_only_the_listed_phrases(tmp_path):
    """``only_prev`` is ``only_next`` for the word before: "a red card" fires, "the card" does not."""
    found = sport_finder(tmp_path, "card\tsport\t0.2\tA penalty.\tmy-study\t\t\tonly_prev:red|yellow")
    assert found("He was shown a red card.") == ["card"]
    assert found("Two yellow cards followed.") == ["cards"]
    assert found("She sent him a birthday card.") == []
    assert found("Red. Card.") == []
    assert found("Cards were dealt.") == []
    (entry,) = parse_entries(HEADER + "card\tx\t0.5\tn\tx\t\t\tonly_prev:Red| yellows \n", "loaded", "loaded/x.tsv")
    assert [(r.name, sorted(r.stems)) for r in entry.context] == [("only_prev", ["red", "yellow"])]


def test_not_alone_after_rule_is_parsed():
    (entry,) = parse_entries(HEADER + "luckless\tx\t0.5\tn\tx\t\t\tnot_alone_after:The| the \n", "loaded", "loaded/x.tsv")
    assert [(r.name, sorted(r.words)) for r in entry.context] == [("not_alone_after", ["the"])]
    with pytest.raises(LexiconError, match="unknown context rule"):
        parse_entries(HEADER + "luckless\tx\t0.5\tn\tx\t\t\tnot_alone_after:\n", "loaded", "loaded/x.tsv")


def test_not_alone_after_rule_stops_only_the_word_used_as_a_noun(tmp_path):
    """``not_alone_after:the`` drops "the luckless." (an adjective used as a noun, nothing after it in the
    clause) and keeps "the luckless referee" and "was luckless."."""
    write(tmp_path, "loaded/sport.tsv", HEADER + "luckless\tsport\t0.4\tA player cast as unlucky.\tmy-study\t\texact\tnot_alone_after:the\n")
    analyzer = Analyzer(load_lexicon(tmp_path), model=False)

    def found(text):
        return [f.text for f in analyzer.score_text(text, syntax="plain").findings if f.category == "sport"]

    assert found("The coach spoke up for the luckless.") == []
    assert found("The coach spoke up for the luckless, as always.") == []
    assert found("The coach shouted at the luckless referee.") == ["luckless"]
    assert found("The second half was luckless.") == ["luckless"]
    assert found("Luckless.") == ["Luckless"]


def test_empty_user_folder_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no .tsv files"):
        load_lexicon(tmp_path)


def test_lint_finds_duplicates_and_unknown_sources(tmp_path):
    write(tmp_path, "categories.tsv", "id\tkind\tlabel\tdescription\nv\tloaded\tV\tviolence\n")
    write(tmp_path, "sources.tsv", "id\tcitation\nmine\tMe, 2026\n")
    write(tmp_path, "loaded/v.tsv", HEADER + "massacre\tv\t0.9\tn\tmine\t\t\t\nmassacres\tv\t0.9\tn\tmine\t\t\t\nbutcher\tv\t0.9\tn\tnobody\t\t\t\n")
    problems = lint(load_lexicon(tmp_path, include_default=False))
    assert any("v.tsv:3: 'massacres' duplicates" in p for p in problems)
    assert any("v.tsv:4: source 'nobody'" in p for p in problems)
