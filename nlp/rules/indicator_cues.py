"""Regexes and word lists for numeric indicators: the shapes of values, the cue words of
``kind``, ``target`` and ``period``, and what marks a number as *not* an indicator.

Only data lives here; nlp/components/indicators.py applies it. Traditional forms sit next to
the simplified ones, because the older national reports are transcribed in traditional script.

Speed: re skips ahead to where a match can start only for a pattern whose every alternative
opens with a literal character (or that opens with a class); one that opens with a lookbehind
or an optional group is tried in full at every position. So a lookbehind comes after the
character it guards (为(?<![作行]为), not (?<![作行])为), and a pattern that has to open otherwise
starts with a lookahead on the characters it can start with (PERIOD, COMPARISON_BASE), which
fails at once at most positions. Keep those lists, and PERIOD_ANCHOR, complete when adding
alternatives.
"""

from __future__ import annotations

import re
import string

from .numbers import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS
from .units import UNIT_FIRST_CHARS, UNIT_PATTERN

# --- number shapes -------------------------------------------------------------------------

# An Arabic number: half- or full-width digits, thousands groups, decimals, an optional sign
# where the text writes one (-5.26%, −2.1%, 负3.9%). Older transcriptions write the decimal point
# as · (19·5％). Arabic digits may carry 千/百/万/亿 and go on (5万4千6百, 1千零1): the number
# grammar (nlp/rules/numbers.py) checks what the pattern lets through.
_SIGN = r"(?:(?<![0-9０-９.．])[-－−](?=[0-9０-９])|负(?=[0-9０-９〇零一二两三四五六七八九十]))"
_ARABIC_DIGITS = r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．·][0-9０-９]+)?"
ARABIC_NUMBER = (
    rf"{_SIGN}?{_ARABIC_DIGITS}"
    r"(?:(?:[万萬亿億千百](?:零)?|零)[0-9０-９]+(?![.．·][0-9０-９]))*"
)
# The characters a Chinese numeral may start with (a digit, not just 万/千), and all of its
# characters but the decimal point; financial and traditional forms included (壹, 貳, 陸, 兩, 倆).
_CHINESE_NUMBER_FIRST = "〇○零一二两三四五六七八九十兩倆廿卅壹贰貳叁參肆伍陆陸柒捌玖拾"
_CHINESE_NUMBER_CHARS = _CHINESE_NUMBER_FIRST + "百千万亿萬億佰仟"
# After 千, these make it the start of a unit (千瓦, 千克, 千伏), not a numeral; before 米 it is a
# magnitude (两千米 = 2000 米, as cn2an reads it).
_KILO_UNIT_SECOND = "瓦克伏卡焦帕赫"
# A Chinese numeral (一千五百万, 两, 二〇三五, 一点二, 陸佰); it must hold a digit, not just 万/千.
CHINESE_NUMBER = (
    rf"(?:负)?(?=[{_CHINESE_NUMBER_FIRST}])"
    rf"(?:[{_CHINESE_NUMBER_CHARS.replace('千', '').replace('仟', '')}]|[千仟](?![{_KILO_UNIT_SECOND}]))+"
    r"(?:[点點][〇○零一二两三四五六七八九]+)?"
)
# 百分之X: a percentage written in words (百分之五, 百分之十二点八).
PERCENT_WORDS = r"(?:百分之|千分之|万分之)"
# 三分之一, 3分之2: the numerator after the denominator read first.
FRACTION_WORDS = r"分之"
# Magnitude words after an Arabic number (a Chinese numeral carries its own). Here and in
# QUALIFIER_SUFFIX a lookahead on the first characters makes the optional groups of VALUE fail at
# once after most numbers.
_MAGNITUDE_FIRST = "千百万亿萬億"
MAGNITUDE = rf"(?=[{_MAGNITUDE_FIRST}])(?:[千百]?(?:万亿|亿|万)|萬億|億|萬|千(?![万分{_KILO_UNIT_SECOND}])|百(?![万分]))"
# A magnitude of 千 or 百 alone: after an Arabic number only with a unit (8千元, 5百元; not
# 110千伏, 3百年).
SMALL_MAGNITUDE = re.compile(r"[千百]")
MAGNITUDE_WORD = re.compile(MAGNITUDE)
# A big magnitude inside a number (三十万, 5万4千): the number is an amount even without a unit.
BIG_MAGNITUDE = re.compile("[万萬亿億]")
# "About / more than" between the number and its unit (130多项, 3900多家, 1.5万余亩).
_APPROXIMATE_CHARS = "多余餘"
APPROXIMATE_INFIX = f"[{_APPROXIMATE_CHARS}]"
# Qualifiers that follow the value and belong to its span (6%以上, 7.0左右, 3%以内).
_QUALIFIER_FIRST = "".join(dict.fromkeys(q[0] for q in SUFFIX_QUALIFIERS))
QUALIFIER_SUFFIX = (
    rf"(?=[{_QUALIFIER_FIRST}])(?:" + "|".join(sorted(SUFFIX_QUALIFIERS, key=len, reverse=True)) + ")"
)
# Qualifiers written before a value (约110万人, 超110万名, 不低于5%): not part of the span
# (ANNOTATION.md: the span is the number, its magnitude, unit and a trailing qualifier), kept as
# the value's ``qualifier``. Matched at the end of the text before the value.
QUALIFIER_PREFIX = re.compile(
    "(?:" + "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True)) + ")$"
)
# Range dashes inside one span (6.5%－7%, 3至5亿元, 3－4个).
_RANGE_DASH_CHARS = "-－—–~～〜至到"
RANGE_DASH = f"(?:——|[{_RANGE_DASH_CHARS}])"

