"""HTML highlighting of the records of a text, through displaCy's span style.

The span style (not the entity style) is used because records may nest: a place inside
an organisation's name, a date inside a legal reference. Each line of the text is one
displaCy block, so paragraphs survive; within a line displaCy separates tokens by spaces.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from typing import TYPE_CHECKING, Any

import regex

from ._describe import describe
from ._pipeline import extract
from ._records import BaseRecord, ExtractionResult

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

# One colour per kind: figures in warm tones, time in green, systems in blue, named
# entities in purple/pink/grey, so a page of highlights reads at a glance.
KIND_COLORS: dict[str, str] = {
    "number": "#fdd38a",
    "percent": "#f9a66c",
    "ratio": "#f7c6c7",
    "date": "#9ee09e",
    "system": "#8ec5fc",
    "service_level": "#7fdbda",
    "organization": "#c5a3ff",
    "location": "#ffb3e6",
    "person": "#d4d4aa",
    "legal_ref": "#c9c9c9",
}

_MAX_VALUE = 60  # longer values are cut in the label: labels sit above one token
_LINE = regex.compile(r"[^\n\r\u2028\u2029]+")
_NON_SPACE = regex.compile(r"\S+")


def label(record: BaseRecord) -> str:
    """The label shown above a record: its kind and its value in a few words.

    >>> from vn_egov_extract import PercentRecord
    >>> label(PercentRecord(text="19,5%", start=0, end=5, rule="r", value=19.5))
    'percent: 19.5%'
    """
    value = describe(record)
    if len(value) > _MAX_VALUE:
        value = value[: _MAX_VALUE - 1] + "…"
    return f"{record.kind}: {value}" if value else record.kind


def _line_block(
    text: str, start: int, end: int, records: list[BaseRecord]
) -> dict[str, Any] | None:
    """displaCy's manual span input for ``text[start:end]``, or None when it has no text.

    Tokens are the non-space runs of the line, cut at every record boundary so each
    record covers whole tokens; a record running past the line is clipped to it.
    """
    inside = [r for r in records if r.start < end and r.end > start]
    cuts = sorted(
        {start, end} | {min(max(x, start), end) for r in inside for x in (r.start, r.end)}
    )
    tokens: list[tuple[int, int]] = []
    for left, right in itertools.pairwise(cuts):
        tokens.extend(
            (left + m.start(), left + m.end()) for m in _NON_SPACE.finditer(text[left:right])
        )
    if not tokens:
        return None
    spans = []
    for record in inside:
        covered = [i for i, (s, e) in enumerate(tokens) if s < record.end and e > record.start]
        if covered:
            spans.append(
                {"start_token": covered[0], "end_token": covered[-1] + 1, "label": label(record)}
            )
    return {"text": text[start:end], "tokens": [text[s:e] for s, e in tokens], "spans": spans}


def render(
    text_or_result: str | ExtractionResult | SpacyDoc,
    *,
    text: str | None = None,
    published: dt.date | None = None,
    page: bool = False,
) -> str:
    """HTML that highlights every record of a text, one colour per kind.

    Pass the text (it is run through :func:`extract` with ``published``), an
    :class:`ExtractionResult` together with the ``text`` it was extracted from, or a spaCy
    ``Doc`` that went through the ``vn_egov_extract`` component. Each highlight is
    labelled with the record's kind and value; nested records are stacked. ``page=True``
    gives a whole HTML page instead of a fragment.

    >>> html = render("Đạt 19,5% trong quý 4/2020.", published=dt.date(2021, 1, 5))
    >>> "percent: 19.5%" in html and KIND_COLORS["percent"] in html
    True
    """
    from spacy import displacy
    from spacy.displacy.templates import TPL_FIGURE, TPL_PAGE

    source, result = _source_and_result(text_or_result, text, published)
    records = [_checked(r, source) for r in result.records]
    blocks = [
        block
        for m in _LINE.finditer(source)
        if (block := _line_block(source, m.start(), m.end(), records)) is not None
    ]
    colors = {label(r): KIND_COLORS.get(r.kind, "#ddd") for r in records}
    # displaCy writes labels into the markup as they are: escape them (and key the
    # colours by the escaped form, which is what displaCy looks up).
    for block in blocks:
        for span in block["spans"]:
            span["label"] = html.escape(span["label"])
    colors = {html.escape(k): v for k, v in colors.items()}
    markup: str = displacy.render(
        blocks, style="span", manual=True, jupyter=False, options={"colors": colors}
    )
    if page:
        return TPL_PAGE.format(content=TPL_FIGURE.format(content=markup), lang="vi", dir="ltr")
    return markup


def _checked(record: BaseRecord, source: str) -> BaseRecord:
    """The record, if its offsets point at its own text in ``source``; else a clear error."""
    if source[record.start : record.end] != record.text:
        raise ValueError(
            f"record {record.kind} {record.text!r} at [{record.start}:{record.end}] is not "
            "in this text: pass the text the result was extracted from"
        )
    return record


def _source_and_result(
    obj: str | ExtractionResult | SpacyDoc, text: str | None, published: dt.date | None
) -> tuple[str, ExtractionResult]:
    """The text to show and its records, from what was passed to :func:`render`."""
    from spacy.tokens import Doc

    if isinstance(obj, ExtractionResult):
        if text is None:
            raise TypeError("render(result) needs the source: render(result, text=source_text)")
        return text, obj
    if text is not None:
        raise TypeError("render(text) takes the text once: drop text=")
    if isinstance(obj, str):
        return obj, extract(obj, published=published)
    if isinstance(obj, Doc):
        from . import spacy_component  # declares doc._.vn_egov

        result = obj._.get(spacy_component.EXTENSION)
        if result is None:
            raise ValueError("this Doc has no records: run the vn_egov_extract component first")
        return obj.text, result
    raise TypeError(
        f"render() expects a str, an ExtractionResult or a spaCy Doc, got {type(obj).__name__}"
    )
