"""Offset-keeping cleaning of text extracted from PDF and Word files.

Cleaning only ever *deletes* characters of the decoded text, so every character of the
cleaned text is a character of the original and one array maps cleaned positions back to
original ones. What is deleted:

- ``[bookmark: _Toc123]`` markup left by Word exports;
- carriage returns;
- line breaks that the layout inserted inside a sentence (with the blank lines, indentation
  and lone page numbers around them), while paragraph and heading breaks stay, and those
  around responsibility clauses (a line ending in （责任单位：…） ends a block, 牵头单位：…
  starts one);
- spaces inside numbers and between a number and its unit (``82 个``, ``2021 年``).

Example::

    >>> c = clean("建成 19 个美好移民村示范村、100 个对口\\n\\n帮扶乡村振兴示范村")
    >>> c.text
    '建成19个美好移民村示范村、100个对口帮扶乡村振兴示范村'
    >>> c.raw_span(*(lambda i: (i, i + 4))(c.text.index("对口帮扶")))
    (26, 32)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from .rules.resp_unit_patterns import CLOSERS, KEYWORD_CLAUSE, KEYWORD_IN_BODY

BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")

# Horizontal whitespace that may sit inside a number or between a number and its unit.
_HSPACE = "[ \u00a0\u3000]+"
# A space run with a digit on one side and a digit, CJK character, % or full-width sign on the
# other. Digit-space-digit is only joined as a thousands group ("1 500") or between single digits
# spaced out letter by letter ("1 9 9 7 年", "4 9 2 5 0 万吨", as some transcriptions write every
# number), so that numbers in a table row ("11.1 9.8", "12 15") stay apart.
_NUMBER_SPACE = re.compile(
    rf"(?<=[0-9０-９%％])({_HSPACE})(?=[\u3400-\u9fff％%‰－—～~：:（）()．])"
    rf"|(?<=[\u3400-\u9fff％%－—～~（）()、，：])({_HSPACE})(?=[0-9０-９])"
    rf"|(?<=[0-9])({_HSPACE})(?=[0-9]{{3}}(?![0-9.]))"
    r"|(?<=(?<![0-9０-９.·])[0-9])( )(?=[0-9](?: [0-9０-９．％%‰\u3400-\u9fff]|[．％%‰\u3400-\u9fff]))"
)
_SPACE_RUN = re.compile(_HSPACE)

# A line that ends with one of these never ends a paragraph.
_OPEN_END = set("，、（(“‘《〔【—-－:：·")
# A line ending with one of these ends a sentence; the break after it is kept.
_CLOSED_END = set("。！？!?；;…")
# Lines that start a heading, a list item or a new block.
_BLOCK_START = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节条部分]|[①-⑳]|——|●|■|◆|附件|附表|注[:：]|表\d)"
)
# A responsibility clause starts a block (牵头单位：…, KEYWORD_IN_BODY at a line's start) and
# one that ends a line ends it (…（责任单位：市财政局，各县政府）): it closes the task before it.
_CLAUSE_AT_END = re.compile(KEYWORD_CLAUSE.pattern + "$")
# A line that starts like this continues a sentence: no paragraph starts with a closing mark
# or with a single character followed by a comma (优质林 / 果，布局区域化).
_CONTINUATION_START = re.compile(r"^(?:[，、。；：）)”’〕】]|[^\s\d（(“‘《〔【—●■◆][，、])")
_PAGE_NUMBER = re.compile(r"^[ \u3000]*[-—－]?[ \u3000]*\d{1,3}[ \u3000]*[-—－]?[ \u3000]*$")
# Below this width (CJK characters count 2) a line without a prevailing page width is short:
# a heading, a table cell, a signature.
_LONG_LINE_WIDTH = 50
# A line with sentence punctuation inside is prose, not a heading, from this width on.
_PROSE_LINE_WIDTH = 24
_PROSE = re.compile("[。，；,;]")
# Characters one column wide (below U+2000); the rest count two.
_NARROW = re.compile("[\x00-\u1fff]")


@dataclass(frozen=True)
class CleanText:
    """The cleaned view of a text: ``text`` plus ``offsets``, the original index of each of
    its characters (one more entry, ``len(raw)``, closes the array)."""

    raw: str
    text: str
    offsets: Sequence[int]

    def raw_index(self, i: int) -> int:
        """Original index of cleaned position ``i`` (``len(text)`` maps to ``len(raw)``)."""
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the cleaned span ``[start, end)``; the end follows the
        span's last character, so deleted characters after it are not swallowed."""
        if end <= start:
            at = self.offsets[start]
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1

    def clean_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """Cleaned ``(start, end)`` covering the original span ``[raw_start, raw_end)``."""
        n = len(self.text)
        return bisect_left(self.offsets, raw_start, 0, n), bisect_left(self.offsets, raw_end, 0, n)

    def clean_slice(self, raw_start: int, raw_end: int) -> str:
        """The cleaned text of the original span ``[raw_start, raw_end)``."""
        start, end = self.clean_span(raw_start, raw_end)
        return self.text[start:end]

    def deletions(self) -> list[int]:
        """The cleaned positions ``i`` before which cleaning deleted original characters (the
        run ``raw[offsets[i - 1] + 1:offsets[i]]``, or ``raw[:offsets[0]]`` for ``i`` = 0), in
        order.

        ``offsets[i] - i`` only grows, and grows exactly at these positions, so they are found
        by halving the array where it grows: a few steps for each, none for the stretches in
        between (a pass over every position would cost as much as the segmenter's mapping)."""
        found = [0] if self.offsets[0] > 0 else []
        pending = [(0, len(self.text))]
        while pending:
            low, high = pending.pop()
            if self.offsets[high] - high == self.offsets[low] - low:
                continue
            if high - low == 1:
                found.append(high)
            else:
                middle = (low + high) // 2
                pending += [(middle, high), (low, middle)]
        return found


