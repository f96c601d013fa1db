"""The organisation grammar beyond the example table: acronym expansion, the pattern file's
schema, offsets on unusual input, and bounded work on pathological input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vn_egov_extract import Extractor
from vn_egov_extract._candidate import Doc
from vn_egov_extract._patterns import PatternError, load_file, patterns_dir
from vn_egov_extract._text import NormText
from vn_egov_extract.kinds import organization
from vn_egov_extract.kinds._org_lexicon import OrgPatterns, lexicon
from vn_egov_extract.kinds._person_data import PersonPatterns

ORG = Extractor(kinds=["organization"])


def _orgs(text: str) -> list[str]:
    return [r.text for r in ORG(text).records]


@pytest.mark.parametrize(
    ("name", "expanded"),
    [
        ("UBND huyện Lắk", "Ủy ban nhân dân huyện Lắk"),
        ("Phòng VHTT", "Phòng Văn hóa và Thông tin"),
        ("Sở GD&ĐT tỉnh", "Sở Giáo dục và Đào tạo tỉnh"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Ban Chỉ đạo xây dựng CQĐT", "Ban Chỉ đạo xây dựng chính quyền điện tử"),
        ("UBND TP.HCM", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("KBNN tỉnh", "Kho bạc Nhà nước tỉnh"),
    ],
)
def test_acronyms_are_spelled_out(name: str, expanded: str) -> None:
    assert organization.expand(name) == expanded


@pytest.mark.parametrize("name", ["UBNDX tỉnh", "Sở TTTTA", "Công ty HĐNDS", "xUBND", "Sở TT&TTX"])
def test_acronyms_inside_a_longer_word_stay(name: str) -> None:
    assert organization.expand(name) == name


def test_records_point_into_the_callers_string_with_curly_quotes_and_nfd() -> None:
    text = unicodedata.normalize("NFD", "Làm việc tại UBND huyện Ea H\u2019leo và Sở Y tế.")
    records = ORG(text).records
    assert [r.text for r in records] == [text[r.start : r.end] for r in records]
    assert [r.name for r in records] == ["UBND huyện Ea H\u2019leo", "Sở Y tế"]  # type: ignore[attr-defined]


def test_name_collapses_whitespace_but_text_keeps_it() -> None:
    text = "Giao Sở  Thông tin\u00a0và Truyền thông chủ trì."
    (record,) = ORG(text).records
    assert record.text == "Sở  Thông tin\u00a0và Truyền thông"
    assert record.name == "Sở Thông tin và Truyền thông"  # type: ignore[attr-defined]


def test_a_name_does_not_run_across_a_line_break() -> None:
    assert _orgs("Nguồn: Phòng Văn hóa và Thông tin\nHuyện Ea Súp") == [
        "Phòng Văn hóa và Thông tin"
    ]


def test_a_system_phrase_is_left_to_the_system_kind() -> None:
    text = "Xây dựng Trung tâm giám sát, điều hành đô thị thông minh (IOC) của tỉnh."
    assert _orgs(text) == []


def test_pattern_file_rejects_unknown_keys(tmp_path: Path) -> None:
    good = (patterns_dir() / "organizations.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "organizations.yaml"
    bad.write_text(good + "\nunexpected_key: [x]\n", encoding="utf-8")
    with pytest.raises(PatternError, match="unexpected_key"):
        load_file(bad, OrgPatterns)


def test_every_acronym_head_spells_out() -> None:
    lex = lexicon()
    for form, head in lex.heads.items():
        if form.isupper() and " " not in form and head.group in {"placed", "named"}:
            assert form in lex.acronyms, f"{form} has no expansion"


def test_the_grammar_cuts_at_every_surname_the_person_kind_knows() -> None:
    people = load_file(patterns_dir() / "persons.yaml", PersonPatterns)
    for surname in people.surnames:
        text = f"Chủ tịch UBND xã Tân Lập {surname} Minh Tuấn cho biết."
        assert _orgs(text) == ["UBND xã Tân Lập"], surname


def test_a_remit_list_is_not_read_across_bodies() -> None:
    # a head word after a comma is a remit only when it has no body of its own
    assert _orgs("Phòng Tư pháp, Viễn thông và Bưu điện tỉnh cùng dự.") == [
        "Phòng Tư pháp",
        "Bưu điện tỉnh",
    ]
    assert _orgs("Trung tâm Thông tin, Viễn thông và Tin học tỉnh vận hành.") == [
        "Trung tâm Thông tin, Viễn thông và Tin học tỉnh"
    ]


def test_a_remit_that_reaches_no_end_is_dropped() -> None:
    # a verb's object of more than ten words with no predicate or mark: a sentence
    text = "Cục Cảnh sát quản lý " + "hồ sơ " * 6 + "rất đông."
    assert _orgs(text) == ["Cục Cảnh sát"]
    # a shorter one ends at the predicate; field nouns chain but take no free words
    assert _orgs("Cục Cảnh sát quản lý hồ sơ cư trú đã họp.") == [
        "Cục Cảnh sát quản lý hồ sơ cư trú"
    ]
    assert _orgs("Cục Cảnh sát giao thông đường bộ - đường sắt đã họp.") == [
        "Cục Cảnh sát giao thông đường bộ"
    ]
    assert _orgs("Cục Cảnh sát giao thông đường phố rất đông.") == ["Cục Cảnh sát giao thông"]


def test_a_banner_is_one_segment_of_a_header_line() -> None:
    # header cells are set apart by tabs or wide gaps; each is read on its own
    text = "BỘ TƯ PHÁP      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC CÔNG NGHỆ THÔNG TIN"
    records = ORG(text).records
    assert [(r.text, r.rule) for r in records] == [
        ("BỘ TƯ PHÁP", "organization.banner"),
        ("CỤC CÔNG NGHỆ THÔNG TIN", "organization.banner"),
    ]
    # a banner longer than a body's name is a headline
    assert _orgs("SỞ Y TẾ " + "TỈNH BẮC NINH " * 6) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("có 30 Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công"),
        ("gồm 10 Phòng Tư pháp", "Phòng Tư pháp"),
        ("có 30 trung tâm", None),
        ("có 30 Sở", None),
        ("lập 40 Tổ công nghệ số cộng đồng", "Tổ công nghệ số cộng đồng"),
    ],
)
def test_counted_body_names_the_kind_counted(text: str, unit: str | None) -> None:
    at = text.index("0 ") + 1
    found = organization.counted_body(text, at)
    assert (found[0] if found else None) == unit


@pytest.mark.parametrize(
    "text",
    [
        "Sở " * 5000,
        "Phòng Tư pháp, " + "Viễn thông, " * 3000 + "và Bưu điện",
        "Sở Y tế, " + "Sở Nội vụ, " * 3000,
        "UBND tỉnh " + "Ab " * 5000,
        "Sở Thông tin và " * 2000,
        "Ban Chỉ đạo xây dựng " * 2000,
        ("UBND huyện, " * 3000) + "xã",
        "Công ty " + "A-" * 5000,
        "Cục Cảnh sát quản lý " + "về an " * 3000,
        "Cục Cảnh sát phòng cháy" + ", chữa cháy" * 3000,
        "BỘ " * 5000,
        "SỞ Y TẾ " * 3000,
        "UBND Quận " + "1 " * 3000,
        "UBND phường Hòa An " + "2 " * 3000,
    ],
)
def test_pathological_input_gives_bounded_spans(text: str) -> None:
    doc = Doc(NormText.of(text))
    for cand in organization.find(doc):
        assert 0 <= cand.start < cand.end <= len(text)
        assert cand.length < 300


_WORDS = st.sampled_from(
    ["UBND", "Sở", "Phòng", "tỉnh", "huyện", "Đắk", "Lắk", "và", ",", "-", "(", ")", "VNPT",
     "Ban", "chỉ", "đạo", "Nguyễn", "Văn", "A", "Chủ tịch", "các", "xã", "TP.", "\n", "Thông",
     "tin", "’", "Ủy ban nhân dân", "Chính phủ", "điện tử", "Cục", "Cảnh sát", "quản lý",
     "về", "BỘ", "CÔNG AN", "Quận", "1", "Tp.", "\t"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([" ", "", "  "]))
def test_any_word_salad_gives_exact_offsets(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for r in ORG(text).records:
        assert text[r.start : r.end] == r.text
        assert r.name == " ".join(unicodedata.normalize("NFC", r.text).split())  # type: ignore[attr-defined]
