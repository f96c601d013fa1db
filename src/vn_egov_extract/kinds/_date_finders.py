"""Atom finders of the `date` kind: each reads one regex of ``_date_atoms.patterns()``.

Each finder checks what its regex cannot (that the day exists, a cue before a bare "29/4",
that a bare "2020" is a year and not a count) and yields :class:`Atom` s named by the rule
their records will carry.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterator
from functools import partial

import regex

from .._patterns import load
from . import _calendar as cal
from ._date_atoms import (
    BEFORE_MONTH_DAY,
    BEFORE_MONTH_EDGE,
    Atom,
    Scans,
    before_count,
    before_day,
    before_day_test,
    clock_tail,
    fixed,
    in_year,
    relative_fn,
)
from ._date_lexicon import head_re, key, tail_re, tail_test, words
from ._numerals import parse_number_words
from ._phrases import spaced_alternation as alt
from ._units import UnitPatterns

Make = Callable[[int], cal.Interval | None]

# what may follow a bare "29/4" for it to read as a date rather than a count of something
_AFTER_DAY_MONTH_MARK = regex.compile(r"[ \t]*(?:$|[\n,.;:!?)\]\"'/-])")
# a bare year closing a line or a clause: "Chính quyền điện tử 2020" in a title
_CLOSES = regex.compile(r"[ \t]*(?:$|\n|[:;)\]]|[.!?](?:\s|$))")
# "năm 2019, 2020": a year listed after another
_YEAR_LISTED = regex.compile(r"(?<![\d/.,:\-])(?:1[89]|20)\d\d[ \t]*,[ \t]*$")
# "0262 2020", "Truy cập: 2020": a figure in a list or a counter, not a title's year
_VALUE_BEFORE = regex.compile(r"[\d:=]\s*$")
# a word alone on its line ("thứ 2" as a whole line is a weekday, not an ordinal)
_LINE_HEAD = regex.compile(r"(?:^|\n)[ \t(]*$")
_LINE_TAIL = regex.compile(r"[ \t.,)]*(?:\n|$)")
# "21-2 - 2020", "10-12 - 15": dashes between figures, not a day and a month
_DASH_FIGURE_AFTER = regex.compile(r"[ \t]*-[ \t]*\d")
# "30/4 - 1/5": the second day of a range is a day like the first
_DAY_RANGE_BEFORE = regex.compile(r"\d{1,2}/\d{1,2}[ \t]*(?:-|đến|tới)[ \t]*$")
# "2021 là năm bản lề": a year opening a sentence, before a comma or a function word
_SENTENCE_START = regex.compile(r"(?:^|\n|[.!?][ \t]+)[ \t]*$")
_FROM_BEFORE = regex.compile(r"(?<![\p{L}\d])từ[ \t]+$")
# "3 tháng 3", "3 năm sau": a count before a unit word
_DIGIT_BEFORE = regex.compile(r"\d[ \t]*$")


@functools.cache
def _counted_noun() -> regex.Pattern[str]:
    """A counted noun of ``patterns/units.yaml`` right after a figure ("2000 hồ sơ")."""
    units = load("units.yaml", UnitPatterns)
    nouns = sorted({n.lower() for n in units.nouns + units.measures}, key=len, reverse=True)
    alts = "|".join(regex.escape(n) for n in nouns)
    return regex.compile(rf"[ \t]+(?:{alts})(?![\p{{L}}\d])")


def counted_noun_after(low: str, pos: int) -> bool:
    """Whether a listed counted noun follows ``pos`` in a lower-cased text ("5/7 điểm"):
    the date and ratio kinds both read a slash pair after "từ"/"đến" by it.

    >>> counted_noun_after("5/7 điểm", 3), counted_noun_after("5/7 năm nay", 3)
    (True, True)
    """
    return _counted_noun().match(low, pos) is not None


@functools.cache
def _counting_re() -> regex.Pattern[str]:
    figure = r"\d{1,7}(?:[.,]\d{1,3})*(?:/\d{1,7})?"
    return regex.compile(
        rf"(?<![\p{{L}}\d]){alt(words().count_verbs)}[ \t]+từ[ \t]+"
        rf"(?:{figure}[ \t]*(?:-|{alt(words().range_connectors)})[ \t]*)?$"
    )


def counting_before(low: str, start: int, end: int) -> bool:
    """Whether the slash pair ``low[start:end]`` is a count by its context: "tăng từ",
    "giảm từ 3 đến" ends right before it and a word other than a function word follows
    ("tăng từ 3 đến 5/7 tiêu chí"; "tăng từ 15/6 đến 20/6." stays a date).

    >>> counting_before("tăng từ 3 đến 5/7 tiêu chí", 14, 17)
    True
    >>> counting_before("tăng từ 15/6 đến 20/6.", 8, 12)
    False
    >>> counting_before("áp dụng từ 1/7 xã", 11, 14)
    False
    """
    if _counting_re().search(low, max(0, start - 40), start) is None:
        return False
    return not _date_may_end(low, end)


def _date_may_end(low: str, pos: int) -> bool:
    """Whether a bare "29/4" may end at ``pos``: a stop, a line end or a function word
    follows, not a counted noun ("29/4 xã")."""
    return bool(_AFTER_DAY_MONTH_MARK.match(low, pos) or head_re("after_day_month").match(low, pos))


def _int(s: str | None) -> int | None:
    return int(s) if s and s.isdigit() else None


def count_of(s: str | None) -> int | None:
    """A small count in digits or words.

    >>> count_of("09"), count_of("ba"), count_of("mười hai"), count_of("ba tám")
    (9, 3, 12, None)
    """
    if not s:
        return None
    if s.isdigit():
        return int(s)
    parts = s.split()
    parsed = parse_number_words(parts)
    return parsed[0] if parsed and parsed[1] == len(parts) else None


def month_of(s: str) -> int | None:
    """A month number from digits or a month word; None outside 1-12.

    >>> month_of("01"), month_of("mười hai"), month_of("13"), month_of("giêng")
    (1, 12, None, 1)
    """
    m = _int(s)
    if m is None:
        m = words().month_words.get(key(s))
    return m if m is not None and 1 <= m <= 12 else None


def before(low: str, pos: int, name: str, window: int = 24) -> bool:
    """Whether a word of the list ``name`` (patterns/dates.yaml) ends right before ``pos``.

    >>> before("quyết định số 15/2021", 14, "not_date_before")
    True
    >>> before("chuyển đổi số 2021", 14, "not_date_before")
    False
    """
    found = tail_test(name).match(low, max(0, pos - window), pos) is not None
    if found and name == "not_date_before":
        # "chuyển đổi số 2021": "số" is "digital" there, not "number"
        return tail_test("digital_phrases").match(low, max(0, pos - 40), pos) is None
    return found


def _year_part(m: regex.Match[str]) -> tuple[int | None, int | None, bool]:
    """(year, year shift, ok) of a matched optional year part ("/2020", "năm ngoái")."""
    y = _int(m.group("y"))
    if y is not None and not cal.MIN_YEAR <= y <= cal.MAX_YEAR:
        return None, None, False
    rel = m.group("yrel") if "yrel" in m.re.groupindex else None
    shift = words().unit_shifts.get(key(rel)) if rel else None
    return y, shift, True


def _day(mo: int, d: int) -> Make:
    return lambda y: cal.day_span(y, mo, d)


# --- days -----------------------------------------------------------------------------------


def _with_day_word(low: str, start: int) -> tuple[int, bool]:
    """Where a day starts once a "ngày"/"mồng" before it is included, and whether one is."""
    if before_day_test().match(low, max(0, start - 16), start) is None:
        return start, False
    m = before_day().search(low, max(0, start - 16), start)
    return (m.start(), True) if m else (start, False)


def find_dmy(sc: Scans) -> Iterator[Atom]:
    """ "21/02/2020", "27-10-2020", "21.02.2020", "3/3/17", "ngày 07/3/2019"."""
    low = sc.low
    for m in sc("dmy"):
        y = int(m["y"])
        if len(m["y"]) == 2:
            if m["sep"] != "/":
                continue
            y = cal.two_digit_year(y)
        span = cal.day_span(y, int(m["m"]), int(m["d"]))
        if span is None:
            continue  # "31/02/2020" is not a date
        start, pre = _with_day_word(low, m.start())
        yield Atom(start, m.end(), "day", "date.dmy", "day", fixed(span), numeric=not pre)


def _cue_opens_sentence(low: str, pos: int) -> bool:
    """Whether the day-month cue before ``pos`` opens a sentence: "Từ 1/7 người dân ..." is
    a date even with a noun after it ("tăng từ 3 đến 5/7 điểm" is a count).

    >>> _cue_opens_sentence("xong. từ 1/7", 9), _cue_opens_sentence("tăng từ 1/7", 8)
    (True, False)
    """
    cue = tail_re("day_month_cues").search(low, max(0, pos - 24), pos)
    return cue is not None and bool(
        _SENTENCE_START.search(low, max(0, cue.start() - 8), cue.start())
    )


def find_day_month(sc: Scans) -> Iterator[Atom]:
    """ "ngày 29/4", "Sáng 21-2", "29/4 năm 2020": the year from the article when absent."""
    low = sc.low
    for m in sc("dm"):
        d, mo = int(m["d"]), int(m["m"])
        if not 1 <= mo <= 12 or cal.day_span(2000, mo, d) is None:
            continue
        start, pre = _with_day_word(low, m.start())
        if m["sep"] == "-" and _DASH_FIGURE_AFTER.match(low, m.end()):
            continue  # "21-2 - 2020", "10-12 - 15": figures
        strong = pre or before(low, start, "dash_day_month_cues")
        if m["sep"] != "/":
            if not strong:
                continue  # "từ 10-12", "15.6": figures unless a day word says otherwise
        elif strong:
            pass
        elif before(low, start, "day_month_cues") or _DAY_RANGE_BEFORE.search(
            low, max(0, start - 16), start
        ):
            if counting_before(low, m.start(), m.end()) or (
                not m["yrel"]
                and not _cue_opens_sentence(low, start)
                and _counted_noun().match(low, m.end())
            ):
                continue  # "tăng từ 3 đến 5/7 điểm": a count
        else:
            if before(low, start, "not_date_before") or not _date_may_end(low, m.end()):
                continue  # "có 3/4 xã": a count the ratio kind reads
            if m.group() in words().not_day_months:
                continue  # "hỗ trợ 24/7": around the clock
        y = _int(m["y"])
        shift = words().unit_shifts[key(m["yrel"])] if m["yrel"] else None  # "1/7 năm nay"
        rule = "date.dmy" if y else "date.day_month"
        yield Atom(start, m.end(), "day", rule, "day", in_year(y, shift, _day(mo, d)))


def find_day_ranges(sc: Scans) -> Iterator[Atom]:
    """ "ngày 15-17/6/2021", "từ 15 đến 17/6", "các ngày 15 và 16/6": one period."""
    low = sc.low
    for m in sc("day_range"):
        d1, d2, mo = int(m["d1"]), int(m["d2"]), int(m["m"])
        if not (1 <= mo <= 12 and d1 < d2) or cal.day_span(2000, mo, d2) is None:
            continue
        start, pre = _with_day_word(low, m.start())
        frm = _FROM_BEFORE.search(low, max(0, start - 8), start)
        start = frm.start() if frm else start
        cue = "day_month_cues" if m["sep"] == "/" else "dash_day_month_cues"
        if not (pre or frm or before(low, start, cue)):
            continue  # "2-3/4 số xã"
        if not (pre or before(low, start, "dash_day_month_cues")) and (
            _counted_noun().match(low, m.end()) or counting_before(low, m.start(), m.end())
        ):
            continue  # "tăng từ 3 đến 5/7 điểm", "giảm từ 6 đến 8/9 tiêu chí"
        y = _int(m["y"])
        fn = in_year(y, None, partial(_two_days, mo=mo, d1=d1, d2=d2))
        yield Atom(start, m.end(), "period", "date.range", "period", fn)


def _two_days(year: int, mo: int, d1: int, d2: int) -> cal.Interval | None:
    a, b = cal.day_span(year, mo, d1), cal.day_span(year, mo, d2)
    return (a[0], b[1]) if a and b else None


def find_month_day_year(sc: Scans) -> Iterator[Atom]:
    """ "Tháng Mười Hai 29, 2013": the English order some sites use."""
    for m in sc("mdy"):
        mo = month_of(m["m"])
        span = cal.day_span(int(m["y"]), mo, int(m["d"])) if mo else None
        if span:
            yield Atom(m.start(), m.end(), "day", "date.dmy", "day", fixed(span))


def _edge(mo: int, first: bool, week: bool) -> Make:
    def make(y: int) -> cal.Interval | None:
        span = cal.month_span(y, mo)
        if span is None:
            return None
        if not week:
            day = span[0] if first else span[1]
            return day, day
        # the first (last) Monday-to-Sunday week wholly inside the month
        if first:
            monday = cal.weekday_near(span[0] - dt.timedelta(days=1), 0, 1)
        else:
            monday = cal.weekday_near(span[1] - dt.timedelta(days=6), 0, 0)
        return monday, monday + dt.timedelta(days=6)

    return make


def find_relative_days(sc: Scans) -> Iterator[Atom]:
    """ "hôm qua", "ngày mai", "tối nay", "trưa mai": days counted from the article's date."""
    w = words()
    for m in sc("relday"):
        shift = w.relative_days[key(m["w"])]
        yield Atom(m.start(), m.end(), "relday", "date.relative", "day", _days_from(shift))
    for m in sc("part_rel"):
        shift = w.relative_days_after_part[key(m["rel"])]
        yield Atom(m.start(), m.end(), "relday", "date.relative", "day", _days_from(shift))


