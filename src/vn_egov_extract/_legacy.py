"""Legacy Vietnamese encodings (TCVN3, VNI) read as Windows-1252: detect and repair.

(UTF-8 read as Windows-1252, "Sá»Ÿ Ná»™i vá»¥", is repaired the same way, with a computed
table.)

Documents typed in the 1990s-2000s fonts (".VnTime" for TCVN3/ABC, "VNI-Times" for VNI)
stored Vietnamese letters in the upper half of a single byte. Read back as Windows-1252 or
Latin-1 they turn into mojibake: TCVN3 "Uû ban nh©n d©n", VNI "UÛy ban nhaân daân", both
"Uỷ ban nhân dân" / "Ủy ban nhân dân". The tables are rule data (``patterns/legacy_*.yaml``,
with their sources named there).

Detection is cheap for clean text: one regex search for characters that never occur in
Unicode Vietnamese (``µ ¸ © ® ø ï ö ñ ...``). Only when one is found is each touched line
scored: how many of its non-ASCII words are Vietnamese syllables as they are, and after
each conversion. A conversion is used when it wins over the whole text by a clear margin,
and then on every line it does not make worse, so a Unicode page with one pasted legacy
paragraph (or a stray "©") comes out right.

Conversion keeps a map (:class:`._offsets.SpanMap`) back to the source, so the normalised
view (:mod:`._text`) can report offsets into the caller's mojibake string.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex
from pydantic import field_validator

from ._offsets import SpanMap, SpanMapBuilder
from ._patterns import PatternModel, load

# Table files (a tie between codecs goes to the one whose own odd characters the text has).
_TABLE_FILES = ("legacy_tcvn3.yaml", "legacy_vni.yaml")  # then UTF-8 read as Windows-1252
# A conversion must make this many more words Vietnamese, over the whole text, to be used.
_MIN_GAIN = 3
# Letters Unicode Vietnamese writes with Latin-1 characters: never evidence of mojibake.
_VIET_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# Invisible characters the view drops anyway; not evidence against the text as it is.
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_INVISIBLE = regex.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


class LegacyTable(PatternModel):
    """One legacy encoding: what its bytes read as in Windows-1252 → the Unicode letter."""

    name: str
    source: str
    table: dict[str, str]

    @field_validator("table")
    @classmethod
    def _one_letter_each(cls, table: dict[str, str]) -> dict[str, str]:
        for key, value in table.items():
            if not 1 <= len(key) <= 2 or any(ord(c) > 0xFF for c in key):
                raise ValueError(f"{key!r}: a key is one or two Windows-1252 characters")
            if len(value) != 1 or unicodedata.normalize("NFC", value) != value:
                raise ValueError(f"{key!r}: the value must be one NFC letter, got {value!r}")
        return table


@dataclass(frozen=True)
class _Codec:
    name: str
    table: dict[str, str]
    singles: dict[int, str]  # one character for one: str.translate
    pairs: regex.Pattern[str] | None  # longer keys (VNI "aø", UTF-8 "á»Ÿ"), matched first


@functools.cache
def _codecs() -> tuple[_Codec, ...]:
    tables = [(t.name, dict(t.table)) for t in (load(f, LegacyTable) for f in _TABLE_FILES)]
    tables.append(("utf8_cp1252", _utf8_as_cp1252()))
    codecs = []
    for name, table in tables:
        singles = {ord(k): v for k, v in table.items() if len(k) == 1}
        longer = sorted((k for k in table if len(k) > 1), key=len, reverse=True)
        pairs = regex.compile("|".join(regex.escape(k) for k in longer)) if longer else None
        codecs.append(_Codec(name, table, singles, pairs))
    return tuple(codecs)


# What UTF-8 mojibake is made of: Vietnamese letters and the punctuation of the genre.
_UTF8_LETTERS = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
    + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00b0"
)


def _utf8_as_cp1252() -> dict[str, str]:
    """UTF-8 text read as Windows-1252 ("Sá»Ÿ Ná»™i vá»¥" for "Sở Nội vụ") → the text.

    The table is computed, not listed: each letter's UTF-8 bytes as Windows-1252 shows
    them (its five undefined bytes as Latin-1 control characters, as Python's "latin-1"
    and most tools produce).

    >>> t = _utf8_as_cp1252()
    >>> t["á»Ÿ"], t["Æ°"], t["Ä‘"], t["â€™"]
    ('ở', 'ư', 'đ', '’')
    """
    table = {}
    for ch in _UTF8_LETTERS:
        shown = "".join(
            bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in ch.encode("utf-8")
        )
        table[shown] = ch
        if shown.endswith("\xa0"):
            # "à" is "Ã" + no-break space, which tools often turn into a space: "vÃ  Truy"
            table[shown[:-1] + "  "] = ch + " "
    return table


def _impossible_parts(codec: _Codec) -> tuple[str, list[str]]:
    """A pattern of what only this codec's mojibake contains: characters outside
    Vietnamese's own Latin-1 letters ("µ", "©", "ø", "ñ") and vowel + mark pairs no
    Vietnamese syllable spells ("eâ" in VNI "Bieân", "aù"): a class of the characters and
    the pairs, apart."""
    chars = {c for key in codec.table for c in key if "\xa0" < c <= "\xff"}
    if codec.name == "utf8_cp1252":  # "á»", "áº", "Ã´": nearly every Vietnamese word
        chars = set("»º´")
    odd = "".join(sorted(c for c in chars if c not in _VIET_LATIN1))
    bigrams = _vowel_bigrams()
    pairs: dict[str, set[str]] = {}
    for key in codec.table:
        if len(key) == 2 and key[1] in _VIET_LATIN1 and key.lower() not in bigrams:
            pairs.setdefault(key[0], set()).add(key[1])
    alternatives = [
        regex.escape(f) + "[" + regex.escape("".join(sorted(m))) + "]" for f, m in pairs.items()
    ]
    return "[" + regex.escape(odd) + "]", alternatives


def _impossible(codec: _Codec) -> str:
    """:func:`_impossible_parts` as one pattern."""
    odd, pairs = _impossible_parts(codec)
    return "|".join([odd, *pairs])


@functools.cache
def _evidence() -> tuple[regex.Pattern[str], ...]:
    """Per codec (in order), what only its mojibake contains."""
    return tuple(regex.compile(_impossible(codec)) for codec in _codecs())


@functools.cache
def _gate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What Unicode Vietnamese never contains but mojibake does, the cheap first test: the
    odd characters, and the vowel + mark pairs.

    Every text pays these scans, so they are compiled with ``re`` and kept apart: ``re``
    scans a lone class or a set of pairs several times faster than the two joined in one
    alternation (15 + 23 ms against 115 ms on 5 MB).

    >>> [_may_be_mojibake(t) for t in ("Bieân", "nh©n", "Biên hoá toán", "naïve", "Sá»Ÿ")]
    [True, True, False, True, True]
    """
    parts = [_impossible_parts(codec) for codec in _codecs()]
    odd = "|".join(o for o, _ in parts)
    pairs = "|".join(pair for _, ps in parts for pair in ps)
    return re.compile(odd), re.compile(pairs or "(?!)")


