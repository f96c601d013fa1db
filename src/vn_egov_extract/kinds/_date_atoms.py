"""The smallest date expressions ("atoms") of the `date` kind, found by anchored regexes.

An atom is a span with a value function ``fn(published, hint) -> (first, last) | None``:
``published`` is the article's date (None when unknown), ``hint`` the first day of the other
side of a range, from which a partial date takes its missing year (and month). An atom
whose ``fn(None, None)`` is not None is absolute. ``date.py`` combines atoms ("Sáng" +
"21-2", "16:53" + "21/02/2020", "từ" X "đến" Y) and turns them into candidates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import regex

from . import _calendar as cal
from ._date_lexicon import words
from ._numerals import number_word_set
from ._phrases import spaced_alternation as alt

Interval = cal.Interval
ValueFn = Callable[[dt.date | None, dt.date | None], Interval | None]


@dataclass(slots=True)
class Atom:
    """One date expression in view offsets, before combination."""

    start: int
    end: int
    # day, relday ("hôm qua"), weekday, month, quarter, year, period, relunits ("2 tháng qua"),
    # time (a clock reading), datetime; helpers: dayonly ("ngày 15"), year_start, now
    kind: str
    rule: str
    grain: str  # the record's grain
    fn: ValueFn
    emit: bool = True  # a record on its own ("thứ hai" alone may be an ordinal: not)
    numeric: bool = False  # all digits ("21/02/2020", "16:53"): what datelines are made of
    time: str | None = None  # "HH:MM" of clock readings


def fixed(span: Interval | None) -> ValueFn:
    """A value function that ignores the article's date."""
    return lambda _pub, _hint: span


def in_year(year: int | None, shift: int | None, make: Callable[[int], Interval | None]) -> ValueFn:
    """A value inside one year: the written ``year``; else the article's year moved by
    ``shift`` ("tháng 3 năm ngoái"); else the hint's year (the other side of a range);
    else the article's year. None when none is known.

    >>> fn = in_year(None, None, lambda y: cal.day_span(y, 2, 21))
    >>> fn(dt.date(2020, 5, 1), None)[0], fn(None, dt.date(2019, 3, 1))[0], fn(None, None)
    (datetime.date(2020, 2, 21), datetime.date(2019, 2, 21), None)
    >>> in_year(None, -1, cal.year_span)(dt.date(2017, 2, 2), None)[0]
    datetime.date(2016, 1, 1)
    """

    def fn(pub: dt.date | None, hint: dt.date | None) -> Interval | None:
        if year is not None:
            y: int | None = year
        elif shift is not None:
            y = pub.year + shift if pub is not None else None
        elif hint is not None:
            y = hint.year
        else:
            y = pub.year if pub is not None else None
        return make(y) if y is not None else None

    return fn


def relative_fn(compute: Callable[[dt.date], Interval | None]) -> ValueFn:
    """A value counted from the article's date; None without it."""

    def fn(pub: dt.date | None, _hint: dt.date | None) -> Interval | None:
        return compute(pub) if pub is not None else None

    return fn


# --- regex fragments -------------------------------------------------------------------

_B = r"(?<![\p{L}\d])"  # word start
_E = r"(?![\p{L}\d])"  # word end
# a 4-digit year not glued to more digits, a slash, a legal suffix ("2020/TT-BTTTT") or a %
_Y4 = r"(?<![\d])\d{4}(?![\d/]|[.,]\d|[ \t]*%|-?\p{L})"


@functools.cache
def _fragments() -> dict[str, str]:
    w = words()
    nums = sorted(number_word_set(), key=len, reverse=True)
    numw = "(?:" + "|".join(regex.escape(x) for x in nums) + ")"
    return {
        "month": rf"(?:\d{{1,2}}|{alt(w.month_words)}){_E}",
        "yrel": alt(w.unit_shifts),
        "count": rf"(?:\d{{1,3}}|{numw}(?:[ \t]+{numw}){{0,3}})",
        "part": alt([p.word for p in w.parts_of_day]),
        "shift": alt(w.unit_shifts),
        "past": alt(w.span_past),
        "future": alt(w.span_future),
        "ago": alt(w.ago),
        "first": alt(w.period_first),
        "last": alt(w.period_last),
        "now": alt(w.until_now),
    }


def year_part() -> str:
    """An optional year after a month, a quarter or a day-month ("/2020", " năm 2020",
    " năm nay"): groups ``y`` and ``yrel``."""
    f = _fragments()
    return (
        rf"(?:(?:[ \t]*[/\-.][ \t]*|[ \t]+(?:của[ \t]+)?năm[ \t]+|[ \t]*,[ \t]*|[ \t]+)(?P<y>{_Y4})"
        rf"|[ \t]+(?:của[ \t]+)?năm[ \t]+(?P<yrel>{f['yrel']}){_E})?"
    )


