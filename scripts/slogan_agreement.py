"""How far independent annotators agree with the national SLOGAN gold and with each other.

corpora/gold/national_slogan_agreement.tsv holds the spans that annotators tagged, each alone
and blind to the gold and the tagger, in reports the gold annotates (see corpora/README.md,
"Agreement"). This prints exact-span P/R/F1 of each annotator against the gold, and of the two
annotators of each report against each other.

Usage: python scripts/slogan_agreement.py [--agreement FILE] [--gold FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from functools import partial
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlp.corpus import gold_spans  # noqa: E402
from nlp.readers import reading_error  # noqa: E402
from nlp.scoring import prf  # noqa: E402

GOLD = REPO / "corpora" / "gold"
LABEL = "SLOGAN"
COLUMNS = ("annotator", "report", "start", "end")


def read_agreement(path: Path) -> dict[str, dict[str, set[tuple[int, int]]]]:
    """annotator -> report -> the spans (start, end) the annotator tagged there. Raises
    ValueError naming the file and line of a row it cannot read."""
    spans: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            try:
                who, report, start, end = (row[c] for c in COLUMNS)
                spans[who][report].add((int(start), int(end)))
            except (KeyError, TypeError, ValueError):
                raise ValueError(f"{path}, line {reader.line_num}: needs the columns "
                                 f"{', '.join(COLUMNS)} with whole-number offsets") from None  # fmt: skip
    return spans


def agreement_rows(annotated: dict, gold: dict) -> list[tuple[str, int, int, int]]:
    """(what is compared, tagged by the first, tagged by the second, tagged by both): each
    annotator against the gold over its reports, every two annotators of one report against
    each other over the reports they share, and all annotators against the gold."""
    rows, total = [], [0, 0, 0]
    for who, reports in sorted(annotated.items()):
        counts = [0, 0, 0]
        for report, found in reports.items():
            expected = gold.get(report, set())
            counts = [a + b for a, b in zip(counts, (len(found), len(expected), len(found & expected)))]
        rows.append((f"{who} vs gold ({', '.join(sorted(reports))})", *counts))
        total = [a + b for a, b in zip(total, counts)]
    for one, other in combinations(sorted(annotated), 2):
        shared = sorted(set(annotated[one]) & set(annotated[other]))
        if shared:
            first, second = annotated[one], annotated[other]
            rows.append((f"{one} vs {other} ({', '.join(shared)})", sum(len(first[r]) for r in shared),
                         sum(len(second[r]) for r in shared), sum(len(first[r] & second[r]) for r in shared)))  # fmt: skip
    rows.append(("all annotators vs gold", *total))
    return rows


def _error(message: str) -> int:
    print(f"slogan_agreement.py: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agreement", type=Path, default=GOLD / "national_slogan_agreement.tsv")
    parser.add_argument("--gold", type=Path, default=GOLD / "national_slogans.jsonl")
    args = parser.parse_args(argv)
    loaded = []
    for read, path in ((read_agreement, args.agreement), (partial(gold_spans, label=LABEL), args.gold)):
        try:
            loaded.append(read(path))
        except (ValueError, OSError) as error:
            return _error(reading_error(path, error))
    rows = agreement_rows(*loaded)
    print(f"{'compared':<44} {'first':>6} {'second':>6} {'both':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, first, second, both in rows:
        m = prf(both, first - both, second - both)
        print(f"{name:<44} {first:>6} {second:>6} {both:>5} {m['p']:>6.3f} {m['r']:>6.3f} {m['f']:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
