"""Candidate definitions for a slogan, best first: exact term, alias, part of a defined
slogan, then near misses by character n-gram TF-IDF similarity.

The TF-IDF model is refitted from the glossary's terms when first needed (a few hundred terms
fit in milliseconds), so nothing is pickled and any glossary file works.

Example::

    >>> from nlp.glossary import load_default
    >>> [(c.entry.term, c.kind) for c in CandidateGenerator(load_default()).candidates("两筛")][:1]
    [('两筛两癌', 'part')]
"""

from __future__ import annotations

from dataclasses import dataclass

from .aliases import BARE_STEM, alias_key, compact
from .analyse import numeral_parts
from .kb import Glossary, GlossaryEntry

# Tiers, best first, and the score each gives (near misses score their cosine similarity,
# scaled below the part tier).
KIND_SCORES = {"exact": 1.0, "alias": 0.95, "part": 0.9, "prefix": 0.85}
NEAR_SCALE = 0.8
# Near misses below this cosine similarity are not candidates at all.
MIN_NEAR_SIMILARITY = 0.4
# Character n-grams of the near-miss model: pairs and triples (single characters match too
# much: 不存在的词 would meet 四个不摘).
NGRAM_RANGE = (2, 3)


@dataclass(frozen=True)
class Candidate:
    """A glossary entry offered for a mention, with how it matched and its score."""

    entry: GlossaryEntry
    score: float
    kind: str

    def link(self) -> dict:
        """The ``link`` record of SPEC.md."""
        return self.entry.link(self.score)


def part_keys(entry: GlossaryEntry) -> dict[str, str]:
    """Alias keys of the parts a mention may name, with their kind: the numbered parts of a
    chained formulation (两筛两癌 → 两筛, 两癌), its members when their count agrees with the
    numeral (三个一批 → 签约一批 …), and the name before a head noun (三公经费 → 三公).

    >>> sorted(part_keys(GlossaryEntry("两筛两癌", "…", None, "", None, 0, 0)).items())
    [('两癌', 'part'), ('两筛', 'part')]
    """
    term = alias_key(entry.term)
    parts: dict[str, str] = {}
    for stem in range(2, len(term) - 1):
        prefix = term[:stem]
        if not BARE_STEM.fullmatch(prefix):  # 四个 names nothing
            parts.setdefault(prefix, "prefix")
    chain = numeral_parts(term)
    if len(chain) > 1:
        for _, part in chain:
            parts[alias_key(part)] = "part"
    if entry.members and not entry.members_mismatch:
        for member in entry.members:
            if len(member) >= 2:
                parts.setdefault(alias_key(member), "part")
    parts.pop(term, None)
    return parts


class CandidateGenerator:
    """Candidates from one glossary; build once, query many times (no state changes)."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self._parts: dict[str, list[tuple[int, str]]] = {}
        for i, entry in enumerate(glossary.entries):
            for key, kind in part_keys(entry).items():
                self._parts.setdefault(key, []).append((i, kind))
        self._vectorizer = None
        self._matrix = None

    def _fit(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        keys = [alias_key(e.term) or compact(e.term) for e in self.glossary.entries]
        self._vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE)
        self._matrix = self._vectorizer.fit_transform(keys) if keys else None

    def near(self, text: str) -> list[tuple[int, float]]:
        """Entries whose terms look like ``text``: (index, cosine similarity), best first."""
        if not self.glossary.entries:
            return []
        if self._vectorizer is None:
            self._fit()
        query = self._vectorizer.transform([alias_key(text) or compact(text)])
        if query.nnz == 0:
            return []
        similarities = (self._matrix @ query.T).toarray().ravel()
        ranked = sorted(enumerate(similarities), key=lambda p: -p[1])
        return [(i, float(s)) for i, s in ranked if s >= MIN_NEAR_SIMILARITY]

    def candidates(self, text: str, limit: int = 10, near: bool = True) -> list[Candidate]:
        """Candidates for ``text``, best first; entries sharing a term all come back.

        Args:
            text: the mention or query (quotes, spacing and generic suffixes allowed).
            limit: the most candidates returned.
            near: whether to add near misses after the exact, alias and part matches.
        """
        found: dict[int, Candidate] = {}
        plain = compact(text)
        index = {id(e): i for i, e in enumerate(self.glossary.entries)}
        for entry in self.glossary.by_alias(text):
            kind = "exact" if compact(entry.term) == plain else "alias"
            found.setdefault(index[id(entry)], Candidate(entry, KIND_SCORES[kind], kind))
        for i, kind in self._parts.get(alias_key(text), []):
            found.setdefault(i, Candidate(self.glossary.entries[i], KIND_SCORES[kind], kind))
        if near and len(found) < limit:
            for i, similarity in self.near(text):
                found.setdefault(i, Candidate(self.glossary.entries[i], round(similarity * NEAR_SCALE, 4), "near"))
        ranked = sorted(found.items(), key=lambda item: (-item[1].score, item[0]))
        return [candidate for _, candidate in ranked[:limit]]
