"""The Chinese tokenizer: spaCy's, run on the cleaned text and mapped back to the original.

``doc.text`` is always the text the user passed in, so every offset points into it. The
segmenter (pkuseg or jieba) sees the cleaned text, so a word that the layout broke over lines
(两个\\n\\n确立) is segmented as one; characters that cleaning deleted become tokens of their
own, which splits such a word around the deleted break.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path
from typing import Iterable

import srsly

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.tokens import Doc
from spacy.util import registry

from .extensions import remember_clean_view
from .text import CleanText, clean


# Where to_disk keeps the user words.
USER_WORDS_FILE = "user_words.json"
_SPACE = re.compile(r"\s")


@registry.tokenizers("nlp.PolicyTokenizer.v1")
def create_policy_tokenizer(segmenter: str = "pkuseg"):
    """Registered so that a config names it: ``@tokenizers = "nlp.PolicyTokenizer.v1"``."""

    def policy_tokenizer_factory(nlp):
        return PolicyTokenizer(nlp.vocab, segmenter=segmenter)

    return policy_tokenizer_factory


class PolicyTokenizer(ChineseTokenizer):
    """spaCy's ChineseTokenizer (pkuseg, jieba or characters) over the cleaned view.

    Initialise it like ChineseTokenizer (``initialize(pkuseg_model=folder)``); it serialises
    like it too, the pkuseg model included.
    """

    def __init__(self, vocab, segmenter: str = Segmenter.pkuseg):
        if segmenter == Segmenter.jieba:
            import jieba

            # jieba reports loading its dictionary on standard error (spaCy's __init__ loads
            # it), which would break the command's one line per problem; warnings still show.
            jieba.setLogLevel(logging.WARNING)
        super().__init__(vocab, segmenter=segmenter)
        self.user_words: list[str] = []
        if self.segmenter == Segmenter.jieba:
            import jieba

            # An instance of our own: user words added here do not leak into the user's jieba.
            self.jieba_seg = jieba.Tokenizer()

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model=None, pkuseg_user_dict="default"):
        """As ChineseTokenizer's, but faster: a pkuseg model folder holding the line tables
        that set-up writes loads from them (:mod:`nlp.pkuseg_model`), and jieba reads its
        dictionary now, once, rather than on the first text (and in every worker process)."""
        if self.segmenter == Segmenter.jieba:
            self.jieba_seg.initialize()
            return
        if self.segmenter == Segmenter.pkuseg and pkuseg_model is not None:
            from .pkuseg_model import has_fast_tables, load_segmenter

            if has_fast_tables(pkuseg_model):
                user_dict = pkuseg_model if pkuseg_user_dict is None else pkuseg_user_dict
                self.pkuseg_seg = load_segmenter(pkuseg_model, user_dict)
                return
        super().initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model, pkuseg_user_dict=pkuseg_user_dict)

    def segment(self, text: str) -> list[str]:
        """The segmenter's words for ``text`` (whitespace may be dropped)."""
        if self.segmenter == Segmenter.jieba:
            return [w for w in self.jieba_seg.cut(text, HMM=True) if w]
        if self.segmenter == Segmenter.pkuseg:
            if self.pkuseg_seg is None:
                raise ValueError(
                    "the pkuseg model is not loaded: run scripts/setup.sh, or use nlp.load()"
                )
            return self.pkuseg_seg.cut(text)
        return list(text)

    def add_user_words(self, words: Iterable[str]) -> None:
        """Add words to the segmenter's user dictionary (slogans from the glossary), so that
        the segmenter keeps them whole; spans never depend on it. The words are kept and
        serialised with the tokenizer (spaCy saves pkuseg's dictionary but not jieba's)."""
        known = set(self.user_words)
        words = [w for w in dict.fromkeys(w.strip() for w in words) if w and not _SPACE.search(w) and w not in known]
        self.user_words.extend(words)
        if self.segmenter == Segmenter.pkuseg and self.pkuseg_seg is not None:
            self.pkuseg_update_user_dict(words)
        elif self.segmenter == Segmenter.jieba:
            for word in words:
                self.jieba_seg.add_word(word)

    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps({"chinese": super().to_bytes(**kwargs), "user_words": self.user_words})

    def from_bytes(self, data: bytes, **kwargs) -> "PolicyTokenizer":
        message = srsly.msgpack_loads(data)
        super().from_bytes(message["chinese"], **kwargs)
        self._replay_user_words(message["user_words"])
        return self

    def to_disk(self, path, **kwargs) -> None:
        super().to_disk(path, **kwargs)
        srsly.write_json(Path(path) / USER_WORDS_FILE, self.user_words)

    def from_disk(self, path, **kwargs) -> "PolicyTokenizer":
        super().from_disk(path, **kwargs)
        words_file = Path(path) / USER_WORDS_FILE
        self._replay_user_words(srsly.read_json(words_file) if words_file.is_file() else [])
        return self

    def _replay_user_words(self, words: list[str]) -> None:
        self.user_words = []
        self.add_user_words(words)

    def __call__(self, text: str) -> Doc:
        view = clean(text)
        words = _raw_words(view, self.segment(view.text))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        remember_clean_view(doc, view)
        return doc


