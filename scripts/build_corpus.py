"""Build a training corpus: read documents, clean them, tag them with the rule components
(silver labels), put gold annotations in where a gold file covers them, split train/dev by
document and save a Hugging Face ``DatasetDict`` plus a JSONL export.

Usage:
    python scripts/build_corpus.py PATH... -o corpora/NAME [--gold GOLD.jsonl ...]
        [--dev-share 0.2 | --dev-docs ID ...] [--seed 0] [--segmenter pkuseg|jieba] [--jobs N]
        [--silver-from corpora/OTHER]

PATH is a ``.txt`` file, a folder (its ``*.txt``, recursively) or a ``.jsonl`` file whose lines
hold ``id`` and ``text`` (one document a line, e.g. corpora/national_reports_1954_1999.jsonl.gz; gzipped JSONL is read as it is).
A ``.txt`` document's id is its file name, which is what gold files call ``source``.

Output in corpora/NAME: ``dataset_dict.json`` + ``train/`` + ``dev/`` (``datasets.load_from_disk``),
``train.jsonl`` and ``dev.jsonl`` (the same records, ``attrs`` as JSON objects) and
``build.json`` (the settings and counts). A record::

    {"id": "000_9e295fb6671ded8a.txt", "source": "seeds/000_9e295fb6671ded8a.txt",
     "raw": <original text>, "text": <cleaned text>, "offsets": [original index of each cleaned
     character, then len(raw)], "spans": [{"start", "end" (into raw), "clean_start", "clean_end"
     (into text), "label", "text", "origin": "rules"|"gold", "attrs": <JSON of the attributes>}]}

Gold: for each unit of a gold file whose ``source`` is a document's id, the silver spans of the
labels that file annotates which overlap the unit are replaced by the unit's gold spans.
The same inputs, gold files, seed and segmenter give the same records.

--silver-from takes the rule spans of documents already in a corpus built without gold (same
id, same text) instead of running the rules again: a new split or new gold in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlp  # noqa: E402
from nlp.corpus import GoldUnit, open_text, read_gold  # noqa: E402
from nlp.output import doc_record  # noqa: E402
from nlp.readers import InputError, iter_documents  # noqa: E402
from nlp.text import clean  # noqa: E402

SPLITS = ("train", "dev")
# Keys of an entity record that are not attributes.
_SPAN_KEYS = ("start", "end", "label", "text")


@dataclass(frozen=True)
class SourceDoc:
    """A document to put in the corpus: its id, where it came from, its decoded text."""

    id: str
    source: str
    text: str


def read_sources(paths: Iterable[str]) -> Iterator[SourceDoc | InputError]:
    """The documents named by ``paths``: ``.jsonl`` files give one document a line (``id``,
    ``text``), anything else goes through :func:`nlp.readers.iter_documents`."""
    for path in paths:
        if path.endswith((".jsonl", ".jsonl.gz")) and Path(path).is_file():
            yield from _jsonl_documents(path)
            continue
        for item in iter_documents([path]):
            if isinstance(item, InputError):
                yield item
            else:
                yield SourceDoc(Path(item.name).name, item.name, item.text)


def _jsonl_documents(path: str) -> Iterator[SourceDoc | InputError]:
    with open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield SourceDoc(str(row["id"]), f"{path}:{number}", row["text"])
            except (json.JSONDecodeError, KeyError, TypeError):
                yield InputError(f"{path}:{number}", 'not a JSON object with "id" and "text"')


@dataclass
class GoldFile:
    """A gold file's units by source, and the labels it annotates."""

    units: dict[str, list[GoldUnit]]
    labels: frozenset[str]


def load_gold(path: str | Path) -> GoldFile:
    units: dict[str, list[GoldUnit]] = {}
    labels = set()
    for unit in read_gold(path):
        units.setdefault(unit.source, []).append(unit)
        labels.update(e["label"] for e in unit.ents)
    if not labels:
        raise ValueError(f"{path}: no span annotations (is it a span gold file?)")
    return GoldFile(units, frozenset(labels))


