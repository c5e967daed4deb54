"""The contracts every verm module shares: tasks, categories, severities,
discrepancies, judgments, renderings and rewards.

JSON in and out follows the Visual-ERM paper's format::

    {"text_error_count": 1, "style_error_count": 0, ...,
     "errors": [{"category": "text_error", "severity": 2,
                 "location": "title", "description": "..."}]}

Tables in the paper's benchmark spell ``category`` as ``type``; both are read,
``category`` is written.
"""

from __future__ import annotations

import base64
import io
import math
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

from verm.errors import ContractError

if TYPE_CHECKING:
    from PIL import Image


class Task(StrEnum):
    CHART = "chart"
    TABLE = "table"
    SVG = "svg"

    @classmethod
    def parse(cls, value: str | Task) -> Task:
        try:
            return cls(str(value).lower())
        except ValueError:
            names = ", ".join(t.value for t in cls)
            raise ContractError(f"unknown task {value!r}; expected one of: {names}") from None


#: Discrepancy categories per task, identical to the paper's prompts.
CATEGORIES: dict[Task, tuple[str, ...]] = {
    Task.CHART: ("structure_error", "data_error", "text_error", "style_error"),
    Task.TABLE: ("layout_error", "text_error", "numeric_error"),
    Task.SVG: ("structure_error", "shape_error", "style_error", "text_symbol_error"),
}

#: Severity scale: 1 minor, 2 medium, 3 severe.
SEVERITY_WORDS: dict[int, str] = {
    1: "minor: barely affects reading",
    2: "medium: needs manual correction",
    3: "severe: breaks structure or misleads",
}


class Status(StrEnum):
    OK = "ok"
    NO_CODE = "no_code"
    RENDER_ERROR = "render_error"
    BLANK = "blank"
    JUDGE_ERROR = "judge_error"
    #: A fault of the scorer, not of the policy: a render worker or browser that died, a judge
    #: endpoint that is down. Retried once on a fresh worker; never shaped as a failure (score None).
    INFRA_ERROR = "infra_error"


BBox = tuple[float, float, float, float]


class Discrepancy(BaseModel):
    """One difference between reference and candidate."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    category: str
    severity: int = Field(ge=1, le=3)
    location: str = ""
    description: str = ""
    #: [x0, y0, x1, y1] in the candidate image, as fractions of width and height.
    bbox: BBox | None = None

    @field_validator("severity", mode="before")
    @classmethod
    def _severity_int(cls, v: Any) -> Any:
        # Judges write "2" or 2.0; a fractional or out-of-range value is an error.
        if isinstance(v, str) and v.strip().lstrip("-").isdigit():
            return int(v.strip())
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v

    @field_validator("bbox")
    @classmethod
    def _bbox_in_unit_square(cls, v: BBox | None) -> BBox | None:
        if v is None:
            return v
        x0, y0, x1, y1 = v
        if not all(math.isfinite(c) and 0.0 <= c <= 1.0 for c in v):
            raise ValueError(f"bbox {list(v)} must have every coordinate in [0, 1] (fractions of the image size)")
        if x0 > x1 or y0 > y1:
            raise ValueError(f"bbox {list(v)} must be [x0, y0, x1, y1] with x0 <= x1 and y0 <= y1")
        return v

    def check_task(self, task: Task) -> None:
        allowed = CATEGORIES[task]
        if self.category not in allowed:
            raise ContractError(
                f"category {self.category!r} is not a {task.value} category; expected one of: {', '.join(allowed)}"
            )

    def to_paper(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "category": self.category,
            "severity": self.severity,
            "location": self.location,
            "description": self.description,
        }
        if self.bbox is not None:
            out["bbox"] = [round(c, 4) for c in self.bbox]
        return out


def parse_discrepancy(obj: Any, task: Task, where: str = "error") -> Discrepancy:
    """Read one error dict in the paper's format (``category`` or ``type``)."""
    if not isinstance(obj, dict):
        raise ContractError(f"{where}: expected an object, got {type(obj).__name__}")
    data = dict(obj)
    if "category" not in data and "type" in data:
        data["category"] = data.pop("type")
    if "category" not in data:
        raise ContractError(f"{where}: missing 'category' (or 'type'); expected one of: {', '.join(CATEGORIES[task])}")
    try:
        d = Discrepancy.model_validate(data)
    except Exception as exc:  # pydantic's message is precise; prefix where it came from
        raise ContractError(f"{where}: {exc}") from None
    try:
        d.check_task(task)
    except ContractError as exc:
        raise ContractError(f"{where}: {exc}") from None
    return d


