"""Typed records: the public contract of ``extract()`` (see CONTRACT.md).

One pydantic class per kind, joined in a discriminated union on ``kind``. Fields named in
the contract are never renamed or dropped; extra fields (``rule``, ``expanded``...) may be
added.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Qualifier = Literal["exact", "approx", "over", "under", "at_least", "at_most"]
Grain = Literal["datetime", "day", "month", "quarter", "year", "period"]
LocationLevel = Literal["province", "city", "district", "town", "commune", "ward", "township"]

KINDS: tuple[str, ...] = (
    "number",
    "percent",
    "ratio",
    "date",
    "system",
    "service_level",
    "organization",
    "location",
    "person",
    "legal_ref",
)


class BaseRecord(BaseModel):
    """Fields every record has: where it is in the caller's string, and which rule made it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    text: str = Field(description="Exactly source[start:end] of the caller's string.")
    start: int = Field(ge=0, description="Python str offset into the caller's string.")
    end: int = Field(ge=0)
    rule: str = Field(description="Name of the rule that produced the record (for debugging).")


class NumberRecord(BaseRecord):
    """A cardinal quantity: ``"trên 46.016 tài khoản"`` → 46016, unit "tài khoản", over."""

    kind: Literal["number"] = "number"
    value: int | float
    unit: str | None = None
    qualifier: Qualifier = "exact"
    approximate: bool = Field(
        default=False, description="Vague magnitudes such as 'hàng trăm' (value is the scale)."
    )
    high: int | float | None = Field(default=None, description="Upper bound of '10-15 người'.")


class PercentRecord(BaseRecord):
    """A percentage on the 0-100 scale; a range "80-90%" gives ``value`` 80 and ``high`` 90."""

    kind: Literal["percent"] = "percent"
    value: float
    qualifier: Qualifier = "exact"
    high: float | None = Field(default=None, description="Upper bound of a range '80-90%'.")
    implausible: bool = Field(
        default=False,
        description="Above 100% where the prose makes it a share of a whole ('chiếm 150%').",
    )


class RatioRecord(BaseRecord):
    """A count or rank written a/b: ``"12/20 cơ quan"``, ``"xếp hạng 28/63"``."""

    kind: Literal["ratio"] = "ratio"
    numerator: int | float
    denominator: int | float
    unit: str | None = None
    is_rank: bool = False


class DateRecord(BaseRecord):
    """A calendar interval, inclusive; ``first_day``/``last_day`` null when unresolvable."""

    kind: Literal["date"] = "date"
    first_day: dt.date | None
    last_day: dt.date | None
    grain: Grain
    time: str | None = Field(default=None, description="'HH:MM' for clock times.")


class SystemRecord(BaseRecord):
    """An e-government system under its canonical catalogue name."""

    kind: Literal["system"] = "system"
    name: str
    generic: bool = Field(
        default=False,
        description="A kind of system (QLVB, Chữ ký số…) rather than a brand (iDesk, Zalo…).",
    )


class ServiceLevelRecord(BaseRecord):
    """Levels of online public service: ``"mức độ 2, 3 và 4"`` → [2, 3, 4]."""

    kind: Literal["service_level"] = "service_level"
    levels: list[int]


class OrganizationRecord(BaseRecord):
    """A named body: ``"UBND huyện Krông Năng"``; ``expanded`` spells out acronyms."""

    kind: Literal["organization"] = "organization"
    name: str
    expanded: str | None = None


class LocationRecord(BaseRecord):
    """An administrative unit: ``"huyện Krông Năng"`` → "Krông Năng", district."""

    kind: Literal["location"] = "location"
    name: str
    level: LocationLevel | None = None
    province: str | None = None
    province_2025: str | None = None


class PersonRecord(BaseRecord):
    """A named person, with a title when the prose gives one."""

    kind: Literal["person"] = "person"
    name: str
    title: str | None = None


class LegalRefRecord(BaseRecord):
    """A numbered legal or administrative document: ``"Nghị quyết số 17/NQ-CP"``."""

    kind: Literal["legal_ref"] = "legal_ref"
    number: str
    doc_type: str | None = None
    issuer: str | None = None
    date: dt.date | None = None


Record = Annotated[
    NumberRecord
    | PercentRecord
    | RatioRecord
    | DateRecord
    | SystemRecord
    | ServiceLevelRecord
    | OrganizationRecord
    | LocationRecord
    | PersonRecord
    | LegalRefRecord,
    Field(discriminator="kind"),
]

RECORD_CLASSES: dict[str, type[BaseRecord]] = {
    "number": NumberRecord,
    "percent": PercentRecord,
    "ratio": RatioRecord,
    "date": DateRecord,
    "system": SystemRecord,
    "service_level": ServiceLevelRecord,
    "organization": OrganizationRecord,
    "location": LocationRecord,
    "person": PersonRecord,
    "legal_ref": LegalRefRecord,
}


class ExtractionResult(BaseModel):
    """What ``extract()`` returns: the records sorted by ``start`` and the article's date."""

    model_config = ConfigDict(frozen=True)

    records: list[Record]
    published: dt.date | None = Field(
        default=None, description="Given by the caller, or read from the article's dateline."
    )

    def by_kind(self, kind: str) -> list[Record]:
        """The records of one kind, in text order."""
        return [r for r in self.records if r.kind == kind]

    def to_json(self, **kwargs: Any) -> str:
        """The result as a JSON string (UTF-8 text, Vietnamese kept readable)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, **kwargs)


_RESULT_ADAPTER: TypeAdapter[ExtractionResult] = TypeAdapter(ExtractionResult)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`ExtractionResult` (what ``to_json()`` emits)."""
    return _RESULT_ADAPTER.json_schema(mode="serialization")
