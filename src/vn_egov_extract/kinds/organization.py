"""`organization` records: named bodies, state and corporate.

"UBND huyện Krông Năng", "UBND tỉnh" (a body named by kind and level means the article's
own), "Sở Thông tin và Truyền thông tỉnh Đắk Lắk", "Sở TT&TT", "Phòng VH-TT huyện", "Ban Chỉ
đạo xây dựng CQĐT tỉnh", "Tỉnh ủy", "Chính phủ", "VNPT Đắk Lắk", "Công ty VNG".

The grammar (``kinds/_org_grammar.py``) reads ``head [name] [place]`` from a head word;
its words are in ``patterns/organizations.yaml``. Values: ``name`` is the surface with its
whitespace collapsed; ``expanded`` spells its acronyms out ("UBND" → "Ủy ban nhân dân"),
whole words only. A bracketed short form after the name is not part of it: "Bộ Giao thông
vận tải (GTVT)" is "Bộ Giao thông vận tải" (the gold's convention); a bracketed body of
its own ("Viễn thông Hà Giang (VNPT Hà Giang)") is a second record.

Not bodies: generic plurals ("các cơ quan, đơn vị", "UBND các xã, thị trấn", "các sở, ban,
ngành", "UBND cấp xã"), a bare head ("Sở", "Phòng"), ad-hoc teams ("Đoàn kiểm tra").
An office is not a body: in "Thủ tướng Chính phủ" or "Chủ tịch UBND tỉnh" the title is left
out and the body named in it ("Chính phủ", "UBND tỉnh") is the record.
Rules: ``organization.placed``, ``organization.named``, ``organization.standalone``,
``organization.brand`` (the head's group); ``organization.banner`` for a body written all
in capitals on a line or header cell of its own ("ỦY BAN NHÂN DÂN TỈNH X"), whose name is
its surface.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator

import regex

from .._candidate import Candidate, Doc
from .._text import _SHAPE_ONLY
from ._org_grammar import Grammar, Tokens
from ._org_lexicon import Head, Lexicon, head_at, heads_in, lexicon
from ._scan import literal_positions, prefiltered


# per name, not per text: the same few bodies ("UBND tỉnh") are named over and over
@functools.lru_cache(maxsize=4096)
def expand(name: str) -> str:
    """``name`` with its acronyms spelled out, never inside a longer word.

    >>> expand("UBND TP. Buôn Ma Thuột")
    'Ủy ban nhân dân thành phố Buôn Ma Thuột'
    >>> expand("Ban Chỉ đạo xây dựng CQĐT tỉnh")
    'Ban Chỉ đạo xây dựng chính quyền điện tử tỉnh'
    >>> expand("Sở TT&TT"), expand("UBND TP.HCM"), expand("Công ty VNG")
    ('Sở Thông tin và Truyền thông', 'Ủy ban nhân dân thành phố Hồ Chí Minh', 'Công ty VNG')
    """
    lex = lexicon()
    found = lex.acronym_hint.search(name)
    if found is None:
        return name  # most names have no acronym: nothing to spell out
    # the edge-checked pattern is tried only where an acronym is written, instead of at
    # every position as a `sub` would: the same matches, left to right
    parts: list[str] = []
    done = 0
    while found is not None:
        at = found.start()
        m = lex.acronym_re.match(name, at)
        if m is None:
            found = lex.acronym_hint.search(name, at + 1)
            continue
        long = lex.acronyms[m.group()]
        nxt = name[m.end() : m.end() + 1]
        parts += (name[done:at], long + " " if nxt.isalpha() else long)
        done = m.end()
        found = lex.acronym_hint.search(name, done)
    parts.append(name[done:])
    return "".join(parts)


def _name(doc: Doc, start: int, end: int) -> str:
    """The record's name: the view's ``display`` of the span.

    Most names hold none of the characters ``display`` puts back from the source (dashes,
    quotes): for those its value is the view's text with the spaces collapsed, found
    without its walk over every character.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Phòng Tài chính – Kế  hoạch và UBND  huyện"))
    >>> _name(d, 0, 27), _name(d, 31, 42)
    ('Phòng Tài chính – Kế hoạch', 'UBND huyện')
    """
    seg = doc.text[start:end]
    if _SHAPE_ONLY.isdisjoint(seg):
        return " ".join(seg.split())
    return doc.view.display(start, end)


def counted_body(text: str, pos: int) -> tuple[str, int] | None:
    """The kind of body counted by a figure ending at ``pos``, and where it ends: the head
    and its name, without a place ("102 Trung tâm Phục vụ hành chính công cấp xã" counts
    "Trung tâm Phục vụ hành chính công"). For the number kind, whose counted nouns are
    lower-case words.

    >>> s = "cùng 102 Trung tâm Phục vụ hành chính công cấp xã đã"
    >>> counted_body(s, 8)
    ('Trung tâm Phục vụ hành chính công', 42)
    >>> counted_body("có 12 UBND xã", 5), counted_body("có 12 hồ sơ", 5)
    (('UBND', 10), None)
    """
    start = pos
    while start < len(text) and start - pos < 3 and text[start] in " \t":
        start += 1
    lex = lexicon()
    found = head_at(lex, text, start) if start > pos else None
    if found is None:
        return None
    head, end = found
    if head.group == "named":
        toks = Tokens(text, end)
        j = Grammar(lex, text).name(toks, head)
        if j == 0:
            return None
        end = toks[j - 1].end
    return " ".join(text[start:end].split()), end


# a banner: a run of text on one line between line ends or wide gaps ("BỘ CÔNG AN
# <tab> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_SEGMENT_RE = regex.compile(r"[^\n\t ](?:[^\n\t ]| (?! ))*")
_ASCII_LOWER = re.compile("[a-z]")
_SENTENCE_MARKS = frozenset(':;!?"“”')
_MAX_BANNER_WORDS = 14


def _banner(lex: Lexicon, grammar: Grammar, text: str, start: int, end: int) -> int | None:
    """The end of an all-caps body filling ``text[start:end]`` ("SỞ THÔNG TIN VÀ TRUYỀN
    THÔNG", "ỦY BAN NHÂN DÂN TỈNH X"): a head in capitals opens it and the grammar reads a
    body from it. A headline is a sentence and names none: a word of ``headline_words``
    ("BỘ CÔNG AN RA MẮT ỨNG DỤNG") or a sentence mark rules it out, and a body named by
    its place must name a known place ("CÔNG AN HÀ NỘI", not "CÔNG AN HÀ NỘI ĐẨY NHANH …").

    >>> lex = lexicon()
    >>> s = "SỞ Y TẾ TỈNH BẮC NINH."
    >>> _banner(lex, Grammar(lex, s), s, 0, len(s))
    21
    >>> s = "SỞ Y TẾ TRIỂN KHAI BỆNH ÁN ĐIỆN TỬ"
    >>> _banner(lex, Grammar(lex, s), s, 0, len(s)) is None
    True
    """
    seg = text[start:end].rstrip(".,")
    m = lex.caps_head_re.match(text, start)
    if m is None or len(seg.split()) > _MAX_BANNER_WORDS:
        return None
    if any(c in _SENTENCE_MARKS for c in seg):
        return None
    head = lex.caps_heads[m.group()]
    toks = Tokens(text, m.end())
    i = 0
    while toks.has(i) and toks[i].end <= start + len(seg):
        if grammar.headline_word_at(toks, i):
            return None
        i += 1
    if head.group in {"placed", "brand"} and not grammar.names_a_place(toks, i):
        return None
    if grammar.body(head, start, m.end()) is None:
        return None
    return start + len(seg)


def _caps_segments(text: str) -> Iterator[tuple[int, int]]:
    r"""The spans of all-caps runs of two words or more, each a line or a header cell.

    >>> list(_caps_segments("Tin mới\nBỘ Y TẾ\t\tSỐ 12\nSở Y tế"))
    [(8, 15), (17, 22)]
    """
    pos = 0
    for line in text.split("\n"):
        # most lines have a lower-case letter: an ASCII one is found at once, and upper-casing
        # the line is the C-level test for the rest
        if _ASCII_LOWER.search(line) is None and line.upper() == line:
            for m in _SEGMENT_RE.finditer(line):
                seg = m.group()
                if " " in seg and any(c.isalpha() for c in seg):
                    yield pos + m.start(), pos + m.end()
        pos += len(line) + 1


_DIGIT = regex.compile(r"\d")
_LOOKBACK = 24  # how far before a head a plural word or a count is looked for


def _last_before_blanks(text: str, start: int, lo: int) -> int:
    r"""Where the word before the spaces or tabs ending at ``start`` ends (its last
    character), or -1 when no such blanks end there within ``text[lo:start]``.

    The blanks may end before a newline that ends the window, as ``[ \t]+$`` allows.

    >>> _last_before_blanks("các  UBND", 5, 0), _last_before_blanks("các \nUBND", 5, 0)
    (2, 2)
    >>> _last_before_blanks("các,UBND", 4, 0), _last_before_blanks("   UBND", 3, 0)
    (-1, -1)
    """
    end = start - 1 if start and text[start - 1] == "\n" else start
    i = end
    while i > lo and text[i - 1] in " \t":
        i -= 1
    return -1 if i == end or i - 1 < lo else i - 1


def _not_one_body(lex: Lexicon, text: str, start: int) -> bool:
    """Whether a plural word ("các", "những") or a count ("102") comes right before the
    head at ``start``: no body in particular.

    Both patterns end in blanks before the head, right after a plural word's last two
    letters or a digit: the word before the blanks tells which can match (most heads
    follow a word that ends in neither).

    >>> lex = lexicon()
    >>> [_not_one_body(lex, s, s.index("Sở")) for s in ("các Sở", "12 Sở", "năm 2020 Sở",
    ...                                                 "tại Sở", "Sở")]
    [True, True, False, False, False]
    """
    lo = max(0, start - _LOOKBACK)
    # most heads follow one space after a word: that word's end is known at once
    if start > 1 and text[start - 1] == " " and text[start - 2] not in " \t":
        last = start - 2
    else:
        last = _last_before_blanks(text, start, lo)
    if last < 0:
        return False
    char = text[last]
    plural = _ends_plural(char) and lex.plural_tail.search(text, max(lo, last - 1), last + 1)
    if plural and lex.plural_re.search(text, lo, start) is not None:
        return True
    return _is_digit(char) and lex.count_re.search(text, lo, start) is not None


# Per character, not per text: the answers of two one-character patterns, so the common
# characters before a head cost a dictionary lookup instead of a regex call
@functools.lru_cache(maxsize=4096)
def _ends_plural(char: str) -> bool:
    """Whether ``char`` may end a plural word (``plural_before``)."""
    return lexicon().plural_last.match(char) is not None


@functools.lru_cache(maxsize=4096)
def _is_digit(char: str) -> bool:
    r"""Whether ``char`` is a digit as ``\d`` in the count pattern reads one."""
    return _DIGIT.match(char) is not None


def _title_heads(lex: Lexicon, text: str, low: str) -> Iterator[tuple[Head, int, int]]:
    """Lower-case heads that close a title ("Trưởng phòng Tư pháp huyện": "phòng"), unless
    a person's name follows: a surname not followed by a lower-case word ("Trưởng phòng Lê
    Văn An"; "Giám đốc sở Y tế" is a body: "Y" opens Ê Đê names, but not before "tế").

    >>> s = "Trưởng phòng Nội vụ và trưởng phòng Lê Văn An, giám đốc sở Y tế"
    >>> [(h.form, a, b) for h, a, b in _title_heads(lexicon(), s, s.lower())]
    [('Phòng', 7, 12), ('Sở', 56, 58)]
    """
    for m in prefiltered(lex.title_head_re, text, literal_positions(low, lex.title_words)):
        words = _NEXT_WORDS.match(text, m.end())
        if words is None or (
            words.group(1) in lex.surnames and not (words.group(2) or "").islower()
        ):
            continue
        yield lex.heads[m.group("head").capitalize()], m.start("head"), m.end("head")


_NEXT_WORDS = regex.compile(r"[ \t]+(\w+)(?:[ \t]+(\w+))?")


# a head's start, the key the two head lists are sorted on (C-level: once per head)
_start = operator.itemgetter(1)


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``organization`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Giữa UBND huyện với UBND tỉnh, các sở, ban, ngành và UBND các xã."))
    >>> [(c.rule, c.values["name"]) for c in find(d)]
    [('organization.placed', 'UBND huyện'), ('organization.placed', 'UBND tỉnh')]
    """
    lex = lexicon()
    text = doc.text
    grammar = Grammar(lex, text)
    # all-caps runs are read only as banners: the grammar's capitals mean names elsewhere
    caps = list(_caps_segments(text))
    caps_starts = [a for a, _ in caps]
    for c_start, c_end in caps:
        b_end = _banner(lex, grammar, text, c_start, c_end)
        if b_end is None:
            continue
        name = _name(doc, c_start, b_end)
        yield Candidate(
            "organization",
            c_start,
            b_end,
            "organization.banner",
            {"name": name, "expanded": expand(name)},
        )
    covered = 0
    found = heads_in(lex, text)
    titled = list(_title_heads(lex, text, doc.lower()))
    if titled:
        # a stable sort of the two ordered lists: what a merge gives, ties in list order
        found = sorted(found + titled, key=_start)
    for head, start, head_end in found:
        if start < covered:
            continue  # a head inside a body already read: "Văn phòng UBND tỉnh"
        # the segments are sorted and disjoint: only the last one opening before can hold it
        at = bisect.bisect_right(caps_starts, start) - 1 if caps else -1
        if at >= 0 and start < caps[at][1]:
            continue
        if _not_one_body(lex, text, start):
            continue  # "cùng 102 Trung tâm …", "các Sở": bodies, none in particular
        end = grammar.body(head, start, head_end)
        if end is None:
            continue
        covered = end
        name = _name(doc, start, end)
        yield Candidate(
            "organization",
            start,
            end,
            f"organization.{head.group}",
            {"name": name, "expanded": expand(name)},
        )