class Judgment(BaseModel):
    """A judge's verdict on one (reference, candidate) pair."""

    model_config = ConfigDict(extra="ignore")

    task: Task
    judge: str
    status: Status = Status.OK
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    reason: str | None = None
    #: Raw judge output where there is one (a VLM's text), kept for debugging.
    raw: str | None = None
    #: Similarity-only judges (the MSE/SSIM/TEDS baselines) give a score in [0, 1] and
    #: no discrepancies; reward shaping then uses it as the quality term.
    similarity: float | None = Field(default=None, ge=0.0, le=1.0)
    elapsed_ms: float | None = None
    #: A ``judge_error`` whose cause is an answer that could not be parsed (after the judge's own
    #: retries); the ``visual-erm`` shaping preset counts it as a fixed severity.
    unparseable: bool = False

    @model_validator(mode="after")
    def _categories_belong_to_task(self) -> Judgment:
        for i, d in enumerate(self.discrepancies):
            try:
                d.check_task(self.task)
            except ContractError as exc:
                raise ContractError(f"discrepancies[{i}]: {exc}") from None
        if self.status not in (Status.OK, Status.JUDGE_ERROR, Status.INFRA_ERROR):
            raise ContractError(f"a judgment's status is ok, judge_error or infra_error, not {self.status.value}")
        return self

    @property
    def total_severity(self) -> int:
        return sum(d.severity for d in self.discrepancies)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CATEGORIES[self.task], 0)
        for d in self.discrepancies:
            counts[d.category] += 1
        return counts

    def to_paper(self) -> dict[str, Any]:
        """The paper's JSON: ``<category>_count`` fields then ``errors``."""
        out: dict[str, Any] = {f"{c}_count": n for c, n in self.counts().items()}
        out["errors"] = [d.to_paper() for d in self.discrepancies]
        return out

    @classmethod
    def from_paper(cls, obj: Any, task: Task | str, judge: str = "external") -> Judgment:
        """Read the paper's JSON (counts are informative; the list is the truth)."""
        task = Task.parse(task)
        if isinstance(obj, list):  # a bare list of errors is common in the wild
            obj = {"errors": obj}
        if not isinstance(obj, dict):
            raise ContractError(f"judgment: expected an object with 'errors', got {type(obj).__name__}")
        errors = obj.get("errors", [])
        if errors is None:
            errors = []
        if not isinstance(errors, list):
            raise ContractError(f"judgment: 'errors' must be a list, got {type(errors).__name__}")
        items = [parse_discrepancy(e, task, where=f"errors[{i}]") for i, e in enumerate(errors)]
        return cls(task=task, judge=judge, discrepancies=items)


class Candidate(BaseModel):
    """Code extracted from a completion."""

    model_config = ConfigDict(frozen=True)

    lang: str  # python | svg | html | markdown
    code: str


class Rendering(BaseModel):
    """The result of rendering one source (or loading one image)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    task: Task
    status: Status = Status.OK
    png: bytes | None = None
    #: Plain-data scene (chart artists, table cells, SVG elements) where the renderer knows it.
    scene: dict[str, Any] | None = None
    reason: str | None = None
    source: str | None = None
    lang: str | None = None
    elapsed_ms: float | None = None

    @field_serializer("png")
    def _png_b64(self, v: bytes | None) -> str | None:
        return None if v is None else base64.b64encode(v).decode("ascii")

    @field_validator("png", mode="before")
    @classmethod
    def _png_from_b64(cls, v: Any) -> Any:
        if isinstance(v, str):
            return base64.b64decode(v)
        return v

    @property
    def ok(self) -> bool:
        return self.status is Status.OK and self.png is not None

    def image(self) -> Image.Image:
        """The rendering as an RGB PIL image (composited on white)."""
        from verm.imaging import load_rgb

        if self.png is None:
            raise ContractError(f"rendering has no image (status {self.status.value}: {self.reason})")
        return load_rgb(io.BytesIO(self.png))


class Reward(BaseModel):
    """A scalar reward with its status, the parts it is made of and the judgment."""

    score: float | None
    status: Status
    reason: str | None = None
    #: e.g. {"render": 1.0, "quality": 0.84, "total_severity": 8}
    parts: dict[str, float] = Field(default_factory=dict)
    judgment: Judgment | None = None
    #: Where the time went for this sample, in ms: ``queue_ms`` (waiting for a worker, a judge slot or
    #: an identical sample's result), ``render_ms`` and ``judge_ms`` (work done for this sample; 0 when
    #: it came from the cache or from an identical sample), ``total_ms`` (from the call to the result).
    timings: dict[str, float] = Field(default_factory=dict)
    #: Where the rendering and the judgment came from: ``"miss"`` (computed), ``"hit"`` (the cache),
    #: ``"shared"`` (an identical sample in flight), ``"none"`` (not needed).
    cache: dict[str, str] = Field(default_factory=dict)

    @property
    def cached(self) -> bool:
        """True when this sample's result came from the cache or an identical sample, with nothing computed."""
        values = self.cache.values()
        return any(v in ("hit", "shared") for v in values) and "miss" not in values

    def to_json_dict(self) -> dict[str, Any]:
        out = self.model_dump(mode="json", exclude={"judgment"})
        out["cached"] = self.cached
        if self.judgment is not None:
            out["judgment"] = {
                "judge": self.judgment.judge,
                "status": self.judgment.status.value,
                "reason": self.judgment.reason,
                **self.judgment.to_paper(),
            }
        return out
