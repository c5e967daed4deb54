"""Hostile SVG through the full renderer: refused with a reason, the pool unharmed."""

from __future__ import annotations

import pytest

from verm.render.sandbox import RenderLimits
from verm.render.svg import SvgRenderer
from verm.types import Status

GOOD = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8" fill="#e63946"/></svg>'
)

HOSTILE = {
    "xxe": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', "entit"),
    "billion_laughs": (
        '<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg><text>&c;</text></svg>',
        "entit",
    ),
    "image_file_href": ('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>', "file:"),
    "image_http_href": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="http://127.0.0.1:9/x.png" width="10" height="10"/></svg>',
        "http",
    ),
    "huge_canvas": ('<svg width="100000" height="100000"><rect width="10" height="10"/></svg>', "out of range"),
    "malformed": ("<svg><rect width='3'</svg>", "malformed"),
    "script": ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
}


@pytest.fixture(scope="module")
def renderer():
    r = SvgRenderer(limits=RenderLimits(timeout_s=5, cpu_s=3), workers=2)
    yield r
    r.close()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_svg_is_refused_and_pool_unharmed(renderer, name):
    text, expected = HOSTILE[name]
    good_before = renderer.render(GOOD)
    out = renderer.render(text)
    assert out.status is Status.RENDER_ERROR
    assert expected in out.reason.lower()
    after = renderer.render(GOOD)
    assert after.ok and after.png == good_before.png


def test_worker_itself_refuses_unprepared_input(renderer):
    # Even a payload that skipped the host check cannot make the worker read files.
    res = renderer.pool.run_many(
        renderer.function,
        [{"source": HOSTILE["image_file_href"][0], "width": 64, "height": 64, "background": "white"}],
    )[0]
    assert not res.ok and "file:" in res.reason


def test_svg_text_renders_inside_the_sandbox(renderer):
    # Fonts must be readable in the sandbox: text that silently vanished would look like a blank icon.
    from verm.imaging import is_blank

    out = renderer.render(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><text x="5" y="30" font-size="28">Hi</text></svg>'
    )
    assert out.ok and not is_blank(out.image())
