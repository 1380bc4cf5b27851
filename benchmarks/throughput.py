"""Throughput of framing against its peers, measured as ratios in one run.

    python benchmarks/throughput.py [--data ../shared/data/bbc] [--limit N] [--scale 10] [--skip-parallel] [--skip-memory]

Times, on the same decoded articles and in the same process: a floor (lower-case and split
words), VADER sentiment per sentence, textstat's Flesch, Gunning fog, SMOG and Dale-Chall per
article, and framing's full analysis (everything `framing score` computes, down to the JSON
dict). Then a corpus run on a ``--scale`` times larger corpus with --jobs 1 and --jobs 2, and
the peak memory of corpus runs on the 1x and the 10x corpus (separate processes).
Skips cleanly when the BBC corpus is absent. Needs ``pip install vaderSentiment`` for VADER.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load(data: Path, limit: int | None) -> list[tuple[str, str]]:
    files = sorted(data.rglob("*.txt"))
    if limit:
        files = files[:limit]
    return [(str(f), f.read_bytes().decode("utf-8", errors="replace")) for f in files]


def timed(label: str, fn, texts: list[str], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for x in texts:
            fn(x)
        best = min(best, time.perf_counter() - t)
    rate = len(texts) / best
    print(f"  {label:<34} {rate:9.1f} articles/s  ({best:.2f} s)")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--skip-parallel", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"skipped: no corpus at {args.data}")
        return
    docs = load(args.data, args.limit)
    texts = [t for _, t in docs]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {len(texts)} articles from {args.data}")

    from framing.corpus import settle
    from framing.pipeline import Analyzer

    analyzer = Analyzer()
    analyzer.score_text(texts[0]).to_dict()  # load lazily built data (dictionaries, caches) before timing
    rules_only = Analyzer(analyzer.lexicon, model=False).load_all()
    settle(analyzer)  # as `framing score` readies its process for a corpus run (framing.corpus.settle)

    import textstat

    def readability4(x: str) -> None:
        textstat.flesch_reading_ease(x)
        textstat.gunning_fog(x)
        textstat.smog_index(x)
        textstat.dale_chall_readability_score(x)

    rates = {}
    print("one process, one core:")
    rates["floor"] = timed("floor (lower + split)", lambda x: x.lower().split(), texts, repeat=3)
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vader = SentimentIntensityAnalyzer()
        rates["vader"] = timed("VADER per sentence", lambda x: [vader.polarity_scores(s) for s in _SENTENCE.split(x)], texts)
    except ImportError:
        print("  VADER: not installed (pip install vaderSentiment)")
    # textstat caches results per text: time it on a first pass only
    rates["textstat"] = timed("textstat: 4 readability indices", readability4, texts)
    rates["framing"] = timed("framing: full analysis", lambda x: analyzer.score_text(x).to_dict(), texts)
    rates["rules"] = timed("framing --no-model (no classifier)", lambda x: rules_only.score_text(x).to_dict(), texts)
    print("ratios:")
    print(f"  framing / textstat = {rates['framing'] / rates['textstat']:.2f}  (target >= 1.0)")
    if "vader" in rates:
        print(f"  framing / VADER    = {rates['framing'] / rates['vader']:.2f}  (target >= 0.5)")
        print(f"  VADER / textstat   = {rates['vader'] / rates['textstat']:.2f}")
    print(f"  framing --no-model / textstat = {rates['rules'] / rates['textstat']:.2f}")
    print(f"  framing / floor    = {rates['framing'] / rates['floor']:.4f}")

    if not args.skip_parallel or not args.skip_memory:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "corpus"
            for k in range(args.scale):
                for i, (path, text) in enumerate(docs):
                    d = big / f"copy{k:02d}"
                    d.mkdir(parents=True, exist_ok=True)
                    (d / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            small = big / "copy00"
            if not args.skip_parallel:
                print(f"corpus run on {args.scale}x ({len(docs) * args.scale} articles), CSV output:")
                secs = {}
                for jobs in (1, 2):
                    out = Path(tmp) / f"out{jobs}.csv"
                    t = time.perf_counter()
                    subprocess.run([sys.executable, "-m", "framing", "score", str(big), "--format", "csv", "-o", str(out), "--jobs", str(jobs), "--no-progress"], check=False, stderr=subprocess.DEVNULL)
                    secs[jobs] = time.perf_counter() - t
                    print(f"  --jobs {jobs}: {len(docs) * args.scale / secs[jobs]:.1f} articles/s ({secs[jobs]:.1f} s)")
                print(f"  speed-up with 2 processes: {secs[1] / secs[2]:.2f}  (target >= 1.7)")
            if not args.skip_memory:
                print("peak memory of a corpus run (--jobs 1, max RSS of the process):")
                peaks = {}
                for label, folder in (("1x", small), (f"{args.scale}x", big)):
                    out = Path(tmp) / f"mem{label}.csv"
                    # VmHWM, the peak of this program alone: ru_maxrss would also count the pages the
                    # child shared with this (large) benchmark process between fork and exec
                    code = (
                        "import resource, sys; from framing.cli import main\n"
                        "try:\n    main()\nexcept SystemExit:\n    pass\n"
                        "try:\n"
                        "    peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
                        "except OSError:\n"
                        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                        "print(peak, file=sys.stderr)"
                    )
                    r = subprocess.run([sys.executable, "-c", code, "score", str(folder), "--format", "csv", "-o", str(out), "--jobs", "1", "--no-progress"], capture_output=True, text=True)
                    peaks[label] = int(r.stderr.strip().splitlines()[-1]) / 1024
                    print(f"  {label}: {peaks[label]:.0f} MB")
                a, b = peaks.values()
                print(f"  growth {args.scale}x vs 1x: {100 * (b - a) / a:+.1f} %  (target within 10 %)")


if __name__ == "__main__":
    main()
