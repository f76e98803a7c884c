"""Build the slogan classifier's training data, train it, and measure it leave-one-document-out.

Usage:
    python scripts/train_slogans.py --build [--gold DIR] [--seeds DIR]   # corpora/ from gold
    python scripts/train_slogans.py --build --from-corpus corpora/NAME  # from build_corpus.py
    python scripts/train_slogans.py [-o FILE | --packaged] [--c C] [--threshold T]
    python scripts/train_slogans.py --lodo                                # the LODO table

--build writes corpora/slogan_candidates.jsonl: every candidate of the seeds (quoted spans and
unquoted numbered formulations, heads of glossary entries left out) with its context, its
document and a label from gold/slogans.jsonl, plus the gold slogans that no candidate covers
(kind "mention": they feed the learned lexicon, not the classifier). With --from-corpus the
rows come instead from a corpus of scripts/build_corpus.py (the format of scripts/train.py), its
SLOGAN spans (gold where merged, else the rules' silver ones) as labels. Training reads that file
and writes models/slogan_classifier.json (or, with --packaged, nlp/data/slogan_classifier.json).
--lodo trains on four documents, runs the full component (with a glossary that leaves out the
held-out document's entries) on the fifth, and prints exact-span P/R/F1 for each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import nlp  # noqa: E402
from nlp.components.slogans import LABEL, find_candidates, glossary_heads  # noqa: E402
from nlp.corpus import read_gold  # noqa: E402
from nlp.glossary import load as load_glossary  # noqa: E402
from nlp.glossary.kb import Glossary  # noqa: E402
from nlp.slogan_classifier import DEFAULT_MODEL_PATH, SloganClassifier, candidate_features  # noqa: E402
from nlp.glossary.extract import extract_entries  # noqa: E402
from nlp.text import CleanText, clean  # noqa: E402

DEFAULT_GOLD = REPO / "corpora" / "gold"
DEFAULT_SEEDS = REPO / "seeds"
DEFAULT_CORPUS = REPO / "corpora" / "slogan_candidates.jsonl"
DEFAULT_OUTPUT = REPO / "models" / "slogan_classifier.json"
# Regularisation and threshold chosen by the LODO table (README, slogan section).
DEFAULT_C = 1.0
DEFAULT_THRESHOLD = 0.5


def build_rows(gold_dir: Path, seeds_dir: Path) -> list[dict]:
    """Training rows of every seed that gold/slogans.jsonl annotates (see the module doc)."""
    gold: dict[str, set[tuple[int, int]]] = {}
    for unit in read_gold(gold_dir / "slogans.jsonl"):
        spans = gold.setdefault(unit.source, set())
        spans.update((e["start"], e["end"]) for e in unit.ents if e["label"] == LABEL)
    entries = [json.loads(line) for line in open(gold_dir / "glossary.jsonl", encoding="utf-8") if line.strip()]
    rows = []
    for source in sorted(gold):
        view = clean((seeds_dir / source).read_text(encoding="utf-8"))
        own = [e for e in entries if e["source"] == source]
        rows.extend(document_rows(source, view, gold[source], own))
    return rows


def build_rows_from_corpus(corpus_dir: Path) -> list[dict]:
    """Training rows of every document of a corpus built by scripts/build_corpus.py (all its
    splits); its SLOGAN spans, gold or silver, are the labels, and the glossary heads to skip
    come from the document's own glossary sections."""
    from datasets import load_from_disk

    rows = []
    for split in load_from_disk(str(corpus_dir)).values():
        for record in split:
            view = CleanText(record["raw"], record["text"], record["offsets"])
            slogans = {(s["start"], s["end"]) for s in record["spans"] if s["label"] == LABEL}
            own = [e.to_dict() for e in extract_entries(view, record["id"])]
            rows.extend(document_rows(record["id"], view, slogans, own))
    return rows


