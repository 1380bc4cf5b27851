"""The sample articles' reports match the checked-in golden JSON (regenerated on purpose only)."""
import json

import pytest

from .regen_golden import SAMPLES, golden_path, golden_report


@pytest.mark.parametrize("rel", SAMPLES)
def test_report_matches_golden(rel):
    expected = json.loads(golden_path(rel).read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(golden_report(rel), ensure_ascii=False))
    for key in ("text", "paragraphs", "findings", "sources", "scores"):
        assert actual[key] == expected[key], f"{key} differs from {golden_path(rel).name}; run tests/regen_golden.py if intended"
    assert actual == expected
