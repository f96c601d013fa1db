"""Test-wide settings.

Under CI (the ``CI`` environment variable, set by ``.ci/run``'s caller) hypothesis draws its
examples from a fixed seed, so a red build is reproducible and a green one means the same
thing twice; local runs keep drawing new examples, and ``HYPOTHESIS_PROFILE=fuzz`` draws a
hundred times more.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") and os.environ.get("HYPOTHESIS_PROFILE") != "fuzz":
    settings.load_profile("ci")
