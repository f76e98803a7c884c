"""Reading documents as researchers have them: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030/GBK; files, folders of ``*.txt`` and standard input.

Every problem becomes an :class:`InputError` whose message is one line naming the file, so the
command can report it and go on with the other inputs.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

STDIN = "-"
# Control characters that real text never holds; their presence means the bytes are not text.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# Above this share of control or unassigned characters a decoded file is called binary.
_MAX_JUNK_SHARE = 0.01
# What decode() does with bytes that are invalid in the file's encoding (the codec's names).
ENCODING_ERRORS = ("strict", "replace")
# A file that is not valid UTF-8 is still read as UTF-8 when at most this share of its bytes
# above ASCII are invalid (see decode()).
MAX_UTF8_INVALID_SHARE = 0.1
REPLACEMENT = "\ufffd"
# The files a folder input stands for, matched case-blind (report.TXT too).
TEXT_SUFFIX = ".txt"


class InputError(Exception):
    """A document that cannot be read; ``str(error)`` is one line naming it."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


def reading_error(path: str | Path, error: ValueError | OSError) -> str:
    """One line naming ``path`` for an error raised while reading a data file (gold, agreement
    and training files): not UTF-8, a bad line (a ValueError whose message names the file and
    the line already), or the system's reason (no such file, a folder …)."""
    if isinstance(error, UnicodeDecodeError):
        return f"{path}: not UTF-8 text"
    if isinstance(error, OSError):
        return f"{path}: {error.strerror or error}"
    return str(error)


class InvalidBytesError(InputError):
    """A text file with bytes that are invalid in its encoding (``errors="replace"`` reads it)."""


@dataclass(frozen=True)
class Document:
    """A decoded document: ``name`` as given (path or ``-``), its text, its encoding and how
    many invalid bytes were replaced by U+FFFD (only with ``errors="replace"``)."""

    name: str
    text: str
    encoding: str
    replaced: int = 0


def decode(data: bytes, name: str, errors: str = "strict") -> Document:
    """Decode a file's bytes; the BOM, if any, is not part of the text.

    The encoding is chosen in this order: a UTF-8 or UTF-16 byte-order mark; valid UTF-8;
    UTF-8 with a few invalid bytes (at most :data:`MAX_UTF8_INVALID_SHARE` of the bytes above
    ASCII, so a damaged UTF-8 file is never read as GB18030 mojibake); else GB18030, which
    also reads GBK. GB18030 text read as UTF-8 has about 65 % of those bytes invalid (the five
    seeds: 64.2–65.2 %), so a valid GB18030 file is read as GB18030.

    ``errors`` is ``"strict"`` (invalid bytes make an :class:`InputError`) or ``"replace"``
    (each invalid byte sequence becomes one U+FFFD, so offsets are offsets into that text,
    and ``replaced`` counts the bytes).

    >>> decode("两个确保".encode("gb18030"), "a.txt").text
    '两个确保'
    >>> document = decode("两个".encode() + b"\\xff" + "确保".encode(), "a.txt", "replace")
    >>> document.text == "两个\\ufffd确保", document.replaced
    (True, 1)
    """
    if errors not in ENCODING_ERRORS:
        raise ValueError(f"errors must be one of {ENCODING_ERRORS}, not {errors!r}")
    if data.startswith(codecs.BOM_UTF8):
        return _after_bom(data, codecs.BOM_UTF8, "utf-8", "utf-8-sig", errors, name)
    if data.startswith(codecs.BOM_UTF16_LE):
        return _after_bom(data, codecs.BOM_UTF16_LE, "utf-16-le", "utf-16", errors, name)
    if data.startswith(codecs.BOM_UTF16_BE):
        return _after_bom(data, codecs.BOM_UTF16_BE, "utf-16-be", "utf-16", errors, name)
    if b"\x00" in data:
        raise InputError(name, "binary file (it holds NUL bytes and no UTF-16 byte-order mark)")
    text, replaced, first = _decode_replacing(data, "utf-8")
    if replaced <= MAX_UTF8_INVALID_SHARE * sum(byte >= 0x80 for byte in data):
        if replaced and errors == "strict":
            raise InvalidBytesError(name, f"invalid UTF-8 at byte {first} ({replaced} invalid bytes in all)")
        _check_text(text, name)
        return Document(name, text, "utf-8", replaced)
    text, replaced, _ = _decode_replacing(data, "gb18030")
    if replaced and errors == "strict":
        raise InputError(name, "cannot be decoded as UTF-8, UTF-16 or GB18030")
    _check_text(text, name)
    return Document(name, text, "gb18030", replaced)


