"""The words of the organisation grammar: ``patterns/organizations.yaml``, validated and compiled.

Everything here is built once per process (:func:`lexicon`) and shared by every document.
Word sequences are kept as tuples of lower-case tokens so the grammar compares token runs
instead of re-running regexes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, TypeVar

import regex

from .._patterns import PatternError, PatternModel, load
from ._person_data import PersonPatterns
from ._phrases import literal_alternation, trie_pattern

Group = Literal["placed", "named", "standalone", "brand"]
PlaceRule = Literal["any", "level", "none"]

_DEFAULT_PLACE: dict[str, PlaceRule] = {
    "placed": "any",
    "brand": "any",
    "named": "level",
    "standalone": "level",
}


class HeadEntry(PatternModel):
    """One head word of ``heads`` in the YAML."""

    form: str
    expands: str | None = None
    any_case: bool = False
    governs: bool = False
    body_only: bool = False
    place: PlaceRule | None = None


class HeadGroups(PatternModel):
    placed: list[HeadEntry]
    named: list[HeadEntry]
    standalone: list[HeadEntry]
    brand: list[HeadEntry]


class LevelEntry(PatternModel):
    form: str
    expands: str | None = None
    bare: bool = False


class OrgPatterns(PatternModel):
    """Schema of ``patterns/organizations.yaml``."""

    heads: HeadGroups
    plural_before: list[str]
    not_count_before: list[str]
    not_after_head: dict[str, list[str]]
    name_starts: dict[str, list[str]]
    titles: list[str]
    heads_in_titles: dict[str, list[str]]
    person_like_places: list[str]
    not_level_before: list[str]
    levels: list[LevelEntry]
    suffixes: list[str]
    compounds: list[str]
    tails: list[str]
    governors: list[str]
    topics: list[str]
    programmes: list[str]
    programme_leads: list[str]
    lowercase_heads: dict[str, list[str]]
    stop_words: list[str]
    remit_heads: list[str]
    remit_names: list[str]
    remit_nouns: list[str]
    remit_verbs: list[str]
    predicates: list[str]
    headline_words: list[str]
    acronyms: dict[str, str]


@dataclass(frozen=True, slots=True)
class Head:
    """A compiled head: its group and what may follow it."""

    form: str
    group: Group
    place: PlaceRule
    expands: str | None
    governs: bool
    body_only: bool
    not_after: tuple[tuple[str, ...], ...]
    name_starts: tuple[tuple[str, ...], ...]  # empty: any name
    lowercase_names: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Level:
    tokens: tuple[str, ...]
    expands: str | None
    bare: bool
    numbered: bool  # "quận 1", "phường 3": a number may be the name


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the grammar needs, compiled."""

    head_re: re.Pattern[str]
    # the same heads split by their first letter: capitalised ones are scanned for (capitals
    # are rare, so the scan skips fast), the few others are found by a literal search
    upper_head_re: re.Pattern[str]
    lower_head_re: re.Pattern[str]
    lower_heads: tuple[str, ...]
    heads: dict[str, Head]  # by form as written in the text (any-case forms in each case)
    # the first characters of those forms: head_re is a literal trie, no head starts elsewhere
    head_initials: frozenset[str]
    # phrases are indexed by their first token, longest first, so a token is only compared
    # with the few phrases that can start with it
    levels: dict[str, tuple[Level, ...]]
    abbreviations: frozenset[str]  # the first tokens of abbreviated levels ("tp", "tx")
    not_level_before: frozenset[str]
    suffixes: frozenset[str]
    compounds: dict[str, tuple[tuple[str, ...], ...]]
    tails: dict[str, tuple[tuple[str, ...], ...]]
    topics: dict[str, tuple[tuple[str, ...], ...]]
    programmes: dict[str, tuple[tuple[str, ...], ...]]  # by first token, lower case
    programme_leads: tuple[tuple[str, ...], ...]
    governors: frozenset[str]
    stop_words: frozenset[str]
    remit_heads: frozenset[str]  # head forms
    remit_names: tuple[str, ...]  # name words, lower case
    remit_nouns: dict[str, tuple[tuple[str, ...], ...]]  # by first token
    remit_verbs: dict[str, tuple[tuple[str, ...], ...]]  # by first token
    predicates: dict[str, tuple[tuple[str, ...], ...]]  # by first token
    headline_words: dict[str, tuple[tuple[str, ...], ...]]  # by first token
    # the heads by their all-caps spelling, for banners ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    caps_heads: dict[str, Head]
    caps_head_re: re.Pattern[str]
    plural_re: regex.Pattern[str]
    # the last two letters of the plural words, in plural_re's case-insensitive sense: a
    # cheap test before plural_re's search of the words before each head
    plural_tail: regex.Pattern[str]
    plural_last: regex.Pattern[str]  # their last letter alone
    count_re: regex.Pattern[str]
    title_re: regex.Pattern[str]
    # a lower-case head closing a title ("Trưởng phòng Tư pháp"): its group "head" is the head
    title_head_re: regex.Pattern[str]
    # the first words of those titles, lower-cased: title_head_re is tried only where the
    # lower-cased text spells one (``str.find`` skips through a text faster than a scan)
    title_words: tuple[str, ...]
    titles: dict[str, tuple[tuple[str, ...], ...]]
    surnames: frozenset[str]
    person_like_places: frozenset[str]
    acronym_re: regex.Pattern[str]
    # any acronym anywhere, no edges tested: a name without one needs no spelling out
    acronym_hint: re.Pattern[str]
    acronyms: dict[str, str]


