"""Reading a document's own glossary: 名词解释 / 有关词语注释 / 注释 sections split into
entries, and inline definitions in the body text.

Entries are read from the cleaned text (layout breaks and page-break fragments removed) and
keep offsets into the original text. A malformed section yields the entries that can be read
and a one-line warning naming the file and line; it never raises.

Example::

    >>> from nlp.text import clean
    >>> raw = "有关词语注释\\n1. 四美乡村：指农村环境美、田园美、村庄美、庭院美。\\n"
    >>> [(e.number, e.term, e.definition) for e in extract_entries(clean(raw), "a.txt")]
    [(1, '四美乡村', '指农村环境美、田园美、村庄美、庭院美。')]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Iterator

from ..rules.search import finditer_in_lines
from ..text import CleanText
from .aliases import alias_forms
from .analyse import analyse
from .kb import INLINE_SECTION, GlossaryEntry
from .mine import numeral_value
from .patterns import (
    ENTRY_NUMBER,
    INLINE_LINE_CUES,
    INLINE_MEANS,
    INLINE_MEMBERS,
    INLINE_PAREN_IE,
    INLINE_QUOTED_IE,
    INLINE_SHORT_NAME,
    JOINED_TERMS,
    MAX_HEAD_SUFFIX,
    MAX_TERM_LENGTH,
    MINED_TERM_STOP,
    NOT_A_CUE,
    NUMERALS,
    DASH_SEPARATORS,
    PUNCT_SEPARATORS,
    QUOTED_CORE,
    QUOTED_ONLY_SEPARATORS,
    QUOTES,
    SECTION_TITLE,
    SENTENCE_END,
    SPACE_SEPARATOR,
    TERM_STOP,
    TOC_LINE,
    VERB_SEPARATORS,
    WEB_RESIDUE,
)

logger = logging.getLogger(__name__)

# Lines that end a glossary section: another annex or chapter heading.
_SECTION_END = re.compile(r"^(?:附件|附表|第[一二三四五六七八九十百\d]+[章节部分]|[一二三四五六七八九十]+、)")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HSPACE = " \t\u3000\u00a0"


@dataclass(frozen=True)
class Line:
    """A non-blank line of the cleaned text: ``[start, end)`` without surrounding spacing."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Problem:
    """Something a reader should check: ``line`` is 1-based in the original file."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


@dataclass
class _Draft:
    """An entry being read: its line span and parsed head."""

    number: int | None
    start: int  # cleaned offset of the entry's first character (its number)
    def_start: int
    def_end: int
    term: str
    line: int


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of ``text``, stripped of surrounding spacing."""
    found, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip(_HSPACE)
        if stripped:
            lead = len(raw) - len(raw.lstrip(_HSPACE))
            found.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return found


def is_section_title(line: str) -> bool:
    """Whether a line titles a glossary section (a table-of-contents line does not).

    >>> is_section_title("附件4：名词解释"), is_section_title("附件4：名词解释\\t52")
    (True, False)
    """
    return SECTION_TITLE.fullmatch(line.strip(_HSPACE)) is not None and not TOC_LINE.match(line)


def parse_number(line: str) -> tuple[int | None, int]:
    """The entry number opening ``line`` and where the rest begins, or ``(None, 0)``.

    >>> parse_number("（12）两个确保：指…"), parse_number("（三）两个确保")
    ((12, 4), (3, 3))
    """
    match = ENTRY_NUMBER.match(line)
    if not match:
        return None, 0
    if match.group("circled"):
        return _CIRCLED.index(match.group("circled")) + 1, match.end()
    if match.group("chinese"):
        value = numeral_value(match.group("chinese"))
        return (value, match.end()) if value else (None, 0)
    digits = match.group("n1") or match.group("n2") or match.group("n3")
    return int(digits), match.end()


