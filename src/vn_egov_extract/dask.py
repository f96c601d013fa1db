"""Dask: extract records from a Bag or a DataFrame of articles, on any cluster.

Usage (the client decides where it runs: ``Client()`` starts a local cluster,
``Client("tcp://scheduler:8786")`` joins an existing one)::

    import dask.dataframe as dd
    from distributed import Client
    from vn_egov_extract.dask import extract_frame

    client = Client("tcp://scheduler:8786")
    articles = dd.read_parquet("articles/")          # columns: url, body, date
    records = extract_frame(articles, text="body", id="url", published="date")
    records.to_parquet("records/")

The records frame has one row per record and the columns of the tidy table (see
:mod:`vn_egov_extract._writers`; the same as :func:`vn_egov_extract.to_dataframe`), with
pandas Arrow-backed dtypes declared up front as ``meta``, so nothing is computed to learn
them and ``to_parquet`` writes ``levels`` as ``list<int64>`` and dates as ``date32``.
Documents that fail are one row with ``error`` set. Needs
``pip install 'vn_egov_extract[dask]'``.
"""

from __future__ import annotations

from typing import Any

from ._batch import DocResult, extract_many
from ._readers import require
from ._writers import to_dataframe


def meta() -> Any:
    """The empty pandas DataFrame whose columns and dtypes every records frame has."""
    return to_dataframe([])


def _frame_partition(
    part: Any, text: str, id: str | None, published: str | None, default: Any
) -> Any:
    """Records of one pandas partition (row ids default to the index labels)."""
    ids = part.index if id is None else part[id]
    dates = part[published] if published is not None else [None] * len(part)
    items = (
        {"text": _scalar(t), "id": i, "published": _scalar(p)}
        for t, i, p in zip(part[text], ids, dates, strict=True)
    )
    return to_dataframe(extract_many(items, published=default))


def _scalar(value: Any) -> Any:
    """A pandas cell as a plain value: missing values (NaN, NaT, NA) become None."""
    pd = require("pandas", "dask")
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # lists and arrays are not "missing"
        return value
    if hasattr(value, "date") and callable(value.date):
        return value.date()  # a Timestamp or datetime: the article's day
    return value


def extract_frame(
    ddf: Any,
    text: str = "text",
    id: str | None = None,
    published: str | None = None,
    *,
    default_published: Any = None,
) -> Any:
    """A Dask DataFrame of records from a Dask DataFrame of articles, one row per record.

    ``text`` names the column with the article; ``id`` the column naming each article
    (default: the index label); ``published`` the column with its date (ISO string, date
    or timestamp; default: the dateline, or ``default_published``).
    """
    require("dask.dataframe", "dask")
    missing = [c for c in (text, id, published) if c is not None and c not in ddf.columns]
    if missing:
        raise ValueError(f"no such column(s) {missing}; columns: {list(ddf.columns)}")
    return ddf.map_partitions(_frame_partition, text, id, published, default_published, meta=meta())


def _named(item: Any, default_id: str) -> Any:
    """The item with an id: strings and items without one get ``default_id``."""
    if isinstance(item, str):
        return {"text": item, "id": default_id}
    if isinstance(item, dict):
        return item if item.get("id") is not None else {**item, "id": default_id}
    if getattr(item, "id", None) is not None:
        return item
    fields = ("text", "published", "source")
    return {"id": default_id, **{name: getattr(item, name, None) for name in fields}}


def _bag_partition(items: Any, number: int, default: Any) -> list[DocResult]:
    """Results of one bag partition; items without an id get ``"<partition>-<position>"``."""
    named = (_named(item, f"{number}-{i}") for i, item in enumerate(items))
    return list(extract_many(named, published=default))


def extract_bag(bag: Any, *, published: Any = None) -> Any:
    """A Dask Bag of :class:`~vn_egov_extract.DocResult`, one per item, in order.

    Items are what :func:`~vn_egov_extract.extract_many` takes: strings, or dicts with
    ``text`` and optionally ``id``, ``published``, ``source``; an item without an id is
    named ``"<partition>-<position>"``. ``.map(DocResult.to_json)``
    gives the command line's JSON lines; ``.map_partitions(to_dataframe)`` a table.
    """
    bag_module = require("dask.bag", "dask")
    delayed = require("dask", "dask").delayed
    parts = [
        delayed(_bag_partition)(part, number, published)
        for number, part in enumerate(bag.to_delayed())
    ]
    return bag_module.from_delayed(parts)
