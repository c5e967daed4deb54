"""Learned image baselines on the user's weights: DINOv2 similarity and LPIPS
(``pip install 'verm[vision]'``). Nothing is downloaded: a judge without
weights fails with where to put them.

``dino`` — DINOv2 cosine similarity, mapped to [0, 1] as (cos + 1) / 2:

* default (StarVector, OmniSVG): each image at the model's input size (shortest
  side to 256, centre crop 224, ImageNet mean/std, or what the checkpoint's
  ``preprocessor_config.json`` says), the last hidden state mean-pooled over
  all tokens; the papers use ``dinov2-base``.
* ``tiled=True`` (VinciCoder's reward): the candidate resized to the
  reference's size, both cut into the same grid of 448-px tiles (each side
  rounded to whole tiles), plus a 448-px thumbnail of the whole image; the
  CLS embedding of each; V = the mean of (cos + 1) / 2 over the tiles and the
  thumbnail; the paper uses ``dinov2-large``. VinciCoder's reward is
  0.9 V + 0.1 F, F = 1 when the completion holds a fenced code block
  (`vincicoder_reward`); the judge's similarity is that reward with F = 1,
  since verm renders only code it extracted from a completion.

Weights: ``weights=DIR`` (``verm bench run --option weights=DIR``) or
``VERM_DINO_WEIGHTS=DIR``; DIR is a transformers checkpoint (``config.json``
+ ``model.safetensors``, e.g. ``facebook/dinov2-base`` saved with
``save_pretrained``).

``lpips`` — LPIPS (Zhang et al., 2018): both images (the candidate resized
to the reference's size, the longer side then scaled to ``side``) in
[-1, 1], shifted and scaled per channel as LPIPS does, through VGG16 or
AlexNet's convolutional stack; at each of the five ReLU stages the features
are unit-normalised across channels, their squared difference weighted per
channel by the learned linear layer, and averaged over space; LPIPS is the
sum over stages and the similarity is clip(1 - LPIPS, 0, 1).

Weights: ``weights=DIR`` or ``VERM_LPIPS_WEIGHTS=DIR``; DIR holds
``backbone.pth`` (or ``.safetensors``): torchvision's ``vgg16`` or
``alexnet`` state dict (keys ``features.N.weight``/``bias``; the classifier
is ignored), and ``linear.pth`` (or ``.safetensors``): the LPIPS v0.1 linear
layers (keys ``lin0.model.1.weight`` ... ``lin4.model.1.weight``, as the
``lpips`` package ships them in ``lpips/weights/v0.1/<net>.pth``).
A folder may carry ``verm-weights.json`` with a ``note`` that
``verm bench compare`` shows beside the judge (`save_tiny_weights` writes
one for its random test models).
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from PIL import Image

from verm.errors import InputError, MissingDependencyError
from verm.judge.baselines.image import SimilarityBaseline
from verm.types import Rendering

DINO_ENV = "VERM_DINO_WEIGHTS"
LPIPS_ENV = "VERM_LPIPS_WEIGHTS"
WEIGHTS_NOTE_FILE = "verm-weights.json"
TILE = 448
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
#: LPIPS's input scaling layer (applied to images in [-1, 1]).
LPIPS_SHIFT = (-0.030, -0.088, -0.188)
LPIPS_SCALE = (0.458, 0.448, 0.450)

_FENCE = re.compile(r"```[^\n`]*\n.*?```", re.S)


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        raise MissingDependencyError("the dino and lpips baselines need torch: pip install 'verm[vision]'") from None
    return torch


def weights_dir(given: str | os.PathLike[str] | None, env: str, judge: str, layout: str) -> Path:
    """The weights folder from the argument or the environment, or an error that says where to put it."""
    raw = given if given is not None else os.environ.get(env)
    if not raw:
        raise InputError(
            f"the {judge} baseline needs your weights; verm downloads nothing. Pass weights=DIR "
            f"(verm bench run --option weights=DIR) or set {env}=DIR, where DIR holds {layout}"
        )
    path = Path(raw).expanduser()
    if not path.is_dir():
        raise InputError(
            f"{judge} weights folder {path} does not exist (from {'weights=' if given else env}); it should hold {layout}"
        )
    return path


def vincicoder_reward(similarity: float, completion: str) -> float:
    """VinciCoder's reward: 0.9 x the tiled DINOv2 similarity + 0.1 when a fenced code block is present."""
    return 0.9 * similarity + 0.1 * (1.0 if _FENCE.search(completion or "") else 0.0)


