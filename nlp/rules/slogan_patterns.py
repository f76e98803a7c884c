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
# 八项规定, 七种能力, 四张清单, 三面红旗, 八字方针); 大 is an adjective in Chinese grammar but
# works the same way here.
MEASURE_WORDS = "个大项种条张类支批面字"

# Opening quote -> closing quote. Only the innermost pair is a candidate, so ‘我为群众办实事’
# inside a quoted honour is found on its own.
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}

# The shortest slogan: one character in quotes is a list marker or a word (“一”, “弦”).
MIN_SLOGAN_LENGTH = 2

# The longest quoted text considered (characters of the cleaned text); longer quotes are
# citations, not names (the longest slogan in the seeds has 29 characters).
MAX_QUOTE_LENGTH = 40

# Quote pairs of messy files: straight quotes, which open and close alike (ASCII and full
# width, from web pages and plain-text conversions), and curly quotes turned the wrong way by a
# conversion or a typist (”两个确保”, “两个确保“). A well-formed text never has two closing
# (or two opening) double quotes without the other kind between them, so these pairs only match
# where the text is malformed; after the well-formed pairs, they are tried last.
MESSY_QUOTE_PAIRS = (('"', '"'), ("＂", "＂"), ("”", "”"), ("“", "“"))

# One quoted span: opening quote, text without quotes or paragraph breaks, closing quote.
QUOTED = re.compile(
    "|".join(
        f"{re.escape(o)}(?P<q{i}>[^{re.escape(o + c)}“”‘’\\n]{{{MIN_SLOGAN_LENGTH},{MAX_QUOTE_LENGTH}}}){re.escape(c)}"
        for i, (o, c) in enumerate([*QUOTE_PAIRS.items(), *MESSY_QUOTE_PAIRS])
    )
)

# Numeral + measure word + a two-character noun: 四个意识, 十大战略, 八项规定, 五大振兴.
NUMBERED_NOUN = re.compile(rf"[{NUMERALS}][{MEASURE_WORDS}][\u4e00-\u9fff]{{2}}")

# Characters that end the noun of a numbered formulation: a particle, a conjunction or a
# verb of the clause around it (坚持四项基本原则的 -> 四项基本原则; 四个现代化和 -> 四个现代化).
NOUN_STOP_CHARS = "的和与及或了是在把被对为使向从等地得着过来去"

# The longest noun after numeral + measure word: 十项经济建设方针 and 两类不同性质矛盾 (six),
# 两个根本性转变 (five), 四项基本原则 (four).
MAX_NUMBERED_NOUN = 6

# The longest numeral of a numbered formulation, in characters: 四十条纲要, 一百五十六项.
MAX_NUMERAL_CHARS = 4

# Every length of a numbered formulation's noun from two characters up to a stop character
# or MAX_NUMBERED_NOUN: 坚持四项基本原则 -> 四项基本, 四项基本原, 四项基本原则 (the classifier
# scores each; the right boundary is one of its features). The numeral may have several
# characters (四十条纲要). The lookahead finds overlapping starts; group 1 is the longest noun.
NUMBERED_NOUN_LONG = re.compile(
    rf"(?=([{NUMERALS}]{{1,{MAX_NUMERAL_CHARS}}}[{MEASURE_WORDS}][^\W\d{NOUN_STOP_CHARS}]{{2,{MAX_NUMBERED_NOUN}}}))"
)

# A numeral with 不 and one or two characters, on its own or closing a chain: 三不要, 两不愁.
NUMBERED_NEGATION = re.compile(rf"[{NUMERALS}]不[^\W\d{NUMERALS}{NOUN_STOP_CHARS}]{{1,2}}")

# Enumerations whose parts all have this many characters (after a cue word before the first
# and after the last is taken off) are candidates: parallel clauses are the slogan shape
# (自主经营、自负盈亏; 有理想、有道德、有文化、有纪律), prose lists rarely are.
LIST_PART_LENGTHS = (2, 3, 4, 5)

