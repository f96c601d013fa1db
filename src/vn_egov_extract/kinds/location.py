"""`location` records: provinces, cities, districts, towns, communes and wards, named.

The span includes the unit word when there is one ("huyện Krông Năng", "TP. Buôn Ma
Thuột"); ``name`` is the name without it, in the gazetteer's spelling when the gazetteer
knows it ("Ea H’Leo" → "Ea H'leo": same name, one apostrophe, the official case), else as
written. ``level`` comes from the unit word when there is one, else from the gazetteer;
``province`` is the pre-2025 province and ``province_2025`` the post-2025 one, each null
when the name is ambiguous and nothing in the document settles it.

Rules, in order (a later rule never overlaps an earlier one's span):

- ``location.fused``: a token that carries its unit word ("TPHCM");
- ``location.unit``: a unit word or abbreviation + a name the gazetteer knows, at a level
  the word allows ("xã Hóa Thượng", "TX. Buôn Hồ", "Quận 1");
- ``location.unit_unknown``: a full unit word + a capitalised name the gazetteer lacks
  (units renamed or merged since the data was made);
- ``location.bare``: a province, city or district named alone ("Đắk Lắk", "Hà Nội"), unless
  it is a common word or a famous person's name (``needs_unit``), part of a person's name
  or follows a street word;
- ``location.context``: any name the same document names elsewhere with a unit word.

Ambiguous names (one "Châu Thành" in many provinces) choose by the unit word's level, then
by the provinces the rest of the document names, then the higher level.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass, field

import regex

from .._candidate import Candidate, Doc
from ._gazetteer import RANK, Level, Unit, UnitWord, fold, fold_view, gazetteer, patterns

_TOKEN = r"\p{Lu}[\p{L}\p{M}']{0,15}"
_NUMBER = r"\d{1,2}(?![\p{L}\d])"
_SEP = r"(?:[ \t]?-[ \t]?|[ \t])"
# a run of capitalised syllables ("Ea H'leo", "Bà Rịa - Vũng Tàu", "Mỹ Đình 1")
_RUN = rf"{_TOKEN}(?:{_SEP}(?:{_TOKEN}|{_NUMBER})){{0,7}}"
_RUN_RE = regex.compile(rf"(?<![\p{{L}}\d'])({_RUN})(?![\p{{L}}\d])")
_TOKEN_RE = regex.compile(rf"{_TOKEN}|\d{{1,2}}")
_WORD_BEFORE = regex.compile(r"([\p{L}/]+)(?:[ \t]+([\p{L}/]+))?[ \t]+\Z")
_BARE_LEVELS = frozenset({"province", "city", "district", "town"})
# a credit before a name: "(Ảnh: Thanh Hà)", "Bài và ảnh: Kim Sơn"
_CREDIT = regex.compile(
    r"(?i:ảnh|bài|tin|bài và ảnh|tin và ảnh|tin, ảnh|ảnh minh họa)[ \t]*:[ \t]*\Z"
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    key: str
    rule: str
    options: list[Unit]
    level: Level | None = None  # from the unit word; None: from the gazetteer
    surface: str = ""  # the name as written (view text), for names the gazetteer lacks
    values: dict[str, object] = field(default_factory=dict)


@functools.cache
def _unit_re() -> tuple[regex.Pattern[str], dict[str, UnitWord]]:
    """One regex for every unit word + the name after it, and the word → its entry map."""
    by_word = {w: entry for entry in patterns().unit_words for w in entry.words}
    words = "|".join(regex.escape(w) for w in sorted(by_word, key=len, reverse=True))
    pattern = (
        rf"(?<![\p{{L}}\d.])(?i:(?P<unit>{words}))"
        rf"(?:(?<=\.)[ \t]{{0,2}}|[ \t]{{1,2}})(?P<name>{_NUMBER}|{_RUN})"
    )
    return regex.compile(pattern), by_word


@functools.cache
def _fused_re() -> regex.Pattern[str]:
    surfaces = sorted((f.surface for f in patterns().fused), key=len, reverse=True)
    alt = "|".join(regex.escape(s) for s in surfaces)
    return regex.compile(rf"(?<![\p{{L}}\d.])(?:{alt})(?![\p{{L}}\d])")


@functools.cache
def _word_sets() -> dict[str, frozenset[str]]:
    p = patterns()
    return {
        "needs_unit": frozenset(fold(w) for w in p.needs_unit),
        "person_cues": frozenset(p.person_cues),
        "not_unit_cues": frozenset(p.not_unit_cues),
        "person_parts": frozenset(p.person_name_parts),
        "org_heads": frozenset(p.org_heads),
        "not_starts": frozenset(p.not_name_starts),
        "plural": frozenset(p.plural_words),
        "not_names": frozenset(fold(w) for w in p.not_names),
    }


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the syllables of the run ``text[start:end]``."""
    return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def _longest(
    text: str,
    toks: list[tuple[int, int]],
    i: int,
    keys: Container[str],
    firsts: Container[str] | None = None,
) -> tuple[int, str] | None:
    """The most syllables from ``toks[i]`` whose folded text is in ``keys``: (count, key).

    ``firsts`` (the keys' first syllables) rules most syllables out with one look-up.
    """
    gaz = gazetteer()
    # a syllable is one token: lower-casing is all of fold_view it needs
    if text[toks[i][0] : toks[i][1]].lower() not in (gaz.firsts if firsts is None else firsts):
        return None
    for n in range(min(len(toks) - i, gaz.longest), 0, -1):
        key = fold_view(text[toks[i][0] : toks[i + n - 1][1]])
        if key in keys:
            return n, key
    return None


