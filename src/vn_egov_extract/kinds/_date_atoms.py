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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from . import _calendar as cal
from ._date_lexicon import alt, key, tail_re, words
from ._numerals import number_word_set, parse_number_words

Interval = cal.Interval
ValueFn = Callable[[dt.date | None, dt.date | None], Interval | None]

# atom kinds: those that can stand alone as a record, and helpers that only combine
DAYLIKE = frozenset({"day", "relday", "weekday"})
POINTS = frozenset({"day", "relday", "weekday", "month", "quarter", "year"})


@dataclass(slots=True)
class Atom:
    """One date expression in view offsets, before combination."""

    start: int
    end: int
    kind: str  # day, relday, weekday, month, quarter, year, period, time, part, dayonly, ...
    rule: str
    grain: str
    fn: ValueFn
    emit: bool = True  # a record on its own (helpers such as a bare part of day are not)
    numeric: bool = False  # all digits ("21/02/2020", "16:53"): what datelines are made of
    time: str | None = None
    day_shift: int | None = None  # clock times: days from the article's date ("mai" = 1)


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
_Y4 = r"(?<![\d])\d{4}(?![\d/]|[.,]\d|\s*%|-?\p{L})"


@functools.cache
def _fragments() -> dict[str, str]:
    w = words()
    nums = sorted(number_word_set(), key=len, reverse=True)
    numw = "(?:" + "|".join(regex.escape(x) for x in nums) + ")"
    return {
        "month": rf"(?:\d{{1,2}}|{alt(w.month_words)}){_E}",
        "yrel": alt([k for k in w.unit_shifts]),
        "count": rf"(?:\d{{1,3}}|{numw}(?:\s+{numw}){{0,3}}){_E}",
        "part": alt([p.word for p in w.parts_of_day]),
        "reldays": alt(w.relative_days),
        "weekday": rf"(?:thứ\s+{alt(w.weekday_words)}|{alt(w.sunday_words)})",
        "clockpre": alt(w.clock_prefixes),
        "shift": alt(w.unit_shifts),
        "units": alt(w.unit_words),
        "past": alt(w.span_past),
        "future": alt(w.span_future),
        "ago": alt(w.ago),
        "first": alt(w.period_first),
        "last": alt(w.period_last),
        "half": alt(w.half_words),
        "now": alt(w.until_now),
        "spanw": alt(w.span_words),
    }


def _year_part(group: str = "y") -> str:
    """An optional year after a month, a quarter or a day-month ("/2020", " năm 2020",
    " năm nay")."""
    f = _fragments()
    return (
        rf"(?:(?:\s*[/\-.]\s*|\s+(?:của\s+)?năm\s+|\s*,\s*|\s+)(?P<{group}>{_Y4})"
        rf"|\s+(?:của\s+)?năm\s+(?P<{group}rel>{f['yrel']}){_E})?"
    )


