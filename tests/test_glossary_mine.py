"""Definitions mined from running text (nlp.glossary.mine) and the knowledge base built from
a corpus (python -m nlp.glossary build): cues, the members-count check, provenance, offsets
into the original text, conflicting definitions side by side."""

from __future__ import annotations

import gzip
import json

import pytest

from nlp.glossary.__main__ import main
from nlp.glossary.kb import Glossary, GlossaryEntry, mark_earliest
from nlp.glossary.mine import member_count, mine_definitions, spell_out

# fmt: off
MINED = [
    # (text, [(term, definition, members, cue, confidence)])
    ("实行“五定”，即定建设规模，定投资总额，定建设工期，定投资效果，定外部协作条件，并且实行严格的责任制度。",
     [("五定", "即定建设规模，定投资总额，定建设工期，定投资效果，定外部协作条件",
       ["定建设规模", "定投资总额", "定建设工期", "定投资效果", "定外部协作条件"], "即", 0.95)]),
    ("全党要坚持四项基本原则，即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义、毛泽东思想。",
     [("四项基本原则", "即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义、毛泽东思想",
       ["坚持社会主义道路", "坚持人民民主专政", "坚持共产党的领导", "坚持马克思列宁主义、毛泽东思想"], "即", 0.95)]),
    ("党的基本路线是一个中心、两个基本点，即以经济建设为中心，坚持四项基本原则，坚持改革开放。",
     [("一个中心、两个基本点", "即以经济建设为中心，坚持四项基本原则，坚持改革开放",
       ["以经济建设为中心", "坚持四项基本原则", "坚持改革开放"], "即", 0.95)]),
    ("所谓平衡，就是矛盾的暂时的相对的统一。", [("平衡", "就是矛盾的暂时的相对的统一", [], "就是", 0.8)]),
    ("“放管服”是指简政放权、放管结合、优化服务。",
     [("放管服", "是指简政放权、放管结合、优化服务", [], "是指", 0.85)]),
    ("在现阶段，人民是指拥护社会主义的各阶级。", [("人民", "是指拥护社会主义的各阶级", [], "是指", 0.6)]),
    ("国家发展和改革委员会（以下简称“发改委”）牵头。",
     [("发改委", "国家发展和改革委员会", [], "以下简称", 0.9)]),
    ("实施工业振兴、城镇提质、乡村振兴“三大工程”。",
     [("三大工程", "工业振兴、城镇提质、乡村振兴", ["工业振兴", "城镇提质", "乡村振兴"], "、", 0.9)]),
    ("深入开展阶级斗争、生产斗争和科学实验三大革命运动。",
     [("三大革命运动", "阶级斗争、生产斗争和科学实验", ["阶级斗争", "生产斗争", "科学实验"], "、", 0.9)]),
    ("“三北”（西北、华北、东北）防护林。", [("三北", "西北、华北、东北", ["西北", "华北", "东北"], "（", 0.95)]),
    # a bare 指 after a quoted term; a definition in brackets after a suffix word ends at the
    # closing bracket; a quoted 双 counts two
    ("“六稳”指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。",
     [("六稳", "指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期",
       ["稳就业", "稳金融", "稳外贸", "稳外资", "稳投资", "稳预期"], "指", 0.95)]),
    ("深化“放管服”改革（即简政放权、放管结合、优化服务），推行“一网通办”。",
     [("放管服", "即简政放权、放管结合、优化服务", [], "即", 0.85)]),
    ("推进“双碳”工作（碳达峰、碳中和），实施节能降碳行动。",
     [("双碳", "碳达峰、碳中和", ["碳达峰", "碳中和"], "（", 0.95)]),
]
NOT_DEFINITIONS = [
    "如果这个意见是指目前国家还很穷，那么这个意见是对的。",   # a demonstrative is no term
    "有一部分指标是指导性的和预测性的。",                     # 是指导: not a cue
    "即使建设起一批新企业，“老企业”即使改造也难。",            # 即使
    "一九五五年二月，即在第一个五年计划执行了两年之后。",     # 二月 counts nothing
    "培育形成特钢、新材料、汽车零部件四大产业集群。",          # 3 members for 四: no
    "猕猴桃、香菇、文旅、中药材四大产业持续壮大。",            # counts things listed, no policy head
    "“三个代表”指出了方向，“两个维护”指明了路径。",            # 指出, 指明: not a cue
    "加强“双方”合作（互利、共赢、发展）。",                    # 双 counts two: three members disagree
]
# fmt: on


