"""Chart rendering: matplotlib (and seaborn) code -> PNG at a fixed dpi + the
figure's scene as plain data.

`worker_render` runs inside a sandbox child (see `verm.render.sandbox`);
`ChartRenderer` is the host-side object callers use.
"""

from __future__ import annotations

import io
import linecache
import logging
import math
from collections.abc import Sequence
from typing import Any

from verm.render import _chart_trace
from verm.render.pooled import PooledRenderer
from verm.render.sandbox import RenderLimits
from verm.types import Task

logger = logging.getLogger(__name__)

#: The reference implementation saves with matplotlib's default dpi.
DEFAULT_DPI = 100
#: Caps on the scene so that a hostile figure cannot flood the result. What a cap leaves out is not
#: lost: the list's full length and a digest of the rest go beside it (``<key>_more``), so a change
#: beyond the cap still shows.
_MAX_POINTS = 2000
_MAX_ARTISTS = 500
#: Patches (bars) are cheap to record: this many, the first _MAX_ARTISTS of them with their image box.
_MAX_PATCHES = 5000
_MAX_PATH_NUMBERS = 400  # x, y pairs flattened: 200 vertices per path
_MAX_COLLECTION_NUMBERS = 20000  # all the paths of one collection
#: An image or mesh past _MAX_POINTS cells is also kept as block means, at most this many a side, so that a
#: change past the cap shows where it is and how much (its first cells alone would hide the rest).
_COARSE_SIDE = 32


# -- worker side (runs in the sandbox child) ---------------------------------------------


