"""One home for rumourx's errors and warnings.

Errors stop one input (the batch goes on); warnings travel inside an article's result so that
nothing degrades silently.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Codes of input errors: one input that could not be turned into text.
ERROR_CODES: dict[str, str] = {
    "not_found": "no such file",
    "is_directory": "a directory was given where a file was expected",
    "unreadable": "the file could not be read",
    "binary": "the file holds binary data, not text",
    "encoding": "the bytes could not be decoded as text",
    "empty": "the article is empty",
    "too_large": "the article is larger than the size limit",
    "bad_date": "the publication date is not a valid YYYY-MM-DD date",
    "bad_record": "a line of a JSONL input is not an {\"id\", \"text\", \"published\"} object",
    "is_output": "the input named is the output file of the same batch run",
    "needs_html_extra": "an HTML page needs the html extra (pip install 'rumourx[html]')",
    "no_main_text": "no article text could be found in the HTML page",
    "worker_died": "the worker process extracting this input died, twice (out of memory, or a crash)",
    "internal": "rumourx failed on this input (a bug: please report it)",
}

#: Codes of warnings attached to a result.
WARNING_CODES: dict[str, str] = {
    "no_date": "no publication date: windows keep their season but year is null",
    "unbalanced_quote": "a quote mark is never closed; the quote runs to the end of its paragraph",
    "stray_quote_mark": "a closing quote mark has no opening mark",
    "cp1252": "the input was not UTF-8; decoded as Windows-1252",
    "html": "the input is an HTML page: the offsets refer to its main text, given as page.text",
}


class RumourxError(Exception):
    """An error with a stable code, for one input or one data file."""

    code = "internal"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message


class InputError(RumourxError):
    """An input that cannot be extracted (missing, binary, empty...)."""


class OptionError(RumourxError):
    """A bad setting given to the library or the CLI (an unknown currency...)."""

    code = "bad_option"


class DataFileError(RumourxError):
    """A broken data file in ``models/`` or a user gazetteer; names file, line and field."""

    code = "data_file"

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        where = path if line is None else f"{path}, line {line}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.field, self.problem = path, line, field, problem


@dataclass(frozen=True)
class Warn:
    """A warning about one article."""

    code: str
    message: str
