"""What verm's HTTP faces share: reading a JSON body within a size limit."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request


class BodyError(Exception):
    """A request body that cannot be used: ``status`` is the HTTP code to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


async def read_json(request: Request, max_bytes: int) -> Any:
    """The parsed JSON body; `BodyError` (413) past ``max_bytes`` before it is all read, (400) if not JSON."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise BodyError(f"request body of {declared} bytes is larger than {max_bytes}", 413)
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise BodyError(f"request body larger than {max_bytes} bytes", 413)
    try:
        return json.loads(body)
    except ValueError as exc:
        raise BodyError(f"request body is not JSON: {exc}") from None