@pytest.mark.parametrize("text,expected", MINED)
def test_glossary_mine_cues(text, expected):
    found = mine_definitions(text, "r.txt", 1990)
    assert [(e.term, e.definition, e.members, e.cue, e.confidence) for e in found] == expected
    for entry in found:
        assert (entry.source, entry.year, entry.section, entry.inline) == ("r.txt", 1990, "mined", True)


@pytest.mark.parametrize("text", NOT_DEFINITIONS)
def test_glossary_mine_not_definitions(text):
    assert mine_definitions(text, "r.txt") == []


def test_glossary_mine_offsets_point_into_the_original_text():
    raw = "[bookmark: _Toc1]全党要坚持四项基本原则，即坚持社会主义道路，坚持人民\n民主专政，坚持共产党的领导，坚持改革开放。"
    (entry,) = mine_definitions(raw, "r.txt")
    assert raw[entry.start:entry.end] == "四项基本原则，即坚持社会主义道路，坚持人民\n民主专政，坚持共产党的领导，坚持改革开放"
    assert entry.members[1] == "坚持人民民主专政"


def test_glossary_mine_members_count():
    assert [member_count(t) for t in ("四项基本原则", "三保三压", "十二个重点")] == [4, 6, 12]
    assert member_count("五定") is None and member_count("五定", quoted=True) == 5
    assert member_count("双方") is None and member_count("双碳", quoted=True) == 2
    assert spell_out("即A1、B1、C1和D1，其后", 4) == (["A1", "B1", "C1", "D1"], 12)
    assert spell_out("即到本世纪末把我国建设成为强国，实现现代化，这是任务，要努力", 4) is None


def test_glossary_mine_mark_earliest_keeps_conflicts():
    entries = [GlossaryEntry("五定", "定规模", "b", "mined", None, 0, 1, year=1982),
               GlossaryEntry("“五定”", "定人员", "a", "mined", None, 0, 1, year=1979),
               GlossaryEntry("六稳", "稳就业", "c", "mined", None, 0, 1)]  # fmt: skip
    assert [(e.definition, e.earliest) for e in mark_earliest(entries)] == [
        ("定规模", False), ("定人员", True), ("稳就业", True)]  # fmt: skip


def test_glossary_mine_build_from_a_jsonl_corpus(tmp_path, capsys):
    corpus = tmp_path / "reports.jsonl.gz"
    records = [
        {"id": "r-1987", "year": 1987, "text": "坚持四项基本原则，即坚持甲，坚持乙，坚持丙，坚持丁。"},
        {"id": "r-1979", "year": 1979, "text": "坚持四项基本原则，即坚持子，坚持丑，坚持寅，坚持卯。\n名词解释\n1. 六稳：指稳就业。\n"},
        {"id": "r-bad"},
    ]
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    out = tmp_path / "kb.jsonl"
    assert main(["build", str(corpus), "--jurisdiction", "national", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f'error: {corpus}: line 3: no "text" string' in err and f"{out}: 3 entries" in err
    kb = Glossary.from_jsonl(out)
    rows = [(e.term, e.source, e.year, e.jurisdiction, e.earliest, e.confidence, e.section) for e in kb]
    assert rows == [
        ("四项基本原则", "r-1987", 1987, "national", False, 0.95, "mined"),
        ("六稳", "r-1979", 1979, "national", True, 1.0, "名词解释"),
        ("四项基本原则", "r-1979", 1979, "national", True, 0.95, "mined"),
    ]
    assert main(["lookup", "四项基本原则", "--glossary", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "四项基本原则  [exact 1.00]  national 1987, r-1987, mined (即), confidence 0.95"
    assert printed[2] == "四项基本原则  [exact 1.00]  national 1979, r-1979, mined (即), confidence 0.95, earliest"


def test_glossary_mine_build_bad_setting_is_one_line(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("坚持“两个确保”。", encoding="utf-8")
    assert main(["build", str(doc), "--year", "x", "-o", str(tmp_path / "o.jsonl")]) == 2
    assert capsys.readouterr().err.startswith("python -m nlp.glossary: error: ")
