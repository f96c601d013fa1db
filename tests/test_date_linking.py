"""Linking of dates to the article's date: the dateline gives ``published`` when the caller
does not, partial dates resolve against it, and without either they keep null values."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from vn_egov_extract import Extractor, extract

ARTICLE = (
    "Huyện đẩy mạnh chuyển đổi số trong cải cách hành chính\n"
    "10:20, 04/03/2021\n"
    "Sáng 3-3, đoàn kiểm tra làm việc tại huyện. Năm ngoái, huyện chỉ đạt 40% hồ sơ "
    "trực tuyến; quý I năm nay đã đạt 55%."
)


def _dates(text: str, published: dt.date | None = None) -> dict[str, tuple[object, object]]:
    result = extract(text, published=published)
    return {r.text: (r.first_day, r.last_day) for r in result.by_kind("date")}  # type: ignore[union-attr]


def test_dateline_gives_published_when_caller_gives_none() -> None:
    result = extract(ARTICLE)
    assert result.published == dt.date(2021, 3, 4)
    dates = _dates(ARTICLE)
    assert dates["Sáng 3-3"] == (dt.date(2021, 3, 3), dt.date(2021, 3, 3))
    assert dates["Năm ngoái"] == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert dates["quý I năm nay"] == (dt.date(2021, 1, 1), dt.date(2021, 3, 31))


def test_caller_published_wins_over_dateline() -> None:
    result = extract(ARTICLE, published=dt.date(2019, 3, 5))
    assert result.published == dt.date(2019, 3, 5)
    assert _dates(ARTICLE, dt.date(2019, 3, 5))["Sáng 3-3"][0] == dt.date(2019, 3, 3)


def test_dateline_in_title_parentheses() -> None:
    text = "Hội nghị sơ kết 6 tháng đầu năm (09/07/2021, 15:02)\n\nChiều 8-7, tỉnh tổ chức."
    result = extract(text)
    assert result.published == dt.date(2021, 7, 9)
    assert _dates(text)["6 tháng đầu năm"] == (dt.date(2021, 1, 1), dt.date(2021, 6, 30))


def test_weekday_dateline_without_time() -> None:
    text = "Thứ Sáu, 04/12/2020\nHôm qua, xã đã hoàn thành việc cấp tài khoản."
    assert extract(text).published == dt.date(2020, 12, 4)
    assert _dates(text)["Hôm qua"] == (dt.date(2020, 12, 3), dt.date(2020, 12, 3))


def test_no_published_and_no_dateline_keeps_partial_records_with_nulls() -> None:
    text = "Sáng 21-2, đoàn kiểm tra làm việc; tháng 6 sẽ tổng kết, năm 2019 đạt 80%."
    result = extract(text)
    assert result.published is None
    dates = _dates(text)
    assert dates["Sáng 21-2"] == (None, None)
    assert dates["tháng 6"] == (None, None)
    assert dates["năm 2019"] == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_date_in_prose_is_not_a_dateline() -> None:
    text = "Ngày 06/10/2020, UBND tỉnh tổ chức hội nghị; tháng 9 đạt kết quả tốt."
    result = extract(text)
    assert result.published is None
    assert _dates(text)["tháng 9"] == (None, None)


def test_dateline_far_down_the_text_is_ignored() -> None:
    text = "Tin tức. " * 80 + "\n10:20, 04/03/2021\nSáng 3-3, đoàn làm việc."
    assert extract(text).published is None


_DATES_ONLY = Extractor(kinds=["date"])


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/-.:, hngàytháquýnmđếtừ\n")),
        max_size=60,
    )
)
def test_date_records_are_well_formed_on_noise(text: str) -> None:
    for r in _DATES_ONLY(text, published=dt.date(2021, 6, 15)).by_kind("date"):
        assert text[r.start : r.end] == r.text
        first, last = r.first_day, r.last_day  # type: ignore[union-attr]
        assert (first is None) == (last is None)
        if first is not None and last is not None:
            assert first <= last
