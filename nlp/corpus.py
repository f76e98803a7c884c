"""Gold data in the ANNOTATION.md format: one text unit a line,
``{"id", "source", "start", "text", "ents": [{"start", "end", "label", …attributes}]}`` with
entity offsets relative to ``text``, and ``text == source[start:start + len(text)]``."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class GoldUnit:
    """A gold text unit with its entities' offsets made absolute (into the source file)."""

    id: str
    source: str
    start: int
    text: str
    ents: list[dict] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def open_text(path: str | Path):
    """Open a UTF-8 text file for reading, gunzipping it when its name ends in ``.gz`` (the
    national reports ship as ``corpora/national_reports_1954_1999.jsonl.gz``)."""
    if str(path).endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_documents(path: str | Path) -> Iterator[dict]:
    """The JSON object of each non-blank line of a (possibly gzipped) JSONL file."""
    with open_text(path) as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_gold(path: str | Path) -> list[GoldUnit]:
    """Read a gold JSONL file; raises ValueError naming the line of a malformed record."""
    units = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                ents = [
                    dict(ent, start=row["start"] + ent["start"], end=row["start"] + ent["end"])
                    for ent in row.get("ents", [])
                ]
                units.append(GoldUnit(row["id"], row["source"], row["start"], row["text"], ents))
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a gold record ({error})") from None
    return units


def gold_spans(path: str | Path, label: str) -> dict[str, set[tuple[int, int]]]:
    """The ``label`` spans (start, end) of a gold file, by source."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for unit in read_gold(path):
        spans.setdefault(unit.source, set()).update(
            (e["start"], e["end"]) for e in unit.ents if e["label"] == label)
    return spans
