"""The plotting-call trace of a chart program, taken while it runs in the sandbox.

ChartMimic's low-level scores (``verm.judge.baselines.chartmimic``) need what
a program *called* and *drew*, not only what the figure holds at the end:

* ``calls``  — how often each plotting function was called by the program
  (outermost calls only: ``hist`` calling ``bar`` inside counts once, as
  ``hist``); on a non-rectilinear axes the name carries its projection
  (``plot@polar``).
* ``colors`` — per plotting function, the distinct colours of the artists
  its calls returned (``#rrggbb``; a colour-mapped artist gives its
  colormap's name, ``cmap:viridis``).
* ``texts``  — every string the renderer drew, tick labels and axis offset
  texts excluded, in drawing order.
* ``layout`` — each axes' grid-spec position: ``[nrows, ncols, row_start,
  row_end, col_start, col_end]`` (ends inclusive).

`install` patches matplotlib's classes in the forked render child only (the
zygote stays untouched), so each render starts from clean classes. The
wrappers do a counter increment and a list append per call; the colours and
the layout are read once, after verm's final draw. Sizes are capped so a
hostile program cannot flood the result.
"""

from __future__ import annotations

import functools
from typing import Any

#: Axes methods counted as plotting functions (the chart types ChartMimic's tracer counts, and
#: the other plotting methods of matplotlib's Axes).
PLOTTING_FUNCTIONS: tuple[str, ...] = (
    "plot", "scatter", "bar", "barh", "hist", "hist2d", "pie", "boxplot", "violinplot", "errorbar",
    "fill", "fill_between", "fill_betweenx", "stackplot", "stem", "step", "stairs", "imshow", "matshow",
    "pcolor", "pcolormesh", "contour", "contourf", "hexbin", "quiver", "barbs", "streamplot",
    "axhline", "axvline", "axhspan", "axvspan", "hlines", "vlines", "broken_barh", "tripcolor",
    "tricontour", "tricontourf", "loglog", "semilogx", "semilogy", "eventplot", "ecdf",
)  # fmt: skip

MAX_CALLS_KEPT = 2000  # calls whose returned artists are kept for their colours
MAX_TEXTS = 2000
MAX_TEXT_CHARS = 300
MAX_COLORS_PER_FUNCTION = 200
MAX_FUNCTION_NAMES = 200