def _days_from(shift: int) -> Callable[[dt.date | None, dt.date | None], cal.Interval | None]:
    return relative_fn(lambda pub: cal.unit_span("day", pub, shift))


@functools.cache
def _future_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}\d]){alt(words().future_markers)}(?![\p{{L}}\d])[^.;!?\n]{{0,40}}$"
    )


_PAST_DAY_BEFORE = regex.compile(r"(?<![\p{L}\d])hôm[ \t]+$")


def _ahead(low: str, start: int) -> bool:
    """Whether a bare weekday at ``start`` lies ahead: "sẽ họp vào thứ Năm", not "sẽ báo
    cáo kết quả hôm thứ Năm".

    >>> _ahead("sở sẽ họp vào thứ năm", 14), _ahead("sẽ báo cáo việc hôm thứ năm", 20)
    (True, False)
    """
    if _PAST_DAY_BEFORE.search(low, max(0, start - 8), start):
        return False
    return _future_re().search(low, max(0, start - 48), start) is not None


def _weekday_fn(
    wd: int, wk: str, mod: str, ahead: bool = False
) -> Callable[[dt.date | None, dt.date | None], cal.Interval | None]:
    if wk:
        weeks = words().weekday_week_words[wk]

        def in_week(pub: dt.date) -> cal.Interval:
            day = cal.week_span(pub)[0] + dt.timedelta(days=7 * weeks + wd)
            return day, day

        return relative_fn(in_week)
    direction = words().weekday_directions.get(mod, 1 if ahead and not mod else 0)

    def near(pub: dt.date) -> cal.Interval:
        day = cal.weekday_near(pub, wd, direction)
        return day, day

    return relative_fn(near)


