"""A faster form of ``_scan.word_starts_re``: one branch per first letter.

``re`` tries a pattern that opens with a look-behind at every character of a text. Opened
by a literal letter instead (the look-behind comes right after it), each branch lets ``re``
skip every character that starts no word, which halves the cost of a scan over a long
text. Used by the kinds whose scans run over every document (number, service_level).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._scan import _LETTER, _NOT_BEFORE_LETTER


def first_letter_scan(
    words: Iterable[str], *, space: str = "[ \t]+", word_end: bool = True
) -> re.Pattern[str]:
    r"""The lower-case ``words``, longest first, not right after a letter or a digit; each
    space in a word matches ``space``; with ``word_end``, a word that ends in a letter or a
    digit does not go on into another one.

    With the defaults it finds what ``_scan.word_starts_re(words)`` finds, at the same
    places: two words that start with the same letter keep their order.

    >>> p = first_letter_scan(["xã", "thị xã", "thôn"])
    >>> [m.group() for m in p.finditer("thị\txã, xã, bxã, xãy, thôn")]
    ['thị\txã', 'xã', 'thôn']
    >>> p = first_letter_scan(["mức", "cấp độ"], space=r"\s+", word_end=False)
    >>> [m.group() for m in p.finditer("mức3, cấp\nđộ 2, ymức")]
    ['mức', 'cấp\nđộ']
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(word)

    def rest(word: str) -> str:
        end = _NOT_BEFORE_LETTER if word_end and word[-1].isalnum() else ""
        return re.escape(word[1:]).replace("\\ ", space) + end

    # (?<!L.) right after the first letter: the letter before that one is not a letter
    branches = [
        re.escape(first) + rf"(?<!{_LETTER}.)(?:" + "|".join(map(rest, group)) + ")"
        for first, group in groups.items()
    ]
    return re.compile("|".join(branches))
