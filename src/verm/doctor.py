"""What this machine provides for verm, piece by piece, with the command that installs what is missing.

``verm doctor`` prints these checks. A *core* check failing means a default path
of verm (a judge, a renderer, the sandbox) is degraded or broken here; an
*extra* check failing only means an optional feature is not installed.

>>> from verm.doctor import run_checks
>>> names = [c.name for c in run_checks(sandbox=False)]
>>> "ocr" in names and "chromium" in names
True
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement

from verm.errors import VermError

log = logging.getLogger(__name__)

SYSTEM_DEPS = "bash scripts/install-system-deps.sh"


@dataclass(frozen=True)
class Check:
    """One piece verm can use: whether it is here, what was found, and how to get it."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    core: bool = True


def _sandbox_checks() -> list[Check]:
    from verm.render.sandbox import SandboxPool

    try:
        with SandboxPool(preload=[], workers=1) as pool:
            iso = pool.isolation
    except VermError as exc:
        return [Check("sandbox", False, str(exc), "see the message above; `verm doctor -v` logs the start-up")]
    assert iso is not None
    fixes = {
        "seccomp": "pip install pyseccomp, and apt-get install libseccomp2",
        "namespaces": "allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1), "
        "or run the container with --privileged / a seccomp profile that permits unshare",
        "filesystem": "needs the namespaces layer (above)",
        "unprivileged_uid": "run as root so each render gets its own uid",
    }
    return [
        Check(f"sandbox: {name}", on, iso.notes.get(name, ""), "" if on else fixes.get(name, ""))
        for name, on in iso.layers.items()
    ]


def _ocr_check() -> Check:
    from verm.judge.pixel import ocr_available

    try:
        import tesserocr
    except ImportError:
        fix = f"{_pip()} install {_verm_spec('ocr')}" + (
            "" if sys.platform == "linux" else " (after installing Tesseract)"
        )
        return Check("ocr", False, "tesserocr is not installed: the pixel judge cannot read text", fix)
    if not ocr_available():
        return Check(
            "ocr",
            False,
            "no English model (eng.traineddata) for Tesseract: the pixel judge cannot read text",
            f"apt-get install tesseract-ocr-eng (or {SYSTEM_DEPS}), or set TESSDATA_PREFIX",
        )
    return Check("ocr", True, f"{tesserocr.tesseract_version().splitlines()[0]} (English model found)")


def _chromium_check() -> Check:
    from verm.render.table import find_chromium

    try:
        path = find_chromium()
    except VermError as exc:
        return Check("chromium", False, f"tables cannot render: {exc}", f"apt-get install chromium (or {SYSTEM_DEPS})")
    return Check("chromium", True, path)


def _pip() -> str:
    """This interpreter's pip, as a person would type it (``.venv/bin/python -m pip`` in a checkout)."""
    exe = Path(sys.executable)
    try:
        exe = exe.relative_to(Path.cwd())
    except ValueError:
        pass
    return f"{exe} -m pip"


def _verm_spec(extra: str) -> str:
    """How pip names verm with ``extra``: the checkout (``-e '.[hf]'``) for an editable install, else ``'verm[hf]'``."""
    suffix = f"[{extra}]" if extra else ""
    try:
        info = json.loads(importlib.metadata.distribution("verm").read_text("direct_url.json") or "{}")
    except (importlib.metadata.PackageNotFoundError, ValueError):
        info = {}
    if info.get("dir_info", {}).get("editable") and info.get("url", "").startswith("file://"):
        where = Path(info["url"].removeprefix("file://"))
        try:
            where = where.relative_to(Path.cwd())
        except ValueError:
            pass
        return f"-e '{where}{suffix}'"
    return f"'verm{suffix}'"


def _installed(req: Requirement) -> tuple[bool, str]:
    try:
        version = importlib.metadata.version(req.name)
    except importlib.metadata.PackageNotFoundError:
        return False, f"{req.name} missing"
    if req.specifier and not req.specifier.contains(version, prereleases=True):
        return False, f"{req.name} {version} (needs {req.specifier})"
    return True, f"{req.name} {version}"


def _requirement_checks() -> list[Check]:
    """The core's and every extra's declared packages, read from verm's own metadata."""
    try:
        declared = importlib.metadata.requires("verm") or []
    except importlib.metadata.PackageNotFoundError:
        return [Check("verm", False, "verm is not installed as a package", "pip install -e .  (in the checkout)")]
    groups: dict[str, list[Requirement]] = {}
    for line in declared:
        req = Requirement(line)
        extra = ""
        if req.marker is not None:
            m = re.search(r'extra\s*==\s*"([^"]+)"', str(req.marker))
            if m:
                extra = m.group(1)
            env = {"extra": extra}
            if not req.marker.evaluate(env):
                continue
        groups.setdefault(extra, []).append(req)
    checks = []
    for extra, reqs in sorted(groups.items()):
        found = [_installed(r) for r in reqs]
        missing = [d for ok, d in found if not ok]
        name = "core packages" if not extra else f"extra [{extra}]"
        detail = ", ".join(missing) if missing else ", ".join(r.name for r in reqs)
        fix = f"{_pip()} install {_verm_spec(extra)}" if missing else ""
        checks.append(Check(name, not missing, detail, fix, core=not extra))
    return checks


def run_checks(*, sandbox: bool = True) -> list[Check]:
    """Every check, core first. ``sandbox=False`` skips starting a render sandbox (slow, forks)."""
    checks = _requirement_checks()
    checks.append(_ocr_check())
    checks.append(_chromium_check())
    if sandbox:
        checks.extend(_sandbox_checks())
    return sorted(checks, key=lambda c: not c.core)
