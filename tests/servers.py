"""Real servers for integration tests: free ports, health waits, ``verm serve`` in a subprocess."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen[bytes] | None = None, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1.0, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} not healthy after {timeout}s")


class ServeProcess:
    """``verm serve ARGS`` running in a subprocess on a free port of 127.0.0.1."""

    def __init__(self, args: list[str], log_path: Path, health: str = "/healthz", port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO), env.get("PYTHONPATH", "")])
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        cmd = [sys.executable, "-m", "verm.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port), *args]
        self.proc = subprocess.Popen(cmd, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(self.url + health, self.proc, timeout=120)
        except RuntimeError as exc:
            self.stop()
            raise RuntimeError(f"verm serve did not start: {exc}\n{log_path.read_text(errors='replace')}") from None

    def children(self, pid: int | None = None) -> list[int]:
        """Process ids whose parent is ``pid`` (default: the server)."""
        parent = pid or self.proc.pid
        out = []
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                try:
                    stat = (d / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                    out.append(int(d.name))
        return out

    def zygote(self) -> int:
        """The render sandbox's zygote started by this server."""
        for pid in self.children():
            try:
                if b"verm.render._zygote" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return pid
            except OSError:
                continue
        raise LookupError("no render zygote under the server")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise LookupError("no VmRSS")

    def metric(self, name: str, **labels: str) -> float:
        """One sample's value from /metrics (0 when absent)."""
        text = httpx.get(self.url + "/metrics", timeout=10, trust_env=False).text
        want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
        for line in text.splitlines():
            if not line.startswith(name):
                continue
            key, _, value = line.rpartition(" ")
            if key == name or (key.startswith(name + "{") and _labels(key) == want):
                return float(value)
        return 0.0

    def terminate(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(60)
        finally:
            self._log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()


def _labels(key: str) -> str:
    inner = key[key.index("{") + 1 : -1]
    return ",".join(sorted(p for p in inner.split(",") if p))


@contextmanager
def serve(args: list[str], log_path: Path, health: str = "/healthz", port: int | None = None) -> Iterator[ServeProcess]:
    server = ServeProcess(args, log_path, health, port)
    try:
        yield server
    finally:
        server.stop()
