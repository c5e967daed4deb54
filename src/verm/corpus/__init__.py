"""Synthetic corpora for tests and benchmarks: seeded, self-contained chart programs."""

from verm.corpus.charts import (
    CHART_KINDS,
    ChartProgram,
    generate_chart_program,
    generate_chart_programs,
    write_chart_programs,
)

__all__ = [
    "CHART_KINDS",
    "ChartProgram",
    "generate_chart_program",
    "generate_chart_programs",
    "write_chart_programs",
]
