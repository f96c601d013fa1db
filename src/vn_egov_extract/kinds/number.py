"""`number` records: every cardinal quantity in the prose.

Rules (each names its records' ``rule``):

- ``number.figure``: digits with Vietnamese separators, optional scale words and a
  qualifier before ("trên 46.016", "1,2 triệu", "khoảng 30", "01").
- ``number.range``: "10-15 người" (``value`` is the low end, ``high`` the high end).
- ``number.words``: spelled-out numbers ("hai mươi mốt", "ba nghìn").
- ``number.vague``: magnitudes such as "hàng trăm", "vài nghìn" (``approximate``).

Not numbers: ordinals and parts of texts ("thứ 2", "khoản 2"), list markers at the start of
a line ("1. Về chữ ký số"), years standing alone, phone numbers and short codes ("Tổng đài
1022"), figures glued to letters ("4G", "Covid-19"), versions ("4.0"), and figures that
another kind owns (dates, ratios, levels, legal numbers: the overlap policy drops those).

"từ 250 đến 300 hồ sơ" stays two records (one per figure), and the first borrows the
second's unit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from .._candidate import Candidate, Doc
from ._numerals import (
    _DOT_ABOVE,
    FIGURE,
    QUALIFIER_REACH,
    _qualifier_ends,
    folded_tail,
    last_words,
    number_word_set,
    numerals,
    parse_figure,
    parse_number_words,
    qualifier_before,
    qualifier_of,
)
from ._phrases import literal_alternation
from ._scan import LETTER, prefiltered, word_hits, word_start_scans, word_starts_re
from ._units import find_unit, find_unit_before
from .organization import counted_body

_PHONE = regex.compile(r"(?<![\d.,])(?:\+84|0)\d{2,3}(?:[ .-]?\d{1,4}){2,5}(?![\d])")
# a capitalised word after a bare figure: a street or a name ("22 Điện Biên Phủ"), not a count
_NAME_AFTER = regex.compile(r"\s\p{Lu}\p{Ll}")
_NEG_LOOKBEHIND = r"(?<![\p{L}\d.,/:\-])"
_WORD = regex.compile(r"\S+")
_WORD_AFTER = regex.compile(r"\s*[\p{L}\d]")
_CAPITAL_AFTER = regex.compile(r"\s\p{Lu}")
# "1. Về chữ ký số", "2) Kết quả": a figure closed by a dot or a bracket at a line's start
_LIST_MARK = regex.compile(r"[.)](?:\s|$)")
_BLANK_BEFORE = regex.compile(r"(?:^|\n)[ \t]*$")
# "10 đến 15 hồ sơ": the second figure of a span, whose unit the first one shares
_SPAN_TO = regex.compile(rf"\s+(?:đến|tới|-|–)\s+(?:(?:khoảng|gần|trên|hơn)\s+)?{FIGURE}(?![\d.,])")


@functools.cache
def _not_after_re() -> regex.Pattern[str]:
    """Words after which a figure is an ordinal, a part of a text or an address."""
    words = literal_alternation(numerals().ordinal_before)
    return regex.compile(rf"(?:(?<![\p{{L}}\d])(?:{words})\s*)$", regex.IGNORECASE)


@functools.cache
def _level_re() -> regex.Pattern[str]:
    """Words after which a bare figure is a level ("mức 2"), unless a noun follows."""
    words = literal_alternation(numerals().level_before)
    return regex.compile(rf"(?:(?<![\p{{L}}\d])(?:{words})\s+)$", regex.IGNORECASE)


@functools.cache
def _ordinal_ends() -> tuple[str, ...]:
    return last_words(numerals().ordinal_before)


@functools.cache
def _level_ends() -> tuple[str, ...]:
    return last_words(numerals().level_before)


@functools.cache
def _timezone_re() -> regex.Pattern[str]:
    """A time-zone name and the offset's sign right before a figure ("GMT+", "UTC -")."""
    words = literal_alternation(numerals().timezone_before)
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{words})[ \t]?[+\-−]?[ \t]?$", regex.IGNORECASE)


@functools.cache
def _code_re() -> regex.Pattern[str]:
    """A telephone number or short code after the word that introduces it.

    The space runs are possessive (``*+``): a non-space follows each in any match, and two
    greedy runs side by side would backtrack in quadratic time over a long run of spaces.
    """
    words = literal_alternation(numerals().code_before)
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?:{words})(?:[ \t]*+(?:là|số|:))?[ \t]*+:?[ \t]*+"
        r"(?P<code>\+?\d{1,5}(?:[ .-]\d{1,5}){0,4})(?![\d\p{L}])",
        regex.IGNORECASE,
    )


