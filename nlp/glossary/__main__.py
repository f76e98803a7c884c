"""``python -m nlp.glossary build PATH... -o FILE`` and ``python -m nlp.glossary lookup TERM``.

build: read the glossary sections, inline definitions and definitions in running text
(:mod:`nlp.glossary.mine`) of files, folders (their ``*.txt``, recursively) and JSON Lines
corpora (``.jsonl`` / ``.jsonl.gz``, one document a line with ``id``, ``year`` and ``text``)
into a JSONL knowledge base; every definition of a term is kept with its source, the earliest
marked. lookup: print the definitions of a term, best first, with where each comes from
(``--json`` for JSON Lines). Exit status: 0 done; 1 some inputs failed (build) or the term is
unknown (lookup), each said in one line on standard error; 2 usage errors.

Example::

    $ python -m nlp.glossary lookup 四项基本原则
    四项基本原则  [exact 1.00]  national 1979, gwr-1979, mined (即), confidence 0.95, earliest
      即坚持社会主义道路，坚持无产阶级专政，坚持共产党的领导，即坚持马克思列宁主义毛泽东思想
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

PROG = "python -m nlp.glossary"


def report(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


# Names of JSON Lines corpora that build reads record by record.
CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz")


def per_source(values: list[str], name: str) -> tuple[str | None, dict[str, str]]:
    """Split ``--jurisdiction``/``--year`` values into a default and ``SOURCE=VALUE`` ones."""
    default, by_source = None, {}
    for value in values:
        source, sep, setting = value.rpartition("=")
        if sep and source:
            by_source[source] = setting
        elif default is None:
            default = value
        else:
            raise ValueError(f"{name} given twice without SOURCE=: {default!r}, {value!r}")
    return default, by_source


def corpus_documents(paths: list[str]):
    """``(source, year, text)`` of each input document, or an InputError: files and folders
    through nlp.readers, JSON Lines corpora record by record (source = the record's ``id``)."""
    from ..corpus import read_documents
    from ..readers import InputError, iter_documents

    files = []
    for path in paths:
        if not path.endswith(CORPUS_SUFFIXES):
            files.append(path)
            continue
        try:
            for number, record in enumerate(read_documents(path), 1):
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    yield InputError(path, f"line {number}: no \"text\" string")
                    continue
                year = record.get("year")
                yield str(record.get("id", f"{Path(path).name}:{number}")), year if isinstance(year, int) else None, \
                    record["text"]
        except (OSError, EOFError) as error:
            yield InputError(path, f"cannot read: {getattr(error, 'strerror', None) or error}")
        except ValueError as error:
            yield InputError(path, f"not JSON Lines ({error})")
    for item in iter_documents(files):
        yield item if isinstance(item, InputError) else (Path(item.name).name, None, item.text)


def document_entries(source: str, year: int | None, text: str, mine: bool) -> tuple[list, list]:
    """A document's entries: its glossary sections (confidence 1.0) and inline definitions,
    and with ``mine`` the definitions mined from its running text. A mined definition replaces
    an inline one that it overlaps when it is more confident (it has passed the members-count
    check and ends where the members do), else it is dropped, as is one overlapping a section
    entry."""
    from ..text import clean
    from .extract import extract
    from .mine import mine_definitions
    from .patterns import DEFINITION_CUES, MINED_CONFIDENCE

    found, problems = extract(clean(text), source)
    for entry in found:
        entry.year, entry.confidence = year, MINED_CONFIDENCE["inline"] if entry.inline else 1.0
        if entry.inline:
            entry.cue = next((cue for cue in (*DEFINITION_CUES, "简称") if entry.definition.startswith(cue)), "（")
    if mine:
        mined = [e for e in mine_definitions(text, source, year)
                 if not any(s.start < e.end and e.start < s.end and (not s.inline or s.confidence >= e.confidence)
                            for s in found)]  # fmt: skip
        found = [s for s in found if not (s.inline and any(s.start < e.end and e.start < s.end for e in mined))]
        found += mined
    return found, problems


def build(paths: list[str], output: str, jurisdictions: list[str] = (), years: list[str] = (),
          mine: bool = True) -> int:  # fmt: skip
    """Extract every input's entries into ``output``; returns the number of failed inputs."""
    from .kb import Glossary, mark_earliest

    jurisdiction, jurisdiction_of = per_source(list(jurisdictions), "--jurisdiction")
    default_year, year_of = per_source(list(years), "--year")
    entries, failures = [], 0
    for item in corpus_documents(paths):
        if isinstance(item, Exception):
            report(f"error: {item}")
            failures += 1
            continue
        source, year, text = item
        given = year_of.get(source) or (None if year is not None else default_year)
        year = int(given) if given else year
        found, problems = document_entries(source, year, text, mine)
        for problem in problems:
            report(f"warning: {problem}")
        for entry in found:
            entry.jurisdiction = jurisdiction_of.get(source, jurisdiction)
        entries.extend(found)
    Glossary(mark_earliest(entries)).to_jsonl(output)
    print(f"{output}: {len(entries)} entries", file=sys.stderr)
    return failures


def describe(candidate) -> str:
    """Two lines for a terminal: term, how it matched, where the definition comes from
    (jurisdiction and year, document, section or cue, confidence, earliest); then the
    definition."""
    entry = candidate.entry
    applies = " ".join(str(x) for x in (entry.jurisdiction, entry.year) if x is not None)
    section = f"{entry.section} ({entry.cue})" if entry.cue else entry.section
    confidence = f"confidence {entry.confidence:.2f}" if entry.confidence is not None and entry.confidence < 1 else None
    where = ", ".join(str(x) for x in (applies, entry.source, section, entry.number, confidence,
                                       "earliest" if entry.earliest else None) if x not in (None, ""))  # fmt: skip
    return f"{entry.term}  [{candidate.kind} {candidate.score:.2f}]  {where}\n  {entry.definition}"


def lookup_command(term: str, glossary_path: str | None, as_json: bool, limit: int) -> int:
    from . import load, load_knowledge_base, lookup
    from .kb import GlossaryError

    try:
        glossary = load_knowledge_base() if glossary_path is None else load(glossary_path)
    except (OSError, GlossaryError) as error:
        report(f"error: cannot read glossary: {error}")
        return 2
    found = lookup(term, glossary, limit=limit)
    if not found:
        report(f"no glossary entry for {term!r}")
        return 1
    for candidate in found:
        if as_json:
            record = dict(candidate.entry.to_dict(), score=candidate.score, match=candidate.kind)
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(describe(candidate))
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[1])
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="extract glossaries from documents")
    build_parser.add_argument("paths", nargs="+", metavar="PATH",
                              help="file, folder, .jsonl/.jsonl.gz corpus (id, year, text) or - (stdin)")
    build_parser.add_argument("-o", "--output", required=True, metavar="FILE", help="glossary JSONL")
    build_parser.add_argument("--jurisdiction", action="append", default=[], metavar="[SOURCE=]NAME",
                              help="where the definitions apply (national, a county …), for all inputs or one")
    build_parser.add_argument("--year", action="append", default=[], metavar="[SOURCE=]YEAR",
                              help="the documents' year where a corpus record does not give it")
    build_parser.add_argument("--sections-only", action="store_true",
                              help="glossary sections and inline definitions only, no mining of running text")
    lookup_parser = commands.add_parser("lookup", help="print the definitions of a term")
    lookup_parser.add_argument("term", metavar="TERM")
    lookup_parser.add_argument("--json", action="store_true", help="JSON Lines output")
    lookup_parser.add_argument("--glossary", metavar="FILE", help="glossary JSONL (default: shipped knowledge base)")
    lookup_parser.add_argument("--limit", type=int, default=10, metavar="N", help="most results (10)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if args.command == "build":
        try:
            return 1 if build(args.paths, args.output, args.jurisdiction, args.year, not args.sections_only) else 0
        except ValueError as error:
            report(f"error: {error}")
            return 2
        except OSError as error:
            report(f"error: {args.output}: cannot write: {error.strerror or error}")
            return 1
    return lookup_command(args.term, args.glossary, args.json, args.limit)


if __name__ == "__main__":
    sys.exit(main())
