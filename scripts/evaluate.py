"""Run the pipeline on the documents of a gold file and print P/R/F1 per label (exact and
overlapping spans) and the accuracy of each attribute on exactly matched spans.

Usage: python scripts/evaluate.py GOLD.jsonl [--docs seeds/ | --docs REPORTS.jsonl.gz]
                                  [--segmenter pkuseg|jieba]
                                  [--labels SLOGAN ...] [--sources FILE ...] [--json OUT.json]
                                  [--model models/NAME]

With --model, one table compares the rules only, the trained tagger only and the two combined
(nlp.load(model=...)) on P/R/F1 per label; --sources keeps the gold units of those documents
only (e.g. a corpus's dev documents, for held-out figures). --docs is a folder whose files are
the gold's sources, or a JSONL file (gzipped or not) of ``{"id", "text"}`` objects whose ids are
(corpora/national_reports_1954_1999.jsonl.gz for corpora/gold/national_slogans.jsonl).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp  # noqa: E402
from nlp.corpus import read_documents, read_gold  # noqa: E402
from nlp.output import doc_record  # noqa: E402
from nlp.readers import InputError, read_document, reading_error  # noqa: E402
from nlp.scoring import score  # noqa: E402

DEFAULT_DOCS = Path(__file__).resolve().parent.parent / "seeds"


def source_texts(sources: list[str], docs: Path) -> dict[str, str]:
    """The text of each source: files of the folder ``docs``, or the objects of the JSONL file
    ``docs`` by ``id``. Raises ValueError naming a source that is not there."""
    if docs.is_dir():
        return {source: read_document(str(docs / source)).text for source in sources}
    texts = {str(d.get("id")): d.get("text") for d in read_documents(docs)}
    missing = [s for s in sources if not isinstance(texts.get(s), str)]
    if missing:
        raise ValueError(f"{docs}: no document with id {missing[0]!r} and a text")
    return {source: texts[source] for source in sources}


def predict(texts: dict[str, str], pipeline) -> dict[str, list[dict]]:
    """Entity records of each source document, by source name."""
    return {source: doc_record(pipeline(text), source)["ents"] for source, text in texts.items()}


def format_table(scores: dict) -> str:
    lines = [f"{'label':<10} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for label, result in scores.items():
        for match in ("exact", "overlap"):
            m = result[match]
            lines.append(f"{label:<10} {match:<8} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f} "
                         f"{m['tp']:5d} {m['fp']:5d} {m['fn']:5d}")  # fmt: skip
        for attr, a in result["attrs"].items():
            lines.append(f"{label:<10}   {attr:<14} accuracy {a['accuracy']:.3f} (n={a['n']})")
    return "\n".join(lines)


def format_comparison(scores_by_system: dict[str, dict]) -> str:
    """One table: a row per label and system, exact and overlap P/R/F1."""
    columns = [f"{match} {measure}" for match in ("exact", "overlap") for measure in ("P", "R", "F1")]
    lines = [f"{'label':<10} {'system':<9}" + "".join(f" {c:>10}" for c in columns)]
    labels = sorted({label for scores in scores_by_system.values() for label in scores})
    for label in labels:
        for system, scores in scores_by_system.items():
            cells = "".join(f" {scores[label][m][k]:10.3f}" for m in ("exact", "overlap") for k in ("p", "r", "f"))
            lines.append(f"{label:<10} {system:<9}{cells}")
    return "\n".join(lines)


def systems(segmenter: str, model: Path) -> dict[str, dict]:
    """The load() options of the three pipelines that --model compares."""
    return {"rules": {"segmenter": segmenter},
            "model": {"segmenter": segmenter, "components": (), "model": model},
            "combined": {"segmenter": segmenter, "model": model}}  # fmt: skip


def _usage_error(message: str) -> int:
    print(f"evaluate.py: error: {message}", file=sys.stderr)
    return 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                        help="folder of the sources, or a JSONL(.gz) of {id, text} objects")
    parser.add_argument("--segmenter", default="pkuseg", choices=("pkuseg", "jieba"))
    parser.add_argument("--labels", nargs="+", help="labels to score (default: the gold's)")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument("--sources", nargs="+", metavar="FILE", help="score these documents only")
    parser.add_argument("--model", type=Path, help="compare rules, this trained tagger and both")
    args = parser.parse_args()
    try:
        units = read_gold(args.gold)
    except (ValueError, OSError) as error:
        return _usage_error(reading_error(args.gold, error))
    if args.sources:
        wanted = set(args.sources)
        units = [u for u in units if u.source in wanted]
    sources = sorted({u.source for u in units})
    try:
        texts = source_texts(sources, args.docs)
    except InputError as error:
        return _usage_error(str(error))
    except ValueError as error:  # a bad JSON line, or a source the file lacks
        return _usage_error(str(error) if str(error).startswith(str(args.docs)) else f"{args.docs}: {error}")
    except OSError as error:
        return _usage_error(f"{args.docs}: {error.strerror or error}")
    if args.model:
        scores = {}
        for system, options in systems(args.segmenter, args.model).items():
            scores[system] = score(units, predict(texts, nlp.load(**options)), args.labels)
        print(format_comparison(scores))
    else:
        scores = score(units, predict(texts, nlp.load(args.segmenter)), args.labels)
        print(format_table(scores))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
