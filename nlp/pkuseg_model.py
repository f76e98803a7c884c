"""The pkuseg model in a form that loads in a fraction of the time spacy-pkuseg needs.

spacy-pkuseg reads ``features.msgpack`` (69 MB) into two sets and a dict of 2.6 million
features, and copies ``weights.npz`` (106 MB) into memory: about 4 s, most of it unpacking
msgpack. Set-up (``scripts/fetch_pkuseg.py``) writes the same tables once more as plain lines
(:data:`FAST_FEATURES`, :data:`FAST_BIGRAMS`), which split and hash in about two-thirds of the
time (building the 2.6-million-entry dict is most of what remains); the
weights are mapped from ``weights.npz`` copy-on-write, so only the pages the segmenter touches
are read; and the bigram set, which only training and saving use, is read on first use. The
segmenter built here is spacy-pkuseg's own class with the same tables, so spaCy's tokenizer
serialises it as usual.

Example::

    >>> seg = load_segmenter("models/pkuseg")
    >>> seg.cut("全县生产总值完成283.9亿元")
    ['全县', '生产总值', '完成', '283.9亿', '元']
"""

from __future__ import annotations

import json
import os
import struct
import zipfile
from pathlib import Path

import numpy as np
import spacy_pkuseg
from spacy_pkuseg.config import config as pkuseg_config
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.model import Model

# Written by set-up next to features.msgpack: a JSON header line, the unigrams, then the
# features in index order (a feature's index is its line number among the features).
FAST_FEATURES = "features.lines"
# The bigrams, one a line.
FAST_BIGRAMS = "bigrams.lines"
_HEADER_KEYS = ("format", "tag_to_idx", "unigrams", "features")
_FORMAT = 1


def has_fast_tables(model_dir: str | os.PathLike) -> bool:
    """Whether set-up wrote the fast tables into ``model_dir``."""
    return (Path(model_dir) / FAST_FEATURES).is_file() and (Path(model_dir) / FAST_BIGRAMS).is_file()


def write_fast_tables(model_dir: str | os.PathLike) -> None:
    """Write the fast tables from ``features.msgpack`` and check that they read back equal.

    Each file is written beside its target and renamed onto it, so a folder never holds half
    a table."""
    folder = Path(model_dir)
    source = FeatureExtractor.load(str(folder))
    features = list(source.feature_to_idx)
    if [source.feature_to_idx[f] for f in features] != list(range(len(features))):
        raise ValueError(f"{folder}: feature indices are not 0..n-1 in order; cannot write lines")
    unigrams, bigrams = sorted(source.unigram), sorted(source.bigram)
    if any("\n" in s for table in (unigrams, bigrams, features) for s in table):
        raise ValueError(f"{folder}: a feature holds a line break; cannot write lines")
    header = {"format": _FORMAT, "tag_to_idx": source.tag_to_idx, "unigrams": len(unigrams),
              "features": len(features)}  # fmt: skip
    _write_atomic(folder / FAST_BIGRAMS, "\n".join(bigrams))
    _write_atomic(folder / FAST_FEATURES, json.dumps(header) + "\n" + "\n".join(unigrams + features))
    loaded = _read_features(folder)
    if (loaded.unigram, loaded.bigram, loaded.feature_to_idx, loaded.tag_to_idx) != (
        source.unigram, source.bigram, source.feature_to_idx, source.tag_to_idx
    ):
        raise ValueError(f"{folder}: the fast tables do not read back equal to features.msgpack")