@functools.cache
def _weekly() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(lead, tail) of a weekly recurrence around a weekday: "các buổi sáng thứ Bảy",
    "mỗi thứ Hai", "các ngày thứ Bảy, chủ nhật" (lead, searched ending at the weekday);
    "thứ Hai hằng tuần", "thứ Hai và thứ Năm hàng tuần" (tail, matched after it)."""
    w = words()
    day = alt([f"thứ {x}" for x in w.weekday_words] + list(w.sunday_words))
    joint = r"[ \t]*(?:,[ \t]*|(?:và|hoặc|hay)[ \t]+|,[ \t]*(?:và|hoặc)[ \t]+)"
    part = alt([p.word for p in w.parts_of_day])
    lead = (
        rf"(?<![\p{{L}}\d]){alt(w.recurrence)}[ \t]+(?:buổi[ \t]+)?(?:{part}[ \t]+)?"
        rf"(?:ngày[ \t]+)?(?:{day}{joint}){{0,6}}$"
    )
    tail = rf"(?:{joint}{day}){{0,6}}[ \t]+{alt(w.weekly)}(?![\p{{L}}\d])"
    return regex.compile(lead), regex.compile(tail)


def _weekly_at(low: str, start: int, end: int) -> bool:
    """Whether the weekday at ``low[start:end]`` recurs every week (then it is no date).

    >>> _weekly_at("vào các buổi sáng thứ bảy", 18, 25), _weekly_at("thứ hai hằng tuần", 0, 7)
    (True, True)
    >>> _weekly_at("vào thứ hai tuần sau", 4, 11)
    False
    """
    lead, tail = _weekly()
    return bool(lead.search(low, max(0, start - 80), start) or tail.match(low, end))


def find_weekdays(sc: Scans) -> Iterator[Atom]:
    """ "thứ 2", "chủ nhật", "thứ năm tuần tới", "thứ ba vừa rồi".

    A bare "thứ hai" is also an ordinal ("lần thứ hai"): it stands alone as a record only
    with a week word after it, or as the whole line; ``date.py`` also accepts it before a
    date ("thứ 2 ngày 6/2") or after a part of the day ("sáng chủ nhật").
    """
    low = sc.low
    w = words()
    for m in sc("weekday"):
        name = key(m["w"])
        sunday = name in w.sunday_words
        wd = 6 if sunday else w.weekday_words[name.split(" ", 1)[1]]
        if _weekly_at(low, m.start(), m.end()):
            continue  # "các buổi sáng thứ Bảy", "thứ Hai hằng tuần": every week, not a day
        wk, mod = key(m["wk"] or ""), key(m["mod"] or "")
        alone = bool(wk or mod) or _whole_line(low, m.start(), m.end())
        if sunday and not before(low, m.start(), "recurrence"):
            alone = True  # "chủ nhật" is never an ordinal
        fn = _weekday_fn(wd, wk, mod, ahead=not (wk or mod) and _ahead(low, m.start()))
        yield Atom(m.start(), m.end(), "weekday", "date.weekday", "day", fn, emit=alone)


@functools.cache
def _weekend_re() -> regex.Pattern[str]:
    w = words()
    return regex.compile(
        rf"(?<![\p{{L}}\d]){alt(w.weekend_words)}[ \t]+(?P<wk>{alt(w.weekday_week_words)})"
        r"(?![\p{L}\d])"
    )


def find_weekends(sc: Scans) -> Iterator[Atom]:
    """ "cuối tuần qua" (last Saturday and Sunday), "cuối tuần này", "cuối tuần tới"."""
    low = sc.low
    for m in _weekend_re().finditer(low):
        weeks = words().weekday_week_words[key(m["wk"])]

        def weekend(pub: dt.date, weeks: int = weeks) -> cal.Interval:
            saturday = cal.week_span(pub)[0] + dt.timedelta(days=7 * weeks + 5)
            return saturday, saturday + dt.timedelta(days=1)

        yield Atom(m.start(), m.end(), "period", "date.weekend", "period", relative_fn(weekend))


def _whole_line(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` is its line's only word (brackets and stops aside)."""
    return bool(_LINE_HEAD.search(low, max(0, start - 8), start) and _LINE_TAIL.match(low, end))


