"""The location kind over the whole gazetteer: every province, and samples of every level.

The names come from the gazetteer package, so these tests speak for the whole country, not
for a few hand-picked examples: each unit, written the way prose writes it, must come back
as one record with its own name, level and province.
"""

from __future__ import annotations

import random

import pytest

from vn_egov_extract import Extractor
from vn_egov_extract.kinds._gazetteer import Unit, fold, gazetteer, patterns

_UNIT_WORD = {
    "province": "tỉnh",
    "city": "thành phố",
    "town": "thị xã",
    "district": "huyện",
    "commune": "xã",
    "ward": "phường",
    "township": "thị trấn",
}


_ONLY_LOCATIONS = Extractor(kinds=["location"])


def _locations(text: str) -> list[dict[str, object]]:
    return [r.model_dump() for r in _ONLY_LOCATIONS(text).records]


def _units(level: str) -> list[Unit]:
    seen = {(u.name, u.province): u for us in gazetteer().units.values() for u in us}
    return sorted(
        (u for u in seen.values() if u.level == level), key=lambda u: (u.name, u.province or "")
    )


def test_both_generations_of_provinces_are_there() -> None:
    gaz = gazetteer()
    assert len(gaz.provinces) == 63
    new = {u.province_2025 for us in gaz.units.values() for u in us}
    assert len(new - {None}) == 34
    assert {"Hà Giang", "Bắc Kạn", "Quảng Bình", "Bình Định", "Đắk Nông"} <= gaz.provinces


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Hà Giang", "Tuyên Quang"),
        ("Quảng Bình", "Quảng Trị"),
        ("Bình Định", "Gia Lai"),
        ("Bắc Giang", "Bắc Ninh"),
        ("Long An", "Tây Ninh"),
        ("Hải Dương", "Hải Phòng"),
        ("Hà Nội", "Hà Nội"),
    ],
)
def test_old_province_maps_to_its_2025_province(old: str, new: str) -> None:
    (record,) = _locations(f"Đoàn công tác đến tỉnh {old} hôm qua.")
    assert (record["name"], record["province"], record["province_2025"]) == (old, old, new)


def test_every_province_is_found_without_its_unit_word() -> None:
    needs_unit = {fold(w) for w in patterns().needs_unit}
    missed = []
    for name in sorted(gazetteer().provinces):
        if fold(name) in needs_unit:
            continue
        got = _locations(f"Tại {name}, hội nghị đã diễn ra.")
        if [(g["text"], g["province"]) for g in got] != [(name, name)]:
            missed.append((name, got))
    assert missed == []


@pytest.mark.parametrize("level", ["district", "town", "city", "commune", "ward", "township"])
def test_a_sample_of_each_level_with_its_unit_word(level: str) -> None:
    units = _units(level)
    sample = random.Random(7).sample(units, min(60, len(units)))
    wrong = []
    for unit in sample:
        if unit.name.startswith(("Phường ", "Quận ")):
            continue  # numbered: the unit word is part of the name
        word = _UNIT_WORD[level]
        text = f"Lãnh đạo {word} {unit.name} đã dự họp."
        got = [(g["text"], g["name"], g["level"]) for g in _locations(text)]
        if got != [(f"{word} {unit.name}", unit.name, level)]:
            wrong.append((text, got))
    assert wrong == []


def test_communes_take_the_province_of_their_address_chain() -> None:
    units = [u for u in _units("commune") if u.district and u.province]
    sample = random.Random(11).sample(units, 60)
    wrong = []
    for unit in sample:
        text = f"Xã {unit.name}, huyện {unit.district}, tỉnh {unit.province} đạt chuẩn."
        got = _locations(text)
        if not got or got[0]["province"] != unit.province:
            wrong.append((text, got[:1]))
    assert wrong == []


def test_fold_unifies_apostrophes_case_dashes_and_tone_placement() -> None:
    assert fold("Ea H’Leo") == fold("Ea H'leo") == fold("EA H`LEO")
    assert fold("Bà Rịa-Vũng Tàu") == fold("Bà Rịa - Vũng Tàu")
    assert fold("Thừa Thiên Huế") != fold("Huế")
    assert fold("Hoà Bình") == fold("Hòa Bình")