# 百分之百: 百 alone is a number only after a rate word.
_NUMBER = rf"(?:{ARABIC_NUMBER}|{CHINESE_NUMBER}|(?<=分之)百(?![分万亿千]))"
# One value: number, magnitude, unit, an optional range tail, an optional qualifier.
VALUE = re.compile(
    rf"(?P<pct>{PERCENT_WORDS})?(?P<n1>{_NUMBER})(?:{FRACTION_WORDS}(?P<fnum>{_NUMBER}))?"
    rf"(?P<m1>{MAGNITUDE})?(?P<u1>{UNIT_PATTERN})?"
    rf"(?:(?P<dash>{RANGE_DASH})(?P<pct2>{PERCENT_WORDS})?(?P<n2>{_NUMBER})(?P<m2>{MAGNITUDE})?)?"
    rf"(?P<approx>{APPROXIMATE_INFIX})?(?P<m3>{MAGNITUDE})?(?P<u2>{UNIT_PATTERN})?"
    rf"(?P<qual>{QUALIFIER_SUFFIX})?"
)
# The characters a VALUE starts with (百分之, a sign, an Arabic digit, a Chinese numeral). re
# tries a pattern that opens with a group or a lookaround at every position of the text; a
# search for the *_START character skips to the few places where the pattern can match
# (nlp/components/indicators.py, _matches). Only those followed by a character that can
# continue a VALUE (the rest of the number, 分 of 百分之, a magnitude, unit, range dash, 多/余 or
# qualifier) or by 、 are searched for: a lone digit anywhere else (一 of 统一, 一些, 之一) is a
# bare number, and a bare number counts only in an enumeration (…、).
_VALUE_CONTINUATION = re.escape(
    "0123456789０１２３４５６７８９,，.．·点點分" + _CHINESE_NUMBER_CHARS + _MAGNITUDE_FIRST + UNIT_FIRST_CHARS
    + _RANGE_DASH_CHARS + _APPROXIMATE_CHARS + _QUALIFIER_FIRST
)
VALUE_START = re.compile(
    rf"[百\-－−0-9０-９{_CHINESE_NUMBER_FIRST}](?=[{_VALUE_CONTINUATION}、])|[千万]分之|负(?=[0-9０-９{_CHINESE_NUMBER_FIRST}])"
)
# A ratio of three or more parts (13.2:38.6:48.2, 13.1:48.7：38.2), or of two parts to 1
# (城乡居民收入比 2.35:1); the colon may also be the ratio sign ∶ (U+2236) that word processors
# insert. Two parts to anything else (8:30, 3:2) are too often times or scores.
_RATIO_COLON = "[:：∶]"
_RATIO_PART = r"\d+(?:\.\d+)?"
RATIO = re.compile(
    rf"(?<![0-9.]){_RATIO_PART}(?:(?:{_RATIO_COLON}{_RATIO_PART}){{2,}}|{_RATIO_COLON}1(?![0-9.]))"
    rf"(?![0-9:：∶])"
)
# Where a RATIO can start: a number followed by a colon and a digit (rare, unlike digits).
RATIO_START = re.compile(rf"\d[\d.]*{_RATIO_COLON}\d")
# A colon and a digit, which every ratio holds: most texts have none and are not searched for
# ratios. One pattern a colon, because re skips to one literal character far faster than to a
# class of them.
RATIO_COLONS = (re.compile(r":\d"), re.compile(r"：\d"), re.compile(r"∶\d"))
# What separates the parts of a ratio.
RATIO_SEPARATOR = re.compile(_RATIO_COLON)
# A rank: a ranking verb, a short scope (全市, 全省), then 第N (居全市第一位, 跃升至全省第13名);
# or 第N名 on its own.
RANK = re.compile(
    r"(?:(?:位居|位列|跃居|跃升至|上升至|升至|排名|排在|保持|居|列)"
    r"[^，,。；;！？、\n第]{0,8}"
    r"(?P<span>第(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)(?P<suffix>名|位)?)"
    r"|(?P<span2>第(?P<n2>[0-9０-９]+|[一二三四五六七八九十]+)名))"
)
# The ranking verbs and 第: where a RANK can start.
RANK_START = re.compile(r"位居|位列|跃居|跃升至|上升至|升至|排名|排在|保持|居|列|第")

