"""Legacy encodings: TCVN3 / VNI mojibake repaired in the view, bytes decoded, tables sound."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vn_egov_extract import extract, extract_bytes, repair_text
from vn_egov_extract._decode import decode_bytes
from vn_egov_extract._legacy import LegacyTable, _may_be_mojibake, plausibility, repair_map
from vn_egov_extract._patterns import load
from vn_egov_extract._text import NormText


def examples(n: int) -> int:
    """``n`` examples by default; a hundred times more under ``HYPOTHESIS_PROFILE=fuzz``."""
    return n * 100 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else n


CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))
ARTICLES = [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in CORPUS]

# Every Vietnamese letter, lower and upper case (the 134 precomposed letters).
_BASES = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LETTERS = sorted(
    {unicodedata.normalize("NFC", b + t) for b in _BASES for t in _TONES}
    | {"đ"}
    | {unicodedata.normalize("NFC", b + t).upper() for b in _BASES for t in _TONES}
    | {"Đ"}
)


def _encoder(name: str) -> dict[str, str]:
    table = load(f"legacy_{name}.yaml", LegacyTable).table
    return {letter: key for key, letter in table.items()}


def encode(text: str, name: str) -> str:
    """``text`` as a legacy document shows once read as Windows-1252 (the test's mojibake).

    TCVN3 has no toned capitals: they are typed with the lowercase letter, as in the fonts.
    "utf8_cp1252" is UTF-8 read as Windows-1252 (its holes as Latin-1).
    """
    if name == "utf8_cp1252":
        data = unicodedata.normalize("NFC", text).encode("utf-8")
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    inverse = _encoder(name)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and name == "tcvn3":
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes of ``text``: base letters it has, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
        out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)


# Kinds with names: a name keeps the caller's dash where the source has one character for
# it, so UTF-8 mojibake ("â€“") gives "-"; their names are compared for VNI below.
_LEAKY = {"organization", "location", "person"}


def values(text: str, skip: set[str] = _LEAKY) -> list[tuple[str, dict[str, object]]]:
    """Kinds and values of the records (offsets and rule names left out)."""
    return [
        (r.kind, r.model_dump(exclude={"text", "start", "end", "rule"}))
        for r in extract(text).records
        if r.kind not in skip
    ]


# --- the tables ------------------------------------------------------------------------------


def test_tables_cover_the_alphabet() -> None:
    tcvn3 = load("legacy_tcvn3.yaml", LegacyTable).table
    vni = load("legacy_vni.yaml", LegacyTable).table
    assert len(tcvn3) == 74 and len(vni) == 134
    assert set(vni.values()) == set(LETTERS) - set("aeiouyAEIOUY")
    # TCVN3 (VN3 fonts) carries every lowercase letter and seven capitals
    lower = {c for c in LETTERS if c.islower()} - set("aeiouy")
    assert set(tcvn3.values()) == lower | set("ĂÂÊÔƠƯĐ")


def test_vni_capitals_mirror_lowercase() -> None:
    vni = load("legacy_vni.yaml", LegacyTable).table
    for key, letter in vni.items():
        if letter.islower() and len(key) == 2:
            assert vni[key.upper()] == letter.upper(), key


# --- repair ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mojibake", "clean"),
    [
        ("Uû ban nh©n d©n tØnh ®· ban hµnh kÕ ho¹ch", "Uỷ ban nhân dân tỉnh đã ban hành kế hoạch"),
        ("Sè hå s¬ trùc tuyÕn t¨ng m¹nh", "Số hồ sơ trực tuyến tăng mạnh"),
        (
            "UÛy ban nhaân daân tænh ñaõ ban haønh keá hoaïch",
            "Ủy ban nhân dân tỉnh đã ban hành kế hoạch",
        ),
        ("Soá hoà sô tröïc tuyeán taêng maïnh", "Số hồ sơ trực tuyến tăng mạnh"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Sá»Ÿ ThÃ´ng tin vÃ  Truyá»\x81n thÃ´ng", "Sở Thông tin và Truyền thông"),  # UTF-8
        # capitals typed over lowercase tone codes: the heading is upper-cased again
        ("TRUYÒN TH¤NG TØNH §¾K L¾K", "TRUYỀN THÔNG TỈNH ĐẮK LẮK"),
    ],
)
def test_repair_text(mojibake: str, clean: str) -> None:
    assert repair_text(mojibake) == clean


@pytest.mark.parametrize(
    "text",
    [
        *ARTICLES,
        "Bản quyền © 2020 Sở Thông tin và Truyền thông · Trang chủ · Tin tức",
        "Nhiệt độ 35°C, diện tích 3 × 4 m², tỷ lệ ½ và «trích dẫn» của ông Hùng",
        "Café, naïve, Noël, São Paulo, Zürich, Ærø, Ñandú",
        "Ý kiến của bà Út về dự án ở Hà Nội",
        "Khu phố Hòa Bình\u00adđẹp có soft\u00adhyphen",
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    assert repair_map(text) is None
    assert repair_text(text) == unicodedata.normalize("NFC", text)


def test_a_pasted_legacy_paragraph_is_repaired_alone() -> None:
    unicode_part = "Sở Thông tin và Truyền thông tỉnh có bài viết sau.\n"
    legacy_part = encode("Trong năm, toàn tỉnh có 1.250 hồ sơ trực tuyến, đạt 85%.", "vni")
    fixed = repair_text(unicode_part + legacy_part)
    assert fixed == unicode_part + "Trong năm, toàn tỉnh có 1.250 hồ sơ trực tuyến, đạt 85%."


def test_repair_text_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="str"):
        repair_text(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["tcvn3", "vni", "utf8_cp1252"])
@pytest.mark.parametrize("article", ARTICLES, ids=[p.stem[:3] for p in CORPUS])
def test_legacy_article_round_trips(article: str, name: str) -> None:
    back = repair_text(encode(article, name))
    if name != "tcvn3":
        assert back == article
    else:  # TCVN3 cannot carry toned capitals; only their case may differ
        assert back.lower() == article.lower()


# --- extraction on mojibake -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tcvn3", "vni", "utf8_cp1252"])
@pytest.mark.parametrize("article", ARTICLES, ids=[p.stem[:3] for p in CORPUS])
def test_legacy_article_gives_the_records_of_its_unicode_text(article: str, name: str) -> None:
    mojibake = encode(article, name)
    reference = repair_text(mojibake)  # equals the article (case of toned capitals for TCVN3)
    result = extract(mojibake)
    for r in result.records:
        assert mojibake[r.start : r.end] == r.text
    assert values(mojibake) == values(reference)


def test_legacy_article_gives_the_names_of_its_unicode_text() -> None:
    for article in ARTICLES:
        assert values(encode(article, "vni"), set()) == values(article, set())


def test_view_of_mojibake_maps_back_to_it() -> None:
    source = "UÛy ban nhaân daân tænh ñaït 85% vaø UÛy ban nhaân daân\nSè hå s¬ t¨ng"
    view = NormText.of(source)
    assert view.text.startswith("Ủy ban nhân dân tỉnh đạt 85% và Ủy ban nhân dân\n")
    i = view.text.index("85%")
    assert view.to_source(i, i + 3) == (source.index("85%"), source.index("85%") + 3)
    j = view.text.index("tỉnh")
    assert source[slice(*view.to_source(j, j + 4))] == "tænh"
    # one encoding per text: the TCVN3 line after the VNI one is left as it is
    assert view.text.endswith("\nSè hå s¬ t¨ng")


# --- bytes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("article", ARTICLES, ids=[p.stem[:3] for p in CORPUS])
def test_decode_bytes_reads_every_encoding(article: str) -> None:
    assert decode_bytes(article.encode("utf-8")) == article
    assert decode_bytes(codecs.BOM_UTF8 + article.encode("utf-8")) == article
    assert decode_bytes(codecs.BOM_UTF16_LE + article.encode("utf-16-le")) == article
    assert decode_bytes(to_cp1258(article)) == article
    assert decode_bytes(encode(article, "vni").encode("cp1252")) == article
    assert decode_bytes(encode(article, "tcvn3").encode("cp1252")).lower() == article.lower()


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_never_raises(data: bytes) -> None:
    text = decode_bytes(data)
    assert isinstance(text, str)
    for r in extract(text).records:
        assert text[r.start : r.end] == r.text


def test_extract_bytes() -> None:
    data = encode("Toàn tỉnh có 1.250 hồ sơ trực tuyến, đạt 85%.", "vni").encode("cp1252")
    result = extract_bytes(data)
    assert result == extract(decode_bytes(data))
    assert [(r.kind, r.text) for r in result.records if r.kind == "percent"] == [("percent", "85%")]
    assert any(r.kind == "number" and r.value == 1250 for r in result.records)
    with pytest.raises(TypeError, match="extract\\(\\)"):
        extract_bytes("already a str")  # type: ignore[arg-type]


# Vietnamese words of the corpus with a letter outside ASCII (what a conversion touches).
WORDS = sorted({w for a in ARTICLES for w in a.split() if not w.isascii() and w.isalpha()})


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=6, max_size=40),
    st.sampled_from(["vni", "tcvn3", "utf8_cp1252"]),
)
def test_any_run_of_words_round_trips(words: list[str], name: str) -> None:
    # detection needs evidence: a few words with characters Unicode Vietnamese never has
    # (TCVN3 "cú" reads "có", a word: no evidence)
    assume(sum(1 for w in words if _may_be_mojibake(encode(w, name))) >= 3)
    text = " ".join(words)
    # and the text must read as Vietnamese to the detector: more syllables of its word list
    # than other words (a run of names it lacks, "Nguyễn ĐẮK ĐẮK", is no evidence)
    assume(plausibility(text) > 0)
    fixed = repair_text(encode(text, name))
    if name != "tcvn3":
        assert fixed == text
    else:  # toned capitals come back lowercase
        assert fixed.lower() == text.lower()