def _may_be_mojibake(text: str) -> bool:
    odd, pairs = _gate()
    return odd.search(text) is not None or pairs.search(text) is not None


# --- scoring: how Vietnamese do the words of a text look? --------------------------------

_T = r"[^\s!-@\[-`{-~]"  # a word character: not a space, an ASCII digit or punctuation
# Vowel clusters of Vietnamese syllables (toneless); a word outside them is not Vietnamese.
# fmt: off
_NUCLEI = (
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
    "ôi", "ơi", "oo", "ôô", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu",
    "yê", "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
    "yêu",
)
# fmt: on
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _vowel_class(base: str) -> str:
    return "[" + "".join(unicodedata.normalize("NFC", base + t) for t in _TONES) + "]"


@functools.cache
def _vowel_bigrams() -> frozenset[str]:
    """Every two adjacent vowels some Vietnamese syllable spells, with any tone placement."""
    out = set()
    for n in _NUCLEI:
        for a, b in itertools.pairwise(n):
            for ta in _TONES:
                for tb in _TONES:
                    out.add(
                        unicodedata.normalize("NFC", a + ta) + unicodedata.normalize("NFC", b + tb)
                    )
    return frozenset(out)


def _syllable() -> regex.Pattern[str]:
    nuclei = sorted(_NUCLEI, key=len, reverse=True)
    nucleus = "|".join("".join(_vowel_class(v) for v in n) for n in nuclei)
    onset = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    return regex.compile(rf"{onset}(?:{nucleus})(?:ch|ng|nh|[cmnpt])?", regex.IGNORECASE | regex.V0)


