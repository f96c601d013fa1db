"""Many documents: :func:`extract_many`, its typed result, and the ordered worker pool.

Every document gives exactly one :class:`DocResult`, in input order: its records, or the
reason it could not be processed. One bad document never stops a batch.

Worker processes get documents in chunks through a bounded window of chunks in flight,
so memory stays bounded however long the input is, and results come back in order. The
pool is :class:`concurrent.futures.ProcessPoolExecutor` rather than
``multiprocessing.Pool.imap``: ``imap`` reads its whole input ahead and waits forever if a
worker dies, while a dead worker here breaks the pool visibly: the chunk is then rerun one
document at a time in a fresh pool, and only a document that kills its worker again
becomes an error result.

Test-only hook: when the environment variable ``VN_EGOV_EXTRACT_FAIL_ON`` is set, any
document whose text contains its value raises inside the worker (how the tests check
that a failing document becomes an error line). Do not set it in production.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ._pipeline import extract
from ._readers import Task, load
from ._records import Record

T = TypeVar("T")
R = TypeVar("R")

FAIL_ON_ENV = "VN_EGOV_EXTRACT_FAIL_ON"
_CHUNKSIZE = 8


class DocResult(BaseModel):
    """What one document gave: its records, or ``error`` when it could not be processed.

    ``id`` names the document (a file's path as given, ``path#line`` or the id field of a
    JSON Lines archive, the ``id`` of an item passed to :func:`extract_many`, else its
    position); ``source`` says where it came from; ``published`` is the article's date
    (given, or read from its dateline).

    >>> r = DocResult(id="a", source="a.txt", records=[])
    >>> r.ok, r.to_json()
    (True, '{"id": "a", "source": "a.txt", "published": null, "records": []}')
    >>> DocResult(id="b", error="invalid JSON").to_json()
    '{"id": "b", "source": null, "error": "invalid JSON"}'
    """

    model_config = ConfigDict(frozen=True)

    id: str
    source: str | None = None
    published: dt.date | None = None
    records: list[Record] = Field(default_factory=list)
    error: str | None = Field(default=None, description="Why the document gave no records.")

    @property
    def ok(self) -> bool:
        """True when the document was processed (it may still have no records)."""
        return self.error is None

    def to_json(self) -> str:
        """The document's JSON line (no newline): records, or the error."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "source", "published", "records"}`` or ``{"id", "source", "error"}``."""
        if self.error is not None:
            return {"id": self.id, "source": self.source, "error": self.error}
        return {
            "id": self.id,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "records": [r.model_dump(mode="json") for r in self.records],
        }


# Touches every kind once, so that its pattern files are loaded and its regexes compiled.
_WARM_TEXT = (
    "16:53, 21/02/2020. Sáng 21-2, ông Nguyễn Văn An, Giám đốc Sở Thông tin và Truyền thông "
    "tỉnh Đắk Lắk cho biết: UBND huyện có trên 1.250 tài khoản iDesk, đạt 92,5%; 12/20 xã "
    "cung cấp dịch vụ công trực tuyến mức độ 3, 4 theo Nghị quyết số 17/NQ-CP ngày 7/3/2019."
)


def warm_up() -> None:
    """Load every kind's data now (pattern files, compiled regexes, gazetteers)."""
    extract(_WARM_TEXT)


def _fail_hook(text: str) -> None:
    """Test-only: raise for texts containing ``$VN_EGOV_EXTRACT_FAIL_ON`` (see module doc)."""
    needle = os.environ.get(FAIL_ON_ENV)
    if needle and needle in text:
        raise RuntimeError(f"injected failure ({FAIL_ON_ENV}={needle!r})")


def run_task(task: Task) -> DocResult:
    """Read, decode and extract one document; any failure becomes an error result."""
    if task.error is not None:
        return DocResult(id=task.id, source=task.source, error=task.error)
    try:
        text, published = load(task)
        _fail_hook(text)
        result = extract(text, published=published)
    except Exception as exc:  # one document's failure must never stop an archive
        return DocResult(id=task.id, source=task.source, error=_describe_error(exc))
    return DocResult(
        id=task.id, source=task.source, published=result.published, records=result.records
    )


def _describe_error(exc: BaseException) -> str:
    """``"Type: message"``, short enough for one line.

    >>> _describe_error(ValueError("bad\\ndate"))
    'ValueError: bad date'
    """
    message = " ".join(str(exc).split())[:500]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def crashed(task: Task, why: str) -> DocResult:
    """The error result of a document whose worker process died."""
    return DocResult(id=task.id, source=task.source, error=why)


