"""The ``glossary_linker`` component: every SLOGAN span gets ``span._.link`` and
``span._.candidates``.

Where a definition comes from decides what may become the link, in this order:

1. the document's own glossary (``doc._.glossary``): any candidate scoring ``min_link_score``
   (exact, alias, part of a defined slogan: “两筛” → 两筛两癌, ANNOTATION.md); a mention inside
   one of the document's own entries (三区 in the entry 三区一中心一高地) links to that entry;
2. definitions found in the same run (:meth:`GlossaryLinker.set_run_glossary`, filled by a
   run-level pre-pass over all documents): an entry of another document links only on its exact
   term (or a spelling of it: “17110”工作制度 = 17110工作制度);
3. the shipped knowledge base (county and city glossaries, national definitions), or the
   glossary named by the ``glossary`` setting: exact term only, unless the entry comes from the
   document itself (same ``source``) or from the document's jurisdiction.

A document's jurisdiction is ``doc.user_data["jurisdiction"]`` or else the ``jurisdiction``
setting; jurisdictions are written from the top down (河南省南阳市卧龙区), and two are the same
when one contains the other (a 河南省 document and an entry of 河南省驻马店市西平县). Without
one, only the document's own entries link by a part.

Part-of, prefix and near-miss candidates of other documents stay in ``candidates`` (四化 does
not become 四优四化 of another county). A mention that does not stand on its own (五湖 in
五湖四海, 一中心 in 这一中心工作; :mod:`nlp.glossary.standalone`) gets no link. A compound of two
defined slogans (六稳六保) gets no link, its parts as candidates. The link carries ``source``,
``jurisdiction`` and ``year`` of its entry; each candidate also says how it ``match``-ed
(exact, alias, part, prefix, near).

Example::

    >>> doc = nlp("扎实开展“四美乡村”建设")
    >>> [(s.text, s._.link["term"], s._.link["jurisdiction"]) for s in doc.spans["policy"]]
    [('四美乡村', '四美乡村', '河南省驻马店市西平县')]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..extensions import clean_view, doc_glossary
from ..glossary import load, load_knowledge_base
from ..glossary.candidates import Candidate, CandidateGenerator
from ..glossary.kb import Glossary, GlossaryEntry
from ..glossary.standalone import dictionary_words, stands_alone
from ..spans import recorded_spans, set_policy_spans, update_policy_attrs
from .glossary_sections import SOURCE_KEY

LABEL = "SLOGAN"
# doc.user_data key of the document's jurisdiction, when the caller knows it.
JURISDICTION_KEY = "jurisdiction"
# Candidate kinds that name the term itself (a spelling of it), the only ones that an entry of
# another document or jurisdiction may link on.
EXACT_KINDS = ("exact", "alias")


def same_jurisdiction(one: str | None, other: str | None) -> bool:
    """Whether two jurisdictions, written from the top down, are one or contain each other.

    >>> same_jurisdiction("河南省", "河南省驻马店市西平县"), same_jurisdiction("河南省南阳市", "national")
    (True, False)
    """
    return bool(one and other) and (one.startswith(other) or other.startswith(one))


def may_link(candidate: Candidate, source: str | None, jurisdiction: str | None) -> bool:
    """Whether a candidate of the run or of the loaded glossary may become the link: on the
    exact term (or a spelling of it) always; as a part or prefix only when its entry comes from
    the document itself (same ``source``) or from the document's ``jurisdiction``."""
    entry = candidate.entry
    return (
        candidate.kind in EXACT_KINDS
        or source is not None and entry.source == source
        or same_jurisdiction(entry.jurisdiction, jurisdiction)
    )


@Language.factory(
    "glossary_linker",
    assigns=["span._.link", "span._.candidates"],
    requires=["doc._.glossary"],
    default_config={"glossary": None, "min_link_score": 0.85, "max_candidates": 5, "set_spans": True,
                    "jurisdiction": None},  # fmt: skip
    default_score_weights={},
)
def make_glossary_linker(
    nlp: Language, name: str, glossary: str | None, min_link_score: float, max_candidates: int, set_spans: bool,
    jurisdiction: str | None,
) -> "GlossaryLinker":
    return GlossaryLinker(name, glossary=glossary, min_link_score=min_link_score, max_candidates=max_candidates,
                          set_spans=set_spans, jurisdiction=jurisdiction)  # fmt: skip


