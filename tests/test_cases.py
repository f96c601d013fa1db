"""The example tables: ``tests/cases/<kind>.yaml`` is each kind's specification.

Each file has a fixed reference date (``published``), ``cases`` (input text → the records
of that kind it must give, in order, with the values listed), ``negatives`` (texts that
must give no record of that kind) and ``xfail`` (known failures, kept as strict xfails so
a fix is noticed). A case may set its own ``published`` (or ``null``) and ``partial: true``
when other records of the kind may also appear.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from vn_egov_extract import extract

CASES = Path(__file__).resolve().parent / "cases"


def _load() -> list[tuple[str, dict[str, Any]]]:
    files = sorted(CASES.glob("*.yaml"))
    return [(f.stem, yaml.safe_load(f.read_text(encoding="utf-8"))) for f in files]


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _params(section: str) -> list[Any]:
    out = []
    for stem, spec in _load():
        for i, case in enumerate(spec.get(section) or []):
            if section == "negatives" and isinstance(case, str):
                case = {"text": case}
            marks = []
            if section == "xfail":
                marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "")))
            label = f"{stem}-{section}-{i}-{case['text'][:40]}"
            out.append(
                pytest.param(spec["kind"], spec.get("published"), case, id=label, marks=marks)
            )
    return out


def _published(default: Any, case: dict[str, Any]) -> dt.date | None:
    return _date(case["published"]) if "published" in case else _date(default)


def _comparable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return value
    return value


def _check(kind: str, default_published: Any, case: dict[str, Any]) -> None:
    text = case["text"]
    result = extract(text, published=_published(default_published, case))
    for r in result.records:
        assert text[r.start : r.end] == r.text
    got = [r.model_dump(mode="json") for r in result.records if r.kind == kind]
    expected = case.get("expect") or []
    if not case.get("partial"):
        assert [g["text"] for g in got] == [e["text"] for e in expected], got
    for exp in expected:
        matches = [g for g in got if g["text"] == exp["text"]]
        assert matches, f"no {kind} record {exp['text']!r} in {got}"
        record = matches[0]
        for key, want in exp.items():
            assert _comparable(record.get(key)) == _comparable(
                want.isoformat() if isinstance(want, dt.date) else want
            ), f"{exp['text']!r}: {key} is {record.get(key)!r}, want {want!r}"


@pytest.mark.parametrize(("kind", "published", "case"), _params("cases"))
def test_case(kind: str, published: Any, case: dict[str, Any]) -> None:
    _check(kind, published, case)


@pytest.mark.parametrize(("kind", "published", "case"), _params("negatives"))
def test_negative(kind: str, published: Any, case: dict[str, Any]) -> None:
    result = extract(case["text"], published=_published(published, case))
    got = [(r.text, r.rule) for r in result.records if r.kind == kind]
    assert got == [], f"{case['text']!r} gave {kind} records {got}"


@pytest.mark.parametrize(("kind", "published", "case"), _params("xfail"))
def test_known_failure(kind: str, published: Any, case: dict[str, Any]) -> None:
    _check(kind, published, case)


def test_every_kind_file_is_big_enough() -> None:
    for stem, spec in _load():
        assert spec["kind"] == stem
        total = len(spec.get("cases") or []) + len(spec.get("negatives") or [])
        assert total >= 40, f"{stem}.yaml has {total} examples; the floor is 40"
