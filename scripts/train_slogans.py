"""Build the slogan classifier's training data, train it, and measure it leave-one-document-out.

Usage:
    python scripts/train_slogans.py --build [--gold DIR] [--seeds DIR]   # corpora/ from gold
    python scripts/train_slogans.py --build --from-corpus corpora/NAME  # from build_corpus.py
    python scripts/train_slogans.py [-o FILE | --packaged] [--c C] [--threshold T]
    python scripts/train_slogans.py --lodo                                # the LODO table

--build writes corpora/slogan_candidates.jsonl: every candidate of the seeds and of the national
dev reports (quoted spans and unquoted formulations, heads of glossary entries left out) with
its context, the evidence of its document, its document and a label from gold/slogans.jsonl or
gold/national_slogans.jsonl, plus the gold slogans that no candidate covers (kind "mention":
they feed the learned lexicon, not the classifier), plus the set phrases of
nlp/rules/slogan_patterns.py quoted in neutral frames (document "set-phrases", negatives). With --from-corpus the
rows come instead from a corpus of scripts/build_corpus.py (the format of scripts/train.py), its
SLOGAN spans (gold where merged, else the rules' silver ones) as labels. Training reads that file
and writes models/slogan_classifier.json (or, with --packaged, nlp/data/slogan_classifier.json).
--lodo trains on all documents but one, runs the full component (with a glossary that leaves
out the held-out document's entries) on that one, and prints exact-span P/R/F1 for each, and
over the national dev documents together.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import nlp  # noqa: E402
from nlp.components.slogans import (  # noqa: E402
    IN_LEXICON,
    lexicon_evidence,
    LABEL,
    TermMatcher,
    candidate_at,
    document_evidence,
    find_candidates,
    glossary_heads,
    quoted_spans,
    spelling_key,
)
from nlp.corpus import gold_spans, read_documents  # noqa: E402
from nlp.rules.slogan_patterns import SET_PHRASES  # noqa: E402
from nlp.glossary import load as load_glossary  # noqa: E402
from nlp.glossary.kb import Glossary  # noqa: E402
from nlp.slogan_classifier import DEFAULT_MODEL_PATH, SloganClassifier, candidate_features  # noqa: E402
from nlp.glossary.extract import extract_entries  # noqa: E402
from nlp.text import CleanText, clean  # noqa: E402

DEFAULT_GOLD = REPO / "corpora" / "gold"
DEFAULT_SEEDS = REPO / "seeds"
DEFAULT_CORPUS = REPO / "corpora" / "slogan_candidates.jsonl"
DEFAULT_REPORTS = REPO / "corpora" / "national_reports_1954_1999.jsonl.gz"
# The national dev gold's file in the gold folder (its sources are report ids of --reports).
NATIONAL_GOLD = "national_slogans.jsonl"
# Neutral frames around the set phrases that are added as negatives: quoted, no cue word.
NEUTRAL_FRAMES = (("他说“", "”。"), ("她笑着说：“", "”"), ("人们常说“", "”。"), ("真是“", "”啊。"), ("所谓“", "”，就是"), ("常言道：“", "”"))
SET_PHRASE_DOC = "set-phrases"
# Weight of a row of the national dev set and of a set phrase in training (a seed's row weighs
# 1): chosen by the LODO table. With twelve national reports their rows weigh as much as the
# seeds' (0.5 and 0.75 scored lower on the national folds and no better on the seeds').
NATIONAL_WEIGHT = 1.0
SET_PHRASE_WEIGHT = 0.5
DEFAULT_OUTPUT = REPO / "models" / "slogan_classifier.json"
# Regularisation and threshold chosen by the LODO table (README, slogan section).
DEFAULT_C = 1.0
DEFAULT_THRESHOLD = 0.40


def report_texts(reports: Path) -> dict[str, str]:
    """The texts of the national reports, by id."""
    return {d["id"]: d["text"] for d in read_documents(reports)}


def build_rows(gold_dir: Path, seeds_dir: Path, reports: Path = DEFAULT_REPORTS) -> list[dict]:
    """Training rows of every seed that gold/slogans.jsonl annotates, of every report that
    gold/national_slogans.jsonl annotates (when it exists), and of the set phrases."""
    entries = [json.loads(line) for line in open(gold_dir / "glossary.jsonl", encoding="utf-8") if line.strip()]
    documents = []  # (source, view, gold spans, own glossary entries, row weight)
    for source, spans in sorted(gold_spans(gold_dir / "slogans.jsonl", LABEL).items()):
        view = clean((seeds_dir / source).read_text(encoding="utf-8"))
        documents.append((source, view, spans, [e for e in entries if e["source"] == source], 1.0))
    if (gold_dir / NATIONAL_GOLD).is_file():
        texts = report_texts(reports)
        for source, spans in sorted(gold_spans(gold_dir / NATIONAL_GOLD, LABEL).items()):
            view = clean(texts[source])
            own = [e.to_dict() for e in extract_entries(view, source)]
            documents.append((source, view, spans, own, NATIONAL_WEIGHT))
    lexicon = {view.clean_slice(s, e) for _, view, spans, _, _ in documents for s, e in spans}
    rows = [dict(row, weight=weight) for source, view, spans, own, weight in documents
            for row in document_rows(source, view, spans, own, lexicon)]  # fmt: skip
    return rows + set_phrase_rows()


def set_phrase_rows() -> list[dict]:
    """Each set phrase quoted in each neutral frame, as a negative (document "set-phrases")."""
    rows = []
    for phrase in SET_PHRASES:
        for left, right in NEUTRAL_FRAMES:
            text = left + phrase + right
            (c,) = [c for c in find_candidates(text) if c.kind == "quoted"]
            row = _row(SET_PHRASE_DOC, (c.start, c.end), c.kind, phrase, c.left, c.right, False, c.evidence)
            rows.append(dict(row, weight=SET_PHRASE_WEIGHT))
    return rows


def build_rows_from_corpus(corpus_dir: Path) -> list[dict]:
    """Training rows of every document of a corpus built by scripts/build_corpus.py (all its
    splits); its SLOGAN spans, gold or silver, are the labels, and the glossary heads to skip
    come from the document's own glossary sections."""
    from datasets import load_from_disk

    documents = []
    for split in load_from_disk(str(corpus_dir)).values():
        for record in split:
            view = CleanText(record["raw"], record["text"], record["offsets"])
            slogans = {(s["start"], s["end"]) for s in record["spans"] if s["label"] == LABEL}
            documents.append((record["id"], view, slogans, [e.to_dict() for e in extract_entries(view, record["id"])]))
    lexicon = {view.clean_slice(s, e) for _, view, spans, _ in documents for s, e in spans}
    return [row for source, view, spans, own in documents for row in document_rows(source, view, spans, own, lexicon)]


