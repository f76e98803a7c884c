"""Turning annotated Docs into what users read and script against: the JSON of SPEC.md, a TSV
table, a displaCy HTML page and the CSV matrix of tasks and responsible units."""

from __future__ import annotations

import csv
import json
from abc import ABC, abstractmethod
from collections import Counter
from functools import lru_cache
from html import escape
from pathlib import Path
from string import Template
from typing import TextIO

from spacy import displacy
from spacy.tokens import Doc, Span

from . import __version__
from .chunking import Chunk, chunk_record
from .extensions import clean_view, doc_glossary, policy_records, record_key
from .spans import policy_spans

# The HTML page (--format html): its template (string.Template), displaCy's template of one
# entity (str.format), the label colours and what the legend says of each label, the attributes
# an entity's hover shows (a slogan's shows its definition), and how many documents the title names.
HTML_PAGE = Path(__file__).parent / "data" / "annotate_page.html"
HTML_ENTITY = Path(__file__).parent / "data" / "annotate_entity.html"
LABEL_COLORS = {"SLOGAN": "#f6c26b", "INDICATOR": "#8fd19e", "RESP_UNIT": "#9ec5fe"}
LABEL_LEGEND = {
    "SLOGAN": "提法, a policy slogan (hover: its definition and source)",
    "INDICATOR": "a numeric indicator (hover: name, value, unit, kind, target, period)",
    "RESP_UNIT": "a responsible unit, 责任单位 (hover: full name, role)",
}
HOVER_ATTRS = {"INDICATOR": ("name", "value", "unit", "kind", "target", "period"), "RESP_UNIT": ("name", "role")}
NO_DEFINITION = "no definition found in the document or the glossary"
TITLE_NAMES = 3
# TSV columns after path, start, end, label, text: every attribute of every label, flattened.
TSV_ATTR_COLUMNS = (
    "name", "value", "unit", "kind", "target", "period", "qualifier", "role",
    "task_start", "task_end", "link_term", "link_source", "link_score",
)  # fmt: skip
# Columns of the task matrix (--format tasks): one row per responsible unit.
TASK_COLUMNS = ("file", "task_start", "task_end", "task", "unit", "name", "role", "start", "end")


def entity_record(span: Span) -> dict:
    """One entity as SPEC.md writes it: offsets into the original text, the cleaned text, and
    the attributes of its label."""
    attrs = policy_records(span.doc).get(record_key(span.label_, span.start_char, span.end_char), {})
    record = {
        "start": span.start_char,
        "end": span.end_char,
        "label": span.label_,
        "text": span._.clean_text,
    }
    record.update(attrs)
    return record


def doc_record(doc: Doc, path: str) -> dict:
    """The JSON line of one document (see SPEC.md).

    The pipeline sees only text, so the entries that the document itself defines carry no
    source; here, where the file is known, they get its name (in ``glossary``, ``link`` and
    ``candidates`` alike)."""
    source = Path(path).name
    ents = []
    for span in policy_spans(doc):
        record = entity_record(span)
        if record.get("link"):
            record["link"] = _with_source(record["link"], source)
        if record.get("candidates"):
            record["candidates"] = [_with_source(c, source) for c in record["candidates"]]
        ents.append(record)
    glossary = [_with_source(entry, source) for entry in doc_glossary(doc)]
    return {"path": path, "ents": ents, "glossary": glossary}


def _with_source(entry: dict, source: str) -> dict:
    return entry if entry.get("source") else dict(entry, source=source)


def chunk_document_record(doc: Doc, path: str, chunk: Chunk | None) -> dict:
    """The record of a whole document (``chunk`` None) or of one chunk of it (see
    :func:`nlp.chunking.chunk_record`)."""
    record = doc_record(doc, path)
    return record if chunk is None else chunk_record(record, chunk)


