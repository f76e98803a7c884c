"""The ledger's rows: one per indicator and year, the target set in advance beside the outturn
reported later, and whether the target was met.

Which target and which outturn: an indicator-year may be stated by several reports (the plan
of 1981 in the report of 1980, its revision in that of 1982; the outturn estimated in the report
of 1981 and final in that of 1982). The row takes a target set by the year (one restated in a
later report only where none was), and an outturn from any report; among these, values whose
own sentence names the year come first, then those dated by their section heading, then those
dated by the report; then the latest report (the plan in force); then the first in the
report's text. An outturn reported after its year comes before one stated in the year's own
report, and the first report after the year (the one that reviews it) before later ones. An
outturn is never taken from a report older than the target's.
"""

from __future__ import annotations

from decimal import Decimal

from ..rules import ledger_keys as data

SIDE_FIELDS = ("value", "unit", "qualifier", "text", "path", "start", "end", "report_year", "report_year_from")


def ledger_rows(observations: list[dict]) -> list[dict]:
    """Rows ``{"key", "indicator", "year", "target", "actual", "met"}`` from the observations
    of all reports (nlp/ledger/observations.py), keyed indicators first, then by indicator
    and year; ``target`` or ``actual`` is None where no report states it."""
    groups: dict[tuple[str, int], list[dict]] = {}
    for observation in observations:
        groups.setdefault((observation["join_name"], observation["year"]), []).append(observation)
    rows = []
    for (join_name, year), group in groups.items():
        targets = [o for o in group if o["target"]]
        target = min(targets, key=lambda o: _target_rank(o, year)) if targets else None
        actuals = [o for o in group if not o["target"] and (target is None or o["report_year"] >= target["report_year"])]
        actual = min(actuals, key=_actual_rank) if actuals else None
        first = target or actual
        rows.append({
            "key": first["key"],
            "indicator": first["key"] or _keyless_name(join_name),
            "year": year,
            "target": _side(target),
            "actual": _side(actual),
            "met": met(target, actual),
        })  # fmt: skip
    rows = _joined_by_wording(rows)
    rows.sort(key=lambda r: (r["key"] is None, r["indicator"], r["year"]))
    return rows


def _keyless_name(join_name: str) -> str:
    """The indicator of a row without key: its name, with the measure where it is not a level
    (棉花 and 棉花 (change) are two rows, an output and a change of it)."""
    name, measure = join_name.rsplit(" (", 1)
    return name if measure == "level)" else join_name


def _joined_by_wording(rows: list[dict]) -> list[dict]:
    """Rows without key whose names differ by words before or after the shorter one (原煤 and
    原煤产量, 在校学生 and 普通高等学校在校学生) made one, where one has only a target and the
    other only an outturn of the same year and unit; the outturn's name is kept."""
    targets_only = [r for r in rows if r["key"] is None and r["target"] and not r["actual"]]
    merged: set[int] = set()
    for row in rows:
        if row["key"] is not None or row["target"] or not row["actual"]:
            continue
        for candidate in targets_only:
            if id(candidate) in merged or candidate["year"] != row["year"]:
                continue
            if candidate["target"]["unit"] != row["actual"]["unit"] or not _related(candidate["indicator"], row["indicator"]):
                continue
            row["target"] = candidate["target"]
            row["met"] = met(dict(candidate["target"], key=None, indicator=row["indicator"]), row["actual"])
            merged.add(id(candidate))
            break
    return [r for r in rows if id(r) not in merged]


def _related(a: str, b: str) -> bool:
    if a.endswith(")") != b.endswith(")") or a.endswith(")") and a.rsplit(" (", 1)[1] != b.rsplit(" (", 1)[1]:
        return False  # a level and a change, or a growth and a change
    a, b = a.rsplit(" (", 1)[0], b.rsplit(" (", 1)[0]
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and (long.startswith(short) or long.endswith(short))


YEAR_SOURCES = ("period", "heading", "report")


