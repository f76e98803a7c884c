"""The run-level pre-pass: what one document of an annotate run defines reaches the others."""

from __future__ import annotations

import io
import json

import pytest

from nlp.annotate import annotate
from nlp.output import JsonlWriter
from nlp.run_lexicon import prepare_run

DEFINES = "全面推进“三项改革”，即财税改革、金融改革、投资改革。\n"
USES = "今年继续推进三项改革，巩固成果。\n"


@pytest.fixture
def pipeline(nlp_pkuseg):
    prepare_run(nlp_pkuseg, [])
    yield nlp_pkuseg
    prepare_run(nlp_pkuseg, [])


@pytest.mark.parametrize("jobs, max_chars", [(1, 100_000), (2, 100_000), (1, 20)])
def test_run_definition_links_the_other_documents(pipeline, tmp_path, jobs, max_chars):
    (tmp_path / "a.txt").write_text(DEFINES, encoding="utf-8")
    (tmp_path / "b.txt").write_text(USES, encoding="utf-8")
    out = io.StringIO()
    assert annotate([str(tmp_path)], pipeline, JsonlWriter(out), jobs=jobs, max_chars=max_chars) == 0
    a, b = (json.loads(line) for line in out.getvalue().splitlines())
    assert [(e["text"], e["link"]["source"]) for e in a["ents"]] == [("三项改革", "a.txt")]
    (mention,) = b["ents"]
    assert (mention["start"], mention["end"], mention["source"]) == (6, 10, "run")
    assert mention["link"]["term"] == "三项改革"
    assert mention["link"]["source"] == "a.txt"
    assert mention["link"]["definition"].endswith("财税改革、金融改革、投资改革")
    assert b["glossary"] == []  # the definition is a.txt's, not b.txt's


def test_run_without_the_defining_document_links_nothing(pipeline, tmp_path):
    # Quoted here, so that the formulation is a slogan on its own (unquoted, 推进三项改革 is
    # one the classifier may read as a count), but nothing in the run defines it.
    (tmp_path / "b.txt").write_text(USES.replace("三项改革", "“三项改革”"), encoding="utf-8")
    out = io.StringIO()
    assert annotate([str(tmp_path)], pipeline, JsonlWriter(out)) == 0
    assert [(e["text"], e["link"]) for e in json.loads(out.getvalue())["ents"]] == [("三项改革", None)]


def test_prepare_run_counts_and_forgets(pipeline):
    assert prepare_run(pipeline, [("a", DEFINES), ("b", USES)]) == {"slogans": 1, "definitions": 2}
    assert pipeline.get_pipe("glossary_linker").run_glossary
    assert prepare_run(pipeline, []) == {"slogans": 0, "definitions": 0}
    assert not pipeline.get_pipe("glossary_linker").run_glossary


def test_run_own_definition_beats_the_shipped_one(pipeline, tmp_path):
    # 六稳 is also defined in the shipped glossary (a seed's); the document's own “六稳”指…
    # (a bare 指 after the quoted term) is the link.
    text = "落实“六稳”任务。“六稳”指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n"
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert annotate([str(tmp_path)], pipeline, JsonlWriter(out)) == 0
    links = [(e["text"], e["link"]["source"]) for e in json.loads(out.getvalue())["ents"] if e["label"] == "SLOGAN"]
    assert links == [("六稳", "c.txt"), ("六稳", "c.txt")]
