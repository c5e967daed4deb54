"""Scene judge, SVG: cheap outputs of the red team (round 14) cost more than an honest attempt's three edits.

The "union box" hack (`verm.bench.hacks_more`) draws the icon as one rectangle over the box of all its elements:
the rectangle pairs with the reference's first path (the same box), whose geometry reads as no edit, and every
other change lies on its pixels, so before this rule the whole icon redrawn cost one item of severity 3 (1.94),
above honest candidates of two or three edits."""

from __future__ import annotations

from verm.bench.hacks import hack_sources
from verm.judge.scene import SceneJudge
from verm.render.svg import prepare_svg, worker_render
from verm.types import Discrepancy, Rendering, Task

# A filled "T" (one path), and a card with a glyph on it (two paths).
T_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="currentColor">'
    '<path d="M2 1h12v3H9.5v11h-3V4H2z"/></svg>'
)
CARD = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="currentColor">'
    '<path d="M4 0h8a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V2a2 2 0 0 1 2-2zm0 1a1 1 0 0 0-1 1v12a1 1 0 0 0 1 1h8'
    'a1 1 0 0 0 1-1V2a1 1 0 0 0-1-1z"/><path d="M6 5h4v1H6zm0 3h4v1H6z"/></svg>'
)

# A stroked outline icon (feather's "cast"): the box, stroked as the icon, keeps 0.63 of its pixels' IoU.
CAST = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" '
    'stroke-linecap="round" stroke-linejoin="round"><path d="M2 16.1A5 5 0 0 1 5.9 20M2 12.05A9 9 0 0 1 9.95 20M2 '
    '8V6a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-6"></path><line x1="2" y1="20" x2="2.01" y2="20"></line></svg>'
)


def render(text: str) -> Rendering:
    png, scene = worker_render({"source": prepare_svg(text), "width": 336, "height": 336, "background": "white"})
    return Rendering(task=Task.SVG, png=png, scene=scene, source=text)


def judged(ref: str, cand: str) -> list[Discrepancy]:
    judgment = SceneJudge().judge(Task.SVG, render(ref), render(cand))
    assert judgment.status.value == "ok", judgment.reason
    return judgment.discrepancies


def test_icon_redrawn_as_its_bounding_box_costs_more_than_three_honest_edits() -> None:
    for ref in (T_ICON, CARD, CAST):
        box = hack_sources(Task.SVG, ref, ["union box"])["union box"]
        found = judged(ref, box)
        # Three honest edits cost at most 9; the icon gone under a box is the pile-up of an icon gone.
        assert sum(d.severity for d in found) > 9, [(d.severity, d.description) for d in found]
        assert any("icon is empty" in d.description for d in found)


def test_a_point_moved_on_the_path_is_still_one_edit() -> None:
    moved = T_ICON.replace("H9.5v11", "H10.5v11")
    found = judged(T_ICON, moved)
    assert len(found) == 1 and found[0].category == "shape_error"
