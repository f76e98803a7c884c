"""Number parsing and the unit table (pure functions, no pipeline)."""

from decimal import Decimal

import pytest

from nlp.rules.numbers import NumberError, is_chinese_numeral, parse_number, to_json_number
from nlp.rules.units import normalise_unit

# fmt: off
NUMBERS = [
    ("283.9亿", Decimal("28390000000")),
    ("1,500", Decimal("1500")),
    ("1，120亿", Decimal("112000000000")),
    ("１５００万", Decimal("15000000")),
    ("１４．１", Decimal("14.1")),
    ("19·5", Decimal("19.5")),
    ("2.6万亿", Decimal("2600000000000")),
    ("1.2万亿", Decimal("1200000000000")),
    ("3千万", Decimal("30000000")),
    ("一千五百万", Decimal("15000000")),
    ("两万亿", Decimal("2000000000000")),
    ("一点二亿", Decimal("120000000")),
    ("一千三百八十七亿四千万", Decimal("138740000000")),
    ("三亿零五百万", Decimal("305000000")),
    ("二〇三五", Decimal("2035")),
    ("百分之五", Decimal("5")),
    ("百分之十二点八", Decimal("12.8")),
    ("两", Decimal("2")),
    ("-5.26", Decimal("-5.26")),
]
# fmt: on


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_parse(text, expected):
    assert parse_number(text) == expected


def test_numbers_fold_exactly():
    # 283.9 * 1e8 in floats is 28389999999.999996
    assert to_json_number(parse_number("283.9亿")) == 28390000000
    assert to_json_number(parse_number("19.58亿")) == 1958000000


def test_numbers_json_types():
    assert isinstance(to_json_number(Decimal("8.0")), int)
    assert to_json_number(Decimal("8.4")) == 8.4
    assert isinstance(to_json_number(Decimal("8.4")), float)


@pytest.mark.parametrize("text", ["", "一般", "G312", "1.2.3", "点五"])
def test_numbers_reject(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_numbers_chinese_numeral_test():
    assert is_chinese_numeral("一千五百万")
    assert not is_chinese_numeral("一般")
    assert not is_chinese_numeral("15万")


# fmt: off
UNITS = [
    ("个百分点", ("百分点", "rate")), ("％", ("%", "rate")), ("千瓦时", ("千瓦时", "measure")),
    ("平方公里", ("平方公里", "measure")), ("人次", ("人次", "count")), ("家", ("家", "count")),
    ("天", ("天", "time")), ("噸", ("吨", "measure")), (None, (None, None)),
]
# fmt: on


@pytest.mark.parametrize("surface,expected", UNITS)
def test_units_normalise(surface, expected):
    assert normalise_unit(surface) == expected
