"""`ratio` records: "12/20 cơ quan", "49/53 dân tộc", "xếp hạng 28/63".

Rules: ``ratio.rank`` (after "xếp hạng", "xếp thứ", "đứng thứ", "hạng"), ``ratio.count``, and
``ratio.score`` (a decimal score out of a maximum: "đạt 8,91/10 điểm").
A slash pair is NOT a ratio when it is a date: a month and a year ("12/2020"), or a day
and a month ("29/4") with no counted noun after it and no ratio cue before it. After a cue
that also leads a count ("từ", "đến", "trước", "sau") in mid-sentence, a counted noun or a
verb of quantity ("tăng từ 3 đến 5/7 điểm") keeps the pair a ratio; the date kind reads
the same pairs by the same tests (``_date_finders.counted_noun_after``, ``counting_before``). Legal
numbers ("17/NQ-CP", "01/2020/TT-BTTTT") never match: a letter or slash follows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from .._candidate import Candidate, Doc
from ._date_finders import counted_noun_after, counting_before
from ._date_lexicon import words
from ._numerals import folded_tail, last_words
from ._units import find_unit

_PAIR = regex.compile(
    r"(?<![\p{L}\d/.,:\-])(?P<num>\d{1,7})/(?P<den>\d{1,7})(?![\d/\-]|[.,]\d|\p{L})"
)
# a score with a decimal numerator out of a whole maximum: "8,91/10 điểm", "12,73/14" (the
# comma is the Vietnamese decimal mark; no date or legal number has one)
_SCORE = regex.compile(
    r"(?<![\p{L}\d/.,:\-])(?P<num>\d{1,4},\d{1,3})/(?P<den>\d{1,4})(?![\d/\-]|[.,]\d|\p{L})"
)
# "điểm" (and up to two words) before a decimal score: "điểm trung bình 7,25/10"
_SCORE_CUE = regex.compile(r"(?<!\p{L})điểm(?:[ \t]+\p{L}+){0,2}[ \t]+$", regex.IGNORECASE)
_YEAR = regex.compile(r"(?:19|20)\d\d")
_RANK_WORDS = ("xếp hạng", "xếp thứ", "đứng thứ", "hạng", "thứ hạng")
_RANK_CUE = regex.compile(rf"(?:\b(?:{'|'.join(_RANK_WORDS)})(?:\s+thứ)?\s+)$", regex.IGNORECASE)
_RANK_ENDS = last_words((*_RANK_WORDS, "thứ"))
_COUNT_WORDS = (
    "đạt",
    "có",
    "được",
    "chiếm",
    "gồm",
    "tổng số",
    "trong số",
    "với",
    "là",
    "tỷ lệ",
    "tỉ lệ",
)
_COUNT_CUE = regex.compile(rf"(?:\b(?:{'|'.join(_COUNT_WORDS)})\s+)$", regex.IGNORECASE)
_COUNT_ENDS = last_words(_COUNT_WORDS)
_DATE_CUE = regex.compile(
    r"(?:\b(?:ngày|hôm|sáng|chiều|trưa|tối|đêm|từ|đến|tới|trước|sau|mồng|mùng|thứ \w+|chủ nhật)"
    r"[\s,]+)$",
    regex.IGNORECASE,
)
# cues that also lead a count ("tăng từ 3 đến 5/7 điểm"): a date only without a counted noun,
# unless they open the sentence ("Từ 1/7 người dân có thể ...": from July 1st)
_WEAK_DATE_CUE = regex.compile(r"(?:\b(?:từ|đến|tới|trước|sau)[ \t]+)$", regex.IGNORECASE)
_OPENS_SENTENCE = regex.compile(r"(?:^|\n|[.!?:;][ \t]+)[ \t\-–•*]*$")
_NOUN_AFTER = regex.compile(r"[ \t]+(\p{L}+)")


@functools.cache
def _calendar_units() -> frozenset[str]:
    """Calendar unit words ("năm", "tháng"): after "trước 1/7" they make a date, not a count."""
    return frozenset(words().unit_words)


def _date_after_cue(text: str, low: str, start: int, end: int) -> bool:
    """Whether a date cue ends right before the pair ``text[start:end]``: a weak one ("đến")
    only when it opens the sentence or no counted noun (other than a calendar unit) follows.

    >>> t = "tăng từ 3 đến 5/7 điểm"
    >>> _date_after_cue(t, t, 14, 17), _date_after_cue("sáng 5/7 xã", "sáng 5/7 xã", 5, 8)
    (False, True)
    >>> t, u = "Xong. Từ 1/7 điểm", "trước 1/7 năm"
    >>> _date_after_cue(t, t.lower(), 9, 12), _date_after_cue(u, u, 6, 9)
    (True, True)
    """
    window = max(0, start - 24)
    if not _DATE_CUE.search(text, window, start):
        return False
    weak = _WEAK_DATE_CUE.search(text, window, start)
    if weak is None or _OPENS_SENTENCE.search(text, max(0, weak.start() - 8), weak.start()):
        return True
    noun = _NOUN_AFTER.match(low, end)
    if noun is not None and noun.group(1) in _calendar_units():
        return True  # "trước 1/7 năm nay"
    return not (counting_before(low, start, end) or counted_noun_after(low, end))


def _is_date_like(num: str, den: str) -> bool:
    """Whether ``num/den`` reads as a day-month or a month-year.

    >>> _is_date_like("12", "2020"), _is_date_like("29", "4"), _is_date_like("12", "20")
    (True, True, False)
    """
    n, d = int(num), int(den)
    if len(den) == 4 and 1 <= n <= 12 and 1900 <= d <= 2100:
        return True
    return 1 <= n <= 31 and 1 <= d <= 12


# a slash with a comma at most four characters before it: the numerator's decimal part has
# one to three digits
_SLASH_AFTER_COMMA = regex.compile(r"(?s)(?<=,.{0,3})/")


def _score_matches(text: str) -> Iterator[regex.Match[str]]:
    """``_SCORE.finditer(text)``, tried only near a "/" with a decimal comma just before it.

    A score has one slash and at most eight characters before it; two scores never
    overlap, so searching a short stretch around each slash finds every one.

    >>> [m.group() for m in _score_matches("đạt 8,91/10; 1,5/2;1,5/2 và 12/2020")]
    ['8,91/10', '1,5/2', '1,5/2']
    """
    for hit in _SLASH_AFTER_COMMA.finditer(text):
        slash = hit.start()
        for m in _SCORE.finditer(text, max(0, slash - 8), slash + 8):
            if m.end("num") == slash:
                yield m


def _scores(text: str) -> Iterator[Candidate]:
    """Scores out of a maximum with a decimal numerator: "đạt 8,91/10 điểm"; kept only when
    "điểm" is next to it or a count cue ("đạt") comes before, and the score fits its maximum.

    >>> [c.values["numerator"] for c in _scores("đạt 12,73/14 điểm; chỉ 1,5/2; 9,5/7 điểm")]
    [12.73]
    >>> [c.values["numerator"] for c in _scores("điểm trung bình 7,25/10")]
    [7.25]
    """
    for m in _score_matches(text):
        num, den = float(m["num"].replace(",", ".")), int(m["den"])
        if den == 0 or num > den:
            continue
        unit = find_unit(text, m.end())
        before = text[max(0, m.start() - 24) : m.start()]
        cued = _COUNT_CUE.search(before) or _SCORE_CUE.search(before)
        if not cued and (unit is None or unit[0].lower() != "điểm"):
            continue
        values = {"numerator": num, "denominator": den, "unit": unit[0] if unit else None}
        yield Candidate("ratio", m.start(), m.end(), "ratio.score", {**values, "is_rank": False})


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``ratio`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("có 12/20 cơ quan; tỉnh xếp hạng 28/63; tháng 12/2020; ngày 29/4"))
    >>> [(c.rule, c.values["numerator"], c.values["denominator"]) for c in find(d)]
    [('ratio.count', 12, 20), ('ratio.rank', 28, 63)]
    """
    text, low = doc.text, doc.lower()
    for m in _PAIR.finditer(text):
        num, den = int(m["num"]), int(m["den"])
        if num > den or den == 0 or (_YEAR.fullmatch(m["num"]) and _YEAR.fullmatch(m["den"])):
            continue  # a part never exceeds its whole; "2020/2021" is a school year
        before = text[max(0, m.start() - 24) : m.start()]
        # the cue patterns only where the text before ends with one of their last words
        tail = folded_tail(text, m.start(), 24)
        rank = tail.endswith(_RANK_ENDS) and bool(_RANK_CUE.search(before))
        date_like = _is_date_like(m["num"], m["den"]) and not rank
        if date_like and (len(m["den"]) == 4 or _date_after_cue(text, low, m.start(), m.end())):
            continue
        unit = find_unit(text, m.end())
        if (
            date_like
            and unit is None
            and not (tail.endswith(_COUNT_ENDS) and _COUNT_CUE.search(before))
        ):
            continue
        values = {
            "numerator": num,
            "denominator": den,
            "unit": unit[0] if unit else None,
            "is_rank": rank,
        }
        yield Candidate(
            "ratio", m.start(), m.end(), "ratio.rank" if rank else "ratio.count", values
        )
    yield from _scores(text)
