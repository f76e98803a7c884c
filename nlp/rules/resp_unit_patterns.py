"""Shapes of responsibility clauses: clause keywords, role verbs, separators, unit suffixes and
level prefixes. Data only; nlp/components/resp_units.py holds the logic.

Example::

    >>> KEYWORD_CLAUSE.search("（责任单位：市财政局、教育局）").group("keyword")
    '责任单位'
"""

from __future__ import annotations

import re

# Clause keywords (before a colon): a role word, optionally 责任, and the kind of body listed
# (牵头单位, 配合责任单位, 责任处室, 落实单位, 主要责任单位, 责任主体). The role word gives the
# units listed after the keyword their role.
KEYWORD_ROLE_WORDS = {
    "牵头": "lead",
    "配合": "cooperating", "协同": "cooperating", "参与": "cooperating", "协办": "cooperating",
    "协助": "cooperating", "次要责任": "cooperating",
    "责任": "responsible", "主要责任": "responsible", "主责": "responsible", "主办": "responsible",
    "承办": "responsible", "实施": "responsible", "落实": "responsible",
}  # fmt: skip
KEYWORD_BODIES = ("单位", "部门", "处室", "科室", "主体", "机构")

# Verbs that close a list of units (市发展改革委牵头，市财政局配合) and the role they give.
# The regexes try them longest first, so that 组织实施 wins over 实施.
VERB_ROLES = {
    "牵头": "lead",
    "配合": "cooperating", "协同": "cooperating", "参与": "cooperating", "协助": "cooperating",
    "组织实施": "responsible", "负责": "responsible", "实施": "responsible",
    "承担": "responsible", "落实": "responsible", "主办": "responsible", "承办": "responsible",
}  # fmt: skip

# Verbs that end an in-text construction (由…负责, 蒲山镇负责的…); cooperating verbs only follow one.
INLINE_VERBS = ("牵头", "组织实施", "负责", "承担", "落实", "主办", "承办")
# Verbs that may follow a bare unit list without 由 (…牵头, …负责); the others need 由.
BARE_VERBS = ("牵头", "负责")
COOPERATING_VERBS = ("配合", "协同", "参与", "协助")

# Adverbs allowed between a unit list and its verb (由市级交通运输部门具体组织实施).
VERB_ADVERBS = "具体|主要|统一|共同|分别|全面|直接|按职责分工|按职责"

# Brackets: a clause may open with any opener and close with any closer, since extracted
# documents mix full- and half-width forms (（责任单位：…)).
OPENERS = "（(〔【["
CLOSERS = "）)〕】]"
# What may sit inside a clause: any character but a bracket, or one nested bracket pair
# (市京〔津〕宛合作中心, 有关县〔市、区〕政府〔管委会〕). Line breaks may sit inside, for a
# break that cleaning kept (the items' names drop it).
_PLAIN = rf"[^{re.escape(OPENERS + CLOSERS)}]"
BRACKET_BODY = rf"(?:{_PLAIN}|[{re.escape(OPENERS)}]{_PLAIN}*[{re.escape(CLOSERS)}])"

_KEYWORDS = (
    rf"(?P<role_word>{'|'.join(sorted(KEYWORD_ROLE_WORDS, key=len, reverse=True))})(?:责任)?"
    rf"(?:{'|'.join(KEYWORD_BODIES)})"
)
# A clause keyword alone (a task table's column header: 牵头单位, 配合部门).
KEYWORD = re.compile(_KEYWORDS)
# A bracketed keyword clause: （责任单位：…）, （牵头单位：…；配合单位：…）. The body holds
# everything up to the closing bracket.
KEYWORD_CLAUSE = re.compile(
    rf"[{re.escape(OPENERS)}](?P<body>(?P<keyword>{_KEYWORDS})[：:]{BRACKET_BODY}{{1,400}}?)"
    rf"[{re.escape(CLOSERS)}]"
)
# The same clause without brackets, at the start of a line or sentence: 责任单位：市财政局。
# It runs to the end of the sentence or line (never past a line break), or to a closing
# bracket that it did not open (（责任领导：…；责任单位：市发展改革委）).
_LINE_BODY = rf"(?:[^。\n{re.escape(OPENERS + CLOSERS)}]|[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}\n]*[{re.escape(CLOSERS)}])"
LINE_KEYWORD_CLAUSE = re.compile(
    rf"(?:^|(?<=[。；;\n]))[ \t\u3000]*(?P<body>(?P<keyword>{_KEYWORDS})[：:]{_LINE_BODY}{{1,400}})",
    re.MULTILINE,
)
# A task table's header cell naming the task column (重点任务, 工作内容, 具体措施).
TABLE_TASK_HEADER = re.compile(r"任务|工作|事项|内容|措施")
# A keyword (with its colon) inside a clause body, where a new role segment starts.
KEYWORD_IN_BODY = re.compile(rf"(?P<keyword>{_KEYWORDS})[：:]")
# Another labelled field after the units (；完成时限：2023年底, 　时间节点：…): it ends them.
OTHER_FIELD = re.compile(r"[；;，,、\s]*[\u4e00-\u9fff]{2,6}[：:]")