def _figure_after() -> str:
    """What follows a figure's digits: a suffix ("3M"), a range's high end, a scale word."""
    scales = "|".join(sorted(numerals().scales, key=len, reverse=True))
    # "tỷ lệ", "triệu chứng", "tỷ phú": the scale word is the start of another word
    scale = rf"(?:\s+(?P<scale>(?i:{scales}))(?!\s+(?i:lệ|chứng|tập|phú)\b)(?![\p{{L}}\d]))?"
    # case matters: "3M" is three million, "3m" three metres
    suffix = r"(?:(?P<suffix>[KkM])|(?<=[.,]\d+)(?P<suffix>G))?"
    return (
        suffix
        + rf"(?:\s*-\s*(?P<high>{FIGURE}))?"
        + r"(?![\d/:]|[.,]\d|[\p{L}\d]|\s*%|\s*-\s*\d)"
        + scale
    )


@functools.cache
def _figure_re() -> regex.Pattern[str]:
    # Case is ignored only in the words: a pattern-wide IGNORECASE, or a look-behind as the
    # first step, makes ``regex`` try the whole pattern at every character; the look-ahead
    # on how a match can start (a digit, ",5", "-5", "âm") lets it skip the others quickly.
    return regex.compile(
        r"(?=\d|[,\-][\d,]|[âÂ][mM])"
        + rf"(?:(?P<neg>(?<![\p{{L}}\d])-|(?<![\p{{L}}\d])(?i:âm)\s+)|{_NEG_LOOKBEHIND})"
        + rf"(?P<fig>{FIGURE}|(?<![^\s\-])(?:,\d+))"
        + _figure_after()
    )


@functools.cache
def _plain_figure_re() -> regex.Pattern[str]:
    """``_figure_re`` where a match starts with a digit: no sign, no "âm", no ",5"."""
    return regex.compile(rf"{_NEG_LOOKBEHIND}(?P<fig>{FIGURE})" + _figure_after())


# Where _figure_re may match without starting with a digit: "-5", "-,5", ",5", "âm 5"
# (one character class, then a look-ahead: the fastest scan ``regex`` has for this)
_RARE_FIGURE_START = regex.compile(r"[,\-âÂ](?=[\d,mM])")


def _figure_matches(text: str) -> Iterator[regex.Match[str]]:
    """``_figure_re().finditer(text)``, from two cheaper scans.

    At a digit, ``_figure_re`` matches as ``_plain_figure_re`` does, and ``regex`` finds
    those several times faster; elsewhere it can match only where ``_RARE_FIGURE_START``
    finds a start. Where it matches at none of those (most texts), the plain matches are
    all of its matches, with no Python layer between them and the caller.

    >>> t = "Âm 5 độ, -3, ,5 và 12-15 người, 1.626 hồ sơ"
    >>> [m.group() for m in _figure_matches(t)] == [m.group() for m in _figure_re().finditer(t)]
    True
    """
    full = _figure_re()
    rare = [hit.start() for hit in _RARE_FIGURE_START.finditer(text)]
    if not any(full.match(text, at) for at in rare):
        return _plain_figure_re().finditer(text)
    return _merged_matches(text, rare)


def _merged_matches(text: str, rare: list[int]) -> Iterator[regex.Match[str]]:
    """The chain of ``_figure_re`` matches from the plain ones and those at ``rare``.

    Taking the leftmost of the two next matches each time walks the same chain.

    >>> t = "Âm 5 độ, -3, ,5 và 12-15 người"
    >>> rare = [h.start() for h in _RARE_FIGURE_START.finditer(t)]
    >>> [m.group() for m in _merged_matches(t, rare)] == [
    ...     m.group() for m in _figure_re().finditer(t)]
    True
    """
    plain, full = _plain_figure_re(), _figure_re()
    n_rare = len(rare)
    i, done = 0, 0  # the next rare start to try; the end of the last match
    plains = plain.finditer(text)
    nxt = next(plains, None)
    while True:
        before = nxt.start() if nxt is not None else len(text) + 1
        found = None
        while i < n_rare and rare[i] < before:
            i += 1
            if rare[i - 1] >= done and (found := full.match(text, rare[i - 1])) is not None:
                break
        if found is not None:  # a rare match comes first
            yield found
            done = found.end()
            if nxt is not None and nxt.start() < done:  # it overlapped: search on after it
                plains = plain.finditer(text, done)
                nxt = next(plains, None)
        elif nxt is not None:
            yield nxt
            done = nxt.end()
            nxt = next(plains, None)
        else:
            return


