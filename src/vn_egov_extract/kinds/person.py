"""`person` records: officials named with a word of address or a title, and the byline.

The span is the name only; the title phrase goes to ``title`` (null when there is none).

Rules:

- ``person.honorific``: "ông Nguyễn Hoàng Giang, Giám đốc Sở ...", "đồng chí Y Thắng Ê Ban
  - Phó Chủ tịch UBND huyện", "bà Trần Thị Mai" (the title after or before the name);
- ``person.title``: a title, then the name: "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Tuấn
  Hà", "Thủ tướng Phạm Minh Chính" (the name must open with a surname or ethnic prefix);
- ``person.name_title``: a full name, then a comma and a title: "Lê Văn B, Giám đốc Sở ...";
- ``person.byline`` / ``person.source``: the closing line "Lan Anh", "Nguồn: Thương Tín - ...".

Word lists: ``patterns/persons.yaml``. Not persons: places, organisations, a title with no
name ("Phó Chủ tịch UBND tỉnh yêu cầu"), capitalised sentence starts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

import regex

from .._candidate import Candidate, Doc
from ._gazetteer import fold_view, gazetteer
from ._person_byline import bylines
from ._person_chain import (
    Token,
    is_name_token,
    name_tokens,
    plausible_name,
    read_title,
    split_name,
)
from ._person_data import (
    NAME_TOKEN,
    tables,
    word_start_candidates,
    word_start_matches,
    word_starts,
)

_NAME_RUN = regex.compile(rf"[ \t]+({NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,5}})(?![\p{{L}}\d'])")
# between a name and the title after it: ", " / " - " / " (" ("ông A, Giám đốc ...")
_TITLE_SEP = regex.compile(r"[ \t]*(?:,|-|\()[ \t]*")
# between a title and the word of address after it ("Giám đốc Sở X, ông A")
_GAP_BEFORE = regex.compile(r"[ \t]*,?[ \t]*")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;(\"\-…\n])[ \t]*$")
_UNIT_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "tp", "phố", "trấn"})
_LOOKBACK = 160
# neither a blank nor a letter or digit: read_title reads no word after a head followed by
# one (or by the end of the text), so its chain is empty
_NO_CHAIN = frozenset(["", *',.;:!?()"“”/'])
_COMMA = regex.compile(r"[ \t]*,[ \t]*")
# the word right before a bare name, on the same line, with nothing but spaces between
_WORD_BEFORE = regex.compile(r"([\p{L}\d]+)[ \t]+\Z")
_LIST_ITEM_BEFORE = regex.compile(r"([\p{L}\d]+)[ \t]*(?:,|và)[ \t]+\Z")
_AFTER_NAME = regex.compile(r"[ \t]*(?:\p{Lu}|\d)")
_WORDS = regex.compile(r"\S+")
_AND_NAME = regex.compile(r"[ \t]*(?:,|và|;)[ \t]*(?:và[ \t]+)?")


class _Taken:
    """The name spans already read, so later rules skip them.

    Kept sorted by start with the longest span's length, so an overlap test looks only at
    the spans that can reach the new one: a list scan was quadratic on a long article.

    >>> t = _Taken()
    >>> t.append((10, 20)); t.append((0, 4))
    >>> t.overlaps(3, 5), t.overlaps(4, 10), t.overlaps(19, 30), t.ends_at(20)
    (True, False, True, True)
    """

    __slots__ = ("_end_set", "_ends", "_longest", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._end_set: set[int] = set()
        self._longest = 0

    def append(self, span: tuple[int, int]) -> None:
        """Record a span ``(start, end)``."""
        start, end = span
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._end_set.add(end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a recorded span."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end, lo)
        return any(self._ends[i] > start for i in range(lo, hi))

    def ends_at(self, pos: int) -> bool:
        """Whether a recorded span ends at ``pos``."""
        return pos in self._end_set


def _capital_ok(text: str, start: int, word: str) -> bool:
    """A Capitalised everyday word of address ("Ông", "Bà", "Anh") counts only where a
    sentence or line starts: mid-sentence it is part of a name ("Bà Rịa", "tiếng Anh").
    Ranks, degrees and "Đồng chí" are often capitalised anywhere."""
    everyday = word.isalpha() and word.lower() in tables().single_name
    if not word[:1].isupper() or not everyday:
        return True
    return _SENTENCE_START.search(text, max(0, start - 3), start) is not None


def _title_after(text: str, pos: int) -> str | None:
    """The title right after a name ("…, Giám đốc Sở Y tế"), or None."""
    sep = _TITLE_SEP.match(text, pos)
    if sep is None or sep.end() == pos:
        return None
    head = tables().title_re.match(text, sep.end())
    if head is None:
        return None
    end, chain = read_title(text, head.start(), head.end())
    if not chain and _is_role(head.group()):
        return None  # "chị Lan, cán bộ một cửa": a common noun, not an office
    # offices held together: "…, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"
    for _ in range(3):
        comma = _COMMA.match(text, end)
        more = tables().title_re.match(text, comma.end()) if comma else None
        if more is None:
            break
        end, _ = read_title(text, more.start(), more.end())
    return _clean(text[head.start() : end])


def _is_role(head: str) -> bool:
    """Whether a title head is a staff role, a title only with a body after it.

    >>> _is_role("công chức"), _is_role("Cán bộ"), _is_role("Phó Chủ tịch")
    (True, True, False)
    """
    return " ".join(head.lower().split()[-2:]) in tables().roles


def _heads(low: str, found: Iterable[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """(start, end) of each title head ``found`` in ``low``, its prefixes ("Phó",
    "nguyên") included in the start."""
    for m in found:
        yield _with_prefixes(low, m.start()), m.end()


def _with_prefixes(low: str, start: int) -> int:
    """Where a title whose head starts at ``start`` begins: before its prefixes.

    >>> s = "ông nguyên phó chủ tịch"
    >>> _with_prefixes(s, s.index("chủ")), _with_prefixes(s, 4)
    (4, 4)
    """
    t = tables()
    lo = max(0, start - 24)
    # the prefixes end in blanks right before the head, after a prefix's last letter, all
    # within the window searched (so a long run of blanks is not walked)
    before = start - 1
    while before >= lo and low[before] in " \t":
        before -= 1
    if before < start - 1 and before >= lo and low[before] in t.prefix_last:
        pre = t.prefix_before.search(low, lo, start)
        if pre is not None:
            return pre.start()
    return start


def _title_before(text: str, low: str, pos: int) -> str | None:
    """The title right before a word of address ("Giám đốc Sở Y tế, ông …"), or None."""
    lo = max(0, pos - _LOOKBACK)
    window = text[lo:pos]
    cut = max(window.rfind(c) for c in ".;:\n")
    for start, head_end in _heads(low, word_starts(tables().head_scan, low, lo + cut + 1, pos)):
        end, chain = read_title(text, start, head_end)
        if not chain and _is_role(low[start:head_end]):
            continue
        gap = _GAP_BEFORE.match(text, end, pos)
        if end < pos and gap is not None and gap.end() == pos:
            return _clean(text[start:end])
    return None


def _clean(title: str) -> str | None:
    title = " ".join(title.split()).strip(" ,-(")
    return title or None


def _honorific(text: str, low: str, starts: list[int], taken: _Taken) -> Iterator[Candidate]:
    t = tables()
    pairs = t.honorific_pairs
    if pairs is not None:
        starts = [at for at in starts if low[at : at + 2] in pairs]
    for m in word_start_matches(t.honorific_scan, low, starts, also="/"):
        word = text[m.start() : m.end()]
        if not _capital_ok(text, m.start(), word):
            continue
        run = _NAME_RUN.match(text, m.end())
        if run is None or t.title_re.match(text, run.start(1)):
            continue  # "đồng chí Phó Chủ tịch ..." is read by the title rule
        spans = _name_spans(text, run.start(1), run.end())
        if not spans or (len(spans) == 1 and word.lower() not in t.single_name):
            continue
        start, end = spans[0][0], spans[-1][1]
        words = text[start:end].split()
        # "Bà Rịa", "Ông Ích Khiêm" are places and streets: check the honorific with the name
        if not plausible_name(words) or not plausible_name([*word.split(), *words]):
            continue
        title = _title_after(text, end) or _title_before(text, low, m.start())
        taken.append((start, end))
        values = {"name": _name(text[start:end]), "title": title}
        yield Candidate("person", start, end, "person.honorific", values)
        yield from _coordinated(text, end, taken)


def _coordinated(text: str, end: int, taken: _Taken) -> Iterator[Candidate]:
    """Further full names joined to a named person: "các ông Lê Văn A và Trần Văn B"."""
    t = tables()
    for _ in range(6):
        link = _AND_NAME.match(text, end)
        if link is None:
            return
        name = t.surname_re.match(text, link.end())
        if name is None or not plausible_name(name.group().split()):
            return
        start, end = name.start(), name.end()
        taken.append((start, end))
        values = {"name": _name(name.group()), "title": _title_after(text, end)}
        yield Candidate("person", start, end, "person.honorific", values)
        if values["title"] is not None:
            return


def _name_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The leading words of a capitalised run that can form a name (stops at a non-name)."""
    t = tables()
    out: list[tuple[int, int]] = []
    for w in _WORDS.finditer(text[start:end]):
        if w.group() in t.not_name_words or not is_name_token(w.group()):
            break
        out.append((start + w.start(), start + w.end()))
    first = text[out[0][0] : out[0][1]] if out else ""
    limit = 5 if first in t.ethnic or first.startswith(t.ethnic_apostrophe) else 4
    return out if len(out) <= limit else []


