"""Our number grammar and cn2an on the same cases (tests/data/number_cases.tsv): per source, how
many values each reads right, reads wrong (silently) or rejects. Prints a Markdown table.

Usage: python scripts/compare_numbers.py [CASES.tsv]

Only the value is compared (cn2an reports no unit or qualifier); cn2an runs in "smart" mode, its
most permissive. A rejection row counts as right when the parser raises.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import cn2an

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.rules.numbers import NumberError, parse_quantity  # noqa: E402

DEFAULT_CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "number_cases.tsv"


def _ours(text: str):
    value = parse_quantity(text).value
    return [float(v) for v in value] if isinstance(value, tuple) else float(value)


def _cn2an(text: str):
    return float(cn2an.cn2an(text, "smart"))


def outcome(reader, text: str, expected: str) -> str:
    """right, wrong (a value that is not the expected one) or raised."""
    try:
        got = reader(text)
    except (NumberError, ValueError, KeyError, IndexError, TypeError):
        return "right" if expected == "ERROR" else "raised"
    if expected == "ERROR":
        return "wrong"
    want = json.loads(expected)
    want = [float(Decimal(str(w))) for w in want] if isinstance(want, list) else float(Decimal(str(want)))
    return "right" if got == want else "wrong"


def main(path: Path) -> None:
    counts: dict[str, Counter] = {}
    wrong: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip("\t"):
            continue
        text, expected, unit, qualifier, source, _note = line.split("\t")
        groups = [source, "all"]
        if not unit and not qualifier and not expected.startswith("["):
            groups.append("all, numbers alone (no unit, range or qualifier)")
        for name, reader in (("ours", _ours), ("cn2an", _cn2an)):
            result = outcome(reader, text, expected)
            for group in groups:
                counts.setdefault(group, Counter())[name, result] += 1
            if result == "wrong":
                wrong.append(f"{name}: {text!r} expected {expected}")
    print("| cases | n | ours right | ours wrong | ours rejected | cn2an right | cn2an wrong | cn2an rejected |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for source, c in counts.items():
        n = sum(v for (name, _), v in c.items() if name == "ours")
        cells = [str(c[name, o]) for name in ("ours", "cn2an") for o in ("right", "wrong", "raised")]
        print(f"| {source} | {n} | " + " | ".join(cells) + " |")
    print("\nread wrong:", *wrong, sep="\n- ")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CASES)
