"""The import contract that keeps the pixel judge's stages below its task modules names every task
module: a task module added without it could be imported by a stage unseen (lint-imports checks
only the modules a contract names)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_stages_contract_names_every_pixel_task_module() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (stages,) = [c for c in contracts if c["name"].startswith("pixel judge: its stages")]
    package = ROOT / "src" / "verm" / "judge" / "pixel"
    tasks = {f"verm.judge.pixel.{p.stem}" for pre in ("chart", "svg", "table") for p in package.glob(f"{pre}*.py")}
    assert tasks, "no pixel task module found"
    assert tasks - set(stages["forbidden_modules"]) == set()
    assert not set(stages["source_modules"]) & tasks
