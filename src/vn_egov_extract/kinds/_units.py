"""The counted noun after a figure: "1.626 dịch vụ công trực tuyến" → "dịch vụ công trực tuyến".

A reviewed lexicon (``patterns/units.yaml``) is tried first, longest entry first, with
coordination ("21 phường, xã"). Otherwise underthesea's word segmentation proposes the next
word, which counts when it is a content word. Only the few characters after a figure are
segmented, so the cost stays small.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex

from .._patterns import PatternModel, load
from ._numerals import folded_tail, last_words
from ._phrases import literal_alternation


class UnitPatterns(PatternModel):
    """Schema of ``patterns/units.yaml``."""

    nouns: list[str]
    measures: list[str]
    classifiers: list[str]
    not_units: list[str]


@functools.cache
def _compiled() -> tuple[regex.Pattern[str], regex.Pattern[str], frozenset[str], frozenset[str]]:
    p = load("units.yaml", UnitPatterns)
    nouns = regex.compile(rf"(?:{literal_alternation(p.nouns)})(?![\p{{L}}\d])", regex.IGNORECASE)
    measures = regex.compile(rf"(?:{literal_alternation(p.measures)})(?![\p{{L}}\d])")
    return nouns, measures, frozenset(p.classifiers), frozenset(w.lower() for w in p.not_units)


@functools.cache
def _odd_starts() -> frozenset[str]:
    """The first characters of units that are not letters ("%")."""
    p = load("units.yaml", UnitPatterns)
    return frozenset(w[0] for w in (*p.nouns, *p.measures) if not w[0].isalpha())


_ACRONYM = regex.compile(r"\p{Lu}{2,8}(?![\p{L}\d])")
# Four syllables are context enough to segment the first word, and short windows recur across
# articles, so the segmentation cache below hits far more often than with whole clauses.
_WORD_WINDOW = regex.compile(r"[^\s,.;:!?()\[\]\"]{1,12}(?: [^\s,.;:!?()\[\]\"]{1,12}){0,3}")


@functools.cache
def _segmenter() -> Callable[[str], list[str]]:
    # imported on first need: underthesea costs ~0.4 s to import
    from underthesea import word_tokenize

    def segment(text: str) -> list[str]:
        tokens: list[str] = word_tokenize(text)
        return tokens

    return segment


@functools.lru_cache(maxsize=4096)
def _segmented_head(window: str) -> str | None:
    """The first segmented word of ``window`` when it can be a counted noun."""
    _, _, classifiers, not_units = _compiled()
    tokens = [t for t in _segmenter()(window) if t.strip()]
    if not tokens or not all(ch.isalpha() or ch == " " for ch in tokens[0]):
        return None
    head = tokens[0]
    if head.lower() in not_units or not head[0].islower():
        return None
    follower = tokens[1] if len(tokens) > 1 else ""
    if (
        head in classifiers
        and follower.isalpha()
        and follower.islower()
        and (follower not in not_units)
    ):
        return f"{head} {follower}"
    return head


def find_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The counted noun starting at or just after ``pos`` and where it ends.

    >>> find_unit("1.626 dịch vụ công trực tuyến, trong đó", 5)
    ('dịch vụ công trực tuyến', 29)
    >>> find_unit("21 phường, xã và từ thành phố", 2)
    ('phường, xã', 13)
    >>> find_unit("50 MB, trong đó", 2)
    ('MB', 5)
    >>> find_unit("3 bậc so với năm trước", 1)
    ('bậc', 5)
    >>> find_unit("là 10.271, đạt tỷ lệ", 9) is None
    True
    """
    nouns, measures, _, not_units = _compiled()
    start = pos
    while start < len(text) and text[start] == " " and start - pos < 3:
        start += 1
    if start >= len(text):
        return None
    first = text[start]
    if first < "\x80" and not first.isalpha() and first not in _odd_starts():
        return None  # ASCII punctuation or a digit: no unit, acronym or word starts so
    m = measures.match(text, start) or nouns.match(text, start)
    if m:
        end = m.end()
        # coordination: "cơ quan, đơn vị", "cán bộ, công chức, viên chức"
        while True:
            nxt = nouns.match(text, end + 2) if text.startswith(", ", end) else None
            if not nxt:
                break
            end = nxt.end()
        return text[start:end], end
    acronym = _ACRONYM.match(text, start)
    if acronym:
        return acronym.group(), acronym.end()
    window = _WORD_WINDOW.match(text, start)
    # segmenting costs more than everything else here: skip it where no head can come out,
    # a capitalised word (a name) or a function word ("là", "và") right after the figure
    if not window or not text[start].islower():
        return None
    if window.group().split(" ", 1)[0].lower() in not_units:
        return None
    head = _segmented_head(window.group())
    if head is None or not text.startswith(head, start):
        return None
    if head.lower() in not_units:
        return None
    return head, start + len(head)


_COPULAS = ("là", "đạt", "lên tới", "lên đến")
_COPULA_BEFORE = regex.compile(rf"(?:\b(?:{'|'.join(_COPULAS)})\s+)$", regex.IGNORECASE)
_COPULA_ENDS = last_words(_COPULAS)
_TOTAL_OF = regex.compile(r"\b(?:tổng số|số lượng|số)\s+", regex.IGNORECASE)


def find_unit_before(text: str, pos: int) -> str | None:
    """The counted noun named before a figure: "Tổng số văn bản đến … là 10.271".

    Only when the figure follows "là"/"đạt" and the clause starts its subject with
    "tổng số"/"số lượng"/"số".

    >>> find_unit_before("Tổng số văn bản đến trên phần mềm là 10.271", 37)
    'văn bản'
    >>> find_unit_before("Ông là 1 trong 3 người", 7) is None
    True
    """
    if not folded_tail(text, pos, 12).endswith(_COPULA_ENDS):
        return None  # a string test first: most figures follow no copula
    if not _COPULA_BEFORE.search(text, max(0, pos - 12), pos):
        return None
    window = max(0, pos - 120)
    clause_start = max(window, *(text.rfind(c, window, pos) + 1 for c in ".;:\n"))
    nouns = _compiled()[0]
    for m in _TOTAL_OF.finditer(text, clause_start, pos):
        noun = nouns.match(text, m.end())
        if noun:
            return noun.group()
    return None
