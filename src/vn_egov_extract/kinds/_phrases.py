"""Word lists from ``patterns/`` turned into regex alternations (shared by system, service_level).

Entries are written in lower case with single spaces; in the compiled pattern each space
matches any run of whitespace, so line breaks and double spaces inside a phrase still match.
"""

from __future__ import annotations

import regex


def phrase_key(surface: str) -> str:
    """The lookup key of a surface: lower case, single spaces.

    >>> phrase_key("Hệ  thống\\nQLVB")
    'hệ thống qlvb'
    """
    return " ".join(surface.lower().split())


def alternation(phrases: list[str]) -> str:
    """One non-capturing alternation, longest phrase first (regex alternation is ordered).

    >>> alternation(["a b", "a", "a+"])
    '(?:a\\\\s+b|a\\\\+|a)'
    >>> bool(regex.fullmatch(alternation(["mức độ"]), "mức \\n độ"))
    True
    """
    forms = sorted({phrase_key(p) for p in phrases}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(r"\s+".join(regex.escape(t) for t in f.split()) for f in forms) + ")"
