"""`framing lexicon lint | explain | import-dic`."""
from click.testing import CliRunner

from framing.cli import main

DIC = """%
1\tcare.virtue
2\tharm.vice
%
safe*\t1
protect\t1
kill*\t2
war crime\t2
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_lint_shipped_lexicons_ok():
    result = run("lexicon", "lint")
    assert result.exit_code == 0, result.stdout


def test_lint_reports_problems_with_file_and_line(tmp_path):
    (tmp_path / "loaded").mkdir()
    (tmp_path / "loaded" / "x.tsv").write_text("term\tcategory\tweight\tnote\tsource\nslam\tx\t0.5\tn\tnobody\n")
    result = run("lexicon", "lint", tmp_path)
    assert result.exit_code == 1
    assert "x.tsv:2: source 'nobody' is not defined" in result.stdout


def test_explain_shows_entry_and_reason():
    result = run("lexicon", "explain", "slammed")
    assert result.exit_code == 0
    assert "'slammed' <- " in result.stdout and "sensational_verb" in result.stdout and "why:" in result.stdout


def test_import_dic_round_trip(tmp_path):
    dic = tmp_path / "mfd.dic"
    dic.write_text(DIC)
    out = tmp_path / "mfd"
    result = run("lexicon", "import-dic", dic, "-o", out, "--citation", "Graham et al. 2009")
    assert result.exit_code == 0, result.stderr
    assert "care_virtue: 2 entries" in result.stdout and "harm_vice: 2 entries" in result.stdout
    assert run("lexicon", "lint", out).exit_code == 0
    doc = tmp_path / "a.md"
    doc.write_text("They killed to protect the town, a war crime.\n")
    import json

    report = json.loads(run("score", doc, "--format", "json", "--lexicon", out).stdout)
    cats = {(f["text"], f["category"]) for f in report["findings"]}
    assert ("killed", "harm_vice") in cats and ("protect", "care_virtue") in cats and ("war crime", "harm_vice") in cats
