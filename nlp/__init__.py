"""A spaCy toolkit for Chinese policy documents: slogans, indicators, responsible units and
the documents' own glossaries."""

from .extensions import register_extensions

__version__ = "0.1.0"

register_extensions()


def load(*args, **kwargs):
    """The full pipeline; see :func:`nlp.pipeline.load` (imported lazily: spaCy's entry points
    import this package, so importing it must stay cheap)."""
    from .pipeline import load as _load

    return _load(*args, **kwargs)
