"""Numbers as reports write them, parsed exactly: Arabic (half- or full-width, with thousands
separators and decimals), Chinese numerals (一千五百万, 两万亿, 二〇三五, 一点二亿), 百分之X,
and magnitude words folded in with Decimal (283.9亿 -> 28390000000, not 28389999999.999996).

cn2an does one job here: it reads an isolated Chinese-numeral string without 万/亿. Those are
split off first, because cn2an fails on 1.2万亿 and 一点二亿; it never sees running text,
because cn2an.transform rewrites words (一般 -> 1般, 一带一路 -> 1带1路). Plain Arabic numbers
are read by Decimal directly; everything else is memoised (see ``_parse_words``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

# Full-width digits and signs -> ASCII, for parsing only (spans keep the text as written).
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％－＋·", "0123456789.,%-+.")
# Characters of a Chinese numeral (digits, 〇/零, positional words, the decimal point 点).
CN_DIGITS = "〇零一二两三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGITS + "十百千万亿点幺壹贰叁肆伍陆柒捌玖拾佰仟兩萬億點"
# Traditional and financial forms that cn2an does not read, mapped to the plain ones.
CN_VARIANTS = str.maketrans("兩萬億點幺", "两万亿点一")
# Both of the above in one table (their sources are disjoint and neither maps onto the other's).
NORMALISE = {**FULL_WIDTH, **CN_VARIANTS}
# Magnitude words, largest first: splitting at the largest leaves parts cn2an can read.
MAGNITUDES = (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))
# Magnitudes that may follow an Arabic number directly (3千万 is 3 × 千 × 万).
SMALL_MAGNITUDES = {"千": Decimal(1000), "百": Decimal(100)}
# An Arabic number: digits, optional thousands groups, optional decimals.
ARABIC = re.compile(r"^[+-]?\d+(?:,\d{3})*(?:\.\d+)?$")


class NumberError(ValueError):
    """The string is not a number this module reads."""


def parse_number(text: str) -> Decimal:
    """The exact value of a number with optional magnitude words.

    Args:
        text: "283.9亿", "1,500", "１５００万", "一千五百万", "两万亿", "百分之五", "二〇三五".

    Returns:
        A Decimal. Example: ``parse_number("2.6万亿") -> Decimal("2600000000000")``.

    Raises:
        NumberError: for text that is not a number.
    """
    text = text.strip().translate(NORMALISE).replace(" ", "")
    if ARABIC.match(text):  # the common case, read directly: nothing in _parse_words applies
        return _arabic(text)
    return _parse_words(text)


@lru_cache(maxsize=4096)
def _parse_words(text: str) -> Decimal:
    """A normalised number that is not plain Arabic: 百分之X, magnitude words, Chinese numerals.
    Memoised: reports repeat the same few (一, 五, 两, 一九五八) thousands of times, and cn2an
    validates its input on every call; a Decimal is immutable, so every caller may share it."""
    if not text:
        raise NumberError("empty number")
    if text.startswith("百分之"):
        return parse_number(text[3:])
    for word, factor in MAGNITUDES:
        head, sep, tail = text.partition(word)
        if sep:
            high = parse_number(head) if head else Decimal(1)
            low = parse_number(tail.lstrip("零〇")) if tail.strip("零〇") else Decimal(0)
            return high * factor + low
    if text[-1] in SMALL_MAGNITUDES and ARABIC.match(text[:-1]):
        return _arabic(text[:-1]) * SMALL_MAGNITUDES[text[-1]]
    if all(ch in CN_NUMERAL_CHARS for ch in text):
        return _chinese(text)
    raise NumberError(f"not a number: {text!r}")


def _arabic(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as error:
        raise NumberError(f"not a number: {text!r}") from error


def _chinese(text: str) -> Decimal:
    """A Chinese numeral without 万/亿, read by cn2an ("normal" mode reads 两 and 〇)."""
    if text.count("点") > 1 or text.startswith("点") or text.endswith("点"):
        raise NumberError(f"not a number: {text!r}")
    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError) as error:
        raise NumberError(f"not a number: {text!r}") from error
    # cn2an returns floats for decimals; its str() is the digits as written (一点二 -> 1.2).
    return Decimal(str(value))


def is_chinese_numeral(text: str) -> bool:
    """Whether ``text`` is written in Chinese numerals (一千五百万, 两, 二〇三五)."""
    return bool(text) and not text.strip(CN_NUMERAL_CHARS)  # nothing left: every character is one


def to_json_number(value: Decimal) -> int | float:
    """int when the value is integral, else float (the JSON of SPEC.md).

    Example: ``to_json_number(Decimal("28390000000.0")) -> 28390000000``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