class _Spans:
    """Spans already claimed, sorted and disjoint: overlap tests by bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _unit_mentions(doc: Doc, taken: _Spans) -> Iterator[_Mention]:
    """Unit word + name: "huyện Krông Năng", "TP. Buôn Ma Thuột", "Quận 1"."""
    text = doc.text
    gaz = gazetteer()
    unit_re, by_word = _unit_re()
    for m in unit_re.finditer(text):
        entry = by_word[m.group("unit").lower()]
        toks = _tokens(text, m.start("name"), m.end("name"))
        number = m.group("name")
        if number.isdigit():  # "phường 01" is "Phường 1"
            found = (1, str(int(number))) if str(int(number)) in gaz.units else None
        else:
            found = _longest(text, toks, 0, gaz.units)
        mention: _Mention | None
        if found is not None:
            n, key = found
            end = toks[n - 1][1]
            options = [u for u in gaz.units[key] if u.level in entry.levels]
            mention = _Mention(
                m.start(), end, key, "location.unit", options or gaz.units[key], entry.level
            )
            mention.surface = text[m.start("name") : end]
        else:
            mention = None if entry.known_only else _unknown(text, m, toks, entry)
        if mention is not None and not taken.overlaps(mention.start, mention.end):
            taken.add(mention.start, mention.end)
            yield mention


def _unknown(
    text: str, m: regex.Match[str], toks: list[tuple[int, int]], entry: UnitWord
) -> _Mention | None:
    """A unit word + a capitalised name the gazetteer lacks (renamed or merged units)."""
    words = _word_sets()
    first = text[toks[0][0] : toks[0][1]].lower()
    if first in words["not_starts"] or first in words["person_parts"]:
        return None
    name = text[m.start("name") : m.end("name")]
    if not name.isdigit() and not 2 <= len(toks) <= 4:
        return None  # one capitalised syllable is too often a title-cased word ("xã Nông")
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before is not None and (before.group(2) or before.group(1)).lower() in words["plural"]:
        return None  # "các tỉnh Tây Nguyên": a group of units, not one named unit
    if fold(name) in words["not_names"]:
        return None
    if name.isdigit():
        if entry.level not in ("district", "ward"):
            return None
        name = f"{'Quận' if entry.level == 'district' else 'Phường'} {int(name)}"
    elif any(text[a:b].isupper() and b - a > 1 for a, b in toks):
        return None  # an acronym: "huyện ABC" is not a name
    mention = _Mention(m.start(), m.end(), fold(name), "location.unit_unknown", [], entry.level)
    mention.surface = name
    return mention


def _cue_before(text: str, start: int) -> str | None:
    """The one or two lower-case words right before ``start`` that block a bare name."""
    if _CREDIT.search(text, max(0, start - 20), start):
        return "credit"
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return None
    words = _word_sets()
    last = (m.group(2) or m.group(1)).lower()
    pair = f"{m.group(1)} {m.group(2)}".lower() if m.group(2) else last
    for cue in (pair, last):
        if cue in words["person_cues"] or cue in words["not_unit_cues"]:
            if cue == "phố" and m.group(1).lower() == "thành":
                continue
            return cue
    return None


def _after_org_head(prefix: str) -> bool:
    """Whether capitalised words before a name end with an organisation's head word whose
    last syllable is also a family name ("Tỉnh Đoàn Lạng Sơn", "Công An Hà Nội")."""
    return any(prefix == head or prefix.endswith(" " + head) for head in _word_sets()["org_heads"])


def _bare_ok(text: str, toks: list[tuple[int, int]], i: int, n: int, run_start: int) -> bool:
    """Whether a bare name at ``toks[i:i+n]`` of a capitalised run is a place, not a person."""
    words = _word_sets()
    if i and not _after_org_head(text[toks[0][0] : toks[i - 1][1]].lower()):
        for a, b in toks[:i]:
            lower = text[a:b].lower()
            if lower in words["person_parts"] or lower in words["person_cues"]:
                return False
    if i == 0 and i + n < len(toks) and text[toks[i + n - 1][1] : toks[i + n][0]] == " ":
        a, b = toks[i + n]
        nxt = text[a:b]
        # "Hoàng Mai Anh": a longer capitalised name goes on; acronyms, numbers and another
        # place ("Biên Hòa - Vĩnh Cửu" is split by a dash) may follow
        if not nxt.isupper() and not nxt.isdigit():
            return False
    return _cue_before(text, run_start) is None


def _bare_mentions(doc: Doc, taken: _Spans, memory: dict[str, _Mention]) -> Iterator[_Mention]:
    """Names without a unit word: provinces and districts, and names the document gave
    with a unit word elsewhere."""
    text = doc.text
    gaz = gazetteer()
    needs_unit = _word_sets()["needs_unit"]
    keys: Container[str] = gaz.bare
    firsts: Container[str] = gaz.firsts
    if memory:
        keys = gaz.bare | memory.keys()
        firsts = gaz.firsts | {k.split(" ", 1)[0] for k in memory}
    for run in _RUN_RE.finditer(text):
        toks = _tokens(text, run.start(), run.end())
        i = 0
        while i < len(toks):
            found = _longest(text, toks, i, keys, firsts)
            if found is None:
                i += 1
                continue
            n, key = found
            start, end = toks[i][0], toks[i + n - 1][1]
            # a well-known name keeps its own reading ("Thái Nguyên" the province, even
            # after "TP Thái Nguyên"); others take the one the document gave with a unit word
            known = key in memory and (key not in gaz.bare or key in needs_unit)
            if (
                taken.overlaps(start, end)
                or (key in needs_unit and not known)
                or not _bare_ok(text, toks, i, n, run.start())
            ):
                i += 1
                continue
            if known:
                yield _context(memory[key], start, end, key)
            else:
                options = [u for u in gaz.units[key] if u.level in _BARE_LEVELS]
                if _alone_on_line(text, start, end) and all(
                    RANK[u.level] >= RANK["district"] for u in options
                ):
                    i += n  # a district name alone on a line is a byline ("Thanh Hà")
                    continue
                yield _Mention(start, end, key, "location.bare", options)
            i += n


def _alone_on_line(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` is all its line holds (but for spaces and a full stop).

    >>> _alone_on_line("Tin bài\n  Thanh Hà.\n", 10, 18), _alone_on_line("Ở Thanh Hà.", 2, 10)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t.")


def _context(seen: _Mention, start: int, end: int, key: str) -> _Mention:
    """A bare name the document named elsewhere with a unit word: same unit, same values."""
    mention = _Mention(start, end, key, "location.context", seen.options, seen.level)
    mention.surface = seen.surface
    return mention


_CHAIN_GAP = regex.compile(r"[ \t]*(?:[,(-]|thuộc|của)?[ \t]*(?:thuộc[ \t]+)?")


def _narrow_by_chain(text: str, mentions: list[_Mention]) -> None:
    """Settle a unit by the units written right after it: "xã A, huyện B, tỉnh C".

    Each mention keeps only the options that lie in a district or province named next in
    its chain, when some do.
    """
    for i, m in enumerate(mentions):
        if len({(u.province, u.district) for u in m.options}) < 2:
            continue
        names: set[str] = set()
        end = m.end
        for nxt in mentions[i + 1 : i + 4]:
            gap = _CHAIN_GAP.match(text, end, nxt.start)
            if gap is None or gap.end() != nxt.start:
                break
            names.update(u.name for u in nxt.options if RANK[u.level] < 3)
            names.update(u.province for u in nxt.options if u.province)
            end = nxt.end
        if names:
            inside = [u for u in m.options if u.district in names or u.province in names]
            # "xã Minh Tân, tỉnh Tuyên Quang (mới)": the chain may name the 2025 province
            inside = inside or [u for u in m.options if u.province_2025 in names]
            m.options = inside or m.options


def _province_votes(mentions: list[_Mention]) -> Counter[str]:
    """Provinces the document names, directly or through units of one province only."""
    votes: Counter[str] = Counter()
    for m in mentions:
        provinces = {u.province for u in m.options}
        if len(provinces) == 1:
            (province,) = provinces
            if province is not None:
                votes[province] += 1
    return votes


def _resolve(mention: _Mention, votes: Counter[str]) -> dict[str, object]:
    """Values of a mention: its unit chosen by the document's provinces, then level."""
    options = mention.options
    if votes and options:
        best = max(votes.get(u.province or "", 0) for u in options)
        if best:
            options = [u for u in options if votes.get(u.province or "", 0) == best]
    if options:
        top = min(RANK[u.level] for u in options)
        options = [u for u in options if RANK[u.level] == top]
    names = {u.name for u in options}
    provinces = {u.province for u in options}
    provinces_2025 = {u.province_2025 for u in options}
    level = mention.level or (options[0].level if options else None)
    return {
        "name": names.pop() if len(names) == 1 else mention.surface,
        "level": level,
        "province": provinces.pop() if len(provinces) == 1 else None,
        "province_2025": provinces_2025.pop() if len(provinces_2025) == 1 else None,
    }


