"""The overlap policy: which candidates survive when spans collide.

One named, replaceable function (pass ``overlap=`` to :class:`Extractor`). The default keeps,
greedily, the candidate of the strongest kind, then the longest, then the leftmost; a
candidate that collides with a kept one is dropped, except where the contract says one kind
lives inside another (a date inside a legal reference, a place inside an organisation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._candidate import Candidate

OverlapPolicy = Callable[[Sequence[Candidate]], list[Candidate]]

# Lower wins. Figures that belong to a date, ratio, level or legal reference are not numbers.
KIND_PRIORITY: dict[str, int] = {
    "legal_ref": 0,
    "date": 1,
    "service_level": 2,
    "ratio": 3,
    "percent": 4,
    "system": 5,
    "organization": 6,
    "person": 7,
    "location": 8,
    "number": 9,
}

# (outer, inner): the inner kind may sit wholly inside the outer one as its own record.
NESTING_ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        ("legal_ref", "date"),
        ("legal_ref", "organization"),
        ("legal_ref", "location"),
        ("organization", "location"),
        ("organization", "legal_ref"),  # "Ban Chỉ đạo Đề án 06 tỉnh"
        ("system", "location"),
        ("system", "organization"),
        ("person", "location"),
    }
)


_BLOCK = 6  # log2 of _BLOCK_WIDTH
_BLOCK_WIDTH = 1 << _BLOCK


def _may_coexist(a: Candidate, b: Candidate) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    if a.start <= b.start and b.end <= a.end and (a.kind, b.kind) in NESTING_ALLOWED:
        return True
    return b.start <= a.start and a.end <= b.end and (b.kind, a.kind) in NESTING_ALLOWED


def _rank(cand: Candidate) -> tuple[int, int, int]:
    """Sort key: strongest kind, then longest, then leftmost (lower first)."""
    return KIND_PRIORITY.get(cand.kind, 99), cand.start - cand.end, cand.start


def resolve_overlaps(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep the strongest candidates whose spans do not collide; result sorted by start.

    >>> from vn_egov_extract._candidate import Candidate as C
    >>> kept = resolve_overlaps([C("number", 0, 2, "n"), C("percent", 0, 3, "p"),
    ...                          C("number", 10, 12, "n")])
    >>> [(c.kind, c.start) for c in kept]
    [('percent', 0), ('number', 10)]
    """
    # each kept span is filed under every block of _BLOCK_WIDTH characters it touches, so a
    # candidate is compared only with the spans in its own blocks (one sorted list with
    # inserts in the middle would cost time proportional to its length per insert)
    blocks: dict[int, list[Candidate]] = {}
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=_rank):
        start, end = cand.start, cand.end
        first, last = start >> _BLOCK, (max(end, start + 1) - 1) >> _BLOCK
        if _collides_in(blocks, first, last, cand):
            continue
        for b in range(first, last + 1):
            blocks.setdefault(b, []).append(cand)
        kept.append(cand)
    kept.sort(key=_start)  # stable: spans starting together stay in the order kept
    return kept


def _collides_in(
    blocks: dict[int, list[Candidate]], first: int, last: int, cand: Candidate
) -> bool:
    """Whether a span kept in blocks ``first`` to ``last`` collides with ``cand``."""
    # plain loops: most candidates meet no kept span, and a generator per candidate cost
    # more than the comparisons
    for b in range(first, last + 1):
        others = blocks.get(b)
        if others is None:
            continue
        for other in others:
            if other.start < cand.end and cand.start < other.end and not _may_coexist(other, cand):
                return True
    return False


def _start(cand: Candidate) -> int:
    return cand.start
