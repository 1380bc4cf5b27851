"""framing: how a news article frames its story.

>>> import framing
>>> report = framing.score("Critics slammed the so-called reform, which some observers called a disaster.")
>>> sorted({f.kind for f in report.findings})
['loaded', 'scare_quote', 'weasel']
"""
__version__ = "0.1.0"

from .pipeline import Analyzer, score  # noqa: E402
from .report import Report  # noqa: E402

__all__ = ["Analyzer", "Report", "score", "__version__"]
