"""Whether a candidate string is a policy slogan: features and a JSON-backed linear model.

The model is a logistic regression over binary features (character n-grams of the candidate,
its shape, the characters and cue words around it). scikit-learn fits it; the saved file is
plain JSON (feature names, coefficients, intercept, threshold, feature settings), so loading
runs no code from the file and needs neither pickle nor scikit-learn.

Example::

    >>> model = SloganClassifier.load(DEFAULT_MODEL_PATH)
    >>> model.probability(candidate_features("四个不摘", "严格落实“", "”要求，", "quoted")) > 0.5
    True
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Container, Iterable, Sequence

from .glossary.patterns import NUMERAL_VALUES
from .rules.slogan_patterns import (
    DIGIT_CODE,
    HALF_WIDTH,
    LEFT_CUES,
    CONTRACTION_EXCLUDED,
    NUMBERED_BARE,
    NUMBERED_CHAIN,
    NUMBERED_NEGATION,
    NUMBERED_NOUN,
    NUMERALS,
    PART_SEPARATORS,
    PAIRED_FORMULA,
    PLUS_SIGNS,
    POLICY_NAME_CUE,
    RIGHT_CUES,
    SUMMED_COUNT,
    HONOUR_CUES,
    TITLE_BRACKETS,
    YI_WEI,
)

DEFAULT_MODEL_PATH = Path(__file__).parent / "data" / "slogan_classifier.json"
FORMAT_VERSION = 1

# Feature settings, saved with the model so that a file is always scored as it was trained.
# "context" characters on each side give n-gram features; cue words are looked for within
# "cue_context" characters (a model saved without it looks within "context", as it was trained);
# "policy_name_cue" looks for POLICY_NAME_CUE after the candidate (a model saved without it
# does not).
DEFAULT_SETTINGS = {"ngram_max": 3, "context": 2, "cue_context": 6, "policy_name_cue": True}
# Candidate lengths are bucketed at these bounds (1, 2, 3, 4, 5-6, 7-9, 10-14, 15+).
LENGTH_BOUNDS = (1, 2, 3, 4, 6, 9, 14)


def _length_bucket(n: int) -> str:
    for bound in LENGTH_BOUNDS:
        if n <= bound:
            return str(bound)
    return "long"


# One part of a listed slogan: the text between separators.
_PART = re.compile(f"[^{re.escape(PART_SEPARATORS)}]+")


def list_parts(text: str) -> list[str]:
    """The text cut at the separators of listed slogans (知差距、勇担当 -> 知差距, 勇担当)."""
    return _PART.findall(text)


# The place of each cue word in its list: cue features are listed in that order.
_LEFT_CUE_ORDER = {w: i for i, w in enumerate(LEFT_CUES)}
_RIGHT_CUE_ORDER = {w: i for i, w in enumerate(RIGHT_CUES)}
_LONGEST_CUE = max(map(len, LEFT_CUES + RIGHT_CUES))


def affix_words(text: str, words: Container[str], longest: int, at_end: bool) -> list[str]:
    """The words of ``words`` (none longer than ``longest``) that end (``at_end``) or start
    ``text``, shortest first: a look-up per affix length instead of a test per word."""
    return [affix for k in range(1, min(len(text), longest) + 1)
            for affix in [text[-k:] if at_end else text[:k]] if affix in words]  # fmt: skip


def _cues(text: str, order: dict[str, int], at_end: bool) -> list[str]:
    """The cue words of ``order`` that end (``at_end``) or start ``text``, in list order."""
    return sorted(affix_words(text, order, _LONGEST_CUE, at_end), key=order.__getitem__)


def shape_features(text: str) -> list[str]:
    """Features of the string's shape alone: numerals, chains, codes, parts, length."""
    feats = [f"len={_length_bucket(len(text))}"]
    if text[0] in NUMERALS:
        feats.append("starts_numeral")
    numerals = sum(ch in NUMERALS for ch in text)
    feats.append(f"numerals={min(numerals, 3)}")
    for name, pattern in (
        ("noun", NUMBERED_NOUN),
        ("chain", NUMBERED_CHAIN),
        ("bare", NUMBERED_BARE),
        ("code", DIGIT_CODE),
    ):
        if pattern.fullmatch(text):
            feats.append(f"shape={name}")
    if any(ch.isdigit() for ch in text):
        feats.append("has_digit")
    if any(sign in text for sign in PLUS_SIGNS):
        feats.append("has_plus")
    if any("a" <= ch.lower() <= "z" for ch in text):
        feats.append("has_latin")
    if any(bracket in text for bracket in TITLE_BRACKETS):
        feats.append("has_title")
    inner = [w for w in _cues(text, _RIGHT_CUE_ORDER, at_end=True) if len(text) > len(w)]
    feats.extend(f"inner_cue={w}" for w in inner)
    if inner:
        feats.append("inner_cue")  # pooled over the cue words, so rare ones share evidence
    if NUMBERED_NEGATION.fullmatch(text):
        feats.append("shape=negation")
    if YI_WEI.match(text) and YI_WEI.match(text).group(1) == text:
        feats.append("shape=yi_wei")
    paired = PAIRED_FORMULA.search(text)
    if paired and paired.end() == len(text) and paired.start() > 0:
        feats.append("shape=paired")  # 开发和节约并重, 计划调节和市场调节相结合
    if 2 <= len(text) <= 4 and all("\u4e00" <= ch <= "\u9fff" and ch not in CONTRACTION_EXCLUDED for ch in text):
        feats.append("contraction_shape")  # 菜篮子, 放管服, 扫黄: short, no function word
    parts = list_parts(text)
    if len(parts) > 1:
        feats.append(f"parts={min(len(parts), 4)}")
        if len({len(p) for p in parts}) == 1:
            feats.append("parallel_parts")
            feats.append(f"part_len={min(len(parts[0]), 6)}")
        if len({p[0] for p in parts}) == 1:
            feats.append("shared_head")  # 有理想、有道德、有文化 / 讲学习、讲政治
        if len({p[-1] for p in parts}) == 1:
            feats.append("shared_tail")  # 古为今用、洋为中用
        if any(NUMERAL_VALUES[m.group(1)] == len(parts) for m in SUMMED_COUNT.finditer(parts[-1])):
            feats.append("summed_list")  # 领导干部、专家、群众三结合 (or a count: …三大主导产业)
    return feats