# Longer parts make a candidate only where each part echoes the one before it: at least
# LIST_ECHO characters in the same places (以事实为根据，以法律为准绳; 兴无产阶级思想，灭资产
# 阶级思想) or LIST_ECHO two-character pieces in common (知识分子劳动化，劳动人民知识化).
# Long parallel clauses without an echo are mostly prose.
LONG_LIST_PART_LENGTHS = (6, 7, 8, 9)
LIST_ECHO = 2

# Words that end the last part of an enumeration without belonging to it (…提高的方针,
# …和平共处五项原则 stays: it is a numbered noun).
LIST_RIGHT_TRIM = (
    "的方针", "的原则", "的政策", "的口号", "的要求", "的战略", "的路线", "的思想", "的精神",
    "方针", "原则", "政策", "口号", "的",
)

# A formula that the text itself names as a policy (坚持X的方针, 根据X的原则, 贯彻X的路线):
# the stretch between one of NAMED_FORMULA_CUES and one of NAMED_FORMULA_NAMES, in one clause
# (no sentence punctuation), of NAMED_FORMULA_LENGTH characters, is a candidate whatever its
# shape (parallel parts of unequal length, a single clause); the classifier decides.
NAMED_FORMULA_CUES = (
    "坚持", "贯彻", "执行", "实行", "按照", "根据", "遵循", "本着", "遵守", "奉行", "关于",
    "确定的", "提出的", "树立", "提倡", "实践", "推行",
)
NAMED_FORMULA_NAMES = (
    "的方针", "的原则", "的方向", "的路线", "的思想路线", "的指导思想", "的口号", "的基本方针",
    "的总方针", "的战略方针", "的政策",
)
NAMED_FORMULA_LENGTH = (4, 40)
# Characters that end a clause: a named formula never runs over them.
CLAUSE_STOPS = "。；：！？“”‘’「」《》（）()"

# A paired formula: two things joined by 和/与/同 and a verb of joining or weighing them
# (开发和节约并重, 计划调节和市场调节相结合, 物质文明建设和精神文明建设一起抓, 所有权与经营权
# 分开). PAIRED_FORMULA finds the joiner, the second thing and the verb, at a natural end; the
# first thing runs back to the nearest clause stop, 的, 是 or cue word of PAIRED_FORMULA_STARTS,
# at most PAIRED_FIRST_LONGEST characters.
PAIRED_FORMULA_VERBS = (
    "互相结合", "相结合", "结合", "同时并举", "并举", "并重", "齐头并进", "一起抓", "一齐抓", "分开", "分离",
)
PAIRED_FORMULA = re.compile(
    r"[和与同]([\u4e00-\u9fff]{1,10}?)(?:" + "|".join(PAIRED_FORMULA_VERBS) + r")(?![^\W\d的])"
)
PAIRED_FORMULA_STARTS = (
    "坚持", "贯彻", "执行", "实行", "按照", "根据", "遵循", "本着", "提倡", "推行", "体现", "采取", "实现",
    "的", "是",
)
PAIRED_FIRST_LONGEST = 14

# A list summed up by a count of its parts: parts joined by 、, then a numeral equal to their
# number and a noun (领导干部、专家、群众三结合; 组织、政治、军事三落实; 农业、工业、国防、科学
# 技术四个现代化): the count ties the list to the name. SUMMED_COUNT finds a numeral after a
# part's last character (its noun follows as for NUMBERED_NOUN_LONG); each part has at most
# SUMMED_PART_LONGEST characters, and the first part starts at its segment's start or after a
# stop character or a cue word in it (在|互相尊重主权和领土完整、…五项原则).
SUMMED_COUNT = re.compile(rf"(?<=[^\W\d{NUMERALS}])([两二三四五六七八九十])(?=[{MEASURE_WORDS}]?[^\W\d{NOUN_STOP_CHARS}]{{2}})")
SUMMED_PART_LONGEST = 12

# A formulation of the kind 以X为Y / 以X代Y / 以X取Y (以粮为纲, 以税代利, 以质取胜,
# 以经济建设为中心): X of one to six characters, Y of one or two; every length of Y is a
# candidate.
YI_WEI = re.compile(r"(?=(以[\u4e00-\u9fff]{1,6}?[为代取促][\u4e00-\u9fff]{1,2}))")

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

