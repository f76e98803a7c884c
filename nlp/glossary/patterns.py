"""Patterns and word lists of the glossary package: data only; extract.py, aliases.py,
analyse.py and candidates.py hold the logic.

Example::

    >>> bool(SECTION_TITLE.fullmatch("《政府工作报告》有关词语注释"))
    True
"""

from __future__ import annotations

import re

# The words that name a glossary section (the title may wrap them: 附件4：名词解释).
SECTION_WORDS = ("名词解释", "名词注解", "名词注释", "词语注释", "词语解释", "术语解释", "注释")

# A whole line that titles a glossary section: an optional annex or list prefix (附件4：, 附：, 三、,
# （二）), an optional document name in 《》 with 有关/相关, a section word, an optional colon.
SECTION_TITLE = re.compile(
    r"(?:附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:、.．]?\s*|附\s*[：:]\s*"
    r"|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]\s*)?"
    r"(?:《[^》\n]{1,40}》\s*)?(?:有关|相关)?"
    rf"(?:{'|'.join(SECTION_WORDS)})"
    r"\s*[：:]?"
)

# A table-of-contents line: a title followed by a tab, dots or spaces and a page number.
TOC_LINE = re.compile(r".*(?:\t|…{2,}|\.{3,}|·{3,}|\s{2,})\s*\d{1,4}\s*$")

# The numbering that opens an entry: 1. / 1、/ 1．/ （1）/ (1) / 1) / ① / （一）… , then spacing.
ENTRY_NUMBER = re.compile(
    r"(?P<num>(?P<n1>\d{1,3})\s*[.、．](?!\d)|[（(]\s*(?P<n2>\d{1,3})\s*[）)]|(?P<n3>\d{1,3})[)）]"
    r"|(?P<circled>[①-⑳])|[（(](?P<chinese>[一二三四五六七八九十]{1,3})[）)])[ \t\u3000\u00a0]*"
)

# Quotation marks around a term, opening -> closing; straight quotes (ASCII and full width)
# open and close alike, and a messy file may open a term with a closing quote (”两个确保”);
# some layouts bracket the term instead (【三线一单】指…).
QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "＂": "＂", "”": "”", "【": "】", "〖": "〗"}

# A quoted head: the quoted core, then up to this many characters of suffix before the
# separator (“3+2+4”高端制造业产业体系。 → core 3+2+4).
MAX_HEAD_SUFFIX = 12

# The longest term read from an unquoted head (12. 两个确保：指…).
MAX_TERM_LENGTH = 20

# Separators between term and definition, longest first. Punctuation is dropped; a verb that
# follows it (指/即/是) stays in the definition, as in the reports (四美乡村：指农村环境美…).
PUNCT_SEPARATORS = ("：", ":", "。", "，", ",")
# A dash between term and definition (双减——指…), longest first; dropped like punctuation.
DASH_SEPARATORS = ("——", "--", "—")
VERB_SEPARATORS = ("是指", "指", "即")
# A gap that separates a quoted head from its definition, as a table or a typist leaves it
# (“链长制”  由各级…): two spaces or more, a tab or an ideographic space. One space is none (a
# layout artefact inside “万人助万企” 活动。).
SPACE_SEPARATOR = re.compile(r"[ \t\u3000]*(?:  |\t|\u3000)[ \t\u3000]*")
# Of the punctuation separators, these only separate a quoted head (“两个确保”。); an unquoted
# head needs a colon or a verb (两个确保，指…).
QUOTED_ONLY_SEPARATORS = ("。", "，", ",")

# Sentence-final punctuation: an entry that is cut off at the end of a file lacks it.
SENTENCE_END = "。！？!?；;.…）)”"

# Characters that never occur inside an unquoted term.
TERM_STOP = re.compile(r"[，,。；;！？!?（(《》\n]")

