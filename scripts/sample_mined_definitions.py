"""Draw the fixed random sample of mined definitions that is read by eye, and report its
precision.

``python scripts/sample_mined_definitions.py [--corpus FILE] [--seeds DIR] [--size 50]
[--seed 16] [--out FILE]`` mines every document of the national reports and the seeds as
``python -m nlp.glossary build`` does (definitions found in running text: inline and mined,
not glossary sections), draws ``--size`` of them with ``random.Random(--seed)`` (all of them
when fewer exist), and writes them to ``--out`` (TSV: source, year, start, end, cue,
confidence, term, definition, correct, reason). Judgments already in ``--out`` (``correct`` =
yes/no and the reason, written by a reader) are kept for the rows drawn again, and the
precision of the judged rows is printed. Exit status 0.

Example output::

    population 26, sample 26 (seed 16), judged 26: 24 yes, 2 no, precision 0.923
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlp.corpus import read_documents  # noqa: E402
from nlp.glossary.__main__ import document_entries  # noqa: E402

COLUMNS = ["source", "year", "start", "end", "cue", "confidence", "term", "definition", "correct", "reason"]


def population(corpus: Path, seeds: Path) -> list:
    """Definitions found in running text (``inline``) of every document, in document order."""
    documents = [(d["id"], d.get("year"), d["text"]) for d in read_documents(corpus)]
    documents += [(p.name, None, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    found = []
    for source, year, text in documents:
        entries, _ = document_entries(source, year, text, mine=True)
        found += [e for e in entries if e.inline]
    return found


def row_key(row: dict) -> tuple:
    return row["source"], str(row["start"]), str(row["end"]), row["term"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("--corpus", default=str(REPO / "corpora" / "national_reports_1954_1999.jsonl.gz"))
    parser.add_argument("--seeds", default=str(REPO / "seeds"))
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", default=str(REPO / "corpora" / "mined_definitions_sample.tsv"))
    args = parser.parse_args(argv)

    entries = population(Path(args.corpus), Path(args.seeds))
    drawn = random.Random(args.seed).sample(range(len(entries)), min(args.size, len(entries)))
    out = Path(args.out)
    judged = {}
    if out.is_file():
        with open(out, encoding="utf-8", newline="") as handle:
            judged = {row_key(row): row for row in csv.DictReader(handle, delimiter="\t")}
    rows = []
    for i in sorted(drawn):
        e = entries[i]
        row = {"source": e.source, "year": e.year or "", "start": e.start, "end": e.end, "cue": e.cue or "",
               "confidence": e.confidence if e.confidence is not None else "", "term": e.term,
               "definition": e.definition, "correct": "", "reason": ""}  # fmt: skip
        old = judged.get(row_key(row))
        if old:
            row["correct"], row["reason"] = old["correct"], old["reason"]
        rows.append(row)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    yes = sum(r["correct"] == "yes" for r in rows)
    no = sum(r["correct"] == "no" for r in rows)
    precision = f"{yes / (yes + no):.3f}" if yes + no else "n/a"
    print(f"population {len(entries)}, sample {len(rows)} (seed {args.seed}), judged {yes + no}: "
          f"{yes} yes, {no} no, precision {precision}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