# --- not indicators ------------------------------------------------------------------------

# A Latin letter next to the number: codes and identifiers (G312, PM2.5, 5G, 5A级).
# Half- and full-width (0xFEE0 above ASCII); a set, as it is tested on one character.
CODE_NEIGHBOUR = frozenset(string.ascii_letters + "".join(chr(ord(c) + 0xFEE0) for c in string.ascii_letters))
# Characters before a Chinese numeral that make it part of a word (统一, 唯一, 之一, 第一批) or an
# unknown amount (数十个国家, 几十万, 上万).
WORD_BEFORE_CHINESE_NUMBER = set("第统唯之初逐单专同任某这那哪几幾此其每各万千百十数數上")
# Zero written alone in Chinese counts nothing in running text (零部件, 零增长, 〇).
ZERO_WORDS = frozenset("零〇○")
# Counted formulations: a count followed by the head of a fixed set of ideas, tasks or stages
# names the set, it measures nothing (和平共处五项原则, 四项基本原则, 三条控制线, 两个积极性,
# 三个世界的理论), as does a count before 大X (三座大山, 三件大事; as N大X in ANNOTATION.md, but not
# 大型/大中型, which describe counted things). Matched at the count's end.
# Units of a specification, not of an amount: a value with one is part of a name
# (110千伏输变电工程, 二十二万伏的高压变压器); they are left out of the unit table.
SPECIFICATION_UNITS = frozenset("伏")
FORMULATION_AFTER = re.compile(
    r"(?:基本|重大|重要|主要|根本|战略|总体)?"
    r"(?:原则|方针|路线|基本点|中心|战略|任务|方面|层次|世界|积极性|主动性|自信|意识|文明|现代化|"
    r"大山|大事|控制线|红线|底线|阶段|步走|环节|结合|转变|关系|矛盾|问题|观点|口号|精神|思想|理论|"
    r"主义|作风|纪律|制度|体系|机制|格局|途径|渠道|手段|方式|形式|办法|措施|对策|要求|标准|条件|"
    r"因素|特点|优势|规律|前提|保证|目标|使命|可能|市场|资源|利益|效益|代表|服务|不变|"
    r"会议|全会|中全会|大(?![型中小批量部约多于幅宽规的])|倍增计划)"
)
# Before a count, words that refer to the text's own list (以上十四条, 以下三个方面, 上述两项) or
# divide a whole into parts (分两个阶段, 分为三类): the count is of the text, not of the world.
COUNT_REFERENCE_BEFORE = re.compile(r"(?:以上|上述|下列|以下|如下|前述|下述|上面|下面|分为|分成|划分为|分作|分)$")
# Before a time value, a comparison (比2017年, 较1998年, 与一九五七年): the base of a comparison,
# a date, never a quantity (缩短至5天 is a quantity: 至 is not here).
COMPARISON_BEFORE_TIME = re.compile(r"(?:比|较|与|同|跟)$")
# The first and last years that a four-digit number before 年 is read as (a date, not 2000 years).
YEAR_RANGE = (1000, 2999)
# Numeral + unit compounds that are terms, not counts (三次产业结构, 做好两篇文章, 一起 =
# together); matched at the value's start.
COUNT_TERMS = re.compile(r"(?:[一二三两]次(?:产业|创业|能源|分配|开发)|两篇文章|两手|八项规定|一起)")
# Verbs after which a lone 一 + unit is a count (开展一次专题招商活动), not an article (一个重要).
ONE_COUNT_CUES = re.compile(r"(?:至少|开展|举办|组织|召开|建成|建设|新建|引进|完成|实施)$")
# Words before a value that make it a threshold inside a noun phrase when a noun follows
# (产值超10亿元企业, 年产30万吨高端铝型材).
THRESHOLD_PREFIX = re.compile(r"(?:超过|超|年产|日产|年处理|年加工|装机)$")
# Openers and closers of quotations and titles: a number inside them is part of a name.
QUOTE_PAIRS = {"“": "”", "\"": "\"", "‘": "’", "《": "》", "〔": "〕", "「": "」"}
# The openers that tell where a quotation starts (a straight quote " does not).
QUOTE_OPENER = re.compile("[" + "".join(o for o, c in QUOTE_PAIRS.items() if o != c) + "]")
# A short quotation: a name or slogan, whose words are no cue (“百千万行动计划”入库企业).
QUOTED = re.compile(r"“[^“”\n]{1,24}”")
# Longest quotation whose numbers count as part of a name or slogan.
MAX_QUOTED_NAME = 24
# Time units are indicators only when a time quantity is named before them in the sentence,
# at most this many characters back (空气质量优良天数达283天，比2017年增加23天).
TIME_QUANTITY_WINDOW = 40
TIME_QUANTITY = re.compile(r"天数|日数|年限|寿命|工期|时长|时间|期限|周期|年龄|天$")
# After a time value these make it a time frame (7天内, 30年后, 三年来).
TIME_FRAME_AFTER = re.compile(r"^(?:内|来|以来|后|前|间|期间|之内|左右的)")
# Before a time value these make it a time frame or an ordinal (近三年, 连续14届, 每年).
TIME_FRAME_BEFORE = re.compile(r"(?:近|连续|前|后|每|这|再|延长|历时|用|第|再延长)$")

