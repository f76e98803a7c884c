"""The ``policy_indicators`` component: numeric indicators (INDICATOR spans) with their name,
value, unit, kind, target and period, as ANNOTATION.md defines them.

Values are found on the cleaned text with a few compiled regexes (nlp/rules/indicator_cues.py),
one pass each; everything else looks at the short stretch of text around a value. Numbers
that are dates, codes, ordinals, list markers, parts of names or thresholds inside a noun
phrase are dropped. Indicator tables (a header row of years; one cell a line, or one row a
line with tabs between the cells) give values whose name comes from the row and period from
the column header.

Example::

    >>> doc = nlp("全县生产总值完成283.9亿元，增长8.4%。")
    >>> [(s.text, s._.name, s._.value, s._.unit, s._.kind) for s in doc.spans["policy"]]
    [('283.9亿元', '生产总值', 28390000000, '元', 'level'), ('8.4%', '生产总值', 8.4, '%', 'growth')]
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..rules import indicator_cues as cues
from ..rules.numbers import (
    RATE_WORDS,
    NumberError,
    is_chinese_numeral,
    parse_number,
    parse_range,
    to_json_number,
)
from ..rules.search import finditer_at
from ..rules.units import normalise_unit
from ..spans import add_policy_spans, recorded_spans
from ..tables import LINE, cell_line_blocks, tab_row_runs

logger = logging.getLogger(__name__)

LABEL = "INDICATOR"
SLOGAN_LABEL = "SLOGAN"
WHITESPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Value:
    """A value found in the cleaned text, before its context is read."""

    start: int
    end: int
    value: Decimal | list
    unit: str | None
    unit_class: str | None
    kind: str | None = None  # fixed by the shape: ratio, rank
    name: str | None = None
    period: str | None = None
    target: bool | None = None
    qualifier: str | None = None  # 约, 以上, 多 … as written


@Language.factory(
    "policy_indicators",
    default_config={"tables": True, "plan_sections": True, "set_spans": True},
    assigns=["doc.spans", "doc.ents"],
    default_score_weights={},
)
def make_indicator_tagger(nlp: Language, name: str, tables: bool, plan_sections: bool, set_spans: bool):
    return IndicatorTagger(nlp, name, tables=tables, plan_sections=plan_sections, set_spans=set_spans)


class IndicatorTagger:
    """Tags INDICATOR spans; see the module docstring.

    Args:
        tables: read indicator tables (header row of years; one cell a line, or tab-separated rows).
        plan_sections: values under a heading that announces plans (二、2022年工作部署,
            三、重点工作) are targets; values under a heading that reviews the past (一、2021年工作
            回顾, 过去五年的回顾) are outturns unless their clause names a plan (计划为, 目标).
        set_spans: rebuild ``doc.spans["policy"]`` and ``doc.ents`` (off when a
            ``policy_spans`` component comes later; see nlp/spans.py).
    """

    def __init__(self, nlp: Language, name: str, *, tables: bool = True, plan_sections: bool = True,
                 set_spans: bool = True):  # fmt: skip
        self.name = name
        self.tables = tables
        self.plan_sections = plan_sections
        self.set_spans = set_spans

    def __call__(self, doc: Doc) -> Doc:
        view = doc._.clean
        # A numeral inside a slogan is part of its name (四个意识, 四张清单), not a count; the
        # slogan tagger runs first and has found the unquoted ones too.
        in_slogan = _coverage(recorded_spans(doc, SLOGAN_LABEL))
        found = []
        for start, end, attrs in find_indicators(view.text, tables=self.tables, plan_sections=self.plan_sections):
            raw_start, raw_end = view.raw_span(start, end)
            if not _inside_any(raw_start, in_slogan):
                found.append((raw_start, raw_end, LABEL, attrs))
        add_policy_spans(doc, found, set_spans=self.set_spans)
        return doc


def find_indicators(text: str, *, tables: bool = True, plan_sections: bool = True) -> list[tuple[int, int, dict]]:
    """The indicators of a cleaned text: ``(start, end, attrs)`` with offsets into ``text``.

    Example: ``find_indicators("营商环境跃升至全省第13名。")`` ->
    ``[(9, 13, {"name": "营商环境", "value": 13, "unit": None, "kind": "rank", ...})]``."""
    table_values, table_spans = find_table_values(text) if tables else ([], [])
    values = find_values(text)
    if table_spans:
        in_table = _coverage(table_spans)
        values = [v for v in values if not _inside_any(v.start, in_table)]
    section_at = _section_lookup(text) if plan_sections else None
    for start, members in _sentences(text, values):
        read_sentence(text, start, members, section_at(start) if section_at else None)
    results = [(v.start, v.end, _attrs(v)) for v in values + table_values]
    return sorted(results, key=lambda r: r[0])


def _sentences(text: str, values: list[Value]) -> list[tuple[int, list[Value]]]:
    """``values`` (in text order) grouped by sentence, each group with its sentence's start: the
    position after the last SENTENCE_END before its values. That end is searched for in the
    reversed text, back from a value and only as far as the value before it."""
    backwards = text[::-1]
    sentences: list[tuple[int, list[Value]]] = []
    previous_start = 0
    for value in values:
        end = cues.SENTENCE_END.search(backwards, len(text) - value.start, len(text) - previous_start)
        if end is None and sentences:
            sentences[-1][1].append(value)
        else:
            sentences.append((len(text) - end.start() if end else 0, [value]))
        previous_start = value.start
    return sentences


def _attrs(value: Value) -> dict:
    number = [to_json_number(v) for v in value.value] if isinstance(value.value, list) else to_json_number(value.value)
    return {
        "name": value.name or None,
        "value": number,
        "unit": value.unit,
        "kind": value.kind or "level",
        "target": bool(value.target),
        "period": value.period,
        "qualifier": value.qualifier,
    }


# --- finding values ------------------------------------------------------------------------


def find_values(text: str) -> list[Value]:
    """Ratios, ranks and amounts in ``text`` that are indicators, in text order."""
    found: list[Value] = []
    taken: list[tuple[int, int]] = []
    if any(colon.search(text) for colon in cues.RATIO_COLONS):  # most texts hold no ratio
        for match in finditer_at(cues.RATIO, cues.RATIO_START, text):
            parts = cues.RATIO_SEPARATOR.split(match.group())
            found.append(Value(match.start(), match.end(), [Decimal(p) for p in parts], None, None, "ratio"))
            taken.append(match.span())
    for match in finditer_at(cues.RANK, cues.RANK_START, text):
        group = "span" if match.group("span") else "span2"
        start, end = match.span(group)
        if match.group("span") and not match.group("suffix") and _is_cjk(text[end:end + 1]):
            continue  # 第一方阵, 第一批: an ordinal, not a rank
        number = match.group("n") or match.group("n2")
        try:
            found.append(Value(start, end, _number(number), None, None, "rank"))
        except NumberError:
            continue
        taken.append((start, end))
    in_taken = {position for start, end in taken for position in range(start, end)}  # a few short spans
    pending_bare: list[Value] = []
    for match in finditer_at(cues.VALUE, cues.VALUE_START, text):
        start, end = match.span()
        if start in in_taken or end - 1 in in_taken:
            continue
        value = _read_value(text, match)
        if value is None:
            continue
        if value.unit is None and value.unit_class == "bare":
            pending_bare.append(value)
            continue
        if _is_not_indicator(text, match, value):
            continue
        found.append(value)
    found.extend(_bare_in_runs(text, pending_bare, found))
    found.sort(key=lambda v: v.start)
    return _drop_overlaps(found)


def _read_value(text: str, match: re.Match) -> Value | None:
    """The number, folded magnitude, unit and qualifier of a VALUE match (None if it is no
    number)."""
    pct, n1, fnum, m1, u1, _dash, pct2, n2, m2, approx, m3, u2, qual = match.groups()  # VALUE's order
    if u1 and approx:
        return None  # 1个多月: the unit is 个月, split by 多
    # m3 follows 多/余 (６７７００多亿元); after a unit it starts the next word (四个|百亿级)
    late_magnitude = "" if u1 else m3 or ""
    magnitude = m1 or m2 or late_magnitude
    surface_unit = u2 or u1
    if not surface_unit and not pct and cues.SMALL_MAGNITUDE.fullmatch(magnitude or "-"):
        return None  # 110千伏, 3百年: 千/百 after digits is a magnitude only before a unit
    try:
        if fnum:
            low = _number(f"{n1}分之{fnum}")
        else:
            low = _number(n1 + (m1 or ("" if n2 else magnitude)))
        high = None
        if n2:
            low, high = parse_range((pct or "") + n1 + (m1 or ""), (pct2 or "") + n2 + (m2 or late_magnitude))
    except NumberError:
        if not n2:
            return None
        high = None  # 10至8, 5个至10年: two values, not a range
    if n2 and u2 and (u1 and u1 != u2 or pct):
        high = None  # 5个至10年, 百分之六十点三到一九五七年: two values, not a range
    unit, unit_class = normalise_unit(surface_unit)
    if pct:
        unit, unit_class = RATE_WORDS[pct], "rate"
    elif fnum:
        unit, unit_class = None, "rate"
    end = match.end()
    if u1 and not n2 and (m3 or u2):
        # 64个项目, 5个种植: the second "unit" starts the noun after the count
        end = match.end("u1")
        unit, unit_class = normalise_unit(u1)
    if n2 and high is None:
        end = match.end("u1") if u1 else match.end("n1")
        try:
            low = _number(n1 + (m1 or ""))
        except NumberError:
            return None
        if not u1:
            unit, unit_class = (RATE_WORDS[pct], "rate") if pct else (None, None)
    value: Decimal | list = [low, high] if high is not None else low
    qualifier = _qualifier(text, match, end, approx)
    has_magnitude = bool(magnitude) or bool(cues.BIG_MAGNITUDE.search(n1))
    if unit is None and unit_class is None and not has_magnitude:
        return Value(match.start(), end, value, None, "bare", qualifier=qualifier)
    return Value(match.start(), end, value, unit, unit_class, qualifier=qualifier)


def _qualifier(text: str, match: re.Match, end: int, approx: str | None) -> str | None:
    """The qualifier of a value as written: the trailing one in its span (以上, 左右), else 多/余
    between number and unit, else the one right before it (约, 超, 不低于)."""
    if match.group("qual") and end == match.end():
        return match.group("qual")
    if approx:
        return "余" if approx == "餘" else approx
    prefix = cues.QUALIFIER_PREFIX.search(text, max(0, match.start() - 4), match.start())
    return prefix.group() if prefix else None


@lru_cache(maxsize=8192)
def _number(text: str) -> Decimal:
    """:func:`parse_number`, memoised: reports repeat the same numbers (一, 10, 2021) thousands
    of times, and a Decimal is immutable, so values may share one."""
    return parse_number(text)


def _is_not_indicator(text: str, match: re.Match, value: Value) -> bool:
    """Dates, codes, ordinals, names, slogans and thresholds inside noun phrases."""
    start, end = value.start, value.end
    before, after = text[start - 1:start], text[end:end + 1]
    # Every test but the last only rejects, so the cheap ones go first.
    if before in cues.CODE_NEIGHBOUR or after in cues.CODE_NEIGHBOUR or before == "第":
        return True
    if after in cues.SPECIFICATION_UNITS:
        return True  # 二十二万伏的高压变压器: a specification inside a name
    if after in ".．" and text[end + 1:end + 2].isdigit():
        return True
    n1 = match.group("n1")
    if is_chinese_numeral(n1) and not match.group("pct"):
        if before in cues.WORD_BEFORE_CHINESE_NUMBER or n1 in cues.ZERO_WORDS:
            return True  # 之一, 数十个; 零部件, 零距离
        if value.unit_class == "time" and len(n1) == 1:
            return True  # 三年: a lone Chinese digit before a time unit is a time frame
        if n1 in ("一", "壹") and not cues.ONE_COUNT_CUES.search(text[max(0, start - 4):start]):
            return True
        if after and after in "〇零一二两三四五六七八九十":
            return True  # 三个一批, 两个一百年: a slogan
    if value.unit_class == "count" and _is_counted_formulation(text, start, end):
        return True
    if _inside_quote(text, start, end) or cues.COUNT_TERMS.match(text, start):
        return True
    cjk_after = _is_cjk(after)
    qualifier = match.group("qual") if end == match.end() else None
    if qualifier in ("以上", "及以上", "以下") and cjk_after and after not in "和或":
        return True  # 20户以上自然村, 10亿元以上项目
    prefix = text[max(0, start - 3):start]
    if value.unit_class != "count" and (
        cjk_after and after != "的" and cues.THRESHOLD_PREFIX.search(prefix) or after == "的" and prefix.endswith("超")
    ):
        return True  # 产值超10亿元企业, 年产30万吨高端铝型材; but 超110万名高校毕业生 counts graduates
    if value.unit_class == "time":
        return _is_year(value) or _is_time_frame(text, start, end)
    return False


def _is_counted_formulation(text: str, start: int, end: int) -> bool:
    """A count that names a fixed set (四项基本原则, 三座大山) or counts the text's own list
    (以上十四条, 分两个阶段), not a quantity of the world."""
    if cues.FORMULATION_AFTER.match(text, end):
        return True
    return bool(cues.COUNT_REFERENCE_BEFORE.search(text[max(0, start - 3):start]))


def _is_year(value: Value) -> bool:
    """A four-digit whole number before 年 is a year (2017年, 一九五七年), never 2017 years."""
    low, high = cues.YEAR_RANGE
    numbers = value.value if isinstance(value.value, list) else [value.value]
    return value.unit == "年" and all(n == n.to_integral_value() and low <= n <= high for n in numbers)


def _is_time_frame(text: str, start: int, end: int) -> bool:
    """Whether a number with a time unit is a date or a time frame rather than a quantity."""
    if cues.COMPARISON_BEFORE_TIME.search(text[max(0, start - 2):start]):
        return True  # 比2017年增加23天: the base of a comparison
    if cues.TIME_FRAME_AFTER.match(text[end:end + 4]) or cues.TIME_FRAME_BEFORE.search(text[max(0, start - 3):start]):
        return True
    window = text[max(0, start - cues.TIME_QUANTITY_WINDOW):start]
    return not cues.TIME_QUANTITY.search(_without_periods(cues.SENTENCE_END.split(window)[-1]))


def _without_periods(stretch: str) -> str:
    """``stretch`` without its period phrases (2021年, 今年, “十四五”), which are neither names
    nor time quantities."""
    if cues.PERIOD_ANCHOR.search(stretch):
        for period in cues.PERIOD.finditer(stretch):
            stretch = stretch.replace(period.group(), "")
    return stretch


def _bare_in_runs(text: str, bare: list[Value], found: list[Value]) -> list[Value]:
    """Bare numbers in an enumeration take the unit of the value that closes it
    (分别提高10.3个、3.1个百分点: 10.3 is 百分点; 分别为12、15亿元)."""
    by_start = {v.start: v for v in found}
    kept = []
    for value in sorted(bare, key=lambda v: -v.start):
        if text[value.end:value.end + 1] != "、":
            continue
        nxt = by_start.get(value.end + 1)
        if nxt is None or nxt.unit is None or isinstance(nxt.value, list) or nxt.kind:
            continue
        scale = _magnitude_of(text[nxt.start:nxt.end])
        value.value = value.value * scale
        value.unit, value.unit_class = nxt.unit, nxt.unit_class
        by_start[value.start] = value
        kept.append(value)
    for value in found:  # 10.3个、3.1个百分点: the count unit was the first half of 个百分点
        nxt = by_start.get(value.end + 1)
        if value.unit == "个" and text[value.end:value.end + 1] == "、" and nxt is not None and nxt.unit == "百分点":
            value.unit, value.unit_class = "百分点", "rate"
    return kept


def _magnitude_of(span: str) -> Decimal:
    match = cues.MAGNITUDE_WORD.search(span)
    return parse_number("1" + match.group()) if match else Decimal(1)


def _drop_overlaps(values: list[Value]) -> list[Value]:
    kept: list[Value] = []
    for value in values:
        if kept and value.start < kept[-1].end:
            if value.end - value.start > kept[-1].end - kept[-1].start:
                kept[-1] = value
            continue
        kept.append(value)
    return kept


def _coverage(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of ``spans`` as sorted, disjoint ``(starts, ends)``, for :func:`_inside_any`."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside_any(position: int, coverage: tuple[list[int], list[int]]) -> bool:
    """Whether ``position`` lies in one of the spans whose :func:`_coverage` is given."""
    starts, ends = coverage
    i = bisect_right(starts, position) - 1
    return i >= 0 and position < ends[i]


def _inside_quote(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits inside a short quotation or title (“三个一批”, 《…2021年…》)."""
    window_start = max(0, start - cues.MAX_QUOTED_NAME)
    if not cues.QUOTE_OPENER.search(text, window_start, start):
        return False  # most numbers
    window = text[window_start:start]
    for opener, closer in cues.QUOTE_PAIRS.items():
        if opener == closer:
            continue
        at = window.rfind(opener)
        if at < 0 or closer in window[at:]:
            continue
        close = text.find(closer, end, end + cues.MAX_QUOTED_NAME)
        if close >= 0 and "\n" not in text[end:close]:
            return True
    return False


