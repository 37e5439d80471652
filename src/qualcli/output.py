"""Writing command output: stdout, or a file given with ``-o``.

What is already at the path is never destroyed:

- a regular file is replaced atomically (written beside it, then renamed), and
  keeps its permission bits; a new file gets the usual ``0666`` less the umask;
  a read-only file is refused, not replaced;
- a symlink is followed: its target is written (atomically, if a regular
  file) and the link is kept;
- a character or block device or a FIFO (``/dev/null``, a named pipe) is
  written to directly, never replaced by a file;
- anything else (a directory, a socket) is refused.

Every failure is a :class:`QualcliError` ("cannot write …"): one line, exit 2.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from qualcli.errors import QualcliError


def write_output(text: str | bytes, out: str | None) -> None:
    """Write ``text`` to stdout (``out`` None or ``-``) or safely to the path ``out``."""
    if out in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target, info = check_writable(out)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(target, data, out)
    else:
        _replace(target, data, info, out)


def check_writable(out: str | None) -> tuple[Path | None, os.stat_result | None]:
    """Refuse now, with one line, an ``-o`` path that :func:`write_output` would refuse.

    Every command that writes ``-o`` calls it before its work, so a run that
    will fail says so at once and changes nothing (``map --update`` leaves the
    overrides file alone, ``lint --write-baseline`` the baseline). Returns the
    path to write (a symlink's target) and what is there now (None: nothing).
    """
    if out in (None, "-"):
        return None, None
    target = Path(os.path.realpath(out))  # a symlink's target is what gets written
    try:
        info = target.stat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise QualcliError("cannot write: the output folder does not exist", out) from None
        return target, None
    except OSError as exc:
        raise QualcliError(f"cannot write: {exc.strerror}", out) from None
    if stat.S_ISDIR(info.st_mode):
        raise QualcliError("cannot write: the output path is a directory", out)
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return target, info
    if not stat.S_ISREG(info.st_mode):
        raise QualcliError("cannot write: the output path is not a regular file, device or pipe", out)
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise QualcliError("cannot write: the file is read-only", out)
    return target, info


def _write_in_place(target: Path, data: bytes, out: str) -> None:
    """Write to a device or FIFO as it is (no temporary file, no rename)."""
    try:
        fd = os.open(target, os.O_WRONLY)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise QualcliError(f"cannot write: {exc.strerror}", out) from None


def _replace(target: Path, data: bytes, old: os.stat_result | None, out: str) -> None:
    """Write ``data`` to a new file beside ``target`` and rename it into place.

    The new file is created with mode 0666 (the umask applies, as for any new
    file); when ``old`` describes the file being replaced, its mode (and, where
    permitted, owner) is carried over.
    """
    tmp = None
    try:
        fd, tmp = _create_beside(target)
        with os.fdopen(fd, "wb") as handle:
            if old is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode))
                _keep_owner(handle.fileno(), old)
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise QualcliError(f"cannot write: {exc.strerror or exc}", out) from None
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def _create_beside(target: Path) -> tuple[int, str]:
    """Create an empty, exclusive temporary file in ``target``'s folder (mode 0666 less the umask)."""
    for _ in range(100):
        tmp = str(target.parent / f".{target.name}.{os.urandom(4).hex()}.tmp")  # what secrets.token_hex(4) gives, without importing it
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _keep_owner(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group when the process may (root); otherwise leave it."""
    if (old.st_uid, old.st_gid) == (os.getuid(), os.getgid()):
        return
    try:
        os.fchown(fd, old.st_uid, old.st_gid)
    except OSError:
        pass
