"""The ``policy_spans`` component: the spans that the components before it recorded, put on
the Doc as ``doc.spans["policy"]`` and ``doc.ents`` (tokens split at their boundaries).

``nlp.load()`` adds it last and runs the tagging components with ``set_spans = false``, so
the Doc is rebuilt once rather than after every component (see nlp/spans.py). In a pipeline
of your own, leave the components' ``set_spans`` on, or turn it off and add this at the end.

Example::

    >>> pipeline = spacy.blank("zh")
    >>> pipeline.add_pipe("policy_indicators", config={"set_spans": False})
    >>> pipeline.add_pipe("policy_spans")
    >>> [s.text for s in pipeline("全县生产总值完成283.9亿元").spans["policy"]]
    ['283.9亿元']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import set_policy_spans


@Language.factory(
    "policy_spans",
    assigns=["doc.spans", "doc.ents"],
    default_config={},
    default_score_weights={},
)
def make_policy_spans(nlp: Language, name: str) -> "PolicySpans":
    return PolicySpans(name)


class PolicySpans:
    """Stateless: the records travel in ``doc.user_data``."""

    def __init__(self, name: str = "policy_spans"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_policy_spans(doc)
        return doc
