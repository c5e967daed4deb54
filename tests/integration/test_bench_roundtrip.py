"""Make a tiny bench twice (byte-identical), resume an interrupted one, run judges
over it, evaluate, write the pages, and read a VC-RewardBench-style file.

A small stand-in perturber lives here so that the bench layer is tested on its
own: it draws a visible mark (or, sometimes, makes an invisible edit, which
must be re-drawn) and measures the changed pixels as the ground truth.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from typer.testing import CliRunner

from verm.bench import evaluate, load_bench, make_bench, run_bench
from verm.bench.cli import bench_app
from verm.bench.dataset import merge_benches
from verm.bench.report import markdown_tables, write_eval_html, write_sample_html
from verm.errors import InputError
from verm.render import get_renderer
from verm.types import Discrepancy, Task


@dataclass
class StandInResult:
    source: str
    edits: list[dict] = field(default_factory=list)


class StandInPerturber:
    """Marks drawn into the source; ground truth = the box of the changed pixels."""

    def perturb(self, task: Task, source: str, rng: random.Random, n_edits: int) -> StandInResult:
        src, edits = source, []
        for k in range(n_edits):
            if rng.random() < 0.3:  # an edit nobody can see
                src = src + f"\n# note {k}\n" if task is Task.CHART else src.replace("</svg>", f"<!-- n{k} --></svg>")
                edits.append({"op": "comment", "description": "invisible"})
                continue
            x, y = rng.uniform(0.1, 0.7), rng.uniform(0.1, 0.7)
            if task is Task.CHART:
                src += f'\nplt.gcf().text({x:.3f}, {y:.3f}, "ZZ", color="red", fontsize=18)\n'
            else:
                m = re.search(r'viewBox="([\d.\s-]+)"', src)
                vx, vy, vw, vh = (float(v) for v in m.group(1).split()) if m else (0, 0, 24, 24)
                rect = f'<rect x="{vx + x * vw:.2f}" y="{vy + y * vh:.2f}" width="{vw / 5:.2f}" height="{vh / 5:.2f}" fill="#d62728"/>'
                src = src.replace("</svg>", rect + "</svg>")
            edits.append({"op": "mark", "description": f"a red mark at ({x:.2f}, {y:.2f})"})
        return StandInResult(src, edits)

    def ground_truth(self, task: Task, ref_source: str, result: StandInResult, renderer) -> list[Discrepancy]:
        ref, cand = renderer.render_many([ref_source, result.source])
        if not (ref.ok and cand.ok):
            return []
        a = np.asarray(ref.image(), dtype=np.int16)
        b = np.asarray(cand.image().resize(ref.image().size), dtype=np.int16)
        changed = np.abs(a - b).max(axis=2) > 40
        if not changed.any():
            return []
        ys, xs = np.nonzero(changed)
        h, w = changed.shape
        box = (xs.min() / w, ys.min() / h, min(1.0, (xs.max() + 1) / w), min(1.0, (ys.max() + 1) / h))
        category = "text_error" if task is Task.CHART else "shape_error"
        return [Discrepancy(category=category, severity=2, location="a mark", description="a mark added", bbox=box)]


STAND_IN = StandInPerturber()


@pytest.fixture(scope="module")
def renderers():
    made = {Task.CHART: get_renderer(Task.CHART, workers=2), Task.SVG: get_renderer(Task.SVG, workers=2)}
    yield made
    for r in made.values():
        r.close()


@pytest.fixture(scope="module")
def svg_sources(tmp_path_factory, corpora) -> Path:
    # A few real icons, copied so the test does not depend on the whole folder.
    d = tmp_path_factory.mktemp("svg_sources")
    for p in sorted((corpora / "svg" / "feather").glob("*.svg"))[:5]:
        (d / p.name).write_bytes(p.read_bytes())
    return d


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("task", [Task.CHART, Task.SVG])
def test_make_is_reproducible_and_resumable(task, tmp_path, renderers, request):
    sources = request.getfixturevalue("svg_sources") if task is Task.SVG else None
    kw = dict(seed=7, max_edits=3, perturber=STAND_IN, renderer=renderers[task], workers=3)
    a, b = tmp_path / "a", tmp_path / "b"
    full = make_bench(task, sources, a, n=6, **kw)
    assert full.total == 6 and full.added == 6

    # Interrupted after 3, then continued to 6.
    make_bench(task, sources, b, n=3, **kw)
    first3 = (b / "bench.jsonl").read_bytes()
    assert first3.count(b"\n") == 3
    again = make_bench(task, sources, b, n=6, **kw)
    assert again.added == 3
    assert (b / "bench.jsonl").read_bytes().startswith(first3)

    # Same seed: byte-identical records and images, however the run went.
    assert _files(a) == _files(b)
    assert make_bench(task, sources, a, n=6, **kw).added == 0  # nothing written twice

    bench = load_bench(a)
    assert [r.index for r in bench] == list(range(6))
    assert len({r.id for r in bench}) == 6
    for r in bench:
        assert 1 <= len(r.edits) <= 3
        assert r.human_errors and r.category is task
        assert bench.image_path(r, "gt").is_file() and bench.image_path(r, "pred").is_file()
    # Pairs 0 and 1 (and 3 and 4) are two candidates of one reference.
    assert bench.records[0].group == bench.records[1].group != bench.records[2].group
    assert bench.records[0].gt_img_path == bench.records[1].gt_img_path

    # Other settings into the same folder are refused, not mixed.
    with pytest.raises(InputError, match="other settings"):
        make_bench(task, sources, a, n=6, **{**kw, "seed": 8})


def test_a_torn_last_line_is_repaired_on_resume(tmp_path, renderers):
    kw = dict(seed=1, perturber=STAND_IN, renderer=renderers[Task.CHART], workers=2)
    make_bench(Task.CHART, None, tmp_path, n=2, **kw)
    path = tmp_path / "bench.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(lines[0] + lines[1][:40])  # the process died mid-write
    assert len(load_bench(tmp_path)) == 1
    make_bench(Task.CHART, None, tmp_path, n=2, **kw)
    assert path.read_bytes() == b"".join(lines)


class BlankingPerturber(StandInPerturber):
    """Removes every drawn element: the candidate is a blank canvas."""

    def perturb(self, task: Task, source: str, rng: random.Random, n_edits: int) -> StandInResult:
        blank = re.sub(r"(<svg\b[^>]*>).*(</svg>)", r"\1\2", source, flags=re.DOTALL)
        return StandInResult(blank, [{"op": "erase", "description": "every element removed"}])


def test_blank_candidates_are_not_made_into_pairs(tmp_path, renderers, svg_sources):
    # The pipeline scores a blank canvas 0 whatever a judge says: it is a hack, not a graded pair.
    kw = dict(seed=1, perturber=BlankingPerturber(), renderer=renderers[Task.SVG], workers=1)
    with pytest.raises(InputError, match=r"gave no pair .*the candidate is blank"):
        make_bench(Task.SVG, svg_sources, tmp_path, n=2, **kw)
    reasons = [json.loads(line)["reason"] for line in (tmp_path / "skipped.jsonl").read_text().splitlines()]
    assert reasons and all("the candidate is blank" in r for r in reasons)


@pytest.fixture(scope="module")
def small_bench(tmp_path_factory, renderers) -> Path:
    out = tmp_path_factory.mktemp("bench")
    make_bench(Task.CHART, None, out, n=9, seed=3, perturber=STAND_IN, renderer=renderers[Task.CHART], workers=3)
    return out


def test_run_and_eval_pixel_and_baselines(small_bench, tmp_path):
    pixel = run_bench(small_bench, "pixel", tmp_path / "pixel", workers=1)
    assert pixel.judged == 9 and pixel.skipped == 0
    assert run_bench(small_bench, "pixel", tmp_path / "pixel").judged == 0  # resumable
    with pytest.raises(InputError, match="another configuration"):
        run_bench(small_bench, "ssim", tmp_path / "pixel")
    ssim = run_bench(small_bench, "ssim", tmp_path / "ssim", workers=2)  # worker processes
    assert ssim.judged == 9 and ssim.failed == 0
    config = json.loads((tmp_path / "ssim" / "config.json").read_text())
    assert config["judge"] == "ssim" and config["hash"] == ssim.config_hash

    rep = evaluate(tmp_path / "pixel")
    assert rep["similarity_only"] is False and rep["n_missing"] == 0
    det = rep["by_task"]["chart"]["detection"]["overall"]
    for key in ("precision_hard", "recall_hard", "f1_hard", "precision_soft", "recall_soft", "f1_soft"):
        assert key in det
    assert det["tp_soft"] + det["fn"] >= 9 - det["tp_soft"]  # every true error is a match or a miss
    assert "pearson_total_severity" in rep["overall"]["severity"]
    assert rep["overall"]["reward"]["n_rewarded"] == 9
    assert rep["overall"]["reward"]["ranking_groups"] >= 0
    assert len(rep["pairs"]) == 9

    base = evaluate(tmp_path / "ssim")
    assert base["similarity_only"] is True
    assert base["overall"]["detection"] is None
    assert base["overall"]["reward"]["n_rewarded"] == 9

    md = markdown_tables([rep, base])
    assert "| pixel |" in md and "| ssim |" in md
    page = write_eval_html([rep, base], load_bench(small_bench), tmp_path / "eval.html", worst=3)
    assert page.read_text().count("data:image/png;base64") == 3
    sample = write_sample_html(load_bench(small_bench), tmp_path / "sample.html", n=4)
    assert sample.read_text().count("data:image/png;base64") == 4

    merged = merge_benches([small_bench], tmp_path / "merged")
    m = load_bench(merged)
    assert len(m) == 9 and all(m.image_path(r, "pred").is_file() for r in m)
    with pytest.raises(InputError, match="more than one bench"):
        merge_benches([small_bench, small_bench], tmp_path / "twice")

    runner = CliRunner()
    res = runner.invoke(bench_app, ["eval", str(tmp_path / "pixel"), str(tmp_path / "ssim"), "--json"])
    assert res.exit_code == 0, res.output
    assert [r["judge"] for r in json.loads(res.stdout)] == ["pixel", "ssim"]


def test_vc_rewardbench_style_records_load_and_run(tmp_path):
    img_dir = tmp_path / "imgs"
    img_dir.mkdir()
    ref = Image.new("RGB", (200, 120), "white")
    ImageDraw.Draw(ref).rectangle((20, 20, 120, 100), outline="black", width=3)
    cand = ref.copy()
    ImageDraw.Draw(cand).rectangle((140, 30, 180, 90), fill="black")
    ref.save(img_dir / "gt.png")
    cand.save(img_dir / "pred.jpg")
    records = [
        {
            "idx": 0,
            "category": "table",
            "gt_img_path": "imgs/gt.png",
            "pred_img_path": str(img_dir / "pred.jpg"),  # absolute paths are kept
            "human_errors": [
                {"type": "layout_error", "severity": 2, "location": "right", "description": "extra block"},
                {"type": "colour_error", "severity": 1, "description": "not a table category: dropped"},
            ],
            "pred_json": {"errors": []},
        },
        {
            "id": "svg-a",
            "category": "svg",
            "gt_img_path": "imgs/gt.png",
            "pred_img_path": "imgs/gt.png",
            "human_errors": [],
        },
    ]
    path = tmp_path / "vc_rewardbench.json"
    path.write_text(json.dumps(records))
    bench = load_bench(path)
    assert [r.id for r in bench] == ["0", "svg-a"]
    first = bench.records[0]
    assert [(e.category, e.severity) for e in first.human_errors] == [("layout_error", 2)]
    assert first.model_extra["pred_json"] == {"errors": []}  # unknown fields are kept
    assert bench.image_path(first, "gt") == tmp_path / "imgs" / "gt.png"
    assert json.loads(first.to_json_line())["human_errors"][0]["category"] == "layout_error"

    summary = run_bench(path, "mse", tmp_path / "mse")
    assert summary.judged == 2 and summary.failed == 0
    rep = evaluate(tmp_path / "mse")
    assert set(rep["by_task"]) == {"table", "svg"}


_CHART_HEAD = "import matplotlib.pyplot as plt\nimport numpy as np\n"
UNSTABLE_SOURCES = {
    "seeded.py": _CHART_HEAD + "plt.plot(np.random.default_rng(3).random(30))\nplt.title('seeded')\n",
    "unseeded.py": _CHART_HEAD + "plt.plot(np.random.rand(30))\nplt.title('unseeded')\n",
    "clock.py": _CHART_HEAD + "import time\nplt.plot([1, 3, 2])\nplt.title(f'made at {time.time()}')\n",
}


def test_a_source_whose_two_renders_differ_is_left_out(tmp_path, renderers):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, code in UNSTABLE_SOURCES.items():
        (sources / name).write_text(code)
    kw = dict(seed=5, perturber=STAND_IN, renderer=renderers[Task.CHART], workers=2)
    out = tmp_path / "bench"
    summary = make_bench(Task.CHART, sources, out, n=6, **kw)  # slots 0..3 start at every file
    assert summary.total == 6 and summary.skipped_indices == []
    assert summary.unstable_sources == ["clock.py", "unseeded.py"]
    assert {r.source_name for r in load_bench(out)} == {"seeded.py"}
    rows = [json.loads(line) for line in (out / "skipped.jsonl").read_text().splitlines()]
    assert sorted(r["source"] for r in rows) == ["clock.py", "unseeded.py"]  # once per source, no index skipped
    assert all("two renders differ" in r["reason"] and "index" not in r for r in rows)
    # Continuing the bench does not record them again.
    again = make_bench(Task.CHART, sources, out, n=9, **kw)
    assert again.added == 3 and again.unstable_sources == ["clock.py", "unseeded.py"]
    assert len((out / "skipped.jsonl").read_text().splitlines()) == 2


def test_hack_rows_rank_against_the_honest_pairs_of_their_reference(small_bench, tmp_path, renderers):
    from verm.bench.hacks import HACK_KINDS, add_hack_pairs

    kinds = ["axes without data", "only the title"]
    path, written, notes = add_hack_pairs(small_bench, tmp_path / "h", kinds, renderer=renderers[Task.CHART])
    bench = load_bench(path)
    honest = [r for r in bench if not r.hack]
    hacks = [r for r in bench if r.hack]
    groups = {r.group_key() for r in honest}
    assert len(honest) == 9 and written == len(hacks) == len(groups) * len(kinds) and not notes
    assert {h.hack for h in hacks} == set(kinds) <= set(HACK_KINDS[Task.CHART])
    for h in hacks:
        sibling = next(r for r in honest if r.group_key() == h.group_key())
        assert bench.image_path(h, "gt") == bench.image_path(sibling, "gt") and not h.human_errors
        assert bench.image_path(h, "pred").is_file() and h.cand_source != sibling.ref_source
    assert add_hack_pairs(small_bench, tmp_path / "h", kinds, renderer=renderers[Task.CHART])[1] == 0  # resumable

    run_bench(path, "scene", tmp_path / "scene", workers=1)
    rep = evaluate(tmp_path / "scene")
    figures = rep["by_task"]["chart"]["hacks"]
    # Every hack is compared with each honest candidate of its reference, and hacks stay out of F1.
    assert figures["n_hacks"] == len(hacks)
    assert figures["n_comparisons"] == sum(sum(r.group_key() == h.group_key() for r in honest) for h in hacks)
    assert len(rep["pairs"]) == 9


def test_a_run_resumes_only_under_the_code_that_began_it(small_bench, tmp_path, monkeypatch):
    import verm.bench.run

    out = tmp_path / "ssim"
    assert run_bench(small_bench, "ssim", out, workers=1).judged == 9
    (out / "results.jsonl").write_text("".join((out / "results.jsonl").read_text().splitlines(True)[:4]))
    # An upgraded verm would judge the five pairs left otherwise: one results file must not mix the two.
    monkeypatch.setattr(verm.bench.run, "scoring_fingerprint", lambda: "0123456789abcdef")
    with pytest.raises(InputError, match=r"judged by other verm code .* choose a new --out"):
        run_bench(small_bench, "ssim", out)
    assert len((out / "results.jsonl").read_text().splitlines()) == 4
    monkeypatch.undo()
    assert run_bench(small_bench, "ssim", out).judged == 5  # the same code resumes


def test_scenes_cached_by_other_renderer_code_are_rendered_again(small_bench, tmp_path):
    from verm.bench.run import FINGERPRINT_FILE, SCENES_DIR, ensure_scenes
    from verm.fingerprint import render_fingerprint

    bench = load_bench(merge_benches([small_bench], tmp_path / "b"))
    records = list(bench)[:2]
    assert ensure_scenes(bench, records) > 0
    scenes = bench.root / SCENES_DIR
    stamp = scenes / FINGERPRINT_FILE
    assert stamp.read_text().strip() == render_fingerprint()
    assert ensure_scenes(bench, records) == 0  # same code: the cache is read

    first = sorted(scenes.glob("*.json"))[0]
    good = first.read_text()
    first.write_text(json.dumps({"stale": True}))  # what an older renderer might have written
    stamp.write_text("0123456789abcdef\n")  # written by other renderer code
    assert ensure_scenes(bench, records) > 0
    assert first.read_text() == good and stamp.read_text().strip() == render_fingerprint()


def test_a_failed_scene_render_is_not_cached_and_a_retry_renders_it_again(small_bench, tmp_path, caplog):
    from verm.bench.run import SCENES_DIR

    root = merge_benches([small_bench], tmp_path / "b").parent
    lines = (root / "bench.jsonl").read_text().splitlines()
    first = json.loads(lines[0])
    good_source = first["cand_source"]
    # A render that fails now (on a loaded machine, a time limit) and not later.
    first["cand_source"] = "raise RuntimeError('render failed this time')\n"
    (root / "bench.jsonl").write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n")

    with caplog.at_level("WARNING", logger="verm.bench.run"):
        summary = run_bench(root, "scene", tmp_path / "scene", workers=1)
    assert summary.failed == 1
    assert not (root / SCENES_DIR / f"{first['id']}.pred.json").exists()
    assert any(first["id"] in r.getMessage() and "--retry-failed" in r.getMessage() for r in caplog.records)

    first["cand_source"] = good_source
    (root / "bench.jsonl").write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n")
    again = run_bench(root, "scene", tmp_path / "scene", workers=1, retry_failed=True)
    assert again.judged == 1 and again.failed == 0
    assert json.loads((root / SCENES_DIR / f"{first['id']}.pred.json").read_text())
