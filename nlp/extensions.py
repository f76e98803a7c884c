"""Every Doc and Span extension of the toolkit, declared once.

Span attributes live in one plain dict per Doc (``doc.user_data[RECORDS_KEY]``), keyed by label
and character offsets, and are read through getters: spaCy keys span extension values by
offsets alone, so two labels on the same characters would otherwise share them, and Span
objects kept in user_data break DocBin and ``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

import weakref
from functools import partial

from spacy.tokens import Doc, Span

from .text import CleanText, clean

# doc.user_data keys. Values are plain JSON-like data so that Docs serialise.
RECORDS_KEY = "policy_records"
CLEAN_KEY = "policy_clean"
GLOSSARY_KEY = "policy_glossary"

# The attributes of ANNOTATION.md and SPEC.md, by label; each is a Span extension.
LABEL_ATTRS = {
    "SLOGAN": ("link", "candidates", "source"),
    "INDICATOR": ("name", "value", "unit", "kind", "target", "period", "qualifier"),
    "RESP_UNIT": ("name", "role", "task"),
}
SPAN_ATTRS = tuple(dict.fromkeys(a for attrs in LABEL_ATTRS.values() for a in attrs))


def record_key(label: str, start: int, end: int) -> str:
    """The key of a span's attribute record: its label and its offsets into ``doc.text``."""
    return f"{label} {start} {end}"


def policy_records(doc: Doc) -> dict[str, dict]:
    """The attribute records of the doc's policy spans (created empty on first use)."""
    return doc.user_data.setdefault(RECORDS_KEY, {})


def doc_length(doc: Doc) -> int:
    """``len(doc.text)`` in constant time (``Doc.text`` joins every token anew)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


# Views already built, by Doc: span._.clean_text asks for the view once per span, and building
# it needs doc.text, which costs a pass over the tokens.
_VIEWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def remember_clean_view(doc: Doc, view: CleanText) -> None:
    """Keep ``view`` (the cleaned view of ``doc.text``) in ``doc.user_data`` and in memory."""
    doc.user_data[CLEAN_KEY] = (view.text, view.offsets)
    _VIEWS[doc] = view


def clean_view(doc: Doc) -> CleanText:
    """The cleaned view of ``doc.text``, computed once and kept in ``doc.user_data``."""
    stored = doc.user_data.get(CLEAN_KEY)
    view = _VIEWS.get(doc)
    if view is not None and stored is not None and view.text is stored[0]:
        return view
    if stored is None or len(stored[1]) != len(stored[0]) + 1 or stored[1][-1] != doc_length(doc):
        view = clean(doc.text)
    else:
        view = CleanText(doc.text, stored[0], stored[1])
    remember_clean_view(doc, view)
    return view


def doc_glossary(doc: Doc) -> list[dict]:
    """The glossary entries that the document itself defines (filled by glossary_sections)."""
    return doc.user_data.get(GLOSSARY_KEY, [])


def _span_attr(attr: str, span: Span):
    records = span.doc.user_data.get(RECORDS_KEY)
    if not records:
        return None
    return records.get(record_key(span.label_, span.start_char, span.end_char), {}).get(attr)


def _clean_text(span: Span) -> str:
    return clean_view(span.doc).clean_slice(span.start_char, span.end_char)


def register_extensions() -> None:
    """Declare the extensions, skipping any that exist (so a second import is harmless)."""
    if not Doc.has_extension("clean"):
        Doc.set_extension("clean", getter=clean_view)
    if not Doc.has_extension("glossary"):
        Doc.set_extension("glossary", getter=doc_glossary)
    if not Span.has_extension("clean_text"):
        Span.set_extension("clean_text", getter=_clean_text)
    for attr in SPAN_ATTRS:
        if not Span.has_extension(attr):
            Span.set_extension(attr, getter=partial(_span_attr, attr))


# Declared when this module is imported, as every module that reads them imports it (the
# package's __init__ stays free of spaCy; see nlp/__init__.py).
register_extensions()
