"""The source ledger on the three seed articles (no shared data needed)."""
import pytest

from framing.context import Context
from framing.detectors import run_detectors
from framing.sides import load_sides
from framing.sources import find_sources
from framing.sourcing import sourcing_profile


def by_text(report, start):
    found = [s for s in report.sources if s.text.startswith(start)]
    assert found, f"no source starting {start!r}: {[s.text for s in report.sources]}"
    return found[0]


def quote(report, s):
    return report.article.text[s.quote_start : s.quote_end]


def test_named_sources_with_their_quotes(seed_report):
    r = seed_report
    rasool = by_text(r, "Brigadier General Yahya Rasool, spokesman for Iraq's Joint Operations Command")
    assert (rasool.name, rasool.type, rasool.verb, rasool.quoted) == ("Yahya Rasool", "named_person", "stated", "mixed")
    assert rasool.affiliation == "Iraq's Joint Operations Command" and quote(r, rasool).startswith("“resolute")
    sudani = by_text(r, "Iraqi Prime Minister Mohammed Shia")
    assert (sudani.type, sudani.verb, sudani.quoted, sudani.role) == ("named_person", "reiterated", "direct", "Iraqi Prime Minister")
    assert quote(r, sudani).startswith("“the end of the US-led coalition")
    raisi = by_text(r, "Iranian president Ebrahim Raisi")
    assert (raisi.name, raisi.quoted, quote(r, raisi)) == ("Ebrahim Raisi", "mixed", '"terrorist and criminal"')
    later = [s for s in r.sources if s.text == "Raisi"]
    assert later and later[0].name == "Ebrahim Raisi" and later[0].mention == "surname"


def test_organisation_and_its_acronym(seed_report):
    centcom = [s for s in seed_report.sources if s.name == "US Central Command"]
    assert {s.text for s in centcom} == {"US Central Command", "the US Centcom"}
    assert all(s.type == "named_organization" for s in centcom)
    assert any(s.url for s in centcom)  # "[according US Central Command](#)" backs the first mention


def test_al_maliki_paraphrased_with_a_quoted_fragment(seed_report):
    m = by_text(seed_report, "al-Maliki")
    assert (m.name, m.quoted, m.verb, m.stance) == ("Nuri al-Maliki", "mixed", "stressed", "endorsing")


@pytest.mark.parametrize("text, affiliation", [("15 Jewish members of the House", "House"), ("leading progressive members of Congress", "Congress")])
def test_groups_of_officeholders_are_official(seed_report, text, affiliation):
    s = by_text(seed_report, text)
    assert (s.text, s.type, s.affiliation, s.quoted) == (text, "official", affiliation, "mixed")


@pytest.mark.parametrize("text", ["many voices", "Some observers", "many international observers and organizations"])
def test_vague_groups(seed_report, text):
    assert by_text(seed_report, text).type == "vague"


def test_self_and_link_only(seed_report):
    assert by_text(seed_report, "As I wrote").type == "self"
    link_only = {s.text for s in seed_report.sources if s.type == "link_only"}
    assert {"the main winner", "widely condemned", "genocide"} <= link_only
    assert not {"wrote", "describe Iran today as “the main power”"} & link_only  # those back an attribution


def test_offsets_hold_for_every_source(seed_report, wire_report, opinion_report):
    for r in (seed_report, wire_report, opinion_report):
        for s in r.sources:
            assert r.article.text[s.start : s.end] == s.text
            assert s.quote_start is None or r.article.text[s.quote_start] in "“\"‘'"


def test_wire_anonymous_source_with_reason(wire_report):
    s = by_text(wire_report, "A council official")
    assert s.type == "anonymous" and s.anonymity_reason == "because they were not authorised to speak publicly"


def test_wire_pronouns_surnames_and_descriptions(wire_report):
    r = wire_report
    assert by_text(r, "She").name == "Ines Varga"
    he = [s for s in r.sources if s.text == "he"]
    assert he and all(s.name == "Tomas Brandt" for s in he)
    assert by_text(r, "the company").name == "Calder Chemicals"
    assert by_text(r, "Hale").name == "Martin Hale"
    assert by_text(r, "A Harlow Bay Fire and Rescue Service spokesperson").type == "official"


def test_opinion_pronoun_goes_to_the_last_compatible_person(opinion_report):
    assert by_text(opinion_report, "she").name == "Rosa Linden"


def test_profile(seed_report, opinion_report):
    p = seed_report.scores["sourcing"]
    assert {"Yahya Rasool", "Ebrahim Raisi", "US Central Command", "Nuri al-Maliki"} <= set(p["named_sources"])
    assert p["first_voice"]["name"] == "US Central Command"
    assert p["by_type"]["link_only"] >= 3 and p["share_link_only"] > 0
    assert p["links"]["count"] == 13 and p["unattributed_claims"] >= 1
    q = opinion_report.scores["sourcing"]
    assert q["links"]["same_outlet"] >= 2 and q["quotes_per_speaker"].get("Rosa Linden", 0) >= 1


