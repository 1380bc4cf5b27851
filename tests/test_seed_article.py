"""The seed article: the examples of the design card are found, site chrome is set apart,
and the quoted speakers are listed by name."""
import pytest

from framing.model import SCORED_ROLES


def overlapping(report, kind, phrase, nth=0):
    """Findings of ``kind`` that overlap the ``nth`` occurrence of ``phrase`` in scored text."""
    text = report.article.text
    starts = []
    i = text.find(phrase)
    while i != -1:
        if report.article.is_scored(i):
            starts.append(i)
        i = text.find(phrase, i + 1)
    assert len(starts) > nth, f"{phrase!r} is not in the scored text"
    s, e = starts[nth], starts[nth] + len(phrase)
    return [f for f in report.findings if f.kind == kind and f.start < e and s < f.end]


@pytest.mark.parametrize(
    "kind, phrase",
    [
        ("loaded", "genocide"),
        ("loaded", "neo-colonial"),
        ("loaded", "mere pawns"),
        ("loaded", "radical support"),
        ("loaded", "exploit the episode"),
        ("hedge", "might bear some truth"),
        ("hedge", "seem to be fed up"),
        ("hedge", "suspected Israeli strike"),
        ("hedge", "can be described as"),
        ("weasel", "many voices in Iraq"),
        ("weasel", "Some observers describe"),
        ("weasel", "many international observers and organizations"),
        ("booster", "The truth is that"),
        ("booster", "in fact"),
        ("booster", "indeed"),
        ("scare_quote", "“control”"),
        ("scare_quote", "“proxies”"),
        ("scare_quote", "so-called"),
        ("attribution_verb", "stated that his country"),
        ("attribution_verb", "Raisi said"),
        ("self_citation", "As I wrote"),
    ],
)
def test_design_card_examples_are_found(seed_report, kind, phrase):
    assert overlapping(seed_report, kind, phrase), f"no {kind} finding on {phrase!r}"


def test_weasel_spans_cover_the_whole_group(seed_report):
    (f,) = overlapping(seed_report, "weasel", "many international observers and organizations")
    assert f.text == "many international observers and organizations"


@pytest.mark.parametrize(
    "chrome",
    [
        "Translate Website button",
        "Daily Newsletter",
        "Click the share button above",
        "New Year Donation Drive",
        "Note to readers",
        "originally published on",
        "is a researcher with a focus",
        "Featured image is from",
        "Become a Member",
        "fair use",
        "For media inquiries",
        "Region: Middle East",
    ],
)
def test_site_chrome_is_set_apart(seed_report, chrome):
    a = seed_report.article
    i = a.text.find(chrome)
    assert i >= 0
    (para,) = [p for p in a.paragraphs if p.start <= i < p.end]
    assert para.role not in SCORED_ROLES


def test_no_finding_in_site_chrome(seed_report):
    a = seed_report.article
    for f in seed_report.findings:
        (para,) = [p for p in a.paragraphs if p.start <= f.start < p.end]
        assert para.role in SCORED_ROLES, f


def test_metadata_read_from_front_matter(seed_report):
    meta = seed_report.article.meta
    assert meta.title.startswith("Rocket and Drone Attacks")
    assert meta.byline == "Uriel Araujo"
    assert meta.outlet == "Global Research"
    assert meta.date == "2024-01-23"


def test_quoted_speakers_listed_by_name(seed_report):
    by_name = {}
    for s in seed_report.sources:
        by_name.setdefault(s.name, s)
    names = " | ".join(by_name)
    for who in ("Yahya Rasool", "al-Sudani", "Raisi", "al-Maliki"):
        assert any(who in n for n in by_name), f"{who} not in {names}"
    assert any("Central Command" in n and by_name[n].type == "named_organization" for n in by_name)
    rasool = next(s for s in seed_report.sources if "Rasool" in s.name)
    assert rasool.type == "named_person" and rasool.verb == "stated" and rasool.quoted in ("direct", "mixed")
    raisi = next(s for s in seed_report.sources if "Raisi" in s.name)
    assert raisi.type == "named_person" and raisi.quoted in ("direct", "mixed")


@pytest.mark.parametrize("phrase", ["many voices", "Some observers", "many international observers"])
def test_vague_sources(seed_report, phrase):
    assert any(s.type == "vague" and s.text.startswith(phrase) for s in seed_report.sources), phrase


def test_self_citation_is_a_self_source(seed_report):
    assert any(s.type == "self" and s.text == "As I wrote" for s in seed_report.sources)


def test_quoted_voice_belongs_to_the_speaker(seed_report):
    # Raisi called the strike "terrorist and criminal": those words are his, not the writer's
    quoted = [f for f in seed_report.findings if f.voice == "quoted"]
    assert any(f.text.lower() in ("terrorist", "criminal") for f in quoted)
    assert all(seed_report.article.quote_at(f.start, f.end) for f in quoted)
    counts = seed_report.scores["counts"]["loaded"]
    assert counts["quoted"] >= 1 and counts["author"] + counts["quoted"] == counts["total"]
