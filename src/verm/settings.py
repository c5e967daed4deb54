"""Settings read from arguments, environment variables and a config file.

Precedence, highest first: explicit arguments > environment > config file > defaults.

Environment: ``VERM_VLM_ENDPOINT`` (comma-separated URLs), ``VERM_VLM_MODEL``,
``VERM_VLM_API_KEY``, and ``VERM_VLM_<FIELD>`` for every other field of
`VlmSettings` (``VERM_VLM_TIMEOUT_S=30``, ``VERM_VLM_STRUCTURED_OUTPUT=true``).
The config file is TOML or JSON, either flat or under a ``[vlm]`` table; its path
comes from the ``config_path`` argument or ``VERM_CONFIG``::

    [vlm]
    endpoints = ["http://gpu-0:8000/v1", "http://gpu-1:8000/v1"]
    model = "internlm/Visual-ERM"
    max_side = 1024
    timeout_s = 120
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Self

from verm.errors import InputError

__all__ = ["ENV_PREFIX", "VlmSettings"]

ENV_PREFIX = "VERM_VLM_"
#: Environment names that differ from ``VERM_VLM_<FIELD>``.
_ENV_ALIASES = {"endpoints": ("VERM_VLM_ENDPOINT", "VERM_VLM_ENDPOINTS")}


def _split_endpoints(value: Any) -> list[str]:
    if isinstance(value, str):
        return [u.strip() for u in value.split(",") if u.strip()]
    if isinstance(value, list | tuple):
        return [str(u).strip() for u in value if str(u).strip()]
    raise InputError(f"endpoints must be a URL, a comma-separated string or a list, got {type(value).__name__}")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass
class VlmSettings:
    """Everything the vlm judge needs to reach its model."""

    endpoints: list[str] = field(default_factory=list)
    model: str | None = None
    api_key: str | None = None
    max_side: int = 1024
    temperature: float = 0.0
    top_p: float | None = None
    top_k: int | None = None
    repetition_penalty: float | None = None
    max_tokens: int = 4096
    structured_output: bool = False
    timeout_s: float = 60.0
    retries: int = 3
    backoff_s: float = 0.5
    concurrency: int = 8
    #: Path of a prompt file (see `verm.judge.prompts.load_prompt`); None for the built-in prompts.
    prompt: str | None = None

    @classmethod
    def _coerce(cls, name: str, value: Any, origin: str) -> Any:
        """Turn a value from env/file (often a string) into the field's type."""
        if value is None:
            return None
        if name == "endpoints":
            return _split_endpoints(value)
        kinds = {
            "max_side": int,
            "top_k": int,
            "max_tokens": int,
            "retries": int,
            "concurrency": int,
            "temperature": float,
            "top_p": float,
            "repetition_penalty": float,
            "timeout_s": float,
            "backoff_s": float,
        }
        try:
            if name == "structured_output":
                if isinstance(value, bool):
                    return value
                s = str(value).strip().lower()
                if s in _TRUE | _FALSE:
                    return s in _TRUE
                raise ValueError(value)
            if name in kinds:
                if isinstance(value, str) and value.strip().lower() in ("", "none", "null"):
                    return None
                return kinds[name](value)
        except (TypeError, ValueError):
            raise InputError(f"{origin}: {name} = {value!r} is not a valid {kinds.get(name, bool).__name__}") from None
        return str(value)

    @classmethod
    def from_file(cls, path: str | Path) -> dict[str, Any]:
        """The settings a TOML/JSON file holds (flat or under ``[vlm]``), as a dict."""
        p = Path(path).expanduser()
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read config file {p}: {exc}") from None
        try:
            data = json.loads(text) if p.suffix.lower() == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(
                f"config file {p} is not valid {'JSON' if p.suffix == '.json' else 'TOML'}: {exc}"
            ) from None
        if isinstance(data.get("vlm"), dict):
            data = data["vlm"]
        known = {f.name for f in fields(cls)}
        if "endpoint" in data and "endpoints" not in data:
            data["endpoints"] = data.pop("endpoint")
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"config file {p}: unknown vlm settings {unknown}; known: {sorted(known)}")
        return {k: cls._coerce(k, v, f"config file {p}") for k, v in data.items()}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The settings the environment holds, as a dict."""
        env = os.environ if environ is None else environ
        out: dict[str, Any] = {}
        for f in fields(cls):
            names = _ENV_ALIASES.get(f.name, (ENV_PREFIX + f.name.upper(),))
            for name in names:
                if name in env and env[name] != "":
                    out[f.name] = cls._coerce(f.name, env[name], f"environment {name}")
                    break
        return out

    @classmethod
    def load(
        cls, config_path: str | Path | None = None, environ: Mapping[str, str] | None = None, **overrides: Any
    ) -> Self:
        """Defaults, then the config file, then the environment, then ``overrides``
        (an override of None means "not given")."""
        env = os.environ if environ is None else environ
        known = {f.name for f in fields(cls)}
        if "endpoint" in overrides and "endpoints" not in overrides:
            overrides["endpoints"] = overrides.pop("endpoint")
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise InputError(f"unknown vlm settings {unknown}; known: {sorted(known)}")
        values: dict[str, Any] = {}
        path = config_path or env.get("VERM_CONFIG")
        if path:
            values.update(cls.from_file(path))
        values.update(cls.from_env(env))
        for k, v in overrides.items():
            if v is not None:
                values[k] = cls._coerce(k, v, "argument")
        return cls(**values)

    def to_dict(self, redact: bool = True) -> dict[str, Any]:
        d = asdict(self)
        if redact and d.get("api_key"):
            d["api_key"] = "***"
        return d