# Inline definitions in body text (the groups are named as the extractor reads them):
# “X”，即…  /  “X”即…  — the definition runs to the end of the clause.
INLINE_QUOTED_IE = re.compile(r"[“‘](?P<term>[^“”‘’\n，。；]{2,15})[”’]\s*[，,]?\s*(?P<def>即[^。；;\n]{2,200})")
# X是指… / X：指… at a clause start (X unquoted, short) or quoted, after a circled number if any.
INLINE_MEANS = re.compile(
    r"(?:(?<=^)|(?<=[。；;！？\n]))(?:[①-⑳][ \u3000]*)?[“‘]?(?P<term>[^“”‘’\n，,。；;：:（(]{2,12}?)[”’]?"
    r"(?:[：:](?=指)|(?=是指))(?P<def>(?:是指|指)[^。；;\n]{2,200})",
    re.M,
)
# X（即…）
INLINE_PAREN_IE = re.compile(r"[“‘](?P<term>[^“”‘’\n，。；]{2,15})[”’]\s*[（(](?P<def>即[^）)\n]{2,200})[）)]")
# A full name followed by （简称X） or （以下简称X）: X is the term, the full name its definition.
INLINE_SHORT_NAME = re.compile(
    r"(?P<def>[^，,。；;：:、\n（()）“”]{4,40})[（(](?:以下)?简称[“‘]?(?P<term>[^“”‘’《》（）()\n，。]{2,12}?)[”’]?[）)]"
)
# A quoted numbered name with its members in brackets, inside or after the quotes:
# “五特（花、药、菌、果、茶）” / “五特”（花、药、菌、果、茶）.
INLINE_MEMBERS = re.compile(
    r"[“‘](?P<term>[^“”‘’\n，。；（()）]{2,10}?)(?:[”’]\s*)?[（(](?P<def>[^（()）\n。；“”]{1,80}?、[^（()）\n。；“”]{1,80}?)[）)]"
)

# Inline regexes that the engine tries at every position (they start with a class or a
# lookbehind, not a literal) and whose matches never span a line break: each with a regex for
# what every match holds. They are searched only in the lines that hold it.
INLINE_LINE_CUES = {
    INLINE_MEANS: re.compile("指"),
    INLINE_SHORT_NAME: re.compile("简称"),
}

# Chinese numerals that open a numbered formulation, with their values.
NUMERAL_VALUES = {
    "一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "百": 100, "千": 1000, "万": 10000,
}  # fmt: skip
NUMERALS = "".join(NUMERAL_VALUES)

# Measure words between a numeral and its noun (四个意识, 五项保障, 十大战略).
MEASURE_WORDS = "个项大条种张类支批"
# Measure words that are spelling variants of each other (五个保障 = 五项保障); the alias key
# writes them all as the first.
INTERCHANGEABLE_MEASURES = "个项"

# Generic words that reports put after a slogan and that do not change what it names
# (“万人助万企”活动, 17110 工作制度).
GENERIC_SUFFIXES = ("活动", "工作", "制度", "机制", "行动", "工程", "模式", "布局", "体系", "企业", "建设")

# Punctuation and spacing that the alias key ignores (人人持证，技能河南 = 人人持证、技能河南).
KEY_IGNORED = re.compile(r"[\s“”‘’「」『』\"'、，,·•．.。：:；;!！?？]")

# A bracketed gloss after a name, which the alias key drops (五特（花、药、菌、果、茶） → 五特).
TRAILING_GLOSS = re.compile(r"(?<=\S)[（(][^（()）]*[）)]$")

# Verbs and fillers that open a definition before its list of members (指政治意识、…), after
# an optional label naming the part (“三不”是指不出事、…; 两园即西平生态湿地公园、…).
MEMBER_LEAD = re.compile(
    r"^(?:[“‘]?[^、，“”]{1,6}?[”’]?(?=是指|即)(?:是指|即))?(?:是指|指|即|是|包括|实施|打造|推进|开展)?"
)
# Words that join the last two members of a list (责任清单、…、单位主体责任和公民社会责任).
MEMBER_JOINERS = re.compile(r"以及|和|及|与")

# Who coined a formulation: a party or government body, then (within the clause) a verb of
# proposing (指市委提出的…, 是省委作出的重要决策, 卧龙区委…会议提出).
COINED_BY = re.compile(
    r"(?P<who>(?:[^\W\d_指是即由委府省市县区的]{2,4}(?=[省市县区]委|[省市县区]政府))?"
    r"(?:中共中央|党中央|国务院|中央|[省市县区]委(?:[省市县区]政府)?|[省市县区]政府))"
    r"[^，,。；;]{0,40}?(?:提出|作出|部署|确定|制定|印发)"
)

