"""Building the pipeline: the only code that knows component order and where models live."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .glossary import load as load_glossary
from .tokenizer import PolicyTokenizer

REPO_ROOT = Path(__file__).resolve().parent.parent
PKUSEG_MODEL_ENV = "NLP_PKUSEG_MODEL"
DEFAULT_PKUSEG_MODEL = REPO_ROOT / "models" / "pkuseg"
SEGMENTERS = ("pkuseg", "jieba")
# The names of a trained tagger's NER, and of the spans set before it, in the pipeline (see
# add_tagger).
MODEL_NER = "policy_model_ner"
RULE_SPANS_PIPE = "policy_rule_spans"

# Our components in pipeline order. The glossary sections come first so that the slogan
# tagger knows the document's own terms; the linker comes last.
PIPE_NAMES = (
    "glossary_sections",
    "policy_slogans",
    "policy_indicators",
    "policy_resp_units",
    "glossary_linker",
)

# The components with a ``glossary`` setting, which load(glossary=...) sets.
GLOSSARY_USERS = ("policy_slogans", "glossary_linker")
# The components that record policy spans; load() has them only record, and sets the spans on
# the Doc once, in a ``policy_spans`` component at the end (see nlp/spans.py).
SPAN_RECORDERS = ("policy_slogans", "policy_indicators", "policy_resp_units", "glossary_linker")
SPANS_PIPE = "policy_spans"


class ModelMissingError(RuntimeError):
    """The pkuseg model folder is missing (the message says how to build it)."""


def pkuseg_model_path(path: str | os.PathLike | None = None) -> Path:
    """The pkuseg model folder: the argument, else $NLP_PKUSEG_MODEL, else models/pkuseg."""
    folder = Path(path or os.environ.get(PKUSEG_MODEL_ENV) or DEFAULT_PKUSEG_MODEL)
    if not (folder / "weights.npz").is_file():
        raise ModelMissingError(
            f"no pkuseg model in {folder}: run `bash scripts/setup.sh` (it fetches pkuseg==0.0.25 "
            f"with pip and builds models/pkuseg), or set {PKUSEG_MODEL_ENV} to a model folder"
        )
    return folder


def load(
    segmenter: str = "pkuseg",
    *,
    pkuseg_model: str | os.PathLike | None = None,
    components: Iterable[str] | None = None,
    component_config: dict[str, dict] | None = None,
    glossary: str | os.PathLike | None = None,
    model: str | os.PathLike | None = None,
) -> Language:
    """The full pipeline, ready to call.

    Args:
        segmenter: "pkuseg" (default) or "jieba".
        pkuseg_model: folder with features.msgpack and weights.npz (default: see
            :func:`pkuseg_model_path`).
        components: names from PIPE_NAMES to include (default: all that are registered).
        component_config: per-component config overrides, by name.
        glossary: a glossary JSONL (``python -m nlp.glossary build``) for the slogan tagger,
            the linker and the segmenter's user dictionary (default: the one shipped in
            nlp/data/glossary.jsonl).
        model: a tagger trained by scripts/train.py (``models/NAME``): its NER runs after the
            rule components and adds the spans they missed (see :func:`add_tagger`).

    Returns:
        A spaCy Language for Chinese whose segmenter also knows the glossary's terms. Example::

            >>> pipeline = load()
            >>> doc = pipeline("全县生产总值完成283.9亿元")
            >>> [(s.text, s.label_, s._.value) for s in doc.spans["policy"]]
            [('283.9亿元', 'INDICATOR', 28390000000)]
    """
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {', '.join(SEGMENTERS)}, not {segmenter!r}")
    pkuseg_folder = str(pkuseg_model_path(pkuseg_model)) if segmenter == "pkuseg" else None
    config = {
        "nlp": {"tokenizer": {"@tokenizers": "nlp.PolicyTokenizer.v1", "segmenter": segmenter}},
        "initialize": {"tokenizer": {"pkuseg_model": pkuseg_folder, "pkuseg_user_dict": "default"}},
    }
    nlp = spacy.blank("zh", config=config)
    wanted = PIPE_NAMES if components is None else tuple(components)
    unknown = [name for name in wanted if name not in PIPE_NAMES]
    if unknown:
        raise ValueError(f"unknown components {unknown}; choose from {', '.join(PIPE_NAMES)}")
    overrides = dict(component_config or {})
    if glossary is not None:
        for name in GLOSSARY_USERS:
            overrides[name] = {"glossary": str(glossary), **overrides.get(name, {})}
    for name in SPAN_RECORDERS:
        overrides[name] = {"set_spans": False, **overrides.get(name, {})}
    for name in PIPE_NAMES:
        if name in wanted and name in Language.factories:
            nlp.add_pipe(name, config=overrides.get(name, {}))
    if nlp.pipe_names:
        nlp.add_pipe(SPANS_PIPE)
    nlp.initialize()
    assert isinstance(nlp.tokenizer, PolicyTokenizer)
    nlp.tokenizer.add_user_words(load_glossary(glossary).terms())
    if model is not None:
        add_tagger(nlp, model)
    return nlp


def add_tagger(nlp: Language, model: str | os.PathLike) -> None:
    """Add a trained tagger's NER and the ``policy_model_spans`` combiner to ``nlp``, after
    the rule components and before the glossary linker (so model slogans are linked too).

    Combining rule: the rules win where both fire, the model adds what the rules missed
    (nlp/components/model_spans.py). Added after ``nlp.initialize()``, which would reset the
    trained weights. Warns when the tagger was trained on another segmenter's tokens."""
    folder = Path(model)
    if not (folder / "ner").is_dir():
        raise ModelMissingError(f"no trained tagger in {folder}: build one with scripts/train.py")
    trained = spacy.load(folder, exclude=["tokenizer"])
    trained_segmenter = trained.config["nlp"]["tokenizer"].get("segmenter")
    if trained_segmenter != nlp.tokenizer.segmenter:
        warnings.warn(f"{folder} was trained on {trained_segmenter} tokens but this pipeline uses "
                      f"{nlp.tokenizer.segmenter}; load it with segmenter={trained_segmenter!r}")  # fmt: skip
    before = next((name for name in ("glossary_linker", SPANS_PIPE) if nlp.has_pipe(name)), None)
    if nlp.has_pipe(SPANS_PIPE):  # the NER predicts around the rules' spans, so they go on the Doc first
        nlp.add_pipe(SPANS_PIPE, name=RULE_SPANS_PIPE, before=before)
    nlp.add_pipe("ner", name=MODEL_NER, source=trained, before=before)
    nlp.add_pipe("policy_model_spans", before=before, config={"set_spans": not nlp.has_pipe(SPANS_PIPE)})
