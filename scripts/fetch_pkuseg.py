"""Build models/pkuseg from the PyPI source distribution of pkuseg==0.0.25.

spacy-pkuseg would download its models from GitHub at run time, which this toolkit never does.
The pkuseg default model ships inside the pkuseg 0.0.25 sdist (pkuseg/models/default/). This
script fetches that sdist with pip (so it goes through the user's configured index), checks it
and the two model files against pinned sha256 sums, and writes models/pkuseg/ with the feature
table converted from the legacy pickle to features.msgpack (which spacy-pkuseg reads without
pickle), plus the same tables as plain lines, which nlp.load() reads in half the time
(nlp/pkuseg_model.py; they are checked to read back equal). It does nothing when the model is
already in place, and only adds the line tables to a model built before they existed.

Usage: python scripts/fetch_pkuseg.py [--dest models/pkuseg]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

SDIST = "pkuseg==0.0.25"
SDIST_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MODEL_MEMBER = "pkuseg-0.0.25/pkuseg/models/default/"
MODEL_FILES_SHA256 = {
    "features.pkl": "265dcf5534a11d6429776f7e7450a9eef8e075b1a4bedb82ef996994d9c721ac",
    "weights.npz": "95d1632a1fed45993b5006d8ba85939cb110fae71313987673582d24669811dd",
}
# Written last, so its presence means the folder is complete.
STAMP = "SOURCE.json"
# The line tables that nlp.load() reads (nlp.pkuseg_model.FAST_FEATURES and FAST_BIGRAMS; named
# here too so that the check of an existing model needs no import of the package).
FAST_TABLES = ("features.lines", "bigrams.lines")
DEFAULT_DEST = Path(__file__).resolve().parent.parent / "models" / "pkuseg"
# What spacy-pkuseg prints when it reads a model that has only the legacy pickle.
LEGACY_NOTICE = "WARNING: features.msgpack does not exist, try loading features.pkl"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download_sdist(workdir: Path) -> Path:
    """pip download the sdist (pip needs numpy, cython and wheel to read its metadata)."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
               "--no-binary", ":all:", "--no-build-isolation", SDIST, "-d", str(workdir)]  # fmt: skip
    subprocess.run(command, check=True)
    (archive,) = workdir.glob("pkuseg-0.0.25.tar.gz")
    return archive


def extract_model(archive: Path, workdir: Path) -> Path:
    found = sha256(archive)
    if found != SDIST_SHA256:
        raise SystemExit(f"{archive.name}: sha256 {found} is not the pinned {SDIST_SHA256}")
    model = workdir / "model"
    model.mkdir()
    with tarfile.open(archive) as tar:
        for name, expected in MODEL_FILES_SHA256.items():
            member = tar.getmember(MODEL_MEMBER + name)
            with tar.extractfile(member) as source, (model / name).open("wb") as target:
                shutil.copyfileobj(source, target)
            found = sha256(model / name)
            if found != expected:
                raise SystemExit(f"{name}: sha256 {found} is not the pinned {expected}")
    return model


def convert_features(model: Path) -> None:
    """features.pkl -> features.msgpack, with spacy-pkuseg's own reader and writer (the pickle
    is read once, here, after its hash was checked). Reading the pickle, spacy-pkuseg prints
    :data:`LEGACY_NOTICE`, which reads like a failure; here it is what is meant to happen, so
    it is replaced by a line that says so (anything else spacy-pkuseg prints is passed on)."""
    from spacy_pkuseg.feature_extractor import FeatureExtractor

    print("converting the pkuseg model's feature table from the legacy pickle (features.pkl) to features.msgpack …",
          file=sys.stderr)  # fmt: skip
    with contextlib.redirect_stderr(io.StringIO()) as said:
        FeatureExtractor.load(str(model)).save(str(model))
    for line in said.getvalue().splitlines():
        if line != LEGACY_NOTICE:
            print(line, file=sys.stderr)
    (model / "features.pkl").unlink()


def write_fast_tables(model: Path) -> None:
    """The line tables of nlp/pkuseg_model.py, checked to read back equal to the msgpack."""
    from nlp.pkuseg_model import FAST_BIGRAMS, FAST_FEATURES, write_fast_tables as write

    assert (FAST_FEATURES, FAST_BIGRAMS) == FAST_TABLES
    write(model)


def write_stamp(model: Path) -> None:
    stamp = {"sdist": SDIST, "sdist_sha256": SDIST_SHA256,
             "files": {p.name: sha256(p) for p in sorted(model.iterdir()) if p.name != STAMP}}  # fmt: skip
    (model / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args()
    if (args.dest / STAMP).is_file():
        if not all((args.dest / name).is_file() for name in FAST_TABLES):
            print(f"adding the line tables to {args.dest} …", file=sys.stderr)
            write_fast_tables(args.dest)
            write_stamp(args.dest)
        return 0
    print(f"building {args.dest} from the {SDIST} sdist …", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        model = extract_model(download_sdist(workdir), workdir)
        convert_features(model)
        write_fast_tables(model)
        write_stamp(model)
        args.dest.parent.mkdir(parents=True, exist_ok=True)
        if args.dest.exists():
            shutil.rmtree(args.dest)
        shutil.move(str(model), str(args.dest))
    print(f"pkuseg model ready in {args.dest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