def document_rows(source: str, view: CleanText, slogans: set[tuple[int, int]], own: list[dict]) -> list[dict]:
    """Rows of one document: each candidate with its label (its original offsets among
    ``slogans``), then the slogans no candidate covers. ``own`` are the document's glossary
    entries (offsets into the original text), whose heads are no candidates."""
    own = [dict(e, start=s, end=t) for e in own for s, t in [view.clean_span(e["start"], e["end"])]]
    heads = glossary_heads(view.text, own)
    rows, covered = [], set()
    for c in find_candidates(view.text):
        if any(c.start < e and s < c.end for s, e in heads):
            continue
        raw = view.raw_span(c.start, c.end)
        covered.add(raw)
        rows.append(_row(source, raw, c.kind, view.text[c.start:c.end], c.left, c.right, raw in slogans))
    for start, end in sorted(slogans - covered):
        rows.append(_row(source, (start, end), "mention", view.clean_slice(start, end), "", "", True))
    return rows


def _row(source: str, raw: tuple[int, int], kind: str, text: str, left: str, right: str, label: bool) -> dict:
    return {"doc": source[:3], "source": source, "start": raw[0], "end": raw[1], "kind": kind,
            "text": text, "left": left, "right": right, "label": int(label)}


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def train(rows: list[dict], c: float, threshold: float) -> SloganClassifier:
    """The classifier fitted on the candidate rows, with the tagged strings as its lexicon."""
    examples = [r for r in rows if r["kind"] != "mention"]
    feats = [candidate_features(r["text"], r["left"], r["right"], r["kind"]) for r in examples]
    lexicon = {r["text"] for r in rows if r["label"]}
    return SloganClassifier.fit(feats, [r["label"] for r in examples], c=c, threshold=threshold,
                                lexicon=lexicon)


def lodo(rows: list[dict], gold_dir: Path, seeds_dir: Path, c: float, threshold: float,
         glossary: Glossary) -> list[tuple]:
    """(document, P, R, F1, gold count) of each held-out document, the full component run."""
    gold = {u.source: u for u in read_gold(gold_dir / "slogans.jsonl")}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(gold):
            model_path, glossary_path = Path(tmp) / f"{source}.json", Path(tmp) / f"{source}.jsonl"
            train([r for r in rows if r["source"] != source], c, threshold).save(model_path)
            Glossary(e for e in glossary.entries if e.source != source).to_jsonl(glossary_path)
            pipeline = nlp.load(
                components=["glossary_sections", "policy_slogans"],
                component_config={"policy_slogans": {"model": str(model_path), "glossary": str(glossary_path)}},
            )
            doc = pipeline((seeds_dir / source).read_text(encoding="utf-8"))
            predicted = {(s.start_char, s.end_char) for s in doc.spans["policy"] if s.label_ == LABEL}
            expected = {(e["start"], e["end"]) for e in gold[source].ents if e["label"] == LABEL}
            results.append((source[:3], *prf(predicted, expected), len(expected)))
    return results


def prf(predicted: set, expected: set) -> tuple[float, float, float]:
    """Exact-span precision, recall and F1."""
    tp = len(predicted & expected)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(expected) if expected else 0.0
    return p, r, (2 * p * r / (p + r) if tp else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="rebuild the corpus from gold first")
    parser.add_argument("--lodo", action="store_true", help="print the leave-one-document-out table")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder with slogans.jsonl, glossary.jsonl")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--from-corpus", type=Path, metavar="DIR",
                        help="with --build: take documents and labels from a build_corpus.py corpus")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    out.add_argument("--packaged", action="store_true", help=f"write {DEFAULT_MODEL_PATH.relative_to(REPO)}")
    parser.add_argument("--glossary", type=Path, help="glossary JSONL for --lodo (default: the packaged one)")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()
    if args.build:
        rows = build_rows_from_corpus(args.from_corpus) if args.from_corpus else build_rows(args.gold, args.seeds)
        args.corpus.parent.mkdir(parents=True, exist_ok=True)
        with open(args.corpus, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"{args.corpus}: {len(rows)} rows, {sum(r['label'] for r in rows)} slogans")
    rows = read_rows(args.corpus)
    if args.lodo:
        results = lodo(rows, args.gold, args.seeds, args.c, args.threshold, load_glossary(args.glossary))
        print(f"{'held out':<9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
        for doc, p, r, f, n in results:
            print(f"{doc:<9} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
        return 0
    target = DEFAULT_MODEL_PATH if args.packaged else args.output
    target.parent.mkdir(parents=True, exist_ok=True)
    model = train(rows, args.c, args.threshold)
    model.save(target)
    print(f"{target}: {len(model.weights)} weights, {len(model.lexicon)} lexicon entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