def document_rows(source: str, view: CleanText, slogans: set[tuple[int, int]], own: list[dict],
                  lexicon: set[str] = frozenset()) -> list[dict]:  # fmt: skip
    """Rows of one document: each candidate with its label (its original offsets among
    ``slogans``), then every other occurrence of a string of ``lexicon`` (the slogans of all
    gold documents; kind "mention"), then the slogans no candidate or mention covers. ``own``
    are the document's glossary entries (offsets into the original text), whose heads are no
    candidates."""
    own = [dict(e, start=s, end=t) for e in own for s, t in [view.clean_span(e["start"], e["end"])]]
    heads = glossary_heads(view.text, own)
    evidence = document_evidence(view.text, quoted_spans(view.text))
    candidates = find_candidates(view.text, evidence)
    spans = {(c.start, c.end) for c in candidates}
    mentions = [candidate_at(view.text, s, e, "mention", evidence) for s, e in TermMatcher().mentions(view.text, lexicon)
                if (s, e) not in spans]  # fmt: skip
    rows, covered = [], set()
    for c in candidates + [m for m in mentions if m]:
        if any(c.start < e and s < c.end for s, e in heads):
            continue
        raw = view.raw_span(c.start, c.end)
        covered.add(raw)
        rows.append(_row(source, raw, c.kind, view.text[c.start:c.end], c.left, c.right, raw in slogans, c.evidence))
    for start, end in sorted(slogans - covered):
        rows.append(_row(source, (start, end), "uncovered", view.clean_slice(start, end), "", "", True))
    return rows


def _row(source: str, raw: tuple[int, int], kind: str, text: str, left: str, right: str, label: bool,
         evidence: tuple[str, ...] = ()) -> dict:  # fmt: skip
    return {"doc": document_name(source), "source": source, "start": raw[0], "end": raw[1], "kind": kind,
            "text": text, "left": left, "right": right, "evidence": list(evidence), "label": int(label),
            "weight": 1.0}


