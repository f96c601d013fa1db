"""The README tells the truth: its usage example runs and prints what it says it prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_usage_example_prints_what_the_readme_shows() -> None:
    usage = _section("Usage")
    code, shown = re.findall(r"```(?:python)?\n(.*?)```", usage, flags=re.S)[:2]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == shown.strip().splitlines()


def test_every_pattern_file_the_readme_names_exists() -> None:
    named = set(re.findall(r"`patterns/([\w.]+\.yaml)`", README.read_text(encoding="utf-8")))
    assert named
    root = README.parent / "patterns"
    assert sorted(n for n in named if not (root / n).is_file()) == []
