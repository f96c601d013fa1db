"""Calendar arithmetic for the `date` kind: whole units as inclusive (first, last) days.

Every function is total: an impossible date gives ``None``, never an exception, so a rule
can hand any digits it read to these and drop what does not exist ("31/02/2020").
"""

from __future__ import annotations

import calendar
import datetime as dt

Interval = tuple[dt.date, dt.date]

# years a rule will read: wide enough for history ("năm 1935"), narrow enough to refuse
# counts that happen to have four digits
MIN_YEAR = 1800
MAX_YEAR = 2100


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist.

    >>> make_date(2020, 2, 29), make_date(2021, 2, 29), make_date(2020, 13, 1)
    (datetime.date(2020, 2, 29), None, None)
    """
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def day_span(year: int, month: int, day: int) -> Interval | None:
    """One day as an interval.

    >>> day_span(2020, 10, 6)
    (datetime.date(2020, 10, 6), datetime.date(2020, 10, 6))
    """
    d = make_date(year, month, day)
    return (d, d) if d else None


def month_span(year: int, month: int) -> Interval | None:
    """The whole month.

    >>> month_span(2020, 2)
    (datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))
    """
    first = make_date(year, month, 1)
    if first is None:
        return None
    return first, dt.date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, first_month: int, last_month: int) -> Interval | None:
    """Months ``first_month`` to ``last_month`` of one year ("9 tháng đầu năm" = 1 to 9).

    >>> months_span(2020, 10, 12)
    (datetime.date(2020, 10, 1), datetime.date(2020, 12, 31))
    """
    a, b = month_span(year, first_month), month_span(year, last_month)
    return (a[0], b[1]) if a and b and a[0] <= b[0] else None


def quarter_span(year: int, quarter: int) -> Interval | None:
    """The whole quarter; None for a quarter that does not exist.

    >>> quarter_span(2020, 4), quarter_span(2020, 5)
    ((datetime.date(2020, 10, 1), datetime.date(2020, 12, 31)), None)
    """
    if not 1 <= quarter <= 4:
        return None
    return months_span(year, 3 * quarter - 2, 3 * quarter)


def year_span(year: int) -> Interval | None:
    """The whole year.

    >>> year_span(2019)
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_span(day: dt.date) -> Interval:
    """The Monday-to-Sunday week holding ``day``.

    >>> week_span(dt.date(2017, 2, 2))
    (datetime.date(2017, 1, 30), datetime.date(2017, 2, 5))
    """
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def week_just_past(day: dt.date) -> Interval | None:
    """The Monday-to-Sunday week "tuần qua" names in an article dated ``day``.

    News says "Tuần qua" ("the week gone by") of the last week that has mostly run: in a
    weekend issue the week ending that Sunday, on a weekday the week before. ("tuần trước",
    "last week", is always the week before: see ``unit_span``.)

    >>> week_just_past(dt.date(2024, 3, 16))  # a Saturday: the week ending tomorrow
    (datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))
    >>> week_just_past(dt.date(2024, 3, 18))  # a Monday: the week before
    (datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))
    >>> week_just_past(dt.date(2024, 3, 13))  # a Wednesday: the week before
    (datetime.date(2024, 3, 4), datetime.date(2024, 3, 10))
    """
    return unit_span("week", day, 0 if day.weekday() >= 5 else -1)


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The month ``by`` months after (year, month).

    >>> shift_month(2017, 2, -2), shift_month(2020, 11, 3)
    ((2016, 12), (2021, 2))
    """
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def unit_span(unit: str, ref: dt.date, shift: int, count: int = 1) -> Interval | None:
    """``count`` whole units starting ``shift`` units from the unit holding ``ref``.

    ``unit`` is day, week, month, quarter or year. "tháng trước" is (month, -1);
    "2 tháng qua" is (month, -2, 2); "3 năm tới" is (year, 1, 3).

    >>> unit_span("month", dt.date(2017, 2, 2), -2, 2)
    (datetime.date(2016, 12, 1), datetime.date(2017, 1, 31))
    >>> unit_span("week", dt.date(2017, 2, 2), 1)
    (datetime.date(2017, 2, 6), datetime.date(2017, 2, 12))
    >>> unit_span("quarter", dt.date(2017, 2, 2), 1)
    (datetime.date(2017, 4, 1), datetime.date(2017, 6, 30))
    >>> unit_span("day", dt.date(2017, 2, 2), 1, 3)
    (datetime.date(2017, 2, 3), datetime.date(2017, 2, 5))
    """
    if count < 1:
        return None
    try:
        if unit == "day":
            first = ref + dt.timedelta(days=shift)
            return first, first + dt.timedelta(days=count - 1)
        if unit == "week":
            monday = week_span(ref)[0] + dt.timedelta(weeks=shift)
            return monday, monday + dt.timedelta(days=7 * count - 1)
    except OverflowError:
        return None
    if unit in ("month", "quarter"):
        size = 3 if unit == "quarter" else 1
        start_month = ref.month if size == 1 else 3 * ((ref.month - 1) // 3) + 1
        y1, m1 = shift_month(ref.year, start_month, shift * size)
        y2, m2 = shift_month(y1, m1, count * size - 1)
        a, b = month_span(y1, m1), month_span(y2, m2)
        return (a[0], b[1]) if a and b else None
    if unit == "year":
        a2, b2 = year_span(ref.year + shift), year_span(ref.year + shift + count - 1)
        return (a2[0], b2[1]) if a2 and b2 else None
    return None


def weekday_near(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The ``weekday`` (Monday = 0) nearest ``ref``: on or before it (``direction`` 0),
    strictly before (-1) or strictly after (1).

    >>> weekday_near(dt.date(2017, 2, 2), 0, 0), weekday_near(dt.date(2017, 2, 2), 3, 0)
    (datetime.date(2017, 1, 30), datetime.date(2017, 2, 2))
    >>> weekday_near(dt.date(2017, 2, 2), 4, 1), weekday_near(dt.date(2017, 2, 2), 3, -1)
    (datetime.date(2017, 2, 3), datetime.date(2017, 1, 26))
    """
    back = (ref.weekday() - weekday) % 7
    if direction > 0:
        return ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    if direction < 0 and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def two_digit_year(yy: int) -> int:
    """A year written with two digits: "3/3/17" is 2017, "3/9/91" is 1991.

    >>> two_digit_year(17), two_digit_year(91)
    (2017, 1991)
    """
    return 2000 + yy if yy < 50 else 1900 + yy
