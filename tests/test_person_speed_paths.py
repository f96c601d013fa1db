"""The fast paths of the person finder and the pipeline find exactly what the plain forms
they replace find.

Speed work must not change output: each fast path is checked here against the slower,
obvious form on generated text (spans and order).
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vn_egov_extract._text import NormText, _fold_char
from vn_egov_extract.kinds._person_chain import read_chain
from vn_egov_extract.kinds._person_data import tables, word_starts
from vn_egov_extract.kinds.person import _Taken

# honorifics and title heads glued to letters, slashes and each other, so that hits inside
# words and hits overlapping a rejected one both occur
_PIECES = [
    "ông",
    "bà",
    "anh",
    "chủ tịch",
    "phó",
    "giám đốc",
    "th",
    "x",
    "/",
    " ",
    "\t",
    "_",
    "1",
    ".",
    "Sở",
    "Nguyễn",
    "Văn",
    "A",
    "tỉnh",
    ",",
    " - ",
    "\n",
    "và",
    "UBND",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _plain(pattern: re.Pattern[str], lookbehind: str, text: str, lo: int, hi: int) -> list:
    full = re.compile(lookbehind + pattern.pattern)
    return [m.span() for m in full.finditer(text, lo, hi)]


@given(_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_word_starts_is_the_lookbehind_scan(text: str, lo: int, hi: int) -> None:
    t = tables()
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    fast = [m.span() for m in word_starts(t.head_scan, text, lo, hi)]
    assert fast == _plain(t.head_scan, r"\b", text, lo, hi)
    fast = [m.span() for m in word_starts(t.honorific_scan, text, also="/")]
    assert fast == _plain(t.honorific_scan, r"(?<![\w/])", text, 0, len(text))


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=12),
    st.integers(0, 60),
    st.integers(0, 10),
)
def test_taken_overlaps_like_a_list_scan(spans: list, start: int, size: int) -> None:
    taken, plain = _Taken(), []
    for a, n in spans:
        taken.append((a, a + n))
        plain.append((a, a + n))
    end = start + size
    assert taken.overlaps(start, end) == any(start < b and a < end for a, b in plain)
    assert taken.ends_at(end) == any(b == end for _, b in plain)


@given(_TEXT, st.integers(0, 40), st.integers(1, 30))
def test_read_chain_reads_nothing_past_its_limit(text: str, pos: int, limit: int) -> None:
    pos = min(pos, len(text))
    stop = min(len(text), pos + limit)
    # the chain of the text cut at the limit is the chain of the whole text
    assert read_chain(text, pos, limit) == read_chain(text[:stop], pos, limit)


# folded characters: dashes, quotes, full-width digits, a combining accent, an entity
_FOLDED = st.lists(
    st.sampled_from(["a", " ", "–", "“", "”", "５", "o\u0300", "&nbsp;", "\u00ad", "Uû", "1"]),
    max_size=30,
).map("".join)


@given(_FOLDED)
def test_a_view_without_maps_is_its_source_char_for_char(text: str) -> None:
    # maps that only swap characters in place are left out of the view: then every view
    # character stands at its source character's offset
    view = NormText.of(text)
    if not view.maps:
        assert len(view.text) == len(text)
        assert all(v == c or _fold_char(c) == v for v, c in zip(view.text, text, strict=True))
