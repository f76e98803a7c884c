"""Definitions mined from running text: the formulations a report explains in its own
sentences rather than in a glossary section.

Cues: “X”，即… / “X”是指… / “X”就是… / “X”指的是…; 所谓X，就是…; a numbered formulation
followed by its members (坚持四项基本原则，即坚持…，坚持…，坚持…，坚持…), accepted only when the
members add up to the numeral (the members-count check of :mod:`nlp.glossary.analyse`); X是指…
at a clause start; 全称（简称X）/（以下简称X）. Each entry keeps its provenance (source, year,
offsets of term and definition into the ORIGINAL text) and a confidence that says how it was
found (``patterns.MINED_CONFIDENCE``).

Example::

    >>> [(e.term, e.definition, e.confidence) for e in mine_definitions(
    ...     "实行“五定”，即定规模，定投资，定工期，定效果，定协作条件，并且严格考核。", "r.txt")]
    [('五定', '即定规模，定投资，定工期，定效果，定协作条件', 0.95)]
"""

from __future__ import annotations

import re
from typing import Iterator

from ..text import CleanText, clean
from .analyse import coined_by, list_items, numeral_parts
from .kb import MINED_SECTION, GlossaryEntry
from .patterns import (
    CLOSING_BRACKET,
    DEFINITION_END_CLAUSE,
    FORMULATION_HEADS,
    LIST_LEAD_WORDS,
    LIST_MEMBER_STOP,
    LIST_TAIL_WORDS,
    MAX_MINED_DEFINITION,
    MEASURE_WORDS,
    MEMBER_CLAUSES,
    MEMBER_ITEMS,
    MIN_MINED_CONFIDENCE,
    MINED_CONFIDENCE,
    MINED_MEANS,
    MINED_MEMBERS_BEFORE,
    MINED_NUMBERED,
    MINED_QUOTED,
    MINED_QUOTED_MEMBERS,
    MINED_SHORT_NAME,
    MINED_SO_CALLED,
    MINED_TERM_STOP,
    NOT_A_CUE,
    NOT_A_MEMBER_OPENING,
    NUMBERED_FORMULATION,
    NUMERAL_RUN,
    QUOTED_NUMERALS,
)

_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
# The cue that opens a definition, skipped before its members are counted.
_CUE = re.compile(r"(?:指的是|也就是|就是|是指|即|指)?[ \u3000]*")
# The longest member of a numbered formulation: longer clauses are sentences, not members.
MAX_MEMBER_LENGTH = 30


def numeral_value(run: str) -> int | None:
    """The value of a Chinese numeral run (十二 → 12, 两 → 2, 二十 → 20), None if not one.

    >>> numeral_value("十二"), numeral_value("两"), numeral_value("一九")
    (12, 2, None)
    """
    total, digit = 0, None
    for char in run:
        if char in _DIGITS:
            if digit is not None:
                return None  # 一九: a year written digit by digit, not a count
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (digit if digit is not None else 1) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0) if run else None


def member_count(term: str, quoted: bool = False) -> int | None:
    """How many members a numbered formulation names, or None when ``term`` is not one. A
    single numbered name needs a measure word (四项基本原则) unless it is quoted (“五定”).

    >>> member_count("四项基本原则"), member_count("一个中心、两个基本点"), member_count("三保三压")
    (4, 3, 6)
    >>> member_count("二月"), member_count("一个中心"), member_count("五定", quoted=True)
    (None, None, 5)
    >>> member_count("双碳", quoted=True), member_count("双方")
    (2, None)
    """
    total = 0
    for part in term.split("、"):
        if quoted and part[:1] in QUOTED_NUMERALS and len(part) >= 2:
            total += QUOTED_NUMERALS[part[0]]  # “双碳”
            continue
        if not NUMBERED_FORMULATION.fullmatch(part):
            return None
        chain = numeral_parts(part)
        if len(chain) > 1:  # 三保三压, 两筛两癌
            total += sum(n for n, _ in chain)
            continue
        run = re.match(rf"[{NUMERAL_RUN}]+", part).group()
        value = numeral_value(run)
        # Unquoted, one numbered name needs its measure word: 二月, 一年 and 一直 count nothing.
        measured = part[len(run):len(run) + 1] in MEASURE_WORDS and len(part) >= len(run) + 2
        if value is None or not (measured or quoted and len(part) > len(run)):
            return None
        total += value
    return total if total >= 2 else None


