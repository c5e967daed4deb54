"""Shared fixtures: where the shared corpora live, small chart programs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.corpora import CORPORA

if TYPE_CHECKING:
    from verm.types import Rendering


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA} (CI clones the repo with shared/ beside it)")
    return CORPORA


BAR_CHART = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["North", "South", "East", "West"], [12.5, 17.0, 9.5, 14.0], color=["{c0}", "#ff7f0e", "#2ca02c", "#d62728"])
ax.set_title("{title}")
ax.set_ylabel("Revenue (M$)")
plt.show()
"""


def bar_chart(c0: str = "#1f77b4", title: str = "Quarterly revenue by region") -> str:
    return BAR_CHART.replace("{c0}", c0).replace("{title}", title)


def render_charts(sources: dict[str, str]) -> dict[str, Rendering]:
    """Named chart programs rendered for real (sandboxed renderer, scenes on); every one must render."""
    from verm.render.chart import ChartRenderer

    with ChartRenderer(workers=2) as renderer:
        rendered = renderer.render_many(list(sources.values()))
    out = dict(zip(sources, rendered, strict=True))
    for name, r in out.items():
        assert r.ok and r.scene is not None, f"{name}: {r.reason}"
    return out
