"""Years: the year of a report (from its own text, else its name) and the year a value refers
to (its period, else the heading of its section, else the report's year)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from pathlib import Path

from ..rules import ledger_keys as data
from ..components.indicators import top_heading_starts
from ..rules.indicator_cues import HEADING_CLAUSE_END, REVIEW_HEADING, UNNUMBERED_HEADING

_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九○", "001234567890")
LINE = re.compile(r"^.*$", re.M)


def year_number(written: str) -> int:
    """A year as written (1999, １９９９, 一九九九, 1 9 9 9) as a number.

    >>> year_number("一九八二")
    1982
    """
    digits = unicodedata.normalize("NFKC", written).translate(_CHINESE_DIGITS)
    return int(re.sub(r"\s", "", digits))


def report_year(text: str, name: str, record_year: int | None = None) -> tuple[int | None, str | None]:
    """``(year, source)`` of a report: the date line of its text (——1999年3月5日在…), the year
    after its review heading (一、1998年工作回顾 → 1999), the year in its name (gwr-1999.txt), or
    the ``year`` of its JSONL record; ``source`` says which ("date line", "review heading",
    "name", "record"), and ``(None, None)`` when none does.

    >>> report_year("一、1998年工作回顾和1999年工作的总体要求\\n…", "report.txt")
    (1999, 'review heading')
    """
    date = data.DATE_LINE.search(text[:2000])
    if date:
        return year_number(date.group(1)), "date line"
    review = data.REVIEW_HEADING.search(text)
    if review:
        return year_number(review.group(1)) + 1, "review heading"
    named = data.NAME_YEAR.findall(Path(name).name)  # the last: reports_1954_1999.jsonl#gwr-1980
    if named:
        return int(named[-1]), "name"
    if record_year is not None:
        return record_year, "record"
    return None, None


def period_year(period: str | None, report: int | None, reviewed: bool = False) -> int | None:
    """The one year a period names (1981年, 一九八二年, 今年 → the report's), or None for no
    period, a period of several years or part of one (“六五”期间, 上半年) and no year at all.
    With ``reviewed`` (a value under a review heading) 全年 and 当年 are the year reviewed, the
    one before the report's.

    >>> period_year("明年", 1980)
    1981
    """
    if not period or data.NOT_ANNUAL_PERIOD.search(period):
        return None
    years = {year_number(m.group(1)) for m in data.YEAR.finditer(period)}
    if len(years) == 1:
        return years.pop()
    if not years and report is not None:
        relative = data.REVIEWED_RELATIVE_YEARS if reviewed else data.RELATIVE_YEARS
        offsets = {offset for word, offset in relative.items() if word in period}
        if len(offsets) == 1:
            return report + offsets.pop()
    return None


def is_annual(period: str | None) -> bool:
    """Whether a value's period allows it to be one year's figure (no period, or one year)."""
    return not period or not data.NOT_ANNUAL_PERIOD.search(period)


class Sections:
    """The top-level sections of a report, for the year of values whose sentence names none:
    the year in the section's heading (二、1981年国民经济计划的任务 → 1981), and whether the
    section reviews the past (一、1998年工作回顾, 过去五年的回顾). Headings are found as the
    INDICATOR tagger finds them (nlp/components/indicators.py)."""

    def __init__(self, text: str):
        self.top_starts = [0] + top_heading_starts(text)
        self.top_headings = [""] + [LINE.match(text, start).group() for start in self.top_starts[1:]]
        self.starts = list(self.top_starts)
        self.headings = list(self.top_headings)
        for match in UNNUMBERED_HEADING.finditer(text):  # 过去五年的回顾 on a line of its own
            at = bisect_right(self.starts, match.start())
            self.starts.insert(at, match.start())
            self.headings.insert(at, match.group())

    def heading(self, position: int) -> str:
        return self.headings[bisect_right(self.starts, position) - 1]

    def year(self, position: int, target: bool) -> int | None:
        """The year the heading over ``position`` names: its first for an outturn, its last for a
        target (一、1998年工作回顾和1999年工作的总体要求); under an unnumbered heading without a year
        (先说工业战线上的情况), the year of the numbered heading it lies under."""
        heading = self.heading(position)
        if not data.YEAR.search(heading):
            heading = self.top_headings[bisect_right(self.top_starts, position) - 1]
        years = [year_number(m.group(1)) for m in data.YEAR.finditer(heading)]
        if not years:
            return None
        return years[-1] if target else years[0]

    def reviews(self, position: int) -> bool:
        """Whether the heading reviews the past, as the INDICATOR tagger reads headings."""
        return bool(REVIEW_HEADING.search(HEADING_CLAUSE_END.split(self.heading(position), maxsplit=1)[0]))
