"""Where the shared corpora live: ``shared/corpora`` beside the repository (CI clones it there).

One path for every test. Tests that parametrise over corpus files read it at collection
time; the others take the ``corpora`` fixture of ``conftest.py``, which skips without it.
"""

from __future__ import annotations

from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