# --- Definitions mined from running text (nlp.glossary.mine) ---

# Chinese numerals that a numbered formulation may open with, as one run (十二, 两, 四).
NUMERAL_RUN = "一二两三四五六七八九十百千"
# Numerals that open a formulation only when it is quoted (“双碳”, “双减”; 双方 and 双边 are
# words), with their values.
QUOTED_NUMERALS = {"双": 2}
# A numbered formulation written without quotes: a numeral run, an optional measure word and a
# short name; several may be joined by 、 (一个中心、两个基本点). The name stops before a
# particle, so 四项基本原则的 keeps 四项基本原则.
_NUMBERED_NAME = rf"[{NUMERAL_RUN}]+[{MEASURE_WORDS}]?[^\W\d{NUMERAL_RUN}的地得了是即就指和与及，、]{{1,7}}"
NUMBERED_FORMULATION = re.compile(rf"(?:{_NUMBERED_NAME})+(?:、(?:{_NUMBERED_NAME})+)*")

# The wordings that introduce a definition, with the confidence each gives a mined entry whose
# term is quoted or numbered (the members-count check then raises or lowers it).
DEFINITION_CUES = ("指的是", "也就是", "就是", "是指", "即", "指")
# What follows 即 / 就是 / 指 when they do not define (即使, 即将, 即可, 指导, 指出; 就是说 stays a cue).
_NOT_AFTER_指 = "导令向出示挥定标引南责数望明日"
NOT_A_CUE = re.compile(rf"即(?:使|将|可|便|刻|时|日|位|兴|席)|是?指[{_NOT_AFTER_指}]")

# A quoted term, an optional short suffix (的方针, 的办法, 战略), an optional comma or opening
# bracket, then a cue: “五定”，即定建设规模，… / “三保三压”的方针，即保计划内建设，… / “六稳”指稳就业、… /
# “放管服”改革（即简政放权、放管结合、优化服务）, where the definition ends at the closing bracket.
MINED_QUOTED = re.compile(
    r"[“‘「『](?P<term>[^“”‘’「」『』\n，。；：:]{2,15})[”’」』]"
    r"(?P<suffix>的?[^\W\d，。；“”‘’「」]{0,3}?)[ \u3000]*(?P<open>[，,]|[（(])?[ \u3000]*"
    rf"(?P<cue>{'|'.join(DEFINITION_CUES)})(?P<def>[^。！？!?\n]{{2,400}})"
)
# Where a definition opened by a bracket ends.
CLOSING_BRACKET = re.compile(r"[）)]")
# 所谓X，就是… / 所谓“X”，也就是… : the term may be unquoted (所谓平衡，就是…).
MINED_SO_CALLED = re.compile(
    r"所谓[ \u3000]*[“‘「『]?(?P<term>[^“”‘’「」『』\n，。；：:\s]{2,12}?)[”’」』]?[ \u3000]*[，,]?[ \u3000]*"
    r"(?P<cue>也就是|就是|是指|即|指的是)(?!说)(?P<def>[^。！？!?\n]{2,400})"
)
# An unquoted numbered formulation closing its clause, then a cue: 坚持四项基本原则，即坚持…
MINED_NUMBERED = re.compile(
    rf"(?P<term>{NUMBERED_FORMULATION.pattern})[ \u3000]*[，,：:]?[ \u3000]*"
    r"(?P<cue>也就是|就是|即)(?P<def>[^。！？!?\n]{2,400})"
)
# An unquoted noun opening a clause, then 是指 / 指的是: 人民是指拥护社会主义的…
MINED_MEANS = re.compile(
    r"(?:^|(?<=[。；;！？!?\n，,]))(?P<term>[^\W\d]{2,8}?)(?P<cue>是指|指的是)(?P<def>[^。！？!?\n]{2,300})",
    re.M,
)
# Characters that never occur in a mined unquoted term: pronouns, demonstratives and
# conjunctions (这个意见是指…, 如果…是指… define nothing).
MINED_TERM_STOP = re.compile(r"[这那此该其它他她我你您们如果但而并且就也都还又所谓要在对把被从向为以由与和及或不没]")
# The full name of an organisation or a document, then （简称X） / （以下简称X） or ，简称X.
MINED_SHORT_NAME = re.compile(
    r"(?P<def>[^，,。；;：:、\n（()）“”《》]{4,40}|《[^》\n]{2,40}》)[ \u3000]*"
    r"(?:[（(](?P<cue>以下简称|简称)[“‘「]?(?P<term>[^“”‘’「」《》（）()\n，。]{2,12}?)[”’」]?[）)]"
    r"|[，,](?P<cue2>以下简称|简称)[“‘「](?P<term2>[^“”‘’「」《》（）()\n，。]{2,12}?)[”’」])"
)
# Where a list of members is split: clauses first, then items of one clause.
MEMBER_CLAUSES = re.compile(r"[，,；;]")
MEMBER_ITEMS = re.compile(r"[、，,；;]")

