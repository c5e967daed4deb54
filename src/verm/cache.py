"""A bounded content-hash cache with single-flight, for renders and judgments.

Keys are hex digests of what determines a result (the code and the renderer's
settings for a render; the judge, the reference and the rendering for a
judgment), so two identical completions share one render and one judgment
whichever call, thread or request they come from.

* **Memory tier**: least recently used entries go first once ``max_items`` or
  ``max_bytes`` is passed (sizes are the PNG and JSON sizes, an estimate).
* **Disk tier** (optional, ``cache_dir``): one JSON file per entry, written
  atomically, pruned oldest first past ``disk_max_bytes``; survives restarts.
* **Single-flight**: `claim` tells the first caller to compute a key and every
  concurrent caller to wait on the same future, so a GRPO group of eight
  identical completions arriving at once is computed once.

Values are pydantic models (`Rendering`, `Judgment`); only results that are
worth keeping are stored (the caller decides: verm stores failures of the code
but never failures of the machinery).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel

logger = logging.getLogger(__name__)

V = TypeVar("V", bound=BaseModel)

#: Defaults: enough for a few GRPO steps of charts (a rendering is ~30-150 KB of PNG).
DEFAULT_MAX_ITEMS = 20_000
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
DEFAULT_DISK_MAX_BYTES = 4 * 1024 * 1024 * 1024


def digest(*parts: str | bytes) -> str:
    """A sha256 hex digest of the parts, each length-prefixed (so ("ab", "c") != ("a", "bc"))."""
    h = hashlib.sha256()
    for p in parts:
        b = p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    disk_hits: int = 0
    misses: int = 0
    shared: int = 0
    evictions: int = 0
    items: int = 0
    bytes: int = 0


class ContentCache(Generic[V]):
    """One namespace of cached values of one model type (thread-safe)."""

    def __init__(
        self,
        kind: str,
        model: type[V],
        size_of: Callable[[V], int],
        max_items: int = DEFAULT_MAX_ITEMS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        cache_dir: str | Path | None = None,
        disk_max_bytes: int = DEFAULT_DISK_MAX_BYTES,
    ) -> None:
        self.kind = kind
        self.model = model
        self.size_of = size_of
        self.max_items = max(0, int(max_items))
        self.max_bytes = max(0, int(max_bytes))
        self._lock = threading.Lock()
        self._mem: OrderedDict[str, tuple[V, int]] = OrderedDict()
        self._inflight: dict[str, Future[V]] = {}
        self._stats = CacheStats()
        self._dir = Path(cache_dir) / kind if cache_dir is not None else None
        self._disk_max = int(disk_max_bytes)
        self._disk_bytes = 0
        if self._dir is not None:
            self._dir.mkdir(parents=True, exist_ok=True)
            self._disk_bytes = sum(f.stat().st_size for f in self._dir.glob("*/*.json"))

    # -- lookups -------------------------------------------------------------------------
    def get(self, key: str) -> V | None:
        with self._lock:
            hit = self._mem.get(key)
            if hit is not None:
                self._mem.move_to_end(key)
                self._stats.hits += 1
                return hit[0]
        value = self._disk_get(key)
        if value is not None:
            with self._lock:
                self._stats.disk_hits += 1
                self._insert(key, value)
        return value

    def claim(self, key: str) -> tuple[Literal["hit", "shared", "own"], Future[V] | V]:
        """``("hit", value)``; ``("shared", future)`` when another caller computes it now; or
        ``("own", future)``: the caller computes it and must call `resolve` (or `abandon`)."""
        value = self.get(key)
        if value is not None:
            return "hit", value
        with self._lock:
            hit = self._mem.get(key)  # stored between the lookup and the lock
            if hit is not None:
                return "hit", hit[0]
            fut = self._inflight.get(key)
            if fut is not None:
                self._stats.shared += 1
                return "shared", fut
            fut = Future()
            self._inflight[key] = fut
            self._stats.misses += 1
            return "own", fut

    def resolve(self, key: str, value: V, store: bool = True) -> None:
        """Publish the result of an owned key to every waiter; keep it when ``store``."""
        with self._lock:
            fut = self._inflight.pop(key, None)
            if store:
                self._insert(key, value)
        if store:
            self._disk_put(key, value)
        if fut is not None and not fut.done():
            fut.set_result(value)

    def abandon(self, key: str, exc: BaseException) -> None:
        """An owned key could not be computed: waiters get the exception."""
        with self._lock:
            fut = self._inflight.pop(key, None)
        if fut is not None and not fut.done():
            fut.set_exception(exc)

    def stats(self) -> CacheStats:
        with self._lock:
            s = CacheStats(**self._stats.__dict__)
            s.items = len(self._mem)
            return s

    def clear(self) -> None:
        with self._lock:
            self._mem.clear()
            self._stats.bytes = 0

    # -- memory tier -----------------------------------------------------------------------
    def _insert(self, key: str, value: V) -> None:
        """Under the lock."""
        if self.max_items == 0 or self.max_bytes == 0:
            return
        size = self.size_of(value)
        if size > self.max_bytes:
            return
        old = self._mem.pop(key, None)
        if old is not None:
            self._stats.bytes -= old[1]
        self._mem[key] = (value, size)
        self._stats.bytes += size
        while len(self._mem) > self.max_items or self._stats.bytes > self.max_bytes:
            _, (_, n) = self._mem.popitem(last=False)
            self._stats.bytes -= n
            self._stats.evictions += 1

    # -- disk tier -------------------------------------------------------------------------
    def _path(self, key: str) -> Path:
        assert self._dir is not None
        return self._dir / key[:2] / f"{key}.json"

    def _disk_get(self, key: str) -> V | None:
        if self._dir is None:
            return None
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value = self.model.model_validate_json(data)
        except ValueError:
            logger.warning("cache: dropping an unreadable entry %s", path)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return value

    def _disk_put(self, key: str, value: V) -> None:
        if self._dir is None:
            return
        path = self._path(key)
        data = value.model_dump_json().encode()
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as exc:
            logger.warning("cache: cannot write %s: %s", path, exc)
            with contextlib.suppress(OSError):
                tmp.unlink()
            return
        with self._lock:
            self._disk_bytes += len(data)
            over = self._disk_bytes > self._disk_max
        if over:
            self._prune_disk()

    def _prune_disk(self) -> None:
        """Remove the least recently used files until the tier is at 90 % of its bound."""
        assert self._dir is not None
        files = []
        for f in self._dir.glob("*/*.json"):
            with contextlib.suppress(OSError):
                st = f.stat()
                files.append((st.st_mtime, st.st_size, f))
        files.sort()
        total = sum(size for _, size, _ in files)
        target = int(self._disk_max * 0.9)
        for _, size, f in files:
            if total <= target:
                break
            with contextlib.suppress(OSError):
                f.unlink()
                total -= size
        with self._lock:
            self._disk_bytes = total
