"""``-o OUT`` never destroys anything: links are written through, pipes and devices streamed
to, an input is never overwritten, and a bad OUT is refused before the pipeline loads."""

import json
import os
import pty
import shutil
import stat
import subprocess
import sys
import threading

import pytest

import nlp.pipeline
from nlp import annotate

from .conftest import REPO, seed_path
from .test_annotate import run  # noqa: F401  (the fixture: the command in-process)


@pytest.fixture
def run_unloaded(monkeypatch, capsys):
    """The command in-process for runs that must stop before the pipeline loads: loading
    is recorded, and fails the test."""
    loads = []

    def load(*args, **kwargs):
        loads.append(args)
        raise AssertionError("the pipeline was loaded")

    monkeypatch.setattr(nlp.pipeline, "load", load)

    def invoke(*argv):
        status = annotate.main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err, loads

    return invoke


def paths_of(text: str) -> list[str]:
    return [json.loads(line)["path"] for line in text.splitlines()]


def test_output_symlink_is_written_through_to_its_target(run, tmp_path):
    store, out = tmp_path / "store", tmp_path / "out"
    store.mkdir(), out.mkdir()
    (store / "real.jsonl").write_text("previous run\n", encoding="utf-8")
    (out / "link.jsonl").symlink_to(store / "real.jsonl")
    (out / "dangling.jsonl").symlink_to(store / "new.jsonl")
    assert run(seed_path("004"), "-o", out / "link.jsonl")[0] == 0
    assert run(seed_path("004"), "-o", out / "dangling.jsonl")[0] == 0
    assert os.readlink(out / "link.jsonl") == str(store / "real.jsonl")
    assert os.readlink(out / "dangling.jsonl") == str(store / "new.jsonl")
    for target in ("real.jsonl", "new.jsonl"):
        assert stat.S_ISREG((store / target).lstat().st_mode)
        assert paths_of((store / target).read_text(encoding="utf-8")) == [str(seed_path("004"))]
    # no temporary file is left beside the links or the targets
    assert sorted(p.name for p in out.iterdir()) == ["dangling.jsonl", "link.jsonl"]
    assert sorted(p.name for p in store.iterdir()) == ["new.jsonl", "real.jsonl"]


def test_output_fifo_is_streamed_to(run, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    status, out, err = run(seed_path("004"), seed_path("001"), "-o", fifo)
    reader.join(timeout=60)
    assert (status, out, err) == (0, "", "")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert paths_of(received[0].decode("utf-8")) == [str(seed_path("004")), str(seed_path("001"))]
    assert [p.name for p in tmp_path.iterdir()] == ["fifo"]


def test_output_character_devices_are_streamed_to(run):
    """/dev/null stays the device (run as root, renaming a file onto it would replace it),
    and a terminal's device gets the lines themselves."""
    null = os.stat("/dev/null")
    assert run(seed_path("004"), "-o", "/dev/null")[:2] == (0, "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.stat("/dev/null").st_rdev == null.st_rdev
    main, terminal = pty.openpty()
    received = bytearray()

    def read_terminal():
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    try:
        assert run(seed_path("004"), "-o", os.ttyname(terminal))[:2] == (0, "")
    finally:
        os.close(terminal)
        reader.join(timeout=60)
        os.close(main)
    assert paths_of(received.decode("utf-8").replace("\r\n", "\n")) == [str(seed_path("004"))]


@pytest.mark.parametrize("case", ["input itself", "in a folder input", "a link to an input", "an input links to it",
                                  "a hard link"])  # fmt: skip
def test_output_that_is_an_input_is_refused(case, run_unloaded, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed_path("004"), docs / "report.TXT")
    original = (docs / "report.TXT").read_bytes()
    inputs, out, named = {
        "input itself": ([docs / "report.TXT"], docs / "report.TXT", docs / "report.TXT"),
        "in a folder input": ([docs], docs / "report.TXT", docs / "report.TXT"),
        "a link to an input": ([docs / "report.TXT"], tmp_path / "link.jsonl", docs / "report.TXT"),
        "an input links to it": ([tmp_path / "link.txt"], docs / "report.TXT", tmp_path / "link.txt"),
        "a hard link": ([docs / "report.TXT"], tmp_path / "hard.jsonl", docs / "report.TXT"),
    }[case]
    (tmp_path / "link.jsonl").symlink_to(docs / "report.TXT")
    (tmp_path / "link.txt").symlink_to(docs / "report.TXT")
    os.link(docs / "report.TXT", tmp_path / "hard.jsonl")
    status, stdout, err, loads = run_unloaded(*inputs, "-o", out)
    assert (status, stdout, loads) == (2, "", [])
    assert err == f"python -m nlp.annotate: error: {out}: is also an input ({named}); not overwriting it\n"
    assert (docs / "report.TXT").read_bytes() == original
    assert sorted(p.name for p in docs.iterdir()) == ["report.TXT"]


@pytest.mark.parametrize("out, problem", [("missing/out.jsonl", "no such folder: {tmp}/missing"),
                                          ("folder", "is a folder")])  # fmt: skip
def test_output_usage_errors_before_the_pipeline_loads(out, problem, run_unloaded, tmp_path):
    (tmp_path / "folder").mkdir()
    status, stdout, err, loads = run_unloaded(seed_path("004"), "-o", tmp_path / out)
    assert (status, stdout, loads) == (2, "", [])
    assert err == f"python -m nlp.annotate: error: {tmp_path / out}: {problem.format(tmp=tmp_path)}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_output_into_a_missing_folder_fails_fast_subprocess(tmp_path):
    """The real command: one line, exit 2, and --verbose shows the pipeline never started loading."""
    out = tmp_path / "missing" / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "nlp.annotate", "-v", str(seed_path("004")), "-o", str(out)],
                            capture_output=True, cwd=REPO, timeout=300)  # fmt: skip
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == f"python -m nlp.annotate: error: {out}: no such folder: {out.parent}\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in folders whatever their mode")
def test_output_into_a_folder_without_write_permission_before_loading(run_unloaded, tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0o555)
    try:
        status, stdout, err, loads = run_unloaded(seed_path("004"), "-o", tmp_path / "locked" / "out.jsonl")
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert (status, stdout, loads) == (2, "", [])
    assert err == (f"python -m nlp.annotate: error: {tmp_path / 'locked' / 'out.jsonl'}: "
                   f"cannot write in the folder {tmp_path / 'locked'}\n")  # fmt: skip
