"""Data of the target-vs-outturn ledger (nlp/ledger/): the canonical keys of headline indicators
and the wording that names them, what a target's qualifier means for "met", the tolerance of
"about", the unit conversions that let a target and an outturn be compared, and the words that
give a report's year.

Only data lives here; nlp/ledger/ applies it. Traditional forms sit next to simplified ones.
"""

from __future__ import annotations

import re
from decimal import Decimal

# --- canonical keys ------------------------------------------------------------------------

# (key, measure, pattern on the indicator's name), tried in order, first match wins. ``measure``
# is what the value states: ``growth`` (a rate of change in %: 增长8%, 上涨幅度控制在6%以内),
# ``level`` (an amount, count, rate or share) or ``change`` (an absolute change: 增产1000万吨).
# Patterns are searched in the name as the tagger gives it (国内生产总值, 全年国民生产总值,
# 经济增长速度), so a longer, more specific wording must come before the one it contains
# (城镇居民人均可支配收入 before 居民人均可支配收入, 赤字率 before 赤字). The keys past
# ``energy_intensity`` are the headline indicators of the older reports (工农业总产值,
# 国民收入, 零售物价), which the reports of 1978–1999 set targets for.
INDICATOR_KEYS: list[tuple[str, str, str]] = [
    ("energy_intensity", "growth", r"单位(?:国内)?生产总值(?:能耗|能源消耗)|单位GDP能耗|能耗强度|能源消耗强度"),
    ("energy_intensity", "level", r"单位(?:国内)?生产总值(?:能耗|能源消耗)|单位GDP能耗|能耗强度|能源消耗强度"),
    ("gdp_growth", "growth", r"国内生产总值|国民生产总值|國民生產總值|GDP|经济增长|经济增速|经济发展速度|^经济$"),
    ("gdp", "level", r"国内生产总值|国民生产总值|國民生產總值|GDP"),
    ("cpi", "growth", r"居民消费价格|消费者价格|CPI|消费物价"),
    ("retail_price", "growth", r"零售物价|商品零售价格|零售价格|物价|市场价格"),
    ("registered_unemployment", "level", r"登记失业率"),
    ("surveyed_unemployment", "level", r"调查失业率"),
    ("urban_new_jobs", "level", r"城镇新增就业|新增城镇就业|城镇.{0,6}就业|劳动就业|安排.{0,4}就业"),
    ("urban_new_jobs", "change", r"城镇新增就业|新增城镇就业|城镇.{0,6}就业|劳动就业|安排.{0,4}就业"),
    ("deficit_ratio", "level", r"赤字率"),
    ("deficit", "level", r"赤字"),
    ("grain_output", "level", r"粮食"),
    ("grain_output_growth", "growth", r"粮食"),
    ("fiscal_revenue", "level", r"财政收入|一般公共预算收入|財政收入"),
    ("fiscal_revenue_growth", "growth", r"财政收入|一般公共预算收入|財政收入"),
    ("fixed_asset_investment", "level", r"固定资产投资"),
    ("fixed_asset_investment_growth", "growth", r"固定资产投资"),
    ("retail_sales", "level", r"(?:社会商品|社会消费品|商品)零售总额|零售总额|社会商品零售额"),
    ("retail_sales_growth", "growth", r"(?:社会商品|社会消费品|商品)零售总额|零售总额|社会商品零售额"),
    ("per_capita_disposable_income_urban", "level", r"城镇居民人均可支配收入|城镇居民.{0,4}可支配收入"),
    ("per_capita_disposable_income_rural", "level", r"农村居民人均(?:可支配|纯)收入|农民人均纯收入|农民.{0,4}纯收入"),
    ("per_capita_disposable_income", "level", r"居民人均可支配收入"),
    ("per_capita_disposable_income_urban_growth", "growth", r"城镇居民人均可支配收入|城镇居民.{0,4}可支配收入"),
    ("per_capita_disposable_income_rural_growth", "growth", r"农村居民人均(?:可支配|纯)收入|农民人均纯收入|农民.{0,4}纯收入"),
    ("per_capita_disposable_income_growth", "growth", r"居民人均可支配收入"),
    ("gross_output_value_growth", "growth", r"工农业总产值|工农业生产总值"),
    ("gross_output_value", "level", r"工农业总产值|工农业生产总值"),
    ("agricultural_output_growth", "growth", r"农业(?:和农副业)?总产值"),
    ("agricultural_output", "level", r"农业(?:和农副业)?总?产值"),
    ("light_industry_output_growth", "growth", r"轻工业(?:总产值|产值)|轻纺工业的?总产值"),
    ("heavy_industry_output_growth", "growth", r"重工业(?:总产值|产值)"),
    ("industrial_output_growth", "growth", r"工业总产值|工业生产|工业增加值"),
    ("industrial_output", "level", r"^(?:全国)?工业总产值"),
    ("capital_construction_investment", "level", r"基本建设(?:总)?投资"),
    ("national_income_growth", "growth", r"国民收入"),
    ("population_growth_rate", "level", r"人口自然增长率"),
]
COMPILED_KEYS = [(key, measure, re.compile(pattern)) for key, measure, pattern in INDICATOR_KEYS]

