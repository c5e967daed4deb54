"""The content cache: LRU bounds by count and bytes, single-flight, the disk tier."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from verm.cache import ContentCache, digest
from verm.types import Judgment, Task


def _j(reason: str) -> Judgment:
    return Judgment(task=Task.CHART, judge="t", reason=reason)


def _cache(**kw) -> ContentCache[Judgment]:
    return ContentCache("judgments", Judgment, lambda j: 100 + len(j.reason or ""), **kw)


def test_digest_separates_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("x", b"y") == digest(b"x", "y")


def test_lru_bounded_by_count_and_bytes() -> None:
    c = _cache(max_items=3, max_bytes=10_000)
    for i in range(5):
        c.resolve(c.claim(f"k{i}")[1] and f"k{i}", _j(str(i)))
    assert c.get("k0") is None and c.get("k1") is None and c.get("k4").reason == "4"
    c.get("k2")  # recently used: survives the next insert
    c.resolve("k5", _j("5"))
    assert c.get("k2") is not None and c.get("k3") is None
    s = c.stats()
    assert s.items == 3 and s.evictions == 3
    small = _cache(max_items=100, max_bytes=250)
    for i in range(5):
        small.resolve(f"k{i}", _j("x" * 20))
    assert small.stats().items == 2 and small.stats().bytes <= 250


def test_single_flight_shares_one_computation() -> None:
    c = _cache()
    calls = []
    gate = threading.Event()

    def worker(_: int) -> str:
        state, value = c.claim("same")
        if state == "own":
            calls.append(1)
            gate.wait(5)
            c.resolve("same", _j("once"))
            return "own"
        return state if not isinstance(value, Future) else value.result(5).reason

    with ThreadPoolExecutor(8) as ex:
        futs = [ex.submit(worker, i) for i in range(8)]
        gate.set()
        results = [f.result() for f in futs]
    assert len(calls) == 1 and results.count("own") == 1
    assert all(r in ("own", "once", "hit") for r in results)


def test_failures_not_stored_and_abandon_reaches_waiters() -> None:
    c = _cache()
    state, _ = c.claim("k")
    assert state == "own"
    state2, fut2 = c.claim("k")
    assert state2 == "shared"
    c.abandon("k", RuntimeError("boom"))
    assert isinstance(fut2, Future) and isinstance(fut2.exception(1), RuntimeError)
    state, _ = c.claim("k")
    c.resolve("k", _j("transient"), store=False)
    assert c.get("k") is None


def test_disk_tier_survives_a_new_cache(tmp_path) -> None:
    a = _cache(cache_dir=tmp_path)
    a.resolve("abcdef", _j("kept"))
    b = _cache(cache_dir=tmp_path)
    assert b.get("abcdef").reason == "kept" and b.stats().disk_hits == 1
    (tmp_path / "judgments" / "ab" / "abcdef.json").write_text("{garbage")
    assert _cache(cache_dir=tmp_path).get("abcdef") is None  # unreadable entries are dropped, not trusted


def test_disk_tier_is_pruned_to_its_bound(tmp_path) -> None:
    c = _cache(cache_dir=tmp_path, disk_max_bytes=2_000)
    for i in range(40):
        c.resolve(digest(str(i)), _j("y" * 50))
    total = sum(f.stat().st_size for f in (tmp_path / "judgments").glob("*/*.json"))
    assert total <= 2_000
