"""The hack generators of `verm.bench.hacks` (scored in tests/integration/test_judge_hacks.py)."""

from __future__ import annotations

import ast

import numpy as np
import pytest

from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.corpus import gallery_programs
from verm.errors import InputError
from verm.extract import extract_code
from verm.types import Task

TABLE = "| Region | Sales |\n|---|---:|\n| North | 12 |\n| South | 7 |\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor"><title>x</title><path d="M1 1L9 9"/></svg>'


def test_every_chart_hack_runs_the_reference_then_changes_its_figure():
    ref = gallery_programs("dev")[0].code
    hacks = hack_sources(Task.CHART, ref)
    assert list(hacks) == list(HACK_KINDS[Task.CHART])
    for kind, code in hacks.items():
        ast.parse(code)  # well-formed Python
        assert code.startswith(ref.rstrip()), kind
        assert extract_code(as_completion(Task.CHART, code), Task.CHART).code.strip() == code.strip()


def test_table_and_svg_hacks_keep_the_reference_frame():
    table = hack_sources(Task.TABLE, TABLE)
    assert "<th>Region</th>" in table["axes without data"] and "North" not in table["axes without data"]
    assert "North" in table["text only"] and "border:0" in table["text only"]
    svg = hack_sources(Task.SVG, SVG)
    assert all(h.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"') for h in svg.values())
    assert "<path" not in svg["one shape"] and svg["one shape"].count("<rect") == 1
    assert as_completion(Task.SVG, svg["blank canvas"]) == svg["blank canvas"]


HTML_TABLE = (
    '<p>intro</p><table border="1"><thead><tr><th>Region</th><th>A &amp; B</th></tr></thead>\n'
    '<tbody>\n<tr><th rowspan="2">North</th><td>12</td></tr>\n<tr><td style="color:red">7</td></tr>\n'
    '<tr><td colspan="2"><b>South</b></td></tr>\n</tbody></table><p>outro</p>'
)


def test_table_hacks_of_an_html_reference_keep_its_cells_and_spans():
    table = hack_sources(Task.TABLE, HTML_TABLE)
    text_only = table["text only"]
    # The reference's own table, rules off: every row, span and header cell where it was.
    assert text_only.startswith("<table") and text_only.endswith("</table>") and "intro" not in text_only
    assert text_only.count("<tr>") == 4 and 'rowspan="2"' in text_only and 'colspan="2"' in text_only
    assert 'border="1"' not in text_only and text_only.count("border:0") == 7  # the table and its six cells
    assert 'style="color:red;border:0"' in text_only and "A &amp; B" in text_only and "<b>South</b>" in text_only
    assert table["only the title"].count("<tr>") == 1 and "North" not in table["only the title"]
    empty = table["axes without data"]
    assert empty.count("<tr>") == 4 and "Region" in empty and not any(w in empty for w in ("North", "12", "South"))
    assert 'rowspan="2"' in table["random noise"] and "Region" not in table["random noise"]


def test_kinds_are_chosen_and_checked():
    assert list(hack_sources(Task.SVG, SVG, ["one shape"])) == ["one shape"]
    with pytest.raises(InputError, match="unknown svg hack kinds"):
        hack_sources(Task.SVG, SVG, ["axes without data"])
    with pytest.raises(InputError, match="no <svg> tag"):
        hack_sources(Task.SVG, "<g/>")


FLATTEN_ME = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, (a, b, c) = plt.subplots(1, 3)
a.bar([0, 1, 2, 3], [4, 9, 2, 6])
a.plot([0, 1, 2, 3], [1, 5, 3, 8])
b.pie([50, 30, 20])
c.fill_between([0, 1, 2, 3], [2, 7, 4, 5])
c.scatter([0, 1, 2, 3], [3, 1, 4, 1])
"""


def test_flattened_data_keeps_every_artist_with_one_value_per_series():
    # The hack code is verm's own, so it runs here: what the sandbox would draw, read back from the figure.
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle, Wedge

    space: dict[str, object] = {}
    try:
        exec(hack_sources(Task.CHART, FLATTEN_ME, ["flattened data"])["flattened data"], space)
        a, b, c = plt.gcf().axes
        assert {p.get_height() for p in a.patches if isinstance(p, Rectangle)} == {5.25}
        assert set(a.lines[0].get_ydata()) == {4.25}
        assert a.get_ylim()[1] > 9  # limits stay the reference's
        shares = {round(w.theta2 - w.theta1, 6) for w in b.patches if isinstance(w, Wedge)}
        assert shares == {120.0}
        assert len({float(v[1]) for p in c.collections[0].get_paths() for v in p.vertices}) == 1  # a line
        assert set(c.collections[1].get_offsets()[:, 1]) == {2.25}
        assert all(x.get_visible() for ax in (a, b, c) for x in [*ax.patches, *ax.lines, *ax.collections])
    finally:
        plt.close("all")


FIELDS = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
x, y = np.meshgrid(np.linspace(0, 3, 6), np.linspace(0, 3, 6))
fig = plt.figure()
a = fig.add_subplot(2, 2, 1)
a.contourf(x, y, x * y, levels=5)
a.contour(x, y, x * y, levels=3, colors="k")
a.quiver(x, y, x - 1, y + 2)
b = fig.add_subplot(2, 2, 2)
b.add_collection(LineCollection([[(0, 0), (1, 2)], [(1, 2), (2, 1)], [(2, 1), (3, 3)]]))
c = fig.add_subplot(2, 2, 3, projection="3d")
c.plot_surface(x, y, x * y)
"""


def test_flattened_data_flattens_fields_segments_and_hides_3d():
    # Fields, segments and 3D have no bar or line to flatten: each is made to show none of its data.
    import matplotlib.pyplot as plt
    from matplotlib.contour import ContourSet
    from matplotlib.quiver import Quiver

    space: dict[str, object] = {}
    try:
        exec(hack_sources(Task.CHART, FIELDS, ["flattened data"])["flattened data"], space)
        a, b, c = plt.gcf().axes
        filled, lines = [k for k in a.collections if isinstance(k, ContourSet)]
        assert len(set(np.ravel(filled.get_array()))) == 1 and not lines.get_visible()
        arrows = next(k for k in a.collections if isinstance(k, Quiver))
        assert len(set(np.ravel(arrows.U))) == 1 and len(set(np.ravel(arrows.V))) == 1
        assert len({float(v[1]) for s in b.collections[0].get_segments() for v in s}) == 1
        assert not any(k.get_visible() for k in c.collections)
    finally:
        plt.close("all")


TREEMAP = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
fig, ax = plt.subplots()
for x, w, h in [(0, 0.6, 0.7), (0, 0.6, 0.3), (0.6, 0.4, 1.0)]:
    ax.add_patch(Rectangle((x, 0.0 if h != 0.3 else 0.7), w, h, facecolor=plt.cm.viridis(h)))
fig.colorbar(plt.cm.ScalarMappable(cmap="viridis"), ax=ax)
"""


def test_flattened_data_leaves_a_colour_bar_and_hides_data_it_cannot_flatten():
    # Hand-placed rectangles (a treemap) have no value to flatten. Flattening the colour bar's gradient
    # alone would leave the reference's data drawn: the hack would be the reference.
    import matplotlib.pyplot as plt

    space: dict[str, object] = {}
    try:
        exec(hack_sources(Task.CHART, TREEMAP, ["flattened data"])["flattened data"], space)
        ax, cbar = plt.gcf().axes
        assert ax.patches and not any(p.get_visible() for p in ax.patches)
        solids = cbar.collections[-1]  # the gradient (the first collection is the outline)
        assert len(set(np.ravel(solids.get_array()))) > 2  # the scale as drawn
    finally:
        plt.close("all")
