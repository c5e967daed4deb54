"""``verm rl prepare``: a folder of references -> veRL's multimodal parquet, whose
``extra_info`` carries each reference to verm's reward (veRL's own reader of the
file: tests/envs/verl)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from PIL import Image
from tests.tiny_policy import ANSWERS, REFERENCE
from typer.testing import CliRunner

from verm.cli import app
from verm.errors import InputError
from verm.integrations import verl
from verm.integrations.data import collect_references, prepare_verl

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def refs_dir(tmp_path) -> Path:
    d = tmp_path / "refs"
    (d / "charts").mkdir(parents=True)
    (d / "charts" / "sales.py").write_text(REFERENCE)
    shutil.copy(EXAMPLES / "chart_reference.py", d / "charts" / "regions.py")
    shutil.copy(EXAMPLES / "table_reference.md", d / "table.md")
    shutil.copy(EXAMPLES / "icon_reference.svg", d / "icon.svg")
    (d / "broken.py").write_text("import matplotlib.pyplot as plt\nraise ValueError('no chart')\n")
    return d


def test_prepare_writes_verl_rows_that_score(refs_dir, tmp_path) -> None:
    out = tmp_path / "data"
    result = CliRunner().invoke(app, ["rl", "prepare", str(refs_dir), "--out", str(out), "--val-fraction", "0.25"])
    assert result.exit_code == 0, result.output
    assert "broken" in result.output  # left out, and said so
    rows = pq.read_table(out / "train.parquet").to_pylist() + pq.read_table(out / "val.parquet").to_pylist()
    assert sorted(r["extra_info"]["name"] for r in rows) == ["charts/regions", "charts/sales", "icon", "table"]
    assert sorted(r["extra_info"]["split"] for r in rows).count("val") == 1
    for row in rows:
        task = row["extra_info"]["task"]
        assert row["data_source"] == f"verm/{task}" and row["ability"] == task
        assert row["prompt"][0]["role"] == "user" and row["prompt"][0]["content"].startswith("<image>")
        image = Image.open(io.BytesIO(row["images"][0]["bytes"]))
        assert image.width > 50 and image.height > 50
        assert row["extra_info"]["reference_image"] == row["images"][0]["bytes"]
        assert row["reward_model"]["ground_truth"] == row["extra_info"]["reference"] != ""
    sales = next(r for r in rows if r["extra_info"]["name"] == "charts/sales")
    out_score = verl.compute_score(sales["data_source"], ANSWERS["faithful"], "", sales["extra_info"])
    assert out_score["score"] == pytest.approx(2.0)


def test_prepare_resumes_from_its_render_cache(refs_dir, tmp_path) -> None:
    out = tmp_path / "data"
    prepare_verl(refs_dir, out, val_fraction=0.0)
    cached = sorted((out / ".render-cache").glob("*.png"))
    assert len(cached) == 4  # the broken source has no image to cache
    stamps = [p.stat().st_mtime_ns for p in cached]
    ticks: list[tuple[int, int]] = []
    summary = prepare_verl(refs_dir, out, val_fraction=0.0, progress=lambda d, t: ticks.append((d, t)))
    assert summary.n_train == 4 and summary.val is None
    assert [p.stat().st_mtime_ns for p in cached] == stamps
    assert ticks[-1] == (1, 1)  # only the broken source was tried again


def test_images_alone_need_a_task(tmp_path) -> None:
    d = tmp_path / "imgs"
    d.mkdir()
    Image.new("RGB", (64, 48), "white").save(d / "a.png")
    with pytest.raises(InputError, match="--task"):
        collect_references(d)
    refs = collect_references(d, task="svg")
    assert [(r.name, r.task.value, r.source) for r in refs] == [("a", "svg", None)]
    rows = verl.compute_score("verm/svg", "<svg></svg>", "", {"reference_image": refs[0].png})
    assert rows["verm_status"] != 6.0  # the image arrived as a reference
