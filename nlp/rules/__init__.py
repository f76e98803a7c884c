"""Regexes and word lists of the components: data only, no logic."""
