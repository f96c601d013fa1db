"""`system` records: e-government systems under one canonical name ("Idesk" → iDesk).

The catalogue is data (``patterns/systems.yaml``); this module compiles it once into ONE
regex run on the lower-cased view. A match is one of:

- ``system.brand``: a brand, with an optional head word ("phần mềm Idesk", "Zalo");
- ``system.generic``: a generic phrase ("hệ thống quản lý văn bản và điều hành",
  "Cổng Dịch vụ công của tỉnh"), optionally joined to a second one by "tích hợp";
- ``system.generic_brand``: a generic phrase that a brand closes, bare or in parentheses,
  possibly after a short description ("Hệ thống thư điện tử công vụ của tỉnh (iMail)"):
  one record of the brand over the whole phrase;
- ``system.long_form``: a brand spelled out ("Trung tâm giám sát, điều hành đô thị thông
  minh" is IOC);
- ``system.signature``: "chữ ký" alone where a digital signature is issued or used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .._candidate import Candidate, Doc
from .._patterns import PatternError, PatternModel, load
from ._phrases import alternation as _alt
from ._phrases import phrase_key as _key


class SystemEntry(PatternModel):
    """One catalogue entry: a canonical name and the surfaces that give it."""

    name: str
    brand: bool = False
    aliases: tuple[str, ...] = ()
    after_head: tuple[str, ...] = ()
    long_forms: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()


class SignatureRule(PatternModel):
    """When the bare word ("chữ ký") is a digital signature."""

    name: str
    word: str
    before: list[str]
    not_after: list[str]


class SystemPatterns(PatternModel):
    """Schema of ``patterns/systems.yaml``."""

    heads: list[str]
    soft_heads: list[str]
    joiners: list[str]
    modifiers: list[str]
    places: list[str]
    description_stops: list[str]
    not_systems: list[str]
    signature: SignatureRule
    systems: list[SystemEntry]


_END = r"(?![\p{L}\d])"
# common letters and digits (all word characters): a prefix never begins right after one
_LETTERS = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1ea0-\u1ef9"


@dataclass(frozen=True)
class _Catalogue:
    pattern: regex.Pattern[str]
    # the first two words a match can start with, after a space / another non-word
    # character (the scanned text gets a leading space); group 1: a match may begin there
    after_space: re.Pattern[str]
    after_other: re.Pattern[str]
    names: dict[str, str]  # key of a surface → canonical name
    brands: frozenset[str]  # canonical names that are brands
    acronyms: frozenset[str]  # keys that must be written in capitals
    signature: str


def _forms(p: SystemPatterns) -> tuple[list[str], list[str], list[str]]:
    """The catalogue's surfaces by how they may stand: brands (alone or after a head),
    free phrases (alone or after a soft head), and every phrase a head may introduce."""
    brand_forms = [a for s in p.systems if s.brand for a in s.aliases + s.acronyms]
    free = [a for s in p.systems for a in s.long_forms]
    free += [a for s in p.systems if not s.brand for a in s.aliases + s.acronyms]
    headed = free + [a for s in p.systems for a in s.after_head]
    return brand_forms, free, headed


def _build_pattern(p: SystemPatterns) -> str:
    brand_forms, free, headed = _forms(p)
    paren = brand_forms + [a for s in p.systems for a in s.acronyms]
    heads, soft, brands = _alt(p.heads), _alt(p.soft_heads), _alt(brand_forms)
    generic = _alt(headed)
    sig = p.signature
    word = _alt([sig.word])
    tail = (
        rf"(?:\s+{_alt(p.joiners)}\s+(?:(?:{heads}|{soft})\s+)?{generic}{_END})?"
        rf"(?:\s+{_alt(p.modifiers)}{_END}){{0,2}}"
        r"(?:"
        # a short description closed by "(brand)"; lazy and bounded, so linear
        rf"(?:\s+(?!{_alt(p.description_stops)}{_END})[\p{{L}}\d'-]+){{0,8}}?"
        rf"\s*\(\s*(?P<paren>{_alt(paren)})\s*\)"
        rf"|\s+(?P<follow>{brands}){_END}"
        rf"|(?P<place>\s+(?:của\s+)?{_alt(p.places)}){_END}"
        r")?"
    )
    return (
        rf"(?<![\p{{L}}\d])(?!{_alt(p.not_systems)}{_END})(?:"
        # "Hệ thống iGate (một cửa điện tử)": the parenthesis explains the brand
        rf"(?:(?:{heads}|{soft})\s+)?(?P<brand>{brands}){_END}(?:\s*\(\s*{generic}\s*\))?"
        rf"|(?:{heads}\s+(?P<gen>{generic})|(?:{soft}\s+)?(?P<gfree>{_alt(free)})){_END}{tail}"
        # the cheap word first, then the look behind it (only where the word is)
        rf"|(?P<sig>{word})"
        rf"(?<=(?<![\p{{L}}\d]){_alt(sig.before)}\s{{1,3}}(?:\d[\d.,]{{0,12}}\s{{1,3}})?{word})"
        rf"(?!\s+{_alt(sig.not_after)}{_END}){_END}"
        r")"
    )


def _starter(p: SystemPatterns) -> str:
    """What every match begins with, as ``re``: a whole brand or free phrase, the
    signature word, or a head and the first word of a phrase it may introduce.

    A necessary condition only (no word ends, no exclusions): where it fails, the costly
    catalogue regex would fail too, and is not tried.
    """
    brand_forms, free, headed = _forms(p)

    def phrase(surface: str) -> str:
        return r"\s+".join(re.escape(t) for t in _key(surface).split())

    def firsts(surfaces: list[str]) -> str:
        return "|".join(sorted({re.escape(_key(x).split()[0]) for x in surfaces if _key(x)}))

    alts = [phrase(x) for x in brand_forms + free + [p.signature.word]]
    for heads, after in ((p.heads, brand_forms + headed), (p.soft_heads, brand_forms + free)):
        if heads and after:
            alts.append(rf"(?:{'|'.join(phrase(h) for h in heads)})\s+(?:{firsts(after)})")
    return "|".join(alts)


def _anchor(p: SystemPatterns) -> tuple[re.Pattern[str], re.Pattern[str]]:
    r"""Where a match can start (its first two words), as two plain ``re`` scans.

    Trying the catalogue regex at every word costs ~1 ms per 4 KB; ``re`` finds these
    starts, and the catalogue regex is tried only there. After-head entries cannot start
    a match, so they are left out ("quản lý" alone is not a start, "hệ thống" is).

    Each scan matches the character before the prefix too (the text gets a leading
    space): one a space, which ``re`` finds quickest, the other any other non-word
    character (rare; ``re`` skips the common letters). Together they find the prefixes
    ``(?<!\w)(?:prefixes)`` finds, one character earlier (:func:`_anchor_matches` keeps
    them apart). Group 1 is set where :func:`_starter` holds.

    >>> spaced, other = _anchor(load("systems.yaml", SystemPatterns))
    >>> t = " hệ thống igate, ứng dụng x (zalo"
    >>> [(m.start(), m.group(1) is not None) for m in spaced.finditer(t)]
    [(0, True), (9, True), (16, False)]
    >>> [m.start() for m in other.finditer(t)]
    [28]
    """
    starts = [a for s in p.systems for a in s.aliases + s.long_forms + s.acronyms]
    starts += p.heads + p.soft_heads + [p.signature.word]
    prefixes = set()
    for entry in starts:
        words = _key(entry).split()
        if not words or not words[0][0].isalnum():
            raise PatternError(f"systems.yaml: {entry!r} must start with a letter or digit")
        if not words[:2][-1][-1].isalnum():
            # a match's character before could then lie inside the previous match
            raise PatternError(f"systems.yaml: {entry!r}: {words[:2][-1]!r} must end a word")
        prefixes.add(r"\s+".join(re.escape(w) for w in words[:2]))
    # grouped by first letter: a position whose letter starts no prefix fails at once
    by_first: dict[str, list[str]] = {}
    for prefix in sorted(prefixes, key=len, reverse=True):
        by_first.setdefault(prefix[0], []).append(prefix[1:])
    alt = "|".join(rf"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    # the prefixes again inside the look-ahead: the starter is tried only where one begins
    rest = rf"(?=(?:{alt}))(?:(?=({_starter(p)}))|)(?:{alt})"
    return re.compile(" " + rest), re.compile(rf"[^ {_LETTERS}](?<!\w){rest}")


def _anchor_matches(cat: _Catalogue, padded: str) -> Iterator[re.Match[str]]:
    """The leftmost non-overlapping matches of both anchor scans together in ``padded``.

    Most come from the space scan; before each match of the other scan it stops, and it
    starts again after a match it overlaps (it may have skipped a match inside that one).

    >>> cat = _catalogue()
    >>> [m.start() for m in _anchor_matches(cat, " igate, (hệ thống igate hệ thống")]
    [0, 8, 17, 23]
    """
    spaces = cat.after_space.finditer(padded)
    others = cat.after_other.finditer(padded)
    other = next(others, None)
    end = 0
    while True:
        barrier = len(padded) if other is None else other.start()
        hit = None
        for hit in spaces:
            if hit.start() >= barrier or hit.start() < end:
                break
            yield hit
            end = hit.end()
        else:
            hit = None
        if hit is not None and hit.start() < end:
            spaces = cat.after_space.finditer(padded, end)
            continue
        if other is None:
            return
        if other.start() >= end:
            yield other
            end = other.end()
            other = next(others, None)
        else:
            others = cat.after_other.finditer(padded, end)
            other = next(others, None)
        if hit is not None:  # not given yet: look again from it
            spaces = cat.after_space.finditer(padded, hit.start())


@functools.cache
def _catalogue() -> _Catalogue:
    p = load("systems.yaml", SystemPatterns)
    names: dict[str, str] = {}
    for s in p.systems:
        for form in s.aliases + s.after_head + s.long_forms + s.acronyms:
            names.setdefault(_key(form), s.name)
    pattern = regex.compile(_build_pattern(p))
    if tuple(sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)) != _GROUPS:
        raise PatternError(f"system: the catalogue pattern's groups are not {_GROUPS}")
    after_space, after_other = _anchor(p)
    return _Catalogue(
        pattern=pattern,
        after_space=after_space,
        after_other=after_other,
        names=names,
        brands=frozenset(s.name for s in p.systems if s.brand),
        acronyms=frozenset(_key(a) for s in p.systems for a in s.acronyms),
        signature=p.signature.name,
    )


# the catalogue pattern's groups, in its order: a match is read by ``m.groups()`` (one
# call; by name each costs ~20 times more)
_GROUPS = ("brand", "gen", "gfree", "paren", "follow", "place", "sig")
_Groups = tuple[str | None, ...]


@functools.lru_cache(maxsize=1 << 12)
def _surface_key(surface: str) -> str:
    """:func:`phrase_key` of a matched surface (cached: the catalogue's few surfaces recur)."""
    return _key(surface)


def _written_as_acronyms(cat: _Catalogue, text: str, m: regex.Match[str], got: _Groups) -> bool:
    """False when a group holding an acronym entry is written with lower-case letters
    ("ioc")."""
    for index in (0, 1, 2, 3):  # brand, gen, gfree, paren
        surface = got[index]
        if surface is not None and _surface_key(surface) in cat.acronyms:
            start, end = m.span(index + 1)
            if any(c.islower() for c in text[start:end]):
                return False
    return True


def _name_and_rule(cat: _Catalogue, got: _Groups) -> tuple[str, str]:
    brand, gen, gfree, paren, follow, _, sig = got
    if sig is not None:
        return cat.signature, "system.signature"
    if brand is not None:
        return cat.names[_surface_key(brand)], "system.brand"
    generic = cat.names[_surface_key(gen or gfree or "")]
    closer = paren or follow
    if closer is not None and cat.names[_surface_key(closer)] in cat.brands:
        return cat.names[_surface_key(closer)], "system.generic_brand"
    return generic, "system.long_form" if generic in cat.brands else "system.generic"


def _end(text: str, m: regex.Match[str], got: _Groups) -> int:
    """Where the record ends: a place unit followed by a proper name is left out."""
    if got[6] is None and got[0] is None and got[5] is not None:
        after = text[m.end() : m.end() + 3].lstrip()
        if after[:1].isupper():
            return m.start("place")
    return m.end()


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``system`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Hệ thống quản lý văn bản và điều hành (iDesk) và phần mềm Idesk."))
    >>> [(d.text[c.start:c.end], c.values["name"], c.rule) for c in find(d)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Hệ thống quản lý văn bản và điều hành (iDesk)', 'iDesk', 'system.generic_brand'),
     ('phần mềm Idesk', 'iDesk', 'system.brand')]
    """
    cat = _catalogue()
    text = doc.text
    low = doc.lower()
    free_from = 0
    # one leading space: a prefix at 0 has its character before, and the anchor's match
    # starts, in ``padded``, where the prefix does in ``low``
    for anchor in _anchor_matches(cat, " " + low):
        if anchor.start() < free_from or anchor.group(1) is None:
            continue
        m = cat.pattern.match(low, anchor.start())
        if m is None:
            continue
        got: _Groups = m.groups()
        if not _written_as_acronyms(cat, text, m, got):
            continue
        free_from = m.end()
        name, rule = _name_and_rule(cat, got)
        values = {"name": name, "generic": name not in cat.brands}
        yield Candidate("system", m.start(), _end(text, m, got), rule, values)
