"""The generative judge through transformers: a Qwen-VL-family model (Visual-ERM
itself, ``internlm/Visual-ERM``, or any Qwen2-VL / Qwen2.5-VL / Qwen3-VL
checkpoint) on the user's GPU or CPU, batched.

It sends the same prompts as the ``vlm`` judge (`verm.judge.prompts`: the
reference image first, the candidate second, then the task's text) and reads
the answers with the same parser (`verm.judge.parse`). An answer that does not
parse becomes a ``judge_error`` with the raw text kept, never a guessed score.

Needs ``pip install 'verm[hf]'`` (torch, transformers, accelerate); both are
imported only when this judge is created.

>>> judge = HfJudge("internlm/Visual-ERM", batch_size=8)  # doctest: +SKIP
>>> judge.judge_many("chart", [(ref, cand), ...])  # doctest: +SKIP

Inputs are prepared by the model's own processor (``AutoProcessor``) when it
loads. transformers 5 cannot build a Qwen-VL processor without torchvision
(the video processor is mandatory, huggingface/transformers#48558), and
torchvision often cannot be installed beside a given torch build; the judge
then assembles the same inputs from the image processor and the tokenizer
itself (`_ImageTextProcessor`): one ``<|image_pad|>`` per merged patch, exactly
as the Qwen-VL processors do for images.
"""

from __future__ import annotations

import importlib.util
import inspect
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from verm.errors import InputError, MissingDependencyError
from verm.judge.base import Judge
from verm.judge.parse import JudgmentParseError, parse_judgment
from verm.judge.prompts import Prompt, build_messages, resolve_prompts
from verm.types import Judgment, Rendering, Status, Task

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

__all__ = ["HfJudge"]

INSTALL_LINE = "pip install 'verm[hf]'"

#: Stand-ins for the two images in the chat messages: the chat template only needs to
#: know where the images go; the pixels travel to the processor separately.
_REF_MARK, _CAND_MARK = "verm-reference", "verm-candidate"


def _require() -> tuple[Any, Any]:
    """torch and transformers, or the exact install line."""
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise MissingDependencyError(
            f"the hf judge needs torch and transformers ({exc.name or exc} is missing): {INSTALL_LINE}"
        ) from None
    return torch, transformers


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


