"""Worst-case inputs: each must finish in well under 2 s (never run by the tests).

    .venv/bin/python bench/pathological.py

The tests run smaller versions with a generous cap (tests/test_properties.py).
"""

from __future__ import annotations

import time
from pathlib import Path

from vn_egov_extract import extract

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def cases() -> dict[str, str]:
    article = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    one_line = " ".join(article.split())
    return {
        "200,000 digits": "7" * 200_000,
        '"1." x 100,000': "1." * 100_000,
        '"(" x 100,000': "(" * 100_000,
        '"%" x 100,000': "%" * 100_000,
        '"ngày " x 40,000': "ngày " * 40_000,
        '"1/" x 50,000': "1/" * 50_000,
        '"mức độ 3, " x 20,000': "mức độ 3, " * 20_000,
        '"<b" x 50,000': "<b" * 50_000,
        "5 MB article on one line": (one_line + " ") * (5_000_000 // (len(one_line) + 1) + 1),
    }


def main() -> None:
    print(f"{'input':<30}{'chars':>12}{'seconds':>10}{'records':>10}")
    worst = 0.0
    for name, text in cases().items():
        t0 = time.perf_counter()
        n = len(extract(text).records)
        spent = time.perf_counter() - t0
        worst = max(worst, spent)
        print(f"{name:<30}{len(text):>12,}{spent:>10.3f}{n:>10,}")
    print(f"worst case: {worst:.3f} s")


if __name__ == "__main__":
    main()
