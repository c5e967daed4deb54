"""`verm doctor`: every piece reported, with the command that installs what is missing."""

from __future__ import annotations

from packaging.requirements import Requirement
from typer.testing import CliRunner

from verm.cli import app
from verm.doctor import _installed, run_checks


def test_a_missing_or_too_old_package_is_named_with_what_is_needed() -> None:
    ok, detail = _installed(Requirement("verm-no-such-package>=1"))
    assert not ok and detail == "verm-no-such-package missing"
    ok, detail = _installed(Requirement("numpy<1"))
    assert not ok and "needs <1" in detail
    assert _installed(Requirement("numpy>=1"))[0]


def test_the_test_environment_has_every_core_piece() -> None:
    # The test command installs the core, Tesseract's English model and Chromium: a core check that
    # fails here is a missing install step, which is exactly what doctor exists to catch.
    checks = {c.name: c for c in run_checks(sandbox=False)}
    assert {"core packages", "ocr", "chromium", "extra [test]"} <= set(checks)
    missing = [f"{c.name}: {c.detail}" for c in checks.values() if c.core and not c.ok]
    assert not missing
    assert all(c.fix for c in checks.values() if not c.ok), "every missing piece says how to install it"


def test_doctor_lists_extras_and_exits_zero_when_the_core_is_here() -> None:
    result = CliRunner().invoke(app, ["doctor", "--no-sandbox"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for piece in ("core packages", "ocr", "chromium", "extra [vlm]", "extra [serve]"):
        assert piece in result.output
