"""Documents too long for one Doc: cut at paragraph ends, annotated chunk by chunk, put back
together with every offset pointing into the original text.

A Doc costs about 600 bytes of memory per character (tokens, the cleaned view's offset map,
the components' working data), so a 50 MB file would need tens of gigabytes as one Doc. A
document longer than ``max_chars`` is therefore cut into chunks of at most ``max_chars``
characters, each ending where a line ends a sentence (。！？；… then a line break): cleaning
never joins such a break, so a chunk cleans as it would inside the whole document, and no
entity runs across the cut.

Components read context before an entity: the heading of a plan section makes its values
targets, a 名词解释 heading opens the glossary, a responsible unit's task is in the
paragraphs before it. So each chunk goes through the pipeline with up to ``context_chars`` of
the text before it (from a paragraph end), and only the entities and glossary entries that
start inside the chunk itself are kept. What is still lost at a cut: context further back than
that, glossary entries defined in a later chunk (they do not link earlier slogans), and the
wrap width of a PDF layout, which is estimated per chunk (the same for a document laid out
alike throughout).

Example::

    >>> text = "一、总体要求。\\n" * 3
    >>> paragraph_chunks(text, 16, context_chars=8)
    [Chunk(context=0, start=0, end=16, last=False), Chunk(context=8, start=16, end=24, last=True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# Chunks of the annotate command: about 60 MB of working memory each (a batch of 16 holds as
# much text as 16 long reports), and the context before each (10% more work where documents
# are chunked at all; reports are shorter than a chunk and never are).
DEFAULT_MAX_CHARS = 100_000
DEFAULT_CONTEXT_CHARS = 10_000
# Where a chunk may end: after the line break of a line that ends a sentence (the marks after
# which nlp.text never joins lines).
_PARAGRAPH_END = re.compile(r"[。！？!?；;…][ \t\r\u3000\u00a0]*\n")
_LINE_END = re.compile(r"\n")
_MAX_END_LENGTH = 64


@dataclass(frozen=True)
class Chunk:
    """``text[context:end]`` goes through the pipeline; what starts in ``[start, end)`` is
    kept. ``last`` when the chunk ends the document."""

    context: int
    start: int
    end: int
    last: bool


def paragraph_chunks(text: str, max_chars: int = DEFAULT_MAX_CHARS, context_chars: int = DEFAULT_CONTEXT_CHARS) -> list[Chunk]:
    """The chunks that cover ``text``: each at most ``max_chars`` long and ending at a
    paragraph end (where a paragraph is longer, at the last line break, and where a line is,
    ``max_chars`` in), with the paragraphs that end within ``context_chars`` before it.

    Args:
        text: the document as decoded.
        max_chars: the longest chunk.
        context_chars: how far back a chunk's context may reach.

    Returns:
        The chunks in order; one, the whole text, when it is short enough.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    bounds, start = [], 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        end = _last_end(_PARAGRAPH_END, text, start, limit) or _last_end(_LINE_END, text, start, limit) or limit
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return [Chunk(_context_start(text, start, context_chars), start, end, end == len(text)) for start, end in bounds]


def _context_start(text: str, start: int, context_chars: int) -> int:
    """The document's start or the first paragraph end within ``context_chars`` before
    ``start``; ``start`` when there is none."""
    if start <= context_chars:
        return 0
    reach = start - context_chars
    # A paragraph end's mark and spaces may sit just before the reach; its line break must not.
    for match in _PARAGRAPH_END.finditer(text, max(0, reach - _MAX_END_LENGTH), start):
        if match.end() >= reach:
            return match.end()
    return start


def _last_end(pattern: re.Pattern, text: str, start: int, limit: int) -> int | None:
    """The end of the last match of ``pattern`` in ``text[start:limit]``, if any."""
    last = None
    for match in pattern.finditer(text, start, limit):
        last = match.end()
    return last


def chunk_record(record: dict, chunk: Chunk) -> dict:
    """The record (``nlp.output.doc_record``) of ``text[chunk.context:chunk.end]`` cut down to
    what starts inside the chunk, with offsets into the document: the entities'
    ``start``/``end`` and ``task``, and the glossary entries' ``start``/``end``."""
    own, offset = chunk.start - chunk.context, chunk.context
    ents = []
    for ent in record["ents"]:
        if ent["start"] < own:
            continue
        ent = dict(ent, start=ent["start"] + offset, end=ent["end"] + offset)
        if isinstance(ent.get("task"), dict):
            ent["task"] = dict(ent["task"], start=ent["task"]["start"] + offset, end=ent["task"]["end"] + offset)
        ents.append(ent)
    glossary = [dict(e, start=e["start"] + offset, end=e["end"] + offset) for e in record["glossary"] if e["start"] >= own]
    return dict(record, ents=ents, glossary=glossary)


def merge_records(records: Iterable[dict]) -> dict:
    """One document's record from its chunks' records (see :func:`chunk_record`), in order."""
    merged = None
    for record in records:
        if merged is None:
            merged = dict(record, ents=list(record["ents"]), glossary=list(record["glossary"]))
        else:
            merged["ents"].extend(record["ents"])
            merged["glossary"].extend(record["glossary"])
    if merged is None:
        raise ValueError("no chunk records to merge")
    return merged


def annotate_long(nlp, text: str, path: str, max_chars: int = DEFAULT_MAX_CHARS,
                  context_chars: int = DEFAULT_CONTEXT_CHARS, **pipe_options) -> dict:  # fmt: skip
    """The record of ``text`` (see ``nlp.output.doc_record``), annotated in chunks (see
    :func:`paragraph_chunks`); ``pipe_options`` (``n_process``, ``batch_size``) go to
    ``nlp.pipe``.

    >>> record = annotate_long(nlp.load(), open("big.txt", encoding="utf-8").read(), "big.txt")
    """
    from .output import doc_record

    chunks = paragraph_chunks(text, max_chars, context_chars)
    docs = nlp.pipe((text[c.context:c.end] for c in chunks), **pipe_options)
    return merge_records(chunk_record(doc_record(doc, path), chunk) for doc, chunk in zip(docs, chunks))
