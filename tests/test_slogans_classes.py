"""policy_slogans on the classes of issue 13, written as our own sentences: full spans of
numbered formulations, shapes that are never slogans, the neutral frame 他说“X”。, the number
guard (a slogan never starts or ends inside a digit run and never costs an INDICATOR), and
propagation inside a document and across the documents of a run (nlp/run_lexicon.py)."""

import io
import json

import pytest

from nlp.annotate import annotate
from nlp.components.slogans import (
    IN_LEXICON,
    PART_IN_LEXICON,
    TermMatcher,
    _quote_it_ends,
    better_at_start,
    candidate_at,
    crosses_number,
    document_evidence,
    find_candidates,
    lexicon_evidence,
    never_slogan,
    quoted_spans,
    spelling_key,
)
from nlp.output import JsonlWriter
from nlp.run_lexicon import prepare_run
from nlp.slogan_classifier import candidate_features


@pytest.fixture
def pipeline(nlp_pkuseg):
    """The session's pipeline, with no run lexicon before or after the test."""
    prepare_run(nlp_pkuseg, [])
    yield nlp_pkuseg
    prepare_run(nlp_pkuseg, [])


def spans(doc, label="SLOGAN"):
    return [(s.text, s._.source) if label == "SLOGAN" else s.text for s in doc.spans["policy"] if s.label_ == label]


def candidate_strings(text):
    return [text[c.start:c.end] for c in find_candidates(text)]


# fmt: off
@pytest.mark.parametrize("text, full", [
    ("必须始终坚持四项基本原则，", "四项基本原则"),
    ("努力实现两个根本性转变，", "两个根本性转变"),
    ("用三个有利于来衡量，", "三个有利于"),
    ("反对“三不要”的作风，", "三不要"),
    ("我们要坚持调整、改革、整顿、提高的方针，", "调整、改革、整顿、提高"),
    ("要培养一代新人，有理想、有道德、有文化、有纪律的新人，", "有理想、有道德、有文化、有纪律"),
    ("坚持以农业为基础，", "以农业为基础"),
    # Enumerations whose first part follows a cue word inside its segment, and whose last
    # part ends before a cue word or a trailing word.
    ("各地广泛、深入、持久地开展增产节约、增收节支运动，", "增产节约、增收节支"),
    ("我们坚持百花齐放、百家争鸣的方针，", "百花齐放、百家争鸣"),
    ("并且真正做到有法必依，执法必严，违法必究，坚定不移地", "有法必依，执法必严，违法必究"),
    ("建立产权清晰、责权明确、政企分开、管理科学的现代企业制度，", "产权清晰、责权明确、政企分开、管理科学"),
    # A formulation right after a closing quote is a candidate.
    ("紧紧围绕“投资拉动、工业提增”四大战略，", "四大战略"),
    # Enumerations whose first and last parts open like their neighbours, with no cue word.
    ("只有这样才能更多、更快、更好、更省地修好水利，", "更多、更快、更好、更省"),
    # Paired formulas: two things joined by 和/与/同 and a verb of joining or weighing them,
    # the first from the cue word or clause stop before it.
    ("交通建设要实行新建和改造并重的方针，", "新建和改造并重"),
    ("各地按照集中统筹与分级负责相结合的原则，", "集中统筹与分级负责相结合"),
    ("工作中，城市建设和乡村建设一起抓，", "城市建设和乡村建设一起抓"),
    # Where the two things end alike, the first is as long as the second.
    ("全县实行县直机关工作和乡镇工作一起抓，", "机关工作和乡镇工作一起抓"),
    # Numerals of several characters, and the measure words 面 and 字.
    ("全市上下认真落实二十条措施，", "二十条措施"),
    ("高举两面红旗，", "两面红旗"),
    ("坚持十六字方针，", "十六字方针"),
    # A noun of six characters after the measure word.
    ("坚决落实八项生态环境政策，", "八项生态环境政策"),
    # Long parallel parts that echo each other, by places or by pieces in common.
    ("办案必须以证据为依据，以法律为标准，", "以证据为依据，以法律为标准"),
    ("我们要坚持富裕农民先致富，贫困农民后致富。", "富裕农民先致富，贫困农民后致富"),
    # A list summed up by the count of its parts: the first part after the cue word or the
    # stop character, the noun to each natural end.
    ("全乡做到人员、经费、场地三到位，", "人员、经费、场地三到位"),
    ("继续实行教师、家长、学生三结合的办法，", "教师、家长、学生三结合"),
    ("全面推进产业、人才、文化、生态、组织五个振兴。", "产业、人才、文化、生态、组织五个振兴"),
])
# fmt: on
def test_slogans_candidates_reach_the_full_span(text, full):
    # The full formulation is a candidate (the classifier chooses among the natural ends); a
    # cut form of issue 13 (三不 for 三不要) is none.
    found = candidate_strings(text)
    assert full in found and "三不" not in found


