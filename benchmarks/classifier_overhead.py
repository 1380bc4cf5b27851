"""What the sentence classifier adds to the time of scoring an article, measured in one run.

    python benchmarks/classifier_overhead.py [--data ../shared/data/bbc] [--limit N] [--repeat 3]

For each article (the BBC corpus where present, else the bundled seeds): the time of
``Analyzer(model=False).score_text`` (lexicons and rules only), then of
``SentenceScorer.score(article, findings)`` (both heads, reusing the report's findings) and
of ``SentenceScorer.summary`` (which explains the five highest sentences), and finally of
``Analyzer().score_text`` (what ``framing score`` runs: everything). Articles are
interleaved so load on the machine hits all alike; each figure is the best of
``--repeat`` passes over the corpus. Prints the ratios and the time per scored sentence.
One process, one core.
"""
from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from framing.classifier import SentenceScorer
from framing.pipeline import Analyzer

ROOT = Path(__file__).resolve().parents[1]


def load(data: Path, limit: int | None) -> list[tuple[str, str]]:
    if data.is_dir():
        files = sorted(data.rglob("*.txt"))
        syntax = "plain"
    else:
        files = sorted((ROOT / "seeds").glob("*.md"))
        files = [f for f in files if f.name != "README.md"]
        syntax = "markdown"
    files = files[:limit] if limit else files
    return [(f.read_bytes().decode("utf-8", errors="replace"), syntax) for f in files]


def one_pass(articles, analyzer, scorer, full) -> tuple[float, float, float, int, float]:
    t_analyze = t_score = t_summary = t_full = 0.0
    sentences = 0
    for raw, syntax in articles:
        t0 = time.perf_counter()
        report = analyzer.score_text(raw, syntax=syntax)
        t1 = time.perf_counter()
        scores = scorer.score(report.article, report.findings)
        t2 = time.perf_counter()
        scorer.summary(report.article, scores)
        t3 = time.perf_counter()
        full.score_text(raw, syntax=syntax)
        t4 = time.perf_counter()
        t_analyze += t1 - t0
        t_score += t2 - t1
        t_summary += t3 - t2
        t_full += t4 - t3
        sentences += len(scores.scored())
    return t_analyze, t_score, t_summary, sentences, t_full


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    articles = load(args.data, args.limit)
    analyzer = Analyzer(model=False)
    full = Analyzer(analyzer.lexicon)
    t = time.perf_counter()
    scorer = SentenceScorer.load(lexicon=analyzer.lexicon, matcher=analyzer.matcher)
    load_ms = (time.perf_counter() - t) * 1000
    first = one_pass(articles[:1], analyzer, scorer, full)  # the first article fills no cache yet
    runs = [one_pass(articles, analyzer, scorer, full) for _ in range(args.repeat)]
    analyze, score, summary, sentences, _ = min(runs, key=lambda r: r[0] + r[1] + r[2])
    end_to_end = min(r[4] for r in runs)
    lexicons_only = min(r[0] for r in runs)
    source = args.data if args.data.is_dir() else ROOT / "seeds"
    print(f"corpus: {source} ({len(articles)} articles, {sentences} title and body sentences)")
    print(f"python {platform.python_version()}, {platform.machine()}; best of {args.repeat} passes")
    print(f"model load (hash check included): {load_ms:.1f} ms")
    print(f"Analyzer(model=False):    {analyze:8.3f} s  {analyze / sentences * 1e6:7.1f} us/sentence")
    print(f"SentenceScorer.score:     {score:8.3f} s  {score / sentences * 1e6:7.1f} us/sentence  ratio {score / analyze:6.1%}")
    print(f"  + summary (explained):  {summary:8.3f} s  {summary / len(articles) * 1e3:7.2f} ms/article  ratio {(score + summary) / analyze:6.1%}")
    print(f"Analyzer() end to end:    {end_to_end:8.3f} s  vs lexicons only {lexicons_only:.3f} s: {end_to_end / lexicons_only - 1:+6.1%}")
    print(f"first article, cold caches: score {first[1] * 1e3:.1f} ms for {first[3]} sentences vs analysis {first[0] * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
