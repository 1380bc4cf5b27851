"""Corpus runs: formats, parallel = serial, errors listed, interrupted runs resumed."""
import csv
import json
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from framing.cli import ExitStatus, main

from .conftest import SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Forty articles in nested folders (the seeds, each paragraph order rotated), plus one bad file."""
    root = tmp_path_factory.mktemp("corpus")
    seeds = sorted(SEEDS.glob("*.md"))
    for i in range(40):
        src = seeds[i % len(seeds)].read_text(encoding="utf-8")
        body = src.split("\n\n")
        k = i % max(1, len(body) - 1)
        text = "\n\n".join(body[:1] + body[1 + k :] + body[1 : 1 + k])
        folder = root / f"group{i % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{i:03d}.md").write_text(text, encoding="utf-8")
    (root / "group0" / "broken.txt").write_bytes("caf\u00e9 cr\u00e8me, not UTF-8".encode("latin-1"))
    return root


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_jsonl_serial_equals_parallel_and_errors_are_listed(corpus, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = run("score", corpus, "--format", "jsonl", "-o", one, "--jobs", "1")
    r2 = run("score", corpus, "--format", "jsonl", "-o", two, "--jobs", "2")
    assert r1.exit_code == r2.exit_code == ExitStatus.INPUT_ERROR  # the broken file
    assert one.read_bytes() == two.read_bytes()
    paths = [json.loads(line)["article"]["path"] for line in one.read_text().splitlines()]
    assert len(paths) == 40 and paths == sorted(paths)
    errors = (tmp_path / "one.jsonl.errors.tsv").read_text().splitlines()
    assert errors[0] == "path\terror" and "broken.txt" in errors[1]
    assert "scored 40, failed 1" in r1.stderr
    assert not list(tmp_path.glob("*.partial.jsonl"))


def test_csv_tables(corpus, tmp_path):
    out = tmp_path / "articles.csv"
    result = run("score", corpus / "group1", "--format", "csv", "-o", out, "--tables", "findings,sources")
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == len(list((corpus / "group1").glob("*.md")))
    assert {"path", "words", "loaded_rate", "sources_distinct_named_sources", "readability_flesch_reading_ease"} <= set(rows[0])
    findings = list(csv.DictReader((tmp_path / "articles.findings.csv").open()))
    assert findings and {"path", "kind", "start", "end", "text", "sentence_text"} <= set(findings[0])
    assert sum(int(r["loaded_count"]) for r in rows) == sum(f["kind"] == "loaded" for f in findings)
    assert (tmp_path / "articles.sources.csv").exists()


def test_parquet(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "a.parquet"
    assert run("score", corpus / "group2", "--format", "parquet", "-o", out).exit_code == 0
    frame = pd.read_parquet(out)
    assert len(frame) == len(list((corpus / "group2").glob("*.md"))) and "loaded_rate" in frame.columns


def test_corpus_formats_need_an_output_file(corpus):
    result = run("score", corpus, "--format", "csv")
    assert result.exit_code == ExitStatus.USAGE and "needs -o" in result.stderr


def test_killed_run_leaves_no_output_and_resume_completes_it(corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    run("score", corpus, "--format", "jsonl", "-o", full, "--jobs", "1")
    out = tmp_path / "resumed.jsonl"
    checkpoint = tmp_path / "resumed.jsonl.partial.jsonl"
    cmd = [sys.executable, "-m", "framing", "score", str(corpus), "--format", "jsonl", "-o", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if checkpoint.exists() and len(checkpoint.read_bytes().splitlines()) >= 5:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "a killed run must not leave a half-written output"
    done_before = checkpoint.read_bytes().count(b"\n")  # a torn last line does not count
    assert 5 <= done_before < 41
    result = run("score", corpus, "--format", "jsonl", "-o", out, "--jobs", "2", "--resume")
    assert f"skipped (already done) {done_before}" in result.stderr
    assert out.read_bytes() == full.read_bytes()


def test_resume_after_a_torn_checkpoint_line(corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    run("score", corpus / "group2", "--format", "jsonl", "-o", full, "--jobs", "1")
    lines = full.read_bytes().splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    checkpoint = tmp_path / "out.jsonl.partial.jsonl"
    # two finished records in checkpoint form, then a record cut in the middle
    records = [b'{"path": %s, "report": %s}\n' % (json.dumps(json.loads(l)["article"]["path"]).encode(), l.rstrip(b"\n")) for l in lines[:3]]
    checkpoint.write_bytes(records[0] + records[1] + records[2][: len(records[2]) // 2])
    result = run("score", corpus / "group2", "--format", "jsonl", "-o", out, "--jobs", "1", "--resume")
    assert "skipped (already done) 2" in result.stderr
    assert out.read_bytes() == full.read_bytes()


def test_settle_freezes_what_is_loaded_and_changes_no_report():
    """A long run readies its process (``settle``): everything loaded is frozen out of full
    garbage collections, and reports stay the same."""
    import gc

    from framing.corpus import Options, score_file, settle_options

    path = str(sorted(SEEDS.glob("*.md"))[0])
    before = score_file(path, Options())
    try:
        settle_options(Options())
        frozen = gc.get_freeze_count()
        after = score_file(path, Options())
    finally:
        gc.unfreeze()
    assert frozen > 50_000  # modules, lexicons, models and the readability dictionaries
    assert after == before and "report" in after


def test_resume_extends_a_finished_csv_output_with_new_files(corpus, tmp_path):
    """A finished CSV output and its tables are kept by --resume: only new files are scored,
    and the result is byte for byte what one run over all files writes."""
    full = tmp_path / "full.csv"
    run("score", corpus / "group1", corpus / "group2", "--format", "csv", "-o", full, "--tables", "findings,sources")
    out = tmp_path / "grown.csv"
    first = run("score", corpus / "group2", "--format", "csv", "-o", out, "--tables", "findings,sources")
    assert first.exit_code == 0
    n_old = len(list((corpus / "group2").glob("*.md")))
    grown = run("score", corpus / "group1", corpus / "group2", "--format", "csv", "-o", out, "--tables", "findings,sources", "--resume")
    assert grown.exit_code == 0
    n_new = len(list((corpus / "group1").glob("*.md")))
    assert f"scored {n_new}, failed 0, skipped (already done) {n_old}" in grown.stderr
    for suffix in ("", ".findings", ".sources"):
        assert (tmp_path / f"grown{suffix}.csv").read_bytes() == (tmp_path / f"full{suffix}.csv").read_bytes()
    assert not list(tmp_path.glob("*.earlier.jsonl")) and not list(tmp_path.glob("*.partial.jsonl"))


def test_resume_extends_a_finished_parquet_output(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    full, out = tmp_path / "full.parquet", tmp_path / "grown.parquet"
    run("score", corpus / "group1", corpus / "group2", "--format", "parquet", "-o", full, "--tables", "findings")
    run("score", corpus / "group1", "--format", "parquet", "-o", out, "--tables", "findings")
    grown = run("score", corpus / "group1", corpus / "group2", "--format", "parquet", "-o", out, "--tables", "findings", "--resume")
    assert grown.exit_code == 0 and f"skipped (already done) {len(list((corpus / 'group1').glob('*.md')))}" in grown.stderr
    for suffix in ("", ".findings"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"grown{suffix}.parquet"), pd.read_parquet(tmp_path / f"full{suffix}.parquet"))


def test_resume_refuses_a_finished_output_it_cannot_extend_faithfully(corpus, tmp_path):
    """Old and new rows must come from the same settings, tables and untouched files; else a
    one-line error and exit 2, and the output is left as it was."""
    out = tmp_path / "a.csv"
    run("score", corpus / "group1", "--format", "csv", "-o", out)
    before = out.read_bytes()
    cases = [
        (("--no-model",), "other settings (model)"),
        (("--syntax", "plain"), "other settings (syntax)"),
        (("--tables", "findings"), "has no findings table"),
    ]
    for extra, message in cases:
        result = run("score", corpus, "--format", "csv", "-o", out, "--resume", *extra)
        assert result.exit_code == ExitStatus.USAGE, extra
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert out.read_bytes() == before
    out.write_bytes(before.replace(b"\n", b"\r\n", 1))  # edited by hand after the run
    result = run("score", corpus, "--format", "csv", "-o", out, "--resume")
    assert result.exit_code == ExitStatus.USAGE and "changed since the run" in result.stderr
    (tmp_path / "a.csv.manifest.json").unlink()
    result = run("score", corpus, "--format", "csv", "-o", out, "--resume")
    assert result.exit_code == ExitStatus.USAGE and "a.csv.manifest.json is missing" in result.stderr


def test_resume_of_a_finished_jsonl_output_checks_its_settings_too(corpus, tmp_path):
    out = tmp_path / "r.jsonl"
    run("score", corpus / "group1", "--format", "jsonl", "-o", out)
    refused = run("score", corpus, "--format", "jsonl", "-o", out, "--resume", "--no-model")
    assert refused.exit_code == ExitStatus.USAGE and "other settings (model)" in refused.stderr
    kept = run("score", corpus / "group1", corpus / "group2", "--format", "jsonl", "-o", out, "--resume")
    assert kept.exit_code == 0 and f"skipped (already done) {len(list((corpus / 'group1').glob('*.md')))}" in kept.stderr


def test_resume_reads_back_cells_longer_than_csvs_default_limit(tmp_path):
    """csv refuses fields over 128 kB unless told otherwise; a finished output with a very long
    title must still be kept by --resume."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("# " + "Long title word " * 12_000 + "\n\nCritics slammed the plan.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Short\n\nSome observers said it might fail.\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    assert run("score", folder / "a.md", "--format", "csv", "-o", out).exit_code == 0
    before = csv.field_size_limit(131_072)  # csv's default, whatever earlier tests set
    try:
        result = run("score", folder, "--format", "csv", "-o", out, "--resume")
    finally:
        csv.field_size_limit(max(before, 1 << 30))
    assert result.exit_code == 0 and "scored 1, failed 0, skipped (already done) 1" in result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [len(r["title"]) > 131_072 for r in rows] == [True, False]
