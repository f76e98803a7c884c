"""policy_slogans: tag SLOGAN spans (ANNOTATION.md) on the characters of the cleaned text.

Candidates come from quoted spans, from unquoted formulations of the shapes in
nlp/rules/slogan_patterns.py (numbered nouns at each natural end, chains, 三不要, formulas,
以X为Y, enumerations of parallel parts) and from the unquoted mentions of the learned
lexicon; the slogan classifier (nlp/slogan_classifier.py) keeps or drops each, with the
evidence of the whole document among its features. Glossary terms and aliases (the loaded
glossary and the document's own, ``doc._.glossary``) are slogans wherever they occur, and so
is every other mention in the document of a string it accepted, and every mention of a string
that another document of the same run accepted (nlp/run_lexicon.py). Each span records why it
was tagged in ``source`` (SOURCE_* below). No span starts or ends inside a number, has a
NEVER_SLOGANS shape, or takes an unquoted digit code that counts something (315家), and no
unquoted one lies inside a longer word of the general dictionary (三河 in 三河市).

Example::

    >>> pipeline = nlp.load(components=["glossary_sections", "policy_slogans"])
    >>> doc = pipeline("锚定“两个确保”“十大战略”，开展“三个一批”活动，落实中央八项规定，实现“十四五”良好开局。")
    >>> [s.text for s in doc.spans["policy"]]
    ['两个确保', '十大战略', '三个一批', '八项规定']
"""

from __future__ import annotations

import json
import re
from collections import Counter
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..rules.slogan_patterns import (
    CHAIN_PART,
    CLAUSE_STOPS,
    DIGIT_FORMULA,
    DEFINITION_CUES,
    DIGITS,
    LIST_ECHO,
    LIST_PART_LENGTHS,
    LONG_LIST_PART_LENGTHS,
    LIST_RIGHT_TRIM,
    LEFT_CUES,
    MESSY_QUOTE_PAIRS,
    MIN_SLOGAN_LENGTH,
    NAMED_FORMULA_CUES,
    NAMED_FORMULA_LENGTH,
    NAMED_FORMULA_NAMES,
    NEVER_SLOGANS,
    NOT_BEFORE_NUMBERED,
    NOUN_STOP_CHARS,
    NUMBER_JOINERS,
    NUMERALS,
    FORMULA_SEPARATORS,
    FULL_WIDTH_CODE_CHARS,
    HALF_WIDTH_CODE_CHARS,
    PART_SEPARATORS,
    NUMBERED_CHAIN,
    NUMBERED_NEGATION,
    MAX_NUMBERED_NOUN,
    MEASURE_WORDS,
    NUMBERED_NOUN_LONG,
    SUMMED_COUNT,
    SUMMED_PART_LONGEST,
    PAIRED_FIRST_LONGEST,
    PAIRED_FORMULA,
    PAIRED_FORMULA_STARTS,
    PART_DEFINITION_CUES,
    QUOTE_PAIRS,
    QUOTED,
    RIGHT_CUES,
    WORD_SUFFIXES,
    YI_WEI,
)
from ..glossary.patterns import MAX_WORD_LENGTH, NUMERAL_VALUES
from ..glossary.standalone import dictionary_words
from ..rules.units import UNIT_TABLE
from ..slogan_classifier import (
    DEFAULT_MODEL_PATH,
    STRING_CACHE_SIZE,
    SloganClassifier,
    affix_words,
    candidate_features,
    list_parts,
)
from ..spans import add_policy_spans
from ..text import CleanText

LABEL = "SLOGAN"
# Every quotation mark, opening and closing, straight ones included.
QUOTE_CHARS = "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values()) + "".join(o for o, _ in MESSY_QUOTE_PAIRS)
# Characters of context taken on each side of a candidate for its features, leaving out the
# spaces that extracted text puts around quotes and between words (深化 “放管服” 改革): up to
# SPACE_ALLOWANCE more characters are read for them.
CONTEXT_CHARS = 6
SPACE_ALLOWANCE = 4
_LINE_SPACE = re.compile("[ \u3000\u00a0\t]+")
# The longest string whose definition cue is looked for (“X”，即…).
MAX_DEFINED_CHARS = 40
# Magnitude words after a number, which make it an amount (315万, 982亿).
MAGNITUDE_CHARS = "十百千万亿"
# Cue words before an enumeration, longest first (坚持 is taken off 坚持调整、改革…).
LEFT_CUES_LONGEST_FIRST = sorted(LEFT_CUES, key=len, reverse=True)
# A run of Chinese characters: one part of an enumeration.
CJK_SEGMENT = re.compile(r"[\u4e00-\u9fff]+")
# The words that name a formula as a policy, longest first (的思想路线 before 的路线).
NAMED_FORMULA_NAME = re.compile("|".join(sorted(map(re.escape, NAMED_FORMULA_NAMES), key=len, reverse=True)))
# The words a first part of an enumeration may follow inside its segment, and those a last part
# may precede, as sets with their longest length (looked up by affix, not one by one).
_LEFT_CUE_SET = frozenset(LEFT_CUES)
_LONGEST_LEFT_CUE = max(map(len, LEFT_CUES))
_TAIL_SET = frozenset(LIST_RIGHT_TRIM + RIGHT_CUES)
_LONGEST_TAIL = max(map(len, _TAIL_SET))
# Characters of a definition's start looked for to find where an entry's head ends.
HEAD_PROBE_CHARS = 8
# The most characters of a quote before an unquoted find that ends with it (a qualifier:
# “农业|八字宪法”): the find then names the quote, which is the slogan (see _quote_it_ends).
QUOTE_QUALIFIER_CHARS = 4


@dataclass(frozen=True)
class Candidate:
    """A possible slogan: cleaned-text offsets, how it was found, the text around it, and
    what the rest of the document says about its string (``evidence``: see
    :func:`document_evidence`)."""

    start: int
    end: int
    kind: str  # "quoted" or "bare"
    left: str
    right: str
    evidence: tuple[str, ...] = ()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Every innermost quoted span, without its quotes and the spaces inside them:
    “两个确保”“十大战略” -> 两个确保, 十大战略; “八七扶贫攻坚计划 ” -> 八七扶贫攻坚计划."""
    return [span for _, span in _quotes(text) if span]


def _quotes(text: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Each innermost quote pair: its span with the quotes, and the span of what it holds
    without the spaces inside (None when that is shorter than MIN_SLOGAN_LENGTH)."""
    quotes = []
    for m in QUOTED.finditer(text):
        start, end = m.start() + 1, m.end() - 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        quotes.append((m.span(), (start, end) if end - start >= MIN_SLOGAN_LENGTH else None))
    return quotes