def warmup() -> None:
    """Run once in the zygote: import and exercise the drawing stack so that
    forked children start warm, then drop caches that hold open font files
    (a file offset shared across forked children would race)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.font_manager as fm
    import matplotlib.pyplot as plt
    import numpy as np

    try:  # seaborn is optional; importing it here makes `import seaborn` free in renders
        import seaborn  # noqa: F401
    except ImportError:
        pass
    fig, axes = plt.subplots(1, 2, figsize=(4, 3))
    axes[0].bar(["a", "b"], [1, 2], label="x")
    axes[0].legend()
    axes[0].set_title(r"warm $\alpha^2$")
    axes[1].plot(np.arange(5), np.arange(5) ** 2, marker="o")
    axes[1].imshow(np.eye(3))
    fig.colorbar(axes[1].images[0], ax=axes[1])
    fig.savefig(io.BytesIO(), format="png", dpi=50)
    plt.close("all")
    fm._get_font.cache_clear()
    import matplotlib.mathtext as mathtext

    mathtext.MathTextParser._parse_cached.cache_clear()


def _hex(color: Any) -> str | None:
    from matplotlib.colors import to_hex

    try:
        return to_hex(color, keep_alpha=False)
    except (ValueError, TypeError):
        return None


def _rgba_rows(values: Any) -> Any:
    """Colours as an (n, 3|4) float array, or None."""
    import numpy as np

    arr = np.asarray(values)
    if arr.ndim == 1 and arr.size in (3, 4) and arr.dtype.kind == "f":
        arr = arr[None, :]
    return arr if arr.ndim == 2 else None


def _colors(values: Any, limit: int = _MAX_ARTISTS) -> list[str]:
    arr = _rgba_rows(values)
    if arr is None:
        return []
    out = [_hex(c) for c in arr[:limit]]
    return [c for c in out if c]


def _numbers(values: Any, limit: int = _MAX_POINTS) -> list[float | None]:
    import numpy as np

    try:
        arr = np.asarray(values, dtype=float).ravel()[:limit]
    except (TypeError, ValueError):
        return []
    return [round(float(v), 6) if math.isfinite(v) else None for v in arr]


def _limits(values: Any) -> list[float | None]:
    """An axis's limits: six decimals as `_numbers`, six significant digits below 1e-3 (a log axis from 1e-17 is no
    axis from 0, which matplotlib draws from 10^-1000: `verm.chart_view.LOG_CLIP`)."""
    import numpy as np

    try:
        arr = np.asarray(values, dtype=float).ravel()[:2]
    except (TypeError, ValueError):
        return []
    return [None if not math.isfinite(v) else round(float(v), 6) if abs(v) >= 1e-3 else float(f"{v:.6g}") for v in arr]


def _coarse(values: Any) -> dict[str, Any] | None:
    """A 2-D array past _MAX_POINTS cells as block means (masked and non-finite cells left out), at most
    _COARSE_SIDE blocks a side: {"shape": [rows, cols], "block": [rows, cols of cells], "values": [...]}.
    Read one band of rows at a time, so a huge image costs a band's copy, not the image's."""
    import numpy as np

    arr = values if isinstance(values, np.ndarray) else np.ma.asarray(values)
    if arr.ndim != 2 or arr.size <= _MAX_POINTS or arr.dtype.kind not in "biuf":
        return None
    ny, nx = arr.shape
    by, bx = -(-ny // _COARSE_SIDE), -(-nx // _COARSE_SIDE)
    starts = np.arange(0, nx, bx)
    means = []
    for y0 in range(0, ny, by):
        band = np.ma.masked_invalid(np.ma.asarray(arr[y0 : y0 + by], dtype=float))
        sums = np.add.reduceat(band.filled(0.0).sum(axis=0), starts)
        counts = np.add.reduceat((~np.ma.getmaskarray(band)).sum(axis=0), starts)
        means.append(np.divide(sums, counts, out=np.full(sums.shape, np.nan), where=counts > 0))
    grid = np.vstack(means)
    return {"shape": list(grid.shape), "block": [by, bx], "values": _numbers(grid, grid.size)}


def _digest(values: Any) -> str:
    """A short digest of what a cap left out: an array's rounded bytes, or any other value's repr."""
    import hashlib

    import numpy as np

    if isinstance(values, np.ndarray):
        data = np.round(np.asarray(values, dtype=float), 6).tobytes()
    else:
        data = repr(values).encode()
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def _capped(item: dict[str, Any], key: str, values: Any, limit: int, convert: Any = None) -> None:
    """``item[key]`` = the first ``limit`` of ``values`` (converted by ``convert``, default `_numbers`);
    the rest as ``item[key + "_more"]`` = {"n": the full length, "digest": of the rest}."""
    import numpy as np

    arr = np.asarray(values) if values is not None else np.zeros(0)
    n = len(arr) if arr.ndim else 0
    item[key] = (convert or _numbers)(arr[:limit]) if n else []
    if n > limit:
        item[f"{key}_more"] = {"n": n, "digest": _digest(arr[limit:])}


def _marker_name(marker: Any) -> str:
    """A marker by its matplotlib name ('circle', 'caretupbase', 'nothing'), whichever way it was given
    (``'o'``, the integer code 10, ``None``); mathtext (``'$x$'``) as written, vertices or paths 'custom'."""
    from matplotlib.markers import MarkerStyle

    if isinstance(marker, MarkerStyle):
        marker = marker.get_marker()
    if marker is None:
        return "nothing"
    try:
        name = MarkerStyle.markers.get(marker)
    except TypeError:  # unhashable: a vertex list
        return "custom"
    return name or (marker if isinstance(marker, str) else "custom")


class _SceneBuilder:
    """Walks a drawn figure; every element gets a bbox in image fractions."""

    def __init__(self, fig: Any) -> None:
        self.fig = fig
        self.renderer = fig.canvas.get_renderer()
        self.w, self.h = fig.canvas.get_width_height()

    def bbox(self, artist: Any) -> list[float] | None:
        try:
            ext = artist.get_window_extent(self.renderer)
        except Exception:
            return None
        return self.fractions(ext)

    def fractions(self, ext: Any) -> list[float] | None:
        """A display-space extent as clipped image fractions [x0, y0, x1, y1] (y down), None when empty."""
        if not all(math.isfinite(v) for v in (ext.x0, ext.y0, ext.x1, ext.y1)) or (ext.width <= 0 and ext.height <= 0):
            return None

        def clip(v: float) -> float:
            return round(min(1.0, max(0.0, v)), 4)

        x0, x1 = clip(ext.x0 / self.w), clip(ext.x1 / self.w)
        y0, y1 = clip(1 - ext.y1 / self.h), clip(1 - ext.y0 / self.h)  # display y grows upward
        return [x0, y0, x1, y1]

    def data_box(self, c: Any, ax: Any) -> list[float] | None:
        """A collection's box from its paths (a LineCollection has no window extent of its own)."""
        try:
            ext = c.get_datalim(ax.transData).transformed(ax.transData)
        except Exception:
            return None
        return self.fractions(ext)

    def text(self, t: Any) -> dict[str, Any] | None:
        if t is None or not t.get_visible() or not t.get_text():
            return None
        return {
            "text": t.get_text(),
            "color": _hex(t.get_color()),
            "fontsize": round(float(t.get_fontsize()), 2),
            "bbox": self.bbox(t),
        }

    def ticks(self, labels: Sequence[Any]) -> list[dict[str, Any]]:
        out = []
        for t in labels:
            d = self.text(t)
            if d is not None and d["bbox"] is not None:
                out.append(d)
        return out

    def axes(self, ax: Any) -> dict[str, Any]:
        import numpy as np
        from matplotlib.collections import LineCollection, PathCollection, PolyCollection, QuadMesh
        from matplotlib.patches import Rectangle, StepPatch, Wedge
        from matplotlib.quiver import Quiver

        titles = {
            loc: self.text(ax.title if loc == "center" else getattr(ax, f"_{loc}_title"))
            for loc in ("left", "center", "right")
        }
        # An axes turned off (set_axis_off) draws no spines, ticks or axis labels.
        axis_on = bool(getattr(ax, "_axis3don", True) if ax.name == "3d" else getattr(ax, "axison", True))
        patch = ax.patch
        d: dict[str, Any] = {
            "bbox": self.bbox(ax),
            "name": ax.name,
            "title": {k: v for k, v in titles.items() if v},
            "xlabel": self.text(ax.xaxis.label) if axis_on else None,
            "ylabel": self.text(ax.yaxis.label) if axis_on else None,
            "xscale": ax.get_xscale() if hasattr(ax, "get_xscale") else None,
            "yscale": ax.get_yscale() if hasattr(ax, "get_yscale") else None,
            "xlim": _limits(ax.get_xlim()) if hasattr(ax, "get_xlim") else None,
            "ylim": _limits(ax.get_ylim()) if hasattr(ax, "get_ylim") else None,
            "xticklabels": self.ticks(ax.get_xticklabels()) if axis_on else [],
            "yticklabels": self.ticks(ax.get_yticklabels()) if axis_on else [],
            "facecolor": _hex(ax.get_facecolor()),
            "axis_on": axis_on,
            # Drawn over the axes before it (a later axes, or a higher zorder) with an opaque background.
            "zorder": float(ax.get_zorder()),
            "opaque": bool(patch.get_visible() and axis_on and (patch.get_facecolor()[3] or 0) > 0.5),
            "grid": bool(grid := [gl for gl in ax.get_xgridlines() + ax.get_ygridlines() if gl.get_visible()]),
            "grid_color": _hex(grid[0].get_color()) if grid else None,
            "lines": [],
            "patches": [],
            "collections": [],
            "images": [],
            "texts": [],
            "legend": None,
        }
        # Where each recorded artist sits in its list, for the containers below.
        index: dict[int, int] = {}
        lines = ax.get_lines()
        for line in lines[:_MAX_ARTISTS]:
            if not line.get_visible():
                continue
            xy = line.get_xydata()
            item: dict[str, Any] = {
                "label": line.get_label(),
                "color": _hex(line.get_color()),
                "linestyle": line.get_linestyle(),
                "linewidth": round(float(line.get_linewidth()), 3),
                "marker": _marker_name(line.get_marker()),
                "markersize": round(float(line.get_markersize()), 3),
                "bbox": self.bbox(line),
            }
            _capped(item, "x", xy[:, 0] if len(xy) else None, _MAX_POINTS)
            _capped(item, "y", xy[:, 1] if len(xy) else None, _MAX_POINTS)
            index[id(line)] = len(d["lines"])
            d["lines"].append(item)
        for n_patch, p in enumerate(ax.patches[:_MAX_PATCHES]):
            if not p.get_visible():
                continue
            item = {
                "type": type(p).__name__,
                "label": p.get_label(),
                "facecolor": _hex(p.get_facecolor()) if p.get_fill() else None,
                "edgecolor": _hex(p.get_edgecolor()),
                "hatch": p.get_hatch(),
                "bbox": self.bbox(p) if n_patch < _MAX_ARTISTS else None,
            }
            if isinstance(p, Rectangle):
                item.update(x=p.get_x(), y=p.get_y(), width=p.get_width(), height=p.get_height())
                item.update({k: round(float(item[k]), 6) for k in ("x", "y", "width", "height")})
            elif isinstance(p, Wedge):
                item.update(theta1=round(p.theta1, 4), theta2=round(p.theta2, 4), r=round(p.r, 4))
                item.update(center=_numbers(p.center), width=None if p.width is None else round(p.width, 4))
            elif isinstance(p, StepPatch):  # stairs(): its values over its edges
                data = p.get_data()
                item.update(values=_numbers(data.values), edges=_numbers(data.edges))
            index[id(p)] = len(d["patches"])
            d["patches"].append(item)
        for c in ax.collections[:_MAX_ARTISTS]:
            if not c.get_visible():
                continue
            item = {"type": type(c).__name__, "label": c.get_label(), "bbox": self.bbox(c) or self.data_box(c, ax)}
            for key, colours in (("facecolors", c.get_facecolor()), ("edgecolors", c.get_edgecolor())):
                _capped(item, key, _rgba_rows(colours), _MAX_POINTS, lambda a: _colors(a, _MAX_POINTS))
            if isinstance(c, PathCollection):
                offs = c.get_offsets()
                _capped(item, "x", offs[:, 0] if len(offs) else None, _MAX_POINTS)
                _capped(item, "y", offs[:, 1] if len(offs) else None, _MAX_POINTS)
                item["sizes"] = _numbers(c.get_sizes())[:50]
                shapes = c.get_paths()
                if shapes:  # the marker's outline, to tell markers apart
                    item["marker"] = _digest(np.round(shapes[0].vertices, 3))
            elif isinstance(c, Quiver):
                item["paths"], item["arrows"] = _arrows(c, ax)
                item["n_paths"] = len(item["paths"])
                item["anchors"] = _numbers(np.asarray(c.get_offsets(), dtype=float).ravel())
            elif isinstance(c, (PolyCollection, LineCollection)):
                paths = c.get_paths()
                item["n_paths"] = len(paths)
                # Vertices in data coordinates: stackplots, fills, violins and error bars are made of these.
                kept: list[list[float | None]] = []
                budget, cut = _MAX_COLLECTION_NUMBERS, False
                for path in paths:
                    if budget <= 0:
                        cut = True
                        break
                    size = path.vertices.size
                    kept.append(_numbers(path.vertices, min(_MAX_PATH_NUMBERS, budget)))
                    cut |= len(kept[-1]) < size
                    budget -= len(kept[-1])
                item["paths"] = kept
                if cut:
                    item["paths_more"] = {
                        "n": len(paths),
                        "digest": _digest(np.concatenate([p.vertices.ravel() for p in paths])),
                    }
            elif isinstance(c, QuadMesh):
                item["values"] = _numbers(c.get_array())
                if (coarse := _coarse(c.get_array())) is not None:
                    item["coarse"] = coarse
            index[id(c)] = len(d["collections"])
            d["collections"].append(item)
        for im in ax.images[:_MAX_ARTISTS]:
            if not im.get_visible():
                continue
            arr = im.get_array()
            image = {
                "shape": list(arr.shape) if arr is not None else None,
                "values": _numbers(arr) if arr is not None and arr.ndim == 2 else [],
                "cmap": im.get_cmap().name,
                "clim": _numbers(im.get_clim()),
                "bbox": self.bbox(im),
            }
            if arr is not None and (coarse := _coarse(arr)) is not None:
                image["coarse"] = coarse
            d["images"].append(image)
        for t in ax.texts[:_MAX_ARTISTS]:
            td = self.text(t)
            if td:
                td["type"] = type(t).__name__
                arrow = getattr(t, "arrow_patch", None)  # an annotation's arrow (arrowprops)
                if arrow is not None and arrow.get_visible():
                    td["arrow"] = {"color": _hex(arrow.get_edgecolor()), "bbox": self.bbox(arrow)}
                d["texts"].append(td)
        more = {
            key: {"n": len(arts), "digest": _digest([_SceneBuilder._summary(a) for a in arts[cap:]])}
            for key, arts, cap in (("lines", lines, _MAX_ARTISTS), ("patches", ax.patches, _MAX_PATCHES),
                                   ("collections", ax.collections, _MAX_ARTISTS), ("texts", ax.texts, _MAX_ARTISTS))
            if len(arts) > cap
        }  # fmt: skip
        if more:
            d["artists_more"] = more
        d["containers"] = self.containers(ax, index)
        # Artists added with add_artist (an inset's zoom indicator, anchored boxes): what they are and where.
        others = [a for a in ax.artists[:_MAX_ARTISTS] if a.get_visible()]
        if others:
            d["artists"] = [{"type": type(a).__name__, "label": a.get_label(), "bbox": self.bbox(a)} for a in others]
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            d["legend"] = self.legend(legend)
        tables = [t for t in getattr(ax, "tables", [])[:_MAX_ARTISTS] if t.get_visible()]
        if tables:  # ax.table(): its cells' texts by (row, column); column -1 holds the row labels
            d["tables"] = [
                {
                    "cells": [
                        {"row": r, "col": c, **td}
                        for (r, c), cell in sorted(t.get_celld().items())[:_MAX_ARTISTS]
                        if (td := self.text(cell.get_text()))
                    ],
                    "bbox": self.bbox(t),
                }
                for t in tables
            ]
        return d

    @staticmethod
    def _summary(artist: Any) -> Any:
        """What a capped-off artist looks like, for the digest of the rest: cheap to read (no layout)."""
        out: list[Any] = [type(artist).__name__, artist.get_visible()]
        for getter in ("get_xydata", "get_offsets", "get_text", "get_facecolor", "get_edgecolor", "get_color"):
            if hasattr(artist, getter):
                try:
                    out.append(repr(getattr(artist, getter)()))
                except Exception:
                    continue
        if hasattr(artist, "get_bbox") and not hasattr(artist, "get_text"):
            try:
                out.append(tuple(artist.get_bbox().bounds))  # a patch's box in data units
            except Exception:
                pass
        return out

    @staticmethod
    def containers(ax: Any, index: dict[int, int]) -> list[dict[str, Any]]:
        """What ``errorbar``, ``bar`` and ``stem`` drew, as indices into the axes' recorded lists: an
        error bar's data line, caps and bar segments, a bar call's rectangles, a stem's marker line,
        stems and baseline are parts of one series."""
        from matplotlib.container import BarContainer, ErrorbarContainer, StemContainer

        def at(artists: Any) -> list[int]:
            return [index[id(a)] for a in artists if a is not None and id(a) in index]

        out: list[dict[str, Any]] = []
        for cont in ax.containers[:_MAX_ARTISTS]:
            item: dict[str, Any] = {"label": cont.get_label()}
            if isinstance(cont, ErrorbarContainer):
                data_line, caplines, barcols = cont.lines
                item.update(type="errorbar", data_line=at([data_line]), caps=at(caplines), bars=at(barcols),
                            has_xerr=bool(cont.has_xerr), has_yerr=bool(cont.has_yerr))  # fmt: skip
            elif isinstance(cont, BarContainer):
                item.update(type="bar", patches=at(cont.patches), orientation=getattr(cont, "orientation", None))
            elif isinstance(cont, StemContainer):
                item.update(type="stem", markerline=at([cont.markerline]), stemlines=at([cont.stemlines]),
                            baseline=at([cont.baseline]))  # fmt: skip
            else:
                continue
            out.append(item)
        return out

    def legend(self, legend: Any) -> dict[str, Any]:
        handles = getattr(legend, "legend_handles", None) or getattr(legend, "legendHandles", [])
        colors = []
        for h in handles:
            c = None
            for getter in ("get_facecolor", "get_color", "get_markerfacecolor"):
                if hasattr(h, getter):
                    val = getattr(h, getter)()
                    cs = _colors(val)
                    c = cs[0] if cs else _hex(val)
                    if c:
                        break
            colors.append(c)
        return {
            "texts": [t.get_text() for t in legend.get_texts()],
            "colors": colors,
            "loc": legend._loc if isinstance(legend._loc, (int, str)) else None,
            "title": legend.get_title().get_text() or None,
            "bbox": self.bbox(legend),
        }

    def _all_axes(self) -> list[Any]:
        """The figure's axes, each followed by its child axes (``ax.inset_axes``), which fig.axes omits."""
        out: list[Any] = []

        def walk(ax: Any) -> None:
            out.append(ax)
            for child in getattr(ax, "child_axes", []):
                walk(child)

        for ax in self.fig.axes:
            walk(ax)
        return out

    def build(self) -> dict[str, Any]:
        fig = self.fig
        suptitle = getattr(fig, "_suptitle", None)
        return {
            "size_px": [self.w, self.h],
            "facecolor": _hex(fig.get_facecolor()),
            "suptitle": self.text(suptitle),
            "axes": [self.axes(ax) for ax in self._all_axes()[:50] if ax.get_visible()],
            "legends": [self.legend(lg) for lg in fig.legends[:20]],
            # The suptitle is one of fig.texts too: it is reported once, as the suptitle.
            "texts": [td for t in fig.texts[:_MAX_ARTISTS] if t is not suptitle and (td := self.text(t))],
        }


