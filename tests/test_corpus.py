"""The sample articles in ``corpus/`` with their gold: a floor the rules must keep.

Matching follows ``shared/eval/score.py`` (CONTRACT.md): same kind, overlapping spans,
one-to-one, values compared per kind; strict F1 per kind must stay at or above its floor.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from vn_egov_extract import extract

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold.jsonl"

# Strict F1 floors on corpus/: raise them when the rules improve, never lower them quietly.
FLOORS: dict[str, float] = {
    "number": 0.95,
    "percent": 0.95,
    "ratio": 0.95,
    "date": 0.95,
    "system": 0.95,
    "service_level": 0.95,
    "legal_ref": 0.95,
    "organization": 0.90,
    "location": 0.90,
    "person": 0.90,
}


def _name(value: Any) -> str:
    quotes = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
    return " ".join(
        unicodedata.normalize("NFC", str(value or "")).translate(quotes).casefold().split()
    )


def _same(kind: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    def num(a: Any, b: Any) -> bool:
        return a is not None and b is not None and math.isclose(float(a), float(b), abs_tol=1e-9)

    if kind in ("number", "percent"):
        return num(pred.get("value"), gold.get("value"))
    if kind == "ratio":
        return num(pred["numerator"], gold["numerator"]) and num(
            pred["denominator"], gold["denominator"]
        )
    if kind == "date":
        return all(
            str(pred.get(k))[:10] == str(gold.get(k))[:10] for k in ("first_day", "last_day")
        )
    if kind == "service_level":
        return sorted(pred.get("levels") or []) == sorted(gold.get("levels") or [])
    if kind == "legal_ref":
        return _name(pred.get("number")) == _name(gold.get("number"))
    return _name(pred.get("name")) == _name(gold.get("name"))


def _locate(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = text.index(surface, at + 1)
    return at, at + len(surface)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@functools.cache
def strict_counts() -> dict[str, dict[str, int]]:
    """Per kind: gold, predicted and strictly matched counts over corpus/gold.jsonl."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"gold": 0, "pred": 0, "ok": 0})
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        preds = [r.model_dump(mode="json") for r in extract(text, published=published).records]
        ignore = [_locate(text, i["text"], i.get("occurrence", 1)) for i in doc.get("ignore") or []]
        preds = [p for p in preds if not any(_overlap((p["start"], p["end"]), s) for s in ignore)]
        gold = [(g, _locate(text, g["text"], g.get("occurrence", 1))) for g in doc["gold"]]
        for kind in {g["kind"] for g, _ in gold} | {p["kind"] for p in preds}:
            gs = [(g, s) for g, s in gold if g["kind"] == kind]
            ps = [p for p in preds if p["kind"] == kind]
            used: set[int] = set()
            ok = 0
            for g, span in gs:
                alts = [g] + [{**g, **a} for a in g.get("alt") or []]
                for i, p in enumerate(ps):
                    if (
                        i not in used
                        and _overlap(span, (p["start"], p["end"]))
                        and any(_same(kind, p, a) for a in alts)
                    ):
                        used.add(i)
                        ok += 1
                        break
            counts[kind]["gold"] += len(gs)
            counts[kind]["pred"] += len(ps)
            counts[kind]["ok"] += ok
    return counts


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_corpus_floor(kind: str) -> None:
    c = strict_counts()[kind]
    precision = c["ok"] / c["pred"] if c["pred"] else 0.0
    recall = c["ok"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= FLOORS[kind], f"{kind}: strict F1 {f1:.3f} < floor {FLOORS[kind]} ({c})"
