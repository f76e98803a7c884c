"""The units of numeric indicators, in one table: surface form -> normalised unit and class.

A unit is what is left after magnitude words (万, 亿 …) are folded into the value. Classes
decide how a number with that unit is read:

- ``count``: things counted (家, 个, 项); a Chinese numeral is accepted with these.
- ``measure``: physical or money amounts (元, 吨, 亩, 千瓦时).
- ``rate``: % and 百分点.
- ``time``: 天, 年, 岁 …; only an indicator where the text names a time quantity
  (空气优良天数307天, 受教育年限9年), never a date or a time frame (2021年, 近三年).
"""

from __future__ import annotations

import re

# surface form -> (normalised unit, class). Traditional forms share the simplified entry.
UNIT_TABLE: dict[str, tuple[str, str]] = {
    # rates
    "%": ("%", "rate"),
    "％": ("%", "rate"),
    "个百分点": ("百分点", "rate"),
    "個百分點": ("百分点", "rate"),
    "百分点": ("百分点", "rate"),
    "百分點": ("百分点", "rate"),
    "‰": ("‰", "rate"),
    "倍": ("倍", "rate"),
    # money
    "元": ("元", "measure"),
    "美元": ("美元", "measure"),
    "欧元": ("欧元", "measure"),
    "港元": ("港元", "measure"),
    "港币": ("港元", "measure"),
    "人民币": ("元", "measure"),
    "人民币元": ("元", "measure"),
    "块钱": ("元", "measure"),
    "圆": ("元", "measure"),
    "美金": ("美元", "measure"),
    "日元": ("日元", "measure"),
    "韩元": ("韩元", "measure"),
    "卢布": ("卢布", "measure"),
    "英镑": ("英镑", "measure"),
    "泰铢": ("泰铢", "measure"),
    "新台币": ("新台币", "measure"),
    "台币": ("新台币", "measure"),
    "澳元": ("澳元", "measure"),
    "澳门元": ("澳门元", "measure"),
    "加元": ("加元", "measure"),
    "新加坡元": ("新加坡元", "measure"),
    "瑞士法郎": ("瑞士法郎", "measure"),
    "法郎": ("法郎", "measure"),
    "马克": ("马克", "measure"),
    "卢比": ("卢比", "measure"),
    "越南盾": ("越南盾", "measure"),
    "美元/吨": ("美元/吨", "measure"),
    "元/吨": ("元/吨", "measure"),
    "元/人": ("元/人", "measure"),
    # area, length, volume, mass, energy
    "亩": ("亩", "measure"),
    "畝": ("亩", "measure"),
    "公顷": ("公顷", "measure"),
    "平方公里": ("平方公里", "measure"),
    "平方千米": ("平方公里", "measure"),
    "平方米": ("平方米", "measure"),
    "平米": ("平米", "measure"),
    "公里": ("公里", "measure"),  # 千米 is not a form: 千 before 米 is a magnitude (两千米 = 2000 米)
    "米": ("米", "measure"),
    "公尺": ("米", "measure"),
    "平方公尺": ("平方米", "measure"),
    "立方公尺": ("立方米", "measure"),
    "度": ("度", "measure"),
    "担": ("担", "measure"),
    "马力": ("马力", "measure"),
    "尺": ("尺", "measure"),
    "土方": ("立方米", "measure"),
    "印张": ("印张", "measure"),
    "擔": ("担", "measure"),
    "立方米": ("立方米", "measure"),
    "吨": ("吨", "measure"),
    "噸": ("吨", "measure"),
    "公斤": ("公斤", "measure"),
    "斤": ("斤", "measure"),
    "千瓦时": ("千瓦时", "measure"),
    "千瓦": ("千瓦", "measure"),
    "吨标准煤": ("吨标准煤", "measure"),
    "微克/立方米": ("微克/立方米", "measure"),
    "标箱": ("标箱", "measure"),
    "标准箱": ("标箱", "measure"),
    "千克": ("公斤", "measure"),
    "克": ("克", "measure"),
    "升": ("升", "measure"),
    "千瓦小时": ("千瓦时", "measure"),
    "兆瓦": ("兆瓦", "measure"),
    "吨公里": ("吨公里", "measure"),
    "人公里": ("人公里", "measure"),
    # counts
    "人次": ("人次", "count"),
    "人": ("人", "count"),
    "名": ("名", "count"),
    "户": ("户", "count"),
    "戶": ("户", "count"),
    "家": ("家", "count"),
    "个": ("个", "count"),
    "個": ("个", "count"),
    "项": ("项", "count"),
    "項": ("项", "count"),
    "件": ("件", "count"),
    "所": ("所", "count"),
    "座": ("座", "count"),
    "条": ("条", "count"),
    "條": ("条", "count"),
    "辆": ("辆", "count"),
    "輛": ("辆", "count"),
    "台": ("台", "count"),
    "套": ("套", "count"),
    "种": ("种", "count"),
    "種": ("种", "count"),
    "只": ("只", "count"),
    "头": ("头", "count"),
    "頭": ("头", "count"),
    "箱": ("箱", "count"),
    "场": ("场", "count"),
    "場": ("场", "count"),
    "次": ("次", "count"),
    "宗": ("宗", "count"),
    "起": ("起", "count"),
    "株": ("株", "count"),
    "棵": ("棵", "count"),
    "处": ("处", "count"),
    "處": ("处", "count"),
    "张": ("张", "count"),
    "张床": ("张", "count"),
    "册": ("册", "count"),
    "篇": ("篇", "count"),
    "例": ("例", "count"),
    "床": ("床", "count"),
    "艘": ("艘", "count"),
    "架": ("架", "count"),
    "枚": ("枚", "count"),
    "匹": ("匹", "count"),
    "架次": ("架次", "count"),
    "班次": ("班次", "count"),
    "列": ("列", "count"),
    "台套": ("台套", "count"),
    "部": ("部", "count"),
    "本": ("本", "count"),
    "份": ("份", "count"),
    "栋": ("栋", "count"),
    "幢": ("幢", "count"),
    "眼": ("眼", "count"),
    "块": ("块", "count"),
    # time quantities
    "天": ("天", "time"),
    "日": ("天", "time"),
    "周岁": ("岁", "time"),
    "周": ("周", "time"),
    "年": ("年", "time"),
    "岁": ("岁", "time"),
    "歲": ("岁", "time"),
    "个月": ("个月", "time"),
    "小时": ("小时", "time"),
    "分钟": ("分钟", "time"),
}

