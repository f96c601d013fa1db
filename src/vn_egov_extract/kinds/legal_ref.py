"""`legal_ref` records: numbered legal and administrative documents.

"Nghị quyết số 17/NQ-CP ngày 07/3/2019", "Quyết định 6085/QĐ-BYT", "Thông tư 01/2020/TT-BTTTT",
"Công văn số 1234/UBND-KT", "Nghị quyết số 18-NQ/TW", "Luật Giao dịch điện tử năm 2005".

The span runs from the document type (or "số") to the number, and on to its date when "ngày
dd/mm/yyyy" follows the number; "của Chính phủ" after it is read for ``issuer`` but left out
of the span. The date inside is also a ``date`` record of its own (the date kind's work).

Rules: ``legal_ref.typed`` (type word, then number), ``legal_ref.numbered`` ("số" and a
number), ``legal_ref.code`` (a bare number whose code says what it is: "17/NQ-CP"),
``legal_ref.named`` (a law named with its year or number), ``legal_ref.short`` (a document
the press cites by a short number alone: "Đề án 06", "Chương trình 135", "Nghị quyết 57").
Word lists: ``patterns/legal.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .._candidate import Candidate, Doc
from ._legal_data import legal_patterns, make_date
from ._person_chain import read_chain
from ._phrases import literal_alternation
from ._scan import literal_positions, prefiltered

# one code of a number: "NQ", "CP", "TTg", "BTTTT", "QH15", "TT&TT"
_CODE = r"\p{Lu}[\p{L}&]{0,11}\d{0,2}"
_NUMBER = (
    # a letter may follow the figure: "36a/NQ-CP" (a document inserted after no. 36)
    rf"(?P<num>\d{{1,5}}\p{{Ll}}?(?:/(?P<year>(?:19|20)\d\d))?/(?P<c1>{_CODE})(?:-{_CODE}){{0,3}}"
    rf"|\d{{1,5}}\p{{Ll}}?-(?P<p1>{_CODE})/{_CODE}(?:-{_CODE}){{0,2}})"
)
_DATE = (
    r"(?P<date>,?[ \t]+(?:ban[ \t]+hành[ \t]+)?ngày[ \t]+"
    r"(?:(?P<d>\d{1,2})[ \t]*(?P<sep>[/.-])[ \t]*(?P<m>\d{1,2})[ \t]*(?P=sep)[ \t]*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})[ \t]+tháng[ \t]+(?P<m2>\d{1,2})[ \t]+năm[ \t]+(?P<y2>\d{4})))"
)
_OF = regex.compile(r",?[ \t]+của[ \t]+")
_SO = regex.compile(r"(?:(?i:số)[ \t]*+:?[ \t]*+)\Z")
_PREFIX_WINDOW = 48
_NAMED_WINDOW = 120
_DIGIT = regex.compile(r"\d")
# the figures (and letter) of a number right before its first "/" or "-"
_NUMBER_HEAD = regex.compile(r"\d{1,5}\p{Ll}?\Z")


@dataclass(frozen=True, slots=True)
class _Tables:
    number_re: regex.Pattern[str]
    type_before_re: regex.Pattern[str]
    named_re: regex.Pattern[str]
    named_before_re: regex.Pattern[str]
    short_re: regex.Pattern[str]
    short_body_re: regex.Pattern[str]  # short_re with an administrative level allowed after
    body_before_re: regex.Pattern[str]  # "Ban Chỉ đạo " right before the type word
    doc_types: dict[str, str]  # lower-case surface -> canonical spelling


@functools.cache
def _tables() -> _Tables:
    p = legal_patterns()
    types = literal_alternation(p.doc_types)
    abbrs = literal_alternation(list(p.doc_type_abbreviations))
    named = literal_alternation(p.named_doc_types)
    doc_types = {t.lower(): t for t in p.doc_types}
    # a word of a document's name; another type word starts another document
    name_word = rf"(?:[ \t]+(?!(?:{types})(?!\p{{L}}))\p{{L}}+)"
    doc_types.update({a.lower(): full for a, full in p.doc_type_abbreviations.items()})
    return _Tables(
        number_re=regex.compile(rf"(?<![\p{{L}}\d/.-]){_NUMBER}(?![\p{{L}}\d/]|-\p{{L}}){_DATE}?"),
        # the type word (and "số") just before a number: "Nghị quyết số ", "QĐ "
        type_before_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<type>(?i:{types})|{abbrs})[ \t]+(?:(?i:số)[ \t]*+:?[ \t]*+)?\Z"
        ),
        named_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<type>{named})(?P<name>[ \t]+\p{{Lu}}\p{{Ll}}*"
            rf"{name_word}{{0,9}}?)?[ \t]+(?:năm[ \t]+)?(?P<lyear>(?:19|20)\d\d)"
            r"(?![\p{L}\d/])"
        ),
        # a named law just before "số": "Luật Giao dịch điện tử số 20/2023/QH15"
        named_before_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<type>{named})[ \t]+\p{{Lu}}\p{{Ll}}*{name_word}{{0,9}}?"
            r"[ \t]+(?i:số)[ \t]*+:?[ \t]*+\Z"
        ),
        short_re=_short_re(p.short_number_types, p.short_number_not_before),
        short_body_re=_short_re(
            p.short_number_types,
            [w for w in p.short_number_not_before if w not in p.short_number_levels],
        ),
        body_before_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?i:{literal_alternation(p.short_number_bodies)})"
            r"(?:[ \t]+(?:triển[ \t]+khai|thực[ \t]+hiện))?[ \t]+\Z"
        ),
        doc_types=doc_types,
    )


def _short_re(types: list[str], not_before: list[str]) -> regex.Pattern[str]:
    """A capitalised type word, then a short number that counts nothing after it."""
    # "năm"/"ngày" before a figure start the document's date ("Chỉ thị 16 năm 2020"), else
    # they count ("Kế hoạch 5 năm")
    dated = ("năm", "ngày")
    words = literal_alternation([w for w in not_before if w not in dated])
    counted = rf"[ \t]+(?:(?:{words})(?![\p{{L}}\d])|(?:năm|ngày)(?![ \t]+\d))"
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?P<type>{literal_alternation(types)})[ \t]+"
        rf"(?:(?i:số)[ \t]*+:?[ \t]*+(?P<num>\d{{1,5}})|(?P<num>\d{{2,3}}\p{{Ll}}?))"
        # not part of a longer number, a code or a figure: "06/QĐ-TTg", "135.000", "57%"
        rf"(?![\p{{L}}\d%]|[/.,-][\p{{L}}\d]|\s*%)(?!{counted}){_DATE}?"
    )


def _issuer_code(number: str) -> str | None:
    """The code that names the issuer in a document number.

    >>> [_issuer_code(n) for n in ("17/NQ-CP", "01/2020/TT-BTTTT", "1234/UBND-KT",
    ...                            "20/2023/QH15", "18-NQ/TW", "06/QĐ-TTg")]
    ['CP', 'BTTTT', 'UBND', 'QH', 'TW', 'TTg']
    """
    codes = legal_patterns().type_codes
    if "-" in number.split("/")[0]:  # Party style "18-NQ/TW"
        tail = number.split("/")[-1].split("-")[0]
    else:
        parts = number.split("/")[-1].split("-")
        # "NQ-CP": type code then issuer; "UBND-KT": issuer then the drafting unit
        tail = parts[1] if len(parts) > 1 and parts[0] in codes else parts[0]
    return regex.sub(r"\d+$", "", tail) or None


def _type_from_code(number: str) -> str | None:
    """The document type a number's own code names ("17/NQ-CP" → Nghị quyết)."""
    codes = legal_patterns().type_codes
    if "-" in number.split("/")[0]:
        code = number.split("/")[0].split("-")[1]
    else:
        code = number.split("/")[-1].split("-")[0]
    bare = regex.sub(r"\d+$", "", code)
    return codes.get(code) or codes.get(bare)