# --- sentences and clauses -----------------------------------------------------------------

# Ends of sentences: a period, name and target never cross them.
SENTENCE_END = re.compile(r"[。！？!?\n]")
# Ends of clauses inside a sentence.
CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n（）()]")
# A short bracketed gloss inside a noun phrase (执业（助理）医师, 省级智能车间（工厂）): a word
# follows it, and its brackets end no clause. An aside (（不包括手工业产值）, （含…）, （下同）)
# is no gloss.
NAME_GLOSS = re.compile(
    r"[（(](?!不?包括|不?含|下同|按|指|即|其中|注|[一二三四五六七八九十\d]+[）)])"
    r"[^（）()，,；;：:。！？!?\n]{1,8}[）)](?=[\u4e00-\u9fff])"
)
# The name of a completion ratio (超过年度计划4.1%, 完成年度计划的98.7%): the plan, which a value
# after it in the sentence (…，比上一年增长6.9%) does not take as its name.
PLAN_NAME = re.compile(r"^(?:年度|全年|本年)?计划$")
# A rate the sentence names in an earlier clause, before the clause that sets its value
# (确保物价上涨幅度比去年有明显回落，力争控制在15%左右): the name of a % value without one.
EARLIER_RATE_NAME = re.compile(
    r"(?:^|[，,；;：:])(?:确保|保持|使|要|把|力争|争取)?(?P<name>[\u3400-\u9fff]{1,8}?(?:上涨幅度|增长幅度|涨幅|增幅|增长速度|增速))"
)
# A bracketed aside (（不包括手工业产值，下同）, (按1952年不变价格计算)).
PARENTHESIS = re.compile(r"[（(][^（）()]*[）)]")
# What may stand between two values of one enumeration (9.1%、4.0%和4.0%).
RUN_SEPARATOR = re.compile(r"^(?:[、，,和及与]|以及)?$")

# --- kind ------------------------------------------------------------------------------------

# Relative change: with % (or 倍) the value is a growth rate.
GROWTH_CUES = re.compile(
    r"增长率|增长|增速|增幅|年均|增加(?!值)|下降|降低|提高|提升|降幅|涨幅|上涨|回落|递增|上升|减少|增長|上漲|漲幅|遞增"
)
# Growth cues followed by 到/至 state the level reached (从206.3亿元增长到283.9亿元).
TO_LEVEL = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|增長)(?:到|至)(?:[^，,。；;]{0,12}的)?$")
# Absolute change: with an amount the value is a change (新增企业7家, 比2017年增加23天).
CHANGE_CUES = re.compile(r"新增|净增|增加(?!值)|减少|减排|增收|增产|减产|增长|下降|淨增|增長|減少")
# Level cues: the amount reached (新增6家，达到51家) overrides a change cue before it; 为 does
# not (城镇新增就业人数分别为9259人 is a change).
LEVEL_CUES = re.compile(r"达到|达(?!标)|现有|拥有|保持在|稳定在|突破|總|達到")

# --- name ------------------------------------------------------------------------------------