def worker_render(payload: dict[str, Any]) -> tuple[bytes, dict[str, Any] | None]:
    """Execute chart code and return (PNG at a fixed dpi, scene). In the sandbox."""
    import builtins

    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.figure import Figure
    from PIL import Image

    dpi = int(payload.get("dpi", DEFAULT_DPI))
    max_side = int(payload["max_image_side"])
    max_pixels = int(payload["max_image_pixels"])

    # Programs call show()/savefig() with their own paths and dpi; only verm's final save counts.
    def _noop(*args: Any, **kwargs: Any) -> None:
        return None

    plt.show = _noop
    plt.savefig = _noop
    plt.pause = _noop
    Figure.show = _noop
    Figure.savefig = _noop  # type: ignore[method-assign]
    plt.close("all")
    # A forked child inherits the zygote's NumPy global RNG state, so unseeded `np.random.rand` would give
    # the same numbers in every render of one worker and other numbers in another. CPython reseeds `random`
    # after a fork; do the same, so unseeded randomness is random everywhere (and `bench make` sees it).
    np.random.seed()
    # The plotting-call trace (ChartMimic's scores): patched here, in the forked child only.
    trace = _chart_trace.install() if payload.get("trace", True) else None
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    source = payload["source"]
    linecache.cache["<candidate>"] = (len(source), None, source.splitlines(True), "<candidate>")  # for tracebacks
    exec(compile(source, "<candidate>", "exec"), namespace)

    nums = plt.get_fignums()
    if not nums:
        raise ValueError("the program created no matplotlib figure")
    fig = plt.gcf()
    w_in, h_in = fig.get_size_inches()
    w_px, h_px = w_in * dpi, h_in * dpi
    if not (math.isfinite(w_px) and math.isfinite(h_px)) or w_px < 1 or h_px < 1:
        raise ValueError(f"figure size {w_in:g}x{h_in:g} in is not drawable")
    if w_px > max_side or h_px > max_side or w_px * h_px > max_pixels:
        raise ValueError(
            f"figure too large: {w_in:g}x{h_in:g} in at {dpi} dpi is {w_px:.0f}x{h_px:.0f} px; "
            f"the limit is {max_side} px per side and {max_pixels:,} px in all"
        )
    fig.set_dpi(dpi)
    if trace is not None:
        trace.recording_texts = True  # only verm's final draw: a program's own draws are not counted twice
    # One draw on the figure's own canvas serves both the pixels and the scene: the scene's
    # text extents then come from the layout cache instead of a second layout pass. The
    # pixels are those savefig(dpi=dpi) writes (same renderer, same facecolour).
    fig.canvas.draw()
    if trace is not None:
        trace.recording_texts = False
    buf = io.BytesIO()
    # zlib level 1: same pixels, several ms less per render than the default level 6.
    Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).save(buf, format="PNG", compress_level=1)
    scene: dict[str, Any] | None
    try:
        scene = _SceneBuilder(fig).build()
        scene["n_figures"] = len(nums)
    except Exception as exc:  # a scene is a bonus; never fail a good image over it
        scene = {"error": f"{type(exc).__name__}: {exc}"}
    if trace is not None:
        try:
            scene["trace"] = trace.to_json(fig)
        except Exception as exc:  # the same: the trace's own failure is kept, the image is not lost
            scene["trace"] = {"error": f"{type(exc).__name__}: {exc}"}
    return buf.getvalue(), scene


