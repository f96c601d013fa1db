"""Coverage-guided fuzzing of the whole pipeline with atheris (long runs, never in the tests).

    .venv/bin/python bench/fuzz.py -atheris_runs=200000          # bytes → decode → extract
    .venv/bin/python bench/fuzz.py -max_total_time=600 corpus_dir/  # keep interesting inputs

Each input is read three ways: as bytes through ``extract_bytes`` (UTF-8, UTF-16, TCVN3,
VNI, Windows-1258 detection), as a str built by atheris, and as that str with a genre
sentence around it. The checks are the contract: no exception other than the documented
ones, every record's ``text == source[start:end]``, records in order, the same result twice,
and ``repair_text`` never raising. A crash is reported by atheris with the input saved.

For a long run of the hypothesis properties instead:

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest -q tests/test_properties.py
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from vn_egov_extract import extract, extract_bytes, repair_text
    from vn_egov_extract._decode import decode_bytes

_AROUND = ("Năm 2021 có 1.626 hồ sơ, đạt ", "% tại UBND huyện ngày 15/3/2021.")


def _check(source: str) -> None:
    result = extract(source)
    starts = [r.start for r in result.records]
    assert starts == sorted(starts), "records out of order"
    for r in result.records:
        assert source[r.start : r.end] == r.text, (r, source)
    assert extract(source) == result, "not deterministic"
    assert isinstance(repair_text(source), str)


def test_one_input(data: bytes) -> None:
    """One fuzz input: the checks of the module docstring."""
    result = extract_bytes(data)
    text = decode_bytes(data)
    for r in result.records:
        assert text[r.start : r.end] == r.text, (r, text)
    fdp = atheris.FuzzedDataProvider(data)
    source = fdp.ConsumeUnicodeNoSurrogates(len(data))
    _check(source)
    _check(_AROUND[0] + source + _AROUND[1])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
