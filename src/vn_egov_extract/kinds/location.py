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
- ``location.listed``: bare names in a list that a plural unit word introduces ("những xã
  vùng cao như A, B", "các phường A, B") or closes ("A, B và C là các quận");
- ``location.modified``: a known name after a unit word and a listed modifier ("xã biên
  giới Ia Dom", "huyện miền núi An Lão");
- ``location.context``: any name the same document names elsewhere with a unit word.

Ambiguous names (one "Châu Thành" in many provinces) choose by the unit word's level, then
by the provinces the rest of the document names, then the higher level.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import compress
from operator import not_

import regex

from .._candidate import Candidate, Doc
from .._patterns import PatternError
from ._gazetteer import RANK, Level, Unit, UnitWord, fold, fold_view, gazetteer, patterns
from ._phrases import spaced_alternation
from ._scan import literal_positions, prefiltered, word_starts_re

_TOKEN = r"\p{Lu}[\p{L}\p{M}']{0,15}"
_NUMBER = r"\d{1,2}(?![\p{L}\d])"
_SEP = r"(?:[ \t]?-[ \t]?|[ \t])"
# a run of capitalised syllables ("Ea H'leo", "Bà Rịa - Vũng Tàu", "Mỹ Đình 1")
_RUN = rf"{_TOKEN}(?:{_SEP}(?:{_TOKEN}|{_NUMBER})){{0,7}}"
_RUN_RE = regex.compile(rf"(?<![\p{{L}}\d'])(?:{_RUN})(?![\p{{L}}\d])")
_TOKEN_RE = regex.compile(rf"{_TOKEN}|\d{{1,2}}")
# searched in reverse: from the window's end it fails at once unless a blank ends it (a
# forward search tries every position of the window); the groups come out the same
_WORD_BEFORE = regex.compile(r"([\p{L}/]+)(?:[ \t]+([\p{L}/]+))?[ \t]+\Z", regex.REVERSE)
_SYLLABLE_SEP = re.compile(r"[ \t-]+")
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
    compiled = regex.compile(pattern)
    if list(compiled.groupindex) != ["unit", "name"]:  # read by groups()
        raise PatternError("location: the unit pattern's groups changed")
    return compiled, by_word


@functools.cache
def _fused_re() -> regex.Pattern[str]:
    surfaces = sorted((f.surface for f in patterns().fused), key=len, reverse=True)
    alt = "|".join(regex.escape(s) for s in surfaces)
    return regex.compile(rf"(?<![\p{{L}}\d.])(?:{alt})(?![\p{{L}}\d])")


@functools.cache
def _unit_word_re() -> re.Pattern[str]:
    """Every unit word, for :func:`_unit_starts` (the unit and list scans share it)."""
    return word_starts_re(w for entry in patterns().unit_words for w in entry.words)


def _unit_starts(doc: Doc) -> tuple[list[int], list[int]]:
    """Where a unit word begins in ``doc`` (the unit and list regexes try only there), and
    for each the end of the longest unit word found there.

    A word may begin inside a found one, after a space ("xã" in "thị xã"): such a
    position is kept only when a unit word begins there ("trấn" of "thị trấn" begins
    none, and neither regex can match at it).

    >>> from vn_egov_extract._text import NormText
    >>> _unit_starts(Doc(NormText.of("ở thị xã An và thị trấn Bình")))
    ([2, 6, 15], [8, 8, 23])
    """
    cached = doc.cache.get("location.unit_starts")
    if cached is None:
        low = doc.lower()
        words_at = _unit_word_re().match
        starts: list[int] = []
        ends: list[int] = []
        # :func:`._scan.candidate_starts`, unrolled: a generator per word costs as much
        # as the scan
        for hit in _unit_word_re().finditer(low):
            start, words = hit.start(), hit.group()
            starts.append(start)
            ends.append(hit.end())
            if " " in words or "\t" in words:
                for i in range(1, len(words)):
                    if words[i - 1] in " \t" and words[i] not in " \t":
                        inner = words_at(low, start + i)
                        if inner is not None:
                            starts.append(start + i)
                            ends.append(inner.end())
        cached = doc.cache["location.unit_starts"] = (starts, ends)
    return cached


_DIGIT = re.compile(r"\d")


@functools.cache
def _unit_word_heads() -> frozenset[str]:
    """Unit words that begin with a shorter one followed by a blank or ending in a dot
    ("thành phố trực thuộc trung ương" with "thành phố"): after such a word the shorter
    one may still take a name.

    >>> sorted(_unit_word_heads())
    ['thành phố trực thuộc trung ương']
    """
    words = {w for entry in patterns().unit_words for w in entry.words}
    return frozenset(
        w
        for w in words
        if any(
            v != w and w.startswith(v) and (v.endswith(".") or w[len(v)] in " \t") for v in words
        )
    )


def _no_name_near(text: str, start: int, end: int) -> bool:
    """Whether no name can follow a unit word found at ``text[start:end]``: the name
    begins with a capital or a digit within two blanks of the word's end, and no shorter
    unit word at ``start`` ends after ``end``; so when the characters up to there are all
    lower-case, the unit regex would fail.

    >>> _no_name_near("ở huyện này", 2, 7), _no_name_near("ở huyện Ea", 2, 7)
    (True, False)
    >>> _no_name_near("quận 1", 0, 4), _no_name_near("TP. Huế", 0, 3)
    (False, False)
    """
    window = text[start + 1 : end + 3]
    return window.islower() and _DIGIT.search(window) is None


@functools.lru_cache(maxsize=1 << 15)
def _syllables(run: str) -> frozenset[str]:
    """The lower-cased syllables of a capitalised run (cached: runs recur across documents).

    >>> sorted(_syllables("Bà Rịa - Vũng Tàu"))
    ['bà', 'rịa', 'tàu', 'vũng']
    """
    return frozenset(_SYLLABLE_SEP.split(run.lower()))


@functools.cache
def _bare_firsts() -> frozenset[str]:
    """First syllables (and their variant spellings) of the names that count bare: most
    capitalised runs hold none of them, and are skipped unread."""
    p = patterns()
    firsts = {k.split(" ", 1)[0] for k in gazetteer().bare}
    return frozenset(firsts | {v for v, s in p.syllable_variants.items() if s in firsts})


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
        "modifiers": frozenset(p.unit_modifiers),
    }


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the syllables of the run ``text[start:end]``."""
    return [(start + a, start + b) for a, b in _run_tokens(text[start:end])]


_Toks = Sequence[tuple[int, int]]  # spans of a run's syllables


@functools.lru_cache(maxsize=1 << 15)
def _run_lowers(run: str) -> tuple[str, ...]:
    """The lower-cased syllables of a run, one per :func:`_run_tokens` span.

    >>> _run_lowers("Đắk Lắk 2")
    ('đắk', 'lắk', '2')
    """
    return tuple(run[a:b].lower() for a, b in _run_tokens(run))


@functools.lru_cache(maxsize=1 << 15)
def _run_tokens(run: str) -> tuple[tuple[int, int], ...]:
    """Spans of the syllables of a run, in the run (cached: the same names recur).

    >>> _run_tokens("Bà Rịa - Vũng Tàu 2")
    ((0, 2), (3, 6), (9, 13), (14, 17), (18, 19))
    """
    return tuple(m.span() for m in _TOKEN_RE.finditer(run))


def _syllable_counts(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First syllable of ``keys`` → how many syllables the keys with it have, most first.

    The fold of ``n`` syllables of a run has ``n`` parts besides dashes and begins with
    the first one's fold, so :func:`_longest` tries only those counts.

    >>> _syllable_counts(["bà rịa - vũng tàu", "bà điểm", "bà rịa"])
    {'bà': (4, 2)}
    """
    counts: dict[str, set[int]] = {}
    for key in keys:
        parts = key.split()
        if parts:
            counts.setdefault(parts[0], set()).add(sum(1 for p in parts if p != "-"))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in counts.items()}