@functools.cache
def _words_re() -> regex.Pattern[str]:
    word = literal_alternation(number_word_set())
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?P<run>(?:{word})(?:\s+(?:{word})){{0,12}})"
        r"(?![\p{L}\d])"
    )


@functools.cache
def _vague_re() -> regex.Pattern[str]:
    p = numerals()
    mult = "|".join(regex.escape(w) for w in sorted(p.vague_multipliers, key=len, reverse=True))
    scales = {**p.scales, p.hundred: 100, p.tens_count: 10}
    alts = "|".join(regex.escape(w) for w in sorted(scales, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?P<mult>{mult})\s+(?P<scales>(?:{alts})(?:\s+(?:{alts})){{0,3}})"
        r"(?![\p{L}\d])(?!\s+(?:lệ|chứng|phú)\b)",
        regex.IGNORECASE,
    )


def _scale_value(words: str) -> int:
    p = numerals()
    scales = {**p.scales, p.hundred: 100, p.tens_count: 10}
    value = 1
    for w in words.lower().split():
        value *= scales[w]
    return value


_RUN = re.compile(f"{LETTER}+")  # a word in a scan hit ("tổng", "đài" in "tổng đài")
_NUMBER, _CODE, _VAGUE = 1, 2, 4  # the word lists a first word opens phrases of


@functools.cache
def _word_lexicon() -> tuple[
    tuple[re.Pattern[str], re.Pattern[str]], dict[str, int], re.Pattern[str], re.Pattern[str]
]:
    """One scan for every number word, code word ("tổng đài") and vague multiplier, the
    lists each first word opens phrases of, and the scans of the two phrase lists."""
    p = numerals()
    first: dict[str, int] = {}
    for flag, phrases in (
        (_NUMBER, number_word_set()),
        (_CODE, p.code_before),
        (_VAGUE, p.vague_multipliers),
    ):
        for phrase in phrases:
            word = _RUN.match(phrase)
            if word is None:  # the scans below find only phrases that open with a letter
                raise ValueError(f"numerals.yaml: {phrase!r} must start with a letter")
            first[word.group()] = first.get(word.group(), 0) | flag
    words = [*number_word_set(), *p.code_before, *p.vague_multipliers]
    return (
        word_start_scans(words),
        first,
        word_starts_re(p.code_before),
        word_starts_re(p.vague_multipliers),
    )


def _with_inner(hit: re.Match[str]) -> Iterator[int]:
    """Where ``hit`` starts, and each word after a space in it (``_scan.candidate_starts``)."""
    yield hit.start()
    words = hit.group()
    for i in range(1, len(words)):
        if words[i - 1] in " \t" and words[i] not in " \t":
            yield hit.start() + i


def _word_starts(low: str) -> tuple[list[tuple[int, str]], list[int], list[int]]:
    """Every number word with where it starts, and where a code word or a vague multiplier
    may start (as ``_scan.candidate_starts`` finds them), from one scan of ``low``.

    A word of any list begins either where a hit of the joint scan begins or at a word
    inside a hit; only there is each list's own scan tried, where a phrase it has opens
    with that word. The lists' scans thus find what they would alone, for a third of the
    cost of three passes over the text.

    >>> _word_starts("hai tổng đài, số máy lẻ, hàng mấy trăm")
    ([(0, 'hai'), (21, 'lẻ'), (34, 'trăm')], [4, 9, 14, 17, 21], [25, 30])
    """
    scan, first, codes_scan, vague_scan = _word_lexicon()
    numbers: list[tuple[int, str]] = []
    codes: list[int] = []
    vague: list[int] = []
    code_end = vague_end = 0
    for start, word in word_hits(scan, low):
        flags = first.get(word)
        if flags == _NUMBER:  # the usual hit: one number word, which opens nothing else
            numbers.append((start, word))
            continue
        if flags is None:  # several words ("tổng đài"): each may open a phrase
            runs = [(start + r.start(), r.group()) for r in _RUN.finditer(word)]
        else:  # one word: most hits
            runs = [(start, word)]
        for at, run in runs:
            flags = first.get(run, 0)
            if flags & _NUMBER:
                numbers.append((at, run))  # one word each: a maximal run is the whole word
            if flags & _CODE and at >= code_end and (m := codes_scan.match(low, at)):
                codes.extend(_with_inner(m))
                code_end = m.end()
            if flags & _VAGUE and at >= vague_end and (m := vague_scan.match(low, at)):
                vague.extend(_with_inner(m))
                vague_end = m.end()
    return numbers, codes, vague


