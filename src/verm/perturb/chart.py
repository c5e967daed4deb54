"""Chart perturbations: matplotlib programs edited through their AST.

The program is parsed with `ast`; targets are found as nodes (list literals of
numbers assigned to names or passed to calls, string constants in
``set_title``/``set_xlabel``/``label=``, ``color=`` kwargs and colour lists,
``linestyle``/``marker`` kwargs, ``loc=`` of ``legend``, ``ax.bar``/``ax.plot``
statements, ``plt.subplots(r, c)``, ``set_yscale``, ``set_ylim`` ...). The
edited node is printed with `ast.unparse` and spliced over the node's own
source span, so the rest of the program (comments, formatting) is untouched.
Where a script computes its data (``np.sin(x)``, a DataFrame column), data
ops wrap the plotted expression (``np.multiply(y, 1.3)``) instead.

Ops and categories, and the severity each edit gets by what shows (measured
between the renderings before and after it: their pixels, `verm.perturb.effect`,
and their scenes, `verm.perturb.chart_grade`). "The reading change" is the
largest change of a plotted value as a share of the span its axis shows (the
full circle for a pie, the colour scale for an image), read from the scenes;
"the plot" is the axes the change lies in; "the marks moved" is how far the
plotted values moved on their plot as a share of its size, read from the
scenes with each one's limits and scale (`chart_grade.marks_moved`; without
a scene, how far the changed pixels' colours moved, as a share of the plot's
height). A mark that appears or vanishes (a box plot's outlier) changes the
reading by its distance from the nearest mark before (after):

==================  ================  ====================================================================
op                  category          severity by what shows
==================  ================  ====================================================================
data_point          data_error        the reading change < 3 % -> 1 (within what a reader reads off a
                                      chart), < 15 % -> 2 (read wrong, near the true value), else 3 (read
                                      across a tick interval: misleads)
data_series         data_error        same rule (the largest change over the series)
series_drop         data_error        3 (a series is missing, whatever its size)
series_add          data_error        3 (an extra series misleads)
chart_type          structure_error   3 (bar <-> line: the chart reads differently)
subplot_layout      structure_error   2 (every value is still there, in a different arrangement)
axis_scale          structure_error   2 (linear <-> log: values read the same, the data's shape changes);
                                      1 when the marks moved < 5 % of the plot
axis_limits         data_error        3 when a value the reference showed is cut off; otherwise values
                                      read the same: the marks moved < 20 % of the plot -> 1, else 2
                                      (a widened range as a narrowed one: the same shift either way)
color               style_error       1 for a shade (changed pixels' mean ΔE76 < 25); else 2 when series
                                      can no longer be told apart (within ΔE76 20 of another series or of
                                      the background) or >= 50 % of the plot's ink is recoloured (a
                                      colormap, a chart's only series); else 1 (series stay distinguishable)
linestyle           style_error       1
marker              style_error       1
legend_loc          style_error       1
title_text          text_error        one-character typo -> 1; a word changed -> 2 (text is read whatever
axis_label          text_error        its size)
legend_text         text_error        typo -> 1; word changed -> 2
annotation_text     text_error        typo -> 1; word changed -> 2
tick_label          text_error        typo -> 1; word changed -> 2; two labels swapped -> 3 (values
                                      misattributed)
==================  ================  ====================================================================

Data out of view. Whatever the op, an edit that pushes data out of the plot's
view (marks beyond fixed axis limits: years scaled by 1.032 under a fixed x
range leave empty axes; a value at or below 0 on a log axis), or squeezes it
into a sliver with its values unchanged (a log scale that presses a pyramid's
bars into the top pixel rows, a log axis from 0 that presses every line and level
line against the top, as matplotlib draws it, a range that flattens every line
against an edge), is read as data missing: the item says the share of the plotted data
out of view (`verm.chart_view.hidden_share`: the mean, over the plot's series that
showed, of the share of their points or bars gone or squeezed) and is graded
at least 1 under 10 %, 2 under 50 %, else 3 (`chart_view.HIDDEN_STEPS`); it is a
data_error where that weighs more than the op's own grade (a log axis that
hides most of the data).

Each op also grades itself from the source when it is proposed (`Edit.severity`:
by the parameter, e.g. one value changed by < 10 % -> 1, 10–50 % -> 2, more
-> 3), for callers that do not render; ground truth uses the table above.

Why these categories: data values, series and axis limits change what the
chart says (data_error); chart type, subplot layout and axis scale change how
it is built (structure_error); colours, line styles, markers and the legend's
place change how it looks (style_error); texts are text_error.
"""

from __future__ import annotations

import ast
import copy
import random
import re
from typing import Any, ClassVar

