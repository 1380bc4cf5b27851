"""Reading articles from files or standard input, with clear errors for bad input."""
from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 5_000_000  # 5 MB: far above any news article; raise with --max-bytes
TEXT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "auto", "": "auto", ".html": "html", ".htm": "html", ".xhtml": "html"}


class InputError(ValueError):
    """An input that cannot be scored; the message is one line for the user."""


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; else an error."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data[:8192] and data.count(b"\x00") > len(data[:8192]) // 100:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: looks like a binary file (it contains NUL bytes and is not UTF-8), not text") from None
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def check_text(text: str, name: str) -> str:
    """Reject empty input (NUL and other invisible characters are dropped by the parser,
    which keeps offsets into the input right)."""
    from .parse import drop_invisible

    if not text.replace("\x00", "").strip():
        raise InputError(f"{name}: is empty (nothing to score)")
    if not drop_invisible(text).strip():
        raise InputError(f"{name}: is empty (it holds only invisible characters)")
    return text


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of one article file.

    The file is opened without blocking (a named pipe or a device is refused, never waited
    on) and checked after reading: a file that changed while it was read is read again,
    and refused if it keeps changing.
    """
    name = str(path)
    for _ in range(READ_TRIES):
        data, changed = _read_once(Path(path), name, max_bytes)
        if not changed:
            return check_text(decode(data, name), name)
    raise InputError(f"{name}: changed while it was being read (is something still writing it?); try again when it is complete")


READ_TRIES = 3
_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file; save the text to a file or pipe it to standard input (-)"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
)


def _os_error(name: str, e: OSError) -> InputError:
    """A one-line message for an error opening or reading ``name``."""
    if isinstance(e, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(e, PermissionError):
        return InputError(f"{name}: permission denied (the file cannot be read by this user)")
    if e.errno == errno.ELOOP:
        return InputError(f"{name}: is a symbolic link loop (or a chain of links too long to follow)")
    if e.errno == errno.ENAMETOOLONG:
        return InputError(f"{name[:80]}...: file name too long")
    return InputError(f"{name}: cannot be read ({e.strerror or e})")


def _read_once(p: Path, name: str, max_bytes: int) -> tuple[bytes, bool]:
    """The file's bytes (at most ``max_bytes``, else an error) and whether it changed meanwhile."""
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except OSError as e:
        raise _os_error(name, e) from None
    try:
        before = os.fstat(fd)
        for is_kind, what in _KINDS:
            if is_kind(before.st_mode):
                raise InputError(f"{name}: {what}")
        if not stat.S_ISREG(before.st_mode):
            raise InputError(f"{name}: is not a regular file")
        if before.st_size > max_bytes:
            raise InputError(f"{name}: is {before.st_size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        after = os.fstat(fd)
    except OSError as e:
        raise _os_error(name, e) from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise InputError(f"{name}: is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    changed = (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or size != after.st_size
    return b"".join(chunks), changed


def read_bytes(data: bytes, name: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of an article given as bytes (standard input)."""
    if len(data) > max_bytes:
        raise InputError(f"{name}: is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return check_text(decode(data, name), name)


def syntax_for(path: str | None) -> str:
    """``markdown`` for .md files, ``html`` for .html/.htm, ``auto`` (sniffed) for the rest."""
    if not path:
        return "auto"
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "auto")