# Verbs that end the indicator's name when they come between it and the value
# (生产总值|完成|283.9亿元); the noun phrase after a verb is its object (完成|造林|2.1万亩).
NAME_VERBS = re.compile(
    r"分别为|分别达到|分别达|分别增长|分别下降|分别提高|分别是|分别"
    r"|增长到|增长至|提高到|提高至|下降到|减少到|减少至|降到|降至|回落到|回落至|优化为|调整为|上升为|下降为|提升至|提升到|"
    r"缩减为|缩减到|压缩为|压缩到|缩小为|缩小到|缩小至|扩大为|扩大到|扩大至|收窄到|收窄至|收窄|"
    r"达到|达(?!标|成|产)|完成(?!率)|实现(?!率)|为(?<![作行成因认]为)|是(?<![但还就也]是)|占(?!地)|突破|超过|"
    r"增长(?!速度|率|幅度)|下降|上涨(?!幅度)|提高|降低|减少|增加(?!值)|新增|净增|减排|累计|控制在|保持在|稳定在|保持|发行|"
    r"建成|新建|改造|修建|培育|获批|获得|引进|吸引|接待|举办|处置化解|化解|开展|落实|现有|拥有|"
    r"達到|為|增長|淨增"
)
# Verbs that stay inside the name (城镇新增就业 5700人, 累计新增城镇就业 3.8万人).
NAME_INNER_CHANGE = re.compile(r"新增|净增")
# Verbs before a rank: the scope after them (全市, 全省) is no name (营商环境|跃升至全省|第13名).
RANK_VERBS = re.compile(r"位居|位列|跃居|跃升至|上升至|升至|排名|排在|保持|居|列")
# A rank of "all of them" (…，均居全市第一): its name is every name before it in the sentence.
RANK_OF_ALL = re.compile(r"均|都")
# Words at the start of the clause that are not part of the name.
NAME_LEADING_NOISE = re.compile(
    r"^(?:[、，,]|其中|同时|另外|此外|目前|当年|今年|去年|全年|和|及|与|以及|已经|已|我们|即|要把|把|"
    r"全县|全区|全市|全省|全国|我县|我区|我市|我省|本县|本区|本市|共计|共有|共|合计|总共|"
    r"[一二三四五六七八九十\d]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])+"
)
# Words at the end of the left context that qualify the value, not the name, and numbers of
# years (连续3年). The lookahead lists the characters they start with (see the module docstring).
_TRAILING_NOISE_WORDS = (
    "分别|均|都|约|近|共|共计|累计|年均|平均每年|每年平均|同比|超过|超|不少于|不低于|不高于|不多于|"
    "不超过|至少|只有|仅|已|已经|全部|总计|达|在|的|了|将|要|可|能|再|又|还|也|就|均在|从|由|未|尚未|"
    "始终|连年|持续|继续|一直|稳定|各|等|虽然|略|平均|接近|将近|则|仍然|仍|依然|高达"
).split("|")
_YEARS_NOISE = r"(?:连续|近)?(?:[一二两三四五六七八九十]|\d)+年"
NAME_TRAILING_NOISE = re.compile(
    "(?=[" + "".join(dict.fromkeys(w[0] for w in _TRAILING_NOISE_WORDS)) + r"连近一二两三四五六七八九十\d])"
    "(?:" + "|".join(_TRAILING_NOISE_WORDS) + "|" + _YEARS_NOISE + ")+$"
)
# The characters that noise ends with: a left context (one line) ending otherwise has none.
NAME_TRAILING_NOISE_LAST = frozenset(w[-1] for w in _TRAILING_NOISE_WORDS) | {"年"}
# Comparison bases are neither names nor periods (较2017年, 比上年, 与上年同期相比, 同口径). The
# lookahead lists the characters they start with (see the module docstring).
COMPARISON_BASE = re.compile(
    r"(?=[较比与同按低高快慢好超达扣考可是])(?:"
    r"(?:较|比|与|同)(?:上年|去年|今年|本年|上一年|前一年|上年同期|去年同期|同期|上半年|年初|上月|上季度"
    r"|(?:[12１２][0-9０-９]{3}|[一二〇零九○][〇零一二三四五六七八九○]{3})年)(?:底|末|初)?"
    r"(?:同期)?(?:预计数?|实际)?(?:相比)?|按可比价格计算|按可比价计算|同比"
    r"|(?:按)?(?:同口径|可比口径)(?:计算)?"
    r"|是(?:上年|去年|(?:[12１２][0-9０-９]{3}|[一二〇零九○][〇零一二三四五六七八九○]{3})年(?:底|末)?)的"
    r"(?=[0-9０-９一二两三四五六七八九十])"  # 是2018年的|9倍
    r"|是[^，,。；;是]{1,12}?的$"  # 是农村居民的|2.42倍, 是全省的|30%: what the value is compared to
    r"|(?:扣除|考虑)[^，,。；;]{0,6}因素(?:后)?"
    r"|(?:低于|高于|快于|慢于|好于|超过|达到)(?:预期|[^，,。；;、\d]{0,6}?(?=\d|[一二两三四五六七八九十]))"
    r"|(?<!不)(?:低于|高于|快于|慢于|好于)[^，,。；;、\d]{0,6}$"  # …、低于南阳市|0.9个百分点 (不低于 is a qualifier)
    r")"
)
# Words that state a plan, an estimate or a comparison, never part of a name: stripped from its
# end (总产值预计 → 总产值, 国民收入也安排为比 → 国民收入, 赤字率拟按 → 赤字率) and start (拟发行 →
# 发行, 拟安排专项债券 → 专项债券).
NAME_TRAILING_CUES = re.compile(
    r"(?:预计|实际|原定|预定|拟定|拟|安排|要求|预期|可以|可能|仍然|又|也|将|要|可|为|按|由|从|(?<!占)比|较|达到|控制|定为|的)+$"
)
NAME_LEADING_CUES = re.compile(
    r"^(?:预计|实际(?!使用|利用|到位)|原定|预定|拟定|拟|安排|要求|力争|争取|确保|也|又|将|要(?=预计|力争|争取|确保|将)|使(?!用)|了(?!解))+"
)
# What is no noun phrase and so no name: a verb, a cue or a bare head word whose noun is
# elsewhere in the sentence (发行, 增产, 总量, 速度, 预计, 两年平均递增).
NOT_A_NAME = re.compile(
    r"^(?:[两二三四五六七八九十]年|今后|过去|平均|每年)*"
    r"(?:发行|增产|减产|增收|增加|减少|增长|下降|提高|降低|递增|上升|回落|总量|速度|预计|计划|实际|安排|要求|"
    r"其中|部分|方面|任务|比|由|到|达到|完成|实现|为|定|它|而且|并且|但是|同时|不仅)+$"
)
# A rate named only by its kind (增幅8.3%, 降幅…收窄3.4个百分点): the rate of the name given
# earlier in the sentence, if any.
RATE_WORD = re.compile(r"增幅|增速|涨幅|降幅|增长率|增长速度")
# Head words that need the topic before them (轻工业，总产值比1980年增长8％ → 轻工业总产值).
BARE_HEAD = re.compile(r"^(?:总产值|产值|产量|总产量|总额|增长速度|速度|收入|投资)$")
# A topic clause: a short noun phrase that the next clause's values are about
# (工农业总产值，比1980年预计增长5.5％; 工农业总产值的增长速度，一九八一年计划为…); not a
# prepositional or time phrase (在编制…规划时) nor a clause with a verb (…比重一直处于).
TOPIC = re.compile(r"^(?![在当对为从由按据根随]|经(?!济))[\u3400-\u9fff、]{2,16}(?<![时后前中上下])$")
TOPIC_VERBS = re.compile(r"处于|是|有|在|持续|不断|进一步|加快|推进|实施|壮大|发展|建设|完成|实现|确保|低于|高于")
# Nouns made of a change verb (增长速度, 上涨幅度): no verb in a topic.
NOMINAL_CHANGE = re.compile(r"(?:增长|上涨|下降)(?:速度|率|幅度)|涨幅|增幅|降幅")
# A clause that only goes on with the value before it (…将增长4.5%，达到603亿元): its value is
# a target when that one is. Matched on the clause's text before the value.
CONTINUING_CLAUSE = re.compile(r"^(?:即|共|合计|总计)?(?:达到|达|为)?$")

