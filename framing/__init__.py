"""framing: how a news article frames its story.

>>> import framing
>>> report = framing.score("Critics slammed the so-called reform, which some observers called a disaster.")
>>> sorted({f.kind for f in report.findings})
['loaded', 'scare_quote', 'weasel']
"""
__version__ = "0.1.0"

__all__ = ["Analyzer", "Report", "score", "__version__"]


def __getattr__(name: str):
    # imported on first use, so that ``framing.cli`` can ready NLTK's import first (``framing.nltk_import``)
    if name in ("Analyzer", "score"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Report":
        from .report import Report

        return Report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
