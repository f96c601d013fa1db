"""Word lists of the ``person`` kind (``patterns/persons.yaml``), compiled once per process."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .._patterns import PatternModel, load
from ._gazetteer import gazetteer
from ._legal_data import legal_patterns
from ._phrases import literal_alternation, trie_pattern


class PersonPatterns(PatternModel):
    """Schema of ``patterns/persons.yaml``."""

    honorifics: list[str]
    honorifics_single_name: list[str]
    title_prefixes: list[str]
    title_heads: list[str]
    role_heads: list[str]
    title_modifiers: list[str]
    org_link_words: list[str]
    org_names: list[str]
    surnames: list[str]
    ethnic_prefixes: list[str]
    not_names: list[str]
    not_name_words: list[str]
    not_name_openers: list[str]
    institution_words: list[str]
    bare_name_blockers: list[str]
    byline_markers: list[str]


@dataclass(frozen=True, slots=True)
class PersonTables:
    """The compiled lists: sets of lower-case words and the anchored regexes built from them.

    ``honorific_scan`` and ``head_scan`` leave out the word-start test: read them through
    :func:`word_starts`.
    """

    honorific_scan: re.Pattern[str]
    head_scan: re.Pattern[str]
    # where an honorific or a title head may start a word: after a blank, and after any
    # other character outside the common letters (see :func:`word_start_candidates`)
    after_space: re.Pattern[str]
    after_other: re.Pattern[str]
    either_scan: re.Pattern[str]
    # the first two letters of every honorific (None if one is shorter): where the merged
    # scans found another word, the honorific pattern is not tried
    honorific_pairs: frozenset[str] | None
    prefix_before: regex.Pattern[str]
    prefix_last: frozenset[str]  # the last letters of the prefixes, before prefix_before
    single_name: frozenset[str]
    roles: frozenset[str]
    title_re: regex.Pattern[str]
    stop_re: regex.Pattern[str]
    modifier_re: regex.Pattern[str]
    link_re: regex.Pattern[str]
    org_re: regex.Pattern[str]
    surnames: frozenset[str]
    ethnic: frozenset[str]
    ethnic_apostrophe: tuple[str, ...]
    not_names: frozenset[str]
    not_name_words: frozenset[str]
    not_name_openers: frozenset[str]
    institution_words: frozenset[str]
    bare_name_blockers: regex.Pattern[str]
    byline_re: regex.Pattern[str]
    surname_re: regex.Pattern[str]
    # where a surname is written before a blank, its left edge not tested: ``surname_re``
    # can match only there
    surname_start: re.Pattern[str]


# One name syllable: Capitalised letters, an optional apostrophe ("H'Hen", "K'ré", "Byă").
NAME_TOKEN = r"\p{Lu}(?:'\p{L})?\p{Ll}*"


_NAMED_LEVELS = frozenset({"province", "city", "district", "town"})


def _place_names() -> set[str]:
    """Every province, city, district and town the gazetteer knows: never a person alone.

    Communes are left out: thousands of them share their name with people.
    """
    return {
        unit.name
        for units in gazetteer().units.values()
        for unit in units
        if unit.level in _NAMED_LEVELS
    }


def word_starts(
    pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None, also: str = ""
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text[lo:hi]`` not preceded by a letter, digit, "_"
    or a character of ``also``: what ``finditer`` of ``(?<![\\w{also}])pattern`` yields.

    A leading lookbehind stops ``re`` from jumping to the places where the pattern's first
    letters occur; testing the character before each hit here is faster (and, restarting one
    past a rejected hit, finds the same matches).

    >>> [m.start() for m in word_starts(re.compile("anh"), "anh thanh /anh anh", also="/")]
    [0, 15]
    """
    end = len(text) if hi is None else hi
    pos = lo
    while (m := pattern.search(text, pos, end)) is not None:
        at = m.start()
        before = text[at - 1] if at else " "
        if before.isalnum() or before == "_" or before in also:
            pos = at + 1
            continue
        yield m
        pos = max(m.end(), at + 1)


# Latin and Vietnamese letters and ASCII digits: every one is a letter or a digit
# (``str.isalnum``), so a character outside them may stand before a word's start
_COMMON_LETTERS = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"


def word_start_candidates(t: PersonTables, low: str) -> list[int]:
    """Positions in ``low`` where an honorific or a title head may begin a word, ascending:
    every start that :func:`word_starts` can yield for either scan, and a few more.

    Two scans replace one ``re`` search per hit inside a word ("ông" in "không"): one
    after each space (a one-character literal ``re`` finds fastest) and one after any
    other character that is not a common letter. Both try one trie of all the words.

    >>> word_start_candidates(tables(), "ông không (bà ở) thanh, chủ tịch")
    [0, 11, 24]
    """
    found = [m.start() + 1 for m in t.after_space.finditer(low)]
    other = [m.start() + 1 for m in t.after_other.finditer(low)]
    if other:
        found = sorted(found + other)
    if t.either_scan.match(low) is not None:
        found.insert(0, 0)
    return found


