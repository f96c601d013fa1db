"""The person kind beyond the example table: bylines in page layouts, titles, bad input."""

from __future__ import annotations

import pytest

from vn_egov_extract import Extractor
from vn_egov_extract._patterns import load
from vn_egov_extract._records import PersonRecord
from vn_egov_extract.kinds._person_data import PersonPatterns

# only this kind: its behaviour must not depend on the other kinds' work
PERSON = Extractor(kinds=["person"])

PROSE = "Các đơn vị tiếp tục rà soát, đưa thủ tục hành chính lên môi trường mạng."


def _names(text: str) -> list[str]:
    records = PERSON(text).records
    for r in records:
        assert text[r.start : r.end] == r.text
    return [r.text for r in records]


def test_pattern_file_is_valid_and_has_no_duplicates() -> None:
    p = load("persons.yaml", PersonPatterns)
    for field in ("honorifics", "title_heads", "surnames", "not_name_words"):
        values = getattr(p, field)
        assert len(values) == len(set(values)), field


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_byline_after_prose_with_either_line_ending(newline: str) -> None:
    text = f"{PROSE}{newline}{newline}  Thảo Nguyên{newline}"
    assert _names(text) == ["Thảo Nguyên"]


def test_byline_followed_by_page_chrome_and_related_articles() -> None:
    text = (
        f"{PROSE}\n\nBích Ngọc\n\nÝ kiến bạn đọc\n\n(Video) Chuyển đổi số ở cơ sở\n"
        "Hàng trăm cán bộ cấp xã được tập huấn kỹ năng số trong tháng này ở nhiều nơi.\n"
    )
    assert _names(text) == ["Bích Ngọc"]


def test_heading_lines_before_prose_are_not_bylines() -> None:
    # menu items and headings come before the article, not after a paragraph of prose
    text = "Trang Chủ\nGiới Thiệu\nMinh Quang\n" + PROSE
    assert _names(text) == []


def test_a_long_line_is_never_a_byline() -> None:
    text = PROSE + "\n" + "Lan Anh " + "và nhiều người khác " * 12 + "\n"
    assert _names(text) == []


def test_name_inside_a_long_paragraph_needs_a_word_of_address_or_title() -> None:
    text = PROSE + " Hoàng Yến và Minh Tú cùng tham gia buổi tập huấn chiều nay."
    assert _names(text) == []


def _titles(text: str) -> list[tuple[str, str | None]]:
    records = [r for r in PERSON(text).records if isinstance(r, PersonRecord)]
    return [(r.name, r.title) for r in records]


def test_title_is_none_without_one_and_trimmed_with_one() -> None:
    text = "Ông Cù Văn Thắng ,  Giám đốc Sở Xây dựng , phát biểu."
    assert _titles(text) == [("Cù Văn Thắng", "Giám đốc Sở Xây dựng")]
    assert _titles("Bà Thân Thị Yến đến dự.") == [("Thân Thị Yến", None)]


def test_capitalised_word_of_address_mid_sentence_is_part_of_a_name() -> None:
    assert _names("Tuyến đường Ông Ích Khiêm được nâng cấp.") == []
    assert _names("Người dân tỉnh Bà Rịa - Vũng Tàu dùng dịch vụ công.") == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "ông",
        "Chủ tịch",
        "ông " * 5000,
        "Chủ tịch UBND tỉnh " * 3000,
        ("Nguyễn " * 4000) + ", Giám đốc",
        "A\n" * 20000,
        "đồng chí Y" + " Y" * 3000,
    ],
)
def test_degenerate_input_is_fast_and_empty_or_exact(text: str) -> None:
    for r in PERSON(text).records:
        assert text[r.start : r.end] == r.text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Chị Hà Thị Dung, công chức Địa chính - Xây dựng xã, trả lời.",
            "công chức Địa chính - Xây dựng xã",
        ),
        ("Chị Hà Thị Dung, công chức cấp xã, trả lời.", None),
        ("Nhân viên Bưu điện huyện, chị Hà Thị Dung, trả lời.", "Nhân viên Bưu điện huyện"),
    ],
)
def test_a_staff_role_is_a_title_only_with_a_body_after_it(text: str, title: str | None) -> None:
    (record,) = PERSON(text).records
    assert isinstance(record, PersonRecord)
    assert (record.name, record.title) == ("Hà Thị Dung", title)


def test_a_dash_before_a_name_does_not_join_it_to_the_title() -> None:
    text = "Phó Chủ tịch UBND xã Hà Văn Nam - Trưởng ban Chỉ đạo phát biểu."
    (record,) = PERSON(text).records
    assert isinstance(record, PersonRecord)
    assert (record.name, record.title) == ("Hà Văn Nam", "Phó Chủ tịch UBND xã")
