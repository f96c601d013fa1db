"""Outputs: JSON Lines, and the tidy table (CSV, Parquet, pandas, Dask).

JSON Lines has exactly one line per document (:meth:`DocResult.to_json`). The tidy table
has one row per record: the document's ``doc_id``, ``source``, ``published`` and
``error``, then every field of every record kind. Its columns come from the pydantic
record classes, so they are the same for every run, even an empty one; a field two kinds
share (``value``, ``unit``, ``name``) is one column.

A document that could not be processed is one row with ``error`` set and every record
column null; a document without records has no row (it is in the JSON Lines output).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import types
import typing
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

from ._batch import DocResult
from ._readers import require
from ._records import RECORD_CLASSES, BaseRecord

# Logical column types: how a value is stored in Parquet / pandas and written in CSV.
LType = Literal["str", "int", "float", "bool", "date", "list_int", "json"]

DOC_COLUMNS: tuple[tuple[str, LType], ...] = (
    ("doc_id", "str"),
    ("source", "str"),
    ("published", "date"),
    ("error", "str"),
)


def _ltype_of(annotation: Any) -> LType:
    """The logical type of one pydantic field annotation.

    >>> _ltype_of(int | float), _ltype_of(typing.Optional[str]), _ltype_of(list[int])
    ('float', 'str', 'list_int')
    >>> _ltype_of(typing.Literal["a", "b"]), _ltype_of(dt.date | None), _ltype_of(dict)
    ('str', 'date', 'json')
    """
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        parts = {_ltype_of(a) for a in typing.get_args(annotation) if a is not type(None)}
        return _merge(parts)
    if origin is Literal:
        values = typing.get_args(annotation)
        return "str" if all(isinstance(v, str) for v in values) else "json"
    if origin is list and typing.get_args(annotation) in ((int,),):
        return "list_int"
    simple: dict[Any, LType] = {bool: "bool", int: "int", float: "float", str: "str"}
    if annotation in simple:
        return simple[annotation]
    if annotation is dt.date:
        return "date"
    return "json"


def _merge(parts: set[LType]) -> LType:
    """One type for values of several types: ints widen to floats, anything else is JSON."""
    if len(parts) == 1:
        return next(iter(parts))
    return "float" if parts == {"int", "float"} else "json"


def _record_columns() -> tuple[tuple[str, LType], ...]:
    found: dict[str, set[LType]] = {}
    classes: list[type[BaseRecord]] = [BaseRecord, *RECORD_CLASSES.values()]
    for cls in classes:
        for name, info in cls.model_fields.items():
            found.setdefault(name, set()).add(_ltype_of(info.annotation))
    return tuple((name, _merge(kinds)) for name, kinds in found.items())


RECORD_COLUMNS = _record_columns()
COLUMNS: tuple[tuple[str, LType], ...] = DOC_COLUMNS + RECORD_COLUMNS
COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)
_TYPES: dict[str, LType] = dict(COLUMNS)
_CHUNK = 1 << 16


def _cell(value: Any, ltype: LType) -> Any:
    """A value as stored in a typed table (Parquet, pandas)."""
    if value is None:
        return None
    if ltype == "float":
        return float(value)
    if ltype == "json":
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def rows(result: DocResult) -> list[dict[str, Any]]:
    """The tidy-table rows of one document (python values, typed as :data:`COLUMNS`)."""
    base = {
        "doc_id": result.id,
        "source": result.source,
        "published": result.published,
        "error": result.error,
    }
    if result.error is not None:
        return [base]
    out = []
    for record in result.records:
        row = dict(base)
        for name, value in record.model_dump().items():
            row[name] = _cell(value, _TYPES.get(name, "json"))
        out.append(row)
    return out


def csv_cell(value: Any) -> str:
    """A value as CSV text: empty for null, ISO dates, JSON for lists, true/false.

    >>> [csv_cell(v) for v in (None, True, dt.date(2020, 1, 2), [3, 4], 19.5, "a")]
    ['', 'true', '2020-01-02', '[3, 4]', '19.5', 'a']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def arrow_schema() -> Any:
    """The pyarrow schema of the tidy table (``levels`` is ``list<int64>``)."""
    pa = require("pyarrow", "parquet")
    mapping = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list_int": pa.list_(pa.int64()),
        "json": pa.string(),
    }
    return pa.schema([pa.field(name, mapping[ltype]) for name, ltype in COLUMNS])


