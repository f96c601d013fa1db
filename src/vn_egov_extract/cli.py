"""``vn-egov-extract``: records from files, folders and archives, one JSON line per document.

    vn-egov-extract PATH... [-o OUT] [--format jsonl|csv|parquet] [--jobs N] [--resume]
                            [--quiet] [--text-field text] [--id-field id]
                            [--date-field published]
    vn-egov-extract schema          # the JSON Schema of a document's records
    vn-egov-extract show FILE       # a readable table of a file's records, by kind

PATH is a file, a folder (walked recursively for .txt, .html, .htm, .jsonl, .ndjson and
their .gz), a quoted glob, or ``-`` for standard input (JSON Lines if it starts with
``{``, HTML if ``<``, else one text; gzip is recognised). To process a file or folder
literally named ``schema`` or ``show``, write ``./schema`` or ``-- schema``.

Exit status: 0 when the run finished (documents that failed are error lines, counted in
the closing summary), 2 on a usage error or a missing optional package, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import __version__
from ._batch import DocResult, map_ordered, resolve_jobs, run_task, warm_up
from ._describe import describe
from ._readers import Fields, MissingExtra, Task, UsageError, check_paths, require, tasks
from ._records import KINDS, json_schema
from ._writers import CsvWriter, JsonlWriter, ParquetWriter, prepare_resume, rows

PROG = "vn-egov-extract"
FORMATS = ("jsonl", "csv", "parquet")
_SUFFIX_FORMAT = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}

# What a worker sends back per document: the payload to write, its record count, failed?
Outcome = tuple[Any, int, bool]


def _jsonl_outcome(task: Task) -> Outcome:
    result = run_task(task)
    return result.to_json(), len(result.records), not result.ok


def _table_outcome(task: Task) -> Outcome:
    result = run_task(task)
    return rows(result), len(result.records), not result.ok


def _jsonl_crash(task: Task, why: str) -> Outcome:
    return DocResult(id=task.id, source=task.source, error=why).to_json(), 0, True


def _table_crash(task: Task, why: str) -> Outcome:
    return rows(DocResult(id=task.id, source=task.source, error=why)), 0, True


def _jobs(value: str) -> int:
    """``--jobs``: an integer >= 0."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an integer >= 0, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0 (0 = all cores), got {n}")
    return n


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Typed records from Vietnamese e-government prose, one JSON line per "
        "document. Subcommands: 'schema' (JSON Schema), 'show FILE' (readable table).",
        epilog="A path literally named 'schema' or 'show': write './schema' or '-- schema'.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob or -")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: from OUT's suffix, or jsonl)"
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (0 = all cores)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="skip documents whose id is already in OUT (jsonl)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    parser.add_argument("--text-field", default="text", help="JSON Lines: field with the text")
    parser.add_argument("--id-field", default="id", help="JSON Lines: field with the id")
    parser.add_argument(
        "--date-field", default="published", help="JSON Lines: field with the article's date"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = os.path.splitext(args.output or "")[1].lower()
    return _SUFFIX_FORMAT.get(suffix, "jsonl")


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace, fmt: str) -> None:
    """Usage errors that argparse cannot see; each names the bad argument."""
    out = None if args.output in (None, "-") else args.output
    if args.resume and out is None:
        parser.error("--resume needs -o OUT (the file to resume)")
    if args.resume and fmt != "jsonl":
        parser.error(f"--resume works with --format jsonl only, not {fmt}")
    if fmt == "parquet" and out is None:
        parser.error("--format parquet needs -o OUT (Parquet cannot stream to stdout)")
    if out is not None and os.path.isdir(out):
        parser.error(f"-o {out!r} is a folder; give a file name")
    try:
        check_paths(args.paths)
    except UsageError as exc:
        parser.error(str(exc))
    if out is not None and os.path.exists(out):
        target = os.path.realpath(out)
        if any(p != "-" and os.path.realpath(p) == target for p in args.paths):
            parser.error(f"-o {out!r} is also an input PATH; write to another file")


def _skip_done(stream: Iterable[Task], done: Counter[str], skipped: list[int]) -> Iterator[Task]:
    """Drop tasks whose id is already in the output (each output line covers one task)."""
    for task in stream:
        if done[task.id] > 0:
            done[task.id] -= 1
            skipped[0] += 1
        else:
            yield task


