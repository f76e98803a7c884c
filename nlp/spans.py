"""Putting character-level finds into a Doc, whatever the segmenter cut.

Components find their spans on the characters of the cleaned text and record them here with
offsets into ``doc.text`` (:func:`add_policy_spans`). Putting the records on the Doc
(:func:`set_policy_spans`) splits tokens wherever a span boundary falls inside one, so every
span is exact: jieba cuts 六稳六保 as 六/稳六保 and pkuseg cuts 万人助万企 as 万/人/助/万企,
and neither may decide what is tagged.

Setting the spans costs a pass over the tokens (``doc.ents``) and one over the doc for each
split token, so ``nlp.load()`` has the components only record and sets the spans once, in
the ``policy_spans`` component at the end; a component added alone sets them itself.
"""

from __future__ import annotations

import logging
from typing import Iterable

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, IDX
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import doc_length, policy_records, record_key

logger = logging.getLogger(__name__)

SPAN_GROUP = "policy"
# When spans overlap, doc.ents keeps the longest; ties go to this order.
LABEL_PRIORITY = {"RESP_UNIT": 0, "INDICATOR": 1, "SLOGAN": 2}
# The token attributes that hold doc.ents, and the values of ENT_IOB.
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token that has one of the character ``offsets`` strictly inside it."""
    length = doc_length(doc)
    wanted = sorted({offset for offset in offsets if 0 < offset < length})
    if not wanted:
        return
    starts = doc.to_array(IDX)  # token start offsets, ascending, without a Token per lookup
    cuts_by_token: dict[int, list[int]] = {}
    for offset, i in zip(wanted, numpy.searchsorted(starts, wanted, side="right") - 1):
        token = doc[int(i)]
        if token.idx < offset < token.idx + len(token.text):
            cuts_by_token.setdefault(token.i, []).append(offset)
    if not cuts_by_token:
        return
    with doc.retokenize() as retokenizer:
        for i, cuts in cuts_by_token.items():
            token = doc[i]
            bounds = [0, *(cut - token.idx for cut in cuts), len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(token, 0)] * len(orths)
            retokenizer.split(token, orths, heads=heads)


def add_policy_spans(doc: Doc, found: Iterable[tuple[int, int, str, dict]], *, set_spans: bool = True) -> None:
    """Record spans ``(start, end, label, attributes)`` (offsets into ``doc.text``) and, with
    ``set_spans``, put every record of the doc on it (:func:`set_policy_spans`).

    Attributes must be JSON-like (str, numbers, bools, None, lists, dicts)."""
    records = policy_records(doc)
    length = doc_length(doc)
    for start, end, label, attrs in found:
        if not 0 <= start < end <= length:
            raise ValueError(f"span {start}-{end} is outside the text of length {length}")
        records[record_key(label, start, end)] = dict(attrs)
    if set_spans:
        set_policy_spans(doc)


def recorded_spans(doc: Doc, label: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the doc's records of ``label``, in text order."""
    found = []
    for key in policy_records(doc):
        name, start, end = key.split(" ")
        if name == label:
            found.append((int(start), int(end)))
    return sorted(found)


def update_policy_attrs(doc: Doc, label: str, start: int, end: int, **attrs) -> None:
    """Set attributes of a span already recorded (the glossary linker adds ``link`` this way)."""
    policy_records(doc)[record_key(label, start, end)].update(attrs)


def set_policy_spans(doc: Doc) -> None:
    """Make ``doc.spans["policy"]`` and ``doc.ents`` match the doc's records, splitting tokens
    at their boundaries first."""
    keys = [key.split(" ") for key in policy_records(doc)]
    split_tokens_at(doc, (int(offset) for _, start, end in keys for offset in (start, end)))
    spans = []
    for (label, start, end), attrs in zip(keys, policy_records(doc).values()):
        link = attrs.get("link")
        kb_id = link["term"] if isinstance(link, dict) else ""
        span = doc.char_span(int(start), int(end), label=label, kb_id=kb_id)
        if span is None:  # cannot happen after split_tokens_at, but never silently
            logger.warning("span %s %s %s does not align with tokens; dropped", label, start, end)
            continue
        spans.append(span)
    spans.sort(key=lambda s: (s.start_char, s.end_char, LABEL_PRIORITY.get(s.label_, 9)))
    doc.spans[SPAN_GROUP] = spans
    ordered = sorted(spans, key=lambda s: LABEL_PRIORITY.get(s.label_, 9))
    _set_ents(doc, filter_spans(ordered))


def _set_ents(doc: Doc, ents: list[Span]) -> None:
    """``doc.ents = ents`` (spans that do not overlap), written as one array: the setter
    checks and sets the tokens one by one, the costliest step of setting the spans once no
    token needs splitting."""
    table = numpy.zeros((len(doc), len(_ENT_ATTRS)), dtype="uint64")
    table[:, 0] = _OUTSIDE
    for ent in ents:
        table[ent.start, 0] = _BEGIN
        table[ent.start + 1:ent.end, 0] = _INSIDE
        table[ent.start:ent.end, 1] = ent.label
        table[ent.start:ent.end, 2] = ent.kb_id
    doc.from_array(_ENT_ATTRS, table)


def policy_spans(doc: Doc) -> list[Span]:
    """The doc's policy spans in text order (empty when no component ran)."""
    return list(doc.spans[SPAN_GROUP]) if SPAN_GROUP in doc.spans else []