# A note that may close a bracket after its units (…按职责分工负责，以下均需各市政府落实，不再列出;
# …负责，下同): no units of the clause.
_CLAUSE_NOTE = (
    rf"[，,；;](?:以下|下同|下略|不再)(?:[^{re.escape(OPENERS + CLOSERS)}\n]"
    rf"|[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}\n]{{1,8}}[{re.escape(CLOSERS)}]){{0,40}}"
)
CLAUSE_NOTE = re.compile(_CLAUSE_NOTE)
# A bracket that holds only units and role verbs: （市发展改革委牵头，市财政局配合）. The
# body is checked item by item afterwards; this only finds candidates cheaply.
_VERBS = "|".join(sorted(VERB_ROLES, key=len, reverse=True))
VERB_CLAUSE = re.compile(
    rf"[{re.escape(OPENERS)}](?P<body>由?{BRACKET_BODY}{{2,200}}?(?:{_VERBS}))(?:{_CLAUSE_NOTE})?"
    rf"[{re.escape(CLOSERS)}]"
)

# Characters that never occur in a unit name written in running text; a candidate list that
# holds one is a clause of prose, not a list of units (市级医院要探索与…医院).
NOT_IN_UNIT = "的要是将把并被让使已了着过，。；;：:！？!?“”‘’《》\n"
# Prepositions that may sit inside a name (结对县, 对口帮扶办公室) but never start one
# (对本地区负责 is no unit).
NOT_UNIT_START = "对向为在从与和及"
# One unit in running text: up to MAX_INLINE_UNIT characters or short bracket pairs
# (水源地4个结对县（市）, 各县（市、区）政府).
MAX_INLINE_UNIT = 24
_INLINE_UNIT = (
    rf"(?![{NOT_UNIT_START}])(?:[^{re.escape(NOT_IN_UNIT + OPENERS + CLOSERS)}、]"
    rf"|[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}\n]{{1,8}}[{re.escape(CLOSERS)}])"
    rf"{{1,{MAX_INLINE_UNIT}}}?"
)
# A list of units in running text, joined by 、 (和 and 会同 inside a unit are split off later
# by ITEM_SEPARATOR).
_INLINE_LIST = rf"{_INLINE_UNIT}(?:、{_INLINE_UNIT}){{0,12}}"
_ADVERBS = rf"(?:{VERB_ADVERBS})?"
_COOPERATING = (
    rf"(?:[，,](?P<coop>{_INLINE_LIST}){_ADVERBS}(?P<coop_verb>{'|'.join(COOPERATING_VERBS)}))?"
)

# 由 + units + verb (由水源地4个结对县（市）负责), optionally followed by cooperating units
# (，市财政局配合). 由 in 自由/理由/由于/由此 is not the preposition (the lookbehind follows 由,
# so that a search looks for 由 alone).
BY_CONSTRUCTION = re.compile(
    rf"由(?<![自理缘经]由)(?![于此衷])(?P<units>{_INLINE_LIST}){_ADVERBS}"
    rf"(?P<verb>{'|'.join(INLINE_VERBS)})(?!同志|人){_COOPERATING}"
)
# Units + 牵头/负责 right after a sentence or clause boundary (，蒲山镇负责的入园道路项目;
# 市发展改革委牵头，市财政局配合). 负责同志 and 负责人 are people, not a task. Like the in-text
# units, it never spans a line break.
BARE_CONSTRUCTION = re.compile(
    rf"(?:^|(?<=[，,。；;：:\n]))(?P<units>{_INLINE_LIST}){_ADVERBS}"
    rf"(?P<verb>{'|'.join(BARE_VERBS)})(?!同志|人){_COOPERATING}",
    re.MULTILINE,
)

# Clause regexes that start at a line or clause boundary, so that the engine has no first
# character to look for and tries them at every position, and whose matches never span a
# line break: each with a regex for what every match holds. They are searched only in the
# lines that hold it.
LINE_CUES = {
    LINE_KEYWORD_CLAUSE: KEYWORD_IN_BODY,
    BARE_CONSTRUCTION: re.compile("|".join(BARE_VERBS)),
}

