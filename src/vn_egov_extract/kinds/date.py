"""`date` records: calendar intervals, Duckling-style (atoms first, then combinations).

1. Atoms (``_date_finders``): regexes anchored on digits and calendar words find the
   smallest expressions: days ("21/02/2020", "ngày 6 tháng 10", "hôm qua", "thứ 2"),
   months, quarters, years, periods ("9 tháng đầu năm"), clock times ("14h30"), and helpers
   that never stand alone ("ngày 15" and "đầu năm" as the left side of a range).
2. Combinations, in this order: weekday + day ("Thứ Tư, 07/01/2015"), part of day + day
   ("Sáng 21-2", the part looked up before the day), clock + day either way ("16:53,
   21/02/2020", "lúc 4 giờ chiều ngày 23/4"), weekday + that, then ranges ("từ ngày
   01/01/2020 đến 30/9/2020", "từ tháng 3 đến tháng 6/2020", "từ năm 2016 đến nay").
3. Candidates: every atom and combination that can stand alone; the overlap policy keeps
   the longest. Values that need the article's date are left to ``resolve``.

Datelines (a full numeric date with a clock time, or a numeric date alone on its line) are
named ``dateline.*``: the pipeline takes the article's date from the first one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections.abc import Callable, Iterable, Iterator

import regex

from .._candidate import Candidate, Doc
from . import _calendar as cal
from ._date_atoms import Atom, Scans, ValueFn, until_now
from ._date_finders import FINDERS, find_acronym_years
from ._date_lexicon import tail_re, tail_test, words
from ._phrases import spaced_alternation as alt

_DAYISH = frozenset({"day", "relday", "weekday"})
_RANGE_LEFT = frozenset({"day", "month", "quarter", "year", "dayonly", "year_start"})
_RANGE_RIGHT = frozenset({"day", "month", "quarter", "year"})
_DMY_RULES = frozenset({"date.dmy", "date.weekday_date"})
_HELPERS = frozenset({"dayonly", "year_start", "now"})

_GAP_WEEKDAY = regex.compile(r"[ \t]*,?[ \t]*")
_PART_BEFORE = tail_re("parts_of_day", gap=r"[ \t]+")
_PART_TEST = tail_test("parts_of_day", gap=r"[ \t]+")  # the same, cheaper where none ends


def _part_before(low: str, pos: int) -> regex.Match[str] | None:
    """A part of the day ("sáng", "chiều") ending right before ``pos``.

    >>> _part_before("chiều ngày 6/10", 6).group()
    'chiều '
    """
    if _PART_TEST.match(low, max(0, pos - 12), pos) is None:
        return None
    return _PART_BEFORE.search(low, max(0, pos - 12), pos)


_GAP_CLOCK = regex.compile(r"[ \t]*[,|\-]?[ \t]*")
_GAP_RANGE = regex.compile(rf"[ \t]*(?:-|{alt(words().range_connectors)})[ \t]*")
_GAP_TO_NOW = regex.compile(rf"[ \t]*{alt(words().range_connectors)}[ \t]*")
_FROM = regex.compile(r"(?<![\p{L}\d])từ[ \t]+$")
_DATELINE_AFTER = regex.compile(r"[ \t]*(?:$|\n|[.)|\-])")
_MAX_GAP = 24
_GAP_BRACKET = regex.compile(r"[ \t]*\([ \t]*")
_CLOSE_BRACKET = regex.compile(r"[ \t]*\)")
_RANGE_WORD_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\d])(?:từ|{alt(words().range_connectors)})[ \t]+$"
)
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\d])\p{L}+[ \t]+$")
_LABEL = regex.compile(rf"[ \t(]*{alt(words().dateline_labels)}")


def _pairs(
    lefts: Iterable[Atom], rights: list[Atom], gap: regex.Pattern[str], low: str
) -> Iterator[tuple[Atom, Atom]]:
    """Pairs (left, right) with only ``gap`` text between them; ``rights`` sorted by start."""
    starts = [a.start for a in rights]
    for left in lefts:
        i = bisect.bisect_left(starts, left.end)
        while i < len(rights) and rights[i].start - left.end <= _MAX_GAP:
            right = rights[i]
            if gap.fullmatch(low, left.end, right.start):
                yield left, right
            i += 1


_START = operator.attrgetter("start")


def _of(atoms: list[Atom], kinds: frozenset[str]) -> list[Atom]:
    """The atoms of ``kinds``, by start (ties in the order found)."""
    picked = [a for a in atoms if a.kind in kinds]
    picked.sort(key=_START)
    return picked


def _combine(atoms: list[Atom], low: str) -> list[Atom]:
    """Every combination of adjacent atoms (the atoms themselves are kept)."""
    out = list(atoms)
    # weekday + day: "Thứ Tư, 07/01/2015", "thứ 2 ngày 6 tháng 2"
    days = _of(out, frozenset({"day"}))
    for wd, day in list(_pairs(_of(out, frozenset({"weekday"})), days, _GAP_WEEKDAY, low)):
        out.append(Atom(wd.start, day.end, "day", "date.weekday_date", "day", day.fn))
    # weekday + the same day in brackets: "thứ Hai (15/3)", "thứ Năm (ngày 14/3)"
    for wd, day in list(_pairs(_of(out, frozenset({"weekday"})), days, _GAP_BRACKET, low)):
        close = _CLOSE_BRACKET.match(low, day.end)
        if close and _weekday_may_lead(low, wd.start):
            out.append(Atom(wd.start, close.end(), "day", "date.weekday_date", "day", day.fn))
    # part of day + day: "Sáng 21-2", "Chiều ngày 06/10/2020", "sáng chủ nhật", "tối hôm qua"
    for day in _of(out, _DAYISH):
        part = _part_before(low, day.start)
        if part:
            out.append(Atom(part.start(), day.end, "day", "date.part_of_day", "day", day.fn))
    # clock + day, day + clock: "16:53, 21/02/2020", "27-10-2020 16:10", "hôm nay lúc 2 giờ"
    dayish = _of(out, _DAYISH)
    times = _of(out, frozenset({"time"}))
    for t, day in list(_pairs(times, dayish, _GAP_CLOCK, low)):
        out.append(_datetime(t, day, t.start, day.end, "dateline.time_dmy"))
    for day, t in list(_pairs(dayish, times, _GAP_CLOCK, low)):
        out.append(_datetime(t, day, day.start, t.end, "dateline.dmy_time"))
    # weekday + date-time: "Thứ Tư, 07/01/2015 | 22:34"
    stamped = _of(out, frozenset({"datetime"}))
    for wd, dt_atom in list(_pairs(_of(out, frozenset({"weekday"})), stamped, _GAP_WEEKDAY, low)):
        rule = "dateline.weekday_dmy_time" if dt_atom.rule.startswith("dateline") else dt_atom.rule
        fn, time = dt_atom.fn, dt_atom.time
        out.append(Atom(wd.start, dt_atom.end, "datetime", rule, "datetime", fn, time=time))
    out.extend(_ranges(out, low))
    return out


def _weekday_may_lead(low: str, start: int) -> bool:
    """Whether "thứ ..." at ``start`` can be a weekday by the word before it: none (after
    punctuation), a part of the day, a weekday cue or a range word ("Chiều thứ Năm (14/3)",
    "hôm thứ Sáu (31/7)", "từ thứ Hai (11/3)"); after another noun it is an ordinal ("lần
    thứ hai (15/3)").

    >>> _weekday_may_lead("chiều thứ năm (ngày 14/3)", 6), _weekday_may_lead("đợt thứ hai", 4)
    (True, False)
    """
    word = _WORD_BEFORE.search(low, max(0, start - 16), start)
    if word is None:
        return True
    return bool(
        _PART_TEST.match(low, max(0, start - 12), start)
        or tail_test("weekday_cues", r"[ \t]+").match(low, max(0, start - 12), start)
        or _RANGE_WORD_BEFORE.search(low, max(0, start - 12), start)
    )


def _datetime(t: Atom, day: Atom, start: int, end: int, dateline_rule: str) -> Atom:
    """A clock time on a day; a dateline when both are written in digits ("16:53,
    21/02/2020", "Ngày 15/06/2021 | 10:30", "Thứ Ba, 15/06/2021, 10:30")."""
    dateline = t.numeric and day.rule in _DMY_RULES and day.fn(None, None) is not None
    if dateline and day.rule == "date.weekday_date":
        dateline_rule = "dateline.weekday_dmy_time"
    rule = dateline_rule if dateline else "date.datetime"
    return Atom(start, end, "datetime", rule, "datetime", day.fn, numeric=dateline, time=t.time)


def _range_fn(left: ValueFn, right: ValueFn) -> ValueFn:
    """The span from ``left``'s first day to ``right``'s last; a side without a year takes
    it from the other ("từ ngày 01/01 đến 30/9/2020")."""
    l_abs, r_abs = left(None, None), right(None, None)

    def fn(pub: dt.date | None, _hint: dt.date | None) -> cal.Interval | None:
        if r_abs is not None:
            r: cal.Interval | None = r_abs
            lft = left(pub, r_abs[0])
        elif l_abs is not None:
            lft = l_abs
            r = right(pub, l_abs[0])
        else:
            r = right(pub, None)
            lft = left(pub, r[0] if r else None)
        if lft is None or r is None or lft[0] > r[1]:
            return None
        return lft[0], r[1]

    return fn


def _ranges(atoms: list[Atom], low: str) -> Iterator[Atom]:
    """ "từ ngày 01/01/2020 đến 30/9/2020", "từ tháng 3 đến tháng 6/2020", "từ năm 2016 đến nay"."""
    lefts = _of(atoms, _RANGE_LEFT)
    pairs = list(_pairs(lefts, _of(atoms, _RANGE_RIGHT), _GAP_RANGE, low))
    for left in lefts:
        gap = _GAP_TO_NOW.match(low, left.end)
        now = until_now().match(low, gap.end()) if gap else None
        if now:
            right = Atom(now.start(), now.end(), "now", "date.range", "day", _today)
            pairs.append((left, right))
    for left, right in pairs:
        frm = _FROM.search(low, max(0, left.start - 8), left.start)
        if left.kind in ("dayonly", "year_start") and not frm:
            continue
        start = frm.start() if frm else left.start
        rule = "date.range.until_now" if right.kind == "now" else "date.range"
        yield Atom(start, right.end, "period", rule, "period", _range_fn(left.fn, right.fn))


def _today(pub: dt.date | None, _hint: dt.date | None) -> cal.Interval | None:
    return (pub, pub) if pub else None


def _dateline_alone(atom: Atom, low: str) -> bool:
    """A numeric date alone at the start of its line ("1/1/1940.", "Thứ Hai, 15/06/2021")."""
    if atom.rule not in _DMY_RULES or atom.fn(None, None) is None:
        return False
    # only a label may come before it on its line ("Ngày đăng: 15/06/2021")
    line_start = low.rfind("\n", max(0, atom.start - 40), atom.start) + 1
    if line_start == 0 and atom.start > 40:
        return False
    label = _LABEL.match(low, line_start, atom.start)
    lead = low[label.end() if label else line_start : atom.start]
    return not lead.strip(" \t(:") and _DATELINE_AFTER.match(low, atom.end) is not None


def _candidate(atom: Atom) -> Candidate:
    values: dict[str, object] = {"grain": atom.grain, "time": atom.time}
    span = atom.fn(None, None)
    if span is not None:
        values.update(first_day=span[0], last_day=span[1])
        return Candidate("date", atom.start, atom.end, atom.rule, values)
    values.update(first_day=None, last_day=None)
    return Candidate("date", atom.start, atom.end, atom.rule, values, resolve=_resolver(atom.fn))


def _resolver(fn: ValueFn) -> Callable[[dt.date | None], dict[str, object]]:
    def resolve(published: dt.date | None) -> dict[str, object]:
        try:
            span = fn(published, None)
        except (OverflowError, ValueError):  # counted past the calendar's ends (year 1 or 9999)
            span = None
        return {"first_day": span[0] if span else None, "last_day": span[1] if span else None}

    return resolve


def _cued_weekday(atom: Atom, low: str, text: str) -> bool:
    """Whether a bare weekday is a day by the word before it and its case: "hôm thứ Sáu",
    "vào Thứ Hai", "vào thứ 5" are days; "ngày thứ hai" (the second day) is an ordinal.

    >>> a = Atom(4, 11, "weekday", "date.weekday", "day", lambda p, h: None, emit=False)
    >>> _cued_weekday(a, "hôm thứ sáu", "hôm thứ Sáu")
    True
    >>> _cued_weekday(a, "lần thứ sáu", "lần thứ Sáu")
    False
    >>> _cued_weekday(a, "ngày thứ hai", "ngày thứ hai")
    False
    """
    if atom.kind != "weekday" or not low.startswith("thứ", atom.start):
        return False
    head = text[atom.start + 3 : atom.end].lstrip(" \t")[:1]
    if head.isdigit():
        return bool(
            tail_test("weekday_digit_cues", r"[ \t]+").match(
                low, max(0, atom.start - 12), atom.start
            )
        )
    if not head.isupper():
        return False
    return bool(
        tail_test("weekday_cues", r"[ \t]+").match(low, max(0, atom.start - 12), atom.start)
    )


# "chiều cùng ngày": the day a sentence last opened with ("Sáng 14/3, đoàn …"); a date inside
# a sentence is a deadline or a document's date more often than the story's day.
# "(xử lý) trong cùng ngày" is a duration.
_SAME_DAY = regex.compile(r"(?<![\p{L}\d])cùng[ \t]+ngày(?![\p{L}\d])")
_WITHIN_BEFORE = regex.compile(r"(?<![\p{L}\d])trong[ \t]+$")
# a sentence opening, perhaps after a short lead-in ("Trước đó, sáng 15/6, …")
_SENTENCE_OPENING = regex.compile(
    r"(?:^|[.!?:;\n])[ \t\"“(]*(?:\p{L}+(?:[ \t]+\p{L}+){0,2},[ \t]*)?$"
)
_SAME_DAY_REACH = 4000


def _same_day(atoms: list[Atom], low: str) -> Iterator[Atom]:
    """ "(Chiều) cùng ngày" as the last day that opened a sentence before it.

    >>> low = "sáng 14/3, đoàn làm việc tại xã, hạn chót trước ngày 30/3. chiều cùng ngày, đoàn về."
    >>> [(low[a.start:a.end], a.fn(None, None)) for a in _same_day(atoms_of(low), low)]
    [('chiều cùng ngày', None)]
    >>> [a.rule for a in _same_day(atoms_of(low), low)]
    ['date.same_day']
    """
    if not _SAME_DAY.search(low):  # most articles: no need to gather the days
        return
    days = sorted(
        (
            a
            for a in atoms
            if a.kind in ("day", "datetime")
            and a.emit
            and not a.rule.startswith("dateline")  # the page's time stamp, not the story's
            and _SENTENCE_OPENING.search(low, max(0, a.start - 30), a.start)
        ),
        key=lambda a: a.end,
    )
    ends = [a.end for a in days]
    for m in _SAME_DAY.finditer(low):
        if _WITHIN_BEFORE.search(low, max(0, m.start() - 8), m.start()):
            continue
        i = bisect.bisect_right(ends, m.start()) - 1
        if i < 0 or m.start() - days[i].end > _SAME_DAY_REACH:
            continue
        part = _part_before(low, m.start())
        start = part.start() if part else m.start()
        yield Atom(start, m.end(), "day", "date.same_day", "day", days[i].fn)


def _listed_months_win(atoms: list[Atom]) -> list[Atom]:
    """A month read in a list ("tháng 3" of "tháng 3, 4 năm 2022") replaces the atom of the
    same span read alone, which took the article's year."""
    listed = {(a.start, a.end) for a in atoms if a.rule == "date.month_list"}
    if not listed:
        return atoms
    return [a for a in atoms if a.rule == "date.month_list" or (a.start, a.end) not in listed]


def atoms_of(low: str, text: str | None = None) -> list[Atom]:
    """Every atom and combination in a lower-cased view (before overlap resolution);
    ``text``, the view before lower-casing, adds the rules that read capitals."""
    found: list[Atom] = []
    scans = Scans(low)
    for finder in FINDERS:
        found.extend(finder(scans))
    if text is not None:
        found.extend(find_acronym_years(scans, text))
    found = _listed_months_win(found)
    combined = _combine(found, low)
    combined.extend(_same_day(combined, low))
    return combined


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``date`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("16:53, 21/02/2020\\nSáng 21-2, đoàn kiểm tra năm 2019."))
    >>> longest = [c for c in find(d) if c.rule.startswith(("dateline", "date.part", "date.year"))]
    >>> for c in longest[:3]:
    ...     print(c.rule, repr(d.text[c.start:c.end]), c.values["first_day"])
    dateline.time_dmy '16:53, 21/02/2020' 2020-02-21
    date.part_of_day 'Sáng 21-2' None
    date.year 'năm 2019' 2019-01-01
    """
    low = doc.lower()
    seen: set[tuple[int, int, str]] = set()
    for atom in sorted(atoms_of(low, doc.text), key=lambda a: (a.start, -a.end)):
        if atom.kind in _HELPERS or not (atom.emit or _cued_weekday(atom, low, doc.text)):
            continue
        if atom.kind == "day" and _dateline_alone(atom, low):
            atom.rule = "dateline.dmy" if atom.rule == "date.dmy" else "dateline.weekday_dmy"
        mark = (atom.start, atom.end, atom.rule)
        if mark in seen:
            continue
        seen.add(mark)
        yield _candidate(atom)
