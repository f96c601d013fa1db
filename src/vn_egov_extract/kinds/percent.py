"""`percent` records: "80%", "19,5 %", "10.61%", "85 phần trăm", "trên 98%", "80-90%".

A range "80-90%" is ONE record: ``value`` is the low end, ``high`` the high end.
Rules: ``percent.sign``, ``percent.range``, ``percent.words`` ("phần trăm").

A value above 100 is kept, and flagged ``implausible`` when the prose makes it a share of a
whole ("chiếm 150%", "tỷ lệ ... 150%") rather than a change ("tăng 150%", "gấp", "so với
cùng kỳ", "đạt 120% kế hoạch"); the cue words are in ``patterns/percent_plausibility.yaml``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from .._candidate import Candidate, Doc
from .._patterns import PatternModel, load
from ._numerals import (
    FIGURE,
    number_word_set,
    numerals,
    parse_figure,
    parse_number_words,
    qualifier_before,
    qualifier_of,
)
from ._phrases import literal_alternation

# a dot before two digits is a decimal here: "10.61%" (the share cannot be ten thousand)
_PCT_FIGURE = rf"(?:\d+\.\d{{1,2}}(?!\d)|{FIGURE})"
_DOT_DECIMAL = regex.compile(r"\d+\.\d{1,2}")
_BEFORE = r"(?<![\p{L}\d.,/:])"
_PHAN_TRAM = regex.compile(r"phần\s+trăm", regex.IGNORECASE)


@functools.cache
def _sign_re() -> regex.Pattern[str]:
    # possessive spaces (*+): a non-space follows each run in any match, so giving spaces
    # back never helps, and two greedy runs side by side backtrack in quadratic time
    # ("5", a million spaces, "%")
    return regex.compile(
        rf"{_BEFORE}(?P<low>{_PCT_FIGURE})"
        rf"(?:\s*+%?\s*+(?:-|đến|tới)\s*+(?P<high>{_PCT_FIGURE}))?"
        r"\s?%",
        regex.IGNORECASE,
    )


# everything a sign match is made of: figures, spaces, "%" and "-", "đến", "tới" between two
_SIGN_PARTS = r"\d.,\s%\-đếntới"
_OUTSIDE = regex.compile(rf"[^{_SIGN_PARTS}]", regex.IGNORECASE)
_OUTSIDE_BEFORE = regex.compile(rf"(?r)[^{_SIGN_PARTS}]", regex.IGNORECASE)


def _sign_matches(text: str) -> Iterator[regex.Match[str]]:
    """``_sign_re().finditer(text)``, tried only on the stretches of ``_SIGN_PARTS`` around
    each "%": no match goes past another character, and most of a text is far from a "%".

    >>> [m.group() for m in _sign_matches("đạt 98%, từ 80 - 90 % và 5 người; 7 %")]
    ['98%', '80 - 90 %', '7 %']
    """
    pattern = _sign_re()
    done = 0  # the text before this is searched
    sign = text.find("%")
    while sign >= 0:
        before = _OUTSIDE_BEFORE.search(text, done, sign)
        start = before.end() if before else done
        after = _OUTSIDE.search(text, sign)
        done = after.start() if after else len(text)
        # the look-behind at a match's start still sees the text before the stretch, and
        # the look-aheads at its end see either no digit or no character: the same answer
        yield from pattern.finditer(text, start, done)
        sign = text.find("%", done)


@functools.cache
def _words_re() -> regex.Pattern[str]:
    p = numerals()
    # no scale words: "năm nghìn phần trăm" is not a share anyone writes
    word = literal_alternation(number_word_set() - set(p.scales) - {p.tens_count})
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?P<fig>{_PCT_FIGURE})|(?P<run>(?:{word})(?:\s+(?:{word})){{0,6}}))"
        r"\s+phần\s+trăm(?![\p{L}])",
        regex.IGNORECASE,
    )


class Plausibility(PatternModel):
    """Cue words for shares (cannot pass 100%) and changes (can)."""

    share_before: list[str]
    share_after: list[str]
    change: list[str]


def _words(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _cues() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    p = load("percent_plausibility.yaml", Plausibility)

    def edge(words: list[str]) -> regex.Pattern[str]:
        return regex.compile(r"(?<![\p{L}\d])(?:" + _words(words) + r")(?![\p{L}])")

    after = regex.compile(r"^\s{0,3}(?:" + _words(p.share_after) + r")(?![\p{L}])")
    return edge(p.share_before), after, edge(p.change)


# a clause ends at ; ! ? a line break, or a full stop not inside a figure
_CLAUSE_END = regex.compile(r"[;!?\n]|\.(?!\d)")


def _clause_around(lower: str, start: int, end: int) -> tuple[str, str]:
    """The lower-cased clause text before and after a figure, at most 80 / 40 characters."""
    before = lower[max(0, start - 80) : start]
    cut = list(_CLAUSE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    after = lower[end : end + 40]
    stop = _CLAUSE_END.search(after)
    if stop:
        after = after[: stop.start()]
    return before, after


def implausible(lower: str, start: int, end: int, value: float) -> bool:
    """Whether a percentage above 100 at ``lower[start:end]`` is a share of a whole.

    ``lower`` is the lower-cased view. Shares cannot pass 100%; changes and plan
    fulfilment can.

    >>> def flag(s): i = s.index("150"); return implausible(s, i, i + 4, 150.0)
    >>> flag("xã chiếm 150% hộ dân"), flag("tỷ lệ hồ sơ trực tuyến đạt 150%")
    (True, True)
    >>> flag("doanh thu tăng 150%"), flag("tỷ lệ tăng trưởng 150%"), flag("đạt 150% kế hoạch")
    (False, False, False)
    >>> flag("số hồ sơ bằng 150% so với cùng kỳ"), flag("đạt 150% tổng số hồ sơ")
    (False, True)
    >>> implausible("chiếm 80%", 6, 9, 80.0)
    False
    """
    if value <= 100:
        return False
    share_before, share_after, change = _cues()
    before, after = _clause_around(lower, start, end)
    if change.search(before) or change.search(after):
        return False
    return bool(share_before.search(before) or share_after.search(after))


def _value(surface: str) -> float:
    """The value of a percentage figure; a dot with 1-2 digits after it is a decimal.

    >>> _value("10.61"), _value("19,5"), _value("100")
    (10.61, 19.5, 100.0)
    """
    if "." in surface and _DOT_DECIMAL.fullmatch(surface):
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
    for m in _sign_matches(text):
        qual, start = qualifier_before(text, m.start())
        values: dict[str, object] = {
            "value": _value(m.group("low")),
            "qualifier": qualifier_of(qual),
        }
        rule = "percent.sign"
        if m.group("high"):
            values["high"] = _value(m.group("high"))
            rule = "percent.range"
        _flag(doc, values, start, m.end())
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
        _flag(doc, values, start, m.end())
        yield Candidate("percent", start, m.end(), "percent.words", values)


def _flag(doc: Doc, values: dict[str, object], start: int, end: int) -> None:
    """Set ``implausible`` on a share above 100% (only then: most records never pay)."""
    top = max(v for k, v in values.items() if k in ("value", "high") and isinstance(v, float))
    if top > 100 and implausible(doc.lower(), start, end, top):
        values["implausible"] = True
