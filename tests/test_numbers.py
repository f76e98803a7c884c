"""Number parsing and the unit table (pure functions, no pipeline)."""

from decimal import Decimal

import cn2an
import pytest

from nlp.rules import numbers
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


# Plain Arabic numbers take the fast path (Decimal directly, no cn2an). Expected values are those
# of the general path before the fast path existed, as str(): the exponent is kept (3.00, 8.0).
# fmt: off
ARABIC_NUMBERS = [
    ("１２３", "123"), ("１，２３４", "1234"), ("１，２３４．５", "1234.5"),  # full-width
    ("1,234,567.89", "1234567.89"), ("1,500", "1500"),  # thousands separators
    ("3.00", "3.00"), ("8.0", "8.0"), ("0.5", "0.5"), ("19·5", "19.5"), ("007", "7"),  # decimals
    ("-5.26", "-5.26"), ("－５．２６", "-5.26"), ("+3", "3"), ("＋３", "3"), ("-0.5", "-0.5"),  # signs
    (" 12 ", "12"), ("1 500", "1500"),  # spaces
    ("283.90亿", "28390000000.00"), ("1.5万", "15000.0"), ("３千", "3000"),  # with magnitudes
]
# fmt: on


@pytest.mark.parametrize("text,expected", ARABIC_NUMBERS)
def test_numbers_arabic_fast_path(text, expected):
    assert str(parse_number(text)) == expected


@pytest.mark.parametrize("text", ["1,23", "5,0000", "+-3", "3-", "1.2.3", "1,000."])
def test_numbers_arabic_reject(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_numbers_cn2an_only_for_chinese_once(monkeypatch):
    calls = []

    def counting(text, mode):
        calls.append(text)
        return real(text, mode)

    real = cn2an.cn2an
    monkeypatch.setattr(cn2an, "cn2an", counting)
    numbers._parse_words.cache_clear()
    numbers._chinese.cache_clear()
    assert [parse_number(t) for t in ("1,500", "２０３５", "-5.26", "283.9亿")] == [
        Decimal("1500"), Decimal("2035"), Decimal("-5.26"), Decimal("28390000000"),
    ]
    assert calls == []
    assert [parse_number(t) for t in ("一千五百万", "一千五百万", "五", "五", "两亿")] == [
        Decimal("15000000"), Decimal("15000000"), Decimal("5"), Decimal("5"), Decimal("200000000"),
    ]
    assert calls == ["一千五百", "五", "两"]
    numbers._parse_words.cache_clear()


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


# --- properties ------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from nlp.components.indicators import find_indicators  # noqa: E402
from nlp.rules.numbers import parse_quantity, parse_range  # noqa: E402

INTEGERS = st.integers(min_value=0, max_value=10**16 - 1)
POSITIVE_DECIMALS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)


@given(INTEGERS)
def test_numbers_round_trip_chinese(n):
    # cn2an.an2cn writes the numeral (its own code, the inverse of the reader we use below 万)
    assert parse_number(cn2an.an2cn(n, "low")) == n


@given(INTEGERS)
def test_numbers_round_trip_financial(n):
    assert parse_number(cn2an.an2cn(n, "up")) == n


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_numbers_round_trip_colloquial_and_mixed(high, low):
    # 三万五 (one digit after a magnitude is the next magnitude down) and 5万4千6百 (Arabic + 千/百)
    digit = low % 9 + 1
    assert parse_number(f"{cn2an.an2cn(high)}万{cn2an.an2cn(digit)}") == high * 10**4 + digit * 1000
    thousands, hundreds = divmod(low // 100, 10)
    text = f"{high}万" + (f"{thousands}千" if thousands else "") + (f"{hundreds}百" if hundreds else "")
    assert parse_number(text) == high * 10**4 + thousands * 1000 + hundreds * 100


@given(POSITIVE_DECIMALS, st.sampled_from(["万", "亿", "万亿"]))
def test_numbers_round_trip_arabic_magnitude(value, magnitude):
    factor = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[magnitude]
    assert parse_number(f"{value}{magnitude}") == value * factor


@given(st.integers(min_value=1, max_value=9998), st.integers(min_value=1, max_value=9998), st.sampled_from(["至", "到", "～", "-", "—"]))
def test_numbers_range_ordered_and_shared_magnitude(a, b, mark):
    # 十八至三十万元: the magnitude of the high end is shared by the low end
    low, high = sorted((a, b))
    high += 1
    quantity = parse_quantity(f"{cn2an.an2cn(low)}{mark}{cn2an.an2cn(high)}万元")
    assert quantity.value == (low * 10**4, high * 10**4) and quantity.unit == "元"


@settings(max_examples=200)
@given(st.text(alphabet="0123456789一二三五十百千万亿至到-～%元.", min_size=1, max_size=12))
def test_numbers_any_range_is_ordered(text):
    try:
        quantity = parse_quantity(text)
    except NumberError:
        return
    if isinstance(quantity.value, tuple):
        assert quantity.value[0] <= quantity.value[1]


@given(POSITIVE_DECIMALS, st.sampled_from(["-", "－", "−", "负"]))
def test_numbers_sign_never_lost(value, sign):
    assert parse_number(f"{sign}{value}") == -value
    assert parse_quantity(f"{sign}{value}%").value == -value
    assert parse_number(f"负{cn2an.an2cn(value)}") == -value
    assert parse_range(f"{sign}{value}", f"{value}") == (-value, value)


@settings(max_examples=30, deadline=None)
@given(POSITIVE_DECIMALS, st.sampled_from(["-", "－", "−", "负"]))
def test_numbers_sign_never_lost_in_text(value, sign):
    text = f"单位生产总值能耗增速为{sign}{value}%。"
    ((_start, _end, attrs),) = find_indicators(text)
    assert Decimal(str(attrs["value"])) == -value and attrs["unit"] == "%"
