"""How to cite a framing result: the software, the lexicons it used, their sources, the model.

``CITATION.cff`` in the repository says the same for GitHub and Zenodo; a test keeps the two
in step. The lexicon version and SHA-256 name exactly which word lists produced the numbers.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

from . import __version__
from .lexicon import Lexicon
from .manifest import model_sha256

TITLE = "framing: how a news article frames its story"
AUTHORS = "framing contributors"
LICENCE = "MIT (code); CC BY 4.0 (lexicons)"
MODEL_HEADS = ("bias", "hedge")


def _models_folder() -> Optional[Path]:
    try:
        from importlib import resources

        folder = Path(str(resources.files("framing.models")))
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if folder.is_dir() else None


def model_info() -> Optional[dict[str, Any]]:
    """The shipped model: its hash, each head's training data and terms, and the model card's
    section on its data (``framing/models/README.md``); None when no model is shipped."""
    folder = _models_folder()
    digest = model_sha256(folder) if folder else None
    if digest is None:
        return None
    heads = {}
    for head in MODEL_HEADS:
        f = folder / f"{head}.json"
        if f.is_file():
            meta = (json.loads(f.read_text(encoding="utf-8")).get("meta") or {})
            heads[head] = {k: meta.get(k) for k in ("task", "trained_on", "licence", "trained")}
    card = folder / "README.md"
    data_section = None
    if card.is_file():
        m = re.search(r"^(#{2,3}) [^\n]*(?:training data|data)[^\n]*\n(.*?)(?=^#{1,3} |\Z)", card.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL | re.IGNORECASE)
        data_section = m.group(2).strip() if m else None
    return {"sha256": digest, "heads": heads, "card": str(card) if card.is_file() else None, "training_data": data_section}


def citation(lexicon: Lexicon) -> dict[str, Any]:
    """Everything a methods section needs, as data."""
    return {
        "software": {"title": TITLE, "authors": AUTHORS, "version": __version__, "licence": LICENCE},
        "lexicons": {"version": lexicon.version, "sha256": lexicon.sha256, "locations": list(lexicon.locations)},
        "lexicon_sources": [{"id": sid, **{k: v for k, v in row.items() if k != "id"}} for sid, row in sorted(lexicon.sources.items())],
        "model": model_info(),
    }


def bibtex(lexicon: Lexicon) -> str:
    return (
        "@software{framing,\n"
        f"  author  = {{{{{AUTHORS}}}}},\n"
        f"  title   = {{{TITLE}}},\n"
        f"  version = {{{__version__}}},\n"
        f"  note    = {{lexicons version {lexicon.version}, SHA-256 {lexicon.sha256}}}\n"
        "}\n"
    )


def format_citation(lexicon: Lexicon) -> str:
    """The citation as plain text."""
    info = citation(lexicon)
    lines = [
        "Cite the software:",
        f"  {AUTHORS}. {TITLE} (version {__version__}) [Computer software]. Licence: {LICENCE}.",
        "",
        "Lexicons used (cite the version and hash, so others can use the same word lists):",
        f"  version {lexicon.version}, SHA-256 {lexicon.sha256}",
    ]
    lines += [f"  from {loc}" for loc in lexicon.locations[1:]]
    lines += ["", "Sources of the lexicon entries:"]
    for src in info["lexicon_sources"]:
        extra = "; ".join(x for x in (src.get("licence"), src.get("url")) if x)
        lines.append(f"  [{src['id']}] {src.get('citation', '')}" + (f" ({extra})" if extra else ""))
    lines += ["", "Model:"]
    model = info["model"]
    if model is None:
        lines.append("  no model shipped: the scores come from the lexicons and rules alone.")
    else:
        lines.append(f"  shipped classifier, SHA-256 {model['sha256']}")
        for head, meta in model["heads"].items():
            lines.append(f"  {head}: {meta.get('task') or ''}".rstrip())
            if meta.get("trained_on"):
                lines.append(f"    training data: {meta['trained_on']}")
            if meta.get("licence"):
                lines.append(f"    terms: {meta['licence']}")
        if model["training_data"]:
            lines += ["  from the model card:"] + [f"    {l}" for l in model["training_data"].splitlines()]
        elif model["card"] is None:
            lines.append("  (no model card found: see the training data above)")
    lines += ["", "BibTeX:", bibtex(lexicon)]
    return "\n".join(lines)
