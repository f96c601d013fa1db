"""The normalised view of a text, with a map back to the caller's offsets.

Rules match on a cleaned copy (NFC, one apostrophe, one dash, plain spaces, ASCII digits)
but records must point into the caller's own string. :class:`NormText` keeps, for every
character of the clean copy, the span of source characters it came from.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass

import regex

from ._legacy import repair_map

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


def _old_tone_pairs() -> dict[str, str]:
    """Old-style tone placement → the placement the rules use: "hoà" → "hòa", "thuỷ" → "thủy"."""
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in "\u0300\u0301\u0309\u0303\u0323":
            old = first + unicodedata.normalize("NFC", second + mark)
            new = unicodedata.normalize("NFC", first + mark) + second
            for case in (str.lower, str.capitalize, str.upper):
                pairs[case(old)] = case(new)
    return pairs


_TONE_MOVES = _old_tone_pairs()

# What the view changes, each alternative a chunk that is rewritten as a whole:
# - "oa/oe/uy" ending a syllable with the tone on its second vowel (not after "q": "quý");
# - an HTML entity or a stray tag left in the text ("&nbsp;", "<br/>");
# - a character with combining marks after it, or a decomposed Hangul syllable (to NFC);
# - a character to fold or drop, full-width digits, characters NFC rewrites on their own.
_SPECIAL = regex.compile(
    "(?<![qQ])[oOuU](?:[aAeEyY]\\p{M}+|["
    + "".join(sorted({k[1] for k in _TONE_MOVES}))
    + "])(?!\\p{L})"
    + "|&(?:[a-zA-Z]{2,8}|#\\d{1,7}|#[xX][0-9a-fA-F]{1,6});"
    + "|<(?:/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\\s[^<>]{0,300})?/?|!--[^<>]{0,500}?--)>"
    + "|[^\\p{M}]?\\p{M}+"
    + "|[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?|["
    + regex.escape("".join(_FOLD) + "".join(_DROP))
    + "\uff10-\uff19\u2126\u212a\u212b\u0340\u0341\u0343\u0344]"
)


def _rewrite(chunk: str) -> str:
    """The view of one special chunk of the source.

    >>> _rewrite("oà"), _rewrite("u\u0309y"), _rewrite("&nbsp;"), _rewrite("<br/>")
    ('òa', 'ủy', ' ', ' ')
    """
    if chunk.startswith("<"):
        return " "  # a tag separates words; it never joins them
    if chunk.startswith("&"):
        chunk = html.unescape(chunk)
    chunk = unicodedata.normalize("NFC", "".join(_fold_char(c) for c in chunk))
    return _TONE_MOVES.get(chunk, chunk)


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


def _fold(source: str) -> tuple[str, tuple[int, ...] | None, tuple[int, ...] | None]:
    """The folded text of ``source`` and its map (None, None when nothing changes).

    >>> _fold("ho\u0300a")
    ('hòa', (0, 1, 3), (1, 3, 4))
    """
    if not _SPECIAL.search(source):  # nothing to fold: the view is the source
        return source, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for m in _SPECIAL.finditer(source):
        i, j = m.span()
        # plain stretches are copied whole; only special characters are looked at
        out.append(source[done:i])
        starts.extend(range(done, i))
        ends.extend(range(done + 1, i + 1))
        chunk = _rewrite(m.group())
        out.append(chunk)
        starts.extend([i] * len(chunk))
        ends.extend([j] * len(chunk))
        done = j
    out.append(source[done:])
    starts.extend(range(done, len(source)))
    ends.extend(range(done + 1, len(source) + 1))
    return "".join(out), tuple(starts), tuple(ends)


_MARKS = regex.compile("[^\\p{M}]?\\p{M}+")


def _compose(source: str) -> tuple[str, tuple[int, ...] | None, tuple[int, ...] | None]:
    """``source`` with combining sequences composed (NFC), and the map back.

    >>> _compose("N\u0303a")
    ('Ña', (0, 2), (2, 3))
    """
    if not _MARKS.search(source):
        return source, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for m in _MARKS.finditer(source):
        i, j = m.span()
        out.append(source[done:i])
        starts.extend(range(done, i))
        ends.extend(range(done + 1, i + 1))
        chunk = unicodedata.normalize("NFC", m.group())
        out.append(chunk)
        starts.extend([i] * len(chunk))
        ends.extend([j] * len(chunk))
        done = j
    out.append(source[done:])
    starts.extend(range(done, len(source)))
    ends.extend(range(done + 1, len(source) + 1))
    return "".join(out), tuple(starts), tuple(ends)


def _chain(
    outer_starts: tuple[int, ...] | None,
    outer_ends: tuple[int, ...] | None,
    starts: tuple[int, ...] | None,
    ends: tuple[int, ...] | None,
) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """Compose two maps: ``starts``/``ends`` point into a text that ``outer_*`` map back.

    >>> _chain((0, 2), (2, 3), (0, 1), (2, 2))
    ((0, 2), (3, 3))
    """
    if outer_starts is None or outer_ends is None:
        return starts, ends
    if starts is None or ends is None:
        return outer_starts, outer_ends
    return tuple(outer_starts[i] for i in starts), tuple(outer_ends[j - 1] for j in ends)


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
    # None when the view is the source itself (the common case: nothing to fold)
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @classmethod
    def of(cls, source: str) -> NormText:
        """Build the view of ``source``.

        Legacy mojibake (TCVN3 / VNI read as Windows-1252) is repaired first, then the
        repaired text is folded; the two maps are chained so offsets still point into
        ``source``.

        >>> v = NormText.of("Uû ban nh\u00a9n d\u00a9n t\u00d8nh")
        >>> v.text, v.to_source(0, 2), v.to_source(7, 10)
        ('Ủy ban nhân dân tỉnh', (0, 2), (7, 10))
        >>> w = NormText.of("UÛy ban nhaân daân")   # VNI: a mark byte follows its vowel
        >>> w.text, w.to_source(7, 11)
        ('Ủy ban nhân dân', (8, 13))
        """
        # legacy detection looks at composed text, so NFD mojibake is found like NFC
        composed, c_starts, c_ends = _compose(source)
        repaired = repair_map(composed)
        if repaired is None:
            return cls(source, *_fold(source))
        text, starts, ends = _fold(repaired.text)
        starts, ends = _chain(repaired.starts, repaired.ends, starts, ends)
        starts, ends = _chain(c_starts, c_ends, starts, ends)
        return cls(source, text, starts, ends)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span ``[start, end)`` to the source span that covers it."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]
