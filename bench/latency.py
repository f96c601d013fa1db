"""Latency of ``extract()`` per article after warm-up (never run by the tests).

    .venv/bin/python bench/latency.py [--repeat 200]

Prints, for every article in corpus/, its size and the median and 95th-percentile time of
one ``extract()`` call, then the same for the 3-4 KB articles together.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from vn_egov_extract import extract

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _times(text: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract(text)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    t0 = time.perf_counter()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    for text in texts.values():  # warm-up: pattern files, compiled regexes, underthesea
        extract(text)
    print(f"warm-up (first call on every article): {time.perf_counter() - t0:.2f} s")
    print(f"{'article':<28}{'KB':>6}{'median ms':>12}{'p95 ms':>10}{'records':>9}")
    mid: list[float] = []
    for name, text in texts.items():
        times = sorted(_times(text, args.repeat))
        kb = len(text.encode("utf-8")) / 1024
        if 3 <= kb <= 4.5:
            mid.extend(times)
        p95 = times[int(len(times) * 0.95) - 1]
        n = len(extract(text).records)
        print(f"{name:<28}{kb:>6.1f}{statistics.median(times):>12.2f}{p95:>10.2f}{n:>9}")
    if mid:
        mid.sort()
        top = mid[int(len(mid) * 0.95) - 1]
        print(f"3-4 KB articles: median {statistics.median(mid):.2f} ms, p95 {top:.2f} ms")


if __name__ == "__main__":
    main()
