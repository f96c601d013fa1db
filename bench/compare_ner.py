"""Named entities: vn_egov_extract against underthesea's ``ner()``, detection F1 per kind.

    .venv/bin/python bench/compare_ner.py [--gold corpus/gold.jsonl] [--eval-dir ../shared/eval]

Scores both with the shared scorer (``score.py``: same kind + overlapping span, one to
one; ``ignore`` regions dropped) on the gold documents, and prints a Markdown table of
detection precision / recall / F1 for organisations, places, people and legal references,
plus the three NER kinds together. underthesea's CRF NER comes from ``baselines.py``
(PER/ORG/LOC mapped to person/organization/location); it has no legal references.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
KINDS = ("organization", "location", "person", "legal_ref")
NER_KINDS = ("organization", "location", "person")
# Each system: the callable score.py loads, and the kinds it can produce at all.
SYSTEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "vn_egov_extract": ("vn_egov_extract:extract", KINDS),
    "underthesea ner()": ("_compare_ner_baselines:underthesea_ner", NER_KINDS),
}


def _load(path: Path, name: str) -> ModuleType:
    """Import a file by path (the shared eval scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # score.py finds the baseline by module name
    spec.loader.exec_module(module)
    return module


def _eval_modules(eval_dir: Path) -> ModuleType:
    """score.py from ``eval_dir`` (baselines.py registered beside it), or exit with why."""
    missing = [f for f in ("score.py", "baselines.py") if not (eval_dir / f).is_file()]
    if missing:
        sys.exit(
            f"compare_ner: {', '.join(missing)} not found in {eval_dir}.\n"
            "This bench reuses the shared scorer and baselines (../shared/eval beside the "
            "project); check out the shared folder there or pass --eval-dir DIR."
        )
    _load(eval_dir / "baselines.py", "_compare_ner_baselines")
    return _load(eval_dir / "score.py", "_compare_ner_score")


def _cell(score: ModuleType, counts: dict[str, int]) -> str:
    p, r, f = score.prf(counts["detect"], counts["pred"], counts["gold"])
    return f"{p:.3f} / {r:.3f} / **{f:.3f}** ({counts['pred']} found)"


def _table(score: ModuleType, gold: Path) -> tuple[list[str], list[str]]:
    """The Markdown rows and the notes (timings, problems the scorer reported)."""
    columns: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for name, (spec, _) in SYSTEMS.items():
        counts, _errors, problems, run = score.score(str(gold), set(KINDS), False, spec)
        columns[name] = counts
        notes.append(
            f"- {name}: {run['seconds']:.2f} s for {run['docs']} docs (first call loads models)"
        )
        notes.extend(f"  - problem: {line.splitlines()[0]}" for line in problems)
    head = "| kind | gold | " + " | ".join(f"{n}: P / R / F1" for n in SYSTEMS) + " |"
    rows = [head, "|---|---:|" + "---|" * len(SYSTEMS)]
    for kind in (*KINDS, "NER kinds together"):
        group = NER_KINDS if kind == "NER kinds together" else (kind,)
        cells = []
        for name, (_, produces) in SYSTEMS.items():
            if not set(group) <= set(produces):
                cells.append("n/a (no such label)")
                continue
            total = {k: sum(columns[name][g][k] for g in group) for k in ("gold", "pred", "detect")}
            cells.append(_cell(score, total))
        n_gold = sum(columns["vn_egov_extract"][g]["gold"] for g in group)
        rows.append(f"| {kind} | {n_gold} | " + " | ".join(cells) + " |")
    return rows, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold.jsonl")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    if not args.gold.is_file():
        sys.exit(f"compare_ner: gold file {args.gold} not found (pass --gold FILE)")
    score = _eval_modules(args.eval_dir)
    rows, notes = _table(score, args.gold)
    print(f"Detection (kind + overlapping span) on {args.gold.name}, scored by score.py\n")
    print("\n".join(rows))
    print()
    print("\n".join(notes))


if __name__ == "__main__":
    main()
