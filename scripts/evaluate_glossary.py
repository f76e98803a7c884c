"""Compare the glossary entries extracted from the seeds with gold/glossary.jsonl.

``python scripts/evaluate_glossary.py [--gold FILE] [--seeds DIR] [-v]`` prints how many gold
entries were extracted exactly (same source, term and definition after removing whitespace,
same number and offsets) and lists the differences. Exit status 0 when all match, else 1.

Example output::

    entries: gold 54, extracted 54, equal 54/54 (term+definition 54/54, offsets 54/54)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlp.glossary.extract import extract  # noqa: E402
from nlp.text import clean  # noqa: E402

DEFAULT_GOLD = REPO / "corpora" / "gold" / "glossary.jsonl"


def squash(text: str | None) -> str:
    """Text without whitespace (the comparison the issue asks for)."""
    return re.sub(r"\s", "", text or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--seeds", default=str(REPO / "seeds"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every difference")
    args = parser.parse_args(argv)

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    predicted = []
    for path in sorted(Path(args.seeds).glob("*.txt")):
        entries, _ = extract(clean(path.read_text(encoding="utf-8")), path.name)
        predicted.extend(entries)

    def key(source, term, definition):
        return source, squash(term), squash(definition)

    pred_keys = {key(e.source, e.term, e.definition): e for e in predicted}
    gold_keys = {key(g["source"], g["term"], g["definition"]): g for g in gold}
    text_equal = sum(k in pred_keys for k in gold_keys)
    exact = sum(
        k in pred_keys and (pred_keys[k].number, pred_keys[k].start, pred_keys[k].end)
        == (g["number"], g["start"], g["end"])
        for k, g in gold_keys.items()
    )
    offsets = sum(
        any((e.source, e.start, e.end) == (g["source"], g["start"], g["end"]) for e in predicted) for g in gold
    )
    print(f"entries: gold {len(gold)}, extracted {len(predicted)}, equal {exact}/{len(gold)} "
          f"(term+definition {text_equal}/{len(gold)}, offsets {offsets}/{len(gold)})")  # fmt: skip
    if args.verbose:
        for k, g in gold_keys.items():
            if k not in pred_keys:
                print(f"missed  {g['source'][:3]} #{g['number']} {g['term']}: {g['definition'][:50]}")
        for k, e in pred_keys.items():
            if k not in gold_keys:
                print(f"extra   {e.source[:3]} #{e.number} {e.term}: {e.definition[:50]}")
    return 0 if exact == len(gold) == len(predicted) else 1


if __name__ == "__main__":
    sys.exit(main())
