"""SVG rendering: pure functions on both sides of the sandbox.

* :func:`prepare_svg` runs on the host, before the sandbox. Model-written SVG is
  hostile: it is parsed with a hardened parser and refused (:class:`SvgRefused`,
  with what, where and what is allowed) when it declares entities, reaches for
  anything outside the document (files, network, relative paths), carries
  script or HTML, or is built to exhaust the renderer (huge canvas, element or
  nesting bombs, ``<use>`` fan-out). What passes is re-serialized from the
  checked tree, so the renderer sees exactly what was checked.
* :func:`render_svg_png`, :func:`svg_scene` and :func:`worker_render` run inside
  the sandboxed worker (they are pure and also safe to call on the host).
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import math
import re
import urllib.parse
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from PIL import Image, ImageColor

from verm.imaging import to_png
from verm.render.pooled import PooledRenderer, Refused
from verm.render.sandbox import RenderLimits
from verm.svg_path import IDENTITY, NUMBER, NUMBER_RE, Matrix, apply, mul, parse_transform, path_outline
from verm.types import Task

logger = logging.getLogger(__name__)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XHTML_NS = "http://www.w3.org/1999/xhtml"

#: Output sizes a caller may ask for (a guard against a huge raster, not a style choice).
MAX_OUTPUT_SIDE = 8192

#: Elements that run code or embed other documents; lower-case local names.
FORBIDDEN_TAGS = frozenset({"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "handler"})

#: data: URI media types accepted for images (what resvg can decode).
DATA_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/svg+xml"})

#: Largest decoded raster inside a data: URI, in pixels (the sandbox has a memory limit too).
MAX_DATA_IMAGE_PIXELS = 16_000_000

#: How deep data:image/svg+xml documents may nest inside each other.
MAX_DATA_SVG_NESTING = 2

#: CSS px per unit (CSS 96 dpi; em/ex at the default 16px font).
_UNIT_PX = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0, "em": 16.0}
_UNIT_PX["ex"] = 8.0

_LENGTH_RE = re.compile(rf"^\s*({NUMBER})\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*$", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.IGNORECASE)
_ENTITY_DECL_RE = re.compile(r"<!ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET_RE = re.compile(r"<!DOCTYPE(?:[^\[>\"']|\"[^\"]*\"|'[^']*')*\[", re.IGNORECASE)
# The root start tag after an optional prolog (comments, PIs, a DOCTYPE without internal subset).
_ROOT_TAG_RE = re.compile(
    r"^(?:\s|<!--.*?-->|<\?.*?\?>|<!DOCTYPE(?:[^\[>\"']|\"[^\"]*\"|'[^']*')*>)*"
    r"(<svg(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)",
    re.DOTALL | re.IGNORECASE,
)
_CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_ESCAPE_RE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)
_CSS_URL_RE = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\s]*))\s*\)", re.IGNORECASE)
_LXML_POSITION_RE = re.compile(r",\s*line \d+, column \d+\s*$")


@dataclass(frozen=True)
class SvgOptions:
    """Output size and background, and the limits :func:`prepare_svg` enforces."""

    width: int = 336
    height: int = 336
    background: str = "white"
    #: Largest source accepted, in UTF-8 bytes.
    max_bytes: int = 2_000_000
    #: Most elements accepted (also caps the count after expanding ``<use>`` references).
    max_elements: int = 50_000
    #: Largest declared width/height/viewBox side accepted, in user units or px.
    max_canvas: float = 20_000
    #: Deepest element nesting accepted.
    max_depth: int = 200

    def __post_init__(self) -> None:
        for name in ("width", "height"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_OUTPUT_SIDE:
                raise ValueError(f"SvgOptions.{name}={value!r}: expected an integer pixel size in 1..{MAX_OUTPUT_SIDE}")


class SvgRefused(ValueError):
    """An SVG that verm will not render; the message says what, where and what is allowed."""


# --------------------------------------------------------------------------- parsing


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers are not thread-safe. Entities are never
    # resolved, nothing is fetched, no DTD is loaded, and libxml2's own size and
    # depth guards stay on (huge_tree=False).
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _repair_namespaces(text: str) -> str:
    """Add a missing ``xmlns`` (and ``xmlns:xlink`` when ``xlink:`` is used) to the root tag.

    Models often forget both; without ``xmlns`` most renderers see no SVG at all and
    an undeclared ``xlink:`` prefix is malformed XML.
    """
    m = _ROOT_TAG_RE.match(text)
    if not m:
        return text
    tag = m.group(1)
    additions = []
    if not re.search(r"\sxmlns\s*=", tag):
        additions.append(f'xmlns="{SVG_NS}"')
    if "xlink:" in text and not re.search(r"\sxmlns:xlink\s*=", tag):
        additions.append(f'xmlns:xlink="{XLINK_NS}"')
    if not additions:
        return text
    logger.debug("repairing root <svg>: adding %s", ", ".join(additions))
    insert_at = m.start(1) + len("<svg")
    return text[:insert_at] + " " + " ".join(additions) + text[insert_at:]


def _parse(text: str, max_depth: int = 200) -> etree._Element:
    """Parse SVG text with the hardened parser; refuse entity declarations and malformed XML."""
    text = text.lstrip("\ufeff")
    # The XML declaration is dropped (the text is already decoded, and lxml refuses
    # str input that declares an encoding); its newlines stay so line numbers hold.
    text = _XML_DECL_RE.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    m = _ENTITY_DECL_RE.search(text)
    if m:
        raise SvgRefused(
            f"entity declaration (<!ENTITY ...>) on line {_line_of(text, m.start())}: entities are refused, "
            "never expanded (they are how XXE and 'billion laughs' attacks work); write the content out instead"
        )
    m = _INTERNAL_SUBSET_RE.search(text)
    if m:
        raise SvgRefused(
            f"DOCTYPE with an internal subset ([...]) on line {_line_of(text, m.start())}: "
            "only a plain DOCTYPE (or none) is allowed"
        )
    text = _repair_namespaces(text)
    try:
        return etree.fromstring(text, _parser())
    except etree.XMLSyntaxError as exc:
        msg = _LXML_POSITION_RE.sub("", str(exc.msg or exc)).strip()
        line, col = exc.position if exc.position else (exc.lineno, 0)
        if "Excessive depth" in msg:
            raise SvgRefused(
                f"elements nested deeper than {max_depth} levels (the parser stopped at line {line}, "
                f"column {col}); at most {max_depth} levels are allowed"
            ) from None
        raise SvgRefused(f"malformed XML at line {line}, column {col}: {msg}") from None
    except ValueError as exc:  # e.g. lxml's refusal of control characters
        raise SvgRefused(f"malformed XML: {exc}") from None


# --------------------------------------------------------------------------- checks


def _where(el: etree._Element) -> str:
    return f"<{etree.QName(el).localname}> on line {el.sourceline}"


def _parse_length(value: str) -> float | None:
    """A length in px, or None for ``auto`` / a percentage; ValueError when it is not a length."""
    if value.strip().lower() == "auto":
        return None
    m = _LENGTH_RE.match(value)
    if not m:
        raise ValueError(value)
    unit = (m.group(2) or "").lower()
    if unit == "%":
        return None
    number = float(m.group(1))
    if not math.isfinite(number):
        raise ValueError(value)
    return number * _UNIT_PX[unit]


def _parse_viewbox(value: str) -> tuple[float, float, float, float] | None:
    parts = [p for p in re.split(r"[\s,]+", value.strip()) if p]
    if len(parts) != 4 or not all(re.fullmatch(NUMBER, p) for p in parts):
        return None
    nums = tuple(float(p) for p in parts)
    if not all(math.isfinite(n) for n in nums):
        return None
    return nums  # type: ignore[return-value]


def _check_canvas(el: etree._Element, options: SvgOptions) -> None:
    """Refuse a declared size or viewBox that is huge, non-positive or not a length."""
    for name in ("width", "height"):
        raw = el.get(name)
        if raw is None:
            continue
        try:
            px = _parse_length(raw)
        except ValueError:
            raise SvgRefused(
                f"{name}={raw!r} on {_where(el)} is not a length; use a number with an optional unit "
                "(px, pt, mm, cm, in, em, %) or 'auto'"
            ) from None
        if px is not None and not 0 < px <= options.max_canvas:
            raise SvgRefused(
                f"{name}={raw!r} on {_where(el)} is out of range; a canvas side must be positive and at most "
                f"{options.max_canvas:g} px"
            )
    raw = el.get("viewBox")
    if raw is not None:
        vb = _parse_viewbox(raw)
        if vb is None:
            raise SvgRefused(f"viewBox={raw!r} on {_where(el)} is not four numbers 'min-x min-y width height'")
        if not (0 < vb[2] <= options.max_canvas and 0 < vb[3] <= options.max_canvas):
            raise SvgRefused(
                f"viewBox={raw!r} on {_where(el)} has a size of {vb[2]:g} x {vb[3]:g}; each side must be positive "
                f"and at most {options.max_canvas:g} user units"
            )


def _check_data_uri(uri: str, where: str, options: SvgOptions, nesting: int, in_css: bool) -> str | None:
    """Check a data: URI; returns a replacement URI for an embedded SVG (re-serialized after checks)."""
    head, sep, payload = uri[5:].partition(",")
    if not sep:
        raise SvgRefused(f"malformed data: URI in {where}: expected 'data:<type>[;base64],<data>'")
    params = [p.strip().lower() for p in head.split(";")]
    media = params[0] or "text/plain"
    is_base64 = "base64" in params[1:]
    allowed = ", ".join(sorted(DATA_IMAGE_TYPES))
    if media not in DATA_IMAGE_TYPES or (in_css and media == "image/svg+xml"):
        kinds = allowed if not in_css else ", ".join(sorted(DATA_IMAGE_TYPES - {"image/svg+xml"}))
        raise SvgRefused(f"data: URI of type {media!r} in {where}; only images are allowed ({kinds})")
    try:
        data = (
            base64.b64decode(re.sub(r"\s+", "", urllib.parse.unquote(payload)), validate=True)
            if is_base64
            else urllib.parse.unquote_to_bytes(payload)
        )
    except (binascii.Error, ValueError):
        raise SvgRefused(f"data: URI in {where} has invalid base64 data") from None
    if media == "image/svg+xml":
        if nesting >= MAX_DATA_SVG_NESTING:
            raise SvgRefused(
                f"SVG images nested more than {MAX_DATA_SVG_NESTING} levels deep in data: URIs ({where}); "
                "inline the drawing instead"
            )
        try:
            inner_text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise SvgRefused(f"embedded SVG data: URI in {where} is not UTF-8") from None
        try:
            inner = _prepare(inner_text, options, nesting + 1)
        except SvgRefused as exc:
            raise SvgRefused(f"embedded SVG image in {where}: {exc}") from None
        # Re-encode the checked serialization so the renderer parses what was checked.
        return "data:image/svg+xml;base64," + base64.b64encode(inner.encode("utf-8")).decode("ascii")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            # Only the header is read here; the pixels are decoded by the renderer, in the sandbox.
            with Image.open(io.BytesIO(data)) as img:
                w, h = img.size
        except Image.DecompressionBombError:
            w = h = -1  # Pillow's own bomb guard: far more pixels than allowed
        except (OSError, ValueError, SyntaxError):
            raise SvgRefused(
                f"data: URI image in {where} is not a readable {media} image; allowed are PNG, JPEG, GIF, WebP, SVG"
            ) from None
    if w < 0 or w * h > MAX_DATA_IMAGE_PIXELS or max(w, h) > options.max_canvas:
        size = "hundreds of millions of pixels" if w < 0 else f"{w}x{h} px"
        raise SvgRefused(
            f"data: URI image in {where} is {size}; at most {MAX_DATA_IMAGE_PIXELS:,} pixels and "
            f"{options.max_canvas:g} px a side are allowed"
        )
    return None


def _describe_url(url: str) -> str:
    low = url.lower()
    if low.startswith("//"):
        return "a network reference (//host)"
    if low.startswith(("/", "\\")):
        return "an absolute file path"
    m = re.match(r"([a-z][a-z0-9+.\-]*):", low)
    if m:
        return f"a URL with scheme {m.group(1)}:"
    return "a relative path"


def _check_url(url: str, where: str, options: SvgOptions, nesting: int, in_css: bool = False) -> str | None:
    """Allow same-document fragments (#id) and data: images; refuse everything else."""
    url = url.strip()
    if url == "" or url.startswith("#"):
        return None
    if url.lower().startswith("data:"):
        return _check_data_uri(url, where, options, nesting, in_css)
    shown = url if len(url) <= 80 else url[:77] + "..."
    raise SvgRefused(
        f"{_describe_url(url)} ({shown!r}) in {where}: external resources are refused; only same-document "
        "references ('#id') and data:image/... URIs are allowed"
    )


def _css_unescape(css: str) -> str:
    # CSS escapes could hide 'url(' or '@import' from a plain text search.
    css = _CSS_COMMENT_RE.sub("", css)

    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return m.group(2)

    return _CSS_ESCAPE_RE.sub(repl, css)


def _check_css(css: str, where: str, options: SvgOptions, nesting: int) -> None:
    """Refuse @import and any url() that is not '#id' or a data: image."""
    plain = _css_unescape(css)
    low = plain.lower()
    if "@import" in low:
        raise SvgRefused(f"CSS @import in {where}: stylesheets cannot load other files; put the rules inline")
    found = 0
    for m in _CSS_URL_RE.finditer(plain):
        found += 1
        url = next(g for g in m.groups() if g is not None)
        _check_url(url, f"a CSS url() in {where}", options, nesting, in_css=True)
    if low.count("url(") != found:
        raise SvgRefused(f"a CSS url(...) in {where} could not be read; write it as url(#id) or url(data:image/...)")


def _check_use_expansion(root: etree._Element, options: SvgOptions) -> None:
    """Refuse ``<use>`` cycles and fan-out that expands past max_elements (a 'billion laughs' of SVG)."""
    ids: dict[str, etree._Element] = {}
    uses: dict[etree._Element, etree._Element] = {}
    for el in root.iter(etree.Element):
        for key in ("id", "{http://www.w3.org/XML/1998/namespace}id"):
            if (value := el.get(key)) is not None:
                ids.setdefault(value.strip(), el)
    for el in root.iter(etree.Element):
        if etree.QName(el).localname == "use":
            href = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
            href = href.strip()
            if href.startswith("#") and href[1:] in ids:
                uses[el] = ids[href[1:]]
    if not uses:
        return

    def deps(el: etree._Element) -> list[etree._Element]:
        out = [c for c in el if isinstance(c.tag, str)]
        if el in uses:
            out.append(uses[el])
        return out

    # Iterative post-order walk (use chains can be longer than Python's recursion limit).
    size: dict[etree._Element, int] = {}
    on_path: set[etree._Element] = set()
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        if done:
            on_path.discard(el)
            total = 1 + sum(size[d] for d in deps(el))
            if total > options.max_elements:
                raise SvgRefused(
                    f"<use> references expand the drawing to more than {options.max_elements:,} elements "
                    f"(at {_where(el)}); at most {options.max_elements:,} are allowed"
                )
            size[el] = total
            continue
        if el in size:
            continue
        on_path.add(el)
        stack.append((el, True))
        for d in deps(el):
            if d in on_path:
                raise SvgRefused(f"<use> reference cycle at {_where(el)}: an element cannot (indirectly) use itself")
            if d not in size:
                stack.append((d, False))


def _check_tree(root: etree._Element, options: SvgOptions, nesting: int) -> None:
    qn = etree.QName(root)
    if qn.localname != "svg":
        raise SvgRefused(f"the root element is <{qn.localname}>; an SVG document must have <svg> as its root")
    if qn.namespace not in (None, SVG_NS):
        raise SvgRefused(f"the root <svg> is in namespace {qn.namespace!r}; it must be in {SVG_NS!r}")

    count = 0
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        count += 1
        if count > options.max_elements:
            raise SvgRefused(
                f"more than {options.max_elements:,} elements; at most {options.max_elements:,} are allowed"
            )
        if depth > options.max_depth:
            raise SvgRefused(
                f"elements nested deeper than {options.max_depth} levels (at {_where(el)}); "
                f"at most {options.max_depth} levels are allowed"
            )
        qn = etree.QName(el)
        local = qn.localname
        if local.lower() in FORBIDDEN_TAGS or qn.namespace == XHTML_NS:
            raise SvgRefused(
                f"{_where(el)} is not allowed: scripts, HTML and embedded documents are refused; "
                "use plain SVG shapes, text and images"
            )
        if local == "svg":
            _check_canvas(el, options)
        for name, value in list(el.attrib.items()):
            attr = etree.QName(name).localname.lower()
            where = f"the {attr} attribute of {_where(el)}"
            if attr in ("href", "src"):
                replacement = _check_url(value, where, options, nesting)
                if replacement is not None:
                    el.set(name, replacement)
            elif attr.startswith("on"):
                # Event handlers never affect the picture; drop them so the SVG is safe to show in a browser.
                logger.debug("dropping event handler %s on %s", name, _where(el))
                del el.attrib[name]
            elif "url(" in value.lower() or "@import" in value.lower() or "\\" in value:
                _check_css(value, where, options, nesting)
        if local in ("set", "animate") and (el.get("attributeName") or "").split(":")[-1].lower() in ("href", "src"):
            for key in ("to", "from", "by", "values"):
                for part in (el.get(key) or "").split(";"):
                    _check_url(part, f"the {key} attribute of {_where(el)}", options, nesting)
        if local == "style":
            _check_css("".join(el.itertext()), f"{_where(el)}", options, nesting)
        stack.extend((c, depth + 1) for c in el if isinstance(c.tag, str))
    _check_use_expansion(root, options)


def _prepare(text: str, options: SvgOptions, nesting: int) -> str:
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > options.max_bytes:
        raise SvgRefused(f"the SVG is {size:,} bytes; at most {options.max_bytes:,} bytes are allowed")
    if not text.strip():
        raise SvgRefused("the SVG is empty")
    root = _parse(text, options.max_depth)
    _check_tree(root, options, nesting)
    return etree.tostring(root, encoding="unicode")


def prepare_svg(text: str, options: SvgOptions = SvgOptions()) -> str:
    """Check hostile SVG text on the host and return a normalized SVG string to render.

    Refuses (raises :class:`SvgRefused`) entity declarations and internal DTD
    subsets, malformed XML, oversize text, too many elements (also after
    expanding ``<use>``), too deep nesting, a non-``<svg>`` root, a declared
    width/height/viewBox that is non-positive or larger than ``max_canvas``,
    any ``href``/``src``/CSS ``url()`` that is not ``#id`` or a ``data:`` image,
    ``<script>``, ``<foreignObject>``, ``<iframe>`` and other embedders, and CSS
    ``@import``. Repairs a missing ``xmlns`` (and ``xmlns:xlink``), drops
    comments, processing instructions, the DOCTYPE and ``on*`` event handlers.
    The result is re-serialized from the checked tree, so what is rendered is
    exactly what was checked.
    """
    if not isinstance(text, str):
        raise SvgRefused(f"expected SVG text (str), got {type(text).__name__}")
    return _prepare(text, options, nesting=0)


# --------------------------------------------------------------------------- rendering


def render_svg_png(text: str, options: SvgOptions) -> bytes:
    """Render prepared SVG text to an RGB PNG of exactly ``options.width`` x ``options.height``.

    The drawing is fitted into the box keeping its aspect ratio and centred on the
    background (a browser's default ``xMidYMid meet``). resvg, given both a width
    and a height, does *not* produce that box: it scales the SVG's own size to fit
    inside it and returns only the fitted size (a 2:1 viewBox at 336x336 comes back
    336x168), so the fitted image is composited onto a full-size background here.
    An SVG with neither width/height nor viewBox is taken as 100x100 by resvg.

    Fonts: with ``skip_system_fonts=False`` resvg-py rescans the system font
    directories (/etc/fonts, /usr/share/fonts) on every call that has text (~5 ms);
    if the sandbox cannot read them, text silently disappears (no error).

    Timing (resvg-py 0.5, 336x336, the 300-icon test corpus: feather, lucide,
    bootstrap, twemoji, icons8; a shared 2-core machine): resvg alone takes a
    median of 11 ms per icon on a quiet machine (14 ms under load, p90 23 ms);
    this function, with PNG decode, centring and RGB PNG encode, a median of
    17-22 ms. A short ``<text>`` line takes 5-14 ms, most of it the font scan.
    """
    import resvg_py  # imported here so the host side does not need it

    try:
        background = ImageColor.getrgb(options.background)[:3]
    except ValueError:
        raise ValueError(f"background {options.background!r} is not a colour") from None
    try:
        raw = resvg_py.svg_to_bytes(
            svg_string=text,
            width=options.width,
            height=options.height,
            skip_system_fonts=False,
            resources_dir=None,
        )
    except BaseException as exc:  # a Rust panic surfaces as PanicException (a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise ValueError(f"resvg could not render the SVG: {str(exc)[:200] or type(exc).__name__}") from None
    with Image.open(io.BytesIO(raw)) as img:
        drawing = img.convert("RGBA")
    if drawing.width > options.width or drawing.height > options.height:
        # Not seen in practice; rounding could overshoot by a pixel.
        drawing.thumbnail((options.width, options.height))
    canvas = Image.new("RGBA", (options.width, options.height), (*background, 255))
    offset = ((options.width - drawing.width) // 2, (options.height - drawing.height) // 2)
    canvas.alpha_composite(drawing, dest=offset)
    return to_png(canvas.convert("RGB"))


# --------------------------------------------------------------------------- scene

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


# --------------------------------------------------------------------------- worker entry point


def worker_render(payload: dict[str, Any]) -> tuple[bytes, dict[str, Any] | None]:
    """Entry point for the sandboxed worker: ``{"source", "width", "height", "background"}`` -> (PNG, scene).

    The source is checked again with :func:`prepare_svg` (cheap, a few ms) so a
    worker never renders unchecked text even if a caller skipped the host step.
    Raises ``ValueError`` (:class:`SvgRefused` is one) when the SVG is refused or
    does not render. A scene that cannot be built is ``None``, never an error.
    """
    options = SvgOptions(
        width=int(payload.get("width", 336)),
        height=int(payload.get("height", 336)),
        background=str(payload.get("background", "white")),
    )
    source = payload.get("source")
    if not isinstance(source, str):
        raise TypeError(f"payload 'source' must be SVG text (str), got {type(source).__name__}")
    prepared = prepare_svg(source, options)
    png = render_svg_png(prepared, options)
    try:
        scene: dict[str, Any] | None = svg_scene(prepared, (options.width, options.height))
    except Exception:  # the scene is an extra; a bug in it must not cost the rendering
        logger.warning("could not build the SVG scene", exc_info=True)
        scene = None
    return png, scene


# -- host side ------------------------------------------------------------------------------


def warmup() -> None:
    """Run once in the sandbox zygote: exercise resvg, Pillow's PNG codec and the
    scene code so that forked children do not pay their lazy start-up per render."""
    text = prepare_svg(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="8" height="8" fill="red"/>'
        '<text x="10" y="8" font-size="6">Aa</text></svg>'
    )
    worker_render({"source": text, "width": 64, "height": 32, "background": "white"})


class SvgRenderer(PooledRenderer):
    """Renders SVG text with resvg in the sandbox pool, at a fixed size on a background.

    Sources are checked on the host first (`prepare_svg`): a refused SVG is a
    ``render_error`` with the reason and never reaches a worker.
    """

    task = Task.SVG
    lang = "svg"
    canary = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="8" height="8" fill="red"/></svg>'
    )
    function = "verm.render.svg:worker_render"
    preload = ("resvg_py", "lxml.etree", "verm.render.svg")
    warmup = "verm.render.svg:warmup"

    def __init__(
        self, options: SvgOptions | None = None, limits: RenderLimits | None = None, workers: int | None = None
    ) -> None:
        super().__init__(limits, workers)
        self.options = options or SvgOptions()

    def payload(self, source: str) -> dict[str, Any]:
        try:
            text = prepare_svg(source, self.options)
        except SvgRefused as exc:
            raise Refused(str(exc)) from None
        o = self.options
        return {"source": text, "width": o.width, "height": o.height, "background": o.background}
