"""Input discovery and reading: which documents an archive holds, and each one's text.

The command line turns its PATH arguments into a stream of :class:`Task` objects, one per
document, in input order. A task is cheap to make and to send to a worker process: a file
is named by its path and read by the worker; a JSON Lines archive is read here, line by
line, so that memory stays bounded whatever the archive's size.

Formats, chosen by the file name (a trailing ``.gz`` is decompressed first):

- ``.jsonl`` / ``.ndjson``: one JSON object a line; the text, id and date are read from the
  fields named by :class:`Fields`; blank lines are not documents;
- ``.html`` / ``.htm``: main text, title and date through trafilatura (extra ``html``);
- anything else (``.txt`` in folders): the whole file is one document.

Bytes become text through :func:`vn_egov_extract._decode.decode_bytes`, and only there.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from ._decode import decode_bytes

Fmt = Literal["text", "html", "jsonl"]

# Suffixes a folder walk picks up; an explicitly named file is read whatever its name.
_FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson")
_CHUNK = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"


class Readable(Protocol):
    """Anything with ``read(size)`` returning bytes: a file, a GzipFile, standard input."""

    def read(self, size: int = ..., /) -> bytes: ...


class MissingExtra(RuntimeError):
    """An optional dependency is not installed; the message names the extra to install."""


class UsageError(ValueError):
    """A command-line argument is wrong (a path that does not exist, a bad option)."""


def require(module: str, extra: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtra` naming the extra.

    >>> require("json", "none").__name__
    'json'
    >>> require("no_such_module_xyz", "html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vn_egov_extract._readers.MissingExtra: no_such_module_xyz is not installed: pip ...
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise MissingExtra(
            f"{top} is not installed: pip install 'vn_egov_extract[{extra}]'"
        ) from None


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a JSON Lines object hold the text, the id and the article's date."""

    text: str = "text"
    id: str = "id"
    published: str = "published"


@dataclass(frozen=True, slots=True)
class Task:
    """One document to process.

    Exactly one of ``text`` (already in memory), ``path`` (the worker reads the file) or
    ``error`` (the document could not even be read) is set.
    """

    id: str
    source: str | None = None
    text: str | None = None
    path: str | None = None
    fmt: Fmt = "text"
    gz: bool = False
    published: Any = None
    error: str | None = None


def file_format(path: str) -> tuple[Fmt, bool]:
    """The format of a file from its name, and whether it is gzip-compressed.

    >>> file_format("a/b.jsonl.gz"), file_format("x.HTM"), file_format("notes.md")
    (('jsonl', True), ('html', False), ('text', False))
    """
    name = os.path.basename(path).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl", gz
    if name.endswith((".html", ".htm")):
        return "html", gz
    return "text", gz


def _in_folder(name: str) -> bool:
    lower = name.lower()
    lower = lower[:-3] if lower.endswith(".gz") else lower
    return not name.startswith(".") and lower.endswith(_FOLDER_SUFFIXES)


