"""Observations: the INDICATOR spans of one annotated report as the ledger reads them, each a
target or an outturn of one indicator in one year.

Runs where the report was annotated (a worker process with ``--jobs``), so that only these
small dicts travel back (nlp/parallel.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from spacy.tokens import Doc

from ..output import entity_record
from ..rules import indicator_cues as cues
from ..rules import ledger_keys as data
from ..spans import policy_spans
from .years import Sections, is_annual, period_year, year_number

# Kinds of values that are no target or outturn of an amount or rate.
SKIPPED_KINDS = frozenset({"rank", "ratio"})


@dataclass
class Observation:
    """One value of one report: a target (``target`` True) or an outturn."""

    key: str | None
    indicator: str  # the name as the report gives it
    join_name: str  # what rows join on: the key, else the normalised name and measure
    measure: str  # growth, level or change
    year: int
    year_from: str  # "period" (its sentence names the year), "heading" or "report"
    target: bool
    value: float | int | list
    unit: str | None
    qualifier: str | None
    text: str
    path: str
    start: int
    end: int
    report_year: int
    report_year_from: str

    def to_dict(self) -> dict:
        return asdict(self)


def observations(doc: Doc, path: str, report_year: int, report_year_from: str) -> list[dict]:
    """The observations of an annotated report, as dicts (see :class:`Observation`), in text
    order. Values without a name, of several years or part of one, ranks and ratios are left
    out.

    Example: in the report of 1999, 今年的经济增长预期为7％左右 gives
    ``{"key": "gdp_growth", "year": 1999, "target": True, "value": 7, "qualifier": "左右", …}``."""
    sections = Sections(doc.text)
    found = []
    for span in policy_spans(doc):
        if span.label_ != "INDICATOR":
            continue
        record = entity_record(span)
        name, period = record.get("name"), record.get("period")
        if not name or record.get("kind") in SKIPPED_KINDS or not is_annual(period):
            continue
        target = bool(record.get("target"))
        year, year_from = _year(period, span.start_char, target, report_year, sections)
        if year is None:
            continue
        sentence = _sentence_before(doc.text, span.start_char)
        base = data.BASE_VALUE.search(sentence)
        if base:  # 比一九五八年的二千零五十亿元: the outturn of the base year
            year, year_from, target = year_number(base.group(1)), "period", False
        elif year_from == "report" and not sections.reviews(span.start_char) \
                or year_from != "period" and data.CONTINUING_SENTENCE.match(doc.text, span.start_char - len(sentence)):  # fmt: skip
            paragraph = _paragraph_before(doc.text, span.start_char - len(sentence))
            paragraph_year = _last_year(paragraph, report_year)
            if paragraph_year is not None:  # 今年计划要求，…。社会商品零售总额增长12.3%
                year = paragraph_year
                target = target or year_from == "report" and bool(data.PARAGRAPH_PLAN.search(paragraph)) \
                    and not data.PAST_WORDS.search(cues.CLAUSE_END.split(sentence)[-1])  # fmt: skip
        if year_from == "report" and data.BASE_THIS_YEAR.search(sentence):
            year, year_from = report_year + 1, "period"  # 比今年增长4%左右: next year's
        clause = cues.CLAUSE_END.split(sentence)[-1]
        if cues.AVERAGE_WORDS.search(clause) or data.SEVERAL_YEARS_TOTAL.search(clause):
            continue  # 1997年…，平均每年增长11%; 五年…累计完成: an average or a total over years
        if year_from != "period" and _starts_change(doc.text, sentence, span.end_char):
            continue  # 从14.8%降到10%左右: the level a change starts from, of a year not stated
        measure = _measure(record)
        if measure == "growth" and _compared_with_other_year(sentence, year):
            continue  # 一九八二年同一九七八年相比…增长64.8%: growth over several years
        if target and year < report_year and not data.RESTATED_TARGET.search(sentence):
            target = False  # 一九五七年的工业总产值…预计达到628.1亿元: an estimate of the outturn
        name = _elliptic_name(name, measure, found, doc.text, span.start_char)
        key = indicator_key(name, measure)
        found.append(Observation(
            key=key, indicator=name, join_name=key or f"{normalised_name(name)} ({measure})", measure=measure,
            year=year, year_from=year_from, target=target, value=record["value"], unit=record.get("unit"), qualifier=record.get("qualifier"),
            text=record["text"], path=path, start=span.start_char, end=span.end_char,
            report_year=report_year, report_year_from=report_year_from,
        ))  # fmt: skip
    return [observation.to_dict() for observation in found]


def _year(period: str | None, position: int, target: bool, report_year: int,
          sections: Sections) -> tuple[int | None, str]:  # fmt: skip
    """The year of a value and where it comes from: its period ("period"), else its section
    heading ("heading"), else the year before the report's under a review heading and the
    report's year elsewhere ("report")."""
    year = period_year(period, report_year, sections.reviews(position))
    if year is not None:
        return year, "period"
    if period:  # a period that names no one year (前半期)
        return None, "period"
    year = sections.year(position, target)
    if year is not None:
        return year, "heading"
    if sections.reviews(position):  # a restated target too is of the year reviewed
        return report_year - 1, "report"
    return report_year, "report"


