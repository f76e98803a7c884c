"""Importing this package registers every component factory of the toolkit."""
from . import indicators  # noqa: F401
