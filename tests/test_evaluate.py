"""scripts/evaluate.py names a gold file it cannot read in one line, without a traceback."""

import subprocess
import sys

import pytest

from .conftest import GOLD, REPO, seed_path


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
