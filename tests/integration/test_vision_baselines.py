"""dino and lpips on tiny random-weight models built here from a config (nothing is
downloaded): the definitions' fixed points and scalings, the tiled variant, and
the errors that say where the user's weights go."""

from __future__ import annotations

import json

import pytest
from PIL import Image, ImageDraw
from tests.judge_contract import check_judge_contract

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from verm.errors import InputError  # noqa: E402
from verm.imaging import to_png  # noqa: E402
from verm.judge import get_judge  # noqa: E402
from verm.judge.baselines.vision import (  # noqa: E402
    DINO_ENV,
    LPIPS_ENV,
    WEIGHTS_NOTE_FILE,
    DinoJudge,
    LpipsJudge,
    save_tiny_weights,
    tiles,
    vincicoder_reward,
)
from verm.types import Rendering, Status, Task  # noqa: E402


def icon(colour: str = "#1f77b4", shift: int = 0, size: tuple[int, int] = (336, 336)) -> Rendering:
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    d.ellipse((60 + shift, 60, 220 + shift, 220), fill=colour)
    d.rectangle((180, 200, 300, 300), fill="#d62728")
    return Rendering(task=Task.SVG, png=to_png(img))


@pytest.fixture(scope="module")
def dino_dir(tmp_path_factory):
    return save_tiny_weights("dino", tmp_path_factory.mktemp("dino"))


@pytest.fixture(scope="module")
def lpips_dir(tmp_path_factory):
    return save_tiny_weights("lpips", tmp_path_factory.mktemp("lpips"), net="alex")


def test_missing_weights_say_where_to_put_them(monkeypatch, tmp_path):
    monkeypatch.delenv(DINO_ENV, raising=False)
    monkeypatch.delenv(LPIPS_ENV, raising=False)
    with pytest.raises(InputError, match=f"{DINO_ENV}=DIR.*config.json"):
        get_judge("dino")
    with pytest.raises(InputError, match=f"{LPIPS_ENV}=DIR.*backbone.pth.*linear.pth"):
        get_judge("lpips")
    with pytest.raises(InputError, match="does not exist"):
        DinoJudge(weights=str(tmp_path / "nowhere"))
    (tmp_path / "half").mkdir()
    with pytest.raises(InputError, match=r"backbone\.pth"):
        LpipsJudge(weights=str(tmp_path / "half"))


def test_tiny_weights_carry_a_note(dino_dir, lpips_dir):
    for folder in (dino_dir, lpips_dir):
        assert "not meaningful" in json.loads((folder / WEIGHTS_NOTE_FILE).read_text())["note"]


def test_dino_mean_pooled_cosine(dino_dir, monkeypatch):
    monkeypatch.setenv(DINO_ENV, str(dino_dir))
    judge = get_judge("dino")  # weights from the environment
    same = check_judge_contract(judge, Task.SVG, icon(), icon())
    assert same.status is Status.OK and same.similarity == pytest.approx(1.0, abs=1e-6)  # cos 1 -> (1 + 1) / 2
    other = judge.judge(Task.SVG, icon(), icon("#2ca02c", shift=40))
    cos = float(other.raw.split("cos=")[1])
    assert -1.0 <= cos < 1.0 and other.similarity == pytest.approx((cos + 1) / 2, abs=1e-6)
    # The embedding is the mean over every token of the last hidden state.
    imgs = [icon().image().resize((224, 224)), icon("#2ca02c").image().resize((224, 224))]
    pooled = judge.embeddings(imgs, cls=False)
    hidden = judge.model(pixel_values=judge._tensor(imgs)).last_hidden_state
    assert torch.allclose(pooled, hidden.mean(dim=1), atol=1e-5)
    assert not torch.allclose(judge.embeddings(imgs, cls=True), pooled, atol=1e-3)


def test_dino_tiled_vincicoder(dino_dir):
    judge = DinoJudge(weights=str(dino_dir), tiled=True)
    assert len(tiles(Image.new("RGB", (900, 450)))) == 2 + 1  # a 2 x 1 grid of 448-px tiles and the thumbnail
    assert all(t.size == (448, 448) for t in tiles(Image.new("RGB", (300, 700))))
    same = judge.judge(Task.SVG, icon(), icon())
    assert same.similarity == pytest.approx(1.0, abs=1e-6)  # V = 1 -> 0.9 + 0.1
    other = judge.judge(Task.SVG, icon(size=(900, 450)), icon("#2ca02c", shift=60, size=(900, 450)))
    v = float(other.raw.split("V=")[1].split()[0])
    assert "tiles=2" in other.raw and 0.0 <= v < 1.0
    assert other.similarity == pytest.approx(0.9 * v + 0.1, abs=1e-6)
    assert vincicoder_reward(v, "```svg\n<svg/>\n```") == pytest.approx(0.9 * v + 0.1)
    assert vincicoder_reward(v, "<svg/>") == pytest.approx(0.9 * v)


def test_lpips_distance_properties(lpips_dir):
    judge = LpipsJudge(weights=str(lpips_dir), net="alex")
    same = check_judge_contract(judge, Task.SVG, icon(), icon())
    assert same.similarity == pytest.approx(1.0, abs=1e-6)  # LPIPS(x, x) = 0
    a, b = icon().image().resize((128, 128)), icon("#2ca02c", shift=40).image().resize((128, 128))
    ta, tb = judge._tensor(a), judge._tensor(b)
    assert float(ta.min()) >= -1.0 and float(ta.max()) <= 1.0
    with torch.inference_mode():
        d_ab, d_ba = float(judge.model(ta, tb)[0]), float(judge.model(tb, ta)[0])
        assert d_ab > 0 and d_ab == pytest.approx(d_ba, rel=1e-5)  # symmetric
        # The distance is linear in the learned per-channel weights.
        for k in range(5):
            getattr(judge.model, f"lin{k}").model[1].weight.mul_(2.0)
        assert float(judge.model(ta, tb)[0]) == pytest.approx(2 * d_ab, rel=1e-5)
        for k in range(5):
            getattr(judge.model, f"lin{k}").model[1].weight.zero_()
        assert float(judge.model(ta, tb)[0]) == 0.0


def test_lpips_reads_safetensors_and_refuses_the_wrong_net(lpips_dir, tmp_path):
    from safetensors.torch import save_file

    folder = tmp_path / "st"
    folder.mkdir()
    for stem in ("backbone", "linear"):
        save_file(torch.load(lpips_dir / f"{stem}.pth", weights_only=True), str(folder / f"{stem}.safetensors"))
    judge = LpipsJudge(weights=str(folder), net="alex")
    j = judge.judge(Task.SVG, icon(), icon("#2ca02c", shift=40))
    assert j.status is Status.OK and 0.0 <= j.similarity < 1.0
    with pytest.raises(InputError, match="do not fit the vgg network"):
        LpipsJudge(weights=str(lpips_dir), net="vgg")
