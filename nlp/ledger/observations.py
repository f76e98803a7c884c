"""Observations: the INDICATOR spans of one annotated report as the ledger reads them, each a
target or an outturn of one indicator in one year.

Runs where the report was annotated (a worker process with ``--jobs``), so that only these
small dicts travel back (nlp/parallel.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from spacy.tokens import Doc

from ..output import entity_record
from ..rules import ledger_keys as data
from ..spans import policy_spans
from .years import Sections, is_annual, period_year

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
        year = _year(period, span.start_char, target, report_year, sections)
        if year is None:
            continue
        measure = _measure(record)
        key = indicator_key(name, measure)
        qualifier = record["qualifier"] if "qualifier" in record else trailing_qualifier(doc.text, span.start_char, span.end_char)
        found.append(Observation(
            key=key, indicator=name, join_name=key or f"{normalised_name(name)} ({measure})", measure=measure,
            year=year, target=target, value=record["value"], unit=record.get("unit"), qualifier=qualifier,
            text=record["text"], path=path, start=span.start_char, end=span.end_char,
            report_year=report_year, report_year_from=report_year_from,
        ).to_dict())  # fmt: skip
    return found


def _year(period: str | None, position: int, target: bool, report_year: int, sections: Sections) -> int | None:
    """The year of a value: its period's, else its section heading's, else the report's for a
    target and the year before for an outturn under a review heading."""
    year = period_year(period, report_year)
    if year is not None:
        return year
    if period:  # a period that names no one year (前半期)
        return None
    year = sections.year(position, target)
    if year is not None:
        return year
    if not target and sections.reviews(position):
        return report_year - 1
    return report_year


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


def trailing_qualifier(text: str, start: int, end: int) -> str | None:
    """The qualifier of the value at ``text[start:end]``: the word that ends the span (6%以上,
    7%左右) or stands right before it (约7%, 不超过3%); None if there is none.

    A stand-in for the INDICATOR attribute ``qualifier``, read instead whenever the tagger sets
    it (then this function can go)."""
    span = text[start:end]
    for cut in range(max(0, len(span) - 3), len(span)):
        after = data.QUALIFIER_AFTER.match(span, cut)
        if after and after.end() == len(span):
            return after.group()
    before = data.QUALIFIER_BEFORE.search(text[max(0, start - 3):start])
    return before.group() if before else None
