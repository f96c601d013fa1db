"""Reading titles, organisation phrases and names word by word, within a bounded window.

Vietnamese capitalises only the first syllable of each word of a proper name ("Sở Thông tin
và Truyền thông"), so an organisation phrase is read as capitalised words, the lower-case
syllable that completes one of them, link words ("tỉnh", "nhân dân") and known organisation
names from the pattern files. Where such a phrase runs straight into a name ("Chủ tịch UBND
tỉnh Lâm Đồng Trần Văn A"), the name is cut off its end by the surname lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ._person_data import NAME_TOKEN, PersonTables, tables

# a word: letters and digits, joined by an apostrophe, "&", a dot or a hyphen ("H'Leo",
# "TT&TT", "TP.HCM", "CNTT-TT")
_WORD = regex.compile(r"[ \t]*([\p{L}\d]+(?:['&.\-][\p{L}\d]+)*)")
_NAME_TOKEN = regex.compile(NAME_TOKEN)
_AND = frozenset({"và", "&"})
# a spaced dash joining two remits of one name: "Văn phòng - Thống kê", "Tư pháp - Hộ tịch"
_DASH = regex.compile(r"[ \t]+[-–][ \t]+(?=\p{Lu})")
_MAX_TOKENS = 18


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a chain: its view offsets and how it was read."""

    start: int
    end: int
    kind: str  # "org" (known name), "link" (tỉnh, huyện...), "cap", "lc", "and"


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def is_name_token(word: str) -> bool:
    """A syllable that can be part of a name: Capitalised, not an acronym.

    >>> [is_name_token(w) for w in ("Giang", "H'Hen", "A", "UBND", "tỉnh")]
    [True, True, True, False, False]
    """
    return _NAME_TOKEN.fullmatch(word) is not None


def _next_word(text: str, pos: int, stop: int | None = None) -> regex.Match[str] | None:
    return _WORD.match(text, pos, stop)


def _accepts_lower_after_cap(text: str, end: int, t: PersonTables, stop: int) -> bool:
    """A lower-case syllable after a capitalised one ends an org word ("Nội vụ", "Y tế")
    when what follows is not more running prose: a capital, a link word, "và" or a stop.
    Nothing at or after ``stop`` is read."""
    rest = text[end : min(end + 2, stop)]
    if not rest.strip() or rest.lstrip()[:1] in ",.;:!?)(\"'-/":
        return True
    nxt = _next_word(text, end, stop)
    if nxt is None:
        return True
    word = nxt.group(1)
    return _is_cap(word) or word in _AND or t.link_re.match(text, nxt.start(1), stop) is not None


def _dash_joins(text: str, pos: int, t: PersonTables, stop: int | None = None) -> bool:
    """Whether a spaced dash at ``pos`` joins two remits of one body ("Văn phòng - Thống
    kê xã") rather than setting off a name or a new title ("… - Nguyễn Văn A", "… - Phó
    Chủ tịch").

    Nothing at or after ``stop`` is read.

    >>> s = "công chức Văn phòng - Thống kê xã"
    >>> _dash_joins(s, 19, tables()), _dash_joins("Sở Y tế - Nguyễn Văn A", 7, tables())
    (True, False)
    """
    dash = _DASH.match(text, pos, stop)
    if dash is None:
        return False
    nxt = _next_word(text, dash.end(), stop)
    if nxt is None or t.stop_re.match(text, nxt.start(1), stop) is not None:
        return False
    word = nxt.group(1)
    opens_name = word in t.surnames or word in t.ethnic or word.startswith(t.ethnic_apostrophe)
    return not opens_name


def read_chain(text: str, pos: int, limit: int = 160) -> list[Token]:
    """The organisation-and-name words from ``pos`` on, on one line, within ``limit`` chars.

    >>> s = "Giám đốc Sở Nội vụ tỉnh Gia Lai Lê Văn B cho biết"
    >>> [s[t.start:t.end] for t in read_chain(s, 8)]
    ['Sở Nội vụ', 'tỉnh', 'Gia', 'Lai', 'Lê', 'Văn', 'B']
    """
    t = tables()
    # matches end at `stop` (endpos) instead of reading a slice `text[:stop]`: the slice
    # copies everything before `pos`, quadratic on a long one-line article
    stop = min(len(text), pos + limit)
    out: list[Token] = []
    i = pos
    while len(out) < _MAX_TOKENS:
        m = _next_word(text, i, stop)
        if m is None:
            if out and out[-1].kind in {"cap", "lc", "org"} and _dash_joins(text, i, t, stop):
                dash = _DASH.match(text, i, stop)
                assert dash is not None
                out.append(Token(i, dash.end(), "and"))
                i = dash.end()
                continue
            break
        ws, we, word = m.start(1), m.end(1), m.group(1)
        cap = _is_cap(word)
        # known names are capitalised: the costly pattern is tried on capitals only
        org = t.org_re.match(text, ws, stop) if cap else None
        if org is not None:
            out.append(Token(ws, org.end(), "org"))
            i = org.end()
            continue
        link = t.link_re.match(text, ws, stop)
        if link is not None:
            out.append(Token(ws, link.end(), "link"))
            i = link.end()
            continue
        if cap:
            out.append(Token(ws, we, "cap"))
        elif word in _AND:
            nxt = _next_word(text, we, stop)
            closes = nxt is None or t.stop_re.match(text, nxt.start(1), stop) is not None
            if closes or nxt is None or not _is_cap(nxt.group(1)):
                break  # "Sở Y tế và Chủ tịch UBND ...": a new title, not more of the org
            out.append(Token(ws, we, "and"))
        elif out and out[-1].kind == "cap" and _accepts_lower_after_cap(text, we, t, stop):
            out.append(Token(ws, we, "lc"))
        else:
            break
        i = we
    if out and out[-1].kind == "and":
        out.pop()
    return out