# -- host side ------------------------------------------------------------------------------


class ChartRenderer(PooledRenderer):
    """Renders matplotlib programs in a pool of sandboxed, pre-warmed workers.

    >>> with ChartRenderer() as r:                       # doctest: +SKIP
    ...     rendering = r.render("import matplotlib.pyplot as plt\\nplt.plot([1, 2])")
    """

    task = Task.CHART
    lang = "python"
    canary = "import matplotlib.pyplot as plt\nplt.plot([0, 1, 2], [0, 1, 0])\n"
    function = "verm.render.chart:worker_render"
    preload = ("numpy", "matplotlib", "matplotlib.pyplot", "verm.render.chart", "verm.render._chart_trace")
    warmup = "verm.render.chart:warmup"

    def __init__(
        self,
        dpi: int = DEFAULT_DPI,
        limits: RenderLimits | None = None,
        workers: int | None = None,
        trace: bool = True,
    ) -> None:
        super().__init__(limits, workers)
        self.dpi = dpi
        #: Record the plotting-call trace in the scene (``scene["trace"]``, see `verm.render._chart_trace`).
        self.trace = trace

    def payload(self, source: str) -> dict[str, Any]:
        return {
            "source": source,
            "dpi": self.dpi,
            "trace": self.trace,
            "max_image_side": self.limits.max_image_side,
            "max_image_pixels": self.limits.max_image_pixels,
        }


