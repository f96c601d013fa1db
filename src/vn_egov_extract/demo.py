"""``python -m vn_egov_extract.demo PATH...``: a readable table of records per article.

Used by ``make demo`` over ``corpus/``. Prints, for every ``.txt`` file, its records in
text order: kind, surface, value, and the rule that made it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ._describe import describe
from ._pipeline import extract


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return out


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show(path: Path) -> str:
    """The table of one article's records."""
    result = extract(path.read_text(encoding="utf-8"))
    counts = Counter(r.kind for r in result.records)
    summary = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
    lines = [
        f"== {path.name}  (published {result.published}; {len(result.records)} records: {summary})"
    ]
    lines.append(f"  {'kind':<14}{'text':<44}{'value':<44}rule")
    for r in result.records:
        lines.append(f"  {r.kind:<14}{_clip(r.text, 42):<44}{_clip(describe(r), 42):<44}{r.rule}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the tables of every article under the given paths."""
    args = sys.argv[1:] if argv is None else argv
    files = _files(args or ["corpus"])
    if not files:
        print("no .txt files found under", args, file=sys.stderr)
        return 1
    for path in files:
        print(show(path))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