class _ImageTextProcessor:
    """The image half of a Qwen-VL processor, built from an image processor and a
    tokenizer, for when the model's own processor cannot be built (no torchvision).

    Callable like a processor: ``(text=[...], images=[...], padding=True,
    return_tensors="pt")``; the images are taken in order, one per image
    placeholder in the texts.
    """

    def __init__(self, image_processor: Any, tokenizer: Any, image_token: str, image_token_id: int) -> None:
        self.image_processor = image_processor
        self.tokenizer = tokenizer
        self.image_token = image_token
        self.image_token_id = image_token_id
        self.chat_template = getattr(tokenizer, "chat_template", None)

    def apply_chat_template(self, messages: list[dict[str, Any]], **kwargs: Any) -> str:
        return self.tokenizer.apply_chat_template(messages, **kwargs)

    def __call__(
        self, *, text: list[str], images: list[Image.Image], padding: bool = True, return_tensors: str = "pt"
    ) -> dict[str, Any]:
        feats = dict(self.image_processor(images=images, return_tensors=return_tensors))
        merge = int(getattr(self.image_processor, "merge_size", 1) or 1)
        counts = [int(g.prod()) // merge**2 for g in feats["image_grid_thw"]]
        expanded: list[str] = []
        k = 0
        for t in text:
            parts = t.split(self.image_token)
            out = [parts[0]]
            for part in parts[1:]:
                if k >= len(counts):
                    raise InputError(f"more image placeholders than images ({len(counts)}) in the prompt")
                out.append(self.image_token * counts[k] + part)
                k += 1
            expanded.append("".join(out))
        if k != len(counts):
            raise InputError(f"{len(counts)} images but {k} image placeholders in the prompts")
        enc = dict(self.tokenizer(expanded, padding=padding, return_tensors=return_tensors))
        # Qwen3-VL (transformers 5) computes its multimodal rope from these: 1 marks an image token.
        enc["mm_token_type_ids"] = (enc["input_ids"] == self.image_token_id).int()
        return {**enc, **feats}

    def batch_decode(self, ids: Any, **kwargs: Any) -> list[str]:
        return self.tokenizer.batch_decode(ids, **kwargs)


def resolve_device(torch: Any, device: str) -> str:
    """ "auto" -> CUDA, then Apple MPS, then CPU; anything else as given."""
    if device != "auto":
        return str(device)
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def resolve_dtype(torch: Any, dtype: Any, device: str) -> Any:
    """ "auto" -> bfloat16 on a GPU that has it, float16 on other GPUs, float32 on the CPU."""
    if not isinstance(dtype, str):
        return dtype  # already a torch.dtype
    if dtype != "auto":
        value = getattr(torch, dtype, None)
        if not isinstance(value, torch.dtype):
            raise InputError(f"unknown dtype {dtype!r}; expected auto, bfloat16, float16 or float32")
        return value
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.startswith("mps"):
        return torch.float16
    return torch.float32  # CPU half-precision matmuls are slow or missing


def load_processor(tf: Any, model: str | Path, config: Any, kwargs: dict[str, Any]) -> Any:
    """The model's processor, or (when transformers cannot build it) an `_ImageTextProcessor`
    from its image processor and tokenizer. ``config`` is the loaded model's config (it names
    the image token); ``kwargs`` go to every ``from_pretrained``."""
    try:
        proc = tf.AutoProcessor.from_pretrained(str(model), **kwargs)
        if hasattr(proc, "image_processor") and hasattr(proc, "tokenizer"):
            return proc
        reason = f"AutoProcessor gave a {type(proc).__name__}, not an image-and-text processor"
    except (ImportError, OSError, ValueError, TypeError, AttributeError, KeyError) as exc:
        first = str(exc).strip().split(". ")[0].splitlines()[0] if str(exc).strip() else ""
        reason = f"{type(exc).__name__}: {first}"
    log.info("the processor of %s cannot be built (%s); using its image processor and tokenizer", model, reason)
    try:
        image_processor = tf.AutoImageProcessor.from_pretrained(str(model), **kwargs)
        tokenizer = tf.AutoTokenizer.from_pretrained(str(model), **kwargs)
    except (OSError, ValueError) as exc:
        raise InputError(f"{model!s} has no usable image processor and tokenizer ({reason}; then: {exc})") from None
    token_id = getattr(config, "image_token_id", None) or getattr(config, "image_token_index", None)
    if token_id is None:
        raise InputError(f"{model!s}: its config names no image token (image_token_id); is it a Qwen-VL model?")
    token = tokenizer.convert_ids_to_tokens(int(token_id))
    return _ImageTextProcessor(image_processor, tokenizer, token, int(token_id))


class HfJudge(Judge):
    """A vision-language judge run in-process with transformers.

    ``model`` is a local directory or a hub id (the user's own weights; with
    ``HF_HUB_OFFLINE=1`` nothing is fetched). ``device`` is "auto" (CUDA, then
    Apple MPS, then CPU) or any torch device; ``dtype`` is "auto" (bfloat16 on a
    GPU that has it, float16 on other GPUs, float32 on the CPU) or a torch dtype
    name. Images are downscaled to ``max_side`` px before the processor sees them.
    ``temperature`` 0 is greedy decoding. ``prompt`` is a `Prompt`, a path to a
    prompt file (`load_prompt`), or a dict task -> either; None uses the built-in
    prompts. ``generation_kwargs`` go to ``model.generate`` as they are (e.g.
    ``logits_processor``, ``top_p``, ``repetition_penalty``).

    ``model_obj`` / ``processor_obj`` skip loading and use objects the caller
    already has; ``model`` is then only a name for logs.
    """

    name: ClassVar[str] = "hf"

    def __init__(
        self,
        model: str | Path,
        device: str = "auto",
        dtype: str = "auto",
        max_new_tokens: int = 1024,
        batch_size: int = 4,
        max_side: int = 1024,
        temperature: float = 0.0,
        prompt: Prompt | str | Path | dict[Any, Prompt | str | Path] | None = None,
        model_obj: Any = None,
        processor_obj: Any = None,
        *,
        generation_kwargs: dict[str, Any] | None = None,
        trust_remote_code: bool = False,
    ) -> None:
        if batch_size < 1 or max_new_tokens < 1 or max_side < 32 or temperature < 0:
            raise InputError(
                f"hf judge settings out of range: batch_size={batch_size} (>= 1), max_new_tokens={max_new_tokens} "
                f"(>= 1), max_side={max_side} (>= 32), temperature={temperature} (>= 0)"
            )
        self._torch, self._transformers = _require()
        self.model_name = str(model)
        self.max_new_tokens = max_new_tokens
        self.batch_size = batch_size
        self.max_side = max_side
        self.temperature = temperature
        self.generation_kwargs = dict(generation_kwargs or {})
        self._prompts = resolve_prompts(prompt)
        self.device = resolve_device(self._torch, device)
        self.dtype = resolve_dtype(self._torch, dtype, self.device)
        t0 = time.perf_counter()
        self.model = model_obj if model_obj is not None else self._load_model(model, trust_remote_code)
        self.model.eval()
        self.processor = processor_obj if processor_obj is not None else self._load_processor(model, trust_remote_code)
        self.tokenizer = self.processor.tokenizer
        # Left padding: generation appends to the right end of every row.
        self.tokenizer.padding_side = "left"
        fwd = inspect.signature(self.model.forward).parameters
        self._wants_mm_types = "mm_token_type_ids" in fwd
        log.info(
            "hf judge: %s on %s (%s), processor %s, loaded in %.1f s",
            self.model_name,
            getattr(self.model, "device", self.device),
            str(getattr(self.model, "dtype", self.dtype)).removeprefix("torch."),
            type(self.processor).__name__,
            time.perf_counter() - t0,
        )

    # -- configuration ---------------------------------------------------------------
    def prompt_for(self, task: Task | str) -> Prompt:
        return self._prompts[Task.parse(task)]

    def _load_kwargs(self, model: str | Path, trust_remote_code: bool) -> dict[str, Any]:
        # A local directory never needs the hub; a hub id does only when the user is online.
        local = Path(model).is_dir()
        return {"local_files_only": local or _offline(), "trust_remote_code": trust_remote_code}

    def _load_model(self, model: str | Path, trust_remote_code: bool) -> Any:
        tf = self._transformers
        kwargs = self._load_kwargs(model, trust_remote_code)
        # With accelerate, weights load straight onto the GPU; without it (or on the CPU,
        # where they land anyway) they load first and move after.
        placed = self.device != "cpu" and importlib.util.find_spec("accelerate") is not None
        if placed:
            kwargs["device_map"] = self.device
        try:
            loaded = tf.AutoModelForImageTextToText.from_pretrained(str(model), dtype=self.dtype, **kwargs)
        except OSError as exc:
            hint = " (HF_HUB_OFFLINE is set: only local files are used)" if _offline() else ""
            raise InputError(f"cannot load the hf judge model {model!s}{hint}: {exc}") from None
        return loaded if placed else loaded.to(self.device)

    def _load_processor(self, model: str | Path, trust_remote_code: bool) -> Any:
        return load_processor(self._transformers, model, self.model.config, self._load_kwargs(model, trust_remote_code))

    # -- judging ---------------------------------------------------------------------
    def _image(self, r: Rendering, role: str) -> Image.Image | str:
        """The rendering as a downscaled RGB image, or the reason it has none."""
        from PIL import Image

        if r.png is None:
            return f"{role} has no image (status {r.status.value}: {r.reason or 'no reason given'})"
        try:
            img = r.image()
        except (InputError, OSError, ValueError) as exc:
            return f"cannot read the {role} image: {exc}"
        if max(img.size) > self.max_side:
            img.thumbnail((self.max_side, self.max_side), Image.Resampling.LANCZOS)
        return img

    def _chat_text(self, task: Task) -> str:
        messages = build_messages(task, _REF_MARK, _CAND_MARK, self._prompts[task])
        # OpenAI image_url parts become the bare image parts that Qwen-VL chat templates expect.
        for m in messages:
            if isinstance(m["content"], list):
                m["content"] = [{"type": "image"} if p.get("type") == "image_url" else p for p in m["content"]]
        return self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _generate_kwargs(self) -> dict[str, Any]:
        kw: dict[str, Any] = {"max_new_tokens": self.max_new_tokens}
        if self.temperature > 0:
            kw.update(do_sample=True, temperature=self.temperature)
        else:
            kw["do_sample"] = False
        pad = self.tokenizer.pad_token_id
        if pad is None:
            pad = self.tokenizer.eos_token_id
        if pad is not None:
            kw["pad_token_id"] = pad
        kw.update(self.generation_kwargs)
        return kw

    def _generate(self, text: str, images: list[Image.Image]) -> list[str]:
        """One batch: ``len(images) // 2`` prompts (same text), images in pair order."""
        torch = self._torch
        n = len(images) // 2
        inputs = self.processor(text=[text] * n, images=images, padding=True, return_tensors="pt")
        inputs = dict(inputs)
        if not self._wants_mm_types:
            inputs.pop("mm_token_type_ids", None)
        inputs = {k: v.to(self.model.device) if hasattr(v, "to") else v for k, v in inputs.items()}
        if "pixel_values" in inputs and inputs["pixel_values"].is_floating_point():
            inputs["pixel_values"] = inputs["pixel_values"].to(self.model.dtype)
        with torch.inference_mode():
            out = self.model.generate(**inputs, **self._generate_kwargs())
        # Every row is left-padded to the same length, so the new tokens start at one column.
        new = out[:, inputs["input_ids"].shape[1] :]
        return self.processor.batch_decode(new, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        return self.judge_many(task, [(reference, candidate)])[0]

    def judge_many(self, task: Task, pairs: Sequence[tuple[Rendering, Rendering]]) -> list[Judgment]:
        """Judge pairs ``batch_size`` at a time; results in input order. Each judgment's
        ``elapsed_ms`` is its batch's time shared equally among the batch."""
        task = Task.parse(task)
        results: list[Judgment | None] = [None] * len(pairs)
        ready: list[tuple[int, Image.Image, Image.Image]] = []
        for i, (ref, cand) in enumerate(pairs):
            ref_img, cand_img = self._image(ref, "reference"), self._image(cand, "candidate")
            bad = ref_img if isinstance(ref_img, str) else cand_img if isinstance(cand_img, str) else None
            if bad is not None:
                results[i] = Judgment(task=task, judge=self.name, status=Status.JUDGE_ERROR, reason=bad)
            else:
                ready.append((i, ref_img, cand_img))  # type: ignore[arg-type]
        if ready:
            text = self._chat_text(task)
            prompt = self._prompts[task]
            for start in range(0, len(ready), self.batch_size):
                batch = ready[start : start + self.batch_size]
                t0 = time.perf_counter()
                answers = self._generate(text, [img for _, r, c in batch for img in (r, c)])
                share = (time.perf_counter() - t0) * 1e3 / len(batch)
                log.debug("hf judge: batch of %d in %.0f ms per pair", len(batch), share)
                for (i, _, _), answer in zip(batch, answers, strict=True):
                    results[i] = self._parse(task, answer, prompt, share)
        return [j for j in results if j is not None]

    def _parse(self, task: Task, answer: str, prompt: Prompt, elapsed_ms: float) -> Judgment:
        try:
            judgment = parse_judgment(answer, task, self.name)
        except JudgmentParseError as exc:
            log.info("hf judge: unparseable answer (%s), prompt %s", exc.reason, prompt.version)
            return Judgment(
                task=task,
                judge=self.name,
                status=Status.JUDGE_ERROR,
                reason=f"unparseable answer from {self.model_name}: {exc.reason} (prompt {prompt.version})",
                raw=answer,
                elapsed_ms=elapsed_ms,
                unparseable=True,
            )
        return judgment.model_copy(update={"elapsed_ms": elapsed_ms})

    def close(self) -> None:
        """Drop the model and free GPU memory."""
        self.model = None
        if self._torch.cuda.is_available():
            self._torch.cuda.empty_cache()
