"""Link accuracy with the gold slogan spans given.

``python scripts/evaluate_links.py [--gold FILE] [--seeds DIR] [--glossary FILE]
[--leave-one-out] [-v]`` runs glossary_sections on each seed, puts gold/slogans.jsonl's
SLOGAN spans into the Doc, runs glossary_linker and counts a link right when its term equals
gold's (whitespace removed) or both are null. ``--leave-one-out`` links each document against
its own glossary plus the glossaries of the *other* seeds only, which estimates accuracy on a
document the shipped glossary was not built from.

Example output::

    links: 548/560 right (97.9%); gold null 283, predicted null 281
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlp.components.glossary_sections import SOURCE_KEY  # noqa: E402
from nlp.glossary import load  # noqa: E402
from nlp.glossary.kb import Glossary  # noqa: E402
from nlp.pipeline import load as load_pipeline  # noqa: E402
from nlp.spans import add_policy_spans, policy_spans  # noqa: E402

DEFAULT_GOLD = REPO / "corpora" / "gold" / "slogans.jsonl"


def squash(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s", "", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--seeds", default=str(REPO / "seeds"))
    parser.add_argument("--glossary", help="glossary JSONL to link against (default: shipped)")
    parser.add_argument("--leave-one-out", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong link")
    args = parser.parse_args(argv)

    nlp = load_pipeline(components=["glossary_sections", "glossary_linker"])
    sections, linker, set_spans = (nlp.get_pipe(name) for name in ("glossary_sections", "glossary_linker", "policy_spans"))
    full = load(args.glossary)
    right = total = gold_null = pred_null = 0
    for line in open(args.gold, encoding="utf-8"):
        unit = json.loads(line)
        text = (Path(args.seeds) / unit["source"]).read_text(encoding="utf-8")
        if args.leave_one_out:
            linker.set_glossary(Glossary(e for e in full.entries if e.source != unit["source"]))
        else:
            linker.set_glossary(full)
        doc = nlp.make_doc(text)
        doc.user_data[SOURCE_KEY] = unit["source"]
        doc = sections(doc)
        base = unit["start"]
        add_policy_spans(doc, [(base + e["start"], base + e["end"], e["label"], {})
                               for e in unit["ents"] if e["label"] == "SLOGAN"])  # fmt: skip
        doc = set_spans(linker(doc))
        predicted = {(s.start_char, s.end_char): s._.link for s in policy_spans(doc) if s.label_ == "SLOGAN"}
        for ent in unit["ents"]:
            if ent["label"] != "SLOGAN":
                continue
            link = predicted.get((base + ent["start"], base + ent["end"]))
            got = squash(link["term"]) if link else None
            want = squash(ent.get("link"))
            total += 1
            right += got == want
            gold_null += want is None
            pred_null += got is None
            if got != want and args.verbose:
                mention = unit["text"][ent["start"]:ent["end"]].replace("\n", "")
                print(f"{unit['source'][:3]} {ent['start']:>6} {mention}: gold {want}, got {got}")
    print(f"links: {right}/{total} right ({100 * right / max(total, 1):.1f}%); "
          f"gold null {gold_null}, predicted null {pred_null}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
