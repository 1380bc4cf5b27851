"""Notes for the teacher: how to run each exercise. Shown on the answer key only."""
from __future__ import annotations

#: (exercise, minutes, steps) for the answer key's "Running the lesson" section.
LESSON: dict[str, tuple[int, tuple[str, ...]]] = {
    "word-detective": (20, (
        "Hand out the sheet. Students read the article once without marking it.",
        "Second reading: students do the three tasks, marking the numbered lines.",
        "In pairs, students compare marks and agree on three they want to discuss.",
        "Show the key's highlighted article. Talk through the words found by both, then the ones only "
        "students found, then the ones only framing found. Ask: is this word fair here?",
    )),
    "say-it-straight": (15, (
        "Students rewrite each sentence in plain words, keeping every fact.",
        "Swap rewrites with a partner and mark them with the rubric.",
        "Optional: type a rewrite into a file and run framing score on it to see which flags are gone.",
        "Discuss: did any rewrite lose a fact, or take the other side by accident?",
    )),
    "same-story": (20, (
        "Students read both articles and fill in the facts table: facts in both, only in A, only in B.",
        "Compare who is quoted in each, and the words each uses for the same people and places.",
        "Show the key's tables. Ask why a writer might leave a fact out or put it last.",
        "Close with the questions no tool can answer: what is missing, what comes first, who published it.",
    )),
}

CAVEAT = (
    "framing's list is a prompt for discussion, not the truth. It flags words from its word lists and a few "
    "rules; it misses things a careful reader sees, and it flags words that may be fair in context. A student "
    "who finds a word framing missed has done the exercise well. framing does not rule an article biased or true."
)
