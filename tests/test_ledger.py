"""The target-vs-outturn ledger: report years, value years, keys, qualifiers, met, the pairing of
reports, the output formats and the dev pairs read from the national reports."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from nlp.ledger.__main__ import build, main
from nlp.ledger.observations import indicator_key, normalised_name
from nlp.ledger.table import met
from nlp.ledger.writers import CSV_COLUMNS, write_csv, write_html, write_jsonl
from nlp.ledger.years import period_year, report_year

from .conftest import CORPORA, REPORTS

# Two reports of one government, a year apart: the first sets 2019's targets, the second gives
# 2019's outturns in its review.
REPORT_2019 = (
    "政府工作报告\n\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n\n"
    "一、2018年工作回顾\n\n国内生产总值增长6.6%。\n\n"
    "二、2019年经济社会发展总体要求和政策取向\n\n"
    "今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上；"
    "居民消费价格涨幅3%左右。\n"
)
REPORT_2020 = (
    "各位代表：\n\n一、2019年工作回顾\n\n过去一年，国内生产总值增长6.1%。城镇新增就业1352万人。"
    "居民消费价格上涨2.9%。我们要求粮食产量保持在6.5亿吨以上。\n"
)


# fmt: off
@pytest.mark.parametrize("text,name,record,expected", [
    ("——2019年3月5日在第十三届全国人民代表大会第二次会议上", "x.txt", None, (2019, "date line")),
    ("一、１９９３年国内工作的回顾和１９９４年的主要任务\n", "x.txt", None, (1994, "review heading")),
    ("一、1 9 9 7 年工作回顾\n", "x.txt", None, (1998, "review heading")),
    ("各位代表：", "reports/gwr-1980.txt", None, (1980, "name")),
    ("各位代表：", "reports_1954_1999.jsonl.gz#gwr-1982", None, (1982, "name")),
    ("各位代表：", "a.jsonl#first", 1975, (1975, "record")),
    ("各位代表：", "report.txt", None, (None, None)),
])
# fmt: on
def test_ledger_report_year(text, name, record, expected):
    assert report_year(text, name, record) == expected


# fmt: off
@pytest.mark.parametrize("period,expected", [
    ("1981年", 1981), ("一九八二年", 1982), ("１９９２年", 1992), ("今年", 1999), ("明年", 2000),
    ("去年", 1998), (None, None), ("五年平均每年", None), ("“六五”期间", None), ("上半年", None),
    ("一九八○年至一九八五年", None), ("两年平均每年", None), ("１９９２年平均每年", None),
])
# fmt: on
def test_ledger_period_year(period, expected):
    assert period_year(period, 1999) == expected


def test_ledger_period_year_under_a_review_heading():
    # 全年增长19.5% in the review of the report of 1999 is 1998's; 今年 stays the report's
    assert [period_year(p, 1999, reviewed=True) for p in ("全年", "当年", "今年", "去年")] == [1998, 1998, 1999, 1998]


# fmt: off
@pytest.mark.parametrize("name,measure,key", [
    ("国内生产总值", "growth", "gdp_growth"), ("国民生产总值", "level", "gdp"), ("经济增长", "growth", "gdp_growth"),
    ("居民消费价格", "growth", "cpi"), ("零售物价上涨幅度", "growth", "retail_price"),
    ("城镇新增就业", "change", "urban_new_jobs"), ("城镇登记失业率", "level", "registered_unemployment"),
    ("城镇调查失业率", "level", "surveyed_unemployment"), ("中央财政赤字率", "level", "deficit_ratio"),
    ("中央财政预算赤字", "level", "deficit"), ("粮食总产量", "level", "grain_output"),
    ("全国财政收入", "level", "fiscal_revenue"), ("全社会固定资产投资", "growth", "fixed_asset_investment_growth"),
    ("社会消费品零售总额", "level", "retail_sales"),
    ("城镇居民人均可支配收入", "level", "per_capita_disposable_income_urban"),
    ("农村居民人均纯收入", "level", "per_capita_disposable_income_rural"),
    ("全国居民人均可支配收入", "level", "per_capita_disposable_income"),
    ("单位国内生产总值能耗", "growth", "energy_intensity"), ("工农业总产值", "growth", "gross_output_value_growth"),
    ("轻工业总产值", "growth", "light_industry_output_growth"), ("棉花产量", "level", None),
])
# fmt: on
def test_ledger_indicator_key(name, measure, key):
    assert indicator_key(name, measure) == key


def test_ledger_normalised_name():
    assert [normalised_name(n) for n in ("今年全国粮食产量", "原煤产量", "原煤", "钢产量")] == ["粮食", "原煤", "原煤", "钢"]


def _target(value, unit="%", qualifier=None, key=None, indicator="国内生产总值"):
    return {"value": value, "unit": unit, "qualifier": qualifier, "key": key, "indicator": indicator}


# fmt: off
@pytest.mark.parametrize("target,actual,expected", [
    (_target(6, qualifier="以上"), 6, True), (_target(6, qualifier="以上"), 5.9, False),
    (_target(3, qualifier="以内", key="cpi"), 3, True), (_target(3, qualifier="以内", key="cpi"), 3.1, False),
    (_target([6, 6.5]), 6.1, True), (_target([6, 6.5]), 6.6, False),
    (_target(7, qualifier="左右"), 6.5, True), (_target(7, qualifier="左右"), 6.4, False),
    (_target(7, qualifier="左右"), 9.0, True),  # beyond a floor: met
    (_target(3, qualifier="左右", key="cpi"), 3.5, True), (_target(3, qualifier="左右", key="cpi"), 3.6, False),
    (_target(8), 7.8, False), (_target(8), 8.8, True),
    (_target(10, key="retail_price"), 6.1, True),  # a bare price figure is a ceiling
    (_target(4550, unit="元"), 4445, None),  # units that do not compare (元 and 吨)
    (_target(1000, unit="公斤", qualifier="以上", indicator="粮食"), 1.2, True),  # 1000公斤 = 1吨
])
# fmt: on
def test_ledger_met(target, actual, expected):
    unit = "吨" if target["unit"] in ("公斤", "元") else target["unit"]
    assert met(target, {"value": actual, "unit": unit, "qualifier": None}) is expected


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "gov-2019.txt").write_text(REPORT_2019, encoding="utf-8")
    (folder / "gov-2020.txt").write_text(REPORT_2020, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def rows(two_reports, nlp_pkuseg):
    found, failures = build([str(two_reports)], nlp_pkuseg)
    assert failures == 0
    return found


def _row(rows, key, year):
    (row,) = [r for r in rows if r["key"] == key and r["year"] == year]
    return row


def test_ledger_pairs_targets_with_next_years_outturns(rows, two_reports):
    gdp = _row(rows, "gdp_growth", 2019)
    assert gdp["target"]["value"] == [6, 6.5] and gdp["actual"]["value"] == 6.1 and gdp["met"] is True
    assert gdp["target"]["path"].endswith("gov-2019.txt") and gdp["actual"]["path"].endswith("gov-2020.txt")
    assert (gdp["target"]["report_year"], gdp["target"]["report_year_from"]) == (2019, "date line")
    assert (gdp["actual"]["report_year"], gdp["actual"]["report_year_from"]) == (2020, "review heading")
    jobs = _row(rows, "urban_new_jobs", 2019)
    assert (jobs["target"]["value"], jobs["target"]["qualifier"], jobs["actual"]["value"], jobs["met"]) == (
        11000000, "以上", 13520000, True)  # fmt: skip
    cpi = _row(rows, "cpi", 2019)
    assert (cpi["target"]["value"], cpi["target"]["qualifier"], cpi["actual"]["value"], cpi["met"]) == (3, "左右", 2.9, True)
    # the review of the report of 2019 gives 2018's outturn, with no target beside it
    assert _row(rows, "gdp_growth", 2018)["actual"]["value"] == 6.6 and _row(rows, "gdp_growth", 2018)["target"] is None


def test_ledger_offsets_point_into_the_reports(rows, two_reports):
    texts = {p.name: p.read_text(encoding="utf-8") for p in two_reports.iterdir()}
    sides = [row[side] for row in rows for side in ("target", "actual") if row[side]]
    assert sides
    for side in sides:
        text = texts[side["path"].rsplit("/", 1)[-1]]
        assert text[side["start"]:side["end"]] == side["text"]


def test_ledger_review_section_values_are_outturns(rows):
    # 我们要求…保持在6.5亿吨以上 under 2019年工作回顾: an outturn of 2019, not a target
    grain = _row(rows, "grain_output", 2019)
    assert grain["target"] is None and grain["actual"]["value"] == 650000000


def test_ledger_jobs_give_the_same_rows(two_reports, nlp_pkuseg, rows):
    parallel, failures = build([str(two_reports)], nlp_pkuseg, jobs=2)
    assert failures == 0 and parallel == rows


def test_ledger_reads_jsonl_reports(tmp_path, nlp_pkuseg, rows):
    path = tmp_path / "reports.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for number, text in (("a", REPORT_2019), ("b", REPORT_2020)):
            handle.write(json.dumps({"id": f"gov-{number}", "year": None, "text": text}, ensure_ascii=False) + "\n")
    found, failures = build([str(path)], nlp_pkuseg)
    gdp = _row(found, "gdp_growth", 2019)
    assert failures == 0 and gdp["target"]["path"] == f"{path}#gov-a" and gdp["actual"]["value"] == 6.1


def test_ledger_csv_opens_as_one_table(rows):
    stream = io.StringIO()
    write_csv(rows, stream)
    data = stream.getvalue()
    assert data.startswith("\ufeffkey,indicator,year,met,target_value")
    table = list(csv.DictReader(io.StringIO(data[1:])))
    assert len(table) == len(rows) and list(table[0]) == list(CSV_COLUMNS)
    gdp = next(r for r in table if r["key"] == "gdp_growth" and r["year"] == "2019")
    assert (gdp["target_value"], gdp["target_low"], gdp["target_high"], gdp["actual_value"], gdp["met"]) == (
        "", "6", "6.5", "6.1", "True")  # fmt: skip


def test_ledger_html_has_a_chart_per_indicator_and_no_links(rows):
    stream = io.StringIO()
    write_html(rows, stream)
    page = stream.getvalue()
    indicators = {r["indicator"] for r in rows}
    assert page.count("<section>") == page.count("<table>") == len(indicators)
    assert page.count("<svg") >= 3 and "http" not in page and "<script" not in page


def test_ledger_jsonl_rows(rows):
    stream = io.StringIO()
    write_jsonl(rows, stream)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines == rows and set(lines[0]) == {"key", "indicator", "year", "target", "actual", "met"}


def test_ledger_command_reports_bad_input_in_one_line(tmp_path, capsys, two_reports):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "各位代表"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "ledger.csv"
    status = main([str(two_reports), str(broken), str(tmp_path / "missing.txt"), "-o", str(out), "--format", "csv"])
    errors = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert [e.split(": ", 1)[1] for e in errors if e.startswith("python -m nlp.ledger")] == [
        f"error: {broken}#x: no year (no date line or review heading in the text, none in the name)",
        f"error: {broken}: record 2: not JSON (Expecting value: line 1 column 1 (char 0))",
        f"error: {tmp_path / 'missing.txt'}: no such file or folder",
    ]
    assert out.read_text(encoding="utf-8-sig").startswith("key,indicator,year,met")


# Two reports in the manner of the 1950s and 1960s: parts numbered （一）, a price base in brackets,
# a plan paragraph whose later sentence has no cue or year, a sentence going on with 其中, a value
# that is a comparison base, a total named by its head (全年总收入), a five years' total, a rate
# named 涨幅 only.
REPORT_1963 = (
    "政府工作报告\n\n——1963年3月1日在全国人民代表大会上\n\n（一）一九六二年经济工作的回顾\n\n"
    "根据预计，一九六二年比一九六一年，粮食增加了一百亿斤。"
    "农业总产值达到五百亿元（按一九五七年不变价格计算），比一九六一年增长百分之四。\n\n"
    "（二）关于今后的工作\n\n今年计划要求，农业总产值增长百分之五。"
    "社会商品零售总额增长百分之六，零售物价上涨幅度控制在百分之三以内。\n"
)
REPORT_1964 = (
    "政府工作报告\n\n——1964年3月1日在全国人民代表大会上\n\n（一）一九六二年以来的工作回顾\n\n"
    "一九六三年工农业总产值达到一千二百亿元。其中，农业总产值比一九六二年的五百亿元增长百分之六，达到五百三十亿元。"
    "一九六三年全国财政收入增加五十亿元，全年总收入达到三百五十亿元。五年基本建设投资累计完成八百亿元。\n\n"
    "（二）过去一年物价工作的回顾\n\n去年提出把零售物价上涨幅度控制在百分之三以内。虽然做了努力，涨幅仍然高达百分之四。\n"
)


@pytest.fixture(scope="module")
def old_rows(tmp_path_factory, nlp_pkuseg):
    folder = tmp_path_factory.mktemp("old_reports")
    (folder / "gov-1963.txt").write_text(REPORT_1963, encoding="utf-8")
    (folder / "gov-1964.txt").write_text(REPORT_1964, encoding="utf-8")
    found, failures = build([str(folder)], nlp_pkuseg)
    assert failures == 0
    return {(r["key"] or r["indicator"], r["year"]): r for r in found}


def _values(row):
    return tuple(side and (side["value"], side["path"].rsplit("/", 1)[-1]) for side in (row["target"], row["actual"])) + (row["met"],)


# fmt: off
@pytest.mark.parametrize("key,year,expected", [
    # the year of （一）一九六二年…的回顾, not of the price base 按一九五七年
    ("agricultural_output_growth", 1962, (None, (4, "gov-1963.txt"), None)),
    ("agricultural_output_growth", 1963, ((5, "gov-1963.txt"), (6, "gov-1964.txt"), True)),
    # 社会商品零售总额增长百分之六 goes on with 今年计划要求
    ("retail_sales_growth", 1963, ((6, "gov-1963.txt"), None, None)),
    # 其中 takes the year of the sentence before, not of the heading; 比一九六二年的五百亿元 is 1962's
    ("agricultural_output", 1963, (None, (53000000000, "gov-1964.txt"), None)),
    ("agricultural_output", 1962, (None, (50000000000, "gov-1963.txt"), None)),  # the first report after
    ("fiscal_revenue", 1963, (None, (35000000000, "gov-1964.txt"), None)),  # 全年总收入 of 财政收入
    ("retail_price", 1963, ((3, "gov-1963.txt"), (4, "gov-1964.txt"), False)),  # 涨幅 of 零售物价上涨幅度
    ("粮食 (change)", 1962, (None, (10000000000, "gov-1963.txt"), None)),  # a change keeps its measure
])
# fmt: on
def test_ledger_classes_of_the_older_reports(old_rows, key, year, expected):
    assert _values(old_rows[(key, year)]) == expected


def test_ledger_older_reports_have_no_stray_years(old_rows):
    # the comparison base 五百亿元 gives no 1963 or 1964 row, the price base no 1957 row
    assert sorted(k for k in old_rows if k[0] == "agricultural_output") == [
        ("agricultural_output", 1962), ("agricultural_output", 1963)]  # fmt: skip
    assert not [k for k in old_rows if k[1] in (1957, 1961)]
    assert not [k for k in old_rows if k[0] == "capital_construction_investment"]  # 五年…累计: five years' total


def test_ledger_dev_pairs_are_read_from_the_reports():
    """Every dev pair's offsets point at its text in the national reports."""
    from nlp.corpus import read_documents

    texts = {d["id"]: d["text"] for d in read_documents(REPORTS)}
    pairs = [json.loads(line) for line in open(CORPORA / "ledger_dev.jsonl", encoding="utf-8")]
    assert len(pairs) >= 45
    for pair in pairs:
        for side in (pair["target"], pair["actual"]):
            if side:
                assert texts[side["doc"]][side["start"]:side["end"]] == side["text"]
