"""Chart perturbations: AST edits on generated programs and hand-written scripts (no rendering)."""

from __future__ import annotations

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest

from verm.corpus import generate_chart_programs
from verm.errors import ContractError, UnknownNameError
from verm.perturb import PERTURBERS, Edit, get_perturber, perturb
from verm.perturb.chart import ChartPerturber
from verm.types import CATEGORIES, Task

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "charts"
PROGRAMS = [p.code for p in generate_chart_programs(36, seed=5)]
SCRIPTS = {p.name: p.read_text() for p in sorted(FIXTURES.glob("*.py"))}
P = ChartPerturber()


def _check(source: str, new: str, edit: Edit) -> None:
    assert new != source
    ast.parse(new)
    assert edit.category in CATEGORIES[Task.CHART]
    assert 1 <= edit.severity <= 3
    assert edit.location and edit.description
    assert P.apply(source, edit) == new  # replayable from params alone


@pytest.mark.parametrize("op", P.ops())
def test_each_op_applies_to_generated_programs(op: str) -> None:
    applied = 0
    for i, src in enumerate(PROGRAMS):
        out = P.propose(src, random.Random(i), op)
        if out is not None:
            _check(src, *out)
            applied += 1
    if op in ("subplot_layout", "annotation_text"):
        # Few generated kinds have them; the fixtures cover them.
        assert applied + sum(P.propose(s, random.Random(0), op) is not None for s in SCRIPTS.values()) >= 1
    else:
        assert applied >= 3, f"{op} applied to only {applied} programs"


def test_fixtures_exist_in_several_styles() -> None:
    assert len(SCRIPTS) >= 4


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_ops_apply_to_hand_written_scripts(name: str) -> None:
    src = SCRIPTS[name]
    ast.parse(src)
    applied = []
    for op in P.ops():
        out = P.propose(src, random.Random(1), op)
        if out is not None:
            _check(src, *out)
            applied.append(op)
    # Every script supports the core families: data, colour, text and an axis change.
    for op in ("data_series", "color", "title_text", "axis_label", "axis_scale", "axis_limits"):
        assert op in applied, f"{op} does not apply to {name}"
    assert len(applied) >= 11


