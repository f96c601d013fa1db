"""Candidates: what a kind's rules find before overlap resolution turns them into records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._text import NormText

Resolver = Callable[[dt.date | None], dict[str, Any]]


@dataclass(slots=True)
class Doc:
    """One text being processed: the caller's string, its normalised view, shared caches."""

    view: NormText
    published: dt.date | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The normalised text every rule matches on."""
        return self.view.text

    def lower(self) -> str:
        """The view in lower case, offset for offset (computed once per document).

        Matching a lower-case pattern against it is much faster than ``IGNORECASE``.
        Where lower-casing would change the length (rare non-Vietnamese letters), the
        characters that would grow are kept as they are.
        """
        cached = self.cache.get("lower")
        if cached is None:
            cached = self.text.lower()
            if len(cached) != len(self.text):
                cached = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
            self.cache["lower"] = cached
        return str(cached)


@dataclass(slots=True)
class Candidate:
    """A match in view offsets, with the values its kind's record takes.

    ``resolve`` is set by rules whose values depend on the article's date ("Sáng 21-2",
    "năm ngoái"): it is called once ``published`` is known and its result updates
    ``values``.
    """

    kind: str
    start: int
    end: int
    rule: str
    values: dict[str, Any] = field(default_factory=dict)
    resolve: Resolver | None = None

    @property
    def length(self) -> int:
        return self.end - self.start