@functools.cache
def _gazetteer_counts() -> dict[str, tuple[int, ...]]:
    return _syllable_counts(gazetteer().units)


@functools.cache
def _longest_tables() -> tuple[set[str], dict[str, str], dict[str, tuple[int, ...]], int]:
    """What :func:`_longest` reads of the gazetteer and the patterns, in one call (it runs
    for every capitalised syllable that may begin a name)."""
    gaz = gazetteer()
    return gaz.firsts, patterns().syllable_variants, _gazetteer_counts(), gaz.longest


def _longest(
    text: str,
    toks: _Toks,
    i: int,
    keys: Container[str],
    firsts: Container[str] | None = None,
    extra: dict[str, tuple[int, ...]] | None = None,
) -> tuple[int, str] | None:
    """The most syllables from ``toks[i]`` whose folded text is in ``keys``: (count, key).

    ``firsts`` (the keys' first syllables) rules most syllables out with one look-up; only
    the syllable counts of gazetteer keys (or of ``extra``'s, for keys beyond it) with that
    first syllable are tried.
    """
    gaz_firsts, variants, gaz_counts, longest = _longest_tables()
    start, first_end = toks[i]
    # a syllable is one token: lower-casing is all of fold_view it needs
    first = text[start:first_end].lower()
    if first not in (gaz_firsts if firsts is None else firsts):
        return None
    folded = variants.get(first, first)
    counts = extra.get(folded) if extra else None
    if counts is None:
        counts = gaz_counts.get(folded, ())
    left = min(len(toks) - i, longest)
    for n in counts:
        if n <= left:
            key = fold_view(text[start : toks[i + n - 1][1]])
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
    last = 0
    low, size, heads = doc.lower(), len(text), _unit_word_heads()
    # ``prefiltered(unit_re, text, starts)`` inlined: this loop runs for every unit word
    for start, end in zip(*_unit_starts(doc), strict=True):
        if start < last or _no_name_near(text, start, end):
            continue
        # the longest unit word followed by no blank ("huyện, ..."): only a shorter one
        # could take a name ("thành phố" of "thành phố trực thuộc ...")
        if (
            (end == size or text[end] not in " \t")
            and text[end - 1] != "."
            and " ".join(low[start:end].split()) not in heads
        ):
            continue
        m = unit_re.match(text, start)
        if m is None:
            continue
        last = m.end()
        word, name = m.groups()  # unit, name (by name each group costs ~10 times more)
        entry = by_word[word.lower()]
        toks = _run_tokens(name)  # spans in ``name``
        if name.isdigit():  # "phường 01" is "Phường 1"
            found = (1, str(int(name))) if str(int(name)) in gaz.units else None
        else:
            found = _longest(name, toks, 0, gaz.units)
            if found is not None and _number_follows(name, toks, found[0]):
                found = None  # "phường Hải Châu 1": a numbered unit the gazetteer lacks
        mention: _Mention | None
        if found is not None:
            n, key = found
            at = m.start(2)  # the name's
            end = at + toks[n - 1][1]
            options = [u for u in gaz.units[key] if u.level in entry.levels]
            mention = _Mention(
                m.start(), end, key, "location.unit", options or gaz.units[key], entry.level
            )
            mention.surface = text[at:end]
        else:
            mention = None if entry.known_only else _unknown(text, m, toks, entry)
        if mention is not None and not taken.overlaps(mention.start, mention.end):
            taken.add(mention.start, mention.end)
            yield mention