def _phone_spans(doc: Doc, code_starts: list[int] | None = None) -> list[tuple[int, int]]:
    """Telephone numbers, and short codes after "tổng đài", "hotline"...

    ``code_starts``: where a code word may start (``_word_starts``), when known.

    >>> from vn_egov_extract._text import NormText
    >>> t = "Gọi Tổng đài 1022 hoặc 0262 3 812 456; đường dây nóng: 1900 1234."
    >>> [t[s:e] for s, e in _phone_spans(Doc(NormText.of(t)))]
    ['1022', '0262 3 812 456', '1900 1234']
    """
    text = doc.text
    spans = [m.span() for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 9]
    if code_starts is None:
        code_starts = _word_starts(doc.lower())[1]
    for m in prefiltered(_code_re(), text, code_starts):
        if sum(c.isdigit() for c in m.group("code")) >= 3:
            spans.append(m.span("code"))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # sorted and disjoint, for the walk in _figures
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _list_marker(text: str, at: int, end: int) -> bool:
    r"""Whether the figure ``text[at:end]`` numbers a heading or a list item.

    >>> t = "1. Về chữ ký số\n 2) Kết quả: 3. Cuối"
    >>> [_list_marker(t, a, a + 1) for a in (0, 17, 30)]
    [True, True, False]
    """
    if end >= len(text) or text[end] not in ".)":
        return False  # what _LIST_MARK starts with, tested without a call
    return bool(_LIST_MARK.match(text, end)) and bool(
        _BLANK_BEFORE.search(text, max(0, at - 40), at)
    )


def _bare_level(text: str, at: int, end: int, tail: str | None = None) -> bool:
    """Whether the figure ``text[at:end]`` numbers a heading or a level, not a quantity.

    ``tail``: ``folded_tail(text, at, width)`` when the caller has it (any width from 8).

    >>> t = "1. Kết quả: tài khoản mức 2 và mức 8 điểm"
    >>> [_bare_level(t, a, a + 1) for a in (0, 26, 33)]
    [True, True, False]
    """
    if _list_marker(text, at, end):
        return True
    if tail is None:
        tail = folded_tail(text, at, 8)
    if not tail.endswith(_level_ends()):
        return False  # a string test first: most figures follow no level word
    if not _level_re().search(text, max(0, at - 8), at):
        return False
    return find_unit(text, end) is None


def _span_unit(doc: Doc, end: int) -> str | None:
    """The unit after the second figure of "10 đến 15 hồ sơ", for the first one.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("từ 250 đến 300 hồ sơ, từ 20 đến 30% số xã"))
    >>> _span_unit(d, 6), _span_unit(d, 27)
    ('hồ sơ', None)
    """
    m = _SPAN_TO.match(doc.text, end)
    if m is None:
        return None
    unit = find_unit(doc.text, m.end())
    return unit[0] if unit and unit[0] != "%" else None


def _candidate(
    doc: Doc, start: int, end: int, rule: str, values: dict[str, object]
) -> Candidate | None:
    # a counted body keeps its whole name ("63 Sở Thông tin và Truyền thông"), which the
    # lower-case unit lexicon would cut to its head
    unit = counted_body(doc.text, end) or find_unit(doc.text, end)
    if unit is None and _NAME_AFTER.match(doc.text, end):
        return None
    name = unit[0] if unit else find_unit_before(doc.text, start) or _span_unit(doc, end)
    return Candidate("number", start, end, rule, {"unit": name, **values})