def _raw_words(view: CleanText, clean_words: list[str]) -> list[str]:
    """Cut the original text at the segmenter's boundaries (found on the cleaned text) and
    around every run of characters that cleaning deleted."""
    if "".join(clean_words) == view.text:
        return _raw_words_tiling(view, clean_words)
    return _raw_words_aligned(view, clean_words)


def _raw_words_tiling(view: CleanText, clean_words: list[str]) -> list[str]:
    """:func:`_raw_words` for words that are the cleaned text cut in pieces (jieba's).

    Between two deleted runs the original text is the cleaned text, so the words there are
    taken over as they are, a list slice at a time; only a word with a deleted run inside is
    cut, and each run becomes a word of its own."""
    text, offsets, raw = view.text, view.offsets, view.raw
    bounds = list(accumulate(map(len, clean_words), initial=0))  # bounds[k]: where word k starts
    words: list[str] = []
    done = 0  # the cleaned text before this is in words
    index = 0  # the first word not wholly in words
    for at in view.deletions():
        last = bisect_right(bounds, at) - 1  # the word that holds position ``at`` (or ends there)
        if index < last:
            if bounds[index] < done:  # the rest of a word that a run cut
                words.append(text[done:bounds[index + 1]])
                index += 1
            words.extend(clean_words[index:last])
            done, index = bounds[last], last
        if done < at:
            words.append(text[done:at])
            done = at
        words.append(raw[offsets[at - 1] + 1 if at else 0:offsets[at]])
    if index < len(clean_words) and bounds[index] < done:
        words.append(text[done:bounds[index + 1]])
        index += 1
    words.extend(clean_words[index:])
    return words


def _raw_words_aligned(view: CleanText, clean_words: list[str]) -> list[str]:
    """:func:`_raw_words` for words that skip characters (pkuseg drops whitespace) or
    normalise them: each word is looked for in the cleaned text."""
    text, offsets, raw = view.text, view.offsets, view.raw
    cuts = {0, len(raw)}
    pos = 0
    for word in clean_words:
        found = text.find(word, pos)
        if found < 0:  # the segmenter normalised the word; leave the boundary to the next one
            continue
        cuts.add(offsets[found])
        cuts.add(offsets[found + len(word) - 1] + 1 if word else offsets[found])
        pos = found + len(word)
    for i in range(len(text)):
        if offsets[i + 1] != offsets[i] + 1:  # a deleted run follows clean character i
            cuts.add(offsets[i] + 1)
            cuts.add(offsets[i + 1])
    if offsets and offsets[0] > 0:
        cuts.add(offsets[0])
    ordered = sorted(cuts)
    return [raw[a:b] for a, b in zip(ordered, ordered[1:]) if b > a]