# --- months, quarters, years, periods -------------------------------------------------------


def _month_fn(mo: int, mod: str) -> Callable[[dt.date | None, dt.date | None], cal.Interval | None]:
    """ "tháng 3 tới" (the next March), "tháng 3 vừa qua" (the last one)."""
    ahead = words().month_directions[mod] > 0

    def compute(pub: dt.date) -> cal.Interval | None:
        y = pub.year
        if ahead and mo <= pub.month:
            y += 1
        elif not ahead and mo > pub.month:
            y -= 1
        return cal.month_span(y, mo)

    return relative_fn(compute)


def find_months(sc: Scans) -> Iterator[Atom]:
    """ "tháng 01/2021", "tháng 3 năm 2020", "tháng sáu", "tháng 3 tới", "12/2020"; with a
    day before: "ngày 6 tháng 10 năm 2020", "mồng 3 tháng 3", "ngày đầu tiên của tháng 3"."""
    low = sc.low
    for m in sc("month"):
        mo = month_of(m["m"])
        y, shift, ok = _year_part(m)
        if mo is None or not ok:
            continue  # "tháng 13"
        end = m.end("y") if m["y"] else (m.end("yrel") if m["yrel"] else m.end("m"))
        window = max(0, m.start() - 24)
        day = BEFORE_MONTH_DAY.search(low, window, m.start())
        if day and m["m"] == "năm" and not (day["pre"] or day["mong"]):
            n = int(day["d"])  # "6 tháng năm 2021": the first six months of 2021, not 6 May
            if 1 <= n <= 12 and (y or shift is not None):
                fn = in_year(y, shift, partial(cal.months_span, first_month=1, last_month=n))
                rule = "date.period.first_months"
                yield Atom(day.start(), end, "period", rule, "period", fn)
            continue
        if day:
            if day["pre"] or day["mong"] or y or shift is not None:
                d = int(day["d"])
                if cal.day_span(y or 2000, mo, d) is not None:
                    rule = "date.dmy" if y else "date.day_month"
                    fn = in_year(y, shift, _day(mo, d))
                    yield Atom(day.start(), end, "day", rule, "day", fn)
            continue  # "3 tháng 3" alone: a duration then a figure
        edge = BEFORE_MONTH_EDGE.search(low, window, m.start())
        if edge:
            week = edge["unit"] == "tuần"
            fn = in_year(y, shift, _edge(mo, edge["which"].startswith("đầu"), week))
            grain = "period" if week else "day"
            yield Atom(edge.start(), end, grain, "date.edge_of_month", grain, fn)
            continue
        if m["m"] == "năm" and y is None:
            continue  # "ngày, tháng, năm": not May
        if before(low, m.start(), "recurrence") or low.startswith(" lần", m.end("m")):
            continue  # "mỗi tháng", "tháng 2 lần"
        mod = key(m["mod"] or "")
        if mod and y is None and shift is None:
            yield Atom(m.start(), m.end(), "month", "date.month", "month", _month_fn(mo, mod))
            continue
        rule = "date.month_year" if y or shift is not None else "date.month"
        fn = in_year(y, shift, partial(cal.month_span, month=mo))
        yield Atom(m.start(), end, "month", rule, "month", fn)
    for m in sc("month_year"):
        mo, y = int(m["m"]), int(m["y"])
        span = cal.month_span(y, mo)
        if span is None or before(low, m.start(), "not_date_before"):
            continue  # "quý 5/2020", "số 01/2020" are not months
        yield Atom(m.start(), m.end(), "month", "date.month_year", "month", fixed(span))


