"""The command line: inputs, outputs, options, subcommands and usage errors."""

from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from vn_egov_extract import KINDS, extract, json_schema
from vn_egov_extract._readers import html_text
from vn_egov_extract._writers import COLUMN_NAMES, arrow_schema
from vn_egov_extract.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SCRIPT = Path(sys.executable).parent / "vn-egov-extract"
A = "Sáng 3-5, huyện đã cấp 1.250 tài khoản, đạt 92,5% kế hoạch; 14/18 xã kết nối."
B = "Có 320 hồ sơ được xử lý trực tuyến mức độ 3, 4 trong quý 2/2021."
C = "UBND tỉnh ban hành Kế hoạch số 45/KH-UBND ngày 12/3/2021 về chuyển đổi số."


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _records(text: str, published: str | None = None) -> list[dict[str, object]]:
    result = extract(text, published=published)  # type: ignore[arg-type]
    return [r.model_dump(mode="json") for r in result.records]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(B, encoding="utf-8")
    (root / "c.txt.gz").write_bytes(gzip.compress(C.encode("utf-8")))
    (root / "notes.md").write_text("không phải bài báo: 99%", encoding="utf-8")
    (root / ".hidden.txt").write_text("ẩn: 77%", encoding="utf-8")
    return root


def test_folder_is_walked_recursively_one_line_per_document(folder: Path) -> None:
    out = folder.parent / "out.jsonl"
    assert main([str(folder), "-o", str(out), "--quiet"]) == 0
    lines = _lines(out)
    assert [line["id"] for line in lines] == [
        f"{folder}/a.txt",
        f"{folder}/c.txt.gz",
        f"{folder}/sub/b.txt",
    ]
    assert [line["records"] for line in lines] == [_records(A), _records(C), _records(B)]
    assert all(line["source"] == line["id"] for line in lines)


def test_ids_are_paths_as_given_and_each_file_counts_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    assert main(["a.txt", ".", "*.gz", "-o", "o.jsonl", "-q"]) == 0
    ids = [line["id"] for line in _lines(folder / "o.jsonl")]
    # 'a.txt' first as named, then the folder's others; the glob adds nothing new, and
    # the output file inside the walked folder is never read back.
    assert ids == ["a.txt", "./c.txt.gz", "./sub/b.txt"]