# How many candidate strings keep their string features in memory (some 2 KB each): documents
# and corpora repeat their slogans.
STRING_CACHE_SIZE = 2**12


@lru_cache(maxsize=STRING_CACHE_SIZE)
def _string_features(text: str, kind: str, n_max: int) -> tuple[str, ...]:
    """The features of a candidate that its string and kind decide: kind, n-grams (of the
    string with its digit codes half width: ３＋２＋４ reads as 3+2+4), shape."""
    feats = [f"kind={kind}"]
    padded = f"^{text.translate(HALF_WIDTH)}$"
    for n in range(1, n_max + 1):
        feats += [f"ng={padded[i:i + n]}" for i in range(len(padded) - n + 1)]
    shape = shape_features(text)
    feats.extend(shape)
    feats.extend(f"{kind}:{f}" for f in shape)
    return tuple(feats)


def candidate_features(
    text: str, left: str, right: str, kind: str, settings: dict | None = None, evidence: Iterable[str] = ()
) -> list[str]:
    """Binary features of a candidate ``text`` with the ``left`` and ``right`` text around it
    (outside any quotes), its ``kind`` ("quoted" or "bare") and the ``evidence`` of its
    document (``freq=2``, ``quoted_in_doc``, ``defined_in_doc``: see
    nlp.components.slogans.document_evidence).

    Example: ``candidate_features("双减", "全面落实", "政策", "quoted")`` includes
    ``"ng=双减"``, ``"starts_numeral"`` and ``"rcue=政策"``."""
    settings = settings or DEFAULT_SETTINGS
    n_max, width = settings["ngram_max"], settings["context"]
    cue_width = settings.get("cue_context", width)
    feats = list(_string_features(text, kind, n_max))
    feats.extend(evidence)
    feats += [f"l{k}={left[-k:]}" for k in range(1, min(len(left), width) + 1)]
    feats += [f"r{k}={right[:k]}" for k in range(1, min(len(right), width) + 1)]
    any_cue = False
    for side, cues in (("lcue", _cues(left[-cue_width:], _LEFT_CUE_ORDER, at_end=True)),
                       ("rcue", _cues(right[:cue_width], _RIGHT_CUE_ORDER, at_end=False))):
        feats.extend(f"{side}={w}" for w in cues)
        if cues:
            feats.append(side)  # pooled, as for inner cues
            any_cue = True
    if settings.get("policy_name_cue") and POLICY_NAME_CUE.match(right[:cue_width]):
        feats.append("rcue=policy_name")  # …”的基本路线: the modifier hides the cue word
        any_cue = True
    if right.startswith(HONOUR_CUES):
        feats.append("rcue=honour")  # a brand, title or honour: never tagged
    if not any_cue:
        feats.append(f"{kind}:no_cue")  # 他说“五颜六色”。: nothing names a programme
    return feats


