"""A short human-readable value for each record, for tables and highlights."""

from __future__ import annotations

from ._records import BaseRecord

_SKIP = frozenset({"kind", "text", "start", "end", "rule"})


def describe(record: BaseRecord) -> str:
    """The record's value in a few words.

    >>> from vn_egov_extract import NumberRecord, DateRecord
    >>> describe(NumberRecord(text="trên 5", start=0, end=6, rule="r", value=5, unit="xã",
    ...                       qualifier="over"))
    '5 xã (over)'
    >>> import datetime as dt
    >>> describe(DateRecord(text="quý 4/2020", start=0, end=10, rule="r", grain="quarter",
    ...                     first_day=dt.date(2020, 10, 1), last_day=dt.date(2020, 12, 31)))
    '2020-10-01..2020-12-31 (quarter)'
    >>> from vn_egov_extract import SystemRecord
    >>> describe(SystemRecord(text="chữ ký số", start=0, end=9, rule="r", name="Chữ ký số",
    ...                       generic=True))
    'Chữ ký số (generic)'
    """
    data = record.model_dump(mode="json")
    kind = data["kind"]
    if kind in ("number", "percent"):
        value = f"{data['value']}{'%' if kind == 'percent' else ''}"
        if data.get("high") is not None:
            value += f"-{data['high']}"
        if data.get("unit"):
            value += f" {data['unit']}"
        return value + (f" ({data['qualifier']})" if data["qualifier"] != "exact" else "")
    if kind == "ratio":
        return f"{data['numerator']}/{data['denominator']}" + (" (rank)" if data["is_rank"] else "")
    if kind == "date":
        first, last = data["first_day"] or "?", data["last_day"] or "?"
        span = first if first == last else f"{first}..{last}"
        time = f" {data['time']}" if data.get("time") else ""
        return f"{span}{time} ({data['grain']})"
    if kind == "system":
        return f"{data['name']}{' (generic)' if data.get('generic') else ''}"
    if kind == "service_level":
        return "levels " + ", ".join(str(x) for x in data["levels"])
    if kind == "legal_ref":
        return " ".join(
            str(x) for x in (data.get("doc_type"), data["number"], data.get("date")) if x
        )
    parts = [str(v) for k, v in data.items() if k not in _SKIP and v not in (None, "", [])]
    return " | ".join(parts)
