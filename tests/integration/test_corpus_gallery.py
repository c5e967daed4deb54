"""The chart gallery (`verm.corpus.gallery`): real-world-style matplotlib programs.

Every program renders in the sandbox, twice to the same pixels; its scene holds
what it draws; and none is a trivial stand-in or depends on anything but its own
code (seeded randomness, matplotlib and numpy only).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from verm.corpus import GalleryProgram, gallery_dir, gallery_programs, gallery_splits
from verm.imaging import is_blank
from verm.render.chart import ChartRenderer
from verm.types import Rendering

MIN_DEV_PROGRAMS = 32
#: Code lines (docstring, comments and blank lines left out) and calls on plotting objects.
MIN_CODE_LINES = 15
MIN_PLOT_CALLS = 8
ALLOWED_IMPORTS = ("matplotlib", "numpy")
ARTIST_KINDS = ("lines", "patches", "collections", "images", "texts")

Scene = dict[str, Any]


@pytest.fixture(scope="module")
def programs() -> list[GalleryProgram]:
    return gallery_programs("dev")


@pytest.fixture(scope="module")
def renders(programs) -> tuple[list[Rendering], list[Rendering]]:
    codes = [p.code for p in programs]
    with ChartRenderer(workers=2) as renderer:
        return renderer.render_many(codes), renderer.render_many(codes)


def _artists(ax: Scene) -> int:
    return sum(len(ax[k]) for k in ARTIST_KINDS) + sum(len(t["cells"]) for t in ax.get("tables", []))


def test_the_dev_split_is_listed_and_big_enough(programs):
    assert "dev" in gallery_splits()
    assert len(programs) >= MIN_DEV_PROGRAMS
    assert len({p.name for p in programs}) == len(programs)
    assert all(p.path.parent == gallery_dir("dev") and p.split == "dev" for p in programs)
    assert all(p.summary for p in programs), [p.name for p in programs if not p.summary]
    with pytest.raises(ValueError, match=r"splits present: .*dev"):
        gallery_dir("no-such-split")


def _code_lines(tree: ast.Module, code: str) -> int:
    doc = tree.body[0] if tree.body and isinstance(tree.body[0], ast.Expr) else None
    skip = set(range(doc.lineno, doc.end_lineno + 1)) if doc is not None and doc.end_lineno else set()
    return sum(
        1
        for n, line in enumerate(code.splitlines(), start=1)
        if n not in skip and line.strip() and not line.strip().startswith("#")
    )


def _root(node: ast.expr) -> str:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


@pytest.mark.parametrize("program", gallery_programs("dev"), ids=lambda p: p.name)
def test_each_program_is_real_self_contained_plotting(program):
    tree = ast.parse(program.code)
    assert _code_lines(tree, program.code) >= MIN_CODE_LINES
    numeric = {"np", "rng", "math"}
    plot_calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and _root(n.func) not in numeric
    ]
    assert len(plot_calls) >= MIN_PLOT_CALLS, f"{program.name}: {len(plot_calls)} plotting calls"
    for n in ast.walk(tree):
        if isinstance(n, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in n.names] if isinstance(n, ast.Import) else [n.module or ""]
            assert all(m.split(".")[0] in ALLOWED_IMPORTS for m in modules), f"{program.name} imports {modules}"
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            dotted = ast.unparse(n.func)
            assert n.func.attr not in ("savefig", "pause"), f"{program.name} calls {dotted}"
            if dotted.startswith(("np.random.", "numpy.random.")):
                assert n.func.attr == "default_rng" and n.args, f"{program.name}: unseeded {dotted}()"
        if isinstance(n, ast.Name):
            assert n.id not in ("open", "input", "__import__"), f"{program.name} uses {n.id}"


def test_every_program_renders_twice_to_the_same_pixels(programs, renders):
    first, second = renders
    for program, a, b in zip(programs, first, second, strict=True):
        assert a.ok and b.ok, f"{program.name}: {a.status.value} {a.reason} / {b.status.value} {b.reason}"
        assert not is_blank(a.image()), program.name
        assert np.array_equal(np.asarray(a.image()), np.asarray(b.image())), f"{program.name}: renders differ"
        assert a.scene == b.scene, f"{program.name}: scenes differ"


def test_every_scene_holds_its_axes_and_artists(programs, renders):
    for program, r in zip(programs, renders[0], strict=True):
        scene = r.scene
        assert scene is not None and "error" not in scene, f"{program.name}: {scene}"
        assert scene["axes"], f"{program.name}: no axes in the scene"
        empty = [i for i, ax in enumerate(scene["axes"]) if not _artists(ax)]
        assert not empty, f"{program.name}: axes {empty} hold no artist in the scene"


def _lines(s: Scene) -> list[Scene]:
    return [line for ax in s["axes"] for line in ax["lines"]]


#: What defines a chart kind must be in its scene (a judge can only compare what the scene holds).
KIND_CHECKS: dict[str, Callable[[Scene], bool]] = {
    "hinton_weights": lambda s: sum(p["type"] == "Rectangle" for p in s["axes"][0]["patches"]) >= 150,
    "polar_bars": lambda s: s["axes"][0]["name"] == "polar" and len(s["axes"][0]["patches"]) == 16,
    "surface_3d": lambda s: s["axes"][0]["name"] == "3d" and bool(s["axes"][0]["collections"]),
    "bars_3d": lambda s: s["axes"][0]["name"] == "3d" and len(s["axes"][0]["patches"]) == 48,
    "style_cycle_lines": lambda s: len(_lines(s)) == 12 and len({ln["color"] for ln in _lines(s)}) == 6,
    "dense_scatter": lambda s: any(len(c.get("x", [])) == 600 for c in s["axes"][0]["collections"]),
    "inset_zoom": lambda s: len(s["axes"]) == 2 and all(ax["lines"] for ax in s["axes"]),
    "text_table_report": lambda s: len(s["axes"][0]["tables"][0]["cells"]) == 35,
    "annotated_heatmap": lambda s: bool(s["axes"][0]["images"]) and len(s["axes"][0]["texts"]) == 49,
    "shared_axes_grid": lambda s: len(s["axes"]) == 9 and all(ax["title"] for ax in s["axes"]),
    "twin_axes_climate": lambda s: len(s["axes"]) == 2 and s["axes"][0]["bbox"] == s["axes"][1]["bbox"],
    "penguin_bar_labels": lambda s: len(s["axes"][0]["patches"]) == 9 and len(s["axes"][0]["texts"]) == 9,
    "colored_line": lambda s: any(c["type"] == "LineCollection" for c in s["axes"][0]["collections"]),
    "mosaic_dashboard": lambda s: len(s["axes"]) == 4,
}


def test_the_scene_holds_what_defines_each_chart_kind(programs, renders):
    scenes = {p.name: r.scene for p, r in zip(programs, renders[0], strict=True)}
    missing = sorted(set(KIND_CHECKS) - set(scenes))
    assert not missing, f"checks for programs that are gone: {missing}"
    failed = [name for name, check in KIND_CHECKS.items() if not check(scenes[name])]
    assert not failed, f"scenes miss what defines these charts: {failed}"
