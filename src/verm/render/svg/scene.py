"""The SVG's scene for the scene judge: each drawn element with its paint, stroke, transform and box in image
fractions (`svg_scene`); pure, runs in the sandboxed worker after the render."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from typing import Any

from lxml import etree
from PIL import ImageColor

from verm.render.svg.checks import (
    _LENGTH_RE,
    _UNIT_PX,
    XLINK_NS,
    _parse,
    _parse_length,
    _parse_viewbox,
)
from verm.svg_path import IDENTITY, NUMBER_RE, Matrix, apply, mul, parse_transform, path_outline

logger = logging.getLogger(__name__)

_DRAWABLE = frozenset({"rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text", "image", "use"})
#: Containers whose content is not drawn where it stands (referenced or metadata).
_NOT_RENDERED = frozenset(
    {
        "defs", "clipPath", "mask", "pattern", "marker", "symbol", "linearGradient", "radialGradient", "filter",
        "style", "script", "title", "desc", "metadata", "font", "font-face",
    }
)  # fmt: skip
_INHERITED = ("fill", "stroke", "stroke-width", "color", "font-size", "text-anchor", "visibility")
_DEFAULTS = {"fill": "black", "stroke": "none", "stroke-width": "1", "color": "black", "font-size": "16"}
_MAX_SCENE_ELEMENTS = 5000
_MAX_D = 200
_MAX_D_FULL = 20000  # the ``d_full`` key: long enough to compare icon paths point by point
_MAX_POINTS = 2000


def _style_of(el: etree._Element) -> dict[str, str]:
    """Presentation attributes overridden by the ``style`` attribute (stylesheets are not applied)."""
    out = {k: v for k, v in el.attrib.items() if isinstance(k, str) and "{" not in k}
    for decl in (el.get("style") or "").split(";"):
        key, sep, value = decl.partition(":")
        if sep:
            out[key.strip().lower()] = value.replace("!important", "").strip()
    return out


def _num(value: str | None, default: float = 0.0, ref: float = 0.0) -> float:
    """A length in user units; percentages relative to ``ref``."""
    if value is None:
        return default
    m = _LENGTH_RE.match(value)
    if not m:
        return default
    number = float(m.group(1))
    unit = (m.group(2) or "").lower()
    if unit == "%":
        return number / 100 * ref
    return number * _UNIT_PX.get(unit, 1.0)


def _colour(value: str | None, current: str) -> str | None:
    if value is None:
        return None
    v = value.strip()
    if v.lower() == "currentcolor":
        v = current
    try:
        r, g, b = ImageColor.getrgb(v)[:3]
        return f"#{r:02x}{g:02x}{b:02x}"
    except ValueError:
        return v.lower() if v.lower() in ("none", "transparent") else v


def _local_box(tag: str, el: etree._Element, st: dict[str, str], vw: float, vh: float) -> list[tuple[float, float]]:
    """Corner points of an element's rough bounding box in its own user space."""
    if tag in ("rect", "image", "use"):
        x, y = _num(st.get("x"), ref=vw), _num(st.get("y"), ref=vh)
        if tag == "use":
            return []
        w, h = _num(st.get("width"), ref=vw), _num(st.get("height"), ref=vh)
        return [(x, y), (x + w, y + h)] if w > 0 and h > 0 else []
    if tag == "circle":
        cx, cy, r = _num(st.get("cx"), ref=vw), _num(st.get("cy"), ref=vh), _num(st.get("r"), ref=math.hypot(vw, vh))
        return [(cx - r, cy - r), (cx + r, cy + r)] if r > 0 else []
    if tag == "ellipse":
        cx, cy = _num(st.get("cx"), ref=vw), _num(st.get("cy"), ref=vh)
        rx, ry = _num(st.get("rx"), -1, ref=vw), _num(st.get("ry"), -1, ref=vh)
        rx, ry = (rx if rx >= 0 else ry), (ry if ry >= 0 else rx)
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)] if rx > 0 and ry > 0 else []
    if tag == "line":
        return [
            (_num(st.get("x1"), ref=vw), _num(st.get("y1"), ref=vh)),
            (_num(st.get("x2"), ref=vw), _num(st.get("y2"), ref=vh)),
        ]
    if tag in ("polyline", "polygon"):
        nums = [float(n) for n in NUMBER_RE.findall(st.get("points", ""))]
        return list(zip(nums[0::2], nums[1::2], strict=False))  # an odd count drops the last
    if tag == "path":
        return path_outline(st.get("d", ""), per_curve=16)
    if tag == "text":
        xs, ys = NUMBER_RE.findall(st.get("x", "0")), NUMBER_RE.findall(st.get("y", "0"))
        x, y = float(xs[0]) if xs else 0.0, float(ys[0]) if ys else 0.0
        size = _num(st.get("font-size"), 16.0)
        content = " ".join("".join(el.itertext()).split())
        width = 0.55 * size * len(content)  # rough average glyph advance
        anchor = st.get("text-anchor", "start")
        x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        return [(x0, y - 0.8 * size), (x0 + width, y + 0.2 * size)] if content else []
    return []


