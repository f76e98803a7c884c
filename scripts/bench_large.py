"""Time and peak memory of ``python -m nlp.annotate`` on one very large file.

Usage: python scripts/bench_large.py [--megabytes 50] [--jobs 1 2] [--segmenter pkuseg|jieba]
                                     [--corpus FILE.jsonl] [--keep FILE] [--json FILE]

It writes a UTF-8 text file of at least ``--megabytes`` MB (the national reports, joined by
blank lines, repeated), annotates it with each ``--jobs`` setting into a temporary file, and
samples the memory of the command and its worker processes every 0.2 s. Two sums are reported:
RSS, which counts the pages that forked workers share with their parent once per process, and
PSS (Linux), which splits each shared page among the processes that share it, so the PSS sum
is the memory the run really occupies.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nlp.corpus import read_documents

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpora" / "national_reports_1954_1999.jsonl.gz"
SAMPLE_SECONDS = 0.2


def write_large_file(corpus: Path, megabytes: float, path: Path) -> int:
    """Write the corpus's texts, repeated until the file holds ``megabytes`` MB; returns its
    size in characters."""
    block = "\n\n".join(row["text"] for row in read_documents(corpus)) + "\n\n"
    copies = max(1, -(-int(megabytes * 1e6) // len(block.encode("utf-8"))))
    path.write_text(block * copies, encoding="utf-8")
    return len(block) * copies


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                continue
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """``(rss, pss)`` of one process in kB; zeros once it has gone."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
    except OSError:
        return 0, 0
    return int(fields["Rss"].split()[0]), int(fields["Pss"].split()[0])


def run(command: list[str]) -> dict:
    """Wall time and the peaks of the summed RSS and PSS of ``command``'s process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    while process.poll() is None:
        sizes = [memory_kb(pid) for pid in process_tree(process.pid)]
        peak_rss = max(peak_rss, sum(rss for rss, _ in sizes))
        peak_pss = max(peak_pss, sum(pss for _, pss in sizes))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read().strip()}")
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak_rss / 1024), "peak_pss_mb": round(peak_pss / 1024)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--segmenter", choices=("pkuseg", "jieba"), default="pkuseg")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=Path, metavar="FILE", help="write the large file here and keep it")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results here")
    args = parser.parse_args(argv)
    if not Path("/proc/self/smaps_rollup").exists():
        print("bench_large.py reads memory from Linux's /proc", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        large = args.keep or Path(folder) / "large.txt"
        chars = write_large_file(args.corpus, args.megabytes, large)
        size_mb = large.stat().st_size / 1e6
        results = {"file_mb": round(size_mb, 1), "chars": chars, "segmenter": args.segmenter, "runs": {}}
        print(f"{large}: {size_mb:.1f} MB, {chars:,} characters, {args.segmenter}")
        print("| jobs | seconds | chars/s | peak RSS sum MB | peak PSS sum MB |\n| ---: | ---: | ---: | ---: | ---: |")
        for jobs in args.jobs:
            command = [sys.executable, "-m", "nlp.annotate", str(large), "--segmenter", args.segmenter,
                       "--jobs", str(jobs), "-o", str(Path(folder) / "out.jsonl")]  # fmt: skip
            result = run(command)
            results["runs"][str(jobs)] = result
            print(f"| {jobs} | {result['seconds']} | {chars / result['seconds']:,.0f} | {result['peak_rss_mb']:,} "
                  f"| {result['peak_pss_mb']:,} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
