"""Reading matplotlib programs for the chart perturber: a parsed program with each node's
source span (`_Src`, so an edit splices its node's text and leaves the rest of the
program as written), and the finders of what the ops edit (data lists, series
statements, colours, axes receivers)."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Any

from verm.perturb.base import NotApplicable
from verm.perturb.mutate import hex_rgb

#: Calls that draw one series (their return value is often unused: an `Expr` statement).
SERIES_CALLS = frozenset(
    {"plot", "bar", "barh", "scatter", "fill_between", "fill_betweenx", "step", "errorbar", "stem", "fill",
     "semilogy", "semilogx", "loglog", "stackplot", "hist", "area"}
)  # fmt: skip
#: Any call that draws data (for finding axes receivers).
DRAW_CALLS = SERIES_CALLS | {"pie", "boxplot", "violinplot", "imshow", "pcolormesh", "contour", "contourf", "hlines"}
#: Calls whose list arguments are not data (ticks, limits, geometry).
NON_DATA_CALLS = frozenset(
    {"set_xticks", "set_yticks", "xticks", "yticks", "set_xlim", "set_ylim", "xlim", "ylim", "figure", "subplots",
     "add_axes", "subplots_adjust", "set_position", "GridSpec", "add_gridspec", "linspace", "arange", "axis",
     "set_size_inches", "set_dashes", "tick_params", "rc", "update", "margins", "set_aspect", "inset_axes",
     "set_xticklabels", "set_yticklabels", "legend", "zeros", "ones", "full", "reshape", "seed", "tight_layout"}
)  # fmt: skip
NON_DATA_KWARGS = frozenset(
    {"figsize", "dashes", "bbox_to_anchor", "xy", "xytext", "width_ratios", "height_ratios", "ticks", "levels",
     "bins", "extent", "explode", "rect", "gridspec_kw", "color", "colors", "positions", "widths", "xlim", "ylim",
     "xticks", "yticks", "loc", "figure", "pad", "labelspacing", "shadow", "autopct", "wedgeprops", "textprops"}
)  # fmt: skip
COLOR_KWARGS = frozenset(
    {"color", "c", "facecolor", "edgecolor", "fc", "ec", "colors", "markerfacecolor", "mfc", "markeredgecolor", "mec"}
)
#: Calls that accept ``color=`` for one series (where a colour can be added).
COLORABLE = frozenset({"plot", "bar", "barh", "scatter", "fill_between", "step", "hist", "axhline", "axvline"})
LINESTYLES = ("-", "--", ":", "-.")
_LS_NAMES = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
MARKERS = ("o", "s", "^", "D", "v", "x", "*", "P")
LEGEND_LOCS = (
    "upper right", "upper left", "lower left", "lower right", "center left", "center right", "lower center",
    "upper center", "center",
)  # fmt: skip
CMAPS = ("viridis", "plasma", "magma", "cividis", "coolwarm", "Greens", "Blues", "RdYlGn", "inferno", "gray")
TITLE_CALLS = frozenset({"set_title", "title", "suptitle"})
LABEL_CALLS = {"set_xlabel": "x-axis label", "xlabel": "x-axis label", "set_ylabel": "y-axis label",
               "ylabel": "y-axis label", "supxlabel": "x-axis label", "supylabel": "y-axis label"}  # fmt: skip
_FMT_RE = re.compile(
    r"^(?P<c1>[bgrcmykw]?)(?P<m1>[.,ov^<>1-4sp*hH+xXDd|_]?)(?P<ls>--|-\.|-|:)?(?P<m2>[.,ov^<>1-4sp*hH+xXDd|_]?)(?P<c2>[bgrcmykw]?)$"
)


def _name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _receiver(call: ast.Call) -> str:
    return ast.unparse(call.func.value) if isinstance(call.func, ast.Attribute) else ""


def _kw(call: ast.Call, *names: str) -> ast.keyword | None:
    for k in call.keywords:
        if k.arg in names:
            return k
    return None


def _num(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _num(node.operand)
        if v is not None:
            return -v if isinstance(node.op, ast.USub) else v
    return None


def _str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_num_list(node: ast.AST) -> bool:
    return isinstance(node, ast.List) and len(node.elts) >= 2 and all(_num(e) is not None for e in node.elts)


def _lit(value: Any) -> str:
    """A Python literal in the generator's style (double-quoted strings)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def _decimals(text: str) -> int | None:
    """Decimals of a numeric literal's text; None for an int literal."""
    t = text.strip().lstrip("+-").strip()
    if re.fullmatch(r"\d+", t):
        return None
    if "e" in t.lower():
        return 3
    return max(1, len(t.split(".", 1)[1])) if "." in t else 1


def _round_like(value: float, decimals: int | None) -> int | float:
    if decimals is None:
        return round(value)
    return round(value, decimals)