_LIST_ITEM = regex.compile(r"(?:tháng[ \t]+)?(?P<m>\d{1,2})")


def find_month_lists(sc: Scans) -> Iterator[Atom]:
    """Months listed before the one year they share, each a month of that year: "tháng 3,
    4 năm 2022" gives "tháng 3" and "4 năm 2022", both in 2022 (not "tháng 3" of the
    article's year and a lone figure 4). Months must rise (1 to 12): "tháng 3, 2 năm 2022"
    is no list. The last month keeps the atom its own rule gives it when it has one
    ("tháng 4 năm 2022", "5/2022").

    >>> low = "trong các tháng 3, 4 và 5/2022 và tháng 7 và 9 năm 2021"
    >>> [(low[a.start : a.end], a.fn(None, None)[0].month) for a in find_month_lists(Scans(low))]
    [('tháng 3', 3), ('4', 4), ('tháng 7', 7), ('9 năm 2021', 9)]
    """
    low = sc.low
    for m in sc("month_list"):
        y = _int(m.group("y"))
        if y is None or not cal.MIN_YEAR <= y <= cal.MAX_YEAR:
            continue
        items = list(_LIST_ITEM.finditer(low, m.start(), m.start("y")))
        months = [int(i["m"]) for i in items]
        if not all(1 <= a < b <= 12 for a, b in itertools.pairwise(months)):
            continue
        if months[0] < 1 or before(low, m.start(), "not_date_before"):
            continue
        last = items[-1]
        for item, mo in zip(items, months, strict=True):
            if item is not last:
                end = item.end()
            elif low.startswith("tháng", item.start()) or low[m.start("y") - 1] == "/":
                continue  # "tháng 4 năm 2022", "5/2022": read by their own rules
            else:
                end = m.end()
            yield Atom(
                item.start(), end, "month", "date.month_list", "month", fixed(cal.month_span(y, mo))
            )


