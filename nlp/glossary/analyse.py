"""Understanding an entry: the members that a numbered formulation enumerates and the body
that coined it.

Example::

    >>> members_of("四个意识", "指政治意识、大局意识、核心意识、看齐意识。")
    (['政治意识', '大局意识', '核心意识', '看齐意识'], False)
    >>> coined_by("指市委提出的工作推进机制")
    '市委'
"""

from __future__ import annotations

import re

from .kb import GlossaryEntry
from .patterns import COINED_BY, MEASURE_WORDS, MEMBER_JOINERS, MEMBER_LEAD, NUMERAL_VALUES, NUMERALS

# A numbered part of a formulation: numeral(s), optional measure word, then the name
# (四个意识 → 四|个|意识; 一渠两园 → 一渠, 两园).
_NUMBERED_PART = re.compile(rf"([{NUMERALS}])[{MEASURE_WORDS}]?[^{NUMERALS}\W\d]+")
# Where a list of members ends: clause punctuation.
_CLAUSE = re.compile(r"[，,。；;：:！？!?\n]")


def numeral_parts(term: str) -> list[tuple[int, str]]:
    """The numbered parts of a formulation with their numerals, or [] when ``term`` is not
    one (一二三四六 has no names, 专精特新 no numeral).

    >>> numeral_parts("两筛两癌"), numeral_parts("三个一批")
    ([(2, '两筛'), (2, '两癌')], [(3, '三个一批')])
    """
    if len(term) > 2 and term[0] in NUMERALS and term[1] in MEASURE_WORDS:
        return [(NUMERAL_VALUES[term[0]], term)]  # numeral + measure word: one part
    parts, pos = [], 0
    for match in _NUMBERED_PART.finditer(term):
        if match.start() != pos:
            return []
        parts.append((NUMERAL_VALUES[match.group(1)], match.group()))
        pos = match.end()
    return parts if pos == len(term) else []


def _trim_parallel(items: list[str]) -> list[str]:
    """Cut the first and last item to the shape of the middle ones (集中签约一批、开工一批、
    投产一批重大项目 → 签约一批, 开工一批, 投产一批)."""
    middle = items[1:-1]
    if not middle or len({len(m) for m in middle}) != 1:
        return items
    size = len(middle[0])
    # One middle item gives its last and first two characters as the shared shape.
    suffix = _common(middle, reverse=True)[-2:] if len(middle) == 1 else _common(middle, reverse=True)
    prefix = _common(middle, reverse=False)[:2] if len(middle) == 1 else _common(middle, reverse=False)
    first, last = items[0], items[-1]
    if len(first) > size and (suffix and first.endswith(suffix) or prefix and first[-size:].startswith(prefix)):
        first = first[-size:]
    if len(last) > size:
        if prefix and last.startswith(prefix):
            last = last[:size]
        elif suffix and last.find(suffix) == size - len(suffix):
            last = last[:size]
    return [first, *middle, last]


def _common(words: list[str], reverse: bool) -> str:
    shared = []
    for chars in zip(*(w[::-1] if reverse else w for w in words)):
        if len(set(chars)) != 1:
            break
        shared.append(chars[0])
    text = "".join(shared)
    return text[::-1] if reverse else text


def list_items(clause: str) -> list[str]:
    """The items of an enumeration: split at 、, the last pair also at 和/及/与."""
    items = [i.strip() for i in clause.split("、")]
    *head, last = items
    tail = [t for t in MEMBER_JOINERS.split(last) if t]
    if len(tail) == 2 and all(len(t) >= 2 for t in tail):
        items = [*head, *tail]
    return items


def members_of(term: str, definition: str) -> tuple[list[str], bool]:
    """The members a numbered formulation's definition enumerates (items joined by 、, one
    list per numbered part) and whether their count disagrees with the numerals."""
    parts = numeral_parts(term)
    if not parts:
        return [], False
    lists = []
    for clause in _CLAUSE.split(definition):
        items = list_items(clause)
        if len(items) >= 2 and all(items):
            items[0] = MEMBER_LEAD.sub("", items[0]) or items[0]
            lists.append(_trim_parallel(items))
        if len(lists) == len(parts):
            break
    members = [m for items in lists for m in items]
    if not members:
        return [], False
    expected = sum(n for n, _ in parts)
    return members, len(lists) != len(parts) or len(members) != expected


def coined_by(definition: str) -> str | None:
    """The body that the definition says proposed the term (省委, 市委, 卧龙区委 …), if any."""
    match = COINED_BY.search(definition)
    return match.group("who") if match else None


def analyse(entry: GlossaryEntry) -> GlossaryEntry:
    """Fill ``members``, ``members_mismatch`` and ``coined_by`` of ``entry`` (returned)."""
    entry.members, entry.members_mismatch = members_of(entry.term, entry.definition)
    entry.coined_by = coined_by(entry.definition)
    return entry