def _bare_spans(text: str) -> set[tuple[int, int]]:
    """Unquoted formulations of the shapes in nlp/rules/slogan_patterns.py: numbered nouns at
    every noun length (四项基本, …, 四项基本原则), chains, 三不要, formulas, 以X为Y,
    enumerations of parallel parts, lists summed up by their count, named and paired formulas."""
    spans = set()
    for pattern in (NUMBERED_NEGATION, DIGIT_FORMULA):
        spans.update(m.span() for m in pattern.finditer(text))
    for m in NUMBERED_CHAIN.finditer(text):
        # The last part runs on greedily (三清一管一改|工作): it ends where a word starts, at
        # its greedy end where none does.
        last = max(i for i in range(m.start() + 1, m.end()) if text[i] in NUMERALS)
        ends = [end for end in range(last + 2, m.end() + 1) if _word_starts(text, end)] or [m.end()]
        spans.update((m.start(), end) for end in ends)
    for pattern in (NUMBERED_NOUN_LONG, YI_WEI):
        for m in pattern.finditer(text):
            start, longest = m.start(1), m.end(1)
            if pattern is NUMBERED_NOUN_LONG:  # the numeral, the measure word, two characters
                shortest = start + len(m.group(1)) - len(m.group(1).lstrip(NUMERALS)) + 3
            else:
                shortest = start + 3
            spans.update((start, end) for end in range(shortest, longest + 1) if _natural_end(text, end))
    spans.update(_list_spans(text))
    spans.update(_summed_list_spans(text))
    spans.update(_named_formula_spans(text))
    spans.update(_paired_formula_spans(text))
    return {(s, e) for s, e in spans if not _continues_number(text, s) and not _holds_de(text, s, e)}


def _summed_list_spans(text: str) -> Iterable[tuple[int, int]]:
    """Lists summed up by a count of their parts (SUMMED_COUNT): 实行|领导干部、专家、群众三结合,
    from each place the first part may start to each natural end of the numbered noun."""
    for m in SUMMED_COUNT.finditer(text):
        count, at = NUMERAL_VALUES[m.group(1)], m.start()
        part_start = at
        while part_start > 0 and CJK_SEGMENT.match(text[part_start - 1]):
            part_start -= 1
        parts = [(part_start, at)]
        while len(parts) < count and parts[-1][0] > 1 and text[parts[-1][0] - 1] == "、":
            end = start = parts[-1][0] - 1
            while start > 0 and CJK_SEGMENT.match(text[start - 1]):
                start -= 1
            parts.append((start, end))
        lengths = [end - start for start, end in parts]
        if len(parts) < count or min(lengths) < 1 or max(lengths[:-1], default=0) > SUMMED_PART_LONGEST:
            continue
        noun = m.end() + (text[m.end()] in MEASURE_WORDS)
        longest = noun
        while longest - noun < MAX_NUMBERED_NOUN and longest < len(text) and CJK_SEGMENT.match(text[longest]) \
                and text[longest] not in NOUN_STOP_CHARS:
            longest += 1
        ends = [end for end in range(noun + 2, longest + 1) if _natural_end(text, end)]
        yield from ((start, end) for start in _first_part_starts(text, *parts[-1]) for end in ends)


def _first_part_starts(text: str, start: int, end: int) -> list[int]:
    """Where the first part of a summed list in the segment ``text[start:end]`` may start: after
    the last cue word in it (做到|组织) and after every stop character after that (按照接班人五项
    条件和|老; 在|互相尊重主权和|领土完整: the classifier picks), or at the segment's start where
    neither comes; never more than SUMMED_PART_LONGEST characters before ``end``."""
    lo = max(start, end - SUMMED_PART_LONGEST)
    cue = max((c for c in range(start + 1, end) if _after_cue(text, start, c)), default=start)
    cuts = [c for c in range(max(cue, start + 1), end) if text[c - 1] in NOUN_STOP_CHARS]
    starts = sorted({cue, *cuts} - {start}) or [start]
    return [c for c in starts if c >= lo]


def _holds_de(text: str, start: int, end: int) -> bool:
    """Whether 的 stands inside ``text[start:end]`` other than at the end of a part (抓好大的，
    放活小的 may hold it): an unquoted stretch with 的 inside is a noun phrase (党政分开、政企分开
    的精简、统一、效能), a slogan in none of the training documents' 199 such candidates."""
    at = text.find("的", start, end)
    while at >= 0:
        if at + 1 < end and text[at + 1] not in PART_SEPARATORS:
            return True
        at = text.find("的", at + 1, end)
    return False


def _continues_number(text: str, start: int) -> bool:
    """Whether a numeral at ``start`` is part of a larger number or an ordinal (党的二十大,
    第十四个五年规划, 五零 in 一九五零年): NOT_BEFORE_NUMBERED comes before it."""
    return start > 0 and text[start] in NUMERALS and text[start - 1] in NOT_BEFORE_NUMBERED


def _natural_end(text: str, end: int) -> bool:
    """Whether a formulation may end at ``end``: at the text's end, before a character that is
    no part of a name (punctuation, 的, 和…) or before a cue word (四个现代化|建设, 三大革命|运动)."""
    after = text[end:end + 1]
    return (not after or not ("\u4e00" <= after <= "\u9fff") or after in NOUN_STOP_CHARS
            or any(text.startswith(cue, end) for cue in RIGHT_CUES))  # fmt: skip


def _word_starts(text: str, end: int) -> bool:
    """Whether a formulation may end at ``end`` (see :func:`_natural_end`), or a word of the
    general dictionary starts there and none runs across it (三去一降一补|成果)."""
    words = dictionary_words()
    return _natural_end(text, end) or (text[end:end + 2] in words and text[end - 1:end + 1] not in words)


