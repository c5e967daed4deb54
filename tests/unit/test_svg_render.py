"""Fast tests of the pure SVG functions: refusal of hostile input, rendering, scene."""

from __future__ import annotations

import base64
import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from verm.imaging import is_blank, load_rgb
from verm.render.svg import SvgOptions, SvgRefused, prepare_svg, render_svg_png, svg_scene, worker_render

NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(body: str, attrs: str = 'viewBox="0 0 24 24"') -> str:
    return f"<svg {NS} {XLINK} {attrs}>{body}</svg>"


def png_data_uri(size: tuple[int, int] = (4, 4), colour: str = "red") -> str:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


DEFAULT = SvgOptions()


def render(text: str, options: SvgOptions = DEFAULT) -> Image.Image:
    img = Image.open(io.BytesIO(render_svg_png(prepare_svg(text, options), options)))
    img.load()
    return img


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10)
    )
    + f"]>\n<svg {NS}><text>&lol9;</text></svg>"
)

# (name, source, words the refusal must mention)
HOSTILE: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "xxe",
        (
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            f"<svg {NS}><text>&xxe;</text></svg>"
        ),
        ("entity", "line 2"),
    ),
    ("billion laughs", BILLION_LAUGHS, ("entity",)),
    ("image file href", svg('<image href="file:///etc/passwd" width="10" height="10"/>'), ("file:", "<image>")),
    (
        "image xlink http",
        svg('<image xlink:href="http://example.com/x.png" width="10" height="10"/>'),
        ("http:", "href", "<image>"),
    ),
    ("relative path", svg('<image href="../secret.png" width="10" height="10"/>'), ("relative path",)),
    ("network path", svg('<image href="//evil.example/x.png" width="10" height="10"/>'), ("//host",)),
    ("huge canvas", f'<svg {NS} width="100000" height="100000"><rect width="10" height="10"/></svg>', ("100000",)),
    ("huge viewBox", f'<svg {NS} viewBox="0 0 100000 100000"><rect width="10" height="10"/></svg>', ("viewBox",)),
    ("zero width", f'<svg {NS} width="0" height="24"><rect width="10" height="10"/></svg>', ("width", "positive")),
    ("negative viewBox", f'<svg {NS} viewBox="0 0 -5 10"/>', ("viewBox", "positive")),
    ("malformed", f'<svg {NS}>\n  <g>\n    <rect width="1" height="1">\n</svg>', ("malformed", "line", "column")),
    ("script", svg("<script>alert(1)</script>"), ("<script>",)),
    ("foreignObject", svg("<foreignObject><div>x</div></foreignObject>"), ("<foreignObject>",)),
    ("iframe", svg('<iframe src="#x"/>'), ("<iframe>",)),
    (
        "css url http",
        svg('<style>rect { fill: url(http://example.com/p.svg#g); }</style><rect width="5" height="5"/>'),
        ("http:", "url()"),
    ),
    (
        "css url in attribute",
        svg('<rect width="5" height="5" style="fill:url(\'https://example.com/a#b\')"/>'),
        ("https:",),
    ),
    ("css import", svg('<style>@import "http://example.com/a.css";</style><rect width="5" height="5"/>'), ("@import",)),
    ("css escaped import", svg('<style>@\\69mport "a.css";</style>'), ("@import",)),
    ("use outside", svg('<use href="other.svg#icon"/>'), ("relative path", "<use>")),
    ("use file", svg('<use xlink:href="file:///tmp/x.svg#a"/>'), ("file:",)),
    ("non-svg root", f"<html {NS}><body/></html>", ("root", "<html>")),
    ("too many elements", svg('<rect width="1" height="1"/>' * 60_000), ("elements", "50,000")),
    ("deep nesting", svg("<g>" * 10_000 + "</g>" * 10_000), ("nested", "200")),
    (
        "data uri not an image",
        svg('<image href="data:text/html;base64,PGI+eDwvYj4=" width="5" height="5"/>'),
        ("text/html",),
    ),
    ("use cycle", svg('<g id="a"><use href="#a"/></g>'), ("cycle",)),
    (
        "use fan-out bomb",
        svg(
            '<defs><path id="p0" d="M0 0h1"/>'
            + "".join(f'<g id="p{i}">' + f'<use href="#p{i - 1}"/>' * 10 + "</g>" for i in range(1, 8))
            + '</defs><use href="#p7"/>'
        ),
        ("<use>", "expand"),
    ),
    (
        "embedded svg with external ref",
        svg(
            '<image width="5" height="5" href="data:image/svg+xml;base64,'
            + base64.b64encode(f'<svg {NS}><image href="file:///etc/passwd"/></svg>'.encode()).decode()
            + '"/>'
        ),
        ("embedded SVG", "file:"),
    ),
    ("set href animation", svg('<a><set attributeName="href" to="http://example.com/"/></a>'), ("http:", "<set>")),
]


