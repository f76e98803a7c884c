"""Link accuracy with the gold slogan spans given.

``python scripts/evaluate_links.py [--gold FILE] [--seeds DIR] [--glossary FILE]
[--jurisdiction NAME] [--run] [--leave-one-out] [-v]`` runs glossary_sections on each seed,
puts gold/slogans.jsonl's SLOGAN spans into the Doc, runs glossary_linker and counts a link
right when its term equals gold's (whitespace removed) or both are null.

- ``--jurisdiction`` (default 河南省: the seeds are Henan county and city documents, and the
  gold links a part to the whole across them, “两筛” in 000 → 两筛两癌 of 001) is the documents'
  jurisdiction; ``--jurisdiction ""`` links as for a document of unknown jurisdiction, where a
  part links only to the document's own entries.
- ``--run`` links against the seeds' glossaries gathered as one run (the run tier:
  ``set_run_glossary``) and no shipped knowledge base.
- ``--leave-one-out`` links each document against its own glossary plus the glossaries of the
  *other* seeds only, which estimates accuracy on a document the shipped glossary was not built
  from.

Example output::

    links: 559/560 right (99.8%); gold null 387, predicted null 386
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
from nlp.glossary import load, load_knowledge_base  # noqa: E402
from nlp.glossary.extract import extract_entries  # noqa: E402
from nlp.glossary.kb import Glossary  # noqa: E402
from nlp.pipeline import load as load_pipeline  # noqa: E402
from nlp.spans import add_policy_spans, policy_spans  # noqa: E402
from nlp.text import clean  # noqa: E402

DEFAULT_GOLD = REPO / "corpora" / "gold" / "slogans.jsonl"


def squash(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s", "", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--seeds", default=str(REPO / "seeds"))
    parser.add_argument("--glossary", help="glossary JSONL to link against (default: shipped)")
    parser.add_argument("--jurisdiction", default="河南省", help="the documents' jurisdiction (河南省)")
    parser.add_argument("--run", action="store_true", help="the seeds' glossaries as the run tier, no shipped one")
    parser.add_argument("--leave-one-out", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong link")
    args = parser.parse_args(argv)

    nlp = load_pipeline(components=["glossary_sections", "glossary_linker"])
    sections, linker, set_spans = (nlp.get_pipe(name) for name in ("glossary_sections", "glossary_linker", "policy_spans"))
    full = load_knowledge_base() if args.glossary is None else load(args.glossary)
    linker.jurisdiction = args.jurisdiction or None
    if args.run:
        run = [e for path in sorted(Path(args.seeds).glob("*.txt"))
               for e in extract_entries(clean(path.read_text(encoding="utf-8")), path.name)]  # fmt: skip
        for entry in run:
            entry.jurisdiction = args.jurisdiction or None
        full = Glossary()
    right = total = gold_null = pred_null = 0
    for line in open(args.gold, encoding="utf-8"):
        unit = json.loads(line)
        text = (Path(args.seeds) / unit["source"]).read_text(encoding="utf-8")
        if args.leave_one_out:
            linker.set_glossary(Glossary(e for e in full.entries if e.source != unit["source"]))
            if args.run:
                linker.set_run_glossary(e for e in run if e.source != unit["source"])
        else:
            linker.set_glossary(full)
            if args.run:
                linker.set_run_glossary(run)
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