# -- DINOv2 ------------------------------------------------------------------------------------


def _resize_crop(img: Image.Image, short: int, crop: int) -> Image.Image:
    w, h = img.size
    scale = short / min(w, h)
    img = img.resize((max(crop, round(w * scale)), max(crop, round(h * scale))), Image.Resampling.BICUBIC)
    w, h = img.size
    left, top = (w - crop) // 2, (h - crop) // 2
    return img.crop((left, top, left + crop, top + crop))


def tiles(img: Image.Image, tile: int = TILE) -> list[Image.Image]:
    """The image on a grid of whole ``tile``-px tiles (each side rounded, at least one), then a thumbnail."""
    cols = max(1, round(img.width / tile))
    rows = max(1, round(img.height / tile))
    grid = img.resize((cols * tile, rows * tile), Image.Resampling.BICUBIC)
    out = [grid.crop((c * tile, r * tile, (c + 1) * tile, (r + 1) * tile)) for r in range(rows) for c in range(cols)]
    out.append(img.resize((tile, tile), Image.Resampling.BICUBIC))
    return out


class DinoJudge(SimilarityBaseline):
    """DINOv2 cosine similarity, (cos + 1) / 2: mean-pooled (StarVector, OmniSVG) or tiled CLS (VinciCoder)."""

    name: ClassVar[str] = "dino"
    LAYOUT: ClassVar[str] = "a transformers DINOv2 checkpoint (config.json + model.safetensors)"

    def __init__(self, weights: str | None = None, tiled: bool = False, threads: int | None = None) -> None:
        torch = _torch()
        try:
            from transformers import Dinov2Model
        except ImportError:
            raise MissingDependencyError("the dino baseline needs transformers: pip install 'verm[vision]'") from None
        self.path = weights_dir(weights, DINO_ENV, "dino", self.LAYOUT)
        if threads:
            torch.set_num_threads(threads)
        try:
            self.model = Dinov2Model.from_pretrained(str(self.path), local_files_only=True).eval()
        except (OSError, ValueError) as exc:
            raise InputError(
                f"cannot load DINOv2 weights from {self.path}: {exc}; it should hold {self.LAYOUT}"
            ) from None
        self.tiled = tiled
        pre: dict[str, Any] = {}
        pre_file = self.path / "preprocessor_config.json"
        if pre_file.is_file():
            pre = json.loads(pre_file.read_text(encoding="utf-8"))
        size = pre.get("size") or {}
        crop = pre.get("crop_size") or {}
        self.short = int(size.get("shortest_edge", 256)) if isinstance(size, dict) else int(size)
        self.crop = int(crop.get("height", 224)) if isinstance(crop, dict) else int(crop or 224)
        self.mean = np.array(pre.get("image_mean", IMAGENET_MEAN), dtype=np.float32)
        self.std = np.array(pre.get("image_std", IMAGENET_STD), dtype=np.float32)
        self._lock = threading.Lock()  # one forward at a time: torch already uses every thread it is given

    def _tensor(self, images: Sequence[Image.Image]) -> Any:
        torch = _torch()
        arr = np.stack(
            [(np.asarray(im.convert("RGB"), dtype=np.float32) / 255.0 - self.mean) / self.std for im in images]
        )
        return torch.from_numpy(arr.transpose(0, 3, 1, 2).copy())

    def embeddings(self, images: Sequence[Image.Image], cls: bool) -> Any:
        """One embedding per image: the CLS token, or the mean of every token of the last hidden state."""
        torch = _torch()
        with self._lock, torch.inference_mode():
            hidden = self.model(pixel_values=self._tensor(images)).last_hidden_state
        return hidden[:, 0] if cls else hidden.mean(dim=1)

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        torch = _torch()
        ref, cand = reference.image(), candidate.image()
        if self.tiled:
            cand = cand.resize(ref.size, Image.Resampling.BICUBIC) if cand.size != ref.size else cand
            a, b = tiles(ref), tiles(cand)
            ea, eb = self.embeddings(a, cls=True), self.embeddings(b, cls=True)
            v = float(((torch.nn.functional.cosine_similarity(ea, eb, dim=-1) + 1) / 2).mean())
            sim = 0.9 * v + 0.1
            return min(1.0, max(0.0, sim)), f"dino_tiled V={v:.6g} tiles={len(a) - 1}+thumbnail reward=0.9V+0.1"
        e = self.embeddings(
            [_resize_crop(ref, self.short, self.crop), _resize_crop(cand, self.short, self.crop)], cls=False
        )
        cos = float(torch.nn.functional.cosine_similarity(e[0:1], e[1:2], dim=-1))
        return min(1.0, max(0.0, (cos + 1) / 2)), f"dino cos={cos:.6g}"