def _html_checked(stream: Iterable[Task]) -> Iterator[Task]:
    """Fail early, naming the extra, when an HTML document shows up without trafilatura."""
    checked = False
    for task in stream:
        if task.fmt == "html" and not checked:
            require("trafilatura", "html")
            checked = True
        yield task


class _Progress:
    """Counts, the tqdm bar (only on a terminal, unless --quiet) and the closing summary."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.docs = self.records = self.errors = 0
        self.started = time.perf_counter()
        self.bar: Any = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm  # type: ignore[import-untyped]

            self.bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def add(self, records: int, failed: bool) -> None:
        self.docs += 1
        self.records += records
        if failed:
            self.errors += 1
            if self.bar is not None:
                self.bar.set_postfix_str(f"errors={self.errors}", refresh=False)
        if self.bar is not None:
            self.bar.update(1)

    def close(self, skipped: int) -> None:
        if self.bar is not None:
            self.bar.close()
        if self.quiet:
            return
        secs = time.perf_counter() - self.started
        extra = f", {skipped} already in output" if skipped else ""
        print(
            f"{PROG}: {self.docs} documents, {self.records} records, {self.errors} errors, "
            f"{secs:.1f} s{extra}",
            file=sys.stderr,
        )


def _run(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    fmt = _output_format(args)
    _check(parser, args, fmt)
    out = None if args.output in (None, "-") else str(args.output)
    jobs = resolve_jobs(args.jobs)
    fields = Fields(text=args.text_field, id=args.id_field, published=args.date_field)
    done: Counter[str] = Counter(prepare_resume(out)) if args.resume and out else Counter()
    skipped = [0]
    found = tasks(args.paths, fields, exclude=out)  # a folder walk must not read OUT
    stream = _skip_done(_html_checked(found), done, skipped)
    func: Callable[[Task], Outcome] = _jsonl_outcome if fmt == "jsonl" else _table_outcome
    crash = _jsonl_crash if fmt == "jsonl" else _table_crash
    writer: JsonlWriter | CsvWriter | ParquetWriter
    if fmt == "jsonl":
        writer = JsonlWriter(out, append=args.resume)
    elif fmt == "csv":
        writer = CsvWriter(out)
    else:
        writer = ParquetWriter(str(out))
    progress = _Progress(args.quiet)
    try:
        for payload, n_records, failed in map_ordered(
            func, stream, jobs=jobs, on_crash=crash, warm=warm_up
        ):
            if isinstance(writer, JsonlWriter):
                writer.write_line(payload)
            else:
                writer.write(payload)
            progress.add(n_records, failed)
    finally:
        writer.close()
        progress.close(skipped[0])
    return 0


def _schema(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} schema", description="Print the JSON Schema of extract()'s result."
    )
    parser.parse_args(argv)
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show_table(result: DocResult) -> str:
    """A readable table of one document's records, grouped by kind, in text order."""
    if result.error is not None:
        return f"== {result.id}: ERROR {result.error}"
    counts = Counter(r.kind for r in result.records)
    lines = [f"== {result.id}  (published {result.published}; {len(result.records)} records)"]
    for kind in sorted(counts, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
        lines.append(f"{kind} ({counts[kind]})")
        for r in result.records:
            if r.kind == kind:
                lines.append(f"  {_clip(r.text, 40):<42}{_clip(describe(r), 44):<46}{r.rule}")
    return "\n".join(lines)


def _show(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} show", description="Print a readable table of a file's records, by kind."
    )
    parser.add_argument("file", metavar="FILE", help="a .txt, .html or .jsonl file (or -)")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--date-field", default="published")
    args = parser.parse_args(argv)
    if args.file != "-" and not os.path.isfile(args.file):
        parser.error(f"FILE {args.file!r}: no such file")
    fields = Fields(text=args.text_field, id=args.id_field, published=args.date_field)
    for task in _html_checked(tasks([args.file], fields)):
        print(show_table(run_task(task)))
        print()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ran, 2 usage error)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["schema"]:
            return _schema(args[1:])
        if args[:1] == ["show"]:
            return _show(args[1:])
        return _run(args)
    except SystemExit as exc:  # argparse: usage errors (2), --help / --version (0)
        return exc.code if isinstance(exc.code, int) else 2
    except MissingExtra as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining while it flushes standard output at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
