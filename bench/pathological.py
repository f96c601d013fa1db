"""Worst-case inputs: each must finish in well under 2 s (never run by the tests).

    .venv/bin/python bench/pathological.py            # every case
    .venv/bin/python bench/pathological.py ngày mojibake   # cases whose name contains a word

Prints the seconds and records of each input, the time of the normalised view alone, and,
for any input slower than ``SLOW`` seconds, the seconds of each kind's finder on it (so a
slow kind is named with the input that makes it slow; overlap resolution and records are
the rest of the total). Ends with the worst case.

The tests run smaller versions in a child process with a timeout
(tests/test_robustness.py::test_pathological_input_completes).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from vn_egov_extract import Doc, extract
from vn_egov_extract._text import NormText
from vn_egov_extract.kinds import FINDERS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SLOW = 0.5
BUDGET = 2.0


def _article_line() -> str:
    article = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    return " ".join(article.split())


def _vni(text: str) -> str:
    from vn_egov_extract._legacy import LegacyTable
    from vn_egov_extract._patterns import load

    inverse = {v: k for k, v in load("legacy_vni.yaml", LegacyTable).table.items()}
    return "".join(inverse.get(c, c) for c in text)


def cases() -> dict[str, str]:
    """Name → input. Sizes follow the issue: 200,000 digits, 100,000 repeats, 5 MB."""
    line = _article_line()
    five_mb = (line + " ") * (5_000_000 // (len(line) + 1) + 1)
    return {
        "200,000 digits": "7" * 200_000,
        '"1." x 100,000': "1." * 100_000,
        '"(" x 100,000': "(" * 100_000,
        '"%" x 100,000': "%" * 100_000,
        '"ngày " x 40,000': "ngày " * 40_000,
        '"1/" x 50,000': "1/" * 50_000,
        '"1-" x 50,000': "1-" * 50_000,
        '"1,5% " x 40,000': "1,5% " * 40_000,
        '"mức độ 3, " x 20,000': "mức độ 3, " * 20_000,
        '"tháng 1/2020 " x 20,000': "tháng 1/2020 " * 20_000,
        '"từ ngày 1/1 đến " x 10,000': "từ ngày 1/1 đến " * 10_000,
        '"số 1/QĐ-UBND " x 20,000': "số 1/QĐ-UBND " * 20_000,
        '"Quyết định " x 20,000': "Quyết định " * 20_000,
        '"UBND huyện " x 20,000': "UBND huyện " * 20_000,
        '"Sở Thông tin và " x 20,000': "Sở Thông tin và " * 20_000,
        '"huyện " x 40,000': "huyện " * 40_000,
        '"ông Nguyễn Văn " x 20,000': "ông Nguyễn Văn " * 20_000,
        '"Nguyễn " x 40,000': "Nguyễn " * 40_000,
        '"Hệ thống " x 40,000': "Hệ thống " * 40_000,
        '"phần trăm " x 40,000': "hai phần trăm " * 30_000,
        '"hai mươi " x 40,000': "hai mươi " * 40_000,
        "200,000 letters, no space": "a" * 200_000,
        "200,000 Vietnamese letters": "ệ" * 200_000,
        "200,000 combining marks": "a" + "\u0301" * 200_000,
        '"<b" x 50,000': "<b" * 50_000,
        '"&#" x 50,000': "&#" * 50_000,
        '"<!--" x 50,000': "<!--" * 50_000,
        "200,000 spaces": " " * 200_000 + "80%",
        # two pieces of one rule with a long blank run between them (each gap a rule allows)
        **{
            f'"{a}" + 200,000 blanks + "{b}"': a + " " * 200_000 + b
            for a, b in [
                ("5", "%"),
                ("tổng đài", "1900"),
                ("ngày", "1/1/2020"),
                ("tháng", "3 năm 2020"),
                ("UBND", "huyện"),
                ("ông", "Nguyễn Văn An"),
                ("mức độ", "3"),
                ("Quyết định số", "1/QĐ-UBND"),
                ("12", "/20"),
                ("Sở", "Y tế"),
                ("Hệ thống", "iGate"),
                ("Trưởng phòng", "Tư pháp"),
            ]
        },
        "200,000 line breaks": "\n" * 200_000 + "80%",
        "1 MB VNI mojibake": _vni(five_mb[:1_000_000]),
        "5 MB article on one line": five_mb,
    }


def _seconds(run: object, text: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    result = run(text)  # type: ignore[operator]
    spent = time.perf_counter() - t0
    return spent, len(getattr(result, "records", []))


def _by_kind(text: str) -> list[tuple[float, str]]:
    """Seconds of each kind's finder on ``text`` (view built once, outside the timing)."""
    view = NormText.of(text)
    spent = []
    for kind, find in FINDERS.items():
        doc = Doc(view=view)
        doc.lower()
        t0 = time.perf_counter()
        for _ in find(doc):
            pass
        spent.append((time.perf_counter() - t0, kind))
    return sorted(spent, reverse=True)


def main(argv: list[str]) -> None:
    wanted = [a.lower() for a in argv]
    extract("warm up: 1.626 hồ sơ, 12 chiếc thuyền, 80%, UBND huyện, ngày 1/1/2020")
    print(f"{'input':<32}{'chars':>11}{'view s':>9}{'total s':>9}{'records':>9}")
    worst = ("", 0.0)
    for name, text in cases().items():
        if wanted and not any(w in name.lower() for w in wanted):
            continue
        view_s, _ = _seconds(NormText.of, text)
        spent, n = _seconds(extract, text)
        flag = "  SLOW" if spent > BUDGET else ""
        print(f"{name:<32}{len(text):>11,}{view_s:>9.3f}{spent:>9.3f}{n:>9,}{flag}")
        if spent > worst[1]:
            worst = (name, spent)
        if spent > SLOW:
            print("    finders alone: " + ", ".join(f"{k} {s:.2f}" for s, k in _by_kind(text)[:5]))
    print(f"worst case: {worst[0]} {worst[1]:.3f} s (budget {BUDGET} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
