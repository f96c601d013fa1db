"""Word lists of the ``person`` kind (``patterns/persons.yaml``), compiled once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .._patterns import PatternModel, load
from ._legal_data import legal_patterns


class PersonPatterns(PatternModel):
    """Schema of ``patterns/persons.yaml``."""

    honorifics: list[str]
    honorifics_single_name: list[str]
    title_prefixes: list[str]
    title_heads: list[str]
    title_modifiers: list[str]
    org_link_words: list[str]
    org_names: list[str]
    surnames: list[str]
    ethnic_prefixes: list[str]
    not_names: list[str]
    not_name_words: list[str]
    byline_markers: list[str]


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped.

    >>> alternation(["ông", "ông bà", "a.b"])
    'ông\\\\ bà|a\\\\.b|ông'
    """
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class PersonTables:
    """The compiled lists: sets of lower-case words and the anchored regexes built from them."""

    honorific_re: regex.Pattern[str]
    single_name: frozenset[str]
    title_re: regex.Pattern[str]
    modifier_re: regex.Pattern[str]
    link_re: regex.Pattern[str]
    org_re: regex.Pattern[str]
    surnames: frozenset[str]
    ethnic: frozenset[str]
    ethnic_apostrophe: tuple[str, ...]
    not_names: frozenset[str]
    not_name_words: frozenset[str]
    byline_re: regex.Pattern[str]
    surname_re: regex.Pattern[str]


# One name syllable: Capitalised letters, an optional apostrophe ("H'Hen", "K'ré", "Byă").
NAME_TOKEN = r"\p{Lu}(?:'\p{L})?\p{Ll}*"


@functools.cache
def tables() -> PersonTables:
    """The compiled tables (read once)."""
    p = load("persons.yaml", PersonPatterns)
    heads = alternation(p.title_heads)
    prefixes = alternation(p.title_prefixes)
    orgs = list(p.org_names) + list(legal_patterns().issuers.values())
    ethnic = [e for e in p.ethnic_prefixes if not e.endswith("'")]
    return PersonTables(
        honorific_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<h>{alternation(p.honorifics)})(?=\s)", regex.IGNORECASE
        ),
        single_name=frozenset(w.lower() for w in p.honorifics_single_name),
        title_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?:{prefixes})\s+){{0,2}}(?:{heads})(?![\p{{L}}\d])",
            regex.IGNORECASE,
        ),
        modifier_re=regex.compile(
            rf"\s+(?:{alternation(p.title_modifiers)})(?![\p{{L}}\d])", regex.IGNORECASE
        ),
        link_re=regex.compile(
            rf"(?:{alternation(p.org_link_words)})(?![\p{{L}}\d])", regex.IGNORECASE
        ),
        org_re=regex.compile(rf"(?:{alternation(orgs)})(?![\p{{L}}\d])", regex.IGNORECASE),
        surnames=frozenset(p.surnames),
        ethnic=frozenset(ethnic),
        ethnic_apostrophe=tuple(e for e in p.ethnic_prefixes if e.endswith("'")),
        not_names=frozenset(n.casefold() for n in p.not_names),
        not_name_words=frozenset(p.not_name_words),
        byline_re=regex.compile(
            rf"(?P<mark>{alternation(p.byline_markers)})(?=[\s:])\s*:?\s*"
        ),
        surname_re=regex.compile(
            rf"(?<![\p{{L}}\d'])(?:{alternation(p.surnames)})(?:\s+{NAME_TOKEN}){{2,3}}"
            r"(?![\p{L}\d'])"
        ),
    )
