"""Judges, registered by name: ``get_judge("pixel")``."""

from __future__ import annotations

from verm.judge.base import Judge
from verm.registry import Registry

JUDGES: Registry[Judge] = Registry("judge", "verm.judges")
JUDGES.register("pixel", "verm.judge.pixel:PixelJudge")


def get_judge(name: str, **kwargs: object) -> Judge:
    """Create a judge by name; an unknown name lists the names available."""
    return JUDGES.create(name, **kwargs)


__all__ = ["JUDGES", "Judge", "get_judge"]
