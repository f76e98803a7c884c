"""Shapes of policy slogans: numerals, measure words, numbered chains, digit codes, quote pairs
and the cue words around a slogan. Data only; nlp/components/slogans.py and
nlp/slogan_classifier.py hold the logic.

Example::

    >>> bool(NUMBERED_CHAIN.fullmatch("一渠两园三河五湖"))
    True
"""

from __future__ import annotations

import re

# Chinese numerals that open a numbered formulation (两个确保, 双减, 百千万行动计划).
NUMERALS = "一二三四五六七八九十百千万两双"

# Measure words between a numeral and its noun in a numbered formulation (四个意识, 十大战略,
# 八项规定, 七种能力, 四张清单); 大 is an adjective in Chinese grammar but works the same way here.
MEASURE_WORDS = "个大项种条张类支批"

# Opening quote -> closing quote. Only the innermost pair is a candidate, so ‘我为群众办实事’
# inside a quoted honour is found on its own.
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}

# The shortest slogan: one character in quotes is a list marker or a word (“一”, “弦”).
MIN_SLOGAN_LENGTH = 2

# The longest quoted text considered (characters of the cleaned text); longer quotes are
# citations, not names (the longest slogan in the seeds has 29 characters).
MAX_QUOTE_LENGTH = 40

# One quoted span: opening quote, text without quotes or paragraph breaks, closing quote.
QUOTED = re.compile(
    "|".join(
        f"{re.escape(o)}(?P<q{i}>[^{re.escape(o + c)}“”‘’\\n]{{{MIN_SLOGAN_LENGTH},{MAX_QUOTE_LENGTH}}}){re.escape(c)}"
        for i, (o, c) in enumerate(QUOTE_PAIRS.items())
    )
)

# Numeral + measure word + a two-character noun: 四个意识, 十大战略, 八项规定, 五大振兴.
NUMBERED_NOUN = re.compile(rf"[{NUMERALS}][{MEASURE_WORDS}][\u4e00-\u9fff]{{2}}")

# Two or more numbered parts of one or two characters each, optionally joined by 带/促/融:
# 三清一管一改, 一渠两园三河五湖, 四优四化, 五聚五提, 一转带三化, 两不愁三保障, 一村一品.
# That is (?:part){1,3} and a last part, with the first part written out so that a lookahead
# for the second numeral can follow its numeral: a search then drops a lone numeral (most of
# them) at once instead of backtracking through the repetition.
_CHAIN_CHARS = rf"[^\W\d{NUMERALS}]"  # what follows a numeral in a part (带/促/融 among them)
_CHAIN_PART_REST = rf"{_CHAIN_CHARS}{{1,2}}[带促融]?"
NUMBERED_CHAIN = re.compile(
    rf"[{NUMERALS}](?={_CHAIN_CHARS}{{1,3}}[{NUMERALS}]){_CHAIN_PART_REST}"
    rf"(?:[{NUMERALS}]{_CHAIN_PART_REST}){{0,2}}[{NUMERALS}]{_CHAIN_CHARS}{{1,3}}"
)

# One numbered part of a chain: a numeral and the characters up to the next numeral
# (一渠两园三河五湖 -> 一渠, 两园, 三河, 五湖).
CHAIN_PART = re.compile(rf"[{NUMERALS}][^{NUMERALS}]+")

# A bare numeral with one character: 六稳, 六保, 双减, 双拥, 三农 (scored by the classifier,
# since 三年, 一是, 两岸 have the same shape).
NUMBERED_BARE = re.compile(rf"[{NUMERALS}][\u4e00-\u9fff]")

# Digit codes and formulas used as names: 13710, 17110, 3+2+4, 6+1+N, 1+2+3+4, 5＋N.
DIGIT_CODE = re.compile(r"(?<![0-9.%])(?:[0-9]{3,5}|[0-9](?:[+＋][0-9N]){1,4})(?![0-9.%])")

# Formulas are the only digit codes looked for outside quotes (构建安全生产1+2+3+4工作机制);
# bare numbers there are amounts and years. The lookbehind (no digit, point or % before the
# first digit) comes after that digit, so that a search only stops at digits.
DIGIT_FORMULA = re.compile(r"[0-9](?<![0-9.%][0-9])(?:[+＋][0-9N]){1,4}(?![0-9.%])")

# Characters before a numeral that make it part of a larger number or an ordinal (党的二十大,
# 第十四个五年规划), so no formulation starts there.
NOT_BEFORE_NUMBERED = NUMERALS + "第0123456789零〇"

# Words after a quote that say its text names a programme (“三个一批”活动, “13710”工作制度).
RIGHT_CUES = (
    "活动", "工作", "战略", "工程", "行动", "计划", "模式", "要求", "理念", "改革", "制度",
    "机制", "精神", "目标", "思路", "政策", "布局", "经验", "原则", "导向", "定位", "建设",
    "主线", "工作法", "示范", "创建", "格局", "体系", "品牌", "称号", "荣誉",
)

# Words before a quote that introduce a programme name (落实“四个不摘”, 开展“万人助万企”).
LEFT_CUES = (
    "落实", "开展", "坚持", "实施", "推进", "深化", "推行", "围绕", "锚定", "聚焦", "树牢",
    "践行", "弘扬", "打造", "建设", "创建", "按照", "做到", "增强", "坚定", "扎实", "持续",
    "紧盯", "入选", "荣获", "获批", "创成", "评为", "实现", "构建", "以",
)

# Characters that separate the parts of a listed slogan (知差距、勇担当、强执行、创辉煌).
PART_SEPARATORS = "、，,；; "

# Plus signs of formulas (互联网+监管, 河长+检察长+警长).
PLUS_SIGNS = "+＋"

# Title brackets around document names, which are never slogans (《政府工作报告》).
TITLE_BRACKETS = ("《", "》")

# Words that follow one part of a defined chain in its definition: 一渠即幸福渠, 三区，即….
PART_DEFINITION_CUES = ("即", "，即", "是指", "，是指")
