"""verm's exception tree, all in one place.

A failure of the *code under test* (a candidate that does not render, a judge
answer that does not parse) comes back as data: a status with a reason on a
`Rendering`, `Judgment` or `Reward`. The exceptions here are for failures of
the *machinery* or of the caller's input, so callers can catch exactly what
went wrong.
"""

from __future__ import annotations


class VermError(Exception):
    """Base class of every error verm raises on purpose."""


class ContractError(VermError, ValueError):
    """Data that breaks a contract: an unknown category, a severity outside 1..3,
    a bbox outside [0, 1], a malformed judgment JSON. The message says what,
    where, and what is allowed."""


class InputError(VermError, ValueError):
    """A caller's input that verm cannot use (missing file, unreadable image,
    unknown task), with what to do about it."""


class UnknownNameError(VermError, KeyError):
    """A registry was asked for a name it does not have; lists the names it has."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(VermError, ImportError):
    """An optional dependency is missing; the message has the exact install line."""


class SandboxError(VermError, RuntimeError):
    """The render sandbox itself could not start or broke (not the code under test)."""


class BrowserNotFoundError(VermError, RuntimeError):
    """No Chromium executable was found for table rendering."""


class JudgeUnavailableError(VermError, RuntimeError):
    """A judge cannot run on this input (e.g. the scene judge without sources)."""
