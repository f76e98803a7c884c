"""``python -m nlp.annotate PATH... [-o OUT] [--format summary|jsonl|tsv|html|tasks]
[--segmenter pkuseg|jieba] [--encoding-errors strict|replace] [--glossary FILE] [--model DIR]``

Annotates files, folders (their ``*.txt``, any case, recursively) and standard input (``-``).
Exit status: 0 when every input was annotated, 1 when some failed (each named on standard error
in one line, the others still annotated and written), 2 for usage errors (found before the
pipeline loads) and a pipeline that cannot load (a missing pkuseg model, glossary or trained
tagger), 130 after Ctrl-C and 143 after SIGTERM, whenever they come.
On a terminal without ``-o`` it prints a summary; pipes and files get JSON lines. ``-o`` never
destroys anything (nlp/destination.py): a file is replaced only when the run ends, a link is
written through, a pipe or device is written to, an input is never overwritten.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, TextIO

from .chunking import DEFAULT_MAX_CHARS, Chunk, paragraph_chunks
from .destination import Destination, OutputError, open_output, refuse_inputs, resolve_output
from .parallel import render_texts
from .readers import ENCODING_ERRORS, STDIN, InputError, InvalidBytesError, expand_paths, read_document

PROG = "python -m nlp.annotate"
# The shell's status for a process stopped by SIGPIPE (128 + 13), as `yes | head` gives, by
# Ctrl-C (128 + 2) and by SIGTERM (128 + 15).
BROKEN_PIPE_STATUS = 141
INTERRUPTED_STATUS = 130
TERMINATED_STATUS = 143
# Usage errors, and a pipeline that cannot load (argparse's own status for bad arguments).
USAGE_STATUS = 2


class Terminated(Exception):
    """SIGTERM arrived: the run stops as after Ctrl-C (no partial output, no workers left)."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def formats() -> dict[str, type]:
    """The writer class of each ``--format``."""
    from .output import WRITERS
    from .summary import SummaryWriter

    return {**WRITERS, "summary": SummaryWriter}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from .pipeline import SEGMENTERS

    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[1])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - (stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parser.add_argument("--format", choices=sorted(formats()),
                        help="default: summary when standard output is a terminal and there is no -o, "
                             "else jsonl")  # fmt: skip
    parser.add_argument("--segmenter", choices=SEGMENTERS, default="pkuseg")
    parser.add_argument("--glossary", metavar="FILE",
                        help="glossary JSONL to link slogans against (default: the shipped one)")  # fmt: skip
    parser.add_argument("--model", metavar="DIR",
                        help="a tagger trained by scripts/train.py, added to the rules")  # fmt: skip
    parser.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                        help="worker processes (default 1)")  # fmt: skip
    parser.add_argument("--batch-size", type=_positive_int, default=16, metavar="N",
                        help="documents per batch sent to a worker, at most --max-chars characters "
                             "past the first (default 16)")  # fmt: skip
    parser.add_argument("--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
                        help="annotate longer documents in chunks of at most N characters, cut at "
                             f"paragraph ends (default {DEFAULT_MAX_CHARS:,})")  # fmt: skip
    parser.add_argument("--encoding-errors", choices=ENCODING_ERRORS, default="strict",
                        help="strict: a file with bytes invalid in its encoding is an error; replace: "
                             "each invalid sequence becomes U+FFFD and the count is reported (default strict)")  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say on standard error when the pipeline starts and ends loading")  # fmt: skip
    return parser.parse_args(argv)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def report(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _progress(total: int, output: TextIO):
    """A progress bar on standard error when several files are annotated, standard error is
    a terminal and the output does not go to that terminal too."""
    from tqdm import tqdm

    hidden = total < 2 or not sys.stderr.isatty() or output.isatty()
    return tqdm(total=total, unit="doc", file=sys.stderr, disable=hidden)


def annotate(paths: Iterable[str | InputError], nlp, writer, *, jobs: int = 1, batch_size: int = 16,
             max_chars: int = DEFAULT_MAX_CHARS, encoding_errors: str = "strict") -> int:  # fmt: skip
    """Annotate every input named by ``paths`` (or given by :func:`nlp.readers.expand_paths`)
    into ``writer``, each as soon as it is done; returns the number that failed. Documents
    longer than ``max_chars`` go through the pipeline in chunks (nlp/chunking.py), which the
    writer puts back together. With ``jobs`` > 1, worker processes annotate and render
    (nlp/parallel.py). ``encoding_errors``: see :func:`nlp.readers.decode`. A pre-pass over the
    inputs first collects what the documents of the run tell about each other
    (nlp/run_lexicon.py)."""
    inputs = list(expand_paths(paths))
    from .run_lexicon import install_run, prepare_run, readable_documents  # run-level pre-pass

    prepare_run(nlp, readable_documents(inputs, encoding_errors))
    try:
        return _annotate_inputs(inputs, nlp, writer, jobs=jobs, batch_size=batch_size, max_chars=max_chars,
                                encoding_errors=encoding_errors)  # fmt: skip
    finally:
        install_run(nlp, {})  # the pipeline forgets this run, as it was before


def _annotate_inputs(inputs: list, nlp, writer, *, jobs: int, batch_size: int, max_chars: int,
                     encoding_errors: str) -> int:  # fmt: skip
    """The main pass of :func:`annotate`; returns the number of inputs that failed."""
    failures = 0
    progress = _progress(len(inputs), writer.stream)

    def readable() -> Iterator[tuple[str, tuple[str, Chunk | None]]]:
        """``(text, (name, chunk))`` for each document (chunk None) or chunk of a long one."""
        nonlocal failures
        for item in inputs:
            try:
                if isinstance(item, InputError):
                    raise item
                document = read_document(item, encoding_errors)
            except InputError as error:
                hint = "; --encoding-errors replace annotates the rest" if isinstance(error, InvalidBytesError) else ""
                report(f"error: {error}{hint}")
                failures += 1
                progress.update(1)
                continue
            if document.replaced:
                encoding = document.encoding.removesuffix("-sig").upper()
                report(f"warning: {document.name}: {document.replaced} invalid {encoding} bytes replaced by U+FFFD")
            text = document.text
            if len(text) <= max_chars:
                yield text, (document.name, None)
                continue
            for chunk in paragraph_chunks(text, max_chars, max_chars // 10):
                yield text[chunk.context:chunk.end], (document.name, chunk)

    def render(doc, context: tuple[str, Chunk | None]):
        return writer.render(doc, *context)

    with progress:
        pieces = render_texts(nlp, readable(), render, jobs=jobs, batch_size=batch_size, batch_chars=max_chars)
        for (_, chunk), piece in pieces:
            writer.write(piece)
            if chunk is None or chunk.last:
                progress.update(1)
    writer.finish()
    return failures


def main(argv: list[str] | None = None) -> int:
    """The command: Ctrl-C and SIGTERM give one line and their status at any point, from
    parsing the arguments (which imports spaCy) to the last line written."""
    previous_handler = signal.signal(signal.SIGTERM, _raise_terminated)
    destination = None
    try:
        args = parse_args(argv)
        destination = resolve_output(args.output)
        return run(args, destination)
    except OutputError as error:
        report(f"error: {error}")
        return USAGE_STATUS
    except KeyboardInterrupt:
        report("interrupted" + _untouched(destination))
        return INTERRUPTED_STATUS
    except Terminated:
        report("terminated" + _untouched(destination))
        return TERMINATED_STATUS
    finally:
        signal.signal(signal.SIGTERM, previous_handler)


def run(args: argparse.Namespace, destination: Destination) -> int:
    """Check the inputs against the output, load the pipeline, annotate; the exit status."""
    inputs = list(expand_paths(args.paths))
    refuse_inputs(destination, (item for item in inputs if isinstance(item, str) and item != STDIN))
    writer = formats()[args.format or _default_format(args.output)]
    if args.verbose:
        report(f"loading the pipeline ({args.segmenter} segmenter) …")
    started = time.perf_counter()
    from .pipeline import ModelMissingError, load

    try:
        nlp = load(args.segmenter, glossary=args.glossary, model=args.model)
    except (ModelMissingError, OSError, ValueError) as error:
        report(f"error: cannot load the pipeline: {error}")
        return USAGE_STATUS
    if args.verbose:
        report(f"pipeline loaded in {time.perf_counter() - started:.1f} s")
    try:
        with open_output(destination) as stream:
            failures = annotate(inputs, nlp, writer(stream), jobs=args.jobs, batch_size=args.batch_size,
                                max_chars=args.max_chars, encoding_errors=args.encoding_errors)  # fmt: skip
    except BrokenPipeError:
        # The reader of standard output stopped (… | head): no error of ours. Python would
        # complain again when it flushes stdout at exit, so point it at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    except OSError as error:
        report(f"error: {destination.name or '<stdout>'}: cannot write: {error.strerror or error}")
        return 1
    except BrokenProcessPool:
        report("error: a worker process died (out of memory?)" + _untouched(destination))
        return 1
    return 1 if failures else 0


def _default_format(output: str | None) -> str:
    """A summary for a person at a terminal, JSON lines for pipes, files and ``-o -``."""
    return "summary" if output is None and sys.stdout.isatty() else "jsonl"


def _untouched(destination: Destination | None) -> str:
    """What a stopped run adds to its message: OUT, if a file, was left as it was."""
    return "; no output written" if destination is not None and not destination.streamed else ""


if __name__ == "__main__":
    sys.exit(main())