def spell_out(definition: str, expected: int) -> tuple[list[str], int] | None:
    """The ``expected`` members that open ``definition`` and where they end, or None when the
    definition does not list that many.

    Items of one clause joined by 、 (和 before the last) come first; else whole clauses, which
    must end the sentence or be parallel (sharing opening or closing characters, as 坚持…,
    定…, 保…/压… do) so that a sentence that merely goes on is not taken for a list.

    >>> spell_out("即保重点，压一般；保生产，压消费，这是方针", 4)
    (['保重点', '压一般', '保生产', '压消费'], 16)
    """
    lead = _CUE.match(definition).end()
    body = definition[lead:]
    first_clause = MEMBER_CLAUSES.split(body, maxsplit=1)[0]
    items = list_items(first_clause)
    if expected > 1 and len(items) == expected and all(items):
        return items, lead + len(first_clause)
    every = [i.strip() for i in MEMBER_ITEMS.split(body)]
    if expected > 1 and len(every) == expected and all(every) and not any(map(NOT_A_MEMBER_OPENING.match, every)):
        return every, len(definition)  # 多留自留地、多搞自由市场…，包产到户
    clauses, ends, pos = [], [], 0
    for match in MEMBER_CLAUSES.finditer(body + "，"):
        clauses.append(body[pos:match.start()].strip())
        ends.append(match.start())
        pos = match.end()
    if len(clauses) < expected or not all(clauses[:expected]):
        return None
    members = clauses[:expected]
    if any(len(m) > MAX_MEMBER_LENGTH or NOT_A_MEMBER_OPENING.match(m) for m in members):
        return None
    if len(clauses) > expected:
        parallel = len({m[0] for m in members}) * 2 <= len(members) or len({m[-1] for m in members}) == 1
        if not parallel:
            return None
    return members, lead + ends[expected - 1]


def _not_a_cue(text: str, cue_start: int) -> bool:
    return NOT_A_CUE.match(text, cue_start) is not None


