"""The literal prefilter (kinds/_scan.py) finds exactly what the costly patterns find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vn_egov_extract._candidate import Doc
from vn_egov_extract._text import NormText
from vn_egov_extract.kinds import location, number
from vn_egov_extract.kinds._scan import candidate_starts, prefiltered, word_starts_re

# pieces that make unit words, number words and codes meet letters, dots, tabs and capitals
_PIECES = [
    "xã",
    "Xã",
    "thị xã",
    "THỊ XÃ",
    "thị\txã",
    "tp.",
    "TP.",
    "h.",
    "p.",
    "huyện",
    "Quận",
    "tỉnh",
    "thành phố",
    "đặc khu",
    " ",
    "  ",
    "\t",
    ".",
    ",",
    "-",
    "b",
    "Ba",
    "ba",
    "hai",
    "năm",
    "mươi",
    "tổng đài",
    "hàng",
    "trăm",
    "12",
    "3",
    "Krông Năng",
    "An",
    "Sơn",
    "\n",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_unit_words_are_found_where_the_unit_regex_finds_them(text: str) -> None:
    doc = Doc(NormText.of(text))
    unit_re, _ = location._unit_re()
    starts = candidate_starts(word_starts_re(location._unit_re()[1]), doc.lower())
    assert [m.span() for m in prefiltered(unit_re, doc.text, starts)] == [
        m.span() for m in unit_re.finditer(doc.text)
    ]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_number_words_are_found_where_the_words_regex_finds_them(text: str) -> None:
    doc = Doc(NormText.of(text))
    words_re = number._words_re()
    starts = candidate_starts(word_starts_re(number.number_word_set()), doc.lower())
    assert [m.span() for m in prefiltered(words_re, doc.lower(), starts)] == [
        m.span() for m in words_re.finditer(doc.lower())
    ]


def test_a_word_inside_a_longer_one_is_no_start() -> None:
    pre = word_starts_re(["ba", "xã", "thị xã"])
    assert list(candidate_starts(pre, "bao, thị xã, ba")) == [5, 9, 13]