def _number_follows(run: str, toks: _Toks, n: int) -> bool:
    """Whether the syllable after the first ``n`` of a run is a number ("Mỹ Đình 2")."""
    return n < len(toks) and run[toks[n][0] : toks[n][1]].isdigit()


def _unknown(text: str, m: regex.Match[str], toks: _Toks, entry: UnitWord) -> _Mention | None:
    """A unit word + a capitalised name the gazetteer lacks (renamed or merged units);
    ``toks`` are the spans of the name's syllables in the name."""
    words = _word_sets()
    name = m.group("name")
    first = name[toks[0][0] : toks[0][1]].lower()
    if first in words["not_starts"] or first in words["person_parts"]:
        return None
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
    elif any(name[a:b].isupper() and b - a > 1 for a, b in toks):
        return None  # an acronym: "huyện ABC" is not a name
    mention = _Mention(m.start(), m.end(), fold(name), "location.unit_unknown", [], entry.level)
    mention.surface = name
    return mention


def _cue_before(text: str, start: int) -> str | None:
    """The one or two lower-case words right before ``start`` that block a bare name."""
    lo = max(0, start - 20)
    # a credit ends in a colon: most names have none before them
    if text[lo:start].rstrip(" \t").endswith(":") and _CREDIT.search(text, lo, start):
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


