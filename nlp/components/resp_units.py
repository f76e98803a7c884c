"""The ``policy_resp_units`` component: RESP_UNIT spans for the units that responsibility clauses
name, with each unit's full ``name``, its ``role`` and the ``task`` the clause closes.

Clauses are found with the compiled regexes of nlp/rules/resp_unit_patterns.py on the cleaned
text (so a clause that the layout broke over lines is one clause); spans and tasks are mapped
back to offsets into ``doc.text``.

Example::

    >>> text = "1.加强水质保护。（责任单位：市生态环境局、发展和改革委员会）"
    >>> [(u.name, u.role) for u in find_resp_units(text)]
    [('市生态环境局', 'responsible'), ('市发展和改革委员会', 'responsible')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import clean_view
from ..rules import resp_unit_patterns as P
from ..rules.search import finditer_in_lines
from ..spans import add_policy_spans
from ..tables import tab_row_runs

LABEL = "RESP_UNIT"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RespUnit:
    """One unit of a clause; offsets into the cleaned text."""

    start: int
    end: int
    name: str
    role: str
    task_start: int
    task_end: int


@dataclass(frozen=True)
class _Clause:
    """A responsibility clause: its extent, its units ``(start, end, role)`` and whether it
    closes a task (a bracket or keyword clause) or sits inside its sentence (由…负责)."""

    start: int
    end: int
    items: list[tuple[int, int, str]]
    closing: bool
    task: tuple[int, int] | None = None  # set for a table row: its task cell, or the row


def find_resp_units(
    text: str, *, inline: bool = True, max_task_paragraphs: int = 4
) -> list[RespUnit]:
    """Responsible units of a cleaned text, in text order.

    Args:
        text: cleaned text (see nlp.text.clean).
        inline: also read 由…负责/牵头 and …牵头，…配合 constructions in running text.
        max_task_paragraphs: how many paragraphs a closing clause looks back for the numbered
            item it closes before settling for the sentence before it.

    Returns:
        One RespUnit per unit, e.g. 邓州市、淅川县政府 -> 邓州市 (name 邓州市政府), 淅川县政府.
    """
    units, floor, last_task = [], 0, (0, 0)
    for clause in _clauses(text, inline):
        if clause.task:
            task = clause.task
        elif clause.closing:
            # A clause right after another (牵头部门：… then 协同部门：…) closes the same task.
            task = _closing_task(text, clause.start, floor, max_task_paragraphs) or last_task
            floor, last_task = clause.end, task
        else:
            task = _sentence_around(text, clause.start, clause.end)
        names = _full_names([_SPACE.sub("", text[s:e]) for s, e, _ in clause.items])
        for (s, e, role), name in zip(clause.items, names):
            units.append(RespUnit(s, e, name, role, *task))
    return units


def _clauses(text: str, inline: bool) -> list[_Clause]:
    """Every clause of the text, in text order; a later-found clause overlapping an earlier one
    is dropped (keyword clauses first, then verb clauses, then running-text constructions)."""
    found: list[_Clause] = []
    for clause in _all_candidates(text, inline):
        if not any(clause.start < other.end and other.start < clause.end for other in found):
            found.append(clause)
    return sorted(found, key=lambda c: c.start)


def _all_candidates(text: str, inline: bool) -> Iterator[_Clause]:
    """Candidate clauses of every shape, in order of precedence."""
    yield from _table_rows(text)
    for regex in (P.KEYWORD_CLAUSE, P.LINE_KEYWORD_CLAUSE):
        for m in finditer_in_lines(regex, P.LINE_CUES.get(regex), text):
            items = _keyword_items(text, m.start("body"), m.end("body"))
            if items:
                yield _Clause(m.start(), m.end(), items, closing=True)
    for m in finditer_in_lines(P.VERB_CLAUSE, P.LINE_CUES.get(P.VERB_CLAUSE), text):
        items = _items(text, m.start("body"), m.end("body"), default_role=None)
        if _all_units(text, items) and items[-1][2] is not None:
            yield _Clause(m.start(), m.end(), items, closing=True)
    if inline:
        for regex in (P.BY_CONSTRUCTION, P.BARE_CONSTRUCTION):
            for m in finditer_in_lines(regex, P.LINE_CUES.get(regex), text):
                items = _items(text, *m.span("units"), default_role=P.VERB_ROLES[m["verb"]])
                if m["coop"]:
                    coop_role = P.VERB_ROLES[m["coop_verb"]]
                    items += _items(text, *m.span("coop"), default_role=coop_role)
                if _all_units(text, items):
                    yield _Clause(m.start("units"), m.end(), items, closing=False)


def _table_rows(text: str) -> Iterator[_Clause]:
    """The rows of task tables exported one row a line (nlp/tables.py) under a header with a
    clause keyword as a column (牵头单位, 配合单位, 责任单位 …): that column's cell lists the
    row's units, and the row's task is its task cell (重点任务, 工作内容 …) or the whole row."""
    for run in tab_row_runs(text):
        for i, header in enumerate(run):
            labels = [_SPACE.sub("", text[s:e]) for s, e in header]
            keywords = {j: P.KEYWORD.fullmatch(label) for j, label in enumerate(labels)}
            roles = {j: P.KEYWORD_ROLE_WORDS[m["role_word"]] for j, m in keywords.items() if m}
            if not roles:
                continue
            task_col = next((j for j, label in enumerate(labels) if P.TABLE_TASK_HEADER.search(label)), None)
            for row in run[i + 1:]:
                if len(row) != len(header):
                    break
                items = [item for j, role in roles.items() for item in _items(text, *row[j], default_role=role)]
                task = row[task_col] if task_col is not None else (row[0][0], row[-1][1])
                if items:
                    yield _Clause(row[0][0], row[-1][1], items, closing=False, task=task)
            break


def _keyword_items(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Units of a keyword clause body: each keyword (牵头单位：, 配合单位：) sets the role of
    the units up to the next keyword, another labelled field (完成时限：…) or a note (，下同)."""
    keywords = list(P.KEYWORD_IN_BODY.finditer(text, start, end))
    items = []
    for here, after in zip(keywords, keywords[1:] + [None]):
        segment_end = after.start() if after else end
        for stop in (P.OTHER_FIELD, P.CLAUSE_NOTE):
            found = stop.search(text, here.end(), segment_end)
            segment_end = found.start() if found else segment_end
        role = P.KEYWORD_ROLE_WORDS[here["role_word"]]
        items += _items(text, here.end(), segment_end, default_role=role)
    return items