def find_month_ranges(sc: Scans) -> Iterator[Atom]:
    """ "tháng 10-12/2020": one period over several months of a year."""
    for m in sc("month_range"):
        m1, m2 = int(m["m1"]), int(m["m2"])
        y, shift, ok = _year_part(m)
        if not (ok and 1 <= m1 < m2 <= 12):
            continue
        fn = in_year(y, shift, partial(cal.months_span, first_month=m1, last_month=m2))
        yield Atom(m.start(), m.end(), "period", "date.range", "period", fn)


def find_quarters(sc: Scans) -> Iterator[Atom]:
    """ "quý 4/2020", "quý IV năm 2020", "quý I", "quý ba"."""
    low = sc.low
    w = words()
    for m in sc("quarter"):
        q = w.quarter_words.get(key(m["q"]))
        y, shift, ok = _year_part(m)
        if q is None or not ok:
            continue  # "quý 5/2020" does not exist
        if before(low, m.start(), "recurrence") or head_re("not_quarter_after").match(
            low, m.end("q")
        ):
            continue  # "mỗi quý một lần", "quý một số": not a quarter
        rule = "date.quarter_year" if y or shift is not None else "date.quarter"
        fn = in_year(y, shift, partial(cal.quarter_span, quarter=q))
        yield Atom(m.start(), m.end(), "quarter", rule, "quarter", fn)


def find_years(sc: Scans) -> Iterator[Atom]:
    """ "năm 2019"; a bare "2030" after a cue ("đến 2030") or closing a title line;
    "giai đoạn 2019-2020"."""
    low = sc.low
    for m in sc("year"):
        span = cal.year_span(int(m["y"]))
        if span:
            yield Atom(m.start(), m.end(), "year", "date.year", "year", fixed(span))
    for m in sc("bare_year"):
        span = cal.year_span(int(m["y"]))
        cued = before(low, m.start(), "year_cues") or _index_before().match(
            low, max(0, m.start() - 40), m.start()
        )  # "so với 2019" before "với" (a count cue); "SIPAS 2022"
        if span is None or (not cued and before(low, m.start(), "not_date_before")):
            continue
        listed = _YEAR_LISTED.search(low, max(0, m.start() - 8), m.start())
        if _counted_noun().match(low, m.end()) and not listed:
            continue  # "từ 2000 người": a count
        closes = _CLOSES.match(low, m.end()) and not _VALUE_BEFORE.search(
            low, max(0, m.start() - 4), m.start()
        )
        opens = _SENTENCE_START.search(low, max(0, m.start() - 4), m.start()) and (
            _date_may_end(low, m.end())
        )
        if closes or opens or listed or cued:
            yield Atom(m.start(), m.end(), "year", "date.year", "year", fixed(span))
    for m in sc("years"):
        y1, y2 = int(m["y1"]), int(m["y2"])
        a, b = cal.year_span(y1), cal.year_span(y2)
        if not (a and b and y1 < y2 <= y1 + 50):
            continue
        cue = tail_re("span_words").search(low, max(0, m.start() - 16), m.start())
        start = cue.start() if cue else m.start()
        yield Atom(start, m.end(), "period", "date.period.years", "period", fixed((a[0], b[1])))


@functools.cache
def _index_before() -> regex.Pattern[str]:
    """An index or survey name (``index_names``) ending right before a position."""
    return tail_test("index_names", r"[ \t]+")


# an all-caps acronym (2-10 capitals, not part of a code such as "QĐ-UBND" or "ISO/IEC")
# ending right before a position, in the original-case text
_FIGURE_AFTER = regex.compile(r"[ \t.]*\d")
_ACRONYM_BEFORE = regex.compile(r"(?<![\p{L}\d/\-.])\p{Lu}{2,10}[ \t]+$")


