"""A level's figures belong to the level: no `number`, `percent` or `ratio` inside it.

The per-kind table (tests/cases/service_level.yaml) only sees `service_level` records; this
checks the whole pipeline, where the level must win the overlap ("mức độ 3,4" is not 3.4).
"""

from __future__ import annotations

import pytest

from vn_egov_extract import extract

LEVEL_TEXTS = [
    ("Tỷ lệ hồ sơ nộp trực tuyến mức độ 3,4 đạt 19%.", "mức độ 3,4", [3, 4]),
    ("Có 120 dịch vụ công trực tuyến mức 3, 4 trên cổng.", "mức 3, 4", [3, 4]),
    ("Các thủ tục trực tuyến mức độ 2, 3 và 4 tăng.", "mức độ 2, 3 và 4", [2, 3, 4]),
    ("Hồ sơ trực tuyến mức độ 3/4 tăng mạnh.", "mức độ 3/4", [3, 4]),
]


@pytest.mark.parametrize(("text", "surface", "levels"), LEVEL_TEXTS)
def test_level_figures_are_not_numbers(text: str, surface: str, levels: list[int]) -> None:
    records = extract(text).records
    level = [r for r in records if r.kind == "service_level"]
    assert [(r.text, r.model_dump()["levels"]) for r in level] == [(surface, levels)]
    start, end = level[0].start, level[0].end
    inside = [r for r in records if r.kind != "service_level" and r.start < end and start < r.end]
    assert inside == []


def test_the_count_before_a_level_stays_a_number() -> None:
    records = extract("Tỉnh có 120 dịch vụ công trực tuyến mức độ 4.").records
    assert [(r.kind, r.text) for r in records if r.kind in ("number", "service_level")] == [
        ("number", "120"),
        ("service_level", "mức độ 4"),
    ]
