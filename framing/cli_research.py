"""Researchers' commands: ``export``, ``agree``, ``codebook``, ``cite`` and ``rerun``.

``framing.cli`` registers ``RESEARCH_COMMANDS`` on the ``framing`` group. Results go to
standard output (or ``-o``), messages to standard error; exit status as ``framing.cli.ExitStatus``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .writers import write_or_echo
from .lexicon import LexiconError, load_lexicon

INPUT_ERROR, USAGE, CONFIG_ERROR = 1, 2, 3


def _fail(message: str, status: int) -> None:
    click.echo(f"framing: error: {message}", err=True)
    sys.exit(status)


def _lexicon(folders: tuple[str, ...]):
    try:
        return load_lexicon(*(Path(p) for p in folders))
    except LexiconError as e:
        _fail(str(e), CONFIG_ERROR)


_lexicon_option = click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False),
                               help="A lexicon folder to add to (or override) the shipped lexicons. Repeatable.")


@click.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_DIR_OR_GLOB...")
@click.option("--to", "fmt", type=click.Choice(["label-studio", "doccano", "brat", "inception"]), required=True,
              help="The annotation tool: Label Studio, doccano, brat, or INCEpTION/WebAnno (WebAnno TSV 3.3).")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False), help="Folder to write (created if needed).")
@click.option("--kinds", default="", help="Only these kinds of finding, comma-separated (e.g. loaded,hedge,weasel).")
@click.option("--syntax", type=click.Choice(["auto", "markdown", "plain", "html"]), default=None, help="How to read the inputs (as framing score).")
@_lexicon_option
def export_command(inputs: tuple[str, ...], fmt: str, output: str, kinds: str, syntax: Optional[str], lexicons: tuple[str, ...]) -> None:
    """Write framing's findings as pre-annotations for coders to correct, with the category set
    as the labelling scheme; also framing.jsonl (framing's coding, for `framing agree`) and
    sentences.csv (a sheet for coding whole sentences)."""
    from .annotations import label_order
    from .corpus import expand_inputs
    from .export import export
    from .inputs import InputError, read_path, syntax_for
    from .model import KINDS
    from .pipeline import Analyzer

    wanted = [k.strip() for k in kinds.split(",") if k.strip()]
    bad = [k for k in wanted if k not in KINDS]
    if bad:
        _fail(f"--kinds: unknown kind(s) {', '.join(bad)} (use {', '.join(KINDS)})", USAGE)
    lexicon = _lexicon(lexicons)
    analyzer = Analyzer(lexicon)
    reports, failed = [], 0
    for path in expand_inputs(inputs):
        try:
            report = analyzer.score_text(read_path(path), path=path, syntax=syntax or syntax_for(path)).to_dict()
        except InputError as e:
            click.echo(f"framing: error: {e}", err=True)
            failed += 1
            continue
        if wanted:
            report["findings"] = [f for f in report["findings"] if f["kind"] in wanted]
        reports.append(report)
    if not reports:
        _fail("nothing to export", INPUT_ERROR)
    labels = [l for l in label_order(lexicon) if not wanted or l.split("/", 1)[0] in wanted]
    try:
        files = export(reports, fmt, Path(output), lexicon, labels, f"framing {__version__}, lexicons {lexicon.version}")
    except ValueError as e:
        _fail(str(e), USAGE)
    spans = sum(len(r["findings"]) for r in reports)
    click.echo(f"framing: wrote {len(reports)} document(s), {spans} pre-annotation(s), {len(labels)} label(s) for {fmt} to {output} "
               f"({len(files)} files)", err=True)
    sys.exit(INPUT_ERROR if failed else 0)


@click.command("agree")
@click.argument("inputs", nargs=-1, required=True, metavar="ANNOTATIONS...")
@click.option("--against", "reference", default="framing", show_default=True, metavar="framing|CODER",
              help="The coder everyone else is compared with; the others are also compared with one another.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="A table per category (text), everything (json), or one row per category and pair (csv).")
@click.option("--pairs", is_flag=True, help="Text: also show every pair of coders, per category.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of standard output.")
@_lexicon_option
def agree_command(inputs: tuple[str, ...], reference: str, fmt: str, pairs: bool, output: Optional[str], lexicons: tuple[str, ...]) -> None:
    """Agreement per category between coders and framing: span precision, recall and F1 (exact and
    overlap), sentence agreement, Cohen's kappa, Krippendorff's alpha.

    ANNOTATIONS: Label Studio JSON exports, doccano JSONL, brat folders or .ann files, WebAnno
    TSV 3 files or folders (INCEpTION), CSV/JSONL of spans (doc,start,end,label[,coder]) or of
    sentence codes (doc,sentence,label[,coder]), and framing's own framing.jsonl (the coder
    "framing", and the sentence boundaries), as written by `framing export`.
    """
    from .agreement import agreement, format_agreement, pair_rows
    from .annotation_readers import AnnotationError, read_annotations, webanno_to_characters
    from .annotations import Document, label_order

    known_labels = label_order(_lexicon(lexicons))
    codings, documents = [], {}
    for item in inputs:
        try:
            found, docs = read_annotations(Path(item), set(known_labels))
        except (AnnotationError, OSError) as e:
            _fail(str(e), INPUT_ERROR)
        codings += found
        documents.update(docs)
    names: dict[str, int] = {}
    for c in codings:  # two files of one name in different folders: keep both coders apart
        names[c.coder] = names.get(c.coder, 0) + 1
        if names[c.coder] > 1:
            c.coder = f"{c.coder}-{names[c.coder]}"
    if not documents:
        texts = {d: t for c in codings for d, t in c.texts.items()}
        click.echo("framing: note: no framing.jsonl given, so sentence boundaries are unknown: sentence-level "
                   "agreement, kappa and alpha are left out", err=True)
        documents_for_units: dict[str, Document] = {}
        documents_text = {d: Document(d, t, (), ()) for d, t in texts.items()}
    else:
        documents_for_units = documents
        documents_text = documents
    for c in codings:
        if c.utf16:
            webanno_to_characters(c, documents_text)
        for doc, text in c.texts.items():
            if doc in documents and documents[doc].text != text:
                click.echo(f"framing: warning: {c.coder}: the text of {doc!r} differs from framing's; offsets may not line up", err=True)
    if reference == "framing" and "framing" not in {c.coder for c in codings}:
        _fail("--against framing needs framing's coding: add the framing.jsonl that `framing export` wrote "
              "(or `framing score FILES --format jsonl -o framing.jsonl`), or name a coder with --against", USAGE)
    try:
        result = agreement(codings, documents_for_units, reference, known_labels)
    except ValueError as e:
        _fail(str(e), USAGE)
    if fmt == "json":
        write_or_echo(output, json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        rows = pair_rows(result)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["label"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        write_or_echo(output, buf.getvalue())
    else:
        write_or_echo(output, format_agreement(result, pairs=pairs))


@click.command("codebook")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "html"]), default="markdown", show_default=True)
@click.option("--examples", type=click.IntRange(min=1), default=None, help="List at most this many entries per category (heaviest first).")
@_lexicon_option
def codebook_command(output: Optional[str], fmt: str, examples: Optional[int], lexicons: tuple[str, ...]) -> None:
    """A codebook for human coders: every category's definition, its entries with their notes and
    neutral alternatives, and the decision rules of the lexicons."""
    from .codebook import codebook_html, codebook_markdown

    lexicon = _lexicon(lexicons)
    write_or_echo(output, codebook_html(lexicon, examples) if fmt == "html" else codebook_markdown(lexicon, examples))


@click.command("cite")
@click.option("--format", "fmt", type=click.Choice(["text", "bibtex", "json"]), default="text", show_default=True)
@_lexicon_option
def cite_command(fmt: str, lexicons: tuple[str, ...]) -> None:
    """How to cite this framing: the software version, the lexicon version and SHA-256, the
    sources of the lexicon entries, and the shipped model's training data."""
    from .citation import bibtex, citation, format_citation

    lexicon = _lexicon(lexicons)
    if fmt == "json":
        click.echo(json.dumps(citation(lexicon), ensure_ascii=False, indent=1))
    elif fmt == "bibtex":
        click.echo(bibtex(lexicon), nl=False)
    else:
        click.echo(format_citation(lexicon), nl=False)


