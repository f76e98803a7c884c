"""Throughput, load time and peak memory of the pipeline, for each segmenter.

Usage: python scripts/bench.py [--quick] [--json FILE] [--segmenters pkuseg jieba]
                               [--corpus FILE.jsonl] [--seeds DIR] [--repeats N] [--batch-size N]

Each segmenter is measured in a fresh process of its own, so that its load time and peak memory
are not another's. The process times ``nlp.load()``, then, on each corpus, runs four things in
turn, ``--repeats`` times (default 5): the bare tokenizer (spaCy's
ChineseTokenizer with the pipeline's own segmenter object, so the same model and dictionary),
the full pipeline (``nlp.pipe``), the full pipeline in two worker processes as
``python -m nlp.annotate --jobs 2`` runs it (nlp/parallel.py: the workers also render the JSON
lines, which the single-process figure leaves out) and spaCy's ``nlp.pipe(n_process=2)``
(which sends every Doc back to the parent). cps (characters per second) come from the best
time of each. The ratios between them are taken within each repeat, where the four ran seconds
apart, and the median over the repeats is reported: a machine whose speed drifts over minutes
(this one does) would otherwise pair times from a slow and a fast minute. ``--quick``
measures on the first 50,000 characters of each corpus, twice, in well under two minutes.

The printed table has a row per segmenter and corpus; ``--json FILE`` writes::

    {"pkuseg": {"bare_cps": …, "full_cps": …, "full_jobs2_cps": …, "pipe_jobs2_cps": …,
                "full_over_bare": …, "jobs2_over_full": …, "pipe_jobs2_over_full": …, "load_s": …,
                "peak_rss_mb": …, "import_s": …, "corpora": {"national_reports": {…}, "seeds": {…}}},
     "jieba": {…}}

where the top-level figures are those of the national reports and ``corpora`` holds every
corpus's (chars, docs, the four cps and the three ratios).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpora" / "national_reports_1954_1999.jsonl.gz"
DEFAULT_SEEDS = REPO / "seeds"
SEGMENTERS = ("pkuseg", "jieba")
QUICK_CHARS = 50_000
CPS_KEYS = ("bare_cps", "full_cps", "full_jobs2_cps", "pipe_jobs2_cps")
# Throughput ratios, each the median over the repeats of the ratio within one repeat: this
# machine's speed drifts over minutes, so the best times of two measures may come from
# different repeats, while the measures of one repeat ran within seconds of each other.
RATIOS = {
    "full_over_bare": ("full_cps", "bare_cps"),
    "jobs2_over_full": ("full_jobs2_cps", "full_cps"),
    "pipe_jobs2_over_full": ("pipe_jobs2_cps", "full_cps"),
}


def read_corpora(corpus: Path, seeds: Path, limit: int | None) -> dict[str, list[str]]:
    """The texts of each corpus by name, cut to ``limit`` characters in all when given."""
    # Read without importing nlp (nlp.corpus.read_documents), whose import time is measured.
    with (gzip.open if corpus.suffix == ".gz" else open)(corpus, "rt", encoding="utf-8") as handle:
        reports = [json.loads(line)["text"] for line in handle if line.strip()]
    seed_texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    corpora = {"national_reports": reports, "seeds": seed_texts}
    return {name: _head(texts, limit) for name, texts in corpora.items()} if limit else corpora


def _head(texts: list[str], limit: int) -> list[str]:
    """The first ``limit`` characters of the corpus, as whole texts and a cut last one."""
    kept, left = [], limit
    for text in texts:
        if left <= 0:
            break
        kept.append(text[:left])
        left -= len(kept[-1])
    return kept


def bare_tokenizer(pipeline):
    """spaCy's ChineseTokenizer sharing the pipeline tokenizer's segmenter object."""
    from spacy.lang.zh import ChineseTokenizer

    ours = pipeline.tokenizer
    bare = ChineseTokenizer(pipeline.vocab, segmenter=ours.segmenter)
    bare.pkuseg_seg, bare.jieba_seg = ours.pkuseg_seg, ours.jieba_seg
    return bare


def measure_corpus(pipeline, bare, texts: list[str], *, repeats: int, batch_size: int) -> dict:
    """Best-of-``repeats`` cps of the bare tokenizer, the pipeline, the annotate command's two
    workers and spaCy's two processes on ``texts``, measured interleaved, and the median
    ratios of RATIOS."""
    from nlp.output import JsonlWriter
    from nlp.parallel import render_texts

    def render(doc, index):
        return JsonlWriter.render(doc, f"{index}.txt")

    items = [(text, index) for index, text in enumerate(texts)]
    runs = {
        "bare_cps": lambda: deque(map(bare, texts), maxlen=0),
        "full_cps": lambda: deque(pipeline.pipe(texts, batch_size=batch_size), maxlen=0),
        "full_jobs2_cps": lambda: deque(render_texts(pipeline, items, render, jobs=2, batch_size=batch_size), maxlen=0),
        "pipe_jobs2_cps": lambda: deque(pipeline.pipe(texts, n_process=2, batch_size=batch_size), maxlen=0),
    }
    seconds: dict[str, list[float]] = {key: [] for key in runs}
    for _ in range(repeats):
        for key, run in runs.items():
            start = time.perf_counter()
            run()
            seconds[key].append(time.perf_counter() - start)
    chars = sum(map(len, texts))
    figures = {"chars": chars, "docs": len(texts), **{key: round(chars / min(seconds[key])) for key in runs}}
    for name, (faster, slower) in RATIOS.items():
        figures[name] = round(statistics.median(a / b for a, b in zip(seconds[slower], seconds[faster])), 3)
    return figures


def measure_segmenter(segmenter: str, corpora: dict[str, list[str]], *, repeats: int, batch_size: int) -> dict:
    """Import and load times, the cps on every corpus and the peak RSS of this process."""
    start = time.perf_counter()
    import nlp

    imported = time.perf_counter()
    pipeline = nlp.load(segmenter)
    loaded = time.perf_counter()
    bare = bare_tokenizer(pipeline)
    for texts in corpora.values():  # warm up: first calls build caches and lexemes
        bare(texts[0][:2000])
        pipeline(texts[0][:2000])
    figures = {name: measure_corpus(pipeline, bare, texts, repeats=repeats, batch_size=batch_size)
               for name, texts in corpora.items()}  # fmt: skip
    main = figures.get("national_reports") or next(iter(figures.values()))
    return {
        **{key: main[key] for key in (*CPS_KEYS, *RATIOS)},
        "load_s": round(loaded - imported, 3),
        "import_s": round(imported - start, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "corpora": figures,
    }


def table(results: dict) -> str:
    """The results as a Markdown table."""
    lines = [
        "| segmenter | corpus | chars | bare cps | full cps | full / bare | jobs=2 cps | jobs=2 / full "
        "| n_process=2 / full | load s | peak RSS MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for segmenter, result in results.items():
        for name, row in result["corpora"].items():
            lines.append(
                f"| {segmenter} | {name} | {row['chars']:,} | {row['bare_cps']:,} | {row['full_cps']:,} "
                f"| {row['full_over_bare']:.2f} | {row['full_jobs2_cps']:,} "
                f"| {row['jobs2_over_full']:.2f} | {row['pipe_jobs2_over_full']:.2f} "
                f"| {result['load_s']:.2f} | {result['peak_rss_mb']:,.0f} |"
            )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_CHARS:,} characters of each corpus")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results here")
    parser.add_argument("--segmenters", nargs="+", choices=SEGMENTERS, default=list(SEGMENTERS))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON lines (or .jsonl.gz) with a text field")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of .txt files")
    parser.add_argument("--repeats", type=int, help="runs of each measure (default 5, 2 with --quick)")
    parser.add_argument("--batch-size", type=int, default=1, help="nlp.pipe batch size (default 1)")
    parser.add_argument("--measure", choices=SEGMENTERS, help=argparse.SUPPRESS)  # the child process
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    repeats = args.repeats or (2 if args.quick else 5)
    if args.measure:
        corpora = read_corpora(args.corpus, args.seeds, QUICK_CHARS if args.quick else None)
        result = measure_segmenter(args.measure, corpora, repeats=repeats, batch_size=args.batch_size)
        print(json.dumps(result))
        return 0
    results = {}
    for segmenter in args.segmenters:
        command = [sys.executable, __file__, "--measure", segmenter, "--corpus", str(args.corpus),
                   "--seeds", str(args.seeds), "--repeats", str(repeats), "--batch-size", str(args.batch_size)]  # fmt: skip
        if args.quick:
            command.append("--quick")
        child = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        if child.returncode != 0:
            print(child.stderr, file=sys.stderr)
            return 1
        results[segmenter] = json.loads(child.stdout.splitlines()[-1])
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
