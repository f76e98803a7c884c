"""Shared fixtures: the seeds, and the pipelines loaded once per test session (the pkuseg one
is what users run, so the default suite covers it)."""

from __future__ import annotations

from pathlib import Path

import pytest

import nlp

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPORA = REPO / "corpora"
GOLD = CORPORA / "gold"
REPORTS = CORPORA / "national_reports_1954_1999.jsonl.gz"


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` ("001" → seeds/001_….txt)."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_pkuseg():
    return nlp.load()


@pytest.fixture(scope="session")
def nlp_jieba():
    return nlp.load("jieba")


@pytest.fixture(scope="session")
def seed_docs(nlp_pkuseg):
    """Every seed annotated by the default pipeline, by prefix ("000" … "004")."""
    return {path.name[:3]: nlp_pkuseg(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}


def command_records(pipeline, paths: list) -> list[dict]:
    """The JSON records that ``python -m nlp.annotate PATHS`` writes (its run-level pre-pass
    included), made in-process with ``pipeline``."""
    import io
    import json

    from nlp.annotate import annotate
    from nlp.output import JsonlWriter

    out = io.StringIO()
    annotate([str(path) for path in paths], pipeline, JsonlWriter(out))
    return [json.loads(line) for line in out.getvalue().splitlines()]


def linked_doc(nlp, text: str, mentions: list[str], *, source=None, jurisdiction=None, linker=None):
    """Run glossary_sections, give SLOGAN spans at each mention's first occurrence after the
    previous one, run the linker (default: the pipeline's glossary_linker); the Doc."""
    from nlp.components.glossary_linker import JURISDICTION_KEY
    from nlp.components.glossary_sections import SOURCE_KEY
    from nlp.spans import add_policy_spans

    doc = nlp.make_doc(text)
    if source:
        doc.user_data[SOURCE_KEY] = source
    if jurisdiction:
        doc.user_data[JURISDICTION_KEY] = jurisdiction
    doc = nlp.get_pipe("glossary_sections")(doc)
    spans, pos = [], 0
    for mention in mentions:
        start = text.index(mention, pos)
        spans.append((start, start + len(mention), "SLOGAN", {}))
        pos = start + len(mention)
    add_policy_spans(doc, spans)
    return nlp.get_pipe("policy_spans")((linker or nlp.get_pipe("glossary_linker"))(doc))
