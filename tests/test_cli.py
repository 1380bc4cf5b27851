"""The command line: formats, several inputs, standard input, errors and exit codes."""
import json

import click
import pytest

from framing.cli import ExitStatus, main

from .conftest import OPINION, SEED, WIRE


def test_text_report_is_plain_when_not_a_terminal(run):
    result = run("score", OPINION)
    assert result.exit_code == ExitStatus.OK
    assert "Loaded terms" in result.stdout and "Who speaks" in result.stdout
    assert "\033[" not in result.stdout


def test_colour_on_request(run):
    assert "\033[" in run("score", OPINION, "--colour").stdout


def test_json_one_object_per_line(run):
    result = run("score", WIRE, OPINION, "--format", "json")
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    reports = [json.loads(line) for line in lines]
    assert [r["article"]["path"] for r in reports] == [str(WIRE), str(OPINION)]
    assert all(r["schema"] == "framing.report/1" for r in reports)


def test_markdown_format(run):
    out = run("score", SEED, "--format", "markdown").stdout
    assert out.startswith("# framing report:")
    assert "| kind | count | per 1,000 words |" in out


def test_stdin(run):
    result = run("score", "-", "--format", "json", input="Critics slammed the so-called plan.\n")
    report = json.loads(result.stdout)
    assert {f["text"] for f in report["findings"]} >= {"slammed", "so-called"}


def test_output_file(run, tmp_path):
    out = tmp_path / "r.json"
    result = run("score", WIRE, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["article"]["title"]


def test_folder_is_walked(run):
    result = run("score", SEED.parent, "--format", "json")
    paths = [json.loads(line)["article"]["path"] for line in result.stdout.splitlines()]
    assert str(SEED) in paths and str(WIRE) in paths and len(paths) >= 3


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"   \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
        ("café olé".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_files_give_one_line_and_exit_1_but_others_are_scored(run, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("score", bad, WIRE, "--format", "json")
    assert result.exit_code == ExitStatus.INPUT_ERROR
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("framing: error: ") and message in err[0]
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["article"]["path"] == str(WIRE)


def test_missing_file_and_directory_output(run, tmp_path):
    result = run("score", tmp_path / "nope.md")
    assert result.exit_code == ExitStatus.INPUT_ERROR
    assert "no such file" in result.stderr
    result = run("score", WIRE, "-o", tmp_path)
    assert result.exit_code != 0


def test_size_limit_names_the_option(run, tmp_path):
    big = tmp_path / "big.md"
    big.write_text("word " * 1000)
    result = run("score", big, "--max-bytes", "100")
    assert result.exit_code == ExitStatus.INPUT_ERROR
    assert "over the limit of 100" in result.stderr and "--max-bytes" in result.stderr


def test_utf8_bom_and_utf16_are_read(run, tmp_path):
    text = "Critics slammed the plan.\n"
    for name, data in [("bom.txt", b"\xef\xbb\xbf" + text.encode()), ("u16.txt", text.encode("utf-16"))]:
        p = tmp_path / name
        p.write_bytes(data)
        report = json.loads(run("score", p, "--format", "json").stdout)
        assert report["text"].startswith("Critics")


def test_malformed_user_lexicon_exits_3(run, tmp_path):
    (tmp_path / "loaded").mkdir()
    (tmp_path / "loaded" / "x.tsv").write_text("term\tcategory\tweight\tnote\tsource\nslam\tx\tbig\tn\tme\n")
    result = run("score", WIRE, "--lexicon", tmp_path)
    assert result.exit_code == ExitStatus.CONFIG_ERROR
    assert "x.tsv:2: weight 'big' is not a number" in result.stderr


def test_every_command_has_help(run):
    def walk(cmd, path):
        yield path, cmd
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                yield from walk(sub, path + [name])

    for path, cmd in walk(main, []):
        assert cmd.help, f"{' '.join(path) or 'framing'} has no help text"
        assert run(*path, "--help").exit_code == 0


def test_sides_file_counts_quotes_per_side(run, tmp_path):
    sides = tmp_path / "sides.tsv"
    sides.write_text("name\tside\nMartin Hale\tcompany\nRosa Linden\tunion\n", encoding="utf-8")
    result = run("score", str(WIRE), "--format", "json", "--sides", str(sides), "--no-model")
    assert result.exit_code == 0, result.output
    per_side = json.loads(result.stdout.splitlines()[0])["scores"]["sourcing"]["sides"]
    assert set(per_side) == {"company", "union"}
    # Hale is quoted directly ("Replacement of the valve ...," Hale said); Linden is paraphrased first
    assert per_side["company"]["quotes"] >= 1 and per_side["company"]["attributions"] >= 2
    assert per_side["union"]["attributions"] >= 1


def test_bad_sides_file_is_one_line_and_exit_2(run, tmp_path):
    bad = tmp_path / "sides.tsv"
    bad.write_text("name\tside\nMartin Hale\n", encoding="utf-8")
    for path in (str(bad), str(tmp_path / "missing.tsv")):
        result = run("score", str(WIRE), "--sides", path)
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr.count("\n") == 1 and "--sides" in result.stderr


def test_corpus_rows_follow_no_model_and_sides(run, tmp_path):
    sides = tmp_path / "sides.tsv"
    sides.write_text("Martin Hale\tcompany\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("score", str(WIRE), str(OPINION), "--format", "jsonl", "-o", str(out), "--no-model", "--sides", str(sides), "--jobs", "1")
    assert result.exit_code == 0, result.output
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(reports) == 2
    assert all(r["scores"]["classifier"] is None for r in reports)
    assert all(s["score"] is None for r in reports for s in r["sentences"])
    assert all(set(r["scores"]["sourcing"]["sides"]) == {"company"} for r in reports)


def test_command_line_scores_without_nltks_optional_bridges(tmp_path):
    """``framing score`` starts without scikit-learn, SciPy's statistics and pandas (NLTK's
    ``__init__`` would import them; scoring needs none), gives the same report as the
    library, and leaves scikit-learn importable for whoever needs it afterwards."""
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from framing.cli import main\n"
        "try:\n"
        f"    main(['score', {str(SEED)!r}, '--format', 'json', '-o', {str(tmp_path / 'cli.json')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in ('sklearn', 'scipy.stats', 'pandas') if m in sys.modules]\n"
        "import sklearn.linear_model\n"
        "from nltk.stem.porter import PorterStemmer\n"
        "print(json.dumps({'loaded': loaded, 'stem': PorterStemmer().stem('slammed')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout.strip().splitlines()[-1])
    assert facts == {"loaded": [], "stem": "slam"}
    import framing

    cli_report = json.loads((tmp_path / "cli.json").read_text())
    library_report = framing.score(SEED).to_dict()
    assert cli_report["findings"] == library_report["findings"]
    assert cli_report["sentences"] == library_report["sentences"]
