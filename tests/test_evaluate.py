"""scripts/evaluate.py names a gold file it cannot read in one line, without a traceback."""

import json
import subprocess
import sys

import pytest

from nlp.corpus import read_documents

from .conftest import GOLD, REPO, REPORTS, seed_path


@pytest.mark.parametrize("make_path, problem", [
    (lambda tmp: GOLD, "Is a directory"),
    (lambda tmp: tmp / "missing.jsonl", "No such file or directory"),
    (lambda tmp: seed_path("004"), ":3: not a gold record"),  # lines 1 and 2 are blank
])  # fmt: skip
def test_evaluate_bad_gold_is_one_line(make_path, problem, tmp_path):
    path = make_path(tmp_path)
    result = subprocess.run([sys.executable, "scripts/evaluate.py", str(path)], capture_output=True, text=True,
                            cwd=REPO, timeout=120)  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"evaluate.py: error: {path}") and problem in line


def _gold_line(tmp_path, source, text):
    path = tmp_path / "gold.jsonl"
    unit = {"id": "u1", "source": source, "start": 0, "text": text, "ents": []}
    path.write_text(json.dumps(unit, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_evaluate_reads_documents_from_a_jsonl_gz(tmp_path):
    # --docs may be the gzipped national reports: sources are report ids.
    text = next(d["text"] for d in read_documents(REPORTS) if d["id"] == "gwr-1975")
    gold = _gold_line(tmp_path, "gwr-1975", text[:40])
    result = subprocess.run([sys.executable, "scripts/evaluate.py", str(gold), "--docs", str(REPORTS),
                             "--labels", "SLOGAN"], capture_output=True, text=True, cwd=REPO, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split()[:2] == ["SLOGAN", "exact"]


def test_evaluate_unknown_document_id_is_one_line(tmp_path):
    gold = _gold_line(tmp_path, "gwr-2050", "各位代表")
    result = subprocess.run([sys.executable, "scripts/evaluate.py", str(gold), "--docs", str(REPORTS)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"evaluate.py: error: {REPORTS}: no document with id 'gwr-2050' and a text"]