def _is_cjk(char: str) -> bool:
    return bool(char) and "\u3400" <= char <= "\u9fff"


# --- reading the context ---------------------------------------------------------------------


def _clause_start(clause_ends: list[int], sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last clause end less than 80
    characters back, else 80 characters back, never before the sentence. ``clause_ends`` are the
    positions of cues.CLAUSE_END in the sentence (every sentence end is a clause end too)."""
    i = bisect_left(clause_ends, position) - 1
    if i >= 0 and clause_ends[i] > position - 80:
        return clause_ends[i] + 1
    return max(sentence_start, position - 80)


def read_sentence(text: str, start: int, values: list[Value], section: str | None) -> None:
    """Fill name, kind, target and period of the values of the sentence starting at ``start``;
    ``section`` is "plan" or "review" for a sentence under such a heading, else None."""
    runs = _runs(text, values)
    periods = _periods(text, start, values[-1].start)
    glosses = {i for m in cues.NAME_GLOSS.finditer(text, start, values[-1].start) for i in (m.start(), m.end() - 1)}
    ends = (m.start() for m in cues.CLAUSE_END.finditer(text, start, values[-1].start))
    clause_ends = [i for i in ends if i not in glosses]
    previous: Value | None = None
    for run in runs:
        _read_run(text, start, run, previous, values, periods, section, clause_ends)
        previous = run[-1]


def _runs(text: str, values: list[Value]) -> list[list[Value]]:
    """Values of one enumeration (9.1%、4.0%、4.0%) grouped together."""
    runs: list[list[Value]] = []
    for value in values:
        if runs and cues.RUN_SEPARATOR.match(text[runs[-1][-1].end:value.start]):
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def _read_run(text, sentence_start, run, previous, sentence_values, periods, section, clause_ends) -> None:
    first = run[0]
    clause_start = _clause_start(clause_ends, sentence_start, first.start)
    left_start = max(clause_start, previous.end if previous and previous.end > clause_start else clause_start)
    left = text[left_start:first.start]
    clause_left = text[clause_start:first.start]
    stated = cues.COMPARISON_BASE.sub("", left)  # comparison bases (较上年) are neither names nor cues
    own_names = _names_from_left(stated, kind=first.kind)
    if own_names and cues.RATE_WORD.fullmatch(own_names[0]) \
            and any(v.name for v in sentence_values if v.end <= first.start):  # fmt: skip
        own_names = []  # 增幅8.3%: the rate of the name before it
    following = _following_name(text, run[-1])
    for i, value in enumerate(run):
        if value.kind is None:
            value.kind = _kind(value, stated)
        value.period = _period_for(value, i, run, periods)  # 到2025年 also marks a target
        value.target = bool(value.target) or _target(text, sentence_start, value, clause_left, section)
        if not value.target and i == 0 and previous is not None and previous.target and previous.start >= sentence_start \
                and cues.CONTINUING_CLAUSE.match(WHITESPACE.sub("", clause_left)):  # fmt: skip
            value.target = True  # …将增长4.5%，达到603亿元
        if value.target and cues.TARGET_AFTER.match(text, value.end) and not _target_before(text, sentence_start, value):
            value.period = _period_after(text, value)
        _read_span_period(value, clause_start, clause_left, periods)
        _read_change(text, value, clause_left)
    topic = _topic(text, sentence_start, clause_ends, first.start)
    if topic and own_names and cues.BARE_HEAD.match(own_names[0]) and clause_left.startswith(own_names[0]):
        own_names = [topic + own_names[0]]  # 轻工业，总产值…增长8％
    names = _distribute_names(own_names, following, run, sentence_values)
    if topic and not any(names):
        names = [topic] * len(run)  # 工农业总产值，比1980年预计增长5.5％
    if not any(names):
        subject = _subject(text, sentence_start, first.start) or _earlier_rate_name(text, sentence_start, clause_start, first)
        names = [subject] * len(run) if subject else names
    if first.kind == "rank" and not own_names and cues.RANK_OF_ALL.search(left):
        earlier = [v.name for v in sentence_values if v.end <= first.start and v.name]
        names = ["、".join(dict.fromkeys(earlier)) or None] * len(run)
    for value, name in zip(run, names):
        value.name = name


def _read_span_period(value: Value, clause_start: int, clause_left: str, periods: list[_Period]) -> None:
    """A multi-year average or total in the value's clause (五年平均每年增长7.9%, 两年合计) is its
    period, unless a period stands between it and the value; an average up to a deadline
    (到1992年，…平均每年增长7.5%) has the deadline and the average as its period. (An average
    stated with a plain year, 2021年…年均增长8.5%, keeps the year, as the gold has it.)"""
    span = cues.PERIOD_SPAN.search(clause_left)
    if span is None:
        average = cues.AVERAGE_WORDS.search(clause_left)
        deadlines = [p for p in periods if p.end <= value.start and p.to]
        if average and deadlines and value.period:
            value.period = f"{value.period}{average.group()}"
        return
    later = [p for p in periods if clause_start + span.end() <= p.start < value.start]
    if not later:
        value.period = span.group()


def _read_change(text: str, value: Value, clause_left: str) -> None:
    """The ends of a change from one value to another (由今年预计的3%提高到4%; 从1980年至1985年，
    原煤产量由六亿二千万吨增加到八亿五千万吨). The value it starts from is no target, and its
    period is the one after 由/从 or the first year of the sentence's range; the value it ends at
    has the last year of the range."""
    starts = list(cues.CHANGE_FROM_START.finditer(clause_left))
    if not starts:
        return
    if cues.CHANGE_FROM.match(text, value.end):
        value.target = False
        period = cues.PERIOD.search(clause_left, starts[-1].end())
        years = cues.PERIOD_YEAR.findall(value.period or "")
        if period:
            value.period = period.group("p")
        else:  # the first year of a range (从1980年至1985年), else unknown: the period of the
            value.period = years[0] if len(years) > 1 else None  # sentence is the aim's
    elif cues.CHANGE_TO.search(clause_left) and value.period:
        years = cues.PERIOD_YEAR.findall(value.period)
        if len(years) > 1:
            value.period = years[-1]


def _topic(text: str, sentence_start: int, clause_ends: list[int], position: int) -> str | None:
    """The noun phrase that makes up the clause before the one at ``position``, in the same
    sentence (工农业总产值，比1980年预计增长5.5％), or None."""
    i = bisect_left(clause_ends, position) - 1
    if i < 0 or text[clause_ends[i]] not in "，,":
        return None
    start = clause_ends[i - 1] + 1 if i >= 1 else sentence_start
    clause = WHITESPACE.sub("", text[start:clause_ends[i]])
    clause = cues.NAME_LEADING_NOISE.sub("", clause)
    nouns = cues.NOMINAL_CHANGE.sub("", clause)  # 工农业总产值的增长速度 has no verb
    if not cues.TOPIC.match(clause) or cues.NOT_A_NAME.match(clause) or cues.NAME_VERBS.search(nouns) \
            or cues.TOPIC_VERBS.search(nouns):  # fmt: skip
        return None
    return clause


def _subject(text: str, sentence_start: int, position: int) -> str | None:
    """The noun phrase that opens the sentence, when an aside in brackets follows it before the
    value (一九五七年的工业总产值（不包括手工业产值，下同），…，预计达到628.1亿元 → 工业总产值), or
    None."""
    stretch = text[sentence_start:position]
    opening = cues.PARENTHESIS.search(stretch)
    if opening is None or cues.CLAUSE_END.search(stretch, 0, opening.start()) \
            or not cues.CLAUSE_END.search(stretch, opening.end()):  # fmt: skip
        return None  # no aside, or one inside the name (省级智能车间（工厂）2—3个)
    clause = WHITESPACE.sub("", _without_periods(stretch[: opening.start()]))
    clause = cues.NAME_LEADING_NOISE.sub("", clause).lstrip("的")
    nouns = cues.NOMINAL_CHANGE.sub("", clause)
    if not cues.TOPIC.match(clause) or cues.NOT_A_NAME.match(clause) or cues.NAME_VERBS.search(nouns) \
            or cues.TOPIC_VERBS.search(nouns):  # fmt: skip
        return None
    return clause


def _earlier_rate_name(text: str, sentence_start: int, clause_start: int, value: Value) -> str | None:
    """For a % value, the last rate named in an earlier clause of the sentence (确保物价上涨幅度比
    去年有明显回落，力争控制在15%左右 → 物价上涨幅度), or None."""
    if value.unit != "%":
        return None
    names = [m.group("name") for m in cues.EARLIER_RATE_NAME.finditer(text, sentence_start, clause_start)]
    return names[-1] if names else None


def _names_from_left(left: str, kind: str | None = None) -> list[str]:
    """The indicator name(s) in the text before a value (without comparison bases), '、'-separated
    names kept together; for a rank, the text before the ranking verb (营商环境|跃升至全省|第13名);
    for a ratio, a name ending in 比 keeps it (城乡居民收入比|缩小到|2.35:1)."""
    left = _without_trailing_noise(cues.NAME_LEADING_NOISE.sub("", _without_periods(left)))
    if not left:
        return []
    name = left
    rank_verbs = list(cues.RANK_VERBS.finditer(left)) if kind == "rank" else []
    verbs = [] if rank_verbs else list(cues.NAME_VERBS.finditer(left))
    if rank_verbs:
        name = _without_trailing_noise(left[: rank_verbs[-1].start()])
    elif verbs:
        verb = verbs[-1]
        after = left[verb.end():]
        if after and not cues.NAME_INNER_CHANGE.fullmatch(verb.group()):
            name = after
        else:
            before = _without_trailing_noise(cues.NAME_LEADING_NOISE.sub("", left[: verb.start()]))
            if after and before:
                name = before + verb.group() + after  # 城镇新增就业
            else:
                name = after or before
    name = cues.NAME_STRIP.sub("", name.strip(cues.NAME_EDGE_CHARS))
    if len(name) > cues.MAX_NAME_CHARS and "等" in name:
        name = name.rsplit("等", 1)[1] or name  # 安全饮水、村组道路…等|乡村振兴项目
    name = name[-cues.MAX_NAME_CHARS:]
    stated = cues.NAME_TRAILING_CUES.sub("", name)
    if kind == "ratio" and name[len(stated):].startswith("比"):
        stated += "比"
    name = cues.NAME_LEADING_CUES.sub("", stated)
    if not name or cues.NOT_A_NAME.match(name):
        return []  # 预计, 增产, 总量: the name is elsewhere in the sentence
    return [name]


def _without_trailing_noise(left: str) -> str:
    """``left`` without the words at its end that qualify the value (约, 累计, 同比, 的). Only a
    ``left`` ending with the last character of such a word is searched: it lies in one sentence,
    so no line break follows the words."""
    if left[-1:] not in cues.NAME_TRAILING_NOISE_LAST:
        return left
    return cues.NAME_TRAILING_NOISE.sub("", left)


def _following_name(text: str, value: Value) -> str | None:
    """The noun phrase right after a count (建成19个|美好移民村示范村)."""
    if value.unit_class != "count" or not _is_cjk(text[value.end:value.end + 1]):
        return None
    stop = cues.FOLLOWING_NAME_STOP.search(text, value.end, value.end + cues.MAX_NAME_CHARS)
    name = text[value.end:stop.start() if stop else value.end + cues.MAX_NAME_CHARS]
    if cues.NAME_VERBS.match(name) or cues.CHANGE_VERB_AT_START.match(name):
        return None  # 一百一十四万人|增加到…: a verb follows, not a noun
    return cues.NAME_STRIP.sub("", name) or None


def _distribute_names(own, following, run, sentence_values) -> list[str | None]:
    if following:
        return [following] * len(run)
    if own:
        parts = own[0].split("、")
        if len(parts) == len(run) > 1:
            return parts
        return [own[0]] * len(run)
    earlier = [v for v in sentence_values if v.end <= run[0].start and v.name]
    if len(run) > 1 and len(earlier) >= len(run):
        distinct = [v.name for v in earlier[-len(run):]]
        if len(set(distinct)) == len(run):
            return distinct  # 交易额…、零售额…，分别增长19.87%、20.64%
    named = [v for v in earlier if not cues.PLAN_NAME.match(v.name)]  # not 年度计划 of 超过年度计划4.1%
    inherited = named[-1].name if named else None
    return [following or inherited] * len(run)


def _kind(value: Value, left: str) -> str:
    """Level, growth or change, from the cues in ``left`` (the text before the value, without
    comparison bases)."""
    if value.unit == "百分点":
        return "change"
    if value.unit_class == "rate":
        if cues.GROWTH_CUES.search(left) and not cues.TO_LEVEL.search(left):
            return "growth"
        return "level"
    changes = list(cues.CHANGE_CUES.finditer(left))
    if changes and not cues.TO_LEVEL.search(left):
        levels = [m for m in cues.LEVEL_CUES.finditer(left) if m.start() > changes[-1].end()]
        if not levels:
            return "change"
    return "level"


def _target_before(text: str, sentence_start: int, value: Value) -> bool:
    return bool(cues.TARGET_SENTENCE_CUES.search(text, sentence_start, value.start))


def _target(text: str, sentence_start: int, value: Value, left: str, section: str | None) -> bool:
    """Whether a value is planned; ``left`` is its clause up to the value. Under a review
    heading only a plan named in the clause (计划为, 目标) or a restated target (报告提出…要)
    makes a target."""
    if "“" in left:
        left = cues.QUOTED.sub("", left)
    left = cues.COMPARISON_BASE.sub("", left)
    if section == "review":
        if cues.RESTATED_TARGET.search(text, sentence_start, value.start) and cues.RESTATED_TARGET_CLAUSE.search(left):
            return True
        return _has_cue(cues.REVIEW_TARGET_CUES, left) or bool(cues.TARGET_AFTER.match(text, value.end))
    if section == "plan" or _target_before(text, sentence_start, value):
        return True
    return _has_cue(cues.TARGET_CLAUSE_CUES, left) or bool(cues.TARGET_AFTER.match(text, value.end))


def _has_cue(pattern: re.Pattern, left: str) -> bool:
    """Whether ``left`` holds a target cue not preceded by a completion word (占年度计划106%)."""
    for cue in pattern.finditer(left):
        if not cues.TARGET_CLAUSE_BLOCKERS.search(left[: cue.start()]):
            return True
    return False


# --- periods ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Period:
    start: int
    end: int
    items: list[str]
    to: bool  # 到2025年: a deadline, which makes the value a target


def _periods(text: str, start: int, end: int) -> list[_Period]:
    """Period phrases of the sentence up to ``end``, enumerations grouped."""
    groups: list[_Period] = []
    if not cues.PERIOD_ANCHOR.search(text, start, end):
        return groups
    for match in cues.PERIOD.finditer(text, start, end):
        if cues.PERIOD_BLOCKERS.search(text[max(start, match.start() - 1):match.start()]) and not match.group("to"):
            continue
        if cues.PERIOD_FOLLOWED_BY_DATE.match(text[match.end():match.end() + 3]):
            continue
        base = cues.COMPARISON_BASE.match(text, match.start() - 1) if match.start() > start else None
        if base and base.end() >= match.end():
            continue  # 是2018年的9倍: the base of a comparison
        item, deadline = match.group("p"), bool(match.group("to"))
        if deadline:
            before = text[max(start, match.start() - 12):match.start()]
            range_start = cues.RANGE_START.search(before)
            if range_start:  # 从1980年至1985年: a range
                item, deadline = range_start.group("year") + match.group("to") + item, False
            elif cues.CHANGE_VERB_BEFORE.search(before):  # 增加到1985年的…
                deadline = False
        if groups and cues.PERIOD_SEPARATOR.match(text[groups[-1].end:match.start()]):
            groups[-1].items.append(item)
            groups[-1].end = match.end()
        else:
            groups.append(_Period(match.start(), match.end(), [item], deadline))
    return groups


def _period_for(value: Value, index: int, run: list[Value], periods: list[_Period]) -> str | None:
    before = [p for p in periods if p.end <= value.start]
    if not before:
        return None
    period = before[-1]
    if period.to:
        value.target = True
    if len(period.items) > 1 and len(run) == len(period.items):
        return period.items[index]
    return "、".join(period.items)


def _period_after(text: str, value: Value) -> str | None:
    """The period between a target value and its 目标 (7.5%左右的“十四五”年均增幅目标)."""
    stretch = cues.TARGET_AFTER.match(text, value.end).group()
    match = cues.PERIOD.search(stretch)
    return match.group("p") if match else None


# --- plan sections ---------------------------------------------------------------------------


def top_heading_starts(text: str) -> list[int]:
    """Where the numbered top-level headings of ``text`` start: 一、… or 第一部分, else, in a report
    without these, （一）…."""
    # match.start() of a search in "\n" + text is the heading line's start in text
    starts = [match.start() for match in cues.TOP_HEADING.finditer("\n" + text)]
    return starts or [match.start() for match in cues.PARENTHESIZED_HEADING.finditer("\n" + text)]


def _section_lookup(text: str):
    """A function telling whether a position lies under a heading that announces plans
    ("plan"), one that reviews the past ("review", which wins: 一、1998年工作回顾和1999年工作的
    总体要求), or neither (None). Headings are numbered top-level ones (一、…, 第一部分) and
    short lines alone between blank lines (过去五年的回顾)."""
    headings = [(0, "")]
    for start in top_heading_starts(text):
        headings.append((start, LINE.match(text, start).group()))
    for match in cues.UNNUMBERED_HEADING.finditer(text):
        headings.append((match.start(), match.group()))
    headings.sort()
    starts = [start for start, _ in headings]
    kinds = []
    for _, line in headings:
        heading = cues.HEADING_CLAUSE_END.split(line, maxsplit=1)[0]
        if cues.REVIEW_HEADING.search(heading):
            kinds.append("review")
        else:
            kinds.append("plan" if cues.PLAN_HEADING.search(heading) else None)

    def section(position: int) -> str | None:
        return kinds[bisect_right(starts, position) - 1]

    return section


# --- tables ----------------------------------------------------------------------------------


def find_table_values(text: str) -> tuple[list[Value], list[tuple[int, int]]]:
    """Values of indicator tables, laid out one cell a line or one row a line with tabs between
    the cells: a header row with year columns, then rows whose cells line up with it. Returns
    the values and the tables' extents."""
    values: list[Value] = []
    extents: list[tuple[int, int]] = []
    for blocks in [cell_line_blocks(text), *tab_row_runs(text)]:
        _read_tables(text, blocks, values, extents)
    return values, extents


def _read_tables(text: str, blocks: list[list[tuple[int, int]]], values: list[Value],
                 extents: list[tuple[int, int]]) -> None:  # fmt: skip
    """Add the values and extents of the tables among ``blocks`` (rows of cells, in order)."""
    i = 0
    while i < len(blocks):
        header = blocks[i]
        labels = [_cell_text(text, cell) for cell in header]
        years = [j for j, label in enumerate(labels) if cues.TABLE_YEAR_HEADER.match(label)]
        if len(header) < 3 or len(years) < 2:
            i += 1
            continue
        name_col = next((j for j, label in enumerate(labels) if cues.TABLE_NAME_HEADER.search(label)), None)
        unit_col = next((j for j, label in enumerate(labels) if cues.TABLE_UNIT_HEADER.fullmatch(label)), None)
        # A growth column (增长（%）) gives the growth of the year column before it.
        growth_cols = {j: labels[max(y for y in years if y < j)] for j, label in enumerate(labels)
                       if cues.TABLE_GROWTH_HEADER.fullmatch(label) and years[0] < j}  # fmt: skip
        title = text[max(0, header[0][0] - 60):header[0][0]]
        target_col = _target_column(labels, years, title)
        table_start, j = header[0][0], i + 1
        while j < len(blocks) and len(blocks[j]) == len(header):
            row = blocks[j]
            label = _cell_text(text, row[name_col]) if name_col is not None else ""
            unit = _cell_text(text, row[unit_col]) if unit_col is not None else ""
            values.extend(_row_values(text, row, labels, years, label, target_col, unit, growth_cols))
            j += 1
        extents.append((table_start, blocks[j - 1][-1][1]))
        i = j


def _cell_text(text: str, cell: tuple[int, int]) -> str:
    return WHITESPACE.sub("", text[cell[0]:cell[1]])


def _target_column(labels: list[str], years: list[int], title: str) -> int | None:
    for j in years:
        if cues.TABLE_TARGET_WORDS.search(labels[j]):
            return j
    if cues.TABLE_TARGET_WORDS.search(title):
        latest = max(years, key=lambda j: labels[j])
        if sum(labels[j][:4] == labels[latest][:4] for j in years) == 1:
            return latest
    return None


def _row_values(text, row, labels, years, label, target_col, unit_cell="", growth_cols=None) -> list[Value]:
    """The values of one table row: one per year column, and a growth in % per growth column
    (``growth_cols``: column -> the period of the year column it follows)."""
    units = cues.TABLE_LABEL_UNIT.findall(label) + ([unit_cell] if unit_cell else [])
    name = cues.TABLE_LABEL_UNIT.sub("", label) or None
    unit, unit_class, scale = None, None, Decimal(1)
    for candidate in units:
        magnitude = cues.MAGNITUDE_WORD.match(candidate)
        rest = candidate[magnitude.end():] if magnitude else candidate
        normalised, klass = normalise_unit(rest)
        if klass:
            unit, unit_class = normalised, klass
            scale = parse_number("1" + magnitude.group()) if magnitude else Decimal(1)
            break
    growth_cols = growth_cols or {}
    found = []
    for j in sorted([*years, *growth_cols]):
        cell_start, cell_end = row[j]
        matches = list(cues.TABLE_CELL_VALUE.finditer(text, cell_start, cell_end))
        if not matches:
            continue
        match = matches[-1]
        number = cues.TABLE_CELL_QUALIFIER.sub("", match.group())
        in_growth_col = j in growth_cols
        try:
            amount = parse_number(number) * (1 if in_growth_col else scale)
        except NumberError:
            continue
        cell = text[cell_start:match.start()]
        if in_growth_col:
            value = Value(match.start(), match.end(), amount, *normalise_unit("%"), "growth")
            period = growth_cols[j]
        else:
            growth = unit == "%" and (cues.GROWTH_CUES.search(name or "") or cues.GROWTH_CUES.search(cell))
            value = Value(match.start(), match.end(), amount, unit, unit_class, "growth" if growth else "level")
            period = labels[j]
        value.name = name
        value.period = cues.TABLE_HEADER_PLAN_SUFFIX.sub("", period)
        value.target = j == target_col
        qualifier = cues.TABLE_CELL_QUALIFIER.search(match.group())
        value.qualifier = qualifier.group() if qualifier else None
        found.append(value)
    return found
