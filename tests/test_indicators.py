"""The policy_indicators component: number shapes, negative cases, attributes, tables, and the
national reports. Shape tests run the real finder on short report sentences; the rest run the
default pipeline on the seeds."""


import pytest

from nlp.components.indicators import find_indicators
from nlp.corpus import read_documents
from nlp.text import clean

from .conftest import REPORTS, seed_text


def spans(text):
    """(span text, attributes) of every indicator of ``text``, as the component finds them."""
    view = clean(text)
    return [(view.text[s:e], attrs) for s, e, attrs in find_indicators(view.text)]


def texts(text):
    return [t for t, _ in spans(text)]


def only(text):
    (found,) = spans(text)
    return found


# fmt: off
SHAPES = [
    # (sentence, span, value, unit)
    ("全县生产总值完成283.9亿元。", "283.9亿元", 28390000000, "元"),
    ("一般公共预算收入1,958,000元。", "1,958,000元", 1958000, "元"),
    ("森林覆盖率达到８０．３５％。", "８０．３５％", 80.35, "%"),
    ("完成职业技能培训一千五百万人次。", "一千五百万人次", 15000000, "人次"),
    ("社会融资规模增加两万亿元。", "两万亿元", 2000000000000, "元"),
    ("国民生产总值比上年增长百分之五。", "百分之五", 5, "%"),
    ("金融机构存款余额2.6万亿元。", "2.6万亿元", 2600000000000, "元"),
    ("全年接待游客1500 万人次。", "1500万人次", 15000000, "人次"),
    ("规模以上工业增加值增长 8% 以上。", "8%以上", 8, "%"),
    ("研发经费投入增长5%-5.5%。", "5%-5.5%", [5, 5.5], "%"),
    ("争取投资3至5亿元。", "3至5亿元", [300000000, 500000000], "元"),
    ("培育新型农业经营主体3900多家。", "3900多家", 3900, "家"),
    ("国内生产总值达到６７７００多亿元。", "６７７００多亿元", 6770000000000, "元"),
    ("城镇化率提高 2 个百分点左右。", "2个百分点左右", 2, "百分点"),
    ("工业用电量完成4.8亿千瓦时。", "4.8亿千瓦时", 480000000, "千瓦时"),
    ("治理水土流失面积74.5平方公里。", "74.5平方公里", 74.5, "平方公里"),
    ("开通武汉、宝鸡两条旅游专列。", "两条", 2, "条"),
    ("单位生产总值能源消耗降幅为-5.26%。", "-5.26%", -5.26, "%"),
    ("全社会固定资产投资增长14·1％。", "14·1％", 14.1, "%"),
]
# fmt: on


@pytest.mark.parametrize("sentence,span,value,unit", SHAPES)
def test_indicators_number_shapes(sentence, span, value, unit):
    found = spans(sentence)
    assert [(t, a["value"], a["unit"]) for t, a in found] == [(span, value, unit)]


def test_indicators_qualifier_spans():
    assert texts("主要预期目标是：生产总值增长9%左右，居民消费价格涨幅控制在3%以内。") == ["9%左右", "3%以内"]
    assert texts("累计水利配套超过1.3万亩，吸引游客近20万人次，粮食总产约96万吨。") == ["1.3万亩", "20万人次", "96万吨"]


def test_indicators_ratio():
    text, attrs = only("去年三次产业结构优化为13.2:38.6:48.2。")
    assert (text, attrs["value"], attrs["kind"], attrs["name"]) == ("13.2:38.6:48.2", [13.2, 38.6, 48.2], "ratio", "三次产业结构")
    # the ratio sign ∶ (U+2236) of word processors; two parts only to 1 (8:30 is a time)
    assert texts("三次产业结构为13.2∶38.6∶48.2，城乡收入比为2.35:1，会议于8:30开始，比分3:2。") == \
        ["13.2∶38.6∶48.2", "2.35:1"]


@pytest.mark.parametrize(
    "sentence,span,value,name",
    [
        ("营商环境跃升至全省第13名。", "第13名", 13, "营商环境"),
        ("综合绩效考评连年位居全市第一，为高质量发展筑牢了根基。", "第一", 1, "综合绩效考评"),
        ("GDP增速9.3%,一般公共预算收入15.26亿,均居全市第一位。", "第一位", 1, "GDP增速、一般公共预算收入"),
    ],
)
def test_indicators_rank(sentence, span, value, name):
    (text, attrs) = spans(sentence)[-1]
    assert (text, attrs["value"], attrs["unit"], attrs["kind"], attrs["name"]) == (span, value, None, "rank", name)