def resolve_jobs(jobs: int) -> int:
    """The number of worker processes: ``0`` means one per core.

    >>> resolve_jobs(3)
    3
    >>> resolve_jobs(-1)
    Traceback (most recent call last):
    ...
    ValueError: jobs must be >= 0 (0 = all cores), got -1
    """
    if jobs < 0:
        raise ValueError(f"jobs must be >= 0 (0 = all cores), got {jobs}")
    return jobs or os.cpu_count() or 1


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def _chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    on_crash: Callable[[T, str], R],
    chunksize: int = _CHUNKSIZE,
    window: int | None = None,
    warm: Callable[[], object] | None = None,
) -> Iterator[R]:
    """``func`` over ``items`` in ``jobs`` processes, results in input order, lazily.

    At most ``window`` chunks (default ``4 * jobs``) are in flight. ``func`` must be a
    module-level function (it is pickled). An item whose worker process dies gives
    ``on_crash(item, reason)`` instead. ``warm`` is called once here before the workers
    start when they are forked, so they inherit what it loaded instead of each loading it.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    if warm is not None and multiprocessing.get_start_method() == "fork":
        warm()
    limit = window or 4 * jobs
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    try:
        for chunk in _chunked(items, chunksize):
            pending.append((chunk, pool.submit(_run_chunk, func, chunk)))
            while len(pending) >= limit:
                out, pool = _next_done(pending, pool, func, on_crash, jobs)
                yield from out
        while pending:
            out, pool = _next_done(pending, pool, func, on_crash, jobs)
            yield from out
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _next_done(
    pending: deque[tuple[list[T], Future[list[R]]]],
    pool: ProcessPoolExecutor,
    func: Callable[[T], R],
    on_crash: Callable[[T, str], R],
    jobs: int,
) -> tuple[list[R], ProcessPoolExecutor]:
    """The results of the oldest chunk; after a worker death, a fresh pool takes over."""
    chunk, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
    # Some document killed its worker (a crash in C code, the OOM killer). Run this chunk's
    # documents one at a time, each alone in the pool, so only the culprit is lost.
    out: list[R] = []
    pool = ProcessPoolExecutor(max_workers=jobs)
    for item in chunk:
        try:
            out.extend(pool.submit(_run_chunk, func, [item]).result())
        except BrokenProcessPool as exc:
            out.append(on_crash(item, f"worker process died: {exc}"))
            pool.shutdown(wait=True, cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=jobs)
    # Every other chunk in flight that had not finished was lost with the pool: resend it.
    for i, (other, fut) in enumerate(pending):
        if not (fut.done() and not fut.cancelled() and fut.exception() is None):
            pending[i] = (other, pool.submit(_run_chunk, func, other))
    return out, pool


def _as_task(item: Any, position: int, published: Any) -> Task:
    """An item of :func:`extract_many` (a str, a mapping or an object) as a task."""
    if isinstance(item, str):
        return Task(id=str(position), text=item, published=published)
    get: Callable[[str], Any]
    if isinstance(item, dict):
        get = item.get
    else:

        def get(name: str) -> Any:
            return getattr(item, name, None)

    raw_id = get("id")
    doc_id = str(position) if raw_id is None else str(raw_id)
    source = get("source")
    source = None if source is None else str(source)
    text = get("text")
    if not isinstance(text, str):
        why = "missing" if text is None else f"not a string ({type(text).__name__}):"
        return Task(id=doc_id, source=source, error=f"{why} text")
    when = get("published")
    return Task(id=doc_id, source=source, text=text, published=published if when is None else when)


def extract_many(
    items: Iterable[Any], *, jobs: int = 1, published: dt.date | str | None = None
) -> Iterator[DocResult]:
    """Extract records from many documents; one :class:`DocResult` per item, in order.

    An item is a ``str`` (its id is its position, ``"0"``, ``"1"``...) or a dict or object
    with ``text`` and optionally ``id``, ``published`` and ``source``. ``published`` is
    the date for items that do not carry their own. ``jobs`` worker processes (``0``: one
    per core) share the work; results stream back in input order with bounded memory.
    A failing item gives a result with ``error`` set instead of stopping the batch.

    >>> [(r.id, len(r.records), r.error) for r in extract_many(["Đạt 80%.", {"id": "x"}])]
    [('0', 1, None), ('x', 0, 'missing text')]
    """
    n = resolve_jobs(jobs)
    tasks = (_as_task(item, i, published) for i, item in enumerate(items))
    return map_ordered(run_task, tasks, jobs=n, on_crash=crashed, warm=warm_up)
