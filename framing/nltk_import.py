"""Importing NLTK for framing's own processes, without the parts of NLTK that framing never uses.

framing uses two pieces of NLTK: the Porter stemmer and Punkt. ``import nltk`` runs NLTK's
package ``__init__``, which imports all of NLTK, and with it NLTK's optional bridges to
scikit-learn and SciPy's statistics: about a second of start-up, more than scoring an
article takes. Each bridge is imported under ``try``, so NLTK loads without them (those
few NLTK functions then say the package is missing).

``import_nltk_lean`` is called by the command line only, before anything imports NLTK:
that process is framing's own. A library user's process is left alone, since a
notebook may well use NLTK's scikit-learn classifiers.
"""
from __future__ import annotations

import sys

#: Modules NLTK's ``__init__`` reaches only through its optional bridges.
BRIDGED = ("sklearn", "scipy.stats")


def import_nltk_lean() -> None:
    """Import NLTK with ``BRIDGED`` hidden; afterwards they import as usual for whoever needs them."""
    if "nltk" in sys.modules:
        return
    hidden = [name for name in BRIDGED if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes ``import name`` raise ImportError
    try:
        import nltk  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
