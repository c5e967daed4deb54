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


def test_zygote_outlives_the_thread_that_started_it():
    # The zygote once died with the host thread that forked it (a parent-death signal follows the
    # thread): a render from a thread that has finished must not cost the next caller a restart.
    import threading
    import time

    pool = SandboxPool(preload=[], workers=1)  # not `with`: that would start it from this thread
    try:
        started = threading.Thread(target=pool.start)
        started.start()
        started.join()
        assert pool._proc is not None
        pid = pool._proc.pid
        deadline = time.monotonic() + 1.0  # a signal sent at the thread's exit lands within this
        while time.monotonic() < deadline and pool._proc.poll() is None:
            time.sleep(0.05)
        result = pool.run_many("json:dumps", [{}])[0]
        # json.dumps returns a str, not (png, scene): the job fails, but in the same, living zygote.
        assert "render sandbox" not in (result.reason or "")
        assert pool._proc is not None and pool._proc.pid == pid and pool._proc.poll() is None
    finally:
        pool.close()


def test_zygote_exits_when_the_host_process_dies(tmp_path):
    import os
    import signal
    import time

    script = (
        "import sys, time\n"
        "from verm.render.sandbox import SandboxPool\n"
        "pool = SandboxPool(preload=[], workers=1)\n"
        "pool.start()\n"
        "print(pool._proc.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    host = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        zygote = int(host.stdout.readline())
        os.kill(host.pid, signal.SIGKILL)  # no chance to close anything
        host.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and os.path.exists(f"/proc/{zygote}"):
            with open(f"/proc/{zygote}/stat") as f:
                if f.read().split(")")[-1].split()[0] == "Z":
                    break  # exited; only its (re-parented) zombie is left to reap
            time.sleep(0.05)
        else:
            assert not os.path.exists(f"/proc/{zygote}"), "the zygote outlived its host"
    finally:
        if host.poll() is None:
            host.kill()


def test_a_start_up_failure_says_where_it_was_raised(tmp_path, monkeypatch):
    # A module on the caller's path that breaks on import (here a preload; a `grp.py` beside the
    # caller's script that shadows the standard library fails alike) names its file and line.
    import pytest

    from verm.errors import SandboxError

    (tmp_path / "verm_broken_preload.py").write_text("x = 1\nraise ValueError('broken on purpose')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(SandboxError) as info:
        SandboxPool(preload=["verm_broken_preload"], workers=1).start()
    message = str(info.value)
    assert "ValueError: broken on purpose" in message
    assert "verm_broken_preload.py, line 2" in message
