"""The normalised view of a text, with a map back to the caller's offsets.

Rules match on a cleaned copy (NFC, new-style tone placement, one apostrophe, one dash,
plain spaces, ASCII digits, no HTML entities or stray tags, no invisible characters, legacy
TCVN3 / VNI / double-UTF-8 mojibake repaired) but records must point into the caller's own
string. :class:`NormText` keeps maps (:class:`._offsets.SpanMap`) from the clean copy back
to the source; only the rewritten chunks are stored, so clean text costs almost nothing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from ._legacy import repair_map
from ._offsets import SpanMap, SpanMapBuilder
from ._prefilter import prefiltered

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

# view characters that stand for several source shapes (dashes, apostrophes, quotes)
_SHAPE_ONLY = frozenset("-'\"")


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
# - "oa/oe/uy" ending a syllable with the tone on its second vowel (not after "q": "quý";
#   not when an invisible character hides that the syllable goes on: "Hoà\u00adng");
# - an HTML entity or a stray tag left in the text ("&nbsp;", "<br/>");
# - a character with combining marks after it, or a decomposed Hangul syllable (to NFC);
# - a character to fold or drop, any script's digits, characters NFC rewrites on their own.
#
# Invisible characters inside a word ("Ho\u200bà"): the tone move looks through them.
_INVISIBLE = "[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]"
_ONE_CHAR = (
    regex.escape("".join(_FOLD) + "".join(_DROP)) + "\u2126\u212a\u212b\u0340\u0341\u0343\u0344"
)
_PLAIN_SPECIAL = (
    "["
    + _ONE_CHAR
    + "]"
    + "|&(?:[a-zA-Z]{2,8}|#\\d{1,7}|#[xX][0-9a-fA-F]{1,6});"
    + "|<(?:/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\\s[^<>]{0,300})?/?|!--[^<>]{0,500}?--)>"
    + "|[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?"
    + "|(?![0-9])\\p{Nd}"  # any other script's digit ("３", "٣", "३"): rules read ASCII
    + "|(?<![qQ]"
    + _INVISIBLE
    + "{0,8})[oOuU]"
    + _INVISIBLE
    + "{0,8}["
    + "".join(sorted({k[1] for k in _TONE_MOVES}))
    + "](?!"
    + _INVISIBLE
    + "{0,8}\\p{L})"
)
# Text without combining marks (nearly all of it) is scanned with a first-character test,
# several times faster than trying every alternative at every position.
_SPECIAL_NO_MARKS = regex.compile(
    "(?=[oOuU&<\u1100-\u1112\\p{Nd}" + _ONE_CHAR + "])(?:" + _PLAIN_SPECIAL + ")"
)
_SPECIAL = regex.compile(
    "(?<![qQ]"
    + _INVISIBLE
    + "{0,8})[oOuU]"
    + _INVISIBLE
    + "{0,8}[aAeEyY]\\p{M}++(?!"
    + _INVISIBLE
    + "{0,8}\\p{L})|"
    + _PLAIN_SPECIAL
    + "|[^\\p{M}]?\\p{M}+"
)
_ANY_MARK = regex.compile("\\p{M}")


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

    >>> _fold_char("\uff13"), _fold_char("\u0663"), _fold_char("\u2019"), _fold_char("\u00ad")
    ('3', '3', "'", '')
    """
    if ch in _DROP:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    if _DIGIT.match(ch):  # full-width and every other script's digits
        return str(_digit_value(ch))
    return ch


_DIGIT = regex.compile("(?![0-9])\\p{Nd}")


def _digit_value(ch: str) -> int:
    """The value of a decimal digit of any script, even one newer than ``unicodedata``.

    Digits come in runs of ten from zero, so a digit's value is its place in its run.

    >>> _digit_value("\u0663"), _digit_value("\U00011de7"), _digit_value("\U0001d7d9")
    (3, 7, 1)
    """
    value = unicodedata.decimal(ch, None)
    if value is not None:
        return value
    code = ord(ch)
    run = 0
    while run < 100 and _DIGIT.match(chr(code - run - 1)):
        run += 1
    return run % 10


def _rebuild(
    source: str, matches: Iterable[regex.Match[str]], rewrite: Callable[[str], str]
) -> tuple[str, SpanMap | None]:
    """``source`` with every match (in order, disjoint) rewritten, and the map back (None:
    no change).

    >>> text, m = _rebuild("ho\u0300a", _SPECIAL.finditer("ho\u0300a"), _rewrite)
    >>> text, [m.char(i) for i in range(len(text))]
    ('hòa', [(0, 1), (1, 3), (3, 4)])
    """
    out: list[str] = []
    chunks = SpanMapBuilder()
    done = 0
    size = 0  # length of the rewritten text so far
    for m in matches:
        i, j = m.span()
        out.append(source[done:i])  # plain stretches are copied whole
        size += i - done
        new = rewrite(m.group())
        out.append(new)
        chunks.add(size, len(new), i, j)
        size += len(new)
        done = j
    if not out:
        return source, None
    out.append(source[done:])
    size += len(source) - done
    return "".join(out), chunks.build(size, len(source))