# -- LPIPS -------------------------------------------------------------------------------------

#: Convolutional stacks as (kind, arguments) in torchvision's ``features`` order; "relu*" marks an LPIPS tap.
_NETS: dict[str, list[tuple[str, tuple[int, ...]]]] = {
    "alex": [
        ("conv", (3, 64, 11, 4, 2)), ("tap", ()), ("pool", (3, 2)),
        ("conv", (64, 192, 5, 1, 2)), ("tap", ()), ("pool", (3, 2)),
        ("conv", (192, 384, 3, 1, 1)), ("tap", ()),
        ("conv", (384, 256, 3, 1, 1)), ("tap", ()),
        ("conv", (256, 256, 3, 1, 1)), ("tap", ()),
    ],
    "vgg": [
        ("conv", (3, 64, 3, 1, 1)), ("relu", ()), ("conv", (64, 64, 3, 1, 1)), ("tap", ()), ("pool", (2, 2)),
        ("conv", (64, 128, 3, 1, 1)), ("relu", ()), ("conv", (128, 128, 3, 1, 1)), ("tap", ()), ("pool", (2, 2)),
        ("conv", (128, 256, 3, 1, 1)), ("relu", ()), ("conv", (256, 256, 3, 1, 1)), ("relu", ()),
        ("conv", (256, 256, 3, 1, 1)), ("tap", ()), ("pool", (2, 2)),
        ("conv", (256, 512, 3, 1, 1)), ("relu", ()), ("conv", (512, 512, 3, 1, 1)), ("relu", ()),
        ("conv", (512, 512, 3, 1, 1)), ("tap", ()), ("pool", (2, 2)),
        ("conv", (512, 512, 3, 1, 1)), ("relu", ()), ("conv", (512, 512, 3, 1, 1)), ("relu", ()),
        ("conv", (512, 512, 3, 1, 1)), ("tap", ()),
    ],
}  # fmt: skip


