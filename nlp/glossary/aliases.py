"""Spellings of one glossary term: the alias key under which lookups meet, and the aliases an
entry lists.

Example::

    >>> alias_key("“17110”工作制度") == alias_key("17110 工作制度")
    True
    >>> alias_forms("“万人助万企”活动")
    ['“万人助万企”活动', '万人助万企活动', '万人助万企']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .patterns import (
    GENERIC_SUFFIXES,
    INTERCHANGEABLE_MEASURES,
    KEY_IGNORED,
    MEASURE_WORDS,
    NUMERALS,
    QUOTED_CORE,
    TRAILING_GLOSS,
)

# A numeral followed by an interchangeable measure word (五项保障 → 五个保障).
_MEASURE_VARIANT = re.compile(rf"(?<=[{NUMERALS}])[{INTERCHANGEABLE_MEASURES[1:]}]")
# What is left when a suffix is stripped from a bare numbered stem (五大工程 → 五大): too
# little to name anything, so the suffix stays.
BARE_STEM = re.compile(rf"[{NUMERALS}]+[{MEASURE_WORDS}]?")


# What compact() drops: quotes and spacing.
_QUOTES_AND_SPACE = re.compile(r"[\s“”‘’「」『』\"']")
# How many spellings keep their alias key in memory: a linker asks for the key of every
# mention several times (own glossary, loaded glossary, parts, near misses).
KEY_CACHE_SIZE = 2**14


def compact(text: str) -> str:
    """``text`` without quotes, spacing and with full-width forms folded (NFKC).

    >>> compact("“ 六宜 ”")
    '六宜'
    """
    return _QUOTES_AND_SPACE.sub("", unicodedata.normalize("NFKC", text))


def strip_suffixes(text: str) -> str:
    """``text`` without trailing generic words, as long as a name is left.

    >>> strip_suffixes("17110工作制度")
    '17110'
    >>> strip_suffixes("五大工程")
    '五大工程'
    """
    changed = True
    while changed:
        changed = False
        for suffix in GENERIC_SUFFIXES:
            if text.endswith(suffix):
                stem = text[: -len(suffix)]
                if len(stem) >= 2 and not BARE_STEM.fullmatch(stem):
                    text, changed = stem, True
                    break
    return text


@lru_cache(maxsize=KEY_CACHE_SIZE)
def alias_key(text: str) -> str:
    """The key that every spelling of a term shares: compact, lower-case, inner punctuation
    dropped, a trailing bracketed gloss dropped, one measure-word spelling, generic suffixes
    stripped.

    >>> alias_key("人人持证，技能河南") == alias_key("人人持证、技能河南")
    True
    """
    folded = unicodedata.normalize("NFKC", text.strip())
    key = KEY_IGNORED.sub("", TRAILING_GLOSS.sub("", folded)).lower()
    key = _MEASURE_VARIANT.sub(INTERCHANGEABLE_MEASURES[0], key)
    return strip_suffixes(key)


def alias_forms(term: str) -> list[str]:
    """The aliases an entry lists: the term as written, without quotes and spacing, without its
    generic suffixes, and the quoted cores of a label that qualifies them (生态环境领域“三线一单”
    → 三线一单), duplicates removed, order kept.

    >>> alias_forms("生态环境领域“三线一单”")
    ['生态环境领域“三线一单”', '生态环境领域三线一单', '三线一单']
    """
    plain = compact(term)
    cores = QUOTED_CORE.findall(term)
    return list(dict.fromkeys(form for form in (term, plain, strip_suffixes(plain), *cores) if form))