# Words of a name that make a % value a growth rate even when the tagger calls it a level
# (经济增长速度的调控目标定为8%, 物价上涨幅度控制在6%以内).
GROWTH_NAME_WORDS = re.compile(r"增长|增速|增幅|涨幅|上涨|递增|增長|漲幅|上漲")

# Indicators whose target is a ceiling: a bare figure (赤字27亿元, 涨幅8%) is met at or below it;
# every other bare target is a floor (增长6%: met at or above). Matched on key and name.
CEILING_KEYS = frozenset({
    "cpi", "retail_price", "deficit", "deficit_ratio", "registered_unemployment",
    "surveyed_unemployment", "energy_intensity", "population_growth_rate",
})  # fmt: skip
CEILING_NAME_WORDS = re.compile(r"赤字|失业|物价|价格|涨幅|能耗|排放|自然增长率|亏损")

# --- names -------------------------------------------------------------------------------------

# What a name loses before rows join on it (indicators without a key): time words, scopes and
# filler around the noun phrase (今年全国粮食产量 and 粮食产量 are one row).
NAME_NOISE = re.compile(
    r"^(?:今年|去年|明年|全年|当年|本年|全国|全社会|我国|国家)+|的?(?:调控目标|预期目标|目标|计划|预期|预计)$"
    r"|(?<=.)(?:总?产量|生产量)$|\s+"
)

# --- qualifiers ----------------------------------------------------------------------------------

# What a target's qualifier means: the outturn must be at least the target, at most, or about
# it (within ABOUT_TOLERANCE). A range ([low, high]) is met within it.
QUALIFIER_COMPARISON = {
    "以上": "at_least", "及以上": "at_least", "不低于": "at_least", "不少于": "at_least",
    "超": "at_least", "超过": "at_least", "逾": "at_least", "至少": "at_least",
    "以内": "at_most", "之内": "at_most", "以下": "at_most", "不超过": "at_most", "不高于": "at_most",
    "不足": "at_most", "不到": "at_most",
    "左右": "about", "上下": "about", "约": "about", "大约": "about", "近": "about", "将近": "about",
    "接近": "about",
}  # fmt: skip
# "About" a target: within this many percentage points of a % target (7%左右 is met by 6.5–7.5),
# within this share of any other (1000万吨左右: 950–1050万吨). Beyond it on the good side (more
# than a floor, less than a ceiling) the target is met too; on the bad side it is missed.
ABOUT_TOLERANCE_POINTS = Decimal("0.5")
ABOUT_TOLERANCE_SHARE = Decimal("0.05")

# --- units ------------------------------------------------------------------------------------

# Units that compare after a conversion: unit -> (unit it becomes, factor).
UNIT_CONVERSIONS = {
    "公斤": ("吨", Decimal("0.001")),
    "千克": ("吨", Decimal("0.001")),
    "斤": ("吨", Decimal("0.0005")),
    "度": ("千瓦时", Decimal(1)),
}

# --- years -------------------------------------------------------------------------------------

