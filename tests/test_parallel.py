"""--jobs N: worker processes annotate and render; what is written is what one process writes,
and an interrupted run leaves neither output nor workers behind."""

import io
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import nlp.pipeline
from nlp import annotate
from nlp.output import WRITERS, JsonlWriter
from nlp.parallel import _batches, render_texts

from .conftest import REPO, SEEDS, seed_path, seed_text


def annotated(nlp, paths, format_name: str, **options) -> tuple[int, str]:
    stream = io.StringIO()
    failures = annotate.annotate(paths, nlp, WRITERS[format_name](stream), **options)
    return failures, stream.getvalue()


@pytest.mark.parametrize("format_name", sorted(WRITERS))
def test_two_jobs_write_what_one_writes(format_name, nlp_jieba, tmp_path):
    """Every format, with long documents cut into chunks and a bad file among the inputs."""
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    paths = [str(SEEDS), str(tmp_path / "binary.txt")]
    one = annotated(nlp_jieba, paths, format_name, max_chars=20_000)
    two = annotated(nlp_jieba, paths, format_name, max_chars=20_000, jobs=2, batch_size=2)
    assert one[0] == two[0] == 1
    assert one[1] == two[1] and one[1]


def test_render_texts_keeps_input_order(nlp_jieba):
    texts = [seed_text("004")[i * 300:(i + 1) * 300] for i in range(7)]
    found = list(render_texts(nlp_jieba, ((t, i) for i, t in enumerate(texts)),
                              lambda doc, i: (i, doc.text), jobs=2, batch_size=3))  # fmt: skip
    assert found == [(i, (i, t)) for i, t in enumerate(texts)]


def test_batches_stop_at_a_count_or_before_passing_a_length():
    items = [("a" * n, i) for i, n in enumerate([5, 5, 5, 20, 1, 1, 1, 1])]
    batches = [[i for _, i in batch] for batch in _batches(items, 3, 12)]
    assert batches == [[0, 1], [2], [3], [4, 5, 6], [7]]
    assert [[i for _, i in batch] for batch in _batches(items, 3, None)] == [[0, 1, 2], [3, 4, 5], [6, 7]]


def test_render_texts_stops_its_workers_when_left_early(nlp_jieba):
    texts = ((seed_text("001"), i) for i in range(40))
    results = render_texts(nlp_jieba, texts, lambda doc, i: i, jobs=2, batch_size=1)
    assert next(results) == (0, 0)
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_is_one_line_and_no_output(nlp_pkuseg, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(nlp.pipeline, "load", lambda *args, **kwargs: nlp_pkuseg)
    monkeypatch.setattr(JsonlWriter, "render", staticmethod(lambda doc, path, chunk=None: os._exit(3)))
    out = tmp_path / "out.jsonl"
    assert annotate.main([str(seed_path("004")), "--jobs", "2", "-o", str(out)]) == 1
    assert capsys.readouterr().err == "python -m nlp.annotate: error: a worker process died (out of memory?); no output written\n"
    assert list(tmp_path.iterdir()) == []


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from Linux's /proc")
@pytest.mark.parametrize("signum, status, word", [(signal.SIGTERM, annotate.TERMINATED_STATUS, "terminated"),
                                                  (signal.SIGINT, annotate.INTERRUPTED_STATUS, "interrupted")])  # fmt: skip
def test_signal_stops_a_parallel_run_without_output_or_workers(signum, status, word, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 20, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "nlp.annotate", str(big), "--segmenter", "jieba", "--jobs", "2",
                                "-o", str(out)], stderr=subprocess.PIPE, cwd=REPO)  # fmt: skip
    deadline = time.monotonic() + 120
    while len(workers := _children(process.pid)) < 2:  # the workers start with the first batch
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    process.send_signal(signum)
    assert process.wait(timeout=60) == status
    assert process.stderr.read().decode() == f"python -m nlp.annotate: {word}; no output written\n"
    assert list(tmp_path.iterdir()) == [big]
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


# A run whose parent is stopped while its workers are still starting: each worker sleeps before
# it sets its own handlers, and the parent, stopped meanwhile, terminates them.
STOPPED_WHILE_STARTING = """
import signal, threading, time
import spacy
from nlp import parallel

class Stopped(Exception):
    pass

def raise_stopped(signum, frame):
    raise Stopped

def start_slowly(*args):
    time.sleep(1.5)
    original(*args)

original, parallel._start_worker = parallel._start_worker, start_slowly
nlp = spacy.blank("zh")
signal.signal(signal.SIGTERM, raise_stopped)
main = threading.main_thread().ident
threading.Timer(0.5, signal.pthread_kill, (main, signal.SIGTERM)).start()
try:
    list(parallel.render_texts(nlp, [("文本", 0)] * 4, lambda doc, i: i, jobs=2, batch_size=1))
except Stopped:
    print("stopped")
"""


def test_a_worker_stopped_before_it_set_its_handlers_ends_quietly():
    """The worker is forked with the parent's raising handler; without the signals held until
    its own are set, it would print 'Exception in initializer:' and a traceback."""
    done = subprocess.run([sys.executable, "-c", STOPPED_WHILE_STARTING], capture_output=True, text=True, cwd=REPO,
                          timeout=120)  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "stopped\n", "")
