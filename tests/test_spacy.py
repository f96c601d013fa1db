"""The spaCy side: the word tokenizer, the vn_egov_extract component, its config and docs."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from vn_egov_extract import ExtractionResult, extract, render
from vn_egov_extract._records import RECORD_CLASSES, BaseRecord
from vn_egov_extract._render import label
from vn_egov_extract.spacy_component import (
    FACTORY,
    TOKENIZER,
    VietnameseTokenizer,
    VnEgovExtract,
    vietnamese_nlp,
)

# Written for these tests (not from the corpus): figures, a ratio and a percentage.
FIGURES = "Năm nay toàn tỉnh có 1.250 hồ sơ trực tuyến, 18/25 xã kết nối, đạt 72,5% kế hoạch."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return vietnamese_nlp()


def _whitespace_nlp() -> Language:
    """spaCy's own Vietnamese without pyvi: tokens are whitespace-separated chunks."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


# --- tokenizer --------------------------------------------------------------------------


def test_tokens_are_vietnamese_words(nlp: Language) -> None:
    doc = nlp.make_doc("Huyện đã ứng dụng công nghệ thông tin trong quản lý văn bản.")
    words = [t.text for t in doc]
    assert "công nghệ thông tin" in words
    assert "quản lý" in words
    assert words[-1] == "."  # punctuation is a token of its own
    assert "văn bản." not in words


_SYLLABLES = ["công", "nghệ", "thông", "tin", "Hà", "Nội", "Hoà", "thuỷ", "UBND", "19,5%", "21/02"]
_GLUE = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u200b", ", ", ".", " (", ") ", "\r\n", ""]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SYLLABLES + _GLUE), max_size=30), st.booleans())
def test_doc_text_is_the_input_exactly(pieces: list[str], decompose: bool) -> None:
    text = "".join(pieces)
    if decompose:
        text = unicodedata.normalize("NFD", text)
    doc = VietnameseTokenizer(spacy.blank("xx").vocab)(text)
    assert doc.text == text
    for token in doc:
        if not token.is_space:
            assert token.text == token.text.strip()
            assert "\n" not in token.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "  Hà  Nội\t\n có mưa \n",
        "Ho\u0300a Bi\u0300nh",
        "a\u00a0b",
        "&nbsp;<br/>x",
    ],
)
def test_odd_whitespace_and_markup_survive(nlp: Language, text: str) -> None:
    assert nlp.make_doc(text).text == text


def test_the_tokenizer_is_named_in_the_config(nlp: Language) -> None:
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": TOKENIZER}
    assert isinstance(nlp.tokenizer, VietnameseTokenizer)


# --- the component ----------------------------------------------------------------------