def _batches(results: Iterable[DocResult], size: int = 4096) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for result in results:
        batch.extend(rows(result))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def to_arrow(results: Iterable[DocResult]) -> Any:
    """A pyarrow Table of the tidy rows of ``results``, with :func:`arrow_schema`."""
    pa = require("pyarrow", "parquet")
    schema = arrow_schema()
    parts = [pa.RecordBatch.from_pylist(b, schema=schema) for b in _batches(results)]
    return pa.Table.from_batches(parts, schema=schema)


def to_dataframe(results: Iterable[DocResult]) -> Any:
    """A pandas DataFrame with one row per record (see the module doc for the columns).

    Columns use pandas' Arrow-backed dtypes, so the types are exactly those of the
    Parquet output (``levels`` holds lists of ints, dates are dates) and an empty result
    has the same columns and dtypes. Needs ``pip install 'vn_egov_extract[pandas]'``.
    """
    pd = require("pandas", "pandas")
    require("pyarrow", "pandas")
    return to_arrow(results).to_pandas(types_mapper=pd.ArrowDtype)


class JsonlWriter:
    """One JSON line per document, each written with a single ``write`` (then flushed).

    A kill at any moment leaves at most one partial last line, which
    :func:`prepare_resume` removes before a ``--resume`` run appends.
    """

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self.stream: IO[bytes] | None = None
        if path is None or path == "-":
            self.fd = -1
            self.stream = __import__("sys").stdout.buffer
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.fd = os.open(path, flags, 0o644)

    def write_line(self, line: str) -> None:
        """Write one line (``line`` has no newline)."""
        data = (line + "\n").encode("utf-8")
        if self.stream is not None:
            self.stream.write(data)
            self.stream.flush()
            return
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def close(self) -> None:
        """Close the file (standard output stays open)."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class CsvWriter:
    """The tidy table as CSV (UTF-8, header first); lists are JSON text."""

    def __init__(self, path: str | None) -> None:
        import sys

        self.owned = path is not None and path != "-"
        self.fh: IO[str] = (
            open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
            if path is not None and path != "-"
            else sys.stdout
        )
        self.writer = csv.writer(self.fh)
        self.writer.writerow(COLUMN_NAMES)

    def write(self, table_rows: list[dict[str, Any]]) -> None:
        """Append the rows of one document."""
        for row in table_rows:
            self.writer.writerow([csv_cell(row.get(name)) for name in COLUMN_NAMES])

    def close(self) -> None:
        """Flush, and close the file if it is not standard output."""
        self.fh.flush()
        if self.owned:
            self.fh.close()


class ParquetWriter:
    """The tidy table as Parquet, written in row groups so memory stays bounded."""

    def __init__(self, path: str, *, row_group: int = 8192) -> None:
        self.pa = require("pyarrow", "parquet")
        pq = require("pyarrow.parquet", "parquet")
        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(path, self.schema)
        self.pending: list[dict[str, Any]] = []
        self.row_group = row_group

    def write(self, table_rows: list[dict[str, Any]]) -> None:
        """Append the rows of one document."""
        self.pending.extend(table_rows)
        if len(self.pending) >= self.row_group:
            self._flush()

    def _flush(self) -> None:
        batch = self.pa.RecordBatch.from_pylist(self.pending, schema=self.schema)
        self.writer.write_batch(batch)
        self.pending = []

    def close(self) -> None:
        """Write what is pending and the file footer (an empty run still has the schema)."""
        if self.pending:
            self._flush()
        self.writer.close()


def _cut_partial_line(fh: IO[bytes]) -> None:
    """Truncate the file after its last newline (reading backwards, a block at a time)."""
    end = fh.seek(0, os.SEEK_END)
    pos = end
    while pos > 0:
        step = min(_CHUNK, pos)
        fh.seek(pos - step)
        block = fh.read(step)
        cut = block.rfind(b"\n")
        if cut >= 0:
            pos = pos - step + cut + 1
            break
        pos -= step
    if pos < end:
        fh.truncate(pos)


def prepare_resume(path: str) -> Iterator[str]:
    """Cut a partial last line off ``path``, then yield the ids of its complete lines.

    A line that is not valid JSON (it cannot be, unless the file was edited) is ignored.
    """
    if not os.path.exists(path):
        return
    with open(path, "rb+") as fh:
        _cut_partial_line(fh)
        fh.seek(0)
        for line in fh:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and "id" in obj:
                yield str(obj["id"])
