"""Atom finders of the `date` kind: each reads one regex of ``_date_atoms.patterns()``.

Each finder checks what its regex cannot (that the day exists, a cue before a bare "29/4",
that a bare "2020" is a year and not a count) and yields :class:`Atom` s named by the rule
their records will carry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import regex

from . import _calendar as cal
from ._date_atoms import Atom, fixed, in_year, patterns, relative_fn
from ._date_lexicon import key, tail_re, words
from ._numerals import parse_number_words

Make = Callable[[int], cal.Interval | None]

# what may follow a bare "29/4" for it to read as a date rather than a count of something
_AFTER_DAY_MONTH = regex.compile(
    r"\s*(?:$|[\n,.;:!?)\]\"'/-]|(?:và|đến|tới|của|tại|vừa|năm|hằng|hàng|theo|sẽ|đã|là"
    r"|thì|nhằm|để|với|ở|trên|khi|lúc|do|này|nay)(?![\p{L}\d]))"
)
# a bare year closing a line or a clause: "Chính quyền điện tử 2020" in a title
_CLOSES = regex.compile(r"[ \t]*(?:$|\n|[:;)\]]|[.!?](?:\s|$))")
# after "3 ngày trước": "khi", "đó" make it "before (an event)", not "ago"
_NOT_AGO_AFTER = regex.compile(r"\s+(?:khi|đó|ngày|hạn|thời|kỳ|lúc|tết|lễ)(?![\p{L}\d])")
_DIGIT_BEFORE = regex.compile(r"\d\s*$")


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
    """Whether a word of the list ``name`` (patterns/dates.yaml) ends right before ``pos``."""
    return tail_re(name).search(low, max(0, pos - window), pos) is not None


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


def find_dmy(low: str) -> Iterator[Atom]:
    """ "21/02/2020", "27-10-2020", "21.02.2020", "3/3/17", "ngày 07/3/2019"."""
    for m in patterns()["dmy"].finditer(low):
        y = int(m["y"])
        if len(m["y"]) == 2:
            if m["sep"] != "/":
                continue
            y = cal.two_digit_year(y)
        span = cal.day_span(y, int(m["m"]), int(m["d"]))
        if span is None:
            continue  # "31/02/2020" is not a date
        numeric = not m["pre"]
        yield Atom(m.start(), m.end(), "day", "date.dmy", "day", fixed(span), numeric=numeric)


def find_day_month(low: str) -> Iterator[Atom]:
    """ "ngày 29/4", "Sáng 21-2", "29/4 năm 2020": the year from the article when absent."""
    for m in patterns()["dm"].finditer(low):
        d, mo = int(m["d"]), int(m["m"])
        if not 1 <= mo <= 12 or cal.day_span(2000, mo, d) is None:
            continue
        if m["sep"] == "-":
            if not (m["pre"] or before(low, m.start(), "dash_day_month_cues")):
                continue  # "từ 10-12": a range of figures unless a day word says otherwise
        elif not (m["pre"] or before(low, m.start(), "day_month_cues")):
            if before(low, m.start(), "not_date_before") or not _AFTER_DAY_MONTH.match(
                low, m.end()
            ):
                continue  # "có 3/4 xã": a count the ratio kind reads
        y = _int(m["y"])
        rule = "date.dmy" if y else "date.day_month"
        yield Atom(m.start(), m.end(), "day", rule, "day", in_year(y, None, _day(mo, d)))


def find_day_month_words(low: str) -> Iterator[Atom]:
    """ "ngày 6 tháng 10 năm 2020", "mồng 3 tháng 3", "9 tháng 1 2015"."""
    for m in patterns()["dm_words"].finditer(low):
        mo = month_of(m["m"])
        y, shift, ok = _year_part(m)
        if mo is None or not ok or not (m["pre"] or m["mong"] or y or shift is not None):
            continue  # "3 tháng 3" alone may be "3 months" then a figure
        d = int(m["d"])
        if cal.day_span(y or 2000, mo, d) is None:
            continue
        rule = "date.dmy" if y else "date.day_month"
        yield Atom(m.start(), m.end(), "day", rule, "day", in_year(y, shift, _day(mo, d)))


def find_month_day_year(low: str) -> Iterator[Atom]:
    """ "Tháng Mười Hai 29, 2013": the English order some sites use."""
    for m in patterns()["mdy"].finditer(low):
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


def find_edge_of_month(low: str) -> Iterator[Atom]:
    """ "ngày đầu tiên của tháng 3", "tuần đầu tiên của tháng 9 năm 2017"."""
    for m in patterns()["edge_day"].finditer(low):
        mo = month_of(m["m"])
        y, shift, ok = _year_part(m)
        if mo is None or not ok:
            continue
        week = m["unit"] == "tuần"
        fn = in_year(y, shift, _edge(mo, m["which"].startswith("đầu"), week))
        grain = "period" if week else "day"
        yield Atom(m.start(), m.end(), grain, "date.edge_of_month", grain, fn)


def find_relative_days(low: str) -> Iterator[Atom]:
    """ "hôm qua", "ngày mai", "tối nay", "trưa mai": days counted from the article's date."""
    w = words()
    for m in patterns()["relday"].finditer(low):
        shift = w.relative_days[key(m["rel"])]
        yield Atom(m.start(), m.end(), "relday", "date.relative", "day", _days_from(shift))
    for m in patterns()["part_rel"].finditer(low):
        shift = w.relative_days_after_part[key(m["rel"])]
        yield Atom(m.start(), m.end(), "relday", "date.relative", "day", _days_from(shift))


