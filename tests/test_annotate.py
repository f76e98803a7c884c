"""The annotate command as researchers use it: formats, offsets, encodings and bad input."""

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys

import pytest

import nlp.pipeline
from nlp import annotate
from nlp.output import JsonlWriter
from nlp.summary import NEXT_STEPS

from .conftest import REPO, SEEDS, seed_path, seed_text


@pytest.fixture
def run(nlp_pkuseg, monkeypatch, capsys):
    """Run the command in-process with the session's pipeline; returns (status, out, err)."""
    monkeypatch.setattr(nlp.pipeline, "load", lambda *args, **kwargs: nlp_pkuseg)

    def invoke(*argv):
        status = annotate.main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]



def read_terminal(main: int) -> bytes:
    """Everything shown on a pseudo-terminal, read from its ``main`` side until it closes."""
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            return shown
        if not chunk:
            return shown
        shown += chunk

def test_annotate_seeds_folder_offsets_point_into_original(run):
    status, out, err = run(str(SEEDS))
    assert status == 0 and err == ""
    lines = records(out)
    assert [r["path"] for r in lines] == [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    for record in lines:
        raw = open(record["path"], encoding="utf-8").read()
        assert set(record) == {"path", "ents", "glossary"}
        for ent in record["ents"]:
            assert "".join(raw[ent["start"]:ent["end"]].split()) == "".join(ent["text"].split())


def test_annotate_gb18030_equals_utf8(run, tmp_path):
    text = seed_text("001")
    for folder, data in (("utf8", text.encode("utf-8")), ("gb", text.encode("gb18030")), ("u16", text.encode("utf-16"))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_bytes(data)
    status, out, _ = run(*(str(tmp_path / folder / "report.txt") for folder in ("utf8", "gb", "u16")))
    assert status == 0
    utf8, gb, u16 = ({k: v for k, v in r.items() if k != "path"} for r in records(out))
    assert utf8 == gb == u16
    assert len(utf8["ents"]) > 100 and len(utf8["glossary"]) == 32


def test_annotate_own_glossary_entries_name_their_file(run):
    status, out, _ = run(str(seed_path("001")))
    (record,) = records(out)
    assert {entry["source"] for entry in record["glossary"]} == {seed_path("001").name}
    linked = [e for e in record["ents"] if e["label"] == "SLOGAN" and e["link"]]
    assert linked and all(e["link"]["source"] for e in linked)


def test_annotate_bad_inputs_one_line_each(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (tmp_path / "nofiles").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    good = str(seed_path("004"))
    status, out, err = run(str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"), str(tmp_path / "broken.txt"),
                           str(tmp_path / "missing.txt"), str(tmp_path / "nofiles"),
                           str(tmp_path / "dangling.txt"), good)  # fmt: skip
    assert status == 1
    assert records(out) == [{"path": str(tmp_path / "empty.txt"), "ents": [], "glossary": []}] + [
        r for r in records(out) if r["path"] == good
    ]
    assert err.splitlines() == [
        f"python -m nlp.annotate: error: {tmp_path / 'binary.txt'}: binary file (it holds NUL bytes and no UTF-16 byte-order mark)",
        f"python -m nlp.annotate: error: {tmp_path / 'broken.txt'}: invalid UTF-16 at byte 2 (2 invalid bytes in all); "
        "--encoding-errors replace annotates the rest",
        f"python -m nlp.annotate: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"python -m nlp.annotate: error: {tmp_path / 'nofiles'}: folder holds no .txt files",
        f"python -m nlp.annotate: error: {tmp_path / 'dangling.txt'}: dangling symbolic link (to {tmp_path / 'gone.txt'})",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_annotate_unreadable_file(run, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("两个确保", encoding="utf-8")
    locked.chmod(0)
    status, out, err = run(str(locked))
    assert (status, out) == (1, "")
    assert err == f"python -m nlp.annotate: error: {locked}: permission denied\n"


def test_annotate_output_file_is_replaced_only_on_success(run, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    calls = []

    def failing_write(self, piece):
        calls.append(piece)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        self.stream.write("partial\n")

    monkeypatch.setattr(JsonlWriter, "write", failing_write)
    with pytest.raises(RuntimeError):
        run(str(seed_path("004")), str(seed_path("001")), "-o", str(out))
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_annotate_writes_output_file(run, tmp_path):
    out = tmp_path / "out.jsonl"
    status, stdout, _ = run(str(seed_path("004")), "-o", str(out))
    assert (status, stdout) == (0, "")
    assert records(out.read_text(encoding="utf-8"))[0]["path"] == str(seed_path("004"))


def test_annotate_output_file_gets_ordinary_permissions(run, tmp_path):
    """The temporary file is private; OUT is not: a new one follows the umask, an old one
    keeps its mode."""
    new, old = tmp_path / "new.jsonl", tmp_path / "old.jsonl"
    old.write_text("previous run\n", encoding="utf-8")
    old.chmod(0o640)
    umask = os.umask(0o022)
    try:
        assert run(str(seed_path("004")), "-o", str(new))[0] == 0
        assert run(str(seed_path("004")), "-o", str(old))[0] == 0
    finally:
        os.umask(umask)
    assert (stat.S_IMODE(new.stat().st_mode), stat.S_IMODE(old.stat().st_mode)) == (0o644, 0o640)


def test_annotate_tsv_and_html(run):
    status, out, _ = run("--format", "tsv", str(seed_path("004")))
    header = out.splitlines()[0].split("\t")
    assert status == 0 and header[:5] == ["path", "start", "end", "label", "text"]
    assert all(len(line.split("\t")) == len(header) for line in out.splitlines())
    status, out, _ = run("--format", "html", str(seed_path("004")), str(seed_path("001")))
    assert status == 0 and out.startswith("<!DOCTYPE html>") and out.count("<h2") == 2


def test_annotate_usage_error_exits_2(run):
    with pytest.raises(SystemExit) as exit_:
        run("--format", "xml", str(seed_path("004")))
    assert exit_.value.code == 2


def test_annotate_stdin_subprocess():
    """The real command, as a user types it, reading standard input."""
    result = subprocess.run([sys.executable, "-m", "nlp.annotate", "-"], input=seed_text("004").encode("gb18030"),
                            capture_output=True, cwd=REPO, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    (record,) = records(result.stdout.decode("utf-8"))
    assert record["path"] == "<stdin>"


def test_annotate_links_against_a_users_glossary(tmp_path):
    glossary = tmp_path / "mine.jsonl"
    entry = {"term": "五聚五提", "definition": "聚焦五个方面、提升五种能力（测试用定义）", "source": "mine.txt",
             "section": "名词解释", "number": 1, "start": 0, "end": 20}  # fmt: skip
    glossary.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "nlp.annotate", "--segmenter", "jieba", "--glossary", str(glossary),
                             str(seed_path("004"))], capture_output=True, cwd=REPO, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    (record,) = records(result.stdout.decode("utf-8"))
    links = {e["text"]: e["link"] for e in record["ents"] if e["label"] == "SLOGAN"}
    assert links["五聚五提"]["definition"] == entry["definition"] and links["五聚五提"]["source"] == "mine.txt"
    assert links["两个确保"] is None  # the shipped glossary is not loaded with --glossary


def test_annotate_malformed_glossary_is_one_line_exit_2(tmp_path):
    glossary = tmp_path / "broken.jsonl"
    glossary.write_text('{"term": "五聚五提"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "nlp.annotate", "--segmenter", "jieba", "--glossary", str(glossary),
                             str(seed_path("004"))], capture_output=True, cwd=REPO, timeout=300)  # fmt: skip
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode().startswith(f"python -m nlp.annotate: error: cannot load the pipeline: {glossary}:1: not a glossary entry")
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_annotate_progress_bar_only_on_a_terminal(tmp_path):
    """Several files on a terminal: a progress bar on standard error (the other tests show
    none when standard error is not a terminal)."""
    import fcntl
    import pty
    import struct
    import termios

    main, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    command = [sys.executable, "-m", "nlp.annotate", str(SEEDS), "--segmenter", "jieba", "-o", str(tmp_path / "out.jsonl")]
    process = subprocess.Popen(command, stderr=terminal, stdout=subprocess.DEVNULL, cwd=REPO)
    os.close(terminal)
    shown = read_terminal(main)
    assert process.wait(timeout=300) == 0
    assert "5/5" in shown.decode("utf-8", errors="replace")
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_annotate_into_a_closed_pipe_stops_quietly():
    """`python -m nlp.annotate seeds/ | head -1`: the reader stops early; no error line."""
    process = subprocess.Popen([sys.executable, "-m", "nlp.annotate", str(SEEDS), "--segmenter", "jieba"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)  # fmt: skip
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=300) == annotate.BROKEN_PIPE_STATUS
    assert process.stderr.read() == b""


def test_annotate_dask_equals_the_command(tmp_path, run):
    """scripts/annotate_dask.py on a one-worker local cluster writes what the command writes,
    named as given, and names an unreadable input in one line."""
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    inputs = [str(seed_path("004")), str(seed_path("001")), str(tmp_path / "binary.txt")]
    result = subprocess.run([sys.executable, "scripts/annotate_dask.py", *inputs, "-o", str(tmp_path / "dask.jsonl"),
                             "--workers", "1"], capture_output=True, cwd=REPO, timeout=300)  # fmt: skip
    assert result.returncode == 1
    assert f"error: {tmp_path / 'binary.txt'}: binary file".encode() in result.stderr
    _, expected, _ = run(*inputs[:2])
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == expected


def command(*argv, **options) -> subprocess.CompletedProcess:
    """The real command in a subprocess (jieba: it loads faster and the behaviour under test
    is not the segmenter's)."""
    return subprocess.run([sys.executable, "-m", "nlp.annotate", "--segmenter", "jieba", *map(str, argv)],
                          capture_output=True, cwd=REPO, timeout=300, **options)  # fmt: skip


def interrupted_at(marker: str, *argv) -> tuple[int, list[str]]:
    """Run the command with --verbose, send Ctrl-C (SIGINT) once ``marker`` shows on standard
    error, and return its exit status and standard error's lines."""
    process = subprocess.Popen([sys.executable, "-m", "nlp.annotate", "-v", *map(str, argv)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)  # fmt: skip
    lines = []
    for line in process.stderr:
        lines.append(line.decode("utf-8").rstrip("\n"))
        if marker in lines[-1]:
            process.send_signal(signal.SIGINT)
            break
    lines += process.stderr.read().decode("utf-8").splitlines()
    return process.wait(timeout=300), lines


def test_annotate_ctrl_c_while_the_pipeline_loads(tmp_path):
    """Ctrl-C once loading has begun (it takes seconds): one line, exit 130, no output."""
    out = tmp_path / "out.jsonl"
    status, lines = interrupted_at("loading the pipeline", seed_path("004"), "-o", out)
    assert (status, lines) == (annotate.INTERRUPTED_STATUS, [
        "python -m nlp.annotate: loading the pipeline (pkuseg segmenter) …",
        "python -m nlp.annotate: interrupted; no output written",
    ])  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_annotate_ctrl_c_while_annotating(tmp_path):
    """Ctrl-C once the pipeline is loaded, with far more to annotate than it can do before the
    signal comes: one line, exit 130, OUT left as it was."""
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    status, lines = interrupted_at("pipeline loaded", *[SEEDS] * 50, "-o", out)
    assert status == annotate.INTERRUPTED_STATUS
    assert lines[0] == "python -m nlp.annotate: loading the pipeline (pkuseg segmenter) …"
    assert lines[1].startswith("python -m nlp.annotate: pipeline loaded in ")
    assert lines[2:] == ["python -m nlp.annotate: interrupted; no output written"]
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def damaged_seed(tmp_path) -> tuple[str, str, int]:
    """Seed 004 in UTF-8 with a stray byte at the end of each of three paragraphs: the file,
    its text as decoded with replacements, and the offset of the first stray byte."""
    lines = seed_text("004").split("\n")
    first = len("\n".join(lines[:4]).encode("utf-8"))
    for number in (3, 10, 20):
        lines[number] += "\udcff"  # the stray byte 0xFF, through surrogateescape
    data = "\n".join(lines).encode("utf-8", "surrogateescape")
    (tmp_path / "damaged.txt").write_bytes(data)
    return str(tmp_path / "damaged.txt"), data.decode("utf-8", "replace"), first


def test_annotate_invalid_bytes_are_an_error_by_default(tmp_path):
    path, _, first = damaged_seed(tmp_path)
    result = command(path, seed_path("000"))
    assert result.returncode == 1
    assert [record["path"] for record in records(result.stdout.decode())] == [str(seed_path("000"))]
    assert result.stderr.decode() == (f"python -m nlp.annotate: error: {path}: invalid UTF-8 at byte {first} "
                                      "(3 invalid bytes in all); --encoding-errors replace annotates the rest\n")  # fmt: skip


def test_annotate_encoding_errors_replace(tmp_path):
    """The damaged file is annotated, the count reported in one line; offsets point into the
    text with one U+FFFD per stray byte, and the entities are those of the clean file."""
    path, text, _ = damaged_seed(tmp_path)
    result = command(path, seed_path("004"), "--encoding-errors", "replace")
    assert result.returncode == 0
    assert result.stderr.decode() == f"python -m nlp.annotate: warning: {path}: 3 invalid UTF-8 bytes replaced by U+FFFD\n"
    damaged, clean = records(result.stdout.decode())
    assert damaged["ents"] and text.count("\ufffd") == 3
    for ent in damaged["ents"]:
        assert "".join(text[ent["start"]:ent["end"]].split()) == "".join(ent["text"].split())

    def without_offsets(record):
        return [{k: v for k, v in ent.items() if k not in ("start", "end", "task")} for ent in record["ents"]]

    assert without_offsets(damaged) == without_offsets(clean)


def test_annotate_folder_any_case_and_skipped_entries(tmp_path):
    """*.TXT and *.Txt are read; a dangling link is named in one line and counts as a failure
    (a document that should be there is not), the rest is annotated."""
    for name, prefix in (("a.TXT", "004"), ("b.Txt", "000"), ("c.txt", "004")):
        shutil.copy(seed_path(prefix), tmp_path / name)
    (tmp_path / "d.txt").symlink_to(tmp_path / "gone.txt")
    result = command(tmp_path)
    assert result.returncode == 1
    assert [r["path"] for r in records(result.stdout.decode())] == [str(tmp_path / n) for n in ("a.TXT", "b.Txt", "c.txt")]
    assert result.stderr.decode() == (f"python -m nlp.annotate: error: {tmp_path / 'd.txt'}: "
                                      f"skipped: dangling symbolic link (to {tmp_path / 'gone.txt'})\n")  # fmt: skip


def test_annotate_summary_on_a_terminal(run):
    """On a terminal, without -o: a line of counts per document and where to look next, no
    JSON; the counts are those of the JSON lines."""
    import pty

    _, out, _ = run(str(seed_path("004")), str(seed_path("001")))
    expected = []
    for record in records(out):
        labels = [e["label"] for e in record["ents"]]
        linked = sum(1 for e in record["ents"] if e["label"] == "SLOGAN" and e["link"])
        expected.append(f"{record['path']}: {labels.count('SLOGAN')} SLOGAN ({linked} linked), "
                        f"{labels.count('INDICATOR')} INDICATOR, {labels.count('RESP_UNIT')} RESP_UNIT; "
                        f"{len(record['glossary'])} glossary entr{'y' if len(record['glossary']) == 1 else 'ies'}")  # fmt: skip
    main, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "nlp.annotate", str(seed_path("004")), str(seed_path("001"))],
                               stdout=terminal, stderr=subprocess.PIPE, cwd=REPO)  # fmt: skip
    os.close(terminal)
    shown = read_terminal(main)
    os.close(main)
    assert process.wait(timeout=300) == 0, process.stderr.read().decode()
    assert shown.decode("utf-8").replace("\r\n", "\n") == "\n".join(expected) + "\n\n" + NEXT_STEPS


def test_annotate_summary_of_chunks_and_workers_equals_the_whole(nlp_jieba):
    """Long documents cut in chunks and shared among two workers count what one pass does."""
    import io

    from nlp.summary import SummaryWriter

    summaries = []
    for options in ({}, {"max_chars": 8_000, "jobs": 2, "batch_size": 2}):
        stream = io.StringIO()
        assert annotate.annotate([str(SEEDS)], nlp_jieba, SummaryWriter(stream), **options) == 0
        summaries.append(stream.getvalue())
    # The chunks before a document's glossary section see its definitions only as the run's
    # (nlp/run_lexicon.py), which link on the exact term alone: the linked counts may differ.
    counts = [re.sub(r" \(\d+ linked\)", "", summary) for summary in summaries]
    assert counts[0] == counts[1]
    assert len(summaries[0].split("\n\n")[0].splitlines()) == 5
