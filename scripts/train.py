"""Train the statistical tagger (tok2vec + NER for SLOGAN, INDICATOR, RESP_UNIT) on a corpus
built by scripts/build_corpus.py, evaluate it on the corpus's dev split, and save it.

Usage:
    python scripts/train.py --corpus corpora/NAME -o models/NAME [--quick | --config CFG]
        [--pkuseg-model DIR] [--chunk-tokens N] [--training.max_steps 20 ...]

Extra ``--section.key value`` options override the config as in ``spacy train``. The model
folder holds the spaCy pipeline (``nlp.load(model="models/NAME")`` adds its NER to the rules)
and ``metrics.json``: the dev scores per label, the training time and the model's size.

Train/inference consistency: at inference the NER runs inside the pipeline on docs whose text
is the original text, cut by our tokenizer (cleaned-text segmentation mapped back, deleted
line breaks as tokens of their own), after the rule components have split tokens at their span
boundaries. So training docs are made the same way: the pipeline's tokenizer over each record's
``raw`` text, tokens split at the span boundaries (``nlp.spans.split_tokens_at``), spans at
their original offsets; the config reads them with ``gold_preproc`` so spaCy keeps these tokens.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import nlp  # noqa: E402
from nlp.pipeline import pkuseg_model_path  # noqa: E402
from nlp.spans import LABEL_PRIORITY, split_tokens_at  # noqa: E402

CONFIGS = REPO / "configs"
DEFAULT_CONFIG = CONFIGS / "tagger.cfg"
QUICK_CONFIG = CONFIGS / "tagger_quick.cfg"
# Training docs are cut into pieces of at most this many tokens (at paragraph or sentence ends
# outside any span), so that batches hold many short examples rather than a few reports.
DEFAULT_CHUNK_TOKENS = 300
# Tokens after which a piece may end.
_PIECE_ENDS = ("。", "；", "！", "？")


def record_doc(tokenizer, record: dict):
    """A Doc of the record's original text with its spans as ``doc.ents``.

    Spans lose leading and trailing whitespace (spaCy's NER cannot start or end an entity on
    it); where spans overlap (NER cannot represent that), the longest is kept, ties by label.
    Returns the doc and the number of spans dropped."""
    from spacy.util import filter_spans

    raw = record["raw"]
    doc = tokenizer(raw)
    spans = [(start, end, s["label"]) for s in record["spans"]
             for start, end in [_strip(raw, s["start"], s["end"])] if start < end]  # fmt: skip
    split_tokens_at(doc, [offset for start, end, _ in spans for offset in (start, end)])
    ents = [doc.char_span(start, end, label=label) for start, end, label in spans]
    ordered = sorted((e for e in ents if e is not None), key=lambda e: LABEL_PRIORITY.get(e.label_, 9))
    kept = filter_spans(ordered)
    doc.ents = kept
    return doc, len(record["spans"]) - len(kept)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def pieces(doc, max_tokens: int):
    """``doc`` cut into docs of at most ``max_tokens`` tokens, at a line break or a
    sentence end outside any entity (a longer stretch without one stays whole)."""
    inside = set()
    for ent in doc.ents:
        inside.update(range(ent.start, ent.end))
    cut_after = [i for i, t in enumerate(doc)
                 if i not in inside and ("\n" in t.text or t.text in _PIECE_ENDS)]  # fmt: skip
    start, last_cut = 0, None
    for i in cut_after + [len(doc) - 1]:
        if i + 1 - start > max_tokens and last_cut is not None:
            yield doc[start:last_cut + 1].as_doc()
            start = last_cut + 1
        last_cut = i
    if start < len(doc):
        yield doc[start:].as_doc()


def write_docbins(dataset, tokenizer, folder: Path, max_tokens: int) -> dict:
    """``train.spacy`` and ``dev.spacy`` in ``folder``; returns counts per split."""
    from spacy.tokens import DocBin

    counts = {}
    for split in ("train", "dev"):
        docbin, n_pieces, dropped, n_ents = DocBin(), 0, 0, 0
        for record in dataset[split]:
            doc, lost = record_doc(tokenizer, record)
            dropped += lost
            n_ents += len(doc.ents)
            for piece in pieces(doc, max_tokens):
                docbin.add(piece)
                n_pieces += 1
        docbin.to_disk(folder / f"{split}.spacy")
        counts[split] = {"documents": len(dataset[split]), "pieces": n_pieces, "entities": n_ents,
                         "overlapping_spans_dropped": dropped}  # fmt: skip
    return counts


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def train(corpus: Path, output: Path, config: Path, overrides: dict, *, pkuseg_model: str | None = None,
          chunk_tokens: int = DEFAULT_CHUNK_TOKENS) -> dict:
    """Train and save the tagger; returns the metrics written to ``output/metrics.json``."""
    from datasets import load_from_disk
    from spacy.cli.train import train as spacy_train
    from spacy.util import load_config

    started = time.perf_counter()
    cfg = load_config(config, overrides=overrides, interpolate=False)
    segmenter = cfg["nlp"]["tokenizer"]["segmenter"]
    model_dir = str(pkuseg_model_path(pkuseg_model)) if segmenter == "pkuseg" else None
    # The tokenizer of the pipeline the tagger will run in (glossary user words included).
    tokenizer = nlp.load(segmenter, pkuseg_model=model_dir).tokenizer
    dataset = load_from_disk(str(corpus))
    with tempfile.TemporaryDirectory(prefix="train-", dir=output.parent if output.parent.exists() else None) as tmp:
        work = Path(tmp)
        counts = write_docbins(dataset, tokenizer, work, chunk_tokens)
        prepared = time.perf_counter()
        paths = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                 "paths.pkuseg_model": model_dir}  # fmt: skip
        spacy_train(config, work / "out", overrides={**overrides, **paths})
        trained = time.perf_counter()
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(work / "out" / "model-best", output)
    meta = json.loads((output / "meta.json").read_text(encoding="utf-8"))
    performance = meta.get("performance", {})
    metrics = {
        "corpus": str(corpus),
        "config": str(config),
        "overrides": overrides,
        "segmenter": segmenter,
        "data": counts,
        "dev": {"p": performance.get("ents_p"), "r": performance.get("ents_r"), "f": performance.get("ents_f"),
                "per_label": performance.get("ents_per_type")},  # fmt: skip
        "seconds": {"prepare": round(prepared - started, 1), "train": round(trained - prepared, 1),
                    "total": round(time.perf_counter() - started, 1)},  # fmt: skip
        "size_bytes": {"total": folder_size(output), "ner": folder_size(output / "ner"),
                       "tokenizer": folder_size(output / "tokenizer")},  # fmt: skip
    }
    (output / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return metrics


def main(argv: list[str] | None = None) -> int:
    from spacy.cli._util import parse_config_overrides

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="corpus folder from build_corpus.py")
    parser.add_argument("-o", "--output", type=Path, required=True, help="model folder (models/NAME)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help=f"use {QUICK_CONFIG.relative_to(REPO)}")
    group.add_argument("--config", type=Path, help=f"default {DEFAULT_CONFIG.relative_to(REPO)}")
    parser.add_argument("--pkuseg-model", help="pkuseg model folder (default: models/pkuseg)")
    parser.add_argument("--chunk-tokens", type=int, default=DEFAULT_CHUNK_TOKENS,
                        help="longest training piece, in tokens")  # fmt: skip
    args, rest = parser.parse_known_args(argv)
    try:
        overrides = parse_config_overrides(rest)
    except SystemExit:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    config = args.config or (QUICK_CONFIG if args.quick else DEFAULT_CONFIG)
    if not (args.corpus / "build.json").is_file():
        parser.error(f"{args.corpus} is not a corpus: build one with scripts/build_corpus.py")
    splits = json.loads((args.corpus / "build.json").read_text(encoding="utf-8"))["splits"]
    if not (splits["train"]["documents"] and splits["dev"]["documents"]):
        parser.error(f"{args.corpus} needs documents in both splits (build_corpus.py --dev-share/--dev-docs)")
    metrics = train(args.corpus, args.output, config, overrides, pkuseg_model=args.pkuseg_model,
                    chunk_tokens=args.chunk_tokens)  # fmt: skip
    dev = {k: metrics["dev"][k] or 0.0 for k in ("p", "r", "f")}  # None when dev has no entities
    print(f"saved {args.output}: dev P {dev['p']:.3f} R {dev['r']:.3f} F1 {dev['f']:.3f}; "
          f"{metrics['seconds']['total']} s; {metrics['size_bytes']['total'] / 1e6:.1f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