def _days_from(shift: int) -> Callable[[dt.date | None, dt.date | None], cal.Interval | None]:
    return relative_fn(lambda pub: cal.unit_span("day", pub, shift))


def find_weekdays(low: str) -> Iterator[Atom]:
    """ "thứ 2", "chủ nhật", "thứ năm tuần tới", "thứ ba vừa rồi".

    A bare "thứ hai" is also an ordinal ("lần thứ hai"): it stands alone as a record only
    with a week word after it, or as the whole line; ``date.py`` also accepts it before a
    date ("thứ 2 ngày 6/2") or after a part of the day ("sáng chủ nhật").
    """
    w = words()
    for m in patterns()["weekday"].finditer(low):
        name = key(m["wd"])
        wd = 6 if name in w.sunday_words else w.weekday_words[name.split(" ", 1)[1]]
        wk, mod = key(m["wk"] or ""), key(m["mod"] or "")
        if wk:
            weeks = {"này": 0, "nay": 0, "tới": 1, "sau": 1}.get(wk, -1)

            def compute(pub: dt.date, wd: int = wd, weeks: int = weeks) -> cal.Interval:
                day = cal.week_span(pub)[0] + dt.timedelta(days=7 * weeks + wd)
                return day, day
        else:
            direction = {"tới": 1, "sau": 1, "này": 0, "": 0}.get(mod, -1)

            def compute(pub: dt.date, wd: int = wd, direction: int = direction) -> cal.Interval:
                day = cal.weekday_near(pub, wd, direction)
                return day, day

        alone = bool(wk or mod) or _whole_line(low, m.start(), m.end())
        if name in w.sunday_words and not before(low, m.start(), "recurrence"):
            alone = True  # "chủ nhật" is never an ordinal
        yield Atom(
            m.start(), m.end(), "weekday", "date.weekday", "day", relative_fn(compute), emit=alone
        )


def _whole_line(low: str, start: int, end: int) -> bool:
    line_start = low.rfind("\n", 0, start) + 1
    line_end = low.find("\n", end)
    line_end = len(low) if line_end < 0 else line_end
    return not low[line_start:start].strip(" \t(") and not low[end:line_end].strip(" \t.,)")


# --- months, quarters, years, periods -------------------------------------------------------


def find_months(low: str) -> Iterator[Atom]:
    """ "tháng 01/2021", "tháng 3 năm 2020", "tháng sáu", "tháng 3 tới", "12/2020"."""
    for m in patterns()["month"].finditer(low):
        mo = month_of(m["m"])
        y, shift, ok = _year_part(m)
        if mo is None or not ok or (m["m"] == "năm" and y is None):
            continue  # "tháng 13"; "tháng năm" alone is "month, year"
        if before(low, m.start(), "recurrence") or low.startswith(" lần", m.end()):
            continue  # "mỗi tháng", "tháng 2 lần"
        if _DIGIT_BEFORE.search(low, max(0, m.start() - 4), m.start()):
            continue  # "3 tháng 3": a duration then a figure, or a day the day rule reads
        mod = key(m["mod"] or "")
        if mod and y is None and shift is None:

            def compute(pub: dt.date, mo: int = mo, ahead: bool = mod == "tới") -> cal.Interval:
                y = pub.year + (1 if ahead and mo <= pub.month else 0)
                y -= 1 if not ahead and mo > pub.month else 0
                span = cal.month_span(y, mo)
                assert span is not None
                return span

            yield Atom(m.start(), m.end(), "month", "date.month", "month", relative_fn(compute))
            continue
        end = m.end("y") if m["y"] else (m.end("yrel") if m["yrel"] else m.end("m"))
        rule = "date.month_year" if y or shift is not None else "date.month"
        fn = in_year(y, shift, lambda yy, mo=mo: cal.month_span(yy, mo))
        yield Atom(m.start(), end, "month", rule, "month", fn)
    for m in patterns()["month_year"].finditer(low):
        mo, y = int(m["m"]), int(m["y"])
        span = cal.month_span(y, mo)
        if span is None or before(low, m.start(), "not_date_before"):
            continue  # "quý 5/2020", "số 01/2020" are not months
        yield Atom(m.start(), m.end(), "month", "date.month_year", "month", fixed(span))