def _target_rank(observation: dict, year: int) -> tuple:
    """Smallest first: set by the year (else restated in the earliest report after), dated by
    its sentence, then its heading, then its report, from the latest report."""
    in_advance = observation["report_year"] <= year
    return (not in_advance, YEAR_SOURCES.index(observation["year_from"]),
            -observation["report_year"] if in_advance else observation["report_year"],
            observation["path"], observation["start"])  # fmt: skip


def _actual_rank(observation: dict) -> tuple:
    """Smallest first: reported after the year (a report of the year itself can only estimate
    it), from the first report after it (the one that reviews the year; a later one may give a
    figure of another scope or price base), else from the latest; dated by its sentence; the
    first in its text."""
    after = observation["report_year"] > observation["year"]
    return (not after, observation["report_year"] if after else -observation["report_year"],
            YEAR_SOURCES.index(observation["year_from"]), observation["path"], observation["start"])  # fmt: skip


def _side(observation: dict | None) -> dict | None:
    return {field: observation[field] for field in SIDE_FIELDS} if observation else None


def comparison(target: dict) -> str:
    """How an outturn is held against ``target``: ``range``, ``at_least``, ``at_most`` or
    ``about``, from its qualifier (nlp/rules/ledger_keys.py); a bare figure is a ceiling for
    the indicators where less is better (prices, deficits), a floor for the others."""
    if isinstance(target["value"], list):
        return "range"
    qualified = data.QUALIFIER_COMPARISON.get(target["qualifier"] or "")
    if qualified:
        return qualified
    return "at_most" if is_ceiling(target) else "at_least"


def is_ceiling(observation: dict) -> bool:
    return observation["key"] in data.CEILING_KEYS or bool(data.CEILING_NAME_WORDS.search(observation["indicator"]))


def met(target: dict | None, actual: dict | None) -> bool | None:
    """Whether ``actual`` meets ``target`` (None when either is missing or they cannot be
    compared: different units, a range as outturn).

    >>> met({"value": 10, "unit": "%", "qualifier": "以内", "key": "cpi", "indicator": "物价"},
    ...     {"value": 21.7, "unit": "%", "qualifier": None})
    False
    """
    if target is None or actual is None or isinstance(actual["value"], list):
        return None
    target_value = _in_unit(target["value"], target["unit"], actual["unit"])
    if target_value is None:
        return None
    outturn = Decimal(str(actual["value"]))
    how = comparison(target)
    if how == "range":
        return target_value[0] <= outturn <= target_value[1]
    if how == "at_least":
        return outturn >= target_value
    if how == "at_most":
        return outturn <= target_value
    tolerance = about_tolerance(target_value, actual["unit"])
    if is_ceiling(target):
        return outturn <= target_value + tolerance
    return outturn >= target_value - tolerance


def about_tolerance(target_value: Decimal, unit: str | None) -> Decimal:
    """How far "about" reaches: percentage points for a %, a share of the target otherwise."""
    if unit == "%":
        return data.ABOUT_TOLERANCE_POINTS
    return abs(target_value) * data.ABOUT_TOLERANCE_SHARE


def _in_unit(value, unit: str | None, wanted: str | None):
    """``value`` (a number or [low, high]) in the unit ``wanted`` as Decimal, or None if it
    cannot be converted."""
    factor = _factor(unit, wanted)
    if factor is None:
        return None
    if isinstance(value, list):
        return [Decimal(str(v)) * factor for v in value]
    return Decimal(str(value)) * factor


def _factor(unit: str | None, wanted: str | None) -> Decimal | None:
    if unit == wanted:
        return Decimal(1)
    base, factor = data.UNIT_CONVERSIONS.get(unit or "", (unit, Decimal(1)))
    wanted_base, wanted_factor = data.UNIT_CONVERSIONS.get(wanted or "", (wanted, Decimal(1)))
    if base != wanted_base:
        return None
    return factor / wanted_factor