# A digit, half or full width (older reports and converted files write ３＋２＋４, １７１１０),
# what continues a number after one (a point or a percent sign), and a formula's N.
_DIGIT = "[0-9０-９]"
_NUMBER_GOES_ON = "[0-9０-９.．%％]"
_N = "[0-9０-９NＮ]"

# Digit codes and formulas used as names: 13710, 17110, 3+2+4, 6+1+N, 1+2+3+4, 5＋N.
DIGIT_CODE = re.compile(rf"(?<!{_NUMBER_GOES_ON})(?:{_DIGIT}{{3,5}}|{_DIGIT}(?:[+＋]{_N}){{1,4}})(?!{_NUMBER_GOES_ON})")

# Formulas are the only digit codes looked for outside quotes (构建安全生产1+2+3+4工作机制);
# bare numbers there are amounts and years. The lookbehind (no digit, point or % before the
# first digit) comes after that digit, so that a search only stops at digits.
DIGIT_FORMULA = re.compile(rf"{_DIGIT}(?<!{_NUMBER_GOES_ON}{_DIGIT})(?:[+＋]{_N}){{1,4}}(?!{_NUMBER_GOES_ON})")

# Digits, half and full width: a slogan never starts or ends inside a run of them (369 in
# 3696亿元, “315” in 3150个), and a decimal point or thousands comma between two of them keeps
# the run going.
DIGITS = "0123456789０１２３４５６７８９"
NUMBER_JOINERS = ".．,，"

# Shapes that are never slogans, whatever the context (the classifier never sees them):
# counts of consecutive records (十连增, 五连快, 三连冠), plan periods used as dates or as a
# campaign's edition (“八五”, “九五”, 十四五), and numbered names of spacecraft, ships and
# rockets (神舟五号, 长征三号, 辽宁舰), and groups of people named by their number (四人帮,
# 三人小组: a body or a faction, not a programme).
NEVER_SLOGANS = (
    re.compile(rf"[{NUMERALS}]+人[\u4e00-\u9fff]{{0,2}}"),
    re.compile(rf"[{NUMERALS}\d]+连[增快涨升降跌冠胜丰稳]"),
    re.compile(r"十?[一二三四五六七八九]?五"),
    re.compile(rf"[\u4e00-\u9fff]{{1,4}}[{NUMERALS}\d]+号|[\u4e00-\u9fff]{{2,4}}[舰艇]"),
)

# Characters before a numeral that make it part of a larger number or an ordinal (党的二十大,
# 第十四个五年规划), so no formulation starts there.
NOT_BEFORE_NUMBERED = NUMERALS + "第0123456789零〇"

# Derivational suffixes that make a word of what comes before them (一体化, 现代化, 市场性):
# an unquoted mention of an accepted string followed by one is part of a longer word.
WORD_SUFFIXES = "化性式型"

# Words after a quote that say its text names a programme (“三个一批”活动, “13710”工作制度).
RIGHT_CUES = (
    "活动", "工作", "战略", "工程", "行动", "计划", "模式", "要求", "理念", "改革", "制度",
    "机制", "精神", "目标", "思路", "政策", "布局", "经验", "原则", "导向", "定位", "建设",
    "主线", "工作法", "示范", "创建", "格局", "体系", "方针", "口号",
    "路线", "运动", "方式", "的方针", "的原则", "的口号", "的政策", "的战略",
)

# Words after a name that make it a brand, title or honour, which the annotation guide never
# tags (“西平小麦”品牌, “国家农产品地理标志产品”称号): a cue of their own, not a programme's.
HONOUR_CUES = ("品牌", "称号", "荣誉")

# Words that name a formula as a policy when they follow it after 的 and a short modifier
# (“一个中心、两个基本点”的基本路线, …相结合的总方针, X的根本原则): POLICY_NAME_CUE.
POLICY_NAME_WORDS = ("方针", "原则", "路线", "方向", "政策", "口号", "战略", "国策", "指导思想")
POLICY_NAME_CUE = re.compile(r"的[\u4e00-\u9fff]{0,3}?(?:" + "|".join(POLICY_NAME_WORDS) + ")")

