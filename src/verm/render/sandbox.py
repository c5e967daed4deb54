"""The render sandbox: a pool of pre-warmed, locked-down worker processes.

Design (why it is shaped this way):

* One *zygote* process per pool is started with a clean interpreter, imports
  the heavy modules once (matplotlib, resvg), draws a warm-up figure, and then
  forks one short-lived child per render. A fork of a warm process costs a few
  milliseconds, so a render pays neither the interpreter start-up nor the
  matplotlib import (the reference implementation pays both, ~0.9 s), and a
  child that poisons global state (rcParams, monkeypatched modules) dies with
  it: the next render forks from the untouched zygote.
* Isolation is layered and enforced by the kernel, not by Python (an audit
  hook is only a tripwire; ctypes walks around it):

  - zygote, once: new mount + network namespaces; the filesystem it sees is a
    tmpfs root with read-only bind mounts of only the Python installation and
    system libraries/fonts (no ``/etc``, no ``/home``, no ``/proc``, no caller
    files: the reference image is unreachable); the network namespace has no
    interfaces up.
  - child, per render: rlimits (address space, CPU with soft < hard, file size
    with SIGXFSZ ignored, open files, no core dumps), its own scratch directory
    as working directory, an unprivileged uid (when the pool runs as root),
    ``no_new_privs`` and a seccomp filter that denies sockets, ``execve``,
    ``fork``/non-thread ``clone``, ``ptrace``, mounts and signals to any other
    process; a wall-clock deadline enforced by the zygote (SIGKILL).

  A layer that the machine cannot provide is reported once at start-up
  (`SandboxPool.isolation`) and logged as a warning; nothing pretends.
* Results cross a pipe as a small JSON header plus the PNG bytes, never as
  pickles, so a compromised child cannot attack the parent's deserialiser.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from verm.errors import SandboxError

logger = logging.getLogger(__name__)

_HEADER = struct.Struct(">II")  # (json length, payload length)
_MAX_FRAME_JSON = 64 * 1024 * 1024


@dataclass(frozen=True)
class RenderLimits:
    """Every bound a render runs under. Breaking one ends the render as
    ``render_error`` with a reason that names the limit."""

    #: Wall-clock seconds from fork to result.
    timeout_s: float = 20.0
    #: CPU seconds (soft limit; the hard limit is one second more, so SIGXCPU arrives first).
    cpu_s: int = 15
    #: Address space the render may add on top of the warm worker's own.
    memory_mb: int = 2048
    #: Largest file the render may write in its scratch space.
    max_file_mb: int = 64
    #: Size of the whole tmpfs the workers write into (all concurrent renders together).
    scratch_mb: int = 512
    #: Largest result (PNG + scene) accepted from a worker.
    max_output_mb: int = 48
    #: Largest rendered image side and area, checked *before* drawing.
    max_image_side: int = 8192
    max_image_pixels: int = 30_000_000
    #: Largest source text accepted.
    max_source_bytes: int = 1_000_000
    #: Captured stdout/stderr kept for the reason of a failure.
    max_log_bytes: int = 16_384
    #: Open file descriptors a render may hold.
    max_open_files: int = 64


@dataclass
class JobResult:
    """What a worker returned: ``ok`` with a PNG, or a reason."""

    ok: bool
    png: bytes | None = None
    scene: dict[str, Any] | None = None
    reason: str | None = None
    elapsed_ms: float = 0.0
    log: str = ""
    #: The failure may be the machinery's, not the code's (the zygote died or restarted, the child was
    #: killed from outside): callers retry it once on a fresh worker before blaming the code.
    infra: bool = False


@dataclass
class Isolation:
    """Which isolation layers are active in a pool (reported by the zygote)."""

    layers: dict[str, bool] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [name for name, on in self.layers.items() if not on]


def write_frame(stream: IO[bytes], header: dict[str, Any], payload: bytes = b"") -> None:
    data = json.dumps(header, separators=(",", ":")).encode()
    stream.write(_HEADER.pack(len(data), len(payload)))
    stream.write(data)
    if payload:
        stream.write(payload)
    stream.flush()


def _read_exact(stream: IO[bytes], n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: IO[bytes], max_payload: int) -> tuple[dict[str, Any], bytes] | None:
    """Read one frame; None at end of stream. Oversized frames raise SandboxError."""
    head = _read_exact(stream, _HEADER.size)
    if head is None:
        return None
    n_json, n_payload = _HEADER.unpack(head)
    if n_json > _MAX_FRAME_JSON or n_payload > max_payload:
        raise SandboxError(f"oversized frame from worker ({n_json} + {n_payload} bytes)")
    data = _read_exact(stream, n_json)
    payload = _read_exact(stream, n_payload) if n_payload else b""
    if data is None or payload is None:
        return None
    return json.loads(data), payload


class SandboxPool:
    """A pool of sandboxed render workers behind one pre-warmed zygote.

    ``workers`` renders run at once (default: the number of CPUs). Jobs are
    plain data: a worker function named ``"module:function"`` that takes a
    JSON-able payload dict and returns ``(png_bytes, scene_dict_or_None)``.
    The pool starts lazily, restarts itself if the zygote dies, and is safe to
    use from several threads.
    """

    #: A missing isolation layer is said once per process, clearly.
    _warned_missing = False

    def __init__(
        self,
        preload: Sequence[str],
        limits: RenderLimits | None = None,
        workers: int | None = None,
        warmup: str | None = None,
    ) -> None:
        self.preload = tuple(preload)
        self.limits = limits or RenderLimits()
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.warmup = warmup
        self.isolation: Isolation | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._write_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._pending: dict[int, Future[JobResult]] = {}
        self._next_id = 0
        self._reader: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------
    def start(self) -> None:
        with self._state_lock:
            if self._proc is not None and self._proc.poll() is None:
                return
            self._spawn()

    def _spawn(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONSTARTUP", "PYTHONINSPECT"))}
        # One BLAS thread: threads in a forked child are a hazard, and renders parallelise by process.
        env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", MPLBACKEND="Agg")
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "verm.render._zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # the zygote logs its own problems to the caller's stderr
            env=env,
            close_fds=True,
            start_new_session=True,  # keep terminal signals (Ctrl-C) for the caller to handle
        )
        assert proc.stdin is not None and proc.stdout is not None
        config = {
            "disable": [x.strip() for x in os.environ.get("VERM_SANDBOX_DISABLE", "").split(",") if x.strip()],
            "preload": list(self.preload),
            "limits": asdict(self.limits),
            "workers": self.workers,
            "warmup": self.warmup,
        }
        try:
            write_frame(proc.stdin, config)
            frame = read_frame(proc.stdout, max_payload=0)
        except (OSError, SandboxError) as exc:
            proc.kill()
            raise SandboxError(f"render sandbox failed to start: {exc}") from exc
        if frame is None or frame[0].get("type") != "ready":
            proc.kill()
            detail = frame[0].get("error") if frame else "the zygote exited during start-up"
            raise SandboxError(f"render sandbox failed to start: {detail}")
        info = frame[0]
        self.isolation = Isolation(layers=info.get("layers", {}), notes=info.get("notes", {}))
        if self.isolation.missing and not SandboxPool._warned_missing:
            SandboxPool._warned_missing = True  # once per process, not once per pool or restart
            logger.warning(
                "render sandbox runs WITHOUT these isolation layers: %s. Model-written code is less contained "
                "than designed; `verm doctor` lists the layers.",
                "; ".join(f"{n} ({self.isolation.notes.get(n, 'no reason given')})" for n in self.isolation.missing),
            )
        logger.debug("sandbox zygote %d ready in %.0f ms", proc.pid, (time.perf_counter() - started) * 1000)
        self._proc = proc
        self._reader = threading.Thread(target=self._read_loop, args=(proc,), daemon=True, name="verm-sandbox-reader")
        self._reader.start()

    def close(self) -> None:
        with self._state_lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        if self._reader is not None:
            self._reader.join(timeout=5)

    def __enter__(self) -> SandboxPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:  # best effort; close() is the contract
        proc = getattr(self, "_proc", None)
        if proc is not None and proc.poll() is None:
            proc.kill()

    # -- jobs ----------------------------------------------------------------------
    def submit(self, function: str, payload: dict[str, Any]) -> Future[JobResult]:
        """Queue one render; the future always resolves (never hangs, never raises
        for a bad job: a failed job is ``JobResult(ok=False, reason=...)``)."""
        fut: Future[JobResult] = Future()
        try:
            self.start()
        except SandboxError as exc:
            logger.error("%s", exc)
            fut.set_result(JobResult(ok=False, reason=str(exc), infra=True))
            return fut
        with self._state_lock:
            job_id = self._next_id
            self._next_id += 1
            self._pending[job_id] = fut
            proc = self._proc
        if proc is None or proc.stdin is None:  # closed or restarted by another thread in between
            with self._state_lock:
                self._pending.pop(job_id, None)
            fut.set_result(JobResult(ok=False, reason="render sandbox was stopped before the job started", infra=True))
            return fut
        try:
            with self._write_lock:
                write_frame(proc.stdin, {"type": "job", "id": job_id, "function": function, "payload": payload})
        except OSError as exc:
            self._fail_pending(proc, f"render sandbox stopped: {exc}")
        return fut

    def run_many(
        self,
        function: str,
        payloads: Sequence[dict[str, Any]],
        on_done: Callable[[int, JobResult], None] | None = None,
    ) -> list[JobResult]:
        """Run jobs, results in input order; ``on_done(i, result)`` as each finishes."""
        futures = [self.submit(function, p) for p in payloads]
        results: list[JobResult | None] = [None] * len(futures)
        if on_done is not None:
            done_lock = threading.Lock()

            def _callback(i: int) -> Callable[[Future[JobResult]], None]:
                def cb(f: Future[JobResult]) -> None:
                    with done_lock:
                        on_done(i, f.result())

                return cb

            for i, f in enumerate(futures):
                f.add_done_callback(_callback(i))
        # The zygote enforces every deadline; this outer bound only guards against a hung zygote.
        guard = self.limits.timeout_s * (1 + len(futures) / self.workers) + 30
        for i, f in enumerate(futures):
            try:
                results[i] = f.result(timeout=guard)
            except TimeoutError:
                logger.error("render sandbox did not answer within %.0f s; restarting it", guard)
                self.restart()
                results[i] = JobResult(
                    ok=False, reason="render sandbox stopped answering; it was restarted", infra=True
                )
        return [r for r in results if r is not None]

    def restart(self) -> None:
        with self._state_lock:
            proc = self._proc
            self._proc = None
        if proc is not None:
            proc.kill()
            proc.wait()
            self._fail_pending(proc, "render sandbox was restarted")

    # -- reader ----------------------------------------------------------------------
    def _read_loop(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        max_payload = self.limits.max_output_mb * 1024 * 1024
        try:
            while True:
                frame = read_frame(proc.stdout, max_payload)
                if frame is None:
                    break
                header, payload = frame
                with self._state_lock:
                    fut = self._pending.pop(header.get("id", -1), None)
                if fut is None:
                    continue
                fut.set_result(
                    JobResult(
                        ok=bool(header.get("ok")),
                        png=payload or None,
                        scene=header.get("scene"),
                        reason=header.get("reason"),
                        elapsed_ms=float(header.get("elapsed_ms", 0.0)),
                        log=header.get("log", ""),
                        infra=bool(header.get("infra")),
                    )
                )
        except (OSError, SandboxError, ValueError) as exc:
            logger.error("render sandbox protocol error: %s", exc)
            proc.kill()
        code = proc.wait()
        self._fail_pending(proc, f"render sandbox exited unexpectedly (code {code}); it restarts on the next render")

    def _fail_pending(self, proc: subprocess.Popen[bytes], reason: str) -> None:
        with self._state_lock:
            if self._proc is proc:
                self._proc = None
            pending, self._pending = self._pending, {}
        for fut in pending.values():
            if not fut.done():
                fut.set_result(JobResult(ok=False, reason=reason, infra=True))
