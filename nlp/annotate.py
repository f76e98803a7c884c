"""``python -m nlp.annotate PATH... [-o OUT] [--format jsonl|tsv|html|tasks] [--segmenter pkuseg|jieba]
[--glossary FILE] [--model DIR]``

Annotates files, folders (their ``*.txt``, recursively) and standard input (``-``). Exit status:
0 when every input was annotated, 1 when some failed (each named on standard error in one line,
the others still annotated and written), 2 for usage errors and a pipeline that cannot load
(a missing pkuseg model, glossary or trained tagger).
With ``-o`` the output is written to a temporary file that replaces OUT only when the run ends,
so an interrupted or failed run never leaves a half-written OUT.
"""

from __future__ import annotations

import argparse
import os
import signal
import stat
import sys
import tempfile
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from .chunking import DEFAULT_MAX_CHARS, Chunk, paragraph_chunks
from .parallel import render_texts
from .readers import InputError, expand_paths, read_document

PROG = "python -m nlp.annotate"
# The shell's status for a process stopped by SIGPIPE (128 + 13), as `yes | head` gives, by
# Ctrl-C (128 + 2) and by SIGTERM (128 + 15).
BROKEN_PIPE_STATUS = 141
INTERRUPTED_STATUS = 130
TERMINATED_STATUS = 143


class Terminated(Exception):
    """SIGTERM arrived: the run stops as after Ctrl-C (no partial output, no workers left)."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from .output import WRITERS
    from .pipeline import SEGMENTERS

    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[1])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - (stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parser.add_argument("--format", choices=sorted(WRITERS), default="jsonl")
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
    return parser.parse_args(argv)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def report(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside ``path`` renamed onto it on success."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=target.parent or ".", prefix=f".{target.name}.",
        suffix=".tmp", delete=False,
    )  # fmt: skip
    try:
        with handle:
            yield handle
        os.chmod(handle.name, _output_mode(target))
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _output_mode(target: Path) -> int:
    """The permissions OUT gets: those it had, else those of a new file (the temporary file
    is private to its owner)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _progress(total: int):
    """A progress bar on standard error when several files are annotated on a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr,
                disable=total < 2 or not sys.stderr.isatty())  # fmt: skip


def annotate(paths: list[str], nlp, writer, *, jobs: int = 1, batch_size: int = 16,
             max_chars: int = DEFAULT_MAX_CHARS) -> int:  # fmt: skip
    """Annotate every input named by ``paths`` into ``writer``, each as soon as it is done;
    returns the number that failed. Documents longer than ``max_chars`` go through the
    pipeline in chunks (nlp/chunking.py), which the writer puts back together. With ``jobs``
    > 1, worker processes annotate and render (nlp/parallel.py). A pre-pass over the inputs
    first collects what the documents of the run tell about each other (nlp/run_lexicon.py)."""
    inputs = list(expand_paths(paths))
    from .run_lexicon import prepare_run, readable_texts  # run-level pre-pass (nlp/run_lexicon.py)

    prepare_run(nlp, readable_texts(inputs), max_chars)
    failures = 0
    progress = _progress(len(inputs))

    def readable() -> Iterator[tuple[str, tuple[str, Chunk | None]]]:
        """``(text, (name, chunk))`` for each document (chunk None) or chunk of a long one."""
        nonlocal failures
        for item in inputs:
            try:
                if isinstance(item, InputError):
                    raise item
                document = read_document(item)
            except InputError as error:
                failures += 1
                report(f"error: {error}")
                progress.update(1)
                continue
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
    args = parse_args(argv)
    from .output import WRITERS
    from .pipeline import ModelMissingError, load

    try:
        nlp = load(args.segmenter, glossary=args.glossary, model=args.model)
    except (ModelMissingError, OSError, ValueError) as error:
        report(f"error: cannot load the pipeline: {error}")
        return 2
    previous_handler = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        with open_output(args.output) as stream:
            failures = annotate(args.paths, nlp, WRITERS[args.format](stream), jobs=args.jobs,
                                batch_size=args.batch_size, max_chars=args.max_chars)  # fmt: skip
    except BrokenPipeError:
        # The reader of standard output stopped (… | head): no error of ours. Python would
        # complain again when it flushes stdout at exit, so point it at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    except OSError as error:
        report(f"error: {args.output or '<stdout>'}: cannot write: {error.strerror or error}")
        return 1
    except BrokenProcessPool:
        report("error: a worker process died (out of memory?)" + ("; no output written" if args.output else ""))
        return 1
    except KeyboardInterrupt:
        report("interrupted; no output written" if args.output else "interrupted")
        return INTERRUPTED_STATUS
    except Terminated:
        report("terminated; no output written" if args.output else "terminated")
        return TERMINATED_STATUS
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
