"""The target-vs-outturn ledger: the targets each work report sets for a year beside the
outturns later reports give for it, one row per indicator and year (``python -m nlp.ledger``).

observations.py reads an annotated report's INDICATOR spans as targets and outturns of
indicator-years, years.py dates reports and values, table.py pairs them and judges ``met``,
writers.py writes JSON lines, CSV and HTML; the wording-to-key table and the qualifier
semantics are data in nlp/rules/ledger_keys.py.
"""
