"""What the command prints on a terminal instead of JSON: a line of counts per document and
where to look next. A document's JSON line runs to tens of thousands of characters, which
nobody reads on a terminal; pipes and files still get JSON lines (nlp/annotate.py decides)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .chunking import Chunk
from .output import Writer, chunk_document_record

# The labels of the annotation guide, in the order the summary counts them.
LABELS = ("SLOGAN", "INDICATOR", "RESP_UNIT")
# Printed after the counts: how to get the annotations themselves.
NEXT_STEPS = """\
This is a summary, because standard output is a terminal. The annotations themselves:
  python -m nlp.annotate PATH... -o out.jsonl                  one JSON line per document
  python -m nlp.annotate PATH... --format html -o page.html    a page to open in a browser
  python -m nlp.annotate PATH... | less                        the JSON lines, page by page
"""


def summary_line(path: str, labels: Counter, glossary: int) -> str:
    """``seeds/004_….txt: 28 SLOGAN (5 linked), 34 INDICATOR, 0 RESP_UNIT; 0 glossary entries``
    (seed 004 with pkuseg)."""
    counts = ", ".join(f"{labels[label]} {label}" + (f" ({labels['linked']} linked)" if label == "SLOGAN" else "")
                       for label in LABELS)  # fmt: skip
    return f"{path}: {counts}; {glossary} glossary entr{'y' if glossary == 1 else 'ies'}"


class SummaryWriter(Writer):
    """One line of counts per document (:func:`summary_line`), then :data:`NEXT_STEPS`."""

    def __init__(self, stream):
        super().__init__(stream)
        self.labels: Counter = Counter()  # of the document being written
        self.glossary = 0
        self.documents = 0

    @staticmethod
    def render(doc: Doc, path: str, chunk: Chunk | None = None) -> tuple[str, Counter, int, bool]:
        """``(path, labels, glossary, last)``: the entities per label (and ``linked``, the
        slogans with a definition) and the glossary entries that start in ``doc`` or its chunk."""
        record = chunk_document_record(doc, path, chunk)
        labels = Counter(ent["label"] for ent in record["ents"])
        labels["linked"] = sum(1 for ent in record["ents"] if ent["label"] == "SLOGAN" and ent.get("link"))
        return path, labels, len(record["glossary"]), chunk is None or chunk.last

    def write(self, piece: tuple[str, Counter, int, bool]) -> None:
        path, labels, glossary, last = piece
        self.labels.update(labels)
        self.glossary += glossary
        if last:
            self.stream.write(summary_line(path, self.labels, self.glossary) + "\n")
            self.stream.flush()
            self.labels, self.glossary = Counter(), 0
            self.documents += 1

    def finish(self) -> None:
        if self.documents:
            self.stream.write("\n" + NEXT_STEPS)
        self.stream.flush()