def test_edits_keep_the_rest_of_the_program() -> None:
    src = SCRIPTS["pyplot_state_machine.py"]
    new, _edit = P.propose(src, random.Random(0), "title_text")  # type: ignore[misc]
    changed = [(a, b) for a, b in zip(src.splitlines(), new.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and "plt.title(" in changed[0][1]
    assert "# format string: colour, line, marker" in new  # comments survive: only the node's span is rewritten


def test_computed_data_is_wrapped_not_rewritten() -> None:
    src = SCRIPTS["numpy_arrays.py"]
    new, edit = P.propose(src, random.Random(0), "data_series")  # type: ignore[misc]
    assert "np.multiply(" in new and edit.category == "data_error"


def test_ops_that_do_not_apply_return_none() -> None:
    single = "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2, 3], [4, 5, 6])\n"
    assert P.propose(single, random.Random(0), "subplot_layout") is None
    assert P.propose(single, random.Random(0), "legend_loc") is None
    assert P.propose(single, random.Random(0), "series_drop") is None
    assert P.propose(single, random.Random(0), "title_text") is None
    assert P.propose("not python (", random.Random(0), "color") is None
    with pytest.raises(ContractError):
        P.propose(single, random.Random(0), "no_such_op")


def test_specific_edits() -> None:
    src = (
        "import matplotlib.pyplot as plt\n"
        "fig, axes = plt.subplots(1, 2)\n"
        "axes[0].bar(['a', 'b', 'c'], [10, 20, 30], color='#1f77b4')\n"
        "axes[1].plot([1, 2, 3], [3, 1, 2])\n"
        "axes[0].set_yscale('log')\n"
    )
    new, e = P.propose(src, random.Random(0), "subplot_layout")  # type: ignore[misc]
    assert "plt.subplots(2, 1)" in new and e.category == "structure_error"
    new, e = P.propose(src, random.Random(0), "chart_type")  # type: ignore[misc]
    assert ("axes[0].plot(" in new or "axes[1].bar(" in new) and e.severity == 3
    new, e = P.propose(src, random.Random(0), "axis_scale")  # type: ignore[misc]
    assert "set_yscale('linear')" in new or 'set_yscale("linear")' in new
    new, e = P.propose(src, random.Random(0), "color")  # type: ignore[misc]
    assert e.category == "style_error" and new != src


def test_data_point_severity_rule() -> None:
    src = "import matplotlib.pyplot as plt\nvalues = [100, 200, 300]\nplt.bar(['a', 'b', 'c'], values)\n"
    seen = set()
    for seed in range(40):
        new, e = P.propose(src, random.Random(seed), "data_point")  # type: ignore[misc]
        tree = ast.parse(new)
        vals = next(
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.List) and all(isinstance(x, ast.Constant) and isinstance(x.value, int) for x in n.elts)
        )
        i = e.params["index"]
        old = [100, 200, 300][i]
        rel = abs(vals.elts[i].value - old) / old
        assert e.severity == (1 if rel < 0.1 else 2 if rel <= 0.5 else 3)
        seen.add(e.severity)
    assert seen == {1, 2, 3}


def test_perturb_is_deterministic_and_composes_distinct_families() -> None:
    src = PROGRAMS[0]
    a = perturb("chart", src, random.Random(42), n_edits=3)
    b = perturb("chart", src, random.Random(42), n_edits=3)
    assert a.source == b.source and a.edits == b.edits
    assert 1 <= len(a.edits) <= 3
    fams = [P.family(e.op) for e in a.edits]
    assert len(set(fams)) == len(fams)
    phases = [P.phase(e.op) for e in a.edits]
    assert phases == sorted(phases)  # structural edits first
    ast.parse(a.source)
    # the chain replays to the same candidate
    cur = src
    for e in a.edits:
        cur = P.apply(cur, e)  # type: ignore[assignment]
    assert cur == a.source


def test_get_perturber() -> None:
    assert isinstance(get_perturber("chart"), ChartPerturber)
    assert get_perturber(Task.SVG).task is Task.SVG


def test_the_contract_loads_no_concrete_perturber_until_asked() -> None:
    # A fresh interpreter: importing the contract, the registry and perturb() must not import
    # chart/table/svg (they import the contract: the other way round would be a circle).
    code = (
        "import sys, verm.perturb.base, verm.perturb.registry, verm.perturb.compose;"
        "print(sorted(m for m in sys.modules if m in ('verm.perturb.chart', 'verm.perturb.table', 'verm.perturb.svg')));"
        "from verm.perturb import get_perturber; get_perturber('table');"
        "print('verm.perturb.table' in sys.modules, 'verm.perturb.svg' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "True False"
    with pytest.raises(UnknownNameError, match="available: chart, svg, table"):
        PERTURBERS.create("gantt")


def test_new_y_limits_are_set_after_the_axes_last_drawing_call() -> None:
    """Limits inserted as ``get_ylim()`` scaled are set after the axes' last drawing call, whichever call was
    drawn: after an earlier one they freeze the range of the data drawn so far and clip every later series (a
    fan chart's bands cut to a rectangle, its truth "widened by 1.35", severity 1)."""
    src = (
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot([0, 1, 2], [50, 51, 50])\n"
        "for k in range(3):\n"
        "    ax.fill_between([2, 3, 4], [50 - k, 40, 30], [50 + k, 60, 80])\n"
        "ax.plot([2, 3, 4], [50, 52, 54])\n"
        "ax.set_title('fan')\n"
    )
    for seed in range(8):
        out = P.propose(src, random.Random(seed), "axis_limits")
        assert out is not None
        new, _edit = out
        lines = new.splitlines()
        at = next(i for i, line in enumerate(lines) if "set_ylim" in line)
        assert lines[at - 1] == "ax.plot([2, 3, 4], [50, 52, 54])", (seed, new)


@pytest.mark.parametrize("receiver", ["ax", "plt"])
def test_new_y_limits_on_a_log_axis_are_scaled_in_decades_after_the_scale_is_set(receiver: str) -> None:
    """Limits inserted before a later ``set_yscale("log")`` were read on the linear axis, started below 0 and
    squeezed every line into the top pixel row (a range "narrowed by 0.75" that hid all the data). They are
    set after the axes' scale and limits, and scaled along the axis as drawn: in decades on a log axis."""
    axes = "fig, ax = plt.subplots()\n" if receiver == "ax" else ""
    src = (
        "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n" + axes
        + f"{receiver}.plot([0, 1, 2, 3], [30, 300, 3000, 30000])\n"
        + f"{receiver}.plot([0, 1, 2, 3], [20, 40, 80, 160])\n"
        + (f"{receiver}.set_yscale('log')\n" if receiver == "ax" else "plt.yscale('log')\n")
        + f"{receiver}.{'set_title' if receiver == 'ax' else 'title'}('users')\n"
    )  # fmt: skip
    probe = "\nimport json\nlo, hi = plt.gca().get_ylim()\nprint(json.dumps([lo, hi]))\n"
    run = [sys.executable, "-c"]
    ref_lo, ref_hi = (float(v) for v in ast.literal_eval(subprocess.check_output([*run, src + probe], text=True)))
    narrowed = 0
    for seed in range(5):
        new, edit = P.propose(src, random.Random(seed), "axis_limits")  # type: ignore[misc]
        lines = new.splitlines()
        assert lines.index(next(x for x in lines if "ylim(" in x)) > lines.index(
            next(x for x in lines if "scale(" in x)
        )
        lo, hi = (float(v) for v in ast.literal_eval(subprocess.check_output([*run, new + probe], text=True)))
        factor = float(edit.description.rsplit(" ", 1)[1])
        assert lo == pytest.approx(ref_lo)
        assert hi == pytest.approx(ref_lo * (ref_hi / ref_lo) ** factor), (seed, new)
        narrowed += factor < 1
    assert narrowed, "no seed drew a narrowed range"
