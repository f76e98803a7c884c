"""Reading documents as researchers have them: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030/GBK; files, folders of ``*.txt`` and standard input.

Every problem becomes an :class:`InputError` whose message is one line naming the file, so the
command can report it and go on with the other inputs.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

STDIN = "-"
# Control characters that real text never holds; their presence means the bytes are not text.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# Above this share of control or unassigned characters a decoded file is called binary.
_MAX_JUNK_SHARE = 0.01


class InputError(Exception):
    """A document that cannot be read; ``str(error)`` is one line naming it."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


@dataclass(frozen=True)
class Document:
    """A decoded document: ``name`` as given (path or ``-``), its text and its encoding."""

    name: str
    text: str
    encoding: str


def decode(data: bytes, name: str) -> Document:
    """Decode a file's bytes; the BOM, if any, is not part of the text.

    >>> decode("两个确保".encode("gb18030"), "a.txt").text
    '两个确保'
    """
    if data.startswith(codecs.BOM_UTF8):
        return Document(name, _decode(data[len(codecs.BOM_UTF8):], "utf-8", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Document(name, _decode(data, "utf-16", name), "utf-16")
    if b"\x00" in data:
        raise InputError(name, "binary file (it holds NUL bytes and no UTF-16 byte-order mark)")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _check_text(text, name)
        return Document(name, text, encoding)
    raise InputError(name, "cannot be decoded as UTF-8, UTF-16 or GB18030")


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(name, f"invalid {encoding.upper()} at byte {error.start}") from None
    _check_text(text, name)
    return text


def _check_text(text: str, name: str) -> None:
    junk = sum(
        1
        for ch in text
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    if junk and junk > _MAX_JUNK_SHARE * len(text):
        raise InputError(name, "binary file (it decodes to control characters, not text)")


def read_document(path: str) -> Document:
    """Read and decode one file, or standard input for ``-``."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, error.strerror or "cannot be read") from None
    return decode(data, path)


def expand_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Each input named by ``paths``: files as given, folders as their ``*.txt`` files
    (recursively, sorted), ``-`` as standard input; an :class:`InputError` for a missing path or
    a folder without ``.txt`` files."""
    for path in paths:
        if path == STDIN:
            yield path
            continue
        folder = Path(path)
        if folder.is_dir():
            files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
            if not files:
                yield InputError(path, "folder holds no .txt files")
            yield from (str(p) for p in files)
        elif folder.exists() or folder.is_symlink():
            yield path
        else:
            yield InputError(path, "no such file or folder")


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    """The documents named by ``paths`` in order, with an error in place of each unreadable one."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_document(item)
        except InputError as error:
            yield error
