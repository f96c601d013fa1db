"""extract_many, DocResult, the ordered worker pool and the tidy table (to_dataframe)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from vn_egov_extract import DocResult, extract, extract_many, to_dataframe
from vn_egov_extract._batch import FAIL_ON_ENV, map_ordered
from vn_egov_extract._records import RECORD_CLASSES
from vn_egov_extract._writers import COLUMN_NAMES, arrow_schema, rows

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
MINE = [
    "Đến nay, toàn tỉnh có 1.234 tài khoản, đạt 87,5% kế hoạch.",
    "Có 15/20 xã cung cấp dịch vụ công trực tuyến mức độ 3, 4 trong quý 2/2021.",
    "",
]


def _dump(records: list[object]) -> list[dict[str, object]]:
    return [r.model_dump(mode="json") for r in records]  # type: ignore[attr-defined]


def test_strings_give_one_result_each_in_order_equal_to_extract() -> None:
    texts = TEXTS + MINE
    results = list(extract_many(texts))
    assert [r.id for r in results] == [str(i) for i in range(len(texts))]
    for text, result in zip(texts, results, strict=True):
        expected = extract(text)
        assert result.ok
        assert _dump(result.records) == _dump(expected.records)
        assert result.published == expected.published


@dataclasses.dataclass
class Article:
    text: str | None
    id: str
    published: str | None = None


def test_dicts_and_objects_carry_id_source_and_published() -> None:
    items = [
        {"text": MINE[1], "id": "a", "published": "2021-05-04", "source": "feed"},
        Article(text=MINE[0], id="b"),
        {"text": MINE[0]},
    ]
    results = list(extract_many(items, published=dt.date(2019, 1, 1)))
    assert [r.id for r in results] == ["a", "b", "2"]
    assert [r.source for r in results] == ["feed", None, None]
    assert results[0].published == dt.date(2021, 5, 4)
    assert results[1].published == dt.date(2019, 1, 1)  # the batch default


def test_a_failing_item_is_an_error_result_and_the_batch_goes_on() -> None:
    items = [
        MINE[0],
        {"id": "no-text"},
        Article(text=None, id="none"),
        {"text": 42, "id": "int"},
        {"text": MINE[0], "id": "bad-date", "published": "not a date"},
        MINE[1],
    ]
    results = list(extract_many(items))
    assert [r.ok for r in results] == [True, False, False, False, False, True]
    assert results[1].error == "missing text"
    assert "not a string" in (results[3].error or "")
    assert (results[4].error or "").startswith("ValueError")
    assert results[4].records == []


def test_fail_hook_turns_an_exception_into_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FAIL_ON_ENV, "15/20 xã")
    results = list(extract_many(MINE))
    assert [r.ok for r in results] == [True, False, True]
    assert "RuntimeError: injected failure" in (results[1].error or "")


def test_two_jobs_give_the_same_results_as_one() -> None:
    items = [{"text": t + f"\nCó {i} hồ sơ.", "id": f"d{i}"} for i, t in enumerate(TEXTS * 4)]
    one = [r.to_json() for r in extract_many(items, jobs=1)]
    two = [r.to_json() for r in extract_many(items, jobs=2)]
    assert one == two
    assert len(one) == len(items)


def test_many_jobs_read_their_input_lazily_with_a_bounded_window() -> None:
    pulled = []

    def endless() -> Iterator[str]:
        for i in itertools.count():
            pulled.append(i)
            yield f"Có {i} hồ sơ."

    first = list(itertools.islice(extract_many(endless(), jobs=2), 5))
    assert [r.id for r in first] == ["0", "1", "2", "3", "4"]
    # default window: 4 chunks per job, 8 items a chunk, plus the chunk being filled
    assert len(pulled) <= 4 * 2 * 8 + 8


def test_negative_jobs_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="jobs must be >= 0"):
        extract_many(["x"], jobs=-1)


def _die_on_seven(x: int) -> int:
    if x == 7:
        os._exit(3)  # a worker that dies, as with a segfault or the OOM killer
    return x * 10


def test_a_dead_worker_breaks_only_its_chunk() -> None:
    out = list(
        map_ordered(_die_on_seven, range(20), jobs=2, chunksize=4, on_crash=lambda x, why: -x)
    )
    # only the item that kills its worker is lost, even though it shared a chunk
    assert out == [-x if x == 7 else x * 10 for x in range(20)]


def test_doc_result_json_lines() -> None:
    ok = next(extract_many([{"text": MINE[0], "id": "x", "source": "s"}]))
    line = json.loads(ok.to_json())
    assert list(line) == ["id", "source", "published", "records"]
    assert line["records"] == _dump(extract(MINE[0]).records)
    bad = json.loads(DocResult(id="y", source="s", error="boom").to_json())
    assert bad == {"id": "y", "source": "s", "error": "boom"}


def test_every_record_field_has_a_column() -> None:
    for cls in RECORD_CLASSES.values():
        assert set(cls.model_fields) <= set(COLUMN_NAMES)
    assert COLUMN_NAMES[:4] == ("doc_id", "source", "published", "error")
    assert len(set(COLUMN_NAMES)) == len(COLUMN_NAMES)


def test_to_dataframe_one_row_per_record_and_error_rows() -> None:
    results = list(extract_many([*TEXTS[:2], {"id": "broken"}, ""]))
    frame = to_dataframe(results)
    n_records = sum(len(r.records) for r in results)
    assert len(frame) == n_records + 1  # the empty text has no row, the broken one has one
    assert list(frame.columns) == list(COLUMN_NAMES)
    broken = frame[frame["doc_id"] == "broken"]
    assert broken["error"].tolist() == ["missing text"]
    assert broken["kind"].isna().all()
    first = rows(results[0])
    assert frame.iloc[0]["text"] == first[0]["text"] == results[0].records[0].text


def test_to_dataframe_types_are_stable_even_when_empty() -> None:
    empty = to_dataframe([])
    full = to_dataframe(extract_many([MINE[1], MINE[0]]))
    assert list(empty.columns) == list(full.columns)
    assert empty.dtypes.equals(full.dtypes)
    assert all(isinstance(t, pd.ArrowDtype) for t in empty.dtypes)
    assert empty["levels"].dtype.pyarrow_dtype == pa.list_(pa.int64())
    assert pa.Schema.from_pandas(empty, preserve_index=False).equals(arrow_schema())
    levels = full["levels"].dropna().tolist()
    assert all(isinstance(x, list) and all(isinstance(v, int) for v in x) for x in levels)
