"""Judges, registered by name: ``get_judge("pixel")``."""

from __future__ import annotations

from verm.judge.base import Judge
from verm.registry import Registry

JUDGES: Registry[Judge] = Registry("judge", "verm.judges")
JUDGES.register("pixel", "verm.judge.pixel:PixelJudge")
# Registered by dotted path, imported only when chosen; each module lands with its issue.
JUDGES.register("scene", "verm.judge.scene:SceneJudge")
JUDGES.register("cascade", "verm.judge.cascade:CascadeJudge")
JUDGES.register("auto", "verm.judge.cascade:auto_judge")
JUDGES.register("vlm", "verm.judge.vlm:VlmJudge")
JUDGES.register("hf", "verm.judge.hf:HfJudge")
JUDGES.register("mse", "verm.judge.baselines:MseJudge")
JUDGES.register("psnr", "verm.judge.baselines:PsnrJudge")
JUDGES.register("ssim", "verm.judge.baselines:SsimJudge")
JUDGES.register("teds", "verm.judge.baselines:TedsJudge")
JUDGES.register("teds_s", "verm.judge.baselines:TedsStructureJudge")
JUDGES.register("chartmimic", "verm.judge.baselines.chartmimic:ChartMimicJudge")
JUDGES.register("dino", "verm.judge.baselines.vision:DinoJudge")
JUDGES.register("lpips", "verm.judge.baselines.vision:LpipsJudge")


def get_judge(name: str, **kwargs: object) -> Judge:
    """Create a judge by name; an unknown name lists the names available."""
    return JUDGES.create(name, **kwargs)


__all__ = ["JUDGES", "Judge", "get_judge"]
