"""The national SLOGAN gold (corpora/gold/national_slogans.jsonl) and its decisions file agree
with the reports they annotate: units are the report's text at their offsets and cover every
paragraph, spans hold no quotation mark and never overlap, every annotated report has
decisions, and every string decided `yes` is tagged somewhere in its report. The independent
annotators' spans of the agreement check point into the reports, and
scripts/slogan_agreement.py scores them."""

import csv
import subprocess
import sys
from collections import defaultdict

import pytest

from nlp.corpus import read_documents, read_gold

from .conftest import GOLD, REPO, REPORTS

QUOTES = "“”‘’「」『』\"'"


@pytest.fixture(scope="module")
def reports():
    return {d["id"]: d["text"] for d in read_documents(REPORTS)}


@pytest.fixture(scope="module")
def units():
    return read_gold(GOLD / "national_slogans.jsonl")


@pytest.fixture(scope="module")
def decisions():
    with open(GOLD / "national_slogan_decisions.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_national_gold_units_are_the_reports_text(reports, units):
    for unit in units:
        assert reports[unit.source][unit.start:unit.start + len(unit.text)] == unit.text, unit.id


def test_national_gold_units_cover_every_paragraph(reports, units):
    covered = defaultdict(set)
    for unit in units:
        covered[unit.source].update(range(unit.start, unit.start + len(unit.text)))
    for source, offsets in covered.items():
        text = reports[source]
        missing = [i for i, ch in enumerate(text) if not ch.isspace() and i not in offsets]
        assert not missing, f"{source}: text at {missing[:3]} is in no unit"


def test_national_gold_spans_hold_no_quote_and_never_overlap(reports, units):
    spans = defaultdict(list)
    for unit in units:
        for ent in unit.ents:
            assert ent["label"] == "SLOGAN" and ent["start"] < ent["end"], unit.id
            text = reports[unit.source][ent["start"]:ent["end"]]
            assert not any(q in text for q in QUOTES), (unit.id, text)
            spans[unit.source].append((ent["start"], ent["end"]))
    for source, found in spans.items():
        found.sort()
        assert all(a[1] <= b[0] for a, b in zip(found, found[1:])), source


def test_national_gold_decisions_name_the_annotated_reports(reports, units, decisions):
    annotated = {unit.source for unit in units}
    assert {row["report"] for row in decisions} == annotated
    assert all(row["decision"] in ("yes", "no") and row["reason"].strip() for row in decisions)
    tagged = defaultdict(set)
    for unit in units:
        for ent in unit.ents:
            tagged[unit.source].add(reports[unit.source][ent["start"]:ent["end"]].replace("\n", ""))
    # A `yes` string (a qualifier in parentheses may tell two uses apart) is tagged in its
    # report, on its own or inside a longer span (政企分开 of 政企分开、转变职能、…).
    untagged = [(row["report"], row["string"]) for row in decisions if row["decision"] == "yes"
                and not any(_bare(row["string"]) in _bare(t) for t in tagged[row["report"]])]
    assert not untagged


def _bare(string: str) -> str:
    """A decided or tagged string without a qualifier in parentheses and without spaces."""
    return "".join(string.split("（")[0].split(" (")[0].split())


def test_national_gold_agreement_spans_are_the_reports_text(reports):
    # The independent annotators' spans (corpora/README.md, "Agreement") point into the reports.
    with open(GOLD / "national_slogan_agreement.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 380 and {r["annotator"] for r in rows} == set("ABCD")
    for row in rows:
        text = reports[row["report"]][int(row["start"]):int(row["end"])]
        assert text == row["string"] and not any(q in text for q in QUOTES), row


def test_national_gold_agreement_figures():
    # scripts/slogan_agreement.py: each annotator against the gold, pairs, and all together.
    result = subprocess.run([sys.executable, "scripts/slogan_agreement.py"], capture_output=True, text=True,
                            cwd=REPO, check=True)  # fmt: skip
    lines = [line.split() for line in result.stdout.splitlines()]
    assert lines[1][-6:] == ["82", "83", "82", "1.000", "0.988", "0.994"]  # A vs gold
    assert lines[-1] == ["all", "annotators", "vs", "gold", "380", "382", "370", "0.974", "0.969", "0.971"]


@pytest.mark.parametrize("content, message", [
    (b"annotator\treport\tstart\tend\nA\tgwr-1984\tx\t3\n", "line 2: needs the columns annotator, report, start, end"),
    (b"\xff\xfe", "not UTF-8 text"),
])
def test_national_gold_agreement_bad_file_is_one_line(tmp_path, content, message):
    bad = tmp_path / "agreement.tsv"
    bad.write_bytes(content)
    result = subprocess.run([sys.executable, "scripts/slogan_agreement.py", "--agreement", str(bad)],
                            capture_output=True, text=True, cwd=REPO)  # fmt: skip
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"slogan_agreement.py: error: {bad}") and message in result.stderr
