"""spaCy integration: the ``vn_egov_extract`` pipeline component and a Vietnamese tokenizer.

Both are registered through entry points (see pyproject.toml), so a spaCy pipeline finds
them without importing this package first::

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("vn_egov_extract")
    doc = nlp("Sở Thông tin và Truyền thông đạt 19,5%.")
    doc.spans["vn_egov"]          # every record, label = kind
    doc.spans["vn_egov"][0]._.vn_egov   # the record itself
    doc._.vn_egov                 # the whole ExtractionResult

Records are kept in ``doc.user_data`` as plain JSON values, so docs still pickle, go
through ``DocBin`` and ``nlp.pipe(n_process=...)``; the ``._.vn_egov`` getters rebuild the
typed records on access.
"""

# No `from __future__ import annotations`: spaCy reads the factory's annotations at run
# time to validate its config.

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import TypeAdapter
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

from ._pipeline import Extractor, _check_published
from ._records import ExtractionResult, Record
from .tokenizer import words_and_spaces

FACTORY = "vn_egov_extract"
TOKENIZER = "vn_egov_extract.VietnameseTokenizer.v1"
EXTENSION = "vn_egov"
PUBLISHED_EXTENSION = "vn_egov_published"

# doc.user_data keys (plain JSON values live under them, so docs still serialise).
_RESULT_KEY = "vn_egov_extract.result"
_PUBLISHED_KEY = "vn_egov_extract.published"
_SPAN_ID_PREFIX = "vn_egov_extract#"
_ALIGNMENTS = ("strict", "contract", "expand")

_RECORD: TypeAdapter[Record] = TypeAdapter(Record)


# --- extensions -------------------------------------------------------------------------


def _doc_result(doc: Doc) -> ExtractionResult | None:
    """``doc._.vn_egov``: the records of the last ``vn_egov_extract`` run, or None."""
    data = doc.user_data.get(_RESULT_KEY)
    return None if data is None else ExtractionResult.model_validate(data)


def _span_record(span: Span) -> Record | None:
    """``span._.vn_egov``: the record a span stands for, or None for spans made elsewhere.

    Spans the component makes carry their record's index in ``span.id_``; any other span
    gets the first record of its label with exactly its offsets.
    """
    data = span.doc.user_data.get(_RESULT_KEY)
    if data is None:
        return None
    records: list[dict[str, Any]] = data["records"]
    span_id: str = span.id_
    if span_id.startswith(_SPAN_ID_PREFIX):
        index = int(span_id[len(_SPAN_ID_PREFIX) :])
        if index < len(records) and records[index]["kind"] == span.label_:
            return _RECORD.validate_python(records[index])
    for record in records:
        if record["kind"] == span.label_ and (record["start"], record["end"]) == (
            span.start_char,
            span.end_char,
        ):
            return _RECORD.validate_python(record)
    return None


def _get_published(doc: Doc) -> dt.date | None:
    iso = doc.user_data.get(_PUBLISHED_KEY)
    return None if iso is None else dt.date.fromisoformat(iso)


def _set_published(doc: Doc, value: dt.date | str | None) -> None:
    # Stored as ISO text: a date object in user_data would break doc.to_bytes().
    published = _check_published(value)
    if published is None:
        doc.user_data.pop(_PUBLISHED_KEY, None)
    else:
        doc.user_data[_PUBLISHED_KEY] = published.isoformat()


