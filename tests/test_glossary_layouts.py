"""Glossary layouts of other provinces' reports, written for these tests in that style:
numbered one-line entries (1.“X”：是指…), a field or qualifier before the quoted term, two
terms joined by 和, a definition broken inside a word, web-page residue after the last entry;
and a body mention of a term stored with its qualifier links."""

from __future__ import annotations

import pytest

from nlp.components.glossary_sections import SOURCE_KEY
from nlp.glossary.extract import extract, label_terms
from nlp.glossary.kb import Glossary, GlossaryEntry
from nlp.glossary.candidates import CandidateGenerator
from nlp.spans import add_policy_spans, policy_spans
from nlp.text import clean

WEB_PAGE = """某省2023年政府工作报告

今年要全面推进“两新一重”建设，落实“三线一单”生态环境分区管控，推进“双减”和“双增”。

名词解释
1.“两新一重”：是指新型基础设施建设、新型城镇化建设和交通、水利等重大工程建设。
2.生态环境领域“三线一单”：是指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。
3.“双减”和“双增”：指减轻作业负担和校外培训负担，增加课后服务和体育活动时间。
4.“四好农村路”：指建好、管好、护好、运营好农村公路，推进城乡交通运输一体
化发展。
5.“一网通办”：指政务服务线上一个总门户，线下一窗综合受理。
责任编辑：王某某
扫一扫在手机打开当前页
打印本页 关闭窗口
"""


def test_glossary_layouts_web_page_entries():
    entries, problems = extract(clean(WEB_PAGE), "web.html.txt")
    assert problems == []
    assert [(e.number, e.term, e.definition) for e in entries] == [
        (1, "两新一重", "是指新型基础设施建设、新型城镇化建设和交通、水利等重大工程建设。"),
        (2, "三线一单", "是指生态保护红线、环境质量底线、资源利用上线和生态环境准入清单。"),
        (3, "双减", "指减轻作业负担和校外培训负担，增加课后服务和体育活动时间。"),
        (3, "双增", "指减轻作业负担和校外培训负担，增加课后服务和体育活动时间。"),
        (4, "四好农村路", "指建好、管好、护好、运营好农村公路，推进城乡交通运输一体化发展。"),
        (5, "一网通办", "指政务服务线上一个总门户，线下一窗综合受理。"),
    ]
    assert entries[1].aliases == ["生态环境领域“三线一单”", "生态环境领域三线一单", "三线一单"]
    # Offsets into the original text: the broken entry spans the break, the last one stops
    # before the residue.
    assert WEB_PAGE[entries[4].start:entries[4].end].endswith("一体\n化发展。")
    assert WEB_PAGE[entries[5].start:entries[5].end] == "5.“一网通办”：指政务服务线上一个总门户，线下一窗综合受理。"


def test_glossary_layouts_bracketed_and_dashed_heads_under_an_annex_title():
    text = ("推进“两新一重”。\n\n附：名词解释\n（1）【三线一单】指生态保护红线和生态环境准入清单。\n"
            "（2）双减——指减轻作业负担和校外培训负担。\n（3）〖四好农村路〗：指建好、管好农村公路。\n")
    entries, problems = extract(clean(text), "annex.txt")
    assert problems == []
    assert [(e.number, e.term, e.definition, e.section) for e in entries] == [
        (1, "三线一单", "指生态保护红线和生态环境准入清单。", "附：名词解释"),
        (2, "双减", "指减轻作业负担和校外培训负担。", "附：名词解释"),
        (3, "四好农村路", "指建好、管好农村公路。", "附：名词解释"),
    ]


def test_glossary_layouts_residue_never_in_a_definition():
    text = "注释\n1.“一网通办”：指政务服务一个总门户 责任编辑：李某\n2.“跨省通办”：指异地办理\n扫一扫在手机打开当前页\n"
    entries, _ = extract(clean(text), "a.txt")
    assert [(e.term, e.definition) for e in entries] == [("一网通办", "指政务服务一个总门户"), ("跨省通办", "指异地办理")]


