"""The glossary_sections and glossary_linker components: links with gold-like spans given,
the document's own glossary first, null links, JSON and HTML output, serialisation."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path


from nlp.components.glossary_linker import GlossaryLinker
from nlp.glossary import load_default
from nlp.glossary.kb import GlossaryEntry
from nlp.output import HtmlWriter, doc_record
from nlp.spans import add_policy_spans, policy_spans

from .conftest import linked_doc

REPO = Path(__file__).resolve().parent.parent
GOLD_SLOGANS = REPO / "corpora" / "gold" / "slogans.jsonl"


def linked(nlp, text: str, mentions: list[str], source: str | None = None, jurisdiction: str | None = None):
    """The Doc with the mentions linked (conftest.linked_doc) and its SLOGAN spans."""
    doc = linked_doc(nlp, text, mentions, source=source, jurisdiction=jurisdiction)
    return doc, [s for s in policy_spans(doc) if s.label_ == "SLOGAN"]


def test_glossary_linker_links_to_loaded_glossary(nlp_pkuseg):
    """A Henan document links parts of Henan entries (“两筛” → 两筛两癌, as the gold does)."""
    doc, spans = linked(nlp_pkuseg, "落实“17110”工作制度，继续做好“两筛”“两癌”工作，扎实做好“六稳六保”。",
                        ["17110", "两筛", "两癌", "六稳六保"], jurisdiction="河南省")  # fmt: skip
    links = [(s.text, s._.link and s._.link["term"], s.kb_id_) for s in spans]
    assert links == [("17110", "17110工作制度", "17110工作制度"), ("两筛", "两筛两癌", "两筛两癌"),
                     ("两癌", "两筛两癌", "两筛两癌"), ("六稳六保", None, "")]  # fmt: skip
    assert spans[0]._.link == {
        "term": "17110工作制度",
        "definition": load_default().by_alias("17110")[0].definition,
        "source": "001_753636851620b86f.txt",
        "section": "《政府工作报告》有关词语注释",
        "number": 24,
        "score": 0.95,
        "jurisdiction": "河南省驻马店市西平县",
        "year": 2022,
    }
    assert {c["term"] for c in spans[3]._.candidates[:2]} == {"六稳", "六保"}


def test_glossary_linker_part_of_another_document_is_only_a_candidate(nlp_pkuseg):
    """Jurisdiction unknown: a county's 两筛两癌 is offered for “两筛”, never linked; the exact
    term of the same entry still links."""
    _, spans = linked(nlp_pkuseg, "继续做好“两筛”工作，推进“两筛两癌”。", ["两筛", "两筛两癌"])
    assert [(s._.link and s._.link["term"]) for s in spans] == [None, "两筛两癌"]
    assert [(c["term"], c["match"], c["source"]) for c in spans[0]._.candidates] == [
        ("两筛两癌", "part", "001_753636851620b86f.txt")]  # fmt: skip


def test_glossary_linker_prefers_the_documents_own_definition(nlp_pkuseg):
    text = "坚持“两个确保”，推进“双减”。\n\n名词解释\n1. 两个确保：指本文自己的定义。\n2. 双减：指减轻作业负担。\n"
    doc, spans = linked(nlp_pkuseg, text, ["两个确保", "双减"], source="new.txt")
    assert [(s._.link["definition"], s._.link["source"], s._.link["score"]) for s in spans] == [
        ("指本文自己的定义。", "new.txt", 1.0),
        ("指减轻作业负担。", "new.txt", 1.0),
    ]
    assert [c["source"] for c in spans[0]._.candidates][:3] == [
        "new.txt", "001_753636851620b86f.txt", "003_cae29be595d6bbe5.txt"]  # fmt: skip
    assert [(e["term"], e["number"], e["section"]) for e in doc._.glossary] == [
        ("两个确保", 1, "名词解释"), ("双减", 2, "名词解释")]  # fmt: skip


def test_glossary_linker_null_when_nothing_defines_it(nlp_pkuseg):
    _, spans = linked(nlp_pkuseg, "树牢“项目为王”理念，开展“四大行动”。", ["项目为王", "四大行动"])
    assert [s._.link for s in spans] == [None, None]
    assert [c["term"] for c in spans[1]._.candidates] == ["四大活动"]


def test_glossary_linker_mention_inside_an_entry_links_to_it(nlp_pkuseg):
    text = ("名词解释\n1.“三区一中心一高地”。三区，即高效生态经济引领区；一中心，即中医药文化传承发展中心。\n"
            "2.“三区三线”。城镇开发边界等三条控制线。\n")  # fmt: skip
    doc = nlp_pkuseg.get_pipe("glossary_sections")(nlp_pkuseg.make_doc(text))
    start = text.index("三区，即")  # the part named inside entry 1, not in 三区三线
    add_policy_spans(doc, [(start, start + 2, "SLOGAN", {})])
    doc = nlp_pkuseg.get_pipe("policy_spans")(nlp_pkuseg.get_pipe("glossary_linker")(doc))
    span = policy_spans(doc)[0]
    assert (span.text, span._.link["term"]) == ("三区", "三区一中心一高地")
    assert {c["term"] for c in span._.candidates} >= {"三区一中心一高地", "三区三线"}


def test_glossary_linker_user_glossary(tmp_path, nlp_pkuseg):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(GlossaryEntry("双减", "减轻作业负担和校外培训负担", "mine", "", None, 0, 0).to_dict(),
                               ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    linker = GlossaryLinker(glossary=str(path))
    linker.initialize()
    assert [e.term for e in linker.glossary] == ["双减"]
    doc = nlp_pkuseg.make_doc("推进“双减”。")
    add_policy_spans(doc, [(3, 5, "SLOGAN", {})])
    doc = linker(nlp_pkuseg.get_pipe("glossary_sections")(doc))
    assert policy_spans(doc)[0]._.link["source"] == "mine"


def test_glossary_linker_to_disk_round_trip(tmp_path, nlp_pkuseg):
    linker = nlp_pkuseg.get_pipe("glossary_linker")
    linker.to_disk(tmp_path / "linker")
    restored = GlossaryLinker().from_disk(tmp_path / "linker")
    assert [e.to_dict() for e in restored.glossary] == [e.to_dict() for e in linker.glossary]
    assert (restored.min_link_score, restored.max_candidates) == (0.85, 5)


def test_glossary_linker_json_and_html_output(nlp_pkuseg):
    doc, _ = linked(nlp_pkuseg, "坚持“两个确保”。", ["两个确保"])
    record = doc_record(doc, "x.txt")
    assert record["ents"][0]["link"]["term"] == "两个确保" and record["glossary"] == []
    stream = io.StringIO()
    writer = HtmlWriter(stream)
    writer.add(doc, "x.txt")
    writer.finish()
    titles = re.findall(r'<mark class="entity" title="([^"]*)"', stream.getvalue())
    assert titles == ["两个确保：指确保高质量建设现代化河南，确保高水平实现现代化河南。 (001_753636851620b86f.txt)"]


def test_glossary_linker_gold_link_accuracy(nlp_pkuseg):
    """With the gold SLOGAN spans given, at least 95% of links are right on the seeds."""
    right = total = 0
    for line in GOLD_SLOGANS.read_text(encoding="utf-8").splitlines():
        unit = json.loads(line)
        text = (REPO / "seeds" / unit["source"]).read_text(encoding="utf-8")
        doc = nlp_pkuseg.get_pipe("glossary_sections")(nlp_pkuseg.make_doc(text))
        ents = [e for e in unit["ents"] if e["label"] == "SLOGAN"]
        add_policy_spans(doc, [(e["start"], e["end"], "SLOGAN", {}) for e in ents])
        doc = nlp_pkuseg.get_pipe("policy_spans")(nlp_pkuseg.get_pipe("glossary_linker")(doc))
        links = {(s.start_char, s.end_char): s._.link for s in policy_spans(doc) if s.label_ == "SLOGAN"}
        for e in ents:
            link = links[(e["start"], e["end"])]
            got = re.sub(r"\s", "", link["term"]) if link else None
            right += got == (re.sub(r"\s", "", e["link"]) if e.get("link") else None)
            total += 1
    assert total == 560
    assert right / total >= 0.95
