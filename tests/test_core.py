"""The contract every kind shares: input checks, offsets, ordering, schema, pattern files."""

from __future__ import annotations

import datetime as dt
import gc
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vn_egov_extract as vee
from vn_egov_extract import (
    Candidate,
    Extractor,
    PatternError,
    extract,
    json_schema,
    resolve_overlaps,
)
from vn_egov_extract._patterns import PatternModel, load_file
from vn_egov_extract._text import _SPECIAL_NO_MARKS, NormText, _special_matches

SAMPLE = (
    "Có trên 46.016 tài khoản, đạt 19,5% và 12/20 cơ quan kết nối; "
    "hàng trăm hồ sơ được xử lý.\nHuyện Ea H\u2019leo có 2 công chức."
)


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a"], {"text": "x"}])
def test_non_strings_are_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects a str"):
        extract(bad)  # type: ignore[arg-type]


def test_bytes_say_decode_first() -> None:
    with pytest.raises(TypeError, match="decode"):
        extract(b"80%")  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", ["", "   ", "\n\t \u00a0"])
def test_blank_text_gives_empty_result(blank: str) -> None:
    assert extract(blank).records == []


def test_published_must_be_a_date() -> None:
    with pytest.raises(TypeError):
        extract("80%", published=20200101)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        extract("80%", published="not a date")  # type: ignore[arg-type]
    when = extract("80%", published=dt.datetime(2020, 1, 2, 3, 4)).published
    assert when == dt.date(2020, 1, 2)


def test_records_sorted_and_offsets_exact() -> None:
    result = extract(SAMPLE)
    starts = [r.start for r in result.records]
    assert starts == sorted(starts)
    assert len(result.records) >= 5
    for r in result.records:
        assert SAMPLE[r.start : r.end] == r.text
        assert r.rule


def test_offsets_point_into_decomposed_text() -> None:
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE
    clean = [
        (r.kind, r.model_dump(exclude={"text", "start", "end"})) for r in extract(SAMPLE).records
    ]
    result = extract(nfd)
    for r in result.records:
        assert nfd[r.start : r.end] == r.text
    assert [
        (r.kind, r.model_dump(exclude={"text", "start", "end"})) for r in result.records
    ] == clean


def test_invisible_and_wide_characters_keep_offsets() -> None:
    text = "đạt\u00a0５０％ và có 1.\u200b626 hồ sơ"
    result = extract(text)
    values = {(r.kind, getattr(r, "value", None)) for r in result.records}
    assert ("percent", 50.0) in values
    assert ("number", 1626) in values
    for r in result.records:
        assert text[r.start : r.end] == r.text


def test_view_map_round_trips() -> None:
    source = "Ea H\u2019Leo\u00a0– ho\u0300a\u00ad5"
    view = NormText.of(source)
    assert view.text == "Ea H'Leo - hòa5"
    assert view.to_source(0, len(view.text)) == (0, len(source))


def test_json_round_trip_and_schema() -> None:
    result = extract(SAMPLE, published=dt.date(2020, 10, 8))
    data = json.loads(result.to_json())
    assert data["published"] == "2020-10-08"
    assert {r["kind"] for r in data["records"]} >= {"number", "percent", "ratio"}
    again = vee.ExtractionResult.model_validate(data)
    assert again == result
    schema = json_schema()
    kinds = {
        m["properties"]["kind"]["const"]
        for m in schema["$defs"].values()
        if "kind" in m.get("properties", {})
    }
    assert kinds == set(vee.KINDS)


def test_extractor_limits_kinds_and_rejects_unknown() -> None:
    only = Extractor(kinds=["percent"])(SAMPLE)
    assert {r.kind for r in only.records} == {"percent"}
    with pytest.raises(ValueError, match="unknown kinds"):
        Extractor(kinds=["colour"])


def test_overlap_policy_is_replaceable() -> None:
    seen: list[int] = []

    def no_percents(cands: Sequence[Candidate]) -> list[Candidate]:
        seen.append(len(cands))
        return [c for c in resolve_overlaps(cands) if c.kind != "percent"]

    result = Extractor(overlap=no_percents)("đạt 80% với 12 xã")
    assert seen and seen[0] >= 2
    assert [r.kind for r in result.records] == ["number"]