class GlossaryLinker:
    """Links slogans to definitions. The glossary is read, and its near-miss model fitted, in
    :meth:`initialize` or :meth:`from_disk` (or on the first document), never per document, so
    ``nlp.pipe(n_process=2)`` workers inherit it ready; ``__call__`` changes no state but that
    cache. With ``set_spans`` it rebuilds ``doc.spans["policy"]`` and ``doc.ents`` (whose
    ``kb_id`` is the linked term); off when a ``policy_spans`` component comes later.

    Args:
        glossary: a glossary JSONL to link against instead of the shipped knowledge base.
        jurisdiction: the jurisdiction of the documents (as the knowledge base writes it:
            ``national``, ``河南省`` …) where ``doc.user_data["jurisdiction"]`` does not say it:
            entries of the same jurisdiction may link like the document's own (parts too).
    """

    def __init__(self, name: str = "glossary_linker", *, glossary: str | None = None,
                 min_link_score: float = 0.85, max_candidates: int = 5, set_spans: bool = True,
                 jurisdiction: str | None = None):  # fmt: skip
        self.name = name
        self.set_spans = set_spans
        self.glossary_path = glossary
        self.min_link_score = min_link_score
        self.max_candidates = max_candidates
        self.jurisdiction = jurisdiction
        self._glossary: Glossary | None = None
        self._generator: CandidateGenerator | None = None
        self._run_generator = CandidateGenerator(Glossary(), near_misses=False)

    def initialize(self, get_examples=None, *, nlp=None, glossary: str | None = None) -> None:
        """Read the glossary: ``glossary`` (a JSONL path), else the configured one, else the
        shipped knowledge base; and the dictionary words that tell whether a mention stands on
        its own (read once per process, so documents do not wait for it)."""
        if glossary is not None:
            self.glossary_path = glossary
        dictionary_words()
        self.set_glossary(load_knowledge_base() if self.glossary_path is None else load(self.glossary_path))

    def set_glossary(self, glossary: Glossary) -> None:
        """Link against ``glossary`` (the third tier) from now on."""
        self._glossary = glossary
        self._generator = CandidateGenerator(glossary)

    def set_run_glossary(self, entries: Iterable[GlossaryEntry | dict]) -> None:
        """The definitions found in all documents of the current run (the second tier), e.g.
        ``mine_definitions`` and ``extract_entries`` of every input, gathered by a pre-pass;
        ``[]`` clears them. Entries (or their dicts) need ``source`` so that a document's own
        mined definitions link like its glossary while other documents' link only on the term.

        >>> linker.set_run_glossary(mine_definitions(text, "a.txt"))  # doctest: +SKIP
        """
        run = Glossary(e if isinstance(e, GlossaryEntry) else GlossaryEntry.from_dict(e) for e in entries)
        self._run_generator = CandidateGenerator(run, near_misses=False)

    @property
    def run_glossary(self) -> Glossary:
        return self._run_generator.glossary

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
        clean_spans = [view.clean_span(start, end) for start, end in spans]
        texts = [view.text[start:end] for start, end in clean_spans]
        # Candidates once per distinct mention: documents repeat their slogans.
        mentions = list(dict.fromkeys(texts))
        own_glossary = Glossary(GlossaryEntry.from_dict(d) for d in doc_glossary(doc))
        own = CandidateGenerator(own_glossary, near_misses=False)
        own_found = own.candidates_many(mentions, limit=self.max_candidates, near=False)
        run_found = self._run_generator.candidates_many(mentions, limit=self.max_candidates, near=False)
        found = self.generator.candidates_many(mentions, limit=self.max_candidates)
        source = doc.user_data.get(SOURCE_KEY)
        jurisdiction = doc.user_data.get(JURISDICTION_KEY) or self.jurisdiction
        for (start, end), (clean_start, clean_end), mention in zip(spans, clean_spans, texts):
            alone = stands_alone(view.text, clean_start, clean_end)
            link, candidates = self.link(own_found[mention], found[mention], start, run_found=run_found[mention],
                                         source=source, jurisdiction=jurisdiction, alone=alone)  # fmt: skip
            update_policy_attrs(doc, LABEL, start, end, link=link, candidates=candidates)
        if self.set_spans:
            set_policy_spans(doc)
        return doc

    def link(self, own_found: list[Candidate], found: list[Candidate], start: int, *,
             run_found: list[Candidate] = (), source: str | None = None, jurisdiction: str | None = None,
             alone: bool = True) -> tuple[dict | None, list[dict]]:  # fmt: skip
        """The link and candidate records of a mention at offset ``start``, given its
        candidates from the document's own glossary, the loaded one and the run's; ``source``
        and ``jurisdiction`` say which document it is, ``alone`` whether the mention stands on
        its own."""
        chosen = None
        if alone:
            chosen = self._choose(own_found, start)
            for candidates in (run_found, found):
                chosen = chosen or self._choose([c for c in candidates if may_link(c, source, jurisdiction)], None)
        # The loaded glossary may hold the document's own entries with their file name,
        # jurisdiction and year, which a document read from standard input does not know.
        known = {(c.entry.term, c.entry.definition): c.entry for c in found}
        records, seen = [], set()
        for candidates in (own_found, run_found, found):
            for candidate in candidates:
                key = (candidate.entry.term, candidate.entry.definition)
                if key not in seen:
                    seen.add(key)
                    records.append(dict(self._record(candidate, known.get(key)), match=candidate.kind))
        link = None
        if chosen is not None:
            link = self._record(chosen, known.get((chosen.entry.term, chosen.entry.definition)))
        return link, records[: self.max_candidates]

    @staticmethod
    def _record(candidate: Candidate, loaded: GlossaryEntry | None) -> dict:
        """A candidate's link record, with what the loaded glossary's copy of the same entry
        knows (source, jurisdiction, year) where the candidate's entry does not say it."""
        record = candidate.link()
        if loaded is not None:
            for name in ("source", "jurisdiction", "year"):
                if record[name] is None:
                    record[name] = getattr(loaded, name)
        return record

    def _choose(self, candidates: list[Candidate], start: int | None) -> Candidate | None:
        good = [c for c in candidates if c.score >= self.min_link_score]
        if start is not None:
            inside = [c for c in good if c.entry.start <= start < c.entry.end]
            if inside:
                return inside[0]
        return good[0] if good else None

    def to_disk(self, path, *, exclude=()) -> None:
        """Write cfg.json and glossary.jsonl, so a saved pipeline needs no other file (the run
        glossary belongs to one run and is not saved)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg = {"min_link_score": self.min_link_score, "max_candidates": self.max_candidates,
               "jurisdiction": self.jurisdiction}  # fmt: skip
        (path / "cfg.json").write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
        self.glossary.to_jsonl(path / "glossary.jsonl")

    def from_disk(self, path, *, exclude=()) -> "GlossaryLinker":
        path = ensure_path(path)
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.min_link_score = cfg["min_link_score"]
        self.max_candidates = cfg["max_candidates"]
        self.jurisdiction = cfg.get("jurisdiction")
        self.set_glossary(Glossary.from_jsonl(Path(path) / "glossary.jsonl"))
        return self