from verm.chart_view import hidden_severity, hidden_share
from verm.perturb import chart_grade
from verm.perturb.base import BasePerturber, Edit, NotApplicable, OpSpec, Params
from verm.perturb.chart_source import (
    _FMT_RE,
    _LS_NAMES,
    CMAPS,
    COLOR_KWARGS,
    COLORABLE,
    DRAW_CALLS,
    LABEL_CALLS,
    LEGEND_LOCS,
    LINESTYLES,
    MARKERS,
    TITLE_CALLS,
    _axes_receivers,
    _data_dicts,
    _data_lists,
    _decimals,
    _expr_targets,
    _is_colour,
    _kw,
    _lit,
    _name,
    _num,
    _receiver,
    _round_like,
    _scale_expr,
    _scaled_list,
    _series_label,
    _series_stmts,
    _Src,
    _str,
    _yarg,
)
from verm.perturb.effect import Effect
from verm.perturb.mutate import (
    colour_severity,
    draw_factor,
    hex_rgb,
    mutate_text,
    new_colour,
    relative_change,
    reword,
    text_severity,
    value_severity,
)
from verm.types import Task

#: Severity steps of the table in the module docstring.
READING_STEPS = (0.03, 0.15)
SCALE_MOVED = 0.05
LIMITS_MOVED = 0.20
SHADE_DE = 25.0
RECOLOURED_PLOT = 0.5
#: Calls that set an axes' y scale or limits: a limits edit is inserted after them (`_axis_insert`).
Y_AXIS_SETTERS = frozenset({"set_yscale", "yscale", "set_ylim", "ylim", "set_ybound"})
#: The plot's frame (spines) is left out of its ink: this share of its size on each side.
FRAME = 0.02


def _hidden_grade(effect: Effect) -> tuple[float, int]:
    """The share of a plot's data the edit pushed out of view, and the severity it weighs (0 for none)."""
    hidden = hidden_share(effect.before.scene, effect.after.scene) or 0.0
    return hidden, hidden_severity(hidden)


# --------------------------------------------------------------------------- the perturber


