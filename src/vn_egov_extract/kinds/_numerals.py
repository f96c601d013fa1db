"""Figures and number words, shared by every kind that reads a quantity.

Vietnamese writes ``.`` between thousands and ``,`` before decimals ("1.410.312", "19,5").
Number words follow the usual grammar ("hai mươi mốt nghìn không trăm mười một"). The
words themselves are data: ``patterns/numerals.yaml``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from .._patterns import PatternModel, load


class NumeralPatterns(PatternModel):
    """Schema of ``patterns/numerals.yaml``."""

    digits: dict[str, int]
    after_tens: dict[str, int]
    ten: str
    tens_marker: str
    tens_count: str
    zero_tens: list[str]
    hundred: str
    scales: dict[str, int]
    suffixes: dict[str, int]
    qualifiers: dict[str, list[str]]
    vague_multipliers: list[str]
    negative: list[str]
    ordinal_before: list[str]
    code_before: list[str]
    level_before: list[str]
    timezone_before: list[str]


def numerals() -> NumeralPatterns:
    """The numeral word lists (loaded once)."""
    return load("numerals.yaml", NumeralPatterns)


# A figure: thousands groups with dots, or plain digits, then an optional decimal part.
# "10.61" (two digits after the dot) is a decimal; "10.610" is ten thousand six hundred ten.
# Bounded: a run of more than 15 digits is an identifier, not a quantity.
FIGURE = (
    r"(?:\d{1,3}(?:\.\d{3}){1,5}(?!\d)(?:,\d{1,9})?"
    r"|\d{1,3}(?:,\d{3}){2,5}(?!\d)"
    r"|\d{1,15}(?:,\d{1,9})?"
    r"|\d{1,15}\.\d{1,2}(?!\d)"
    r"|\d{1,15}\.\d{4,9}"
    r")"
)
FIGURE_RE = regex.compile(FIGURE)
_ENGLISH_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DOTTED_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_figure(surface: str) -> int | float:
    """The value of a written figure.

    >>> parse_figure("1.410.312"), parse_figure("19,5"), parse_figure("10.61")
    (1410312, 19.5, 10.61)
    >>> parse_figure("01"), parse_figure("0,5"), parse_figure("1,200,000")
    (1, 0.5, 1200000)
    """
    s = surface.strip()
    if "," not in s and "." not in s:
        return int(s)  # the usual plain digits: neither pattern below can match them
    if _ENGLISH_THOUSANDS.fullmatch(s):  # English thousands: "1,200,000"
        return int(s.replace(",", ""))
    if _DOTTED_THOUSANDS.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    if "." in s:
        value = float(s)
        return (
            int(value)
            if value.is_integer() and "." not in surface and "," not in surface
            else value
        )
    return int(s)


@functools.cache
def number_word_set() -> frozenset[str]:
    """Every word that can be part of a spelled-out number."""
    p = numerals()
    words = set(p.digits) | set(p.after_tens) | set(p.scales) | set(p.zero_tens)
    words |= {p.ten, p.tens_marker, p.tens_count, p.hundred}
    return frozenset(words)


def _parse_below_thousand(words: list[str], i: int) -> tuple[int, int] | None:
    """Parse a group 0-999 starting at ``words[i]``; return (value, next index)."""
    p = numerals()
    n = len(words)
    value, j = 0, i
    seen_hundreds = False
    if j < n and words[j] == p.hundred:  # bare "trăm" = 100
        value, j, seen_hundreds = 100, j + 1, True
    elif j + 1 < n and words[j] in p.digits and words[j + 1] == p.hundred:
        value, j, seen_hundreds = p.digits[words[j]] * 100, j + 2, True
    tens_seen = False
    if j < n and words[j] == p.ten:
        value, j, tens_seen = value + 10, j + 1, True
    elif j + 1 < n and words[j] in p.digits and words[j + 1] in (p.tens_marker, p.tens_count):
        if words[j] in ("không", "một") and words[j + 1] == p.tens_marker:
            return None if j == i else (value, j)
        value, j = value + p.digits[words[j]] * 10, j + 2
        tens_seen = words[j - 1] == p.tens_marker
    elif seen_hundreds and j < n and words[j] in p.zero_tens:
        j += 1
        if j < n and words[j] in p.digits:
            return value + p.digits[words[j]], j + 1
        return None
    if j < n and tens_seen and words[j] in p.after_tens:
        return value + p.after_tens[words[j]], j + 1
    if j < n and words[j] in p.digits and words[j] != "không":
        if j + 1 < n and words[j + 1] in (p.hundred, p.tens_marker):
            return (value, j) if j > i else None
        return value + p.digits[words[j]], j + 1
    if j < n and words[j] == "không" and j == i:
        if j + 1 < n and words[j + 1] == p.hundred:
            return 0, j + 2
        return 0, j + 1
    return (value, j) if j > i else None


def parse_number_words(words: list[str]) -> tuple[int, int] | None:
    """Parse spelled-out number words from the start of ``words`` (lower case).

    Returns (value, count of words used), or None.

    >>> parse_number_words("hai mươi mốt nghìn không trăm mười một".split())
    (21011, 8)
    >>> parse_number_words("một trăm linh năm cán bộ".split())
    (105, 4)
    >>> parse_number_words("hai trăm ngàn".split()), parse_number_words("mười lăm".split())
    ((200000, 3), (15, 2))
    >>> parse_number_words("ba nghìn".split()), parse_number_words(["trăm"])
    ((3000, 2), (100, 1))
    """
    p = numerals()
    parts: list[int] = []
    i, n = 0, len(words)
    group: int | None = None
    while i < n:
        if words[i] in p.scales:
            scale = p.scales[words[i]]
            acc = group or 0
            group = None
            while parts and parts[-1] < scale:
                acc += parts.pop()
            parts.append((acc or 1) * scale)
            i += 1
            continue
        if group is not None:
            break
        parsed = _parse_below_thousand(words, i)
        if parsed is None:
            break
        group, i = parsed
    if i == 0:
        return None
    return sum(parts) + (group or 0), i


@functools.cache
def qualifier_words() -> dict[str, str]:
    """Qualifier word → qualifier name ("trên" → "over"), from ``patterns/numerals.yaml``."""
    return {w: name for name, words in numerals().qualifiers.items() for w in words}


@functools.cache
def _qualifier_tail() -> regex.Pattern[str]:
    words = sorted(qualifier_words(), key=len, reverse=True)
    alts = "|".join(regex.escape(w) for w in words)
    return regex.compile(rf"(?<![\p{{L}}\d])(?P<qual>{alts})\s+$", regex.IGNORECASE)


# "İ".casefold() is "i" and a combining dot, where an ignore-case pattern matches a plain "i"
_DOT_ABOVE = "\u0307"


def folded_tail(text: str, end: int, width: int) -> str:
    """``text[end - width:end]`` case-folded, without its trailing spaces.

    A cheap necessary test before an ignore-case pattern anchored at ``end`` ("word, then
    spaces, then ``end``"): where it matches, this string ends with the word's last
    word (every space ``regex`` knows is one for ``str.rstrip`` too).

    >>> folded_tail("Có TRÊN  46", 9, 6), folded_tail("x  ", 3, 8)
    ('trên', 'x')
    """
    return text[max(0, end - width) : end].casefold().replace(_DOT_ABOVE, "").rstrip()


def last_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The case-folded last word of each phrase, for ``str.endswith`` on a folded tail.

    >>> last_words(["chưa đến", "trên", "Trên"])
    ('trên', 'đến')
    """
    return tuple(sorted({p.split()[-1].casefold() for p in phrases}))


@functools.cache
def _qualifier_ends() -> tuple[str, ...]:
    return last_words(qualifier_words())


QUALIFIER_REACH = 24  # characters looked at before a figure for its qualifier


def qualifier_before(text: str, start: int, tail: str | None = None) -> tuple[str | None, int]:
    """The qualifier word right before ``start`` and where the qualified span starts.

    Looked up after the figure is found, so scanning stays anchored on digits.
    ``tail``: ``folded_tail(text, start, QUALIFIER_REACH)`` when the caller has it.

    >>> qualifier_before("có trên 46.016", 8), qualifier_before("có 46.016", 3)
    (('trên', 3), (None, 3))
    """
    if tail is None:
        tail = folded_tail(text, start, QUALIFIER_REACH)
    if not tail.endswith(_qualifier_ends()):
        return None, start  # most figures have none: a string test spares the pattern
    m = _qualifier_tail().search(text, max(0, start - QUALIFIER_REACH), start)
    return (m.group("qual"), m.start()) if m else (None, start)


def qualifier_of(word: str | None) -> str:
    """The qualifier name of a matched qualifier word ("exact" when none).

    >>> qualifier_of("Trên"), qualifier_of(None), qualifier_of("xấp xỉ")
    ('over', 'exact', 'approx')
    """
    if not word:
        return "exact"
    return qualifier_words().get(word.lower(), "exact")
