"""The ``glossary_sections`` component: the document's own glossary into ``doc._.glossary``.

It reads 名词解释 / 有关词语注释 / 注释 sections and inline definitions from the cleaned text
(see :mod:`nlp.glossary.extract`) and stores them as JSON-like dicts, so later components
(the slogan tagger, the linker) and the JSON output use them. A malformed section logs one
warning line naming the document (``doc.user_data["source"]`` when the caller sets it) and
the line; it never fails the document.

Example::

    >>> doc = nlp("有关词语注释\\n1. 四美乡村：指农村环境美、田园美、村庄美、庭院美。")
    >>> [(e["number"], e["term"]) for e in doc._.glossary]
    [(1, '四美乡村')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import GLOSSARY_KEY, clean_view
from ..glossary.extract import extract_entries

# doc.user_data key of the document's file name, when the caller knows it (warnings and the
# ``source`` of the document's own entries use it).
SOURCE_KEY = "source"
# How a document without a known name is called in warnings.
UNNAMED = "<document>"


@Language.factory(
    "glossary_sections",
    assigns=["doc._.glossary"],
    default_config={},
    default_score_weights={},
)
def make_glossary_sections(nlp: Language, name: str) -> "GlossarySections":
    return GlossarySections(name)


class GlossarySections:
    """Stateless: extraction needs no resources."""

    def __init__(self, name: str = "glossary_sections"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        source = doc.user_data.get(SOURCE_KEY)
        entries = extract_entries(clean_view(doc), source or UNNAMED)
        for entry in entries:
            entry.source = source
        doc.user_data[GLOSSARY_KEY] = [entry.to_dict() for entry in entries]
        return doc
