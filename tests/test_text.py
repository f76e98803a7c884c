"""Cleaning keeps an exact map back to the original text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text import clean

from .conftest import seed_text


def assert_offsets_valid(raw: str) -> None:
    view = clean(raw)
    assert len(view.offsets) == len(view.text) + 1
    assert view.offsets[-1] == len(raw)
    assert all(a < b for a, b in zip(view.offsets, view.offsets[1:]))
    assert all(raw[view.offsets[i]] == ch for i, ch in enumerate(view.text))


# Text made of the pieces that cleaning acts on, so that every rule is exercised.
PIECES = st.sampled_from(
    ["两个", "确立", "，", "。", "\n", "\n\n", " ", "  ", "82", "2021", "年", "个", "%", "（一）",
     "1.", "[bookmark: _Toc1]", "\r\n", "\t", "“", "”", "22", "万人次", "a", "\u3000"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_clean_offsets_map_every_character_back(raw):
    assert_offsets_valid(raw)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_clean_offsets_hold_for_any_text(raw):
    assert_offsets_valid(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.data())
def test_clean_span_round_trips(raw, data):
    view = clean(raw)
    if not view.text:
        return
    start = data.draw(st.integers(0, len(view.text) - 1))
    end = data.draw(st.integers(start + 1, len(view.text)))
    raw_start, raw_end = view.raw_span(start, end)
    assert view.clean_span(raw_start, raw_end) == (start, end)
    assert view.clean_slice(raw_start, raw_end) == view.text[start:end]


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_deletions_are_where_the_offsets_jump(raw):
    view = clean(raw)
    offsets = view.offsets
    expected = [i for i in range(len(view.text) + 1) if offsets[i] != (offsets[i - 1] + 1 if i else 0)]
    assert view.deletions() == expected


def test_clean_offsets_on_seeds():
    for prefix in ("000", "001", "002", "003", "004"):
        assert_offsets_valid(seed_text(prefix))


def test_clean_joins_layout_breaks_in_002():
    text = clean(seed_text("002")).text
    assert "在捍卫“两个确立”、做到“两个维护”上持续用力" in text
    assert "水源地4个结对县（市）负责" in text
    # Real paragraph and heading breaks stay.
    assert "\n\n一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导" in text


def test_clean_joins_page_break_inside_001_entry_19():
    text = clean(seed_text("001")).text
    assert "19. 四优四化：指优质小麦、优质花生、优质草畜、优质林果，布局区域化" in text
    assert "\n\n20. 四专：" in text


def test_clean_drops_bookmarks_and_keeps_tables():
    text = clean(seed_text("003")).text
    assert "[bookmark:" not in text
    assert text.startswith("\n\n\n《卧龙区国民经济和社会发展第十四个五年规划纲要")
    # One cell a line: the table of 003 is not joined into prose.
    assert "\t2016\n\t2017\n" in text


def test_clean_removes_spaces_in_numbers():
    view = clean("全市建成 19 个美好移民村，3.8 万人，2021 年 7 月，8% 以上，1 500 亩，11.1 9.8")
    assert view.text == "全市建成19个美好移民村，3.8万人，2021年7月，8%以上，1500亩，11.1 9.8"


def test_clean_joins_letter_spaced_digits():
    # the report of 1998 writes every number digit by digit; table rows of numbers stay apart
    raw = "1 9 9 7 年粮食产量达到4 9 2 5 0 万吨，投资增长1 0 ％，增长率1 0 ．0 6 ‰；11.1 9.8，12 15"
    view = clean(raw)
    assert view.text == "1997年粮食产量达到49250万吨，投资增长10％，增长率10．06‰；11.1 9.8，12 15"
    start = view.text.index("49250万吨")
    assert raw[slice(*view.raw_span(start, start + 7))] == "4 9 2 5 0 万吨"


def test_clean_keeps_headings_and_short_lines():
    raw = "一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导，深入贯彻落实习近平总书记视察南阳重要讲话和指示精神。\n\n二、目标任务\n"
    assert clean(raw).text == raw


def test_clean_joins_line_ending_in_comma():
    raw = "27. 人人持证、技能河南：指省委省政府提出的至 2025 年，\n\n全省完成 1500 万人次职业技能培训任务。"
    assert clean(raw).text == "27. 人人持证、技能河南：指省委省政府提出的至2025年，全省完成1500万人次职业技能培训任务。"
    assert not re.search(r"\s", clean(raw).text.replace("27. ", ""))


def test_clean_keeps_breaks_around_responsibility_clauses():
    # A line that ends with a bracketed clause closes its task; a keyword line starts a block.
    raw = (
        "加快推进污水处理厂提标改造，确保出水水质稳定达标。（责任单位：市生态环境局，各县区政府）\n"
        "牵头单位：市水利局；配合单位：市农业农村局。\n"
        "同时加强管网建设，提高污水收集率，确保污水处理设施稳定运行，按期完成年度目标任务。（责任单位：有关县〔市、区〕政府）\n"
        "推进雨污分流改造，逐步消除城市建成区黑臭水体，持续改善河湖水环境质量，不断提升群众满意度。\n"
    )
    assert clean(raw).text == raw
