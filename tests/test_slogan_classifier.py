"""The slogan classifier: features, the JSON model (fit, save, load) and the packaged model."""

import json

import pytest

from nlp.slogan_classifier import DEFAULT_MODEL_PATH, SloganClassifier, candidate_features, shape_features


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("一渠两园三河五湖", {"starts_numeral", "numerals=3", "shape=chain", "len=9"}),
    ("四个意识", {"starts_numeral", "numerals=1", "shape=noun", "len=4", "contraction_shape"}),
    ("6+1+N", {"shape=code", "has_digit", "has_plus", "has_latin", "numerals=0", "len=6"}),
    ("知差距、勇担当、强执行、创辉煌", {"parts=4", "parallel_parts", "part_len=3", "numerals=0", "len=long"}),
    ("壮骨工程", {"inner_cue", "inner_cue=工程", "numerals=0", "len=4", "contraction_shape"}),
    ("有理想、有道德、有文化", {"parts=3", "parallel_parts", "part_len=3", "shared_head", "numerals=0", "len=14"}),
    ("三不要", {"starts_numeral", "numerals=1", "shape=negation", "len=3", "contraction_shape"}),
    ("以粮为纲", {"shape=yi_wei", "numerals=0", "len=4", "contraction_shape"}),
    ("新建和改造并重", {"shape=paired", "numerals=0", "len=9"}),
    ("并重", {"numerals=0", "len=2", "contraction_shape"}),  # no first thing: no pair
    ("我们的", {"numerals=0", "len=3"}),
])
# fmt: on
def test_slogan_classifier_shape_features(text, expected):
    assert set(shape_features(text)) == expected


def test_slogan_classifier_context_features():
    # Context is the text outside the quotes: 全面落实“双减”政策.
    feats = candidate_features("双减", "全面落实", "政策，中小", "quoted")
    for feat in ("kind=quoted", "ng=^双", "ng=双减$", "quoted:starts_numeral", "l2=落实",
                 "lcue=落实", "lcue", "r1=政", "r2=政策", "rcue=政策", "rcue"):
        assert feat in feats
    assert "r3=政策，" not in feats  # two characters of context by default
    assert "quoted:no_cue" not in feats


def test_slogan_classifier_cue_words_over_the_whole_context():
    # Cue words of three characters (的方针) are found beyond the two characters of n-gram
    # context; a model saved without "cue_context" looks within "context", as it was trained.
    feats = candidate_features("调整、改革", "坚持", "的方针，", "bare")
    assert {"rcue=的方针", "r2=的方"} <= set(feats) and "r3=的方针" not in feats
    old = candidate_features("调整、改革", "坚持", "的方针，", "bare", settings={"ngram_max": 3, "context": 2})
    assert "rcue=的方针" not in old and "lcue=坚持" in old


def test_slogan_classifier_policy_name_after_a_modifier():
    # …”的基本路线 / 的总方针: a naming word after 的 and a short modifier is a cue; a model
    # saved without "policy_name_cue" does not look for it, as it was trained.
    for right in ("的基本路线。", "的总方针，", "的方向。"):
        feats = candidate_features("一个中心、两个基本点", "执行了党的", right, "quoted")
        assert "rcue=policy_name" in feats and "quoted:no_cue" not in feats
    assert "rcue=policy_name" not in candidate_features("五颜六色", "他说", "的衣服。", "quoted")
    old = candidate_features("一个中心、两个基本点", "执行了党的", "的基本路线。", "quoted",
                             settings={"ngram_max": 3, "context": 2, "cue_context": 6})
    assert "rcue=policy_name" not in old and "quoted:no_cue" in old


def test_slogan_classifier_evidence_and_no_cue_features():
    # Document evidence is passed through; a candidate without a cue word on either side says so.
    feats = candidate_features("五颜六色", "他说", "。", "quoted", evidence=("freq=1", "quoted:freq=1"))
    assert {"freq=1", "quoted:freq=1", "quoted:no_cue"} <= set(feats)


def test_slogan_classifier_brand_title_or_honour_is_no_programme_cue():
    # The annotation guide never tags brands, titles and honours: 品牌/称号/荣誉 after a name is
    # a cue of its own, not pooled with the programme cues (工程, 行动 …).
    feats = candidate_features("南湖大米", "全县的", "称号，", "quoted")
    assert {"rcue=honour", "quoted:no_cue"} <= set(feats) and "rcue" not in feats
    assert {"rcue=工程", "rcue"} <= set(candidate_features("南湖大米", "全县的", "工程，", "quoted"))


def test_slogan_classifier_round_trip_is_plain_json(tmp_path):
    feats = [["a", "b"], ["a"], ["c"], ["c", "b"]]
    model = SloganClassifier.fit(feats, [1, 1, 0, 0], c=10.0, threshold=0.4, lexicon=["六稳", "双减"])
    path = tmp_path / "model.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["threshold"] == 0.4 and data["lexicon"] == ["六稳", "双减"]
    loaded = SloganClassifier.load(path)
    for f in feats:
        assert loaded.probability(f) == pytest.approx(model.probability(f), abs=1e-5)
    assert loaded.probability(["a"]) > 0.5 > loaded.probability(["c"])


def test_slogan_classifier_missing_file_names_the_script(tmp_path):
    with pytest.raises(FileNotFoundError, match="scripts/train_slogans.py"):
        SloganClassifier.load(tmp_path / "none.json")


# fmt: off
@pytest.mark.parametrize("text, left, right, is_slogan", [
    ("四个不摘", "。严格落实“", "”要求，设立", True),
    ("壮骨工程", "，实施工业经济“", "”，发挥先进", True),
    ("服务员", "，甘当企业“", "”，", False),
    ("中国天然氧吧", "，成功创建“", "”。\n\n统筹", False),
])
# fmt: on
def test_slogan_classifier_packaged_model(text, left, right, is_slogan):
    model = SloganClassifier.load(DEFAULT_MODEL_PATH)
    p = model.probability(candidate_features(text, left, right, "quoted", model.settings))
    assert (p >= model.threshold) is is_slogan
