"""`service_level` records: "mức độ 3", "mức 3, 4", "mức độ 2, 3 và 4", "toàn trình".

One record per keyword ("mức độ 3 và mức độ 4" is two); ``levels`` are sorted ints in 1-4.
The figures belong to the level, so the span covers them and overlap resolution keeps them
from becoming numbers ("mức độ 3,4" is not 3.4).

Rules:

- ``service_level.level``: keyword + levels. A single level needs a public-service context
  in its sentence ("dịch vụ công", "hồ sơ", "trực tuyến"…) nearer than any blocking word
  ("an toàn thông tin cấp độ 3", "báo động mức 3"); a list ("mức 3, 4") only needs no
  nearer blocking word; "cấp độ" always needs the context.
- ``service_level.full``: "toàn trình" → [4], with the same context, or with none right
  after a service noun ("số dịch vụ toàn trình tăng", "thủ tục toàn trình").
- ``service_level.partial``: "một phần" → [3], only as a kind of online service
  ("dịch vụ công trực tuyến một phần", "204 dịch vụ một phần", "DVCTT toàn trình, một phần");
  never the fraction or "partly" ("một phần ba", "hoàn thành một phần kế hoạch").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .._candidate import Candidate, Doc
from .._patterns import PatternModel, load
from ._phrases import alternation, phrase_key
from ._scan import prefiltered, word_starts_re


class ServiceLevelPatterns(PatternModel):
    """Schema of ``patterns/service_levels.yaml``."""

    keywords: list[str]
    strict_keywords: list[str]
    separators: list[str]
    range_separators: list[str]
    not_after: list[str]
    context: list[str]
    blocking: list[str]
    strict_blocking: list[str]
    context_before: int
    context_after: int
    chain_gap: int
    full: str
    partial: str
    partial_before: list[str]
    full_joiners: list[str]
    partial_not_after: list[str]
    owners_before: list[str]


_END = r"(?![\p{L}\d])"
# a level figure, Arabic or Roman ("mức độ III, IV"; the view is lower-cased)
_LEVEL = r"(?:[1-4](?!\d)|(?:iv|i{1,3})(?![\p{L}\d]))"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FIGURE = regex.compile(r"[1-4]|(?<![\p{L}])(?:iv|i{1,3})(?![\p{L}])")
# longer than the longest service noun ("dịch vụ công trực tuyến") and its spaces
_SERVICE_WINDOW = 40
_SENTENCE_END = regex.compile(r"[.!?](?=\s)|\n")


@dataclass(frozen=True)
class _Compiled:
    pattern: regex.Pattern[str]
    context: regex.Pattern[str]
    blocking: regex.Pattern[str]
    strict_blocking: regex.Pattern[str]
    strict: frozenset[str]
    ranges: regex.Pattern[str]
    service_before: regex.Pattern[str]
    owner_before: regex.Pattern[str]
    starts: tuple[re.Pattern[str], ...]
    # cheap necessary tests: a blocking word (or the start of one) in a window; the last
    # word of an owner right before a keyword
    maybe_blocking: re.Pattern[str]
    maybe_strict_blocking: re.Pattern[str]
    owner_ends: tuple[str, ...]
    spec: ServiceLevelPatterns


def _build_pattern(p: ServiceLevelPatterns) -> str:
    seps = alternation(p.separators + p.range_separators)
    partial = alternation([p.partial])
    levels = rf"{_LEVEL}(?:\s*{seps}\s*{_LEVEL}){{0,3}}"
    return (
        r"(?<![\p{L}\d])(?:"
        rf"(?P<kw>{alternation(p.keywords + p.strict_keywords)})\s*(?P<levels>{levels})"
        # "mức 2,5" is a figure; "mức 3%", "mức 3 triệu" are amounts
        rf"(?![.,]\d)(?!\s*{alternation(p.not_after)}(?![\p{{L}}]))"
        rf"|(?P<full>{alternation([p.full])}){_END}"
        # the cheap words first, then the look behind them (only where they are)
        rf"|(?P<partial>{partial})(?<=(?<![\p{{L}}\d])(?:{alternation(p.partial_before)}"
        rf"|{alternation([p.full])}\s*{alternation(p.full_joiners)})\s{{0,3}}{partial})"
        rf"(?!\s+{alternation(p.partial_not_after)}{_END}){_END}"
        r")"
    )


def _words(words: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}\d]){alternation(words)}{_END}")


def _openers(phrases: list[str]) -> list[str]:
    """The phrases (as keys) that do not begin with another one and a space: where "mức độ"
    starts, "mức" does too, so a scan for "mức" finds both.

    >>> _openers(["mức độ", "Mức", "cấp độ"])
    ['cấp độ', 'mức']
    """
    keys = sorted({phrase_key(p) for p in phrases})
    return [k for k in keys if not any(k.startswith(o + " ") for o in keys)]


def _maybe(words: list[str]) -> re.Pattern[str]:
    """A ``re`` scan finding at least wherever ``_words(words)`` matches, several times faster:
    blocking words are rare, so it mostly spares the full pattern."""
    return word_starts_re([phrase_key(w) for w in words], space=r"\s+", word_end=False)


@functools.cache
def _compiled() -> _Compiled:
    p = load("service_levels.yaml", ServiceLevelPatterns)
    return _Compiled(
        pattern=regex.compile(_build_pattern(p)),
        context=_words(p.context),
        blocking=_words(p.blocking),
        strict_blocking=_words(p.blocking + p.strict_blocking),
        strict=frozenset(phrase_key(k) for k in p.strict_keywords),
        ranges=regex.compile(rf"({_LEVEL})\s*{alternation(p.range_separators)}\s*({_LEVEL})"),
        service_before=regex.compile(
            rf"(?<![\p{{L}}\d]){alternation(p.partial_before)}\s{{1,3}}\Z"
        ),
        owner_before=regex.compile(rf"(?<![\p{{L}}\d]){alternation(p.owners_before)}\s{{1,3}}\Z"),
        # where a match can begin: a keyword, "toàn trình" or "một phần"; one literal scan
        # each (``re`` finds a literal start fast), and the pattern is tried only there
        starts=tuple(
            re.compile(re.escape(k).replace("\\ ", r"\s+"))
            for k in _openers([*p.keywords, *p.strict_keywords, p.full, p.partial])
        ),
        maybe_blocking=_maybe(p.blocking),
        maybe_strict_blocking=_maybe(p.blocking + p.strict_blocking),
        owner_ends=tuple({phrase_key(w).split()[-1] for w in p.owners_before}),
        spec=p,
    )


def parse_levels(surface: str) -> list[int]:
    """The sorted levels a list of figures names; a range names every level in it.

    >>> parse_levels("2, 3 và 4"), parse_levels("3,4"), parse_levels("2-4"), parse_levels("4")
    ([2, 3, 4], [3, 4], [2, 3, 4], [4])
    >>> parse_levels("iii, iv"), parse_levels("ii-iv")
    ([3, 4], [2, 3, 4])
    """
    if len(surface) == 1 and surface in "1234":
        return [int(surface)]  # the usual single Arabic level: nothing to parse
    found = {_level(f) for f in _FIGURE.findall(surface)}
    for m in _compiled().ranges.finditer(surface):
        low, high = sorted((_level(m.group(1)), _level(m.group(2))))
        found.update(range(low, high + 1))
    return sorted(found)


def _level(figure: str) -> int:
    return _ROMAN[figure] if figure in _ROMAN else int(figure)


def _last(pattern: regex.Pattern[str], window: str) -> int:
    """End of the last match of ``pattern`` in ``window``, or -1."""
    ends = [m.end() for m in pattern.finditer(window)]
    return ends[-1] if ends else -1


def _in_context(c: _Compiled, low: str, span: tuple[int, int], needs: bool, strict: bool) -> bool:
    """Whether the sentence around ``low[start:end]`` makes it a public-service level.

    ``needs``: a context word is required (not only the absence of a blocking word);
    ``strict``: the keyword is "cấp độ", which more words block.

    >>> c = _compiled()
    >>> text = "hồ sơ mức độ 3; an toàn thông tin cấp độ 3. 20 hồ sơ, 5 hệ thống cấp độ 2"
    >>> [_in_context(c, text, s, True, k) for s, k in (((6, 14), 0), ((34, 42), 1),
    ...                                                ((64, 72), 1))]
    [True, False, False]
    """
    start, end = span
    blocking = c.strict_blocking if strict else c.blocking
    maybe = c.maybe_strict_blocking if strict else c.maybe_blocking
    before = low[max(0, start - c.spec.context_before) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    before = before[cut[-1] :] if cut else before
    if maybe.search(before):  # a blocking word may come after the last context word
        positive = _last(c.context, before)
        if _last(blocking, before) > positive:
            return False
        if positive >= 0 or not needs:
            return True
    elif not needs or c.context.search(before):  # nothing blocks: any context word will do
        return True
    after = low[end : end + c.spec.context_after]
    after = _SENTENCE_END.split(after, maxsplit=1)[0]
    return bool(c.context.search(after)) and not (maybe.search(after) and blocking.search(after))


def _names_service(c: _Compiled, low: str, start: int) -> bool:
    """Whether a service noun ("dịch vụ", "thủ tục", "DVC") ends just before ``start``.

    >>> c = _compiled()
    >>> [_names_service(c, t, t.index("toàn")) for t in ("số dịch vụ toàn trình",
    ...                                                   "giám sát toàn trình")]
    [True, False]
    """
    return c.service_before.search(low, max(0, start - _SERVICE_WINDOW), start) is not None


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``service_level`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Dịch vụ công trực tuyến mức độ 3 và mức độ 4, mức 2, 3 và 4; "
    ...                     "DVCTT toàn trình, một phần. Mức lương 3 triệu, mức độ 7."))
    >>> [(d.text[c.start:c.end], c.values["levels"]) for c in find(d)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('mức độ 3', [3]), ('mức độ 4', [4]), ('mức 2, 3 và 4', [2, 3, 4]),
     ('toàn trình', [4]), ('một phần', [3])]
    """
    c = _compiled()
    low = doc.lower()
    last_end = -(10**9)
    starts = sorted({hit.start() for scan in c.starts for hit in scan.finditer(low)})
    for m in prefiltered(c.pattern, low, starts):
        if m.group("partial") is not None:
            rule, levels = "service_level.partial", [3]
        elif m.group("full") is not None:
            if not _names_service(c, low, m.start()) and not _in_context(
                c, low, m.span(), True, False
            ):
                continue
            rule, levels = "service_level.full", [4]
        else:
            window = low[max(0, m.start() - _SERVICE_WINDOW) : m.start()]
            if window.rstrip().endswith(c.owner_ends) and c.owner_before.search(
                low, max(0, m.start() - _SERVICE_WINDOW), m.start()
            ):
                continue  # "tài khoản mức độ 2": an e-ID account's level, not a service's
            levels = parse_levels(m.group("levels"))
            strict = phrase_key(m.group("kw")) in c.strict
            chained = m.start() - last_end <= c.spec.chain_gap
            needs = strict or len(levels) == 1
            if not chained and not _in_context(c, low, m.span(), needs, strict):
                continue
            rule = "service_level.level"
        last_end = m.end()
        yield Candidate("service_level", m.start(), m.end(), rule, {"levels": levels})
