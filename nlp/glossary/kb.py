"""The glossary knowledge base: entries with provenance, JSONL I/O and an alias index.

No spaCy here, so scripts and the slogan tagger use it without a pipeline.

Example::

    >>> g = Glossary([GlossaryEntry("两筛两癌", "指产前筛查和新生儿疾病筛查;乳腺癌、宫颈癌筛查。",
    ...                             "001.txt", "《政府工作报告》有关词语注释", 28, 0, 10)])
    >>> [e.term for e in g.by_alias("两筛、两癌")]
    ['两筛两癌']
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Iterable, Iterator

from .aliases import alias_forms, alias_key

# The section of an entry found in body text rather than in a glossary section.
INLINE_SECTION = "inline"
# The section of a definition mined from running text (nlp.glossary.mine).
MINED_SECTION = "mined"
# Where a knowledge base entry applies: the country as a whole (the national reports).
NATIONAL = "national"
# Provenance fields that only knowledge-base entries carry; ``to_dict`` leaves them out when
# unset, so a document's own entries (doc._.glossary, the JSON output) keep their shape.
KB_FIELDS = ("jurisdiction", "year", "confidence", "cue", "earliest")


@dataclass
class GlossaryEntry:
    """One definition: the term, its definition and where it was read.

    ``start``/``end`` are offsets into the source's original text; ``number`` is the entry's
    number in its section (None when unnumbered or inline); ``members`` are the enumerated
    parts of a numbered formulation and ``members_mismatch`` says their count disagrees with
    the numeral; ``coined_by`` is the body that the definition says proposed it.

    Knowledge-base provenance: ``jurisdiction`` (``"national"`` or the county or city whose
    document defined it), ``year`` of the document, ``confidence`` of a mined definition (1.0
    for a glossary section), ``cue`` (the wording it was mined from: 即, 是指, 简称 …) and
    ``earliest`` (among the knowledge base's entries of one term, the one from the earliest
    document)."""

    term: str
    definition: str
    source: str | None
    section: str
    number: int | None
    start: int
    end: int
    inline: bool = False
    aliases: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    members_mismatch: bool = False
    coined_by: str | None = None
    jurisdiction: str | None = None
    year: int | None = None
    confidence: float | None = None
    cue: str | None = None
    earliest: bool | None = None

    def __post_init__(self):
        if not self.aliases:
            self.aliases = alias_forms(self.term)

    def to_dict(self) -> dict:
        """A JSON-like dict (the JSONL line and ``doc._.glossary`` item)."""
        data = asdict(self)
        for name in KB_FIELDS:
            if data[name] is None:
                del data[name]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "GlossaryEntry":
        """Read a dict written by :meth:`to_dict` (unknown keys ignored, missing optional
        fields defaulted, so a hand-written glossary needs only term and definition)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values.setdefault("source", None)
        values.setdefault("section", "")
        values.setdefault("number", None)
        values.setdefault("start", 0)
        values.setdefault("end", 0)
        return cls(**values)

    def link(self, score: float) -> dict:
        """The ``link`` record of SPEC.md for this entry with ``score``, with where the
        definition applies (``jurisdiction``, null for a document's own entry) and its year."""
        return {
            "term": self.term,
            "definition": self.definition,
            "source": self.source,
            "section": self.section,
            "number": self.number,
            "score": round(float(score), 4),
            "jurisdiction": self.jurisdiction,
            "year": self.year,
        }


class GlossaryError(ValueError):
    """A glossary file that cannot be read; the message names the file and line."""


class Glossary:
    """A list of entries with an index from alias key to entries (in glossary order).

    Several entries may share a term (三个一批 in two reports): they are kept apart."""

    def __init__(self, entries: Iterable[GlossaryEntry] = ()):
        self.entries: list[GlossaryEntry] = list(entries)
        self._by_key: dict[str, list[int]] = {}
        for i, entry in enumerate(self.entries):
            for key in dict.fromkeys(alias_key(a) for a in [entry.term, *entry.aliases]):
                if key:
                    self._by_key.setdefault(key, []).append(i)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries)

    def by_alias(self, text: str) -> list[GlossaryEntry]:
        """Entries whose term or an alias shares ``text``'s alias key."""
        return [self.entries[i] for i in self._by_key.get(alias_key(text), [])]

    def terms(self) -> list[str]:
        """Every term and alias, once each, in glossary order (for the tokenizer and tagger)."""
        return list(dict.fromkeys(a for e in self.entries for a in [e.term, *e.aliases]))

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike) -> "Glossary":
        """Read a glossary JSONL file (one entry a line, blank lines skipped)."""
        entries = []
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    entries.append(GlossaryEntry.from_dict(data))
                except (ValueError, TypeError) as error:
                    raise GlossaryError(f"{path}:{number}: not a glossary entry ({error})") from None
        return cls(entries)

    def to_jsonl(self, path: str | os.PathLike) -> None:
        """Write one entry a line (UTF-8, not ASCII-escaped), replacing ``path`` only when the
        whole file is written."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
            delete=False,
        )  # fmt: skip
        try:
            with handle:
                for entry in self.entries:
                    handle.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
            os.replace(handle.name, target)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise


def mark_earliest(entries: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """Mark, among the entries that define one term (same alias key), the one from the earliest
    year (the first in order on a tie, or when years are unknown) with ``earliest=True`` and the
    others ``False``; every definition is kept, side by side with its source.

    >>> a = GlossaryEntry("五定", "定规模…", "gwr-1982", "mined", None, 0, 9, year=1982)
    >>> b = GlossaryEntry("五定", "定人员…", "gwr-1979", "mined", None, 0, 9, year=1979)
    >>> [(e.source, e.earliest) for e in mark_earliest([a, b])]
    [('gwr-1982', False), ('gwr-1979', True)]
    """
    entries = list(entries)
    groups: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        groups.setdefault(alias_key(entry.term) or entry.term, []).append(entry)
    for group in groups.values():
        first = min(group, key=lambda e: e.year if e.year is not None else float("inf"))
        for entry in group:
            entry.earliest = entry is first
    return entries
