"""Try a costly pattern only where a cheap scan says it may match.

Shared by the normalised view (``_text.py``) and the kinds' scans (``kinds/_scan.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex


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
