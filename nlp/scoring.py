"""Scoring predictions against gold: P/R/F1 per label for exact and overlapping spans, and
the accuracy of each attribute on exactly matched spans."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Iterable

from .corpus import GoldUnit

# Characters that do not make two spellings of a term different (“17110”工作制度 ~ 17110 工作制度).
_TERM_NOISE = str.maketrans("", "", " \u3000\n\t“”\"'‘’「」")


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 of tp right, fp wrong and fn missed spans, with the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn}


def same_value(gold, predicted) -> bool:
    """Numbers equal up to float rounding; lists element by element."""
    if isinstance(gold, list) or isinstance(predicted, list):
        return (isinstance(gold, list) and isinstance(predicted, list) and len(gold) == len(predicted)
                and all(same_value(g, p) for g, p in zip(gold, predicted)))  # fmt: skip
    if isinstance(gold, bool) or isinstance(predicted, bool) or gold is None or predicted is None:
        return gold == predicted
    try:
        return math.isclose(float(gold), float(predicted), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return gold == predicted


def normalise_term(term) -> str | None:
    return None if term is None else str(term).translate(_TERM_NOISE)


def char_overlap(gold: str | None, predicted: str | None) -> float:
    """F1 of the two strings' character multisets (1.0 when both are empty or None)."""
    gold, predicted = gold or "", predicted or ""
    if not gold and not predicted:
        return 1.0
    common = sum((Counter(gold) & Counter(predicted)).values())
    if not common:
        return 0.0
    p, r = common / len(predicted), common / len(gold)
    return 2 * p * r / (p + r)


def attribute_matches(attr: str, gold, predicted) -> bool:
    if attr == "link":
        term = predicted.get("term") if isinstance(predicted, dict) else predicted
        return normalise_term(gold) == normalise_term(term)
    if attr == "value":
        return same_value(gold, predicted)
    return gold == predicted


def score(units: Iterable[GoldUnit], predictions: dict[str, list[dict]], labels: Iterable[str] | None = None) -> dict:
    """Score predicted entities against gold units.

    Args:
        units: gold units; only predictions inside a unit's range are scored.
        predictions: entity records (SPEC.md JSON, offsets into the source) by source name.
        labels: labels to score (default: those in the gold).

    Returns:
        ``{label: {"exact": prf, "overlap": prf, "attrs": {attr: {"accuracy", "n"}}}}`` where
        prf is ``{"p", "r", "f", "tp", "fp", "fn"}``; ``name`` also gets ``name_overlap``
        (mean character-overlap F1).
    """
    units = list(units)
    labels = set(labels) if labels is not None else {e["label"] for u in units for e in u.ents}
    counts = {label: {"exact": Counter(), "overlap": Counter()} for label in labels}
    attr_hits: dict[str, dict[str, list[float]]] = {label: defaultdict(list) for label in labels}
    for unit in units:
        predicted = [e for e in predictions.get(unit.source, [])
                     if e["label"] in labels and unit.start <= e["start"] and e["end"] <= unit.end]  # fmt: skip
        for label in labels:
            gold = [e for e in unit.ents if e["label"] == label]
            pred = [e for e in predicted if e["label"] == label]
            _count_exact(gold, pred, counts[label]["exact"], attr_hits[label])
            _count_overlap(gold, pred, counts[label]["overlap"])
    result = {}
    for label in sorted(labels):
        attrs = {attr: {"accuracy": sum(hits) / len(hits), "n": len(hits)}
                 for attr, hits in sorted(attr_hits[label].items())}  # fmt: skip
        result[label] = {
            "exact": prf(**counts[label]["exact"]) if counts[label]["exact"] else prf(0, 0, 0),
            "overlap": prf(**counts[label]["overlap"]) if counts[label]["overlap"] else prf(0, 0, 0),
            "attrs": attrs,
        }
    return result


def _count_exact(gold: list[dict], pred: list[dict], counter: Counter, attr_hits: dict) -> None:
    by_offsets = {(e["start"], e["end"]): e for e in pred}
    matched = 0
    for g in gold:
        p = by_offsets.get((g["start"], g["end"]))
        if p is None:
            continue
        matched += 1
        for attr, value in g.items():
            if attr in ("start", "end", "label", "text"):
                continue
            attr_hits[attr].append(float(attribute_matches(attr, value, p.get(attr))))
            if attr == "name":
                attr_hits["name_overlap"].append(char_overlap(value, p.get(attr)))
    counter.update(tp=matched, fp=len(pred) - matched, fn=len(gold) - matched)


def _count_overlap(gold: list[dict], pred: list[dict], counter: Counter) -> None:
    """One-to-one matching of overlapping spans, greedily in text order."""
    used = set()
    matched = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                matched += 1
                break
    counter.update(tp=matched, fp=len(pred) - matched, fn=len(gold) - matched)
