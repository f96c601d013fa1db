"""The speed paths of the organization and person finders find exactly what the plain forms
they replace find.

Each fast path is checked against the slower, obvious form on generated text that glues
head words, honorifics, surnames, plural words, figures and marks to letters and to each
other, so that hits inside words and near the window edges occur.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from vn_egov_extract.kinds import organization
from vn_egov_extract.kinds._org_grammar import Tokens
from vn_egov_extract.kinds._org_lexicon import TOKEN_RE, head_matches, lexicon
from vn_egov_extract.kinds._person_data import (
    tables,
    word_start_candidates,
    word_start_matches,
    word_starts,
)
from vn_egov_extract.kinds.person import _heads, _surname_runs

_PIECES = [
    "ông",
    "bà",
    "anh",
    "không",
    "chủ tịch",
    "phó",
    "nguyên",
    "cán bộ",
    "UBND",
    "Sở",
    "TT&TT",
    "các",
    "Các",
    "những",
    "12",
    "2020",
    "năm",
    "1.200",
    "Nguyễn",
    "Văn",
    "Lê",
    "A",
    "Bình",
    "tỉnh",
    "TP.",
    "x",
    "/",
    "_",
    " ",
    "  ",
    "\t",
    "\n",
    ",",
    ".",
    "(",
    "-",
    "’",
    "٣",
    "Văn phòng",
    "văn phòng",
    "ủy ban nhân dân",
    "Ủy ban nhân dân",
    "Công an",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_TEXT)
def test_candidate_scans_find_what_word_starts_finds(text: str) -> None:
    t = tables()
    low = text.lower()
    starts = word_start_candidates(t, low)
    pairs = t.honorific_pairs
    honorific_starts = [at for at in starts if pairs is None or low[at : at + 2] in pairs]
    fast = [m.span() for m in word_start_matches(t.honorific_scan, low, honorific_starts, "/")]
    assert fast == [m.span() for m in word_starts(t.honorific_scan, low, also="/")]
    fast = [m.span() for m in word_start_matches(t.head_scan, low, starts)]
    assert fast == [m.span() for m in word_starts(t.head_scan, low)]


@given(_TEXT)
def test_title_prefixes_are_found_as_by_the_plain_search(text: str) -> None:
    t = tables()
    low = text.lower()
    found = list(word_starts(t.head_scan, low))
    plain = []
    for m in found:
        pre = t.prefix_before.search(low, max(0, m.start() - 24), m.start())
        plain.append((pre.start() if pre is not None else m.start(), m.end()))
    assert list(_heads(low, found)) == plain


@given(_TEXT)
def test_surname_runs_are_the_pattern_scan(text: str) -> None:
    plain = [m.span() for m in tables().surname_re.finditer(text)]
    assert [m.span() for m in _surname_runs(text)] == plain


@given(_TEXT)
def test_head_matches_are_the_head_pattern_scan(text: str) -> None:
    lex = lexicon()
    plain = [m.span() for m in lex.head_re.finditer(text)]
    assert [m.span() for m in head_matches(lex, text)] == plain


@given(_TEXT)
def test_plural_and_count_tests_match_the_plain_searches(text: str) -> None:
    lex = lexicon()
    for start in range(len(text) + 1):
        lo = max(0, start - 24)
        plain = (
            lex.plural_re.search(text, lo, start) is not None
            or lex.count_re.search(text, lo, start) is not None
        )
        assert organization._not_one_body(lex, text, start) == plain


@given(_TEXT)
def test_acronyms_are_spelled_as_by_a_substitution(text: str) -> None:
    lex = lexicon()

    def spell(m: regex.Match[str]) -> str:
        long = lex.acronyms[m.group()]
        nxt = m.string[m.end() : m.end() + 1]
        return long + " " if nxt.isalpha() else long

    assert organization.expand(text) == lex.acronym_re.sub(spell, text)


@given(_TEXT, st.integers(0, 40), st.lists(st.integers(-1, 45), max_size=6))
def test_tokens_read_lazily_are_the_tokens_read_at_once(
    text: str, pos: int, asks: list[int]
) -> None:
    pos = min(pos, len(text))
    lazy, whole = Tokens(text, pos), Tokens(text, pos)
    whole.has(60)
    for i in asks:
        assert lazy.has(i) == whole.has(i)
    assert [t.start for t in lazy] == [t.start for t in whole][: len(lazy)]
    plain = [m.span() for m in TOKEN_RE.finditer(text, pos, min(len(text), pos + 240))]
    # the tokens stop at a line break, a wide gap or the 40th token: up to there they are
    # the pattern's matches
    assert [(t.start, t.end) for t in whole] == plain[: len(whole)]
