"""Tables exported one row a line (nlp/tables.py): rows of cells, runs of consecutive lines."""

from nlp.tables import tab_row_runs


def test_tab_row_runs_cells_and_runs():
    text = "标题\n指标\t单位\t2023年\n生产总值\t亿元\t5432.1\n\n正文一行\tA\n甲\t\t乙\n"
    runs = [[[text[s:e] for s, e in row] for row in run] for run in tab_row_runs(text)]
    # a line with one tab is no row; a blank line ends a run; an empty cell stays a cell
    assert runs == [[["指标", "单位", "2023年"], ["生产总值", "亿元", "5432.1"]], [["甲", "", "乙"]]]
