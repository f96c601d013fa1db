"""render(): displaCy HTML with every record highlighted, one colour per kind."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest

from vn_egov_extract import KINDS, ExtractionResult, render
from vn_egov_extract._records import RECORD_CLASSES, BaseRecord
from vn_egov_extract._render import KIND_COLORS, label

# Written for this test: one record of every kind, with a place nested in an organisation
# and a date nested in a legal reference.
TEXT = (
    "Theo Kế hoạch số 45/KH-UBND ngày 12/5/2021, UBND huyện Cư Mgar đã có 15/22 xã dùng iGate."
    "\nĐến nay có 2.340 hồ sơ mức độ 4, đạt 87,5%; bà Lê Thị Hoa cho biết."
)


def _at(kind: str, surface: str, **values: Any) -> BaseRecord:
    start = TEXT.index(surface)
    return RECORD_CLASSES[kind](
        text=surface, start=start, end=start + len(surface), rule=f"{kind}.test", **values
    )


RECORDS = [
    _at(
        "legal_ref",
        "Kế hoạch số 45/KH-UBND ngày 12/5/2021",
        number="45/KH-UBND",
        doc_type="Kế hoạch",
        date=dt.date(2021, 5, 12),
    ),
    _at(
        "date",
        "12/5/2021",
        first_day=dt.date(2021, 5, 12),
        last_day=dt.date(2021, 5, 12),
        grain="day",
    ),
    _at("organization", "UBND huyện Cư Mgar", name="UBND huyện Cư Mgar"),
    _at("location", "huyện Cư Mgar", name="Cư Mgar", level="district"),
    _at("ratio", "15/22", numerator=15, denominator=22, unit="xã"),
    _at("system", "iGate", name="iGate"),
    _at("number", "2.340", value=2340, unit="hồ sơ"),
    _at("service_level", "mức độ 4", levels=[4]),
    _at("percent", "87,5%", value=87.5),
    _at("person", "Lê Thị Hoa", name="Lê Thị Hoa", title=None),
]
RESULT = ExtractionResult(records=sorted(RECORDS, key=lambda r: r.start))


def test_the_fixture_has_every_kind() -> None:
    assert {r.kind for r in RECORDS} == set(KINDS)


def test_every_kind_has_its_own_colour() -> None:
    assert set(KIND_COLORS) == set(KINDS)
    assert len(set(KIND_COLORS.values())) == len(KINDS)


def test_every_record_is_labelled_in_its_kind_colour() -> None:
    markup = render(RESULT, text=TEXT)
    for record in RECORDS:
        shown = html.escape(label(record))
        assert shown in markup, record.kind
        # the label's own tag, just before the label text, has the kind's colour
        colours = re.findall(r"background: (#[0-9a-f]+)", markup[: markup.index(shown)])
        assert colours[-1] == KIND_COLORS[record.kind], record.kind


def test_nested_records_are_all_shown() -> None:
    markup = render(RESULT, text=TEXT)
    assert "organization: UBND huyện Cư Mgar" in markup
    assert "location: Cư Mgar | district" in markup
    assert "legal_ref: Kế hoạch 45/KH-UBND 2021-05-12" in markup
    assert "date: 2021-05-12 (day)" in markup


def test_labels_show_values_not_just_kinds() -> None:
    markup = render(RESULT, text=TEXT)
    assert "percent: 87.5%" in markup
    assert "ratio: 15/22" in markup
    assert "service_level: levels 4" in markup


def test_the_text_is_all_there_one_block_per_line() -> None:
    markup = render(RESULT, text=TEXT)
    for word in TEXT.split():
        for piece in word.split("%"):  # records cut words ("87,5%;" → "87,5%", ";")
            assert html.escape(piece.rstrip(";,.")) in markup
    assert markup.count('class="spans"') == TEXT.count("\n") + 1


def test_markup_from_the_text_is_escaped() -> None:
    text = "Đơn vị <script>x</script> đạt 50%."
    start = text.index("<script>")
    org = RECORD_CLASSES["organization"](
        text="<script>x</script>", start=start, end=start + 18, rule="t", name="<script>x</script>"
    )
    markup = render(ExtractionResult(records=[org]), text=text)
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup


def test_page_gives_a_whole_document() -> None:
    page = render(RESULT, text=TEXT, page=True)
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert 'lang="vi"' in page
    assert page.count("<figure") == 1


def test_a_text_is_extracted_first() -> None:
    markup = render("Tỷ lệ hồ sơ trực tuyến đạt 19,5%.", published=dt.date(2021, 1, 5))
    assert "percent: 19.5%" in markup
    assert KIND_COLORS["percent"] in markup


def test_a_text_without_records_still_renders() -> None:
    markup = render("Không có gì.")
    assert "Không" in markup
    assert render("") == ""


def test_long_values_are_cut_in_the_label() -> None:
    name = "Ban " + "rất dài " * 20
    org = RECORD_CLASSES["organization"](text="x", start=0, end=1, rule="t", name=name)
    assert len(label(org)) < 80
    assert label(org).endswith("…")


def test_wrong_arguments_say_what_to_pass() -> None:
    with pytest.raises(TypeError, match="text="):
        render(RESULT)
    with pytest.raises(ValueError, match="not in this text"):
        render(RESULT, text=TEXT.upper())
    with pytest.raises(TypeError, match="a str, an ExtractionResult or a spaCy Doc"):
        render(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="once"):
        render(TEXT, text=TEXT)