def _fused_mentions(doc: Doc, taken: _Spans) -> Iterator[_Mention]:
    gaz = gazetteer()
    by_surface = {f.surface: f for f in patterns().fused}
    for m in _fused_re().finditer(doc.lower()):
        entry = by_surface[m.group()]
        options = [u for u in gaz.units.get(entry.key, []) if u.level == entry.level]
        taken.add(*m.span())
        mention = _Mention(m.start(), m.end(), entry.key, "location.fused", options, entry.level)
        mention.surface = doc.text[m.start() : m.end()]
        yield mention


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``location`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("UBND huyện Krông Năng, tỉnh Đắk Lắk và TP. Buôn Ma Thuột"))
    >>> [(d.text[c.start:c.end], c.values["name"], c.values["level"]) for c in find(d)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('huyện Krông Năng', 'Krông Năng', 'district'),
     ('tỉnh Đắk Lắk', 'Đắk Lắk', 'province'),
     ('TP. Buôn Ma Thuột', 'Buôn Ma Thuột', 'city')]
    """
    taken = _Spans()
    mentions = list(_fused_mentions(doc, taken))
    mentions.extend(_unit_mentions(doc, taken))
    memory = {m.key: m for m in mentions}
    mentions.extend(_bare_mentions(doc, taken, memory))
    mentions.sort(key=lambda m: m.start)
    _narrow_by_chain(doc.text, mentions)
    votes = _province_votes(mentions)
    for m in mentions:
        yield Candidate("location", m.start, m.end, m.rule, _resolve(m, votes))