def _overlapping(pattern: re.Pattern, text: str, group: str) -> Iterator[re.Match]:
    """Matches of ``pattern`` that may overlap: the next search starts just after the previous
    match's ``group`` begins (a definition running on to the next “X”是指… hides no entry)."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        yield match
        pos = match.start(group) + 1


def strip_list_lead(first: str) -> str:
    """The first listed member without the verb or preposition opening its clause.

    >>> strip_list_lead("深入开展阶级斗争"), strip_list_lead("在互相尊重主权和领土完整")
    ('阶级斗争', '互相尊重主权和领土完整')
    """
    changed = True
    while changed:
        changed = False
        for word in sorted(LIST_LEAD_WORDS, key=len, reverse=True):
            if first.startswith(word) and len(first) - len(word) >= 2:
                first, changed = first[len(word):], True
                break
    return first


class _Miner:
    """Mines one cleaned text; candidates are keyed by the term's position so that two patterns
    reading the same mention (“X”（即…） read as quoted and as members) give one entry (the
    more confident, else the first found)."""

    def __init__(self, view: CleanText, source: str | None, year: int | None):
        self.view = view
        self.source = source
        self.year = year
        self.found: dict[int, GlossaryEntry] = {}

    def add(self, term: str, term_start: int, definition: str, def_start: int, cue: str, kind: str,
            members: list[str] | None = None) -> None:  # fmt: skip
        definition = definition.strip(" \u3000")[:MAX_MINED_DEFINITION]
        if kind not in ("members", "members_before"):  # a list ends where its members do
            end_clause = DEFINITION_END_CLAUSE.search(definition)
            definition = definition[:end_clause.start()] if end_clause else definition
        confidence = MINED_CONFIDENCE[kind]
        if len(term) < 2 or len(definition) < 2:
            return
        start, end = min(term_start, def_start), max(def_start + len(definition), term_start + len(term))
        raw_start, raw_end = self.view.raw_span(start, end)
        entry = GlossaryEntry(
            term, definition, self.source, MINED_SECTION, None, raw_start, raw_end, inline=True,
            members=list(members or []), members_mismatch=kind == "members_mismatch",
            coined_by=coined_by(definition), year=self.year, confidence=confidence, cue=cue,
        )  # fmt: skip
        key = term_start
        if key not in self.found or self.found[key].confidence < confidence:
            self.found[key] = entry

    def numbered(self, term: str, term_start: int, definition: str, def_start: int, cue: str,
                 quoted: bool) -> None:  # fmt: skip
        """A numbered term: kept with its members when they add up, else (quoted only) kept as a
        low-confidence mismatch."""
        expected = member_count(term, quoted)
        spelled = spell_out(definition, expected) if expected else None
        if spelled:
            members, cut = spelled
            self.add(term, term_start, definition[:cut], def_start, cue, "members", members)
        elif quoted:
            kind = "members_mismatch" if expected else "quoted_is" if cue.endswith("就是") else "quoted"
            self.add(term, term_start, definition, def_start, cue, kind)

    def members_before(self, match: re.Match) -> None:
        """A list of members followed by their numbered name, kept when the name is quoted or
        has a policy head, the count agrees, and the first member, once its opening verb is
        removed, holds no pronoun or modal and is at most one character longer than the
        longest of the others (else where the list starts is unclear)."""
        term = match.group("term")
        if not match.group("quote") and not term.endswith(FORMULATION_HEADS):
            return
        expected = member_count(term)
        listed = match.group("def").rstrip(LIST_TAIL_WORDS)
        items = list_items(listed)
        if not expected or len(items) != expected or not all(items):
            return
        first = strip_list_lead(items[0])
        if LIST_MEMBER_STOP.search(first) or len(first) > 1 + max(len(i) for i in items[1:]):
            return
        offset = listed.index(items[0]) + len(items[0]) - len(first)
        definition = listed[offset:]
        self.add(term, match.start("term"), definition, match.start("def") + offset, "、", "members_before",
                 [first, *items[1:]])  # fmt: skip

    def mine(self) -> list[GlossaryEntry]:
        text = self.view.text
        for match in MINED_SHORT_NAME.finditer(text):
            term_group = "term" if match.group("term") else "term2"
            cue = match.group("cue") or match.group("cue2")
            self.add(match.group(term_group), match.start(term_group), match.group("def"), match.start("def"),
                     cue, "short_name")  # fmt: skip
        for match in _overlapping(MINED_QUOTED, text, "cue"):
            if _not_a_cue(text, match.start("cue")):
                continue
            definition, def_start = match.group("cue") + match.group("def"), match.start("cue")
            if match.group("open") in ("（", "("):
                closer = CLOSING_BRACKET.search(definition)
                if closer is None:
                    continue
                definition = definition[:closer.start()]
            self.numbered(match.group("term"), match.start("term"), definition, def_start, match.group("cue"), True)
        for match in MINED_QUOTED_MEMBERS.finditer(text):
            expected = member_count(match.group("term").strip(" \u3000"), quoted=True)
            spelled = spell_out(match.group("def"), expected) if expected else None
            if spelled:
                members, cut = spelled
                cue = match.group("cue").lstrip("（(") or match.group("cue")
                self.add(match.group("term").strip(" \u3000"), match.start("term"), match.group("def")[:cut], match.start("def"),
                         cue, "members", members)  # fmt: skip
        for match in MINED_MEMBERS_BEFORE.finditer(text):
            self.members_before(match)
        for match in MINED_SO_CALLED.finditer(text):
            if _not_a_cue(text, match.start("cue")) or MINED_TERM_STOP.search(match.group("term")):
                continue
            definition = match.group("cue") + match.group("def")
            self.add(match.group("term"), match.start("term"), definition, match.start("cue"), match.group("cue"),
                     "so_called")  # fmt: skip
        for match in MINED_NUMBERED.finditer(text):
            if _not_a_cue(text, match.start("cue")) or text[match.start("term") - 1:match.start("term")] in "第“‘":
                continue
            definition = match.group("cue") + match.group("def")
            self.numbered(match.group("term"), match.start("term"), definition, match.start("cue"),
                          match.group("cue"), False)  # fmt: skip
        for match in MINED_MEANS.finditer(text):
            term = match.group("term")
            if _not_a_cue(text, match.start("cue")) or MINED_TERM_STOP.search(term):
                continue
            self.add(term, match.start("term"), match.group("cue") + match.group("def"), match.start("cue"),
                     match.group("cue"), "means")  # fmt: skip
        return [entry for _, entry in sorted(self.found.items())]


def mine_definitions(text: str, source: str | None, year: int | None = None, *,
                     min_confidence: float = MIN_MINED_CONFIDENCE) -> list[GlossaryEntry]:  # fmt: skip
    """The definitions that ``text`` gives in running text, in text order.

    Args:
        text: a document as read (offsets of the entries point into it).
        source: the document's name or id (the entries' ``source``).
        year: the document's year, if known (the entries' ``year``).
        min_confidence: entries found with a lower confidence are left out.

    Returns:
        ``GlossaryEntry`` items with ``section="mined"``, ``inline=True``, ``cue``,
        ``confidence``, ``members`` (numbered formulations) and ``start``/``end`` into ``text``.
        Example: ``mine_definitions("坚持“两个确保”，即确保A，确保B。", "a")[0].members`` →
        ``['确保A', '确保B']``.
    """
    entries = _Miner(clean(text), source, year).mine()
    return [entry for entry in entries if entry.confidence >= min_confidence]