# Characters removed from a name (quotes around slogans: “百千万行动计划”入库企业).
NAME_STRIP_CHARS = "“”‘’\"「」《》 \u3000\t"
NAME_STRIP = re.compile(f"[{re.escape(NAME_STRIP_CHARS)}]")
# Characters stripped from the ends of a name.
NAME_EDGE_CHARS = NAME_STRIP_CHARS + "、，,的"
# A name never runs longer than this; the text before is context, not the name.
MAX_NAME_CHARS = 24
# A change verb at the start of the text after a count: no noun phrase follows (…万人增加到…).
CHANGE_VERB_AT_START = re.compile(r"(?:提高|增加|上升|下降|降低|减少|回落|增长|扩大|发展)")
# Characters that stop a noun phrase read after a count (建成19个|美好移民村示范村|，).
FOLLOWING_NAME_STOP = re.compile(
    r"[，,。；;：:！？!?、\n（(]|[0-9０-９]|完成|建成|如期|全部|均|已|达到|实现|进入|跻身|通过|纳入|被|要|将|和"
    r"|持续|不断|稳步|进一步|加快|顺利|全面|基本|正式|相继|陆续|成功|的"
)

# --- target ----------------------------------------------------------------------------------

# Anywhere before the value in its sentence: the sentence states plans (主要预期目标是：…).
TARGET_SENTENCE_CUES = re.compile(
    r"预期目标|目标是|目标为|主要目标|调控目标|力争(?<!全力争)|确保|争取|计划到|规划到|目标任务是|计划规定|规划规定|计划要求|计划草案规定"
)
# In the value's own clause: the value is planned (年度计划投资110亿元, 预计完成…); 预期 is
# left out, it names kinds of indicators (预期性指标13项).
TARGET_CLAUSE_CUES = re.compile(
    r"计划(?!生育|单列)|预计|目标|力争|争取|确保|拟|预定|原定|安排为|预期(?=为|是|在|增长|达到|目标)|增长预期"
    r"|将(?=比|增长|达到|增加|提高|下降|降低|减少|超过|突破)|把[^，,。；;]{1,24}控制在"
)
# In a review section only these make a value a target (一九八一年计划为3.7%，实际达到4.6%);
# 要, 将, 预计, 力争 there tell what was done or is expected of the year under review.
REVIEW_TARGET_CUES = re.compile(r"计划(?!生育|单列)|目标|预定|原定|拟定")
# A sentence restating an earlier target: 去年政府工作报告提出，物价涨幅要从14.8%降到10%左右.
RESTATED_TARGET = re.compile(r"提出")
RESTATED_TARGET_CLAUSE = re.compile(r"要|将|控制在")
# A value that a change starts from (由今年预计的3%提高到4%, 从206.3亿元增长到…): the value after
# it in the clause is the one aimed at. Matched at the value's end; the clause before holds 由/从.
CHANGE_FROM = re.compile(r"(?:的水平)?(?:提高|增加|上升|下降|降低|减少|回落|调整|压缩|扩大|降|升)?(?:到|至)")
# A value a change ends at (由六亿二千万吨增加到八亿五千万吨, 增加到一九八五年的一百七十万人):
# matched on the text before it; its period is the last year of a range (从1980年至1985年).
CHANGE_TO = re.compile(r"(?:提高|增加|上升|下降|降低|减少|回落|增长|扩大|发展|降|升)(?:到|至)(?:[^，,。；;]{0,12}的)?$")
CHANGE_FROM_START = re.compile(r"[由从]")
# A target clause cue after these is a completion ratio, not a plan (占年度计划106%).
TARGET_CLAUSE_BLOCKERS = re.compile(r"占|完成")
# After the value in its clause: the value is a target (低于5.5%的目标要求, 12%左右目标任务);
# matched at the value's end (TARGET_AFTER.match(text, end)).
TARGET_AFTER = re.compile(r"[^，,。；;！？]{0,14}?目标")
# Headings of report parts that state plans (二、2022年工作部署, 三、重点工作, 二、目标任务).
PLAN_HEADING = re.compile(r"任务|部署|安排|目标|举措|重点工作|工作重点|保障措施|总体要求|思路|展望|前景|计划要点")
# The end of a heading's first clause (二、2022年工作部署。…): plan and review words are read before it.
HEADING_CLAUSE_END = re.compile(r"[。，,；;]")
# Headings of parts that review the past win over plan words (一、1998年工作回顾和1999年工作的总体要求).
REVIEW_HEADING = re.compile(r"回顾|成就|成绩|过去|进展|完成情况|执行情况|一年来|五年来|当前的?(?:经济|国内)?形势")
# A heading without a number: a short line alone between blank lines (过去五年的回顾,
# 六五计划前两年的执行情况), matched at the line's start.
UNNUMBERED_HEADING = re.compile(r"(?<=\n\n)[ \t\u3000]*[^\s，。；：,;:！？!?\n]{2,24}[ \t\u3000]*(?=\n\n)")
# A top-level heading: 一、… or 第一部分, at the start of a line; matched from the newline before
# it, which re skips to fast (search "\n" + text to find one on the first line too).
TOP_HEADING = re.compile(r"\n[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|附件[:：]?)")
# The top-level heading of a report that numbers its parts （一）… and has no 一、 heading (the
# reports of 1958 and 1983); elsewhere （一） numbers the parts of a part.
PARENTHESIZED_HEADING = re.compile(r"\n[ \t\u3000]*[（(][一二三四五六七八九十]+[）)]")