def _fold(source: str) -> tuple[str, SpanMap | None]:
    """The folded text of ``source`` and its map back (None when nothing changes)."""
    if _ANY_MARK.search(source):
        return _rebuild(source, _SPECIAL.finditer(source), _rewrite)
    return _rebuild(source, _special_matches(source), _rewrite)


# Where _SPECIAL_NO_MARKS can match: a character it folds, drops or rewrites; an "o"/"u"
# that an invisible character or a vowel it may move the tone to follows; another script's
# digit. Three ``re``/``regex`` class scans find these several times faster than the
# pattern's own scan, which tries its alternatives at every "o" and "u" of the text.
_SPECIAL_FIRST = re.compile("[&<\u1100-\u1112" + _ONE_CHAR + "]")
_TONE_FIRST = re.compile(
    "[oOuU](?=[" + _INVISIBLE[1:-1] + "".join(sorted({k[1] for k in _TONE_MOVES})) + "])"
)
_OTHER_DIGIT = regex.compile(r"[^\P{Nd}0-9]")


def _special_matches(source: str) -> Iterator[regex.Match[str]]:
    """``_SPECIAL_NO_MARKS.finditer(source)``, tried only where a match can start.

    >>> s = "Hoà 5\uff05 &amp; <b>quá</b> \u0663 ho\u200bà \u2013"
    >>> [m.span() for m in _special_matches(s)] == [
    ...     m.span() for m in _SPECIAL_NO_MARKS.finditer(s)]
    True
    """
    starts = [m.start() for m in _SPECIAL_FIRST.finditer(source)]
    starts += [m.start() for m in _TONE_FIRST.finditer(source)]
    starts += [m.start() for m in _OTHER_DIGIT.finditer(source)]
    starts.sort()
    return prefiltered(_SPECIAL_NO_MARKS, source, starts)


_MARKS = regex.compile("[^\\p{M}]?\\p{M}+")


def _nfc(chunk: str) -> str:
    return unicodedata.normalize("NFC", chunk)


def _compose(source: str) -> tuple[str, SpanMap | None]:
    """``source`` with combining sequences composed (NFC), and the map back.

    >>> _compose("N\u0303a")[0]
    'Ña'
    """
    if not _ANY_MARK.search(source):
        return source, None
    return _rebuild(source, _MARKS.finditer(source), _nfc)


def _needed(*maps: SpanMap | None) -> tuple[SpanMap, ...]:
    """The maps that move offsets; one that only swaps characters one for one in place
    (dashes, quotes: most articles) is left out, so mapping a span back costs nothing."""
    return tuple(m for m in maps if m is not None and not m.keeps_offsets)


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised view of ``source``; :meth:`to_source` maps view spans back.

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
    # Maps from the view back to the source, innermost first; empty when the view is the
    # source itself (the common case: nothing to fold).
    maps: tuple[SpanMap, ...] = ()

    @classmethod
    def of(cls, source: str) -> NormText:
        """Build the view of ``source``.

        Legacy mojibake (TCVN3 / VNI read as Windows-1252) is repaired first, then the
        repaired text is folded; the maps are chained so offsets still point into
        ``source``.

        >>> v = NormText.of("Uû ban nh\u00a9n d\u00a9n t\u00d8nh")
        >>> v.text, v.to_source(0, 2), v.to_source(7, 10)
        ('Ủy ban nhân dân tỉnh', (0, 2), (7, 10))
        >>> w = NormText.of("UÛy ban nhaân daân")   # VNI: a mark byte follows its vowel
        >>> w.text, w.to_source(7, 11)
        ('Ủy ban nhân dân', (8, 13))
        """
        # legacy detection looks at composed text, so NFD mojibake is found like NFC
        composed, composing = _compose(source)
        repaired = repair_map(composed)
        if repaired is None:
            text, folding = _fold(source)
            return cls(source, text, _needed(folding))
        text, folding = _fold(repaired.text)
        return cls(source, text, _needed(folding, repaired.map, composing))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span ``[start, end)`` to the source span that covers it."""
        for m in self.maps:
            start, end = m.to_source(start, end)
        return start, end

    def display(self, start: int, end: int) -> str:
        """The view's text of ``[start, end)`` as a value to show: cleaned (NFC, no entities,
        soft hyphens or mojibake, single spaces) but with the caller's own dashes and quotes,
        which the view folds only so that rules can match them ("Tài chính – Kế hoạch").

        >>> v = NormText.of("Phòng Tài chính – Kế­ hoạch&nbsp;huyện")
        >>> v.display(0, len(v.text))
        'Phòng Tài chính – Kế hoạch huyện'
        """
        chars = list(self.text[start:end])
        for i, ch in enumerate(chars):
            if ch in _SHAPE_ONLY:
                s, e = self.to_source(start + i, start + i + 1)
                if e - s == 1:
                    chars[i] = self.source[s]
        return " ".join("".join(chars).split())