def test_by_kind() -> None:
    result = extract(SAMPLE)
    assert all(r.kind == "number" for r in result.by_kind("number"))
    assert result.by_kind("number")


class _Tiny(PatternModel):
    words: list[str]


def test_bad_pattern_file_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "tiny.yaml"
    bad.write_text("words: [a, b]\ncolour: red\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"tiny\.yaml: colour"):
        load_file(bad, _Tiny)
    broken = tmp_path / "broken.yaml"
    broken.write_text("words: [a, b\n", encoding="utf-8")
    with pytest.raises(PatternError, match="not valid YAML"):
        load_file(broken, _Tiny)
    with pytest.raises(PatternError, match="cannot read"):
        load_file(tmp_path / "missing.yaml", _Tiny)


def test_shipped_pattern_files_all_validate() -> None:
    # importing every kind loads its files lazily; force them all now
    for text in ("80% của 12/20 xã", "ngày 1/1/2020", "mức độ 3 trên iGate"):
        extract(text)
    from vn_egov_extract._patterns import patterns_dir

    assert sorted(p.name for p in patterns_dir().glob("*.yaml"))


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Thanh Hoá có 12 xã", "Thanh Hóa có 12 xã"),  # old-style tone placement
        ("thuỷ lợi đạt 80%", "thủy lợi đạt 80%"),
        ("đạt&nbsp;80% và 12/20 cơ quan", "đạt 80% và 12/20 cơ quan"),  # HTML entity
        ("đạt <b>80</b>% và 12/20 cơ quan", "đạt 80 % và 12/20 cơ quan"),  # stray tags
        ("có 1.\u00ad626 hồ sơ", "có 1.626 hồ sơ"),  # soft hyphen
    ],
)
def test_dirty_text_gives_the_clean_records(dirty: str, clean: str) -> None:
    def values(text: str) -> list[tuple[str, object]]:
        result = extract(text, published=dt.date(2020, 1, 1))
        for r in result.records:
            assert text[r.start : r.end] == r.text
        return [(r.kind, r.model_dump(exclude={"text", "start", "end"})) for r in result.records]

    assert values(dirty) == values(clean)


def test_quy_keeps_its_tone() -> None:
    assert NormText.of("Quý I, quỹ").text == "Quý I, quỹ"


def test_long_text_leaves_the_collector_as_it_found_it() -> None:
    long_text = "Ngày 1/1/2020, 80% hồ sơ được xử lý. " * 4_000
    assert gc.isenabled()
    assert len(extract(long_text).records) > 4_000
    assert gc.isenabled()
    gc.disable()
    try:
        extract(long_text)
        assert not gc.isenabled()  # the caller's choice stands
    finally:
        gc.enable()


def test_collector_comes_back_when_a_long_call_fails() -> None:
    def failing(_: Sequence[Candidate]) -> list[Candidate]:
        assert not gc.isenabled()
        raise RuntimeError("policy failed")

    with pytest.raises(RuntimeError, match="policy failed"):
        Extractor(overlap=failing)("80% hồ sơ. " * 20_000)
    assert gc.isenabled()


_FOLD_PIECES = [
    *"oOuUqQaàáãèéýạảẹẻẽỳỵỷỹ &<;#b/>-",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u2013",
    "\u2019",
    "\u201c",
    "\uff15",
    "\uff05",
    "\u0663",
    "\U00011f53",
    "\U0001e4f3",
    "\u1100\u1161",
    "&amp;",
    "&#39;",
    "<br/>",
    "hoà",
    "quá",
    "thuỷ",
    "Hoà",
    "2",
    "\u00a0",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FOLD_PIECES), max_size=30).map("".join))
def test_the_fold_scan_finds_what_its_pattern_finds(text: str) -> None:
    assert [m.span() for m in _special_matches(text)] == [
        m.span() for m in _SPECIAL_NO_MARKS.finditer(text)
    ]