def _arrows(q: Any, ax: Any) -> tuple[list[list[float | None]], list[float | None]]:
    """A quiver's arrows as drawn: in data coordinates, [tail x, tail y, tip x, tip y] each; and as seen, each
    arrow's [dx, dy] in fractions of the image's width and height (a scale or limits changed leave these alone).
    Its polygons are in arrow units, scaled at draw time and placed by the pivot: the tail and the tip are the
    polygon's ends along the arrow's direction (``angles``: 'uv' on the screen, 'xy' in data, or degrees)."""
    import numpy as np

    try:
        offsets = np.asarray(q.get_offsets(), dtype=float)
        places = q.get_offset_transform().transform(offsets)
        shapes = [q.get_transform().transform(path.vertices) for path in q.get_paths()]
        u, v = np.ravel(q.U).astype(float), np.ravel(q.V).astype(float)
        if isinstance(q.angles, str) and q.angles == "xy":
            ahead = ax.transData.transform(offsets + 1e-6 * np.column_stack([u, v]))
            directions = ahead - ax.transData.transform(offsets)
        elif isinstance(q.angles, str):
            directions = np.column_stack([u, v])
        else:
            theta = np.deg2rad(np.broadcast_to(np.ravel(q.angles), u.shape))
            directions = np.column_stack([np.cos(theta), np.sin(theta)])
        back = ax.transData.inverted()
        box = ax.figure.bbox
    except Exception:
        return [], []
    out: list[list[float | None]] = []
    seen: list[float] = []
    for k, place in enumerate(places[:_MAX_POINTS]):
        verts = shapes[k % len(shapes)] + place if shapes else np.array([place])
        d = directions[k] if k < len(directions) else np.zeros(2)
        d = d / np.hypot(*d) if np.hypot(*d) > 0 else np.zeros(2)
        # An arrow is symmetric about its axis, which runs through its vertices' mean.
        middle, along = verts.mean(axis=0), verts @ d
        ends = np.array([middle + (end - middle @ d) * d for end in (along.min(), along.max())])
        out.append(_numbers(back.transform(ends).ravel()))
        seen += [(ends[1, 0] - ends[0, 0]) / max(box.width, 1.0), (ends[1, 1] - ends[0, 1]) / max(box.height, 1.0)]
    return out, _numbers(seen)
