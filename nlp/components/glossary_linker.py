"""The ``glossary_linker`` component: every SLOGAN span gets ``span._.link`` and
``span._.candidates``.

Order of preference: a definition in the same document (``doc._.glossary``), then the loaded
glossary (the shipped one unless the ``glossary`` setting names a JSONL file); ``None`` when
no candidate scores ``min_link_score``. A mention inside one of the document's own entries
(三区 in the entry 三区一中心一高地) links to that entry. A compound of two defined slogans
(六稳六保) gets no link, its parts as candidates.

Example::

    >>> doc = nlp("扎实开展“四美乡村”建设")
    >>> [(s.text, s._.link["term"]) for s in doc.spans["policy"] if s.label_ == "SLOGAN"]
    [('四美乡村', '四美乡村')]
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..extensions import clean_view, doc_glossary
from ..glossary import load
from ..glossary.candidates import Candidate, CandidateGenerator
from ..glossary.kb import Glossary, GlossaryEntry
from ..spans import recorded_spans, set_policy_spans, update_policy_attrs

LABEL = "SLOGAN"


@Language.factory(
    "glossary_linker",
    assigns=["span._.link", "span._.candidates"],
    requires=["doc._.glossary"],
    default_config={"glossary": None, "min_link_score": 0.85, "max_candidates": 5, "set_spans": True},
    default_score_weights={},
)
def make_glossary_linker(
    nlp: Language, name: str, glossary: str | None, min_link_score: float, max_candidates: int, set_spans: bool
) -> "GlossaryLinker":
    return GlossaryLinker(name, glossary=glossary, min_link_score=min_link_score, max_candidates=max_candidates,
                          set_spans=set_spans)  # fmt: skip


class GlossaryLinker:
    """Links slogans to definitions. The glossary is read, and its near-miss model fitted, in
    :meth:`initialize` or :meth:`from_disk` (or on the first document), never per document, so
    ``nlp.pipe(n_process=2)`` workers inherit it ready; ``__call__`` changes no state but that
    cache. With ``set_spans`` it rebuilds ``doc.spans["policy"]`` and ``doc.ents`` (whose
    ``kb_id`` is the linked term); off when a ``policy_spans`` component comes later."""

    def __init__(self, name: str = "glossary_linker", *, glossary: str | None = None,
                 min_link_score: float = 0.85, max_candidates: int = 5, set_spans: bool = True):  # fmt: skip
        self.name = name
        self.set_spans = set_spans
        self.glossary_path = glossary
        self.min_link_score = min_link_score
        self.max_candidates = max_candidates
        self._glossary: Glossary | None = None
        self._generator: CandidateGenerator | None = None

    def initialize(self, get_examples=None, *, nlp=None, glossary: str | None = None) -> None:
        """Read the glossary: ``glossary`` (a JSONL path), else the configured one, else the
        shipped one."""
        if glossary is not None:
            self.glossary_path = glossary
        self.set_glossary(load(self.glossary_path))

    def set_glossary(self, glossary: Glossary) -> None:
        self._glossary = glossary
        self._generator = CandidateGenerator(glossary)

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            self.initialize()
        return self._glossary

    @property
    def generator(self) -> CandidateGenerator:
        if self._generator is None:
            self.initialize()
        return self._generator

    def __call__(self, doc: Doc) -> Doc:
        spans = recorded_spans(doc, LABEL)
        if not spans:
            return doc
        view = clean_view(doc)
        texts = [view.clean_slice(start, end) for start, end in spans]
        # Candidates once per distinct mention: documents repeat their slogans.
        mentions = list(dict.fromkeys(texts))
        own_glossary = Glossary(GlossaryEntry.from_dict(d) for d in doc_glossary(doc))
        own = CandidateGenerator(own_glossary, near_misses=False)
        own_found = own.candidates_many(mentions, limit=self.max_candidates, near=False)
        found = self.generator.candidates_many(mentions, limit=self.max_candidates)
        for (start, end), mention in zip(spans, texts):
            link, candidates = self.link(own_found[mention], found[mention], start)
            update_policy_attrs(doc, LABEL, start, end, link=link, candidates=candidates)
        if self.set_spans:
            set_policy_spans(doc)
        return doc

    def link(self, own_found: list[Candidate], found: list[Candidate],
             start: int) -> tuple[dict | None, list[dict]]:  # fmt: skip
        """The link and candidate records of a mention at offset ``start``, given its
        candidates from the document's own glossary and from the loaded one."""
        chosen = self._choose(own_found, start) or self._choose(found, None)
        # The loaded glossary may hold the document's own entries with their file name, which
        # a document read from standard input does not know.
        known = {(c.entry.term, c.entry.definition): c.entry.source for c in found}
        records, seen = [], set()
        for candidate in [*own_found, *found]:
            key = (candidate.entry.term, candidate.entry.definition)
            if key not in seen:
                seen.add(key)
                records.append(dict(candidate.link(), source=candidate.entry.source or known.get(key)))
        link = None
        if chosen is not None:
            key = (chosen.entry.term, chosen.entry.definition)
            link = dict(chosen.link(), source=chosen.entry.source or known.get(key))
        return link, records[: self.max_candidates]

    def _choose(self, candidates: list[Candidate], start: int | None) -> Candidate | None:
        good = [c for c in candidates if c.score >= self.min_link_score]
        if start is not None:
            inside = [c for c in good if c.entry.start <= start < c.entry.end]
            if inside:
                return inside[0]
        return good[0] if good else None

    def to_disk(self, path, *, exclude=()) -> None:
        """Write cfg.json and glossary.jsonl, so a saved pipeline needs no other file."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"min_link_score": self.min_link_score, "max_candidates": self.max_candidates}
        (path / "cfg.json").write_text(json.dumps(cfg), encoding="utf-8")
        self.glossary.to_jsonl(path / "glossary.jsonl")

    def from_disk(self, path, *, exclude=()) -> "GlossaryLinker":
        path = ensure_path(path)
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.min_link_score = cfg["min_link_score"]
        self.max_candidates = cfg["max_candidates"]
        self.set_glossary(Glossary.from_jsonl(Path(path) / "glossary.jsonl"))
        return self