def test_hedge_on_the_attribution(analyzer):
    r = analyzer.score_text("# Plan is dead\n\nThe minister reportedly said the plan was dead.\n\nOfficials gave no reason.")
    (s,) = [s for s in r.sources if s.text == "The minister"]
    assert (s.type, s.verb, s.hedge) == ("official", "said", "reportedly")


def test_sides_from_a_user_mapping(tmp_path, analyzer):
    path = tmp_path / "sides.tsv"
    path.write_text("name\tside\nRaisi\tIran\nUS Central Command\tUS\n", encoding="utf-8")
    sides = load_sides(path)
    assert sides == {"raisi": "Iran", "us central command": "US"}
    from tests.conftest import SEED

    article, _ = analyzer._builder.build(SEED.read_text(encoding="utf-8"), path=str(SEED), syntax="markdown")
    ctx = Context(article, analyzer._matcher)
    findings = run_detectors(ctx)
    ledger = find_sources(ctx, findings, sides=sides)
    assert {s.side for s in ledger if "Raisi" in s.name} == {"Iran"}
    profile = sourcing_profile(article, ledger)
    assert profile["sides"]["Iran"]["quotes"] >= 1 and profile["sides"]["US"]["attributions"] == 2


def test_load_sides_reports_the_bad_line(tmp_path):
    path = tmp_path / "sides.tsv"
    path.write_text("name\tside\nRaisi\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sides.tsv:2"):
        load_sides(path)


def test_wire_dateline_lead_is_body_and_its_source_is_found(wire_report):
    """The dateline lead ("HARLOW BAY, March 20 (Meridian Wire) - ...") is the story, not a date line."""
    art = wire_report.article
    lead = next(p for p in art.paragraphs if art.text[p.start : p.end].startswith("HARLOW BAY, March 20"))
    assert lead.role == "body"
    report = next(s for s in wire_report.sources if "preliminary report" in s.text)
    assert report.type == "document"
    assert lead.start <= report.start < lead.end


def test_lower_case_name_particles_stay_inside_a_name(analyzer):
    text = (
        "Talks resumed on Monday.\n\n"
        "Ursula von der Leyen said the deal was close. Ludwig van Beethoven said nothing. "
        "Later, Abu Bakr al-Baghdadi said he would respond."
    )
    names = [s.name for s in analyzer.score_text(text).sources]
    assert names == ["Ursula von der Leyen", "Ludwig van Beethoven", "Abu Bakr al-Baghdadi"]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Economists had been predicting growth of 2% this time around.", "Economists"),
        ("The unions have been warning that the plant will close.", "The unions"),
    ],
)
def test_a_progressive_reporting_verb_is_not_read_as_passive(analyzer, sentence, speaker):
    text = f"Rates rise\n\n{sentence}\n\nThe bank raised rates on Thursday, and markets fell after the decision."
    report = analyzer.score_text(text)
    assert [s.text for s in report.sources] == [speaker]


def test_he_goes_to_a_person_not_to_a_lone_capitalised_word(analyzer):
    """A lone capitalised word with no title, role or gender ("Labour", "Rochdale") is not the
    person a "he" or "she" points back to."""
    text = (
        "Election worries\n\nProfessor John Curtice said tactical voting could matter in a few seats.\n\n"
        'The seat most at risk was Rochdale, where Labour won by a small margin in 2001. "It is close," he said.\n\n'
        "Voters go to the polls in May."
    )
    report = analyzer.score_text(text)
    assert [(s.text, s.name) for s in report.sources] == [("Professor John Curtice", "John Curtice"), ("he", "John Curtice")]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a title "of" a body, then the person's name
        ("Secretary of State Mike Pompeo said the talks would go on.", ("Mike Pompeo", "named_person", "Secretary of State", "State")),
        ("Chancellor of the Exchequer Gordon Brown said the talks would go on.", ("Gordon Brown", "named_person", "Chancellor of the Exchequer", "Exchequer")),
        ("Director of National Intelligence Dan Coats said the talks would go on.", ("Dan Coats", "named_person", "Director of National Intelligence", "National Intelligence")),
        # a body whose name holds a title word is a body
        ("The Department of Justice said the talks would go on.", ("Department of Justice", "named_organization", "The", None)),
        ("The Council of Mortgage Lenders said the talks would go on.", ("Council of Mortgage Lenders", "named_organization", "The", None)),
        # a surname that is also a title
        ("Bank of England Governor Mervyn King said the talks would go on.", ("Mervyn King", "named_person", "Bank of England Governor", "Bank")),
        ("Mr Major said the talks would go on.", ("Major", "named_person", "Mr", None)),
        ("The King said the talks would go on.", ("King", "official", "King", None)),
    ],
)
def test_titles_with_of_and_surnames_that_are_titles(analyzer, sentence, speaker):
    text = f"Talks go on\n\n{sentence}\n\nThe next round is due in March, and both sides have named their teams."
    s = analyzer.score_text(text).sources[0]
    assert (s.name, s.type, s.role, s.affiliation) == speaker