# fmt: off
NOT_INDICATORS = [
    "2021年12月24日召开第十六届人民代表大会第一次会议。",  # dates, years, ordinals of sessions
    "近三年来连续14届荣获省“红旗渠精神杯”。",  # durations and time frames
    "实施G312、G345线改建等重点工程，PM2.5浓度持续下降。",  # codes
    "根据宛政〔2022〕1 号文件精神。",  # document numbers
    "1. 完成南大街道路升级改造。\n3.加强水质保护。",  # list markers
    "一、总体要求……………………3\n二、基本原则……………………12",  # table-of-contents page numbers
    "实现了“十四五”良好开局，落实“一二三五十”工作布局。",  # numerals inside slogans
    "深入推进“三个一批”活动，落实省委“两个确保”“十大战略”，实施四大行动。",  # names and N大X
    "基本实现20户以上自然村通硬化路。",  # threshold inside a noun phrase
    "坚持物质文明建设和精神文明建设一起抓，从2023年起实施。",  # 一起 is together; 年起 a start
    "至少新引进亿元以上工业项目和产值超10亿元企业。",  # thresholds without a count
    "坚持统一领导，一般性工作原则上7天内落实，推进一带一路建设。",  # 一般, 一带一路, time frame
    "建设5G基站，打造5A级景区，营商环境4.0版。",  # codes and versions
    "每千人口拥有3岁以下婴幼儿托位。",  # age threshold
    "南阳市交投装备式制造产业园建设110千伏输变电工程。",  # specification inside a name
]
# fmt: on


@pytest.mark.parametrize("sentence", NOT_INDICATORS)
def test_indicators_negative_cases(sentence):
    assert texts(sentence) == []


# Counted formulations and comparison years (issue 14): sentences written for these tests.
# fmt: off
FORMULATIONS = [
    "我们坚持在和平共处五项原则的基础上发展同各国的关系。",  # 五项 names the set of principles
    "中国人民推翻了压在头上的三座大山。",  # N座大X, as N大X
    "各地要严格落实三条控制线，守住耕地红线。",  # a fixed set of lines
    "今年要集中力量办好三件大事。",
    "这项改革分两个阶段实施，第一阶段完成试点。",  # divides the task
    "以上十四条，请各部门认真贯彻执行。",  # refers to the text's own list
    "必须从以下三个方面认真解决好这个问题。",
    "要充分发挥中央和地方两个积极性。",
    "全市已有数十个单位参加，影响几十万群众。",  # unknown amounts
]
# fmt: on


@pytest.mark.parametrize("sentence", FORMULATIONS)
def test_indicators_counted_formulations_are_not_indicators(sentence):
    assert texts(sentence) == []


def test_indicators_comparison_year_is_not_an_indicator():
    found = spans("空气质量优良天数达到283天，比2017年增加23天；与1998年相比，审批时间缩短至5天。")
    assert [(t, a["value"], a["unit"]) for t, a in found] == [("283天", 283, "天"), ("23天", 23, "天"), ("5天", 5, "天")]
    assert texts("森林面积比2017年增加，较一九五七年增长。") == []


def test_indicators_counts_of_listed_things_stay():
    assert texts("开通武汉、宝鸡两条旅游专列，建成四个大型水库，新增三家企业。") == ["两条", "四个", "三家"]