def test_slogans_new_shapes_stay_within_their_bounds():
    # A count that is not the number of the parts sums up no list; long parts that do not
    # echo each other are prose; a numeral that continues a number opens no formulation.
    assert "人员、经费、场地两到位" not in candidate_strings("做到人员、经费、场地两到位，")
    assert candidate_strings("今年粮食生产再获丰收，工业经济稳步回升。") == []
    assert candidate_strings("建成一百二十条线路") == ["一百二十条线路"]  # not 二十条线路


def test_slogans_summed_list_is_a_shape_feature():
    # The count of a summed list, as its own feature: the classifier weighs it.
    assert "summed_list" in candidate_features("人员、经费、场地三到位", "做到", "，", "bare")
    assert "summed_list" not in candidate_features("人员、经费、场地两到位", "做到", "，", "bare")


def test_slogans_chain_ends_where_a_word_starts():
    # A chain's last part runs on greedily into the next word (三去一降一补|成果); the chain
    # may end where a word starts (or a cue word: 工作), never inside one (三保障|目|标).
    assert candidate_strings("巩固三去一降一补成果。") == ["三去一降一补", "三去一降一补成果"]
    assert candidate_strings("实现两不愁三保障目标。") == ["两不愁", "两不愁三保障"]
    assert candidate_strings("开展三清一管一改工作。") == ["三清一管一改", "三清一管一改工作"]
    assert candidate_strings("一渠两园三河五湖") == ["一渠两园三河五湖"]


def test_slogans_glossary_term_beats_itself_with_a_cue_word(pipeline):
    # A likelier candidate that only adds a cue word to a glossary term loses to the term.
    doc = pipeline("开展三清一管一改工作。")
    assert spans(doc) == [("三清一管一改", "glossary")]


def test_slogans_enumeration_candidates_start_only_at_a_cut():
    # A part inside an enumeration starts no candidate of its own length, and a part without
    # a cue word before it is no first part (持久地开展增产节约) nor one without a tail word
    # after it a last part (持久|地).
    found = candidate_strings("各地广泛、深入、持久地开展增产节约、增收节支运动，")
    assert found == ["增产节约、增收节支"]  # not 广泛、深入 (各地 is no cue), nor …、持久 (地)


def test_slogans_paired_formula_only_at_a_natural_end():
    # 结合 inside a longer word (结合起来) ends no formula; the first thing starts after the
    # nearest cue word or 的, never before it.
    assert candidate_strings("要把科研和生产结合起来。") == []
    assert candidate_strings("继续贯彻工业和农业同时并举。") == ["工业和农业同时并举"]
    assert candidate_strings("能源的开发和节约并重，") == ["开发和节约并重"]


def test_slogans_enumeration_beats_its_first_part_at_one_start():
    # Of two accepted unquoted finds at one start, an enumeration beats its own first part
    # whatever their probabilities; otherwise the likelier one wins, unless one only adds a
    # cue or trailing word to the other.
    text = "要执行以粮为纲、多种经营的方针，以粮为纲的"
    start, part_end, list_end = 3, 7, 12
    assert better_at_start(text, start, (0.5, list_end), (0.99, part_end))
    assert not better_at_start(text, start, (0.99, part_end), (0.5, list_end))
    # …的方针 only adds a trailing word: the minimal form wins (see the test below)
    assert not better_at_start(text, start, (0.9, 15), (0.5, list_end))
    other = "努力实现两个根本性转变"
    assert better_at_start(other, 4, (0.9, 11), (0.5, 9))  # 两个根本性|转变: the likelier one
    assert not better_at_start(other, 4, (0.4, 11), (0.5, 9))


