"""The word lists of the `date` kind (``patterns/dates.yaml``), validated and loaded once."""

from __future__ import annotations

import functools

import regex

from .._patterns import PatternModel, load
from ._phrases import spaced_alternation as alt


class PartOfDay(PatternModel):
    """A part of the day ("chiều"); ``pm`` moves hours 1-11 after it to the afternoon."""

    word: str
    pm: bool


class DatePatterns(PatternModel):
    """Schema of ``patterns/dates.yaml`` (see the comments there)."""

    month_words: dict[str, int]
    quarter_words: dict[str, int]
    weekday_words: dict[str, int]
    sunday_words: list[str]
    parts_of_day: list[PartOfDay]
    relative_days: dict[str, int]
    relative_days_after_part: dict[str, int]
    weekday_week_words: dict[str, int]
    weekday_directions: dict[str, int]
    month_directions: dict[str, int]
    clock_days: dict[str, int]
    day_words: list[str]
    unit_words: dict[str, str]
    unit_shifts: dict[str, int]
    span_past: list[str]
    span_future: list[str]
    ago: list[str]
    period_first: list[str]
    period_last: list[str]
    half_words: list[str]
    range_connectors: list[str]
    until_now: list[str]
    clock_prefixes: list[str]
    duration_before: list[str]
    span_words: list[str]
    year_cues: list[str]
    day_month_cues: list[str]
    dash_day_month_cues: list[str]
    after_day_month: list[str]
    not_day_months: list[str]
    not_ago_after: list[str]
    not_quarter_after: list[str]
    not_date_before: list[str]
    digital_phrases: list[str]
    dateline_labels: list[str]
    not_clock_before: list[str]
    recurrence: list[str]
    weekly: list[str]
    weekday_cues: list[str]
    weekday_digit_cues: list[str]
    count_verbs: list[str]
    future_markers: list[str]
    weekend_words: list[str]
    week_just_past: list[str]
    index_names: list[str]


@functools.cache
def words() -> DatePatterns:
    """The date word lists (loaded once per process)."""
    return load("dates.yaml", DatePatterns)


def key(phrase: str) -> str:
    """A matched phrase as a word-list key: lower case, single spaces.

    >>> key("tiếp   theo")
    'tiếp theo'
    """
    return " ".join(phrase.lower().split())


@functools.cache
def tail_re(name: str, gap: str = r"[ \t,]*") -> regex.Pattern[str]:
    """A pattern matching one of the listed words ending right before a position.

    Used with ``search(text, pos - window, pos)`` to look at the words before a match.
    """
    listed = [getattr(x, "word", x) for x in getattr(words(), name)]
    return regex.compile(rf"(?<![\p{{L}}\d]){alt(listed)}{gap}$")


@functools.cache
def tail_test(name: str, gap: str = r"[ \t,]*") -> regex.Pattern[str]:
    """:func:`tail_re` as a REVERSE pattern for ``match(text, pos - window, pos)``: it is
    tried once, backwards from ``pos``, where ``tail_re`` is tried at every position of
    the window. Whether it matches is the same (``\\n?`` stands for ``$``, which also
    matches before a final newline); its span may differ, so only test it.

    >>> text = "số liệu so với 2019"
    >>> tail_test("year_cues").match(text, 0, 15) is not None
    True
    >>> tail_re("year_cues").search(text, 0, 15) is not None
    True
    """
    listed = [getattr(x, "word", x) for x in getattr(words(), name)]
    return regex.compile(rf"(?r)(?<![\p{{L}}\d]){alt(listed)}{gap}\n?")


@functools.cache
def head_re(name: str, gap: str = r"[ \t]+") -> regex.Pattern[str]:
    """A pattern matching ``gap`` then one of the listed words, at a position (``match``)."""
    return regex.compile(rf"{gap}{alt(getattr(words(), name))}(?![\p{{L}}\d])")
