"""vn_egov_extract: typed records from Vietnamese news and government report prose.

>>> from datetime import date
>>> from vn_egov_extract import extract
>>> result = extract("Đến nay có trên 46.016 tài khoản.", published=date(2020, 10, 8))
>>> number = result.records[0]
>>> number.value, number.unit, number.qualifier
(46016, 'tài khoản', 'over')
"""

from __future__ import annotations

from ._batch import DocResult, extract_many
from ._candidate import Candidate, Doc
from ._decode import extract_bytes
from ._legacy import repair_text
from ._overlap import KIND_PRIORITY, NESTING_ALLOWED, OverlapPolicy, resolve_overlaps
from ._patterns import PatternError
from ._pipeline import Extractor, extract
from ._records import (
    KINDS,
    BaseRecord,
    DateRecord,
    ExtractionResult,
    LegalRefRecord,
    LocationRecord,
    NumberRecord,
    OrganizationRecord,
    PercentRecord,
    PersonRecord,
    RatioRecord,
    Record,
    ServiceLevelRecord,
    SystemRecord,
    json_schema,
)
from ._render import render
from ._text import NormText
from ._writers import to_dataframe

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "KIND_PRIORITY",
    "NESTING_ALLOWED",
    "BaseRecord",
    "Candidate",
    "DateRecord",
    "Doc",
    "DocResult",
    "ExtractionResult",
    "Extractor",
    "LegalRefRecord",
    "LocationRecord",
    "NormText",
    "NumberRecord",
    "OrganizationRecord",
    "OverlapPolicy",
    "PatternError",
    "PercentRecord",
    "PersonRecord",
    "RatioRecord",
    "Record",
    "ServiceLevelRecord",
    "SystemRecord",
    "__version__",
    "extract",
    "extract_bytes",
    "extract_many",
    "json_schema",
    "render",
    "repair_text",
    "resolve_overlaps",
    "to_dataframe",
]
