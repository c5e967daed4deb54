"""Tests for the seeded chart-program generator (verm.corpus.charts)."""

from __future__ import annotations

import ast
import re
import warnings
from collections import Counter

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from verm.corpus import (
    CHART_KINDS,
    ChartProgram,
    generate_chart_program,
    generate_chart_programs,
    write_chart_programs,
)

REQUIRED_KINDS = {
    "bar_grouped",
    "bar_stacked",
    "bar_horizontal",
    "line",
    "scatter",
    "area",
    "stackplot",
    "pie",
    "donut",
    "histogram",
    "box",
    "violin",
    "errorbar",
    "heatmap",
    "subplots",
    "twin_axes",
    "log_scale",
    "annotated",
}
FORBIDDEN = ("savefig", "open(", "import os", "subprocess", "np.random", "import random", "__import__", "eval(")
ALLOWED_FONTS = {"DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "serif", "sans-serif", "monospace"}


@pytest.fixture(scope="module")
def programs_200() -> list[ChartProgram]:
    return generate_chart_programs(200, seed=0)


def _run(code: str, draw: bool = False) -> tuple[list[plt.Figure], list[str]]:
    """Exec a program in a fresh namespace; returns its figures (caller closes) and unexpected warnings."""
    plt.close("all")
    # rc_context restores rcParams/style changes the program makes, so programs cannot leak into each other.
    with matplotlib.rc_context(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(compile(code, "<chart>", "exec"), {"__name__": "__main__"})
        figs = [plt.figure(n) for n in plt.get_fignums()]
        if draw:
            for fig in figs:
                fig.canvas.draw()
    # plt.show() under Agg warns that it cannot show; that is expected and harmless.
    unexpected = [str(w.message) for w in caught if "non-interactive" not in str(w.message)]
    return figs, unexpected


def _has_artists(ax: plt.Axes) -> bool:
    return bool(ax.lines or ax.patches or ax.collections or ax.images or ax.texts or ax.containers)


def test_public_api_shape() -> None:
    assert set(CHART_KINDS) == REQUIRED_KINDS
    assert len(CHART_KINDS) == len(set(CHART_KINDS))
    prog = generate_chart_program(1, "line")
    assert isinstance(prog, ChartProgram)
    assert (prog.seed, prog.kind) == (1, "line")
    assert isinstance(prog.features, tuple) and all(isinstance(f, str) for f in prog.features)
    with pytest.raises(AttributeError):
        prog.code = "x"  # type: ignore[misc]


def test_same_seed_same_code() -> None:
    for seed in (0, 7, 123, 98765):
        for kind in (None, "subplots", "heatmap", "pie"):
            a, b = generate_chart_program(seed, kind), generate_chart_program(seed, kind)
            assert a == b
            assert a.code.encode() == b.code.encode()


def test_different_seeds_differ() -> None:
    codes = [generate_chart_program(s).code for s in range(40)]
    assert len(set(codes)) == len(codes)
    per_kind = [generate_chart_program(s, "bar_grouped").code for s in range(20)]
    assert len(set(per_kind)) == len(per_kind)


def test_kind_none_is_picked_from_seed() -> None:
    for seed in range(10):
        prog = generate_chart_program(seed)
        assert prog.kind in CHART_KINDS
        assert prog == generate_chart_program(seed, prog.kind)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        generate_chart_program(0, "radar")
    with pytest.raises(TypeError):
        generate_chart_program("3")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        generate_chart_programs(3, kinds=[])


def test_generate_chart_programs_seeds_and_kinds() -> None:
    progs = generate_chart_programs(5, seed=10, kinds=["pie", "line"])
    assert [p.seed for p in progs] == [10, 11, 12, 13, 14]
    assert [p.kind for p in progs] == ["pie", "line", "pie", "line", "pie"]
    assert generate_chart_programs(0) == []
    assert generate_chart_programs(3, seed=4) == [generate_chart_program(s) for s in (4, 5, 6)]


def test_write_chart_programs(tmp_path) -> None:
    paths = write_chart_programs(tmp_path / "out", 3, seed=20)
    assert [p.name for p in paths] == ["chart_20.py", "chart_21.py", "chart_22.py"]
    for path in paths:
        seed = int(path.stem.split("_")[1])
        assert path.read_text(encoding="utf-8") == generate_chart_program(seed).code


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_kind_runs_and_draws(kind: str) -> None:
    for seed in (0, 1):
        prog = generate_chart_program(seed, kind)
        figs, unexpected = _run(prog.code, draw=True)
        try:
            assert len(figs) == 1, prog.code
            assert not unexpected, (unexpected, prog.code)
            fig = figs[0]
            assert any(_has_artists(ax) for ax in fig.axes), prog.code
            pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
            background = pixels[0, 0]
            differs = np.abs(pixels - background).sum(axis=-1) > 30
            assert differs.mean() > 0.01, f"figure looks blank:\n{prog.code}"
        finally:
            plt.close("all")


def test_sample_of_seeds_runs() -> None:
    for seed in range(100, 140):
        prog = generate_chart_program(seed)
        figs, unexpected = _run(prog.code)
        try:
            assert len(figs) == 1, prog.code
            assert not unexpected, (unexpected, prog.code)
            axes = figs[0].axes
            assert axes and any(_has_artists(ax) for ax in axes), prog.code
            if prog.kind == "subplots":
                assert sum(_has_artists(ax) for ax in axes) >= 2
        finally:
            plt.close("all")


def test_coverage_over_200_seeds(programs_200: list[ChartProgram]) -> None:
    kinds = Counter(p.kind for p in programs_200)
    assert set(kinds) == set(CHART_KINDS)
    features = Counter(f for p in programs_200 for f in p.features)
    legend_locs = {f for f in features if f.startswith("legend:") and f.split(":")[1] in _LEGEND_LOC_NAMES}
    assert len(legend_locs) >= 6, legend_locs
    assert features["legend:outside"] >= 3
    palettes = {f for f in features if f.startswith("palette:") and f != "palette:default"}
    assert len(palettes) >= 8, palettes
    assert len({f for f in features if f.startswith("cmap:")}) >= 4
    assert len({f for f in features if f.startswith("font:")}) >= 3
    assert len({f for f in features if f.startswith("figsize:")}) >= 8
    for needed in ("twin_axes", "colorbar", "annotate", "text", "pyplot_style", "show", "tight_layout", "title"):
        assert features[needed] > 0, needed
    for prefix in ("tick_rotation:", "grid", "subplots:", "log_scale:", "style:"):
        assert any(f.startswith(prefix) for f in features), prefix
    assert {"subplots:2x1", "subplots:1x2", "subplots:2x2"} <= set(generate_features(range(300), "subplots"))
    # About half the programs end with tight_layout; a fair share call plt.show().
    tight = sum("plt.tight_layout()" in p.code for p in programs_200) / len(programs_200)
    show = sum("plt.show()" in p.code for p in programs_200) / len(programs_200)
    assert 0.3 <= tight <= 0.75
    assert 0.15 <= show <= 0.7
    assert sum("pyplot_style" in p.features for p in programs_200) >= 5


_LEGEND_LOC_NAMES = {
    "best",
    "upper left",
    "upper right",
    "lower left",
    "lower right",
    "upper center",
    "lower center",
    "center left",
    "center right",
    "default",
}


def generate_features(seeds: range, kind: str) -> set[str]:
    return {f for s in seeds for f in generate_chart_program(s, kind).features}


def test_programs_are_safe_and_literal(programs_200: list[ChartProgram]) -> None:
    for prog in programs_200:
        for bad in FORBIDDEN:
            assert bad not in prog.code, (bad, prog.seed)
        tree = ast.parse(prog.code)
        imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert imports <= {"matplotlib.pyplot", "numpy"}, imports
        assert not any(isinstance(node, ast.ImportFrom) for node in ast.walk(tree))
        # Data is embedded as list literals bound to names (what AST-editing tools look for); the only
        # exception is the occasional computed curve over np.linspace.
        has_literal_data = any(
            isinstance(node, ast.Assign) and isinstance(node.value, ast.List | ast.Dict) for node in tree.body
        )
        assert has_literal_data or "np.linspace(" in prog.code, prog.code
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "set_title":
                assert isinstance(node.args[0], ast.Constant | ast.JoinedStr)
        for family in re.findall(r'font\.family"?\]?\s*[:=]\s*"([^"]+)"', prog.code) + re.findall(
            r'family="([^"]+)"', prog.code
        ):
            assert family in ALLOWED_FONTS, family
        for w, h in re.findall(r"figsize=\(([\d.]+), ([\d.]+)\)", prog.code):
            assert 4 <= float(w) <= 10 and 3 <= float(h) <= 6, (w, h)
        assert prog.code.endswith("\n") and not prog.code.endswith("\n\n")


def test_pyplot_and_oo_styles_both_occur(programs_200: list[ChartProgram]) -> None:
    oo = sum("fig, ax = plt.subplots(" in p.code or "fig, axes" in p.code for p in programs_200)
    pyplot = sum("plt.figure(figsize=" in p.code and "ax." not in p.code for p in programs_200)
    assert oo > pyplot > 0
