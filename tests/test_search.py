"""The fast searches of nlp/rules/search.py find what a plain finditer finds, for every pattern
that uses them, on the seeds and the national reports (they rest on properties of the
patterns: no match spans a line break, every match starts where the cue pattern finds)."""

import re

import pytest

from nlp.glossary.patterns import INLINE_LINE_CUES
from nlp.corpus import read_documents
from nlp.rules import indicator_cues as cues
from nlp.rules.resp_unit_patterns import LINE_CUES
from nlp.rules.search import finditer_at, finditer_in_lines
from nlp.text import clean

from .conftest import REPORTS, SEEDS


@pytest.fixture(scope="module")
def cleaned_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += [row["text"] for row in read_documents(REPORTS)]
    return [clean(text).text for text in texts]


@pytest.mark.parametrize("pattern, cue", [*INLINE_LINE_CUES.items(), *LINE_CUES.items()],
                         ids=lambda p: p.pattern[:20])  # fmt: skip
def test_line_search_equals_whole_text_search(pattern, cue, cleaned_texts):
    for text in cleaned_texts:
        assert [m.span() for m in finditer_in_lines(pattern, cue, text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("pattern, first", [(cues.RANK, cues.RANK_START), (cues.RATIO, cues.RATIO_START)],
                         ids=["rank", "ratio"])  # fmt: skip
def test_search_from_first_characters_equals_finditer(pattern, first, cleaned_texts):
    for text in cleaned_texts + ["比例为13.2:38.6:48.2，居全省第3位", "1:2:3:4"]:
        assert [m.span() for m in finditer_at(pattern, first, text)] == [m.span() for m in pattern.finditer(text)]


def test_line_search_without_a_cue_is_finditer():
    text = "甲：1\n乙：2"
    pattern = re.compile(r"\d")
    assert [m.group() for m in finditer_in_lines(pattern, None, text)] == ["1", "2"]
