"""Annotate files on a Dask cluster: the same pipeline and JSON lines as ``python -m nlp.annotate``.

Usage: python scripts/annotate_dask.py PATH... -o OUT.jsonl [--scheduler ADDRESS] [--workers 2]
                                       [--segmenter pkuseg|jieba] [--files-per-task 16]

Without ``--scheduler`` it starts a LocalCluster of ``--workers`` single-threaded worker
processes on this machine; with it, it uses that cluster (whose workers must have this package
installed and the pkuseg model folder at the same path, or $NLP_PKUSEG_MODEL set). Tasks carry
file paths and the model folder's path, never the model: each worker process loads the pipeline
once, on its first task, and keeps it. As in the command, a first round of tasks collects the
run-level knowledge of the files (nlp/run_lexicon.py: the slogans and definitions each document
gives), which the client joins and hands to every worker once. Each task of the second round
returns its files' JSON lines; the client writes them in input order as they arrive, so memory
holds a few tasks' results, not the run's.
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


def _pipeline(segmenter: str, pkuseg_model: str | None):
    import nlp

    key = (segmenter, pkuseg_model)
    if key not in _PIPELINES:
        _PIPELINES[key] = nlp.load(segmenter, pkuseg_model=pkuseg_model)
    return _PIPELINES[key]


def collect_files(paths: list[tuple[str, str]], segmenter: str, pkuseg_model: str | None) -> dict[str, list]:
    """Runs on a worker: the run-level knowledge of the readable files among ``paths``."""
    from nlp.readers import InputError, read_document
    from nlp.run_lexicon import collect_run

    def documents():
        for path, absolute in paths:
            try:
                yield path, read_document(absolute).text
            except InputError:
                continue  # the second round reports it

    return collect_run(_pipeline(segmenter, pkuseg_model), documents())


def annotate_files(paths: list[tuple[str, str]], segmenter: str, pkuseg_model: str | None,
                   run: dict[str, list]) -> tuple[list[str], list[str]]:  # fmt: skip
    """Runs on a worker: for ``(path as given, absolute path)`` pairs, the JSON lines of the
    files that could be read (named as given, as python -m nlp.annotate names them), and one
    error message for each that could not; ``run`` is the run's joined knowledge."""
    from nlp.chunking import DEFAULT_MAX_CHARS, annotate_long
    from nlp.output import doc_record
    from nlp.readers import InputError, read_document
    from nlp.run_lexicon import install_run

    pipeline = _pipeline(segmenter, pkuseg_model)
    install_run(pipeline, run)
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
    from nlp.run_lexicon import join_runs

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
        parts = client.map(collect_files, batches, segmenter=args.segmenter, pkuseg_model=model, pure=False)
        run = client.scatter(join_runs(client.gather(parts)), broadcast=True)
        futures = client.map(annotate_files, batches, segmenter=args.segmenter, pkuseg_model=model, run=run,
                             pure=False)  # fmt: skip
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
