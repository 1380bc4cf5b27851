"""Shared fixtures: the analyzer, the seed reports, and the optional shared data sets."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from framing.pipeline import Analyzer, default_analyzer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_22d5e91ebda006c6.md"
WIRE = SEEDS / "harlow_bay_wire.md"
OPINION = SEEDS / "harlow_bay_opinion.md"
# ../shared/data sits beside the repository on development machines and in CI; tests that
# need it skip where it is absent.
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return default_analyzer()


@pytest.fixture(scope="session")
def seed_report(analyzer):
    return analyzer.score_path(SEED)


@pytest.fixture(scope="session")
def wire_report(analyzer):
    return analyzer.score_path(WIRE)


@pytest.fixture(scope="session")
def opinion_report(analyzer):
    return analyzer.score_path(OPINION)


@pytest.fixture()
def run():
    """``run("score", path, ...)``: the ``framing`` command in-process, output captured."""
    from click.testing import CliRunner

    from framing.cli import main

    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
