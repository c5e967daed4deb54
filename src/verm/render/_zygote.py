"""The sandbox zygote: isolates itself once, pre-imports and warms the render
stack, then forks one locked-down child per job (see `verm.render.sandbox`).

Runs as ``python -m verm.render._zygote``; speaks length-prefixed JSON frames
on stdin/stdout. Everything here uses the standard library plus the modules it
is told to preload, and pyseccomp where installed.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import gc
import importlib
import json
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from verm.render.sandbox import _HEADER, RenderLimits

_libc = ctypes.CDLL(None, use_errno=True)

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_THREAD = 0x00010000
MS_RDONLY, MS_NOSUID, MS_NODEV = 1, 2, 4
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

#: Child uids when the pool runs as root: one per concurrent slot, so that
#: concurrent renders cannot read each other's scratch directories.
_CHILD_UID_BASE = 61000


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(src: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    _check(
        _libc.mount(
            src.encode() if src else None,
            target.encode(),
            fstype.encode() if fstype else None,
            ctypes.c_ulong(flags),
            data.encode() if data else None,
        ),
        f"mount {target}",
    )


# -- isolation of the zygote (once) -----------------------------------------------------


def _enter_namespaces() -> tuple[bool, str]:
    """New mount + network + IPC namespaces (a user namespace too when not root)."""
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC
    if uid != 0:
        flags |= CLONE_NEWUSER
    if _libc.unshare(ctypes.c_int(flags)) != 0:
        err = ctypes.get_errno()
        return False, f"unshare() failed ({os.strerror(err)}); run as root or enable unprivileged user namespaces"
    if uid != 0:
        with open("/proc/self/setgroups", "w") as f:
            f.write("deny")
        with open("/proc/self/uid_map", "w") as f:
            f.write(f"0 {uid} 1")
        with open("/proc/self/gid_map", "w") as f:
            f.write(f"0 {gid} 1")
    return True, "mount, network and IPC namespaces"


def _readable_roots() -> list[str]:
    """What a render may read: the Python installation, system libraries and
    fonts. Nothing else (no /etc, /home, /proc, /tmp or the caller's files)."""
    roots = {"/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin", "/etc/fonts"}
    roots.update({sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))})
    home = os.path.expanduser("~")
    for entry in sys.path:
        if not entry:
            continue
        path = os.path.realpath(entry)
        if path in ("/", home, tempfile.gettempdir()) or not os.path.exists(path):
            continue
        roots.add(path)
    # verm's own package (an editable install lives outside site-packages).
    roots.add(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    existing = sorted((r for r in roots if os.path.lexists(r)), key=len)
    kept: list[str] = []
    for r in existing:  # a root inside an already bound root is already visible
        if not any(r == k or r.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(r)
    return kept


def _build_root(limits: RenderLimits) -> str:
    """A tmpfs root with read-only binds of `_readable_roots`; returns its path."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    new_root = os.path.join(tempfile.gettempdir(), "verm-sandbox-root")
    os.makedirs(new_root, exist_ok=True)
    _mount("verm", new_root, "tmpfs", MS_NOSUID | MS_NODEV, f"size={limits.scratch_mb}m,mode=0755")
    for src in _readable_roots():
        dst = new_root + src
        if os.path.islink(src):  # merged-/usr systems: /lib -> usr/lib
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            os.symlink(os.readlink(src), dst)
            continue
        if os.path.isdir(src):
            os.makedirs(dst, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            open(dst, "w").close()
        _mount(src, dst, None, MS_BIND | MS_REC)
        with contextlib.suppress(OSError):  # some kernels refuse to drop locked flags; the bind stays
            _mount(None, dst, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    for d, mode in (("/tmp", 0o1777), ("/work", 0o711)):
        os.makedirs(new_root + d, exist_ok=True)
        os.chmod(new_root + d, mode)
    # /dev/null alone of /dev: libraries send what they silence there (qhull, under tricontour and Delaunay
    # triangulation, fails without it). It reads empty and swallows writes.
    os.makedirs(new_root + "/dev", exist_ok=True)
    open(new_root + "/dev/null", "w").close()
    _mount("/dev/null", new_root + "/dev/null", None, MS_BIND)
    return new_root


def _seccomp_available() -> tuple[bool, str]:
    try:
        import pyseccomp  # noqa: F401  # loaded now: after chroot, ctypes cannot find libseccomp

        return True, "seccomp filter (pyseccomp)"
    except Exception as exc:  # ImportError, or OSError when libseccomp.so is missing
        try:
            import seccomp  # noqa: F401  # Debian's python3-seccomp

            return True, "seccomp filter (python3-seccomp)"
        except Exception:
            return False, f"no seccomp binding ({exc}); pip install pyseccomp (needs libseccomp2)"


def _compile_seccomp() -> bytes:
    """Build the children's seccomp filter once, in the zygote, as raw BPF.

    Compiling with libseccomp costs tens of milliseconds; loading a ready
    program in each child costs microseconds.
    """
    try:
        import pyseccomp as sc
    except Exception:
        import seccomp as sc  # type: ignore[no-redef]
    f = sc.SyscallFilter(defaction=sc.ALLOW)
    deny = sc.ERRNO(errno.EPERM)
    for name in (
        "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
        "execve", "execveat", "fork", "vfork", "ptrace", "process_vm_readv", "process_vm_writev",
        "mount", "umount2", "unshare", "setns", "chroot", "pivot_root", "bpf", "perf_event_open",
        "keyctl", "add_key", "request_key", "io_uring_setup", "userfaultfd", "kexec_load", "reboot",
        "init_module", "finit_module", "delete_module", "swapon", "swapoff", "acct", "setuid", "setgid",
        "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
        # No signals to anyone: a render has no business signalling, and os.kill(os.getppid(), 9)
        # must not reach the zygote even where the child shares its uid.
        "kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "pidfd_send_signal", "pidfd_open",
    ):  # fmt: skip
        with contextlib.suppress(Exception):  # a syscall this architecture lacks
            f.add_rule(deny, name)
    # clone: threads only (CLONE_THREAD set); clone3 cannot be inspected, so make libc fall back to clone.
    f.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
    with contextlib.suppress(Exception):
        f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    with tempfile.TemporaryFile() as tmp:
        f.export_bpf(tmp)
        tmp.seek(0)
        return tmp.read()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _load_seccomp(bpf: bytes) -> None:
    """Install a compiled filter in this process (needs no_new_privs)."""
    buf = ctypes.create_string_buffer(bpf, len(bpf))
    prog = _SockFprog(len(bpf) // 8, ctypes.cast(buf, ctypes.c_void_p))
    _check(_libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0), "prctl(PR_SET_SECCOMP)")


# -- children ---------------------------------------------------------------------------------


class _CappedWriter:
    """sys.stdout/sys.stderr for a render: keeps the last bytes for error reasons."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.parts: list[str] = []
        self.size = 0

    def write(self, s: str) -> int:
        self.parts.append(s)
        self.size += len(s)
        while self.size > self.cap and len(self.parts) > 1:
            self.size -= len(self.parts.pop(0))
        return len(s)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def getvalue(self) -> str:
        return "".join(self.parts)[-self.cap :]


def describe_exception(exc: BaseException, filename: str = "<candidate>") -> str:
    """One line a person can act on: the error and the candidate's line that raised it."""
    if isinstance(exc, SystemExit):
        return f"the program called sys.exit({exc.code!r}); a render must end by returning"
    if isinstance(exc, MemoryError):
        return "MemoryError: the render exceeded its memory limit"
    line = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = f" (line {frame.lineno} of the candidate: {(frame.line or '').strip()[:120]})"
    msg = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}{line}" if msg else f"{type(exc).__name__}{line}"


_FORBIDDEN_EVENTS = {
    "os.system": "running a shell command",
    "os.exec": "executing a program",
    "os.posix_spawn": "starting a process",
    "os.spawn": "starting a process",
    "os.fork": "starting a process",
    "os.forkpty": "starting a process",
    "subprocess.Popen": "starting a process",
    "socket.__new__": "opening a network socket",
    "socket.connect": "opening a network connection",
    "socket.bind": "opening a network socket",
    "os.kill": "sending a signal",
}


def _tripwire(event: str, args: tuple[Any, ...]) -> None:
    """Audit hook: not the barrier (seccomp and namespaces are), only a clear reason."""
    what = _FORBIDDEN_EVENTS.get(event)
    if what is not None:
        raise PermissionError(f"{what} is not allowed in a render ({event})")


def _set_limits(limits: RenderLimits, base_vsz: int) -> None:
    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (base_vsz + limits.memory_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_s, limits.cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.max_file_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.max_open_files,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child_main(
    job: dict[str, Any], result_w: int, devnull: int, scratch: str, slot_uid: int | None, cfg: _Config
) -> None:
    """Runs in the forked child; never returns."""
    status = 1
    writer = _CappedWriter(cfg.limits.max_log_bytes)
    try:
        os.setpgid(0, 0)
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.closerange(3, result_w)
        os.closerange(result_w + 1, 4096)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with EFBIG instead of killing
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        os.chdir(scratch)
        os.environ.update(HOME=scratch, TMPDIR=scratch, MPLCONFIGDIR=scratch)
        tempfile.tempdir = scratch
        _set_limits(cfg.limits, cfg.base_vsz)
        if slot_uid is not None:
            os.setgroups([])
            os.setresgid(slot_uid, slot_uid, slot_uid)
            os.setresuid(slot_uid, slot_uid, slot_uid)
        _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        if cfg.seccomp_bpf:
            _load_seccomp(cfg.seccomp_bpf)
        sys.addaudithook(_tripwire)
        sys.stdout = sys.stderr = writer  # type: ignore[assignment]
        module, _, attr = job["function"].partition(":")
        fn = getattr(importlib.import_module(module), attr)
        png, scene = fn(job["payload"])
        header = {"ok": True, "scene": scene, "log": writer.getvalue()[-2000:]}
        status = 0
    except BaseException as exc:  # the code under test may raise anything, SystemExit included
        png = b""
        header = {"ok": False, "reason": describe_exception(exc), "log": writer.getvalue()[-2000:]}
    try:
        data = json.dumps(header, default=str).encode()
        view = memoryview(_HEADER.pack(len(data), len(png or b"")) + data + (png or b""))
        while view:
            n = os.write(result_w, view)
            view = view[n:]
    except BaseException:
        status = 3
    os._exit(status)


# -- the zygote loop ---------------------------------------------------------------------------


@dataclass
class _Config:
    limits: RenderLimits
    workers: int
    layers: dict[str, bool] = field(default_factory=dict)
    base_vsz: int = 0
    seccomp_bpf: bytes = b""


@dataclass
class _Child:
    job_id: int
    pid: int
    fd: int
    slot: int
    scratch: str
    started: float
    deadline: float
    buf: bytearray = field(default_factory=bytearray)
    killed_reason: str | None = None


_SHUTTING_DOWN = "the sandbox is shutting down"
#: Deaths that say nothing about the code (no limit of ours sends them): worth one retry.
_OUTSIDE_KILLS = frozenset({signal.SIGKILL, signal.SIGTERM, signal.SIGHUP, signal.SIGINT})


def _signal_reason(sig: int, limits: RenderLimits) -> str:
    if sig == signal.SIGXCPU:
        return f"CPU time limit exceeded ({limits.cpu_s} s)"
    if sig == signal.SIGSEGV:
        return "the render crashed (SIGSEGV: invalid memory access)"
    if sig == signal.SIGXFSZ:
        return f"file size limit exceeded ({limits.max_file_mb} MB)"
    try:
        name = signal.Signals(sig).name
    except ValueError:
        name = f"signal {sig}"
    return f"the render was killed by {name}"


class Zygote:
    def __init__(self, cfg: _Config, out: int, devnull: int) -> None:
        self.cfg = cfg
        self.out = out
        self.devnull = devnull
        self.queue: deque[dict[str, Any]] = deque()
        self.children: dict[int, _Child] = {}
        self.free_slots = list(range(cfg.workers))
        self.root_uid = os.getuid() == 0 and cfg.layers.get("unprivileged_uid", False)

    def send(self, header: dict[str, Any], payload: bytes = b"") -> None:
        data = json.dumps(header, default=str).encode()
        view = memoryview(_HEADER.pack(len(data), len(payload)) + data + payload)
        while view:
            n = os.write(self.out, view)
            view = view[n:]

    def launch(self, job: dict[str, Any]) -> None:
        slot = self.free_slots.pop(0)
        uid = _CHILD_UID_BASE + slot if self.root_uid else None
        scratch = tempfile.mkdtemp(
            prefix=f"job{job['id']}-", dir="/work" if self.cfg.layers.get("filesystem") else None
        )
        if uid is not None:
            os.chown(scratch, uid, uid)
        os.chmod(scratch, 0o700)
        r, w = os.pipe()
        now = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            _child_main(job, w, self.devnull, scratch, uid, self.cfg)
        os.close(w)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)
        self.children[r] = _Child(job["id"], pid, r, slot, scratch, now, now + self.cfg.limits.timeout_s)

    def finish(self, child: _Child) -> None:
        del self.children[child.fd]
        os.close(child.fd)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)
        _, status = os.waitpid(child.pid, 0)
        shutil.rmtree(child.scratch, ignore_errors=True)
        self.free_slots.append(child.slot)
        elapsed_ms = (time.monotonic() - child.started) * 1000
        header: dict[str, Any] = {"id": child.job_id, "ok": False, "elapsed_ms": elapsed_ms}
        payload = b""
        parsed = self._parse(child.buf)
        if child.killed_reason:
            header["reason"] = child.killed_reason
            header["infra"] = child.killed_reason == _SHUTTING_DOWN
        elif parsed is not None:
            res, payload = parsed
            header.update(
                ok=bool(res.get("ok")), reason=res.get("reason"), scene=res.get("scene"), log=res.get("log", "")
            )
            if not header["ok"]:
                payload = b""
        elif os.WIFSIGNALED(status):
            header["reason"] = _signal_reason(os.WTERMSIG(status), self.cfg.limits)
            # Killed from outside (an operator, the OOM killer) or by itself: the host retries it once on a
            # fresh worker and blames the candidate only if it dies again while a known-good render works.
            header["infra"] = os.WTERMSIG(status) in _OUTSIDE_KILLS
        else:
            header["reason"] = f"the render exited (code {os.WEXITSTATUS(status)}) without returning an image"
        self.send(header, payload)

    @staticmethod
    def _parse(buf: bytearray) -> tuple[dict[str, Any], bytes] | None:
        if len(buf) < _HEADER.size:
            return None
        n_json, n_png = _HEADER.unpack_from(buf)
        if len(buf) != _HEADER.size + n_json + n_png:
            return None
        try:
            res = json.loads(bytes(buf[_HEADER.size : _HEADER.size + n_json]))
        except ValueError:
            return None
        return (res, bytes(buf[_HEADER.size + n_json :])) if isinstance(res, dict) else None

    def run(self, inp: int) -> None:
        pending_in = bytearray()
        cap = self.cfg.limits.max_output_mb * 1024 * 1024
        open_in = True
        while open_in or self.queue or self.children:
            while self.queue and self.free_slots:
                self.launch(self.queue.popleft())
            now = time.monotonic()
            timeout = min((c.deadline for c in self.children.values()), default=now + 60) - now
            fds = list(self.children) + ([inp] if open_in else [])
            if not fds:
                break
            readable, _, _ = select.select(fds, [], [], max(0.0, timeout))
            for fd in readable:
                if fd == inp:
                    data = os.read(inp, 1 << 20)
                    if not data:
                        open_in = False
                        self.queue.clear()
                        for c in list(self.children.values()):
                            c.killed_reason = _SHUTTING_DOWN
                            self.finish(c)
                        continue
                    pending_in += data
                    while len(pending_in) >= _HEADER.size:
                        n_json, n_pay = _HEADER.unpack_from(pending_in)
                        end = _HEADER.size + n_json + n_pay
                        if len(pending_in) < end:
                            break
                        self.queue.append(json.loads(bytes(pending_in[_HEADER.size : _HEADER.size + n_json])))
                        del pending_in[:end]
                    continue
                child = self.children.get(fd)
                if child is None:
                    continue
                data = os.read(fd, 1 << 20)
                if not data:
                    self.finish(child)
                    continue
                child.buf += data
                if len(child.buf) > cap:
                    child.killed_reason = f"the render's output exceeded {self.cfg.limits.max_output_mb} MB"
                    self.finish(child)
            now = time.monotonic()
            for child in [c for c in self.children.values() if c.deadline <= now]:
                child.killed_reason = f"wall-clock time limit exceeded ({self.cfg.limits.timeout_s:g} s)"
                self.finish(child)