def merge_gold(doc_id: str, raw: str, spans: list[dict], gold_files: Iterable[GoldFile]) -> list[dict]:
    """``spans`` with the silver spans of each gold unit's labels and range replaced by gold.

    Spans are ``{"start", "end", "label", "origin", "attrs"}`` with offsets into ``raw``."""
    for gold in gold_files:
        for unit in gold.units.get(doc_id, []):
            if raw[unit.start:unit.end] != unit.text:
                raise ValueError(f"gold unit {unit.id} does not match the text of {doc_id}")
            spans = [s for s in spans if s["label"] not in gold.labels
                     or s["end"] <= unit.start or unit.end <= s["start"]]  # fmt: skip
            for ent in unit.ents:
                attrs = {k: v for k, v in ent.items() if k not in _SPAN_KEYS}
                spans.append({"start": ent["start"], "end": ent["end"], "label": ent["label"],
                              "origin": "gold", "attrs": attrs})  # fmt: skip
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["label"]))


def make_record(source: SourceDoc, ents: list[dict], gold_files: Iterable[GoldFile]) -> dict:
    """The corpus record of a document from its rule entities (SPEC.md JSON ``ents``)."""
    silver = [{"start": e["start"], "end": e["end"], "label": e["label"], "origin": "rules",
               "attrs": {k: v for k, v in e.items() if k not in _SPAN_KEYS}} for e in ents]  # fmt: skip
    view = clean(source.text)
    spans = []
    for span in merge_gold(source.id, source.text, silver, gold_files):
        clean_start, clean_end = view.clean_span(span["start"], span["end"])
        spans.append({
            "start": span["start"], "end": span["end"],
            "clean_start": clean_start, "clean_end": clean_end,
            "label": span["label"], "text": view.text[clean_start:clean_end],
            "origin": span["origin"], "attrs": json.dumps(span["attrs"], ensure_ascii=False, sort_keys=True),
        })  # fmt: skip
    return {"id": source.id, "source": source.source, "raw": source.text, "text": view.text,
            "offsets": list(view.offsets), "spans": spans}  # fmt: skip


def split_ids(ids: list[str], dev_share: float, seed: int, dev_ids: Iterable[str] | None = None) -> dict[str, str]:
    """The split of each document id: ``dev_ids`` if given, else a seeded share of the
    documents (at least one each side when there are two or more)."""
    if dev_ids is not None:
        dev = set(dev_ids)
        unknown = dev - set(ids)
        if unknown:
            raise ValueError(f"--dev-docs names unknown documents: {', '.join(sorted(unknown))}")
    else:
        order = sorted(ids)
        random.Random(seed).shuffle(order)
        n_dev = min(max(round(dev_share * len(order)), 1), len(order) - 1) if len(order) > 1 else 0
        dev = set(order[:n_dev])
    return {doc_id: "dev" if doc_id in dev else "train" for doc_id in ids}


def rule_entities(sources: list[SourceDoc], pipeline, jobs: int = 1) -> Iterator[list[dict]]:
    """The rule components' entities (SPEC.md JSON ``ents``) of each document, in order."""
    docs = pipeline.pipe((s.text for s in sources), n_process=jobs, batch_size=4)
    for source, doc in zip(sources, docs):
        yield doc_record(doc, source.id)["ents"]


def stored_entities(corpus: Path) -> dict[tuple[str, str], list[dict]]:
    """The rule entities of a corpus built without gold, by (id, raw text)."""
    from datasets import load_from_disk

    manifest = json.loads((corpus / "build.json").read_text(encoding="utf-8"))
    if manifest["gold"]:
        raise ValueError(f"{corpus} was built with gold files; --silver-from needs rule spans only")
    stored = {}
    for split in load_from_disk(str(corpus)).values():
        for row in split:
            stored[(row["id"], row["raw"])] = [dict(json.loads(s["attrs"]), start=s["start"], end=s["end"],
                                                    label=s["label"], text=s["text"]) for s in row["spans"]]  # fmt: skip
    return stored


