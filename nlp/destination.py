"""Where the command's output goes, chosen so that writing it never destroys anything.

``-o OUT`` may name:

- nothing yet, or a regular file: the output goes to a temporary file beside it that replaces
  it only when the run ends (an interrupted or failed run leaves OUT as it was);
- a symbolic link: the same, beside the link's target and onto it, so the link stays a link
  and its target gets the output;
- a named pipe or a character device (``/dev/stdout``, a terminal): the output is written to
  it directly, as it is made (renaming a file onto it would replace the pipe or the device
  node, and its reader would wait for ever);
- ``-``: standard output.

Everything here is checked before the pipeline loads (about 2 s), so a mistyped folder or an
OUT that is also an input is refused at once, as a usage error.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, TextIO

STDOUT = "-"


class OutputError(Exception):
    """An OUT that cannot or must not be written; ``str(error)`` is one line naming it."""


@dataclass(frozen=True)
class Destination:
    """``name`` as given (None: standard output); ``replaces``: the regular file that a
    temporary file replaces when the run ends (None when the output is streamed)."""

    name: str | None
    replaces: Path | None = None

    @property
    def streamed(self) -> bool:
        return self.replaces is None


def resolve_output(name: str | None) -> Destination:
    """The destination ``-o name`` stands for, or an :class:`OutputError` for a folder, a
    missing folder or one without write permission, a block device or a socket."""
    if name is None or name == STDOUT:
        return Destination(None)
    try:
        mode = os.stat(name).st_mode  # through symbolic links
    except FileNotFoundError:  # a new file, or the target of a dangling link
        mode = stat.S_IFREG
    except OSError as error:
        raise OutputError(f"{name}: {error.strerror}") from None
    if stat.S_ISREG(mode):
        return Destination(name, _replaceable(name, Path(os.path.realpath(name))))
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return Destination(name)
    if stat.S_ISDIR(mode):
        raise OutputError(f"{name}: is a folder")
    raise OutputError(f"{name}: not a regular file, named pipe or character device")


def _replaceable(name: str, target: Path) -> Path:
    """``target``, if a file can be made beside it (the temporary file that replaces it)."""
    if not target.parent.is_dir():
        raise OutputError(f"{name}: no such folder: {target.parent}")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise OutputError(f"{name}: cannot write in the folder {target.parent}")
    return target


def refuse_inputs(destination: Destination, inputs: Iterable[str]) -> None:
    """An :class:`OutputError` if the file that ``destination`` writes is one of ``inputs``
    (the same file, by device and inode: through links, hard links and folder inputs alike)."""
    if destination.name is None:
        return
    try:
        out = os.stat(destination.name)
    except OSError:  # OUT does not exist yet: no input can be it
        return
    for path in inputs:
        try:
            found = os.stat(path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (out.st_dev, out.st_ino):
            raise OutputError(f"{destination.name}: is also an input ({path}); not overwriting it")


@contextmanager
def open_output(destination: Destination) -> Iterator[TextIO]:
    """A text stream (UTF-8) to ``destination``: standard output, the pipe or device itself,
    or a temporary file renamed onto the file it replaces when the block ends without error."""
    if destination.name is None:
        yield sys.stdout
        return
    if destination.streamed:
        with open(destination.name, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    target = destination.replaces
    # The name is chosen before the file is made, inside the ``try``: Ctrl-C at any point
    # (a signal may reach Python between any two steps) leaves no temporary file behind.
    temporary = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        with open(temporary, "x", encoding="utf-8", newline="") as handle:
            os.chmod(temporary, 0o600)
            yield handle
        os.chmod(temporary, _output_mode(target))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _output_mode(target: Path) -> int:
    """The permissions OUT gets: those it had, else those of a new file (the temporary file
    is private to its owner)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