# fmt: off
CHINESE_QUANTITIES = [
    # (sentence, span, value, unit, qualifier): Chinese numerals found as their Arabic twins are
    ("全国农村贫困人口由六千多万减少到三千万。", [("六千多万", 60000000, None, "多"), ("三千万", 30000000, None, None)]),
    ("当时还有近一亿农村贫困人口。", [("一亿", 100000000, None, "近")]),
    ("全国人均预期寿命达到七十八点二岁。", [("七十八点二岁", 78.2, "岁", None)]),
    ("国家决定裁减现役员额三十万。", [("三十万", 300000, None, None)]),
    ("我们是六万万人口的大国。", [("六万万人", 600000000, "人", None)]),
    ("今年吸纳超110万名高校毕业生就业。", [("110万名", 1100000, "名", "超")]),
    ("每户补助十八至三十万元。", [("十八至三十万元", [180000, 300000], "元", None)]),
    ("补贴标准为1万元-5万元。", [("1万元-5万元", [10000, 50000], "元", None)]),
    ("单位能耗降幅为负3.9%，物价涨幅−2.1%。", [("负3.9%", -3.9, "%", None), ("−2.1%", -2.1, "%", None)]),
    ("每人奖励两到三万港元，投资一千到两千万元，增长6%～7%。", [
        ("两到三万港元", [20000, 30000], "港元", None), ("一千到两千万元", [10000000, 20000000], "元", None),
        ("6%～7%", [6, 7], "%", None)]),
    ("捐款十美元，收入8千元，存款5万4千6百元。", [("十美元", 10, "美元", None), ("8千元", 8000, "元", None),
                                            ("5万4千6百元", 54600, "元", None)]),
    ("兑换4人民币，折合1.9万台币。", [("4人民币", 4, "元", None), ("1.9万台币", 19000, "新台币", None)]),
    ("开行旅客列车10列，航班120架次，新增设备3台套。", [("10列", 10, "列", None), ("120架次", 120, "架次", None),
                                                ("3台套", 3, "台套", None)]),
    ("人口自然增长率控制在千分之十三左右，达标县占三分之一以上。", [("千分之十三左右", 13, "‰", "左右"),
                                                        ("三分之一以上", 0.3333333333333333, None, "以上")]),
    ("发电量七十二亿六千万度，装机二百八十万到三百万千瓦。", [("七十二亿六千万度", 7260000000, "度", None),
                                                ("二百八十万到三百万千瓦", [2800000, 3000000], "千瓦", None)]),
]
# fmt: on


@pytest.mark.parametrize("sentence,expected", CHINESE_QUANTITIES)
def test_indicators_quantities_with_qualifiers(sentence, expected):
    assert [(t, a["value"], a["unit"], a["qualifier"]) for t, a in spans(sentence)] == expected


def test_indicators_unit_is_a_whole_word():
    # 4台阶 is no unit 台, 一元化 no 元, 零部件 no count; the longest form wins (台套 over 台)
    assert texts("爬上4台阶，实现一元化管理，生产汽车零部件。") == []
    assert [(t, a["unit"]) for t, a in spans("新增3台套，4台机组。")] == [("3台套", "台套"), ("4台", "台")]


def test_indicators_shared_name_and_kinds():
    found = spans("全县生产总值完成283.9亿元，增长8.4%；新增高新技术企业7家，达到51家；城镇化率较2017年提高5.5个百分点。")
    assert [(t, a["name"], a["kind"]) for t, a in found] == [
        ("283.9亿元", "生产总值", "level"),
        ("8.4%", "生产总值", "growth"),
        ("7家", "高新技术企业", "change"),
        ("51家", "高新技术企业", "level"),
        ("5.5个百分点", "城镇化率", "change"),
    ]


def test_indicators_enumerated_periods():
    found = spans("2021年、2022年、2023年上半年全区地区生产总值增长率为9.1%、4.0%、4.0%，进展低于预期。")
    assert [(a["value"], a["period"], a["kind"], a["name"]) for _, a in found] == [
        (9.1, "2021年", "growth", "地区生产总值增长率"),
        (4, "2022年", "growth", "地区生产总值增长率"),
        (4, "2023年上半年", "growth", "地区生产总值增长率"),
    ]


def test_indicators_periods_and_comparison_bases():
    found = spans("今年前三季度,全县GDP增速9.3%。截至11月底,完成投资占年度计划的143%。较2017年净增83.4亿元。")
    assert [(t, a["period"]) for t, a in found] == [("9.3%", "今年前三季度"), ("143%", "截至11月底"), ("83.4亿元", None)]


def test_indicators_parts_of_a_year_without_a_year():
    # 前三季度, 上半年, 第二季度 and month ranges name the period on their own.
    found = spans("1—9月，全市固定资产投资增长6.2%。前三季度，地区生产总值增长5.2%。"
                  "2023年1-6月，出口额增长3.2%。第二季度增长4.1%。")
    assert [(t, a["period"]) for t, a in found] == [
        ("6.2%", "1—9月"), ("5.2%", "前三季度"), ("3.2%", "2023年1-6月"), ("4.1%", "第二季度")]