# Confidence of a mined definition by how it was found (data, not logic: tune here).
MINED_CONFIDENCE = {
    "members": 0.95,  # a numbered formulation whose members count agrees with its numeral
    "members_before": 0.9,  # members listed before their numbered name, count agreeing
    "short_name": 0.9,  # 全称（简称X）
    "quoted": 0.85,  # “X”，即… / “X”是指… / “X”指的是… (not numbered)
    "quoted_is": 0.7,  # “X”就是… (也 is a claim as often as a definition)
    "so_called": 0.8,  # 所谓X，就是…
    "means": 0.6,  # X是指… with X unquoted
    "members_mismatch": 0.4,  # a numbered formulation whose members do not add up
    "inline": 0.85,  # an inline definition that nlp.glossary.extract reads (“X”，即… , “五特”（…）)
}
# Mined entries below this confidence are not returned by mine_definitions.
MIN_MINED_CONFIDENCE = 0.5
# A mined definition is cut here when nothing shorter ends it.
MAX_MINED_DEFINITION = 200
# Members listed before their numbered name: 工业振兴、城镇提质…“五大工程” /
# 阶级斗争、生产斗争和科学实验三大革命运动. The list starts at a clause start; the name has a
# measure word (三大, 五项, 四个) and ends at punctuation or 的 (so 四个方面进行清理 is not read
# as a name); the members must add up to its numeral.
MINED_MEMBERS_BEFORE = re.compile(
    r"(?:^|(?<=[，,。；;：:！？!?\n（(]))(?P<def>[^\W\d，。；：、“”]{1,30}(?:、[^\W\d，。；：、“”]{1,20}){1,20}?"
    r"(?:(?:和|及|与|以及)[^\W\d，。；：、“”]{1,20}?)?)(?P<quote>[“‘])?"
    rf"(?P<term>[{NUMERAL_RUN}]+[{MEASURE_WORDS}][^\W\d{NUMERAL_RUN}的地得了是和与及，、”’]{{1,6}}?)"
    r"(?=[”’，,。；;、：:）)\n的])",
    re.M,
)
# Unquoted, a numbered name after a list is a count of the things listed (三大主导产业：…, not a
# slogan, ANNOTATION.md) unless its head names a policy: then it is a formulation (四个现代化,
# 三大革命运动, 五项原则).
FORMULATION_HEADS = (
    "原则", "运动", "现代化", "工程", "行动", "战略", "机制", "保障", "责任", "支撑", "方针", "政策", "制度",
    "革命", "意识", "自信", "服务", "清单", "规定", "禁令", "精神", "理念", "主张", "纪律", "作风", "攻坚战",
)  # fmt: skip
# Words that a listed member never contains at its start: pronouns, modal verbs and
# prepositions show that the clause says more than the list (它负责统筹安排…, 于甘蔗…).
LIST_MEMBER_STOP = re.compile(r"[它这那我你他们如果应该只就于从由要将已了地着]")
# Words a list ends with before the name (群众业余这三个方面, 联合经营等十个方面).
LIST_TAIL_WORDS = "等这的"
# Verbs and prepositions that open a clause before its first listed member (在…、…五项原则 →
# the first member starts after 在); the longest that opens the clause is removed.
LIST_LEAD_WORDS = (
    "深入开展", "大力发展", "积极发展", "加快发展", "深入实施", "全面实施", "协调推进", "继续压实", "进一步开放",
    "开展", "实施", "实现", "推进", "推动", "坚持", "围绕", "聚焦", "强化", "加强", "打造", "建设", "发展", "培育",
    "形成", "提出", "落实", "用好", "抓好", "搞好", "做好", "紧盯", "按照", "根据", "依据", "通过", "包括", "组织",
    "在", "把", "将", "从", "对", "以", "为", "和", "即", "是", "有",
)  # fmt: skip
# A quoted numbered term followed by a colon or bracket and its members: “两个确保”：确保…、确保…
MINED_QUOTED_MEMBERS = re.compile(
    rf"[“‘](?P<term>[{NUMERAL_RUN}{''.join(QUOTED_NUMERALS)}][^“”‘’\n，。；（()）]{{1,10}}?)[”’](?P<suffix>[^\W\d，。；“”‘’（()）]{{0,3}}?)"
    r"[ \u3000]*(?P<cue>[：:]|[（(](?:即|指|是指)?)"
    r"(?P<def>[^。！？!?\n（()）]{2,300})"
)

