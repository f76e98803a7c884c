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
    "公里": ("公里", "measure"),
    "千米": ("公里", "measure"),
    "米": ("米", "measure"),
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
    # time quantities
    "天": ("天", "time"),
    "年": ("年", "time"),
    "岁": ("岁", "time"),
    "歲": ("岁", "time"),
    "个月": ("个月", "time"),
    "小时": ("小时", "time"),
    "分钟": ("分钟", "time"),
}

# Alternation of every surface form, longest first, for the span regex. Most numbers have no
# unit: the lookahead on the forms' first characters fails at once where the alternation would
# try every form.
UNIT_FIRST_CHARS = "".join(dict.fromkeys(u[0] for u in UNIT_TABLE))
UNIT_PATTERN = (
    "(?=[" + re.escape(UNIT_FIRST_CHARS) + "])"
    "(?:" + "|".join(re.escape(u) for u in sorted(UNIT_TABLE, key=len, reverse=True)) + ")"
)


def normalise_unit(surface: str | None) -> tuple[str | None, str | None]:
    """The normalised unit and class of a surface form (``(None, None)`` for none).

    Example: ``normalise_unit("个百分点") -> ("百分点", "rate")``."""
    if not surface:
        return None, None
    return UNIT_TABLE.get(surface, (surface, None))