def word_start_matches(
    pattern: re.Pattern[str], text: str, starts: list[int], also: str = ""
) -> Iterator[re.Match[str]]:
    """What :func:`word_starts` yields for the whole ``text``, trying ``pattern`` only at
    ``starts`` (ascending, holding every position where such a match may begin).

    >>> t = tables()
    >>> s = "ông không /anh anh ấy"
    >>> starts = word_start_candidates(t, s)
    >>> [m.start() for m in word_start_matches(t.honorific_scan, s, starts, also="/")]
    [0, 15]
    """
    pos = 0
    for at in starts:
        if at < pos:
            continue
        before = text[at - 1] if at else " "
        if before.isalnum() or before == "_" or before in also:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            pos = max(m.end(), at + 1)


@functools.cache
def tables() -> PersonTables:
    """The compiled tables (read once)."""
    p = load("persons.yaml", PersonPatterns)
    all_heads = [*p.title_heads, *p.role_heads]
    heads = literal_alternation(all_heads)
    prefixes = literal_alternation(p.title_prefixes)
    doc_types = literal_alternation(legal_patterns().doc_types)
    blockers = literal_alternation([*p.bare_name_blockers, *p.institution_words])
    orgs = list(p.org_names) + list(legal_patterns().issuers.values())
    ethnic = [e for e in p.ethnic_prefixes if not e.endswith("'")]
    # scans of the lower-case view (stdlib `re` over a trie: the fastest anchor search)
    lower_honorifics = sorted({h.lower() for h in p.honorifics})
    honorific_words = rf"(?:{trie_pattern(lower_honorifics)})(?=[ \t])"
    head_words = rf"(?:{trie_pattern([h.lower() for h in all_heads])})\b"
    # the words of both scans in one trie, ended as either scan ends them: one walk per
    # position instead of two
    both = trie_pattern(sorted({*lower_honorifics, *(h.lower() for h in all_heads)}))
    either = rf"(?:{both})(?:(?=[ \t])|\b)"
    return PersonTables(
        # both open on a letter, so "no word character before" is the leading \b / lookbehind
        honorific_scan=re.compile(rf"(?P<h>{honorific_words})"),
        head_scan=re.compile(head_words),
        after_space=re.compile(f" (?={either})"),
        after_other=re.compile(f"[^ {_COMMON_LETTERS}](?={either})"),
        either_scan=re.compile(f"(?={either})"),
        honorific_pairs=(
            frozenset(w[:2] for w in lower_honorifics)
            if all(len(w) >= 2 for w in lower_honorifics)
            else None
        ),
        prefix_last=frozenset(w[-1] for w in p.title_prefixes),
        prefix_before=regex.compile(rf"(?:(?<![\p{{L}}\d])(?:{prefixes})[ \t]+){{1,2}}\Z"),
        single_name=frozenset(w.lower() for w in p.honorifics_single_name),
        roles=frozenset(w.lower() for w in p.role_heads),
        title_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?:{prefixes})\s+){{0,2}}(?:{heads})(?![\p{{L}}\d])",
            regex.IGNORECASE,
        ),
        # words that open a new phrase, so a chain read across "và" stops before them
        stop_re=regex.compile(
            rf"(?:(?:{prefixes})[ \t]+)?(?:{heads}|{doc_types}"
            rf"|{literal_alternation(p.honorifics)})(?![\p{{L}}\d])",
            regex.IGNORECASE,
        ),
        modifier_re=regex.compile(
            rf"\s+(?:{literal_alternation(p.title_modifiers)})(?![\p{{L}}\d])", regex.IGNORECASE
        ),
        link_re=regex.compile(
            rf"(?:{literal_alternation(p.org_link_words)})(?![\p{{L}}\d])", regex.IGNORECASE
        ),
        org_re=regex.compile(rf"(?:{literal_alternation(orgs)})(?![\p{{L}}\d])", regex.IGNORECASE),
        surnames=frozenset(p.surnames),
        ethnic=frozenset(ethnic),
        ethnic_apostrophe=tuple(e for e in p.ethnic_prefixes if e.endswith("'")),
        not_names=frozenset(n.casefold() for n in [*p.not_names, *_place_names()]),
        not_name_words=frozenset(p.not_name_words),
        not_name_openers=frozenset(p.not_name_openers),
        institution_words=frozenset(w.lower() for w in p.institution_words),
        # searched in the lower-case text just before a bare name
        bare_name_blockers=regex.compile(
            rf"(?<![\p{{L}}\d])(?:{blockers})"
            r"[ \t]+\Z"
        ),
        byline_re=regex.compile(
            rf"(?P<mark>{literal_alternation(p.byline_markers)})(?=[\s:])\s*:?\s*"
        ),
        surname_re=regex.compile(
            rf"(?<![\p{{L}}\d'])(?:{trie_pattern(p.surnames)})(?:[ \t]+{NAME_TOKEN}){{2,3}}"
            r"(?![\p{L}\d'])"
        ),
        # (no blank, digit or ASCII lower-case letter can open the name word after it)
        surname_start=re.compile(rf"(?:{trie_pattern(p.surnames)})(?=[ \t]+[^\s\da-z])"),
    )