_DIGITS = "0-9０-９〇零一二三四五六七八九○"
# A year written in digits or Chinese numerals, spaces allowed between digits (1 9 9 3 年).
YEAR = re.compile(rf"(?<![{_DIGITS}])([12１２一](?:\s?[{_DIGITS}]){{3}})\s?年")
# The date line of a report (——2019年3月5日在第十三届全国人民代表大会第二次会议上).
DATE_LINE = re.compile(rf"([12１２一](?:\s?[{_DIGITS}]){{3}})\s?年\s?[{_DIGITS}]{{1,3}}\s?月\s?[{_DIGITS}]{{1,3}}\s?日\s?在")
# The review heading of a report (一、1998年工作回顾, 一、１９９３年国内工作的回顾): the report is of
# the year after. Matched at the start of a line.
REVIEW_HEADING = re.compile(
    rf"^[ \t\u3000]*(?:[一二三四五六七八九十]+、)?[ \t\u3000]*([12１２一](?:\s?[{_DIGITS}]){{3}})\s?年"
    r"[^\n。]{0,8}?工作(?:的)?回顾",
    re.M,
)
# A year in a file or record name (gwr-1999.txt, 2019政府工作报告.txt).
NAME_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# Years relative to the report's.
RELATIVE_YEARS = {"今年": 0, "本年": 0, "全年": 0, "当年": 0, "明年": 1, "次年": 1, "去年": -1, "上年": -1}
# The same under a review heading, where 全年 and 当年 are the year reviewed (全年增长19.5% in the
# review of 1998 in the report of 1999).
REVIEWED_RELATIVE_YEARS = dict(RELATIVE_YEARS, 全年=-1, 当年=-1)
# Periods that are not one whole year: several years (“六五”期间, 五年内, 过去五年, 平均每年,
# 两年平均) or a part of one (上半年, 一季度, 1—9月). Their values are no year's outturn or target.
NOT_ANNUAL_PERIOD = re.compile(
    r"半年|季度|月|"
    r"[五六七八九十][一二三四五]?五(?:时期|期间|计划|末)?$|期间|时期|以来|年均|平均每年|每年平均|累计|年平均"
    rf"|(?<![{_DIGITS}])[两二三四五六七八九十]{{1,2}}年(?:内|来|间|中)?$|[{_DIGITS}]\s?年?[—－~～\-到至]"
)
# A total over several years in the value's clause (五年全社会固定资产投资累计完成近10万亿元): no year's
# outturn, whatever the sentence's period.
SEVERAL_YEARS_TOTAL = re.compile(r"(?:[两二三四五六七八九十]|\d)\s?年[^，,。；;]{0,16}累计")
# A comparison base year in the sentence before a growth rate (一九八二年同一九七八年相比…增长
# 64.8%): unless it is the year before, the rate is no year's growth.
BASE_YEAR = re.compile(rf"(?:较|比|同|与)\s?([12１２一](?:\s?[{_DIGITS}]){{3}})\s?年")
# The clause words that keep a target for a year before the report's a target (restated: 去年政府
# 工作报告提出…10%左右; 一九八一年计划为3.7%); without them it is an estimate of the outturn
# (一九五七年的工业总产值…预计达到628.1亿元).
RESTATED_TARGET = re.compile(r"计划|目标|原定|预定|提出|规定")

# A comparison with the report's own year before a value (国民收入也安排为比今年增长4%左右): the
# value is for the year after.
BASE_THIS_YEAR = re.compile(r"(?:比|较)(?:今年|本年)(?:预计)?[^，,。；;]{0,8}$")

# A value that is the comparison base of another (比一九五八年的二千零五十亿元增长百分之四十, 由一九五七年
# 的五百三十五万吨增长到…): the outturn of the year named, matched on the text before the value.
BASE_VALUE = re.compile(rf"(?:比|较|同|与|由|从)\s?([12１２一](?:\s?[{_DIGITS}]){{3}})\s?年(?:底|末)?的$")

# --- paragraphs ----------------------------------------------------------------------------

# The year words of a paragraph (今年计划要求，…。社会商品零售总额增长12.3%): a value whose sentence and
# heading name no year has the last one before its sentence.
PARAGRAPH_YEAR = re.compile(rf"[12１２一](?:\s?[{_DIGITS}]){{3}}\s?年|今年|明年|本年|次年")
# Year words right after these are comparison or price bases (比一九五二年, 按1990年价格), no year of
# the paragraph.
PARAGRAPH_YEAR_BLOCKERS = re.compile(r"(?:比|较|同|与|从|由|按|按照)$")
# A paragraph opened by a plan (今年计划要求，…): its later sentences without a year of their own go
# on stating the plan, unless the value's clause speaks of the past (PAST_WORDS).
PARAGRAPH_PLAN = re.compile(r"计划要求|计划规定|计划草案|主要指标安排如下|预期目标|主要目标是|调控目标")
PAST_WORDS = re.compile(r"已经|已|曾|过去|去年|上年|连续")
# A sentence that goes on with the one before (…工农业总产值在一九五七年达到了…。其中，工业总产值…):
# its values have the year of the paragraph even under a heading that names another.
CONTINUING_SENTENCE = re.compile(r"\s*(?:其中|在这中间)")  # matched at the sentence's start
# Names that are only a measure (涨幅仍然高达21.7%): the value is of the indicator the sentence before
# named with the same kind of measure (…商品零售物价上涨幅度控制在10%以内).
BARE_MEASURE_NAME = re.compile(r"^(?:涨幅|增幅|降幅|增速|上涨幅度|增长幅度|增长速度|上涨|增长)$")
# Names that are only a total of a head noun (…国内财政收入增加362亿元，全年总收入达到1829亿元): the value
# is of the indicator named before it in the paragraph with that head (财政收入).
TOTAL_OF_HEAD_NAME = re.compile(r"^(?:全年|当年|本年)?总(收入|支出|产量|产值)$")
