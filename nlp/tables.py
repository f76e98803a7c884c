"""Tables exported one row a line, with tabs between the cells (as spreadsheets and many PDF
extractions write them): runs of consecutive lines with two tabs or more, each line a row of
cells, offsets into the text.

Example::

    >>> text = "指标\\t单位\\t2023年\\n生产总值\\t亿元\\t5432.1\\n"
    >>> [[text[s:e] for s, e in row] for row in tab_row_runs(text)[0]]
    [['指标', '单位', '2023年'], ['生产总值', '亿元', '5432.1']]
"""

from __future__ import annotations

import re

_LINE = re.compile(r"^.*$", re.M)

Row = list[tuple[int, int]]  # the (start, end) of each cell


def tab_row_runs(text: str) -> list[list[Row]]:
    """Runs of consecutive lines that hold two tabs or more, each line a row of cells (the text
    between its tabs)."""
    runs: list[list[Row]] = []
    previous_end = -2
    for match in _LINE.finditer(text):
        line = match.group()
        if line.count("\t") < 2:
            continue
        bounds = [match.start() - 1, *(match.start() + k for k, ch in enumerate(line) if ch == "\t"), match.end()]
        if match.start() != previous_end + 1:
            runs.append([])
        runs[-1].append([(a + 1, b) for a, b in zip(bounds, bounds[1:])])
        previous_end = match.end()
    return runs