@functools.cache
def patterns() -> dict[str, regex.Pattern[str]]:
    """Every atom regex, compiled once; all match on the lower-cased view."""
    f = _fragments()
    c = regex.compile
    return {
        "dmy": c(
            rf"(?:{_B}(?P<pre>ngày|hôm|mồng|mùng)\s+(?:(?:mồng|mùng)\s+)?)?"
            r"(?<![\p{L}\d/.,:\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\d/]|[.,]\d|\s*%|-?\p{L})"
        ),
        "dm": c(
            rf"(?:{_B}(?P<pre>ngày|hôm|mồng|mùng)\s+(?:(?:mồng|mùng)\s+)?)?"
            r"(?<![\p{L}\d/.,:\-])(?P<d>\d{1,2})(?P<sep>[/\-])(?P<m>\d{1,2})"
            r"(?![\d/]|[.,]\d|\s*%|\p{L}|\s*-\s*\d)"
            rf"(?:\s+năm\s+(?P<y>{_Y4}))?"
        ),
        "dm_words": c(
            rf"(?:{_B}(?P<pre>ngày|hôm)\s+)?(?:{_B}(?P<mong>mồng|mùng)\s+)?"
            rf"{_B}(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>{f['month']})" + _year_part()
        ),
        "mdy": c(rf"{_B}tháng\s+(?P<m>{f['month']})\s+(?P<d>\d{{1,2}}),\s*(?P<y>{_Y4})"),
        "edge_day": c(
            rf"{_B}(?P<unit>ngày|tuần)\s+(?P<which>đầu\s+tiên|cuối\s+cùng)\s+(?:của\s+)?"
            rf"tháng\s+(?P<m>{f['month']})" + _year_part()
        ),
        "month": c(
            rf"{_B}tháng\s+(?P<m>{f['month']})(?!\s*[/\-.]\s*\d{{1,2}}{_E})"
            + _year_part()
            + rf"(?:\s+(?P<mod>tới|vừa\s+qua|vừa\s+rồi){_E})?"
        ),
        "month_year": c(
            r"(?<![\p{L}\d/.,:\-])(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/]|[.,]\d|\s*%|-?\p{L})"
        ),
        "quarter": c(
            rf"{_B}quý\s+(?P<q>{alt(words().quarter_words)}|\d){_E}(?!\s*[/\-.]\s*\d{{1,2}}{_E})"
            + _year_part()
        ),
        "year": c(rf"{_B}năm\s+(?P<y>{_Y4})(?!\s*-\s*\d)"),
        "years": c(
            rf"(?:{_B}(?P<cue>{f['spanw']})\s+)?(?<![\p{{L}}\d/.,:\-])(?P<y1>\d{{4}})"
            rf"\s*-\s*(?:năm\s+)?(?P<y2>{_Y4})"
        ),
        "bare_year": c(r"(?<![\p{L}\d/.,:\-])(?P<y>(?:1[89]|20)\d\d)(?![\d/:]|[.,]\d|\s*%|\p{L})"
                       r"(?!\s*-\s*\d|-\p{L})"),
        "first_months": c(
            rf"{_B}(?:(?P<n>{f['count']})\s+tháng|(?P<half>{f['half']}))\s+"
            rf"(?:(?P<first>{f['first']})|(?P<last>{f['last']}))\s+(?:của\s+)?năm{_E}"
            rf"(?:\s+(?P<y>{_Y4})|\s+(?P<yrel>{f['yrel']}){_E})?"
        ),
        "relday": c(rf"{_B}(?P<rel>{f['reldays']}){_E}"),
        "part_rel": c(
            rf"{_B}(?P<part>{f['part']})\s+(?P<rel>{alt(words().relative_days_after_part)}){_E}"
        ),
        "unit_rel": c(rf"{_B}(?P<unit>tuần|tháng|quý|năm)\s+(?P<shift>{f['shift']}){_E}"),
        "n_units": c(
            rf"{_B}(?P<n>{f['count']})\s+(?P<unit>{f['units']})\s+"
            rf"(?:(?P<past>{f['past']})|(?P<future>{f['future']})|(?P<ago>{f['ago']})){_E}"
        ),
        "weekday": c(
            rf"{_B}(?P<wd>{f['weekday']}){_E}"
            rf"(?:\s+(?:của\s+)?tuần\s+(?P<wk>này|nay|tới|sau|trước|rồi|qua|vừa\s+qua){_E}"
            rf"|\s+(?P<mod>tới|vừa\s+rồi|vừa\s+qua|trước|này|sau){_E})?"
        ),
        "clock": c(
            rf"(?:{_B}(?P<pre>{f['clockpre']})\s+)?"
            r"(?<![\p{L}\d:.,/])(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?![\d:]|[.,]\d)"
            r"|(?P<h2>\d{1,2})\s?(?P<hsep>h|g)(?P<mi2>\d{2})?(?![\p{L}\d])"
            rf"|(?P<h3>\d{{1,2}}|{f['count']})\s+giờ{_E}(?:\s+(?P<half>rưỡi)"
            r"|\s+kém\s+(?P<kem>\d{1,2})(?:\s+phút)?|\s+(?P<mi3>\d{1,2})(?:\s+phút)?)?(?![\p{L}\d]))"
            rf"(?:\s*(?P<ampm>am|pm)(?![\p{{L}}])|\s+(?P<part>{f['part']}){_E}"
            rf"(?:\s+(?P<rel>hôm\s+nay|nay|ngày\s+mai|mai|hôm\s+qua|qua){_E})?)?"
        ),
        "part": c(rf"{_B}(?P<part>{f['part']}){_E}"),
        "dayonly": c(rf"{_B}ngày\s+(?P<d>\d{{1,2}})(?![\d/.\-]|\s*tháng)"),
        "year_start": c(rf"{_B}đầu\s+năm(?:\s+(?P<y>{_Y4}))?{_E}"),
        "now": c(rf"{_B}(?:{f['now']}){_E}"),
    }