def _sentence_before(text: str, position: int) -> str:
    """The text of the value's sentence before it."""
    start = max(text.rfind(end, max(0, position - 300), position) for end in "。！？!?\n")
    return text[max(start + 1, position - 300):position]


def _elliptic_name(name: str, measure: str, found: list[Observation], text: str, position: int) -> str:
    """The full name of a value named only by a measure or a total (涨幅, 全年总收入): that of the
    value before it in the paragraph, of the same measure or with the same head noun."""
    before = found[-1] if found and "\n" not in text[found[-1].end:position] else None
    if before is None:
        return name
    if data.BARE_MEASURE_NAME.match(name) and before.measure == measure:
        return before.indicator  # …物价上涨幅度控制在10%以内。…涨幅仍然高达21.7%
    total = data.TOTAL_OF_HEAD_NAME.match(name)
    if total and before.indicator.endswith(total.group(1)):
        return before.indicator  # …国内财政收入增加362亿元，全年总收入达到1829亿元
    return name


def _paragraph_before(text: str, position: int) -> str:
    """The text of the paragraph before ``position`` (a sentence's start)."""
    return text[text.rfind("\n", max(0, position - 1500), position) + 1:position]


def _last_year(paragraph: str, report_year: int) -> int | None:
    """The year of the last year word of ``paragraph`` that is no comparison or price base."""
    for match in reversed(list(data.PARAGRAPH_YEAR.finditer(paragraph))):
        if not data.PARAGRAPH_YEAR_BLOCKERS.search(paragraph[max(0, match.start() - 2):match.start()]):
            return period_year(match.group(), report_year)
    return None


def _starts_change(text: str, sentence: str, end: int) -> bool:
    clause = cues.CLAUSE_END.split(sentence)[-1]
    return bool(cues.CHANGE_FROM.match(text, end)) and bool(cues.CHANGE_FROM_START.search(clause))


def _compared_with_other_year(sentence: str, year: int) -> bool:
    bases = [year_number(m.group(1)) for m in data.BASE_YEAR.finditer(sentence)]
    return bool(bases) and bases[-1] != year - 1


def _measure(record: dict) -> str:
    """growth, level or change: the tagger's kind, with a % level named by a growth word taken
    as growth (经济增长速度的调控目标定为8%)."""
    kind = record.get("kind") or "level"
    if kind == "level" and record.get("unit") == "%" and data.GROWTH_NAME_WORDS.search(record.get("name") or ""):
        return "growth"
    return kind if kind in ("growth", "change") else "level"


def indicator_key(name: str, measure: str) -> str | None:
    """The canonical key of an indicator name and measure, or None (the table in
    nlp/rules/ledger_keys.py).

    >>> indicator_key("国民生产总值", "growth")
    'gdp_growth'
    """
    for key, key_measure, pattern in data.COMPILED_KEYS:
        if key_measure == measure and pattern.search(name):
            return key
    return None


def normalised_name(name: str) -> str:
    """A name without the time words, scopes and filler that differ between years
    (今年全国粮食产量 → 粮食产量)."""
    return data.NAME_NOISE.sub("", name) or name
