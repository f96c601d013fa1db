"""Text as it arrives: odd Unicode, HTML debris, hostile input, huge input, impossible values."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_egov_extract import extract
from vn_egov_extract._text import _TONE_MOVES

PUBLISHED = dt.date(2021, 10, 8)


def examples(n: int) -> int:
    """``n`` examples by default; a hundred times more under ``HYPOTHESIS_PROFILE=fuzz``."""
    return n * 100 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else n


# Our own sentences in the genre (never copied from the corpus), covering most kinds and
# carrying the characters the transforms below play with: tones, "hòa"/"thủy", quotes,
# ranges, decimals, percent signs.
SENTENCES = [
    "Năm 2021, toàn tỉnh có 1.626 dịch vụ công trực tuyến mức độ 3, 4, đạt 95,5%.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn là 98%, tăng 12% so với cùng kỳ; 12/20 cơ quan đã kết nối.",
    "Ông Trần Văn Hòa, Phó Giám đốc Sở Thông tin và Truyền thông tỉnh Khánh Hòa, cho biết "
    "ngày 15/3/2021 hệ thống iGate đã vận hành.",
    "Chỉ thị số 08/CT-UBND ngày 29/4/2020 của UBND huyện Thủy Nguyên yêu cầu 100% văn bản "
    "đi được ký số.",
    "Khoảng 80-90% người dân hài lòng; từ tháng 6 đến tháng 9/2021 có hơn 2.500 lượt truy cập.",
    'Trung tâm tiếp nhận "hồ sơ" trực tuyến, đạt tỷ lệ 45,2 %, trên 300 tài khoản.',
    "Quý IV/2020 xã Hòa Thuận có 15 công chức được tập huấn, sức khỏe tốt, đạt 70 - 75%.",
]

_OLD_TONE = {new: old for old, new in _TONE_MOVES.items()}
_NEW_TONE = regex.compile(
    "(?<![qQ])(?:" + "|".join(map(regex.escape, sorted(_OLD_TONE, key=len))) + r")(?!\p{L})"
)


def _nfd(t: str) -> str:
    return unicodedata.normalize("NFD", t)


def _mixed(t: str) -> str:
    words = t.split(" ")
    return " ".join(_nfd(w) if i % 2 else w for i, w in enumerate(words))


def _old_tone(t: str) -> str:
    return _NEW_TONE.sub(lambda m: _OLD_TONE[m.group()], t)


def _wide(t: str) -> str:
    return "".join(chr(ord(c) - 48 + 0xFF10) if "0" <= c <= "9" else c for c in t).replace(
        "%", "％"
    )


def _dashes(t: str) -> str:
    return regex.sub(r"(?<=\d) ?- ?(?=\d)", "\u2013", t)


TRANSFORMS = {
    "nfd": _nfd,
    "mixed nfc/nfd": _mixed,
    "old tone placement": _old_tone,
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "narrow no-break spaces": lambda t: t.replace(" ", "\u202f"),
    "zero-width spaces in words": lambda t: regex.sub(r"(?<=\p{L})(?=\p{L})", "\u200b", t),
    "zero-width spaces in numbers": lambda t: regex.sub(r"(?<=\d[.,])(?=\d)", "\u200b", t),
    "soft hyphens": lambda t: regex.sub(r"(?<=\p{L}{3})(?=\p{L}{2})", "\u00ad", t),
    "curly quotes": lambda t: regex.sub(r'"([^"]*)"', "\u201c\\1\u201d", t).replace("'", "’"),
    "full-width digits and ％": _wide,
    "en dashes in ranges": _dashes,
    "em dashes in ranges": lambda t: _dashes(t).replace("\u2013", "\u2014"),
    "html entities": lambda t: t.replace(" ", "&nbsp;").replace('"', "&quot;"),
    "stray tags": lambda t: t.replace(", ", ",<br/>").replace("; ", ";</p><p>"),
    "byte order mark": lambda t: "\ufeff" + t,
    "windows line ends": lambda t: t.replace(". ", ".\r\n"),
}


# Kinds whose names keep the caller's own dashes and quotes ("Tài chính – Kế hoạch"), which
# some transforms change: their names are compared with those shapes folded, below.
_LEAKY = {"organization", "location"}


_MARKUP = ("html entities", "stray tags")


def _values(text: str, skip: set[str] = _LEAKY) -> list[tuple[str, dict[str, object]]]:
    """The records' kinds and values (not offsets or rule names); offsets checked on the way."""
    result = extract(text, published=PUBLISHED)
    for r in result.records:
        assert text[r.start : r.end] == r.text
    return [
        (r.kind, r.model_dump(exclude={"text", "start", "end", "rule"}))
        for r in result.records
        if r.kind not in skip
    ]


