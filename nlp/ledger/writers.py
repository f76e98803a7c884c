"""The ledger's output formats: JSON lines, a flat CSV for spreadsheets, R and Stata, and an
HTML page with a table and a small chart per indicator (inline SVG: no script, no network)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from html import escape
from typing import TextIO

from .table import about_tolerance, comparison

SIDES = ("target", "actual")
# Columns of each side in the CSV, after key, indicator, year, met. A range fills low and high
# and leaves value empty.
SIDE_COLUMNS = ("value", "low", "high", "unit", "qualifier", "text", "path", "start", "end",
                "report_year", "report_year_from")  # fmt: skip
CSV_COLUMNS = ("key", "indicator", "year", "met") + tuple(f"{side}_{column}" for side in SIDES for column in SIDE_COLUMNS)
# The chart's size in pixels.
CHART_WIDTH, CHART_HEIGHT, CHART_MARGIN = 360, 120, 24


def write_jsonl(rows: list[dict], stream: TextIO) -> None:
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: list[dict], stream: TextIO) -> None:
    """UTF-8 with a byte-order mark (so that spreadsheets take it as UTF-8) and one header row."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        cells = [row["key"], row["indicator"], row["year"], row["met"]]
        for side in SIDES:
            cells.extend(_side_cells(row[side]))
        writer.writerow(["" if cell is None else cell for cell in cells])


def _side_cells(side: dict | None) -> list:
    if side is None:
        return [None] * len(SIDE_COLUMNS)
    value = side["value"]
    low, high = (value[0], value[1]) if isinstance(value, list) else (None, None)
    return [None if low is not None else value, low, high] + [side[c] for c in SIDE_COLUMNS[3:]]


def write_html(rows: list[dict], stream: TextIO) -> None:
    """One section per indicator: a chart of the target band (grey; a line for a bare target, a
    band for a range or "about", an open band for 以上/以内) and the outturn (a dot: green met,
    red missed, grey unknown), then the table of its years."""
    by_indicator: dict[str, list[dict]] = {}
    for row in rows:
        by_indicator.setdefault(row["indicator"], []).append(row)
    stream.write(
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>Target-vs-outturn ledger</title>\n"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
        "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}.met{color:#1a7f37}.missed{color:#cf222e}"
        "</style></head><body>\n<h1>Target-vs-outturn ledger</h1>\n"
    )  # fmt: skip
    for indicator, group in by_indicator.items():
        stream.write(f"<section><h2>{escape(indicator)}</h2>\n{_chart(group)}\n<table>\n")
        stream.write("<tr><th>year</th><th>target</th><th>outturn</th><th>met</th><th>target text</th>"
                     "<th>outturn text</th></tr>\n")  # fmt: skip
        for row in group:
            met = {True: '<span class="met">yes</span>', False: '<span class="missed">no</span>', None: ""}[row["met"]]
            stream.write(
                f"<tr><td>{row['year']}</td><td>{escape(_figure(row['target']))}</td>"
                f"<td>{escape(_figure(row['actual']))}</td><td>{met}</td>"
                f"<td>{_quote(row['target'])}</td><td>{_quote(row['actual'])}</td></tr>\n"
            )
        stream.write("</table></section>\n")
    stream.write("</body></html>\n")


def _figure(side: dict | None) -> str:
    if side is None:
        return ""
    value = side["value"]
    number = f"{value[0]}–{value[1]}" if isinstance(value, list) else f"{value}"
    return f"{number} {side['unit'] or ''}{' ' + side['qualifier'] if side['qualifier'] else ''}".strip()


def _quote(side: dict | None) -> str:
    if side is None:
        return ""
    where = f"{side['path']}:{side['start']}-{side['end']}"
    return f"<span title=\"{escape(where)}\">{escape(side['text'])}</span>"


def _band(row: dict, unit: str | None) -> tuple[float, float] | None:
    """The target's band (low, high) in the chart's unit, None where there is no target in it."""
    target = row["target"]
    if target is None or target["unit"] != unit:
        return None
    value = target["value"]
    if isinstance(value, list):
        return float(value[0]), float(value[1])
    if comparison(dict(target, key=row["key"], indicator=row["indicator"])) == "about":
        tolerance = float(about_tolerance(Decimal(str(value)), unit))
        return value - tolerance, value + tolerance
    return float(value), float(value)


def _chart(group: list[dict]) -> str:
    """An inline SVG of the years of one indicator, in the unit of its first figure."""
    unit = next((r[s]["unit"] for r in group for s in SIDES if r[s]), None)
    points = [(r["year"], _band(r, unit), _number(r["actual"], unit), r["met"]) for r in group]
    values = [v for _, band, actual, _ in points for v in (band or ()) + ((actual,) if actual is not None else ())]
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    first, last = min(r["year"] for r in group), max(r["year"] for r in group)
    inner_width, inner_height = CHART_WIDTH - 2 * CHART_MARGIN, CHART_HEIGHT - 2 * CHART_MARGIN

    def x(year: int) -> float:
        return CHART_MARGIN + (year - first) / max(1, last - first) * inner_width

    def y(value: float) -> float:
        return CHART_HEIGHT - CHART_MARGIN - (value - low) / (high - low) * inner_height

    parts = [f'<svg width="{CHART_WIDTH}" height="{CHART_HEIGHT}" role="img" '
             f'aria-label="target band and outturn by year">']  # fmt: skip
    for year, band, actual, met in points:
        if band:
            top, bottom = y(band[1]), y(band[0])
            parts.append(f'<rect x="{x(year) - 6:.1f}" y="{top - 1:.1f}" width="12" height="{bottom - top + 2:.1f}" '
                         f'fill="#bbb"><title>target {year}</title></rect>')  # fmt: skip
        if actual is not None:
            colour = {True: "#1a7f37", False: "#cf222e", None: "#666"}[met]
            parts.append(f'<circle cx="{x(year):.1f}" cy="{y(actual):.1f}" r="3.5" fill="{colour}">'
                         f'<title>outturn {year}: {actual:g}</title></circle>')  # fmt: skip
        parts.append(f'<text x="{x(year):.1f}" y="{CHART_HEIGHT - 6}" font-size="9" text-anchor="middle">{year}</text>')
    parts.append(f'<text x="2" y="12" font-size="9">{escape(unit or "")} {high:g}</text>'
                 f'<text x="2" y="{CHART_HEIGHT - CHART_MARGIN}" font-size="9">{low:g}</text></svg>')  # fmt: skip
    return "".join(parts)


def _number(side: dict | None, unit: str | None) -> float | None:
    if side is None or isinstance(side["value"], list) or side["unit"] != unit:
        return None
    return float(side["value"])


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "html": write_html}