def test_spacy_finds_component_and_tokenizer_through_entry_points() -> None:
    code = (
        "import sys, spacy\n"
        "assert not [m for m in sys.modules if m.startswith('vn_egov_extract')]\n"
        f"cfg = {{'nlp': {{'tokenizer': {{'@tokenizers': '{TOKENIZER}'}}}}}}\n"
        "nlp = spacy.blank('vi', config=cfg)\n"
        "nlp.add_pipe('vn_egov_extract', config={'kinds': ['percent']})\n"
        "doc = nlp('Tỷ lệ đạt 19,5%.')\n"
        "print([(s.text, s.label_, s._.vn_egov.value) for s in doc.spans['vn_egov']])\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[('19,5%', 'percent', 19.5)]"


def _check_spans(doc: Doc, key: str = "vn_egov") -> None:
    """Every record is a span of its kind covering it, exact where tokens allow."""
    result = doc._.vn_egov
    assert isinstance(result, ExtractionResult)
    spans = list(doc.spans[key])
    assert len(spans) == len(result.records)
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    for span, record in zip(spans, result.records, strict=True):
        assert span._.vn_egov == record
        assert span.label_ == record.kind
        assert span.start_char <= record.start and record.end <= span.end_char
        if record.start in starts and record.end in ends:
            assert (span.start_char, span.end_char) == (record.start, record.end)


def test_spans_carry_the_records_of_extract(nlp: Language) -> None:
    doc = nlp(FIGURES)
    assert doc._.vn_egov.records == extract(FIGURES).records
    assert {"number", "ratio", "percent"} <= {s.label_ for s in doc.spans["vn_egov"]}
    _check_spans(doc)
    exact = [s for s in doc.spans["vn_egov"] if s.text == s._.vn_egov.text]
    assert exact, "with word tokens most records align exactly"


def test_expand_covers_records_inside_tokens() -> None:
    nlp = _whitespace_nlp()
    nlp.add_pipe(FACTORY)
    doc = nlp(FIGURES + " Tỷ lệ đạt 72,5%.")
    _check_spans(doc)
    wider = [(s.text, s._.vn_egov.text) for s in doc.spans["vn_egov"] if s.text != s._.vn_egov.text]
    assert ("72,5%.", "72,5%") in wider  # the whitespace token carries the full stop


def test_strict_alignment_drops_misaligned_spans_but_keeps_records() -> None:
    nlp = _whitespace_nlp()
    nlp.add_pipe(FACTORY, config={"alignment_mode": "strict", "kinds": ["percent"]})
    doc = nlp("Tỷ lệ đạt 72,5%.")  # the token is "72,5%." but the record is "72,5%"
    assert [r.text for r in doc._.vn_egov.records] == ["72,5%"]
    assert list(doc.spans["vn_egov"]) == []


def test_published_comes_from_the_doc(nlp: Language) -> None:
    doc = nlp.make_doc(FIGURES)
    doc._.vn_egov_published = dt.date(2021, 3, 4)
    doc = nlp(doc)
    assert doc._.vn_egov.published == dt.date(2021, 3, 4)
    assert doc._.vn_egov.records == extract(FIGURES, published=dt.date(2021, 3, 4)).records
    doc._.vn_egov_published = "2020-12-31"
    assert doc._.vn_egov_published == dt.date(2020, 12, 31)
    with pytest.raises(ValueError):
        doc._.vn_egov_published = "soon"


def test_a_doc_not_yet_processed_has_no_records(nlp: Language) -> None:
    doc = nlp.make_doc(FIGURES)
    assert doc._.vn_egov is None
    assert doc[0:2]._.vn_egov is None


# --- entities ---------------------------------------------------------------------------

NESTED = "Theo Quyết định số 12/QĐ-UBND ngày 3/2/2021, UBND huyện Ea Kar đạt 80% kế hoạch."


def _rec(kind: str, surface: str, **values: object) -> BaseRecord:
    start = NESTED.index(surface)
    return RECORD_CLASSES[kind](
        text=surface, start=start, end=start + len(surface), rule="test", **values
    )


_NESTED_RESULT = ExtractionResult(
    records=[
        _rec("legal_ref", "Quyết định số 12/QĐ-UBND ngày 3/2/2021", number="12/QĐ-UBND"),
        _rec("date", "3/2/2021", first_day=None, last_day=None, grain="day"),
        _rec("organization", "UBND huyện Ea Kar", name="UBND huyện Ea Kar"),
        _rec("location", "huyện Ea Kar", name="Ea Kar", level="district"),
        _rec("percent", "80%", value=80.0),
    ]
)


class _Fixed:
    """Stands in for the Extractor: the nested records above, whatever the rules say."""

    def __call__(self, text: str, *, published: dt.date | None = None) -> ExtractionResult:
        assert text == NESTED
        return _NESTED_RESULT


def _nested_nlp(ruler: bool, **config: object) -> Language:
    nlp = vietnamese_nlp(**config)
    component = nlp.get_pipe(FACTORY)
    assert isinstance(component, VnEgovExtract)
    component.extractor = _Fixed()  # type: ignore[assignment]
    if ruler:
        patterns = [{"label": "ORG", "pattern": "UBND"}, {"label": "MISC", "pattern": "kế hoạch"}]
        nlp.add_pipe("entity_ruler", before=FACTORY).add_patterns(patterns)
    return nlp


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def test_ents_keep_the_widest_of_nested_records() -> None:
    doc = _nested_nlp(ruler=False)(NESTED)
    spans = list(doc.spans["vn_egov"])
    assert [s.label_ for s in spans] == [r.kind for r in _NESTED_RESULT.records]
    assert [e.label_ for e in doc.ents] == ["legal_ref", "organization", "percent"]
    assert all(e in spans for e in doc.ents)
    for span in spans:  # a span left out of ents collides with one that is in
        assert span in doc.ents or any(_overlap(span, e) for e in doc.ents)
    assert [e._.vn_egov for e in doc.ents] == [
        _NESTED_RESULT.records[0],
        _NESTED_RESULT.records[2],
        _NESTED_RESULT.records[4],
    ]


def test_existing_ents_win_unless_overwrite() -> None:
    kept = _nested_nlp(ruler=True)(NESTED)
    assert [(e.text, e.label_) for e in kept.ents] == [
        ("Quyết định số 12/QĐ-UBND ngày 3/2/2021", "legal_ref"),
        ("UBND", "ORG"),
        ("80%", "percent"),
        ("kế hoạch", "MISC"),
    ]
    assert kept.ents[1]._.vn_egov is None  # not ours
    replaced = _nested_nlp(ruler=True, overwrite_ents=True)(NESTED)
    assert [e.label_ for e in replaced.ents] == ["legal_ref", "organization", "percent", "MISC"]
    assert len(replaced.spans["vn_egov"]) == len(kept.spans["vn_egov"]) == 5


def test_set_ents_false_leaves_ents_alone() -> None:
    doc = _nested_nlp(ruler=True, set_ents=False)(NESTED)
    assert [e.label_ for e in doc.ents] == ["ORG", "MISC"]
    assert len(doc.spans["vn_egov"]) == 5


# --- config and serialisation -----------------------------------------------------------


def test_config_round_trips_through_disk(tmp_path: Path) -> None:
    nlp = vietnamese_nlp(
        kinds=["number", "percent"], spans_key="so_lieu", set_ents=False, alignment_mode="contract"
    )
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == [FACTORY]
    assert loaded.config["components"][FACTORY] == nlp.config["components"][FACTORY]
    assert isinstance(loaded.tokenizer, VietnameseTokenizer)
    doc, again = nlp(FIGURES), loaded(FIGURES)
    assert [t.text for t in again] == [t.text for t in doc]
    assert [(s.start, s.end, s.label_) for s in again.spans["so_lieu"]] == [
        (s.start, s.end, s.label_) for s in doc.spans["so_lieu"]
    ]
    assert {s.label_ for s in again.spans["so_lieu"]} == {"number", "percent"}
    assert list(again.ents) == []


@pytest.mark.parametrize(
    ("config", "message"),
    [({"kinds": ["numbers"]}, "unknown kinds"), ({"alignment_mode": "fuzzy"}, "alignment_mode")],
)
def test_bad_config_fails_when_the_pipe_is_added(config: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        vietnamese_nlp(**config)


def test_docs_keep_their_records_through_docbin_and_pickle(nlp: Language) -> None:
    doc = nlp(FIGURES)
    records = doc._.vn_egov.records
    store = DocBin(store_user_data=True)
    store.add(doc)
    (loaded,) = DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab)
    for copy in (loaded, pickle.loads(pickle.dumps(doc))):
        assert copy._.vn_egov.records == records
        assert [s._.vn_egov for s in copy.spans["vn_egov"]] == records


def test_render_shows_a_processed_doc() -> None:
    doc = _nested_nlp(ruler=False)(NESTED)
    markup = render(doc)
    for record in _NESTED_RESULT.records:
        assert label(record) in markup
    with pytest.raises(ValueError, match="component first"):
        render(vietnamese_nlp().make_doc(NESTED))