def test_indicators_targets():
    found = spans("到 2025 年，农村自来水普及率达到93%。卧龙区年度计划投资110亿元，总投资378亿元。"
                  "城镇调查失业率为3.4%，低于5.5%的目标要求。")
    assert [(t, a["target"], a["period"]) for t, a in found] == [
        ("93%", True, "2025年"), ("110亿元", True, None), ("378亿元", False, None),
        ("3.4%", False, None), ("5.5%", True, None),
    ]


def test_indicators_not_the_numerals_of_unquoted_slogans(nlp_pkuseg):
    """四个意识 and 四张清单 are slogans (the tagger runs first), not four of something; 四家 is."""
    doc = nlp_pkuseg("坚持四个意识，落实四张清单，新增企业四家。")
    assert [(s.text, s.label_) for s in doc.spans["policy"]] == [
        ("四个意识", "SLOGAN"), ("四张清单", "SLOGAN"), ("四家", "INDICATOR"),
    ]


def test_indicators_pipeline_seed_004(nlp_pkuseg):
    text = seed_text("004")
    doc = nlp_pkuseg(text)
    found = {s.text: s for s in doc.spans["policy"] if s.label_ == "INDICATOR"}
    ratio = found["13.2:38.6:48.2"]
    assert (ratio._.value, ratio._.kind, ratio._.period) == ([13.2, 38.6, 48.2], "ratio", "去年")
    rank = found["第13名"]
    assert (rank._.value, rank._.kind, rank._.name) == (13, "rank", "营商环境")
    gdp = found["9.3%"]
    assert (gdp._.name, gdp._.kind, gdp._.period, gdp._.target) == ("GDP增速", "growth", "今年前三季度", False)
    assert not [t for t in found if "312" in t or "345" in t]  # G312, G345
    assert all(text[s.start_char:s.end_char].replace("\n", "") == s._.clean_text for s in found.values())


def test_indicators_qualifier_attribute_in_pipeline_and_output(nlp_pkuseg):
    from nlp.output import TSV_ATTR_COLUMNS, entity_record

    text = "粮食总产约96万吨，城镇化率达到60%以上，培育企业3900多家，增长8.4%。"
    doc = nlp_pkuseg(text)
    found = [s for s in doc.spans["policy"] if s.label_ == "INDICATOR"]
    assert [(s.text, s._.qualifier) for s in found] == [
        ("96万吨", "约"), ("60%以上", "以上"), ("3900多家", "多"), ("8.4%", None),
    ]
    assert [entity_record(s)["qualifier"] for s in found] == ["约", "以上", "多", None]
    assert "qualifier" in TSV_ATTR_COLUMNS
    assert all(text[s.start_char:s.end_char] == s.text for s in found)  # 约 stays outside the span


def test_indicators_pipeline_seed_001_spaces_and_offsets(nlp_pkuseg):
    text = seed_text("001")
    doc = nlp_pkuseg(text)
    indicators = [s for s in doc.spans["policy"] if s.label_ == "INDICATOR"]
    raw = {text[s.start_char:s.end_char]: s for s in indicators}
    span = raw["1500 万人次"]
    assert (span._.value, span._.unit, span._.target, span._.period) == (15000000, "人次", True, "2025年")
    assert doc.text == text
    assert "17110" not in raw  # 17110 工作制度: a name


def test_indicators_table_of_003(nlp_pkuseg):
    doc = nlp_pkuseg(seed_text("003"))
    rows = [s for s in doc.spans["policy"] if s.label_ == "INDICATOR" and s._.name == "地区生产总值增长"]
    assert [(s.text, s._.value, s._.unit, s._.kind, s._.target, s._.period) for s in rows] == [
        ("7.5", 7.5, "%", "growth", True, "2025年"),
        ("3.4", 3.4, "%", "growth", False, "2020年"),
        ("9.1", 9.1, "%", "growth", False, "2021年"),
        ("4.0", 4, "%", "growth", False, "2022年"),
        ("4.0", 4, "%", "growth", False, "2023年上半年"),
    ]
    patents = [s for s in doc.spans["policy"] if s.label_ == "INDICATOR" and s._.name == "每万人发明专利拥有量"]
    assert [(s.text, s._.unit, s._.target) for s in patents] == [("3.0", "件", True)]


