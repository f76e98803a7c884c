"""One number grammar for the numbers of reports, parsed exactly.

It reads Arabic numbers (half- or full-width, thousands separators, decimals, ``.5``), Chinese
numerals (一千五百万, 二〇三五, 七十八点二), financial and traditional numerals (壹贰叁, 陸, 兩,
萬, 億), mixed forms (5万4千6百, 1千零1, 8千), magnitudes (百, 千, 万, 亿, 万亿, 万万) folded in with
Decimal (283.9亿 -> 28390000000, not 28389999999.999996), a sign (-, −, 负), 百分之X / 千分之X /
万分之X, fractions (三分之一), and, in :func:`parse_quantity`, ranges with a shared magnitude
(十八至三十万元 -> [180000, 300000]), units, 元角分 composites and qualifiers (约, 以上, 多).

Where cn2an is right we use it: a group below 万 written only in Chinese numerals (一千五百,
两千六, 二〇三五, 七十八点二) is read by ``cn2an.cn2an(group, "normal")``. Everything around
those groups is ours, because cn2an rejects or misreads it (README, "Numbers": the comparison
table): magnitudes above a group (一点二亿, 1.2万亿, 四万万, 一亿五), Arabic digits with 千/百,
signs and percents in running text, ranges, units. cn2an never sees running text either, because
cn2an.transform rewrites words (一般 -> 1般, 一带一路 -> 1带1路).

Colloquial tails: a single digit after a magnitude, with no 零 between, is the next magnitude
down (三万五 = 35000, 九十二万四 = 924000, 一亿五 = 150000000), as in speech and as cn2an reads
it below 万 (两千六 = 2600).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache

import cn2an

from .units import UNIT_TABLE, unit_at_end

# --- the characters of numbers (data) --------------------------------------------------------

# Full-width digits and signs -> ASCII; · is a decimal point in older transcriptions (19·5％);
# − (U+2212) is a minus.
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％－＋·−", "0123456789.,%-+.-")
# Financial (大写) and traditional numerals -> the plain ones that cn2an reads.
CN_VARIANTS = str.maketrans(
    "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟兩倆萬億點幺〇○",
    "一二二三三四五六六七八九十百千两两万亿点一零零",
)
# Both of the above in one table (their sources are disjoint and neither maps onto the other's).
NORMALISE = {**FULL_WIDTH, **CN_VARIANTS}
# Old forms of tens that cn2an reads only alone: expanded before parsing (廿二 -> 二十二).
OLD_TENS = {"廿": "二十", "卅": "三十"}
# Chinese digits after normalisation, and all characters of a Chinese numeral as written.
CN_DIGITS = "零一二两三四五六七八九"
CN_DIGIT_VALUES = {d: Decimal(i) for i, d in enumerate("零一二三四五六七八九")} | {"两": Decimal(2)}
CN_SMALL_UNITS = {"十": Decimal(10), "百": Decimal(100), "千": Decimal(1000)}
CN_NUMERAL_CHARS = (
    "〇○零一二两三四五六七八九十百千万亿点廿卅幺壹贰貳叁參肆伍陆陸柒捌玖拾佰仟兩倆萬億點"
)
# Big magnitudes: they close a group of four digits.
WAN, YI = Decimal(10) ** 4, Decimal(10) ** 8
# Sign words at the start of a number.
SIGNS = {"-": -1, "+": 1, "负": -1, "正": 1}
# Words that make the number after them a rate: 百分之五 = 5 %, 千分之三 = 3 ‰.
RATE_WORDS = {"百分之": "%", "千分之": "‰", "万分之": "‱"}
# An Arabic number after normalisation: digits, thousands groups, decimals, or a bare .5.
ARABIC = re.compile(r"^[+-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)$")
# A group below 万 that mixes Arabic digits and 千/百/十 (5千6百, 1千零1, 3百), tokenised.
GROUP_TOKEN = re.compile(rf"\d+(?:\.\d+)?|[{CN_DIGITS}]|[十百千]|点[\d{CN_DIGITS}]+")
# A fraction: 三分之一, 3分之2 (the denominator first).
FRACTION = re.compile(r"^(?P<den>[^分]+)分之(?P<num>.+)$")
# Range marks between two numbers (6%～7%, 十八至三十万元, 1万元-5万元); the longest first.
RANGE_MARKS = ("——", "到", "至", "～", "~", "—", "-", "–", "〜")
# Qualifiers written before a number (约110万, 超110万名) and after it (6%以上, 7.0左右): data
# shared with nlp/rules/indicator_cues.py. Longest first wherever they are matched.
PREFIX_QUALIFIERS = (
    "约", "大约", "近", "将近", "接近", "超", "超过", "逾", "达", "高达", "多达",
    "不低于", "不少于", "不超过", "不高于", "不足", "不到", "至少",
)  # fmt: skip
SUFFIX_QUALIFIERS = ("及以上", "以上", "以下", "以内", "左右", "上下", "之内")
# "More than" between a number and its magnitude or unit (六千多万, 3900多家, 1.5万余亩).
APPROXIMATE_INFIXES = "多余餘"
# 元角分: money in yuan, jiao and fen; 块/圆 are 元, 毛 is 角, 整/正 closes a sum (壹元整).
MONEY = re.compile(
    r"^(?:(?P<yuan>[^元块圆角毛分]+)(?:元|块钱|块|圆))?"
    r"(?:(?P<jiao>[^元块圆角毛分]+)(?:角|毛))?(?:(?P<fen>[^元块圆角毛分]+)分)?(?:钱|整|正)?$"
)


class NumberError(ValueError):
    """The string is not a number this module reads; the message names the string and why."""


# --- numbers ---------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """``text`` with spaces removed, full-width, financial and traditional forms made plain.

    Example: ``normalise("壹仟 贰佰") -> "一千二百"``."""
    text = text.strip().translate(NORMALISE).replace(" ", "").replace("\u3000", "")
    if "廿" in text or "卅" in text:
        for old, new in OLD_TENS.items():
            text = text.replace(old, new)
    return text


def parse_number(text: str) -> Decimal:
    """The exact value of one number, magnitude words folded in.

    Args:
        text: "283.9亿", "1,500", "１５００万", "一千五百万", "三万五", "5万4千6百", "负3.9",
            "百分之五", "三分之一", "壹佰贰拾", ".5".

    Returns:
        A Decimal. Example: ``parse_number("2.6万亿") -> Decimal("2600000000000")``.

    Raises:
        NumberError: for text that is not one number (a word, a range, 10.1万零100).
    """
    normal = normalise(text)
    if ARABIC.match(normal):  # the common case, read directly: nothing in _parse_words applies
        return _arabic(normal)
    return _parse_words(normal)


@lru_cache(maxsize=4096)
def _parse_words(text: str) -> Decimal:
    """A normalised number that is not plain Arabic. Memoised: reports repeat the same few (一,
    五, 两, 一九五八) thousands of times; a Decimal is immutable, so every caller may share it."""
    if not text:
        raise NumberError("not a number: empty text")
    sign = SIGNS.get(text[0]) if len(text) > 1 else None
    if sign is not None:
        body = text[1:]
        if body[0] in SIGNS:
            raise NumberError(f"not a number: two signs in {text!r}")
        return sign * _parse_words(body)
    for word in RATE_WORDS:
        if text.startswith(word):
            return _parse_words(text[len(word):])
    fraction = FRACTION.match(text)
    if fraction:
        denominator = _parse_words_or_arabic(fraction.group("den"))
        if denominator == 0:
            raise NumberError(f"not a number: denominator zero in {text!r}")
        with localcontext() as context:
            context.prec = 17  # as many digits as a float keeps
            return _parse_words_or_arabic(fraction.group("num")) / denominator
    return _fold(text)


def _parse_words_or_arabic(text: str) -> Decimal:
    return _arabic(text) if ARABIC.match(text) else _parse_words(text)


def _arabic(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as error:
        raise NumberError(f"not a number: {text!r}") from error


def _fold(text: str) -> Decimal:
    """A number with magnitudes: groups below 万 joined by 万 and 亿 (一千三百八十七亿四千万,
    四万万, 2.6万亿, 三万五, 5万4千6百)."""
    parts = re.split("([万亿])", text)  # group, magnitude, group, magnitude, …, group
    total = section = Decimal(0)  # the 亿 part so far; the part below 亿 so far
    last_magnitude: Decimal | None = None
    closed = False  # a decimal group took a magnitude (10.1万): nothing may follow but magnitudes
    seen_wan = False  # a group took 万 below the current 亿
    for i in range(0, len(parts), 2):
        group = parts[i]
        magnitude = parts[i + 1] if i + 1 < len(parts) else None
        if group:
            if closed:
                raise NumberError(f"not a number: digits after a decimal with its magnitude in {text!r}")
            if i and group[0] in CN_SMALL_UNITS:
                raise NumberError(f"not a number: {group[0]} without a digit after {parts[i - 1]} in {text!r}")
            if group[0] == "点" and magnitude is None and i:
                section += _fraction(group[1:], text)  # 一万点五: the decimals of the whole number
                continue
            if i and group == "两":
                raise NumberError(f"not a number: 两 after a magnitude is the unit tael or unclear in {text!r}")
            digits = group.split("点")[0].lstrip("零")
            if len(parts) > 1 and len(digits) > 1 and all(ch in CN_DIGITS for ch in digits):
                raise NumberError(f"not a number: two digits side by side, an approximation ({text!r})")
            value, tail_digit, has_zero, decimal = _group(group, text)
            if magnitude is None and tail_digit and not has_zero and last_magnitude is not None:
                value = value * last_magnitude / 10  # 三万五: the next magnitude down
            if magnitude is not None and decimal:
                closed = True
        elif i == 0:
            raise NumberError(f"not a number: a magnitude without a digit in {text!r}")
        else:
            value = None
        if magnitude == "万":
            if value is None:  # 万万 (四万万) or 万 after 亿 without digits
                if parts[i - 1] != "万":
                    raise NumberError(f"not a number: misplaced 万 in {text!r}")
                section *= WAN
                last_magnitude = YI
                continue
            if seen_wan:
                raise NumberError(f"not a number: two 万 groups in {text!r}")
            section += value * WAN
            seen_wan = True
            last_magnitude = WAN
        elif magnitude == "亿":
            below = section + (value or 0)
            if value is None and parts[i - 1] == "亿":  # 亿亿
                total *= YI
            elif total and not below:
                raise NumberError(f"not a number: misplaced 亿 in {text!r}")
            else:
                if total:
                    raise NumberError(f"not a number: two 亿 groups in {text!r}")
                total = below * YI
            section, seen_wan = Decimal(0), False
            last_magnitude = YI
        elif value is not None:
            section += value
    return total + section


def _fraction(digits: str, whole: str) -> Decimal:
    """The decimals after 点 (五 -> 0.5, 123 -> 0.123)."""
    if not digits or any(not (ch.isdigit() or ch in CN_DIGIT_VALUES) for ch in digits):
        raise NumberError(f"not a number: misplaced 点 in {whole!r}")
    return Decimal("0." + "".join(ch if ch.isdigit() else str(CN_DIGIT_VALUES[ch]) for ch in digits))


def _group(group: str, whole: str) -> tuple[Decimal, bool, bool, bool]:
    """A group below 万: ``(value, is one digit, starts with 零, has a decimal point)``.

    Pure Chinese groups go to cn2an; groups with Arabic digits are read here (5千6百, 1千零1)."""
    has_zero = group[0] == "零" and len(group) > 1 and group[1] != "点"
    body = group.lstrip("零") if has_zero else group
    tail_digit = len(body) == 1 and (body in CN_DIGITS or body.isdigit())
    if ARABIC.match(body):
        return _arabic(body), tail_digit, has_zero, "." in body
    if all(ch in CN_DIGITS or ch in CN_SMALL_UNITS or ch == "点" for ch in body):
        return _chinese(body, whole), tail_digit, has_zero, "点" in body
    return _mixed_group(body, whole), False, has_zero, "." in body or "点" in body


@lru_cache(maxsize=4096)
def _chinese(group: str, whole: str) -> Decimal:
    """A group of Chinese numerals below 万, read by cn2an ("normal" mode reads 两, 〇 and the
    colloquial 两千六)."""
    if group.count("点") > 1 or group.startswith("点") or group.endswith("点"):
        raise NumberError(f"not a number: misplaced 点 in {whole!r}")
    digits = group.split("点")[0]
    if len(digits) > 1 and all(ch in CN_DIGITS for ch in digits) and "两" in digits:
        raise NumberError(f"not a number: 两 inside a string of digits in {whole!r}")
    if any(ch in CN_SMALL_UNITS for ch in digits) and re.search(f"[{CN_DIGITS[1:]}]{{2}}", digits):
        raise NumberError(f"not a number: two digits side by side, an approximation ({whole!r})")
    if group[0] in "百千":
        group = "一" + group  # 百分之百: cn2an reads 十 alone, not 百
    try:
        value = cn2an.cn2an(group, "normal")
    except (ValueError, KeyError, IndexError) as error:
        raise NumberError(f"not a number: {whole!r}") from error
    # cn2an returns floats for decimals; its str() is the digits as written (一点二 -> 1.2).
    return Decimal(str(value))


def _mixed_group(group: str, whole: str) -> Decimal:
    """A group below 万 with Arabic digits and 千/百/十 (5千6百 = 5600, 1千零1 = 1001, 8千, 5千6 =
    5600: a single last digit is the next unit down, as in :func:`_fold`)."""
    tokens = GROUP_TOKEN.findall(group)
    if "".join(tokens) != group:
        raise NumberError(f"not a number: {whole!r}")
    value, pending, last_unit, zero, tail_digit = Decimal(0), None, None, False, False
    for token in tokens:
        if token == "零":
            zero = True
        elif token in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[token]
            if last_unit is not None and unit >= last_unit:
                raise NumberError(f"not a number: {token} after a smaller unit in {whole!r}")
            value += (pending if pending is not None else Decimal(1)) * unit
            pending, last_unit, zero = None, unit, False
        elif token.startswith("点"):
            if pending is None and last_unit is not None and token is tokens[-1]:
                pending = _fraction(token[1:], whole)  # 一百点123 = 100.123
            elif pending is None or pending != pending.to_integral_value():
                raise NumberError(f"not a number: misplaced 点 in {whole!r}")
            else:
                pending += _fraction(token[1:], whole)
            tail_digit = False
        else:
            if pending is not None:
                raise NumberError(f"not a number: two numbers side by side in {whole!r}")
            pending = _arabic(token) if token[0].isdigit() else CN_DIGIT_VALUES[token]
            if pending != pending.to_integral_value() and value:
                raise NumberError(f"not a number: a decimal after a unit in {whole!r}")
            tail_digit = len(token) == 1 and not zero and last_unit is not None
    if pending is not None:
        value += pending * last_unit / 10 if tail_digit else pending
    return value


def is_chinese_numeral(text: str) -> bool:
    """Whether ``text`` is written in Chinese numerals (一千五百万, 两, 二〇三五, 陆)."""
    return bool(text) and not text.strip(CN_NUMERAL_CHARS)  # nothing left: every character is one


def to_json_number(value: Decimal) -> int | float:
    """int when the value is integral, else float (the JSON of SPEC.md).

    Example: ``to_json_number(Decimal("28390000000.0")) -> 28390000000``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# --- quantities: number or range, unit, qualifier --------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value as a report states it: ``value`` is a Decimal or a ``(low, high)`` range, ``unit``
    and ``unit_class`` come from the unit table (nlp/rules/units.py), ``qualifier`` is the word
    of approximation or bound as written (约, 以上, 多) or None."""

    value: Decimal | tuple[Decimal, Decimal]
    unit: str | None
    unit_class: str | None
    qualifier: str | None = None


def parse_quantity(text: str) -> Quantity:
    """A whole value: qualifiers, one number or a range, and a unit.

    Args:
        text: "283.9亿元", "十八至三十万元", "6%～7%", "约110万人", "3900多家", "123元1角1分",
            "2个百分点左右", "千分之三", "负3.9%".

    Returns:
        A :class:`Quantity`. Example: ``parse_quantity("十八至三十万元")`` ->
        ``Quantity(value=(Decimal("180000"), Decimal("300000")), unit="元", unit_class="measure")``.

    Raises:
        NumberError: where the text is no value of this shape (also a range whose low end is above
            its high end).
    """
    body = normalise(text)
    if not body:
        raise NumberError("not a quantity: empty text")
    qualifiers: dict[str, str] = {}
    prefix = _longest_prefix(body, PREFIX_QUALIFIERS)
    if prefix and len(body) > len(prefix):
        qualifiers["prefix"] = prefix
        body = body[len(prefix):]
    suffix = next((q for q in sorted(SUFFIX_QUALIFIERS, key=len, reverse=True) if body.endswith(q)), None)
    if suffix and len(body) > len(suffix):
        qualifiers["suffix"] = suffix
        body = body[: -len(suffix)]
    money = _money(body)
    if money is not None:
        return Quantity(money, "元", "measure", _qualifier(qualifiers))
    for word, unit in RATE_WORDS.items():
        if body.startswith(word) or body[:1] in SIGNS and body[1:].startswith(word):
            if _find_range_mark(body) is None:
                return Quantity(parse_number(body), unit, "rate", _qualifier(qualifiers))
    if FRACTION.match(body) and _find_range_mark(body) is None:
        return Quantity(parse_number(body), None, "rate", _qualifier(qualifiers))
    mark = _find_range_mark(body)
    if mark is not None:
        low_text, high_text = body[: mark[0]], body[mark[1]:]
        high_number, unit_surface, infix = _split_unit(high_text)
        low_number, low_unit, low_infix = _split_unit(low_text)
        if low_unit and low_unit != unit_surface and UNIT_TABLE[low_unit] != UNIT_TABLE.get(unit_surface):
            raise NumberError(f"not a quantity: two units in the range {text!r}")
        if low_infix or infix:
            qualifiers["infix"] = infix or low_infix
        low, high = parse_range(low_number, high_number)
        unit, unit_class = UNIT_TABLE.get(unit_surface, (None, None)) if unit_surface else (None, None)
        if unit is None and low_text.startswith("百分之"):
            unit, unit_class = "%", "rate"
        return Quantity((low, high), unit, unit_class, _qualifier(qualifiers))
    number, unit_surface, infix = _split_unit(body)
    if infix:
        qualifiers["infix"] = infix
    unit, unit_class = UNIT_TABLE[unit_surface] if unit_surface else (None, None)
    return Quantity(parse_number(number), unit, unit_class, _qualifier(qualifiers))


def parse_range(low_text: str, high_text: str) -> tuple[Decimal, Decimal]:
    """Both ends of a range; a big magnitude written only at the high end applies to the low
    end too when that keeps the range ordered at one scale (十八至三十万 -> 18万 to 30万, 三至五亿,
    一千到两千万), but not when the low end is already larger than the high end's coefficient
    (5000至2万 -> 5000 to 20000).

    Raises:
        NumberError: when either end is no number or the low end exceeds the high end."""
    low, high = parse_number(low_text), parse_number(high_text)
    high_normal = normalise(high_text)
    low_normal = normalise(low_text)
    magnitude = re.search("(万亿|万万|亿|万)$", high_normal)
    if magnitude and not re.search("[万亿]", low_normal) and low_normal[:1] not in ("-", "负"):
        coefficient_text = high_normal[: magnitude.start()]
        if coefficient_text and not re.search("[万亿]", coefficient_text):
            coefficient = parse_number(coefficient_text)
            if low < coefficient:
                low = low * parse_number("1" + magnitude.group())
    if low > high:
        raise NumberError(f"not a range: {low_text!r} is above {high_text!r}")
    return low, high


def _split_unit(text: str) -> tuple[str, str | None, str | None]:
    """``text`` as (number, unit surface or None, approximation infix or None): 3900多家 ->
    ("3900", "家", "多"); 六千多万 -> ("六千万", None, "多")."""
    unit = unit_at_end(text)
    number = text[: len(text) - len(unit)] if unit else text
    infix = None
    if number and number[-1] in APPROXIMATE_INFIXES:
        infix, number = number[-1], number[:-1]
    elif len(number) > 2 and number[-2] in APPROXIMATE_INFIXES and number[-1] in "万亿":
        infix, number = number[-2], number[:-2] + number[-1]
    if infix == "餘":
        infix = "余"
    if not number:
        raise NumberError(f"not a quantity: no number in {text!r}")
    return number, unit, infix


def _find_range_mark(text: str) -> tuple[int, int] | None:
    """Where the range mark between two numbers is: not a sign at the start, not inside a word."""
    for i in range(1, len(text) - 1):
        for mark in RANGE_MARKS:
            if text.startswith(mark, i) and i + len(mark) < len(text):
                before = text[i - 1]
                if before.isdigit() or before in CN_NUMERAL_CHARS or before in "%‰" or unit_at_end(text[:i]):
                    return i, i + len(mark)
    return None


def _money(text: str) -> Decimal | None:
    """元角分 composites (123元1角1分 = 123.11, 壹元整 = 1, 5毛钱 = 0.5), or None for other text.
    A lone 元 is a plain unit and left to the unit table, as is a lone 分 (points, minutes)."""
    match = MONEY.match(text)
    if not match or not any(match.group(g) for g in ("yuan", "jiao", "fen")):
        return None
    parts = [g for g in ("yuan", "jiao", "fen") if match.group(g)]
    plain_yuan = parts == ["yuan"] and not text.endswith(("整", "正", "块钱", "块", "圆", "圆整"))
    if plain_yuan or parts == ["fen"] or parts == ["jiao"] and not text.endswith("钱"):
        return None
    value = Decimal(0)
    for group, factor in (("yuan", Decimal(1)), ("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
        if match.group(group):
            number = parse_number(match.group(group))
            if group != "yuan" and not (0 <= number < 10 and number == number.to_integral_value()):
                raise NumberError(f"not a sum of money: {number} {group} in {text!r}")
            value += number * factor
    return value


def _longest_prefix(text: str, words: tuple[str, ...]) -> str | None:
    return max((w for w in words if text.startswith(w)), key=len, default=None)


def _qualifier(found: dict[str, str]) -> str | None:
    """The qualifier of a value: the trailing one where there is one (以上 in 超过5%以上 is the
    bound the text settles on), else the infix (多), else the prefix (约)."""
    return found.get("suffix") or found.get("infix") or found.get("prefix")
