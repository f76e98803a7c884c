"""Whether a slogan mention stands on its own, or is only a piece of something longer: an
idiom (五湖 in 五湖四海), a word (三河 in 三河市), a determiner or a number (一中心 in
这一中心工作, 五湖 in 二十五湖). Only a mention that stands on its own may be linked.

The words come from the general dictionary of jieba (a dependency of the package: read from
the installed package, never downloaded), filtered once (``patterns.MIN_WORD_FREQUENCY``).

Example::

    >>> words = frozenset({"五湖四海"})
    >>> stands_alone("广纳五湖四海的人才", 2, 4, words), stands_alone("建设“五湖”", 3, 5, words)
    (False, True)
"""

from __future__ import annotations

import os
from functools import lru_cache

from .patterns import (
    CLOSING_QUOTES,
    MAX_WORD_LENGTH,
    MIN_WORD_FREQUENCY,
    NUMBER_CONTEXT,
    NUMERALS,
    OPENING_QUOTES,
)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The general dictionary's words of 2 to ``MAX_WORD_LENGTH`` characters seen at least
    ``MIN_WORD_FREQUENCY`` times (about 64,000), read once."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, frequency, *_ = line.split()
            if 2 <= len(word) <= MAX_WORD_LENGTH and int(frequency) >= MIN_WORD_FREQUENCY:
                words.add(word)
    return frozenset(words)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def stands_alone(text: str, start: int, end: int, words: frozenset[str] | None = None) -> bool:
    """Whether the mention ``text[start:end]`` stands on its own.

    Args:
        text: the (cleaned) text holding the mention.
        start, end: the mention's offsets in ``text``.
        words: dictionary words (default: :func:`dictionary_words`).

    Returns:
        ``True`` when the mention is quoted, or no dictionary word covers it or cuts through
        one of its edges, and a numeral opening it is not preceded by a determiner or a
        digit; else ``False``.
    """
    if start > 0 and end < len(text) and text[start - 1] in OPENING_QUOTES and text[end] in CLOSING_QUOTES:
        return True
    if start > 0 and text[start] in NUMERALS and text[start - 1] in NUMBER_CONTEXT:
        return False
    words = dictionary_words() if words is None else words
    return not any(word_across(text, start, end, words))


def word_across(text: str, start: int, end: int, words: frozenset[str]):
    """The dictionary words of ``text`` that cover ``[start, end)`` or cut through one of its
    edges (a word lying inside the mention does neither).

    >>> list(word_across("抓好这一中心工作", 3, 6, frozenset({"一中", "这一", "一中心"})))
    ['这一']
    """
    for a in range(max(0, start - MAX_WORD_LENGTH + 1), end):
        for b in range(a + 2, min(len(text), a + MAX_WORD_LENGTH) + 1):
            crosses_start = a < start < b
            crosses_end = a < end < b
            if (crosses_start or crosses_end) and all(map(_is_cjk, text[a:b])) and text[a:b] in words:
                yield text[a:b]