def _name(surface: str) -> str:
    return " ".join(surface.split())


def _overlaps(start: int, end: int, taken: _Taken) -> bool:
    return taken.overlaps(start, end)


def _no_province(text: str, run: list[Token]) -> bool:
    """Whether the two capitalised words of ``run`` name no province: provinces are a
    closed list, so "UBND tỉnh Hoàng Nam" ends before a person's name, "tỉnh Hà Nam" not.

    >>> def run(s): return [Token(m.start(), m.end(), "cap") for m in regex.finditer(r"\\S+", s)]
    >>> _no_province("Hoàng Nam", run("Hoàng Nam")), _no_province("Hà Nam", run("Hà Nam"))
    (True, False)
    """
    if len(run) != 2:
        return False
    units = gazetteer().units.get(fold_view(text[run[0].start : run[-1].end]), ())
    return not any(u.level == "province" for u in units)


def _titled(text: str, low: str, starts: list[int], taken: _Taken) -> Iterator[Candidate]:
    """Title, then name: "Chủ tịch UBND tỉnh Phạm Văn A", "Thủ tướng Phạm Minh Chính"."""
    for head in word_start_matches(tables().head_scan, low, starts):
        head_end = head.end()
        if text[head_end : head_end + 1] in _NO_CHAIN:
            continue  # "cán bộ, công chức": no chain, so no name after the title
        _, chain = read_title(text, head.start(), head_end)
        run = name_tokens(text, chain)
        if not run:
            continue
        # the prefixes ("Phó", "nguyên") are looked for only before a title with a name
        head_start = _with_prefixes(low, head.start())
        before = chain[: len(chain) - len(run)]
        if not before and _is_role(low[head_start:head_end]):
            continue  # "cán bộ Nguyễn Văn A": left to the other rules, untitled
        prev = text[before[-1].start : before[-1].end].lower() if before else ""
        after_unit = prev in _UNIT_WORDS and not (prev == "tỉnh" and _no_province(text, run))
        name = split_name(text, run, after_unit=after_unit, bare_title=not before)
        if name is None:
            continue
        start, end = name[0].start, name[-1].end
        if _overlaps(start, end, taken) or _names_an_institution(text, chain, name[0]):
            continue
        title = _clean(text[head_start:start])
        taken.append((start, end))
        yield Candidate(
            "person", start, end, "person.title", {"name": _name(text[start:end]), "title": title}
        )


