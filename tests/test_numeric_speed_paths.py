"""The fast paths of the numeric kinds find exactly what their plain forms find.

number, percent, ratio and service_level scan with cheaper patterns or prefilters and
then try the rule patterns only where a match may be. Each test builds texts from the
pieces those shortcuts hinge on (signs, commas, "âm", spaces, case, words that open a
phrase) and compares the shortcut with the plain pattern it stands for.
"""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_egov_extract.kinds import number, percent, ratio
from vn_egov_extract.kinds._numerals import (
    _qualifier_tail,
    folded_tail,
    number_word_set,
    numerals,
    qualifier_before,
)
from vn_egov_extract.kinds._scan import LETTER, word_hits, word_start_scans, word_starts_re

_PIECES = [
    *"0123456789 ,.-%/:()+\t\n",
    "âm ", "Âm ", "ÂM", "tâm", " tỷ", " Triệu", " nghìn lệ", " phú",
    "K", "M", "G", "x", "Đ", "İ", "\u00a0", "1.234.567", "1,5", "8,91/10", "12/2020",
    "đến", "TỚI", "tới", "80 đến 90", "5 Tới 7", " - ", "trên ", "Khoảng ", "mức ", "thứ ",
    "số ", "hơn tổng ſố ", "TỐI THİỂU ", "ít nhất ",
    "hai", "năm", "một", "lẻ", "tổng đài", "Tổng  đài", "số\tmáy lẻ", "hàng mấy", "fax",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)
_WORDS = [*number_word_set(), *numerals().code_before, *numerals().vague_multipliers]


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_word_scans_find_what_their_plain_pattern_finds(text: str) -> None:
    low = text.lower()
    plain = [(m.start(), m.group()) for m in _plain_word_starts(_WORDS).finditer(low)]
    assert [(m.start(), m.group()) for m in word_starts_re(_WORDS).finditer(low)] == plain
    assert list(word_hits(word_start_scans(_WORDS), low)) == plain


def _plain_word_starts(words: list[str]) -> re.Pattern[str]:
    """What ``word_starts_re`` stands for, written plainly: the words, longest first, not
    right after a letter or a digit nor going on into one."""
    ordered = sorted(set(words), key=len, reverse=True)
    alternation = "|".join(
        re.escape(w).replace("\\ ", "[ \t]+") + (f"(?!{LETTER})" if w[-1].isalnum() else "")
        for w in ordered
    )
    return re.compile(f"(?<!{LETTER})(?:{alternation})")


def _figure(m: regex.Match[str], neg: bool) -> tuple[object, ...]:
    return (m.span(), m.span("fig"), m.group("scale", "suffix", "high"), neg)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_figure_matches_are_the_figure_pattern_matches(text: str) -> None:
    plain = [_figure(m, m.group("neg") is not None) for m in number._figure_re().finditer(text)]
    fast = [_figure(m, m.start() != m.start("fig")) for m in number._figure_matches(text)]
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_percent_and_score_stretches_find_every_match(text: str) -> None:
    def spans(ms: object) -> list[tuple[int, int]]:
        return [m.span() for m in ms]  # type: ignore[attr-defined]

    assert spans(percent._sign_matches(text)) == spans(percent._sign_re().finditer(text))
    assert spans(ratio._score_matches(text)) == spans(ratio._SCORE.finditer(text))


@settings(max_examples=300, deadline=None)
@given(_texts, st.integers(min_value=0, max_value=200))
def test_the_folded_tail_test_never_hides_a_qualifier(text: str, at: int) -> None:
    at = min(at, len(text))
    plain = _qualifier_tail().search(text, max(0, at - 24), at)
    expected = (plain.group("qual"), plain.start()) if plain else (None, at)
    assert qualifier_before(text, at) == expected
    assert qualifier_before(text, at, folded_tail(text, at, 24)) == expected
