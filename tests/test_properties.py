"""Properties that hold for any text: no crash, exact offsets, determinism, NFC = NFD,
context-free records, legacy encodings.

Example counts are modest so the suite stays fast; for a long run:

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest -q tests/test_properties.py

(or ``bench/fuzz.py`` for coverage-guided fuzzing with atheris).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn_egov_extract import BaseRecord, extract, repair_text
from vn_egov_extract._legacy import LegacyTable
from vn_egov_extract._patterns import load


def examples(n: int) -> int:
    """``n`` examples by default; a hundred times more under ``HYPOTHESIS_PROFILE=fuzz``."""
    return n * 100 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else n


# Text that looks like the genre: Vietnamese words, figures, separators, keywords.
_PIECES = [
    "Sáng 21-2",
    "ngày 06/10/2020",
    "16:53, 21/02/2020",
    "quý IV/2020",
    "9 tháng đầu năm",
    "mức độ 3, 4",
    "iGate",
    "Idesk",
    "hệ thống một cửa điện tử",
    "UBND huyện",
    "tỉnh Đắk Lắk",
    "trên 46.016 tài khoản",
    "19,5%",
    "12/20 cơ quan",
    "17/NQ-CP",
    "hai mươi mốt",
    "hàng trăm",
    "ông Nguyễn Văn An",
    "Giám đốc Sở",
    "năm 2019",
    "từ ngày",
    "đến",
    "giai đoạn 2019-2020",
    "Hoà",
    "thuỷ",
    "&nbsp;",
    "<b>",
    "’",
    "–",
    "％",
    "\u00a0",
    "\u200b",
    "(",
    ")",
    ",",
    ".",
    "\n",
    "0262 3 777 752",
    "1.",
    "%",
    "/",
    "-",
    ":",
    "mồng",
    "tháng",
    "năm",
    "thứ hai",
    "chủ nhật",
]
genre_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=8), st.integers(0, 10**7).map(str)),
    max_size=40,
).map(" ".join)
any_text = st.one_of(st.text(max_size=300), genre_text)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_never_raises_and_offsets_are_exact(text: str) -> None:
    result = extract(text)
    for r in result.records:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text
    assert [r.start for r in result.records] == sorted(r.start for r in result.records)


@settings(max_examples=examples(100), deadline=None)
@given(genre_text)
def test_deterministic(text: str) -> None:
    assert extract(text) == extract(text)


@settings(max_examples=examples(150), deadline=None)
@given(genre_text)
def test_nfc_and_nfd_give_the_same_records(text: str) -> None:
    def values(t: str) -> list[tuple[str, dict[str, object]]]:
        return [
            (r.kind, r.model_dump(exclude={"text", "start", "end"})) for r in extract(t).records
        ]

    nfc = unicodedata.normalize("NFC", text)
    assert values(nfc) == values(unicodedata.normalize("NFD", nfc))


# --- records do not depend on unrelated sentences around them ---------------------------------

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
ARTICLES = [p.read_text(encoding="utf-8") for p in CORPUS]
# Unrelated sentences of the genre (written for this test); some have records of their own,
# which must not swallow or change the article's.
FILLERS = [
    "Buổi làm việc diễn ra trong không khí cởi mở.",
    "Người dân đánh giá cao sự thay đổi này.",
    "Đây là bước tiến đáng ghi nhận.",
    "Nhiều ý kiến đóng góp được nêu ra.",
    "Có 35 đại biểu tham dự.",
    "Tỷ lệ hài lòng đạt 92%.",
    "Tháng 5/2019 có 14/20 xã hoàn thành.",
]
# A sentence ends at . ! ? after a lowercase letter, a digit or a closing bracket/quote (so
# not after "TP." or "ThS."), before a capital; or a line starts.
_BOUNDARY = regex.compile(r"(?<=[\p{Ll}\d)\"”][.!?])[ \t]+(?=\p{Lu})|(?<=\n)[ \t]*(?=\S)")


def _insertion_points(article: str) -> list[int]:
    """Sentence starts where an unrelated sentence may go.

    Not before the end of the first line (the title and dateline: the article's date is read
    from the top), and only before prose: the rest of the line must run 40 characters or more
    and end a sentence. A byline, a source credit or page chrome is found by its place (a
    short line of its own at the end), so a sentence put before it changes what it is.
    """
    top = article.index("\n") if "\n" in article else len(article)
    points = []
    for m in _BOUNDARY.finditer(article):
        line_end = article.find("\n", m.end())
        rest = article[m.end() : line_end if line_end >= 0 else len(article)].rstrip()
        if m.end() > top and len(rest) >= 40 and rest[-1] in ".!?":
            points.append(m.end())
    return points


def _key(r: object) -> tuple[str, str]:
    assert isinstance(r, BaseRecord)
    return r.kind, repr(sorted(r.model_dump(exclude={"text", "start", "end"}).items()))


@settings(max_examples=examples(12), deadline=None)
@given(
    st.sampled_from(range(len(ARTICLES))),
    st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(FILLERS)), min_size=1, max_size=3),
)
def test_unrelated_sentences_keep_every_record(which: int, inserts: list[tuple[int, str]]) -> None:
    article = ARTICLES[which]
    points = _insertion_points(article)
    chosen = sorted({points[i % len(points)]: f + " " for i, f in inserts}.items())
    text = (
        "".join(
            article[a:b] + filler
            for (a, _), (b, filler) in zip([(0, ""), *chosen[:-1]], chosen, strict=True)
        )
        + article[chosen[-1][0] :]
    )

    def shifted(pos: int, is_end: bool) -> int:
        return pos + sum(len(f) for p, f in chosen if p < pos or (p == pos and not is_end))

    published = dt.date(2020, 10, 8)  # explicit: dateline linking is tested elsewhere
    got = {(_key(r), r.start, r.end) for r in extract(text, published=published).records}
    for r in extract(article, published=published).records:
        want = (_key(r), shifted(r.start, False), shifted(r.end, True))
        assert want in got, (r.kind, r.text)


# --- legacy encodings give the records of the Unicode text ------------------------------------


def _legacy_encoder(name: str) -> dict[str, str]:
    table = load(f"legacy_{name}.yaml", LegacyTable).table
    return {letter: key for key, letter in table.items()}


@settings(max_examples=examples(10), deadline=None)
@given(
    st.sampled_from(range(len(ARTICLES))),
    st.sampled_from(["vni", "tcvn3", "utf8_cp1252"]),
    st.integers(0, 10**6),
    st.integers(200, 3000),
)
def test_legacy_text_gives_the_records_of_its_unicode(
    which: int, name: str, start: int, size: int
) -> None:
    article = unicodedata.normalize("NFC", ARTICLES[which])
    lines = article.splitlines(keepends=True)
    first = start % len(lines)
    piece = ""
    for line in lines[first:]:  # whole lines from anywhere in the article
        if piece and len(piece) + len(line) > size:
            break
        piece += line
    inverse = _legacy_encoder(name) if name != "utf8_cp1252" else {}
    # TCVN3 has no toned capitals: typists used the lowercase letter, so compare with that
    unicode_text = "".join(
        c.lower() if name == "tcvn3" and c not in inverse and c.lower() in inverse else c
        for c in piece
    )
    mojibake = "".join(inverse.get(c, c) for c in unicode_text)
    if name == "utf8_cp1252":  # UTF-8 read as Windows-1252, its holes as Latin-1
        data = unicode_text.encode("utf-8")
        mojibake = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    result = extract(mojibake)
    for r in result.records:
        assert mojibake[r.start : r.end] == r.text
    # names of organisations, places and people are still read from the caller's string
    # (see tests/test_legacy.py); every other kind must agree value for value
    leaky = {"organization", "location", "person"}
    mine = [_key(r) for r in result.records if r.kind not in leaky]
    theirs = [_key(r) for r in extract(repair_text(mojibake)).records if r.kind not in leaky]
    assert mine == theirs
    # the text itself comes back when there is evidence to go on: a few Vietnamese words
    if sum(1 for w in unicode_text.split() if not w.isascii() and w.isalpha()) >= 3:
        assert repair_text(mojibake).lower() == unicode_text.lower()