_SYLLABLE = _syllable()
_WORD = regex.compile(_T + "+")
# Scoring reads at most this much of a line: plenty of evidence, bounded cost on huge lines.
_SAMPLE = 20_000


def _mixed_words(text: str) -> list[str]:
    """Words with both an ASCII letter and another character: the words a conversion can
    change (a lone symbol such as "©" or "·" is no evidence either way)."""
    return [
        w
        for w in _WORD.findall(text, 0, _SAMPLE)
        if not w.isascii() and w.encode("ascii", "ignore")
    ]


@functools.lru_cache(maxsize=1 << 16)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable, cased as words are ("bất", "Bất", "BẤT"; not "BÊt", "thÝ").

    >>> _is_syllable("Bất"), _is_syllable("BÊt"), _is_syllable("nh©n"), _is_syllable("ngoằng")
    (True, False, False, True)
    """
    # words repeat (Zipf): the cache answers most of them
    cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
    if not cased:
        return False
    known = _inventory()
    if known is not None:
        return word.lower() in known
    return _SYLLABLE.fullmatch(word) is not None


@functools.cache
def _inventory() -> frozenset[str] | None:
    """The syllables of Vietnamese words, from the word list underthesea ships (Viet74K).

    A real inventory tells "có" from "cã" (TCVN3 for "có" read as Windows-1252), which the
    syllable-shape pattern cannot; without the file the pattern is used.
    """
    # find the package without importing it (its import loads models: a quarter second)
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "corpus" / "data" / "Viet74K.txt"
    try:
        words = path.read_text(encoding="utf-8")
    except OSError:
        return None
    return frozenset(
        unicodedata.normalize("NFC", s) for s in words.lower().split() if not s.isascii()
    )


def _score(words: list[str]) -> int:
    return sum(2 if _is_syllable(w) else 0 for w in words) - len(words)


def plausibility(text: str) -> int:
    """Vietnamese syllables minus other words, over words mixing ASCII and other letters.

    Only the first ``_SAMPLE`` characters are read.

    >>> plausibility("Uỷ ban nhân dân"), plausibility("Uû ban nh©n d©n"), plausibility("Néi")
    (3, -3, -1)
    """
    return _score(_mixed_words(text))


# Vietnamese letters beyond Latin-1 (ă đ ơ ư ạ ả ấ ...): mojibake, made of Latin-1, never has
# them, so a word with one is Unicode already.
_UNICODE_VIET = regex.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)


def _gain(line: str, converted: str) -> int:
    """How much more Vietnamese ``converted`` looks than ``line``.

    A word of ``line`` with a Vietnamese letter beyond Latin-1 counts against converting:
    the line is Unicode already, and the conversion would garble its other words.

    >>> _gain("Trang chủ · Tin tức", "Trang chủ ã Tin tức")
    -4
    >>> _gain("Bieân hôn", "Biên hơn")
    2
    """
    words = _mixed_words(_INVISIBLE.sub("", line))
    unicode_words = sum(1 for w in words if _UNICODE_VIET.search(w))
    return plausibility(converted) - _score(words) - 2 * unicode_words


# --- conversion with an offset map ----------------------------------------------------------

_HEADING_WORD = regex.compile(
    r"(?<![^\s!-@\[-`{-~])(?=[^\sa-z!-@\[-`{-~]*\p{Lu}[^\sa-z!-@\[-`{-~]*\p{Lu})"
    r"[^\sa-z!-@\[-`{-~]+(?![^\s!-@\[-`{-~])"
)


def _upper_heading(m: regex.Match[str]) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in m.group())


Chunk = tuple[int, int, int, int]  # converted[at:at+size] came from text[start:end]


def _convert(text: str, codec: _Codec) -> tuple[str, list[Chunk]]:
    """``text`` converted with ``codec``, and the chunks whose length changed.

    >>> tcvn3, vni, utf8 = _codecs()
    >>> _convert("nh©n", tcvn3), _convert("nhaân", vni)
    (('nhân', []), ('nhân', [(2, 1, 2, 4)]))
    """
    chunks: list[Chunk] = []
    if codec.pairs is None:
        converted = text.translate(codec.singles)
    else:
        out: list[str] = []
        done = 0
        size = 0
        for m in codec.pairs.finditer(text):
            i, j = m.span()
            out.append(text[done:i].translate(codec.singles))
            size += i - done
            new = codec.table[m.group()]
            out.append(new)
            chunks.append((size, len(new), i, j))
            size += len(new)
            done = j
        out.append(text[done:].translate(codec.singles))
        converted = "".join(out)
    if codec.name == "tcvn3":
        # TCVN3 has no toned capitals: a heading set in ".VnTimeH" comes back "TØNH", which
        # converts to "TỉNH"; a word with two capitals and no ASCII lowercase is upper-cased
        converted = _HEADING_WORD.sub(_upper_heading, converted)
    return converted, chunks


@dataclass(frozen=True, slots=True)
class Repair:
    """A repaired text; ``map`` leads its offsets back to the source (None: one for one)."""

    encoding: str
    text: str
    map: SpanMap | None


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, nl + 1))
        start = nl + 1


def repair_map(text: str) -> Repair | None:
    """The repaired text with its offset map, or None when ``text`` is not legacy mojibake.

    >>> r = repair_map("Uû ban nh©n d©n huyÖn Kr«ng")
    >>> r.encoding, r.text
    ('tcvn3', 'Uỷ ban nhân dân huyện Krông')
    >>> repair_map("Ủy ban nhân dân © 2020") is None
    True
    """
    if not _may_be_mojibake(text):  # clean text pays two scans and nothing else
        return None
    codecs = _codecs()
    # every line with a non-ASCII letter counts: "nhaân" has no odd character but is VNI
    lines = [(i, j) for i, j in _lines(text) if _NON_ASCII.search(text, i, j)]
    per_line: list[list[tuple[int, tuple[str, list[Chunk]]]]] = []
    totals = [0] * len(codecs)
    for i, j in lines:
        line = text[i:j]
        row = []
        for k, codec in enumerate(codecs):
            converted = _convert(line, codec)
            gain = _gain(line, converted[0])
            totals[k] += max(gain, 0)  # a Unicode line beside legacy ones is no evidence
            row.append((gain, converted))
        per_line.append(row)
    # a tie goes to the codec whose own odd characters the text has ("eâ" is VNI, "©" TCVN3)
    evidence = [len(p.findall(text, 0, _SAMPLE)) for p in _evidence()]
    best = max(range(len(codecs)), key=lambda k: (totals[k], evidence[k]))
    if totals[best] < _MIN_GAIN:
        return None
    return _assemble(text, lines, [row[best] for row in per_line], codecs[best].name)


def _assemble(
    text: str,
    lines: list[tuple[int, int]],
    chosen: list[tuple[int, tuple[str, list[Chunk]]]],
    encoding: str,
) -> Repair:
    """Splice the converted lines that do not lose into ``text``, shifting their chunks."""
    out: list[str] = []
    chunks = SpanMapBuilder()
    done = 0
    shift = 0  # converted length minus source length so far
    for (i, j), (gain, (line, line_chunks)) in zip(lines, chosen, strict=True):
        if gain < 0:  # a tie follows the text's encoding: short lines carry little evidence
            continue
        out.append(text[done:i])
        out.append(line)
        for at, size, start, end in line_chunks:
            chunks.add(at + i + shift, size, start + i, end + i)
        shift += len(line) - (j - i)
        done = j
    out.append(text[done:])
    repaired = "".join(out)
    spans = chunks.build(len(repaired), len(text)) if chunks.at else None
    return Repair(encoding, repaired, spans)


def repair_text(text: str) -> str:
    """``text`` with TCVN3 / VNI mojibake turned back into Vietnamese, in NFC.

    Text that is not legacy mojibake comes back only NFC-normalised.

    >>> repair_text("Uû ban nh©n d©n tØnh")
    'Uỷ ban nhân dân tỉnh'
    >>> repair_text("UÛY BAN NHAÂN DAÂN tænh Ñaék Laék")
    'ỦY BAN NHÂN DÂN tỉnh Đắk Lắk'
    """
    if not isinstance(text, str):
        raise TypeError(f"repair_text() expects a str, got {type(text).__name__}")
    fixed = repair_map(text)
    return unicodedata.normalize("NFC", fixed.text if fixed else text)


def convert_whole(text: str, encoding: str) -> str:
    """All of ``text`` converted from ``encoding`` (one of :func:`encodings`), no detection.

    >>> convert_whole("Hµ Néi", "tcvn3")
    'Hà Nội'
    """
    for codec in _codecs():
        if codec.name == encoding:
            return _convert(text, codec)[0]
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def encodings() -> tuple[str, ...]:
    """The legacy encodings known, by name.

    >>> encodings()
    ('tcvn3', 'vni', 'utf8_cp1252')
    """
    return tuple(codec.name for codec in _codecs())