def find_quarters(low: str) -> Iterator[Atom]:
    """ "quý 4/2020", "quý IV năm 2020", "quý I", "quý ba"."""
    w = words()
    for m in patterns()["quarter"].finditer(low):
        q = w.quarter_words.get(key(m["q"]))
        y, shift, ok = _year_part(m)
        if q is None or not ok:
            continue  # "quý 5/2020" does not exist
        rule = "date.quarter_year" if y or shift is not None else "date.quarter"
        fn = in_year(y, shift, lambda yy, q=q: cal.quarter_span(yy, q))
        yield Atom(m.start(), m.end(), "quarter", rule, "quarter", fn)


def find_years(low: str) -> Iterator[Atom]:
    """ "năm 2019"; a bare "2030" after a cue ("đến 2030") or closing a title line."""
    p = patterns()
    for m in p["year"].finditer(low):
        span = cal.year_span(int(m["y"]))
        if span:
            yield Atom(m.start(), m.end(), "year", "date.year", "year", fixed(span))
    for m in p["bare_year"].finditer(low):
        span = cal.year_span(int(m["y"]))
        if span is None or before(low, m.start(), "not_date_before"):
            continue
        if before(low, m.start(), "year_cues") or (
            _CLOSES.match(low, m.end()) and not _DIGIT_BEFORE.search(low, max(0, m.start() - 4), m.start())
        ):
            yield Atom(m.start(), m.end(), "year", "date.year", "year", fixed(span))
    for m in p["years"].finditer(low):
        y1, y2 = int(m["y1"]), int(m["y2"])
        a, b = cal.year_span(y1), cal.year_span(y2)
        if a and b and y1 < y2 <= y1 + 50:
            yield Atom(m.start(), m.end(), "period", "date.period.years", "period", fixed((a[0], b[1])))


def find_first_months(low: str) -> Iterator[Atom]:
    """ "9 tháng đầu năm 2020", "6 tháng cuối năm", "nửa đầu năm 2021"."""
    for m in patterns()["first_months"].finditer(low):
        n = 6 if m["half"] else count_of(m["n"])
        y, shift, ok = _year_part(m)
        if n is None or not 1 <= n <= 11 or not ok:
            continue
        first, last = (1, n) if m["first"] else (13 - n, 12)
        rule = "date.period.first_months" if m["first"] else "date.period.last_months"
        fn = in_year(y, shift, lambda yy, a=first, b=last: cal.months_span(yy, a, b))
        yield Atom(m.start(), m.end(), "period", rule, "period", fn)


_UNIT_GRAIN = {"day": "day", "week": "period", "month": "month", "quarter": "quarter", "year": "year"}


def find_relative_units(low: str) -> Iterator[Atom]:
    """ "năm ngoái", "tháng trước", "tuần sau", "quý này"; "2 tháng qua", "23 ngày trước"."""
    w = words()
    p = patterns()
    for m in p["unit_rel"].finditer(low):
        unit, shift_word = w.unit_words[m["unit"]], key(m["shift"])
        if shift_word == "ngoái" and unit != "year":
            continue
        if before(low, m.start(), "recurrence") or _DIGIT_BEFORE.search(low, max(0, m.start() - 4), m.start()):
            continue  # "những năm trước", "3 năm sau": not the unit next to the article's
        if _count_before(low, m.start()):
            continue
        shift = w.unit_shifts[shift_word]
        fn = relative_fn(lambda pub, u=unit, s=shift: cal.unit_span(u, pub, s))
        yield Atom(m.start(), m.end(), unit, "date.relative", _UNIT_GRAIN[unit], fn)
    for m in p["n_units"].finditer(low):
        n = count_of(m["n"])
        unit = w.unit_words[m["unit"]]
        if n is None or not 1 <= n <= 100:
            continue
        if m["past"]:
            fn = relative_fn(lambda pub, u=unit, n=n: cal.unit_span(u, pub, -n, n))
            grain = "period"
        elif m["future"]:
            fn = relative_fn(lambda pub, u=unit, n=n: cal.unit_span(u, pub, 1, n))
            grain = "period"
        else:
            if _NOT_AGO_AFTER.match(low, m.end()):
                continue  # "3 ngày trước khi": before an event, not before the article
            fn = relative_fn(lambda pub, u=unit, n=n: cal.unit_span(u, pub, -n))
            grain = _UNIT_GRAIN[unit]
        yield Atom(m.start(), m.end(), "relunits", "date.relative", grain, fn)


