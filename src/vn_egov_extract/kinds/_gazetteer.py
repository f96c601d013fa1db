"""Vietnam's administrative units, before and after the 2025 reform, keyed by a folded name.

The data is the ``vietnamadminunits`` package's own files (MIT), read directly so that its
geocoding imports (geopy, shapely) never load:

- ``dataset.db`` table ``admin_units_legacy``: the 63 provinces with their districts and
  communes (what 2018-2024 articles name);
- table ``admin_units``: the 34 provinces and their communes from July 2025;
- ``converter_2025.json``: which old provinces (and communes) make each new one.

The gazetteer is built once per process, on first use (about 0.1 s), and maps a folded
name (:func:`fold`) to every unit of that name. Rule data (unit words, ambiguous names)
lives in ``patterns/locations.yaml``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import regex

from .._patterns import PatternError, PatternModel, load
from .._text import NormText

Level = Literal["province", "city", "district", "town", "commune", "ward", "township"]

# gazetteer level rank: lower is higher in the hierarchy (ties go to the higher unit)
RANK: dict[str, int] = {
    "province": 0,
    "city": 1,
    "town": 2,
    "district": 2,
    "ward": 3,
    "township": 3,
    "commune": 3,
}


class UnitWord(PatternModel):
    """Unit words that introduce a name, the record level they give, and what they accept."""

    words: list[str]
    level: Level
    levels: list[Level]
    known_only: bool = False


class Fused(PatternModel):
    """A token that carries its own unit word ("TP.HCM")."""

    surface: str
    key: str
    level: Level


class LocationPatterns(PatternModel):
    """Schema of ``patterns/locations.yaml``."""

    unit_words: list[UnitWord]
    aliases: dict[str, str]
    fused: list[Fused]
    syllable_variants: dict[str, str]
    needs_unit: list[str]
    person_cues: list[str]
    not_unit_cues: list[str]
    person_name_parts: list[str]
    org_heads: list[str]
    not_name_starts: list[str]
    plural_words: list[str]
    not_names: list[str]
    list_counts: list[str]
    list_marks: list[str]
    list_weak_marks: list[str]
    unit_modifiers: list[str]
    list_trailers: list[str]


@functools.cache
def patterns() -> LocationPatterns:
    """The validated ``patterns/locations.yaml``."""
    return load("locations.yaml", LocationPatterns)


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit: its name, level, and the provinces it belongs to."""

    name: str
    level: Level
    province: str | None
    province_2025: str | None
    # the district it lay in before 2025 (None for provinces, districts and new communes)
    district: str | None = None


@dataclass(slots=True)
class Gazetteer:
    """Folded name → units of that name; ``bare`` holds names that count without a unit word."""

    units: dict[str, list[Unit]] = field(default_factory=dict)
    bare: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)  # canonical names of every province
    longest: int = 1  # syllables in the longest key
    firsts: set[str] = field(default_factory=set)  # first syllables of the keys: a quick test
    _seen: set[tuple[str, str, str, str | None]] = field(default_factory=set)

    def add(self, key: str, unit: Unit) -> None:
        """File ``unit`` under ``key``, once per name, level and province."""
        ident = (key, unit.name, unit.level, unit.province)
        if ident not in self._seen:
            self._seen.add(ident)
            self.units.setdefault(key, []).append(unit)
            self.longest = max(self.longest, key.count(" ") + 1)


_DASH = regex.compile(r"\s*-\s*")


def fold(name: str) -> str:
    """The lookup key of a name: the view's folding, lower case, one space, variants unified.

    >>> fold("Ea H\u2019Leo"), fold("Bà Rịa-Vũng Tàu"), fold("Đăk  Lăk"), fold("Hoà Bình")
    ("ea h'leo", 'bà rịa - vũng tàu', 'đắk lắk', 'hòa bình')
    """
    return fold_view(NormText.of(name).text)


