"""The ``policy_model_spans`` component: puts the trained tagger's entities among the policy
spans, by one rule: **the rules win where both fire, the model adds what the rules missed.**

The trained NER (scripts/train.py) runs after the rule components. spaCy's NER keeps the
entities already in ``doc.ents`` (the rules' spans), so it only predicts around them; this
component then takes each of its entities that overlaps no rule span (of any label, including
rule spans that ``doc.ents`` left out because they overlap each other) and records it through
:func:`nlp.spans.add_policy_spans`, with every attribute of its label set to ``None`` (the
glossary linker, which runs later, still links model slogans). Without rule components (model
only) every entity of the NER is taken.

Example::

    >>> doc = nlp.load(model="models/reports_gold")("坚持“四水同治”，全省粮食产量增长2.1%。")
    >>> [(s.text, s.label_) for s in doc.spans["policy"]]
    [('四水同治', 'SLOGAN'), ('2.1%', 'INDICATOR')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import LABEL_ATTRS, policy_records
from ..spans import add_policy_spans


@Language.factory(
    "policy_model_spans",
    assigns=["doc.spans", "doc.ents"],
    requires=["doc.ents"],
    default_config={"labels": sorted(LABEL_ATTRS), "set_spans": True},
    default_score_weights={},
)
def make_model_spans(nlp: Language, name: str, labels: list[str], set_spans: bool) -> "ModelSpans":
    return ModelSpans(name, labels=labels, set_spans=set_spans)


class ModelSpans:
    """Adds the NER's entities of ``labels`` that overlap no recorded policy span (and, with
    ``set_spans``, rebuilds ``doc.spans["policy"]`` and ``doc.ents``; see nlp/spans.py)."""

    def __init__(self, name: str = "policy_model_spans", *, labels: list[str], set_spans: bool = True):
        self.name = name
        self.labels = frozenset(labels)
        self.set_spans = set_spans

    def __call__(self, doc: Doc) -> Doc:
        taken = [(int(s), int(e)) for s, e in (key.split(" ")[1:] for key in policy_records(doc))]
        found = []
        for ent in doc.ents:
            if ent.label_ in self.labels and not _overlaps(taken, ent.start_char, ent.end_char):
                attrs = dict.fromkeys(LABEL_ATTRS.get(ent.label_, ()))
                found.append((ent.start_char, ent.end_char, ent.label_, attrs))
        add_policy_spans(doc, found, set_spans=self.set_spans)
        return doc


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans``."""
    return any(s < end and start < e for s, e in spans)
