"""Reading inputs safely: every problem becomes an :class:`~rumourx.errors.InputError` with a code."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError

MAX_BYTES = 8_000_000


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (warned).

    Returns the text and warning codes. Binary data raises InputError('binary').
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: invalid UTF-16 text", "encoding") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary file, not text", "binary")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    control = sum(1 for b in data[:8192] if b < 9 or 13 < b < 32)
    if control > 8:
        raise InputError(f"{source}: binary file, not text", "binary")
    try:
        return data.decode("cp1252"), ["cp1252"]
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: the bytes are neither UTF-8 nor Windows-1252 text", "encoding") from exc


def read_input(path: str) -> tuple[str, list[str]]:
    """Read one input ('-' is standard input)."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if p.is_symlink() and not p.exists():
            raise InputError(f"{path}: broken symbolic link", "not_found")
        if not p.exists():
            raise InputError(f"{path}: no such file", "not_found")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a file", "is_directory")
        try:
            size = p.stat().st_size
            if size > MAX_BYTES:
                raise InputError(f"{path}: {size:,} bytes; the limit is {MAX_BYTES:,}", "too_large")
            data = p.read_bytes()
        except PermissionError as exc:
            raise InputError(f"{path}: permission denied", "unreadable") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})", "unreadable") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: {len(data):,} bytes; the limit is {MAX_BYTES:,}", "too_large")
    if not data.strip():
        raise InputError(f"{path}: the file is empty", "empty")
    return decode(data, path)
