"""The normalised view of a text, with a map back to the caller's offsets.

Rules match on a cleaned copy (NFC, one apostrophe, one dash, plain spaces, ASCII digits)
but records must point into the caller's own string. :class:`NormText` keeps, for every
character of the clean copy, the span of source characters it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that only change shape: folded one-for-one (or dropped) in the view.
_FOLD: dict[str, str] = {
    "\u2019": "'",  # right single quotation mark, the usual apostrophe in "H’leo"
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\u00a0": " ",  # no-break space
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u3000": " ",
    "\uff05": "%",  # full-width percent
    "\u066a": "%",
}
# Invisible characters: dropped, so "1.\u200b626" still reads as one figure.
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _fold_char(ch: str) -> str:
    """One source character as it appears in the view ('' when dropped).

    >>> _fold_char("\uff13"), _fold_char("\u2019"), _fold_char("\u00ad")
    ('3', "'", '')
    """
    if ch in _DROP:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    if "\uff10" <= ch <= "\uff19":  # full-width digits
        return chr(ord(ch) - 0xFF10 + ord("0"))
    return ch


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised view of ``source``; ``starts[i]``/``ends[i]`` locate view char ``i``.

    >>> v = NormText.of("Ea H\u2019leo")
    >>> v.text
    "Ea H'leo"
    >>> v.to_source(3, 8)
    (3, 8)
    >>> d = NormText.of("ho\u0300a 5\uff05")   # decomposed accent, full-width percent
    >>> d.text, d.to_source(0, 3), d.to_source(4, 6)
    ('hòa 5%', (0, 4), (5, 7))
    """

    source: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> NormText:
        """Build the view of ``source``."""
        if source.isascii():  # nothing to fold: the view is the source
            idx = tuple(range(len(source)))
            return cls(source, source, idx, tuple(i + 1 for i in idx))
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, n = 0, len(source)
        while i < n:
            # a base character and the combining marks after it compose together
            j = i + 1
            while j < n and unicodedata.combining(source[j]):
                j += 1
            chunk = "".join(_fold_char(c) for c in source[i:j])
            if j - i > 1 or not chunk.isascii():
                chunk = unicodedata.normalize("NFC", chunk)
            for ch in chunk:
                out.append(ch)
                starts.append(i)
                ends.append(j)
            i = j
        return cls(source, "".join(out), tuple(starts), tuple(ends))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span ``[start, end)`` to the source span that covers it."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]
