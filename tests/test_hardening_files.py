"""Hostile files: each is refused with one clear line and a non-zero exit, without blocking;
in a corpus run, each is listed in the errors file and the other files are still scored."""
from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing.inputs as inputs
from framing.cli import ExitStatus, main
from framing.inputs import InputError, read_path

from .hostile import PROSE

GOOD = "# Harbour plan\n\nCritics slammed the so-called reform. Officials said it might fail.\n"


@contextmanager
def no_hang(seconds: int = 10):
    """Fail, rather than wait for ever, if the block blocks (on a FIFO, say)."""
    def stop(*_):
        raise TimeoutError(f"blocked for {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def score(*args, input=None):
    with no_hang():
        return CliRunner().invoke(main, ["score", *map(str, args)], input=input, catch_exceptions=False)


def one_error(result) -> str:
    assert result.exit_code == ExitStatus.INPUT_ERROR, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("framing: error:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture()
def hostile_files(tmp_path) -> dict[str, Path]:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder.md").mkdir()
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "big.md").write_text(PROSE * 100, encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 50)
    (tmp_path / "empty.md").write_bytes(b"")
    return {p.name: p for p in tmp_path.iterdir()}


@pytest.mark.parametrize(
    "name, message",
    [
        ("missing.md", "no such file"),
        ("folder.md", "folder holds no .md"),  # a folder is walked for articles
        ("loop.md", "symbolic link loop"),
        ("dangling.md", "no such file"),
        ("pipe.md", "is a named pipe (FIFO)"),
        ("binary.md", "looks like a binary file"),
        ("empty.md", "is empty"),
    ],
)
def test_bad_file_gives_one_clear_line(hostile_files, name, message):
    path = hostile_files.get(name, next(iter(hostile_files.values())).parent / name)
    line = one_error(score(path))
    assert line.startswith(f"framing: error: {path}: ") and message in line


def test_library_refuses_a_directory(hostile_files):
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_path(hostile_files["folder.md"])


def test_device_is_refused_without_reading_it():
    assert "is a device" in one_error(score("/dev/zero"))


def test_file_over_the_limit_names_the_limit_and_the_option(hostile_files):
    line = one_error(score(hostile_files["big.md"], "--max-bytes", "1000"))
    assert "over the limit of 1,000" in line and "--max-bytes" in line
    assert score(hostile_files["big.md"], "--max-bytes", "100000").exit_code == ExitStatus.OK


def test_standard_input_over_the_limit(hostile_files):
    line = one_error(score("-", "--max-bytes", "1000", input=PROSE * 100))
    assert "<stdin>: is over the limit of 1,000 bytes" in line and "--max-bytes" in line


def test_permission_denied(hostile_files, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs.os, "open", refuse)
    assert "permission denied" in one_error(score(hostile_files["good.md"]))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_for_real(hostile_files):
    path = hostile_files["good.md"]
    path.chmod(0)
    try:
        assert "permission denied" in one_error(score(path))
    finally:
        path.chmod(0o644)


def test_file_that_keeps_changing_while_read_is_refused(hostile_files, monkeypatch):
    path = hostile_files["good.md"]
    real_read = os.read

    def read_and_grow(fd, n):
        data = real_read(fd, n)
        if not data:  # at the end of every reading, something writes more
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(" More.")
        return data

    monkeypatch.setattr(inputs.os, "read", read_and_grow)
    with pytest.raises(InputError, match="changed while it was being read"):
        read_path(path)


def test_file_that_changed_once_is_read_again(hostile_files, monkeypatch):
    path = hostile_files["good.md"]
    real_read = os.read
    calls = []

    def read_and_grow_once(fd, n):
        data = real_read(fd, n)
        if not calls:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write("Appended line.\n")
        calls.append(n)
        return data

    monkeypatch.setattr(inputs.os, "read", read_and_grow_once)
    assert read_path(path).endswith("Appended line.\n")


def test_corpus_run_lists_every_bad_file_and_scores_the_rest(hostile_files, tmp_path):
    out = tmp_path / "out" / "scores.jsonl"
    out.parent.mkdir()
    result = score(tmp_path, tmp_path / "missing.md", "--format", "jsonl", "-o", out, "--jobs", "1", "--max-bytes", "3000")
    assert result.exit_code == ExitStatus.INPUT_ERROR
    assert "Traceback" not in result.stderr
    reports = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(r["article"]["path"]).name for r in reports] == ["good.md"]
    errors = dict(line.split("\t", 1) for line in (tmp_path / "out" / "scores.jsonl.errors.tsv").read_text().splitlines()[1:])
    reasons = {Path(p).name: e for p, e in errors.items()}
    assert set(reasons) == {"big.md", "binary.md", "dangling.md", "empty.md", "loop.md", "missing.md", "pipe.md"}
    assert "over the limit" in reasons["big.md"] and "named pipe" in reasons["pipe.md"] and "link loop" in reasons["loop.md"]
    assert "scored 1, failed 7" in result.stderr


def test_a_crash_on_one_file_does_not_stop_the_run(hostile_files, tmp_path, monkeypatch):
    """An unexpected error (a bug) on one article is reported like a bad input."""
    from framing import corpus

    real = corpus._analyzer(corpus.Options())

    class Flaky:
        def score_text(self, raw, **kw):
            if "slammed" in raw:
                raise RuntimeError("boom\nsecond line")
            return real.score_text(raw, **kw)

    monkeypatch.setattr(corpus, "_analyzer", lambda options: Flaky())
    (tmp_path / "other.md").write_text(PROSE.replace("slammed", "called"), encoding="utf-8")
    rec = corpus.score_file(str(hostile_files["good.md"]))
    assert "internal error (RuntimeError: boom second line)" in rec["error"]
    assert "report" in corpus.score_file(str(tmp_path / "other.md"))