def _vsz_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


def main() -> None:
    inp, out = sys.stdin.buffer.fileno(), sys.stdout.buffer.fileno()
    # Frames go through raw fds; keep print() or a stray library write from corrupting the protocol.
    out = os.dup(out)
    os.dup2(2, 1)
    # No parent-death signal here: Linux sends it when the *thread* that forked us exits, and the host
    # starts the zygote from whichever thread renders first (a web server's or a bench's worker thread),
    # so it killed a healthy zygote mid-run. The zygote ends on EOF on stdin instead, which the kernel
    # gives as soon as the host process exits or dies; its children keep theirs (we are one thread).
    devnull = os.open(os.devnull, os.O_RDWR)  # opened before the chroot hides /dev
    head = os.read(inp, _HEADER.size)
    n_json, _ = _HEADER.unpack(head)
    raw = b""
    while len(raw) < n_json:
        raw += os.read(inp, n_json - len(raw))
    conf = json.loads(raw)
    limits = RenderLimits(**conf["limits"])
    cfg = _Config(limits=limits, workers=int(conf["workers"]))
    notes: dict[str, str] = {}

    def reply(h: dict[str, Any]) -> None:
        data = json.dumps(h).encode()
        os.write(out, _HEADER.pack(len(data), 0) + data)

    # An explicit opt-out for hosts that forbid a layer (e.g. a container without unshare); it is
    # reported as missing like any other unavailable layer, never silently.
    disabled = set(conf.get("disable", []))
    try:
        if "namespaces" in disabled:
            ok, note = False, "disabled by VERM_SANDBOX_DISABLE"
        elif sys.platform == "linux":
            ok, note = _enter_namespaces()
        else:
            ok, note = False, f"namespaces need Linux (this is {sys.platform})"
        cfg.layers["namespaces"] = ok
        notes["namespaces"] = note
        if "seccomp" in disabled:
            ok, note = False, "disabled by VERM_SANDBOX_DISABLE"
        else:
            ok, note = _seccomp_available() if sys.platform == "linux" else (False, "seccomp needs Linux")
        if ok:
            try:
                cfg.seccomp_bpf = _compile_seccomp()
            except Exception as exc:  # a libseccomp that cannot build the filter: say so, do not pretend
                ok, note = False, f"could not compile the seccomp filter ({exc})"
        cfg.layers["seccomp"], notes["seccomp"] = ok, note
        for name in conf["preload"]:
            importlib.import_module(name)
        if conf.get("warmup"):
            module, _, attr = conf["warmup"].partition(":")
            getattr(importlib.import_module(module), attr)()
        # Move every warm object out of the collector's reach: a child's GC pass would otherwise
        # write to (and so copy) every page of the zygote's heap.
        gc.collect()
        gc.freeze()
        cfg.base_vsz = _vsz_bytes() + 256 * 1024 * 1024
        cfg.layers["filesystem"] = False
        if cfg.layers["namespaces"]:
            try:
                root = _build_root(limits)
                os.chroot(root)
                os.chdir("/")
                cfg.layers["filesystem"] = True
                notes["filesystem"] = "tmpfs root with read-only Python, libraries and fonts"
            except OSError as exc:
                notes["filesystem"] = f"could not build the private root ({exc})"
        else:
            notes["filesystem"] = "needs namespaces; renders can read any file this user can"
        cfg.layers["unprivileged_uid"] = os.getuid() == 0
        notes["unprivileged_uid"] = (
            "renders run as dedicated uids" if os.getuid() == 0 else "not root: renders keep this user's uid"
        )
        if os.getuid() != 0:
            cfg.layers.pop("unprivileged_uid")  # not a missing layer: the user already is unprivileged
        cfg.layers["rlimits"] = True
        zygote = Zygote(cfg, out, devnull)
    except Exception as exc:
        # Where it was raised: a module on the caller's path that shadows one the sandbox imports
        # (a `grp.py` beside the caller's script) fails here, far from anything verm names.
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" (at {tb[-1].filename}, line {tb[-1].lineno})" if tb else ""
        reply({"type": "error", "error": f"{type(exc).__name__}: {exc}{where}"})
        raise SystemExit(1) from exc
    reply({"type": "ready", "layers": cfg.layers, "notes": notes})
    zygote.run(inp)


if __name__ == "__main__":
    main()