def _figures(doc: Doc, phones: list[tuple[int, int]]) -> Iterator[Candidate]:
    text = doc.text
    scales, suffixes = numerals().scales, numerals().suffixes
    zones = any(z in doc.lower() for z in numerals().timezone_before)  # rare: look only then
    not_after, ordinal_ends, level_ends = _not_after_re(), _ordinal_ends(), _level_ends()
    qualifier_ends = _qualifier_ends()
    # cheap string tests go before each pattern they make unneeded: this loop meets every
    # figure of the text, and most are plain counts that every test lets through
    spans = iter(phones)  # sorted and disjoint; the figures come in order too
    span = next(spans, None)
    for m in _figure_matches(text):
        # groups by index (far cheaper than by name); the plain pattern has no sign group
        groups = m.groups()
        if len(groups) == 4:
            fig, suffix, high_fig, scale = groups
            at = begin = m.start()
            fig_end = at + len(fig)
        else:
            _, fig, suffix, high_fig, scale = groups
            at, fig_end = m.span(2)
            begin = m.start()
        while span is not None and span[1] <= at:
            span = next(spans, None)
        if span is not None and span[0] <= at:
            continue  # inside a telephone number
        # one tail for all the look-back tests (each needs one ending with its words); each
        # wants a word, then spaces, right before the figure, and no figure follows a letter
        # (folded_tail, spelled out: this loop meets every figure of the text)
        tail = (
            text[max(0, at - QUALIFIER_REACH) : at].casefold().replace(_DOT_ABOVE, "").rstrip()
            if at and text[at - 1].isspace()
            else ""
        )
        if tail.endswith(ordinal_ends) and not_after.search(text, max(0, at - 16), at):
            continue
        if zones and _timezone_re().search(text, max(0, begin - 8), begin):
            continue  # "(GMT+7)": a clock time's offset
        # _bare_level's own first tests, spelled out here: most figures pass both
        maybe_level = text[fig_end : fig_end + 1] in (".", ")") or tail.endswith(level_ends)
        if not scale and maybe_level and _bare_level(text, at, fig_end, tail):
            continue
        if not scale and "." in fig and _version_like(fig):
            continue  # "4.0", "2.0": versions; Vietnamese decimals use a comma
        if begin == at and not tail.endswith(qualifier_ends):  # qualifier_before's own test
            qual, start = None, begin
        else:
            qual, start = qualifier_before(text, begin, tail if begin == at else None)
        if not (scale or suffix or qual) and len(fig) == 4 and _is_year(fig):
            continue  # a year belongs to the date kind ("năm 2019", "định hướng đến 2030")
        value: float
        if fig.isdecimal():  # plain digits, most figures: parse_figure's first case
            value = int(fig)
        elif fig.startswith(","):
            value = float(f"0.{fig[1:]}")
        else:
            value = parse_figure(fig)
        neg = begin != at  # the sign or "âm" before the figure
        if scale:
            value *= scales[scale.lower()]
        elif suffix:
            value *= suffixes[suffix]
        if neg:
            value = -value
        values: dict[str, object] = {
            "value": value if type(value) is int else _tidy(value),  # an int is tidy
            "qualifier": qualifier_of(qual) if qual else "exact",
        }
        rule = "number.figure"
        if high_fig:
            high = parse_figure(high_fig)
            if high <= value:
                continue  # "21-2" is a day and a month, not a range
            values["high"] = _tidy(high)
            rule = "number.range"
        cand = _candidate(doc, start, m.end(), rule, values)
        if cand:
            yield cand


def _version_like(fig: str) -> bool:
    r"""Whether a figure reads as a version, ``\d+\.\d{1,2}``, tested on strings.

    >>> [_version_like(f) for f in ("4.0", "10.61", "1.626", "2.0.1", ".5", "3,5")]
    [True, True, False, False, False, False]
    """
    whole, _, part = fig.partition(".")
    return 0 < len(part) <= 2 and part.isdecimal() and whole.isdecimal()


def _is_year(fig: str) -> bool:
    r"""Whether a four-character figure reads as a year: ``(?:19|20)\d\d``, as string tests.

    >>> [_is_year(f) for f in ("2019", "1987", "19,5", "2100", "20.5")]
    [True, True, False, False, False]
    """
    return fig[:2] in ("19", "20") and fig[2:].isdecimal()


def _tidy(value: float) -> int | float:
    """Integral values as ``int`` (10271, not 10271.0)."""
    return int(value) if float(value).is_integer() else round(value, 9)


