"""Glossary lookup: exact, alias, part-of and near-miss candidates; the JSONL store; the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.glossary import DEFAULT_GLOSSARY, load_default, lookup
from nlp.glossary.__main__ import main
from nlp.glossary.aliases import alias_forms, alias_key
from nlp.glossary.kb import Glossary, GlossaryEntry, GlossaryError

REPO = Path(__file__).resolve().parent.parent
SOURCE_001 = "001_753636851620b86f.txt"
SOURCE_003 = "003_cae29be595d6bbe5.txt"


def test_glossary_lookup_several_definitions_all_returned():
    found = lookup("两个确保")
    assert [(c.entry.term, c.entry.source, c.kind, c.score) for c in found[:2]] == [
        ("两个确保", SOURCE_001, "exact", 1.0),
        ("两个确保", SOURCE_003, "exact", 1.0),
    ]
    assert found[0].entry.definition != found[1].entry.definition


# fmt: off
@pytest.mark.parametrize("query,term,kind", [
    ("17110工作制度", "17110工作制度", "exact"),
    ("“17110”工作制度", "17110工作制度", "exact"),  # quotes and spacing do not count
    ("“万人助万企”活动", "万人助万企", "alias"),
    ("人人持证，技能河南", "人人持证、技能河南", "alias"),
    ("五个保障", "五项保障", "alias"),
    ("小巨人", "小巨人企业", "alias"),
    ("两筛", "两筛两癌", "part"),
    ("五湖", "一渠两园三河五湖", "part"),
    ("开工一批", "三个一批", "part"),
    ("三公", "三公经费", "prefix"),
])
# fmt: on
def test_glossary_lookup_finds_entry(query, term, kind):
    best = lookup(query)[0]
    assert (best.entry.term, best.kind) == (term, kind)


def test_glossary_lookup_near_miss_ranked_below_matches():
    found = lookup("六稳六保")
    assert [c.kind for c in found[:2]] == ["near", "near"]
    assert {c.entry.term for c in found[:2]} == {"六稳", "六保"}
    assert all(0 < c.score < 0.85 for c in found)


def test_glossary_lookup_unknown_term_returns_nothing():
    assert lookup("不存在的词") == []


def test_glossary_aliases_and_key():
    assert alias_forms("17110 工作制度") == ["17110 工作制度", "17110工作制度", "17110"]
    assert alias_key("“三个一批”活动") == alias_key("三个一批")
    assert alias_key("五大工程") == "五大工程"  # 五大 alone names nothing


def test_glossary_kb_jsonl_round_trip(tmp_path):
    glossary = load_default()
    path = tmp_path / "g.jsonl"
    glossary.to_jsonl(path)
    assert path.read_bytes() == DEFAULT_GLOSSARY.read_bytes()
    assert [e.to_dict() for e in Glossary.from_jsonl(path)] == [e.to_dict() for e in glossary]


def test_glossary_kb_minimal_user_file(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"term": "“双减”", "definition": "减轻作业负担和校外培训负担"}, ensure_ascii=False)
                    + "\n\n", encoding="utf-8")  # fmt: skip
    found = lookup("双减", Glossary.from_jsonl(path))
    assert [(c.entry.term, c.kind, c.entry.source) for c in found] == [("“双减”", "exact", None)]


def test_glossary_kb_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"term": "六稳", "definition": "稳就业"}\n{oops\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.jsonl:2: not a glossary entry"):
        Glossary.from_jsonl(path)


def test_glossary_cli_lookup_prints_both_definitions(capsys):
    assert main(["lookup", "两个确保"]) == 0
    out = capsys.readouterr().out
    assert f"两个确保  [exact 1.00]  河南省驻马店市西平县 2022, {SOURCE_001}, 《政府工作报告》有关词语注释, 12, earliest" in out
    assert f"两个确保  [exact 1.00]  河南省南阳市卧龙区 2023, {SOURCE_003}, 附件4：名词解释, 1\n" in out


def test_glossary_cli_lookup_json(capsys):
    assert main(["lookup", "两筛", "--json", "--limit", "1"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["term"], record["number"], record["match"], record["score"]) == ("两筛两癌", 28, "part", 0.9)


def test_glossary_cli_unknown_term_exits_1(capsys):
    assert main(["lookup", "不存在的词"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "python -m nlp.glossary: no glossary entry for '不存在的词'\n"


def test_glossary_cli_usage_error_exits_2():
    result = subprocess.run([sys.executable, "-m", "nlp.glossary", "lookup"], cwd=REPO,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 2 and "usage:" in result.stderr


# How nlp/data/glossary.jsonl is built (README): the seeds' glossary sections, each file with
# its jurisdiction and year as the documents give them.
SEED_BUILD = [
    "--sections-only",
    "--jurisdiction", "001_753636851620b86f.txt=河南省驻马店市西平县",
    "--jurisdiction", "002_1eab70c41b85f494.txt=河南省南阳市",
    "--jurisdiction", "003_cae29be595d6bbe5.txt=河南省南阳市卧龙区",
    "--year", "001_753636851620b86f.txt=2022", "--year", "002_1eab70c41b85f494.txt=2022",
    "--year", "003_cae29be595d6bbe5.txt=2023",
]  # fmt: skip


def test_glossary_cli_build_from_seeds_equals_shipped(tmp_path, capsys):
    out = tmp_path / "glossary.jsonl"
    assert main(["build", str(REPO / "seeds"), *SEED_BUILD, "-o", str(out)]) == 0
    assert out.read_bytes() == DEFAULT_GLOSSARY.read_bytes()
    assert capsys.readouterr().err == f"{out}: 54 entries\n"


def test_glossary_cli_build_warns_and_names_missing_input(tmp_path, capsys):
    doc = tmp_path / "bad.txt"
    doc.write_text("名词解释\n1. 四早：指早排查。\n3. 四专：指专种。\n", encoding="utf-8")
    out = tmp_path / "g.jsonl"
    assert main(["build", str(doc), str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "python -m nlp.glossary: warning: bad.txt:3: glossary numbering skips from 1 to 3" in err
    assert any(line.startswith("python -m nlp.glossary: error: ") and "missing.txt" in line for line in err)
    assert [e.term for e in Glossary.from_jsonl(out)] == ["四早", "四专"]


def test_glossary_entry_link_record():
    entry = GlossaryEntry("六稳", "指稳就业。", "a.txt", "注释", 15, 0, 9)
    assert entry.link(1) == {"term": "六稳", "definition": "指稳就业。", "source": "a.txt", "section": "注释",
                             "number": 15, "score": 1.0, "jurisdiction": None, "year": None}  # fmt: skip


def test_char_ngram_tfidf_equals_scikit_learns():
    """The near-miss vectors are scikit-learn's TfidfVectorizer(analyzer="char") computed in
    numpy (so nlp.load() does not import scikit-learn)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from nlp.glossary import load_default
    from nlp.glossary.aliases import alias_key, compact
    from nlp.glossary.candidates import NGRAM_RANGE, CharNgramTfidf

    keys = [alias_key(e.term) or compact(e.term) for e in load_default().entries]
    ours = CharNgramTfidf(keys, NGRAM_RANGE)
    theirs = TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE).fit(keys)
    assert ours.vocabulary == theirs.vocabulary_
    queries = keys + ["两筛", "不存在的词", "六稳六保", "四化", "A  b", "一", ""]
    assert np.allclose(ours.transform(queries), theirs.transform(queries).toarray(), rtol=0, atol=1e-12)
