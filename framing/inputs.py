"""Reading articles from files or standard input, with clear errors for bad input."""
from __future__ import annotations

import codecs
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
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def check_text(text: str, name: str) -> str:
    """Reject empty input; drop NUL characters."""
    if not text.strip():
        raise InputError(f"{name}: is empty (nothing to score)")
    return text.replace("\x00", "")


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of one article file."""
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: is not a regular file")
    if st.st_size > max_bytes:
        raise InputError(f"{name}: is {st.st_size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return check_text(decode(data, name), name)


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
