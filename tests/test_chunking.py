"""Long documents in chunks: cut at paragraph ends, offsets into the original text, and the
same record as the whole document where each chunk sees the context before it."""

import json

import pytest

from nlp import annotate
from nlp.chunking import Chunk, annotate_long, chunk_record, merge_records, paragraph_chunks
from nlp.output import JsonlWriter, doc_record
from nlp.run_lexicon import prepare_run

from .conftest import seed_path, seed_text

# fmt: off
@pytest.mark.parametrize("text, max_chars, context_chars, expected", [
    ("一、总体要求。\n" * 3, 16, 0, [(0, 0, 16), (16, 16, 24)]),
    ("一、总体要求。\n" * 3, 16, 8, [(0, 0, 16), (8, 16, 24)]),
    ("一、总体要求。\n" * 3, 100, 8, [(0, 0, 24)]),
    ("第一行，\n第二行。 \r\n第三行", 12, 0, [(0, 0, 12), (12, 12, 15)]),  # spaces and \r before \n
    ("没有句号的一行，\n又一行，\n", 10, 0, [(0, 0, 9), (9, 9, 14)]),        # no paragraph end: a line end
    ("一行很长很长很长很长", 4, 0, [(0, 0, 4), (4, 4, 8), (8, 8, 10)]),        # no line end: a hard cut
])
# fmt: on
def test_paragraph_chunks(text, max_chars, context_chars, expected):
    chunks = paragraph_chunks(text, max_chars, context_chars)
    assert [(c.context, c.start, c.end) for c in chunks] == expected
    assert [c.last for c in chunks] == [False] * (len(chunks) - 1) + [True]


def test_chunk_record_keeps_own_entries_with_document_offsets():
    record = {"path": "a.txt",
              "ents": [{"start": 1, "end": 3, "label": "SLOGAN"},
                       {"start": 12, "end": 15, "label": "RESP_UNIT", "task": {"start": 2, "end": 11}}],
              "glossary": [{"term": "甲", "start": 0, "end": 4}, {"term": "乙", "start": 20, "end": 30}]}  # fmt: skip
    shifted = chunk_record(record, Chunk(context=100, start=110, end=140, last=False))
    assert shifted["ents"] == [{"start": 112, "end": 115, "label": "RESP_UNIT", "task": {"start": 102, "end": 111}}]
    assert shifted["glossary"] == [{"term": "乙", "start": 120, "end": 130}]
    assert record["ents"][1]["start"] == 12  # the chunk's own record is left alone
    merged = merge_records([chunk_record(record, Chunk(0, 0, 100, False)), shifted])
    assert [e["start"] for e in merged["ents"]] == [1, 12, 112] and merged["path"] == "a.txt"


@pytest.mark.parametrize("prefix", ["001", "002"])  # a Word extraction with a glossary; a PDF one
def test_chunked_record_equals_whole_record(prefix, nlp_pkuseg, monkeypatch):
    # A chunk before 001's glossary section does not see it; its slogans link to the copy of
    # those entries in the shipped knowledge base, parts included, as for any document of the
    # entries' jurisdiction: both records are read as Henan documents (the seeds are).
    monkeypatch.setattr(nlp_pkuseg.get_pipe("glossary_linker"), "jurisdiction", "河南省")
    text, path = seed_text(prefix), str(seed_path(prefix))
    chunks = paragraph_chunks(text, 10_000, len(text))
    assert len(chunks) > 1
    assert annotate_long(nlp_pkuseg, text, path, 10_000, len(text)) == doc_record(nlp_pkuseg(text), path)


def test_annotate_command_chunks_long_documents(nlp_pkuseg, tmp_path):
    path = str(seed_path("003"))
    out = tmp_path / "out.jsonl"
    with open(out, "w", encoding="utf-8") as stream:
        failures = annotate.annotate([path], nlp_pkuseg, JsonlWriter(stream), max_chars=8_000)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    raw = seed_text("003")
    assert failures == 0 and record["path"] == path and record["ents"] and record["glossary"]
    assert max(e["start"] for e in record["ents"]) > 8_000  # offsets past the first chunk
    # The streamed line is the merged record of the chunks, annotated with the run's knowledge.
    prepare_run(nlp_pkuseg, [(path, raw)])
    try:
        assert record == annotate_long(nlp_pkuseg, raw, path, 8_000, 800)
    finally:
        prepare_run(nlp_pkuseg, [])
    for ent in record["ents"]:
        assert "".join(raw[ent["start"]:ent["end"]].split()) == "".join(ent["text"].split())
    for entry in record["glossary"]:
        assert entry["term"] in "".join(raw[entry["start"]:entry["end"]].split())