def _named_formula_spans(text: str) -> Iterable[tuple[int, int]]:
    """Formulas of parallel parts that the text names as a policy: the stretch of one clause
    between the nearest NAMED_FORMULA_CUES word and a NAMED_FORMULA_NAMES word (贯彻|X、Y|的方针,
    根据|X，Y|的原则); a single clause named so (按照|平等互利|的原则) is mostly not a slogan."""
    shortest, longest = NAMED_FORMULA_LENGTH
    for m in NAMED_FORMULA_NAME.finditer(text):
        end = m.start()
        window = text[max(0, end - longest - 4):end]
        stop = max(window.rfind(ch) for ch in CLAUSE_STOPS)
        window_start = end - len(window)
        cue_end = _after_last(window, NAMED_FORMULA_CUES, stop + 1)
        start = window_start + cue_end
        if (cue_end >= 0 and shortest <= end - start <= longest and text[start] not in NOUN_STOP_CHARS
                and any(ch in PART_SEPARATORS for ch in text[start:end])):
            yield start, end


def _after_last(window: str, words: Iterable[str], lo: int = 0) -> int:
    """Where the last occurrence of any of ``words`` in ``window[lo:]`` ends (-1 if none)."""
    return max((i + len(word) for word in words for i in [window.rfind(word, lo)] if i >= 0), default=-1)


def _paired_formula_spans(text: str) -> Iterable[tuple[int, int]]:
    """Paired formulas (PAIRED_FORMULA) at a natural end, the first thing from the nearest clause
    stop or start word before the joiner: 实行|开发和节约并重, 按照|计划经济和市场调节相结合;
    where the two things end alike, the first is as long as the second (社会主义|物质文明和精神
    文明一齐抓)."""
    for m in PAIRED_FORMULA.finditer(text):
        joiner, end = m.start(), m.end()
        if not _natural_end(text, end):
            continue
        first = max(0, joiner - PAIRED_FIRST_LONGEST)
        window = text[first:joiner]
        start = first + max((i + 1 for i, ch in enumerate(window) if not CJK_SEGMENT.match(ch) and ch != "、"), default=0)
        start = max(start, first + _after_last(window, PAIRED_FORMULA_STARTS))
        second = m.group(1)
        if joiner - start > len(second) and text[joiner - 1] == second[-1]:
            start = joiner - len(second)  # the things end alike: as long as each other
        if start < joiner:
            yield start, end


def _list_spans(text: str) -> Iterable[tuple[int, int]]:
    """Enumerations of parallel parts: within a run of Chinese-character segments joined by 、
    (or by commas), every stretch of parts of one length (LIST_PART_LENGTHS), where the first
    part may be the end of its segment after a cue word (坚持|调整) and the last the start of
    its segment before a trailing word or a cue word (提高|的方针, 增收节支|运动), or either
    where it opens like its neighbour (以便|又多、又快、又好、又省|地发展):
    深入、持久地开展增产节约、增收节支运动 -> 增产节约、增收节支. Comma-joined parts have three
    characters or more (首先，其次 is no slogan). Parts are not cut at stop characters (的, 和):
    that made candidates of most lists of nouns and clauses and lowered the LODO table."""
    for run, joiner in _runs(text):
        for size in LIST_PART_LENGTHS if joiner == "、" else LIST_PART_LENGTHS[1:]:
            yield from _stretches(text, run, size)
        for size in LONG_LIST_PART_LENGTHS:
            yield from (span for span in _stretches(text, run, size) if _echoes(text, *span, size))


def _echoes(text: str, start: int, end: int, size: int) -> bool:
    """Whether each part of the stretch ``text[start:end]`` (parts of ``size`` characters, one
    separator between them) echoes the part before it (see LIST_ECHO)."""
    parts = [text[at:at + size] for at in range(start, end, size + 1)]
    for a, b in zip(parts, parts[1:]):
        aligned = sum(x == y for x, y in zip(a, b))
        pieces = {a[i:i + 2] for i in range(size - 1)} & {b[i:i + 2] for i in range(size - 1)}
        if aligned < LIST_ECHO and len(pieces) < LIST_ECHO:
            return False
    return True


def _stretches(text: str, run: list[tuple[int, int]], size: int) -> Iterable[tuple[int, int]]:
    """The stretches of ``run`` whose parts all have ``size`` characters (see
    :func:`_list_spans`), as spans from the first part's cut to each part that may end one:
    they start where no longer stretch of this size starts before them."""
    lengths = [end - start for start, end in run]
    i = 0
    while i < len(run) - 1:
        last = None
        start, end = run[i]
        if lengths[i + 1] < size:  # no stretch of this size starts here: skip the cue look-up
            i += 1
            continue
        if lengths[i] == size or (lengths[i] > size and _may_open(text, run, i, size)):
            for j in range(i + 1, len(run)):
                if lengths[j] == size or (lengths[j] > size and _may_close(text, run, j, size)):
                    last = j
                    yield end - size, run[j][0] + size  # the classifier picks the end
                if lengths[j] != size:
                    break
        # Parts inside a stretch start no other; a cut last part's segment may open the next.
        i = i + 1 if last is None else last + (lengths[last] == size)


def _may_open(text: str, run: list[tuple[int, int]], i: int, size: int) -> bool:
    """Whether the last ``size`` characters of the longer segment ``run[i]`` may be a stretch's
    first part: a cue word comes before them (坚持|调整), or they share their first character
    with the next part (以便|又多、又快: parallel parts often open alike)."""
    start, end = run[i]
    return text[end - size] == text[run[i + 1][0]] or _after_cue(text, start, end - size)


def _may_close(text: str, run: list[tuple[int, int]], j: int, size: int) -> bool:
    """Whether the first ``size`` characters of the longer segment ``run[j]`` may be a stretch's
    last part: a trailing or cue word follows them (提高|的方针), or they share their first
    character with the part before (又好、又省|地发展)."""
    cut = run[j][0] + size
    return text[run[j][0]] == text[run[j - 1][1] - size] or _before_tail(text, cut)


