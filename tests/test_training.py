"""The training chain: build_corpus on seed 004 and a slice of a national report, train --quick
for a few steps, and the trained tagger in nlp.load(model=...), alone and with the rules.

The chain runs on jieba tokens (``--nlp.tokenizer.segmenter jieba``) to stay well under a
minute: no pkuseg loads in the subprocesses, no 170 MB pkuseg copy in the saved model."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

import nlp
from nlp.corpus import GoldUnit, read_documents

from .conftest import GOLD, REPO, REPORTS, seed_path, seed_text

SLICE_CHARS = 3000


def _script(name: str):
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    result = subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_build_corpus_split_ids_deterministic_by_document():
    build = _script("build_corpus")
    ids = [f"doc{i}" for i in range(10)]
    first = build.split_ids(ids, 0.2, seed=7)
    assert first == build.split_ids(list(reversed(ids)), 0.2, seed=7)
    assert sorted(first.values()).count("dev") == 2
    assert "dev" in build.split_ids(["a", "b"], 0.01, seed=0).values()
    assert build.split_ids(ids, 0.2, seed=0, dev_ids=["doc3"]) == {i: "dev" if i == "doc3" else "train" for i in ids}
    with pytest.raises(ValueError, match="unknown"):
        build.split_ids(ids, 0.2, seed=0, dev_ids=["nope"])


def test_build_corpus_merge_gold_replaces_silver_of_its_labels_inside_units():
    build = _script("build_corpus")
    raw = "坚持两个确保。全县生产总值完成283.9亿元，增长8.4%。"
    unit_start = raw.index("全县")
    unit = GoldUnit("u", "d.txt", unit_start, raw[unit_start:],
                    [{"start": raw.index("283.9"), "end": raw.index("，"), "label": "INDICATOR", "value": 28390000000}])  # fmt: skip
    gold = build.GoldFile({"d.txt": [unit]}, frozenset({"INDICATOR"}))
    silver = [
        {"start": 2, "end": 6, "label": "SLOGAN", "origin": "rules", "attrs": {}},
        {"start": raw.index("283.9"), "end": raw.index("亿"), "label": "INDICATOR", "origin": "rules", "attrs": {}},
        {"start": raw.index("8.4"), "end": raw.index("%") + 1, "label": "INDICATOR", "origin": "rules", "attrs": {}},
    ]
    merged = build.merge_gold("d.txt", raw, silver, [gold])
    assert [(raw[s["start"]:s["end"]], s["origin"]) for s in merged] == [("两个确保", "rules"), ("283.9亿元", "gold")]
    assert merged[1]["attrs"] == {"value": 28390000000}
    assert build.merge_gold("other.txt", raw, silver, [gold]) == silver
    with pytest.raises(ValueError, match="does not match"):
        build.merge_gold("d.txt", raw.replace("全县", "全市"), silver, [gold])


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A corpus and a --quick model from seed 004 plus the start of the 1999 report."""
    tmp = tmp_path_factory.mktemp("training")
    report = next(row for row in read_documents(REPORTS) if row["id"] == "gwr-1999")
    slice_file = tmp / "slice.jsonl"
    slice_file.write_text(json.dumps({"id": "gwr-1999-slice", "text": report["text"][:SLICE_CHARS]},
                                     ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    corpus, model = tmp / "corpus", tmp / "model"
    _run("scripts/build_corpus.py", str(seed_path("004")), str(slice_file), "-o", str(corpus),
         "--gold", str(GOLD / "indicators_units.jsonl"), "--segmenter", "jieba", "--dev-docs", "gwr-1999-slice")  # fmt: skip
    _run("scripts/train.py", "--corpus", str(corpus), "-o", str(model), "--quick",
         "--nlp.tokenizer.segmenter", "jieba", "--training.max_steps", "40", "--training.eval_frequency", "20")  # fmt: skip
    return corpus, model


def test_build_corpus_records_keep_offsets_and_gold(trained):
    from datasets import load_from_disk

    corpus, _ = trained
    dataset = load_from_disk(str(corpus))
    assert [r["id"] for r in dataset["train"]] == [seed_path("004").name]
    assert [r["id"] for r in dataset["dev"]] == ["gwr-1999-slice"]
    record = dataset["train"][0]
    assert record["raw"] == seed_text("004")
    assert all(record["raw"][o] == ch for o, ch in zip(record["offsets"], record["text"]))
    assert {s["origin"] for s in record["spans"]} == {"rules", "gold"}
    for span in record["spans"]:
        assert record["text"][span["clean_start"]:span["clean_end"]] == span["text"]
        assert "".join(record["raw"][span["start"]:span["end"]].split()) == "".join(span["text"].split())
    exported = [json.loads(line) for line in open(corpus / "train.jsonl", encoding="utf-8")]
    assert exported[0]["spans"][0]["attrs"] == json.loads(record["spans"][0]["attrs"])


def test_train_quick_writes_model_and_metrics(trained):
    _, model = trained
    metrics = json.loads((model / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["segmenter"] == "jieba"
    assert metrics["data"]["train"]["entities"] > 0 and metrics["data"]["dev"]["documents"] == 1
    assert 0.0 <= metrics["dev"]["f"] <= 1.0
    assert metrics["size_bytes"]["ner"] > 0 and (model / "config.cfg").is_file()


def test_load_model_alone_and_combined_with_rules(trained, nlp_jieba):
    _, model = trained
    text = seed_text("004")
    alone = nlp.load("jieba", components=(), model=model)
    combined = nlp.load("jieba", model=model)
    assert alone.pipe_names == ["policy_model_ner", "policy_model_spans"]
    assert combined.pipe_names.index("policy_model_spans") < combined.pipe_names.index("glossary_linker")
    model_doc, combined_doc, rules_doc = alone(text), combined(text), nlp_jieba(text)
    assert model_doc.text == combined_doc.text == text
    spans = list(model_doc.spans["policy"])
    assert spans, "the tagger found nothing in its own training document"
    for span in spans + list(combined_doc.spans["policy"]):
        assert "".join(text[span.start_char:span.end_char].split()) == "".join(span._.clean_text.split())
    # Rules win where both fire; the model only adds spans that overlap no rule span.
    rules = {(s.start_char, s.end_char, s.label_) for s in rules_doc.spans["policy"]}
    both = {(s.start_char, s.end_char, s.label_) for s in combined_doc.spans["policy"]}
    assert rules <= both
    for start, end, _ in both - rules:
        assert not any(s < end and start < e for s, e, _ in rules)


def test_train_slogans_reads_the_corpus_format(trained):
    """scripts/train_slogans.py builds its rows from a build_corpus corpus: every SLOGAN span
    of the corpus is a positive row, and the rows train a classifier."""
    from datasets import load_from_disk

    corpus, _ = trained
    train_slogans = _script("train_slogans")
    rows = train_slogans.build_rows_from_corpus(corpus)
    expected = {(r["id"], s["start"], s["end"]) for split in load_from_disk(str(corpus)).values()
                for r in split for s in r["spans"] if s["label"] == "SLOGAN"}  # fmt: skip
    assert expected
    assert {(r["source"], r["start"], r["end"]) for r in rows if r["label"]} == expected
    assert any(not r["label"] for r in rows)
    model = train_slogans.train(rows, c=1.0, threshold=0.5)
    assert model.lexicon and len(model.weights) > 0
