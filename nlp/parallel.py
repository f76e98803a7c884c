"""Annotating many texts on several cores, each text's output made where it was annotated.

spaCy's ``nlp.pipe(n_process=N)`` sends every annotated Doc back to the parent process
(``Doc.to_bytes`` in the worker, ``Doc.from_bytes`` in the parent: 48 MB and about 0.85 s of
work for the 27 national reports with jieba, a third of the time the pipeline itself takes),
and the parent then turns each Doc into output on its own. Here the workers also render the
output (``render(doc, context)``: a JSON line, TSV rows), so only that small, plain piece
travels back and the parent merely writes it.

Workers are forked from the process that loaded the pipeline, so they start at once and share
its models' memory; batches go out in input order and results come back in it, with at most
``2 * jobs`` batches under way, so a folder of 10,000 files or a 50 MB file streams through in
bounded memory.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

if TYPE_CHECKING:  # spaCy is imported by the pipeline; the command's --help does without it
    from spacy.language import Language
    from spacy.tokens import Doc

Context = TypeVar("Context")
Piece = TypeVar("Piece")

# Linux prctl option: the signal the kernel sends a process when its parent dies.
PR_SET_PDEATHSIG = 1
# The worker's pipeline and render function (set by _start_worker in each worker process).
_WORKER: dict = {}
# The signals that stop a run: the parent handles them, a worker takes its own course.
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


def render_texts(
    nlp: Language,
    items: Iterable[tuple[str, Context]],
    render: Callable[[Doc, Context], Piece],
    *,
    jobs: int = 1,
    batch_size: int = 16,
    batch_chars: int | None = None,
) -> Iterator[tuple[Context, Piece]]:
    """``(context, render(nlp(text), context))`` for each ``(text, context)`` of ``items``,
    in order; with ``jobs`` > 1 the annotating and rendering happen in ``jobs`` worker
    processes, in batches of at most ``batch_size`` texts and, past the first text, at most
    ``batch_chars`` characters (so that the chunks of one long document are shared out).
    ``items`` is read lazily."""
    if jobs == 1:  # a Doc at a time, dropped once rendered
        for doc, context in nlp.pipe(items, as_tuples=True, batch_size=1):
            yield context, render(doc, context)
        return
    others = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(nlp, render))  # fmt: skip
    pending: deque[tuple[list[Context], Future]] = deque()
    forked = False
    try:
        for batch in _batches(items, batch_size, batch_chars):
            if forked:
                future = pool.submit(_render_batch, batch)
            else:  # the first batch forks the workers
                with _stop_signals_held():
                    future = pool.submit(_render_batch, batch)
                forked = True
            pending.append(([context for _, context in batch], future))
            if len(pending) >= 2 * jobs:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM, a reader that closed the pipe, a failed batch): stop the
        # workers now rather than after the batches under way.
        for worker in set(multiprocessing.active_children()) - others:
            worker.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _batches(items: Iterable[tuple[str, Context]], size: int, chars: int | None) -> Iterator[list]:
    batch, batch_chars = [], 0
    for text, context in items:
        if batch and (len(batch) == size or (chars is not None and batch_chars + len(text) > chars)):
            yield batch
            batch, batch_chars = [], 0
        batch.append((text, context))
        batch_chars += len(text)
    if batch:
        yield batch


def _results(submitted: tuple[list, Future]) -> Iterator[tuple]:
    contexts, future = submitted
    return zip(contexts, future.result())


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait (in the calling thread) while the workers are forked. A worker is
    born with the parent's handlers, which raise; stopped before ``_start_worker`` replaced
    them, it would print a traceback. Forked with the signals held, it receives them only once
    its own handlers are in place. The parent's come the moment the block ends."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_worker(nlp: Language, render: Callable) -> None:
    """Runs first in each worker. The parent handles Ctrl-C and SIGTERM for the whole run (it
    stops sending work and removes its partial output), so the worker ignores Ctrl-C, takes
    SIGTERM's default, and asks Linux to end it when the parent dies, so that a killed run
    leaves no worker behind. Only then does it take the signals held while it was forked."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's shutdown ends the workers
        pass
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    _WORKER.update(nlp=nlp, render=render)


def _render_batch(batch: list[tuple[str, Context]]) -> list:
    """The rendered pieces of one batch. Docs are made one at a time and dropped once
    rendered, so a worker holds one Doc, however long the texts."""
    nlp, render = _WORKER["nlp"], _WORKER["render"]
    return [render(doc, context) for doc, context in nlp.pipe(batch, as_tuples=True, batch_size=1)]