def features():
    """The dataset schema (attributes as JSON text: their types vary by label)."""
    from datasets import Features, Sequence, Value

    span = {name: Value("int32") for name in ("start", "end", "clean_start", "clean_end")}
    span.update({name: Value("string") for name in ("label", "text", "origin", "attrs")})
    return Features({"id": Value("string"), "source": Value("string"), "raw": Value("string"),
                     "text": Value("string"), "offsets": Sequence(Value("int32")), "spans": [span]})  # fmt: skip


def save(records: list[dict], splits: dict[str, str], out: Path, settings: dict) -> dict:
    """Write the DatasetDict, the JSONL export and build.json to ``out``; returns the counts."""
    from datasets import Dataset, DatasetDict, disable_progress_bars

    disable_progress_bars()
    by_split = {name: [r for r in records if splits[r["id"]] == name] for name in SPLITS}
    schema = features()
    dataset = DatasetDict({name: Dataset.from_dict({column: [r[column] for r in rows] for column in schema},
                                                   features=schema) for name, rows in by_split.items()})  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    dataset.save_to_disk(str(out), num_shards=dict.fromkeys(SPLITS, 1))  # an empty split needs one too
    counts = {}
    for name, rows in by_split.items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for row in rows:
                export = dict(row, spans=[dict(s, attrs=json.loads(s["attrs"])) for s in row["spans"]])
                handle.write(json.dumps(export, ensure_ascii=False) + "\n")
        labels: dict[str, int] = {}
        for row in rows:
            for span in row["spans"]:
                key = f"{span['label']} ({span['origin']})"
                labels[key] = labels.get(key, 0) + 1
        counts[name] = {"documents": len(rows), "characters": sum(len(r["raw"]) for r in rows),
                        "ids": [r["id"] for r in rows], "spans": dict(sorted(labels.items()))}  # fmt: skip
    manifest = dict(settings, splits=counts)
    (out / "build.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("-o", "--output", type=Path, required=True, help="corpus folder (corpora/NAME)")
    parser.add_argument("--gold", action="append", default=[], help="gold JSONL file (repeatable)")
    parser.add_argument("--dev-share", type=float, default=0.2, help="share of documents for dev")
    parser.add_argument("--dev-docs", nargs="+", metavar="ID", help="put exactly these documents in dev")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--segmenter", default="pkuseg", choices=("pkuseg", "jieba"))
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for the rules")
    parser.add_argument("--silver-from", type=Path, help="reuse the rule spans of this corpus")
    args = parser.parse_args(argv)
    try:
        gold_files = [load_gold(path) for path in args.gold]
    except (OSError, ValueError) as error:
        parser.error(str(error))
    sources, failed = [], 0
    for item in read_sources(args.paths):
        if isinstance(item, InputError):
            print(f"build_corpus: error: {item}", file=sys.stderr)
            failed += 1
        else:
            sources.append(item)
    ids = [s.id for s in sources]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        parser.error(f"document ids must be unique; repeated: {', '.join(duplicates)}")
    if not sources:
        parser.error("no documents to build a corpus from")
    try:
        splits = split_ids(ids, args.dev_share, args.seed, args.dev_docs)
        stored = stored_entities(args.silver_from) if args.silver_from else {}
    except (OSError, ValueError) as error:
        parser.error(str(error))
    todo = [s for s in sources if (s.id, s.text) not in stored]
    pipeline = nlp.load(args.segmenter)
    stored.update(zip(((s.id, s.text) for s in todo), rule_entities(todo, pipeline, args.jobs)))
    records = [make_record(s, stored[(s.id, s.text)], gold_files) for s in sources]
    settings = {"inputs": args.paths, "gold": args.gold, "seed": args.seed, "dev_share": args.dev_share,
                "dev_docs": args.dev_docs, "segmenter": args.segmenter, "components": pipeline.pipe_names,
                "silver_from": str(args.silver_from) if args.silver_from else None,
                "nlp_version": nlp.__version__}  # fmt: skip
    counts = save(records, splits, args.output, settings)
    for name, c in counts.items():
        print(f"{name}: {c['documents']} documents, {c['characters']} characters, spans {c['spans']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