def test_indicators_table_one_row_a_line():
    # A table exported one row a line, tabs between the cells, with a unit column; a growth
    # column gives the growth of the year before it, a plan word in a year header a target.
    text = ("表1 主要指标\n指标\t单位\t2022年\t2023年\t增长（%）\t2025年目标\n"
            "地区生产总值\t亿元\t5120.3\t5432.1\t6.1\t6000左右\n常住人口城镇化率\t%\t57.1\t58.2\t—\t60\n\n"
            "全年工作顺利。\n")
    assert [(t, a["name"], a["value"], a["unit"], a["kind"], a["target"], a["period"]) for t, a in spans(text)] == [
        ("5120.3", "地区生产总值", 512030000000, "元", "level", False, "2022年"),
        ("5432.1", "地区生产总值", 543210000000, "元", "level", False, "2023年"),
        ("6.1", "地区生产总值", 6.1, "%", "growth", False, "2023年"),
        ("6000左右", "地区生产总值", 600000000000, "元", "level", True, "2025年"),
        ("57.1", "常住人口城镇化率", 57.1, "%", "level", False, "2022年"),
        ("58.2", "常住人口城镇化率", 58.2, "%", "level", False, "2023年"),
        ("60", "常住人口城镇化率", 60, "%", "level", True, "2025年"),
    ]


# Hand-checked: each report states the previous year's GDP (国民/国内生产总值) growth.
GDP_GROWTH = {1992: 7, 1993: 12.8, 1994: 13.4, 1995: 11.8, 1997: 9.7, 1999: 7.8}


@pytest.fixture(scope="module")
def national_reports():
    return {row["year"]: row["text"] for row in read_documents(REPORTS)}


@pytest.mark.parametrize("year,growth", sorted(GDP_GROWTH.items()))
def test_indicators_national_gdp_growth(national_reports, year, growth):
    found = [a for _, a in spans(national_reports[year]) if a["name"] and "生产总值" in a["name"] and a["kind"] == "growth"]
    assert [(a["value"], a["unit"], a["target"]) for a in found if a["value"] == growth] == [(growth, "%", False)]


