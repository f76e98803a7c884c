#!/usr/bin/env bash
# Set up everything from a fresh clone, idempotently: a virtual environment in .venv with the
# package (editable) and its test extras, and the pkuseg model in models/pkuseg. A second run
# only checks that both are in place.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # numpy, cython and wheel first: pip needs them to read the pkuseg sdist's metadata.
  .venv/bin/python -m pip install --quiet numpy "cython>=3,<4" wheel
  # setuptools warns on every editable install that folders named like the package could be
  # imported instead of it (a general caution that reads like a failure); set-up means it.
  PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install --quiet -e ".[test,setup]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
.venv/bin/python scripts/fetch_pkuseg.py