class Trace:
    """What one render's program called and drew (filled by the patched classes)."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.results: list[tuple[str, Any]] = []
        self.texts: list[tuple[str, int]] = []  # (string, id of the Text artist)
        self.depth = 0
        self.recording_texts = False

    def to_json(self, fig: Any) -> dict[str, Any]:
        skip = _tick_text_ids(fig)
        return {
            "calls": dict(self.calls),
            "colors": _colors_by_function(self.results),
            "texts": [s for s, tid in self.texts if tid not in skip],
            "layout": _layout(fig),
        }


def _counted(trace: Trace, name: str, method: Any) -> Any:
    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if trace.depth:  # a plotting function called by another: only the outer call counts
            return method(self, *args, **kwargs)
        key = name if getattr(self, "name", "rectilinear") == "rectilinear" else f"{name}@{self.name}"
        if key in trace.calls or len(trace.calls) < MAX_FUNCTION_NAMES:
            trace.calls[key] = trace.calls.get(key, 0) + 1
        trace.depth += 1
        try:
            result = method(self, *args, **kwargs)
        finally:
            trace.depth -= 1
        if len(trace.results) < MAX_CALLS_KEPT:
            trace.results.append((key, result))
        return result

    return wrapper


def install() -> Trace:
    """Patch Axes' plotting methods and Agg's text drawing; returns the trace they fill."""
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import RendererAgg

    trace = Trace()
    for name in PLOTTING_FUNCTIONS:
        method = getattr(Axes, name, None)
        if method is not None:
            setattr(Axes, name, _counted(trace, name, method))

    draw_text = RendererAgg.draw_text

    @functools.wraps(draw_text)
    def traced_draw_text(self: Any, gc: Any, x: Any, y: Any, s: Any, *args: Any, **kwargs: Any) -> Any:
        if trace.recording_texts and len(trace.texts) < MAX_TEXTS:
            mtext = kwargs.get("mtext", args[3] if len(args) > 3 else None)
            trace.texts.append((str(s)[:MAX_TEXT_CHARS], id(mtext)))
        return draw_text(self, gc, x, y, s, *args, **kwargs)

    RendererAgg.draw_text = traced_draw_text  # type: ignore[method-assign]
    return trace


def _tick_text_ids(fig: Any) -> set[int]:
    """Ids of the Text artists that are tick labels or axis offset texts (excluded from ``texts``)."""
    ids: set[int] = set()
    for ax in fig.axes:
        axes_axis = [getattr(ax, a, None) for a in ("xaxis", "yaxis", "zaxis")]
        for axis in axes_axis:
            if axis is None:
                continue
            ids.add(id(axis.offsetText))
            # After a draw the tick lists are plain lists on the instance (no new ticks are made here).
            for ticks in (axis.__dict__.get("majorTicks", ()), axis.__dict__.get("minorTicks", ())):
                for tick in ticks:
                    ids.add(id(tick.label1))
                    ids.add(id(tick.label2))
    return ids


def _layout(fig: Any) -> list[list[int]]:
    out = []
    for ax in fig.axes:
        get = getattr(ax, "get_subplotspec", None)
        spec = get() if get is not None else None
        if spec is None:
            continue
        nrows, ncols = spec.get_gridspec().get_geometry()
        out.append(
            [
                int(nrows),
                int(ncols),
                int(spec.rowspan.start),
                int(spec.rowspan.stop - 1),
                int(spec.colspan.start),
                int(spec.colspan.stop - 1),
            ]
        )
    return out


def _artists(obj: Any, depth: int = 0) -> list[Any]:
    """The artists in what a plotting function returned (containers, lists, tuples, dicts)."""
    from matplotlib.artist import Artist

    if isinstance(obj, Artist):
        return [obj]
    if depth > 3:
        return []
    if isinstance(obj, dict):
        obj = list(obj.values())
    if isinstance(obj, (list, tuple)):
        found: list[Any] = []
        for item in obj:
            found.extend(_artists(item, depth + 1))
        return found
    return []


def _artist_colors(artist: Any) -> list[str]:
    from matplotlib.cm import ScalarMappable
    from matplotlib.collections import Collection
    from matplotlib.colors import to_hex
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    if isinstance(artist, Text):
        return []
    if isinstance(artist, ScalarMappable) and artist.get_array() is not None:
        cmap = artist.get_cmap()
        return [f"cmap:{getattr(cmap, 'name', 'unknown')}"]
    if isinstance(artist, Line2D):
        raw = _visible([artist.get_color()])
    elif isinstance(artist, Patch):
        # A filled patch shows its face; an unfilled (or fully transparent) one its edge.
        raw = (_visible([artist.get_facecolor()]) if artist.get_fill() else []) or _visible([artist.get_edgecolor()])
    elif isinstance(artist, Collection):
        raw = _visible(artist.get_facecolor()) or _visible(artist.get_edgecolor())
    else:
        return []
    out = []
    for c in raw[:MAX_COLORS_PER_FUNCTION]:
        try:
            out.append(to_hex(c, keep_alpha=False))
        except (ValueError, TypeError):
            continue
    return out


def _visible(colors: Any) -> list[Any]:
    """The colours that are not fully transparent (``'none'`` is RGBA with alpha 0)."""
    from matplotlib.colors import to_rgba

    out = []
    for c in list(colors)[:MAX_COLORS_PER_FUNCTION]:
        try:
            if to_rgba(c)[3] > 0:
                out.append(c)
        except (ValueError, TypeError):
            continue
    return out


def _colors_by_function(results: list[tuple[str, Any]]) -> dict[str, list[str]]:
    colors: dict[str, set[str]] = {}
    for name, result in results:
        bucket = colors.setdefault(name, set())
        for artist in _artists(result):
            if len(bucket) >= MAX_COLORS_PER_FUNCTION:
                break
            bucket.update(_artist_colors(artist))
    return {name: sorted(cs)[:MAX_COLORS_PER_FUNCTION] for name, cs in colors.items()}
