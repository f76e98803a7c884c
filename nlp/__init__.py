"""A spaCy toolkit for Chinese policy documents: slogans, indicators, responsible units and
the documents' own glossaries.

Importing the package imports no spaCy (the Doc and Span extensions are declared by
nlp/extensions.py, which every module that uses them imports), so that ``python -m
nlp.annotate`` is in its own code, where Ctrl-C is one line, within a tenth of a second."""

__version__ = "0.1.0"


def load(*args, **kwargs):
    """The full pipeline; see :func:`nlp.pipeline.load` (imported lazily: spaCy's entry points
    import this package, so importing it must stay cheap)."""
    from .pipeline import load as _load

    return _load(*args, **kwargs)