def find_acronym_years(sc: Scans, text: str) -> Iterator[Atom]:
    """A bare year right after an all-caps acronym, the edition of an index or programme
    ("SIPAS 2022", "DTI 2021", "APEC 2017"); ``text`` is ``low`` before lower-casing.

    A product version after a mixed-case brand ("Windows 2019") is no year, nor is a code
    number ("ISO 9001"), a phone number ("CSKH 1900 1234") or a count ("VNPT 2000 thuê bao").

    >>> low, text = "chỉ số dti 2021 tăng", "Chỉ số DTI 2021 tăng"
    >>> [(a.start, a.grain) for a in find_acronym_years(Scans(low), text)]
    [(11, 'year')]
    >>> list(find_acronym_years(Scans("bản windows 2019 cũ"), "bản Windows 2019 cũ"))
    []
    """
    low = sc.low
    for m in sc("bare_year"):
        span = cal.year_span(int(m["y"]))
        if span is None or not _ACRONYM_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        if m["y"].startswith("18") or _FIGURE_AFTER.match(low, m.end()):
            continue  # "CSKH 1900 1234": a phone number
        if _counted_noun().match(low, m.end()):
            continue  # "VNPT 2000 thuê bao": a count
        yield Atom(m.start(), m.end(), "year", "date.year", "year", fixed(span))


def find_first_months(sc: Scans) -> Iterator[Atom]:
    """ "9 tháng đầu năm 2020", "6 tháng cuối năm", "nửa đầu năm 2021"."""
    low = sc.low
    for m in sc("first_months"):
        start = m.start()
        if m["lead"] == "tháng":
            count = before_count().search(low, max(0, start - 24), start)
            n = count_of(count["n"]) if count else None
            start = count.start() if count else start
        else:
            n = 6
        y, shift, ok = _year_part(m)
        if n is None or not 1 <= n <= 11 or not ok:
            continue  # "những tháng cuối năm" is vague
        first, last = (1, n) if m["first"] else (13 - n, 12)
        rule = "date.period.first_months" if m["first"] else "date.period.last_months"
        fn = in_year(y, shift, partial(cal.months_span, first_month=first, last_month=last))
        yield Atom(start, m.end(), "period", rule, "period", fn)


_UNIT_GRAIN = {
    "day": "day",
    "week": "period",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}


def find_relative_units(sc: Scans) -> Iterator[Atom]:
    """ "năm ngoái", "tháng trước", "tuần sau", "quý này"; with a count before: "2 tháng
    qua", "3 năm tiếp theo", "23 ngày trước"."""
    low = sc.low
    w = words()
    for m in sc("units"):
        unit = w.unit_words[key(m["w"])]
        count = before_count().search(low, max(0, m.start() - 24), m.start())
        n = count_of(count["n"]) if count else None
        if count is None:
            shift_word = key(m["past"] or m["future"] or m["shift"])
            just_past = unit == "week" and shift_word in w.week_just_past
            if (shift_word not in w.unit_shifts and not just_past) or unit == "day":
                continue  # "năm qua": vague
            if before(low, m.start(), "recurrence") or (shift_word == "ngoái" and unit != "year"):
                continue  # "những năm trước"
            if just_past:  # "tuần qua": the week gone by
                fn = relative_fn(cal.week_just_past)
            else:
                fn = relative_fn(partial(cal.unit_span, unit, shift=w.unit_shifts[shift_word]))
            yield Atom(m.start(), m.end(), unit, "date.relative", _UNIT_GRAIN[unit], fn)
            continue
        if n is None or not 1 <= n <= 100 or count is None:
            continue
        if m["past"]:
            fn = relative_fn(partial(cal.unit_span, unit, shift=-n, count=n))
            grain = "period"
        elif m["future"]:
            fn = relative_fn(partial(cal.unit_span, unit, shift=1, count=n))
            grain = "period"
        elif m["shift"] and key(m["shift"]) in w.ago:
            if head_re("not_ago_after").match(low, m.end()):
                continue  # "3 ngày trước khi": before an event, not before the article
            fn = relative_fn(partial(cal.unit_span, unit, shift=-n))
            grain = _UNIT_GRAIN[unit]
        else:
            continue  # "3 năm sau", "mấy tháng nay": counted from something else, or vague
        yield Atom(count.start(), m.end(), "relunits", "date.relative", grain, fn)


# --- clock times ----------------------------------------------------------------------------


