"""The one-way pipeline: raw text -> Article -> findings and sources -> scores -> Report."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

from . import __version__
from .article import ArticleBuilder
from .context import Context, LexiconMatcher
from .detectors import run_detectors
from .inputs import DEFAULT_MAX_BYTES, check_text, read_path, syntax_for
from .lexicon import Lexicon, load_lexicon
from .report import Report
from .readability import Readability
from .scores import compute_scores
from .sources import find_sources

if TYPE_CHECKING:
    from .classifier.scorer import SentenceScorer

#: What ``Analyzer(model=...)`` accepts: True or None for the shipped model, a folder, or False for none.
ModelChoice = Union[str, "os.PathLike[str]", bool, None]


class Analyzer:
    """Scores articles with one lexicon and, by default, the shipped sentence classifier.

    ``sides`` maps speakers and organisations to sides (see ``framing.sides``).
    ``model`` is True (or None) for the shipped model, a folder written by ``framing train``,
    or False to leave the classifier out (then every sentence ``score`` is null). The model
    is loaded on first use and kept; a bad folder raises ``framing.classifier.ModelError``.
    """

    def __init__(self, lexicon: Optional[Lexicon] = None, model: ModelChoice = True, sides: Optional[dict[str, str]] = None):
        self.lexicon = lexicon or load_lexicon()
        self.model = model
        self.sides = sides  # the user's speaker -> side mapping (``framing.sides.load_sides``)
        self._builder = ArticleBuilder(self.lexicon)
        self._matcher = LexiconMatcher(self.lexicon)
        self._readability = Readability()
        self._scorer: Optional["SentenceScorer"] = None

    @property
    def matcher(self) -> LexiconMatcher:
        """The lexicon's phrase matchers (shared with the classifier's lexicon features)."""
        return self._matcher

    @property
    def classifier(self) -> Optional["SentenceScorer"]:
        """The sentence classifier (loaded once, on first use), or None with ``model=False``."""
        if self.model is False:
            return None
        if self._scorer is None:
            from .classifier.scorer import SentenceScorer

            folder = None if self.model is True or self.model is None else self.model
            self._scorer = SentenceScorer.load(folder, lexicon=self.lexicon, matcher=self._matcher)
        return self._scorer

    def load_all(self) -> "Analyzer":
        """Load now what is otherwise loaded on first use: the classifier and the readability dictionaries."""
        self.classifier  # noqa: B018 (a property that loads the model)
        self._readability.load()
        return self

    def score_text(self, raw: str, path: Optional[str] = None, syntax: Optional[str] = None) -> Report:
        """Analyse the text of one article."""
        raw = check_text(raw, path or "<text>")
        article, warnings, keyed = self._builder.build_keyed(raw, path=path, syntax=syntax or syntax_for(path))
        ctx = Context(article, self._matcher, keyed)
        findings = run_detectors(ctx)
        sources = find_sources(ctx, findings, self.sides)
        scores = compute_scores(article, findings, sources, self._readability)
        n = len(article.sentences)
        sentence_scores, hedge_scores = (None,) * n, (None,) * n
        scorer = self.classifier
        if scorer is not None:
            scored = scorer.score(article, findings, ctx.keyed.keys_for("exact"))
            sentence_scores, hedge_scores = scored.score, scored.hedge_score
            scores["classifier"] = scorer.summary(article, scored)
            warnings = [*warnings, *scorer.warnings]
        return Report(
            article=article,
            findings=tuple(findings),
            sources=tuple(sources),
            scores=scores,
            framing_version=__version__,
            lexicon_version=self.lexicon.version,
            lexicon_sha256=self.lexicon.sha256,
            sentence_scores=sentence_scores,
            sentence_hedge_scores=hedge_scores,
            warnings=tuple(warnings),
        )

    def score_path(self, path: Union[str, os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
        """Read and analyse one article file."""
        return self.score_text(read_path(path, max_bytes), path=str(path))


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The analyzer with the shipped lexicons, built on first use."""
    return Analyzer()


def score(text_or_path: Union[str, os.PathLike], *, analyzer: Optional[Analyzer] = None) -> Report:
    """Score an article given as a path or as its text.

    A ``Path``, or a one-line string naming an existing file, is read as a file;
    any other string is the article's text.
    """
    an = analyzer or default_analyzer()
    if isinstance(text_or_path, os.PathLike):
        return an.score_path(text_or_path)
    if "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file():
        return an.score_path(text_or_path)
    return an.score_text(text_or_path)
