"""SVG: align two element lists in stacking order and report elements, geometry, colours, texts.

- `diff`: the alignment and the comparison of element pairs (`SvgDiff`).
- `grade`: severities by what shows (ink shares, how far outlines move) and the last pass that merges findings
  on one place.
- `cover`: whether a change shows at all, from the elements' shapes rasterised (covered by shapes above it,
  near-white over the bare canvas) and checked against the candidate image.

Path data and transforms are read as geometry by `verm.svg_path`, which the SVG renderer's scene shares.

The rules: docs/judges.md, "Scene judge", "SVG".
"""

from verm.judge.scene.svg.diff import SvgDiff

__all__ = ["SvgDiff"]
