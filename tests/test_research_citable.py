"""Citable results: CITATION.cff, `framing cite`, run manifests and byte-identical reruns."""
import json
import re
import shutil

import pytest
from click.testing import CliRunner

from framing import __version__
from framing.cli import main
from framing.cli_research import RESEARCH_COMMANDS
from framing.lexicon import load_lexicon

from .conftest import OPINION, ROOT, SEED, WIRE


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_citation_cff_matches_the_package():
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert cff.startswith("cff-version: 1.2.0\n")
    assert re.search(r"^version: (.+)$", cff, re.MULTILINE).group(1) == __version__
    assert 'title: "framing: how a news article frames its story"' in cff
    from framing.citation import TITLE

    assert TITLE in cff


def test_cite_names_version_lexicons_sources_and_model():
    lexicon = load_lexicon()
    text = run("cite").stdout
    assert f"(version {__version__})" in text
    assert f"version {lexicon.version}, SHA-256 {lexicon.sha256}" in text
    for sid in lexicon.sources:
        assert f"[{sid}]" in text
    assert "Model:" in text and ("training data" in text or "no model shipped" in text)
    data = json.loads(run("cite", "--format", "json").stdout)
    assert data["lexicons"]["sha256"] == lexicon.sha256 and data["software"]["version"] == __version__
    assert run("cite", "--format", "bibtex").stdout.startswith("@software{framing,")


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in (WIRE, OPINION, SEED):
        shutil.copy(p, folder / p.name)
    return folder


@pytest.mark.parametrize("fmt, tables", [("jsonl", ""), ("csv", "findings,sources")])
def test_manifest_and_byte_identical_rerun(corpus, tmp_path, fmt, tables):
    out = f"out.{fmt}"
    args = ["score", "articles", "--format", fmt, "-o", out] + (["--tables", tables] if tables else [])
    assert run(*args).exit_code == 0
    manifest = json.loads((tmp_path / f"{out}.manifest.json").read_text(encoding="utf-8"))
    lexicon = load_lexicon()
    assert manifest["framing_version"] == __version__
    assert (manifest["lexicon_version"], manifest["lexicon_sha256"]) == (lexicon.version, lexicon.sha256)
    assert manifest["options"]["format"] == fmt and manifest["started"] <= manifest["ended"]
    assert [r["path"] for r in manifest["inputs"]] == sorted(f"articles/{p.name}" for p in (WIRE, OPINION, SEED))
    assert all(len(r["sha256"]) == 64 and r["bytes"] > 0 for r in manifest["inputs"])
    assert "model_sha256" in manifest
    result = run("rerun", f"{out}.manifest.json", "-o", f"again.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert "identical to the original run" in result.stderr
    assert (tmp_path / f"again.{fmt}").read_bytes() == (tmp_path / out).read_bytes()
    for t in filter(None, tables.split(",")):
        assert (tmp_path / f"again.{t}.{fmt}").read_bytes() == (tmp_path / f"out.{t}.{fmt}").read_bytes()


def test_rerun_refuses_changed_inputs(corpus, tmp_path):
    assert run("score", "articles", "--format", "jsonl", "-o", "out.jsonl").exit_code == 0
    with open(corpus / WIRE.name, "a", encoding="utf-8") as fh:
        fh.write("\nA late correction was slammed by critics.\n")
    result = run("rerun", "out.jsonl.manifest.json", "-o", "again.jsonl")
    assert result.exit_code == 1 and "changed since the run" in result.stderr
    result = run("rerun", "out.jsonl.manifest.json", "-o", "again.jsonl", "--allow-changed")
    assert "differ from the original run" in result.stderr


@pytest.mark.parametrize("command", RESEARCH_COMMANDS, ids=lambda c: c.name)
def test_every_research_command_has_help(command):
    assert command.help and len(command.help) > 40
    assert run(command.name, "--help").exit_code == 0