# Words before a quote that introduce a programme name (落实“四个不摘”, 开展“万人助万企”).
LEFT_CUES = (
    "落实", "开展", "坚持", "实施", "推进", "深化", "推行", "围绕", "锚定", "聚焦", "树牢",
    "践行", "弘扬", "打造", "建设", "创建", "按照", "做到", "增强", "坚定", "扎实", "持续",
    "紧盯", "入选", "荣获", "获批", "创成", "评为", "实现", "构建", "以", "贯彻", "执行",
    "实行", "本着", "遵循", "提倡", "发扬", "提出", "搞好", "口号", "方针", "叫做", "简称", "建立",
)

# Characters that separate the parts of a listed slogan (知差距、勇担当、强执行、创辉煌).
PART_SEPARATORS = "、，,；; "

# The separators a report may write one listed formula with, interchangeably: 厉行节约、反对浪费
# and 厉行节约，反对浪费 are one slogan (the learned lexicon and the glossary match either).
FORMULA_SEPARATORS = "、，,；;"

# Full-width characters of digit codes and formulas, and their half-width spellings: ３＋２＋４
# is 3+2+4 to a term, a lexicon look-up and a candidate's features (HALF_WIDTH translates).
FULL_WIDTH_CODE_CHARS = "０１２３４５６７８９＋Ｎ"
HALF_WIDTH_CODE_CHARS = "0123456789+N"
HALF_WIDTH = str.maketrans(FULL_WIDTH_CODE_CHARS, HALF_WIDTH_CODE_CHARS)

# Plus signs of formulas (互联网+监管, 河长+检察长+警长).
PLUS_SIGNS = "+＋"

# Title brackets around document names, which are never slogans (《政府工作报告》).
TITLE_BRACKETS = ("《", "》")

# Words that follow one part of a defined chain in its definition: 一渠即幸福渠, 三区，即….
PART_DEFINITION_CUES = ("即", "，即", "是指", "，是指")

# What follows a string where the document defines it inline (“三通”（通邮、通航、通商）,
# “X”，即…, X是指…): evidence that the string is a name.
DEFINITION_CUES = ("”，即", "”即", "，即", "是指", "”是指", "”，是指", "”，就是", "”（", "”(")

# Characters that a coined contraction (菜篮子, 放管服, 扫黄, 双拥) does not contain: particles,
# pronouns and the like, which mark ordinary words and phrases in quotes (“我们的”, “这个”).
CONTRACTION_EXCLUDED = "的了着过是在和与及或也就都这那我你他她它们吗呢吧啊么"

# Numeral idioms, proverbs and set phrases: a numeral in them counts nothing and names no
# programme (五颜六色, 一心一意). scripts/train_slogans.py adds each, quoted in neutral frames,
# as a negative example, so that the classifier learns what a quoted numeral without a cue
# word around it usually is (no feature looks the phrases up: unseen idioms are the test).
SET_PHRASES = (
    "五颜六色", "五光十色", "七上八下", "七嘴八舌", "乱七八糟", "三心二意", "一心一意", "四面八方",
    "千方百计", "一五一十", "三番五次", "十全十美", "一举两得", "一石二鸟", "九牛一毛", "一干二净",
    "独一无二", "接二连三", "三言两语", "万无一失", "百发百中", "一清二楚", "四分五裂", "七零八落",
    "千军万马", "千山万水", "万紫千红", "一丝不苟", "一帆风顺", "两全其美", "三长两短", "五湖四海",
    "八仙过海", "九九归一", "十拿九稳", "一诺千金", "一日千里", "一落千丈", "半斤八两", "丢三落四",
    "说三道四", "低三下四", "横七竖八", "七手八脚", "朝三暮四", "三五成群", "一刀两断", "三足鼎立",
    "四通八达", "六神无主", "九死一生", "百闻不如一见", "一分为二", "一目十行", "一针见血", "三思而行",
    "三人行必有我师", "一年之计在于春", "一寸光阴一寸金", "千里之行始于足下", "不管三七二十一",
    "一传十十传百", "万事开头难", "三天打鱼两天晒网", "一步一个脚印", "千里送鹅毛", "五十步笑百步",
    "一心二用", "七情六欲", "三教九流", "四平八稳", "五花八门", "六亲不认", "八面玲珑", "十万火急",
)
