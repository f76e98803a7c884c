"""``python -m nlp.glossary build PATH... -o FILE`` and ``python -m nlp.glossary lookup TERM``.

build: read the glossary sections and inline definitions of files and folders (their
``*.txt``, recursively) into a JSONL glossary. lookup: print the definitions of a term, best
first, with their sources (``--json`` for JSON Lines). Exit status: 0 done; 1 some inputs
failed (build) or the term is unknown (lookup), each said in one line on standard error;
2 usage errors.

Example::

    $ python -m nlp.glossary lookup 两筛
    两筛两癌  [part 0.90]  001_753636851620b86f.txt, 《政府工作报告》有关词语注释 28
      指产前筛查和新生儿疾病筛查;乳腺癌、宫颈癌筛查。
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


def build(paths: list[str], output: str) -> int:
    """Extract every input's entries into ``output``; returns the number of failed inputs."""
    from ..readers import InputError, iter_documents
    from ..text import clean
    from .extract import extract
    from .kb import Glossary

    entries, failures = [], 0
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            report(f"error: {item}")
            failures += 1
            continue
        source = Path(item.name).name
        found, problems = extract(clean(item.text), source)
        for problem in problems:
            report(f"warning: {problem}")
        entries.extend(found)
    Glossary(entries).to_jsonl(output)
    print(f"{output}: {len(entries)} entries", file=sys.stderr)
    return failures


def describe(candidate) -> str:
    """Two lines for a terminal: term, how it matched, provenance; then the definition."""
    entry = candidate.entry
    where = ", ".join(str(x) for x in (entry.source, entry.section, entry.number) if x not in (None, ""))
    return f"{entry.term}  [{candidate.kind} {candidate.score:.2f}]  {where}\n  {entry.definition}"


def lookup_command(term: str, glossary_path: str | None, as_json: bool, limit: int) -> int:
    from . import load, lookup
    from .kb import GlossaryError

    try:
        glossary = load(glossary_path)
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
    build_parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - (stdin)")
    build_parser.add_argument("-o", "--output", required=True, metavar="FILE", help="glossary JSONL")
    lookup_parser = commands.add_parser("lookup", help="print the definitions of a term")
    lookup_parser.add_argument("term", metavar="TERM")
    lookup_parser.add_argument("--json", action="store_true", help="JSON Lines output")
    lookup_parser.add_argument("--glossary", metavar="FILE", help="glossary JSONL (default: shipped)")
    lookup_parser.add_argument("--limit", type=int, default=10, metavar="N", help="most results (10)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if args.command == "build":
        try:
            return 1 if build(args.paths, args.output) else 0
        except OSError as error:
            report(f"error: {args.output}: cannot write: {error.strerror or error}")
            return 1
    return lookup_command(args.term, args.glossary, args.json, args.limit)


if __name__ == "__main__":
    sys.exit(main())