def test_slogans_minimal_form_beats_itself_with_a_cue_word(pipeline):
    # An unquoted slogan is its minimal form: of two accepted finds at one start, the one
    # that only adds a cue or trailing word (战略, 建设, 的) loses, whatever the probabilities.
    text = "协调推进四个全面战略布局，加快四个现代化建设的步伐。"
    start = text.index("四个全面")
    assert better_at_start(text, start, (0.5, start + 4), (0.9, start + 6))
    assert not better_at_start(text, start, (0.9, start + 6), (0.5, start + 4))
    doc = pipeline(text)
    assert [s.text for s in doc.spans["policy"] if s.label_ == "SLOGAN"] == ["四个全面", "四个现代化"]


def test_slogans_unquoted_find_at_a_quotes_end_names_the_quote():
    # An unquoted find that ends a short quote after a qualifier stands for the quote (a quoted
    # slogan is the quoted text); not one at the quote's start, after a longer lead, or in a list.
    text = "推行“农村八字宪法”，坚持“一个中心、两个基本点”，实行“全县统一推进四项制度”"
    quote_starts = {end: start for start, end in quoted_spans(text)}
    inner = text.index("八字宪法")
    assert _quote_it_ends(text, quote_starts, inner, inner + 4) == text.index("农村")
    assert _quote_it_ends(text, quote_starts, inner - 2, inner + 4) is None  # the quote itself
    listed = text.index("两个基本点")
    assert _quote_it_ends(text, quote_starts, listed, listed + 5) is None
    late = text.index("四项制度")
    assert _quote_it_ends(text, quote_starts, late, late + 4) is None  # six characters before it


def test_slogans_unquoted_candidate_holds_de_only_at_a_part_end():
    # 的 inside an unquoted stretch makes a noun phrase (…政企分开的精简、统一、效能), no
    # candidate; at the end of a part (抓好大的，放活小的) it may stand.
    found = candidate_strings("机构改革要根据政社分开、政企分开的精简、统一、效能的原则进行，")
    assert "政社分开、政企分开" in found and not any("的" in string for string in found)
    assert "抓好大的，放活小的" in candidate_strings("我们坚持抓好大的，放活小的，")


def test_slogans_lexicon_evidence_of_parts():
    known = {"增产节约", "四个现代化"}.__contains__
    assert lexicon_evidence("四个现代化", known) == (IN_LEXICON,)
    assert lexicon_evidence("增产节约、增收节支", known) == (PART_IN_LEXICON,)
    assert lexicon_evidence("增收节支", known) == ()


def test_slogans_terms_match_their_spellings_with_other_separators():
    # One listed formula is written with 、 in one report and with a comma in another: a term
    # matches either spelling (fixed terms as one pattern, a document's own one by one), and a
    # term's parts run together are no spelling of it.
    assert spelling_key("厉行节约，反对浪费") == spelling_key("厉行节约;反对浪费") == "厉行节约、反对浪费"
    assert [spelling_key(s) for s in ["四个现代化", "有法必依，执法必严"]] == ["四个现代化", "有法必依、执法必严"]
    text = "要厉行节约，反对浪费；厉行节约；反对浪费。厉行节约反对浪费。"
    found = ["厉行节约，反对浪费", "厉行节约；反对浪费"]
    assert [text[s:e] for s, e in TermMatcher(["厉行节约、反对浪费"]).mentions(text, set())] == found
    assert [text[s:e] for s, e in TermMatcher().mentions(text, {"厉行节约、反对浪费"})] == found


