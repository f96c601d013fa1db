"""The system catalogue (patterns/systems.yaml) checked entry by entry.

The example table (tests/cases/system.yaml) covers sentences; these tests cover the data:
every surface in the catalogue must give its own system, in any case, never inside a longer
word, and the catalogue must only use the canonical names of the record contract.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vn_egov_extract import Extractor
from vn_egov_extract._patterns import PatternError, load_file
from vn_egov_extract.kinds.system import SystemPatterns

CATALOGUE = Path(__file__).resolve().parents[1] / "patterns" / "systems.yaml"
SPEC = load_file(CATALOGUE, SystemPatterns)
ONLY_SYSTEMS = Extractor(kinds=["system"])

# CONTRACT.md, kind `system`: the names a record may carry
CONTRACT_NAMES = {
    "iDesk", "iGate", "iMail", "iOffice", "Zalo", "Vilis", "VNeID", "IOC", "QLVB",
    "Một cửa điện tử", "Cổng Dịch vụ công", "Cổng Dịch vụ công quốc gia",
    "Thư điện tử công vụ", "Cổng thông tin điện tử", "Chữ ký số", "SIM PKI",
    "Hội nghị truyền hình", "Bưu chính công ích", "Camera giám sát", "CSDL quốc gia về dân cư",
}  # fmt: skip


def _surfaces() -> list[tuple[str, str, bool]]:
    """(surface as written in running text, canonical name, is an acronym)."""
    out = []
    for entry in SPEC.systems:
        for alias in (*entry.aliases, *entry.long_forms):
            out.append((alias, entry.name, False))
        for acronym in entry.acronyms:
            out.append((acronym, entry.name, True))
        for headed in entry.after_head:
            out.append((f"{SPEC.heads[-1]} {headed}", entry.name, False))
    return out


SURFACES = _surfaces()


def _systems(text: str) -> list[tuple[str, str]]:
    return [(r.text, r.name) for r in ONLY_SYSTEMS(text).records if r.kind == "system"]


def test_catalogue_uses_contract_names_once() -> None:
    names = [s.name for s in SPEC.systems]
    assert sorted(names) == sorted(CONTRACT_NAMES)


@pytest.mark.parametrize(("surface", "name", "acronym"), SURFACES, ids=[s[0] for s in SURFACES])
def test_every_surface_gives_its_system(surface: str, name: str, acronym: bool) -> None:
    text = f"Tỉnh đã nâng cấp {surface} trong năm."
    assert _systems(text) == [(surface, name)]


@pytest.mark.parametrize(("surface", "name", "acronym"), SURFACES, ids=[s[0] for s in SURFACES])
def test_case_does_not_matter_except_for_acronyms(surface: str, name: str, acronym: bool) -> None:
    for variant in (surface.upper(), surface.title()):
        got = _systems(f"Tỉnh đã nâng cấp {variant} trong năm.")
        if acronym and variant != surface.upper():
            assert got == [], f"{variant!r} is not written as an acronym"
        else:
            assert got == [(variant, name)]


@pytest.mark.parametrize(("surface", "name", "acronym"), SURFACES, ids=[s[0] for s in SURFACES])
def test_never_inside_a_longer_word(surface: str, name: str, acronym: bool) -> None:
    assert _systems(f"Tỉnh đã nâng cấp x{surface}y trong năm.") == []


def test_generic_after_head_needs_the_head() -> None:
    assert _systems("Tỉnh cung cấp 1.200 dịch vụ công trực tuyến.") == []
    assert _systems("Tỉnh nâng cấp hệ thống dịch vụ công trực tuyến.") == [
        ("hệ thống dịch vụ công trực tuyến", "Cổng Dịch vụ công")
    ]


def test_a_bad_catalogue_names_the_entry(tmp_path: Path) -> None:
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    data["systems"][0]["alias"] = ["typo: singular key"]
    bad = tmp_path / "systems.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PatternError, match="iDesk"):
        load_file(bad, SystemPatterns)
