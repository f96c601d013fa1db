"""Word lists from ``patterns/`` turned into regex alternations (shared by the kinds).

Entries are written in lower case with single spaces; in the compiled pattern each space
matches any run of whitespace, so line breaks and double spaces inside a phrase still match.
The alternation is built as a word trie ("hệ thống", "hệ thống thông tin" share their
first two words), so a big catalogue costs little more per text position than a small one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

_Trie = dict[str, "_Trie"]
_LEAF = ""  # a key no token can be: marks "a phrase may end here"


def phrase_key(surface: str) -> str:
    """The lookup key of a surface: lower case, single spaces.

    >>> phrase_key("Hệ  thống\\nQLVB")
    'hệ thống qlvb'
    """
    return " ".join(surface.lower().split())


def _emit(node: _Trie) -> str:
    # longer tokens first, then the end: regex alternation is ordered, and greedy "?"
    # tries the longer phrase before stopping, so the longest entry wins at a position
    tokens = sorted((t for t in node if t != _LEAF), key=lambda t: (-len(t), t))
    branches = [regex.escape(t) + _emit_rest(node[t]) for t in tokens]
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _emit_rest(node: _Trie) -> str:
    rest = _emit(node)
    if not rest:
        return ""
    return rf"(?:\s+{rest})?" if _LEAF in node else rf"\s+{rest}"


def literal_alternation(words: Iterable[str]) -> str:
    """Escaped words joined as alternatives, longest first: the regex tries alternatives in
    order, so a word that begins with another ("ông bà" and "ông") must come first.

    >>> literal_alternation(["ông", "ông bà", "a.b"])
    'ông\\\\ bà|a\\\\.b|ông'
    """
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def spaced_alternation(items: object) -> str:
    """A group of escaped alternatives, longest first, each space matching a run of spaces
    or tabs (never a line break: a date or a list of places does not run over two lines).

    >>> bool(regex.fullmatch(spaced_alternation(["tới", "tiếp theo"]), "tiếp  theo"))
    True
    """
    assert isinstance(items, (list, dict, set, frozenset, tuple))
    ordered = sorted({str(w) for w in items}, key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace("\\ ", r"[ \t]+") for w in ordered) + ")"


def alternation(phrases: list[str]) -> str:
    """One non-capturing pattern matching any phrase, preferring the longest one.

    >>> alternation(["a b", "a", "a+"])
    '(?:(?:a\\\\+|a(?:\\\\s+b)?))'
    >>> p = regex.compile(alternation(["mức độ", "mức", "cấp độ"]))
    >>> [p.match(s).group() for s in ("mức \\n độ 3", "mức 3", "cấp độ 2")]
    ['mức \\n độ', 'mức', 'cấp độ']
    """
    trie: _Trie = {}
    for phrase in {phrase_key(p) for p in phrases}:
        node = trie
        for token in phrase.split():
            node = node.setdefault(token, {})
        node[_LEAF] = {}
    return "(?:" + _emit(trie) + ")"


_CharTrie = dict[str, "_CharTrie"]


def trie_pattern(words: list[str]) -> str:
    r"""A regex matching exactly ``words``, factored as a trie so scanning stays fast.

    A flat alternation of fifty words is tried word by word at every position; the trie
    tries each character once.

    >>> trie_pattern(["bà", "bác", "anh"])
    '(?:anh|b(?:à|ác))'
    >>> print(trie_pattern(["ông", "ông bà"]))
    ông(?:\ bà)?
    """
    root: _CharTrie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _CharTrie) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
