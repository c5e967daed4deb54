"""Where the shared corpora live: ``shared/corpora`` beside the repository (CI clones it there), or
``$CORPORA`` (as the benchmarks take it) for a checkout elsewhere, such as a git worktree.

One path for every test. Tests that parametrise over corpus files read it at collection
time; the others take the ``corpora`` fixture of ``conftest.py``, which skips without it.
"""

from __future__ import annotations

import os
from pathlib import Path

CORPORA = Path(os.environ.get("CORPORA") or Path(__file__).resolve().parents[1].parent / "shared" / "corpora")