def test_transforms_change_the_text() -> None:
    # a transform that does nothing would make the equivalence tests below vacuous
    article = " ".join(SENTENCES)
    for name, transform in TRANSFORMS.items():
        assert transform(article) != article, name


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_dirty_text_gives_the_records_of_clean_text(name: str) -> None:
    article = " ".join(SENTENCES)
    assert _values(TRANSFORMS[name](article)) == _values(article)


def _shapes_folded(values: list[tuple[str, dict[str, object]]]) -> str:
    # names keep the caller's own dashes and quotes, which the dirt transforms change
    return repr(values).translate(str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'"}))


def test_dirty_text_gives_the_names_of_clean_text() -> None:
    article = " ".join(SENTENCES)
    clean = _shapes_folded(_values(article, set()))
    for name, transform in TRANSFORMS.items():
        assert _shapes_folded(_values(transform(article), set())) == clean, name


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
    st.lists(st.sampled_from(sorted(TRANSFORMS)), max_size=4),
)
def test_any_mix_of_dirt_gives_the_clean_records(sentences: list[str], names: list[str]) -> None:
    clean = " ".join(sentences)
    dirty = clean
    markup = [n for n in names if n in _MARKUP][:1]  # markup last: other dirt would break it
    for name in [n for n in names if n not in _MARKUP] + markup:
        dirty = TRANSFORMS[name](dirty)
    assert _values(dirty) == _values(clean)


# --- HTML left in text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "debris",
    [
        '<td width="100" height="25">',
        "<img src='anh-2021-10-08.jpg' alt='Ảnh 1'/>",
        "<!-- 12/20 quảng cáo 50% -->",
        "&#8203;",
        "&#x2013;",
        "&amp;",
        "</div>",
    ],
)
def test_html_debris_makes_no_records_and_shifts_nothing(debris: str) -> None:
    clean = "Toàn tỉnh có 1.626 hồ sơ, đạt 95,5%."
    dirty = clean.replace("hồ sơ,", "hồ sơ," + debris)
    got = extract(dirty, published=PUBLISHED).records
    want = extract(clean, published=PUBLISHED).records
    assert [(r.kind, r.text) for r in got] == [(r.kind, r.text) for r in want]
    shift = len(debris)
    for g, w in zip(got, want, strict=True):
        moved = shift if w.start >= clean.index("hồ sơ,") + len("hồ sơ,") else 0
        assert (g.start, g.end) == (w.start + moved, w.end + moved)
        assert dirty[g.start : g.end] == g.text


def test_debris_alone_gives_nothing() -> None:
    assert (
        extract('<p class="x1">&nbsp;</p><br/><td width="100"> &#160; <!-- 50% -->').records == []
    )


# --- hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", [None, 42, 3.5, True, ["80%"], ("80%",), {"text": "80%"}, object(), memoryview(b"x")]
)
def test_non_strings_are_a_type_error_naming_str(bad: object) -> None:
    with pytest.raises(TypeError, match="expects a str"):
        extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("data", [b"80%", bytearray(b"80%")])
def test_bytes_point_to_extract_bytes(data: bytes) -> None:
    with pytest.raises(TypeError, match="extract_bytes"):
        extract(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "blank", ["", " ", "\n\t\r ", "\u00a0\u3000\u2009", "\u200b\u200b", "\ufeff"]
)
def test_blank_gives_an_empty_result(blank: str) -> None:
    assert extract(blank).records == []