def test_stdout_is_json_lines_and_summary_goes_to_stderr(
    folder: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main([str(folder / "a.txt"), str(folder / "sub")]) == 0
    out, err = capfdbinary.readouterr()
    lines = [json.loads(x) for x in out.decode("utf-8").splitlines()]
    assert [x["records"] for x in lines] == [_records(A), _records(B)]
    n = len(_records(A)) + len(_records(B))
    (summary,) = err.decode().splitlines()  # not a terminal: no progress bar, one line
    assert f"2 documents, {n} records, 0 errors" in summary


def test_quiet_prints_nothing_on_stderr(
    folder: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main([str(folder / "a.txt"), "-q"]) == 0
    assert capfdbinary.readouterr().err == b""


def test_jsonl_archive_with_field_options(tmp_path: Path) -> None:
    docs = [
        {"url": "u1", "body": A, "date": "2021-05-03"},
        {"body": B},
        {"url": "u3", "body": C, "date": None},
    ]
    archive = tmp_path / "feed.jsonl.gz"
    payload = "\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n\n"
    archive.write_bytes(gzip.compress(payload.encode("utf-8")))
    out = tmp_path / "out.jsonl"
    args = [str(archive), "-o", str(out), "-q", "--text-field", "body"]
    assert main([*args, "--id-field", "url", "--date-field", "date"]) == 0
    lines = _lines(out)
    assert [x["id"] for x in lines] == ["u1", f"{archive}#2", "u3"]
    assert [x["source"] for x in lines] == [f"{archive}#{i}" for i in (1, 2, 3)]
    assert lines[0]["published"] == "2021-05-03"
    assert lines[0]["records"] == _records(A, "2021-05-03")
    assert lines[2]["records"] == _records(C)


def test_html_main_text_and_date(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Chuyển đổi số cấp huyện</title>"
        '<meta property="article:published_time" content="2021-05-03T08:00:00"></head>'
        "<body><nav>Trang chủ | Liên hệ 0262 3 777 752</nav><article>"
        f"<h1>Chuyển đổi số cấp huyện</h1><p>{A} Kết quả được công bố hôm nay.</p>"
        f"<p>{B} Các đơn vị tiếp tục triển khai.</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(path), "-o", str(out), "-q"]) == 0
    (line,) = _lines(out)
    text, published = html_text(page)
    assert published == "2021-05-03"
    assert "1.250 tài khoản" in text and "Trang chủ" not in text
    assert line["published"] == "2021-05-03"
    assert line["records"] == _records(text, published)


def test_csv_is_a_tidy_table(folder: Path) -> None:
    out = folder.parent / "out.csv"
    assert main([str(folder), "-o", str(out), "-q"]) == 0  # format from the suffix
    with out.open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert tuple(table[0]) == COLUMN_NAMES
    assert len(table) == len(_records(A)) + len(_records(B)) + len(_records(C))
    levels = [row["levels"] for row in table if row["kind"] == "service_level"]
    assert levels and all(isinstance(json.loads(x), list) for x in levels)
    first = _records(A)[0]
    assert (table[0]["kind"], table[0]["text"]) == (first["kind"], first["text"])
    assert table[0]["start"] == str(first["start"])


def test_parquet_has_the_explicit_schema_even_when_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "empty.parquet"
    assert main([str(empty), "-o", str(out), "-q"]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.schema.equals(arrow_schema())
    full = tmp_path / "full.txt"
    full.write_text(B, encoding="utf-8")
    out2 = tmp_path / "full.pq"
    assert main([str(full), "-o", str(out2), "--format", "parquet", "-q", "-j", "2"]) == 0
    rows = pq.read_table(out2).to_pylist()
    assert [r["text"] for r in rows] == [r["text"] for r in _records(B)]
    assert any(r["levels"] for r in rows if r["kind"] == "service_level")


def test_resume_finishes_a_cut_run_without_duplicates(folder: Path) -> None:
    out = folder.parent / "out.jsonl"
    assert main([str(folder), "-o", str(out), "-q"]) == 0
    full = out.read_text(encoding="utf-8")
    first = full.splitlines(keepends=True)[0]
    out.write_text(first + '{"id": "half a li', encoding="utf-8")  # as after kill -9
    assert main([str(folder), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_text(encoding="utf-8") == full
    assert main([str(folder), "-o", str(out), "-q", "--resume"]) == 0  # nothing left to do
    assert out.read_text(encoding="utf-8") == full


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["no/such/file.txt"], "no/such/file.txt"),
        (["{f}", "--format", "xml"], "--format"),
        (["{f}", "--jobs", "-1"], "--jobs"),
        (["{f}", "--jobs", "two"], "--jobs"),
        (["{f}", "--resume"], "--resume"),
        (["{f}", "--resume", "-o", "{d}/x.csv"], "--resume"),
        (["{f}", "--format", "parquet"], "--format parquet"),
        (["{f}", "-o", "{d}"], "-o"),
        (["{f}", "-o", "{f}"], "also an input"),
        ([], "PATH"),
    ],
)
def test_usage_errors_exit_2_naming_the_argument(
    args: list[str], names: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = [a.format(f=folder / "a.txt", d=folder) for a in args]
    assert main(filled) == 2
    assert names in capsys.readouterr().err


def test_missing_extra_is_named(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import now raises ImportError
    out = folder / "x.parquet"
    assert main([str(folder / "a.txt"), "-o", str(out)]) == 2
    assert "pip install 'vn_egov_extract[parquet]'" in capsys.readouterr().err
    page = folder / "p.html"
    page.write_text("<html><body><p>80%</p></body></html>", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    assert main([str(page), "-q"]) == 2
    assert "vn_egov_extract[html]" in capsys.readouterr().err


def test_schema_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def test_show_groups_records_by_kind(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(folder / "sub" / "b.txt")]) == 0
    out = capsys.readouterr().out
    kinds = [r["kind"] for r in _records(B)]
    headers = [line.split(" (")[0] for line in out.splitlines() if not line.startswith((" ", "="))]
    assert [h for h in headers if h] == sorted(set(kinds), key=KINDS.index)  # contract order
    assert main(["show", str(folder / "missing.txt")]) == 2


def test_a_path_named_schema_after_double_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("schema").write_text(A, encoding="utf-8")
    assert main(["--", "schema", "-q"]) == 2  # after --, -q is a path too: it does not exist
    capfdbinary.readouterr()
    assert main(["-q", "--", "schema"]) == 0
    (line,) = capfdbinary.readouterr().out.decode().splitlines()
    assert json.loads(line)["id"] == "schema"


def test_console_script_reads_stdin_text_and_gzip_jsonl(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SCRIPT), "-", "-q"], input=A.encode(), capture_output=True, check=True
    )
    (line,) = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert (line["id"], line["records"]) == ("-", _records(A))
    feed = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (B, C))
    done = subprocess.run(
        [sys.executable, "-m", "vn_egov_extract", "-", "-q"],
        input=gzip.compress(feed.encode()),
        capture_output=True,
        check=True,
    )
    lines = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert [(x["id"], x["records"]) for x in lines] == [("-#1", _records(B)), ("-#2", _records(C))]
    assert done.stderr == b""
