"""Plain-language text for students: notes on findings, tasks, prompts and the rubric.

Everything a student reads is written to read at US grade 8 or below (Flesch-Kincaid, as
textstat computes it); a test checks the notes a key actually shows. A lexicon's own reason
is used when it is plain enough, else the plain note for its category.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..model import Finding

MAX_GRADE = 8.0

#: One plain note per ``kind/category``.
CATEGORY_NOTES: dict[str, str] = {
    "loaded/violence_atrocity": "A word for violence at its worst. A plainer word could tell the same event.",
    "loaded/delegitimising_label": "A label that says a person or group does not deserve respect or power.",
    "loaded/moral_condemnation": "A word that judges an act as wrong or evil, not just what happened.",
    "loaded/fear_threat": "A word that makes people or events sound like a danger.",
    "loaded/partisan_label": "A label that one side of a debate uses for the other side.",
    "loaded/emotive_intensifier": "A word that turns up the feeling but adds no facts.",
    "loaded/hyperbole": "It makes things sound bigger or worse than the facts show.",
    "loaded/sensational_verb": "A dramatic verb for a plain act, like slammed for criticised.",
    "loaded/euphemism": "A soft word that hides how bad something was.",
    "loaded/emotive_appeal": "A word that tugs at your feelings.",
    "hedge/epistemic": "A word that makes a claim less sure. That can be fair when the facts are not known yet.",
    "hedge/distancing": "A word that keeps the writer at arm's length from a claim.",
    "weasel/vague_attribution": "The claim is given to a group with no names. We cannot check who they are.",
    "booster/certainty": "Words that say a view is a plain fact, with no proof.",
    "scare_quote/quotation_marks": "Quote marks, but no one is quoted. They hint the word is not to be trusted.",
    "scare_quote/marker": "A word like so-called. It hints that the name is false.",
    "attribution_verb/neutral": "A plain verb for what someone said.",
    "attribution_verb/endorsing": "A verb that hints the speaker is right.",
    "attribution_verb/distancing": "A verb that hints the speaker is wrong or hiding something.",
    "self_citation/cue": "The writer uses their own past writing as proof.",
}

#: A plain name for each kind, for students.
KIND_PLAIN = {
    "loaded": "loaded word",
    "hedge": "hedge",
    "weasel": "no name given",
    "booster": "sure-sounding words",
    "scare_quote": "scare quotes",
    "attribution_verb": "reporting verb",
    "self_citation": "self-citation",
    "source": "who speaks",
}

#: Plain notes for each type of source (who speaks).
SOURCE_NOTES = {
    "named_person": "A person named in the article.",
    "named_organization": "A group or company named in the article.",
    "official": "Someone who speaks for an office, with no name given.",
    "vague": "A group with no names. We cannot check who they are.",
    "anonymous": "A source the article does not name.",
    "self": "The writer.",
    "document": "A report or other document.",
    "link_only": "Only a link. No one is named.",
}

QUOTED_NOTE = "These are the speaker's words, not the writer's."
NEGATED_NOTE = "The word is negated here, so it counts for less."

#: What each Word detective task asks, by grade band.
TASKS: dict[str, dict[str, str]] = {
    "judgement": {
        "6-8": "Find words that show how the writer feels or that judge someone. Circle them.",
        "9-12": "Find words that judge: strong words, scare quotes, and verbs like claimed that hint at doubt. Circle them.",
        "college": "Find the words that judge beyond the facts. Look at the verbs for speech too. Circle them and name the kind.",
    },
    "sources": {
        "6-8": "Who speaks? Underline each person or group that is quoted. Put a box around any speaker with no name, like critics.",
        "9-12": "Who speaks? Underline each person or group that is quoted. Put a box around any speaker with no name, like critics or some experts.",
        "college": "Who speaks, and who is not named? Underline named sources. Box the ones with no name. Who is missing?",
    },
    "hedges": {
        "6-8": "Find words that make a claim less sure, like may, could or seems. Draw a wavy line under them.",
        "9-12": "Find hedges: words that make a claim less sure, like may, could or reportedly. Draw a wavy line under them.",
        "college": "Find the hedges. Which ones are fair, since the facts are not known yet? Which ones slip a claim in?",
    },
}
TASK_TITLES = {"judgement": "Words that judge", "sources": "Who speaks, and who has no name", "hedges": "Hedges"}

REWRITE_TASK = "Rewrite each sentence so it tells the facts and does not take a side. Keep the facts. Change the words that judge."
REWRITE_CHECK = "Check your work: save your new sentences in a text file and run framing score on it. See what changed."

#: The rewrite rubric: (what to look for, 2 points, 1 point, 0 points).
RUBRIC: tuple[tuple[str, str, str, str], ...] = (
    ("Keeps the facts", "All the facts stay: who, what, when and the numbers.", "One fact is lost or changed.", "The facts are changed."),
    ("Plain words", "No words that judge are left.", "One word that judges is left.", "Most words that judge are left."),
    ("Says who thinks so", "A view is given to the person who holds it.", "A view is given to a vague group.", "A view is told as a fact."),
)

#: Questions about what no tool can see.
BEYOND_PROMPTS: tuple[str, ...] = (
    "What is left out? Write one question the article does not answer.",
    "What comes first? The headline and first lines shape what you think.",
    "What do the photos and captions show? framing reads only the words.",
    "Who wrote this, and who put it out? Look them up in a new tab before you trust them.",
    "What do other reports say? Find one more story on the same event.",
    "Do the numbers come with a source? Who counted them?",
)

#: Prompts for the "same story, two outlets" exercise.
COMPARE_PROMPTS: tuple[str, ...] = (
    "Which facts are in one story but not the other? Why might a writer leave a fact out?",
    "What does each story put first? Does the order change what you think?",
    "Which story would you trust to tell you what happened? Which one tells you what to think?",
    "Find one thing one story states as a fact that the other gives to a source.",
)

_PARENS = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=4096)
def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text``, as textstat computes it."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def is_plain(text: str) -> bool:
    """Whether ``text`` reads at grade 8 or below and holds no web address."""
    return bool(text) and "http" not in text and reading_grade(text) <= MAX_GRADE


def category_note(kind: str, category: str) -> str:
    """The plain note for a category, or for its kind when the category is unknown."""
    return CATEGORY_NOTES.get(f"{kind}/{category}") or f"framing lists this as a {KIND_PLAIN.get(kind, kind)}."


def plain_note(f: Finding) -> str:
    """A note on one finding that a student in grade 8 can read.

    The lexicon's reason, without the parts framing adds in brackets, if it is plain enough;
    else the category's note; then a word on whose voice it is.
    """
    base = f.reason
    while _PARENS.search(base):
        base = _PARENS.sub("", base)
    note = base if is_plain(base) else category_note(f.kind, f.category)
    extra = [QUOTED_NOTE] if f.voice == "quoted" else []
    if f.negated:
        extra.append(NEGATED_NOTE)
    return " ".join([note, *extra])


def source_note(source_type: str) -> str:
    """The plain note for a type of source."""
    return SOURCE_NOTES.get(source_type, "Someone the article quotes.")


def level_words(grade: Optional[float]) -> str:
    """The article's reading level in words: "about grade 8 (Flesch-Kincaid 8.2)"."""
    if grade is None:
        return "not known (too little text)"
    if grade > 16:
        return f"beyond college (Flesch-Kincaid {grade:.1f})"
    if grade > 12:
        return f"college (Flesch-Kincaid {grade:.1f})"
    return f"about grade {max(1, round(grade))} (Flesch-Kincaid {grade:.1f})"
