"""Tables as text exports lay them out, as rows of cells with offsets into the text: one row a
line with tabs between the cells (as spreadsheets and many PDF extractions write them), or one
cell a line, each led by a tab, a blank line between rows (as Word exports them).

Example::

    >>> text = "指标\\t单位\\t2023年\\n生产总值\\t亿元\\t5432.1\\n"
    >>> [[text[s:e] for s, e in row] for row in tab_row_runs(text)[0]]
    [['指标', '单位', '2023年'], ['生产总值', '亿元', '5432.1']]
"""

from __future__ import annotations

import re

# One line of a text (without its line break).
LINE = re.compile(r"^.*$", re.M)

Row = list[tuple[int, int]]  # the (start, end) of each cell


def tab_row_runs(text: str) -> list[list[Row]]:
    """Runs of consecutive lines that hold two tabs or more, each line a row of cells (the text
    between its tabs)."""
    runs: list[list[Row]] = []
    previous_end = -2
    for match in LINE.finditer(text):
        line = match.group()
        if line.count("\t") < 2:
            continue
        bounds = [match.start() - 1, *(match.start() + k for k, ch in enumerate(line) if ch == "\t"), match.end()]
        if match.start() != previous_end + 1:
            runs.append([])
        runs[-1].append([(a + 1, b) for a, b in zip(bounds, bounds[1:])])
        previous_end = match.end()
    return runs


def cell_line_blocks(text: str) -> list[Row]:
    """Runs of tab-led lines separated by blank lines, each a list of cells (a line without a
    leading tab continues the cell above: 2023年 / 上半年)."""
    blocks: list[Row] = []
    lines = "\n" + text  # a line of text starting at i starts after the newline at lines[i]
    position = 0
    while (first := lines.find("\n\t", position)) >= 0:
        cells: Row = []
        for match in LINE.finditer(text, first):
            line = match.group()
            if line.startswith("\t"):
                cells.append((match.start() + 1, match.end()))
            elif line.strip():
                cells[-1] = (cells[-1][0], match.end())
            else:
                break
        blocks.append(cells)
        position = match.end()
    return blocks
