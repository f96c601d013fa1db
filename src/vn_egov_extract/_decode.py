"""Bytes to text: UTF-8 first, then UTF-16 (with a BOM), then Windows-1258.

The command line and :func:`extract_bytes` decode through :func:`decode_bytes`, so every
way of reading an archive agrees on what a document's text is.
"""

from __future__ import annotations

import codecs


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes; never raises for any input.

    >>> decode_bytes("Sở Nội vụ".encode("utf-8"))
    'Sở Nội vụ'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "80%".encode("utf-16-le"))
    '80%'
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")