def _names_an_institution(text: str, chain: list[Token], first: Token) -> bool:
    """Whether the name is part of a body named after a person: "Bệnh viện Nguyễn Tri
    Phương", "Trường THPT Lê Quý Đôn", "Công ty TNHH Hoàng Long"."""
    at = chain.index(first)
    if at == 0:
        return False
    prev = chain[at - 1]
    return text[prev.start : prev.end].lower() in tables().institution_words


def _name_then_title(text: str, taken: _Taken) -> Iterator[Candidate]:
    """A full name opened by a surname, then ", Title": "Lê Văn B, Giám đốc Sở Y tế"; or
    standing alone where nothing makes it a street, a school or a longer proper name."""
    for m in _surname_runs(text):
        start, end = m.start(), m.end()
        if _overlaps(start, end, taken):
            continue
        words = m.group().split()
        if not plausible_name(words):
            continue
        title = _title_after(text, end)
        rule = "person.name_title"
        if title is None:
            if not _stands_alone(text, start, end, taken):
                continue
            rule = "person.bare"
        taken.append((start, end))
        yield Candidate("person", start, end, rule, {"name": _name(m.group()), "title": title})


def _surname_runs(text: str) -> Iterator[regex.Match[str]]:
    """``surname_re.finditer(text)``, trying the pattern only where a surname is written.

    >>> [m.group() for m in _surname_runs("xNguyễn Văn A, Lê Văn Bình và Trần Thị")]
    ['Lê Văn Bình']
    """
    t = tables()
    pos = 0
    while (hit := t.surname_start.search(text, pos)) is not None:
        m = t.surname_re.match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
            continue
        yield m
        pos = m.end()


