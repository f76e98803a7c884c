"""Tests of the toolkit; fixtures in conftest.py."""