def parse_head(body: str) -> tuple[str, int] | None:
    """Split an entry (without its number) into the term and where the definition starts.

    A quoted head gives its quoted core, whatever suffix follows (“万人助万企”活动。是… →
    万人助万企); a restated term after the separator is skipped (“两个确保”。两个确保：…).

    >>> parse_head("“万人助万企”活动。是省委作出的重要决策")
    ('万人助万企', 10)
    >>> parse_head("两个确保：指确保高质量建设现代化河南")
    ('两个确保', 5)
    """
    parsed = _quoted_head(body) or _plain_head(body)
    if parsed is None:
        return None
    term, def_start = parsed
    return term, def_start + _restatement(body[def_start:], term)


def _quoted_head(body: str) -> tuple[str, int] | None:
    close = QUOTES.get(body[:1])
    if close is None:
        return None
    end = body.find(close, 1)
    if end <= 1 or TERM_STOP.search(body[1:end]):
        return None
    term, pos = body[1:end], end + 1
    gap = SPACE_SEPARATOR.match(body, pos)
    if gap and gap.end() < len(body):  # “链长制”  由各级领导干部担任…
        return term, gap.end() + (body[gap.end()] in PUNCT_SEPARATORS)
    limit = min(len(body), pos + MAX_HEAD_SUFFIX + 1)
    for i in range(pos, limit):
        dash = _dash_at(body, i)
        if dash:
            return term, i + dash
        if body[i] in PUNCT_SEPARATORS:
            return term, i + 1
        if body.startswith(VERB_SEPARATORS, i):
            return term, i
        if TERM_STOP.match(body[i]) or body[i] in QUOTES:
            return None
    return None


def _plain_head(body: str) -> tuple[str, int] | None:
    for i in range(1, min(len(body), MAX_TERM_LENGTH + 1)):
        ch = body[i]
        dash = _dash_at(body, i)
        if dash:
            return _term_or_none(body[:i], i + dash)
        if ch in PUNCT_SEPARATORS and ch not in QUOTED_ONLY_SEPARATORS:
            return _term_or_none(body[:i], i + 1)
        if ch in "，," and body.startswith(VERB_SEPARATORS, i + 1):
            return _term_or_none(body[:i], i + 1)
        if body.startswith(VERB_SEPARATORS, i) and i >= 2:
            return _term_or_none(body[:i], i)
        if TERM_STOP.match(ch):
            return None
    return None


def _dash_at(body: str, i: int) -> int:
    """The length of a dash separator at ``body[i]`` (双减——指…), 0 where there is none (the
    spacing after it goes with the definition's, as after a colon)."""
    return next((len(dash) for dash in DASH_SEPARATORS if body.startswith(dash, i)), 0)


def _term_or_none(term: str, def_start: int) -> tuple[str, int] | None:
    term = term.strip(_HSPACE)
    return (term, def_start) if len(term) >= 2 and not TERM_STOP.search(term) else None


def join_lines(definition: str) -> str:
    """A definition with the line breaks that the layout put inside it removed (with the
    spacing around them), and surrounding spacing stripped.

    >>> join_lines("推进城乡交通运输一体\\n化发展。")
    '推进城乡交通运输一体化发展。'
    """
    return re.sub(r"[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*", "", definition).strip(_HSPACE)


def label_terms(label: str) -> list[tuple[str, str]]:
    """The terms a head's label names, each with the label it came from: two quoted terms
    joined by 和/与/及/、 are two terms; a qualifier before a quoted term leaves the quoted core
    as the term and the whole label as an alias; any other label is its own term.

    >>> label_terms("“双减”和“双增”"), label_terms("生态环境领域“三线一单”")
    ([('双减', '双减'), ('双增', '双增')], [('三线一单', '生态环境领域“三线一单”')])
    """
    joined = JOINED_TERMS.fullmatch(label)
    if joined:
        return [(joined.group("a"), joined.group("a")), (joined.group("b"), joined.group("b"))]
    cores = QUOTED_CORE.findall(label)
    if len(cores) == 1 and not TERM_STOP.search(cores[0]):
        return [(cores[0], label)]
    return [(label, label)]


