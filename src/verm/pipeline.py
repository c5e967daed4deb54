"""Where render, judge and reward meet: ``score`` and the batch-friendly `Scorer`.

>>> from verm import Scorer                                            # doctest: +SKIP
>>> with Scorer("chart", judge="pixel") as scorer:
...     rewards = scorer.score_batch(["ref.png"] * 2, [completion_a, completion_b])
>>> rewards[0].score, rewards[0].status
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Self

from verm.errors import InputError
from verm.extract import extract_code
from verm.imaging import is_blank, load_rgb, to_png
from verm.judge import Judge, get_judge
from verm.render import Renderer, get_renderer
from verm.reward import Outcome, RewardShaping
from verm.types import Judgment, Rendering, Reward, Status, Task

logger = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"}
SOURCE_SUFFIXES = {".py", ".svg", ".md", ".markdown", ".html", ".htm", ".txt"}

#: A reference: a rendering, PNG bytes, a path to an image or a source file, or source text.
ReferenceLike = Rendering | bytes | Path | str


class Scorer:
    """Scores completions against references for one task.

    Renderers and the judge are created once and reused, so one `Scorer` per
    process (or per RL worker) is the intended shape. ``score_batch`` renders
    every candidate in parallel through the sandbox pool, judges the ones that
    rendered, and shapes all rewards together.
    """

    def __init__(
        self,
        task: Task | str,
        judge: str | Judge = "auto",
        shaping: RewardShaping | None = None,
        renderer: Renderer | None = None,
        judge_options: dict[str, object] | None = None,
        renderer_options: dict[str, object] | None = None,
    ) -> None:
        self.task = Task.parse(task)
        self.judge = judge if isinstance(judge, Judge) else get_judge(judge, **(judge_options or {}))
        self.shaping = shaping or RewardShaping()
        self._renderer = renderer
        self._renderer_options = renderer_options or {}
        self._reference_cache: dict[str, Rendering] = {}

    @property
    def renderer(self) -> Renderer:
        if self._renderer is None:
            self._renderer = get_renderer(self.task, **self._renderer_options)
        return self._renderer

    # -- references ------------------------------------------------------------------
    def reference(self, ref: ReferenceLike) -> Rendering:
        """Turn any reference form into a rendering (rendering sources once, cached)."""
        if isinstance(ref, Rendering):
            return ref
        if isinstance(ref, bytes):
            return Rendering(task=self.task, png=to_png(load_rgb(ref)))
        path = _as_path(ref)
        if path is not None:
            key = f"path:{path.resolve()}:{path.stat().st_mtime_ns}"
            if key not in self._reference_cache:
                if path.suffix.lower() in IMAGE_SUFFIXES:
                    self._reference_cache[key] = Rendering(task=self.task, png=to_png(load_rgb(path)))
                else:
                    self._reference_cache[key] = self._render_reference(path.read_text(encoding="utf-8"))
            return self._reference_cache[key]
        key = f"src:{hash(ref)}:{ref}"
        if key not in self._reference_cache:
            self._reference_cache[key] = self._render_reference(str(ref))
        return self._reference_cache[key]

    def _render_reference(self, source: str) -> Rendering:
        cand = extract_code(source, self.task)
        return self.renderer.render(cand.code if cand else source)

    # -- scoring ---------------------------------------------------------------------
    def score(self, reference: ReferenceLike, completion: str) -> Reward:
        return self.score_batch([reference], [completion])[0]

    def render_candidates(self, completions: Sequence[str]) -> list[Rendering]:
        """Extract and render every completion (no_code where nothing was found)."""
        out: list[Rendering | None] = [None] * len(completions)
        todo: list[int] = []
        sources: list[str] = []
        for i, text in enumerate(completions):
            cand = extract_code(text, self.task)
            if cand is None:
                out[i] = Rendering(task=self.task, status=Status.NO_CODE, reason=f"no {self.task.value} code found")
            else:
                todo.append(i)
                sources.append(cand.code)
        if sources:
            for i, r in zip(todo, self.renderer.render_many(sources), strict=True):
                out[i] = r
        result = [r for r in out if r is not None]
        for r in result:
            if r.ok and is_blank(r.image()):
                r.status, r.reason = Status.BLANK, "the rendering is blank (a single uniform colour)"
        return result

    def score_batch(self, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
        if len(references) != len(completions):
            raise InputError(f"{len(references)} references but {len(completions)} completions; pass one of each")
        refs = [self.reference(r) for r in references]
        cands = self.render_candidates(completions)
        return self.judge_renderings(refs, cands)

    def judge_renderings(self, refs: Sequence[Rendering], cands: Sequence[Rendering]) -> list[Reward]:
        """Judge rendered pairs and shape the rewards (the stage after rendering)."""
        outcomes: list[Outcome | None] = [None] * len(cands)
        pairs: list[tuple[Rendering, Rendering]] = []
        idx: list[int] = []
        for i, (ref, cand) in enumerate(zip(refs, cands, strict=True)):
            if cand.status is not Status.OK:
                outcomes[i] = Outcome(cand.status, reason=cand.reason)
            elif not ref.ok:
                outcomes[i] = Outcome(Status.JUDGE_ERROR, reason=f"the reference did not render: {ref.reason}")
            else:
                pairs.append((ref, cand))
                idx.append(i)
        judgments: list[Judgment] = self.judge.judge_many(self.task, pairs) if pairs else []
        for i, j in zip(idx, judgments, strict=True):
            outcomes[i] = Outcome(j.status, judgment=j, reason=j.reason)
        return self.shaping.shape_batch([o for o in outcomes if o is not None])

    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
        self.judge.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _as_path(ref: Path | str) -> Path | None:
    """A path when ``ref`` names a file; an error for a missing file; None for source text."""
    if isinstance(ref, Path):
        if not ref.is_file():
            raise InputError(f"reference file not found: {ref}")
        return ref
    if "\n" in ref or len(ref) > 4096 or "<" in ref:
        return None
    path = Path(ref).expanduser()
    if path.is_file():
        return path
    if path.suffix.lower() in IMAGE_SUFFIXES | SOURCE_SUFFIXES:
        raise InputError(f"reference file not found: {ref}")
    return None


def score(
    task: Task | str,
    reference: ReferenceLike,
    completion: str,
    judge: str | Judge = "auto",
    shaping: RewardShaping | None = None,
) -> Reward:
    """Score one completion against one reference (starts and stops a renderer;
    use `Scorer` to score many)."""
    with Scorer(task, judge=judge, shaping=shaping) as scorer:
        return scorer.score(reference, completion)