def _register_extensions() -> None:
    """Declare ``doc._.vn_egov``, ``doc._.vn_egov_published`` and ``span._.vn_egov`` once."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, getter=_doc_result)
    if not Doc.has_extension(PUBLISHED_EXTENSION):
        Doc.set_extension(PUBLISHED_EXTENSION, getter=_get_published, setter=_set_published)
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, getter=_span_record)


_register_extensions()


# --- the component ----------------------------------------------------------------------


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def merge_ents(existing: Iterable[Span], new: Iterable[Span], *, overwrite: bool) -> list[Span]:
    """Non-overlapping entities from ``existing`` ones and ``new`` candidate spans.

    The new spans are first thinned with spaCy's ``filter_spans`` (the longest wins, so an
    organisation beats the place inside it). Then, when they collide with entities already
    on the doc, the existing ones win unless ``overwrite`` is set.
    """
    from spacy.util import filter_spans

    old = list(existing)
    fresh = filter_spans(new)
    if overwrite:
        kept = fresh + [e for e in old if not any(_overlaps(e, s) for s in fresh)]
    else:
        kept = old + [s for s in fresh if not any(_overlaps(s, e) for e in old)]
    return sorted(kept, key=lambda s: s.start)


class VnEgovExtract:
    """Runs :class:`~vn_egov_extract.Extractor` on ``doc.text`` and stores the records.

    Every record becomes a span in ``doc.spans[spans_key]`` (label = kind; the record on
    ``span._.vn_egov``); with ``set_ents`` the non-overlapping ones also go to
    ``doc.ents``. Relative dates resolve against ``doc._.vn_egov_published`` when set.
    """

    def __init__(
        self,
        name: str = FACTORY,
        *,
        kinds: Iterable[str] | None = None,
        spans_key: str = EXTENSION,
        set_ents: bool = True,
        overwrite_ents: bool = False,
        alignment_mode: str = "expand",
    ) -> None:
        if alignment_mode not in _ALIGNMENTS:
            raise ValueError(f"alignment_mode must be one of {_ALIGNMENTS}, got {alignment_mode!r}")
        if not spans_key:
            raise ValueError("spans_key must be a non-empty string")
        self.name = name
        self.extractor = Extractor(kinds=kinds)
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.overwrite_ents = overwrite_ents
        self.alignment_mode = alignment_mode

    def __call__(self, doc: Doc) -> Doc:
        """Extract the records of ``doc`` and attach them as spans (and entities)."""
        result = self.extractor(doc.text, published=doc._.get(PUBLISHED_EXTENSION))
        doc.user_data[_RESULT_KEY] = result.model_dump(mode="json")
        spans = []
        for index, record in enumerate(result.records):
            span = doc.char_span(
                record.start,
                record.end,
                label=record.kind,
                alignment_mode=self.alignment_mode,
                span_id=f"{_SPAN_ID_PREFIX}{index}",
            )
            if span is not None and len(span):  # "strict"/"contract" may not align
                spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            doc.ents = merge_ents(doc.ents, spans, overwrite=self.overwrite_ents)
        return doc


@Language.factory(
    FACTORY,
    default_config={
        "kinds": None,
        "spans_key": EXTENSION,
        "set_ents": True,
        "overwrite_ents": False,
        "alignment_mode": "expand",
    },
    assigns=["doc.spans", "doc.ents"],
)
def make_vn_egov_extract(
    nlp: Language,
    name: str,
    kinds: list[str] | None,
    spans_key: str,
    set_ents: bool,
    overwrite_ents: bool,
    alignment_mode: str,
) -> VnEgovExtract:
    """Build the ``vn_egov_extract`` component from its config (spaCy calls this)."""
    return VnEgovExtract(
        name,
        kinds=kinds,
        spans_key=spans_key,
        set_ents=set_ents,
        overwrite_ents=overwrite_ents,
        alignment_mode=alignment_mode,
    )


# --- the tokenizer ----------------------------------------------------------------------


class VietnameseTokenizer(DummyTokenizer):
    """Vietnamese words (underthesea's segmentation) as tokens; ``doc.text`` is the input.

    "công nghệ thông tin" is one token; odd whitespace becomes whitespace tokens, as in
    spaCy's own tokenizers. Needs no pyvi.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(text)
        return Doc(self.vocab, words=words, spaces=spaces)


def create_vietnamese_tokenizer() -> Callable[[Language], VietnameseTokenizer]:
    """The tokenizer a config names: ``@tokenizers = "vn_egov_extract.VietnameseTokenizer.v1"``."""

    def make(nlp: Language) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab)

    return make


registry.tokenizers.register(TOKENIZER, func=create_vietnamese_tokenizer)


def vietnamese_nlp(**component_config: Any) -> Language:
    """A blank Vietnamese pipeline: the word tokenizer and the ``vn_egov_extract`` component.

    ``component_config`` is the component's config (``kinds``, ``spans_key``,
    ``set_ents``, ``overwrite_ents``, ``alignment_mode``).

    >>> nlp = vietnamese_nlp(kinds=["percent"])
    >>> doc = nlp("Tỷ lệ hồ sơ trực tuyến đạt 19,5%.")
    >>> [(s.text, s.label_, s._.vn_egov.value) for s in doc.spans["vn_egov"]]
    [('19,5%', 'percent', 19.5)]
    """
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe(FACTORY, config=component_config)
    return nlp