@pytest.mark.parametrize("title", ["Director of Public Prosecutions", "Secretary of State of Kansas"])
def test_a_title_with_of_and_no_name_after_it_is_all_title(analyzer, title):
    """No person is named "Prosecutions" or "of Kansas"."""
    text = f"Talks go on\n\nThe {title} said the talks would go on.\n\nThe next round is due in March."
    s = analyzer.score_text(text).sources[0]
    assert s.type == "official" and title in s.name and title in s.role


def test_a_party_label_is_the_affiliation_not_part_of_the_name(analyzer):
    """US news writes a member's party and state after the name: "(R-Pa.)", ", D-N.Y.,"."""
    text = (
        "Bill advances\n\nRep. Scott Perry (R-Pa.) said the bill would pass. "
        "Sen. Chuck Schumer, D-N.Y., said it would fail in the Senate.\n\n"
        '"This is a slush fund," said Sen. Marcus Obi (D-Ill.), who admitted his party lacked the votes.'
    )
    report = analyzer.score_text(text)
    assert [(s.text, s.name, s.affiliation) for s in report.sources] == [
        ("Rep. Scott Perry", "Scott Perry", "R-Pa."),
        ("Sen. Chuck Schumer", "Chuck Schumer", "D-N.Y."),
        ("Sen. Marcus Obi", "Marcus Obi", None),
    ]
    obi = report.sources[-1]
    assert obi.quoted == "direct"
    # the label does not cut the sentence: "(D-Ill.), who admitted" stays in it
    assert report.article.text[report.article.sentences[obi.sentence].end - 6 :].startswith("votes.")


def test_a_second_verb_after_and_keeps_the_clause_subject_not_its_object(analyzer):
    """"X called it "shameful" and demanded an inquiry": the speaker is X, not "an inquiry";
    "said ..., but warned" adds no second speaker."""
    text = (
        "Care home row\n\n"
        'Local MP Sarah Linton called the handling of the matter "shameful" and demanded an independent investigation.\n\n'
        "The agency chief on Wednesday said the outbreak was under control, but warned the next one would be worse."
    )
    report = analyzer.score_text(text)
    assert [(s.text, s.verb) for s in report.sources] == [("Local MP Sarah Linton", "demanded"), ("The agency chief", "said")]


def test_a_source_span_closes_the_bracket_it_opens(analyzer):
    text = (
        "Care homes\n\nA spokesperson for the Care Quality Commission (CQC) said it was aware of the concerns.\n\n"
        "The CQC will visit the home next month."
    )
    (cqc,) = analyzer.score_text(text).sources
    assert cqc.text == "A spokesperson for the Care Quality Commission (CQC)" and cqc.name == "Care Quality Commission"


def test_the_title_alone_points_back_to_the_person_who_holds_it(analyzer):
    """"the president" after "President Donald Trump" is Trump; "the minister" after an
    apposition ("Marcelo Ebrard, Mexico's foreign minister") is Ebrard; a deputy or a shadow
    holder is not the holder, and "the president of the chamber" is someone else."""
    text = (
        "Tariffs\n\nPresident Donald Trump on Friday threatened new tariffs on imports.\n\n"
        '"We will not be taken advantage of," the president told reporters.\n\n'
        "Mexico's foreign minister, Marcelo Ebrard, said his country would respond. The minister told CNN that talks would continue.\n\n"
        "Deputy Prime Minister Ana Ruiz said the talks were useful. The prime minister said nothing.\n\n"
        "The president of the chamber said the vote would go ahead."
    )
    got = [(s.text, s.name, s.type) for s in analyzer.score_text(text).sources]
    assert got == [
        ("President Donald Trump", "Donald Trump", "named_person"),
        ("the president", "Donald Trump", "named_person"),
        ("Mexico's foreign minister, Marcelo Ebrard", "Marcelo Ebrard", "named_person"),
        ("The minister", "Marcelo Ebrard", "named_person"),
        ("Deputy Prime Minister Ana Ruiz", "Ana Ruiz", "named_person"),
        ("The prime minister", "The prime minister", "official"),
        ("The president", "The president", "official"),  # of the chamber: not Trump
    ]
