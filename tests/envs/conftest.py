"""Tests that need a trainer whose pins clash with the main environment (veRL, ms-swift).

They run in their own virtual environments (``bash scripts/integration-envs.sh``, which
``scripts/test.sh`` calls); in an environment without the trainer they are not collected.
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob = [
    f"{folder}/*"
    for folder, module in (("verl", "verl"), ("swift", "swift"))
    if importlib.util.find_spec(module) is None
]
