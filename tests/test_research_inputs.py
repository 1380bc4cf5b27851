"""Researchers' inputs: saved HTML pages and corpus tables (CSV, JSONL, Parquet) with metadata."""
import csv
import json
import shutil
import sys

import pytest
from click.testing import CliRunner

from framing.cli import ExitStatus, main

from .conftest import OPINION, ROOT, SEED, WIRE

PAGE = ROOT / "tests" / "data" / "page.html"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_html_page_gives_text_title_byline_and_date(tmp_path):
    pytest.importorskip("trafilatura")
    result = run("score", PAGE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["article"]["title"] == "Council delays vote on plant & port"
    assert report["article"]["byline"] == "Jane Doe" and report["article"]["date"] == "2025-03-20"
    assert report["article"]["outlet"] == "The Harbour Paper"
    assert "Subscribe" not in report["text"] and "var slammed" not in report["text"]
    assert {"slammed", "so-called", "some observers", "conceded"} <= {f["text"] for f in report["findings"]}


def test_html_is_sniffed_without_the_suffix(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "saved.txt"
    shutil.copy(PAGE, page)
    report = json.loads(run("score", page, "--format", "json").stdout)
    assert report["article"]["title"] == "Council delays vote on plant & port"


def test_html_without_trafilatura_is_one_clear_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    result = run("score", PAGE)
    assert result.exit_code == ExitStatus.INPUT_ERROR
    assert result.stderr.strip().splitlines() == ["framing: error: reading HTML needs trafilatura: pip install 'framing[html]'"]


@pytest.fixture(scope="module")
def table_rows():
    rows = []
    for i, path in enumerate((WIRE, OPINION, SEED, WIRE)):
        rows.append({"id": f"n{i}", "outlet": f"Outlet {i % 2}", "date": f"2025-03-2{i}", "url": f"https://example.org/{i}",
                     "body": path.read_text(encoding="utf-8"), "section": "news" if i % 2 else "opinion"})
    rows.append({"id": "blank", "outlet": "Outlet 9", "date": "", "url": "", "body": "  ", "section": "news"})
    return rows


def _write(tmp_path, rows, fmt):
    path = tmp_path / f"corpus.{fmt}"
    if fmt == "csv":
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        pd = pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
        pd.DataFrame(rows).to_parquet(path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_corpus_table_rows_carry_their_metadata(tmp_path, table_rows, fmt):
    table = _write(tmp_path, table_rows, fmt)
    out = tmp_path / "reports.jsonl"
    result = run("score", table, "--text-column", "body", "--id-column", "id", "--format", "jsonl", "-o", out)
    assert result.exit_code == ExitStatus.INPUT_ERROR  # the blank row
    assert f"{table}#blank: is empty" in result.stderr and "scored 4, failed 1" in result.stderr
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["path"] for r in reports] == [f"{table}#n{i}" for i in range(4)]
    first = reports[0]
    assert first["input"] == {"file": str(table), "row": 1, "id": "n0",
                              "metadata": {"id": "n0", "outlet": "Outlet 0", "date": "2025-03-20", "url": "https://example.org/0", "section": "opinion"}}
    assert first["article"]["outlet"] == "Outlet 0" and first["article"]["title"].startswith("Regulator finds valve")
    assert first["findings"] and first["findings"][0]["input_start"] is not None


def test_csv_table_to_article_rows_in_parallel_equals_serial(tmp_path, table_rows):
    table = _write(tmp_path, table_rows, "csv")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    run("score", table, "--text-column", "body", "--id-column", "id", "--format", "csv", "-o", one, "--jobs", "1", "--tables", "findings")
    run("score", table, "--text-column", "body", "--id-column", "id", "--format", "csv", "-o", two, "--jobs", "2", "--tables", "findings")
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "one.findings.csv").read_bytes() == (tmp_path / "two.findings.csv").read_bytes()
    rows = list(csv.DictReader(one.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["n0", "n1", "n2", "n3"]
    assert list(rows[0])[:3] == ["path", "id", "section"]  # the table's own columns come first
    assert rows[1]["outlet"] == "Outlet 1" and rows[1]["section"] == "news"


def test_rows_without_an_id_column_are_numbered(tmp_path, table_rows):
    table = _write(tmp_path, table_rows[:2], "jsonl")
    out = tmp_path / "r.jsonl"
    assert run("score", table, "--text-column", "body", "--format", "jsonl", "-o", out).exit_code == 0
    assert [json.loads(l)["article"]["path"] for l in out.read_text().splitlines()] == [f"{table}#1", f"{table}#2"]


def test_table_errors_are_one_line(tmp_path, table_rows):
    table = _write(tmp_path, table_rows[:2] + table_rows[:1], "csv")
    result = run("score", table, "--text-column", "body", "--id-column", "id", "--format", "csv", "-o", tmp_path / "o.csv")
    assert result.exit_code == ExitStatus.INPUT_ERROR and "id 'n0' appears in rows 1 and 3" in result.stderr
    result = run("score", table, "--text-column", "text", "--format", "csv", "-o", tmp_path / "o.csv")
    assert "no column 'text' (columns: id, outlet, date, url, body, section)" in result.stderr
    result = run("score", table, "--text-column", "body")
    assert result.exit_code == ExitStatus.USAGE and "--format jsonl, csv or parquet" in result.stderr