def read_title(text: str, start: int, head_end: int) -> tuple[int, list[Token]]:
    """The end of the title that starts with a head word at ``start``..``head_end``, and
    the chain read after its modifiers (which may end with a name).

    >>> s = "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Văn A cho biết"
    >>> end, chain = read_title(s, 0, 12)
    >>> s[:end], [s[c.start:c.end] for c in chain][-3:]
    ('Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Văn A', ['Nguyễn', 'Văn', 'A'])
    """
    t = tables()
    end = head_end
    for _ in range(3):
        mod = t.modifier_re.match(text, end)
        if mod is None:
            break
        end = mod.end()
    chain = read_chain(text, end)
    if chain:
        end = chain[-1].end
    return end, chain


def name_tokens(text: str, chain: list[Token]) -> list[Token]:
    """The name-shaped capitalised words at the end of ``chain`` (possibly none).

    A lower-case word after them is prose, not an org word: "... Nguyễn Văn A nói."
    """
    run: list[Token] = []
    tail = chain[:-1] if len(chain) >= 2 and chain[-1].kind == "lc" else chain
    for tok in reversed(tail):
        if tok.kind != "cap" or not is_name_token(text[tok.start : tok.end]):
            break
        run.append(tok)
    run.reverse()
    return run


def _starts_name(words: list[str], t: PersonTables) -> int:
    """How long the name-opening prefix at the start of ``words`` is (0 when none)."""
    if words[0] in t.surnames:
        return 1
    if len(words) > 1 and f"{words[0]} {words[1]}" in t.ethnic:
        return 2
    if words[0] in t.ethnic or words[0].startswith(t.ethnic_apostrophe):
        return 1
    return 0


def split_name(
    text: str, run: list[Token], after_unit: bool, bare_title: bool = False
) -> list[Token] | None:
    """The tokens of the name at the end of ``run`` (capitalised words after a title).

    The name starts at a surname or an ethnic prefix and is 2-4 syllables (up to 5 with an
    ethnic prefix); a 3-syllable name is preferred where several cuts fit, since that is
    the usual length. A 2-syllable "name" right after a unit word ("tỉnh Hà Nam") is a
    place. Right after a bare title the place list does not apply: "Chủ tịch Hồ Chí Minh"
    is the man, "Chủ tịch UBND TP Hồ Chí Minh" the city.

    >>> s = "Lâm Đồng Trần Hồng Thái"
    >>> toks = [Token(m.start(), m.end(), "cap") for m in regex.finditer(r"\\S+", s)]
    >>> [s[x.start:x.end] for x in split_name(s, toks, True) or []]
    ['Trần', 'Hồng', 'Thái']
    """
    t = tables()
    words = [text[x.start : x.end] for x in run]
    options: list[int] = []
    for i in range(len(words)):
        opener = _starts_name(words[i:], t)
        if not opener:
            continue
        size = len(words) - i
        longest = 5 if words[i] not in t.surnames else 4
        if 2 <= size <= longest:
            options.append(i)
    options = [
        i
        for i in options
        if _plausible(words[i:], t, places=not bare_title)
        and not (i == 0 and after_unit and len(words) == 2)
    ]
    if not options:
        return None
    three = [i for i in options if len(words) - i == 3]
    pick = three[0] if three else options[0]
    return run[pick:]


def _plausible(words: list[str], t: PersonTables, places: bool = True) -> bool:
    """Not a place or a thing named after a person, no organisation or page word."""
    if any(w in t.not_name_words for w in words) or words[0] in t.not_name_openers:
        return False
    if not places:
        return True
    folded = [w.casefold() for w in words]
    # a name that is, or starts with, a place ("Lâm Đồng Nguyễn A" is cut elsewhere)
    return not any(" ".join(folded[:k]) in t.not_names for k in range(1, len(folded) + 1))


def plausible_name(words: list[str]) -> bool:
    """Whether capitalised ``words`` may be a person's name (public form of the check).

    >>> plausible_name(["Lan", "Anh"]), plausible_name(["Hà", "Nội"])
    (True, False)
    >>> plausible_name(["Báo", "Nhân", "Dân"])
    False
    """
    return _plausible(words, tables())