def clock_value(h: int, mi: int, part: str | None, ampm: str | None) -> str | None:
    """ "HH:MM" of a clock reading with its part of day; None when impossible.

    >>> clock_value(3, 0, "chiều", None), clock_value(12, 0, "đêm", None)
    ('15:00', '00:00')
    >>> clock_value(2, 0, "sáng", None), clock_value(3, 54, None, "pm")
    ('02:00', '15:54')
    >>> clock_value(25, 0, None, None) is None
    True
    """
    if part:
        pm = {p.word: p.pm for p in words().parts_of_day}.get(key(part), False)
        if pm and h < 12 and not (key(part) in ("đêm", "khuya") and h < 6):
            h += 12
        elif key(part) in ("đêm", "khuya") and h == 12:
            h = 0
        elif key(part) in ("trưa", "buổi trưa") and h < 4:
            h += 12
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return f"{h:02d}:{mi:02d}"


def _clock_reading(low: str, m: regex.Match[str]) -> tuple[int, int, int, bool] | None:
    """(hour, minute, start, has minutes) of a clock match, the hour of "N giờ" included."""
    if "h" in m.re.groupindex and m["h"] is not None:
        return int(m["h"]), int(m["mi"]), m.start(), True
    if "h2" in m.re.groupindex and m["h2"] is not None:
        return int(m["h2"]), int(m["mi2"] or 0), m.start(), m["mi2"] is not None
    count = before_count().search(low, max(0, m.start() - 24), m.start())
    h = count_of(count["n"]) if count else None
    if count is None or h is None:
        return None
    mi = int(m["mi3"] or 0)
    if m["half"]:
        mi = 30
    elif m["kem"]:
        h, mi = h - 1, 60 - int(m["kem"])
    return h, mi, count.start(), bool(m["mi3"] or m["half"] or m["kem"])


def find_clocks(sc: Scans) -> Iterator[Atom]:
    """ "16:53", "14h30", "8 giờ 30", "lúc 2 giờ sáng", "3 giờ rưỡi chiều", "11 giờ kém 15".

    "N giờ" alone is a duration ("trong 2 giờ"): it is a time on its own only with a prefix
    ("lúc"), minutes or a part of the day, and never after a duration word without a part
    of day; otherwise it is a time only inside a combination with a day ("17h ngày 14/6").
    """
    low = sc.low
    w = words()
    for m in sc("clock"):
        reading = _clock_reading(low, m)
        if reading is None:
            continue
        h, mi, start, has_minutes = reading
        numeral = "h" in m.re.groupindex and m["h"] is not None
        letter = "h2" in m.re.groupindex and m["h2"] is not None
        pre = tail_re("clock_prefixes").search(low, max(0, start - 16), start)
        tail = clock_tail().match(low, m.end())
        part = tail["part"] if tail else None
        ampm = tail["ampm"] if tail else None
        if numeral and before(low, start, "not_clock_before"):
            continue  # "tỷ lệ 1:10"
        # "24h", "2 giờ", "trong 2 giờ 30 phút" are durations, unless a day follows them
        # ("17h ngày 14/6"): then they only stand inside the combination
        alone = bool(pre or part or ampm or has_minutes)
        if alone and not (numeral or letter or part) and before(low, start, "duration_before"):
            alone = False
        value = clock_value(h, mi, part, ampm)
        if value is None:
            continue
        rel = tail["rel"] if tail else None
        shift = w.clock_days[key(rel)] if rel else 0
        fn = relative_fn(partial(cal.unit_span, "day", shift=shift))
        numeric = numeral and not (pre or tail)
        first, end = pre.start() if pre else start, tail.end() if tail else m.end()
        yield Atom(
            first,
            end,
            "time",
            "date.clock",
            "datetime",
            fn,
            emit=alone,
            numeric=numeric,
            time=value,
        )


# --- helpers that only combine --------------------------------------------------------------


def find_helpers(sc: Scans) -> Iterator[Atom]:
    """ "ngày 15" and "đầu năm": the left side of a range, never a record alone."""
    for m in sc("dayonly"):
        d = int(m["d"])

        def day_of_hint(
            _pub: dt.date | None, hint: dt.date | None, d: int = d
        ) -> cal.Interval | None:
            return cal.day_span(hint.year, hint.month, d) if hint else None

        yield Atom(m.start(), m.end(), "dayonly", "date.day", "day", day_of_hint, emit=False)
    for m in sc("year_start"):
        fn = in_year(_int(m["y"]), None, lambda yy: cal.day_span(yy, 1, 1))
        yield Atom(m.start(), m.end(), "year_start", "date.range", "day", fn, emit=False)


FINDERS: tuple[Callable[[Scans], Iterator[Atom]], ...] = (
    find_dmy,
    find_day_month,
    find_day_ranges,
    find_month_day_year,
    find_relative_days,
    find_weekdays,
    find_months,
    find_month_ranges,
    find_month_lists,
    find_quarters,
    find_years,
    find_first_months,
    find_relative_units,
    find_clocks,
    find_helpers,
    find_weekends,
)