def _issuer(text: str, end: int, number: str | None) -> str | None:
    """The issuer: the "của ..." phrase after the reference, else the number's code."""
    of = _OF.match(text, end)
    if of is not None and text[of.end() : of.end() + 1].isupper():
        chain = read_chain(text, of.end(), limit=100)
        if chain:
            return " ".join(text[of.end() : chain[-1].end].split())
    if number is None:
        return None
    code = _issuer_code(number)
    return legal_patterns().issuers.get(code) if code else None


def _date_of(m: regex.Match[str]) -> dt.date | None:
    if m.group("d"):
        return make_date(m.group("d"), m.group("m"), m.group("y"))
    if m.group("d2"):
        return make_date(m.group("d2"), m.group("m2"), m.group("y2"))
    return None


def _number_starts(text: str) -> Iterator[int]:
    """Where a document number may begin: at the figures before each "/" or "-".

    A number's figures run unbroken up to its first "/" or "-" and no figure comes right
    before them, so the longest run of at most five figures (and a letter) before a
    separator is the only place a number ending there can begin (inside a longer figure
    it is tried, and the number's own look-behind turns it down).

    >>> list(_number_starts("số 17/NQ-CP, 36a/NQ, 1234567/x"))
    [3, 13, 23]
    """
    for k in literal_positions(text, ("/", "-")):
        head = _NUMBER_HEAD.search(text, max(0, k - 6), k)
        if head is not None:
            yield head.start()


