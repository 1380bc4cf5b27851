"""``framing lexicon ...``: check, explain and import lexicons."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from .context import LexiconMatcher
from .lexicon import LexiconError, load_lexicon
from .lint import entry_key, lint_folder
from .matcher import KeyedText
from .tokens import tokenize


@click.group()
def lexicon() -> None:
    """Check, explain and import lexicons."""


@lexicon.command()
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def lint(folder: Optional[Path]) -> None:
    """Check a lexicon folder (default: the shipped lexicons): header, fields, weights,
    duplicates after stemming, sources and categories defined, terms the tokenizer keeps."""
    problems = lint_folder(folder)
    for p in problems:
        click.echo(p)
    where = folder or "shipped lexicons"
    if problems:
        click.echo(f"framing: {len(problems)} problem(s) in {where}", err=True)
        sys.exit(1)
    click.echo(f"{where}: ok", err=True)


@lexicon.command()
@click.argument("term")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help="Extra lexicon folder(s).")
def explain(term: str, lexicons: tuple[Path, ...]) -> None:
    """Show which lexicon entries match TERM (a word or phrase) and why."""
    try:
        lex = load_lexicon(*lexicons)
    except LexiconError as e:
        click.echo(f"framing: error: {e}", err=True)
        sys.exit(3)
    matcher = LexiconMatcher(lex)
    keyed = KeyedText(term, tokenize(term))
    found = matcher.entries.find(keyed)
    if not found:
        click.echo(f"no entry matches {term!r}")
        return
    for m in found:
        e = m.item
        cat = lex.category(e.kind, e.category)
        click.echo(f"{term[m.start:m.end]!r} <- {e.term!r}  [{e.kind}/{e.category}{' - ' + cat.label if cat else ''}] weight {e.weight}")
        click.echo(f"    {e.origin}; matched by {e.match} (normal form {entry_key(e.term, e.match)!r})")
        if e.note:
            click.echo(f"    why: {e.note}")
        if e.alternative:
            click.echo(f"    neutral alternative: {e.alternative}")
        for rule in e.context:
            click.echo(f"    context rule: {rule.name}{':' + '|'.join(sorted(rule.words)) if rule.words else ''}")
        click.echo(f"    source: {e.source} ({lex.sources.get(e.source, {}).get('citation', 'not defined')})")


@lexicon.command("import-dic")
@click.argument("dic", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path), help="Lexicon folder to write.")
@click.option("--kind", default="loaded", show_default=True, type=click.Choice(["loaded", "hedge", "weasel", "booster"]))
@click.option("--weight", default=0.5, show_default=True, type=click.FloatRange(0, 1))
@click.option("--source", default="", help="Source id for every entry (default: from the file name).")
@click.option("--citation", default="", help="Citation for sources.tsv.")
def import_dic_command(dic: Path, output: Path, kind: str, weight: float, source: str, citation: str) -> None:
    """Import a LIWC/quanteda .dic dictionary (e.g. the Moral Foundations Dictionary) as a lexicon folder."""
    from .dic import import_dic

    try:
        counts = import_dic(dic, output, kind, weight, source, citation)
    except LexiconError as e:
        click.echo(f"framing: error: {e}", err=True)
        sys.exit(3)
    for cat, n in counts.items():
        click.echo(f"{cat}: {n} entries")
    click.echo(f"wrote {output}; use it with: framing score FILE --lexicon {output}", err=True)
