"""The variety of real-world matplotlib code must render inside the sandbox:
isolation may refuse attacks, never ordinary plotting."""

from __future__ import annotations

import pytest

from verm.imaging import is_blank
from verm.render.chart import ChartRenderer

GALLERY = {
    "mathtext": r"""
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 2 * np.pi, 50)
plt.plot(x, np.sin(x) ** 2, label=r"$\sin^2(\alpha)$")
plt.title(r"$\int_0^{2\pi} \sin^2 x\,dx = \pi$")
plt.legend()
""",
    "polar": """
import matplotlib.pyplot as plt
import numpy as np
ax = plt.subplot(projection="polar")
theta = np.linspace(0, 2 * np.pi, 100)
ax.plot(theta, 1 + np.cos(theta))
ax.set_rticks([0.5, 1, 1.5, 2])
""",
    "3d": """
import matplotlib.pyplot as plt
import numpy as np
fig = plt.figure()
ax = fig.add_subplot(projection="3d")
X, Y = np.meshgrid(np.linspace(-2, 2, 20), np.linspace(-2, 2, 20))
ax.plot_surface(X, Y, np.exp(-(X**2 + Y**2)), cmap="viridis")
""",
    "inset": """
import matplotlib.pyplot as plt
from mpl_toolkits.axes_grid1.inset_locator import inset_axes
fig, ax = plt.subplots()
ax.plot([1, 2, 3, 4], [1, 4, 2, 3])
axins = inset_axes(ax, width="30%", height="30%", loc="lower right")
axins.plot([1, 2], [2, 1], color="red")
""",
    "twin_axes": """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([1, 2, 3], [10, 20, 15], color="tab:blue")
ax2 = ax.twinx()
ax2.bar([1, 2, 3], [0.2, 0.5, 0.3], alpha=0.3, color="tab:orange")
""",
    "table": """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.axis("off")
ax.table(cellText=[["1", "2"], ["3", "4"]], colLabels=["a", "b"], loc="center")
""",
    "patches_hatches": """
import matplotlib.pyplot as plt
import matplotlib.patches as mpatches
fig, ax = plt.subplots()
ax.add_patch(mpatches.Circle((0.3, 0.5), 0.2, hatch="//", facecolor="none", edgecolor="k"))
ax.add_patch(mpatches.FancyBboxPatch((0.6, 0.3), 0.3, 0.3, boxstyle="round,pad=0.05", hatch="xx"))
ax.bar([0.1], [0.2], width=0.1, hatch="o")
""",
    "style_sheet": """
import matplotlib.pyplot as plt
plt.style.use("ggplot")
plt.plot([1, 2, 3], [3, 1, 2])
with plt.style.context("seaborn-v0_8-darkgrid"):
    plt.figure()
    plt.scatter([1, 2, 3], [2, 3, 1])
""",
    "annotations": """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [0, 1, 0])
ax.annotate("peak", xy=(1, 1), xytext=(1.4, 0.6), arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=.3"))
ax.text(0.1, 0.9, "boxed", transform=ax.transAxes, bbox=dict(boxstyle="round", facecolor="wheat"))
""",
    "colorbar_heatmap": """
import matplotlib.pyplot as plt
import numpy as np
data = np.arange(20).reshape(4, 5)
fig, ax = plt.subplots()
im = ax.imshow(data, cmap="magma")
fig.colorbar(im, ax=ax, label="value")
for (i, j), v in np.ndenumerate(data):
    ax.text(j, i, str(v), ha="center", va="center", color="w")
""",
    "dates_and_pandas_free_categoricals": """
import datetime as dt
import matplotlib.pyplot as plt
days = [dt.date(2024, 1, d) for d in range(1, 8)]
plt.plot(days, [3, 4, 2, 5, 6, 4, 7])
plt.gcf().autofmt_xdate()
""",
    "tempfile_and_savefig": """
import tempfile, os
import matplotlib.pyplot as plt
plt.plot([1, 2])
path = os.path.join(tempfile.gettempdir(), "out.png")
plt.savefig(path, dpi=300)
plt.savefig("relative.pdf")
""",
}


def _pixels(png: bytes) -> bytes:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        return img.convert("RGBA").tobytes()


@pytest.fixture(scope="module")
def renderer():
    r = ChartRenderer(workers=2)
    yield r
    r.close()


def test_gallery_renders_in_the_sandbox(renderer):
    names = sorted(GALLERY)
    results = renderer.render_many([GALLERY[n] for n in names])
    failed = {n: r.reason for n, r in zip(names, results, strict=True) if not r.ok}
    assert not failed
    for n, r in zip(names, results, strict=True):
        assert not is_blank(r.image()), n


def test_generated_programs_render_identically_in_and_out_of_the_sandbox(renderer):
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from verm.corpus import generate_chart_programs

    programs = generate_chart_programs(12, seed=7)
    results = renderer.render_many([p.code for p in programs])
    for prog, res in zip(programs, results, strict=True):
        assert res.ok, (prog.kind, res.reason)
        plt.close("all")
        buf = io.BytesIO()
        # Programs change rcParams; keep that inside this block so later tests see the defaults.
        with matplotlib.rc_context():
            matplotlib.rcdefaults()
            show, plt.show = plt.show, lambda *a, **k: None
            try:
                exec(compile(prog.code, "<t>", "exec"), {"__name__": "__main__"})
                plt.gcf().savefig(buf, format="png", dpi=100)
            finally:
                plt.show = show
                plt.close("all")
        assert _pixels(buf.getvalue()) == _pixels(res.png), prog.kind
