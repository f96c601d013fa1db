"""``python -m vn_egov_extract``: the command line (see :mod:`vn_egov_extract.cli`)."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