# --- Whether a mention stands on its own (nlp.glossary.standalone) ---

# Characters before a numeral that make it a determiner, an ordinal or part of a number rather
# than the start of a formulation: 这一中心工作, 第一, 统一, 二十五湖, 3五.
NUMBER_CONTEXT = "这那该此每其某同唯统之逐任第本单" + NUMERALS + "0123456789０１２３４５６７８９"
# Words of the general dictionary (jieba's, which the package depends on) that a mention may sit
# inside or cut through: idioms (五湖四海), place names (三河市), longer words. Rare entries are
# left out: they are mostly compounds that cut slogans by accident.
MIN_WORD_FREQUENCY = 10
# The longest dictionary word considered (idioms and most compounds).
MAX_WORD_LENGTH = 6
# Quotation marks that delimit a mention: a quoted mention always stands on its own.
OPENING_QUOTES = "“‘「『\"＂"
CLOSING_QUOTES = "”’」』\"＂"

# --- Other glossary layouts (nlp.glossary.extract) ---

# What a web page leaves after the last entry (editor's line, share and print buttons): a line
# that starts with it ends the section, and a definition is cut where it begins.
WEB_RESIDUE = re.compile(
    r"(?:责任编辑|编辑|来源|发布时间|浏览次数)[ \u3000]*[：:]|扫一扫|在手机打开|打印本页|关闭窗口|【打印】|【关闭】"
    r"|分享到|【字体[:：]|字号[:：]"
)
# A quoted core inside a label: 生态环境领域“三线一单” → 三线一单.
QUOTED_CORE = re.compile(r"[“‘「『]([^“”‘’「」『』\n]{1,20})[”’」』]")
# Two quoted terms in one label: “双减”和“双增” (each term gets the entry).
JOINED_TERMS = re.compile(r"[“‘「『](?P<a>[^“”‘’「」『』\n]{1,20})[”’」』]\s*(?:和|与|及|、|以及)\s*"
                          r"[“‘「『](?P<b>[^“”‘’「」『』\n]{1,20})[”’」』]")
# How a clause never opens when it is a member of a spelled-out formulation: pronouns and
# connectives show that the sentence goes on (…，这是任务，要努力).
NOT_A_MEMBER_OPENING = re.compile(r"^(?:[这那要并而但所因如就也还它其]|以便|从而)")
# A clause that opens like this ends a definition in running text: the sentence moves on to
# a consequence or a comment (…的爱国人士，也就是说…; …粮食供应，这就要求…).
DEFINITION_END_CLAUSE = re.compile(r"[，,；;](?=所以|因此|因而|这|那么|但是|然而|也就是说|从而|否则|可见)")
