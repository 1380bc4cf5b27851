"""Small corpora of real text for corpus statistics: the body paragraphs of a seed article,
each written out as an article of its own."""
from __future__ import annotations

from pathlib import Path

from framing.pipeline import Analyzer


def body_paragraph_articles(analyzer: Analyzer, source: Path, folder: Path, min_words: int = 12) -> list[Path]:
    """Write every body paragraph of ``source`` (as framing reads it) with ``min_words`` or more words to ``folder``."""
    article = analyzer.score_path(source).article
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, p in enumerate(article.paragraphs):
        text = article.text[p.start : p.end]
        if p.role == "body" and len(text.split()) >= min_words:
            path = folder / f"{source.stem}_{i:03d}.txt"
            path.write_text(text + "\n", encoding="utf-8")
            out.append(path)
    return out