# One token of a name: a joined acronym ("TT&TT", "VH-TT", "LĐ-TB&XH"), a syllable
# ("H'leo"), a figure ("1", "06", "30.000": a comma or dot with no digit after it ends the
# clause, "UBND Quận 1, ..."), or one punctuation mark.
TOKEN_RE = regex.compile(
    r"(?P<acr>\p{Lu}[\p{Lu}\d]*(?:[&\-]\p{Lu}[\p{Lu}\d]*)+)(?![\p{L}\d])"
    r"|(?P<word>\p{L}[\p{L}\p{M}]*(?:'\p{L}[\p{L}\p{M}]*)*)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<punct>[^\s\p{L}\d])"
)


def tokens_of(phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-case tokens the grammar compares.

    >>> tokens_of("Phòng, chống dịch Covid-19")
    ('phòng', ',', 'chống', 'dịch', 'covid', '-', '19')
    >>> tokens_of("TP.")
    ('tp', '.')
    """
    text = unicodedata.normalize("NFC", phrase)
    return tuple(m.group().lower() for m in TOKEN_RE.finditer(text))


def _with_acronyms(phrases: list[str], acronyms: dict[str, str]) -> list[str]:
    """Each phrase, plus its variants with an expansion written as its acronym.

    >>> _with_acronyms(["xây dựng chính quyền điện tử"], {"CQĐT": "chính quyền điện tử"})
    ['xây dựng chính quyền điện tử', 'xây dựng CQĐT']
    """
    out = list(phrases)
    for phrase in phrases:
        for short, long in acronyms.items():
            if long.lower() in phrase.lower() and short.isalpha():
                at = phrase.lower().index(long.lower())
                out.append(phrase[:at] + short + phrase[at + len(long) :])
    return out


def _case_variants(form: str) -> list[str]:
    """The spellings an any-case head is matched in."""
    return [form, form.lower(), form.upper(), form[:1].upper() + form[1:], form.title()]


def _compile_heads(p: OrgPatterns) -> tuple[re.Pattern[str], dict[str, Head]]:
    heads: dict[str, Head] = {}
    groups: dict[str, list[HeadEntry]] = {
        "placed": p.heads.placed,
        "named": p.heads.named,
        "standalone": p.heads.standalone,
        "brand": p.heads.brand,
    }
    for group, entries in groups.items():
        for e in entries:
            lower_heads = p.lowercase_heads.get(e.form, [])
            head = Head(
                form=e.form,
                group=group,  # type: ignore[arg-type]
                place=e.place or _DEFAULT_PLACE[group],
                expands=e.expands,
                governs=e.governs,
                body_only=e.body_only,
                not_after=tuple(tokens_of(w) for w in p.not_after_head.get(e.form, [])),
                name_starts=tuple(tokens_of(w) for w in p.name_starts.get(e.form, [])),
                lowercase_names=tuple(tokens_of(w) for w in lower_heads),
            )
            heads[e.form] = head
            for variant in _case_variants(e.form) if e.any_case else []:
                heads.setdefault(variant, head)
    # stdlib re with a prefix trie and no leading assertion: it skips to the heads' first
    # letters ten times faster than an alternation; the left edge is checked in Python
    head_re = re.compile(_head_pattern(list(heads)))
    return head_re, heads


def _head_pattern(forms: list[str]) -> str:
    """The pattern of a head among ``forms``, its right edge checked (none: never matches)."""
    if not forms:
        return "(?!)"
    return "(?:" + trie_pattern(forms) + r")(?![\w&'])(?!-\w)"


def _caps_heads(heads: dict[str, Head]) -> tuple[dict[str, Head], re.Pattern[str]]:
    """The heads in all caps ("ỦY BAN NHÂN DÂN", "SỞ"), each with its head; a lower-case
    head ("văn phòng") has its capitalised twin's caps spelling.

    >>> caps, rx = _caps_heads(_compile_heads(load("organizations.yaml", OrgPatterns))[1])
    >>> caps["BỘ"].form, caps["UBND"].form, bool(rx.match("SỞ Y TẾ")), bool(rx.match("SỞI"))
    ('Bộ', 'UBND', True, False)
    """
    caps: dict[str, Head] = {}
    for form, head in heads.items():
        if form[:1].isupper():
            caps.setdefault(form.upper(), head)
    return caps, re.compile("(?:" + trie_pattern(list(caps)) + r")(?![\w&'])(?!-\w)")


_NOT_BEFORE_HEAD = frozenset("-/&.'")


def head_at(lex: Lexicon, text: str, pos: int) -> tuple[Head, int] | None:
    """The head starting at ``pos`` and its end, if a head starts a word there."""
    if text[pos : pos + 1] not in lex.head_initials:
        return None  # most words the grammar asks about: no head starts with their letter
    if pos and (text[pos - 1].isalnum() or text[pos - 1] in _NOT_BEFORE_HEAD):
        return None
    m = lex.head_re.match(text, pos)
    return (lex.heads[m.group()], m.end()) if m else None


def heads_in(lex: Lexicon, text: str) -> list[tuple[Head, int, int]]:
    """Every head in ``text``: (head, start, end), in order (a list: one generator layer
    less per head for the finder that walks them all)."""
    heads = lex.heads
    found = []
    for m in head_matches(lex, text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE_HEAD):
            continue
        found.append((heads[m.group()], start, m.end()))
    return found


def head_matches(lex: Lexicon, text: str) -> Iterator[re.Match[str]]:
    """``lex.head_re.finditer(text)``, from two cheaper scans.

    A capitalised head and a lower-case one never start at the same character, and each
    pattern matches there as ``head_re`` does: taking the earlier of the two next matches
    after each match walks the same chain of matches, mid-word ones included.

    >>> s = "Văn phòng UBND và văn phòng, xvăn phòng Sở"
    >>> [m.span() for m in head_matches(lexicon(), s)] == [
    ...     m.span() for m in lexicon().head_re.finditer(s)]
    True
    """
    lower = sorted({at for form in lex.lower_heads for at in _occurrences(text, form)})
    k = 0
    pos = 0
    up = lex.upper_head_re.search(text)
    while True:
        if up is not None and up.start() < pos:
            up = lex.upper_head_re.search(text, pos)
        low = None
        while k < len(lower) and (up is None or lower[k] < up.start()):
            if lower[k] >= pos:
                low = lex.lower_head_re.match(text, lower[k])
                if low is not None:
                    break
            k += 1
        m = low or up
        if m is None:
            return
        yield m
        pos = m.end()


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` is written in ``text``, overlapping ones included."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


T = TypeVar("T")


def _by_first(
    items: Iterable[T], tokens: Callable[[T], tuple[str, ...]]
) -> dict[str, tuple[T, ...]]:
    """Items grouped by their first token, longest first, duplicates dropped.

    >>> _by_first([("a", "b"), ("a",), ("c",), ("a", "b")], lambda t: t)
    {'a': (('a', 'b'), ('a',)), 'c': (('c',),)}
    """
    groups: dict[str, list[T]] = {}
    for item in items:
        bucket = groups.setdefault(tokens(item)[0], [])
        if item not in bucket:
            bucket.append(item)
    return {
        k: tuple(sorted(v, key=lambda i: len(tokens(i)), reverse=True)) for k, v in groups.items()
    }


def _levels(p: OrgPatterns) -> list[Level]:
    numbered = {"quận", "phường", "q", "p", "khu"}
    out = [
        Level(
            tokens_of(e.form),
            e.expands,
            e.bare,
            tokens_of(e.form)[0] in numbered,
        )
        for e in p.levels
    ]
    return out


def _title_head_re(pairs: dict[str, list[str]], heads: dict[str, Head]) -> regex.Pattern[str]:
    r"""A title (any case) closed by a lower-case head, before a blank and a capital.

    >>> rx = _title_head_re({"trưởng": ["Phòng"]}, lexicon().heads)
    >>> [m.group("head") for m in rx.finditer("Trưởng phòng Tư pháp, trưởng phòng họp, Phòng")]
    ['phòng']
    """
    alternatives = []
    for title, forms in pairs.items():
        unknown = [f for f in forms if f not in heads]
        if unknown:
            raise PatternError(f"organizations.yaml: heads_in_titles: {unknown} are not heads")
        lower = literal_alternation([f.lower() for f in forms])
        alternatives.append(rf"(?i:{regex.escape(title)})[ \t]+(?P<head>{lower})")
    return regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(alternatives) + r")(?=[ \t]+\p{Lu})")


def _surnames() -> frozenset[str]:
    """The words that open a person's name: the person kind's reviewed surnames and the
    one-word name prefixes of the Central Highlands peoples, read from ``persons.yaml`` so
    the two kinds cut a title-before-name at the same words.

    >>> s = _surnames()
    >>> all(w in s for w in ("Nguyễn", "Sùng", "Giàng", "Ksor", "Y")), "Rơ Châm" in s
    (True, False)
    """
    p = load("persons.yaml", PersonPatterns)
    # a syllable token never holds a space or ends on an apostrophe ("Rơ Châm", "H'")
    prefixes = (e for e in p.ethnic_prefixes if " " not in e and not e.endswith("'"))
    return frozenset([*p.surnames, *prefixes])


def _count_re(not_before: list[str]) -> regex.Pattern[str]:
    """A figure that counts the bodies right after it: "102 Trung tâm", "12 Sở", not a
    year ("2020 UBND tỉnh"), a date part ("21/2 UBND") or a figure after a word that makes
    it a date or a name ("năm 2020", "quận 3").

    >>> r = _count_re(["năm", "quận"])
    >>> [bool(r.search(s)) for s in ("cùng 102 ", "1.200 ", "năm 2020 ", "2021 ", "quận 3 ",
    ...                              "21/2 ", "Quận 3 ")]
    [True, True, False, False, False, False, False]
    """
    words = literal_alternation(not_before)
    return regex.compile(
        r"(?<![\p{L}\d/.,:\-])(?<!(?:^|[^\p{L}])(?:" + words + r")[ \t]{1,3})"
        r"(?!(?:19|20)\d\d[ \t])(?:\d{1,3}(?:\.\d{3})+|\d{1,4})[ \t]+$",
        regex.IGNORECASE,
    )


@functools.cache
def lexicon() -> Lexicon:
    """The compiled lexicon (read once per process)."""
    p = load("organizations.yaml", OrgPatterns)
    head_re, heads = _compile_heads(p)
    lower_heads = [f for f in heads if not f[:1].isupper()]
    caps_heads, caps_head_re = _caps_heads(heads)
    topics = _with_acronyms(p.topics, p.acronyms)
    people = load("persons.yaml", PersonPatterns)
    # the person kind's offices too, and its staff roles ("cán bộ Phòng Nội vụ huyện X")
    title_alt = literal_alternation([*p.titles, *people.title_heads, *people.role_heads])
    # an acronym head spells out like any other acronym ("BCĐ" → "Ban Chỉ đạo")
    acronyms = {h.form: h.expands for h in heads.values() if h.expands} | dict(p.acronyms)
    acronym_alt = literal_alternation(list(acronyms))
    return Lexicon(
        head_re=head_re,
        upper_head_re=re.compile(_head_pattern([f for f in heads if f[:1].isupper()])),
        lower_head_re=re.compile(_head_pattern(lower_heads)),
        lower_heads=tuple(lower_heads),
        heads=heads,
        head_initials=frozenset(form[0] for form in heads),
        levels=_by_first(_levels(p), lambda lv: lv.tokens),
        abbreviations=frozenset(tokens_of(e.form)[0] for e in p.levels if e.expands),
        not_level_before=frozenset(w.lower() for w in p.not_level_before),
        suffixes=frozenset(w.lower() for w in p.suffixes),
        compounds=_by_first([tokens_of(c) for c in p.compounds], lambda t: t),
        tails=_by_first([tokens_of(t) for t in p.tails], lambda t: t),
        topics=_by_first([tokens_of(t) for t in topics], lambda t: t),
        programmes=_by_first([tokens_of(t) for t in p.programmes], lambda t: t),
        programme_leads=tuple(tokens_of(t) for t in p.programme_leads),
        governors=frozenset(" ".join(tokens_of(g)) for g in p.governors),
        stop_words=frozenset(w.lower() for w in p.stop_words),
        remit_heads=frozenset(p.remit_heads),
        remit_names=tuple(" ".join(tokens_of(w)) for w in p.remit_names),
        remit_nouns=_by_first([tokens_of(w) for w in p.remit_nouns], lambda t: t),
        remit_verbs=_by_first([tokens_of(w) for w in p.remit_verbs], lambda t: t),
        headline_words=_by_first([tokens_of(w) for w in p.headline_words], lambda t: t),
        predicates=_by_first([tokens_of(w) for w in p.predicates], lambda t: t),
        caps_heads=caps_heads,
        caps_head_re=caps_head_re,
        plural_re=regex.compile(
            r"(?<![\p{L}\d])(?:" + literal_alternation(p.plural_before) + r")[ \t]+$",
            regex.IGNORECASE,
        ),
        plural_tail=regex.compile(
            "(?:" + "|".join(regex.escape(w[-2:]) for w in sorted(set(p.plural_before))) + r")\Z",
            regex.IGNORECASE,
        ),
        plural_last=regex.compile(
            "|".join(regex.escape(w[-1]) for w in sorted(set(p.plural_before))), regex.IGNORECASE
        ),
        count_re=_count_re(p.not_count_before),
        titles=_by_first([tokens_of(t) for t in p.titles], lambda t: t),
        title_re=regex.compile(
            r"(?<![\p{L}\d])(?:" + title_alt + r")(?:[ \t]+Thường trực)?[ \t]+$",
            regex.IGNORECASE,
        ),
        title_head_re=_title_head_re(p.heads_in_titles, heads),
        title_words=tuple(sorted({t.lower().split()[0] for t in p.heads_in_titles})),
        surnames=_surnames(),
        person_like_places=frozenset(p.person_like_places),
        acronym_re=regex.compile(
            r"(?<![\p{L}\d&])(?:" + acronym_alt + r")(?:(?<=\.)|(?![\p{L}\d&]))"
        ),
        acronym_hint=re.compile("|".join(re.escape(a) for a in acronyms)),
        acronyms=acronyms,
    )