@click.command("rerun")
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here instead of the original output.")
@click.option("--allow-changed", is_flag=True, help="Run even if inputs or lexicons changed since (the outputs will then differ).")
@click.pass_context
def rerun_command(ctx: click.Context, manifest: str, output: Optional[str], allow_changed: bool) -> None:
    """Score a corpus again from its OUT.manifest.json: the same inputs, options and lexicons.
    Inputs and lexicons are checked first; the new outputs are then compared with the old."""
    from .cli import score
    from .manifest import ManifestError, changed_inputs, compare_outputs, load_manifest

    target = Path(output).resolve() if output else None
    try:
        data = load_manifest(Path(manifest))
    except ManifestError as e:
        _fail(str(e), USAGE)
    if Path(data["cwd"]).is_dir():
        os.chdir(data["cwd"])  # inputs were given relative to it; reports name them as given
    options = data["options"]
    problems = changed_inputs(data)
    lexicon = _lexicon(tuple(options.get("lexicons") or ()))
    if lexicon.sha256 != data["lexicon_sha256"]:
        problems.append(f"lexicons: SHA-256 {lexicon.sha256[:12]}…, the run used {data['lexicon_sha256'][:12]}… (version {data['lexicon_version']})")
    if data["framing_version"] != __version__:
        problems.append(f"framing {__version__} is installed; the run used {data['framing_version']}")
    for p in problems:
        click.echo(f"framing: {'warning' if allow_changed else 'error'}: {p}", err=True)
    if problems and not allow_changed:
        _fail("not rerun: the outputs could not be the same (--allow-changed runs it anyway)", INPUT_ERROR)
    out = target or Path(data["output"])
    try:
        ctx.invoke(score, inputs=tuple(r["path"] for r in data["inputs"]), fmt=options["format"], output=str(out),
                   lexicons=tuple(options.get("lexicons") or ()), syntax=options.get("syntax"), max_bytes=options["max_bytes"],
                   colour=None, jobs=options.get("jobs"), resume=False, tables=",".join(options.get("tables") or ()),
                   progress=None, scheduler=None, text_column=options.get("text_column"), id_column=options.get("id_column"))
    except SystemExit as e:
        code = e.code or 0
    else:
        code = 0
    differences = compare_outputs(data, out)
    for d in differences:
        click.echo(f"framing: {d}", err=True)
    click.echo("framing: outputs " + ("differ from the original run" if differences else "are identical to the original run"), err=True)
    sys.exit(code or (INPUT_ERROR if differences else 0))


RESEARCH_COMMANDS = (export_command, agree_command, codebook_command, cite_command, rerun_command)