def _after_cue(text: str, start: int, cut: int) -> bool:
    """Whether a cue word (坚持|调整) ends at ``cut``, inside the segment that starts at ``start``."""
    return bool(affix_words(text[max(start, cut - _LONGEST_LEFT_CUE):cut], _LEFT_CUE_SET, _LONGEST_LEFT_CUE, True))


def _before_tail(text: str, cut: int) -> bool:
    """Whether a trailing word (的方针) or a cue word (运动) starts at ``cut``."""
    return bool(affix_words(text[cut:cut + _LONGEST_TAIL], _TAIL_SET, _LONGEST_TAIL, False))


def _runs(text: str) -> Iterable[tuple[list[tuple[int, int]], str]]:
    """Runs of Chinese-character segments joined by single 、 (``"、"``) or by single commas
    (``"，"``; a segment inside a 、 run is not part of one)."""
    segments = [m.span() for m in CJK_SEGMENT.finditer(text)]
    joined = [b[0] - a[1] == 1 and text[a[1]] for a, b in zip(segments, segments[1:])]
    for joiner, accepted in (("、", "、"), ("，", "，,")):
        run: list[tuple[int, int]] = []
        for i, segment in enumerate(segments):
            in_enumeration = (i > 0 and joined[i - 1] == "、") or (i < len(joined) and joined[i] == "、")
            if joiner == "，" and in_enumeration:
                run = _flush(run, joiner)
                yield from run
                run = []
                continue
            if run and joined[i - 1] in tuple(accepted):
                run.append(segment)
            else:
                yield from _flush(run, joiner)
                run = [segment]
        yield from _flush(run, joiner)


def _flush(run: list[tuple[int, int]], joiner: str) -> list:
    return [(run, joiner)] if len(run) > 1 else []


def crosses_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts or ends inside a run of digits (369 in 3696亿元;
    a decimal point or thousands comma between digits keeps the run going)."""
    return _joined(text, start) or _joined(text, end)


def _joined(text: str, at: int) -> bool:
    """Whether a number runs on across position ``at`` (between text[at - 1] and text[at])."""
    if not 0 < at < len(text):
        return False
    before, after = text[at - 1], text[at]
    if before in DIGITS and after in DIGITS:
        return True
    if before in DIGITS and after in NUMBER_JOINERS:
        return text[at + 1:at + 2] in tuple(DIGITS) and text[at + 1:at + 2] != ""
    if before in NUMBER_JOINERS and after in DIGITS:
        return at >= 2 and text[at - 2] in DIGITS
    return False


def _is_amount(text: str, start: int, end: int) -> bool:
    """Whether an unquoted digit code is an amount here: followed by a magnitude word or a unit
    (a quoted “315” names a campaign; 315家 later counts shops and is an INDICATOR)."""
    if not any(ch in DIGITS for ch in text[start:end]) or any("\u4e00" <= ch <= "\u9fff" for ch in text[start:end]):
        return False
    return text[end:end + 1] in MAGNITUDE_CHARS or any(text.startswith(unit, end) for unit in UNIT_TABLE)


def free_standing(text: str, start: int, end: int) -> bool:
    """Whether an unquoted mention of a string accepted elsewhere stands on its own here: no
    derivational suffix after it makes it part of a longer word (城乡一体|化), a numeral
    opening it does not continue a number or an ordinal (五零 in 一九五零年), as for a
    formulation, and no word of the general dictionary holds it (see :func:`_inside_word`)."""
    return (text[end:end + 1] not in tuple(WORD_SUFFIXES) and not _continues_number(text, start)
            and not _inside_word(text, start, end))  # fmt: skip


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether a longer word of the general dictionary (nlp.glossary.standalone) holds
    ``text[start:end]``: a place name (三河 in 三河市), an idiom (五湖 in 五湖四海), a compound.
    No unquoted find is tagged there: a candidate, a lexicon, glossary or run term, a repeat.
    A word that only adds a cue or trailing word to it (四化|建设) does not count, nor does a
    word that merely cuts through one of its edges (行政 in 实行政企分开: segmentation is
    ambiguous there, and such a guard lost slogans in the LODO table)."""
    if end - start >= MAX_WORD_LENGTH:
        return False  # no dictionary word is longer
    words = dictionary_words()
    for word_start in range(max(0, start - MAX_WORD_LENGTH + 1), start + 1):
        for word_end in range(end, min(len(text), word_start + MAX_WORD_LENGTH) + 1):
            word = text[word_start:word_end]
            if (word_end - word_start > end - start and word in words
                    and not (word_start == start and word[end - start:] in _TAIL_SET)):
                return True
    return False


def never_slogan(string: str) -> bool:
    """Shapes that are never slogans (NEVER_SLOGANS: 十连增, “八五”, 神舟五号)."""
    return any(pattern.fullmatch(string) for pattern in NEVER_SLOGANS)


def document_evidence(text: str, quoted: Iterable[tuple[int, int]]) -> "Evidence":
    """What a document says about each string beyond one mention: how often it occurs, whether
    it is quoted (elsewhere), whether a definition follows it somewhere."""
    return Evidence(text, Counter(text[s:e] for s, e in quoted))


class Evidence:
    """Document-level evidence of candidate strings, as features (counted once per string):
    ``freq=1|2|3`` (occurrences in the text), ``quoted_in_doc`` (quoted somewhere other than
    at this mention), ``defined_in_doc`` (followed somewhere by a definition: “X”，即…)."""

    def __init__(self, text: str, quoted: Counter):
        self.text = text
        self.quoted = quoted
        self.defined = _defined_strings(text)
        self._cache: dict[tuple[str, str], tuple[str, ...]] = {}

    def of(self, string: str, kind: str) -> tuple[str, ...]:
        key = (string, kind)
        if key not in self._cache:
            feats = [f"freq={min(self.text.count(string), 3)}"]
            if self.quoted[string] > (1 if kind == "quoted" else 0):
                feats.append("quoted_in_doc")
            if string in self.defined:
                feats.append("defined_in_doc")
            self._cache[key] = tuple(f"{kind}:{f}" for f in feats) + tuple(feats)
        return self._cache[key]


