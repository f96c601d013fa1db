"""One module per kind. Each exposes ``find(doc) -> Iterable[Candidate]``.

To add a kind: write ``kinds/<kind>.py`` with ``find``, add its record class to
``_records.py``, its priority to ``_overlap.py``, and register it here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .._candidate import Candidate, Doc
from . import (
    date,
    legal_ref,
    location,
    number,
    organization,
    percent,
    person,
    ratio,
    service_level,
    system,
)

Finder = Callable[[Doc], Iterable[Candidate]]

FINDERS: dict[str, Finder] = {
    "number": number.find,
    "percent": percent.find,
    "ratio": ratio.find,
    "date": date.find,
    "system": system.find,
    "service_level": service_level.find,
    "organization": organization.find,
    "location": location.find,
    "person": person.find,
    "legal_ref": legal_ref.find,
}
