"""Turning annotated Docs into what users read and script against: the JSON of SPEC.md, a TSV
table, a displaCy HTML page and the CSV matrix of tasks and responsible units."""

from __future__ import annotations

import csv
import json
import re
from abc import ABC, abstractmethod
from html import escape
from pathlib import Path
from typing import TextIO

from spacy import displacy
from spacy.tokens import Doc, Span

from .chunking import Chunk, chunk_record
from .extensions import clean_view, doc_glossary, policy_records, record_key
from .spans import policy_spans

# Label colours of the HTML page.
LABEL_COLORS = {"SLOGAN": "#f6c26b", "INDICATOR": "#8fd19e", "RESP_UNIT": "#9ec5fe"}
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


# The opening of an entity in displaCy's page; its template has no title, so one is added.
DISPLACY_MARK = re.compile(r'<mark class="entity"')


def hover_title(span: Span) -> str:
    """What the page shows when the pointer rests on an entity: a linked slogan's definition
    and source (两个确保 → "两个确保：指确保高质量建设现代化河南… (001_….txt)"), else nothing."""
    link = span._.link if span.label_ == "SLOGAN" else None
    if not link:
        return ""
    source = f" ({link['source']})" if link.get("source") else ""
    return f"{link['term']}：{link['definition']}{source}"


def add_hover_titles(html: str, titles: list[str]) -> str:
    """Give the n-th entity of a displaCy page the n-th title (a tooltip; empty ones none)."""
    remaining = iter(titles)

    def titled(match: re.Match) -> str:
        title = next(remaining, "")
        return match.group() + (f' title="{escape(title, quote=True)}"' if title else "")

    return DISPLACY_MARK.sub(titled, html)


class HtmlWriter(Writer):
    """One page for the whole run, rendered by displaCy, a section per document."""

    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.parsed = []
        self.hover_titles: list[str] = []  # one per rendered entity, in page order
        self.texts: list[str] = []  # the texts of a chunked document's chunks so far
        self.ents: list[dict] = []

    @staticmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None) -> tuple[str, str, list[dict], list[str], bool]:
        """``(path, text, ents, titles, last)``: the text the chunk adds to the page, its
        entities with offsets into the document, their hover titles."""
        own, offset = (0, 0) if chunk is None else (chunk.start - chunk.context, chunk.context)
        spans = [s for s in doc.ents if s.start_char >= own]
        ents = [{"start": s.start_char + offset, "end": s.end_char + offset, "label": s.label_} for s in spans]
        titles = [hover_title(s) for s in spans if s.label_ in LABEL_COLORS]
        return path, doc.text[own:], ents, titles, chunk is None or chunk.last

    def write(self, piece: tuple[str, str, list[dict], list[str], bool]) -> None:
        path, text, ents, titles, last = piece
        self.texts.append(text)
        self.ents.extend(ents)
        self.hover_titles.extend(titles)
        if last:
            self.parsed.append({"text": "".join(self.texts), "ents": self.ents, "title": path})
            self.texts, self.ents = [], []

    def finish(self) -> None:
        options = {"ents": list(LABEL_COLORS), "colors": LABEL_COLORS}
        html = displacy.render(self.parsed, style="ent", page=True, manual=True, options=options)
        self.stream.write(add_hover_titles(html, self.hover_titles))
        self.stream.flush()


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