@pytest.mark.parametrize(("source", "words"), [(s, w) for _, s, w in HOSTILE], ids=[n for n, _, _ in HOSTILE])
def test_hostile_input_is_refused_with_a_reason(source: str, words: tuple[str, ...]) -> None:
    with pytest.raises(SvgRefused) as info:
        prepare_svg(source)
    message = str(info.value)
    for word in words:
        assert word.lower() in message.lower(), f"{word!r} not in refusal: {message}"


def test_refusal_is_a_value_error_and_oversize_text_is_refused() -> None:
    with pytest.raises(ValueError, match="bytes"):
        prepare_svg(svg("<!-- " + "x" * 3_000_000 + " -->"))


def test_plain_doctype_is_allowed_and_dropped() -> None:
    src = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        + svg('<rect width="12" height="12" fill="red"/><!-- a comment -->')
    )
    out = prepare_svg(src)
    assert "DOCTYPE" not in out and "comment" not in out
    assert not is_blank(load_rgb(render_svg_png(out, SvgOptions())))


def test_event_handlers_are_dropped() -> None:
    out = prepare_svg(svg('<rect width="5" height="5" onclick="alert(1)"/>', 'viewBox="0 0 24 24" onload="x()"'))
    assert "onclick" not in out and "onload" not in out


def test_missing_xmlns_is_repaired_and_renders() -> None:
    src = '<svg viewBox="0 0 10 10"><use xlink:href="#r"/><defs><rect id="r" width="10" height="5" fill="blue"/></defs>'
    src += "</svg>"
    out = prepare_svg(src)
    assert 'xmlns="http://www.w3.org/2000/svg"' in out
    img = render(src)
    assert img.size == (336, 336) and img.mode == "RGB"
    assert img.getpixel((168, 40)) == (0, 0, 255)  # top half blue (drawn through the repaired xlink:href)
    assert img.getpixel((168, 300)) == (255, 255, 255)


def test_viewbox_only_icon_renders_at_the_default_size() -> None:
    img = render(f'<svg {NS} viewBox="0 0 48 48"><circle cx="24" cy="24" r="20" fill="#43A047"/></svg>')
    assert img.size == (336, 336)
    assert img.getpixel((168, 168)) == (0x43, 0xA0, 0x47)
    assert img.getpixel((2, 2)) == (255, 255, 255)


def test_non_square_drawing_is_fitted_and_centred() -> None:
    # A 2:1 drawing in a square box: full width, centred vertically, white bands above and below.
    img = render(f'<svg {NS} viewBox="0 0 200 100"><rect width="200" height="100" fill="red"/></svg>')
    assert img.size == (336, 336)
    arr = np.asarray(img)
    red_rows = np.nonzero((arr[:, 168] == (255, 0, 0)).all(axis=1))[0]
    assert red_rows.min() == 84 and red_rows.max() == 251
    assert img.getpixel((168, 10)) == (255, 255, 255)


def test_custom_size_and_background() -> None:
    opts = SvgOptions(width=128, height=64, background="#000000")
    img = render(f'<svg {NS} viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/></svg>', opts)
    assert img.size == (128, 64)
    assert img.getpixel((64, 32)) == (255, 0, 0)
    assert img.getpixel((5, 32)) == (0, 0, 0)  # side bands take the background colour


def test_data_uri_png_image_is_allowed() -> None:
    src = svg(f'<image href="{png_data_uri()}" x="0" y="0" width="24" height="24"/>')
    img = render(src)
    assert img.getpixel((168, 168)) == (255, 0, 0)