def _stands_alone(text: str, start: int, end: int, taken: _Taken) -> bool:
    """Whether a bare full name is a person's: not after a capitalised word (part of a
    longer name), nor after a word that names a street, school or place after a person
    ("đường", "THPT", "phường", "tư tưởng"), nor before another capitalised word or a
    figure. In a list ("…, Nguyễn Tất Thành") it follows the item before it: a person
    after a person, otherwise a street after a street."""
    if _AFTER_NAME.match(text, end) is not None:
        return False
    listed = _LIST_ITEM_BEFORE.search(text, max(0, start - 40), start)
    if listed is not None:
        if taken.ends_at(listed.end(1)):
            return True
        if listed.group(1)[:1].isupper():
            return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return True
    word = before.group(1)
    window = text[max(0, start - 24) : start].lower()
    if tables().bare_name_blockers.search(window) is not None:
        return False
    if not word[:1].isupper():
        return True
    return _SENTENCE_START.search(text, max(0, before.start(1) - 3), before.start(1)) is not None


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``person`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Dự họp có ông Nguyễn Văn An, Giám đốc Sở Y tế và Chủ tịch "
    ...                     "UBND tỉnh Trần Thị Bình."))
    >>> [(c.rule, c.values["name"], c.values["title"]) for c in find(d)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('person.honorific', 'Nguyễn Văn An', 'Giám đốc Sở Y tế'),
     ('person.title', 'Trần Thị Bình', 'Chủ tịch UBND tỉnh')]
    """
    text, low = doc.text, doc.lower()
    taken = _Taken()
    # one pair of scans finds where the honorifics and the title heads may start
    starts = word_start_candidates(tables(), low)
    yield from _honorific(text, low, starts, taken)
    yield from _titled(text, low, starts, taken)
    yield from _name_then_title(text, taken)
    for start, end, rule in bylines(text):
        if not _overlaps(start, end, taken):
            yield Candidate(
                "person", start, end, rule, {"name": _name(text[start:end]), "title": None}
            )


__all__ = ["Token", "find"]