class ChartPerturber(BasePerturber):
    """AST edits on matplotlib programs (see the module docstring for ops and rules)."""

    task = Task.CHART
    SPECS: ClassVar[dict[str, OpSpec]] = {
        "data_point": OpSpec("data"),
        "data_series": OpSpec("data"),
        "series_drop": OpSpec("series", 0),
        "series_add": OpSpec("series", 0),
        "chart_type": OpSpec("type", 0),
        "subplot_layout": OpSpec("layout", 0),
        "axis_scale": OpSpec("axis", 0),
        "axis_limits": OpSpec("axis", 0),
        "color": OpSpec("color"),
        "linestyle": OpSpec("linestyle"),
        "marker": OpSpec("marker"),
        "legend_loc": OpSpec("legend_loc"),
        "title_text": OpSpec("title_text"),
        "axis_label": OpSpec("axis_label"),
        "legend_text": OpSpec("legend_text"),
        "annotation_text": OpSpec("annotation_text"),
        "tick_label": OpSpec("tick_label"),
    }
    TEXT_OPS: ClassVar[frozenset[str]] = frozenset(
        {"title_text", "axis_label", "legend_text", "annotation_text", "tick_label"}
    )
    MEASURE_IN_CANDIDATE: ClassVar[bool] = True

    def check_source(self, source: str) -> bool:
        try:
            ast.parse(source)
        except SyntaxError:
            return False
        return True

    def grade(self, edit: Edit, effect: Effect) -> int:
        """Severity by what shows (the table in the module docstring), and never below what the data it
        pushed out of view weighs (`chart_view.HIDDEN_STEPS`)."""
        return max(self._grade_op(edit, effect), _hidden_grade(effect)[1])

    def describe(self, edit: Edit, effect: Effect) -> tuple[str, str, str]:
        """An edit that pushed data out of view (or squeezed it into a sliver) reads as data missing from the
        plot: an annotator sees the marks gone, not the parameter that sent them away. It is a data_error where the data gone weighs
        more than the op's own reading (most of a plot's data hidden by a log axis)."""
        hidden, weight = _hidden_grade(effect)
        if hidden <= 0.0:
            return edit.category, edit.location, edit.description
        how_much = "all" if hidden >= 0.995 else f"{hidden:.0%}"
        category = "data_error" if weight > self._grade_op(edit, effect) else edit.category
        return (
            category,
            edit.location,
            f"{how_much} of the plotted data is out of view or squeezed unreadable ({edit.description})",
        )

    def _grade_op(self, edit: Edit, effect: Effect) -> int:
        before, after = effect.before.scene, effect.after.scene
        h = effect.size[1]
        plot = chart_grade.plot_box(before, effect.box) or (0.0, 0.0, 1.0, 1.0)
        moved = effect.moved / max(1.0, (plot[3] - plot[1]) * h)
        op = edit.op
        if op in ("data_point", "data_series"):
            change = chart_grade.reading_change(before, after)
            if change is None:  # no scene to read: how far the marks moved in the plot
                change = moved
            return 1 if change < READING_STEPS[0] else 2 if change < READING_STEPS[1] else 3
        if op in ("axis_limits", "axis_scale"):
            if op == "axis_limits" and chart_grade.cut_off(before, after):
                return 3
            # The marks' shift read from the scenes: the pixels' displacement under-reads marks that shrink
            # (a widened range: a shrinking bar's pixels turn to background found right beside them).
            marks = chart_grade.marks_moved(before, after)
            shift = moved if marks is None else marks
            return 1 if shift < (LIMITS_MOVED if op == "axis_limits" else SCALE_MOVED) else 2
        if op == "color":
            if effect.delta_e < SHADE_DE:
                return 1
            dx, dy = FRAME * (plot[2] - plot[0]), FRAME * (plot[3] - plot[1])
            inner = (plot[0] + dx, plot[1] + dy, plot[2] - dx, plot[3] - dy)
            if chart_grade.confusable(before, after) or effect.share(inner) >= RECOLOURED_PLOT:
                return 2
            return 1
        return edit.severity  # series, type, layout, line style, marker, legend place, texts: as proposed

    @staticmethod
    def _parse(source: str) -> _Src:
        try:
            return _Src(source)
        except SyntaxError:
            raise NotApplicable("not Python") from None

    # -- data ------------------------------------------------------------------------------------------------

    def _op_data_point(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        lists = _data_lists(src)
        exprs = _expr_targets(src) if src.np else []
        if not lists and not exprs:
            raise NotApplicable("no data")
        kind = self.draw(p, "kind", rng, lambda r: "list" if lists else "expr")
        f = self.draw(p, "factor", rng, draw_factor)
        if kind == "expr":
            y, call = exprs[self.draw(p, "target", rng, lambda r: r.randrange(len(exprs)))]
            t, np_ = ast.unparse(y), src.np
            new = src.replace(y, f"{np_}.where({np_}.arange(len({t})) == len({t}) // 2, {np_}.multiply({t}, {f}), {t})")
            label = _series_label(src, call)
            rel = abs(f - 1)
            return new, self.edit(
                "data_point", "data_error", value_severity(rel), f"series '{label}', middle point",
                f"the middle value of series '{label}' is {f:g} times the true value", p,
            )  # fmt: skip
        lst, name = lists[self.draw(p, "target", rng, lambda r: r.randrange(len(lists)))]
        i = self.draw(p, "index", rng, lambda r: r.randrange(len(lst.elts)))
        el = lst.elts[i]
        old = _num(el)
        assert old is not None
        d = _decimals(src.text(el))
        scale = max(abs(_num(e) or 0.0) for e in lst.elts)
        value = old * f if old else scale * (f - 1)
        nv = _round_like(value, d)
        if nv == old:  # rounding ate the change: move by one unit of the literal's precision
            nv = _round_like(old + (1 if d is None else 10**-d) * (1 if f >= 1 else -1), d)
        rel = relative_change(old, float(nv), scale)
        return src.replace(el, _lit(nv)), self.edit(
            "data_point", "data_error", value_severity(rel), f"series '{name}', point {i + 1}",
            f"value {i + 1} of '{name}' is {nv} instead of {_round_like(old, d)}", p,
        )  # fmt: skip

    def _op_data_series(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        lists = _data_lists(src)
        exprs = _expr_targets(src)
        if not lists and not exprs:
            raise NotApplicable("no data")
        kind = self.draw(p, "kind", rng, lambda r: "list" if lists else "expr")
        f = self.draw(p, "factor", rng, draw_factor)
        sev = 2 if abs(f - 1) < 0.10 else 3
        if kind == "expr":
            y, call = exprs[self.draw(p, "target", rng, lambda r: r.randrange(len(exprs)))]
            name = _series_label(src, call)
            new = src.replace(y, _scale_expr(src, y, f))
        else:
            lst, name = lists[self.draw(p, "target", rng, lambda r: r.randrange(len(lists)))]
            new = src.replace(lst, _scaled_list(src, lst, f))
        return new, self.edit(
            "data_series", "data_error", sev, f"series '{name}'",
            f"every value of series '{name}' is scaled by {f:g}", p,
        )  # fmt: skip

    def _series_targets(self, src: _Src) -> list[tuple[str, Any, int]]:
        t: list[tuple[str, Any, int]] = []
        stmts = _series_stmts(src)
        if len(stmts) >= 2:
            t += [("stmt", s, 0) for s in stmts]
        for d in _data_dicts(src):
            t += [("dict", d, k) for k in range(len(d.keys))]
        # Rows of a 2-D literal (a heatmap's matrix) are left alone: scripts index them with their own
        # label lists (``for i in range(len(rows)): data[i][j]``), so one row less breaks the program.
        return t

    def _op_series_drop(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets = self._series_targets(src)
        if not targets:
            raise NotApplicable("fewer than two series")
        kind, node, k = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        if kind == "stmt":
            name = _series_label(src, node.value)
            new = src.delete(node)
        elif kind == "dict":
            name = str(_str(node.keys[k]))
            d = copy.deepcopy(node)
            del d.keys[k], d.values[k]
            new = src.replace(node, ast.unparse(d))
        else:
            name = f"row {k + 1} of {ast.unparse(src.parent[node].targets[0])}"
            lst = copy.deepcopy(node)
            del lst.elts[k]
            new = src.replace(node, ast.unparse(lst))
        return new, self.edit("series_drop", "data_error", 3, f"series '{name}'", f"series '{name}' is missing", p)

    def _op_series_add(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets = [t for t in self._series_targets(src) if t[0] != "stmt"]
        targets += [("stmt", s, 0) for s in _series_stmts(src) if _yarg(s.value) is not None]
        if not targets:
            raise NotApplicable("no series to copy")
        kind, node, k = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        f = self.draw(p, "factor", rng, lambda r: round(r.uniform(0.5, 0.8), 2))
        colour = self.draw(p, "colour", rng, lambda r: new_colour(None, r, True))
        if kind == "stmt":
            call = copy.deepcopy(node.value)
            y = _yarg(node.value)
            assert y is not None
            idx = next(i for i, a in enumerate(node.value.args) if a is y)
            call.args[idx] = ast.parse(_scale_expr(src, y, f), mode="eval").body
            call.keywords = [kw for kw in call.keywords if kw.arg not in COLOR_KWARGS | {"label"}]
            call.keywords.append(ast.keyword("color", ast.Constant(colour)))
            if _kw(node.value, "label") is not None:
                call.keywords.append(ast.keyword("label", ast.Constant("Projected")))
            call.args = [a for a in call.args if _str(a) is None]  # a fmt string would fight the new colour
            new = src.insert_after(node, ast.unparse(call))
            name = f"copy of '{_series_label(src, node.value)}'"
        elif kind == "dict":
            key = next(w for w in ("Projected", "Other", "Extra", "Series X") if w not in [_str(x) for x in node.keys])
            d = copy.deepcopy(node)
            d.keys.append(ast.Constant(key))
            d.values.append(ast.parse(_scaled_list(src, node.values[k], f), mode="eval").body)
            new = src.replace(node, ast.unparse(d))
            name = key
        else:
            lst = copy.deepcopy(node)
            lst.elts.append(ast.parse(_scaled_list(src, node.elts[k], f), mode="eval").body)
            new = src.replace(node, ast.unparse(lst))
            name = f"extra row of {ast.unparse(src.parent[node].targets[0])}"
        return new, self.edit(
            "series_add", "data_error", 3, f"series '{name}'", f"an extra series ({name}) is drawn", p
        )

    # -- structure ---------------------------------------------------------------------------------------------

    def _op_chart_type(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets = []
        for s in src.all:
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and _name(s.value) in ("bar", "plot")):
                continue
            c = s.value
            if _receiver(c) in ("np", "sns", "pd") or any(isinstance(a, ast.Starred) for a in c.args):
                continue
            if (_name(c) == "bar" and len(c.args) >= 2) or (
                _name(c) == "plot"
                and (len(c.args) in (1, 2) or (len(c.args) == 3 and _str(c.args[2]) is not None))
                and all(_str(a) is None for a in c.args[:2])
            ):
                targets.append(s)
        if not targets:
            raise NotApplicable("no bar/plot statement")
        s = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        c = copy.deepcopy(s.value)
        old = _name(c)
        keep = {"color", "label", "alpha", "zorder"}
        c.keywords = [
            k for k in c.keywords if k.arg in keep and not (k.arg == "color" and isinstance(k.value, ast.List))
        ]
        if old == "bar":
            c.args = c.args[:2]
            new_name = "plot"
        else:
            args = [a for a in c.args if _str(a) is None]
            if len(args) == 1:
                args = [ast.parse(f"range(len({ast.unparse(args[0])}))", mode="eval").body, args[0]]
            c.args = args
            new_name = "bar"
        if isinstance(c.func, ast.Attribute):
            c.func.attr = new_name
        else:
            c.func = ast.Name(new_name, ast.Load())
        label = _series_label(src, s.value)
        what = {"bar": "bars", "plot": "a line"}
        return src.replace(s.value, ast.unparse(c)), self.edit(
            "chart_type", "structure_error", 3, f"series '{label}'",
            f"series '{label}' is drawn as {what[new_name]} instead of {what[old]}", p,
        )  # fmt: skip

    def _op_subplot_layout(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        edits: list[tuple[int, int, str]] = []
        before = after = None
        for c in src.calls:
            n = _name(c)
            if n == "subplots":
                rows = c.args[0] if len(c.args) >= 1 else (_kw(c, "nrows").value if _kw(c, "nrows") else None)  # type: ignore[union-attr]
                cols = c.args[1] if len(c.args) >= 2 else (_kw(c, "ncols").value if _kw(c, "ncols") else None)  # type: ignore[union-attr]
                r = _num(rows) if rows is not None else 1.0
                k = _num(cols) if cols is not None else 1.0
                if r is None or k is None or r == k:
                    continue
                cc = copy.deepcopy(c)
                cc.args = [a for a in cc.args[2:]]
                cc.keywords = [kw for kw in cc.keywords if kw.arg not in ("nrows", "ncols")]
                cc.args = [ast.Constant(int(k)), ast.Constant(int(r)), *cc.args]
                a, b = src.span(c)
                edits.append((a, b, ast.unparse(cc)))
                before, after = (int(r), int(k)), (int(k), int(r))
            elif n in ("add_subplot", "subplot"):
                nums = [_num(a) for a in c.args]
                if len(c.args) == 3 and all(v is not None for v in nums) and nums[0] != nums[1]:
                    r, k, i = (int(v) for v in nums)  # type: ignore[arg-type]
                    for node, v in zip(c.args[:2], (k, r), strict=True):
                        a, b = src.span(node)
                        edits.append((a, b, str(v)))
                    before, after = (r, k), (k, r)
                elif len(c.args) == 1 and nums[0] is not None and 111 <= nums[0] <= 999:
                    r, k, i = (int(ch) for ch in str(int(nums[0])))
                    if r != k:
                        a, b = src.span(c.args[0])
                        edits.append((a, b, f"{k}{r}{i}"))
                        before, after = (r, k), (k, r)
        if not edits or before is None or after is None:
            raise NotApplicable("no non-square subplot grid")
        return src.splice(edits), self.edit(
            "subplot_layout", "structure_error", 2, "subplot layout",
            f"the subplots are arranged {after[0]}x{after[1]} instead of {before[0]}x{before[1]}", p,
        )  # fmt: skip

    def _axis_insert(self, src: _Src, p: Params, rng: random.Random | None, code: str, after_last: bool = False) -> str:
        recvs = _axes_receivers(src)
        if not recvs:
            raise NotApplicable("no axes")
        recv, call = recvs[self.draw(p, "axes", rng, lambda r: r.randrange(len(recvs)))]
        if after_last:
            # After the axes' last drawing call: limits read from ``get_ylim`` there are the whole data's
            # autoscaled range. Set after an earlier call, they freeze the range of the data drawn so far
            # and clip every later series (a fan chart's bands cut to a rectangle by a range "widened" 1.35).
            # And after its y scale and limits are set: limits read on a linear axis later turned log start
            # below 0 and squeeze every line into the top pixel row (a range "narrowed by 0.75").
            y_setters = [c for c in src.calls if _name(c) in Y_AXIS_SETTERS and _receiver(c) == recv]
            call = max([c for r, c in recvs if r == recv] + y_setters, key=lambda c: (c.lineno, c.col_offset))
        stmt = src.top_stmt(call)
        if recv == src.plt:
            code = code.replace("{ax}.get_yscale()", "plt.gca().get_yscale()")
            code = code.replace("{ax}.set_", f"{recv}.").replace("{ax}.get_", f"{recv}.")
        return src.insert_after(stmt, code.replace("{ax}", recv))

    def _op_axis_scale(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        existing = [c for c in src.calls if _name(c) in ("set_yscale", "yscale") and c.args and _str(c.args[0])]
        mode = self.draw(p, "mode", rng, lambda r: "toggle" if existing else "insert")
        if mode == "toggle":
            c = existing[self.draw(p, "target", rng, lambda r: r.randrange(len(existing)))]
            old = _str(c.args[0])
            new_scale = "linear" if old != "linear" else "log"
            new = src.replace(c.args[0], _lit(new_scale))
        else:
            old, new_scale = "linear", "log"
            new = self._axis_insert(src, p, rng, '{ax}.set_yscale("log")')
        return new, self.edit(
            "axis_scale", "structure_error", 2, "y-axis", f"the y-axis is {new_scale} instead of {old}", p
        )

    def _op_axis_limits(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        existing = [
            c for c in src.calls
            if _name(c) in ("set_ylim", "ylim") and len(c.args) == 2 and all(_num(a) is not None for a in c.args)
        ]  # fmt: skip
        f = self.draw(p, "factor", rng, lambda r: r.choice((0.6, 0.75, 0.85, 1.2, 1.35, 1.6, 2.0)))
        sev = 3 if f < 1 else 2 if f >= 1.5 else 1
        mode = self.draw(p, "mode", rng, lambda r: "modify" if existing and r.random() < 0.7 else "insert")
        if mode == "modify" and existing:
            c = existing[self.draw(p, "target", rng, lambda r: r.randrange(len(existing)))]
            lo, hi = (_num(a) for a in c.args)
            d = _decimals(src.text(c.args[1]))
            nh = _round_like(lo + (hi - lo) * f, d)  # type: ignore[operator]
            new = src.replace(c.args[1], _lit(nh))
        else:
            # Scaled along the axis as drawn: in decades on a log axis.
            lo, hi = "{ax}.get_ylim()[0]", "{ax}.get_ylim()[1]"
            top = f'{lo} * ({hi} / {lo}) ** {f} if {{ax}}.get_yscale() == "log" else {lo} + ({hi} - {lo}) * {f}'
            new = self._axis_insert(src, p, rng, f"{{ax}}.set_ylim({lo}, {top})", after_last=True)
        how = "narrowed" if f < 1 else "widened"
        return new, self.edit(
            "axis_limits", "data_error", sev, "y-axis", f"the y-axis range is {how} by a factor {f:g}", p
        )

    # -- style -------------------------------------------------------------------------------------------------

    def _op_color(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets: list[tuple[str, ast.AST, str]] = []
        seen: set[int] = set()
        for c in src.calls:
            where = f"{_name(c)}()"
            for k in c.keywords:
                if k.arg in COLOR_KWARGS:
                    if _is_colour(_str(k.value)):
                        targets.append(("const", k.value, where))
                    elif isinstance(k.value, ast.List):
                        seen.add(id(k.value))
                        targets += [("const", e, where) for e in k.value.elts if _is_colour(_str(e))]
                    elif not isinstance(k.value, ast.Constant) and k.arg != "colors":  # colors= wants a list
                        targets.append(("expr", k.value, where))
                elif k.arg == "cmap" and _str(k.value):
                    targets.append(("cmap", k.value, where))
            if (
                _name(c) in COLORABLE
                and not any(k.arg in COLOR_KWARGS for k in c.keywords)
                and not any(_str(a) for a in c.args)
                and _receiver(c) not in ("np", "sns", "pd")
            ):
                targets.append(("add", c, where))
        for n in src.all:
            if isinstance(n, ast.List) and id(n) not in seen and len(n.elts) >= 2:
                cols = [e for e in n.elts if _is_colour(_str(e))]
                if len(cols) == len(n.elts) and isinstance(src.parent.get(n), ast.Assign):
                    targets += [("const", e, f"palette {ast.unparse(src.parent[n].targets[0])}") for e in cols]
        if not targets:
            raise NotApplicable("no colour")
        kind, node, where = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        if kind == "cmap":
            old = _str(node)
            cm = self.draw(p, "cmap", rng, lambda r: r.choice([m for m in CMAPS if m != old]))
            return src.replace(node, _lit(cm)), self.edit(
                "color", "style_error", 2, f"colormap of {where}", f"the colormap is {cm} instead of {old}", p
            )
        old_s = _str(node) if kind == "const" else None
        old = hex_rgb(old_s) if old_s else None
        strong = self.draw(p, "strong", rng, lambda r: r.random() < 0.6)
        colour = self.draw(p, "colour", rng, lambda r: new_colour(old, r, strong or old is None))
        if kind == "add":
            c = copy.deepcopy(node)
            c.keywords.append(ast.keyword("color", ast.Constant(colour)))
            new = src.replace(node, ast.unparse(c))
        else:
            new = src.replace(node, _lit(colour))
        sev = colour_severity(old, colour)
        was = f" instead of {old_s}" if old_s else ""
        return new, self.edit("color", "style_error", sev, f"colour of {where}", f"drawn in {colour}{was}", p)

    def _op_linestyle(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets: list[tuple[str, ast.AST, str | None]] = []
        for c in src.calls:
            if _name(c) in ("grid", "tick_params", "rc"):  # faint grid lines: a change there is rarely visible
                continue
            k = _kw(c, "linestyle", "ls")
            if k is not None and _str(k.value) is not None:
                targets.append(("kw", k.value, _str(k.value)))
                continue
            if _name(c) not in ("plot", "step", "axhline", "axvline", "errorbar") or k is not None:
                continue
            fmt = next((a for a in c.args if _str(a) is not None), None)
            if fmt is not None:
                m = _FMT_RE.match(str(_str(fmt)))
                if m and m.group("ls"):
                    targets.append(("fmt", fmt, m.group("ls")))
            elif _name(c) != "errorbar":
                targets.append(("add", c, "-"))
        if not targets:
            raise NotApplicable("no line")
        kind, node, old = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        old_n = _LS_NAMES.get(str(old), old)
        ls = self.draw(p, "linestyle", rng, lambda r: r.choice([s for s in LINESTYLES if s != old_n]))
        if kind == "kw":
            new = src.replace(node, _lit(ls))
        elif kind == "fmt":
            fmt = str(_str(node))
            new = src.replace(node, _lit(fmt.replace(str(old), ls, 1)))
        else:
            c = copy.deepcopy(node)
            c.keywords.append(ast.keyword("linestyle", ast.Constant(ls)))
            new = src.replace(node, ast.unparse(c))
        return new, self.edit("linestyle", "style_error", 1, "line style", f"line style '{ls}' instead of '{old_n}'", p)

    def _op_marker(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets: list[tuple[str, ast.AST, str]] = []
        for c in src.calls:
            k = _kw(c, "marker")
            if k is not None and _str(k.value) is not None:
                targets.append(("kw", k.value, str(_str(k.value))))
            elif k is None and _name(c) in ("plot", "scatter") and not any(_str(a) for a in c.args):
                targets.append(("add", c, "none" if _name(c) == "plot" else "o"))
        if not targets:
            raise NotApplicable("no marker")
        kind, node, old = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        mk = self.draw(p, "marker", rng, lambda r: r.choice([m for m in MARKERS if m != old]))
        if kind == "kw":
            new = src.replace(node, _lit(mk))
        else:
            c = copy.deepcopy(node)
            c.keywords.append(ast.keyword("marker", ast.Constant(mk)))
            new = src.replace(node, ast.unparse(c))
        return new, self.edit("marker", "style_error", 1, "markers", f"marker '{mk}' instead of '{old}'", p)

    def _op_legend_loc(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        legends = [c for c in src.calls if _name(c) == "legend"]
        if not legends:
            raise NotApplicable("no legend")
        c = legends[self.draw(p, "target", rng, lambda r: r.randrange(len(legends)))]
        k = _kw(c, "loc")
        old = (_str(k.value) or ast.unparse(k.value)) if k is not None else "best"
        loc = self.draw(p, "loc", rng, lambda r: r.choice([x for x in LEGEND_LOCS if x != old]))
        if k is not None:
            new = src.replace(k.value, _lit(loc))
        else:
            cc = copy.deepcopy(c)
            cc.keywords.append(ast.keyword("loc", ast.Constant(loc)))
            new = src.replace(c, ast.unparse(cc))
        return new, self.edit(
            "legend_loc", "style_error", 1, "legend", f"the legend is at '{loc}' instead of '{old}'", p
        )

    # -- text --------------------------------------------------------------------------------------------------

    def _text_targets(self, src: _Src, op: str) -> list[tuple[ast.Constant, str]]:
        out: list[tuple[ast.AST | None, str]] = []
        for c in src.calls:
            n = _name(c)
            if op == "title_text":
                if n in TITLE_CALLS and c.args:
                    out.append((c.args[0], "suptitle" if n == "suptitle" else "title"))
                if n in TITLE_CALLS and _kw(c, "label"):
                    out.append((_kw(c, "label").value, "title"))  # type: ignore[union-attr]
                if n == "set" and _kw(c, "title"):
                    out.append((_kw(c, "title").value, "title"))  # type: ignore[union-attr]
            elif op == "axis_label":
                if n in LABEL_CALLS and c.args:
                    out.append((c.args[0], LABEL_CALLS[n]))
                if n == "set":
                    for k in c.keywords:
                        if k.arg in ("xlabel", "ylabel"):
                            out.append((k.value, f"{k.arg[0]}-axis label"))
                if n == "colorbar" and _kw(c, "label"):
                    out.append((_kw(c, "label").value, "colorbar label"))  # type: ignore[union-attr]
                if n == "set_label" and c.args:
                    out.append((c.args[0], "colorbar label"))
            elif op == "legend_text":
                if n in DRAW_CALLS and _kw(c, "label"):
                    out.append((_kw(c, "label").value, "legend"))  # type: ignore[union-attr]
                if (
                    n in ("legend", "stackplot", "pie")
                    and _kw(c, "labels")
                    and isinstance(_kw(c, "labels").value, ast.List)
                ):  # type: ignore[union-attr]
                    out += [(e, "legend") for e in _kw(c, "labels").value.elts]  # type: ignore[union-attr]
                if n == "legend" and c.args and isinstance(c.args[0], ast.List):
                    out += [(e, "legend") for e in c.args[0].elts]
                if n == "legend" and _kw(c, "title"):
                    out.append((_kw(c, "title").value, "legend title"))  # type: ignore[union-attr]
            elif op == "annotation_text":
                if n in ("text", "figtext") and len(c.args) >= 3:
                    out.append((c.args[2], "annotation"))
                if n == "annotate" and c.args:
                    out.append((c.args[0], "annotation"))
        if op == "legend_text":
            out += [(k, "legend") for d in _data_dicts(src) for k in d.keys]
        return [(n, w) for n, w in out if isinstance(n, ast.Constant) and re.search(r"[A-Za-z]", str(_str(n) or ""))]  # type: ignore[misc]

    def _text_op(self, op: str, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        targets = self._text_targets(src, op)
        if not targets:
            raise NotApplicable("no text")
        node, where = targets[self.draw(p, "target", rng, lambda r: r.randrange(len(targets)))]
        old = str(node.value)
        kinds = ("typo", "word") if reword(old, random.Random(0)) else ("typo",)
        kind = self.draw(p, "kind", rng, lambda r: r.choice(kinds))
        new_text = self.draw(p, "text", rng, lambda r: mutate_text(old, r, kind))
        if not new_text or new_text == old:
            raise NotApplicable("text cannot change")
        return src.replace(node, _lit(new_text)), self.edit(
            op, "text_error", text_severity(kind), where, f"the {where} reads '{new_text}' instead of '{old}'", p
        )

    def _op_title_text(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._text_op("title_text", source, p, rng)

    def _op_axis_label(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._text_op("axis_label", source, p, rng)

    def _op_legend_text(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._text_op("legend_text", source, p, rng)

    def _op_annotation_text(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._text_op("annotation_text", source, p, rng)

    def _op_tick_label(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        src = self._parse(source)
        lists = []
        for n in src.all:
            if not (isinstance(n, ast.List) and len(n.elts) >= 2 and all(_str(e) is not None for e in n.elts)):
                continue
            par = src.parent.get(n)
            if isinstance(par, (ast.For, ast.comprehension, ast.Subscript)) or all(_is_colour(_str(e)) for e in n.elts):
                continue
            if isinstance(par, ast.keyword) and par.arg not in ("labels", "tick_label", "xticklabels", "yticklabels"):
                continue
            if (
                isinstance(par, ast.keyword)
                and isinstance(src.parent.get(par), ast.Call)
                and _name(src.parent[par]) in ("legend", "stackplot")
            ):
                continue
            if isinstance(par, ast.Call) and _name(par) == "legend":
                continue
            if not any(re.search(r"[A-Za-z0-9]", str(_str(e))) for e in n.elts):
                continue
            lists.append(n)
        if not lists:
            raise NotApplicable("no category labels")
        lst = lists[self.draw(p, "target", rng, lambda r: r.randrange(len(lists)))]
        vals = [str(_str(e)) for e in lst.elts]
        modes = ("typo", "word", "swap") if any(reword(v, random.Random(0)) for v in vals) else ("typo", "swap")
        mode = self.draw(p, "mode", rng, lambda r: r.choice(modes))
        if mode == "swap":
            pairs = [(i, j) for i in range(len(vals)) for j in range(i + 1, len(vals)) if vals[i] != vals[j]]
            if not pairs:
                raise NotApplicable("labels all equal")
            i, j = pairs[self.draw(p, "pair", rng, lambda r: r.randrange(len(pairs)))]
            a, b = lst.elts[i], lst.elts[j]
            new = src.splice([(*src.span(a), _lit(vals[j])), (*src.span(b), _lit(vals[i]))])
            return new, self.edit(
                "tick_label", "text_error", 3, "category labels",
                f"labels '{vals[i]}' and '{vals[j]}' are swapped", p,
            )  # fmt: skip
        ok = (lambda v: reword(v, random.Random(0))) if mode == "word" else (lambda v: re.search(r"[A-Za-z]", v))
        cands = [i for i, v in enumerate(vals) if ok(v)]
        if not cands:
            raise NotApplicable("labels have no letters")
        i = cands[self.draw(p, "index", rng, lambda r: r.randrange(len(cands)))]
        new_text = self.draw(p, "text", rng, lambda r: mutate_text(vals[i], r, mode))
        if not new_text or new_text == vals[i]:
            raise NotApplicable("label cannot change")
        return src.replace(lst.elts[i], _lit(new_text)), self.edit(
            "tick_label", "text_error", text_severity(mode), "category labels",
            f"label '{new_text}' instead of '{vals[i]}'", p,
        )  # fmt: skip
