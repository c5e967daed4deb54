"""Corpora for tests and benchmarks: seeded, generated chart programs and hand-written gallery-style ones."""

from verm.corpus.charts import (
    CHART_KINDS,
    ChartProgram,
    generate_chart_program,
    generate_chart_programs,
    write_chart_programs,
)
from verm.corpus.gallery import GalleryProgram, gallery_dir, gallery_programs, gallery_splits

__all__ = [
    "CHART_KINDS",
    "ChartProgram",
    "GalleryProgram",
    "gallery_dir",
    "gallery_programs",
    "gallery_splits",
    "generate_chart_program",
    "generate_chart_programs",
    "write_chart_programs",
]