def _walk(folder: str) -> Iterator[str]:
    """Files of a folder, recursively, sorted; hidden files and folders are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _in_folder(name):
                yield os.path.join(root, name)


def check_paths(paths: Iterable[str]) -> None:
    """Raise :class:`UsageError` for a PATH that is neither ``-``, a file, a folder nor a glob."""
    for p in paths:
        if p == "-" or os.path.exists(p):
            continue
        if glob.has_magic(p) and glob.glob(p, recursive=True):
            continue
        raise UsageError(f"PATH {p!r}: no such file or directory")


def expand(paths: Iterable[str], exclude: str | None = None) -> Iterator[str]:
    """Files (and ``-``) named by PATH arguments, in order, each file once.

    Folders are walked recursively (``.txt``, ``.html``, ``.htm``, ``.jsonl``, ``.ndjson``
    and their ``.gz``); a PATH that does not exist but has ``*?[`` is a glob. ``exclude``
    (the output file) is never listed.
    """
    seen: set[str] = {os.path.realpath(exclude)} if exclude else set()
    for p in paths:
        if p == "-":
            found: Iterable[str] = ["-"]
        elif os.path.isdir(p):
            found = _walk(p)
        elif os.path.exists(p):
            found = [p]
        else:
            found = [f for f in sorted(glob.glob(p, recursive=True)) if os.path.isfile(f)]
        for f in found:
            key = f if f == "-" else os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                yield f


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Split a stream of byte chunks into lines, without their line ends.

    A line spread over many chunks is joined once (not re-copied for every chunk).

    >>> list(_lines([b"a\\nb", b"c\\r\\n", b"d"]))
    [b'a', b'bc', b'd']
    """
    pending: list[bytes] = []
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            pending.append(chunk[start:end])
            yield b"".join(pending).rstrip(b"\r")
            pending = []
            start = end + 1
        if start < len(chunk):
            pending.append(chunk[start:])
    if pending:
        yield b"".join(pending).rstrip(b"\r")


def _chunks(stream: Readable) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


class _Truncated(Exception):
    """The compressed stream ended early or is corrupt; the lines after it are lost."""


def _safe_chunks(stream: Readable) -> Iterator[bytes]:
    """Chunks of a (possibly gzip) stream; a damaged stream raises :class:`_Truncated`.

    Reads are bounded, so every byte decompressed before the damage is handed on first.
    """
    try:
        yield from _chunks(stream)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise _Truncated(str(exc) or type(exc).__name__) from None


def parse_line(line: bytes, *, id: str, source: str, fields: Fields) -> Task:
    """One JSON Lines document as a task; a bad line is a task carrying its error.

    >>> parse_line(b'{"text": "80%", "published": "2020-01-02"}', id="a#1", source="a#1",
    ...            fields=Fields()).published
    '2020-01-02'
    >>> parse_line(b'{"body": "x"}', id="a#2", source="a#2", fields=Fields()).error
    "missing text field 'text'"
    >>> parse_line(b'{oops', id="a#3", source="a#3", fields=Fields()).error[:12]
    'invalid JSON'
    """
    try:
        obj = json.loads(decode_bytes(line))
    except ValueError as exc:
        return Task(id=id, source=source, error=f"invalid JSON: {exc}")
    if not isinstance(obj, dict):
        return Task(id=id, source=source, error=f"not a JSON object: {type(obj).__name__}")
    doc_id = obj.get(fields.id)
    if doc_id is not None and doc_id != "":
        id = str(doc_id)
    text = obj.get(fields.text)
    if not isinstance(text, str):
        why = "missing" if text is None else f"not a string ({type(text).__name__}) in"
        return Task(id=id, source=source, error=f"{why} text field {fields.text!r}")
    return Task(id=id, source=source, text=text, published=obj.get(fields.published))


def jsonl_tasks(stream: Readable, name: str, fields: Fields) -> Iterator[Task]:
    """Tasks of a JSON Lines stream; a damaged gzip ends with one error task for the rest."""
    lineno = 0
    try:
        for line in _lines(_safe_chunks(stream)):
            lineno += 1
            if line.strip():
                ref = f"{name}#{lineno}"
                yield parse_line(line, id=ref, source=ref, fields=fields)
    except _Truncated as exc:
        # The partial line at the damage is dropped: its text cannot be trusted.
        ref = f"{name}#{lineno + 1}"
        yield Task(
            id=ref, source=ref, error=f"truncated or corrupt gzip from line {lineno + 1}: {exc}"
        )


def _file_tasks(path: str, fields: Fields) -> Iterator[Task]:
    fmt, gz = file_format(path)
    if fmt != "jsonl":
        yield Task(id=path, source=path, path=path, fmt=fmt, gz=gz)
        return
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below, after a lazy read
    except OSError as exc:
        yield Task(id=path, source=path, error=f"cannot read: {exc}")
        return
    with raw:
        stream: Readable = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        yield from jsonl_tasks(stream, path, fields)


def _stdin_tasks(fields: Fields) -> Iterator[Task]:
    """Standard input: JSON Lines if it starts with ``{``, HTML if ``<``, else one text.

    Gzip on standard input is recognised by its magic bytes.
    """
    raw: Any = sys.stdin.buffer  # a BufferedReader: it can peek
    gz = raw.peek(2)[:2] == _GZIP_MAGIC
    source: Any = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
    try:
        first: bytes = source.read1(_CHUNK)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Task(id="-", source="-", error=f"truncated or corrupt gzip: {exc}")
        return
    stream = _Prefixed(first, source)
    lead = first.lstrip()[:1]
    if lead == b"{":
        yield from jsonl_tasks(stream, "-", fields)
        return
    try:
        data = b"".join(_safe_chunks(stream))
    except _Truncated as exc:
        yield Task(id="-", source="-", error=f"truncated or corrupt gzip: {exc}")
        return
    fmt: Fmt = "html" if lead == b"<" else "text"
    yield Task(id="-", source="-", text=decode_bytes(data), fmt=fmt)


class _Prefixed:
    """A byte stream that first returns ``head``, then reads from ``rest``."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self.head = head
        self.rest = rest

    def read(self, size: int = -1) -> bytes:
        if self.head:
            out, self.head = (self.head, b"") if size < 0 else (self.head[:size], self.head[size:])
            return out
        return self.rest.read(size)


def tasks(
    paths: Iterable[str],
    fields: Fields = Fields(),  # frozen: a shared default is safe
    *,
    exclude: str | None = None,
) -> Iterator[Task]:
    """Every document named by PATH arguments, as tasks, in input order."""
    for path in expand(paths, exclude):
        yield from _stdin_tasks(fields) if path == "-" else _file_tasks(path, fields)


def read_path(path: str, gz: bool) -> bytes:
    """A file's bytes, gunzipped when ``gz``; a damaged gzip raises ``ValueError``."""
    with open(path, "rb") as fh:
        data = fh.read()
    if not gz:
        return data
    try:
        return gzip.decompress(data)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise ValueError(f"truncated or corrupt gzip: {exc or type(exc).__name__}") from None


def html_text(html: str) -> tuple[str, str | None]:
    """Main text and date of an HTML page (trafilatura); the title leads the text.

    The records' offsets refer to this text: the title, a blank line, then the body (the
    title is not repeated when the body already starts with it).
    """
    trafilatura = require("trafilatura", "html")
    found = trafilatura.bare_extraction(html, with_metadata=True)
    if found is None:
        return "", None
    data: dict[str, Any] = found if isinstance(found, dict) else found.as_dict()
    body = str(data.get("text") or "")
    title = str(data.get("title") or "").strip()
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}" if body else title
    date = data.get("date")
    return body, (str(date) if date else None)


def load(task: Task) -> tuple[str, Any]:
    """The text of a task and its ``published`` value (from the task or the HTML page)."""
    published = task.published
    if task.text is not None:
        text = task.text
    elif task.path is not None:
        text = decode_bytes(read_path(task.path, task.gz))
    else:
        raise ValueError(task.error or "no text")
    if task.fmt == "html":
        text, found = html_text(text)
        published = published or found
    return text, published
