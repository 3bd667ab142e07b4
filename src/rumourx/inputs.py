"""Reading inputs safely: every problem becomes an :class:`~rumourx.errors.InputError` with a code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

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
    """Read one text input ('-' is standard input): its text and warning codes."""
    return decode(read_bytes(path), path)


#: File suffixes read as web pages (the main text taken out with trafilatura).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: A page whose main text has fewer words holds no article ("no_main_text").
MIN_PAGE_WORDS = 4


@dataclass(frozen=True)
class Article:
    """One input as rumourx extracts it: the text, how reading went, and for a web page what
    the page says besides (its main text is ``text``, the one the offsets refer to)."""

    text: str
    warnings: tuple[str, ...] = ()
    published: str | None = None  # the page's publication date (YYYY-MM-DD), if it states one
    page: dict[str, Any] | None = None  # {"format": "html", "title", "published", "text"}


def read_article(path: str) -> Article:
    """Read one input: a text file, or an HTML page (by its suffix, or by its first bytes when
    read from standard input), whose main text and date are taken out with trafilatura."""
    data = read_bytes(path)
    if path.lower().endswith(HTML_SUFFIXES) or (path == "-" and _looks_like_html(data)):
        return html_article(data, path)
    text, warns = decode(data, path)
    return Article(text, tuple(warns))


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def html_article(data: bytes, source: str) -> Article:
    """The main text of a web page, its paragraphs one blank line apart and its headline first,
    with the page's title and publication date. Needs the ``html`` extra (trafilatura)."""
    try:
        import trafilatura
    except ImportError as exc:
        if getattr(exc, "name", None) == "trafilatura":
            raise InputError(f"{source}: reading an HTML page needs the html extra: pip install 'rumourx[html]'",
                             "needs_html_extra") from exc
        # installed, but something it needs is missing or broken
        raise InputError(f"{source}: the html extra cannot load ({exc}); reinstall it: pip install 'rumourx[html]'",
                         "needs_html_extra") from exc
    html, warns = decode(data, source)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                          include_images=False, deduplicate=False)
    except Exception as exc:  # trafilatura on malformed markup: the page's error, not a crash
        raise InputError(f"{source}: the HTML page could not be parsed ({type(exc).__name__})", "no_main_text") from exc
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    paras = [line.strip() for line in body.splitlines() if line.strip()]
    if sum(len(p.split()) for p in paras) < MIN_PAGE_WORDS:  # a menu word or a cookie notice is no article
        raise InputError(f"{source}: no article text found in the HTML page", "no_main_text")
    title = (getattr(doc, "title", None) or "").strip() or None
    if title and paras[0] != title:
        paras.insert(0, title)  # the headline says who and where as often as the body does
    text = "\n\n".join(paras)
    published = getattr(doc, "date", None) or None
    if published is not None:
        try:
            published = date.fromisoformat(str(published)[:10]).isoformat()
        except ValueError:
            published = None
    return Article(text, (*warns, "html"), published,
                   {"format": "html", "title": title, "published": published, "text": text})


def read_bytes(path: str) -> bytes:
    """The bytes of one input ('-' is standard input), every problem an InputError with a code."""
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
    return data
