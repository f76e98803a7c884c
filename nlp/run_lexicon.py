"""Run-level knowledge: what the documents of one annotate run tell about each other.

A slogan that one report quotes or defines (“菜篮子”工程) is usually written without quotes in
the next report of the same run, and a formulation one report defines (一个中心、两个基本点，即…)
is used bare in the others. Before the main pass, a cheap pre-pass reads every input once,
whole, without the segmenter or the Doc, and each *run step* collects what it knows from the
document; the steps then install what they collected in the pipeline, and the main pass
(forked workers included, which inherit the installed state; long documents in chunks)
annotates every document with it. Collecting from every whole document before tagging any
makes the result independent of the order of the inputs, of --jobs and of chunking.

Steps (``RUN_STEPS``):

- ``slogans``: the strings the slogan tagger accepts in each document on its own (kept by the
  classifier or defined by the document's own glossary) form the run's slogan lexicon; the
  tagger then tags them in every document of the run, with ``source`` "run" where nothing
  else accepts them (nlp/components/slogans.py).
- ``definitions``: the glossary entries of each document (its 名词解释 sections) and the
  definitions it gives in running text (nlp/glossary/mine.py), with the document's name as
  their source; the linker's second tier (nlp/components/glossary_linker.py), after the
  document's own glossary and before the shipped knowledge base.

A new kind of run-level knowledge is a new :class:`RunStep` with ``collect`` and ``install``,
added to ``RUN_STEPS``.

Example::

    >>> pipeline = nlp.load()
    >>> prepare_run(pipeline, [("a", "深化“放管服”改革。"), ("b", "继续推进放管服。")])
    {'slogans': 1, 'definitions': 0}
    >>> doc = pipeline("继续推进放管服。")
    >>> [(s.text, s._.source) for s in doc.spans["policy"]]
    [('放管服', 'run')]
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator, Protocol

from spacy.language import Language

from .glossary.extract import extract
from .glossary.mine import mine_definitions
from .readers import STDIN, InputError, read_document
from .text import CleanText, clean

# The name under which a document's own glossary entries are extracted for the slogan step
# (its warnings are the main pass's to give, so the pre-pass drops them).
PRE_PASS_SOURCE = "<run>"


class RunStep(Protocol):
    """One kind of run-level knowledge."""

    def applies(self, nlp: Language) -> bool:
        """Whether the pipeline has the component this step serves."""

    def collect(self, nlp: Language, name: str, view: CleanText) -> list:
        """What one document (``name``, its cleaned view) contributes."""

    def install(self, nlp: Language, collected: list) -> int:
        """Hand the run's contributions to the pipeline (empty: forget a past run); returns
        how many items it installed."""


class SloganStep:
    """The run's slogan lexicon (see the module docstring)."""

    pipe = "policy_slogans"

    def applies(self, nlp: Language) -> bool:
        return nlp.has_pipe(self.pipe)

    def collect(self, nlp: Language, name: str, view: CleanText) -> list[str]:
        entries, _ = extract(view, PRE_PASS_SOURCE)
        own = []
        for entry in entries:
            start, end = view.clean_span(entry.start, entry.end)
            own.append(dict(entry.to_dict(), start=start, end=end))
        return list(nlp.get_pipe(self.pipe).accepted_strings(view, own))

    def install(self, nlp: Language, collected: list) -> int:
        terms = set(collected)
        nlp.get_pipe(self.pipe).set_run_terms(terms)
        return len(terms)


class DefinitionStep:
    """The definitions of the run's documents, for the linker's run tier."""

    pipe = "glossary_linker"

    def applies(self, nlp: Language) -> bool:
        return nlp.has_pipe(self.pipe)

    def collect(self, nlp: Language, name: str, view: CleanText) -> list:
        source = os.path.basename(name)  # as the shipped glossaries name their sources
        entries, _ = extract(view, source)
        return entries + mine_definitions(view.raw, source)

    def install(self, nlp: Language, collected: list) -> int:
        nlp.get_pipe(self.pipe).set_run_glossary(collected)
        return len(collected)


RUN_STEPS: dict[str, RunStep] = {"slogans": SloganStep(), "definitions": DefinitionStep()}


def prepare_run(nlp: Language, documents: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Collect the run-level knowledge of ``documents`` and install it in ``nlp``.

    Args:
        nlp: the pipeline that will annotate the run (from :func:`nlp.load`).
        documents: ``(name, text)`` of each document of the run.

    Returns:
        How many items each step installed: ``{"slogans": 12, "definitions": 3}``.
    """
    return install_run(nlp, collect_run(nlp, documents))


def collect_run(nlp: Language, documents: Iterable[tuple[str, str]]) -> dict[str, list]:
    """What ``documents`` contribute to each step, in document order. The pipeline's own run
    knowledge is cleared first, so that a past run does not colour what is collected. Parts
    of a run collected apart (on the workers of a cluster) are joined with :func:`join_runs`."""
    steps = {name: step for name, step in RUN_STEPS.items() if step.applies(nlp)}
    for step in steps.values():
        step.install(nlp, [])
    collected: dict[str, list] = {name: [] for name in steps}
    for name, text in documents:
        view = clean(text)
        for step_name, step in steps.items():
            collected[step_name].extend(step.collect(nlp, name, view))
    return collected


def join_runs(parts: Iterable[dict[str, list]]) -> dict[str, list]:
    """The contributions of consecutive parts of one run, as one run's."""
    joined: dict[str, list] = {}
    for part in parts:
        for name, items in part.items():
            joined.setdefault(name, []).extend(items)
    return joined


def install_run(nlp: Language, collected: dict[str, list]) -> dict[str, int]:
    """Install collected run knowledge in ``nlp`` (a step with nothing collected is cleared);
    returns how many items each step installed."""
    return {name: step.install(nlp, collected.get(name, [])) for name, step in RUN_STEPS.items() if step.applies(nlp)}


def readable_documents(inputs: Iterable, encoding_errors: str = "strict") -> Iterator[tuple[str, str]]:
    """``(name, text)`` of the inputs of an annotate run (paths from ``readers.expand_paths``)
    that can be read again later: standard input cannot, and inputs that fail are the main
    pass's to report."""
    for item in inputs:
        if isinstance(item, InputError) or item == STDIN:
            continue
        try:
            document = read_document(item, encoding_errors)
        except InputError:
            continue
        yield document.name, document.text
