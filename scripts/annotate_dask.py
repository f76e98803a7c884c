"""Annotate files on a Dask cluster: the same pipeline and JSON lines as ``python -m nlp.annotate``.

Usage: python scripts/annotate_dask.py PATH... -o OUT.jsonl [--scheduler ADDRESS] [--workers 2]
                                       [--segmenter pkuseg|jieba] [--files-per-task 16]

Without ``--scheduler`` it starts a LocalCluster of ``--workers`` single-threaded worker
processes on this machine; with it, it uses that cluster (whose workers must have this package
installed and the pkuseg model folder at the same path, or $NLP_PKUSEG_MODEL set). Tasks carry
file paths and the model folder's path, never the model: each worker process loads the pipeline
once, on its first task, and keeps it. Each task returns its files' JSON lines; the client writes
them in input order as they arrive, so memory holds a few tasks' results, not the run's.
Documents longer than the annotate command's ``--max-chars`` are annotated in chunks.
Needs the ``dist`` extra: ``pip install -e ".[dist]"``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# The pipeline of this worker process, by (segmenter, model folder): loaded on the first task.
_PIPELINES: dict = {}


def annotate_files(paths: list[tuple[str, str]], segmenter: str, pkuseg_model: str | None) -> tuple[list[str], list[str]]:
    """Runs on a worker: for ``(path as given, absolute path)`` pairs, the JSON lines of the
    files that could be read (named as given, as python -m nlp.annotate names them), and one
    error message for each that could not."""
    import nlp
    from nlp.chunking import DEFAULT_MAX_CHARS, annotate_long
    from nlp.output import doc_record
    from nlp.readers import InputError, read_document

    key = (segmenter, pkuseg_model)
    if key not in _PIPELINES:
        _PIPELINES[key] = nlp.load(segmenter, pkuseg_model=pkuseg_model)
    pipeline = _PIPELINES[key]
    lines, errors = [], []
    for path, absolute in paths:
        try:
            document = read_document(absolute)
        except InputError as error:
            errors.append(f"{path}: {error.problem}")
            continue
        if len(document.text) > DEFAULT_MAX_CHARS:
            record = annotate_long(pipeline, document.text, path)
        else:
            record = doc_record(pipeline(document.text), path)
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (their *.txt)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--segmenter", choices=("pkuseg", "jieba"), default="pkuseg")
    parser.add_argument("--files-per-task", type=int, default=16, metavar="N")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    from nlp.destination import open_output, resolve_output
    from nlp.pipeline import pkuseg_model_path
    from nlp.readers import InputError, expand_paths

    model = str(pkuseg_model_path()) if args.segmenter == "pkuseg" else None
    files, failures = [], 0
    for item in expand_paths(args.paths):
        if isinstance(item, InputError):
            print(f"error: {item}", file=sys.stderr)
            failures += 1
        else:
            files.append((item, str(Path(item).resolve())))
    batches = [files[i:i + args.files_per_task] for i in range(0, len(files), args.files_per_task)]
    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
    with Client(args.scheduler or cluster) as client:
        futures = client.map(annotate_files, batches, segmenter=args.segmenter, pkuseg_model=model, pure=False)
        with open_output(resolve_output(str(args.output))) as out:
            for future in futures:
                lines, errors = future.result()
                out.writelines(line + "\n" for line in lines)
                for error in errors:
                    print(f"error: {error}", file=sys.stderr)
                failures += len(errors)
                future.release()
    if cluster is not None:
        cluster.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