def _defined_strings(text: str) -> set[str]:
    """Every string that a definition cue follows somewhere (“X”，即…, X是指…): for each cue,
    the up to MAX_DEFINED_CHARS characters before it, as every suffix of two or more (one pass
    over the text per cue, instead of one search per candidate string)."""
    defined = set()
    for cue in DEFINITION_CUES:
        at = text.find(cue)
        while at >= 0:
            head = text[max(0, at - MAX_DEFINED_CHARS):at]  # what the cue (or its quote) follows
            defined.update(head[i:] for i in range(len(head) - 1))
            at = text.find(cue, at + 1)
    return defined


def find_candidates(text: str, evidence: "Evidence | None" = None) -> list[Candidate]:
    """Quoted and bare candidates of a cleaned text, in text order; bare ones never overlap a
    quoted span or its quotes (they may follow a closing quote: 乡村振兴”四大战略), never cross
    a number, and never have a NEVER_SLOGANS shape."""
    quotes = _quotes(text)
    quoted = [span for _, span in quotes if span]
    inside = bytearray(len(text))
    for (s, e), _ in quotes:  # the quotes and what they hold
        inside[s:e] = b"\1" * (e - s)
    evidence = evidence or document_evidence(text, quoted)
    found = [(s, e, "quoted") for s, e in quoted]
    found += [(s, e, "bare") for s, e in sorted(_bare_spans(text)) if not any(inside[s:e])]
    candidates = [candidate_at(text, s, e, kind, evidence) for s, e, kind in found]
    return sorted((c for c in candidates if c), key=lambda c: (c.start, c.end))


def candidate_at(text: str, start: int, end: int, kind: str, evidence: "Evidence") -> Candidate | None:
    """The candidate ``text[start:end]`` of ``kind`` ("quoted", "bare" or "mention": an
    unquoted occurrence of a string of the learned lexicon), None where it crosses a number,
    has a NEVER_SLOGANS shape, is a mention that does not stand on its own (see
    :func:`free_standing`), or is unquoted and held by a longer dictionary word (see
    :func:`_inside_word`)."""
    string = text[start:end]
    if crosses_number(text, start, end) or never_slogan(string) or (kind == "mention" and not free_standing(text, start, end)):
        return None
    if kind == "bare" and _inside_word(text, start, end):
        return None
    outer = 1 if kind == "quoted" else 0
    left = _LINE_SPACE.sub("", text[max(0, start - outer - CONTEXT_CHARS - SPACE_ALLOWANCE):start - outer])
    right = _LINE_SPACE.sub("", text[end + outer:end + outer + CONTEXT_CHARS + SPACE_ALLOWANCE])
    return Candidate(start, end, kind, left[-CONTEXT_CHARS:], right[:CONTEXT_CHARS], evidence.of(string, kind))


def glossary_terms(entries: Iterable) -> set[str]:
    """The spellings of glossary entries (objects or dicts with term/aliases) that a mention
    spans: quoted spellings and those that only add a suffix to another are left out, since a
    slogan is its minimal form (“万人助万企”活动 -> 万人助万企)."""
    terms = set()
    for entry in entries:
        get = entry.get if isinstance(entry, dict) else lambda k, e=entry: getattr(e, k, None)
        forms = {t.strip() for t in [get("term"), *(get("aliases") or [])] if t and t.strip()}
        forms = {t for t in forms if len(t) >= MIN_SLOGAN_LENGTH and not any(q in t for q in QUOTE_CHARS)}
        terms.update(t for t in forms if not any(o != t and t.startswith(o) for o in forms))
    return terms


# A term's key: each separator of FORMULA_SEPARATORS written as the first, and full-width code
# characters half width; and the spellings that each character of a key stands for.
_SPELLING_KEY = str.maketrans({**dict.fromkeys(FORMULA_SEPARATORS, FORMULA_SEPARATORS[0]),
                               **dict(zip(FULL_WIDTH_CODE_CHARS, HALF_WIDTH_CODE_CHARS))})  # fmt: skip
_SPELLINGS = {FORMULA_SEPARATORS[0]: FORMULA_SEPARATORS,
              **{half: half + full for full, half in zip(FULL_WIDTH_CODE_CHARS, HALF_WIDTH_CODE_CHARS)}}  # fmt: skip


def spelling_key(string: str) -> str:
    """``string`` with its separators written alike and its digit codes half width (厉行节约，
    反对浪费 -> 厉行节约、反对浪费; ３＋２＋４ -> 3+2+4): the spellings of one term share it,
    and terms are matched and looked up by it."""
    return string.translate(_SPELLING_KEY)


def _char_regex(ch: str) -> str:
    """The regex of a character of a term's key: any of its spellings."""
    spellings = _SPELLINGS.get(ch)
    return "[" + re.escape(spellings) + "]" if spellings else re.escape(ch)


@lru_cache(maxsize=STRING_CACHE_SIZE)
def _variant_pattern(key: str) -> re.Pattern:
    """The spellings of a term's key (its separators any of FORMULA_SEPARATORS, its digits of
    either width)."""
    return re.compile("".join(map(_char_regex, key)))


def _mention_pattern(terms: Iterable[str], prefilter: bool = False) -> re.Pattern | None:
    """A pattern that finds, at the leftmost position where one of ``terms`` starts, the
    longest term there (as one alternation over the terms, longest first, would).

    It is written as a trie (两(?:个(?:确保|…)|…)|…), so that a position is tried against the
    terms that share its first characters rather than against every term. With ``prefilter``
    a lookahead on the first two characters comes first: it costs a step at every position
    (a pattern that opens with a lookahead loses the engine's quick scan for a first
    character) and saves trying the terms at most positions where one could start. It pays
    for the few hundred fixed terms, whose first characters are common (一, 两, 三, 大…)."""
    terms = set(map(spelling_key, terms))
    if not terms:
        return None
    lookahead = ""
    if prefilter and min(map(len, terms)) >= 2:
        first, second = ({t[i] for t in terms} for i in (0, 1))
        lookahead = f"(?={_char_class(first)}{_char_class(second)})"
    return re.compile(lookahead + _trie_regex(terms))


def _char_class(chars: Iterable[str]) -> str:
    chars = {spelling for ch in chars for spelling in _SPELLINGS.get(ch, ch)}
    return "[" + "".join(map(re.escape, sorted(chars))) + "]"


