"""The command line under faults, run as a real process: damaged input, failing documents,
kill -9 then --resume. Every document gives exactly one line, in input order."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from vn_egov_extract import extract_many
from vn_egov_extract._batch import FAIL_ON_ENV
from vn_egov_extract._decode import decode_bytes

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
SCRIPT = Path(sys.executable).parent / "vn-egov-extract"
INVALID = b"C\xf3 80% v\x80n b\xe1n \xc3\x28 \xfe\xff\x00 12/20 c\xf5 quan"


def variant(i: int, parts: int = 1) -> str:
    """An article built from the corpus with its figures changed (same lengths)."""

    def shift(m: re.Match[str]) -> str:
        digits = m.group()
        return str((int(digits) * 7 + i) % 10 ** len(digits)).zfill(len(digits))

    body = "\n".join(TEXTS[(i + k) % len(TEXTS)] for k in range(parts))
    return f"Bản tin số {i}.\n" + re.sub(r"\d+", shift, body)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vn_egov_extract", *args, "-q"],
        capture_output=True,
        check=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def lines_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def records(text: str) -> object:
    """What the line of this text holds, computed in-process: its records, or its error
    (so these tests check the machinery, whatever state the kinds are in)."""
    (result,) = extract_many([text])
    return [r.model_dump(mode="json") for r in result.records] if result.ok else result.error


def payload(line: dict[str, object]) -> object:
    return line["records"] if "records" in line else line["error"]


def test_truncated_gzip_archive_keeps_the_documents_before(tmp_path: Path) -> None:
    docs = [{"id": f"doc-{i}", "text": variant(i)} for i in range(30)]
    data = gzip.compress("".join(json.dumps(d) + "\n" for d in docs).encode())
    archive = tmp_path / "feed.jsonl.gz"
    archive.write_bytes(data[: len(data) * 6 // 10])
    out = tmp_path / "out.jsonl"
    run(str(archive), "-o", str(out))
    lines = lines_of(out)
    *kept, last = lines
    assert 1 <= len(kept) < 30
    assert [x["id"] for x in kept] == [f"doc-{i}" for i in range(len(kept))]
    assert [payload(x) for x in kept] == [records(variant(i)) for i in range(len(kept))]
    assert last["id"] == f"{archive}#{len(kept) + 1}"
    assert "gzip" in str(last["error"])


def test_damaged_documents_are_error_lines_in_order(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(variant(1), encoding="utf-8")
    (root / "b.txt.gz").write_bytes(gzip.compress(variant(2).encode())[:-30])
    (root / "c.txt").write_bytes(INVALID)
    (root / "d.txt").symlink_to(root / "gone.txt")  # listed by the walk, unreadable
    feed = [
        json.dumps({"text": variant(3)}),
        "{not json",
        json.dumps({"body": "the text is not under 'text'"}),
        json.dumps({"text": "Có 12 xã. MARKER-FAIL-HERE"}),
        "[1, 2]",
        json.dumps({"text": variant(4)}),
    ]
    (root / "e.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run(str(root), "-o", str(out), "--jobs", "2", env={FAIL_ON_ENV: "MARKER-FAIL-HERE"})
    lines = lines_of(out)
    e = f"{root}/e.jsonl"
    assert [x["id"] for x in lines] == [
        f"{root}/{n}" for n in ("a.txt", "b.txt.gz", "c.txt", "d.txt")
    ] + [f"{e}#{i}" for i in range(1, 7)]
    errors = [str(x.get("error", "")) for x in lines]
    assert [bool(x) for x in errors] == [
        False,
        True,
        False,
        True,
        False,
        True,
        True,
        True,
        True,
        False,
    ]
    assert "gzip" in errors[1]
    assert "FileNotFoundError" in errors[3]
    assert errors[5].startswith("invalid JSON")
    assert errors[6] == "missing text field 'text'"
    assert "injected failure" in errors[7]
    assert errors[8].startswith("not a JSON object")
    assert [payload(lines[i]) for i in (0, 2, 4, 9)] == [
        records(variant(1)),
        records(decode_bytes(INVALID)),
        records(variant(3)),
        records(variant(4)),
    ]


def test_kill_9_then_resume_gives_every_document_exactly_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(300):
        (root / f"{i:03d}.txt").write_text(variant(i, parts=3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [str(SCRIPT), str(root), "-o", str(out), "--jobs", "2", "-q"],
        start_new_session=True,  # its own process group: the workers die with it
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.002)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    cut = out.read_bytes()
    assert 10 <= cut.count(b"\n") < 300
    run(str(root), "-o", str(out), "--jobs", "2", "--resume")  # -q: not a terminal anyway
    fresh = tmp_path / "fresh.jsonl"
    run(str(root), "-o", str(fresh), "--jobs", "2")
    assert out.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
    ids = [x["id"] for x in lines_of(out)]
    assert ids == [f"{root}/{i:03d}.txt" for i in range(300)]


def test_400_articles_an_invalid_file_and_an_empty_file_give_402_lines(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(400):
        (root / f"art{i:03d}.txt").write_text(variant(i), encoding="utf-8")
    (root / "zz-invalid.txt").write_bytes(INVALID)
    (root / "zz-empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [str(SCRIPT), str(root), "-o", str(out), "--jobs", "2"],
        capture_output=True,
        check=True,
        timeout=300,
    )
    lines = lines_of(out)
    assert len(lines) == 402
    assert len({x["id"] for x in lines}) == 402
    assert all(("records" in x) != ("error" in x) for x in lines)
    assert payload(lines[0]) == records(variant(0))
    assert lines[-2]["id"] == f"{root}/zz-empty.txt" and lines[-2]["records"] == []
    assert lines[-1]["id"] == f"{root}/zz-invalid.txt"
    assert payload(lines[-1]) == records(decode_bytes(INVALID))
    assert b"402 documents" in done.stderr


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"{i:02d}.txt").write_text(variant(i) + (" BOOM" if i == 3 else ""))
    main_fd, tty_fd = pty.openpty()
    fcntl.ioctl(tty_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(
        [str(SCRIPT), str(tmp_path), "-o", str(tmp_path / "out.jsonl")],
        stderr=tty_fd,
        env={**os.environ, FAIL_ON_ENV: "BOOM"},
    )
    os.close(tty_fd)
    shown = b""
    while True:
        try:
            data = os.read(main_fd, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        shown += data
    assert proc.wait(timeout=300) == 0
    os.close(main_fd)
    assert b"docs/s" in shown and b"errors=1" in shown
    assert b"20 documents" in shown and b"1 errors" in shown
