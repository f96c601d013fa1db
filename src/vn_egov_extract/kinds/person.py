"""`person` records: find candidates, then normalise values. (To be written.)"""

from __future__ import annotations

from collections.abc import Iterator

from .._candidate import Candidate, Doc


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind `person` in doc."""
    yield from ()
