"""Properties that hold for any text: no crash, exact offsets, determinism, NFC = NFD."""

from __future__ import annotations

import time
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn_egov_extract import extract

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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_never_raises_and_offsets_are_exact(text: str) -> None:
    result = extract(text)
    for r in result.records:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text
    assert [r.start for r in result.records] == sorted(r.start for r in result.records)


@settings(max_examples=100, deadline=None)
@given(genre_text)
def test_deterministic(text: str) -> None:
    assert extract(text) == extract(text)


@settings(max_examples=150, deadline=None)
@given(genre_text)
def test_nfc_and_nfd_give_the_same_records(text: str) -> None:
    def values(t: str) -> list[tuple[str, dict[str, object]]]:
        return [
            (r.kind, r.model_dump(exclude={"text", "start", "end"})) for r in extract(t).records
        ]

    nfc = unicodedata.normalize("NFC", text)
    assert values(nfc) == values(unicodedata.normalize("NFD", nfc))


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    extract(text)
    return time.perf_counter() - t0


def test_pathological_inputs_finish_quickly() -> None:
    # smaller versions of bench/pathological.py; the cap is generous on purpose
    cases = {
        "digits": "7" * 20_000,
        "dots": "1." * 10_000,
        "parens": "(" * 10_000,
        "percents": "%" * 10_000,
        "ngay": "ngày " * 4_000,
        "long line": ("Có 1.626 dịch vụ công, đạt 19,5% tại UBND huyện. " * 400),
    }
    for name, text in cases.items():
        assert _seconds(text) < 5.0, name
