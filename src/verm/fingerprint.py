"""Fingerprints of the code behind a stored result, so that a result made by other code is
made again, never served as if today's code had made it.

* `render_fingerprint`: verm's renderers (``verm/render/``) and the versions of the drawing
  libraries. Stamps cached scenes and keys cached candidate renders.
* `scoring_fingerprint`: verm's scoring core, every module below the faces (the import
  contracts in ``pyproject.toml`` keep the core from importing ``bench``, ``perturb``,
  ``refine``, ``train``, ``integrations``, ``serve`` and the CLI, so those cannot change a
  judgment), and the versions of the libraries that draw, read text and measure images.
  Keys cached judgments and stamps a bench run, which refuses to resume under other code.

Files are read, not imported (no heavy import to take a fingerprint); each is keyed by its
path inside the package, so two checkouts of the same code fingerprint the same.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

_PACKAGE = Path(__file__).parent
#: Libraries whose version changes what a renderer draws or extracts.
RENDER_DISTRIBUTIONS = ("matplotlib", "playwright", "resvg-py")
#: Libraries whose version changes a judgment (besides the renderers').
SCORING_DISTRIBUTIONS = (
    *RENDER_DISTRIBUTIONS,
    "numpy",
    "pillow",
    "scipy",
    "scikit-image",
    "opencv-python-headless",
    "tesserocr",
)
#: Top-level parts of the package that no judgment can depend on: the faces above the core and the corpora (data).
_OUTSIDE_SCORING = frozenset(
    {"bench", "perturb", "refine", "train", "integrations", "serve", "corpus", "cli.py", "console.py", "doctor.py"}
)


def _digest(files: Iterable[Path], distributions: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for dist in distributions:
        try:
            digest.update(f"{dist}=={importlib.metadata.version(dist)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{dist} absent\n".encode())
    return digest.hexdigest()[:16]


@functools.cache
def render_fingerprint() -> str:
    """A hash of what renders and extracts a scene: ``verm/render/`` and the drawing libraries' versions."""
    return _digest(sorted((_PACKAGE / "render").rglob("*.py")), RENDER_DISTRIBUTIONS)


@functools.cache
def scoring_fingerprint() -> str:
    """A hash of what a judgment depends on: verm's scoring core and the libraries it runs on."""
    files = sorted(p for p in _PACKAGE.rglob("*.py") if p.relative_to(_PACKAGE).parts[0] not in _OUTSIDE_SCORING)
    return _digest(files, SCORING_DISTRIBUTIONS)