def lpips_network(net: str) -> Any:
    """LPIPS's backbone and linear layers as plain torch modules, named so that torchvision's
    ``features.N`` and the lpips package's ``linK.model.1`` state dicts load into them."""
    torch = _torch()
    nn = torch.nn
    if net not in _NETS:
        raise InputError(f"lpips net must be one of {', '.join(_NETS)}, not {net!r}")

    class Lpips(nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            layers: list[Any] = []
            self.taps: list[int] = []
            widths: list[int] = []
            last = 3
            for kind, args in _NETS[net]:
                if kind == "conv":
                    cin, cout, k, stride, pad = args
                    layers.append(nn.Conv2d(cin, cout, k, stride=stride, padding=pad))
                    last = cout
                elif kind in ("relu", "tap"):
                    layers.append(nn.ReLU(inplace=False))
                    if kind == "tap":
                        self.taps.append(len(layers) - 1)
                        widths.append(last)
                else:
                    layers.append(nn.MaxPool2d(args[0], stride=args[1]))
            self.features = nn.Sequential(*layers)
            for i, width in enumerate(widths):
                lin = nn.Module()
                lin.model = nn.Sequential(nn.Dropout(), nn.Conv2d(width, 1, 1, bias=False))
                setattr(self, f"lin{i}", lin)
            self.register_buffer("shift", torch.tensor(LPIPS_SHIFT).view(1, 3, 1, 1), persistent=False)
            self.register_buffer("scale", torch.tensor(LPIPS_SCALE).view(1, 3, 1, 1), persistent=False)

        def forward(self, x: Any, y: Any) -> Any:
            """LPIPS distance of two batches of images in [-1, 1]."""
            h = torch.cat([x, y]).sub(self.shift).div(self.scale)
            total = 0
            k = 0
            for i, layer in enumerate(self.features):
                h = layer(h)
                if i in self.taps:
                    fx, fy = h.chunk(2)
                    fx = fx / (fx.pow(2).sum(dim=1, keepdim=True).sqrt() + 1e-10)
                    fy = fy / (fy.pow(2).sum(dim=1, keepdim=True).sqrt() + 1e-10)
                    lin = getattr(self, f"lin{k}").model[1]
                    total = total + lin((fx - fy).pow(2)).mean(dim=(2, 3))
                    k += 1
            return total.view(-1)

    return Lpips()


def _load_state(path_stem: Path) -> dict[str, Any]:
    torch = _torch()
    for suffix in (".safetensors", ".pth", ".pt"):
        p = path_stem.with_suffix(suffix)
        if p.is_file():
            if suffix == ".safetensors":
                from safetensors.torch import load_file

                return dict(load_file(str(p)))
            return dict(torch.load(str(p), map_location="cpu", weights_only=True))
    raise InputError(f"missing {path_stem.name}.pth (or .safetensors) in {path_stem.parent}")


class LpipsJudge(SimilarityBaseline):
    """LPIPS (VGG16 or AlexNet); similarity = clip(1 - LPIPS, 0, 1)."""

    name: ClassVar[str] = "lpips"
    LAYOUT: ClassVar[str] = (
        "backbone.pth (torchvision's vgg16/alexnet state dict) and linear.pth (LPIPS v0.1 linear layers)"
    )

    def __init__(
        self, weights: str | None = None, net: str = "vgg", side: int = 256, threads: int | None = None
    ) -> None:
        torch = _torch()
        self.path = weights_dir(weights, LPIPS_ENV, "lpips", self.LAYOUT)
        if threads:
            torch.set_num_threads(threads)
        self.net = net
        self.side = side
        self.model = lpips_network(net).eval()
        state: dict[str, Any] = {}
        for stem in ("backbone", "linear"):
            try:
                part = _load_state(self.path / stem)
            except InputError as exc:
                raise InputError(f"lpips weights: {exc}; the folder should hold {self.LAYOUT}") from None
            state.update({k: v for k, v in part.items() if k.startswith(("features.", "lin"))})
        try:
            missing, _ = self.model.load_state_dict(state, strict=False)
        except RuntimeError as exc:  # tensors of the wrong shapes: another network's weights
            problem = str(exc).split("\n\t")[1] if "\n\t" in str(exc) else str(exc)
        else:
            problem = f"missing {', '.join(missing[:6])}{' ...' if len(missing) > 6 else ''}" if missing else ""
        if problem:
            raise InputError(
                f"lpips weights in {self.path} do not fit the {net} network ({problem}); "
                f"the folder should hold {self.LAYOUT}"
            )
        self._lock = threading.Lock()

    def _tensor(self, img: Image.Image) -> Any:
        torch = _torch()
        arr = np.asarray(img.convert("RGB"), dtype=np.float32) / 127.5 - 1.0  # [-1, 1], as LPIPS expects
        return torch.from_numpy(arr.transpose(2, 0, 1).copy())[None]

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        torch = _torch()
        ref, cand = reference.image(), candidate.image()
        scale = min(1.0, self.side / max(ref.size))
        size = (max(32, math.ceil(ref.width * scale)), max(32, math.ceil(ref.height * scale)))
        ref = ref.resize(size, Image.Resampling.BILINEAR)
        cand = cand.resize(size, Image.Resampling.BILINEAR)
        with self._lock, torch.inference_mode():
            d = float(self.model(self._tensor(ref), self._tensor(cand))[0])
        return min(1.0, max(0.0, 1.0 - d)), f"lpips_{self.net}={d:.6g}"


# -- tiny random-weight models (tests, and CPU-only comparisons that must say so) -----------------


def save_tiny_weights(kind: str, out: str | Path, seed: int = 0, net: str = "alex") -> Path:
    """Write random-weight ``dino`` (a tiny DINOv2 from a config) or ``lpips`` (``net``'s stack)
    weights in the layout the judges read, with a note that they are not meaningful."""
    torch = _torch()
    torch.manual_seed(seed)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "dino":
        from transformers import Dinov2Config, Dinov2Model

        config = Dinov2Config(
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=2,
            intermediate_size=64,
            patch_size=14,
            image_size=224,
        )
        Dinov2Model(config).save_pretrained(str(folder))
        what = "a tiny DINOv2 (2 layers, width 32)"
    elif kind == "lpips":
        model = lpips_network(net)
        state = model.state_dict()
        torch.save({k: v for k, v in state.items() if k.startswith("features.")}, folder / "backbone.pth")
        torch.save({k: v.abs() for k, v in state.items() if k.startswith("lin")}, folder / "linear.pth")
        what = f"{net} with random weights"
    else:
        raise InputError(f"kind must be dino or lpips, not {kind!r}")
    note = f"{what}, seed {seed}: random weights, numbers not meaningful"
    (folder / WEIGHTS_NOTE_FILE).write_text(json.dumps({"note": note}) + "\n", encoding="utf-8")
    return folder
