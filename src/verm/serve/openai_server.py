"""verm as an OpenAI-compatible judge server.

``POST /v1/chat/completions`` takes what a reward script sends to a served
Visual-ERM model — a user turn with two ``image_url`` parts (reference first,
candidate second, as base64 data URLs) and one of the paper's prompts (or
verm's) — runs one of verm's CPU judges on the two images and answers with the
paper's JSON as the assistant message. Scripts written for a served Visual-ERM
model can point at this server unchanged.

The task comes from the prompt text (the count keys of its JSON schema, see
`verm.judge.prompts.detect_task`); a body field ``"verm_task"`` overrides it.
The reply's errors carry ``category`` and, for tables, also ``type`` (the key
the paper's table prompt asks for), plus verm's ``bbox``.

Only data URLs are accepted: the server never fetches anything.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import threading
import time
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from verm.errors import ContractError, InputError, VermError
from verm.imaging import load_rgb, to_png
from verm.judge import Judge, get_judge
from verm.judge.prompts import detect_task
from verm.serve._http import BodyError, read_json
from verm.types import Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_MAX_BODY_BYTES", "create_openai_app"]

#: Two large screenshots as base64 fit easily; anything bigger is refused before it is parsed.
DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024
_DATA_URL = re.compile(r"^data:(?P<mime>[\w/+.-]*)(?P<params>(?:;[\w=.-]+)*?);base64,(?P<data>.*)$", re.DOTALL)


class _BadRequest(Exception):
    def __init__(self, message: str, status: int = 400, kind: str = "invalid_request_error") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.kind = kind


def _error(message: str, status: int = 400, kind: str = "invalid_request_error") -> JSONResponse:
    # OpenAI's error shape, so OpenAI clients raise a readable error.
    return JSONResponse({"error": {"message": message, "type": kind, "code": status}}, status_code=status)


def _parts(messages: Any) -> tuple[list[str], list[str]]:
    """(texts, image URLs) of all messages, in order."""
    if not isinstance(messages, list) or not messages:
        raise _BadRequest("'messages' must be a non-empty list")
    texts: list[str] = []
    images: list[str] = []
    for i, m in enumerate(messages):
        if not isinstance(m, dict):
            raise _BadRequest(f"messages[{i}] must be an object")
        content = m.get("content")
        if isinstance(content, str):
            texts.append(content)
            continue
        if content is None:
            continue
        if not isinstance(content, list):
            raise _BadRequest(f"messages[{i}].content must be a string or a list of parts")
        for j, part in enumerate(content):
            if not isinstance(part, dict):
                raise _BadRequest(f"messages[{i}].content[{j}] must be an object")
            kind = part.get("type")
            if kind == "text":
                texts.append(str(part.get("text", "")))
            elif kind == "image_url":
                iu = part.get("image_url")
                url = iu.get("url") if isinstance(iu, dict) else iu
                if not isinstance(url, str):
                    raise _BadRequest(f"messages[{i}].content[{j}].image_url.url must be a string")
                images.append(url)
            else:
                raise _BadRequest(f"messages[{i}].content[{j}]: unsupported part type {kind!r} (text, image_url)")
    return texts, images


def _decode_image(url: str, role: str) -> bytes:
    m = _DATA_URL.match(url.strip())
    if not m:
        raise _BadRequest(
            f"the {role} image must be a base64 data URL (data:image/png;base64,...); URLs are not fetched"
        )
    try:
        raw = base64.b64decode(m.group("data"), validate=False)
    except (binascii.Error, ValueError) as exc:
        raise _BadRequest(f"the {role} image is not valid base64: {exc}") from None
    if not raw:
        raise _BadRequest(f"the {role} image is empty")
    try:
        img = load_rgb(raw)
    except InputError as exc:
        raise _BadRequest(f"the {role} image cannot be decoded: {exc}") from None
    # PNG passes through untouched (exact pixels); other formats are decoded once to PNG.
    return raw if raw[:8] == b"\x89PNG\r\n\x1a\n" else to_png(img)


def _paper_json(judgment: Judgment, include_bbox: bool) -> dict[str, Any]:
    out = judgment.to_paper()
    for e in out["errors"]:
        if judgment.task is Task.TABLE:
            e["type"] = e["category"]
        if not include_bbox:
            e.pop("bbox", None)
    return out


def create_openai_app(
    judge_name: str = "pixel",
    judge_options: dict[str, Any] | None = None,
    model_name: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    include_bbox: bool = True,
    judge: Judge | None = None,
) -> FastAPI:
    """A FastAPI app answering chat completions with one of verm's judges.

    ``judge_name``/``judge_options`` pick the judge (or pass ``judge`` itself);
    ``model_name`` is what ``/v1/models`` lists (default ``verm-<judge>``);
    requests may name any model.
    """
    the_judge = judge if judge is not None else get_judge(judge_name, **(judge_options or {}))
    if the_judge.needs_sources:
        raise InputError(f"judge {judge_name!r} needs sources, not images; the OpenAI server judges two images")
    served_model = model_name or f"verm-{the_judge.name}"
    created = int(time.time())
    counters = {"requests": 0, "ok": 0, "errors": 0}
    counters_lock = threading.Lock()

    app = FastAPI(title="verm judge (OpenAI-compatible)", version="1")
    app.state.judge = the_judge
    app.state.counters = counters

    def count(key: str) -> None:
        with counters_lock:
            counters[key] += 1

    @app.get("/health")
    def health() -> dict[str, Any]:
        with counters_lock:
            return {"status": "ok", "judge": the_judge.name, "model": served_model, **counters}

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {
            "object": "list",
            "data": [{"id": served_model, "object": "model", "created": created, "owned_by": "verm"}],
        }

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> JSONResponse:
        count("requests")
        try:
            body = await read_json(request, max_body_bytes)
        except BodyError as exc:
            count("errors")
            return _error(exc.message, exc.status)
        try:
            result = await run_in_threadpool(_complete, body)
        except _BadRequest as exc:
            count("errors")
            return _error(exc.message, exc.status, exc.kind)
        count("ok")
        return JSONResponse(result)

    def _complete(body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise _BadRequest("request body must be a JSON object")
        if body.get("stream"):
            raise _BadRequest("streaming is not supported by the verm judge server; send stream=false")
        texts, images = _parts(body.get("messages"))
        if len(images) != 2:
            raise _BadRequest(f"expected exactly two images (reference first, candidate second), got {len(images)}")
        prompt_text = "\n".join(texts)
        override = body.get("verm_task")
        if override is not None:
            try:
                task = Task.parse(override)
            except ContractError as exc:
                raise _BadRequest(str(exc)) from None
        else:
            found = detect_task(prompt_text)
            if found is None:
                raise _BadRequest(
                    "cannot tell the task from the prompt: expected one of the Visual-ERM judge prompts "
                    "(chart, table or svg; their JSON schemas name e.g. 'data_error_count', "
                    "'numeric_error_count', 'shape_error_count'), or a 'verm_task' field"
                )
            task = found
        ref_png = _decode_image(images[0], "reference")
        cand_png = _decode_image(images[1], "candidate")
        try:
            judgment = the_judge.judge(task, Rendering(task=task, png=ref_png), Rendering(task=task, png=cand_png))
        except VermError as exc:  # a judge should not raise; if it does, say so plainly
            raise _BadRequest(f"judge failed: {exc}", 500, "server_error") from None
        if judgment.status is not Status.OK:
            # Not retryable: the same images would fail the same way.
            raise _BadRequest(f"judge_error: {judgment.reason}", 422, "judge_error")
        content = json.dumps(_paper_json(judgment, include_bbox), ensure_ascii=False)
        prompt_tokens = max(1, len(prompt_text) // 4)
        completion_tokens = max(1, len(content) // 4)
        log.debug("judged a %s pair: %d discrepancies", task.value, len(judgment.discrepancies))
        return {
            "id": f"chatcmpl-verm-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model") or served_model),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }

    return app