def test_slogans_digit_codes_match_in_either_width(pipeline):
    # Older reports and converted files write codes full width: ３＋２＋４ is 3+2+4 to a term,
    # to the fixed terms' pattern and to the classifier's n-grams.
    assert spelling_key("３＋２＋４") == "3+2+4" and spelling_key("６＋１＋Ｎ") == "6+1+N"
    text = "构建３＋２＋４体系，推行“17110”与１７１１０工作法。"
    found = ["３＋２＋４", "17110", "１７１１０"]
    assert [text[s:e] for s, e in TermMatcher(["3+2+4", "17110"]).mentions(text, set())] == found
    assert [text[s:e] for s, e in TermMatcher().mentions(text, {"3+2+4", "17110"})] == found
    assert [text[s:e] for s, e in TermMatcher(["１７１１０"]).mentions(text, set())] == found[1:]
    features = candidate_features("３＋２＋４", "构建", "体系", "bare")
    assert sorted(features) == sorted(candidate_features("3+2+4", "构建", "体系", "bare"))
    assert "shape=code" in features
    doc = pipeline("构建“3+2+4”产业体系。３＋２＋４产业体系初步形成。")
    assert spans(doc) == [("3+2+4", "glossary"), ("３＋２＋４", "glossary")]


def test_slogans_propagate_to_a_spelling_with_other_separators(pipeline):
    doc = pipeline("全县推行“一村一品、一乡一业”。各村要一村一品，一乡一业。")
    assert spans(doc) == [("一村一品、一乡一业", "classifier"), ("一村一品，一乡一业", "propagated")]


def test_slogans_glossary_term_with_other_separators_is_tagged_and_linked(pipeline):
    doc = pipeline("全省开展人人持证，技能河南建设。")
    assert [(s.text, s._.source, s._.link["term"]) for s in doc.spans["policy"]] == [
        ("人人持证，技能河南", "glossary", "人人持证、技能河南")]


def test_slogans_quoted_span_leaves_out_the_spaces_inside_the_quotes():
    text = "认真实施“八七扶贫攻坚计划 ”，抓好“ 三北”防护林。"
    assert [(text[s:e], s) for s, e in quoted_spans(text)] == [("八七扶贫攻坚计划", 5), ("三北", 20)]
    assert quoted_spans("他说“  ”。") == []  # nothing but spaces


# fmt: off
@pytest.mark.parametrize("text", [
    '深化"放管服"改革，推行"一网通办"。',      # ASCII straight quotes
    "深化＂放管服＂改革，推行＂一网通办＂。",  # full-width straight quotes
    "深化”放管服”改革，推行”一网通办”。",      # closing quotes on both sides
    "深化“放管服“改革，推行“一网通办“。",      # opening quotes on both sides
])
# fmt: on
def test_slogans_quotes_of_messy_files_are_quotes(text):
    assert [text[s:e] for s, e in quoted_spans(text)] == ["放管服", "一网通办"]


def test_slogans_messy_quote_pairs_never_match_across_well_formed_quotes():
    # Between two well-formed quotes stands ”和“: no pair of closing or opening quotes.
    text = "推行“一网通办”和“最多跑一次”，不说“好”“坏”。"
    assert [text[s:e] for s, e in quoted_spans(text)] == ["一网通办", "最多跑一次"]


def test_slogans_context_leaves_out_the_spaces_around_quotes(pipeline):
    # Extracted text puts spaces around quotes: the cue word before them still counts.
    text = "我县深化 “放管服” 改革。"
    spaced = next(c for c in find_candidates(text) if text[c.start:c.end] == "放管服")
    assert (spaced.left, spaced.right) == ("我县深化", "改革。")
    doc = pipeline(text)
    assert [(s.text, s.start_char, s.end_char) for s in doc.spans["policy"]] == [("放管服", 6, 9)]


def test_slogans_mention_never_continues_a_number():
    # 五零 accepted elsewhere is no mention inside the year 一九五零年; on its own it is.
    text = "一九五零年的产量。实现“五零”目标，五零成效显著。"
    evidence = document_evidence(text, quoted_spans(text))
    assert candidate_at(text, 2, 4, "mention", evidence) is None
    assert candidate_at(text, 18, 20, "mention", evidence).start == 18


