"""Small typed registries for plug-ins (judges, renderers), extendable through
entry points (``verm.judges``, ``verm.renderers``) and loaded lazily."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from verm.errors import UnknownNameError

T = TypeVar("T")


class Registry(Generic[T]):
    """name -> factory. Built-ins register a dotted path ("module:attr") so that
    nothing heavy is imported until a name is chosen."""

    def __init__(self, kind: str, entry_point_group: str) -> None:
        self.kind = kind
        self.group = entry_point_group
        self._targets: dict[str, str | Callable[..., T]] = {}
        self._entry_points_loaded = False

    def register(self, name: str, target: str | Callable[..., T]) -> None:
        self._targets[name] = target

    def _load_entry_points(self) -> None:
        if self._entry_points_loaded:
            return
        self._entry_points_loaded = True
        for ep in entry_points(group=self.group):
            self._targets.setdefault(ep.name, ep.value)

    def names(self) -> list[str]:
        self._load_entry_points()
        return sorted(self._targets)

    def factory(self, name: str) -> Callable[..., T]:
        self._load_entry_points()
        try:
            target = self._targets[name]
        except KeyError:
            raise UnknownNameError(f"unknown {self.kind} {name!r}; available: {', '.join(self.names())}") from None
        if isinstance(target, str):
            module, _, attr = target.partition(":")
            target = getattr(importlib.import_module(module), attr)
            self._targets[name] = target
        return target

    def create(self, name: str, **kwargs: object) -> T:
        return self.factory(name)(**kwargs)