def _count_before(low: str, pos: int) -> bool:
    """Whether a spelled-out count ends right before ``pos`` ("ba năm trước")."""
    words_before = low[max(0, pos - 12) : pos].split()
    return bool(words_before) and count_of(words_before[-1]) is not None


# --- clock times ----------------------------------------------------------------------------


def clock_value(h: int, mi: int, part: str | None, ampm: str | None) -> str | None:
    """ "HH:MM" of a clock reading with its part of day; None when impossible.

    >>> clock_value(3, 0, "chiều", None), clock_value(12, 0, "đêm", None)
    ('15:00', '00:00')
    >>> clock_value(2, 0, "sáng", None), clock_value(3, 54, None, "pm"), clock_value(25, 0, None, None)
    ('02:00', '15:54', None)
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


def find_clocks(low: str) -> Iterator[Atom]:
    """ "16:53", "14h30", "8 giờ 30", "lúc 2 giờ sáng", "3 giờ rưỡi chiều", "11 giờ kém 15".

    "N giờ" alone is a duration ("trong 2 giờ"): it is a time only with a prefix ("lúc"),
    minutes or a part of the day, and never after a duration word without a part of day.
    """
    w = words()
    for m in patterns()["clock"].finditer(low):
        part, pre, ampm = m["part"], m["pre"], m["ampm"]
        numeric = False
        if m["h"] is not None:
            h, mi = int(m["h"]), int(m["mi"])
            if before(low, m.start(), "not_clock_before"):
                continue  # "tỷ lệ 1:10"
            numeric = not (pre or part)
        elif m["h2"] is not None:
            h, mi = int(m["h2"]), int(m["mi2"] or 0)
            if m["mi2"] is None and not (pre or part):
                continue  # "24h" is a duration or a site's name
        else:
            count = count_of(m["h3"])
            if count is None:
                continue
            h = count
            has_minutes = bool(m["mi3"] or m["half"] or m["kem"])
            if not (pre or part or has_minutes):
                continue
            if not part and before(low, m.start(), "duration_before"):
                continue  # "trong 2 giờ 30 phút"
            mi = int(m["mi3"] or 0)
            if m["half"]:
                mi = 30
            elif m["kem"]:
                h, mi = h - 1, 60 - int(m["kem"])
        value = clock_value(h, mi, part, ampm)
        if value is None:
            continue
        shift = w.relative_days_after_part.get(key(m["rel"]).split()[-1]) if m["rel"] else 0
        fn = relative_fn(lambda pub, s=shift or 0: cal.unit_span("day", pub, s))
        atom = Atom(m.start(), m.end(), "time", "date.clock", "datetime", fn, numeric=numeric)
        atom.time = value
        atom.day_shift = shift or 0
        yield atom


# --- helpers that only combine --------------------------------------------------------------


def find_helpers(low: str) -> Iterator[Atom]:
    """Parts of the day, "ngày 15" and "đầu năm" (left side of a range), "nay" (right side)."""
    p = patterns()
    for m in p["part"].finditer(low):
        yield Atom(m.start(), m.end(), "part", "date.part_of_day", "day", fixed(None), emit=False)
    for m in p["dayonly"].finditer(low):
        d = int(m["d"])

        def day_of_hint(pub: dt.date | None, hint: dt.date | None, d: int = d) -> cal.Interval | None:
            return cal.day_span(hint.year, hint.month, d) if hint else None

        yield Atom(m.start(), m.end(), "dayonly", "date.day", "day", day_of_hint, emit=False)
    for m in p["year_start"].finditer(low):
        y = _int(m["y"])
        fn = in_year(y, None, lambda yy: cal.day_span(yy, 1, 1))
        yield Atom(m.start(), m.end(), "year_start", "date.range", "day", fn, emit=False)
    for m in p["now"].finditer(low):
        fn = relative_fn(lambda pub: (pub, pub))
        yield Atom(m.start(), m.end(), "now", "date.range", "day", fn, emit=False)


FINDERS: tuple[Callable[[str], Iterator[Atom]], ...] = (
    find_dmy,
    find_day_month,
    find_day_month_words,
    find_month_day_year,
    find_edge_of_month,
    find_relative_days,
    find_weekdays,
    find_months,
    find_quarters,
    find_years,
    find_first_months,
    find_relative_units,
    find_clocks,
    find_helpers,
)
