"""Glossary extraction: section finding, every entry shape, inline definitions, malformed
sections (warnings naming file and line, never a crash) and the seeds against gold."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from nlp.glossary.analyse import coined_by, members_of
from nlp.glossary.extract import extract, extract_entries, is_section_title
from nlp.text import clean

REPO = Path(__file__).resolve().parent.parent
GOLD_GLOSSARY = REPO / "corpora" / "gold" / "glossary.jsonl"


def entries_of(raw: str, source: str = "t.txt"):
    return extract(clean(raw), source)


def squash(text):
    return re.sub(r"\s", "", text or "")


# fmt: off
ENTRY_SHAPES = [
    # (entry line, number, term, definition)
    ("1. 四美乡村：指农村环境美、田园美、村庄美、庭院美。", 1, "四美乡村", "指农村环境美、田园美、村庄美、庭院美。"),
    ("2、四早:指早排查、早发现、早预警、早处置。", 2, "四早", "指早排查、早发现、早预警、早处置。"),
    ("（3）六宜，指宜业、宜居、宜学、宜游、宜创、宜养。", 3, "六宜", "指宜业、宜居、宜学、宜游、宜创、宜养。"),
    ("1.“两个确保”。两个确保：确保高质量建设现代化河南。", 1, "两个确保", "确保高质量建设现代化河南。"),
    ("12. 两个确保：指确保高质量建设现代化河南。", 12, "两个确保", "指确保高质量建设现代化河南。"),
    ("12.“万人助万企”活动。是省委作出的重要决策。", 12, "万人助万企", "是省委作出的重要决策。"),
    ("9.“6+1+N”模式。即6大重点产业链。", 9, "6+1+N", "即6大重点产业链。"),
    ("13.“三区三线”。“三区三线”是根据三种空间划定的控制线。", 13, "三区三线", "“三区三线”是根据三种空间划定的控制线。"),
    ("5. 四专是指优质小麦专种、专收、专储、专用。", 5, "四专", "是指优质小麦专种、专收、专储、专用。"),
    ("6. 三清一查即清河、清网、清源、查涉水企业。", 6, "三清一查", "即清河、清网、清源、查涉水企业。"),
    # Quotes of messy files: straight (ASCII, full width) and a closing quote that opens.
    ('2."十大战略"：指实施创新驱动等十大战略。', 2, "十大战略", "指实施创新驱动等十大战略。"),
    ("2.＂十大战略＂：指实施创新驱动等十大战略。", 2, "十大战略", "指实施创新驱动等十大战略。"),
    ("2.”十大战略”：指实施创新驱动等十大战略。", 2, "十大战略", "指实施创新驱动等十大战略。"),
]
# fmt: on


@pytest.mark.parametrize("line,number,term,definition", ENTRY_SHAPES)
def test_glossary_extract_entry_shapes(line, number, term, definition):
    raw = f"前文。\n\n名词解释\n{line}\n"
    entries, problems = entries_of(raw)
    assert [(e.number, e.term, e.definition) for e in entries] == [(number, term, definition)]
    assert problems == []
    entry = entries[0]
    assert raw[entry.start:entry.end] == line and entry.section == "名词解释" and not entry.inline


def test_glossary_extract_unnumbered_entries():
    raw = "注释\n四早：指早排查、早发现。\n六宜：指宜业、宜居。\n"
    entries, problems = entries_of(raw)
    assert [(e.number, e.term) for e in entries] == [(None, "四早"), (None, "六宜")]
    assert problems == []


@pytest.mark.parametrize("title", ["名词解释", "附件4：名词解释", "《政府工作报告》有关词语注释", "注释",
                                   "名词注解", "词语解释"])  # fmt: skip
def test_glossary_extract_section_titles(title):
    assert is_section_title(title)


def test_glossary_extract_toc_line_is_not_a_section():
    raw = "目录\n附件4：名词解释\t52\n附件5：起草说明\t56\n\n正文。\n"
    assert not is_section_title("附件4：名词解释\t52")
    assert entries_of(raw) == ([], [])


def test_glossary_extract_definition_over_page_break():
    """001 entry 19 is broken across a page: the definition is joined, offsets span it."""
    raw = (REPO / "seeds" / "001_753636851620b86f.txt").read_text(encoding="utf-8")
    entries, problems = entries_of(raw, "001_753636851620b86f.txt")
    entry = next(e for e in entries if e.number == 19)
    assert entry.definition == "指优质小麦、优质花生、优质草畜、优质林果，布局区域化、经营规模化、生产标准化、发展产业化。"
    assert (entry.start, entry.end) == (14382, 14438)
    assert "\n\n果" in raw[entry.start:entry.end]
    assert problems == []


def test_glossary_extract_numbering_skips_warns_and_keeps_entries():
    raw = "名词解释\n1. 四早：指早排查。\n2. 六宜：指宜业。\n4. 四专：指专种。\n"
    entries, problems = entries_of(raw, "skip.txt")
    assert [e.number for e in entries] == [1, 2, 4]
    assert [str(p) for p in problems] == ["skip.txt:4: glossary numbering skips from 2 to 4"]


def test_glossary_extract_entry_without_separator_warns_and_is_skipped(caplog):
    raw = "名词解释\n1. 四早：指早排查。\n2. 这一行没有任何分隔符号\n3. 四专：指专种。\n"
    with caplog.at_level(logging.WARNING):
        entries = extract_entries(clean(raw), "nosep.txt")
    assert [e.term for e in entries] == ["四早", "四专"]
    assert caplog.messages == ["nosep.txt:3: glossary entry '2. 这一行没有任何分隔符号' has no term separator; skipped"]


def test_glossary_extract_section_cut_off_at_end_of_file():
    raw = "名词解释\n1. 四早：指早排查。\n2. 六宜：指宜业、宜居、宜"
    entries, problems = entries_of(raw, "cut.txt")
    assert [(e.term, e.definition) for e in entries] == [("四早", "指早排查。"), ("六宜", "指宜业、宜居、宜")]
    assert [str(p) for p in problems] == ["cut.txt:3: glossary section is cut off at the end of the file"]


def test_glossary_extract_section_ends_at_next_annex():
    raw = "附件4：\n名词解释\n1.“六宜”。宜业、宜居。\n\n附件5：\n起草说明\n1. 起草过程：略。\n"
    entries, _ = entries_of(raw)
    assert [(e.term, e.section) for e in entries] == [("六宜", "附件4：名词解释")]


# fmt: off
INLINE_SHAPES = [
    ("农村产业结构不断优化，“五特（花、药、菌、果、茶）”农业产业蓬勃发展。", "五特", "花、药、菌、果、茶"),
    ("聚焦“五特”（花、药、菌、果、茶）经济。", "五特", "花、药、菌、果、茶"),
    ("深入实施“七大工程”，即优化环境、工业经济等七项工程。", "七大工程", "即优化环境、工业经济等七项工程"),
    ("推进。三清一查是指清河、清网、清源、查涉水企业。", "三清一查", "是指清河、清网、清源、查涉水企业"),
    ("落实“四个意识”（即政治意识、大局意识、核心意识、看齐意识）。", "四个意识", "即政治意识、大局意识、核心意识、看齐意识"),
    ("改善义务教育薄弱学校基本办学条件（简称全面改薄）。", "全面改薄", "改善义务教育薄弱学校基本办学条件"),
    # a circled number before the term is no part of it
    ("抓好以下工作。\n②两新一重：指新型基础设施、新型城镇化和重大工程。", "两新一重", "指新型基础设施、新型城镇化和重大工程"),
]
# fmt: on


@pytest.mark.parametrize("raw,term,definition", INLINE_SHAPES)
def test_glossary_extract_inline_definitions(raw, term, definition):
    entries, problems = entries_of(raw)
    assert [(e.term, e.definition, e.inline, e.section, e.number) for e in entries] == [
        (term, definition, True, "inline", None)
    ]
    assert problems == []


def test_glossary_extract_circled_entries_under_a_title_with_a_colon():
    # The title's colon once joined it to the first entry (a comma-like line end); a circled
    # number starts a block, as 1. does.
    raw = "深入实施“三个一批”。\n\n注释：\n①三个一批：指签约一批、开工一批、投产一批。\n②四水同治：即水资源、水生态、水环境、水灾害统筹治理。\n"
    entries, problems = entries_of(raw)
    assert problems == []
    assert [(e.number, e.term, e.definition, e.section) for e in entries] == [
        (1, "三个一批", "指签约一批、开工一批、投产一批。", "注释："),
        (2, "四水同治", "即水资源、水生态、水环境、水灾害统筹治理。", "注释："),
    ]


def test_glossary_extract_inline_ignores_document_titles_and_list_markers():
    raw = "规划纲要》（以下简称《纲要》），“一”，即坚持主线；“十四五”（2021-2025年）时期。"
    assert entries_of(raw) == ([], [])


def test_glossary_extract_members_and_coiner():
    assert members_of("四个意识", "指政治意识、大局意识、核心意识、看齐意识。") == (
        ["政治意识", "大局意识", "核心意识", "看齐意识"], False)  # fmt: skip
    assert members_of("三个一批", "全省范围内每个季度集中签约一批、开工一批、投产一批重大项目，通过抓项目") == (
        ["签约一批", "开工一批", "投产一批"], False)  # fmt: skip
    assert members_of("四个不摘", "指摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶。")[1] is True
    assert coined_by("指省委省政府提出的至2025年") == "省委省政府"
    assert coined_by("2022年8月13日，卧龙区委第七届委员会第三次全体会议提出") == "卧龙区委"
    assert coined_by("指农村环境美、田园美。") is None


def test_glossary_extract_seeds_equal_gold():
    gold = [json.loads(line) for line in GOLD_GLOSSARY.read_text(encoding="utf-8").splitlines() if line]
    found = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        entries, problems = entries_of(path.read_text(encoding="utf-8"), path.name)
        assert problems == []
        found.extend(entries)
    assert [(e.source, squash(e.term), squash(e.definition), e.section, e.number, e.start, e.end) for e in found] == [
        (g["source"], squash(g["term"]), squash(g["definition"]), g["section"], g["number"], g["start"], g["end"])
        for g in sorted(gold, key=lambda g: (g["source"], g["section"] == "inline"))
    ]
