"""Load on the reward service: a burst of requests in flight at once, then a long run with RSS.

    python benchmarks/service_load.py [--burst 2048] [--total 20000] [--concurrency 256] [--new-every 50]

``verm serve`` runs in a subprocess on 127.0.0.1 (a small memory cache, so that
entries are evicted during the run); a real httpx client sends OpenRLHF's JSON,
one sample per request as OpenRLHF's executor does.

1. **Burst**: ``--burst`` requests at once, GRPO-shaped (groups of 8 for 32
   references, duplicates within each group): every one must be answered.
2. **Long run**: ``--total`` requests, ``--concurrency`` in flight; most repeat
   earlier samples (cache hits), every ``--new-every``-th is a chart never seen,
   and some are texts without code. The server's RSS is printed at the start and
   after every quarter; bounded memory means it levels off.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.servers import ServeProcess  # noqa: E402

from verm.corpus import generate_chart_programs  # noqa: E402

PROMPT = "<|im_start|>user\n<image>Write matplotlib code for this chart.<|im_end|>\n<|im_start|>assistant\n"


def body(code: str | None, ref: str, prose: str = "") -> dict:
    resp = f"{prose}\n```python\n{code}\n```" if code is not None else f"No code, sorry. {prose}"
    return {"query": [PROMPT + resp + "<|im_end|>"], "prompts": [PROMPT], "labels": [ref]}


async def send(client: httpx.AsyncClient, url: str, payload: dict, sem: asyncio.Semaphore | None) -> tuple[int, float]:
    t = time.perf_counter()
    if sem is None:
        r = await client.post(url, json=payload)
    else:
        async with sem:
            r = await client.post(url, json=payload)
    return r.status_code, time.perf_counter() - t


async def burst(url: str, n: int, refs: list[str], rng: random.Random) -> None:
    payloads = []
    for g in range(n // 8):
        ref = refs[g % len(refs)]
        group = [ref if rng.random() < 0.5 else ref.replace("plt.", "plt.", 1) + f"\n# variant {rng.randrange(3)}"]
        for _ in range(8):
            payloads.append(body(rng.choice([*group, ref]), ref, prose=f"attempt {rng.randrange(100)}"))
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(timeout=600, limits=limits, trust_env=False) as client:
        t = time.perf_counter()
        got = await asyncio.gather(*(send(client, url, p, None) for p in payloads))
        wall = time.perf_counter() - t
    codes = Counter(c for c, _ in got)
    lat = sorted(x for _, x in got)
    print(
        f"burst: {len(payloads)} requests at once -> {dict(codes)} in {wall:.1f} s "
        f"({len(payloads) / wall:.0f} req/s); latency p50 {lat[len(lat) // 2]:.2f} s, p99 {lat[int(len(lat) * 0.99)]:.2f} s"
    )


async def long_run(
    server: ServeProcess, url: str, total: int, conc: int, new_every: int, refs: list[str], rng: random.Random
) -> None:
    sem = asyncio.Semaphore(conc)
    limits = httpx.Limits(max_connections=conc, max_keepalive_connections=conc)
    rss = [server.rss_mb()]
    print(f"long run: RSS at start {rss[0]:.0f} MB")
    codes: Counter[int] = Counter()
    lat: list[float] = []
    t = time.perf_counter()
    async with httpx.AsyncClient(timeout=600, limits=limits, trust_env=False) as client:
        quarter = max(1, total // 4)
        for start in range(0, total, quarter):
            payloads = []
            for i in range(start, min(total, start + quarter)):
                ref = refs[i % len(refs)]
                if i % new_every == 0:
                    payloads.append(body(ref + f"\nplt.title('run {i}')", ref))  # never seen: a render
                elif i % 7 == 0:
                    payloads.append(body(None, ref, prose=str(i)))  # no code, a new text every time
                else:
                    payloads.append(body(ref, ref, prose=f"take {rng.randrange(1000)}"))  # a cache hit
            got = await asyncio.gather(*(send(client, url, p, sem) for p in payloads))
            codes.update(c for c, _ in got)
            lat.extend(x for _, x in got)
            rss.append(server.rss_mb())
            print(f"  after {min(total, start + quarter)} requests: RSS {rss[-1]:.0f} MB", flush=True)
    wall = time.perf_counter() - t
    print(
        f"long run: {total} requests in {wall:.0f} s ({total / wall:.0f} req/s), {dict(codes)}; "
        f"latency median {statistics.median(lat) * 1e3:.0f} ms; RSS first {rss[0]:.0f} MB, last {rss[-1]:.0f} MB, "
        f"peak {max(rss):.0f} MB"
    )
    print(f"  renders {server.metric('verm_renders_total', task='chart'):.0f}, cache bytes "
          f"{server.metric('verm_cache_bytes', task='chart') / 2**20:.1f} MB")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--burst", type=int, default=2048)
    ap.add_argument("--total", type=int, default=20_000)
    ap.add_argument("--concurrency", type=int, default=256)
    ap.add_argument("--new-every", type=int, default=50)
    ap.add_argument("--cache-mb", type=float, default=16.0)
    args = ap.parse_args()
    rng = random.Random(0)
    refs = [p.code for p in generate_chart_programs(32, seed=0)]
    with tempfile.TemporaryDirectory() as tmp:
        server = ServeProcess(["--cache-mb", str(args.cache_mb)], Path(tmp) / "serve.log")
        try:
            url = server.url + "/openrlhf"
            asyncio.run(burst(url, args.burst, refs, rng))
            asyncio.run(long_run(server, url, args.total, args.concurrency, args.new_every, refs, rng))
            alive = httpx.get(server.url + "/healthz", trust_env=False).json()["status"]
            print(f"service after the run: {alive}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