def _restatement(definition: str, term: str) -> int:
    """Length of a restated ``term`` plus colon opening ``definition`` (0 when there is none)."""
    rest = definition.lstrip(_HSPACE)
    skipped = len(definition) - len(rest)
    close = QUOTES.get(rest[:1])
    if close and rest[1:].startswith(term + close):
        candidate = 1 + len(term) + 1
    elif rest.startswith(term):
        candidate = len(term)
    else:
        return 0
    if rest[candidate:candidate + 1] in ("：", ":"):
        return skipped + candidate + 1
    return 0


class _Reader:
    """Reads one document's sections and inline definitions, collecting problems."""

    def __init__(self, view: CleanText, source: str):
        self.view = view
        self.source = source
        self.lines = lines_of(view.text)
        self.problems: list[Problem] = []

    def raw_line(self, clean_offset: int) -> int:
        raw = self.view.raw_index(min(clean_offset, len(self.view.text)))
        return self.view.raw.count("\n", 0, raw) + 1

    def warn(self, clean_offset: int, message: str) -> None:
        self.problems.append(Problem(self.source, self.raw_line(clean_offset), message))

    def sections(self) -> Iterator[tuple[int, int]]:
        """Indexes into ``self.lines`` of each section's title line and the line after it."""
        i = 0
        while i < len(self.lines):
            if is_section_title(self.lines[i].text) and self._opens_entries(i + 1):
                end = self._section_end(i + 1)
                yield i, end
                i = end
            else:
                i += 1

    def _opens_entries(self, i: int) -> bool:
        """Whether the line after a title looks like a glossary entry (a list of annexes that
        mentions 名词解释 is followed by another annex title, not an entry)."""
        if i >= len(self.lines) or is_section_title(self.lines[i].text):
            return False
        number, offset = parse_number(self.lines[i].text)
        if parse_head(self.lines[i].text[offset:]) is not None:
            return True
        return number is not None and self._term_line(i, offset) is not None

    def _term_line(self, i: int, offset: int) -> str | None:
        """The term of a numbered line that holds only a term, its definition on the lines after
        it ((一)三个一批 / 指签约一批…), or None."""
        text = self.lines[i].text[offset:].strip(_HSPACE)
        nxt = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        if not nxt or parse_number(nxt)[0] is not None or is_section_title(nxt):
            return None
        quoted = QUOTED_CORE.fullmatch(text)
        term = quoted.group(1) if quoted else text
        if len(term) > MAX_TERM_LENGTH or term[-1:] in SENTENCE_END:
            return None
        return term if _term_or_none(term, 0) else None

    def _section_end(self, i: int) -> int:
        while i < len(self.lines):
            text = self.lines[i].text
            if is_section_title(text) or (_SECTION_END.match(text) and parse_number(text)[0] is None):
                break
            i += 1
        return i

    def section_entries(self, title_index: int, end: int) -> list[GlossaryEntry]:
        title = self.lines[title_index].text
        drafts: list[_Draft] = []
        numbered = parse_number(self.lines[title_index + 1].text)[0] is not None
        for index in range(title_index + 1, end):
            line = self.lines[index]
            if WEB_RESIDUE.match(line.text):
                break  # the page's footer: the section is over
            number, offset = parse_number(line.text)
            if numbered and number is None or not numbered and number is not None:
                if drafts and not self._complete(drafts[-1]):
                    drafts[-1].def_end = line.end  # a continuation the layout broke off
                    continue
                break  # the section ended before the next heading
            if numbered and drafts and drafts[-1].number is not None:
                previous = drafts[-1].number
                if number <= previous:
                    break  # a new list starts: the section is over
                if number > previous + 1:
                    self.warn(line.start, f"glossary numbering skips from {previous} to {number}")
            head = parse_head(line.text[offset:])
            term = self._term_line(index, offset) if head is None and numbered else None
            if term:  # the definition follows on the next lines
                drafts.append(_Draft(number, line.start, line.end, line.end, term, line.start))
                continue
            if head is None:
                self.warn(line.start, f"glossary entry {line.text[:20]!r} has no term separator; skipped")
                if numbered:
                    drafts.append(_Draft(number, line.start, line.end, line.end, "", line.start))
                continue
            term, def_start = head
            drafts.append(_Draft(number, line.start, line.start + offset + def_start, line.end, term, line.start))
        if drafts and drafts[-1].def_end >= len(self.view.text.rstrip()) and not self._complete(drafts[-1]):
            self.warn(drafts[-1].line, "glossary section is cut off at the end of the file")
        return [e for d in drafts if d.term and d.def_end > d.def_start for e in self._entries(d, title)]

    def _complete(self, draft: _Draft) -> bool:
        definition = self.view.text[draft.def_start:draft.def_end].rstrip()
        return bool(definition) and definition[-1] in SENTENCE_END

    def _entries(self, draft: _Draft, title: str) -> list[GlossaryEntry]:
        """The entries of one draft: one per term of its label (“双减”和“双增” gives two)."""
        definition = self.view.text[draft.def_start:draft.def_end]
        residue = WEB_RESIDUE.search(definition)
        def_end = draft.def_end - (len(definition) - residue.start()) if residue else draft.def_end
        definition = join_lines(self.view.text[draft.def_start:def_end])
        start, end = self.view.raw_span(draft.start, len(self.view.text[:def_end].rstrip()))
        return [analyse(GlossaryEntry(term, definition, self.source, title, draft.number, start, end,
                                      aliases=alias_forms(label) if label != term else []))
                for term, label in label_terms(draft.term)]  # fmt: skip

    def inline_entries(self, skip: list[tuple[int, int]]) -> list[GlossaryEntry]:
        """Definitions in body text, outside the ``skip`` ranges (cleaned offsets)."""
        found: dict[int, GlossaryEntry] = {}
        text = self.view.text
        for pattern in (INLINE_MEMBERS, INLINE_QUOTED_IE, INLINE_PAREN_IE, INLINE_MEANS, INLINE_SHORT_NAME):
            for match in finditer_in_lines(pattern, INLINE_LINE_CUES.get(pattern), text):
                start = min(match.start("term"), match.start("def"))
                end = max(match.end("def"), match.end("term"))
                if pattern is INLINE_MEMBERS:
                    end = match.end()  # the closing bracket is part of the entry
                    if match.group("term")[0] not in NUMERALS:
                        continue  # only a numbered name announces its members
                term = match.group("term").strip(_HSPACE)
                if any(a <= start < b for a, b in skip) or len(term) < 2 or start in found:
                    continue
                if pattern is INLINE_MEANS and (NOT_A_CUE.match(text, match.start("def") - 1)
                                                or NOT_A_CUE.match(text, match.start("def"))
                                                or MINED_TERM_STOP.search(term)):  # fmt: skip
                    continue  # 是指导性的 / 这个意见是指…: no definition
                raw_start, raw_end = self.view.raw_span(start, end)
                entry = GlossaryEntry(term, match.group("def").strip(_HSPACE), self.source,
                                      INLINE_SECTION, None, raw_start, raw_end, inline=True)  # fmt: skip
                found[start] = analyse(entry)
        first_by_term: dict[str, GlossaryEntry] = {}
        for _, entry in sorted(found.items()):
            first_by_term.setdefault(entry.term, entry)
        return list(first_by_term.values())

    def read(self) -> list[GlossaryEntry]:
        entries, skip = [], []
        for title_index, end in self.sections():
            entries.extend(self.section_entries(title_index, end))
            skip.append((self.lines[title_index].start, self.lines[end - 1].end))
        return entries + self.inline_entries(skip)


def extract(view: CleanText, source: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """The entries a document defines and the problems met while reading them."""
    reader = _Reader(view, source)
    return reader.read(), reader.problems


def extract_entries(view: CleanText, source: str) -> list[GlossaryEntry]:
    """The entries a document defines (sections first, then inline definitions); each
    problem is logged as one warning line ``FILE:LINE: message``."""
    entries, problems = extract(view, source)
    for problem in problems:
        logger.warning("%s", problem)
    return entries