# --- period ----------------------------------------------------------------------------------

_YEAR = r"(?:[12１２][0-9０-９]{3}|[一二〇零九][〇零一二三四五六七八九○]{3})年"
_YEAR_WORD = r"今年|去年|明年|本年|当年|全年|上年|次年"
# A range of months (1—9月, 1-10月, 一至三月).
_MONTH_RANGE = r"[0-9一二三四五六七八九十]{1,2}[—－\-~～至][0-9一二三四五六七八九十]{1,2}月份?"
# Parts of a year that name a period without a year before them (前三季度，…; 1—9月，…).
_PART_OF_YEAR_ALONE = rf"上半年|下半年|前三季度|第?[一二三四]季度|前[一二三四五六七八九十\d]+个?月|{_MONTH_RANGE}"
_PART_OF_YEAR = (
    rf"{_MONTH_RANGE}|"
    r"上半年|下半年|前三季度|一季度|二季度|三季度|四季度|第[一二三四]季度|前[一二三四五六七八九十\d]+个?月"
    r"|[0-9一二三四五六七八九十]+月(?:底|末|份)?|底|末|年底|年末|度|以来"
)
_PLAN_PERIOD = r"[“\"]?(?:十[一二三四五]五|[“\"]?[六七八九]五)[”\"]?(?:时期|期间|末|以来|前半程|后半程|前半期|后半期|初|中期)?"
# Time phrases that give a value's period (2021年, 今年前三季度, 1—9月, “十四五”末, 截至11月底, 近三年).
PERIOD = re.compile(
    r"(?=[到至截\d〇零一二三四五六七八九十两今去明本当全上下第次“\"近前每])"  # the first characters
    rf"(?P<to>到|至)?(?P<p>截[至止](?:(?:{_YEAR}|{_YEAR_WORD})(?:{_PART_OF_YEAR})?|[0-9一二三四五六七八九十]+月(?:底|末)?)"
    rf"|(?:{_YEAR}|{_YEAR_WORD})(?:{_PART_OF_YEAR})?"
    rf"|{_PART_OF_YEAR_ALONE}"
    rf"|{_PLAN_PERIOD}"
    rf"|近[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年内|前半期|前半程"
    rf"|每年|每季度|每月|前[一二三四五六七八九十\d]+期)"
)
# A multi-year average or total before a value (两年平均每年递增, 五年合计, “六五”期间平均每年): the
# value is not one year's, and its period says so.
PERIOD_SPAN = re.compile(
    r"(?:(?:今后|过去|这)?[两二三四五六七八九十]+年(?:内|来|间|中)?|[“\"]?[六七八九]五[”\"]?(?:计划)?(?:期间|时期))"
    r"(?:平均每年|每年平均|年平均|平均|合计)"
)