_ONE = "một"  # the indefinite article too: a count only when no word follows
_SINGLE_WORD_NEVER = frozenset({"năm", "không", "chục", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
_ORDINAL_BEFORE = regex.compile(
    r"(?:\b(?:thứ|tháng|quý|mức|mức độ|cấp độ|lần|hạng|phần)\s+)$", regex.IGNORECASE
)


@functools.cache
def _number_words() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The test that a run of number words goes on after one, the test that a word follows
    "một", and the words that say nothing when alone."""
    words = number_word_set()
    silent = {w for w in words if w in _SINGLE_WORD_NEVER or parse_number_words([w]) is None}
    # \s in re covers every space \s in regex does; a word's beginning is enough here
    goes_on = re.compile(rf"\s+(?:{'|'.join(map(re.escape, words))})")
    word_after = re.compile(rf" {LETTER}")
    return goes_on, word_after, frozenset(silent)


def _word_run_starts(low: str, words: list[tuple[int, str]]) -> Iterator[int]:
    """Where a run of number words may begin, of the number ``words`` found in ``low``
    (``_word_starts``), without the lone words that never make a record ("năm", "không",
    "tỷ", "tư" alone; "một" before another word: the article).

    Most number words in prose are such lone words; skipping them spares the costly run
    pattern, which would find each one and then only reject it (see ``_word_numbers``).

    >>> t = "năm 2020, một người, hai mươi người, năm mươi, một."
    >>> [t[i:i + 3] for i in _word_run_starts(t, _word_starts(t)[0])]
    ['hai', 'năm', 'một']
    """
    goes_on, word_after, silent = _number_words()
    for start, word in words:
        end = start + len(word)
        lone = word in silent or (word == _ONE and word_after.match(low, end) is not None)
        if lone and goes_on.match(low, end) is None:
            continue
        yield start


def _word_numbers(doc: Doc, found: list[tuple[int, str]]) -> Iterator[Candidate]:
    text = doc.text
    low = doc.lower()
    for m in prefiltered(_words_re(), low, _word_run_starts(low, found)):
        lower = m.group("run").split()
        if len(lower) == 1 and lower[0] in _SINGLE_WORD_NEVER:
            continue  # "năm", "tỷ" alone: never a count (see _accept_words)
        words = text[m.start("run") : m.end("run")].split()
        offsets = [mm.start() for mm in _WORD.finditer(m.group("run"))]
        base = m.start("run")
        i = 0
        while i < len(lower):
            parsed = parse_number_words(lower[i:])
            if parsed is None:
                i += 1
                continue
            value, used = parsed
            start = base + offsets[i]
            end = base + offsets[i + used - 1] + len(words[i + used - 1])
            if _accept_words(text, start, end, words[i : i + used]):
                qual, s = qualifier_before(text, start)
                cand = _candidate(
                    doc, s, end, "number.words", {"value": value, "qualifier": qualifier_of(qual)}
                )
                if cand:
                    yield cand
            i += used


def _accept_words(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether spelled-out number words are a cardinal here (they are often not)."""
    if _ORDINAL_BEFORE.search(text, max(0, start - 12), start):
        return False
    if len(words) > 1:
        return True
    word = words[0].lower()
    if word in _SINGLE_WORD_NEVER:
        return False
    after = text[end : end + 2]
    if word == _ONE:  # the indefinite article unless it stands alone
        return not _WORD_AFTER.match(after)
    if words[0][0].isupper() and _CAPITAL_AFTER.match(after):
        return False  # part of a name: "Ba Đình", "Hai Bà Trưng"
    return not text[max(0, start - 6) : start].lower().endswith(("phần ", "hàng "))


def _vague(doc: Doc, starts: list[int]) -> Iterator[Candidate]:
    for m in prefiltered(_vague_re(), doc.text, starts):
        values = {"value": _scale_value(m.group("scales")), "qualifier": "approx"}
        cand = _candidate(doc, m.start(), m.end(), "number.vague", {**values, "approximate": True})
        if cand:
            yield cand


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``number`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Cấp trên 250 tài khoản, hàng trăm hồ sơ và hai công chức."))
    >>> [(c.rule, c.values["value"], c.values["unit"]) for c in find(d)]
    [('number.figure', 250, 'tài khoản'), ('number.words', 2, 'công chức'), \
('number.vague', 100, 'hồ sơ')]
    """
    numbers, codes, vague = _word_starts(doc.lower())
    phones = _phone_spans(doc, codes)
    yield from _figures(doc, phones)
    yield from _word_numbers(doc, numbers)
    yield from _vague(doc, vague)
