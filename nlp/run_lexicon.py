"""Run-level knowledge: what the documents of one annotate run tell about each other.

A slogan that one report quotes or defines (“菜篮子”工程) is usually written without quotes in
the next report of the same run. Before the main pass, a cheap pre-pass reads every input
once, without the segmenter or the Doc, and each *run step* collects what it knows from the
cleaned text; the steps then install what they collected in the pipeline, and the main pass
(forked workers included, which inherit the installed state) annotates every document with it.
Collecting from every document before tagging any makes the result independent of the order
of the inputs and of --jobs.

Steps (``RUN_STEPS``):

- ``slogans``: the strings the slogan tagger accepts in each document on its own (kept by the
  classifier or defined by the document's own glossary) form the run's slogan lexicon; the
  tagger then tags them in every document of the run, with ``source`` "run" where nothing
  else accepts them (nlp/components/slogans.py).

A new kind of run-level knowledge (say, the inline definitions mined from every document) is
a new :class:`RunStep` with ``collect`` and ``install``, added to ``RUN_STEPS``.

Example::

    >>> pipeline = nlp.load()
    >>> prepare_run(pipeline, ["深化“放管服”改革。", "继续推进放管服。"])
    {'slogans': 1}
    >>> doc = pipeline("继续推进放管服。")
    >>> [(s.text, s._.source) for s in doc.spans["policy"]]
    [('放管服', 'run')]
"""

from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from spacy.language import Language

from .chunking import DEFAULT_MAX_CHARS, paragraph_chunks
from .glossary.extract import extract
from .readers import STDIN, InputError, read_document
from .text import CleanText, clean

# The name under which a document's own glossary entries are extracted in the pre-pass (its
# warnings are the main pass's to give, so the pre-pass drops them).
PRE_PASS_SOURCE = "<run>"


class RunStep(Protocol):
    """One kind of run-level knowledge."""

    def applies(self, nlp: Language) -> bool:
        """Whether the pipeline has the component this step serves."""

    def collect(self, nlp: Language, view: CleanText) -> Iterable:
        """What one cleaned text (a document or a chunk of a long one) contributes."""

    def install(self, nlp: Language, collected: set) -> None:
        """Hand the run's union of contributions to the pipeline (empty: forget a past run)."""


class SloganStep:
    """The run's slogan lexicon (see the module docstring)."""

    pipe = "policy_slogans"

    def applies(self, nlp: Language) -> bool:
        return nlp.has_pipe(self.pipe)

    def collect(self, nlp: Language, view: CleanText) -> set[str]:
        entries, _ = extract(view, PRE_PASS_SOURCE)
        own = []
        for entry in entries:
            start, end = view.clean_span(entry.start, entry.end)
            own.append(dict(entry.to_dict(), start=start, end=end))
        return nlp.get_pipe(self.pipe).accepted_strings(view, own)

    def install(self, nlp: Language, collected: set) -> None:
        nlp.get_pipe(self.pipe).set_run_terms(collected)


RUN_STEPS: dict[str, RunStep] = {"slogans": SloganStep()}


def prepare_run(nlp: Language, texts: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS) -> dict[str, int]:
    """Collect the run-level knowledge of ``texts`` and install it in ``nlp``.

    Args:
        nlp: the pipeline that will annotate the run (from :func:`nlp.load`).
        texts: the documents of the run; longer ones are read in chunks of ``max_chars``.
        max_chars: the chunk size (the annotate command's --max-chars).

    Returns:
        How many items each step installed: ``{"slogans": 12}``.
    """
    steps = {name: step for name, step in RUN_STEPS.items() if step.applies(nlp)}
    for step in steps.values():  # collect with nothing of a past run installed
        step.install(nlp, set())
    collected: dict[str, set] = {name: set() for name in steps}
    for text in texts:
        for chunk in paragraph_chunks(text, max_chars, 0):
            view = clean(text[chunk.start:chunk.end])
            for name, step in steps.items():
                collected[name].update(step.collect(nlp, view))
    for name, step in steps.items():
        step.install(nlp, collected[name])
    return {name: len(items) for name, items in collected.items()}


def readable_texts(inputs: Iterable) -> Iterator[str]:
    """The texts of the inputs of an annotate run (paths from ``readers.expand_paths``) that
    can be read again later: standard input cannot, and inputs that fail are the main pass's
    to report."""
    for item in inputs:
        if isinstance(item, InputError) or item == STDIN:
            continue
        try:
            yield read_document(item).text
        except InputError:
            continue
