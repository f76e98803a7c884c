"""The case table of the number grammar (tests/data/number_cases.tsv): every form read by
``parse_quantity`` with its exact value, unit and qualifier, or rejected with one NumberError.

Rows name where the form comes from: ``seeds`` (the five seed reports), ``national`` (the national
reports 1954–1999, as printed), ``cn2an`` (a convention cn2an documents and tests), ``issue``
(issue 14) or ``rejected``. Values were written by reading the form; a float compares as JSON
writes it (``to_json_number``)."""

import json
from pathlib import Path

import pytest

from nlp.rules.numbers import NumberError, parse_number, parse_quantity, to_json_number

CASES = Path(__file__).parent / "data" / "number_cases.tsv"


def _cases():
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip("\t"):
            continue
        text, value, unit, qualifier, source, note = line.split("\t")
        rows.append(pytest.param(text, value, unit or None, qualifier or None, id=f"{source}:{text or '(empty)'}"))
    return rows


CASE_ROWS = _cases()


def test_number_cases_table_size():
    sources = {row.id.split(":")[0] for row in CASE_ROWS}
    assert len(CASE_ROWS) >= 400 and sources == {"cn2an", "issue", "seeds", "national", "rejected"}


@pytest.mark.parametrize("text,value,unit,qualifier", CASE_ROWS)
def test_number_cases(text, value, unit, qualifier):
    if value == "ERROR":
        with pytest.raises(NumberError) as error:
            parse_quantity(text)
        assert "\n" not in str(error.value) and str(error.value).startswith("not a")
        return
    quantity = parse_quantity(text)
    got = quantity.value
    got = [to_json_number(v) for v in got] if isinstance(got, tuple) else to_json_number(got)
    assert (got, quantity.unit, quantity.qualifier) == (json.loads(value), unit, qualifier)


def test_number_cases_reject_one_message():
    with pytest.raises(NumberError, match=r"^not a number: digits after a decimal with its magnitude in '10\.1万零100'$"):
        parse_number("10.1万零100")
