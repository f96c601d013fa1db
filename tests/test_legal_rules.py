"""The legal_ref kind beyond the example table: number shapes, issuers, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from vn_egov_extract import Extractor, extract
from vn_egov_extract._patterns import load
from vn_egov_extract._records import LegalRefRecord
from vn_egov_extract.kinds._legal_data import LegalPatterns

LEGAL = Extractor(kinds=["legal_ref"])


def _records(text: str) -> list[LegalRefRecord]:
    records = [r for r in LEGAL(text).records if isinstance(r, LegalRefRecord)]
    for r in records:
        assert text[r.start : r.end] == r.text
    return records


def _refs(text: str) -> list[tuple[str, str]]:
    return [(r.text, r.number) for r in _records(text)]


def test_pattern_file_is_valid_and_codes_are_unique() -> None:
    p = load("legal.yaml", LegalPatterns)
    assert len(p.doc_types) == len(set(p.doc_types))
    assert set(p.doc_type_abbreviations.values()) <= set(p.doc_types)


@pytest.mark.parametrize(
    ("number", "issuer"),
    [
        ("10/2021/TT-BKHCN", "Bộ Khoa học và Công nghệ"),
        ("25/CT-TTg", "Thủ tướng Chính phủ"),
        ("2208/QĐ-BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("83/2022/QH15", "Quốc hội"),
        ("05-NQ/TU", "Tỉnh ủy"),
        ("144/SNV-CCVC", "Sở Nội vụ"),
        ("9/QĐ-XYZ", None),
    ],
)
def test_issuer_from_the_number_code(number: str, issuer: str | None) -> None:
    records = _records(f"Thực hiện văn bản số {number} đã ban hành.")
    assert [(r.number, r.issuer) for r in records] == [(number, issuer)]


def test_issuer_phrase_wins_over_the_code_and_stays_outside_the_span() -> None:
    text = "Kế hoạch số 12/KH-UBND ngày 02/02/2021 của UBND huyện Cư Kuin về chuyển đổi số."
    (r,) = _records(text)
    assert (r.text, r.issuer, r.date) == (
        "Kế hoạch số 12/KH-UBND ngày 02/02/2021",
        "UBND huyện Cư Kuin",
        dt.date(2021, 2, 2),
    )


def test_only_a_date_right_after_the_number_is_its_date() -> None:
    text = "Quyết định số 5/QĐ-UBND có hiệu lực từ ngày 01/01/2021."
    (r,) = _records(text)
    assert (r.text, r.date) == ("Quyết định số 5/QĐ-UBND", None)


@pytest.mark.parametrize(
    "text",
    ["12/20 cơ quan", "ngày 1/1/2020", "mã số 12/AB", "tháng 3/2021", "3/4", "số 45", "1/NQ"],
)
def test_figures_that_are_not_documents(text: str) -> None:
    assert _refs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "số " * 5000,
        "1/A-" * 5000,
        "Luật " + "Ab " * 5000 + "năm 2020",
        "Nghị quyết số " + "9" * 5000 + "/NQ-CP",
        "Quyết định số 12/QĐ-UBND ngày 99/99/9999",
    ],
)
def test_degenerate_input_is_fast_and_exact(text: str) -> None:
    for r in LEGAL(text).records:
        assert text[r.start : r.end] == r.text


def test_a_short_cited_document_owns_its_figure() -> None:
    records = extract("Xã đạt 100% chỉ tiêu của Đề án 06 và có 12 điểm hỗ trợ.").records
    assert [(r.kind, r.text) for r in records if r.kind in ("legal_ref", "number")] == [
        ("legal_ref", "Đề án 06"),
        ("number", "12"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Đề án " + "06 " * 3000,
        "Chương trình 135" * 3000,
        "Quyết định số 12 ngày " * 2000,
    ],
)
def test_short_numbers_on_degenerate_input_stay_exact(text: str) -> None:
    for r in LEGAL(text).records:
        assert text[r.start : r.end] == r.text