# Separators between the units of a list: 、，,；; and 会同 anywhere, and 和/及/与 only where a
# unit visibly starts after them (和市财政局), since 和 also sits inside names (发展和改革委员会);
# spaces too where one unit ends and the next visibly starts (省人社厅 省民政厅), since a
# space inside a name (市 财政局) is a layout artefact.
# A separator inside a nested bracket (有关县〔市、区〕政府) is none: the next bracket after
# a separator must be an opener, or there must be none.
ITEM_SEPARATOR = re.compile(
    r"(?:[、，,；;]|会同|(?:以及|及|和|与)(?=各|有关|相关|[省市县区](?![场村域]))"
    r"|(?<=[局委办室厅处署院部站所队社心府])[ \t\u3000]+(?=各|有关|相关|[省市县区](?![场村域])))"
    rf"(?=[^{re.escape(OPENERS + CLOSERS)}]*(?:[{re.escape(OPENERS)}]|$))"
)
# Words after the last unit that are not part of it: a trailing 等 with what it sums up.
TRAILING_ETC = re.compile(r"等(?:其他|其它|有关|相关)?(?:部门|单位|机构)?$")
# Leading words of a list item that are not part of the unit.
LEADING_NOISE = re.compile(r"^(?:由|并由|各自)")
# A role verb (possibly bracketed, possibly after an adverb) that ends a list item:
# 市发展改革委牵头, 市财政局（配合）, 各县区政府按职责分工负责.
ITEM_ROLE = re.compile(
    rf"(?:{VERB_ADVERBS})?[{re.escape(OPENERS)}]?(?P<verb>{_VERBS})[{re.escape(CLOSERS)}]?$"
)

# Endings of a unit name: organs, offices, institutions, governments and administrative
# divisions (which stand for their government: 邓州市、淅川县政府). A list item without one is
# not a unit outside a keyword clause; 城市/城乡/城区 name kinds of place, not a body.
UNIT_SUFFIX = re.compile(
    r"(?:局|委员会|委|办公室|办|室|中心|部|部门|厅|处|署|院|学校|大学|政府|管委会|单位|机构|组|队"
    r"|站|所|会|社|联|协|公司|集团|银行|街道|(?<!城)[镇乡县市区省州旗村])"
    rf"(?:[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}]{{1,12}}[{re.escape(CLOSERS)}])*$"
)

# Starts of a generic unit, kept whole and never given a prefix (各区政府, 有关县〔市、区〕政府).
GENERIC_START = re.compile(r"^(?:各|有关|相关|其他|其它|所属|属地|全市|全县|全区|全省|沿线|涉及)")

# The level prefix of a unit name: a level character (市生态环境局), optionally after a place
# name of two or three characters (南阳市财政局, 邓州市), optionally with 委 for party organs
# (市委组织部). 城乡/城市/城区 and 市场/乡村/区域/县域/乡镇 are words, not levels.
LEVEL_PREFIX = re.compile(
    r"^(?P<prefix>(?:[\u4e00-\u9fff]{2,3}?)?(?<!城)[省市县区州旗镇乡](?![场村域镇]))(?P<party>委(?!员))?"
)
# A unit that is only a place and its level stands for a government and may take the suffix
# of the next unit (邓州市、淅川县、内乡县、西峡县政府 -> 邓州市政府 …).
DIVISION_ONLY = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}?)(?<!城)[省市县区州旗镇乡](?![场村域镇])"
    rf"(?:[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}]{{1,8}}[{re.escape(CLOSERS)}])?$"
)
# A bare level, alone or with 各 and a bracketed gloss (各市, 县（市、区）, 自治区), and the
# same at the start of a unit (县（市、区）人民政府): a run of bare levels takes the suffix of
# the level unit that ends it, and 各 distributes over the run (各市、县（市、区）人民政府 ->
# 各市人民政府, 各县（市、区）人民政府; 各省、自治区、直辖市人民政府).
_LEVEL = (
    r"各?(?:自治区|自治州|自治县|自治旗|直辖市|[省市县区州旗镇乡](?![场村域镇]))"
    rf"(?:[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}]{{1,8}}[{re.escape(CLOSERS)}])?"
)
BARE_LEVEL = re.compile(_LEVEL)
LEVEL_UNIT = re.compile(rf"^{_LEVEL}(?=.)")
# Endings of a department, which takes the level prefix in force (发展和改革委员会 ->
# 市发展和改革委员会); governments, divisions and generic units do not.
DEPARTMENT_SUFFIX = re.compile(
    r"(?:局|委员会|委|办公室|办|室|中心|部|厅|处|署|站|队|所|院|馆)"
    rf"(?:[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}]{{1,12}}[{re.escape(CLOSERS)}])*$"
)
# Institutions named by their own proper name never take a distributed prefix
# (南阳师范学院, not 市南阳师范学院).
OWN_NAME_SUFFIX = re.compile(r"(?:学院|大学|学校|中学|小学|医院|公司|集团|银行|协会|商会|[省市县区州]委)$")
# Suffixes of party organs, which take a party prefix (市委组织部、宣传部 -> 市委宣传部).
PARTY_ORGAN_SUFFIX = re.compile(r"部$")

# Starts of a numbered item, at the start of a line of the cleaned text: 1. / 1、 / （一） /
# 一、 / 第一条 / ①.
ITEM_START = re.compile(
    r"^[ \t\u3000]*(?:\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百\d]{1,4}[条项]|[①-⑳])",
    re.MULTILINE,
)
# Characters that end a sentence: the task of an in-text construction is its sentence.
SENTENCE_END = "。！？!?；;\n"
