"""The organisation grammar: ``head [name] [place]``, read token by token.

A head word ("UBND", "Sở", "Ban Chỉ đạo", "Tỉnh ủy", "VNPT") anchors every match; what may
follow depends on its group (see ``patterns/organizations.yaml``). Only a bounded window of
tokens after the head is read (:data:`_MAX_TOKENS`), so the cost per head is constant.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ._gazetteer import fold_view, gazetteer
from ._org_lexicon import TOKEN_RE, Head, Lexicon, head_at

_MAX_TOKENS = 40
# a token's class by the number of the group of ``TOKEN_RE`` that read it
_KINDS = ("punct", "acr", "word", "num", "punct")
_MAX_WINDOW = 240
_MAX_ELEMENTS = 14
_MAX_PLACE_WORDS = 6
# a bare level followed by another level is a plural: "UBND xã, phường", "UBND tỉnh/thành phố"
_LEVEL_LIST = frozenset({",", "/", "-"})
_CONNECTORS = frozenset({"và", ",", "-", "&"})
_GENERIC = -1
# levels below the district: their units are often named after people
_WARD_LEVELS = frozenset({"phường", "xã", "trấn", "quận", "p", "q"})
# levels whose units may be numbered after their name ("phường Hòa Khánh 2")
_NUMBERED_UNITS = frozenset({"phường", "xã", "trấn", "quận", "huyện"})
# marks after which a figure ends a name ("phường X 2, ..."), unlike "2/3", "2%", "2-3"
_CLAUSE_MARKS = frozenset(',.;:!?()"“”')
_MAX_REMIT_WORDS = 10


# the gazetteer levels a level word's last syllable names ("thị xã" → "xã" → town)
_UNIT_LEVELS: dict[str, frozenset[str]] = {
    "xã": frozenset({"commune", "town"}),
    "phường": frozenset({"ward"}),
    "trấn": frozenset({"township"}),
    "huyện": frozenset({"district"}),
    "quận": frozenset({"district"}),
    "tỉnh": frozenset({"province"}),
    "phố": frozenset({"city", "province"}),
    "khu": frozenset({"commune", "district"}),
}
# with no level word, only the units whose names are seldom people's: communes and wards
# are often named after people ("Tỉnh ủy Hoàng Văn Thụ" is the committee and its secretary)
_NAMED_LEVELS = frozenset({"province", "city", "district", "town"})


def _short_figure(tok: Tok, digits: int) -> bool:
    """Whether ``tok`` is a plain figure of at most ``digits`` digits ("1", "06", not
    "30.000"): a unit's or a programme's number, not a count."""
    return tok.kind == "num" and tok.text.isdigit() and len(tok.text) <= digits


def _is_place(name: str, levels: frozenset[str] | None = None) -> bool:
    """Whether ``name`` (in the view's spelling) is a unit of the gazetteer, of one of
    ``levels`` when given.

    >>> _is_place("Hoàng Su Phì", _NAMED_LEVELS), _is_place("Sùng Mí Dế")
    (True, False)
    >>> _is_place("Hoàng Văn Thụ"), _is_place("Hoàng Văn Thụ", _NAMED_LEVELS)
    (True, False)
    """
    units = gazetteer().units.get(fold_view(name), ())
    return any(levels is None or u.level in levels for u in units)


@functools.lru_cache(maxsize=1 << 16)
def _shape(text: str, kind: str) -> tuple[str, bool, bool, bool]:
    """(lower-cased, capitalised, lower-case word, acronym) of a token: the same words
    recur, so each is worked out once (bounded: a token, never a sentence, is the key).

    >>> _shape("UBND", "word"), _shape("xã", "word"), _shape("-", "punct")
    (('ubnd', True, False, True), ('xã', False, True, False), ('-', False, False, False))
    """
    # capitalised words and acronyms: the stuff names are made of
    if kind == "word":
        first = text[0]
        return text.lower(), first.isupper(), first.islower(), len(text) > 1 and text.isupper()
    if kind == "acr":
        return text.lower(), True, False, True
    return text.lower(), False, False, len(text) > 1 and text.isupper()


class Tok:
    """One token of the view after a head, with the classes the grammar asks about."""

    __slots__ = ("acronym", "cap", "end", "gap", "kind", "low", "lower_word", "start", "text")

    def __init__(self, text: str, kind: str, start: int, end: int, gap: str) -> None:
        self.text = text
        self.kind = kind  # "acr", "word", "num" or "punct"
        self.start = start
        self.end = end
        self.gap = gap  # the spaces before it
        self.low, self.cap, self.lower_word, self.acronym = _shape(text, kind)


class Tokens(list[Tok]):
    """The tokens after a head on the same line, read only as far as the grammar asks
    (at most :data:`_MAX_TOKENS`, within :data:`_MAX_WINDOW` characters).

    A list of the tokens read so far: ``toks[i]`` is plain list indexing, so the grammar
    calls :meth:`has` (which reads on) before it looks at a token it has not seen yet.

    >>> toks = Tokens("UBND huyện Ea H'leo, tỉnh\\nX", 4)
    >>> [t.text for t in toks.span(0, 9)]
    ['huyện', 'Ea', "H'leo", ',', 'tỉnh']
    >>> toks.has(4), toks.has(5)
    (True, False)
    """

    __slots__ = ("_done", "_it", "_prev", "_text")

    def __init__(self, text: str, pos: int) -> None:
        # no list.__init__: a new list is empty already
        self._text = text
        self._it = TOKEN_RE.finditer(text, pos, min(len(text), pos + _MAX_WINDOW))
        self._prev = pos
        self._done = False

    def has(self, i: int) -> bool:
        """Whether token ``i`` exists (reading up to it)."""
        n = len(self)
        if i < n:
            return True
        if self._done:
            return False
        # the reading is inlined here: the grammar asks this for every token it reads
        text, it, prev = self._text, self._it, self._prev
        while n <= i:
            m = next(it, None)
            if m is None or n >= _MAX_TOKENS:
                self._done = True
                return False
            start, end = m.span()
            if start - prev > 3 or (start > prev and "\n" in text[prev:start]):
                self._done = True
                return False
            self.append(
                Tok(text[start:end], _KINDS[m.lastindex or 0], start, end, text[prev:start])
            )
            prev = end
            n += 1
        self._prev = prev
        return True

    def span(self, a: int, b: int) -> list[Tok]:
        """Tokens ``a`` to ``b`` (exclusive), as far as they exist."""
        self.has(b - 1)
        return self[a:b]


def match_seq(toks: Tokens, i: int, seq: Sequence[str]) -> int | None:
    """The index after ``seq`` when the tokens from ``i`` spell it (case-insensitive).

    Tokens are read one at a time as they match: a mismatch reads no further.
    """
    if not seq:
        return i if toks.has(i - 1) else None
    for word in seq:
        if not (i < len(toks) or toks.has(i)) or toks[i].low != word:
            return None
        i += 1
    return i


class Grammar:
    """Reads one organisation after a head, given the compiled lexicon."""

    def __init__(self, lex: Lexicon, text: str) -> None:
        self.lex = lex
        self.text = text
        self._nested = False

    # --- places ---------------------------------------------------------------------

    def level_at(self, toks: Tokens, i: int) -> tuple[int, bool, bool] | None:
        """(end, bare allowed, numbered) of the level word at ``i``."""
        if i >= len(toks) and not toks.has(i):
            return None
        levels = self.lex.levels.get(toks[i].low)
        if levels is None:
            return None  # most tokens: no level starts with them
        for lv in levels:
            end = match_seq(toks, i, lv.tokens)
            if end is None:
                continue
            # "TP", "Q." are abbreviations only in capitals; "Tỉnh ủy" is a body
            if lv.expands is not None and not toks[i].text[0].isupper():
                continue
            # "Tỉnh ủy", "xã hội" are other words; "xã Đoàn Kết", "xã Hội Hoan" are names
            if toks.has(end) and self._joins_level(toks[i], toks[end]):
                return None
            return end, lv.bare, lv.numbered
        return None

    def _joins_level(self, level: Tok, nxt: Tok) -> bool:
        """Whether ``nxt`` makes the level word another word ("Tỉnh ủy", "xã hội"), not
        the start of a name ("xã Đoàn Kết", "xã Hội Hoan")."""
        return nxt.low in self.lex.not_level_before and not (nxt.cap and level.lower_word)

    def cap_run(self, toks: Tokens, i: int, numbered: bool = False) -> int | None:
        """The end of a place name at ``i``: capitalised words ("Bà Rịa - Vũng Tàu"), or a
        number after "quận"/"phường"."""
        if i >= len(toks) and not toks.has(i):
            return None
        if numbered and _short_figure(toks[i], 3):
            return i + 1
        end = None
        j = i
        words = 0
        while words < _MAX_PLACE_WORDS and (j < len(toks) or toks.has(j)):
            tok = toks[j]
            if tok.cap and (j == i or tok.gap or toks[j - 1].low == "-"):
                words += 1
                j += 1
                end = j
            elif tok.low == "-" and end is not None and toks.has(j + 1) and toks[j + 1].cap:
                j += 1
            else:
                break
        return end

    def _numbered_name(self, toks: Tokens, start: int, end: int) -> int:
        """The name ``start..end`` with a figure after it when it names the unit: the
        gazetteer knows it ("phường Mỹ Đình 1"), or a ward, commune or district's name takes
        a 1-2 digit figure that ends the phrase ("phường Hòa Khánh 2, ...", "xã Tân Lập 3
        đã ..."). A figure before a counted noun is a count ("xã Tân Lập 2 lớp").
        """
        if not (toks.has(end) and _short_figure(toks[end], 4) and toks[end].gap == " "):
            return end
        name = " ".join(t.text for t in toks.span(start, end + 1))
        if _is_place(name):
            return end + 1
        level = toks[start - 1].low if start else ""
        if (
            level in _NUMBERED_UNITS
            and len(toks[end].text) <= 2
            and self._ends_phrase(toks, end + 1)
        ):
            return end + 1
        return end

    def _ends_phrase(self, toks: Tokens, i: int) -> bool:
        """Whether the phrase ends before token ``i``: the line ends, or a clause mark, a
        capitalised word or a predicate (``predicates``) comes next."""
        if not toks.has(i):
            return True
        tok = toks[i]
        if tok.kind == "punct":
            return tok.text in _CLAUSE_MARKS
        return tok.cap or self.predicate_at(toks, i) is not None

    def headline_word_at(self, toks: Tokens, i: int) -> bool:
        """Whether a word that makes an all-caps line a sentence starts at token ``i``:
        one of ``headline_words`` or a predicate of two words or more ("TRIỂN KHAI")."""
        for seq in self.lex.headline_words.get(toks[i].low, ()):
            if match_seq(toks, i, seq) is not None:
                return True
        end = self.predicate_at(toks, i)
        return end is not None and end - i >= 2

    def names_a_place(self, toks: Tokens, n: int) -> bool:
        """Whether tokens ``0..n`` are a known place, after a level word or not ("TỈNH
        BÀ RỊA - VŨNG TÀU", "ĐẮK LẮK")."""
        level = self.level_at(toks, 0)
        start = level[0] if level else 0
        if start >= n:
            return level is not None and level[1]
        words = toks.span(start, n)
        name = " ".join(t.text for t in words)
        return _is_place(name) or (
            level is not None and level[2] and len(words) == 1 and _short_figure(words[0], 3)
        )

    def predicate_at(self, toks: Tokens, i: int) -> int | None:
        """The end of a ``predicates`` phrase at token ``i``."""
        if not toks.has(i):
            return None
        for seq in self.lex.predicates.get(toks[i].low, ()):
            end = match_seq(toks, i, seq)
            if end is not None:
                return end
        return None

    def place(self, toks: Tokens, i: int, rule: str) -> int | None:
        """The end of the body's place at ``i``; ``_GENERIC`` for a plural of levels."""
        if rule == "none" or not toks.has(i):
            return None
        level = self.level_at(toks, i)
        if level is not None:
            end, bare, numbered = level
            named = self.cap_run(toks, end, numbered)
            if named is not None:
                return self._numbered_name(toks, end, named)
            if not bare:
                return None
            if (
                toks.has(end + 1)
                and toks[end].low in _LEVEL_LIST
                and toks[end + 1].lower_word
                and self.level_at(toks, end + 1)
            ):
                return _GENERIC
            return end
        if rule == "any":
            return self.cap_run(toks, i)
        return None

    # --- names ----------------------------------------------------------------------

    def starts_head(self, tok: Tok) -> str | None:
        found = head_at(self.lex, self.text, tok.start)
        return found[0].group if found else None

    def element(
        self, toks: Tokens, k: int, topic: bool, lowercase: Sequence[Sequence[str]]
    ) -> tuple[int, bool] | None:
        """(end, is a governor) of one name element at ``k``: a topic phrase, a compound,
        an acronym, or a capitalised syllable with at most one lower-case one after it."""
        lex = self.lex
        if not toks.has(k):
            return None
        if topic:
            for seq in lex.topics.get(toks[k].low, ()):
                end = match_seq(toks, k, seq)
                if end is not None:
                    return end, False
            end = self.programme(toks, k)
            if end is not None:
                return end, False
        for low_seq in lowercase:
            end = match_seq(toks, k, low_seq)
            if end is not None:
                return end, " ".join(low_seq) in lex.governors
        tok = toks[k]
        if not tok.cap:
            return None
        for seq in lex.compounds.get(tok.low, ()):
            end = match_seq(toks, k, seq)
            if end is not None:
                return end, " ".join(seq) in lex.governors
        end = k + 1
        # the second word of a proper name ("Đắk Lắk điện tử") takes no lower-case syllable
        prev = toks[k - 1] if k > 0 else None
        in_proper_name = prev is not None and prev.cap and not prev.acronym
        if not tok.acronym and not in_proper_name and toks.has(end):
            nxt = toks[end]
            if (
                nxt.lower_word
                and nxt.gap == " "
                and nxt.low not in lex.stop_words
                and not self._opens_phrase(toks, end)
            ):
                end += 1
                if toks.has(end) and toks[end].low in lex.suffixes and toks[end].gap == " ":
                    end += 1
        return end, " ".join([t.low for t in toks.span(k, end)]) in lex.governors

    def _opens_phrase(self, toks: Tokens, k: int) -> bool:
        """Whether a remit or a predicate of two or more words opens at ``k``: "Cục Thuế
        quản lý …" does not make "Thuế quản" a name word."""
        level = self.level_at(toks, k)
        remit = self._remit_start(toks, k, True)
        ends = (remit and remit[0], self.predicate_at(toks, k), level and level[0])
        return any(e is not None and e - k >= 2 for e in ends)

    def programme(self, toks: Tokens, k: int) -> int | None:
        """The end of a document a body runs, named by type and short number, at ``k``:
        "Đề án 06", "triển khai Chương trình 135" (the type capitalised, a figure after)."""
        for lead in self.lex.programme_leads:
            after = match_seq(toks, k, lead)
            if after is not None:
                k = after
                break
        if not (toks.has(k) and toks[k].cap):
            return None
        for seq in self.lex.programmes.get(toks[k].low, ()):
            end = match_seq(toks, k, seq)
            if end is not None and toks.has(end) and _short_figure(toks[end], 4) and toks[end].gap:
                return end + 1
        return None

    def tail(self, toks: Tokens, j: int) -> int | None:
        """The end of a closing lower-case word ("… quốc gia") at ``j``."""
        if not toks.has(j):
            return None
        for seq in self.lex.tails.get(toks[j].low, ()):
            end = match_seq(toks, j, seq)
            if end is not None:
                return end
        return None

    def name(self, toks: Tokens, head: Head) -> int:
        """The end of the name after ``head`` (0 when there is none)."""
        j = 0
        comma: int | None = None
        joined_after_comma = False
        governed = head.governs
        prev_group: str | None = None
        for n in range(_MAX_ELEMENTS):
            k = j
            conn = None
            nxt_group: str | None = None
            if n and toks.has(k) and toks[k].low in _CONNECTORS:
                conn = toks[k].low
                k += 1
                if self._starts_title(toks, k):
                    break  # "Sở Y tế - Phó Chủ tịch UBND huyện": another office
                nxt_group = self.starts_head(toks[k]) if toks.has(k) else None
                # a head word with no body of its own after a comma is one more remit of a
                # listed name: "Phòng Bưu chính, Viễn thông và Công nghệ thông tin"
                if conn == "," and nxt_group and not self._stands_as_body(toks, k):
                    nxt_group = "remit"
                # "Sở Y tế và Sở Nội vụ" are two bodies; "HĐND và UBND huyện" share a place
                if (
                    conn in {"và", ","}
                    and nxt_group not in {None, "remit"}
                    and not (conn == "và" and prev_group == "placed" == nxt_group)
                ):
                    break
            elif n and not (toks.has(k) and toks[k].gap):
                break
            elif n and self._abbreviated_place(toks, k):
                break  # "Sở Y tế TP. Cần Thơ": the place, not one more name word
            found = self.element(toks, k, governed, head.lowercase_names if n == 0 else ())
            if found is None:
                tail = self.tail(toks, j) if n and conn is None else None
                j = tail or j
                break
            if conn == "," and comma is None:
                comma = j
            elif conn == "và" and comma is not None:
                joined_after_comma = True
            prev_group = None if nxt_group == "remit" else self.starts_head(toks[k])
            j, governed = found
        # "A, B và C" is one name; "A, B" without "và" is a list: keep "A"
        if comma is not None and not joined_after_comma:
            j = comma
        return j

    def _abbreviated_place(self, toks: Tokens, k: int) -> bool:
        """Whether an abbreviated level and its unit's name start at ``k`` ("TP. Huế",
        "TX Sơn Tây", "TP.HCM")."""
        if not toks.has(k) or toks[k].low not in self.lex.abbreviations:
            return False
        level = self.level_at(toks, k)
        return level is not None and self.cap_run(toks, level[0]) is not None

    # --- lower-case remits ------------------------------------------------------------

    def _remit_start(self, toks: Tokens, k: int, verbs: bool) -> tuple[int, bool] | None:
        """(end, takes an object) of a remit phrase at ``k``: one of ``remit_nouns``, or of
        ``remit_verbs`` when ``verbs``."""
        if not (toks.has(k) and toks[k].lower_word and toks[k].gap):
            return None
        lex = self.lex
        tables = [(lex.remit_verbs, True)] if verbs else []
        for table, verb in [*tables, (lex.remit_nouns, False)]:
            for seq in table.get(toks[k].low, ()):
                end = match_seq(toks, k, seq)
                if end is not None:
                    return end, verb
        return None

    def remit_kind(self, toks: Tokens, head: Head, j: int) -> bool | None:
        """Which lower-case remit the body read up to ``j`` may go on with: None for none,
        False for field nouns only ("Ngân hàng Nhà nước chi nhánh …", "Cục … giao
        thông"), True for remits with an object too (a force: "Cục Cảnh sát quản lý hành
        chính về …")."""
        if j:  # before any name word the name is empty: no force word is in it
            name = " ".join([t.low for t in toks.span(0, j)])
            if any(force in name for force in self.lex.remit_names):
                return True
        return False if head.form in self.lex.remit_heads else None

    def remit(self, toks: Tokens, j: int, verbs: bool) -> tuple[int, bool]:
        """(end, a place follows) of a lower-case remit continuing a name at ``j`` ("Cục
        Cảnh sát quản lý hành chính về trật tự xã hội", "… phòng cháy, chữa cháy và cứu nạn,
        cứu hộ", "Ngân hàng Nhà nước chi nhánh tỉnh X"); ``j`` when none reads whole.

        Field nouns chain ("giao thông đường bộ"); only a verb's object runs over free
        lower-case words, up to a predicate, a mark, a level word or a capital."""
        first = self._remit_start(toks, j, verbs)
        # "Cục An ninh mạng và phòng, chống …": a second remit after a capitalised one
        and_remit = toks.has(j + 1) and toks[j].low == "và" and not self.starts_head(toks[j + 1])
        if first is None and and_remit:
            first = self._remit_start(toks, j + 1, verbs)
        if first is None:
            return j, False
        k, takes_object = first
        end, words, placed = k, 0, False
        while toks.has(k) and words <= _MAX_REMIT_WORDS:
            tok = toks[k]
            joined = tok.low in {",", "và"}
            # field nouns follow each other ("giao thông đường bộ"); a verb only after a
            # connector: in "Phòng Cảnh sát hình sự điều tra vụ án" it is the predicate
            nxt = self._remit_start(toks, k + 1 if joined else k, verbs and joined)
            if nxt is not None and not (joined and self.starts_head(toks[k + 1])):
                k = end = nxt[0]
                takes_object = takes_object or nxt[1]
                words += 1
            elif tok.kind == "punct" or tok.cap or self.predicate_at(toks, k) is not None:
                break
            elif self.level_at(toks, k) is not None:
                placed = True
                break
            elif takes_object and tok.lower_word and tok.gap == " ":
                if tok.low == "về" and not self._remit_word(toks, k + 1):
                    break
                k += 1
                words += 1
                if tok.low != "về":
                    end = k
            elif takes_object:
                return j, False  # a figure: "quản lý 2 triệu hồ sơ" is a predicate
            else:
                break
        if words > _MAX_REMIT_WORDS:
            return j, False
        # a verb that wants its object ("quản lý") is no remit alone; "giao thông" is one
        opener = " ".join(t.low for t in toks.span(j, end))
        if words == 0 and not placed and (end - j < 2 or opener in self.lex.governors):
            return j, False
        return end, placed

    def _remit_word(self, toks: Tokens, k: int) -> bool:
        """Whether token ``k`` may go on a remit after "về"."""
        return (
            toks.has(k)
            and toks[k].lower_word
            and self.predicate_at(toks, k) is None
            and self.level_at(toks, k) is None
        )

    def _starts_title(self, toks: Tokens, k: int) -> bool:
        """Whether a title ("Phó Chủ tịch", "Giám đốc") starts at token ``k``."""
        if not toks.has(k) or not toks[k].cap:
            return False
        return any(match_seq(toks, k, t) for t in self.lex.titles.get(toks[k].low, ()))

    def _stands_as_body(self, toks: Tokens, k: int) -> bool:
        """Whether the head at token ``k`` opens a body of its own ("Công an tỉnh", "Sở Tư
        pháp"), not a bare remit word inside a listed name ("…, Viễn thông và …")."""
        found = head_at(self.lex, self.text, toks[k].start)
        if found is None:
            return False
        head, end = found
        if head.group == "standalone" or self._nested:
            return True
        # one level deep only: inside this reading every head after a comma is a body
        self._nested = True
        try:
            return self.body(head, toks[k].start, end) is not None
        finally:
            self._nested = False

    # --- people after a title ---------------------------------------------------------

    def person_cut(self, toks: Tokens, end: int, head_start: int) -> int:
        """Where the body ends when a person's name follows it: "Chủ tịch UBND tỉnh
        Nguyễn Văn A" ends before "Nguyễn".

        The person is a trailing run of 3-4 capitalised syllables from a surname (2 when a
        place of 2+ syllables stands before it). Right after a level word the run may be all
        person only after a title, and not after a ward-level word, where streets are named
        after people ("phường Trần Hưng Đạo")."""
        lex = self.lex
        run = end
        while run > 0 and toks[run - 1].kind == "word" and toks[run - 1].cap:
            if run < end and toks[run].gap != " ":
                break
            run -= 1
        surnames = lex.surnames
        for first in range(run, end):
            if toks[first].text in surnames:
                break
        else:
            return end  # no surname opens a name in the run: no person to cut off
        whole = " ".join([t.text for t in toks.span(run, end)])
        levels = _UNIT_LEVELS.get(toks[run - 1].low, _NAMED_LEVELS) if run else _NAMED_LEVELS
        if whole in lex.person_like_places or _is_place(whole, levels):
            return end  # "Chủ tịch UBND huyện Hoàng Su Phì": a place shaped like a name
        ward = run > 0 and toks[run - 1].low in _WARD_LEVELS
        # provinces are a closed list: after "tỉnh" a two-syllable name that is none of them
        # is a person's ("Phó Chủ tịch UBND tỉnh Hoàng Nam")
        closed = run > 0 and toks[run - 1].low == "tỉnh"
        for q in range(first, end):
            rest = end - q
            if toks[q].text not in surnames:
                continue
            if q - run >= 2 and rest in (3, 4):
                return q
            placed_before = rest == 2 and q - run >= 2
            whole_run = q == run and (rest in (3, 4) or (rest == 2 and closed)) and not ward
            if (placed_before or whole_run) and self._titled(head_start):
                return q
        return end

    def _titled(self, head_start: int) -> bool:
        """Whether a title ("Chủ tịch", "cán bộ") ends right before the head, or the head
        closes one ("Trưởng phòng Nội vụ huyện": the head of "phòng Nội vụ huyện")."""
        lo = max(0, head_start - 48)
        if self.lex.title_re.search(self.text, lo, head_start) is not None:
            return True
        if not self.text[head_start : head_start + 1].islower():
            return False
        for m in self.lex.title_head_re.finditer(self.text, lo):
            if m.start("head") >= head_start:
                return m.start("head") == head_start
        return False

    # --- one body ---------------------------------------------------------------------

    def body(self, head: Head, head_start: int, head_end: int) -> int | None:
        """The end (view offset) of the body whose head spans ``[head_start, head_end)``,
        or None when the head names no particular body."""
        toks = Tokens(self.text, head_end)
        if head.not_after or head.name_starts:
            first = toks[0].low if toks.has(0) else None
            # each phrase is tried only when its first word is the next token
            for seq in head.not_after:
                if (not seq or seq[0] == first) and match_seq(toks, 0, seq) is not None:
                    return None
            if head.name_starts and all(
                (seq and seq[0] != first) or match_seq(toks, 0, seq) is None
                for seq in head.name_starts
            ):
                return None
        j = 0
        if head.group == "named":
            if head.body_only and not (toks.has(0) and self.starts_head(toks[0])):
                return None
            j = self.name(toks, head)
            if j == 0:
                return None
        remit = None
        # with no name read, only a head of ``remit_heads`` may go on with a remit
        if head.place != "none" and (j or head.form in self.lex.remit_heads):
            remit = self.remit_kind(toks, head, j)
        if remit is not None:
            j = self.remit(toks, j, remit)[0]
        where = self.place(toks, j, head.place)
        if where == _GENERIC:
            return None
        if where is not None:
            j = where
            branch, placed = self.remit(toks, j, False) if remit is not None else (j, False)
            second = self.place(toks, branch, "level") if placed else None
            if second is not None and second != _GENERIC:
                j = second  # "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh X"
        elif head.group == "placed":
            return None
        elif head.group == "named" and toks.has(j) and toks[j].low in {"các", "những"}:
            return None  # "Sở Y tế các tỉnh": one kind of body in many places
        elif toks.has(j + 1) and toks[j].low == "cấp" and self.level_at(toks, j + 1):
            return None  # "Trung tâm Phục vụ hành chính công cấp xã": the kind at a level
        cut = self.person_cut(toks, j, head_start)
        if cut != j and cut == 0 and head.group == "placed":
            return None
        j = cut
        while j and toks[j - 1].low in _CONNECTORS and not toks[j - 1].cap:
            j -= 1  # the person cut off "Sở Y tế - Nguyễn Văn A" leaves the dash behind
        return toks[j - 1].end if j else head_end
