"""Regenerate the golden reports on purpose: ``python tests/regen_golden.py``, then read the diff."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = ["seeds/000_22d5e91ebda006c6.md", "seeds/harlow_bay_wire.md", "seeds/harlow_bay_opinion.md"]


def golden_report(rel: str) -> dict:
    """The report of a sample, with the repository-relative path and no version numbers."""
    from framing.pipeline import default_analyzer

    raw = (ROOT / rel).read_text(encoding="utf-8")
    d = default_analyzer().score_text(raw, path=rel).to_dict()
    # versions change on release without changing any finding
    for key in ("framing_version", "lexicon_version", "lexicon_sha256"):
        d.pop(key)
    return d


def golden_path(rel: str) -> Path:
    return GOLDEN / (Path(rel).stem + ".json")


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for rel in SAMPLES:
        golden_path(rel).write_text(json.dumps(golden_report(rel), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {golden_path(rel).relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