def clean(raw: str) -> CleanText:
    """Clean ``raw`` as the module docstring says; see :class:`CleanText`."""
    text, offsets = raw, list(range(len(raw) + 1))
    for find_deletions in (_bookmarks, _carriage_returns, _layout_breaks, _number_spaces):
        text, offsets = _delete(text, offsets, find_deletions(text))
    return CleanText(raw, text, offsets)


def _delete(text: str, offsets: list[int], spans: Iterable[tuple[int, int]]) -> tuple[str, list[int]]:
    """Remove the sorted, disjoint ``spans`` from ``text`` and from its offset array."""
    pieces, kept, last = [], [], 0
    for start, end in spans:
        pieces.append(text[last:start])
        kept.extend(offsets[last:start])
        last = end
    if last == 0:
        return text, offsets
    pieces.append(text[last:])
    kept.extend(offsets[last:])
    return "".join(pieces), kept


def _bookmarks(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in BOOKMARK.finditer(text)]


def _carriage_returns(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer("\r", text)]


def _number_spaces(text: str) -> list[tuple[int, int]]:
    """Tried only where a run of spaces starts: no character class around the spaces holds a
    space, so a match is always a whole run, and a scan for runs is far cheaper than trying
    the lookbehinds at every position."""
    return [m.span() for run in _SPACE_RUN.finditer(text) if (m := _NUMBER_SPACE.match(text, run.start()))]


def display_width(line: str) -> int:
    """Width of a line as laid out: CJK and full-width characters count 2, others 1."""
    return 2 * len(line) - len(_NARROW.findall(line))


def _prevailing_width(widths: list[int]) -> int | None:
    """The width at which the layout wraps lines, if the document has one.

    PDF extractions wrap at a fixed width, so many lines share (almost) the same width; Word
    extractions put a paragraph on one line and their widths scatter."""
    long_widths = [w for w in widths if w >= 20]
    if len(long_widths) < 20:
        return None
    counts = Counter(long_widths)
    best, best_count = None, 0
    for width in counts:
        near = sum(counts[w] for w in range(width - 3, width + 1))
        if near > best_count or (near == best_count and best is not None and width > best):
            best, best_count = width, near
    if best is None or best_count < 0.3 * len(long_widths):
        return None
    return best


def _joins(prev: str, nxt: str, wrap_width: int | None) -> bool:
    """Whether the break between two non-empty lines was put there by the layout."""
    last = prev[-1]
    if _BLOCK_START.match(nxt) or KEYWORD_IN_BODY.match(nxt) or _ends_with_clause(prev):
        return False
    if last in _OPEN_END:
        return True
    if last in _CLOSED_END:
        return False
    if _CONTINUATION_START.match(nxt):
        return True
    width = display_width(prev)
    if wrap_width is not None:
        # A line that reaches the wrap width goes on; the first line of a paragraph is
        # indented by two characters.
        return width >= wrap_width - 8
    if _BLOCK_START.match(prev) and "。" not in prev and width < 2 * _LONG_LINE_WIDTH:
        return False  # a heading
    if "\t" in prev:
        return False  # a table row
    return width >= _LONG_LINE_WIDTH or (width >= _PROSE_LINE_WIDTH and _PROSE.search(prev) is not None)


def _ends_with_clause(line: str) -> bool:
    """Whether a bracketed responsibility clause ends ``line`` (…（责任单位：市财政局）)."""
    return line[-1] in CLOSERS and _CLAUSE_AT_END.search(line) is not None


def _layout_breaks(text: str) -> list[tuple[int, int]]:
    """Spans to delete between lines that the layout broke inside a sentence."""
    lines = []  # (content start, content end) of every non-blank line
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip(" \t\u3000\u00a0")
        if stripped:
            lead = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
            lines.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    wrap_width = _prevailing_width([display_width(text[s:e]) for s, e in lines])
    deletions = []
    i = 0
    while i + 1 < len(lines):
        prev_start, prev_end = lines[i]
        j = i + 1
        # Lone page numbers between two halves of a sentence are page-break fragments.
        while j + 1 < len(lines) and _PAGE_NUMBER.match(text[lines[j][0]:lines[j][1]]):
            j += 1
        next_start, next_end = lines[j]
        prev, nxt = text[prev_start:prev_end], text[next_start:next_end]
        if _joins(prev, nxt, wrap_width):
            deletions.append((prev_end, next_start))
            i = j
        else:
            i += 1
    return deletions