def _root_matrix(root: etree._Element, png_size: tuple[int, int]) -> tuple[Matrix, float, float]:
    """User space of the root -> output pixels, as resvg + centring do it; also the viewBox size."""
    vb = _parse_viewbox(root.get("viewBox") or "")
    w = h = None
    try:
        w = _parse_length(root.get("width") or "auto")
        h = _parse_length(root.get("height") or "auto")
    except ValueError:
        pass
    if vb is not None and vb[2] > 0 and vb[3] > 0:
        vw, vh = vb[2], vb[3]
        if w is None and h is None:
            w, h = vw, vh
        elif w is None:
            w = h * vw / vh  # type: ignore[operator]
        elif h is None:
            h = w * vh / vw
        s = min(w / vw, h / vh)  # type: ignore[operator]
        m: Matrix = (s, 0, 0, s, (w - vw * s) / 2 - vb[0] * s, (h - vh * s) / 2 - vb[1] * s)  # type: ignore[operator]
    else:
        w, h = w or 100.0, h or 100.0
        vw, vh = w, h
        m = IDENTITY
    big_w, big_h = png_size
    k = min(big_w / w, big_h / h)
    fit: Matrix = (k, 0, 0, k, (big_w - round(w * k)) // 2, (big_h - round(h * k)) // 2)
    return mul(fit, m), vw, vh


def _iter_drawn(root: etree._Element) -> Iterator[tuple[etree._Element, Matrix, dict[str, str]]]:
    """Drawable elements in document order with their CTM and inherited style."""
    base = dict(_DEFAULTS)
    stack: list[tuple[etree._Element, Matrix, dict[str, str]]] = [(root, IDENTITY, base)]
    while stack:
        el, parent_m, parent_style = stack.pop()
        tag = etree.QName(el).localname
        own = _style_of(el)
        if tag in _NOT_RENDERED or own.get("display", "").strip() == "none":
            continue
        style = dict(parent_style)
        for key in _INHERITED:
            if key in own and own[key].strip().lower() != "inherit":
                style[key] = own[key]
        for key, value in own.items():
            if key not in _INHERITED:
                style[key] = value
        m = mul(parent_m, parse_transform(el.get("transform") or "") or IDENTITY)
        if el is not root and tag == "svg":
            m = mul(m, (1, 0, 0, 1, _num(el.get("x")), _num(el.get("y"))))
        if tag in _DRAWABLE:
            yield el, m, style
            if tag == "text":
                continue  # tspans belong to their text
        # Non-inherited keys must not leak into children.
        child_style = {k: v for k, v in style.items() if k in _INHERITED}
        stack.extend((c, m, child_style) for c in reversed(el) if isinstance(c.tag, str))


def svg_scene(text: str, png_size: tuple[int, int]) -> dict[str, Any]:
    """A plain-data scene of an SVG: its size and drawable elements in document order.

    Each element has ``tag``, ``id``, computed ``fill``/``stroke`` (inherited,
    ``currentColor`` resolved, colours as ``#rrggbb``), ``stroke_width``, its own
    ``transform``, ``text`` (for ``<text>``), ``d`` (paths, truncated; the whole of a
    longer one in ``d_full``), ``points`` (``[x, y]`` in user units for
    ``<polygon>``, ``<polyline>`` and ``<line>``) and a rough
    ``bbox`` [x0, y0, x1, y1] as fractions of the output image (``None`` where it is
    not cheap: ``<use>``, empty shapes). Stylesheet (``<style>``) rules are not applied.
    """
    root = _parse(text)
    top, vw, vh = _root_matrix(root, png_size)
    big_w, big_h = png_size
    elements: list[dict[str, Any]] = []
    truncated = False
    for el, m, st in _iter_drawn(root):
        if len(elements) >= _MAX_SCENE_ELEMENTS:
            truncated = True
            break
        tag = etree.QName(el).localname
        current = st.get("color", "black")
        fill = _colour(st.get("fill"), current)
        stroke = _colour(st.get("stroke"), current)
        stroke_width = _num(st.get("stroke-width"), 1.0, ref=math.hypot(vw, vh) / math.sqrt(2))
        bbox = None
        pts = _local_box(tag, el, st, vw, vh)
        if pts:
            ctm = mul(top, m)
            pad = stroke_width / 2 if stroke not in (None, "none") else 0.0
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            corners = [
                (min(xs) - pad, min(ys) - pad),
                (max(xs) + pad, min(ys) - pad),
                (min(xs) - pad, max(ys) + pad),
                (max(xs) + pad, max(ys) + pad),
            ]
            px = [apply(ctm, cx, cy) for cx, cy in corners]
            x0 = min(max(min(p[0] for p in px) / big_w, 0.0), 1.0)
            x1 = min(max(max(p[0] for p in px) / big_w, 0.0), 1.0)
            y0 = min(max(min(p[1] for p in px) / big_h, 0.0), 1.0)
            y1 = min(max(max(p[1] for p in px) / big_h, 0.0), 1.0)
            if all(map(math.isfinite, (x0, y0, x1, y1))):
                bbox = [round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4)]
        d = el.get("d") if tag == "path" else None
        item: dict[str, Any] = {
            "tag": tag,
            "id": el.get("id"),
            "fill": fill,
            "stroke": stroke,
            "stroke_width": stroke_width,
            "transform": el.get("transform"),
            "text": " ".join("".join(el.itertext()).split()) if tag == "text" else None,
            "d": (d if len(d) <= _MAX_D else d[:_MAX_D] + "...") if d is not None else None,
            "bbox": bbox,
        }
        if d is not None and len(d) > _MAX_D and len(d) <= _MAX_D_FULL:
            item["d_full"] = d
        if tag in ("polygon", "polyline", "line"):
            pl = _local_box(tag, el, st, vw, vh)
            if 0 < len(pl) <= _MAX_POINTS:
                item["points"] = [[round(x, 4), round(y, 4)] for x, y in pl]
        if tag == "use":
            item["href"] = (el.get("href") or el.get(f"{{{XLINK_NS}}}href") or "").strip() or None
        elements.append(item)
    vb = _parse_viewbox(root.get("viewBox") or "")
    return {
        "width": root.get("width"),
        "height": root.get("height"),
        "viewBox": list(vb) if vb else None,
        "png_size": [big_w, big_h],
        "elements": elements,
        "truncated": truncated,
    }
