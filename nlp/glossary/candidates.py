"""Candidate definitions for a slogan, best first: exact term, alias, part of a defined
slogan, then near misses by character n-gram TF-IDF similarity.

The TF-IDF model is refitted from the glossary's terms when the generator is built (a few
hundred terms fit in milliseconds), so nothing is pickled and any glossary file works.

Example::

    >>> from nlp.glossary import load_default
    >>> [(c.entry.term, c.kind) for c in CandidateGenerator(load_default()).candidates("两筛")][:1]
    [('两筛两癌', 'part')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import numpy as np

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
_WHITE_SPACE = re.compile(r"\s\s+")


class CharNgramTfidf:
    """Character n-gram TF-IDF vectors as scikit-learn's ``TfidfVectorizer(analyzer="char",
    ngram_range=...)`` makes them (lower-cased, runs of white space as one space, raw counts,
    smooth idf ``ln((1 + n) / (1 + df)) + 1``, rows scaled to unit length), in numpy.

    A glossary has a few hundred terms, so dense arrays are small; importing scikit-learn
    would add over a second to ``nlp.load()``."""

    def __init__(self, texts: list[str], ngram_range: tuple[int, int]):
        self.ngram_range = ngram_range
        grams = [self._grams(text) for text in texts]
        self.vocabulary = {g: i for i, g in enumerate(sorted({g for found in grams for g in found}))}
        df = np.zeros(len(self.vocabulary))
        for found in grams:
            df[[self.vocabulary[g] for g in set(found)]] += 1
        self.idf = np.log((1 + len(texts)) / (1 + df)) + 1

    def _grams(self, text: str) -> list[str]:
        text = _WHITE_SPACE.sub(" ", text.lower())
        low, high = self.ngram_range
        return [text[i:i + n] for n in range(low, min(high, len(text)) + 1) for i in range(len(text) - n + 1)]

    def transform(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text over the fitted n-grams (unknown n-grams ignored)."""
        rows = np.zeros((len(texts), len(self.vocabulary)))
        for row, text in zip(rows, texts):
            for gram in self._grams(text):
                column = self.vocabulary.get(gram)
                if column is not None:
                    row[column] += 1
        rows *= self.idf
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.divide(rows, norms, out=rows, where=norms > 0)


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
    """Candidates from one glossary; build once, query many times (no state changes).

    Args:
        glossary: the entries to offer.
        near_misses: fit the near-miss model now (``False`` for a generator that is only asked
            with ``near=False``, such as a document's own glossary).
    """

    def __init__(self, glossary: Glossary, *, near_misses: bool = True):
        self.glossary = glossary
        self._parts: dict[str, list[tuple[int, str]]] = {}
        for i, entry in enumerate(glossary.entries):
            for key, kind in part_keys(entry).items():
                self._parts.setdefault(key, []).append((i, kind))
        self._vectorizer = None
        self._matrix = None
        if near_misses and glossary.entries:
            self._fit()

    def _fit(self) -> None:
        keys = [alias_key(e.term) or compact(e.term) for e in self.glossary.entries]
        self._vectorizer = CharNgramTfidf(keys, NGRAM_RANGE)
        self._matrix = self._vectorizer.transform(keys)

    def near(self, texts: list[str]) -> list[list[tuple[int, float]]]:
        """For each of ``texts``, the entries whose terms look like it: (index, cosine
        similarity), best first; one transform and one matrix product for all texts."""
        if not self.glossary.entries or not texts:
            return [[] for _ in texts]
        if self._vectorizer is None:
            raise ValueError("this generator was built with near_misses=False")
        queries = self._vectorizer.transform([alias_key(text) or compact(text) for text in texts])
        similarities = (self._matrix @ queries.T).T  # one row per text
        rows, entries = np.nonzero(similarities >= MIN_NEAR_SIMILARITY)
        values = similarities[rows, entries]
        # By text, then best first; np.lexsort is stable, so equal scores keep entry order.
        order = np.lexsort((-values, rows))
        entries, values = entries[order].tolist(), values[order].tolist()
        ends = np.cumsum(np.bincount(rows, minlength=len(texts))).tolist()
        return [list(zip(entries[start:end], values[start:end])) for start, end in zip([0, *ends], ends)]

    def candidates(self, text: str, limit: int = 10, near: bool = True) -> list[Candidate]:
        """Candidates for ``text``, best first; entries sharing a term all come back.

        Args:
            text: the mention or query (quotes, spacing and generic suffixes allowed).
            limit: the most candidates returned.
            near: whether to add near misses after the exact, alias and part matches.
        """
        return self.candidates_many([text], limit, near)[text]

    def candidates_many(self, texts: Iterable[str], limit: int = 10,
                        near: bool = True) -> dict[str, list[Candidate]]:  # fmt: skip
        """:meth:`candidates` of each distinct text of ``texts``, by text; the near misses of
        all come from one :meth:`near` call."""
        index = {id(e): i for i, e in enumerate(self.glossary.entries)}  # ids change on unpickling
        found = {text: self._matches(text, index) for text in texts}
        if near:
            wanting = [text for text, matches in found.items() if len(matches) < limit]
            for text, similar in zip(wanting, self.near(wanting)):
                for i, similarity in similar:
                    found[text].setdefault(
                        i, Candidate(self.glossary.entries[i], round(similarity * NEAR_SCALE, 4), "near")
                    )
        ranked = {text: sorted(matches.items(), key=lambda item: (-item[1].score, item[0]))
                  for text, matches in found.items()}  # fmt: skip
        return {text: [candidate for _, candidate in items[:limit]] for text, items in ranked.items()}

    def _matches(self, text: str, index: dict[int, int]) -> dict[int, Candidate]:
        """Exact, alias and part candidates for ``text``, by entry index (``index``: entry
        position by ``id``)."""
        found: dict[int, Candidate] = {}
        plain = compact(text)
        for entry in self.glossary.by_alias(text):
            kind = "exact" if compact(entry.term) == plain else "alias"
            found.setdefault(index[id(entry)], Candidate(entry, KIND_SCORES[kind], kind))
        for i, kind in self._parts.get(alias_key(text), []):
            found.setdefault(i, Candidate(self.glossary.entries[i], KIND_SCORES[kind], kind))
        return found
