"""Bytes to text: UTF-8, UTF-16 (with a BOM), then the legacy single-byte encodings.

Bytes that are not UTF-8 are read three ways: Windows-1258 (composed to NFC: it writes
tones as combining marks), and TCVN3 and VNI (the font encodings of the ABC and VNI
keyboards). The reading whose words look most Vietnamese wins; ties go to Windows-1258.

The command line and :func:`extract_bytes` decode through :func:`decode_bytes`, so every
way of reading an archive agrees on what a document's text is.
"""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from ._legacy import convert_whole, encodings, plausibility

if TYPE_CHECKING:
    from ._records import ExtractionResult


def _windows_1252_table() -> dict[int, str]:
    """Byte → character as Windows-1252 reads it; its five holes read as Latin-1."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            table[byte] = chr(byte)
    return table


_CP1252 = _windows_1252_table()


def _as_windows_1252(data: bytes) -> str:
    """``data`` read as Windows-1252, never failing (what a legacy file shows in an editor)."""
    return data.decode("latin-1").translate(_CP1252)


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes; never raises for any input.

    >>> decode_bytes("Sở Nội vụ".encode("utf-8"))
    'Sở Nội vụ'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "80%".encode("utf-16-le"))
    '80%'
    >>> decode_bytes(b"S\\xf5\\xd2 N\\xf4\\xf2i vu\\xf2 ti\\xd2nh")   # Windows-1258
    'Sở Nội vụ tỉnh'
    >>> decode_bytes(b"U\\xfb ban nh\\xa9n d\\xa9n t\\xd8nh")   # TCVN3 (.VnTime)
    'Uỷ ban nhân dân tỉnh'
    >>> decode_bytes(b"U\\xdby ban nha\\xe2n da\\xe2n t\\xe6nh")   # VNI (VNI-Times)
    'Ủy ban nhân dân tỉnh'
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    best_score = plausibility(best)
    raw = _as_windows_1252(data)
    for name in encodings():
        text = unicodedata.normalize("NFC", convert_whole(raw, name))
        score = plausibility(text)
        if score > best_score:
            best, best_score = text, score
    return best


def extract_bytes(data: bytes, *, published: dt.date | None = None) -> ExtractionResult:
    """Decode ``data`` with :func:`decode_bytes`, then :func:`extract` the text.

    Offsets of the records point into ``decode_bytes(data)``.

    >>> r = extract_bytes(b"U\\xfb ban nh\\xa9n d\\xa9n \\xae\\xb9t 80%")
    >>> [(x.kind, x.text) for x in r.records if x.kind == "percent"]
    [('percent', '80%')]
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"extract_bytes() expects bytes, got {type(data).__name__}; use extract() for a str"
        )
    from ._pipeline import extract  # the pipeline imports the view, which imports _legacy

    return extract(decode_bytes(bytes(data)), published=published)
