"""The flow: text → normalised view → candidates → overlap resolution → linking → records."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Sequence

from ._candidate import Candidate, Doc
from ._overlap import OverlapPolicy, resolve_overlaps
from ._records import RECORD_CLASSES, ExtractionResult, Record
from ._text import NormText
from .kinds import FINDERS

# A dateline sits near the top of the article; later dates are not the article's own.
_DATELINE_WINDOW = 600
# Above this many characters the cyclic garbage collector is paused for the call (below).
_PAUSE_GC_ABOVE = 100_000


@contextlib.contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """Pause the cyclic collector while ``pause``: a text of megabytes makes hundreds of
    thousands of short-lived candidates, none in a reference cycle, and the collector's
    repeated passes over them cost ~15% of the call. A collector the caller turned off
    stays off; one turned off here is turned back on however the call ends."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(
            "extract() expects a str, got bytes: use extract_bytes(), which decodes UTF-8, "
            "UTF-16, TCVN3, VNI and Windows-1258, or decode it first"
        )
    raise TypeError(f"extract() expects a str, got {type(text).__name__}")


def _check_published(published: object) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError as exc:
            raise ValueError(f"published must be an ISO date, got {published!r}") from exc
    raise TypeError(f"published must be a datetime.date or None, got {type(published).__name__}")


def published_from_dateline(candidates: Sequence[Candidate]) -> dt.date | None:
    """The date of the first dateline candidate near the top of the text, if any."""
    near_top = [c for c in candidates if c.start <= _DATELINE_WINDOW]
    for cand in sorted(near_top, key=lambda c: c.start):
        day = cand.values.get("first_day")
        if cand.kind == "date" and cand.rule.startswith("dateline") and isinstance(day, dt.date):
            return day
    return None


class Extractor:
    """A configured extractor: which kinds to run and which overlap policy to apply.

    ``extract()`` is ``Extractor()`` with every kind and :func:`resolve_overlaps`.
    """

    def __init__(
        self, *, kinds: Iterable[str] | None = None, overlap: OverlapPolicy = resolve_overlaps
    ) -> None:
        wanted = list(FINDERS) if kinds is None else list(kinds)
        unknown = [k for k in wanted if k not in FINDERS]
        if unknown:
            raise ValueError(f"unknown kinds {unknown}; known: {sorted(FINDERS)}")
        self.kinds = wanted
        self.overlap = overlap

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every kind's candidates, before overlap resolution."""
        found: list[Candidate] = []
        for kind in self.kinds:
            found.extend(FINDERS[kind](doc))
        return found

    def __call__(self, text: str, *, published: dt.date | None = None) -> ExtractionResult:
        source = _check_text(text)
        given = _check_published(published)
        if not source.strip():
            return ExtractionResult(records=[], published=given)
        with _collector_paused(len(source) > _PAUSE_GC_ABOVE):
            # the document, its candidates and caches die when _run returns, before the
            # collector comes back: its first pass then walks the records alone
            return self._run(source, given)

    def _run(self, source: str, given: dt.date | None) -> ExtractionResult:
        view = NormText.of(source)
        doc = Doc(view=view, published=given)
        kept = self.overlap(self.candidates(doc))
        pub = given or published_from_dateline(kept)
        records = _to_records(kept, view, pub)
        return ExtractionResult(records=records, published=pub)


def _to_records(
    kept: Sequence[Candidate], view: NormText, published: dt.date | None
) -> list[Record]:
    """The public records of the kept candidates, spans mapped back to the caller's string."""
    source = view.source
    moved = bool(view.maps)  # most views keep every offset: no mapping to do
    # each class's validator on one dict: what `cls(**fields)` runs, without the keyword
    # unpacking and `__init__` frame that cost a third of it per record
    validators = {kind: cls.__pydantic_validator__ for kind, cls in RECORD_CLASSES.items()}
    records: list[Record] = []
    for cand in kept:
        values = cand.values
        if cand.resolve is not None:
            values = {**values, **cand.resolve(published)}
        start, end = view.to_source(cand.start, cand.end) if moved else (cand.start, cand.end)
        # the span fields last: whatever a rule left in its values, text == source[start:end]
        fields = {**values, "text": source[start:end], "start": start, "end": end}
        fields["rule"] = cand.rule
        records.append(validators[cand.kind].validate_python(fields))
    return records


_DEFAULT: Extractor | None = None


def extract(text: str, *, published: dt.date | None = None) -> ExtractionResult:
    """Extract typed records from Vietnamese news or report prose.

    ``published`` is the article's date; without it the article's dateline is used, and
    partial dates ("Sáng 21-2", "năm ngoái") are resolved against it. Every record's
    ``text`` equals ``text[start:end]`` of the string passed in.

    >>> r = extract("Có 1.626 dịch vụ công trực tuyến, đạt 19,5%.")
    >>> [(x.kind, x.text) for x in r.records]
    [('number', '1.626'), ('percent', '19,5%')]
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT(text, published=published)
