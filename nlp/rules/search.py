"""Searching a text with patterns that the regex engine would try at every position.

``re`` skips quickly to where a match can start only when a pattern opens with a literal
character (or a class); one that opens with a lookbehind, an anchor or an optional group is
tried in full at every position. For such patterns a cheap search for what every match holds
finds the few places worth trying, with the same matches as ``finditer``.
"""

from __future__ import annotations

import re
from typing import Iterator


def finditer_at(pattern: re.Pattern, first: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches are never empty and start with a
    character that ``first`` matches: ``pattern`` is tried only where ``first`` finds one."""
    search, match = first.search, pattern.match
    position = 0
    while (candidate := search(text, position)) is not None:
        found = match(text, candidate.start())
        if found is None:
            position = candidate.start() + 1
        else:
            yield found
            position = found.end()


def finditer_in_lines(pattern: re.Pattern, cue: re.Pattern | None, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches never span a line break and all
    hold a match of ``cue``: only the lines that hold one are searched (all of ``text`` when
    ``cue`` is None)."""
    if cue is None:
        yield from pattern.finditer(text)
        return
    found = cue.search(text)
    while found:
        line_start = text.rfind("\n", 0, found.start()) + 1
        line_end = text.find("\n", found.end())
        line_end = len(text) if line_end < 0 else line_end
        yield from pattern.finditer(text, line_start, line_end)
        found = cue.search(text, line_end)