def test_slogans_mention_never_inside_a_longer_word():
    # An unquoted mention followed by a derivational suffix (城乡一体|化) is no candidate;
    # the same string before 的 or punctuation is.
    text = "坚持“城乡一体”，推进城乡一体化发展，建立城乡一体的服务体系。"
    evidence = document_evidence(text, [(3, 7)])
    first, second = (i for i in range(len(text)) if text.startswith("城乡一体", i) and i > 3)
    assert candidate_at(text, first, first + 4, "mention", evidence) is None
    assert candidate_at(text, second, second + 4, "mention", evidence).start == second


def test_slogans_mention_never_inside_a_dictionary_word():
    # A place name or an idiom of the general dictionary holding an accepted string is no
    # mention of it (三河 in 三河市, 五湖 in 五湖四海); a word that only adds a cue word (四化|建设)
    # or cuts through an edge (行政 in 实行政企分开) does not count.
    text = "建设“三河”“五湖”，实现“四化”，“政企分开”。三河市来自五湖四海，四化建设，实行政企分开。"
    evidence = document_evidence(text, quoted_spans(text))
    later = text.index("。") + 1
    found = {s: candidate_at(text, i, i + len(s), "mention", evidence)
             for s in ("三河", "五湖", "四化", "政企分开") for i in [text.index(s, later)]}
    assert [s for s, c in found.items() if c] == ["四化", "政企分开"]


def test_slogans_no_unquoted_candidate_inside_a_dictionary_word():
    # 以食为天 in the proverb 民以食为天 and 三不知 in 一问三不知 have a formulation's shape.
    text = "民以食为天，一问三不知。坚持以粮为纲，反对三不要。"
    assert candidate_strings(text) == ["民以食为天，一问三不知", "一问三不知", "以粮为纲", "三不要"]


def test_slogans_glossary_term_never_tagged_inside_a_dictionary_word(pipeline):
    doc = pipeline("建设“五湖”。来自五湖四海的五湖游客。\n\n名词解释\n\n1.“五湖”：指五个湖泊。\n")
    assert [(s.text, s.start_char, s._.source) for s in doc.spans["policy"] if s.label_ == "SLOGAN"] == [
        ("五湖", 3, "glossary"), ("五湖", 14, "glossary")]


def test_slogans_never_tagged_inside_a_dictionary_word(pipeline):
    doc = pipeline("建设“三河”。三河市的三河治理。")  # 三河 is in the packaged lexicon too
    assert [(s.text, s.start_char, s._.source) for s in doc.spans["policy"]] == [
        ("三河", 3, "classifier"), ("三河", 11, "lexicon")]


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("全党要坚持四项基本原则，为实现四个现代化而奋斗。", ["四项基本原则", "四个现代化"]),
    # The seed gold leaves 坚持以经济建设为中心 untagged (a work principle in running text,
    # corpora/README.md, review 2); the quoted formulation is one span.
    ("坚持以经济建设为中心，坚持“一个中心、两个基本点”。", ["一个中心、两个基本点"]),
    ("国家实施“八五”计划，“九五”期间继续推进。", []),
    ("粮食生产实现“十二连增”，外贸“五连快”。", []),
    ("“神舟五号”飞船和“远望三号”测量船完成任务。", []),
])
# fmt: on
def test_slogans_classes_on_own_sentences(pipeline, text, expected):
    assert [t for t, _ in spans(pipeline(text))] == expected


# fmt: off
@pytest.mark.parametrize("string, never", [
    ("十二连增", True), ("五连快", True), ("三连冠", True), ("八五", True), ("十四五", True),
    ("神舟五号", True), ("辽宁舰", True), ("四人帮", True), ("三人小组", True),
    ("一国两制", False), ("三个代表", False), ("五讲四美", False),
])
# fmt: on
def test_slogans_never_slogan_shapes(string, never):
    assert never_slogan(string) is never


# The neutral frame 他说“X”。: quoted numeral idioms and ordinary quoted words, none of them
# in nlp/rules/slogan_patterns.py SET_PHRASES (the training negatives) nor in any gold file.
# fmt: off
NEUTRAL_WORDS = [
    "三顾茅庐", "九霄云外", "五体投地", "七窍生烟", "一箭双雕", "八面威风", "三令五申", "四海为家",
    "千钧一发", "一鸣惊人", "两袖清风", "十指连心", "一言九鼎", "三生有幸", "一波三折", "千姿百态",
    "百里挑一", "一本正经", "九曲回肠", "七步之才",
    "面子", "老好人", "走过场", "拍脑袋", "看家本领", "温度计", "接力棒", "绊脚石", "及时雨", "老黄牛",
]
# fmt: on