class Writer(ABC):
    """A writer of one output format, in two steps so that the work can be shared out:
    ``render(doc, path, chunk)`` turns a Doc into a piece of output (plain, picklable data; a
    worker process can do it), and ``write(piece)``, called in input order, writes it.

    ``chunk`` is None for a whole document; for a long one (nlp/chunking.py) the Doc is that of
    ``text[chunk.context:chunk.end]`` and its chunks come in order."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    @staticmethod
    @abstractmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None):
        """The piece of output of ``doc``."""

    @abstractmethod
    def write(self, piece) -> None:
        """Write a piece that ``render`` made."""

    def add(self, doc: Doc, path: str, chunk: Chunk | None = None) -> None:
        """Render and write at once."""
        self.write(self.render(doc, path, chunk))

    def finish(self) -> None:
        self.stream.flush()


class JsonlWriter(Writer):
    """One JSON line per document. A long document's entities are written chunk by chunk (they
    never wait in memory) into the line that the whole document would have."""

    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.glossary: list[dict] | None = None  # the entries of the line being written
        self.any_ents = False  # whether that line has an entity yet

    @staticmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None) -> tuple[str, str, list[dict], bool]:
        """``(head, ents, glossary, last)``: the record's JSON without its entities and
        glossary, the entities' JSON objects joined by ", ", the glossary entries, and whether
        the document ends here."""
        record = chunk_document_record(doc, path, chunk)
        head = json.dumps({k: v for k, v in record.items() if k not in ("ents", "glossary")}, ensure_ascii=False)
        ents = ", ".join(json.dumps(ent, ensure_ascii=False) for ent in record["ents"])
        return head, ents, record["glossary"], chunk is None or chunk.last

    def write(self, piece: tuple[str, str, list[dict], bool]) -> None:
        head, ents, glossary, last = piece
        if self.glossary is None:
            self.stream.write(head[:-1] + ', "ents": [' + ents)
            self.glossary, self.any_ents = [], bool(ents)
        elif ents:
            self.stream.write((", " if self.any_ents else "") + ents)
            self.any_ents = True
        self.glossary.extend(glossary)
        if last:
            self.stream.write('], "glossary": ' + json.dumps(self.glossary, ensure_ascii=False) + "}\n")
            self.glossary = None


def _tsv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).replace("\t", " ").replace("\n", " ")


class TsvWriter(Writer):
    """One entity a row, with every attribute in its own column (a spreadsheet opens it)."""

    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.rows = csv.writer(stream, delimiter="\t", lineterminator="\n")
        self.rows.writerow(("path", "start", "end", "label", "text") + TSV_ATTR_COLUMNS)

    @staticmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None) -> list[list[str]]:
        rows = []
        for ent in chunk_document_record(doc, path, chunk)["ents"]:
            task = ent.get("task") or {}
            link = ent.get("link") or {}
            flat = dict(ent, task_start=task.get("start"), task_end=task.get("end"),
                        link_term=link.get("term"), link_source=link.get("source"),
                        link_score=link.get("score"))  # fmt: skip
            rows.append([path, str(ent["start"]), str(ent["end"]), ent["label"], _tsv_cell(ent["text"])]
                        + [_tsv_cell(flat.get(column)) for column in TSV_ATTR_COLUMNS])  # fmt: skip
        return rows

    def write(self, piece: list[list[str]]) -> None:
        self.rows.writerows(piece)


def hover_title(ent: dict) -> str:
    """What the page shows when the pointer rests on an entity (``ent`` as :func:`doc_record`
    writes it): a slogan's definition and source, or that none was found; an indicator's or a
    responsible unit's attributes, one a line.

    >>> hover_title({"label": "SLOGAN", "text": "两个确保", "link": {"term": "两个确保",
    ...     "definition": "指确保高质量建设现代化河南…", "source": "001_….txt"}})
    '两个确保：指确保高质量建设现代化河南… (001_….txt)'
    """
    if ent["label"] == "SLOGAN":
        link = ent.get("link")
        if not link:
            return f"{ent['text']}：{NO_DEFINITION}"
        source = f" ({link['source']})" if link.get("source") else ""
        return f"{link['term']}：{link['definition']}{source}"
    attrs = HOVER_ATTRS.get(ent["label"], ())
    return "\n".join(f"{name}: {_tsv_cell(ent[name])}" for name in attrs if ent.get(name) is not None)


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def page_marks(ents: list[dict], shown: set[tuple[int, int, str]]) -> list[dict]:
    """displaCy's entities (``start``, ``end``, ``label`` and the template's ``params``) for
    the records ``ents`` whose ``(start, end, label)`` is in ``shown`` (marks cannot overlap:
    ``doc.ents`` keeps the longest of overlapping spans). An entity left out is described in
    the hover of the mark it overlaps, so the page still shows every entity.

    The INDICATOR 4个 inside the RESP_UNIT 水源地4个结对县 adds to the unit's hover
    "INDICATOR 4个 (inside this one):" and the indicator's own lines."""
    marked = [ent for ent in ents if (ent["start"], ent["end"], ent["label"]) in shown]
    titles = [hover_title(ent) for ent in marked]
    for ent in ents:
        if (ent["start"], ent["end"], ent["label"]) in shown:
            continue
        i = next((i for i, mark in enumerate(marked) if _overlaps(mark, ent)), None)
        if i is not None:
            inside = marked[i]["start"] <= ent["start"] and ent["end"] <= marked[i]["end"]
            where = "inside this one" if inside else "overlapping this one"
            titles[i] += f"\n\n{ent['label']} {ent['text']} ({where}):\n{hover_title(ent)}"
    return [
        {"start": ent["start"], "end": ent["end"], "label": ent["label"],
         "params": {"title": escape(title, quote=True), "start": ent["start"], "end": ent["end"]}}
        for ent, title in zip(marked, titles)
    ]  # fmt: skip