def _bare_ok(run: str, toks: _Toks, i: int, n: int, text: str, run_start: int) -> bool:
    """Whether a bare name at ``toks[i:i+n]`` (spans in ``run``) of a capitalised run, at
    ``run_start`` in ``text``, is a place, not a person."""
    words = _word_sets()
    if i and not _after_org_head(run[toks[0][0] : toks[i - 1][1]].lower()):
        for a, b in toks[:i]:
            lower = run[a:b].lower()
            if lower in words["person_parts"] or lower in words["person_cues"]:
                return False
    if i == 0 and i + n < len(toks) and run[toks[i + n - 1][1] : toks[i + n][0]] == " ":
        a, b = toks[i + n]
        nxt = run[a:b]
        # "Hoàng Mai Anh": a longer capitalised name goes on; acronyms, numbers and another
        # place ("Biên Hòa - Vĩnh Cửu" is split by a dash) may follow
        if not nxt.isupper() and not nxt.isdigit():
            return False
    return _cue_before(text, run_start) is None


def _runs_with(text: str, firsts: AbstractSet[str]) -> Iterator[tuple[int, str]]:
    """(start, text) of the capitalised runs of ``text`` that hold a syllable of ``firsts``.

    Most runs ("Theo", "Ủy ban nhân dân") hold none: they are dropped inside ``map`` and
    ``compress``, without a Python step per run.

    >>> list(_runs_with("Theo Sở, tỉnh Đắk Lắk có", frozenset({"đắk"})))
    [(14, 'Đắk Lắk')]
    """
    runs = list(_RUN_RE.finditer(text))
    phrases = list(map(regex.Match.group, runs))
    holds = map(not_, map(firsts.isdisjoint, map(_syllables, phrases)))
    return compress(zip(map(regex.Match.start, runs), phrases, strict=True), holds)


