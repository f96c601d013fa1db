"""Offset maps from a rewritten text back to the text it was rewritten from.

A rewrite (folding, composing, legacy repair) copies most of a text unchanged and replaces
a few chunks. :class:`SpanMap` stores only the replaced chunks, so building the map of a
5 MB article with a handful of special characters costs next to nothing, and a position is
mapped with one binary search.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(slots=True)
class SpanMapBuilder:
    """Collects replaced chunks in order: ``new[at:at+size]`` came from ``old[start:end]``."""

    at: list[int] = field(default_factory=list)
    size: list[int] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)

    def add(self, at: int, size: int, start: int, end: int) -> None:
        """Record one chunk; chunks must come in increasing order of ``at`` and ``start``."""
        self.at.append(at)
        self.size.append(size)
        self.start.append(start)
        self.end.append(end)

    def build(self, new_len: int, old_len: int) -> SpanMap:
        """The finished map of a rewritten text of ``new_len`` characters."""
        return SpanMap(
            tuple(self.at), tuple(self.size), tuple(self.start), tuple(self.end), new_len, old_len
        )


@dataclass(frozen=True, slots=True)
class SpanMap:
    """Where each character of a rewritten text came from.

    Outside the recorded chunks the text is copied one for one, shifted by what the chunks
    before changed.

    >>> b = SpanMapBuilder()
    >>> b.add(1, 1, 1, 3)   # "o" + combining grave (2 chars) became "ò"
    >>> m = b.build(new_len=3, old_len=4)   # "hòa" from "ho\u0300a"
    >>> [m.char(i) for i in range(3)], m.to_source(0, 3), m.to_source(3, 3)
    ([(0, 1), (1, 3), (3, 4)], (0, 4), (4, 4))
    """

    at: tuple[int, ...]
    size: tuple[int, ...]
    start: tuple[int, ...]
    end: tuple[int, ...]
    new_len: int
    old_len: int

    @property
    def keeps_offsets(self) -> bool:
        """Whether every character keeps its offset: each chunk is one character put in
        place of one (a dash, a quote, a full-width digit), the usual case.

        >>> b = SpanMapBuilder()
        >>> b.add(2, 1, 2, 3)
        >>> b.build(5, 5).keeps_offsets
        True
        """
        chunks = zip(self.at, self.size, self.start, self.end, strict=True)
        same = all(a == s and n == 1 and e == s + 1 for a, n, s, e in chunks)
        return same and self.new_len == self.old_len

    def char(self, i: int) -> tuple[int, int]:
        """The old span of new character ``i``."""
        k = bisect.bisect_right(self.at, i) - 1
        if k < 0:
            return i, i + 1
        if i < self.at[k] + self.size[k]:
            return self.start[k], self.end[k]
        old = i - (self.at[k] + self.size[k]) + self.end[k]
        return old, old + 1

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The old span covering new span ``[start, end)`` (a point for an empty span)."""
        if end <= start:
            pos = self.char(start)[0] if start < self.new_len else self.old_len
            return pos, pos
        return self.char(start)[0], self.char(end - 1)[1]
