"""Linking that knows where a definition comes from: the document's own glossary, then the
run's definitions, then the shipped knowledge base; no link for a mention inside an idiom, a
longer word or a number; part-of and prefix candidates of other documents never become the
link; other jurisdictions link only on the exact term."""

from __future__ import annotations

import pytest

from nlp.components.glossary_linker import GlossaryLinker, same_jurisdiction
from nlp.glossary import load_knowledge_base, lookup
from nlp.glossary.kb import GlossaryEntry
from nlp.glossary.mine import mine_definitions
from nlp.glossary.standalone import stands_alone
from nlp.spans import policy_spans
from nlp.text import clean

from .conftest import linked_doc


def link_mentions(nlp, text, mentions, *, source=None, jurisdiction=None, linker=None):
    """The SLOGAN spans of the mentions once linked (conftest.linked_doc)."""
    doc = linked_doc(nlp, text, mentions, source=source, jurisdiction=jurisdiction, linker=linker)
    return [s for s in policy_spans(doc) if s.label_ == "SLOGAN"]


def terms(spans):
    return [s._.link and s._.link["term"] for s in spans]


# fmt: off
WRONG_SENSES = [
    # (text, mention, the entry offered as a candidate only)
    ("广纳五湖四海的优秀人才。", "五湖", "一渠两园三河五湖"),         # idiom
    ("紧紧围绕这一中心工作。", "一中心", "三区一中心一高地"),          # determiner + 一
    ("欢迎来自三河市的客商。", "三河", "一渠两园三河五湖"),           # inside a longer word (a place)
    ("全市二十五湖连通成网。", "五湖", "一渠两园三河五湖"),           # inside a number
    ("推进“四化”同步发展。", "四化", "四优四化"),                     # part of another county's entry
    ("建设“四好”农村公路。", "四好", "四好农村路"),                   # prefix of another county's entry
]
# fmt: on


@pytest.mark.parametrize("text,mention,offered", WRONG_SENSES)
def test_glossary_sources_no_wrong_sense_link(nlp_pkuseg, text, mention, offered):
    (span,) = link_mentions(nlp_pkuseg, text, [mention])
    assert span._.link is None and span.kb_id_ == ""
    assert offered in [c["term"] for c in span._.candidates]


def test_glossary_sources_inside_a_longer_word_or_number():
    words = frozenset({"三河市", "五湖四海"})
    assert stands_alone("来自三河市的企业", 2, 4, words) is False
    assert stands_alone("全省二十五湖连通", 4, 6, words) is False
    assert stands_alone("打造一渠两园三河五湖", 6, 8, words) is True
    assert stands_alone("治理“三河”", 3, 5, words) is True


def test_glossary_sources_quoted_or_alone_still_links(nlp_pkuseg):
    spans = link_mentions(nlp_pkuseg, "实施“一渠两园三河五湖”工程，坚持两个确保。", ["一渠两园三河五湖", "两个确保"])
    assert terms(spans) == ["一渠两园三河五湖", "两个确保"]


def test_glossary_sources_other_jurisdiction_links_only_on_the_exact_term(nlp_pkuseg):
    spans = link_mentions(nlp_pkuseg, "全国都要做到两个确保，做好“两筛”工作。", ["两个确保", "两筛"],
                          source="national.txt", jurisdiction="national")  # fmt: skip
    assert terms(spans) == ["两个确保", None]
    link = spans[0]._.link
    assert (link["jurisdiction"], link["source"], link["year"]) == ("河南省驻马店市西平县", "001_753636851620b86f.txt", 2022)
    assert [(c["term"], c["match"], c["jurisdiction"]) for c in spans[1]._.candidates] == [
        ("两筛两癌", "part", "河南省驻马店市西平县")]  # fmt: skip