def literal_led(phrases: list[str], body: str = "") -> tuple[regex.Pattern[str], ...]:
    """One pattern per first word of ``phrases`` (group ``w`` is the phrase), then ``body``.

    A pattern that starts with a literal word is found by a fast string search, where one
    alternation of many words would be tried at every position of the text.

    >>> [p.match("hôm qua").group("w") for p in literal_led(["hôm nay", "hôm qua", "bữa nay"])
    ...  if p.match("hôm qua")]
    ['hôm qua']
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        groups.setdefault(first, []).append(rest)
    out = []
    for first, rests in sorted(groups.items()):
        tails = [r for r in rests if r]
        tail = rf"[ \t]+{alt(tails)}" if tails else ""
        if tails and "" in rests:
            tail = f"(?:{tail})?"
        out.append(regex.compile(rf"{_B}(?P<w>{regex.escape(first)}{tail}){_E}{body}"))
    return tuple(out)


# look-behinds, searched in a short window ending where an atom starts
@functools.cache
def before_day() -> regex.Pattern[str]:
    """A day word ending right before a day ("ngày ", "ngày mồng ")."""
    days = alt(words().day_words)
    return regex.compile(rf"{_B}(?P<pre>{days})[ \t]+(?:(?:mồng|mùng)[ \t]+)?$")


@functools.cache
def before_day_test() -> regex.Pattern[str]:
    """:func:`before_day` as a REVERSE pattern matched backwards from a position (see
    ``_date_lexicon.tail_test``): whether one ends there, at the cost of one try."""
    days = alt(words().day_words)
    return regex.compile(rf"(?r){_B}(?P<pre>{days})[ \t]+(?:(?:mồng|mùng)[ \t]+)?\n?")


BEFORE_MONTH_DAY = regex.compile(
    rf"(?:{_B}(?P<pre>ngày|hôm)[ \t]+)?(?:{_B}(?P<mong>mồng|mùng)[ \t]+)?"
    rf"{_B}(?P<d>\d{{1,2}})[ \t]+$"
)
BEFORE_MONTH_EDGE = regex.compile(
    rf"{_B}(?P<unit>ngày|tuần)[ \t]+(?P<which>đầu[ \t]+tiên|cuối[ \t]+cùng)[ \t]+(?:của[ \t]+)?$"
)


@functools.cache
def before_count() -> regex.Pattern[str]:
    """A count ("9", "ba", "mười hai") ending right before a position."""
    return regex.compile(rf"{_B}(?P<n>{_fragments()['count']})[ \t]+$")


@functools.cache
def patterns() -> dict[str, tuple[regex.Pattern[str], ...]]:
    """Every atom regex, compiled once; all match on the lower-cased view and start with
    a digit or a literal word, so that scanning a text stays cheap."""
    f = _fragments()
    w = words()
    c = regex.compile
    return {
        "dmy": (
            c(
                r"(?<![\p{L}\d/.,:\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)"
                r"(?P<y>\d{4}|\d{2})(?![\d/]|[.,]\d|[ \t]*%|-?\p{L})"
            ),
        ),
        "dm": (
            c(
                r"(?<![\p{L}\d/.,:\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})"
                r"(?![\d/]|[.,]\d|[ \t]*%|\p{L}|-\d)"
                rf"(?:[ \t]+năm[ \t]+(?:(?P<y>{_Y4})|(?P<yrel>{f['yrel']}){_E}))?"
            ),
        ),
        # "15-17/6/2021", "15 và 16/6": two days of one month (a cue before is checked)
        "day_range": (
            c(
                r"(?<![\p{L}\d/.,:\-])(?P<d1>\d{1,2})[ \t]*(?:-|,|và|đến)[ \t]*(?P<d2>\d{1,2})"
                r"(?P<sep>[/.\-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?"
                r"(?![\d/]|[.,]\d|[ \t]*%|\p{L}|-\d)"
            ),
        ),
        # "tháng 6", "tháng 01/2021", "tháng 3 năm ngoái"; a day before it is looked up
        "month": (
            c(
                rf"{_B}tháng[ \t]+(?P<m>{f['month']})(?![ \t]*[/\-.][ \t]*\d{{1,2}}{_E})"
                + year_part()
                + rf"(?:[ \t]+(?P<mod>{alt(w.month_directions)}){_E})?"
            ),
        ),
        # "tháng 10-12/2020", "tháng 3 - 5 năm 2021": months of one year
        "month_range": (
            c(
                rf"{_B}tháng[ \t]+(?P<m1>\d{{1,2}})[ \t]*-[ \t]*(?P<m2>\d{{1,2}}){_E}"
                rf"(?![/.\-]\d{{1,2}}{_E})" + year_part()
            ),
        ),
        "mdy": (
            c(rf"{_B}tháng[ \t]+(?P<m>{f['month']})[ \t]+(?P<d>\d{{1,2}}),[ \t]*(?P<y>{_Y4})"),
        ),
        "month_year": (
            c(r"(?<![\p{L}\d/.,:\-])(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/]|[.,]\d|[ \t]*%|-?\p{L})"),
        ),
        # months listed before the one year they share: "tháng 3, 4 năm 2022", "các tháng 3,
        # 4 và 5/2022", "tháng 3 và tháng 4 năm 2022" (each month is read by find_month_lists)
        "month_list": (
            c(
                rf"{_B}tháng[ \t]+\d{{1,2}}(?:(?:[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)"
                rf"(?:tháng[ \t]+)?\d{{1,2}}){{1,11}}"
                rf"(?:/(?P<y>{_Y4})|[ \t]+năm[ \t]+(?P<y>{_Y4}))"
            ),
        ),
        "quarter": (
            c(
                rf"{_B}quý[ \t]+(?P<q>{alt(w.quarter_words)}|\d){_E}"
                rf"(?![ \t]*[/\-.][ \t]*\d{{1,2}}{_E})" + year_part()
            ),
        ),
        "year": (c(rf"{_B}năm[ \t]+(?P<y>{_Y4})(?![ \t]*-[ \t]*\d)"),),
        "years": (
            c(
                r"(?<![\p{L}\d/.,:\-])(?P<y1>(?:1[89]|20)\d\d)"
                rf"[ \t]*-[ \t]*(?:năm[ \t]+)?(?P<y2>{_Y4})"
            ),
        ),
        "bare_year": (
            c(
                r"(?<![\p{L}\d/.,:\-])(?P<y>(?:1[89]|20)\d\d)(?![\d/:]|[.,]\d|[ \t]*%|\p{L})"
                r"(?![ \t]*-[ \t]*\d|-\p{L})"
            ),
        ),
        # "9 tháng đầu năm 2020" (the count is looked up before), "nửa đầu năm"
        "first_months": tuple(
            c(
                rf"{_B}(?P<lead>{lead})[ \t]+(?:(?P<first>{f['first']})|(?P<last>{f['last']}))"
                rf"[ \t]+(?:của[ \t]+)?năm{_E}"
                rf"(?:[ \t]+(?P<y>{_Y4})|[ \t]+(?P<yrel>{f['yrel']}){_E})?"
            )
            for lead in ["tháng", *w.half_words]
        ),
        "relday": literal_led(list(w.relative_days)),
        "part_rel": literal_led(
            [p.word for p in w.parts_of_day],
            rf"[ \t]+(?:hôm[ \t]+|ngày[ \t]+)?(?P<rel>{alt(w.relative_days_after_part)}){_E}",
        ),
        # "năm ngoái", "tuần sau"; with a count before: "2 tháng qua", "23 ngày trước"
        "units": literal_led(
            list(w.unit_words),
            rf"[ \t]+(?:(?P<past>{f['past']})|(?P<future>{f['future']})"
            rf"|(?P<shift>{f['shift']})){_E}",
        ),
        "weekday": literal_led(
            [f"thứ {x}" for x in w.weekday_words] + list(w.sunday_words),
            rf"(?:[ \t]+(?:của[ \t]+)?tuần[ \t]+"
            rf"(?P<wk>{alt(w.weekday_week_words)}){_E}"
            rf"|[ \t]+(?P<mod>{alt(w.weekday_directions)}){_E})?",
        ),
        "clock": (
            c(
                r"(?<![\p{L}\d:.,/])(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?![\d:]|[.,]\d)"
                r"|(?P<h2>\d{1,2})[ \t]?(?P<hsep>h|g)(?P<mi2>\d{2})?(?![\p{L}\d]))"
            ),
            # "8 giờ 30", "3 giờ rưỡi", "11 giờ kém 15" (the hour is looked up before)
            c(
                rf"{_B}giờ{_E}(?:[ \t]+(?P<half>rưỡi)"
                rf"|[ \t]+kém[ \t]+(?P<kem>\d{{1,2}})(?:[ \t]+phút)?"
                r"|[ \t]+(?P<mi3>\d{1,2})(?:[ \t]+phút)?)?(?![\p{L}\d])"
            ),
        ),
        "dayonly": (c(rf"{_B}ngày[ \t]+(?P<d>\d{{1,2}})(?![\d/.\-]|[ \t]*tháng)"),),
        "year_start": (c(rf"{_B}đầu[ \t]+năm(?:[ \t]+(?P<y>{_Y4}))?{_E}"),),
    }


@functools.cache
def clock_tail() -> regex.Pattern[str]:
    """What may follow a clock reading: "AM", or a part of the day and "nay"/"mai"."""
    f = _fragments()
    return regex.compile(
        rf"[ \t]*(?P<ampm>am|pm)(?![\p{{L}}])|[ \t]+(?P<part>{f['part']}){_E}"
        rf"(?:[ \t]+(?P<rel>{alt(words().clock_days)}){_E})?"
    )


@functools.cache
def until_now() -> regex.Pattern[str]:
    """ "nay", "hiện nay" right after "đến" (matched at a position)."""
    return regex.compile(rf"{_fragments()['now']}{_E}")


# --- where the digit-led atoms can start ----------------------------------------------------
#
# ``regex`` tries a pattern that opens with a look-behind and a digit at every position of a
# text (~10 ms per 2.5 MB); a pattern that opens with a literal is found by a fast string
# search instead. So the digit-led atoms are looked for only where a literal they need
# stands: a separator between figures ("21/02", "10-12"), a century ("20" of "2020"), a
# colon or an "h"/"g" after an hour. Each scan yields (a superset of) the positions where
# its atoms can begin, and the atom pattern is tried there only (see ``matches_at``).

# a separator after one or two digits (group 1) and before one or two: "21/02", "15-17/6";
# day and month are whole figures in every such atom, so the digits before the separator
# (group 1, the longest run the look-behind can take) are where the atom starts
_SEP_SITES = tuple(
    regex.compile(rf"{sep}(?<=(\d\d?){sep})(?=\d\d?(?!\d))") for sep in (r"/", r"\.", r"\-")
)
# "15 - 17/6", "15 và 16/6": the first day, read backwards from the second (a REVERSE
# pattern matched ending where the second day starts)
_RANGE_HEAD = regex.compile(r"(?r)\d{1,2}[ \t]*(?:-|,|và|đến)[ \t]*")
# a year of the 19th to 21st century not glued to a word, a figure or a code before it
_CENTURY_SITES = tuple(
    regex.compile(rf"{c}(?<![\p{{L}}\d/.,:\-]{c})(?=\d\d)") for c in ("18", "19", "20")
)
# "16:53": the hour (group 1) before the colon
_COLON_SITES = regex.compile(r":(?<=(\d\d?):)(?=\d\d)")
# "14h30", "8 h", "9g": an "h"/"g" right after a character that may be a digit (ASCII
# digits and every non-ASCII character outside the Latin letter blocks, a superset of
# \d that the ``re`` module can test: ``re`` finds the literal letter far faster than
# ``regex``), perhaps with a blank between; the hour starts 1 to 3 characters before
_MAYBE_DIGIT = "[0-9\u0080-\u00bf\u00d7\u00f7\u0250-\u1e9f\u1efa-\U0010ffff]"
# and not before a letter ("12 ha", "5 giờ"): minutes or the end of the reading follow it
_LATIN_LETTER = "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1ea0-\u1ef9]"
_HOUR_LETTER_SITES = tuple(
    re.compile(rf"{h}(?:(?<={_MAYBE_DIGIT}{h})|(?<={_MAYBE_DIGIT}[ \t]{h}))(?!{_LATIN_LETTER})")
    for h in "hg"
)


def _sep_starts(low: str) -> list[int]:
    """Where a day (or a day of a range) before a separator starts.

    >>> _sep_starts("ngày 21/02/2020 và 7-8")
    [5, 19]
    """
    return sorted(m.start(1) for site in _SEP_SITES for m in site.finditer(low))


def _range_starts(low: str, second_days: list[int]) -> list[int]:
    """Where "15 - 17/6" may start, from where its second days may start.

    >>> _range_starts("ngày 15 -  17/6", [11])
    [5]
    """
    out = []
    for start in second_days:
        head = _RANGE_HEAD.match(low, 0, start)
        if head is not None:
            out.append(head.start())
    return sorted(out)


def _century_starts(low: str) -> list[int]:
    """Where a year such as "2020" may start.

    >>> _century_starts("năm 2020, 1999, 12020, x2020")
    [4, 10]
    """
    return sorted(m.start() for site in _CENTURY_SITES for m in site.finditer(low))


def _clock_starts(low: str) -> list[int]:
    """Where a clock reading in figures ("16:53", "14h30", "9 g") may start.

    >>> _clock_starts("lúc 16:53 và 9 h, 7g15")
    [4, 12, 13, 17, 18]
    """
    starts = {m.start(1) for m in _COLON_SITES.finditer(low)}
    for site in _HOUR_LETTER_SITES:
        for m in site.finditer(low):
            end = m.start() - 1 if low[m.start() - 1] in " \t" else m.start()
            starts.update((end - 2, end - 1))  # "9h", "14h", "9 h"
    return sorted(starts)


def matches_at(pattern: regex.Pattern[str], low: str, starts: list[int]) -> list[regex.Match[str]]:
    r"""``list(pattern.finditer(low))`` when every match begins at one of ``starts``
    (ascending): ``pattern`` is tried at those positions only.

    >>> p = regex.compile(r"(?<!\d)\d+/\d+")
    >>> [m.group() for m in matches_at(p, "1/2 13/4", [-1, 0, 1, 4, 5])]
    ['1/2', '13/4']
    """
    out = []
    last = 0
    match = pattern.match
    for pos in starts:
        if pos >= last:
            m = match(low, pos)
            if m is not None:
                out.append(m)
                last = m.end()
    return out


# the word an atom pattern begins with, after the word-start look-behind and perhaps the
# opening of a named group: "(?<![\p{L}\d])tháng[ \t]+", "(?<![\p{L}\d])(?P<w>hôm[ \t]+"
_LEAD_WORD = regex.compile(r"\(\?<!\[\\p\{L\}\\d\]\)(?:\(\?P<\w+>)?(\p{L}+)(?=[\[()])")


@functools.cache
def word_leads() -> dict[regex.Pattern[str], str]:
    """The literal word each word-led pattern of :func:`patterns` begins with: every match
    of the pattern starts where that word starts a word.

    >>> sorted({w for w in word_leads().values()})[:4]
    ['buổi', 'bữa', 'chiều', 'chúa']
    """
    out = {}
    for pats in patterns().values():
        for p in pats:
            lead = _LEAD_WORD.match(p.pattern)
            if lead is not None:
                out[p] = lead.group(1)
    return out


@functools.cache
def _word_site(word: str) -> regex.Pattern[str]:
    """``word`` not right after a letter or a digit; the look-behind follows the literal
    so that the word is found by a fast string search."""
    w = regex.escape(word)
    return regex.compile(rf"{w}(?<![\p{{L}}\d]{w})")


class Scans:
    """The atom regexes' matches in one lower-cased text, each pattern's found once and in
    the order ``pattern.finditer`` gives (the patterns of a name one after another)."""

    def __init__(self, low: str) -> None:
        self.low = low
        self._found: dict[str, list[regex.Match[str]]] = {}
        self._starts: dict[str, list[int]] = {}

    def __call__(self, name: str) -> list[regex.Match[str]]:
        """Every match of the patterns named ``name``.

        >>> [m.group() for m in Scans("lúc 9h ngày 3/4, 16:53 ngày 5/6/2020")("clock")]
        ['9h', '16:53']
        """
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = self._scan(name)
        return found

    def _scan(self, name: str) -> list[regex.Match[str]]:
        low = self.low
        pats = patterns()[name]
        if name in ("dmy", "dm"):
            return matches_at(pats[0], low, self._sites("sep", _sep_starts))
        if name == "day_range":
            return matches_at(pats[0], low, _range_starts(low, self._sites("sep", _sep_starts)))
        if name in ("years", "bare_year"):
            return matches_at(pats[0], low, self._sites("century", _century_starts))
        if name == "clock":
            numeric, word = pats
            return matches_at(numeric, low, _clock_starts(low)) + self._word_led(word)
        return [m for p in pats for m in self._word_led(p)]

    def _word_led(self, pattern: regex.Pattern[str]) -> list[regex.Match[str]]:
        """The matches of a pattern led by a word, tried where that word begins (several
        patterns share a word: "tháng" leads six)."""
        lead = word_leads().get(pattern)
        if lead is None:
            return list(pattern.finditer(self.low))
        key = "word:" + lead
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [m.start() for m in _word_site(lead).finditer(self.low)]
        return matches_at(pattern, self.low, starts)

    def _sites(self, key: str, find: Callable[[str], list[int]]) -> list[int]:
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = find(self.low)
        return starts