def test_huge_data_uri_raster_is_refused() -> None:
    # Only a PNG header (and an empty IDAT) claiming 20000x20000 pixels: the check must not need the pixels.
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    idat = b"IDAT" + zlib.compress(b"")

    def chunk(body: bytes) -> bytes:
        return struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))

    header = b"\x89PNG\r\n\x1a\n" + chunk(ihdr) + chunk(idat)
    uri = "data:image/png;base64," + base64.b64encode(header).decode("ascii")
    with pytest.raises(SvgRefused, match="pixels"):
        prepare_svg(svg(f'<image href="{uri}" width="5" height="5"/>'))


def test_embedded_svg_data_uri_is_checked_and_renders() -> None:
    inner = f'<svg {NS} viewBox="0 0 4 4"><rect width="4" height="4" fill="blue"/></svg>'
    uri = "data:image/svg+xml;base64," + base64.b64encode(inner.encode()).decode("ascii")
    img = render(svg(f'<image href="{uri}" width="24" height="24"/>'))
    assert img.getpixel((168, 168)) == (0, 0, 255)


def test_current_color_icon_renders_black_strokes() -> None:
    src = (
        f'<svg {NS} width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">'
        '<line x1="4" y1="12" x2="20" y2="12"/></svg>'
    )
    img = render(src)
    assert not is_blank(img)
    assert img.getpixel((168, 168)) == (0, 0, 0)


def test_same_document_references_are_allowed() -> None:
    src = svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/>'
        '</linearGradient></defs><rect width="24" height="24" fill="url(#g)"/><use href="#g"/>'
    )
    assert not is_blank(render(src))


def test_resvg_failure_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="resvg"):
        render_svg_png("not svg at all", SvgOptions())


def test_options_reject_a_huge_output() -> None:
    with pytest.raises(ValueError, match="width"):
        SvgOptions(width=100_000)


def test_svg_scene_lists_elements_with_fills_and_texts() -> None:
    src = (
        f'<svg {NS} width="100" height="100" viewBox="0 0 100 100">'
        '<g fill="#ff0000"><rect id="box" x="0" y="0" width="50" height="50"/>'
        '<circle cx="75" cy="75" r="25" fill="blue"/></g>'
        '<path d="M10 90 L40 60" stroke="green" stroke-width="4" fill="none"/>'
        '<text x="50" y="20" font-size="10" text-anchor="middle">Hello <tspan>world</tspan></text>'
        '<defs><rect id="hidden" width="5" height="5"/></defs></svg>'
    )
    scene = svg_scene(prepare_svg(src), (336, 336))
    assert scene["viewBox"] == [0, 0, 100, 100] and scene["width"] == "100"
    tags = [e["tag"] for e in scene["elements"]]
    assert tags == ["rect", "circle", "path", "text"]  # document order, nothing from <defs>
    rect, circle, path, text = scene["elements"]
    assert rect["id"] == "box" and rect["fill"] == "#ff0000"  # inherited from the group
    assert rect["bbox"] == pytest.approx([0, 0, 0.5, 0.5])
    assert circle["fill"] == "#0000ff" and circle["bbox"] == pytest.approx([0.5, 0.5, 1, 1])
    assert path["stroke"] == "#008000" and path["stroke_width"] == 4 and path["d"].startswith("M10 90")
    assert path["bbox"] == pytest.approx([0.08, 0.58, 0.42, 0.92])
    assert text["text"] == "Hello world" and text["fill"] == "#000000"
    assert 0.1 < text["bbox"][0] < 0.5 < text["bbox"][2] < 0.9


def test_scene_bbox_follows_transforms_and_arcs() -> None:
    src = (
        f'<svg {NS} viewBox="0 0 16 16"><g transform="translate(8 0) scale(0.5)">'
        '<path d="M16 8A8 8 0 1 1 0 8a8 8 0 0 1 16 0"/></g></svg>'
    )
    (circle,) = svg_scene(prepare_svg(src), (336, 336))["elements"]
    assert circle["bbox"] == pytest.approx([0.5, 0, 1, 0.5], abs=0.01)


def test_worker_render_returns_png_and_scene() -> None:
    png, scene = worker_render(
        {"source": svg('<rect width="12" height="24" fill="red"/>'), "width": 64, "height": 32, "background": "white"}
    )
    img = load_rgb(png)
    assert img.size == (64, 32)
    assert scene is not None and scene["png_size"] == [64, 32]
    assert scene["elements"][0]["bbox"] == pytest.approx([0.25, 0, 0.5, 1])
    with pytest.raises(SvgRefused):
        worker_render({"source": svg("<script/>"), "width": 64, "height": 64, "background": "white"})