def test_glossary_sources_same_jurisdiction_links_a_part(nlp_pkuseg):
    (span,) = link_mentions(nlp_pkuseg, "做好“两筛”工作。", ["两筛"], jurisdiction="河南省驻马店市")
    assert (span._.link["term"], span._.link["source"], span._.link["score"]) == (
        "两筛两癌", "001_753636851620b86f.txt", 0.9)  # fmt: skip
    assert same_jurisdiction("河南省南阳市", "河南省南阳市卧龙区") and not same_jurisdiction("河南省", "湖北省")


RUN_TEXT = "对基本建设坚决实行“三保三压”的方针，即保计划内建设，压计划外建设；保生产性建设，压非生产性建设；保重点建设，压非重点建设。"


def test_glossary_sources_run_glossary_tier(nlp_pkuseg):
    linker = GlossaryLinker()
    linker.initialize()
    linker.set_run_glossary(mine_definitions(RUN_TEXT, "run-a.txt", 1987))
    assert [e.term for e in linker.run_glossary] == ["三保三压"]
    # Another document of the run: the exact term links to the run's definition …
    spans = link_mentions(nlp_pkuseg, "继续坚持“三保三压”，做好“三保”。", ["三保三压", "三保"],
                          source="run-b.txt", linker=linker)  # fmt: skip
    assert terms(spans) == ["三保三压", None]
    assert (spans[0]._.link["source"], spans[0]._.link["year"]) == ("run-a.txt", 1987)
    # … its part only in the document that defined it.
    spans = link_mentions(nlp_pkuseg, RUN_TEXT + "做好“三保”。", ["三保"], source="run-a.txt", linker=linker)
    assert terms(spans) == ["三保三压"]
    linker.set_run_glossary([])
    assert len(linker.run_glossary) == 0


def test_glossary_sources_priority_document_then_run_then_shipped(nlp_pkuseg):
    linker = GlossaryLinker()
    linker.initialize()
    run_entry = GlossaryEntry("两个确保", "指本次运行中另一文件的定义。", "other.txt", "mined", None, 0, 9)
    linker.set_run_glossary([run_entry.to_dict()])
    own = "坚持“两个确保”。\n\n名词解释\n1. 两个确保：指本文自己的定义。\n"
    (span,) = link_mentions(nlp_pkuseg, own, ["两个确保"], source="own.txt", linker=linker)
    assert (span._.link["definition"], span._.link["source"]) == ("指本文自己的定义。", "own.txt")
    (span,) = link_mentions(nlp_pkuseg, "坚持“两个确保”。", ["两个确保"], source="new.txt", linker=linker)
    assert (span._.link["definition"], span._.link["source"]) == ("指本次运行中另一文件的定义。", "other.txt")
    assert [c["source"] for c in span._.candidates][:3] == [
        "other.txt", "001_753636851620b86f.txt", "003_cae29be595d6bbe5.txt"]  # fmt: skip


def test_glossary_sources_national_knowledge_base():
    found = [c.entry for c in lookup("四项基本原则") if c.kind == "exact"]
    assert [(e.jurisdiction, e.year, e.source, e.earliest) for e in found] == [
        ("national", 1979, "gwr-1979", True), ("national", 1987, "gwr-1987", False)]  # fmt: skip
    assert found[1].members == ["坚持社会主义道路", "坚持人民民主专政", "坚持共产党的领导", "坚持马克思列宁主义、毛泽东思想"]
    assert {e.jurisdiction for e in load_knowledge_base()} == {
        "national", "河南省驻马店市西平县", "河南省南阳市", "河南省南阳市卧龙区"}  # fmt: skip


def test_glossary_sources_national_offsets_point_into_the_reports():
    from nlp.corpus import read_documents
    from tests.conftest import REPORTS

    texts = {d["id"]: d["text"] for d in read_documents(REPORTS)}
    for entry in load_knowledge_base():
        if entry.jurisdiction != "national":
            continue
        raw = texts[entry.source][entry.start:entry.end]
        squashed = clean(raw).text.replace("\n", "")
        assert entry.term.replace(" ", "") in squashed.replace(" ", "") or entry.term in raw, entry.term
        assert entry.definition[-4:] in squashed, entry.term
