"""``python -m nlp.ledger PATH... [-o OUT] [--format jsonl|csv|html] [--segmenter pkuseg|jieba]
[--jobs N]``

Pairs the targets that a government's work reports set for a year with the outturns that later
reports give for it: one row per indicator and year. PATH is a file, a folder (its ``*.txt``,
recursively), ``-`` (standard input), or a JSONL file (``.jsonl``, ``.jsonl.gz``) of reports,
one ``{"id", "text", "year"?}`` a line, as the national reports ship. Exit status: 0 when every
input was read, 1 when some failed (each named on standard error in one line, the ledger made
from the others), 2 for usage errors and a pipeline that cannot load.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from ..annotate import _positive_int
from ..destination import OutputError, open_output, refuse_inputs, resolve_output
from ..corpus import read_documents
from ..parallel import render_texts
from ..readers import STDIN, InputError, expand_paths, read_document
from .writers import WRITERS
from .years import report_year

PROG = "python -m nlp.ledger"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from ..pipeline import SEGMENTERS

    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[1])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, JSONL of reports or - (stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parser.add_argument("--format", choices=sorted(WRITERS), default="jsonl")
    parser.add_argument("--segmenter", choices=SEGMENTERS, default="pkuseg")
    parser.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default 1)")
    return parser.parse_args(argv)


def report(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


class Reports:
    """The reports named by the paths, as ``(text, (name, record_year))``; the problems met on
    the way are counted and reported, one line each."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self.failures = 0

    def __iter__(self) -> Iterator[tuple[str, tuple[str, int | None]]]:
        for item in expand_paths(self.paths):
            try:
                if isinstance(item, InputError):
                    raise item
                if item.endswith(JSONL_SUFFIXES):
                    yield from _records(item)
                else:
                    document = read_document(item)
                    yield document.text, (document.name, None)
            except InputError as error:
                self.failures += 1
                report(f"error: {error}")


def _records(path: str) -> Iterator[tuple[str, tuple[str, int | None]]]:
    """The reports of a JSONL file: ``path#id`` names each (``path#N`` for the N-th record
    without id)."""
    number = 0
    try:
        for number, record in enumerate(read_documents(path), 1):
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(path, f"record {number}: no \"text\" string")
            year = record.get("year")
            name = f"{path}#{record.get('id', number)}"
            yield record["text"], (name, year if isinstance(year, int) else None)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, EOFError) as error:
        raise InputError(path, f"cannot be read ({getattr(error, 'strerror', None) or error})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(path, f"record {number + 1}: not JSON ({error})") from None


def _report_observations(doc, context: tuple[str, int | None]) -> tuple[list[dict], str | None]:
    """Runs in the worker: the observations of one report, or the problem that it has none."""
    from .observations import observations

    name, record_year = context
    year, source = report_year(doc.text, name, record_year)
    if year is None:
        return [], f"{name}: no year (no date line or review heading in the text, none in the name)"
    return observations(doc, name, year, source), None


def build(paths: list[str], nlp, *, jobs: int = 1) -> tuple[list[dict], int]:
    """The ledger rows of the reports named by ``paths`` and the number of inputs that failed."""
    from .table import ledger_rows

    reports = Reports(paths)
    found: list[dict] = []
    for _, (observations, problem) in render_texts(nlp, reports, _report_observations, jobs=jobs):
        if problem:
            reports.failures += 1
            report(f"error: {problem}")
        found.extend(observations)
    return ledger_rows(found), reports.failures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        destination = resolve_output(args.output)
        refuse_inputs(destination, (item for item in expand_paths(args.paths) if isinstance(item, str) and item != STDIN))
    except OutputError as error:
        report(f"error: {error}")
        return 2
    from ..pipeline import ModelMissingError, load

    try:
        nlp = load(args.segmenter)
    except (ModelMissingError, OSError, ValueError) as error:
        report(f"error: cannot load the pipeline: {error}")
        return 2
    try:
        rows, failures = build(args.paths, nlp, jobs=args.jobs)
        with open_output(destination) as stream:
            WRITERS[args.format](rows, stream)
    except BrokenPipeError:
        return 141
    except OSError as error:
        report(f"error: {args.output or '<stdout>'}: cannot write: {error.strerror or error}")
        return 1
    except BrokenProcessPool:
        report("error: a worker process died (out of memory?)")
        return 1
    except KeyboardInterrupt:
        report("interrupted")
        return 130
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
