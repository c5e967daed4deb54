"""SVG checks on the host, before the sandbox: parse with a hardened parser, refuse what is hostile (with what,
where and what is allowed), and re-serialize the checked tree (`prepare_svg`)."""

from __future__ import annotations

import base64
import binascii
import io
import logging
import math
import re
import urllib.parse
import warnings
from dataclasses import dataclass

from lxml import etree
from PIL import Image

from verm.svg_path import NUMBER

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
