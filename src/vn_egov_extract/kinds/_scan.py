"""Fast scans: a cheap literal prefilter finds where a costly pattern may start.

The ``regex`` module tries a pattern with a long alternation, a look-behind or
``IGNORECASE`` at every position of a document; the standard ``re`` module finds the
literal words such a pattern starts with several times faster. :func:`prefiltered` then
tries the costly pattern only where one of those words begins, and yields exactly the
matches ``pattern.finditer(text)`` would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

# Latin and Vietnamese letters and ASCII digits (all in \p{L} or \d): a word right after
# one of them is inside another word, where no pattern served here begins
_LETTER = "[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1ea0-\u1ef9]"
_NOT_AFTER_LETTER = f"(?<!{_LETTER})"
# and a word that ends in a letter never goes on into a longer word ("ba" in "ban")
_NOT_BEFORE_LETTER = f"(?!{_LETTER})"


def word_starts_re(words: Iterable[str]) -> re.Pattern[str]:
    r"""A ``re`` alternation of lower-case ``words``, longest first, any run of spaces or
    tabs where a word has a space ("thị  xã"), not right after a letter or a digit, and
    (when it ends in a letter) not right before one.

    Only for patterns that never begin right after a letter (``\p{L}``) or a digit, nor
    go on from a word's last letter into another letter.

    >>> [m.group() for m in word_starts_re(["xã", "thị xã"]).finditer("thị\txã, xã, bxã, xãy")]
    ['thị\txã', 'xã']
    """
    ordered = sorted(set(words), key=len, reverse=True)
    alternation = "|".join(
        re.escape(w).replace("\\ ", "[ \t]+") + (_NOT_BEFORE_LETTER if w[-1].isalnum() else "")
        for w in ordered
    )
    return re.compile(rf"{_NOT_AFTER_LETTER}(?:{alternation})")


def candidate_starts(prefilter: re.Pattern[str], low: str) -> Iterator[int]:
    """Positions where a word of ``prefilter`` begins in ``low``, ascending.

    A word may also begin inside a found one, after a space ("xã" in "thị xã"): those
    positions come too (a word never begins right after a letter or a dot inside another).

    >>> list(candidate_starts(word_starts_re(["xã", "thị xã"]), "ở thị xã"))
    [2, 6]
    """
    for hit in prefilter.finditer(low):
        yield hit.start()
        words = hit.group()
        if " " in words or "\t" in words:
            for i in range(1, len(words)):
                if words[i - 1] in " \t" and words[i] not in " \t":
                    yield hit.start() + i


def prefiltered(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only at ``starts``.

    ``starts`` must be ascending and hold every position where ``pattern`` can match
    (the pattern never matches the empty string).

    >>> p = regex.compile(r"(?<!\\w)(?i:xã) \\p{Lu}\\w*")
    >>> text = "Xã An, thị xã Bình"
    >>> [m.group() for m in prefiltered(p, text, [0, 10, 11])] == [
    ...     m.group() for m in p.finditer(text)]
    True
    """
    last = 0
    for pos in starts:
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            last = m.end()
            yield m
