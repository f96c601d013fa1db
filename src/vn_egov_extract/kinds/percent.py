"""`percent` records: "80%", "19,5 %", "10.61%", "85 phần trăm", "trên 98%", "80-90%".

A range "80-90%" is ONE record: ``value`` is the low end, ``high`` the high end.
Rules: ``percent.sign``, ``percent.range``, ``percent.words`` ("phần trăm").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from .._candidate import Candidate, Doc
from ._numerals import (
    FIGURE,
    numerals,
    parse_figure,
    parse_number_words,
    qualifier_before,
    qualifier_of,
)

# a dot before two digits is a decimal here: "10.61%" (the share cannot be ten thousand)
_PCT_FIGURE = rf"(?:\d+\.\d{{1,2}}(?!\d)|{FIGURE})"
_BEFORE = r"(?<![\p{L}\d.,/:])"
_PHAN_TRAM = regex.compile(r"phần\s+trăm", regex.IGNORECASE)


@functools.cache
def _sign_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"{_BEFORE}(?P<low>{_PCT_FIGURE})(?:\s*%?\s*(?:-|đến|tới)\s*(?P<high>{_PCT_FIGURE}))?"
        r"\s?%",
        regex.IGNORECASE,
    )


@functools.cache
def _words_re() -> regex.Pattern[str]:
    p = numerals()
    words = sorted(
        set(p.digits) | set(p.after_tens) | set(p.zero_tens) | {p.ten, p.tens_marker, p.hundred},
        key=len,
        reverse=True,
    )
    word = "|".join(regex.escape(w) for w in words)
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?P<fig>{_PCT_FIGURE})|(?P<run>(?:{word})(?:\s+(?:{word})){{0,6}}))"
        r"\s+phần\s+trăm(?![\p{L}])",
        regex.IGNORECASE,
    )


def _value(surface: str) -> float:
    """The value of a percentage figure; a dot with 1-2 digits after it is a decimal.

    >>> _value("10.61"), _value("19,5"), _value("100")
    (10.61, 19.5, 100.0)
    """
    if regex.fullmatch(r"\d+\.\d{1,2}", surface):
        return float(surface)
    return float(parse_figure(surface))


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``percent`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("đạt trên 98%, từ 80-90 % và tám mươi phần trăm"))
    >>> [(c.rule, c.values) for c in find(d)]  # doctest: +NORMALIZE_WHITESPACE
    [('percent.sign', {'value': 98.0, 'qualifier': 'over'}),
     ('percent.range', {'value': 80.0, 'qualifier': 'exact', 'high': 90.0}),
     ('percent.words', {'value': 80.0, 'qualifier': 'exact'})]
    """
    text = doc.text
    for m in _sign_re().finditer(text):
        qual, start = qualifier_before(text, m.start())
        values: dict[str, object] = {
            "value": _value(m.group("low")),
            "qualifier": qualifier_of(qual),
        }
        rule = "percent.sign"
        if m.group("high"):
            values["high"] = _value(m.group("high"))
            rule = "percent.range"
        yield Candidate("percent", start, m.end(), rule, values)
    if not _PHAN_TRAM.search(text):  # cheap test first: the word form is rare
        return
    for m in _words_re().finditer(text):
        if m.group("fig"):
            value = _value(m.group("fig"))
        else:
            parsed = parse_number_words(m.group("run").lower().split())
            if parsed is None or parsed[1] != len(m.group("run").split()):
                continue
            value = float(parsed[0])
        qual, start = qualifier_before(text, m.start())
        values = {"value": value, "qualifier": qualifier_of(qual)}
        yield Candidate("percent", start, m.end(), "percent.words", values)
