"""Scene judge, charts: images and meshes past the scene's cap on values are compared as a whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

# 60 x 80 cells: the scene keeps the first 2,000 values (the first 25 rows); a change below them is past the cap.
FIELD = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(7)
y, x = np.mgrid[0:60, 0:80]
field = rng.normal(10.0, 0.3, (60, 80)) + 80.0 * np.exp(-((x - 55) ** 2 + (y - 45) ** 2) / 60.0)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 4))
ax1.imshow(field, cmap="magma", origin="lower")
ax2.pcolormesh(field, cmap="viridis")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "field": FIELD,
            "same": FIELD.replace("figsize=(9, 4)", "figsize=(9.0, 4.0)"),
            "peak_gone": FIELD.replace("80.0 * np.exp", "0.0 * np.exp"),
            "flattened": FIELD.replace("fig, (ax1", "field = np.full_like(field, field.mean())\nfig, (ax1"),
        }
    )


def test_a_change_past_the_cap_of_an_image_and_a_mesh_is_found(charts: dict[str, Rendering]) -> None:
    # The bright peak sits in rows 35-55: the first 2,000 values (rows 1-25) are the same noise in both.
    found = SceneJudge().judge(Task.CHART, charts["field"], charts["peak_gone"]).discrepancies
    data = [d for d in found if d.category == "data_error"]
    assert len(data) == 2 and all(d.severity == 3 for d in data), found
    assert all("blocks" in d.description for d in data), found


def test_an_unchanged_large_image_gives_nothing(charts: dict[str, Rendering]) -> None:
    assert SceneJudge().judge(Task.CHART, charts["field"], charts["same"]).discrepancies == []


def test_a_large_image_and_mesh_flattened_to_their_mean_lose_their_data(charts: dict[str, Rendering]) -> None:
    judge = SceneJudge()
    flat = judge.judge(Task.CHART, charts["field"], charts["flattened"]).discrepancies
    assert sum(d.severity for d in flat) >= 6 and all(d.category == "data_error" for d in flat), flat
