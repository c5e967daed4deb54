"""The conformance suite every renderer passes: bad input is a render_error with
a reason (never an exception), results keep input order, progress is reported
once per item. A new renderer is done when this is green for it."""

from __future__ import annotations

import pytest
from tests.conftest import bar_chart

from verm.render import get_renderer
from verm.types import Rendering, Status

GOOD = {
    "chart": bar_chart(),
    "svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="6" height="6" fill="#2a9d8f"/></svg>',
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
}
BAD = {
    "chart": "raise RuntimeError('boom')",
    "svg": "<svg><rect</svg>",
    "table": "<table>" + "<tr><td>x</td></tr>" * 100_000 + "</table>",
}


@pytest.fixture(scope="module", params=sorted(GOOD))
def renderer(request):
    r = get_renderer(request.param)
    r.name = request.param
    yield r
    r.close()


def test_empty_and_oversized_sources_are_render_errors(renderer):
    huge = "x" * 3_000_000
    for src in ("", "   \n", huge):
        out = renderer.render(src)
        assert out.status is Status.RENDER_ERROR and out.reason, (renderer.name, src[:10])


def test_garbage_is_a_render_error_not_an_exception(renderer):
    out = renderer.render("\x00\xff\ufffd not code at all <<<")  # must return, not raise
    assert out.ok or out.reason, out


def test_order_is_kept_and_progress_is_once_per_item(renderer):
    good, bad = GOOD[renderer.name], BAD[renderer.name]
    sources = [good, bad, good, "", bad, good]
    seen: list[int] = []

    def progress(i: int, r: Rendering) -> None:
        seen.append(i)

    results = renderer.render_many(sources, progress=progress)
    assert [r.ok for r in results] == [True, False, True, False, False, True]
    assert all(r.reason for r in results if not r.ok)
    assert sorted(seen) == list(range(len(sources)))
    assert results[0].png == results[2].png == results[5].png
    assert all(r.task.value == renderer.name for r in results)
