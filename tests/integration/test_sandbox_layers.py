"""A missing isolation layer is said once, clearly, and `verm doctor` names it."""

from __future__ import annotations

import logging
import subprocess
import sys

from verm.render.sandbox import SandboxPool


def test_missing_layers_are_reported_once(monkeypatch, caplog):
    monkeypatch.setenv("VERM_SANDBOX_DISABLE", "namespaces,seccomp")
    monkeypatch.setattr(SandboxPool, "_warned_missing", False)
    caplog.set_level(logging.WARNING, logger="verm.render.sandbox")
    for _ in range(2):
        with SandboxPool(preload=[], workers=1) as pool:
            assert pool.isolation is not None
            assert {"namespaces", "seccomp", "filesystem"} <= set(pool.isolation.missing)
            assert pool.isolation.layers["rlimits"]
    warnings = [r for r in caplog.records if "WITHOUT these isolation layers" in r.getMessage()]
    assert len(warnings) == 1
    assert "disabled by VERM_SANDBOX_DISABLE" in warnings[0].getMessage()


def test_full_isolation_here_and_doctor_says_so(monkeypatch):
    monkeypatch.delenv("VERM_SANDBOX_DISABLE", raising=False)
    with SandboxPool(preload=[], workers=1) as pool:
        assert pool.isolation is not None and not pool.isolation.missing, pool.isolation
    ok = subprocess.run([sys.executable, "-m", "verm.cli", "doctor"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "seccomp" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "verm.cli", "doctor"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "VERM_SANDBOX_DISABLE": "seccomp"},
    )
    assert bad.returncode == 1 and "MISSING" in bad.stdout