def _items(
    text: str, start: int, end: int, default_role: str | None
) -> list[tuple[int, int, str | None]]:
    """Split ``text[start:end]`` into units ``(start, end, role)``.

    A unit ending in a role verb (市发展改革委牵头) gives that role to itself and to the units
    before it back to the previous verb; units after the last verb get ``default_role``."""
    bounds = [start]
    for m in P.ITEM_SEPARATOR.finditer(text, start, end):
        bounds += [m.start(), m.end()]
    bounds.append(end)
    items, pending = [], []
    for piece_start, piece_end in zip(bounds[::2], bounds[1::2]):
        s, e, verb = _trim(text, piece_start, piece_end)
        if s < e:
            pending.append((s, e))
        if verb is not None:
            items += [(a, b, P.VERB_ROLES[verb]) for a, b in pending]
            pending = []
    return items + [(a, b, default_role) for a, b in pending]


def _trim(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """The unit inside one list item, without spaces, 由, a trailing 等 or a role verb; also
    the role verb, if the item ends with one."""
    piece = text[start:end]
    s = start + len(piece) - len(piece.lstrip())
    e = start + len(piece.rstrip())
    lead = P.LEADING_NOISE.match(text, s, e)
    if lead:
        s = lead.end()
    verb = None
    role = P.ITEM_ROLE.search(text, s, e)
    if role:
        verb, e = role["verb"], role.start()
    etc = P.TRAILING_ETC.search(text, s, e)
    if etc:
        e = etc.start()
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e, verb


def _all_units(text: str, items: list[tuple[int, int, str | None]]) -> bool:
    """Whether every item of a clause without keyword ends like a unit name (局, 政府, 县…)."""
    return bool(items) and all(P.UNIT_SUFFIX.search(_SPACE.sub("", text[s:e])) for s, e, _ in items)


def _full_names(items: list[str]) -> list[str]:
    """Full names of a clause's units: a level prefix distributes forward to departments until
    another one appears, and the suffix of a place's unit distributes back over bare places.

    Example: [市生态环境局, 发展和改革委员会, 邓州市, 西峡县政府]
    -> [市生态环境局, 市发展和改革委员会, 邓州市政府, 西峡县政府]"""
    names, level, party = [], None, None
    for item in items:
        prefix = P.LEVEL_PREFIX.match(item)
        if P.GENERIC_START.match(item):
            names.append(item)
        elif prefix:
            level, party = prefix["prefix"], prefix[0] if prefix["party"] else None
            names.append(item)
        elif level and P.DEPARTMENT_SUFFIX.search(item) and not P.OWN_NAME_SUFFIX.search(item):
            names.append((party if party and P.PARTY_ORGAN_SUFFIX.search(item) else level) + item)
        else:
            names.append(item)
    suffix = None
    for i in range(len(items) - 1, -1, -1):
        if P.DIVISION_ONLY.match(items[i]) and not P.GENERIC_START.match(items[i]):
            if suffix:
                names[i] = items[i] + suffix
            continue
        prefix = P.LEVEL_PREFIX.match(items[i])
        place = prefix["prefix"] if prefix and P.DIVISION_ONLY.match(prefix["prefix"]) else None
        suffix = items[i][len(place):] if place and not P.GENERIC_START.match(items[i]) else None
    _distribute_over_levels(items, names)
    return names


def _distribute_over_levels(items: list[str], names: list[str]) -> None:
    """Full names of runs of bare levels (各市、县（市、区）人民政府): each takes the suffix of
    the level unit that ends the run, and a 各 that opens the run goes to every unit of it.

    Example: [各市, 县（市、区）人民政府] -> [各市人民政府, 各县（市、区）人民政府]"""
    start = 0
    for end, item in enumerate(items):
        if P.BARE_LEVEL.fullmatch(item):
            continue
        level = P.LEVEL_UNIT.match(item)
        suffix = item[level.end():] if level and start < end else ""
        if P.UNIT_SUFFIX.search(suffix):
            for i in range(start, end):
                names[i] = items[i] + suffix
            if items[start].startswith("各"):
                for i in range(start + 1, end + 1):
                    names[i] = names[i] if names[i].startswith("各") else "各" + names[i]
        start = end + 1


def _closing_task(
    text: str, clause_start: int, floor: int, max_paragraphs: int
) -> tuple[int, int] | None:
    """The task a clause closes: the numbered item it ends (1.加强水质保护。…), looked for up to
    ``max_paragraphs`` paragraphs back, else the sentence before it; never before ``floor``
    (the end of the previous closing clause). None when nothing but space precedes it."""
    end = clause_start
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end <= floor:
        return None if floor > 0 else (end, end)
    pos, paragraphs = end, 0
    while paragraphs < max_paragraphs:
        line_start = text.rfind("\n", 0, pos) + 1
        if line_start >= floor and P.ITEM_START.match(text, line_start):
            return _skip_space(text, line_start, end), end
        if line_start <= floor:
            if floor > 0:  # the text since the previous clause is the task
                return _skip_space(text, floor, end), end
            break
        if text[line_start:pos].strip():
            paragraphs += 1
        pos = line_start - 1
    last_end = max(text.rfind(ch, floor, end - 1) for ch in P.SENTENCE_END)
    return _skip_space(text, max(last_end + 1, floor), end), end


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: from the previous sentence end to the next,
    the closing punctuation included."""
    before = max(text.rfind(ch, 0, start) for ch in P.SENTENCE_END)
    ends = [i for i in (text.find(ch, end) for ch in P.SENTENCE_END) if i >= 0]
    after = min(ends, default=len(text))
    if after < len(text) and text[after] != "\n":
        after += 1
    return _skip_space(text, before + 1, after), after


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


class RespUnitTagger:
    """Tags RESP_UNIT spans with ``name``, ``role`` and ``task`` (see ANNOTATION.md).

    Settings: ``inline`` (also read 由…负责 and …牵头 in running text) and
    ``max_task_paragraphs`` (how far a closing clause looks back for its numbered item), see
    :func:`find_resp_units`; ``set_spans`` (rebuild ``doc.spans["policy"]`` and ``doc.ents``;
    off when a ``policy_spans`` component comes later, see nlp/spans.py)."""

    def __init__(
        self, name: str = "policy_resp_units", *, inline: bool = True, max_task_paragraphs: int = 4,
        set_spans: bool = True,
    ):  # fmt: skip
        self.name = name
        self.inline = inline
        self.max_task_paragraphs = max_task_paragraphs
        self.set_spans = set_spans

    def __call__(self, doc: Doc) -> Doc:
        view = clean_view(doc)
        found = []
        settings = {"inline": self.inline, "max_task_paragraphs": self.max_task_paragraphs}
        for unit in find_resp_units(view.text, **settings):
            start, end = view.raw_span(unit.start, unit.end)
            task_start, task_end = view.raw_span(unit.task_start, unit.task_end)
            task = {"start": task_start, "end": task_end}
            attrs = {"name": unit.name, "role": unit.role, "task": task}
            found.append((start, end, LABEL, attrs))
        add_policy_spans(doc, found, set_spans=self.set_spans)
        return doc


@Language.factory(
    "policy_resp_units",
    assigns=["doc.spans", "doc.ents"],
    default_config={"inline": True, "max_task_paragraphs": 4, "set_spans": True},
)
def make_resp_unit_tagger(
    nlp: Language, name: str, inline: bool, max_task_paragraphs: int, set_spans: bool
) -> RespUnitTagger:
    """The ``policy_resp_units`` factory (settings: see RespUnitTagger)."""
    return RespUnitTagger(name, inline=inline, max_task_paragraphs=max_task_paragraphs, set_spans=set_spans)