def _trie_regex(terms: Iterable[str]) -> str:
    """A regex matching the longest of ``terms`` that fits: each character is followed by the
    alternatives for the next one, optional where a term ends, so the longer match wins."""
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}  # a term ends here

    def regex(node: dict) -> str:
        branches = [_char_regex(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(node) == 1 else f"(?:{'|'.join(branches)})"
        return body + "?" if "" in node else body

    return regex(trie)


def chain_parts(terms: Iterable[str]) -> set[str]:
    """The parts of the numbered chain terms among ``terms``: 一渠两岸 -> 一渠, 两岸."""
    parts = set()
    for term in terms:
        if NUMBERED_CHAIN.fullmatch(term):
            parts.update(CHAIN_PART.findall(term))
    return parts


def _occurrences(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Every occurrence of each of ``terms`` in ``text`` (overlapping ones too, and spellings
    with other separators), by start and then longest first."""
    spans = []
    for term in map(spelling_key, terms):
        pattern = _variant_pattern(term)
        match = pattern.search(text)
        while match:
            spans.append(match.span())
            match = pattern.search(text, match.start() + 1)
    return sorted(spans, key=lambda span: (span[0], -span[1]))


def _leftmost_longest(text: str, fixed: re.Pattern | None, extra: set[str]) -> list[tuple[int, int]]:
    """The spans that ``_mention_pattern`` over the terms of ``fixed`` and ``extra`` together
    would find, without compiling them into one: at the leftmost position where a fixed or an
    extra term starts, the longest wins, and the search goes on after it. The extra terms (a
    document's own, a few) are looked for one by one, each with its cached pattern."""
    found: list[tuple[int, int]] = []
    extra_spans = iter(_occurrences(text, extra))
    match = fixed.search(text) if fixed else None
    span = next(extra_spans, None)
    while match or span:
        options = [s for s in (match.span() if match else None, span) if s]
        best = min(options, key=lambda s: (s[0], -s[1]))
        found.append(best)
        if match and match.start() < best[1]:
            match = fixed.search(text, best[1])
        while span and span[0] < best[1]:
            span = next(extra_spans, None)
    return found


class TermMatcher:
    """Finds slogan terms, and the defined parts of chain terms, in a text. The pipeline's
    fixed terms (loaded glossary and lexicon, a few hundred) are compiled once here; compiling
    them per document cost more than matching them. A document's own terms are few and are
    looked for one by one."""

    def __init__(self, terms: Iterable[str] = ()):
        self.terms = frozenset(terms)
        self._parts = frozenset(chain_parts(self.terms))
        self._terms_pattern = _mention_pattern(self.terms, prefilter=True)
        self._parts_pattern = _mention_pattern(self._parts)

    def mentions(self, text: str, terms: set[str]) -> list[tuple[int, int]]:
        """Spans of ``terms`` and the fixed terms, as one longest-first alternation finds them."""
        return _leftmost_longest(text, self._terms_pattern, terms - self.terms)

    def part_mentions(self, text: str, terms: set[str]) -> list[tuple[int, int]]:
        """Spans of the chain parts of ``terms`` and the fixed terms, likewise."""
        return _leftmost_longest(text, self._parts_pattern, chain_parts(terms - self.terms) - self._parts)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


class _Taken:
    """The spans tagged so far, sorted and non-overlapping, and the spans never tagged
    (``skip``, a few). A bisect finds whether a span overlaps a tagged one: documents have
    hundreds."""

    def __init__(self, skip: Iterable[tuple[int, int]]):
        self.skip = list(skip)
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` overlaps neither a tagged nor a skipped span."""
        before = bisect_left(self.starts, span[1])  # the tagged spans that start before it ends
        return not (before and self.ends[before - 1] > span[0]) and not _overlaps(span, self.skip)

    def add(self, span: tuple[int, int]) -> None:
        at = bisect_left(self.starts, span[0])
        self.starts.insert(at, span[0])
        self.ends.insert(at, span[1])

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends))


# The evidence feature of a candidate whose string the learned lexicon holds (a slogan of
# another training document), and of an enumeration one of whose parts it holds (增产节约 of
# 增产节约、增收节支: the part is known, and the enumeration around it is the formulation).
IN_LEXICON = "in_lexicon"
PART_IN_LEXICON = "part_in_lexicon"


def lexicon_evidence(string: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """IN_LEXICON when ``known(string)``, PART_IN_LEXICON when ``string`` is an enumeration
    with a part that is ``known``."""
    if known(string):
        return (IN_LEXICON,)
    parts = list_parts(string)
    return (PART_IN_LEXICON,) if len(parts) > 1 and any(map(known, parts)) else ()


# The ``source`` attribute of a SLOGAN record: why it was tagged.
SOURCE_CLASSIFIER = "classifier"  # a candidate the classifier kept
SOURCE_GLOSSARY = "glossary"  # a term of the loaded glossary or of the document's own
SOURCE_LEXICON = "lexicon"  # a mention of a slogan of the learned lexicon that the classifier kept
SOURCE_PROPAGATED = "propagated"  # another mention of a string accepted in the same document
SOURCE_RUN = "run"  # a string accepted in a document of the same run, this one or another (nlp/run_lexicon.py)


def select_slogans(
    text: str,
    candidates: list[Candidate],
    model: SloganClassifier,
    terms: dict[str, str],
    skip: Iterable[tuple[int, int]] = (),
    matcher: TermMatcher | None = None,
) -> list[tuple[int, int, str]]:
    """The slogan spans of a cleaned text, as (start, end, source) with offsets into it.

    Args:
        text: the cleaned text.
        candidates: its candidates (see :func:`find_candidates`).
        model: the classifier that keeps or drops candidates.
        terms: strings that are slogans wherever they occur, each with its source
            (SOURCE_GLOSSARY, SOURCE_LEXICON or SOURCE_RUN).
        skip: spans never tagged (the heads of glossary entries).
        matcher: compiled beforehand over a subset of ``terms`` (default: none, so all of
            ``terms`` is looked for one by one).

    Returns:
        Sorted, non-overlapping spans that never cross a number:
        ``select_slogans("落实“四个不摘”要求", …)`` -> [(3, 7, "classifier")].
    """
    matcher = matcher or TermMatcher()
    mentions = matcher.mentions(text, set(terms))
    source_of = {spelling_key(t): source for t, source in terms.items()}  # spellings share a key
    lexicon = {key for key, source in source_of.items() if source == SOURCE_LEXICON}
    quoted = [(c.start, c.end) for c in candidates if c.kind == "quoted"]
    evidence = document_evidence(text, quoted)
    covered = {(c.start, c.end) for c in candidates}
    scored = list(candidates) + [c for start, end in mentions if spelling_key(text[start:end]) in lexicon
                                 and (start, end) not in covered
                                 for c in [candidate_at(text, start, end, "mention", evidence)] if c]  # fmt: skip
    best_bare: dict[int, tuple] = {}  # start -> the likeliest unquoted candidate accepted there
    options = []  # (rank, start, end, source); sorted, the first of overlapping options wins
    for c in scored:
        string = text[c.start:c.end]
        if source_of.get(spelling_key(string)) == SOURCE_GLOSSARY:
            continue  # found below as a mention, where a longer term around it may win
        extra = lexicon_evidence(spelling_key(string), lexicon.__contains__)
        p = model.probability(candidate_features(string, c.left, c.right, c.kind, model.settings, c.evidence + extra))
        if p < model.threshold:
            continue
        if c.kind == "quoted":
            options.append(((0, 0, -p), c.start, c.end, SOURCE_CLASSIFIER))
        elif c.start not in best_bare or better_at_start(text, c.start, (p, c.end), best_bare[c.start][:2]):
            best_bare[c.start] = (p, c.end, SOURCE_LEXICON if c.kind == "mention" else SOURCE_CLASSIFIER)
    quote_starts = {end: start for start, end in quoted}
    for start, (p, end, source) in list(best_bare.items()):
        quote = _quote_it_ends(text, quote_starts, start, end)
        if quote is not None:
            del best_bare[start]
            options.append(((1, -(end - quote), -p), quote, end, SOURCE_CLASSIFIER))
    term_mentions = [(start, end, source) for start, end in mentions
                     for source in [source_of.get(spelling_key(text[start:end]))]
                     if source in (SOURCE_GLOSSARY, SOURCE_RUN) and not _inside_word(text, start, end)]  # fmt: skip
    term_ends = {}  # start -> the ends of the glossary and run terms there
    for start, end, _ in term_mentions:
        term_ends.setdefault(start, []).append(end)
    # A term with a cue or trailing word after it is the term (三清一管一改|工作: minimal form).
    options += [((1, -(end - start), -p), start, end, source) for start, (p, end, source) in best_bare.items()
                if not any(text[term_end:end] in _TAIL_SET for term_end in term_ends.get(start, ()))]  # fmt: skip
    options += [((1, -(end - start), -1.0), start, end, source) for start, end, source in term_mentions]
    # Quoted spans first, then the longer of overlapping finds (和平共处五项原则 over 五项原则).
    taken = _Taken(skip)
    sources = {}
    for rank, start, end, source in sorted(options):
        if taken.free((start, end)) and not crosses_number(text, start, end) and not (
                rank[0] and _is_amount(text, start, end)):
            taken.add((start, end))
            sources[(start, end)] = source
    accepted = {spelling_key(text[s:e]) for (s, e), source in sources.items()
                if source in (SOURCE_CLASSIFIER, SOURCE_LEXICON)}  # fmt: skip
    for span in [*_leftmost_longest(text, None, accepted), *_defined_parts(text, set(terms), matcher)]:
        string = text[span[0]:span[1]]
        repeat = spelling_key(string) in accepted
        if (taken.free(span) and not crosses_number(text, *span) and not never_slogan(string)
                and not _is_amount(text, *span) and (not repeat or free_standing(text, *span))):
            taken.add(span)
            sources[span] = SOURCE_PROPAGATED if repeat else SOURCE_GLOSSARY
    return [(s, e, sources[(s, e)]) for s, e in taken.spans()]


def _quote_it_ends(text: str, quote_starts: dict[int, int], start: int, end: int) -> int | None:
    """Where the quote starts whose last words ``text[start:end]`` are, after a qualifier of at
    most QUOTE_QUALIFIER_CHARS characters and with no part separator in the quote (“农业八字宪法”
    -> 八字宪法), else None. A quoted slogan is the quoted text (annotation guide): none of the
    1,440 quotes of the training documents has its end tagged without its start."""
    quote = quote_starts.get(end)
    if quote is None or not quote < start <= quote + QUOTE_QUALIFIER_CHARS:
        return None
    return quote if len(list_parts(text[quote:end])) == 1 else None


def better_at_start(text: str, start: int, new: tuple[float, int], old: tuple[float, int]) -> bool:
    """Whether the accepted unquoted candidate ``new`` (probability, end) beats ``old`` at the
    same start: an enumeration beats its own first part (以粮为纲、多种经营 over 以粮为纲), a
    find beats itself with a cue or trailing word after it (四个现代化 over 四个现代化建设: the
    minimal form), else the likelier one wins."""
    (p, end), (p_old, end_old) = new, old
    if _opens_enumeration(text, start, min(end, end_old), max(end, end_old)):
        return end > end_old
    if text[min(end, end_old):max(end, end_old)] in _TAIL_SET:
        return end < end_old
    return p > p_old


def _opens_enumeration(text: str, start: int, end: int, longer_end: int) -> bool:
    """Whether text[start:end] is the first part of the enumeration text[start:longer_end]."""
    parts = list_parts(text[start:longer_end])
    return len(parts) > 1 and parts[0] == text[start:end]


def _defined_parts(text: str, terms: set[str], matcher: TermMatcher) -> list[tuple[int, int]]:
    """Parts of a numbered chain term where its definition spells them out: 一渠即幸福渠."""
    return [(start, end) for start, end in matcher.part_mentions(text, terms)
            if text[end:end + 3].startswith(PART_DEFINITION_CUES)]  # fmt: skip


@Language.factory(
    "policy_slogans",
    assigns=["doc.spans", "doc.ents"],
    requires=["doc.text"],
    default_config={"model": "default", "glossary": "default", "threshold": None, "set_spans": True},
    default_score_weights={"ents_f": None},
)
def make_slogan_tagger(nlp: Language, name: str, model: str, glossary: str, threshold: float | None,
                       set_spans: bool):  # fmt: skip
    """Factory of :class:`SloganTagger` (settings in the README's slogan section)."""
    return SloganTagger(nlp, name, model=model, glossary=glossary, threshold=threshold, set_spans=set_spans)


class SloganTagger:
    """Tags SLOGAN spans in ``doc.spans["policy"]`` (and ``doc.ents`` where nothing overlaps).

    Args:
        model: path of a classifier JSON, or "default" for the packaged one.
        glossary: path of a glossary JSONL, "default" for the packaged glossary, or "" for none.
        threshold: overrides the model's probability threshold when set.
        set_spans: rebuild ``doc.spans["policy"]`` and ``doc.ents`` (off when a
            ``policy_spans`` component comes later; see nlp/spans.py).
    """

    def __init__(self, nlp: Language, name: str, *, model: str = "default", glossary: str = "default",
                 threshold: float | None = None, set_spans: bool = True):  # fmt: skip
        self.name = name
        self.set_spans = set_spans
        self.cfg = {"model": model, "glossary": glossary, "threshold": threshold}
        self.model: SloganClassifier | None = None
        self.terms: dict[str, str] = {}  # fixed terms: string -> SOURCE_GLOSSARY / SOURCE_LEXICON
        self.run_terms: frozenset[str] = frozenset()  # strings accepted in the run's documents
        self.matcher = TermMatcher()

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the classifier and the glossary terms named in the settings."""
        path = DEFAULT_MODEL_PATH if self.cfg["model"] == "default" else self.cfg["model"]
        self.model = SloganClassifier.load(path)
        if self.cfg["threshold"] is not None:
            self.model.threshold = float(self.cfg["threshold"])
        self._set_terms(glossary_terms(_load_glossary(self.cfg["glossary"])), self.model.lexicon)

    def _set_terms(self, glossary: Iterable[str], lexicon: Iterable[str]) -> None:
        self.terms = {**dict.fromkeys(lexicon, SOURCE_LEXICON), **dict.fromkeys(glossary, SOURCE_GLOSSARY)}
        self.matcher = TermMatcher(set(self.terms) | self.run_terms)

    def set_run_terms(self, strings: Iterable[str]) -> None:
        """Slogan strings accepted in the documents of this run (nlp/run_lexicon.py): tagged
        wherever they occur, with ``source`` "run" where nothing else accepts them."""
        self.run_terms = frozenset(strings)
        self.matcher = TermMatcher(set(self.terms) | self.run_terms)

    def document_terms(self, own: Iterable[dict]) -> dict[str, str]:
        """The terms of a document: the fixed ones, the run's and its own glossary's (``own``).
        A string of the learned lexicon that a document of the run accepts is a run term: the
        classifier no longer has to accept each of its mentions, so that a document read in
        chunks tags what it tags whole."""
        fixed = {term: source for term, source in self.terms.items()
                 if source == SOURCE_GLOSSARY or term not in self.run_terms}  # fmt: skip
        return {**dict.fromkeys(self.run_terms, SOURCE_RUN), **fixed,
                **dict.fromkeys(glossary_terms(own), SOURCE_GLOSSARY)}  # fmt: skip

    def find(self, view: CleanText, own: list[dict]) -> list[tuple[int, int, str]]:
        """The slogans of a cleaned text as ``(start, end, source)`` (cleaned offsets), given its
        own glossary entries with cleaned offsets."""
        if self.model is None:
            raise RuntimeError(f"{self.name} is not initialized: build the pipeline with nlp.load()")
        heads = glossary_heads(view.text, own)
        return select_slogans(view.text, find_candidates(view.text), self.model, self.document_terms(own),
                              heads, self.matcher)  # fmt: skip

    def accepted_strings(self, view: CleanText, own: list[dict]) -> set[str]:
        """The strings a document itself accepts as slogans (kept by the classifier or defined
        by its own glossary): what it adds to a run's lexicon."""
        return {view.text[s:e] for s, e, source in self.find(view, own)
                if source == SOURCE_CLASSIFIER or (source == SOURCE_GLOSSARY and view.text[s:e] not in self.terms)}  # fmt: skip

    def __call__(self, doc: Doc) -> Doc:
        view = doc._.clean
        own = [dict(e, start=s, end=t) for e in doc._.glossary for s, t in [view.clean_span(e["start"], e["end"])]]
        spans = self.find(view, own)
        add_policy_spans(doc, ((*view.raw_span(s, e), LABEL, {"link": None, "candidates": [], "source": source})
                               for s, e, source in spans), set_spans=self.set_spans)  # fmt: skip
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.save(path / "classifier.json")
        (path / "terms.json").write_text(json.dumps(dict(sorted(self.terms.items())), ensure_ascii=False),
                                         encoding="utf-8")  # fmt: skip

    def from_disk(self, path, *, exclude=tuple()) -> "SloganTagger":
        path = ensure_path(path)
        self.model = SloganClassifier.load(path / "classifier.json")
        terms = json.loads((path / "terms.json").read_text(encoding="utf-8"))
        self.terms = terms if isinstance(terms, dict) else dict.fromkeys(terms, SOURCE_GLOSSARY)
        self.matcher = TermMatcher(set(self.terms) | self.run_terms)
        return self


def glossary_heads(text: str, entries: Iterable[dict]) -> list[tuple[int, int]]:
    """Cleaned-text spans of the heads (number and term) of the document's glossary entries,
    which define a term rather than mention it: 1.“两个确保”。两个确保：… -> the part before
    the definition. ``entries`` carry cleaned offsets ``start``/``end`` and ``definition``."""
    heads = []
    for entry in entries:
        start, end, definition = entry["start"], entry["end"], entry.get("definition") or ""
        if entry.get("inline") or not definition:
            continue
        at = text.rfind(definition[:HEAD_PROBE_CHARS], start, end)
        if at > start:
            heads.append((start, at))
    return heads


def _load_glossary(setting: str) -> list:
    """Entries of the glossary named by a setting ("default", a JSONL path, or "")."""
    if not setting:
        return []
    from ..glossary import load

    return list(load(None if setting == "default" else Path(setting)).entries)
