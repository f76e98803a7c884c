"""The HTML page of ``--format html`` read as markup: its head, legend, the documents' text and
offsets, and every mark's hover. tests/test_html_browser.py looks at it in a real browser."""

from __future__ import annotations

import io
import shutil
from html.parser import HTMLParser

import pytest

import nlp.pipeline
from nlp import annotate
from nlp.output import LABEL_COLORS, NO_DEFINITION, HtmlWriter
from nlp.spans import add_policy_spans

from .conftest import command_records, seed_path

# Every element the page may hold: no script, image, link or frame, so nothing is fetched.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "ul", "li", "span", "main",
             "section", "h2", "p", "div", "br", "mark"}  # fmt: skip


class PageReader(HTMLParser):
    """What a reader of the page gets: the head, the legend's labels, and per document its
    heading, its text (``<br>`` read as the line break it stands for) and its marks."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[dict] = []
        self.lang = self.charset = None
        self.title = ""
        self.legend: list[str] = []
        self.documents: list[dict] = []
        self._in: str | None = None  # "title", "h2", "swatch", "text" or "mark"
        self._depth = 0  # of <div> inside a document's text
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        self.attrs.append(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and "charset" in attrs:
            self.charset = attrs["charset"]
        elif tag == "title":
            self._in = "title"
        elif tag == "span" and attrs.get("class") == "legend-swatch":
            self._in = "swatch"
            self.legend.append("")
        elif tag == "h2":
            self._in = "h2"
            self.documents.append({"path": "", "text": "", "marks": []})
        elif tag == "div" and attrs.get("class") == "entities":
            self._in, self._depth = "text", 1
        elif tag == "br" and self._in == "text":
            self.documents[-1]["text"] += "\n"
        elif tag == "mark" and self._in == "text":
            self._in = "mark"
            self.documents[-1]["marks"].append(dict(attrs, text=""))

    def handle_endtag(self, tag):
        if tag == "mark" and self._in == "mark":
            self._in = "text"
        elif tag == "div" and self._in == "text":
            self._depth -= 1
            self._in = "text" if self._depth else None
        elif tag in ("title", "h2", "span") and self._in in ("title", "h2", "swatch"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "swatch":
            self.legend[-1] += data
        elif self._in == "h2":
            self.documents[-1]["path"] += data
        elif self._in in ("text", "mark"):
            self.documents[-1]["text"] += data
            if self._in == "mark":
                self.documents[-1]["marks"][-1]["text"] += data


@pytest.fixture
def html_of(nlp_pkuseg, monkeypatch, capsys):
    """Run the command with ``--format html`` in-process (the session's pipeline) and read its page."""
    monkeypatch.setattr(nlp.pipeline, "load", lambda *args, **kwargs: nlp_pkuseg)

    def run(*argv) -> tuple[str, PageReader]:
        assert annotate.main(["--format", "html", *argv]) == 0
        html = capsys.readouterr().out
        return html, PageReader(html)

    return run


def overlapping(a: dict, b: dict) -> bool:
    return int(a["data-start"]) < b["end"] and b["start"] < int(a["data-end"])


def check_document(document: dict, record: dict, raw: str) -> None:
    """The page shows the document's own text, each mark at its entity's offsets, and every
    entity: as a mark, or described in the hover of the mark it overlaps."""
    assert document["text"] == raw
    marks = {(int(m["data-start"]), int(m["data-end"]), m["data-label"]): m for m in document["marks"]}
    assert len(marks) == len(document["marks"])
    for (start, end, label), mark in marks.items():
        assert mark["text"] == raw[start:end] and label in LABEL_COLORS
    for ent in record["ents"]:
        if (ent["start"], ent["end"], ent["label"]) not in marks:
            outer = [m["title"] for m in document["marks"] if overlapping(m, ent)]
            assert any(f"{ent['label']} {ent['text']} (" in title for title in outer)


def test_html_page_head_legend_and_escaped_title(html_of, tmp_path):
    odd = tmp_path / 'a<b>&"c".txt'
    shutil.copy(seed_path("004"), odd)
    html, page = html_of(str(odd), str(seed_path("001")))
    assert (page.lang, page.charset) == ("zh", "utf-8")
    assert page.title == f'policy-nlp: a<b>&"c".txt, {seed_path("001").name}'
    assert "<title>policy-nlp: a&lt;b&gt;&amp;&quot;c&quot;.txt," in html
    assert [d["path"] for d in page.documents] == [str(odd), str(seed_path("001"))]
    assert page.legend == list(LABEL_COLORS)
    assert page.tags <= PAGE_TAGS
    assert not any(name in attrs for attrs in page.attrs for name in ("src", "href", "action"))
    assert "default-src 'none'" in html


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_html_page_text_offsets_and_every_entity(html_of, nlp_pkuseg, prefix):
    raw = seed_path(prefix).read_text(encoding="utf-8")
    _, page = html_of(str(seed_path(prefix)))
    (document,) = page.documents
    check_document(document, command_records(nlp_pkuseg, [seed_path(prefix)])[0], raw)


def test_html_page_chunked_document_keeps_offsets(html_of, nlp_pkuseg):
    """A document annotated in chunks (--max-chars) is one text on the page, offsets into it."""
    raw = seed_path("002").read_text(encoding="utf-8")
    _, page = html_of("--max-chars", "4000", str(seed_path("002")))
    (document,) = page.documents
    assert document["text"] == raw
    assert len(document["marks"]) > 300
    for mark in document["marks"]:
        assert mark["text"] == raw[int(mark["data-start"]):int(mark["data-end"])]


def test_html_page_hovers_say_definition_source_or_none(html_of, nlp_pkuseg):
    raw = seed_path("004").read_text(encoding="utf-8")
    _, page = html_of(str(seed_path("004")))
    (record,) = command_records(nlp_pkuseg, [seed_path("004")])
    ents = {(e["start"], e["end"], e["label"]): e for e in record["ents"]}
    seen = {"linked": 0, "unlinked": 0, "INDICATOR": 0}
    for mark in page.documents[0]["marks"]:
        ent = ents[(int(mark["data-start"]), int(mark["data-end"]), mark["data-label"])]
        if ent["label"] == "SLOGAN" and ent["link"]:
            link = ent["link"]
            assert mark["title"] == f"{link['term']}：{link['definition']} ({link['source']})"
            seen["linked"] += 1
        elif ent["label"] == "SLOGAN":
            assert mark["title"] == f"{ent['text']}：{NO_DEFINITION}"
            seen["unlinked"] += 1
        elif ent["label"] == "INDICATOR":
            expected = [f"{name}: {ent[name]}" for name in ("name", "value", "unit", "kind", "period")
                        if ent[name] is not None]
            assert [line for line in mark["title"].split("\n") if not line.startswith("target: ")] == expected
            seen["INDICATOR"] += 1
    assert min(seen.values()) > 0


def test_html_page_resp_unit_hover_and_overlap(nlp_pkuseg):
    """Overlapping entities cannot both be marks: the inner one is described in the outer's hover."""
    text = "加强对口协作。（责任单位：水源地4个结对县）"
    doc = nlp_pkuseg.make_doc(text)
    unit, count = text.index("水源地"), text.index("4个")
    add_policy_spans(doc, [
        (unit, unit + 8, "RESP_UNIT", {"name": "水源地4个结对县", "role": "responsible", "task": {"start": 0, "end": 7}}),
        (count, count + 2, "INDICATOR", {"name": "结对县", "value": 4, "unit": "个", "kind": "level",
                                         "target": False, "period": None}),
    ])  # fmt: skip
    stream = io.StringIO()
    writer = HtmlWriter(stream)
    writer.add(doc, "x.txt")
    writer.finish()
    (document,) = PageReader(stream.getvalue()).documents
    (mark,) = document["marks"]
    assert (mark["data-label"], mark["text"]) == ("RESP_UNIT", "水源地4个结对县")
    assert mark["title"] == ("name: 水源地4个结对县\nrole: responsible\n\nINDICATOR 4个 (inside this one):\n"
                             "name: 结对县\nvalue: 4\nunit: 个\nkind: level\ntarget: false")  # fmt: skip
    assert document["text"] == text
