"""A policy model for the refine loop's tests: a real OpenAI-compatible HTTP server on
127.0.0.1 that "revises by applying reported fixes to a perturbed source".

For each reference it holds a chain made with verm's perturbation engine: the
reference source s0, then s1 .. sk, each one more visible edit (`perturb` with one
edit, kept when `ground_truth` sees it), with the categories the edit's ground truth
carries. It first answers the most perturbed source sk. On a revision request it reads
the numbered discrepancy lines (``1. [data_error, severity 2] ...``) and undoes its
latest edits whose categories were reported, at most ``fixes_per_round`` a request;
on a request that reports a failed render or a missing code block it answers its
current source again. The reference is recognised by the pixels of the first image.

A script per reference (``script[name]``: one action per request, the last repeats)
can make it misbehave: ``garbage`` (prose, no code), ``timeout`` (answers after
``slow_s``), ``hostile`` (code that tries to read /etc/passwd and start a shell),
``broken`` (a syntax error); ``revise`` is the normal answer.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
from PIL import Image

from verm.perturb import ground_truth, perturb
from verm.pipeline import Scorer
from verm.types import Task

FENCE = {Task.CHART: "python", Task.TABLE: "markdown", Task.SVG: "svg"}
HOSTILE = {
    Task.CHART: "import os\nprint(open('/etc/passwd').read())\nos.system('sh -c id')\n",
    Task.SVG: '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
    Task.TABLE: "<script>fetch('http://127.0.0.1:1/')</script>",
}
GARBAGE = "I looked at the image carefully. It is a nice figure with several elements; I would describe it in words."
LINE = re.compile(r"^\s*\d+\.\s*\[(\w+), severity ([123])\]", re.MULTILINE)


def pixel_key(png: bytes) -> str:
    img = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    return hashlib.sha1(img.tobytes() + str(img.shape).encode()).hexdigest()[:16]


@dataclass
class Chain:
    name: str
    sources: list[str]  # s0 (the reference) .. sk
    categories: list[list[str]]  # categories[i]: what the edit from s_i to s_{i+1} shows
    state: int = 0  # how many edits the current answer carries

    def __post_init__(self) -> None:
        self.state = len(self.sources) - 1


def make_chain(task: Task, name: str, source: str, scorer: Scorer, edits: int, seed: int) -> Chain:
    """``edits`` visible edits applied one after the other; each must render, show in its
    ground truth, and lower the scorer's reward against the reference (a later edit that
    only re-edits an earlier one's element is drawn again)."""
    sources, categories = [source], []
    scores = [2.0]
    rng = random.Random(f"policy-chain:{name}:{seed}")
    tries = 0
    while len(sources) <= edits:
        tries += 1
        assert tries < 60, f"{name}: could not make {edits} visible edits"
        result = perturb(task, sources[-1], rng, 1)
        if not result.edits or result.source == sources[-1]:
            continue
        truth = ground_truth(task, sources[-1], result, scorer.renderer)
        if not truth:
            continue
        reward = scorer.score(source, f"```{FENCE[task]}\n{result.source}\n```")
        if reward.score is None or reward.score >= scores[-1]:
            continue
        sources.append(result.source)
        categories.append(sorted({d.category for d in truth}))
        scores.append(reward.score)
    return Chain(name, sources, categories)


@dataclass
class PolicyServer:
    task: Task
    chains: dict[str, Chain]  # by pixel key of the reference rendering
    script: dict[str, list[str]] = field(default_factory=dict)  # by chain name
    fixes_per_round: int = 1
    slow_s: float = 4.0
    hits: Counter[str] = field(default_factory=Counter)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> PolicyServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(5)

    def answer_for(self, body: dict[str, Any]) -> tuple[str, str]:
        """(action, answer text) for one request body."""
        messages = body["messages"]
        first = messages[0]["content"]
        url = next(p["image_url"]["url"] for p in first if p.get("type") == "image_url")
        chain = self.chains[pixel_key(base64.b64decode(url.split(",", 1)[1]))]
        with self.lock:
            n = self.hits[chain.name]
            self.hits[chain.name] += 1
            self.requests.append({"chain": chain.name, "body": body})
            steps = self.script.get(chain.name, ["revise"])
            action = steps[min(n, len(steps) - 1)]
            if action == "revise" and len(messages) > 1:
                text = _text_of(messages[-1])
                reported = [m.group(1) for m in LINE.finditer(text)]
                fixed = 0
                while chain.state > 0 and fixed < self.fixes_per_round:
                    wanted = chain.categories[chain.state - 1]
                    if not any(c in reported for c in wanted):
                        break
                    for c in wanted:
                        if c in reported:
                            reported.remove(c)
                    chain.state -= 1
                    fixed += 1
            source = chain.sources[chain.state]
        fence = FENCE[self.task]
        if action == "garbage":
            return action, GARBAGE
        if action == "hostile":
            return action, f"```{fence}\n{HOSTILE[self.task]}\n```"
        if action == "broken":
            return action, f"```{fence}\nimport matplotlib.pyplot as plt\nplt.plot([1, 2](\n```"
        if action == "timeout":
            self.stop.wait(self.slow_s)
        return action, f"Here is the code.\n```{fence}\n{source}\n```"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        srv = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                payload = json.dumps({"object": "list", "data": [{"id": "revising-policy"}]}).encode()
                self._send(200, payload)

            def _send(self, status: int, payload: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout)

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
                _action, content = srv.answer_for(body)
                reply = {
                    "id": "chatcmpl-policy",
                    "object": "chat.completion",
                    "model": body.get("model"),
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                    ],
                }
                self._send(200, json.dumps(reply).encode())

        return Handler


def _text_of(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    return "\n".join(p.get("text", "") for p in content if p.get("type") == "text")


def request_texts(server: PolicyServer, chain: str) -> Sequence[str]:
    """The last user text of every request the server got for ``chain``, in order."""
    return [_text_of(r["body"]["messages"][-1]) for r in server.requests if r["chain"] == chain]