def _after_bom(data: bytes, bom: bytes, codec: str, encoding: str, errors: str, name: str) -> Document:
    """``data`` after its ``bom`` decoded with ``codec`` (``utf-16-le``: the BOM said which);
    ``encoding`` is the name reported (``utf-8-sig``, ``utf-16``)."""
    text, replaced, first = _decode_replacing(data[len(bom):], codec)
    if replaced and errors == "strict":
        family = encoding.removesuffix("-sig").upper()
        raise InvalidBytesError(name, f"invalid {family} at byte {len(bom) + first} ({replaced} invalid bytes in all)")
    _check_text(text, name)
    return Document(name, text, encoding, replaced)


def _decode_replacing(data: bytes, codec: str) -> tuple[str, int, int | None]:
    """``(text, replaced, first)``: ``data`` decoded with each invalid byte sequence as one
    U+FFFD (what ``data.decode(codec, "replace")`` gives), the number of bytes so replaced and
    the offset of the first. Each byte is decoded at most twice, however many are invalid."""
    view, pieces, replaced, first, position = memoryview(data), [], 0, None, 0
    while True:
        try:
            pieces.append(str(view[position:], codec))
            return "".join(pieces), replaced, first
        except UnicodeDecodeError as error:
            pieces.append(str(view[position:position + error.start], codec))
            pieces.append(REPLACEMENT)
            first = position + error.start if first is None else first
            replaced += error.end - error.start
            position += error.end


def _check_text(text: str, name: str) -> None:
    junk = sum(
        1
        for ch in text
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    if junk and junk > _MAX_JUNK_SHARE * len(text):
        raise InputError(name, "binary file (it decodes to control characters, not text)")


def read_document(path: str, errors: str = "strict") -> Document:
    """Read and decode one file, or standard input for ``-`` (``errors``: see :func:`decode`)."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>", errors)
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        if file.is_symlink():
            raise InputError(path, f"dangling symbolic link (to {os.readlink(file)})") from None
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, error.strerror or "cannot be read") from None
    return decode(data, path, errors)


def expand_paths(paths: Iterable[str | InputError]) -> Iterator[str | InputError]:
    """Each input named by ``paths``: files as given, folders as their ``*.txt`` files (any
    case: ``*.TXT`` too; recursively, sorted; links to folders are not followed), ``-`` as
    standard input. An :class:`InputError` stands for a missing path, a folder without such
    files, and each entry of a folder that is skipped: a subfolder that cannot be listed, a
    ``*.txt`` that is a dangling link or not a regular file (a named pipe would block). Errors
    among ``paths`` pass through, so expanding what was expanded changes nothing."""
    for path in paths:
        if path == STDIN or isinstance(path, InputError):
            yield path
            continue
        folder = Path(path)
        if folder.is_dir():
            found = _folder_texts(path)
            if not found:
                yield InputError(path, "folder holds no .txt files")
            yield from (item for _, item in found)
        elif folder.exists() or folder.is_symlink():
            yield path
        else:
            yield InputError(path, "no such file or folder")


def _folder_texts(folder: str) -> list[tuple[str, str | InputError]]:
    """``(path, path or InputError)`` for the text files under ``folder`` and the entries
    skipped there, sorted by path."""
    found: list[tuple[str, str | InputError]] = []

    def unlisted(error: OSError) -> None:
        found.append((error.filename, InputError(error.filename, f"folder cannot be read: {error.strerror}")))

    for parent, folders, files in os.walk(folder, onerror=unlisted):
        folders.sort()
        for name in files + folders:
            if not name.lower().endswith(TEXT_SUFFIX):
                continue
            path = os.path.join(parent, name)
            try:
                mode = os.stat(path).st_mode
            except FileNotFoundError:
                found.append((path, InputError(path, f"skipped: dangling symbolic link (to {os.readlink(path)})")))
                continue
            except OSError as error:
                found.append((path, InputError(path, f"skipped: {error.strerror}")))
                continue
            if stat.S_ISREG(mode):
                found.append((path, path))
            elif not stat.S_ISDIR(mode):
                found.append((path, InputError(path, "skipped: not a regular file")))
    return sorted(found, key=lambda pair: Path(pair[0]).parts)


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
