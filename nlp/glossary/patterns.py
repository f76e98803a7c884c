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

# A whole line that titles a glossary section: an optional annex or list prefix (附件4：, 三、,
# （二）), an optional document name in 《》 with 有关/相关, a section word, an optional colon.
SECTION_TITLE = re.compile(
    r"(?:附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:、.．]?\s*"
    r"|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]\s*)?"
    r"(?:《[^》\n]{1,40}》\s*)?(?:有关|相关)?"
    rf"(?:{'|'.join(SECTION_WORDS)})"
    r"\s*[：:]?"
)

# A table-of-contents line: a title followed by a tab, dots or spaces and a page number.
TOC_LINE = re.compile(r".*(?:\t|…{2,}|\.{3,}|·{3,}|\s{2,})\s*\d{1,4}\s*$")

# The numbering that opens an entry: 1. / 1、/ 1．/ （1）/ (1) / 1) / ① … , then spacing.
ENTRY_NUMBER = re.compile(
    r"(?P<num>(?P<n1>\d{1,3})\s*[.、．](?!\d)|[（(]\s*(?P<n2>\d{1,3})\s*[）)]|(?P<n3>\d{1,3})[)）]"
    r"|(?P<circled>[①-⑳]))[ \t\u3000\u00a0]*"
)

# Quotation marks around a term, opening -> closing.
QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}

# A quoted head: the quoted core, then up to this many characters of suffix before the
# separator (“3+2+4”高端制造业产业体系。 → core 3+2+4).
MAX_HEAD_SUFFIX = 12

# The longest term read from an unquoted head (12. 两个确保：指…).
MAX_TERM_LENGTH = 20

# Separators between term and definition, longest first. Punctuation is dropped; a verb that
# follows it (指/即/是) stays in the definition, as in the reports (四美乡村：指农村环境美…).
PUNCT_SEPARATORS = ("：", ":", "。", "，", ",")
VERB_SEPARATORS = ("是指", "指", "即")
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
# X是指… / X：指… at a clause start (X unquoted, short) or quoted.
INLINE_MEANS = re.compile(
    r"(?:(?<=^)|(?<=[。；;！？\n]))[“‘]?(?P<term>[^“”‘’\n，,。；;：:（(]{2,12}?)[”’]?"
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
