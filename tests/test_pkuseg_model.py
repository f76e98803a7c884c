"""The fast-loading pkuseg tables: the same segmenter as spacy-pkuseg's own loader, and a
tokenizer that still serialises. A tiny model keeps it fast."""

import numpy as np
import pytest
import spacy_pkuseg
from spacy.lang.zh import Segmenter
from spacy.vocab import Vocab
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.model import Model

from nlp.pkuseg_model import FAST_FEATURES, has_fast_tables, load_segmenter, write_fast_tables
from nlp.tokenizer import PolicyTokenizer

TEXT = "全县生产总值完成283.9亿元，增长8.4%。"


@pytest.fixture
def tiny_model(tmp_path):
    """A model folder as set-up writes it: features.msgpack and weights.npz, random weights."""
    extractor = FeatureExtractor()
    extractor.unigram = {"", "生产", "总值", "完成", "增长"}
    extractor.bigram = {"生产*总值", "完成*增长"}
    extractor.tag_to_idx = {"B": 0, "B_single": 1, "I": 2, "I_end": 3, "I_first": 4}
    features = ["$$"] + [f"c.{c}" for c in TEXT] + [f"c-1.{c}" for c in TEXT] + ["w-1.生产", "w1.总值"]
    extractor.feature_to_idx = {f: i for i, f in enumerate(dict.fromkeys(features))}
    extractor.save(str(tmp_path))
    model = Model(len(extractor.feature_to_idx), len(extractor.tag_to_idx))
    model.w = np.random.default_rng(0).normal(size=model.n_transition_feature)
    model.save(str(tmp_path))
    return tmp_path


def test_fast_tables_build_the_same_segmenter(tiny_model):
    assert not has_fast_tables(tiny_model)
    write_fast_tables(tiny_model)
    assert has_fast_tables(tiny_model)
    fast, reference = load_segmenter(tiny_model), spacy_pkuseg.pkuseg(str(tiny_model))
    ours, theirs = fast.feature_extractor, reference.feature_extractor
    assert (ours.unigram, ours.bigram, ours.feature_to_idx, ours.tag_to_idx) == (
        theirs.unigram, theirs.bigram, theirs.feature_to_idx, theirs.tag_to_idx
    )
    assert isinstance(fast.model.w, np.memmap) and np.array_equal(fast.model.w, reference.model.w)
    assert (fast.n_feature, fast.n_tag, fast.idx_to_tag) == (reference.n_feature, reference.n_tag, reference.idx_to_tag)
    assert fast.cut(TEXT) == reference.cut(TEXT)


def test_truncated_fast_table_is_refused(tiny_model):
    write_fast_tables(tiny_model)
    table = tiny_model / FAST_FEATURES
    table.write_text(table.read_text(encoding="utf-8").rsplit("\n", 3)[0], encoding="utf-8")
    with pytest.raises(ValueError, match="truncated"):
        load_segmenter(tiny_model)


def test_tokenizer_from_fast_tables_round_trips_bytes(tiny_model):
    write_fast_tables(tiny_model)
    tokenizer = PolicyTokenizer(Vocab(), segmenter=Segmenter.pkuseg)
    tokenizer.initialize(pkuseg_model=str(tiny_model))
    assert isinstance(tokenizer.pkuseg_seg.model.w, np.memmap)
    restored = PolicyTokenizer(Vocab(), segmenter=Segmenter.pkuseg).from_bytes(tokenizer.to_bytes())
    assert [t.text for t in restored(TEXT)] == [t.text for t in tokenizer(TEXT)]
    assert restored.pkuseg_seg.feature_extractor.bigram == {"生产*总值", "完成*增长"}


def test_default_pipeline_loads_the_fast_tables(nlp_pkuseg):
    assert isinstance(nlp_pkuseg.tokenizer.pkuseg_seg.model.w, np.memmap)
