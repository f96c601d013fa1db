"""Dask on a real local cluster (2 worker processes): same records as in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from vn_egov_extract import extract, extract_many, to_dataframe
from vn_egov_extract._writers import arrow_schema
from vn_egov_extract.dask import extract_bag, extract_frame, meta

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
TEXTS += ["Có 15/20 xã cung cấp dịch vụ công trực tuyến mức độ 3, 4 trong quý 2/2021."]
DATES = ["2020-02-21", None, "2020-10-27", None, None, "2021-07-01"]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture
def articles() -> pd.DataFrame:
    ids = [f"art-{i}" for i in range(len(TEXTS))]
    return pd.DataFrame({"url": ids, "body": TEXTS, "date": DATES})


def _expected(articles: pd.DataFrame) -> pd.DataFrame:
    items = [
        {"id": u, "text": t, "published": None if pd.isna(d) else d}
        for u, t, d in zip(articles.url, articles.body, articles.date, strict=True)
    ]
    return to_dataframe(extract_many(items))


def test_frame_on_a_cluster_equals_in_process(client: Client, articles: pd.DataFrame) -> None:
    ddf = dd.from_pandas(articles, npartitions=3)
    records = extract_frame(ddf, text="body", id="url", published="date")
    assert records.dtypes.equals(meta().dtypes)
    got = client.compute(records).result().reset_index(drop=True)
    expected = _expected(articles)
    pd.testing.assert_frame_equal(got, expected)
    assert got["doc_id"].nunique() == len(TEXTS)
    first = extract(TEXTS[0], published="2020-02-21")  # type: ignore[arg-type]
    assert got[got.doc_id == "art-0"]["text"].tolist() == [r.text for r in first.records]


def test_frame_to_parquet_keeps_the_types(
    client: Client, articles: pd.DataFrame, tmp_path: Path
) -> None:
    ddf = dd.from_pandas(articles, npartitions=2)
    extract_frame(ddf, text="body", id="url", published="date").to_parquet(tmp_path / "out")
    table = pq.read_table(tmp_path / "out")
    assert table.schema.field("levels").type == pa.list_(pa.int64())
    assert table.schema.field("first_day").type == pa.date32()
    assert set(arrow_schema().names) <= set(table.schema.names)
    assert table.num_rows == len(_expected(articles))


def test_bag_on_a_cluster_equals_in_process(client: Client) -> None:
    items = [*TEXTS[:4], {"text": TEXTS[4]}, {"text": TEXTS[5], "id": "mine"}]
    results = client.compute(extract_bag(db.from_sequence(items, npartitions=2))).result()
    assert [r.id for r in results] == ["0-0", "0-1", "0-2", "1-0", "1-1", "mine"]
    for text, result in zip(TEXTS, results, strict=True):
        assert result.records == extract(text).records


def test_bad_column_is_named(articles: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="'texte'"):
        extract_frame(dd.from_pandas(articles, npartitions=1), text="texte")
