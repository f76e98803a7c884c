"""The reports' own glossaries: extraction, a JSONL knowledge base and lookup.

API (stable; the slogan tagger and the linker use it):

- ``nlp.glossary.kb.Glossary``: ``Glossary.from_jsonl(path)``, ``.to_jsonl(path)``, ``.entries``
  (``GlossaryEntry`` with ``.term``, ``.aliases`` (list[str]), ``.definition``, ``.source``,
  ``.section``, ``.number``, ``.start``, ``.end``, ``.inline``, ``.members``,
  ``.members_mismatch``, ``.coined_by``), ``.by_alias(text)``, ``.terms()``.
- ``nlp.glossary.load_default() -> Glossary``: the glossary shipped in nlp/data/glossary.jsonl
  (built from seeds/), read once and cached.
- ``nlp.glossary.extract.extract_entries(view: CleanText, source: str) -> list[GlossaryEntry]``:
  the entries that a document defines (sections and inline), analysed (aliases, members,
  coined_by); problems are logged as one-line warnings naming file and line.
- ``nlp.glossary.lookup(term, glossary=None, limit=10) -> list[Candidate]``: exact and alias
  matches, then part-of-a-slogan, then near misses, best first, each with ``.entry``,
  ``.score`` and ``.kind``.

Example::

    >>> [(c.entry.term, c.kind) for c in lookup("两筛")][:1]
    [('两筛两癌', 'part')]
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .kb import Glossary, GlossaryEntry

# The glossary shipped with the package, built from seeds/ by `python -m nlp.glossary build`.
DEFAULT_GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "glossary.jsonl"

__all__ = ["DEFAULT_GLOSSARY", "Glossary", "GlossaryEntry", "load", "load_default", "lookup"]


@lru_cache(maxsize=1)
def load_default() -> Glossary:
    """The shipped glossary, read once."""
    return Glossary.from_jsonl(DEFAULT_GLOSSARY)


def load(path: str | os.PathLike | None = None) -> Glossary:
    """The glossary at ``path``, or the shipped one when ``path`` is None."""
    return load_default() if path is None else Glossary.from_jsonl(path)


@lru_cache(maxsize=4)
def _generator(glossary: Glossary):
    from .candidates import CandidateGenerator

    return CandidateGenerator(glossary)


def lookup(term: str, glossary: Glossary | None = None, limit: int = 10) -> list:
    """Definitions of ``term``, best first; ``[]`` when nothing defines it.

    Args:
        term: a slogan as written (quotes, suffixes such as 活动/工作制度 and spacing allowed).
        glossary: where to look (default: the shipped glossary).
        limit: the most results returned.

    Returns:
        :class:`nlp.glossary.candidates.Candidate` items (``.entry``, ``.score``, ``.kind``).
        Example: ``lookup("“万人助万企”活动")[0].entry.term`` → ``'万人助万企'``.
    """
    return _generator(glossary or load_default()).candidates(term, limit=limit)