def label_counts(ents: list[dict]) -> str:
    """The line under a document's heading: "SLOGAN 12 (9 with a definition) · INDICATOR 20 · …"."""
    counts = Counter(ent["label"] for ent in ents)
    defined = sum(1 for ent in ents if ent["label"] == "SLOGAN" and ent.get("link"))
    parts = []
    for label in LABEL_COLORS:
        parts.append(f"{label} {counts[label]}" + (f" ({defined} with a definition)" if label == "SLOGAN" else ""))
    return " · ".join(parts)


def page_title(paths: list[str]) -> str:
    """The page's title, naming its documents: "policy-nlp: 001_….txt, 004_….txt"."""
    if not paths:
        return "policy-nlp: no documents"
    names = [Path(path).name or path for path in paths[:TITLE_NAMES]]
    more = f" and {len(paths) - TITLE_NAMES} more" if len(paths) > TITLE_NAMES else ""
    return "policy-nlp: " + ", ".join(names) + more


class HtmlWriter(Writer):
    """One page for the whole run (nlp/data/annotate_page.html): a legend of the labels, then
    a section per document, its text as displaCy marks it, every mark with a hover (see
    :func:`hover_title`) and the offsets of its entity (``data-start``, ``data-end``). The page
    is self-contained: no script, font or style is fetched, and its policy forbids any."""

    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.sections: list[str] = []  # the finished documents' HTML
        self.paths: list[str] = []
        self.texts: list[str] = []  # the texts of a chunked document's chunks so far
        self.ents: list[dict] = []  # their records (doc_record) with offsets into the document
        self.marks: list[dict] = []

    @staticmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None) -> tuple[str, str, list[dict], list[dict], bool]:
        """``(path, text, ents, marks, last)``: the text the chunk adds to the page, its
        entities' records and marks (:func:`page_marks`), offsets into the document."""
        own, offset = (0, 0) if chunk is None else (chunk.start - chunk.context, chunk.context)
        ents = chunk_document_record(doc, path, chunk)["ents"]
        shown = {(s.start_char + offset, s.end_char + offset, s.label_) for s in doc.ents if s.start_char >= own}
        return path, doc.text[own:], ents, page_marks(ents, shown), chunk is None or chunk.last

    def write(self, piece: tuple[str, str, list[dict], list[dict], bool]) -> None:
        path, text, ents, marks, last = piece
        self.texts.append(text)
        self.ents.extend(ents)
        self.marks.extend(marks)
        if last:
            parsed = {"text": "".join(self.texts), "ents": self.marks}
            options = {"ents": list(LABEL_COLORS), "colors": LABEL_COLORS, "template": _page_template(HTML_ENTITY)}
            marked = displacy.render(parsed, style="ent", manual=True, options=options, jupyter=False)
            self.sections.append(
                f'<section class="document">\n<h2>{escape(path)}</h2>\n'
                f'<p class="counts">{escape(label_counts(self.ents))}</p>\n{marked}</section>'
            )
            self.paths.append(path)
            self.texts, self.ents, self.marks = [], [], []

    def finish(self) -> None:
        legend = "\n".join(
            f'<li><span class="legend-swatch" style="background: {color}">{label}</span>{escape(LABEL_LEGEND[label])}</li>'
            for label, color in LABEL_COLORS.items()
        )
        title = escape(page_title(self.paths))
        page = Template(_page_template(HTML_PAGE)).substitute(
            version=__version__, title=title, heading=title, legend=legend, documents="\n".join(self.sections)
        )
        self.stream.write(page)
        self.stream.flush()


@lru_cache(maxsize=None)
def _page_template(path: Path) -> str:
    return path.read_text(encoding="utf-8")


class TasksWriter(Writer):
    """The task matrix as CSV: one row per responsible unit, with the task its clause closes
    (offsets into the original text, text cleaned)."""

    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.rows = csv.writer(stream, lineterminator="\n")
        self.rows.writerow(TASK_COLUMNS)

    @staticmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None) -> list[list]:
        view, offset = clean_view(doc), 0 if chunk is None else chunk.context
        rows = []
        for ent in chunk_document_record(doc, path, chunk)["ents"]:
            if ent["label"] != "RESP_UNIT":
                continue
            task = ent["task"]
            task_text = view.clean_slice(task["start"] - offset, task["end"] - offset)
            rows.append([path, task["start"], task["end"], task_text, ent["text"], ent["name"],
                         ent["role"], ent["start"], ent["end"]])  # fmt: skip
        return rows

    def write(self, piece: list[list]) -> None:
        self.rows.writerows(piece)


WRITERS = {"jsonl": JsonlWriter, "tsv": TsvWriter, "html": HtmlWriter, "tasks": TasksWriter}