@dataclass
class _Src:
    """A parsed program with char offsets for every node and span-splicing edits."""

    source: str

    def __post_init__(self) -> None:
        self.tree = ast.parse(self.source)
        self.lines = self.source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.parent: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
        self.all = sorted(
            (n for n in ast.walk(self.tree) if hasattr(n, "lineno")),
            key=lambda n: (n.lineno, n.col_offset, -(n.end_lineno or 0), -(n.end_col_offset or 0)),
        )
        self.calls = [n for n in self.all if isinstance(n, ast.Call)]
        self.imports = self._imports()

    def _imports(self) -> dict[str, str]:
        out = {}
        for n in self.all:
            if isinstance(n, ast.Import):
                for a in n.names:
                    out[a.asname or a.name.split(".")[0]] = a.name
            elif isinstance(n, ast.ImportFrom):
                for a in n.names:
                    out[a.asname or a.name] = f"{n.module}.{a.name}"
        return out

    @property
    def np(self) -> str | None:
        return next((k for k, v in self.imports.items() if v == "numpy"), None)

    @property
    def plt(self) -> str:
        return next((k for k, v in self.imports.items() if v == "matplotlib.pyplot"), "plt")

    def off(self, lineno: int, col: int) -> int:
        line = self.lines[lineno - 1] if lineno - 1 < len(self.lines) else ""
        return self.starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        return self.off(node.lineno, node.col_offset), self.off(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined,arg-type]

    def text(self, node: ast.AST) -> str:
        a, b = self.span(node)
        return self.source[a:b]

    def splice(self, edits: list[tuple[int, int, str]]) -> str:
        out = self.source
        for a, b, t in sorted(edits, key=lambda e: e[0], reverse=True):
            out = out[:a] + t + out[b:]
        return out

    def replace(self, node: ast.AST, text: str) -> str:
        a, b = self.span(node)
        return self.splice([(a, b, text)])

    def in_loop(self, node: ast.AST) -> bool:
        p = self.parent.get(node)
        while p is not None and not isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            if isinstance(p, (ast.For, ast.While, ast.comprehension)):
                return True
            p = self.parent.get(p)
        return False

    def stmt_of(self, node: ast.AST) -> ast.stmt:
        while not isinstance(node, ast.stmt):
            node = self.parent[node]
        return node

    def top_stmt(self, node: ast.AST) -> ast.stmt:
        """The outermost statement around ``node`` in the same function (or module) body."""
        stmt = self.stmt_of(node)
        p = self.parent.get(stmt)
        while p is not None and not isinstance(p, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
            if isinstance(p, ast.stmt):
                stmt = p
            p = self.parent.get(p)
        return stmt

    def own_lines(self, stmt: ast.stmt) -> bool:
        a, b = self.span(stmt)
        before = self.source[self.starts[stmt.lineno - 1] : a]
        end_line = self.lines[stmt.end_lineno - 1]  # type: ignore[index]
        after = self.source[b : self.starts[stmt.end_lineno - 1] + len(end_line)]  # type: ignore[operator]
        return not before.strip() and (not after.strip() or after.strip().startswith("#"))

    def insert_after(self, stmt: ast.stmt, code: str) -> str:
        if not self.own_lines(stmt):
            raise NotApplicable("statement shares its line")
        indent = self.lines[stmt.lineno - 1][
            : len(self.lines[stmt.lineno - 1]) - len(self.lines[stmt.lineno - 1].lstrip())
        ]
        end = self.starts[stmt.end_lineno]  # type: ignore[index]
        prefix = "" if self.source[:end].endswith("\n") else "\n"
        return self.splice([(end, end, f"{prefix}{indent}{code}\n")])

    def delete(self, stmt: ast.stmt) -> str:
        if not self.own_lines(stmt):
            raise NotApplicable("statement shares its line")
        body = next(
            (
                getattr(self.parent[stmt], f)
                for f in ("body", "orelse", "finalbody")
                if stmt in getattr(self.parent[stmt], f, [])
            ),
            [],
        )
        a, b = self.starts[stmt.lineno - 1], self.starts[stmt.end_lineno]  # type: ignore[index]
        if len(body) == 1:
            indent = self.lines[stmt.lineno - 1][: stmt.col_offset]
            return self.splice([(a, b, f"{indent}pass\n")])
        return self.splice([(a, b, "")])


# --------------------------------------------------------------------------- target finders


def _data_context(src: _Src, node: ast.AST) -> str | None:
    """The series name of a numeric list when it is data (None when it is ticks, limits, geometry ...)."""
    child, p = node, src.parent.get(node)
    while isinstance(p, (ast.List, ast.Tuple)) or (isinstance(p, ast.Call) and _name(p) in ("array", "asarray")):
        child, p = p, src.parent.get(p)
    if isinstance(p, ast.keyword):
        if p.arg in NON_DATA_KWARGS:
            return None
        call = src.parent.get(p)
        return f"{p.arg}" + (f" of {_name(call)}()" if isinstance(call, ast.Call) else "")
    if isinstance(p, ast.Call):
        if _name(p) in NON_DATA_CALLS:
            return None
        label = _kw(p, "label")
        return _str(label.value) if label else f"data of {_name(p)}()"
    if isinstance(p, ast.Assign):
        t = p.targets[0]
        return ast.unparse(t) if isinstance(t, (ast.Name, ast.Attribute, ast.Subscript)) else None
    if isinstance(p, ast.Dict) and child in p.values:
        key = p.keys[p.values.index(child)]
        return _str(key) or (ast.unparse(key) if key is not None else None)
    if isinstance(p, (ast.For, ast.comprehension)):
        return None
    return None


def _data_lists(src: _Src) -> list[tuple[ast.List, str]]:
    out = []
    for n in src.all:
        if _is_num_list(n):
            name = _data_context(src, n)
            if name:
                out.append((n, name))
    return out


def _yarg(call: ast.Call) -> ast.expr | None:
    """The plotted values of a series call (heights, y)."""
    name = _name(call)
    args = [a for a in call.args if not isinstance(a, ast.Starred)]
    if name in ("hist", "stackplot", "pie"):
        return None
    if len(args) >= 2 and _str(args[1]) is None:
        return args[1]
    if name == "plot" and len(args) == 1:
        return args[0]
    return None


def _expr_targets(src: _Src) -> list[tuple[ast.expr, ast.Call]]:
    """Non-literal plotted values (``ax.plot(x, np.sin(x))``), for scripts that compute their data."""
    out = []
    for c in src.calls:
        if _name(c) in SERIES_CALLS and _receiver(c) not in ("np", "sns", "pd"):
            y = _yarg(c)
            if (
                y is not None
                and not isinstance(y, (ast.List, ast.Constant))
                and not any(_is_num_list(n) for n in ast.walk(y))
            ):
                out.append((y, c))
    return out


def _series_label(src: _Src, call: ast.Call) -> str:
    lab = _kw(call, "label")
    if lab is not None and _str(lab.value):
        return str(_str(lab.value))
    y = _yarg(call)
    return ast.unparse(y)[:40] if y is not None else f"{_name(call)}() series"


def _series_stmts(src: _Src) -> list[ast.Expr]:
    """Series-drawing calls that are whole statements outside loops."""
    return [
        s
        for s in src.all
        if isinstance(s, ast.Expr)
        and isinstance(s.value, ast.Call)
        and _name(s.value) in SERIES_CALLS - {"hist"}
        and _receiver(s.value) not in ("np", "sns", "pd")
        and not src.in_loop(s)
        and src.own_lines(s)
    ]


def _data_dicts(src: _Src) -> list[ast.Dict]:
    return [
        n
        for n in src.all
        if isinstance(n, ast.Dict)
        and len(n.keys) >= 2
        and all(_str(k) is not None for k in n.keys)
        and all(_is_num_list(v) for v in n.values)
    ]


def _data_2d(src: _Src) -> list[ast.List]:
    return [
        n
        for n in src.all
        if isinstance(n, ast.List)
        and len(n.elts) >= 2
        and all(_is_num_list(e) for e in n.elts)
        and isinstance(src.parent.get(n), ast.Assign)
    ]


def _scaled_list(src: _Src, lst: ast.List, factor: float) -> str:
    dec = [_decimals(src.text(e)) for e in lst.elts]
    d = None if all(x is None for x in dec) else max(x or 1 for x in dec)
    vals = [_round_like(_num(e) * factor, d) for e in lst.elts]  # type: ignore[operator]
    return "[" + ", ".join(_lit(v) for v in vals) + "]"


def _scale_expr(src: _Src, expr: ast.expr, factor: float) -> str:
    if _is_num_list(expr):
        return _scaled_list(src, expr, factor)  # type: ignore[arg-type]
    np_ = src.np
    y = ast.unparse(expr)
    return f"{np_}.multiply({y}, {factor})" if np_ else f"[_v * {factor} for _v in {y}]"


def _is_colour(s: str | None) -> bool:
    if not s or s.lower() in ("none", "auto", "face", "inherit"):
        return False
    return hex_rgb(s) is not None


def _axes_receivers(src: _Src) -> list[tuple[str, ast.Call]]:
    """Axes-like receivers of drawing calls (``ax``, ``axes[0]``, ``ax2``; the pyplot alias)."""
    modules = {k for k, v in src.imports.items() if v != "matplotlib.pyplot"}
    out = []
    for c in src.calls:
        if _name(c) in DRAW_CALLS - {"pie", "imshow"} and isinstance(c.func, ast.Attribute):
            r = _receiver(c)
            root = r.split(".")[0].split("[")[0]
            if root in modules:
                continue
            out.append((r, c))
    return out
