"""Score the target-vs-outturn ledger against the dev pairs read from the national reports.

    python scripts/evaluate_ledger.py [corpora/ledger_dev.jsonl] [--ledger LEDGER.jsonl] [--segmenter jieba]

Without --ledger, the ledger of corpora/national_reports_1954_1999.jsonl.gz is built first
(about a minute). A dev pair (``{"key", "name", "year", "target", "actual", "met"}``) is found
in the ledger by key and year, or, for a pair without key, by year and a name that contains the
other (preferring a row in the pair's unit). Printed: the share of pairs whose target and outturn values are both right (a side the
pair leaves null is not asked for), the share of sides at the right offsets, and the accuracy
of ``met`` on the pairs where the reading gives one. Exit 2 on an unreadable file.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.ledger.observations import normalised_name  # noqa: E402

REPORTS = ROOT / "corpora" / "national_reports_1954_1999.jsonl.gz"


def find_row(pair: dict, rows: list[dict]) -> dict | None:
    """The row of ``pair``: same key and year, or, without key, same year and a name that
    contains the other; among several such rows (棉花 and 棉花 (change)), the first with the
    pair's name and unit, else with its unit."""
    candidates = []
    for row in rows:
        if row["year"] != pair["year"]:
            continue
        if pair["key"] is not None:
            if row["key"] == pair["key"]:
                return row
        elif row["key"] is None:
            gold, found = normalised_name(pair["name"]), row["indicator"]
            if gold in found or found in gold:
                candidates.append(row)
    gold, unit = normalised_name(pair["name"]), (pair["target"] or pair["actual"])["unit"]
    same_unit = [r for r in candidates if any(side and side["unit"] == unit for side in (r["target"], r["actual"]))]
    same_name = [r for r in same_unit if r["indicator"] == gold]
    return (same_name or same_unit or candidates or [None])[0]


def same_value(gold, found) -> bool:
    if isinstance(gold, list) or isinstance(found, list):
        return isinstance(gold, list) and isinstance(found, list) and all(map(same_value, gold, found))
    return found is not None and math.isclose(float(gold), float(found), rel_tol=1e-9)


def side_right(gold: dict | None, found: dict | None) -> bool:
    return gold is None or (found is not None and same_value(gold["value"], found["value"]))


def side_placed(gold: dict, found: dict | None) -> bool:
    return (found is not None and found["path"].endswith("#" + gold["doc"])
            and (found["start"], found["end"]) == (gold["start"], gold["end"]))  # fmt: skip


def score(pairs: list[dict], rows: list[dict]) -> dict:
    right = placed = sides = met_right = met_n = 0
    misses = []
    for pair in pairs:
        row = find_row(pair, rows)
        target, actual = (row["target"], row["actual"]) if row else (None, None)
        ok = row is not None and side_right(pair["target"], target) and side_right(pair["actual"], actual)
        right += ok
        for name, gold, found in (("target", pair["target"], target), ("actual", pair["actual"], actual)):
            if gold is not None:
                sides += 1
                placed += side_placed(gold, found)
        if pair["met"] is not None:
            met_n += 1
            met_right += row is not None and row["met"] == pair["met"]
        if not ok or (pair["met"] is not None and (row is None or row["met"] != pair["met"])):
            misses.append((pair, row))
    return {"pairs": len(pairs), "right": right, "sides": sides, "placed": placed,
            "met_n": met_n, "met_right": met_right, "misses": misses}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev", nargs="?", default=str(ROOT / "corpora" / "ledger_dev.jsonl"))
    parser.add_argument("--ledger", help="a ledger JSONL made by python -m nlp.ledger (default: build it)")
    parser.add_argument("--segmenter", default="pkuseg")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the pairs missed")
    args = parser.parse_args(argv)
    try:
        pairs = [json.loads(line) for line in open(args.dev, encoding="utf-8") if line.strip()]
        if args.ledger:
            rows = [json.loads(line) for line in open(args.ledger, encoding="utf-8") if line.strip()]
        else:
            from nlp.ledger.__main__ import build
            from nlp.pipeline import load

            rows, _ = build([str(REPORTS)], load(args.segmenter))
    except (OSError, ValueError) as error:
        print(f"evaluate_ledger.py: error: {error}", file=sys.stderr)
        return 2
    result = score(pairs, rows)
    n = result["pairs"]
    print(f"pairs with right target and outturn values: {result['right']}/{n} = {result['right'] / n:.3f}")
    print(f"sides at the right offsets: {result['placed']}/{result['sides']} = {result['placed'] / result['sides']:.3f}")
    if result["met_n"]:
        print(f"met right: {result['met_right']}/{result['met_n']} = {result['met_right'] / result['met_n']:.3f}")
    if args.verbose:
        for pair, row in result["misses"]:
            found = "no row" if row is None else json.dumps({k: row[k] for k in ("target", "actual", "met")}, ensure_ascii=False)
            print(f"- {pair['key'] or pair['name']} {pair['year']}: {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