@functools.lru_cache(maxsize=1 << 15)
def fold_view(name: str) -> str:
    """:func:`fold` of a name already in the view's spelling (a slice of ``Doc.text``).

    Cached: the same few thousand capitalised runs come back in every document.
    """
    key = name.lower()
    if "-" in key:
        key = _DASH.sub(" - ", key)
    syllables = key.split()
    variants = patterns().syllable_variants
    return " ".join(variants.get(s, s) for s in syllables)


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise PatternError("the gazetteer package 'vietnamadminunits' is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


_WARD_LEVEL: dict[str, Level] = {
    "Xã": "commune",
    "Phường": "ward",
    "Thị trấn": "township",
    "Đặc khu": "commune",
}
_DISTRICT_LEVEL: dict[str, Level] = {
    "Huyện": "district",
    "Quận": "district",
    "Thị xã": "town",
    "Thành phố": "city",
}


_CANON: dict[str, str] = {}  # gazetteer name → record spelling, filled while building
_TYPE_NOTE = regex.compile(r"\s*\((?:Huyện|Thị xã|Thành phố|Xã|Thị trấn|Phường|Quận)\)$")


def _canon(name: str) -> str:
    """A gazetteer name as records give it: the view's spelling ("Hoà" → "Hòa").

    The data tells apart a district and a town of one name with a note ("Cai Lậy (Huyện)");
    the level already says that, so the note goes.

    >>> _canon("Cai Lậy (Thị xã)")
    'Cai Lậy'
    """
    name = NormText.of(name).text
    return _TYPE_NOTE.sub("", name) if name.endswith(")") else name


def _fill_canon(names: set[str]) -> None:
    """:func:`_canon` of every name at once: one pass of the view over all of them."""
    ordered = sorted(n for n in names if "\n" not in n)
    viewed = NormText.of("\n".join(ordered)).text.split("\n")
    if len(viewed) != len(ordered):  # the view joined or split lines: go one by one
        viewed = [NormText.of(n).text for n in ordered]
    for raw, name in zip(ordered, viewed, strict=True):
        _CANON[raw] = _TYPE_NOTE.sub("", name) if name.endswith(")") else name
    _CANON.update((n, _canon(n)) for n in names if "\n" in n)


def _province_maps(data: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Old province key → new province key, and new commune key → its old province key."""
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    old_to_new = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
    commune_old: dict[str, str] = {}
    for new_prov, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            olds = {k.split("_", 1)[0] for k in old_keys}
            if len(olds) == 1:
                commune_old[f"{new_prov}_{ward_key}"] = olds.pop()
    return old_to_new, commune_old


def _add_legacy(gaz: Gazetteer, rows: list[tuple[str, ...]], new_short: dict[str, str]) -> None:
    canon, key = _CANON, _key
    seen: set[tuple[str, str]] = set()
    for prov_full, raw_prov, raw_dist, dtype, raw_ward, wtype, pkey in rows:
        prov, dist = canon[raw_prov], canon[raw_dist]
        p2025 = new_short.get(pkey)
        if (prov, "") not in seen:
            seen.add((prov, ""))
            gaz.provinces.add(prov)
            level: Level = "city" if prov_full.startswith("Thành phố") else "province"
            gaz.add(key(prov), Unit(prov, level, prov, p2025))
            gaz.bare.add(key(prov))
        if (prov, dist) not in seen:
            seen.add((prov, dist))
            gaz.add(key(dist), Unit(dist, _DISTRICT_LEVEL[dtype], prov, p2025))
            if not key(dist).isdigit():  # "Quận 1" needs its unit word
                gaz.bare.add(key(dist))
        if raw_ward and wtype:
            ward = canon[raw_ward]
            gaz.add(key(ward), Unit(ward, _WARD_LEVEL[wtype], prov, p2025, dist))


@functools.lru_cache(maxsize=32768)
def _key(name: str) -> str:
    """Key of a canonical name; numbered units ("Phường 1", "Quận 10") are keyed by the number."""
    parts = name.rsplit(" ", 1)
    if len(parts) == 2 and parts[1].isdigit() and parts[0] in ("Phường", "Quận"):
        return parts[1]
    return fold_view(name)


def _add_without_apostrophes(gaz: Gazetteer) -> None:
    """Also key "Ea H'leo" as "ea hleo": the apostrophe is often dropped in prose."""
    for key in [k for k in gaz.units if "'" in k]:
        plain = key.replace("'", "")
        if plain not in gaz.units:
            gaz.units[plain] = gaz.units[key]
            if key in gaz.bare:
                gaz.bare.add(plain)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process from the package's data files.

    Raises :class:`PatternError` when the package is missing or its files changed shape.
    """
    data = _data_dir()
    try:
        return _build(data)
    except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
        raise PatternError(
            f"cannot read the gazetteer from {data} (vietnamadminunits changed?): {exc}"
        ) from exc


def _build(data: Path) -> Gazetteer:
    old_to_new, commune_old = _province_maps(data)
    with sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True) as conn:
        legacy = conn.execute(
            "SELECT province, provinceShort, districtShort, districtType, wardShort, wardType,"
            " provinceKey FROM admin_units_legacy"
        ).fetchall()
        current = conn.execute(
            "SELECT province, provinceShort, wardShort, wardType, provinceKey, wardKey"
            " FROM admin_units"
        ).fetchall()
    names = {row[c] for row in legacy for c in (1, 2, 4)} | {r[c] for r in current for c in (1, 2)}
    _fill_canon({n for n in names if n})
    canon, key = _CANON, _key
    new_names = {row[4]: canon[row[1]] for row in current}
    old_names = {row[6]: canon[row[1]] for row in legacy}
    new_short = {old: new_names[new] for old, new in old_to_new.items() if new in new_names}
    gaz = Gazetteer()
    _add_legacy(gaz, legacy, new_short)
    for prov_full, raw_prov, raw_ward, wtype, pkey, wkey in current:
        prov, ward = canon[raw_prov], canon[raw_ward]
        level: Level = "city" if prov_full.startswith("Thành phố") else "province"
        gaz.add(key(prov), Unit(prov, level, prov if prov in gaz.provinces else None, prov))
        gaz.bare.add(key(prov))
        old = old_names.get(commune_old.get(f"{pkey}_{wkey}", ""))
        gaz.add(key(ward), Unit(ward, _WARD_LEVEL[wtype], old, prov))
    for alias, target in patterns().aliases.items():
        if target in gaz.units:
            gaz.units[fold(alias)] = gaz.units[target]
            if target in gaz.bare:
                gaz.bare.add(fold(alias))
    _add_without_apostrophes(gaz)
    gaz.firsts = {k.split(" ", 1)[0] for k in gaz.units}
    # spellings that fold to a first syllable pass the quick test too ("Đăk" → "đắk")
    gaz.firsts |= {v for v, s in patterns().syllable_variants.items() if s in gaz.firsts}
    _CANON.clear()  # the build is done once: free its memo
    _key.cache_clear()
    return gaz
