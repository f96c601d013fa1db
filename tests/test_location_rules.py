"""How the location kind chooses between units of one name, and what it never takes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from vn_egov_extract import Extractor, extract
from vn_egov_extract._patterns import PatternError, load_file
from vn_egov_extract.kinds._gazetteer import LocationPatterns, gazetteer

_ONLY_LOCATIONS = Extractor(kinds=["location"])


def _values(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.text, r.level, r.province) for r in _ONLY_LOCATIONS(text).records]  # type: ignore[union-attr]


def test_the_unit_word_picks_the_level() -> None:
    # "Buôn Ma Thuột" is a city before 2025 and a ward after it
    assert _values("TP. Buôn Ma Thuột") == [("TP. Buôn Ma Thuột", "city", "Đắk Lắk")]
    assert _values("phường Buôn Ma Thuột") == [("phường Buôn Ma Thuột", "ward", "Đắk Lắk")]


def test_the_documents_province_settles_a_shared_name() -> None:
    assert len({u.province for u in gazetteer().units["châu thành"]}) > 5
    text = "Tỉnh Trà Vinh chỉ đạo. Huyện Châu Thành đi đầu."
    assert _values(text)[-1] == ("Huyện Châu Thành", "district", "Trà Vinh")


def test_without_context_the_higher_level_wins() -> None:
    assert _values("Thái Nguyên") == [("Thái Nguyên", "province", "Thái Nguyên")]


def test_an_unsettled_name_has_no_province() -> None:
    assert _values("Huyện Châu Thành đạt giải.") == [("Huyện Châu Thành", "district", None)]


def test_a_place_inside_an_organisation_is_its_own_record() -> None:
    records = extract("UBND huyện Krông Năng họp.").records
    places = [r for r in records if r.kind == "location"]
    assert [(r.text, r.start, r.end) for r in places] == [("huyện Krông Năng", 5, 21)]


@pytest.mark.parametrize(
    "text",
    [
        "huyện Ea H\u2019leo",
        "huyện Ea H'Leo",
        unicodedata.normalize("NFD", "huyện Ea H'leo"),
        "huyện Ea H\u02bcleo",
    ],
)
def test_spellings_of_one_name_give_one_name_and_exact_offsets(text: str) -> None:
    (record,) = _ONLY_LOCATIONS(text).records
    assert record.text == text[record.start : record.end] == text
    assert record.name == "Ea H'leo"  # type: ignore[union-attr]


def test_old_tone_placement_keeps_the_callers_offsets() -> None:
    text = "Về tỉnh Hoà Bình."
    (record,) = _ONLY_LOCATIONS(text).records
    assert (record.text, record.name) == ("tỉnh Hoà Bình", "Hòa Bình")  # type: ignore[union-attr]


def test_the_pattern_file_rejects_unknown_keys(tmp_path: Path) -> None:
    bad = tmp_path / "locations.yaml"
    bad.write_text("unit_words: []\nsurprise: 1\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"locations\.yaml"):
        load_file(bad, LocationPatterns)


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn Thái Bình",
        "ông Hoàng Mai",
        "đường Lê Lợi, phố Hai Bà Trưng",
        "các tỉnh Tây Nguyên",
        "Lào và Việt Nam",
        "HUYỆN UỶ, UBND HUYỆN",
        "",
        "tỉnh " * 500,
    ],
)
def test_never_a_place(text: str) -> None:
    assert _ONLY_LOCATIONS(text).records == []


def test_a_gazetteer_package_of_another_shape_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vn_egov_extract.kinds import _gazetteer

    monkeypatch.setattr(_gazetteer, "_data_dir", lambda: tmp_path)
    with pytest.raises(PatternError, match="vietnamadminunits"):
        _gazetteer.gazetteer.__wrapped__()


def test_a_listed_name_takes_the_documents_province() -> None:
    # "Mỹ Thuận" is a commune of several provinces; the list's other name settles it
    text = "Một số xã như Vĩnh Hòa Hưng, Mỹ Thuận còn thiếu máy quét."
    assert _values(text) == [
        ("Vĩnh Hòa Hưng", "commune", "Kiên Giang"),
        ("Mỹ Thuận", "commune", "Kiên Giang"),
    ]


def test_a_long_list_reads_twelve_names_then_recalls_the_rest() -> None:
    text = "Các xã như " + ", ".join(["Tân Lập"] * 40) + " đều đạt chuẩn."
    records = _ONLY_LOCATIONS(text).records
    assert [r.rule for r in records] == ["location.listed"] * 12 + ["location.context"] * 28
    assert all(text[r.start : r.end] == "Tân Lập" for r in records)