# fmt: off
@pytest.mark.parametrize("label,expected", [
    ("“双减”与“双增”", [("双减", "双减"), ("双增", "双增")]),
    ("营商环境“放管服”", [("放管服", "营商环境“放管服”")]),
    ("两个确保", [("两个确保", "两个确保")]),
])
# fmt: on
def test_glossary_layouts_label_terms(label, expected):
    assert label_terms(label) == expected


def test_glossary_layouts_body_mention_of_a_qualified_term_links(nlp_pkuseg):
    doc = nlp_pkuseg.make_doc(WEB_PAGE)
    doc.user_data[SOURCE_KEY] = "web.html.txt"
    doc = nlp_pkuseg.get_pipe("glossary_sections")(doc)
    mentions = ["两新一重", "三线一单", "双减", "双增"]
    spans = []
    for mention in mentions:
        start = WEB_PAGE.index(mention)
        spans.append((start, start + len(mention), "SLOGAN", {}))
    add_policy_spans(doc, spans)
    doc = nlp_pkuseg.get_pipe("policy_spans")(nlp_pkuseg.get_pipe("glossary_linker")(doc))
    links = [(s.text, s._.link["term"], s._.link["number"], s._.link["source"]) for s in policy_spans(doc)]
    assert links == [("两新一重", "两新一重", 1, "web.html.txt"), ("三线一单", "三线一单", 2, "web.html.txt"),
                     ("双减", "双减", 3, "web.html.txt"), ("双增", "双增", 3, "web.html.txt")]  # fmt: skip


def test_glossary_layouts_term_stored_with_its_qualifier_is_found():
    """A knowledge base written elsewhere with the qualifier in the term still answers the core."""
    glossary = Glossary([GlossaryEntry("生态环境领域“三线一单”", "是指生态保护红线…", "x", "名词解释", 2, 0, 9)])
    found = CandidateGenerator(glossary).candidates("三线一单")
    assert [(c.entry.term, c.kind) for c in found][:1] == [("生态环境领域“三线一单”", "alias")]


def test_glossary_layouts_gap_after_a_quoted_term():
    # Two spaces, a tab or an ideographic space after the quoted term separate it from the
    # definition; one space does not (the suffix and separator after it still do).
    text = ("名词解释\n1.“链长制”  由各级领导干部担任重点产业链链长。\n2.“两个确保”\u3000：确保高质量建设。\n"
            "3.“万人助万企” 活动。是省委作出的决策。\n")
    entries, problems = extract(clean(text), "gap.txt")
    assert problems == []
    assert [(e.number, e.term, e.definition) for e in entries] == [
        (1, "链长制", "由各级领导干部担任重点产业链链长。"),
        (2, "两个确保", "确保高质量建设。"),
        (3, "万人助万企", "是省委作出的决策。"),
    ]


def test_glossary_layouts_term_on_its_own_line():
    # Entries numbered （一）（二）, the term alone on its line (quoted or not) and the definition
    # on the lines after it; an entry with a separator still reads as before.
    text = ("名词解释\n\n（一）三个一批\n指签约一批、开工一批、投产一批。\n\n（二）“万人助万企”\n组织万名干部帮助万家\n"
            "企业。\n\n（三）两个确保：确保高质量建设。\n")
    entries, problems = extract(clean(text), "own-line.txt")
    assert problems == []
    assert [(e.number, e.term, e.definition) for e in entries] == [
        (1, "三个一批", "指签约一批、开工一批、投产一批。"),
        (2, "万人助万企", "组织万名干部帮助万家企业。"),
        (3, "两个确保", "确保高质量建设。"),
    ]
    assert text[entries[1].start:entries[1].end] == "（二）“万人助万企”\n组织万名干部帮助万家\n企业。"
