"""policy_resp_units: responsibility clauses, the units' full names and roles, the task each
clause closes, and the task matrix of ``--format tasks``."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nlp
from nlp.components.resp_units import find_resp_units
from nlp.output import doc_record

from .conftest import REPO, seed_text

SEED_002 = "seeds/002_1eab70c41b85f494.txt"


@pytest.fixture(scope="module")
def resp_nlp():
    """The pkuseg pipeline with this component only, so that these tests do not depend on the
    other components."""
    return nlp.load(components=["policy_resp_units"])


def units(text: str, **settings) -> list[tuple[str, str, str]]:
    """(span text, name, role) of every unit that find_resp_units finds in ``text``."""
    return [(text[u.start : u.end], u.name, u.role) for u in find_resp_units(text, **settings)]


def tasks(text: str) -> list[str]:
    """The task text of every unit."""
    return [text[u.task_start : u.task_end] for u in find_resp_units(text)]


# fmt: off
CLAUSE_SHAPES = [
    # （责任单位：…）: the level prefix distributes over the list.
    ("1.加强水质保护。（责任单位：市生态环境局、发展和改革委员会）",
     [("市生态环境局", "市生态环境局", "responsible"),
      ("发展和改革委员会", "市发展和改革委员会", "responsible")]),
    # （牵头单位：…；配合单位：…）
    ("（一）加强监测。（牵头单位：市生态环境局；配合单位：水利局、自然资源和规划局）",
     [("市生态环境局", "市生态环境局", "lead"),
      ("水利局", "市水利局", "cooperating"),
      ("自然资源和规划局", "市自然资源和规划局", "cooperating")]),
    # （责任部门：…） in half-width brackets, with a comma between groups.
    ("2.完善机制。(责任部门:省财政厅,教育厅)",
     [("省财政厅", "省财政厅", "responsible"), ("教育厅", "省教育厅", "responsible")]),
    # 〔〕 brackets and a semicolon between units.
    ("3.推进改革。〔责任单位：县发展改革委；县财政局〕",
     [("县发展改革委", "县发展改革委", "responsible"), ("县财政局", "县财政局", "responsible")]),
    # Another labelled field after the units ends them (完成时限：…, 时间节点：…).
    ("5.强化耕地保护。责任单位：省自然资源厅、省农业农村厅；完成时限：2023年12月底。",
     [("省自然资源厅", "省自然资源厅", "responsible"), ("省农业农村厅", "省农业农村厅", "responsible")]),
    ("6.推进数字政府建设。（牵头单位：省大数据局；时间节点：6月底前）",
     [("省大数据局", "省大数据局", "lead")]),
    # A keyword after another field inside a bracket: the bracket's closer ends the units.
    ("7.加快项目建设。（责任领导：王明；责任单位：市发展改革委）",
     [("市发展改革委", "市发展改革委", "responsible")]),
    # Keywords are a role word, optionally 责任, and a kind of body: 落实单位, 责任处室,
    # 牵头责任单位 / 配合责任单位, 主要责任单位 / 次要责任单位.
    ("1.推进老旧小区改造。（落实单位：市住建局、市财政局）",
     [("市住建局", "市住建局", "responsible"), ("市财政局", "市财政局", "responsible")]),
    ("2.加强招商引资。（责任处室：投资促进处、外资处）",
     [("投资促进处", "投资促进处", "responsible"), ("外资处", "外资处", "responsible")]),
    ("3.抓好安全生产。牵头责任单位：市应急管理局；配合责任单位：市公安局、交通运输局",
     [("市应急管理局", "市应急管理局", "lead"), ("市公安局", "市公安局", "cooperating"),
      ("交通运输局", "市交通运输局", "cooperating")]),
    ("4.完善养老服务。（主要责任单位：市民政局；次要责任单位：市卫生健康委）",
     [("市民政局", "市民政局", "responsible"), ("市卫生健康委", "市卫生健康委", "cooperating")]),
    # 牵头部门 and 协同部门 on lines of their own.
    ("4.整治河道。\n牵头部门：区水利局\n协同部门：区生态环境分局",
     [("区水利局", "区水利局", "lead"), ("区生态环境分局", "区生态环境分局", "cooperating")]),
    # 责任主体, with a generic unit kept whole.
    ("5.压实责任。（责任主体：各区政府）",
     [("各区政府", "各区政府", "responsible")]),
    # 主办单位 and 参与单位.
    ("举办农民丰收节。（主办单位：市农业农村局；参与单位：各县〔市、区〕政府）",
     [("市农业农村局", "市农业农村局", "responsible"),
      ("各县〔市、区〕政府", "各县〔市、区〕政府", "cooperating")]),
    # …牵头，…配合 inside a bracket.
    ("6.完善机制。（市发展改革委牵头，市财政局、市自然资源局配合）",
     [("市发展改革委", "市发展改革委", "lead"),
      ("市财政局", "市财政局", "cooperating"),
      ("市自然资源局", "市自然资源局", "cooperating")]),
    # 由…牵头，…配合 in running text.
    ("建立项目台账，由市发展改革委牵头，市财政局配合。",
     [("市发展改革委", "市发展改革委", "lead"), ("市财政局", "市财政局", "cooperating")]),
    # 由…负责 with an adverb, and 会同 joining two units.
    ("这项工作由市发展改革委会同市财政局具体负责。",
     [("市发展改革委", "市发展改革委", "responsible"), ("市财政局", "市财政局", "responsible")]),
    # 由…组织实施, a group body with a bracket.
    ("该项目由水源地4个结对县（市）组织实施。",
     [("水源地4个结对县（市）", "水源地4个结对县（市）", "responsible")]),
    # …牵头 / …负责 after a clause boundary, without 由.
    ("主体工程已完工，蒲山镇负责的入园道路项目已开工。",
     [("蒲山镇", "蒲山镇", "responsible")]),
    # A trailing 等 (with what it sums up) is not part of the unit.
    ("7.抓好落实。（责任单位：市财政局、教育局等有关部门）",
     [("市财政局", "市财政局", "responsible"), ("教育局", "市教育局", "responsible")]),
    # A shared suffix distributes backwards over bare places.
    ("8.发展特色产业。（责任单位：邓州市、淅川县、内乡县、西峡县政府）",
     [("邓州市", "邓州市政府", "responsible"), ("淅川县", "淅川县政府", "responsible"),
      ("内乡县", "内乡县政府", "responsible"), ("西峡县政府", "西峡县政府", "responsible")]),
    # A run of bare levels takes the suffix of the level unit that ends it, and an opening 各
    # goes to every unit of the run.
    ("8.加快高标准农田建设。（责任单位：各市、县（市、区）人民政府，省农业农村厅）",
     [("各市", "各市人民政府", "responsible"),
      ("县（市、区）人民政府", "各县（市、区）人民政府", "responsible"),
      ("省农业农村厅", "省农业农村厅", "responsible")]),
    ("8.统筹推进。（责任单位：各省、自治区、直辖市人民政府，市、县发展改革委）",
     [("各省", "各省人民政府", "responsible"), ("自治区", "各自治区人民政府", "responsible"),
      ("直辖市人民政府", "各直辖市人民政府", "responsible"),
      ("市", "市发展改革委", "responsible"), ("县发展改革委", "县发展改革委", "responsible")]),
    # A note closing the bracket (以下均需…落实，不再列出 / 下同) holds no units, in verb and
    # keyword clauses alike; 团省委 has its level inside and takes no prefix.
    ("（一）稳定工业经济。（省工业和信息化厅牵头，省发展改革委、财政厅等按职责分工负责，"
     "以下均需各市、县（市、区）政府落实，不再列出）",
     [("省工业和信息化厅", "省工业和信息化厅", "lead"), ("省发展改革委", "省发展改革委", "responsible"),
      ("财政厅", "省财政厅", "responsible")]),
    ("1.加强监管。（责任单位：省财政厅、团省委，下同）",
     [("省财政厅", "省财政厅", "responsible"), ("团省委", "团省委", "responsible")]),
    # Units separated by spaces only; a space inside a name separates nothing.
    ("8.健全社会保障体系。责任单位：省人社厅 省民政厅　市 医保局",
     [("省人社厅", "省人社厅", "responsible"), ("省民政厅", "省民政厅", "responsible"),
      ("市 医保局", "市医保局", "responsible")]),
    # Nested brackets stay inside names; a separator inside them splits nothing.
    ("9.打造示范。（责任单位：市南水北调工程运行保障中心〔市移民服务中心〕、"
     "市京〔津〕宛合作中心，有关县〔市、区〕政府〔管委会〕）",
     [("市南水北调工程运行保障中心〔市移民服务中心〕", "市南水北调工程运行保障中心〔市移民服务中心〕", "responsible"),
      ("市京〔津〕宛合作中心", "市京〔津〕宛合作中心", "responsible"),
      ("有关县〔市、区〕政府〔管委会〕", "有关县〔市、区〕政府〔管委会〕", "responsible")]),
    # A new prefix replaces the old; party organs take the party prefix; institutions named by
    # their own name take none.
    ("10.强化合作。（责任单位：市委组织部、宣传部、县教育局、人力资源和社会保障局、南阳师范学院）",
     [("市委组织部", "市委组织部", "responsible"), ("宣传部", "市委宣传部", "responsible"),
      ("县教育局", "县教育局", "responsible"),
      ("人力资源和社会保障局", "县人力资源和社会保障局", "responsible"),
      ("南阳师范学院", "南阳师范学院", "responsible")]),
    # 和 before a prefixed unit separates; inside a name it does not.
    ("11.保障住房。（责任单位：市住房和城乡建设局和市财政局）",
     [("市住房和城乡建设局", "市住房和城乡建设局", "responsible"),
      ("市财政局", "市财政局", "responsible")]),
    # A role verb inside a keyword clause overrides the keyword's role.
    ("12.推进试点。（责任单位：市民政局牵头，市卫生健康委按职责分工负责）",
     [("市民政局", "市民政局", "lead"), ("市卫生健康委", "市卫生健康委", "responsible")]),
]

NOT_CLAUSES = [
    "市委宣传部举行新闻发布会。",                      # a body only mentioned
    "宛城区、市教育局主要负责同志分别作了交流发言。",  # 负责同志 are people
    "成立由市长任组长的领导小组，由市级领导任专班组长。",
    "大量的企业应该逐步改由城市负责管理。",            # 城市 is no body
    "各级干部要对本地区负责。",                        # a preposition starts no unit
    "由于市场原因，项目推迟。",                        # 由于 is not 由
    "固废处理（处置）能力提升工程（2022年底前完成）。",
]
# fmt: on


@pytest.mark.parametrize("text, expected", CLAUSE_SHAPES)
def test_resp_units_clause_shapes(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text", NOT_CLAUSES)
def test_resp_units_ignore_mere_mentions(text):
    assert units(text) == []


# Characters that responsibility clauses are made of, to build arbitrary near-clauses from.
CLAUSE_ALPHABET = "市县区省局委员会政府中心部由负责牵头配合参与责任单位主体：:（）()〔〕、，,；;。\n 等各有关邓州西峡财政和"


@given(st.text(alphabet=CLAUSE_ALPHABET, max_size=120))
def test_resp_units_any_text_gives_units_inside_it(text):
    for unit in find_resp_units(text):
        span = text[unit.start : unit.end]
        assert 0 <= unit.start < unit.end <= len(text) and span == span.strip()
        assert 0 <= unit.task_start <= unit.task_end <= len(text)
        assert unit.role in {"lead", "cooperating", "responsible"}
        assert unit.name and not any(ch.isspace() for ch in unit.name)


def test_resp_units_task_table_one_row_a_line():
    # A task table exported one row a line: the keyword columns list each row's units, the
    # task column is their task.
    text = ("附件：重点任务分解表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t加快推进重大项目建设\t市发展改革委\t财政局、自然资源和规划局\t2023年底\n"
            "2\t优化营商环境\t市营商环境建设局\t市直各部门\t持续推进\n")
    assert units(text) == [
        ("市发展改革委", "市发展改革委", "lead"), ("财政局", "市财政局", "cooperating"),
        ("自然资源和规划局", "市自然资源和规划局", "cooperating"),
        ("市营商环境建设局", "市营商环境建设局", "lead"), ("市直各部门", "市直各部门", "cooperating"),
    ]
    assert tasks(text) == ["加快推进重大项目建设"] * 3 + ["优化营商环境"] * 2


def test_resp_units_inline_setting_turns_running_text_off():
    text = "建立项目台账，由市发展改革委牵头，市财政局配合。（责任单位：市审计局）"
    assert units(text, inline=False) == [("市审计局", "市审计局", "responsible")]


def test_resp_units_task_is_the_numbered_item_over_paragraphs():
    text = "（三）重点任务\n1.加强水质保护。完善长效机制。\n推进生态廊道建设。\n（责任单位：市生态环境局）\n2.下一项。"
    assert tasks(text) == ["1.加强水质保护。完善长效机制。\n推进生态廊道建设。"]


def test_resp_units_task_without_number_is_the_sentence_or_the_text_since_the_last_clause():
    text = "总体要求如下。加强A。（责任单位：市教育局）加强B。推进C。（责任单位：市财政局）"
    assert tasks(text) == ["加强A。", "加强B。推进C。"]


def test_resp_units_task_of_running_text_is_its_sentence():
    text = "项目进展顺利。主体工程已完工，蒲山镇负责的入园道路项目已开工。全区建成大棚。"
    assert tasks(text) == ["主体工程已完工，蒲山镇负责的入园道路项目已开工。"]


def test_resp_units_task_shrinks_to_the_last_sentence_far_from_a_number():
    text = "1.总体要求。\n甲。\n乙。\n丙。\n丁。戊。（责任单位：市教育局）"
    assert tasks(text) == ["戊。"]
    assert [u.task_start for u in find_resp_units(text, max_task_paragraphs=5)] == [0]


def test_resp_units_keyword_line_after_a_clause_with_commas(resp_nlp):
    # The comma makes the clause's line look like wrapped prose; the break after it stays.
    raw = "（责任单位：省统计局，各省辖市人民政府）\n牵头单位：市生态环境局；配合单位：市水利局。\n"
    doc = resp_nlp(raw)
    got = [(s.text, s._.role) for s in doc.spans["policy"]]
    assert got == [("省统计局", "responsible"), ("各省辖市人民政府", "responsible"),
                   ("市生态环境局", "lead"), ("市水利局", "cooperating")]  # fmt: skip


def test_resp_units_clause_over_layout_line_breaks(resp_nlp):
    raw = (
        "1.加强水质保护。推进生态廊道建设。（责任单位：市生态环境局、发展和改革委\n\n员会、市京〔\n"
        "津〕宛合作中心，邓州市、西峡县政府）\n2.下一项。"
    )
    doc = resp_nlp(raw)
    got = [
        (s.start_char, s.end_char, s.text, s._.clean_text, s._.name, s._.role, s._.task)
        for s in doc.spans["policy"]
    ]
    task = {"start": 0, "end": 18}
    # fmt: off
    assert got == [
        (24, 30, "市生态环境局", "市生态环境局", "市生态环境局", "responsible", task),
        (31, 41, "发展和改革委\n\n员会", "发展和改革委员会", "市发展和改革委员会", "responsible", task),
        (42, 53, "市京〔\n津〕宛合作中心", "市京〔津〕宛合作中心", "市京〔津〕宛合作中心", "responsible", task),
        (54, 57, "邓州市", "邓州市", "邓州市政府", "responsible", task),
        (58, 63, "西峡县政府", "西峡县政府", "西峡县政府", "responsible", task),
    ]
    # fmt: on
    assert doc.text == raw


def test_resp_units_seed_002_clause_with_nested_brackets_and_breaks(resp_nlp):
    raw = seed_text("002")
    doc = resp_nlp(raw)
    spans = [s for s in doc.spans["policy"] if 5669 <= s.start_char < 5750]
    # fmt: off
    assert [(s.start_char, s.end_char, s.text, s._.name) for s in spans] == [
        (5669, 5675, "市\n\n科技局", "市科技局"),
        (5676, 5684, "住房和城乡建设局", "市住房和城乡建设局"),
        (5685, 5690, "生态环境局", "市生态环境局"),
        (5693, 5717, "市南水北调工程运行保障中心〔市移民服务\n\n中心〕", "市南水北调工程运行保障中心〔市移民服务中心〕"),
        (5718, 5728, "市京〔津〕宛合作中心", "市京〔津〕宛合作中心"),
        (5729, 5732, "邓州市", "邓州市政府"),
        (5735, 5738, "淅川县", "淅川县政府"),
        (5739, 5742, "内乡县", "内乡县政府"),
        (5743, 5748, "西峡县政府", "西峡县政府"),
    ]
    # fmt: on
    assert {s._.role for s in spans} == {"responsible"}
    assert {(s._.task["start"], s._.task["end"]) for s in spans} == {(5484, 5663)}
    assert raw[5484:5497] == "2. 推动环保新技术运用。"
    assert raw[5484:5663].endswith("全面提\n\n高防范化解环境风险能力。")


def test_resp_units_seed_counts_and_running_text(resp_nlp):
    found = {}
    for prefix in ("000", "001", "002", "003", "004"):
        doc = resp_nlp(seed_text(prefix))
        found[prefix] = [(s.text, s._.name) for s in doc.spans["policy"] if s.label_ == "RESP_UNIT"]
    counts = {prefix: len(spans) for prefix, spans in found.items()}
    assert counts == {"000": 0, "001": 0, "002": 85, "003": 2, "004": 0}
    assert found["002"][0] == ("水源地\n\n4 个结对县（市）", "水源地4个结对县（市）")
    assert found["003"] == [("蒲山镇", "蒲山镇"), ("市级交通运输部门", "市级交通运输部门")]


def test_resp_units_json_record(resp_nlp):
    raw = "建立项目台账，由市发展改革委牵头，市财政局配合。"
    record = doc_record(resp_nlp(raw), "snippet.txt")
    assert record["ents"] == [
        {"start": 8, "end": 14, "label": "RESP_UNIT", "text": "市发展改革委", "name": "市发展改革委",
         "role": "lead", "task": {"start": 0, "end": 24}},
        {"start": 17, "end": 21, "label": "RESP_UNIT", "text": "市财政局", "name": "市财政局",
         "role": "cooperating", "task": {"start": 0, "end": 24}},
    ]  # fmt: skip
    assert list(record["ents"][0]) == ["start", "end", "label", "text", "name", "role", "task"]


def test_resp_units_survive_multiprocessing(resp_nlp):
    texts = [seed_text("003"), "建立项目台账，由市发展改革委牵头，市财政局配合。"]
    one = [doc_record(d, "x")["ents"] for d in resp_nlp.pipe(texts)]
    two = [doc_record(d, "x")["ents"] for d in resp_nlp.pipe(texts, n_process=2)]
    assert one == two and len(one[0]) == 2


def test_resp_units_tasks_format_from_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "nlp.annotate", SEED_002, "--format", "tasks"],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header = ["file", "task_start", "task_end", "task", "unit", "name", "role", "start", "end"]
    assert rows[0] == header
    assert len(rows) == 1 + 85
    assert rows[1] == [
        SEED_002, "4809", "4900",
        "全面深化与北京结对协作区的合作交流，由水源地4个结对县（市）负责，统筹推进合作事宜，"
        "到2022年底前，南阳市政府与北京市结对协作区政府全部签订战略合作框架协议。",
        "水源地4个结对县（市）", "水源地4个结对县（市）", "responsible", "4830", "4844",
    ]  # fmt: skip
    item_2 = (
        "2. 推动环保新技术运用。积极引进北京先进环保技术、工艺、设备在水源区试验推广，吸引一批知名科研"
        "机构、企业在水源区打造水科技、水产业研发中心和产业转化项目。利用北京环保领域科技、人才优势，"
        "加强水源区水质监测站点建设和人员培训，谋划建设水源区“空天地潜”一体化监测系统和南水北调配套"
        "工程信息化系统，全面提高防范化解环境风险能力。"
    )
    # fmt: off
    assert [row for row in rows[1:] if row[1] == "5484"] == [
        [SEED_002, "5484", "5663", item_2, unit, name, "responsible", start, end]
        for unit, name, start, end in [
            ("市科技局", "市科技局", "5669", "5675"),
            ("住房和城乡建设局", "市住房和城乡建设局", "5676", "5684"),
            ("生态环境局", "市生态环境局", "5685", "5690"),
            ("市南水北调工程运行保障中心〔市移民服务中心〕", "市南水北调工程运行保障中心〔市移民服务中心〕", "5693", "5717"),
            ("市京〔津〕宛合作中心", "市京〔津〕宛合作中心", "5718", "5728"),
            ("邓州市", "邓州市政府", "5729", "5732"),
            ("淅川县", "淅川县政府", "5735", "5738"),
            ("内乡县", "内乡县政府", "5739", "5742"),
            ("西峡县政府", "西峡县政府", "5743", "5748"),
        ]
    ]
    # fmt: on
