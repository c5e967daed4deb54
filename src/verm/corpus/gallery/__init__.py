"""Real-world-style chart programs: gallery-style matplotlib scripts written for verm.

Unlike `verm.corpus.charts` (one generator, literals in named variables), these are
written the way people plot: data computed with numpy, loops over artists, odd chart
kinds (Hinton matrices, errorbar limits, stems, stairs, spans, polar bars, 3D axes,
LineCollections, mosaics, tables of text). Each is self-contained and deterministic
(randomness is seeded), so it renders to the same pixels every time.

Programs live in one folder per split (``dev/``: judges may be tuned on these; a
held-out split, written by another author, goes beside it). A split folder works
as it is with ``verm bench make --task chart --sources DIR``.

>>> [p.name for p in gallery_programs("dev")][:2]  # doctest: +SKIP
['annotated_heatmap', 'arrow_annotations']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["GalleryProgram", "gallery_dir", "gallery_programs", "gallery_splits"]

_ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class GalleryProgram:
    """One gallery program: its name (the file's stem), split, path and code."""

    name: str
    split: str
    path: Path
    code: str

    @property
    def summary(self) -> str:
        """The first line of the program's docstring: what the chart shows."""
        import ast

        doc = ast.get_docstring(ast.parse(self.code)) or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""


def gallery_splits() -> list[str]:
    """The splits present (folders holding at least one program)."""
    return sorted(p.name for p in _ROOT.iterdir() if p.is_dir() and any(p.glob("*.py")))


def gallery_dir(split: str = "dev") -> Path:
    """The folder of one split, for ``verm bench make --sources``."""
    folder = _ROOT / split
    if split not in gallery_splits():
        raise ValueError(f"no gallery split {split!r}; splits present: {', '.join(gallery_splits()) or 'none'}")
    return folder


def gallery_programs(split: str = "dev") -> list[GalleryProgram]:
    """Every program of a split, sorted by name."""
    return [
        GalleryProgram(name=p.stem, split=split, path=p, code=p.read_text(encoding="utf-8"))
        for p in sorted(gallery_dir(split).glob("*.py"))
    ]
