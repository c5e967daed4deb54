"""Rendering and judging spread over a Ray cluster: one warm Scorer per node.

>>> from verm.integrations.ray import RayScorer                              # doctest: +SKIP
>>> with RayScorer("chart", address="auto") as scorer:                      # or "ray://head:10001"
...     rewards = scorer.score_batch(references, completions)               # in order, like Scorer

Each node gets one actor (``actors_per_node`` to change it) that holds a warm
`Scorer`: its sandbox pool of pre-warmed render workers, its browser, its judge.
Actors are pinned to their node and named, so every process of a Ray job that builds
a `RayScorer` with the same configuration shares them. A batch is split by reference
(the completions of one GRPO group stay together, so identical ones are rendered and
judged once) and spread over the actors, largest groups first onto the least loaded.

References travel by value: a path is read on the driver (image bytes or source
text), since the nodes need not share a file system.

An actor that dies (its node was lost, its process was killed) is replaced and its
share of the batch sent once more; if that fails too, those samples come back as
scorer faults (``infra_error``, score None), never as the policy's failure.

`RayJudge` is the same spread for a judge alone (rendered pairs in, judgments out);
``verm bench run --ray ADDRESS`` uses it.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Self

from verm.errors import InputError, MissingDependencyError
from verm.integrations._common import SCORERS, ScorerSpec, reference_key
from verm.judge.base import Judge
from verm.types import Judgment, Rendering, Reward, Status, Task

if TYPE_CHECKING:
    from verm.pipeline import ReferenceLike

log = logging.getLogger(__name__)

__all__ = ["RayJudge", "RayScorer", "ScorerHost"]

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"}
#: How long actors may take to start (placed, imported) before the cluster is declared full.
START_TIMEOUT_S = 120.0


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise MissingDependencyError("spreading verm over Ray needs ray: pip install 'verm[ray]'") from exc
    return ray


class ScorerHost:
    """The body of one actor: warm scorers and judges, built on first use and reused."""

    def __init__(self) -> None:
        self._judges: dict[tuple[str, str], Judge] = {}
        self._lock = threading.Lock()

    def node_id(self) -> str:
        return _ray().get_runtime_context().get_node_id()

    def score_batch(
        self, spec: ScorerSpec, references: Sequence[ReferenceLike], completions: Sequence[str]
    ) -> list[Reward]:
        return SCORERS.get(spec).score_batch(references, completions)

    def judge_pairs(
        self, judge: str, options_json: str, task: Task, pairs: Sequence[tuple[Rendering, Rendering]]
    ) -> list[Judgment]:
        import json

        from verm.judge import get_judge

        with self._lock:
            j = self._judges.get((judge, options_json))
            if j is None:
                j = self._judges[(judge, options_json)] = get_judge(judge, **json.loads(options_json))
        return j.judge_many(task, pairs)


def _portable(ref: ReferenceLike) -> ReferenceLike:
    """A reference that means the same on any node: files are read here."""
    path: Path | None = None
    if isinstance(ref, Path):
        path = ref
    elif isinstance(ref, str) and "\n" not in ref and "<" not in ref and len(ref) < 4096:
        candidate = Path(ref).expanduser()
        if candidate.is_file():
            path = candidate
    if path is None:
        return ref
    if not path.is_file():
        raise InputError(f"reference file not found: {path}")
    return path.read_bytes() if path.suffix.lower() in IMAGE_SUFFIXES else path.read_text(encoding="utf-8")


def _infra_reward(reason: str) -> Reward:
    return Reward(score=None, status=Status.INFRA_ERROR, reason=reason)


def _spread(keys: Sequence[str], n_actors: int) -> list[list[int]]:
    """Indices per actor: items with one key stay together; largest groups go first
    onto the least loaded actor."""
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    shares: list[list[int]] = [[] for _ in range(n_actors)]
    for idx in sorted(groups.values(), key=len, reverse=True):
        min(shares, key=len).extend(idx)
    return shares


class _ActorSet:
    """The named actors of one configuration, one (or ``per_node``) per alive node."""

    def __init__(self, prefix: str, per_node: int, num_cpus: float, shared: bool) -> None:
        ray = _ray()
        self.ray = ray
        self.prefix, self.per_node, self.num_cpus, self.shared = prefix, per_node, num_cpus, shared
        self.remote_cls = ray.remote(ScorerHost)
        nodes = [n["NodeID"] for n in ray.nodes() if n.get("Alive") and n.get("Resources", {}).get("CPU", 0) > 0]
        if not nodes:
            raise InputError("the Ray cluster has no alive node with a CPU")
        self.slots = [(node, k) for node in nodes for k in range(per_node)]
        self.actors = [self._start(slot) for slot in self.slots]
        self._lock = threading.Lock()
        try:  # an actor the cluster has no room for would wait forever: say so instead
            ray.get([a.node_id.remote() for a in self.actors], timeout=START_TIMEOUT_S)
        except ray.exceptions.GetTimeoutError:
            self.close()
            raise InputError(
                f"could not start {len(self.slots)} verm actors within {START_TIMEOUT_S:.0f} s: each asks for "
                f"{num_cpus} CPU and the cluster has {ray.available_resources().get('CPU', 0)} free; "
                "lower actors_per_node or num_cpus, or add nodes"
            ) from None

    def _start(self, slot: tuple[str, int]) -> Any:
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        node, k = slot
        return self.remote_cls.options(
            name=f"{self.prefix}-{node[:16]}-{k}",
            namespace="verm",
            get_if_exists=True,
            lifetime="detached" if self.shared else None,
            num_cpus=self.num_cpus,
            max_concurrency=4,
            scheduling_strategy=NodeAffinitySchedulingStrategy(node_id=node, soft=True),
        ).remote()

    def restart(self, i: int, dead: Any) -> Any:
        """A fresh actor in slot ``i`` (once per death: concurrent callers share the new one)."""
        with self._lock:
            if self.actors[i] is dead:
                try:
                    self.ray.kill(dead, no_restart=True)
                except Exception as exc:  # already gone
                    log.debug("killing a dead verm actor: %r", exc)
                self.actors[i] = self._start(self.slots[i])
                log.warning("a verm scorer actor died; started another in its slot %s", self.slots[i])
            return self.actors[i]

    def close(self) -> None:
        for actor in self.actors:
            try:
                self.ray.kill(actor, no_restart=True)
            except Exception as exc:
                log.debug("killing a verm actor: %r", exc)
        self.actors = []


def _connect(address: str | None) -> None:
    ray = _ray()
    if ray.is_initialized():
        return
    try:
        ray.init(address=address, namespace="verm", log_to_driver=False, ignore_reinit_error=True)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"at {address!r}" if address else "(none running here, and a local one did not start)"
        raise InputError(
            f"cannot reach a Ray cluster {where}: {exc}; start one (`ray start --head`) or pass its address"
        ) from None


class RayScorer:
    """`Scorer`'s batch interface over a Ray cluster (see the module docstring).

    ``address``: where the cluster is (``"auto"``, ``"ray://head:10001"``); None joins
    the Ray instance this process already started, or starts a local one.
    ``shared=True`` makes the actors outlive this job (detached), for several jobs
    that score with the same configuration.
    """

    def __init__(
        self,
        task: Task | str,
        judge: str = "auto",
        shaping: str | None = None,
        judge_options: dict[str, Any] | None = None,
        *,
        address: str | None = None,
        actors_per_node: int = 1,
        num_cpus: float = 1.0,
        shared: bool = False,
    ) -> None:
        if actors_per_node < 1:
            raise InputError(f"actors_per_node must be at least 1, got {actors_per_node}")
        self.spec = ScorerSpec.build(task, judge, shaping, judge_options)
        _connect(address)
        # Shared actors are found by name from any process: a stable hash of the configuration.
        digest = hashlib.sha1(repr(self.spec).encode()).hexdigest()[:10]
        prefix = f"verm-scorer-{digest}" if shared else f"verm-scorer-{uuid.uuid4().hex[:8]}"
        self._actors = _ActorSet(prefix, actors_per_node, num_cpus, shared)

    @property
    def n_actors(self) -> int:
        return len(self._actors.actors)

    def _plan(
        self, references: Sequence[ReferenceLike], completions: Sequence[str]
    ) -> tuple[list[Reward | None], list[list[int]], list[ReferenceLike]]:
        if len(references) != len(completions):
            raise InputError(f"{len(references)} references but {len(completions)} completions; pass one of each")
        out: list[Reward | None] = [None] * len(completions)
        refs: list[ReferenceLike] = []
        keys: list[str] = []
        for i, ref in enumerate(references):
            try:
                refs.append(_portable(ref))
            except (InputError, OSError) as exc:
                refs.append(b"")
                out[i] = Reward(score=None, status=Status.JUDGE_ERROR, reason=f"the reference cannot be used: {exc}")
            keys.append(reference_key(refs[-1]))
        todo = [i for i in range(len(completions)) if out[i] is None]
        shares = [[todo[j] for j in share] for share in _spread([keys[i] for i in todo], self.n_actors)]
        return out, shares, refs

    def _submit(self, slot: int, actor: Any, idx: list[int], refs: list[ReferenceLike], comps: Sequence[str]) -> Any:
        return actor.score_batch.remote(self.spec, [refs[i] for i in idx], [comps[i] for i in idx])

    def score_batch(self, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
        """Rewards in the order of ``completions``."""
        ray = self._actors.ray
        out, shares, refs = self._plan(references, completions)
        jobs = [
            (
                slot,
                self._actors.actors[slot],
                idx,
                self._submit(slot, self._actors.actors[slot], idx, refs, completions),
            )
            for slot, idx in enumerate(shares)
            if idx
        ]
        for slot, actor, idx, ref in jobs:
            rewards = self._collect(ray, slot, actor, idx, ref, refs, completions)
            for i, reward in zip(idx, rewards, strict=True):
                out[i] = reward
        return [r for r in out if r is not None]

    def _collect(
        self, ray: Any, slot: int, actor: Any, idx: list[int], ref: Any, refs: list[ReferenceLike], comps: Sequence[str]
    ) -> list[Reward]:
        from ray.exceptions import RayActorError

        for attempt in range(2):
            try:
                return ray.get(ref)
            except RayActorError as exc:
                if attempt == 1:
                    reason = f"the scorer actor died twice on this share of the batch: {exc}"
                    return [_infra_reward(reason) for _ in idx]
                actor = self._actors.restart(slot, actor)
                ref = self._submit(slot, actor, idx, refs, comps)
        raise AssertionError("unreachable")

    async def ascore_batch(self, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
        """`score_batch` for an event loop (Ray's object refs are awaited, not blocked on)."""
        import asyncio

        from ray.exceptions import RayActorError

        out, shares, refs = self._plan(references, completions)

        async def one(slot: int, idx: list[int]) -> None:
            actor = self._actors.actors[slot]
            for attempt in range(2):
                try:
                    rewards = await self._submit(slot, actor, idx, refs, completions)
                    break
                except RayActorError as exc:
                    if attempt == 1:
                        rewards = [_infra_reward(f"the scorer actor died twice on this share: {exc}") for _ in idx]
                        break
                    actor = self._actors.restart(slot, actor)
            for i, reward in zip(idx, rewards, strict=True):
                out[i] = reward

        await asyncio.gather(*(one(slot, idx) for slot, idx in enumerate(shares) if idx))
        return [r for r in out if r is not None]

    def score(self, reference: ReferenceLike, completion: str) -> Reward:
        return self.score_batch([reference], [completion])[0]

    def close(self) -> None:
        """Stop this scorer's actors (shared ones stay for the other jobs)."""
        if not self._actors.shared:
            self._actors.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RayJudge(Judge):
    """A named judge run in actors over a Ray cluster; its `name` is the inner judge's,
    so results are interchangeable with the judge run locally."""

    name: ClassVar[str] = "ray"

    def __init__(
        self,
        judge: str,
        judge_options: dict[str, Any] | None = None,
        *,
        address: str | None = None,
        actors_per_node: int = 1,
        num_cpus: float = 1.0,
    ) -> None:
        import json

        from verm.judge import JUDGES

        JUDGES.factory(judge)  # an unknown name fails here, with the names there are
        self.name = judge  # type: ignore[misc]
        self._options = json.dumps(judge_options or {}, sort_keys=True)
        _connect(address)
        self._actors = _ActorSet(f"verm-judge-{uuid.uuid4().hex[:8]}", actors_per_node, num_cpus, shared=False)
        self._next = itertools.count()

    @property
    def n_actors(self) -> int:
        return len(self._actors.actors)

    def _run(self, slot: int, task: Task, pairs: list[tuple[Rendering, Rendering]]) -> list[Judgment]:
        from ray.exceptions import RayActorError

        actor = self._actors.actors[slot]
        for attempt in range(2):
            try:
                return self._actors.ray.get(actor.judge_pairs.remote(self.name, self._options, task, pairs))
            except RayActorError as exc:
                if attempt == 1:
                    reason = f"infra_error: the judge actor died twice: {exc}"
                    return [
                        Judgment(task=task, judge=self.name, status=Status.JUDGE_ERROR, reason=reason) for _ in pairs
                    ]
                actor = self._actors.restart(slot, actor)
        raise AssertionError("unreachable")

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        return self._run(next(self._next) % self.n_actors, task, [(reference, candidate)])[0]

    def judge_many(self, task: Task, pairs: Sequence[tuple[Rendering, Rendering]]) -> list[Judgment]:
        from concurrent.futures import ThreadPoolExecutor

        shares = [list(range(k, len(pairs), self.n_actors)) for k in range(self.n_actors)]
        out: list[Judgment | None] = [None] * len(pairs)
        with ThreadPoolExecutor(max_workers=self.n_actors) as pool:
            results = pool.map(lambda s: self._run(s, task, [pairs[i] for i in shares[s]]), range(self.n_actors))
            for share, judgments in zip(shares, results, strict=True):
                for i, j in zip(share, judgments, strict=True):
                    out[i] = j
        return [j for j in out if j is not None]

    def close(self) -> None:
        self._actors.close()