def document_name(source: str) -> str:
    """A seed's number (000_….txt -> 000), else the source itself (gwr-1992)."""
    return source[:3] if source.endswith(".txt") else source


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def train(rows: list[dict], c: float, threshold: float) -> SloganClassifier:
    """The classifier fitted on the candidate and mention rows, with the tagged strings as its
    lexicon. A row's string is "in the lexicon" when another of these documents tags it (as
    at run time, where the lexicon comes from the training documents only); mentions of
    strings that no other document tags are not examples (run time has no such mentions)."""
    tagged_in: dict[str, set[str]] = {}  # spelling key -> the documents that tag it
    for r in rows:
        if r["label"]:
            tagged_in.setdefault(spelling_key(r["text"]), set()).add(r["source"])
    examples, feats = [], []
    for r in rows:
        lexical = lexicon_evidence(spelling_key(r["text"]), partial(_tagged_elsewhere, tagged_in, r["source"]))
        if r["kind"] == "uncovered" or (r["kind"] == "mention" and IN_LEXICON not in lexical):
            continue
        evidence = tuple(r.get("evidence", ())) + lexical
        examples.append(r)
        feats.append(candidate_features(r["text"], r["left"], r["right"], r["kind"], evidence=evidence))
    weights = [r.get("weight", 1.0) for r in examples]
    return SloganClassifier.fit(feats, [r["label"] for r in examples], c=c, threshold=threshold,
                                lexicon={r["text"] for r in rows if r["label"]}, sample_weight=weights)


def _tagged_elsewhere(tagged_in: dict[str, set[str]], source: str, string: str) -> bool:
    """Whether a document other than ``source`` tags ``string`` (so the lexicon holds it)."""
    return bool(tagged_in.get(string, set()) - {source})


def lodo(rows: list[dict], gold_dir: Path, seeds_dir: Path, c: float, threshold: float,
         glossary: Glossary, reports: Path = DEFAULT_REPORTS) -> list[tuple]:
    """(document, P, R, F1, gold count, tp, predicted) of each held-out document (seeds, then
    national reports), the full component run on it alone."""
    held_out = [(source, (seeds_dir / source).read_text(encoding="utf-8"), spans)
                for source, spans in sorted(gold_spans(gold_dir / "slogans.jsonl", LABEL).items())]  # fmt: skip
    if (gold_dir / NATIONAL_GOLD).is_file():
        texts = report_texts(reports)
        held_out += [(source, texts[source], spans) for source, spans in sorted(gold_spans(gold_dir / NATIONAL_GOLD, LABEL).items())]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for source, text, expected in held_out:
            model_path, glossary_path = Path(tmp) / f"{source}.json", Path(tmp) / f"{source}.jsonl"
            train([r for r in rows if r["source"] != source], c, threshold).save(model_path)
            Glossary(e for e in glossary.entries if e.source != source).to_jsonl(glossary_path)
            pipeline = nlp.load(
                components=["glossary_sections", "policy_slogans"],
                component_config={"policy_slogans": {"model": str(model_path), "glossary": str(glossary_path)}},
            )
            doc = pipeline(text)
            predicted = {(s.start_char, s.end_char) for s in doc.spans["policy"] if s.label_ == LABEL}
            results.append((document_name(source), *prf(predicted, expected), len(expected),
                            len(predicted & expected), len(predicted)))  # fmt: skip
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
    parser.add_argument("--reports", type=Path, default=DEFAULT_REPORTS,
                        help=f"the national reports that GOLD/{NATIONAL_GOLD} annotates")  # fmt: skip
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
        rows = (build_rows_from_corpus(args.from_corpus) if args.from_corpus
                else build_rows(args.gold, args.seeds, args.reports))  # fmt: skip
        args.corpus.parent.mkdir(parents=True, exist_ok=True)
        with open(args.corpus, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"{args.corpus}: {len(rows)} rows, {sum(r['label'] for r in rows)} slogans")
    rows = read_rows(args.corpus)
    if args.lodo:
        results = lodo(rows, args.gold, args.seeds, args.c, args.threshold, load_glossary(args.glossary),
                       args.reports)  # fmt: skip
        print(f"{'held out':<9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'found':>5} {'right':>5}")
        for doc, p, r, f, n, tp, found in results:
            print(f"{doc:<9} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d} {found:5d} {tp:5d}")
        national = [r for r in results if r[0].startswith("gwr-")]
        if national:  # micro-averaged over the national dev documents
            tp, gold, predicted = (sum(r[i] for r in national) for i in (5, 4, 6))
            p, r = tp / predicted if predicted else 0.0, tp / gold if gold else 0.0
            print(f"{'national':<9} {p:6.3f} {r:6.3f} {2 * p * r / (p + r) if tp else 0.0:6.3f} {gold:5d} "
                  f"{predicted:5d} {tp:5d}")
        return 0
    target = DEFAULT_MODEL_PATH if args.packaged else args.output
    target.parent.mkdir(parents=True, exist_ok=True)
    model = train(rows, args.c, args.threshold)
    model.save(target)
    print(f"{target}: {len(model.weights)} weights, {len(model.lexicon)} lexicon entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