def _numbered(text: str, tab: _Tables) -> Iterator[Candidate]:
    for m in prefiltered(tab.number_re, text, _number_starts(text)):
        number = m.group("num")
        lo = max(0, m.start() - _PREFIX_WINDOW)
        typed = tab.type_before_re.search(text, lo, m.start())
        start = m.start()
        if typed is not None:
            start, rule = typed.start(), "legal_ref.typed"
            doc_type = tab.doc_types.get(typed.group("type").lower())
        else:
            so = _SO.search(text, lo, m.start())
            if not _looks_legal(m, strict=so is None):
                continue
            start = so.start() if so is not None else start
            rule = "legal_ref.numbered" if so is not None else "legal_ref.code"
            doc_type = _type_from_code(number)
            law = None
            if so is not None:
                law = tab.named_before_re.search(text, max(0, m.start() - _NAMED_WINDOW), m.start())
            if law is not None:
                start, rule, doc_type = law.start(), "legal_ref.named", law.group("type")
        values = {
            "number": number,
            "doc_type": doc_type,
            "issuer": _issuer(text, m.end(), number),
            "date": _date_of(m),
        }
        yield Candidate("legal_ref", start, m.end(), rule, values)


def _looks_legal(m: regex.Match[str], strict: bool) -> bool:
    """Whether a number with no type word before it is a document's: its code must say so.

    After "số" a known type code is enough ("số 12/QĐ"); a bare number needs a hyphenated
    code or a year part ("17/NQ-CP", "20/2023/QH15", "18-NQ/TW").
    """
    number = m.group("num")
    if "-" in number or m.group("year") is not None:
        return True
    return not strict and _type_from_code(number) is not None


def _named(text: str, tab: _Tables, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    starts = literal_positions(text, legal_patterns().named_doc_types)
    for m in prefiltered(tab.named_re, text, starts):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        if m.group("name") is None and m.group("type") != "Hiến pháp":
            continue
        surface = " ".join(m.group().split())
        values = {
            "number": surface,
            "doc_type": m.group("type"),
            "issuer": _issuer(text, m.end(), None),
            "date": None,
        }
        yield Candidate("legal_ref", m.start(), m.end(), "legal_ref.named", values)


def _short(text: str, tab: _Tables, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Documents cited by type and short number only ("Đề án 06", "Nghị quyết 57").

    An administrative level after the number counts ("Chương trình 30 xã") unless a body
    run for the document comes before it ("Ban Chỉ đạo Đề án 06 tỉnh": the level is the
    body's).

    >>> t = "Đề án 06, Chương trình 135 và Kế hoạch 5 năm; Chỉ thị 16 năm 2020."
    >>> [(t[c.start:c.end], c.values["number"]) for c in _short(t, _tables(), [])]
    [('Đề án 06', '06'), ('Chương trình 135', '135'), ('Chỉ thị 16', '16')]
    >>> t = "Ban Chỉ đạo Đề án 06 tỉnh họp; Chương trình 30 xã."
    >>> [t[c.start:c.end] for c in _short(t, _tables(), [])]
    ['Đề án 06']
    """
    for m in _short_matches(text, tab):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        values = {
            "number": m.group("num"),
            "doc_type": tab.doc_types.get(m.group("type").lower()),
            "issuer": _issuer(text, m.end(), None),
            "date": _date_of(m),
        }
        yield Candidate("legal_ref", m.start(), m.end(), "legal_ref.short", values)


def _short_matches(text: str, tab: _Tables) -> Iterator[regex.Match[str]]:
    """``short_re`` matches, and ``short_body_re`` ones right after a body's name."""
    # both patterns begin with a type word, written exactly as listed
    starts = literal_positions(text, legal_patterns().short_number_types)
    seen: set[int] = set()
    for m in prefiltered(tab.short_re, text, starts):
        seen.add(m.start())
        yield m
    for m in prefiltered(tab.short_body_re, text, starts):
        before = tab.body_before_re.search(text, max(0, m.start() - _PREFIX_WINDOW), m.start())
        if m.start() not in seen and before:
            yield m


def find(doc: Doc) -> Iterator[Candidate]:
    """Candidates of kind ``legal_ref`` in ``doc``.

    >>> from vn_egov_extract._text import NormText
    >>> d = Doc(NormText.of("Thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ "
    ...                     "và Luật Giao dịch điện tử năm 2005."))
    >>> [(d.text[c.start:c.end], c.values["issuer"], c.values["date"]) for c in find(d)]
    ...  # doctest: +NORMALIZE_WHITESPACE
    [('Nghị quyết số 17/NQ-CP ngày 07/3/2019', 'Chính phủ', datetime.date(2019, 3, 7)),
     ('Luật Giao dịch điện tử năm 2005', None, None)]
    """
    text = doc.text
    if _DIGIT.search(text) is None:
        return
    tab = _tables()
    found = list(_numbered(text, tab))
    yield from found
    short = list(_short(text, tab, [(c.start, c.end) for c in found]))
    yield from short
    taken = [(c.start, c.end) for c in found + short]
    yield from _named(text, tab, taken)