# fmt: off
ATTRIBUTE_CLASSES = [
    # (text, [(span, name, kind, target, period)]): the attributes the ledger needs
    ("居民消费价格上涨2.1%。", [("2.1%", "居民消费价格", "growth", False, None)]),
    ("拟发行长期建设国债1000亿元。", [("1000亿元", "长期建设国债", "level", True, None)]),
    ("粮食总产量达到65789万吨，增产1000万吨。",
     [("65789万吨", "粮食总产量", "level", False, None), ("1000万吨", "粮食总产量", "change", False, None)]),
    ("今年的经济增长预期为7％左右。", [("7％左右", "经济增长", "growth", True, "今年")]),
    # review sections give outturns even with 要/将; plan sections targets
    ("一、2018年工作回顾\n\n一年来，我们要求城镇新增就业1361万人，将财政赤字控制在2380亿元。",
     [("1361万人", "城镇新增就业", "change", False, None), ("2380亿元", "财政赤字", "level", False, None)]),
    ("二、2019年工作部署\n\n城镇新增就业1100万人以上。", [("1100万人以上", "城镇新增就业", "change", True, None)]),
    # a target named in a review (restated or planned) stays a target
    ("一、1998年工作回顾\n\n工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六。",
     [("百分之三点七", "工农业总产值的增长速度", "level", True, "一九八一年"),
      ("百分之四点六", "工农业总产值的增长速度", "level", False, "一九八一年")]),
    ("一、1996年工作回顾\n\n去年政府工作报告提出，物价涨幅要从１４．８％降到１０％左右，实际回落到６．１％。",
     [("１４．８％", "物价涨幅", "growth", False, None), ("１０％左右", "物价涨幅", "level", True, "去年"),
      ("６．１％", "物价涨幅", "growth", False, "去年")]),
    # multi-year averages and totals: the period says so
    ("过去五年的回顾\n\n国内生产总值五年平均每年增长9.8%。", [("9.8%", "国内生产总值", "growth", False, "五年平均每年")]),
    ("到１９９２年，力争使国民生产总值达到１５５００亿元左右，平均每年增长７．５％左右。",
     [("１５５００亿元左右", "国民生产总值", "level", True, "１９９２年"),
      ("７．５％左右", "国民生产总值", "growth", True, "１９９２年平均每年")]),
    # names from a topic clause, cue words left out of names
    ("工农业总产值，比1980年预计增长5.5％，其中，农业总产值增长4％。",
     [("5.5％", "工农业总产值", "growth", False, None), ("4％", "农业总产值", "growth", False, None)]),
    ("轻工业，总产值比1980年预计增长8％。", [("8％", "轻工业总产值", "growth", False, None)]),
    # the two ends of a change
    ("１９８２年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％。",
     [("３％", "工农业总产值的增长速度", "growth", False, "今年"), ("４％", "工农业总产值的增长速度", "level", True, "１９８２年")]),
    ("从一九八○年至一九八五年，我国原煤产量由六亿二千万吨增加到八亿五千万吨。",
     [("六亿二千万吨", "我国原煤产量", "level", False, "一九八○年"), ("八亿五千万吨", "我国原煤产量", "level", False, "一九八五年")]),
    # a clause that goes on with a target is one
    ("一九五七年的工业总产值比一九五六年将增长百分之四点五，达到六百零三亿元。",
     [("百分之四点五", "工业总产值", "growth", True, "一九五七年"), ("六百零三亿元", "工业总产值", "level", True, "一九五七年")]),
    # a bracketed aside between the name and its value; a price base is no period
    ("一九六三年的手工业总产值（不包括农村副业，下同），按照一九六二年不变价格计算，预计达到一百五十亿元，比上一年增长百分之五点二。",
     [("一百五十亿元", "手工业总产值", "level", True, "一九六三年"), ("百分之五点二", "手工业总产值", "growth", False, "一九六三年")]),
    # 即增产 restates the value before it: no name of its own
    ("到一九六五年，棉花增长百分之二十，即增产五百万担，达到四千万担。",
     [("百分之二十", "棉花", "growth", True, "一九六五年"), ("五百万担", "棉花", "change", True, "一九六五年"),
      ("四千万担", "棉花", "level", True, "一九六五年")]),
    # 定为 is a verb, not a name; 经济… opens a topic; 调控目标 marks the sentence a plan
    ("综合各方面的情况，今年经济增长速度的调控目标，定为百分之七至八。",
     [("百分之七至八", "经济增长速度的调控目标", "level", True, "今年")]),
    # a completion ratio's 年度计划 is no name for the growth after it
    ("一九六四年的原煤产量达到二亿吨，超过年度计划百分之三点二，比上一年增长百分之六点一。",
     [("二亿吨", "原煤产量", "level", False, "一九六四年"), ("百分之三点二", "年度计划", "level", True, "一九六四年"),
      ("百分之六点一", "原煤产量", "growth", False, "一九六四年")]),
    # the rate named in an earlier clause; 高达 and 仍然 are no part of a name; 缩减为 is a verb
    ("确保零售物价上涨幅度低于去年，力争控制在百分之八左右。", [("百分之八左右", "零售物价上涨幅度", "level", True, None)]),
    ("虽然做了努力，物价涨幅仍然高达百分之十八。", [("百分之十八", "物价涨幅", "growth", False, None)]),
    ("基本建设投资缩减为九十亿元。", [("九十亿元", "基本建设投资", "level", False, None)]),
    # 已经 opens no name, whole (it once left 经… behind); a part of a year is a period
    ("其中已经全部完工投入生产的重大工程共82个。", [("82个", "全部完工投入生产的重大工程", "level", False, None)]),
    ("工业总产值第一季度下降0.2%，第二季度增长1.7%。",
     [("0.2%", "工业总产值", "growth", False, "第一季度"), ("1.7%", "工业总产值", "growth", False, "第二季度")]),
    # 不低于/不高于 qualify the value: no part of the name (低于 after 不 is no comparison)
    ("森林覆盖率不低于33%，水土流失率不高于5%。",
     [("33%", "森林覆盖率", "level", False, None), ("5%", "水土流失率", "level", False, None)]),
    # 拟按 and 安排 state a plan: no part of the name
    ("赤字率拟按3%安排。", [("3%", "赤字率", "level", True, None)]),
    ("拟安排地方政府专项债券3.8万亿元。", [("3.8万亿元", "地方政府专项债券", "level", True, None)]),
    # a comparison base is no name: 同口径, 按可比口径计算, and 低于/高于 a place just before the value
    ("地方财政收入完成845亿元，同口径增长6.3%。",
     [("845亿元", "地方财政收入", "level", False, None), ("6.3%", "地方财政收入", "growth", False, None)]),
    ("进出口总额1.2万亿元，按可比口径计算增长3.5%。",
     [("1.2万亿元", "进出口总额", "level", False, None), ("3.5%", "进出口总额", "growth", False, None)]),
    ("全市工业投资增长7.5%、高于全省1.2个百分点。",
     [("7.5%", "工业投资", "growth", False, None), ("1.2个百分点", "工业投资", "change", False, None)]),
    # 比年初 and 比上年末 are comparison bases; 占比 and a ratio's 收入比 keep their 比;
    # 实际使用外资 is a name, not 实际 + a name; 要 before a cue is none of the name
    ("存款余额2156亿元，比年初增加218亿元；常住人口比上年末减少3.2万人。",
     [("2156亿元", "存款余额", "level", False, None), ("218亿元", "存款余额", "change", False, None),
      ("3.2万人", "常住人口", "change", False, None)]),
    ("其中税收收入占比达到72.5%。", [("72.5%", "税收收入占比", "level", False, None)]),
    ("城乡居民收入比由2.5∶1缩小到2.35∶1。",
     [("2.5∶1", "城乡居民收入比", "ratio", False, None), ("2.35∶1", "城乡居民收入比", "ratio", False, None)]),
    ("全年实际使用外资12.5亿美元。", [("12.5亿美元", "实际使用外资", "level", False, "全年")]),
    ("今年要确保粮食产量稳定在1300万吨以上。", [("1300万吨以上", "粮食产量", "level", True, "今年")]),
    # 截至 a date is a period, no target; 共有 and a 了 after the verb are no part of a name; a
    # short gloss in brackets stays inside it, an aside does not
    ("截至2022年底，全省共有国家级高新区12家。", [("12家", "国家级高新区", "level", False, "截至2022年底")]),
    ("分别达到了每亩生产棉花（皮棉）六十斤、八十斤。",
     [("六十斤", "每亩生产棉花（皮棉）", "level", False, None), ("八十斤", "每亩生产棉花（皮棉）", "level", False, None)]),
    ("每千人口拥有执业（助理）医师3.2人。", [("3.2人", "执业（助理）医师", "level", False, None)]),
    # 起 counts incidents (一起 is together); 是X的 is a comparison base, no name or period; 收窄 is a verb
    ("全市共发生各类生产安全事故56起、死亡48人，同比分别下降12.5%、9.4%。",
     [("56起", "发生各类生产安全事故", "level", False, None), ("48人", "死亡", "level", False, None),
      ("12.5%", "发生各类生产安全事故", "growth", False, None), ("9.4%", "死亡", "growth", False, None)]),
    ("城镇居民人均可支配收入38500元，是农村居民的2.42倍。",
     [("38500元", "城镇居民人均可支配收入", "level", False, None),
      ("2.42倍", "城镇居民人均可支配收入", "level", False, None)]),
    ("技术合同成交额1367亿元，是2018年的9倍。",
     [("1367亿元", "技术合同成交额", "level", False, None), ("9倍", "技术合同成交额", "level", False, None)]),
    # a rate named only by its kind (降幅, 增幅) is the rate of the name before it
    ("利润总额下降12.6%，降幅比上半年收窄3.4个百分点；人均纯收入增加1200元，增幅8.3%。",
     [("12.6%", "利润总额", "growth", False, None), ("3.4个百分点", "利润总额", "change", False, None),
      ("1200元", "人均纯收入", "change", False, None), ("8.3%", "人均纯收入", "growth", False, None)]),
    # （一） heads a report that has no 一、 headings: its plan section makes targets
    ("（一）一九六四年国民经济计划的安排\n\n农业总产值达到八百五十亿元。", [("八百五十亿元", "农业总产值", "level", True, None)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", ATTRIBUTE_CLASSES)
def test_indicators_ledger_attribute_classes(text, expected):
    found = [(t, a["name"], a["kind"], a["target"], a["period"]) for t, a in spans(text)]
    assert found == expected