@dataclass
class SloganClassifier:
    """A logistic regression over binary features, stored as JSON, with the slogans that the
    training data tagged (the learned lexicon: slogans wherever they occur).

    Attributes:
        weights: coefficient of each feature name (features not listed weigh 0).
        intercept: the bias term.
        threshold: probability from which a candidate is a slogan.
        settings: the feature settings the model was trained with.
        lexicon: slogan strings learned from the training corpus.
    """

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.5
    settings: dict = field(default_factory=lambda: dict(DEFAULT_SETTINGS))
    lexicon: list[str] = field(default_factory=list)

    @classmethod
    def fit(
        cls,
        features: Sequence[Sequence[str]],
        labels: Sequence[int],
        *,
        c: float = 1.0,
        threshold: float = 0.5,
        settings: dict | None = None,
        lexicon: Iterable[str] = (),
        sample_weight: Sequence[float] | None = None,
    ) -> "SloganClassifier":
        """Fit on feature lists and 0/1 labels (each example weighing ``sample_weight``, 1 by
        default) with scikit-learn's LogisticRegression; the ``lexicon`` is stored as given."""
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, feats in enumerate(features):
            for f in set(feats):
                rows.append(i)
                cols.append(vocab.setdefault(f, len(vocab)))
        x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(features), len(vocab)))
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(x, np.asarray(labels), sample_weight=None if sample_weight is None else np.asarray(sample_weight))
        names = sorted(vocab, key=vocab.get)
        weights = {n: float(w) for n, w in zip(names, model.coef_[0]) if abs(w) > 1e-6}
        return cls(weights, float(model.intercept_[0]), threshold, dict(settings or DEFAULT_SETTINGS),
                   sorted(set(lexicon)))

    def probability(self, feats: Iterable[str]) -> float:
        """The probability that the candidate with these features is a slogan."""
        z = self.intercept + sum(map(self.weights.get, set(feats), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict:
        return {
            "format": FORMAT_VERSION,
            "model": "logistic_regression_binary_features",
            "settings": self.settings,
            "threshold": self.threshold,
            "intercept": self.intercept,
            "lexicon": self.lexicon,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "SloganClassifier":
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(
                f"slogan classifier format {data.get('format')!r} is not {FORMAT_VERSION}: "
                "retrain it with `python scripts/train_slogans.py`"
            )
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["intercept"]),
            float(data["threshold"]),
            dict(data["settings"]),
            [str(t) for t in data["lexicon"]],
        )

    def save(self, path: str | Path) -> None:
        """Write the model as JSON (UTF-8, one feature a line for reviewable diffs)."""
        data = self.to_dict()
        weights = data.pop("weights")
        head = json.dumps(data, ensure_ascii=False)[:-1]
        lines = [f"  {json.dumps(k, ensure_ascii=False)}: {v:.6g}" for k, v in weights.items()]
        Path(path).write_text(head + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "SloganClassifier":
        """Read a model written by :meth:`save`; a missing file names the training script."""
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(
                f"no slogan classifier at {path}: run `python scripts/train_slogans.py`"
            )
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
