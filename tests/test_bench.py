"""scripts/bench.py on a tiny slice: the figures it reports and the JSON it writes (speed is
measured by the benchmark, never asserted here)."""

import importlib.util
import json
import subprocess
import sys

from .conftest import REPO, SEEDS

spec = importlib.util.spec_from_file_location("bench", REPO / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

CORPUS_KEYS = {"chars", "docs", "bare_cps", "full_cps", "full_jobs2_cps", "pipe_jobs2_cps", "full_over_bare",
               "jobs2_over_full", "pipe_jobs2_over_full"}
SEGMENTER_KEYS = CORPUS_KEYS - {"chars", "docs"} | {"load_s", "import_s", "peak_rss_mb", "corpora"}


def test_read_corpora_slices_each_corpus(tmp_path):
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in ["甲" * 30, "乙" * 30]), encoding="utf-8")
    corpora = bench.read_corpora(corpus, SEEDS, 40)
    assert corpora["national_reports"] == ["甲" * 30, "乙" * 10]
    assert sum(map(len, corpora["seeds"])) == 40


def test_measure_corpus_reports_every_figure(nlp_pkuseg):
    texts = ["全县生产总值完成283.9亿元，增长8.4%。\n", "聚焦“万人助万企”，落实两个确保。\n"]
    figures = bench.measure_corpus(nlp_pkuseg, bench.bare_tokenizer(nlp_pkuseg), texts, repeats=1, batch_size=1)
    assert set(figures) == CORPUS_KEYS
    assert figures["chars"] == sum(map(len, texts)) and figures["docs"] == 2
    assert all(isinstance(figures[key], int) and figures[key] > 0 for key in bench.CPS_KEYS)
    assert all(isinstance(figures[key], float) and figures[key] > 0 for key in bench.RATIOS)


def test_bare_tokenizer_shares_the_segmenter(nlp_pkuseg):
    bare = bench.bare_tokenizer(nlp_pkuseg)
    assert bare.pkuseg_seg is nlp_pkuseg.tokenizer.pkuseg_seg
    assert [t.text for t in bare("全县生产总值完成")] == nlp_pkuseg.tokenizer.segment("全县生产总值完成")


def test_bench_command_writes_json(tmp_path):
    corpus, seeds = tmp_path / "reports.jsonl", tmp_path / "seeds"
    corpus.write_text(json.dumps({"text": "全县生产总值完成283.9亿元，增长8.4%。\n" * 20}) + "\n", encoding="utf-8")
    seeds.mkdir()
    (seeds / "a.txt").write_text("聚焦“万人助万企”，落实两个确保。\n" * 20, encoding="utf-8")
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "bench.py"), "--segmenters", "jieba",
                             "--corpus", str(corpus), "--seeds", str(seeds), "--repeats", "1", "--json", str(out)],
                            capture_output=True, text=True, cwd=REPO, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert set(results) == {"jieba"} and set(results["jieba"]) == SEGMENTER_KEYS
    assert set(results["jieba"]["corpora"]) == {"national_reports", "seeds"}
    assert all(set(row) == CORPUS_KEYS for row in results["jieba"]["corpora"].values())
    assert all(isinstance(results["jieba"][key], float) and results["jieba"][key] > 0
               for key in ("load_s", "import_s", "peak_rss_mb"))  # fmt: skip
    assert "| jieba | national_reports |" in result.stdout