# Every PERIOD match holds one of these characters; a stretch without any is not searched for
# periods (most clauses; PERIOD is slow to search). Keep it in step with PERIOD.
PERIOD_ANCHOR = re.compile(r"[年月五期程季]")
# The start of a range of years before 到/至 (从1980年至1985年): the period is the range, not a
# deadline; matched on the text before 到/至.
RANGE_START = re.compile(rf"(?P<year>{_YEAR})$")
# A change verb before 到/至 (增加到1985年的170万人): 到 belongs to the verb, no deadline.
CHANGE_VERB_BEFORE = re.compile(r"(?:提高|增加|上升|下降|降低|减少|回落|增长|扩大|发展|降|升)$")
# A year inside a period (the last one of 1980年至1985年 is the year a change ends at).
PERIOD_YEAR = re.compile(_YEAR)
# Average words that make a value with a deadline a multi-year average (到1992年，…平均每年增长7.5%).
AVERAGE_WORDS = re.compile(r"平均每年|每年平均|年平均|年均")

# Periods right after these are comparison bases, not periods (较2017年, 比上年), rates
# (平均每年) or price bases (按一九五二年不变价格计算).
PERIOD_BLOCKERS = re.compile(r"(?:较|比|与|同|从|由|于|在|均|按|照)$")
# Periods right before these are part of a name or a date (2021年度最受欢迎, 2022年4月19日).
PERIOD_FOLLOWED_BY_DATE = re.compile(r"^(?:[0-9一二三四五六七八九十]+日|年|年均)")
# What may stand between periods of one enumeration (2021年、2022年和2023年上半年).
PERIOD_SEPARATOR = re.compile(r"^[、，,和及与]$")

# --- tables ----------------------------------------------------------------------------------

# A table header cell naming a year column (2025年, 2023年上半年).
TABLE_YEAR_HEADER = re.compile(rf"^{_YEAR}(?:{_PART_OF_YEAR})?(?:目标|规划|预期|计划)?$")
# A header cell naming the indicator column.
TABLE_NAME_HEADER = re.compile(r"指标|项目|名称")
# A header cell naming a growth column in % (增长（%）, 比上年增长%, 增速(%)).
TABLE_GROWTH_HEADER = re.compile(r"(?:比上年|同比)?(?:增长|增速|增幅)(?:率)?[（(]?[%％][）)]?")
# A header cell naming the unit column (its cells: 亿元, %, 万人).
TABLE_UNIT_HEADER = re.compile(r"(?:计量)?单位")
# Words in a table title or header that make its latest-year column a target.
TABLE_TARGET_WORDS = re.compile(r"目标|规划|预期|计划")
# The value inside a table cell (7.5, 7.0左右, [12], 五年年均增长2.5).
TABLE_CELL_VALUE = re.compile(rf"{ARABIC_NUMBER}(?:{QUALIFIER_SUFFIX})?")
# The qualifier that ends a cell's value (7.0左右), dropped before the number is read.
TABLE_CELL_QUALIFIER = re.compile(rf"(?:{QUALIFIER_SUFFIX})$")
# The plan word that ends a year header (2025年目标): the period is the header without it.
TABLE_HEADER_PLAN_SUFFIX = re.compile(r"(?:目标|规划|预期|计划)$")
# A unit written in brackets in a row label (地区生产总值增长（%）, 每万人发明专利拥有量（件）).
TABLE_LABEL_UNIT = re.compile(r"[（(]([^（）()]{1,8})[）)]")
