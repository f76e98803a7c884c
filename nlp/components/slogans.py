"""policy_slogans: tag SLOGAN spans (ANNOTATION.md) on the characters of the cleaned text.

Candidates come from quoted spans and from unquoted numbered formulations and formulas; the
slogan classifier (nlp/slogan_classifier.py) keeps or drops each. Glossary terms and aliases
(the loaded glossary and the document's own, ``doc._.glossary``) are slogans wherever they
occur, and so is every other mention in the document of a slogan it accepted.

Example::

    >>> pipeline = nlp.load(components=["glossary_sections", "policy_slogans"])
    >>> doc = pipeline("锚定“两个确保”“十大战略”，开展“三个一批”活动，落实中央八项规定，实现“十四五”良好开局。")
    >>> [s.text for s in doc.spans["policy"]]
    ['两个确保', '十大战略', '三个一批', '八项规定']
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..rules.slogan_patterns import (
    DIGIT_FORMULA,
    NOT_BEFORE_NUMBERED,
    NUMBERED_CHAIN,
    NUMBERED_NOUN,
    CHAIN_PART,
    MIN_SLOGAN_LENGTH,
    PART_DEFINITION_CUES,
    QUOTE_PAIRS,
    QUOTED,
)
from ..slogan_classifier import DEFAULT_MODEL_PATH, SloganClassifier, candidate_features
from ..spans import add_policy_spans

LABEL = "SLOGAN"
# Every quotation mark, opening and closing.
QUOTE_CHARS = "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values())
# Characters of context taken on each side of a candidate for its features.
CONTEXT_CHARS = 6
# Characters of a definition's start looked for to find where an entry's head ends.
HEAD_PROBE_CHARS = 8


@dataclass(frozen=True)
class Candidate:
    """A possible slogan: cleaned-text offsets, how it was found, the text around it."""

    start: int
    end: int
    kind: str  # "quoted" or "bare"
    left: str
    right: str


def quoted_candidates(text: str) -> list[Candidate]:
    """Every innermost quoted span: “两个确保”“十大战略” -> 两个确保, 十大战略."""
    found = []
    for m in QUOTED.finditer(text):
        start, end = m.start() + 1, m.end() - 1
        found.append(
            Candidate(start, end, "quoted", text[max(0, m.start() - CONTEXT_CHARS):m.start()],
                      text[m.end():m.end() + CONTEXT_CHARS])
        )
    return found


def bare_candidates(text: str, quoted: Iterable[Candidate]) -> list[Candidate]:
    """Numbered formulations and formulas outside quotes: 落实中央八项规定 -> 八项规定."""
    inside = bytearray(len(text))
    for c in quoted:
        inside[c.start - 1:c.end + 1] = b"\1" * (c.end - c.start + 2)
    spans = set()
    for pattern in (NUMBERED_NOUN, NUMBERED_CHAIN, DIGIT_FORMULA):
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(inside[s:e]) or (s > 0 and text[s - 1] in NOT_BEFORE_NUMBERED):
                continue
            spans.add((s, e))
    return [
        Candidate(s, e, "bare", text[max(0, s - CONTEXT_CHARS):s], text[e:e + CONTEXT_CHARS])
        for s, e in sorted(spans)
    ]


def find_candidates(text: str) -> list[Candidate]:
    """Quoted and bare candidates of a cleaned text, in text order."""
    quoted = quoted_candidates(text)
    return sorted(quoted + bare_candidates(text, quoted), key=lambda c: (c.start, c.end))


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


def _mention_pattern(terms: Iterable[str], prefilter: bool = False) -> re.Pattern | None:
    """A pattern that finds, at the leftmost position where one of ``terms`` starts, the
    longest term there (as one alternation over the terms, longest first, would).

    It is written as a trie (两(?:个(?:确保|…)|…)|…), so that a position is tried against the
    terms that share its first characters rather than against every term. With ``prefilter``
    a lookahead on the first two characters comes first: it costs a step at every position
    (a pattern that opens with a lookahead loses the engine's quick scan for a first
    character) and saves trying the terms at most positions where one could start. It pays
    for the few hundred fixed terms, whose first characters are common (一, 两, 三, 大…)."""
    terms = set(terms)
    if not terms:
        return None
    lookahead = ""
    if prefilter and min(map(len, terms)) >= 2:
        first, second = ({t[i] for t in terms} for i in (0, 1))
        lookahead = f"(?={_char_class(first)}{_char_class(second)})"
    return re.compile(lookahead + _trie_regex(terms))


def _char_class(chars: Iterable[str]) -> str:
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
        branches = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
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
    """Every occurrence of each of ``terms`` in ``text`` (overlapping ones too), by start and
    then longest first."""
    spans = []
    for term in terms:
        at = text.find(term)
        while at >= 0:
            spans.append((at, at + len(term)))
            at = text.find(term, at + 1)
    return sorted(spans, key=lambda span: (span[0], -span[1]))


def _leftmost_longest(text: str, fixed: re.Pattern | None, extra: set[str]) -> list[tuple[int, int]]:
    """The spans that ``_mention_pattern`` over the terms of ``fixed`` and ``extra`` together
    would find, without compiling any terms: at the leftmost position where a fixed or an
    extra term starts, the longest wins, and the search goes on after it. The extra terms (a
    document's own, a few) are looked for with str.find."""
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


def select_slogans(
    text: str,
    candidates: list[Candidate],
    model: SloganClassifier,
    terms: set[str],
    skip: Iterable[tuple[int, int]] = (),
    matcher: TermMatcher | None = None,
) -> list[tuple[int, int]]:
    """The slogan spans of a cleaned text, as (start, end) offsets into it.

    Args:
        text: the cleaned text.
        candidates: its candidates (see :func:`find_candidates`).
        model: the classifier that keeps or drops candidates.
        terms: glossary terms and aliases, slogans wherever they occur.
        skip: spans never tagged (the heads of glossary entries).
        matcher: compiled beforehand over a subset of ``terms`` (default: none, so all of
            ``terms`` is looked for one by one).

    Returns:
        Sorted, non-overlapping spans: ``select_slogans("落实“四个不摘”要求", …)`` -> [(3, 7)].
    """
    matcher = matcher or TermMatcher()
    taken = _Taken(skip)
    by_score = []
    for c in candidates:
        string = text[c.start:c.end]
        if string in terms:
            p = 1.0
        else:
            p = model.probability(candidate_features(string, c.left, c.right, c.kind, model.settings))
        if p >= model.threshold:
            by_score.append((c.kind != "quoted", -(c.end - c.start), -p, c.start, c.end))
    # Quoted spans first, then the longer of two overlapping bare finds.
    for *_, start, end in sorted(by_score):
        if taken.free((start, end)):
            taken.add((start, end))
    accepted = {text[s:e] for s, e in taken.spans()}
    for span in [*matcher.mentions(text, terms | accepted), *_defined_parts(text, terms, matcher)]:
        if taken.free(span):
            taken.add(span)
    return taken.spans()


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
        self.terms: set[str] = set()
        self.matcher = TermMatcher()

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load the classifier and the glossary terms named in the settings."""
        path = DEFAULT_MODEL_PATH if self.cfg["model"] == "default" else self.cfg["model"]
        self.model = SloganClassifier.load(path)
        if self.cfg["threshold"] is not None:
            self.model.threshold = float(self.cfg["threshold"])
        self.terms = glossary_terms(_load_glossary(self.cfg["glossary"])) | set(self.model.lexicon)
        self.matcher = TermMatcher(self.terms)

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            raise RuntimeError(f"{self.name} is not initialized: build the pipeline with nlp.load()")
        view = doc._.clean
        own = [dict(e, start=s, end=t) for e in doc._.glossary for s, t in [view.clean_span(e["start"], e["end"])]]
        terms = self.terms | glossary_terms(own)
        heads = glossary_heads(view.text, own)
        spans = select_slogans(view.text, find_candidates(view.text), self.model, terms, heads, self.matcher)
        add_policy_spans(doc, ((*view.raw_span(s, e), LABEL, {"link": None, "candidates": []})
                               for s, e in spans), set_spans=self.set_spans)
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.save(path / "classifier.json")
        (path / "terms.json").write_text(json.dumps(sorted(self.terms), ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()) -> "SloganTagger":
        path = ensure_path(path)
        self.model = SloganClassifier.load(path / "classifier.json")
        self.terms = set(json.loads((path / "terms.json").read_text(encoding="utf-8")))
        self.matcher = TermMatcher(self.terms)
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