@pytest.mark.parametrize("frame", ["他说“{}”。", "老王说：“{}”，大家都笑了。"])  # the second: no training frame
def test_slogans_neutral_frame_tags_at_most_one_in_ten(pipeline, frame):
    tagged = [w for w in NEUTRAL_WORDS if spans(pipeline(frame.format(w)))]
    assert len(tagged) * 10 <= len(NEUTRAL_WORDS), tagged


# fmt: off
@pytest.mark.parametrize("text, start, end, crosses", [
    ("投资3696亿元", 2, 5, True),    # 369 inside 3696
    ("投资3696亿元", 3, 6, True),    # 696 inside 3696
    ("投资3696亿元", 2, 6, False),   # the whole number
    ("共3150个", 1, 4, True),       # 315 inside 3150
    ("共３１５０个", 1, 4, True),     # full-width digits
    ("增长3.15%", 4, 6, True),      # 15 after a decimal point
    ("“315”活动", 1, 4, False),
])
# fmt: on
def test_slogans_crosses_number(text, start, end, crosses):
    assert crosses_number(text, start, end) is crosses


def test_slogans_never_inside_a_number_nor_over_an_indicator(pipeline):
    # 369 is in the learned lexicon (a seed's quoted code); “315” is accepted in this text.
    text = "开展“315”维权活动，落实“369”工程。全年投资3696亿元，受理投诉3150件，共检查315家商户。"
    doc = pipeline(text)
    assert [t for t, _ in spans(doc)] == ["315", "369"]
    assert spans(doc, "INDICATOR") == ["3696亿元", "3150件", "315家"]


def test_slogans_propagate_in_the_document(pipeline):
    doc = pipeline("深化“放管服”改革。今年继续推进放管服，巩固成果。")
    assert spans(doc) == [("放管服", "classifier"), ("放管服", "propagated")]


RUN = ["深化“放管服”改革，实施“接诉即办”。", "今年继续推进放管服和接诉即办。", "放管服见成效。"]


def test_slogans_run_lexicon_is_order_independent(pipeline):
    results = []
    for texts in (RUN, RUN[::-1]):
        assert prepare_run(pipeline, [(str(i), text) for i, text in enumerate(texts)]) == {"slogans": 2, "definitions": 0}
        results.append([spans(pipeline(text)) for text in RUN])
    assert results[0] == results[1]
    assert results[0][1] == [("放管服", "run"), ("接诉即办", "run")]
    assert results[0][2] == [("放管服", "run")]


def test_slogans_run_without_pre_pass_tags_nothing_new(pipeline):
    assert spans(pipeline(RUN[1])) == []


@pytest.mark.parametrize("jobs, max_chars", [(1, 100_000), (2, 100_000), (1, 40)])
def test_slogans_run_lexicon_in_annotate(pipeline, tmp_path, jobs, max_chars):
    # With forked workers and with documents annotated in chunks, the run's lexicon reaches
    # every document and every chunk: the quoted one in a.txt, the bare ones in b.txt.
    (tmp_path / "a.txt").write_text(RUN[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(RUN[1] + "\n" * 1 + "其他工作。\n" * 8 + RUN[2] + "\n", encoding="utf-8")
    out = io.StringIO()
    assert annotate([str(tmp_path)], pipeline, JsonlWriter(out), jobs=jobs, max_chars=max_chars) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    b = records[1]
    text = (tmp_path / "b.txt").read_text(encoding="utf-8")
    found = [(e["text"], e["source"]) for e in b["ents"] if e["label"] == "SLOGAN"]
    assert found == [("放管服", "run"), ("接诉即办", "run"), ("放管服", "run")]
    assert all(text[e["start"]:e["end"]] == e["text"] for e in b["ents"])
