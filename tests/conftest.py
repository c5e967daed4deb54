"""Shared fixtures: where the shared corpora live, small chart programs."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


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