def _write_atomic(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return handle.read().split("\n")


def _read_features(folder: Path):
    """A spacy-pkuseg FeatureExtractor from the fast tables."""
    with (folder / FAST_FEATURES).open(encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        if tuple(header) != _HEADER_KEYS or header["format"] != _FORMAT:
            raise ValueError(f"{folder / FAST_FEATURES}: not a format-{_FORMAT} feature table")
        lines = handle.read().split("\n")
    split = header["unigrams"]
    if len(lines) != split + header["features"]:
        raise ValueError(f"{folder / FAST_FEATURES}: truncated (run scripts/setup.sh again)")
    extractor = _LazyBigramExtractor(folder / FAST_BIGRAMS)
    extractor.unigram = set(lines[:split])
    extractor.feature_to_idx = dict(zip(lines[split:], range(header["features"])))
    extractor.tag_to_idx = header["tag_to_idx"]
    return extractor


class _LazyBigramExtractor(FeatureExtractor):
    """spacy-pkuseg's FeatureExtractor whose bigram set is read on first use."""

    def __init__(self, bigram_path: Path):
        self._bigram_path = bigram_path
        self._bigram = None

    @property
    def bigram(self) -> set[str]:
        if self._bigram is None:
            self._bigram = set(_read_lines(self._bigram_path))
        return self._bigram

    @bigram.setter
    def bigram(self, value: set[str]) -> None:
        self._bigram = value


def _map_weights(folder: Path) -> Model:
    """spacy-pkuseg's Model with ``w`` mapped copy-on-write from weights.npz (np.savez stores
    it uncompressed); read into memory when the archive is stored otherwise."""
    path = folder / "weights.npz"
    with np.load(path) as npz:
        sizes = npz["sizes"]
        layout = _stored_array(path, "w.npy")
        w = npz["w"] if layout is None else np.memmap(path, mode="c", **layout)
    model = Model.__new__(Model)
    model.n_tag, model.n_feature = int(sizes[0]), int(sizes[1])
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = w
    if w.shape != (model.n_transition_feature,):
        raise ValueError(f"{path}: {w.shape[0]} weights, expected {model.n_transition_feature}")
    return model


def _stored_array(path: Path, member: str) -> dict | None:
    """Offset, dtype, shape and order of an uncompressed ``.npy`` member of a zip archive, for
    np.memmap; None when it cannot be mapped."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    if info.compress_type != zipfile.ZIP_STORED:
        return None
    readers = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}
    with path.open("rb") as handle:
        handle.seek(info.header_offset)
        local_header = handle.read(30)  # the zip local file header, then name and extra field
        name_length, extra_length = struct.unpack("<HH", local_header[26:30])
        handle.seek(info.header_offset + 30 + name_length + extra_length)
        read_header = readers.get(np.lib.format.read_magic(handle))
        if read_header is None:
            return None
        shape, fortran, dtype = read_header(handle)
        offset = handle.tell()
    return {"dtype": dtype, "shape": shape, "order": "F" if fortran else "C", "offset": offset}


def load_segmenter(model_dir: str | os.PathLike, user_dict: str | None = "default"):
    """A ``spacy_pkuseg.pkuseg`` for ``model_dir``, as ``spacy_pkuseg.pkuseg(model_dir,
    user_dict)`` builds it, from the fast tables (see :func:`has_fast_tables`)."""
    folder = Path(model_dir)
    segmenter = spacy_pkuseg.pkuseg.__new__(spacy_pkuseg.pkuseg)
    segmenter.postag = False
    if user_dict is None:
        segmenter.preprocesser = spacy_pkuseg.Preprocesser(None)
        segmenter.postprocesser = spacy_pkuseg.Postprocesser(None, None)
    else:
        named = user_dict in pkuseg_config.available_models + ["default"]
        segmenter.preprocesser = spacy_pkuseg.Preprocesser(None if named else user_dict)
        default_dict = Path(spacy_pkuseg.__file__).parent / "dicts" / "default.pkl"
        segmenter.postprocesser = spacy_pkuseg.Postprocesser(None, [str(default_dict)])
    segmenter.feature_extractor = _read_features(folder)
    segmenter.model = _map_weights(folder)
    tag_to_idx = segmenter.feature_extractor.tag_to_idx
    segmenter.idx_to_tag = {idx: tag for tag, idx in tag_to_idx.items()}
    segmenter.n_feature = len(segmenter.feature_extractor.feature_to_idx)
    segmenter.n_tag = len(tag_to_idx)
    return segmenter
