"""The pipeline's core: the tokenizer over the cleaned text, exact spans whatever the
segmenter cut, serialisation and multiprocessing."""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin

from nlp.pipeline import pkuseg_model_path
from nlp.spans import add_policy_spans, policy_spans, split_tokens_at
from nlp.text import clean
from nlp.tokenizer import PolicyTokenizer, _raw_words_aligned, _raw_words_tiling

from .conftest import seed_text
from .test_text import PIECES


@pytest.mark.parametrize("fixture", ["nlp_pkuseg", "nlp_jieba"])
def test_pipeline_keeps_original_text(fixture, request):
    pipeline = request.getfixturevalue(fixture)
    for prefix in ("000", "002", "003"):
        raw = seed_text(prefix)
        doc = pipeline(raw)
        assert doc.text == raw
        assert "".join(t.text_with_ws for t in doc) == raw


def test_tokenizer_segments_cleaned_text_across_layout_breaks(nlp_pkuseg):
    raw = seed_text("002")
    doc = nlp_pkuseg(raw)
    start = raw.index("两个\n\n确立")
    tokens = [t.text for t in doc.char_span(start - 3, start + 8, alignment_mode="expand")]
    # The break is a token of its own; the words around it come from the cleaned text.
    assert tokens == ["捍卫", "“", "两", "个", "\n\n", "确立", "”", "、"]
    assert "在捍卫“两个确立”、做到" in doc._.clean.text


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.data())
def test_raw_words_fast_path_equals_the_general_mapping(raw, data):
    """Words that tile the cleaned text (jieba's) take the fast path; any cut of it must give
    the tokens that looking each word up gives, and together the original text."""
    view = clean(raw)
    cuts = data.draw(st.sets(st.integers(1, max(len(view.text) - 1, 1))))
    bounds = [0, *sorted(c for c in cuts if c < len(view.text)), len(view.text)]
    words = [view.text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    fast = _raw_words_tiling(view, words)
    assert fast == _raw_words_aligned(view, words)
    assert "".join(fast) == raw and all(fast)


@pytest.fixture(scope="module")
def bare_tokenizers(nlp_pkuseg):
    """Our tokenizer without user words: the segmenters' own cuts."""
    tokenizers = {}
    for segmenter in ("pkuseg", "jieba"):
        tokenizer = PolicyTokenizer(nlp_pkuseg.vocab, segmenter=segmenter)
        tokenizer.initialize(pkuseg_model=str(pkuseg_model_path()) if segmenter == "pkuseg" else None)
        tokenizers[segmenter] = tokenizer
    return tokenizers


@pytest.mark.parametrize(
    "segmenter, text, span, pieces",
    [
        ("pkuseg", "开展万人助万企活动", (2, 7), ["开展", "万", "人", "助", "万", "企", "活动"]),
        ("jieba", "做好六稳六保工作", (2, 6), ["做好", "六", "稳六保", "工作"]),
    ],
)
def test_spans_are_exact_whatever_the_segmenter_cut(bare_tokenizers, segmenter, text, span, pieces):
    doc = bare_tokenizers[segmenter](text)
    assert [t.text for t in doc] == pieces  # the segmenter cuts inside the slogan
    add_policy_spans(doc, [(span[0], span[1], "SLOGAN", {"link": None, "candidates": []})])
    (found,) = policy_spans(doc)
    assert (found.start_char, found.end_char, found.text) == (span[0], span[1], text[slice(*span)])


def test_split_tokens_at_jieba_cut_inside_slogan(bare_tokenizers):
    doc = bare_tokenizers["jieba"]("做好六稳六保工作")
    split_tokens_at(doc, [2, 4, 6])
    assert [t.text for t in doc] == ["做好", "六", "稳", "六保", "工作"]


@pytest.mark.parametrize("fixture", ["nlp_pkuseg", "nlp_jieba"])
def test_user_dictionary_keeps_glossary_slogans_whole(fixture, request):
    pipeline = request.getfixturevalue(fixture)
    assert "万人助万企" in pipeline.tokenizer.user_words
    assert [t.text for t in pipeline.make_doc("开展万人助万企活动")] == ["开展", "万人助万企", "活动"]
    restored = PolicyTokenizer(pipeline.vocab, segmenter=pipeline.tokenizer.segmenter)
    restored.from_bytes(pipeline.tokenizer.to_bytes())
    assert restored.user_words == pipeline.tokenizer.user_words
    assert [t.text for t in restored("开展万人助万企活动")] == ["开展", "万人助万企", "活动"]


def test_policy_spans_overlap_in_group_not_in_ents(nlp_pkuseg):
    doc = nlp_pkuseg.make_doc("市生态环境局牵头")
    add_policy_spans(doc, [(0, 6, "RESP_UNIT", {"name": "市生态环境局", "role": "lead", "task": None}),
                           (1, 3, "SLOGAN", {"link": None, "candidates": []})])  # fmt: skip
    assert [(s.label_, s.text) for s in doc.spans["policy"]] == [("RESP_UNIT", "市生态环境局"), ("SLOGAN", "生态")]
    assert [(e.label_, e.text) for e in doc.ents] == [("RESP_UNIT", "市生态环境局")]
    assert doc.spans["policy"][0]._.role == "lead"
    assert doc.spans["policy"][1]._.role is None


def test_doc_round_trips_through_docbin(nlp_pkuseg):
    doc = nlp_pkuseg.make_doc("聚焦“万人助万企”，两个\n\n确立")
    add_policy_spans(doc, [(3, 8, "SLOGAN", {"link": None, "candidates": []}),
                           (10, 16, "SLOGAN", {"link": {"term": "两个确立"}, "candidates": []})])  # fmt: skip
    docbin = DocBin(store_user_data=True, docs=[doc])
    (restored,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp_pkuseg.vocab)
    spans = restored.spans["policy"]
    assert [(s.text, s._.clean_text, s._.link, s.kb_id_) for s in spans] == [
        ("万人助万企", "万人助万企", None, ""),
        ("两个\n\n确立", "两个确立", {"term": "两个确立"}, "两个确立"),
    ]
    assert Doc(nlp_pkuseg.vocab).from_bytes(doc.to_bytes()).text == doc.text


def test_tokenizer_round_trips_to_disk(nlp_jieba, tmp_path):
    nlp_jieba.to_disk(tmp_path / "pipeline")
    import spacy

    restored = spacy.load(tmp_path / "pipeline")
    text = seed_text("004")
    assert [t.text for t in restored(text)] == [t.text for t in nlp_jieba(text)]
    assert restored.pipe_names == nlp_jieba.pipe_names


def test_pipe_with_two_processes_equals_one(nlp_pkuseg):
    texts = [seed_text("004"), seed_text("001")[:3000], ""]
    single = [[(s.start_char, s.end_char, s.label_) for s in policy_spans(d)] + [len(d)] for d in nlp_pkuseg.pipe(texts)]
    double = [[(s.start_char, s.end_char, s.label_) for s in policy_spans(d)] + [len(d)]
              for d in nlp_pkuseg.pipe(texts, n_process=2, batch_size=1)]  # fmt: skip
    assert single == double


def test_load_puts_the_recorded_spans_on_the_doc_once_at_the_end(nlp_jieba):
    """The tagging components only record; policy_spans, last, splits tokens and sets spans
    and ents, as a component running alone would have."""
    assert nlp_jieba.pipe_names[-1] == "policy_spans"
    text = "做好“六稳六保”工作，全县生产总值完成283.9亿元。"
    doc = nlp_jieba.make_doc(text)
    for name, component in nlp_jieba.pipeline[:-1]:
        doc = component(doc)
    assert "policy" not in doc.spans and not doc.ents
    assert "六稳六保" not in [t.text for t in doc]  # jieba cut 六/稳六保
    doc = nlp_jieba.get_pipe("policy_spans")(doc)
    assert [(s.text, s.label_) for s in doc.spans["policy"]] == [("六稳六保", "SLOGAN"), ("283.9亿元", "INDICATOR")]
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("六稳六保", ""), ("283.9亿元", "")]
    alone = nlp_jieba.get_pipe("policy_slogans").__class__(nlp_jieba, "alone")
    alone.initialize()
    alone_doc = alone(nlp_jieba.make_doc(text))
    assert [s.text for s in alone_doc.spans["policy"]] == ["六稳六保"]


def test_components_found_by_name_in_a_users_pipeline():
    """The spacy_factories entry points: no import of ours before add_pipe."""
    script = ("import spacy; p = spacy.blank('zh'); p.add_pipe('policy_indicators'); "
              "d = p('全县生产总值完成283.9亿元'); print([(s.text, s._.value) for s in d.spans['policy']])")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[('283.9亿元', 28390000000)]\n"


def test_load_glossary_reaches_tagger_linker_and_segmenter(tmp_path):
    """A term only the user's glossary defines, unquoted and without a numeral, is tagged,
    linked and kept whole by the segmenter."""
    import json

    import nlp

    entry = {"term": "绿色低碳走廊", "definition": "测试用定义", "source": "mine.txt", "section": "名词解释",
             "number": 1, "start": 0, "end": 6}  # fmt: skip
    glossary = tmp_path / "mine.jsonl"
    glossary.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    pipeline = nlp.load("jieba", glossary=glossary)
    doc = pipeline("建设绿色低碳走廊工程。")
    assert [(s.text, s.label_, s._.link["definition"]) for s in doc.spans["policy"]] == [
        ("绿色低碳走廊", "SLOGAN", "测试用定义")
    ]
    assert "绿色低碳走廊" in [t.text for t in doc]
