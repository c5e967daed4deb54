"""Every SVG in the shared corpus passes prepare_svg and renders to a non-blank 336x336 RGB PNG.

Reads ``shared/corpora/svg`` beside the repository (CI clones the repo with
``shared/`` next to it); skipped when it is not there. About 10 s for ~300 icons.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from tests.corpora import CORPORA

from verm.imaging import is_blank
from verm.render.svg import SvgOptions, prepare_svg, render_svg_png

SVG_DIR = CORPORA / "svg"

if not SVG_DIR.is_dir():
    pytest.skip(f"SVG corpus not found at {SVG_DIR} (clone shared/ beside the repository)", allow_module_level=True)

FOLDERS = sorted(p for p in SVG_DIR.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_corpus_folder_renders(folder: Path) -> None:
    files = sorted(folder.rglob("*.svg"))
    assert files, f"no .svg files in {folder}"
    options = SvgOptions()
    failures: list[str] = []
    for path in files:
        try:
            png = render_svg_png(prepare_svg(path.read_text(encoding="utf-8"), options), options)
        except ValueError as exc:
            failures.append(f"{path.name}: {exc}")
            continue
        with Image.open(io.BytesIO(png)) as img:
            img.load()
            if img.size != (336, 336) or img.mode != "RGB":
                failures.append(f"{path.name}: {img.size} {img.mode}, expected (336, 336) RGB")
            elif is_blank(img):
                failures.append(f"{path.name}: blank rendering")
    assert not failures, f"{len(failures)} of {len(files)} files failed:\n" + "\n".join(failures)