# The boundary check: a unit is a whole word, so a form followed by one of these characters is
# the start of a longer word, not a unit (4台阶, 一元化, 3条件, 5种植, 两头雁, 株洲). Checked
# after the longest match (人民币 is a currency before 人 is tested against 民).
UNIT_NOT_BEFORE: dict[str, str] = {
    "人": "才员士工造事为们文类身权气居",
    "元": "素首帅旦宵件器化月年",
    "圆": "满梦形",
    "天": "然津下地空气",
    "日": "本报常期益趋前后内起至记程",
    "台": "阶湾风账前上",
    "年": "代度级龄鉴画华轻",
    "米": "饭粮",
    "家": "庭族乡园长具电属",
    "个": "体性别案",
    "户": "籍口型外",
    "所": "有以在属得谓",
    "座": "谈",
    "条": "件例款约文",
    "次": "数序要级生日",
    "名": "单称义额录牌列次字誉",
    "场": "所景馆地面",
    "头": "部号脑等条雁",
    "处": "理于置分罚级长",
    "种": "植类子养业群",
    "只": "有是要能",
    "张": "力贴",
    "架": "构设",
    "列": "入为车举出席",
    "部": "门分署长委队件位",
    "例": "如外",
    "株": "洲",
    "宗": "旨教",
    "起": "来步点草飞源诉色码义航到",
    "岁": "月",
    "本": "地土级届身质",
    "份": "额",
    "眼": "前光界",
    "块": "状",
    "周": "边围期年转",
    "升": "级值高",
    "克": "服",
    "套": "路",
    "度": "过假日夏汛量数",
    "担": "任当心保负",
    "匹": "配",
    "尺": "度寸子",
}


def unit_boundary_ok(surface: str, following: str) -> bool:
    """Whether ``surface`` is a whole word before ``following`` (the next character or "")."""
    return not following or following not in UNIT_NOT_BEFORE.get(surface, "")


def unit_at_end(text: str) -> str | None:
    """The longest unit form that ``text`` ends with (3900多家 -> 家, 4人民币 -> 人民币).

    Example: ``unit_at_end("2个百分点") -> "个百分点"``."""
    for surface in UNITS_LONGEST_FIRST:
        if text.endswith(surface) and len(text) > len(surface):
            return surface
    return None


UNITS_LONGEST_FIRST = sorted(UNIT_TABLE, key=len, reverse=True)
# Alternation of every surface form, longest first, for the span regex. Most numbers have no
# unit: the lookahead on the forms' first characters fails at once where the alternation would
# try every form.
def _with_boundary(surface: str) -> str:
    blocked = UNIT_NOT_BEFORE.get(surface)
    return re.escape(surface) + (f"(?![{blocked}])" if blocked else "")


UNIT_FIRST_CHARS = "".join(dict.fromkeys(u[0] for u in UNIT_TABLE))
UNIT_PATTERN = (
    "(?=[" + re.escape(UNIT_FIRST_CHARS) + "])"
    "(?:" + "|".join(_with_boundary(u) for u in UNITS_LONGEST_FIRST) + ")"
)


def normalise_unit(surface: str | None) -> tuple[str | None, str | None]:
    """The normalised unit and class of a surface form (``(None, None)`` for none).

    Example: ``normalise_unit("个百分点") -> ("百分点", "rate")``."""
    if not surface:
        return None, None
    return UNIT_TABLE.get(surface, (surface, None))
