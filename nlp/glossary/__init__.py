"""The reports' own glossaries: extraction, a JSONL knowledge base and lookup.

API (stable; the slogan tagger and the linker use it):

- ``nlp.glossary.kb.Glossary``: ``Glossary.from_jsonl(path)``, ``.to_jsonl(path)``, ``.entries``
  (``GlossaryEntry`` with ``.term``, ``.aliases`` (list[str]), ``.definition``, ``.source``,
  ``.section``, ``.number``, ``.start``, ``.end``, ``.inline``, ``.members``,
  ``.members_mismatch``, ``.coined_by``), ``.by_alias(text)``, ``.terms()``.
- ``nlp.glossary.load_default() -> Glossary``: the county and city glossary shipped in
  nlp/data/glossary.jsonl (built from seeds/), read once and cached (the slogan tagger's terms).
- ``nlp.glossary.load_knowledge_base() -> Glossary``: that glossary plus the national one
  (nlp/data/glossary_national.jsonl); what the linker and ``lookup`` search by default.
- ``nlp.glossary.mine.mine_definitions(text, source, year=None) -> list[GlossaryEntry]``: the
  definitions a text gives in running text, with provenance and a confidence.
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

DATA = Path(__file__).resolve().parent.parent / "data"
# The county and city glossaries shipped with the package: the glossary sections of seeds/,
# built by `python -m nlp.glossary build --sections-only`, each entry with its jurisdiction.
# The slogan tagger takes its terms from here.
DEFAULT_GLOSSARY = DATA / "glossary.jsonl"
# The national knowledge base: definitions mined from the government work reports 1954–1999
# (jurisdiction "national"), built by `python -m nlp.glossary build`.
NATIONAL_GLOSSARY = DATA / "glossary_national.jsonl"
# What the linker and lookup search by default, in this order.
KNOWLEDGE_BASE = (DEFAULT_GLOSSARY, NATIONAL_GLOSSARY)

__all__ = ["DEFAULT_GLOSSARY", "Glossary", "GlossaryEntry", "KNOWLEDGE_BASE", "NATIONAL_GLOSSARY", "load",
           "load_default", "load_knowledge_base", "lookup"]  # fmt: skip


@lru_cache(maxsize=1)
def load_default() -> Glossary:
    """The shipped county and city glossary, read once."""
    return Glossary.from_jsonl(DEFAULT_GLOSSARY)


@lru_cache(maxsize=1)
def load_knowledge_base() -> Glossary:
    """The shipped knowledge base: the county and city entries, then the national ones."""
    return Glossary(entry for path in KNOWLEDGE_BASE for entry in Glossary.from_jsonl(path))


def load(path: str | os.PathLike | None = None) -> Glossary:
    """The glossary at ``path``, or the shipped county and city glossary when ``path`` is None
    (the slogan tagger's terms: mined national definitions such as 人民 are not slogans)."""
    return load_default() if path is None else Glossary.from_jsonl(path)


@lru_cache(maxsize=4)
def _generator(glossary: Glossary):
    from .candidates import CandidateGenerator

    return CandidateGenerator(glossary)


def lookup(term: str, glossary: Glossary | None = None, limit: int = 10) -> list:
    """Definitions of ``term``, best first; ``[]`` when nothing defines it.

    Args:
        term: a slogan as written (quotes, suffixes such as 活动/工作制度 and spacing allowed).
        glossary: where to look (default: the shipped knowledge base).
        limit: the most results returned.

    Returns:
        :class:`nlp.glossary.candidates.Candidate` items (``.entry``, ``.score``, ``.kind``).
        Example: ``lookup("“万人助万企”活动")[0].entry.term`` → ``'万人助万企'``.
    """
    return _generator(glossary or load_knowledge_base()).candidates(term, limit=limit)
