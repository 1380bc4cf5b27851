"""Measure the source ledger on the table of real attribution sentences.

    python scripts/evaluate_sources.py            # figures as a Markdown table
    python scripts/evaluate_sources.py --json     # the same as JSON

Reads ``tests/data/source_cases.tsv`` and the sentences it names from ``../shared/data``
(or ``$FRAMING_SHARED_DATA``). See docs/sources.md for what the figures mean.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.source_cases import evaluate, load_cases  # noqa: E402


def main(argv: list[str]) -> int:
    data = Path(os.environ.get("FRAMING_SHARED_DATA", ROOT.parent / "shared" / "data"))
    if not data.exists():
        print(f"shared data not found: {data}", file=sys.stderr)
        return 1
    figures = evaluate(data, load_cases())
    if "--json" in argv:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{figures['cases']} attributions in {figures['sentences']} sentences; {figures['predicted']} predicted sources\n")
    print("| measure | precision | recall |\n|---|---|---|")
    for key in ("span_exact", "span_overlap", "type"):
        print(f"| {key} | {figures[key]['precision']} | {figures[key]['recall']} |")
    for t, v in figures["by_type"].items():
        print(f"| type `{t}` (gold {v['gold']}) | {v['precision']} | {v['recall']} |")
    print(f"\nquote kind accuracy {figures['quote_kind_accuracy']}, verb accuracy {figures['verb_accuracy']} (on matched speakers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