def _bare_mentions(doc: Doc, taken: _Spans, memory: dict[str, _Mention]) -> Iterator[_Mention]:
    """Names without a unit word: provinces and districts, and names the document gave
    with a unit word elsewhere."""
    text = doc.text
    gaz = gazetteer()
    needs_unit = _word_sets()["needs_unit"]
    keys: Container[str] = gaz.bare
    firsts: AbstractSet[str] = _bare_firsts()
    extra: dict[str, tuple[int, ...]] = {}
    if memory:
        keys = gaz.bare | memory.keys()
        seen = {k.split(" ", 1)[0] for k in memory}
        variants = patterns().syllable_variants
        firsts = _bare_firsts() | seen | {v for v, s in variants.items() if s in seen}
        # the syllable counts of the document's own keys join the gazetteer's
        base = _gazetteer_counts()
        extra = {
            first: tuple(sorted(set(counts) | set(base.get(first, ())), reverse=True))
            for first, counts in _syllable_counts(memory).items()
        }
    for at, phrase in _runs_with(text, firsts):
        toks = _run_tokens(phrase)  # spans in ``phrase``, which is at ``at`` in ``text``
        lowers = _run_lowers(phrase)
        i = 0
        while i < len(toks):
            found = None
            # a syllable inside a unit mention ("huyện Krông Năng") begins no bare name:
            # every name from it would overlap that mention
            if lowers[i] in firsts and not taken.overlaps(at + toks[i][0], at + toks[i][1]):
                found = _longest(phrase, toks, i, keys, firsts, extra)
            if found is None:
                i += 1
                continue
            n, key = found
            start, end = at + toks[i][0], at + toks[i + n - 1][1]
            # a well-known name keeps its own reading ("Thái Nguyên" the province, even
            # after "TP Thái Nguyên"); others take the one the document gave with a unit word
            known = key in memory and (key not in gaz.bare or key in needs_unit)
            if (
                taken.overlaps(start, end)
                or (key in needs_unit and not known)
                or not _bare_ok(phrase, toks, i, n, text, at)
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
    # walk only over the blanks next to the name: searching for the line's ends would
    # scan the whole text each time when it is one long line
    i = start
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    if i > 0 and text[i - 1] != "\n":
        return False
    j = end
    while j < len(text) and text[j] in " \t.":
        j += 1
    return j == len(text) or text[j] == "\n"


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
    if len(options) == 1:  # most mentions: nothing to choose
        (unit,) = options
        return {
            "name": unit.name,
            "level": mention.level or unit.level,
            "province": unit.province,
            "province_2025": unit.province_2025,
        }
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


# between the names of a list: "A, B và C", "A, B, và C", "A hoặc B"
_LIST_SEP = regex.compile(r"[ \t]*,[ \t]*(?:(?:và|hoặc)[ \t]+)?|[ \t]+(?:và|hoặc)[ \t]+")
# a listed name; a number only when no figure goes on ("các phường 1, 3" but not "18.452")
_ITEM = regex.compile(rf"(?:{_NUMBER}(?![.,]\d)|{_RUN})(?![\p{{L}}\d])")
_MAX_ITEMS = 12


@dataclass(frozen=True, slots=True)
class _ListRes:
    """Regexes of lists: unit words (on the lower-cased view), a count ending before one,
    what follows one up to the first name (on the view), and "là các quận" (lower-cased)."""

    # groups (in order) "counted": a count may end before the word; "unit"; "modified": a
    # modifier may follow
    units: regex.Pattern[str]
    count: regex.Pattern[str]  # compiled REVERSE: it ends where the unit word begins
    rest: regex.Pattern[str]
    trail: regex.Pattern[str]
    trail_firsts: tuple[str, ...]  # first words of the trailers: where ``trail`` may begin
    by_word: dict[str, UnitWord]


# blanks, a comma or not, blanks ("[ \t]*,?[ \t]+"), written so that a long run of blanks
# is read once: the two runs side by side would be split every way before a failure
_MOD_GAP = r"(?:[ \t]*+,[ \t]++|[ \t]++)"


@functools.cache
def _list_res() -> _ListRes:
    """The regexes of "những xã vùng cao như" before a list of names and "là các quận" after
    one (``list_*`` in patterns/locations.yaml)."""
    p = patterns()
    by_word = {w: e for e in p.unit_words if not e.known_only for w in e.words}

    count = rf"(?:{spaced_alternation(p.list_counts)}|\d{{1,3}})"
    unit = rf"(?P<unit>{spaced_alternation(list(by_word))})(?![\p{{L}}\d])"
    # up to 6 lower-case modifiers ("vùng cao", "mới", "đặc biệt khó khăn") before a mark
    mods = rf"(?P<mods>(?:{_MOD_GAP}\p{{Ll}}[\p{{L}}\p{{M}}]*){{0,6}}?)"
    rest = rf"{mods}(?:[ \t]*+(?P<mark>{spaced_alternation(p.list_marks)}))?[ \t]*+(?=\p{{Lu}}|\d)"
    trail = rf"(?<![\p{{L}}\d])(?:{spaced_alternation(p.list_trailers)})[ \t]+{count}[ \t]+{unit}"
    # whether a count may end right before the unit word, read while the word is matched
    # (a superset of ``count``'s test, which has a 12-character window; "$" may match
    # before a last line break): most unit words then skip that search
    may_count = rf"(?:(?<=(?<![\p{{L}}\d]){count}[ \t]+\n?)(?P<counted>)|)"
    # and whether a modifier's first word may follow (lower-cased, the view's
    # _FIRST_MODIFIER word starts with it): most uncounted words then skip that match
    firsts = "|".join(regex.escape(w) for w in _modifier_firsts())
    may_modify = rf"(?:(?={_MOD_GAP}(?:{firsts}))(?P<modified>)|)"
    # neither counted nor modified, a unit word begins no list: the match fails there, no
    # Python step is spent on it (a word inside a failed one, "xã" of "thị xã", fails too)
    either = "(?(counted)|(?(modified)|(?!)))"
    units = regex.compile(rf"(?<![\p{{L}}\d.]){may_count}{unit}{may_modify}{either}")
    if list(units.groupindex) != ["counted", "unit", "modified"]:  # read by groups()
        raise PatternError("location: the list pattern's groups changed")
    return _ListRes(
        units,
        # only whether it matches is read: searched from the end of its short window, it
        # fails at once unless a blank ends the window (forward, it tries every position)
        regex.compile(rf"(?<![\p{{L}}\d]){count}[ \t]+$", regex.REVERSE),
        regex.compile(rest),
        regex.compile(trail),
        tuple(sorted({t.split()[0] for t in p.list_trailers})),
        by_word,
    )


# the first of the modifiers after a unit word (``mods`` in ``_list_res().rest``)
_FIRST_MODIFIER = regex.compile(rf"{_MOD_GAP}(\p{{Ll}}[\p{{L}}\p{{M}}]*)")


@functools.cache
def _modifier_firsts() -> tuple[str, ...]:
    """First words of the unit modifiers: a word after a unit word that starts with none
    of them begins no modifier."""
    return tuple(sorted({m.split()[0] for m in _word_sets()["modifiers"]}))


@functools.cache
def _rest_gate() -> regex.Pattern[str]:
    """The first capital or digit (group 1) or other character that cannot stand between
    a unit word and the first listed name (``_list_res().rest``: lower-case modifiers,
    blanks, commas, a mark): the rest regex can match only when a capital or digit comes
    first.

    >>> [_rest_gate().search(s).group(1) for s in (" vùng cao như: Ea", " đã nhận. Ea")]
    ['E', None]
    """
    marks = {c for mark in patterns().list_marks for c in mark}
    others = "".join(sorted(c for c in marks if not regex.match(r"[\p{L}\p{M} \t,]", c)))
    return regex.compile(rf"([\p{{Lu}}\d])|[^\p{{L}}\p{{M}} \t,{regex.escape(others)}]")


def _modifiers_known(mods: str) -> bool:
    """Whether every comma-separated part of ``mods`` is a listed unit modifier.

    >>> _modifiers_known(" vùng sâu, vùng xa"), _modifiers_known(" đã tiếp nhận")
    (True, False)
    """
    known = _word_sets()["modifiers"]
    parts = [" ".join(p.split()) for p in mods.lower().split(",")]
    return all(p in known for p in parts if p)


def _list_items(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of the names listed from ``pos``: "Tả Phìn, Bản Khoang và Sa Pả" → 3 spans."""
    items: list[tuple[int, int]] = []
    while len(items) < _MAX_ITEMS:
        item = _ITEM.match(text, pos)
        if item is None:
            break
        items.append(item.span())
        sep = _LIST_SEP.match(text, item.end())
        if sep is None:
            break
        pos = sep.end()
    return items


def _listed_options(text: str, a: int, b: int, entry: UnitWord) -> tuple[str, list[Unit]]:
    """(key, units of that name at a level ``entry`` allows) of a listed name."""
    name = text[a:b]
    key = str(int(name)) if name.isdigit() else fold_view(name)
    return key, [u for u in gazetteer().units.get(key, []) if u.level in entry.levels]


def _any_level(key: str) -> list[Unit]:
    """Units of that name at any level: they still tell the province ("huyện M'Drắk" when
    the gazetteer has only the township)."""
    return gazetteer().units.get(key, [])


def _plain_name(text: str, a: int, b: int, entry: UnitWord) -> bool:
    """Whether an unknown listed name looks like a unit's name: 1-4 capitalised syllables
    (or a number for a district or ward), no acronym, not an organisation or a region."""
    name = text[a:b]
    if name.isdigit():
        return entry.level in ("district", "ward")
    toks = _tokens(text, a, b)
    words = _word_sets()
    first = text[toks[0][0] : toks[0][1]].lower()
    return (
        len(toks) <= 4
        and first not in words["not_starts"]
        and first not in words["person_cues"]
        and first not in words["person_parts"]  # "Nguyễn Văn Nam" unknown: a person
        and not any(text[x:y].isupper() and y - x > 1 for x, y in toks)
        and fold(name) not in words["not_names"]
    )


def _listed(
    text: str,
    items: list[tuple[int, int]],
    entry: UnitWord,
    unknown_ok: bool,
    unit_start: int | None,
    taken: _Spans,
    rule: str = "location.listed",
) -> Iterator[_Mention]:
    """Mentions of the listed names, up to the first that is neither known nor allowed."""
    found = [_listed_options(text, a, b, entry) for a, b in items]
    unknown_ok = unknown_ok or (len(items) > 1 and any(opts for _, opts in found))
    for i, ((a, b), (key, options)) in enumerate(zip(items, found, strict=True)):
        if taken.overlaps(a, b):
            continue  # "các phường Hải Châu 1" may already be a unit mention
        if text[a:b].isdigit() and entry.level not in ("district", "ward"):
            break  # only districts and wards are numbered
        if not options and not (unknown_ok and _plain_name(text, a, b, entry)):
            break
        start = unit_start if i == 0 and unit_start is not None else a
        # "các tỉnh, thành phố như Hà Nội": a well-known name at another level keeps its own
        level = None if not options and key in gazetteer().bare else entry.level
        mention = _Mention(start, b, key, rule, options or _any_level(key), level)
        surface = text[a:b]
        if surface.isdigit():
            surface = f"{'Quận' if entry.level == 'district' else 'Phường'} {int(surface)}"
        mention.surface = surface
        taken.add(start, b)
        yield mention


def _trailing_items(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the names listed right before ``end``: "A, B và C" in "A, B và C là các
    quận", last one first."""
    runs = [r.span() for r in _RUN_RE.finditer(text, max(0, end - 240), end)]
    items: list[tuple[int, int]] = []
    for a, b in reversed(runs):
        gap = _LIST_SEP if items else regex.compile(r"[ \t]+")
        if len(items) >= _MAX_ITEMS or not gap.fullmatch(text, b, items[-1][0] if items else end):
            break
        items.append((a, b))
    return items


def _list_mentions(doc: Doc, taken: _Spans) -> Iterator[_Mention]:
    """Bare names in a list a plural unit word introduces ("những xã vùng cao như A, B, C",
    "các phường A, B") or closes ("A, B và C là các quận")."""
    text = doc.text
    res = _list_res()
    low = doc.lower()
    mod_firsts = _modifier_firsts()
    units_at, last = res.units.match, 0
    # ``prefiltered(units, low, starts)`` inlined: this loop runs for most unit words
    for start in _unit_starts(doc)[0]:
        if start < last:
            continue
        hit = units_at(low, start)
        if hit is None:
            continue
        last = hit.end()
        may_count, _, may_modify = hit.groups()  # by name, each costs ~10 times more
        counted = (
            may_count is not None and res.count.search(low, max(0, start - 12), start) is not None
        )
        if not counted:
            # uncounted, only "xã biên giới Ia Dom" counts: skip the rest unless a
            # modifier's first word follows (most unit words are followed by a name)
            if may_modify is None:
                continue
            first = _FIRST_MODIFIER.match(text, hit.end())
            if first is None or not first.group(1).lower().startswith(mod_firsts):
                continue
        gate = _rest_gate().search(text, hit.end())
        if gate is None or gate.group(1) is None:
            continue  # the rest regex needs a name's capital or digit first (it costs more)
        m = res.rest.match(text, hit.end())
        if m is None:
            continue
        entry = res.by_word[" ".join(hit.group("unit").split())]
        mods, mark = m.group("mods"), " ".join((m.group("mark") or "").lower().split())
        modified = _modifiers_known(mods)
        if not counted:
            # "xã biên giới Ia Dom": one known name after a known modifier
            if modified and mods and not mark:
                items = _list_items(text, m.end())[:1]
                yield from _listed(text, items, entry, False, None, taken, "location.modified")
            continue
        if mods and not (mark or modified):
            continue  # "các xã đã tiếp nhận Hồ sơ": modifiers with no mark run into a clause
        items = _list_items(text, m.end())
        unit_start = hit.start() if not (mods or mark) else None
        vouches = bool(mark) and mark not in patterns().list_weak_marks
        yield from _listed(text, items, entry, vouches, unit_start, taken)
    for m in prefiltered(res.trail, low, literal_positions(low, res.trail_firsts)):
        entry = res.by_word[" ".join(m.group("unit").split())]
        items = _trailing_items(text, m.start())[::-1]
        # no word introduces the list: only names the gazetteer knows at that level count
        known = [(a, b) for a, b in items if _listed_options(text, a, b, entry)[1]]
        if known == items:
            yield from _listed(text, items, entry, False, None, taken)


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
    mentions.extend(_list_mentions(doc, taken))
    memory = {m.key: m for m in mentions}
    mentions.extend(_bare_mentions(doc, taken, memory))
    mentions.sort(key=lambda m: m.start)
    _narrow_by_chain(doc.text, mentions)
    votes = _province_votes(mentions)
    for m in mentions:
        yield Candidate("location", m.start, m.end, m.rule, _resolve(m, votes))
