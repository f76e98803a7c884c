"""scripts/fetch_pkuseg.py's conversion of the legacy feature table, on a tiny model: set-up
says what happens in plain words, not spacy-pkuseg's WARNING line."""

import importlib.util
import pickle

import srsly

from .conftest import REPO

spec = importlib.util.spec_from_file_location("fetch_pkuseg", REPO / "scripts" / "fetch_pkuseg.py")
fetch_pkuseg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fetch_pkuseg)


def test_convert_features_says_what_it_does(tmp_path, capsys):
    table = {"unigram": ["两个", "确保"], "bigram": ["两个*确保"], "feature_to_idx": {"c.两": 0, "w.确保": 1},
             "tag_to_idx": {"B": 0, "I": 1}}  # fmt: skip
    (tmp_path / "features.pkl").write_bytes(pickle.dumps(table))
    fetch_pkuseg.convert_features(tmp_path)
    assert capsys.readouterr().err == (
        "converting the pkuseg model's feature table from the legacy pickle (features.pkl) to features.msgpack …\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["features.msgpack"]
    assert srsly.read_msgpack(tmp_path / "features.msgpack") == table