@pytest.mark.parametrize(
    "odd",
    [
        "\ud800 lone surrogate 80% \udfff",
        "\x00\x01\x02 80%\x7f",
        "\u0301\u0301\u0301 80%",
        "a" + "\u0301" * 5000 + " 80%",
        "\u202e80% đảo chiều\u202c",
        "😀 80% 🇻🇳 12/20 cơ quan",
        "\U000f0000 riêng 80%",
        "&" * 1000 + "80%",
        "<" * 1000 + "80%",
        "&#99999999999; &#x110000; &#0; 80%",
        "\uff10\uff10\uff10\uff05",
    ],
)
def test_odd_strings_never_raise_and_offsets_hold(odd: str) -> None:
    result = extract(odd)
    for r in result.records:
        assert odd[r.start : r.end] == r.text
    if odd.endswith("80%"):
        assert any(r.kind == "percent" and r.value == 80.0 for r in result.records)


# --- huge and pathological input --------------------------------------------------------------

# Smaller versions of bench/pathological.py. Each runs in a child process with a timeout, so a
# regression to catastrophic backtracking fails this test instead of hanging the suite; the
# cap is generous on purpose (this asserts completion, not speed: speed is in bench/).
_PATHOLOGICAL = {
    "digits": "'7' * 20_000",
    "dots": "'1.' * 10_000",
    "parens": "'(' * 10_000",
    "percents": "'%' * 10_000",
    "ngay": "'ngày ' * 4_000",
    "slashes": "'1/' * 5_000",
    "levels": "'mức độ 3, ' * 2_000",
    "tags": "'<b' * 5_000",
    "entities": "'&#' * 5_000",
    "marks": "'a' + '\\u0301' * 20_000",
    "spaces": "' ' * 50_000 + '80%'",
    "tcvn3": "'nh\\u00a9n ' * 5_000",
    "vni": "'nhaa\\u00e2n ' * 5_000",
    "long line": "'Có 1.626 dịch vụ công, đạt 19,5% tại UBND huyện. ' * 400",
    # two pieces of one rule far apart: each took minutes when two blank runs stood side by
    # side in a pattern (full size on purpose: at a tenth they finish either way)
    "gap in a number": "'Quyết định số' + ' ' * 200_000 + '1/QĐ-UBND'",
    "gap after a unit": "'huyện' + ' ' * 200_000 + 'abc'",
    "gap before a sign": "'5' + ' ' * 200_000 + '%'",
}


def test_pathological_inputs_complete() -> None:
    # one child process for all cases (an import costs a second); it names each case before
    # running it, so a timeout says which input hung
    lines = ["from vn_egov_extract import extract"]
    for name, expr in _PATHOLOGICAL.items():
        lines += [
            f"print({name!r}, flush=True)",
            f"text = {expr}",
            "result = extract(text)",
            "assert all(text[r.start:r.end] == r.text for r in result.records)",
        ]
    try:
        done = subprocess.run(
            [sys.executable, "-c", "\n".join(lines)], timeout=300, capture_output=True
        )
    except subprocess.TimeoutExpired as exc:
        started = (exc.stdout or b"").decode().splitlines()
        pytest.fail(f"no answer in 300 s; last input started: {started[-1:]}")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert done.stdout.decode().splitlines() == list(_PATHOLOGICAL)


# --- impossible values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Số hộ dùng dịch vụ chiếm 150% tổng số hộ.", True),
        ("Tỷ lệ hồ sơ trực tuyến của huyện đạt 120%.", True),
        ("Huyện đã cấp 110% tổng số tài khoản.", True),
        ("Doanh thu tăng 150% so với cùng kỳ.", False),
        ("Tỷ lệ tăng trưởng đạt 150%.", False),
        ("Số hồ sơ gấp 2 lần, bằng 200% năm trước.", False),
        ("Thu ngân sách đạt 130% kế hoạch năm.", False),
        ("Số lượt truy cập vượt 250% chỉ tiêu.", False),
        ("Tỷ lệ hồ sơ trực tuyến đạt 98%.", False),
    ],
)
def test_share_above_100_is_flagged_not_dropped(text: str, flagged: bool) -> None:
    (pct,) = [r for r in extract(text).records if r.kind == "percent"]
    assert pct.implausible is flagged
    assert pct.value >= 98


def test_flag_looks_only_at_its_own_clause() -> None:
    text = "Doanh thu tăng mạnh. Số hộ chiếm 150% tổng số hộ."
    (pct,) = [r for r in extract(text).records if r.kind == "percent"]
    assert pct.implausible is True


_CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_dirty_articles_give_the_records_of_clean_articles(name: str) -> None:
    for path in _CORPUS:
        article = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        assert _values(TRANSFORMS[name](article)) == _values(article), path.name
