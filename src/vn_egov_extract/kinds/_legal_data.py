"""Word lists of the ``legal_ref`` kind (``patterns/legal.yaml``) and the date helper."""

from __future__ import annotations

import datetime as dt
import functools

from .._patterns import PatternModel, load


class LegalPatterns(PatternModel):
    """Schema of ``patterns/legal.yaml``."""

    doc_types: list[str]
    doc_type_abbreviations: dict[str, str]
    named_doc_types: list[str]
    short_number_types: list[str]
    short_number_not_before: list[str]
    short_number_levels: list[str]
    short_number_bodies: list[str]
    type_codes: dict[str, str]
    issuers: dict[str, str]


@functools.cache
def legal_patterns() -> LegalPatterns:
    """The validated content of ``patterns/legal.yaml`` (read once)."""
    return load("legal.yaml", LegalPatterns)


def make_date(day: str, month: str, year: str) -> dt.date | None:
    """The calendar date of day / month / year figures, or None when there is no such day.

    A two-digit year is read in the 2000s (documents of this genre are recent).

    >>> make_date("07", "3", "2019"), make_date("31", "2", "2020"), make_date("1", "1", "21")
    (datetime.date(2019, 3, 7), None, datetime.date(2021, 1, 1))
    """
    y = int(year)
    if len(year) == 2:
        y += 2000
    try:
        return dt.date(y, int(month), int(day))
    except ValueError:
        return None
