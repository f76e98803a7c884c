"""Importing this package registers every component factory of the toolkit."""
