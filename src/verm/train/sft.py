"""Fine-tune a Qwen-VL-family judge on exported data (``verm train export --format
messages``) with TRL's `SFTTrainer`, fully or with LoRA (peft), then save a checkpoint
the ``hf`` judge loads (LoRA weights merged in).

Needs ``pip install 'verm[train]'`` (trl, peft, datasets, plus torch and transformers).

Inputs are made by `JudgeCollator`, the same way the hf judge makes them at
inference (`verm.judge.hf.load_processor`: the model's processor, or its image
processor and tokenizer where transformers cannot build the processor), and only
the answer's tokens carry the loss. The paper trained Qwen3-VL-8B with lr 1e-5,
batch 32 and 3 epochs; those are the defaults, for a GPU. On the CPU, a tiny model
built from a config runs two steps (the tests do).
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from verm.errors import InputError, MissingDependencyError

log = logging.getLogger(__name__)

INSTALL_LINE = "pip install 'verm[train]'"
#: The assistant turn's header in Qwen-VL chat templates: the answer starts after it.
ASSISTANT_HEADER = "<|im_start|>assistant\n"
IGNORE_INDEX = -100


def _require() -> tuple[Any, Any, Any, Any]:
    try:
        import datasets
        import torch
        import transformers
        import trl
    except ImportError as exc:
        raise MissingDependencyError(
            f"verm train sft needs trl, datasets, torch and transformers ({exc.name or exc} is missing): {INSTALL_LINE}"
        ) from None
    return torch, transformers, trl, datasets


@dataclass
class SftSettings:
    """The training run. ``batch_size`` is the effective batch: per-device batch x
    gradient accumulation (x devices)."""

    epochs: float = 3.0
    learning_rate: float = 1e-5
    batch_size: int = 32
    per_device_batch_size: int = 1
    max_steps: int = -1
    lora: bool = False
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    #: Modules LoRA adapts (the language model's projections by default).
    lora_targets: list[str] = field(
        default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    )
    max_side: int = 1024
    device: str = "auto"
    dtype: str = "auto"
    gradient_checkpointing: bool = False
    seed: int = 0
    logging_steps: int = 10


@dataclass
class SftResult:
    checkpoint: Path
    steps: int
    losses: list[float]
    seconds: float


class JudgeCollator:
    """Batches of exported records -> model inputs with labels on the answer only.

    A record is ``{"messages": [...], "image_paths": [...]}`` (the export's ``images``
    column, renamed so TRL does not build a processor of its own); the chat template
    renders the whole conversation; the labels are the ids after the last assistant
    header (the answer and its end-of-turn token), -100 everywhere else.
    """

    def __init__(self, processor: Any, root: Path, max_side: int, wants_mm_types: bool) -> None:
        self.processor = processor
        self.tokenizer = processor.tokenizer
        self.root = root
        self.max_side = max_side
        self.wants_mm_types = wants_mm_types
        self.header = self.tokenizer.encode(ASSISTANT_HEADER, add_special_tokens=False)

    def _image(self, rel: str) -> Any:
        from PIL import Image

        from verm.imaging import load_rgb

        path = Path(rel) if Path(rel).is_absolute() else self.root / rel
        img = load_rgb(path)
        if max(img.size) > self.max_side:
            img.thumbnail((self.max_side, self.max_side), Image.Resampling.LANCZOS)
        return img

    def _chat(self, messages: Sequence[dict[str, Any]]) -> str:
        # Arrow gives every part every key (text: None on image parts); templates want them clean.
        clean = [
            {
                "role": m["role"],
                "content": [{k: v for k, v in part.items() if v is not None} for part in m["content"]],
            }
            for m in messages
        ]
        return self.processor.apply_chat_template(clean, tokenize=False, add_generation_prompt=False)

    def answer_start(self, ids: list[int]) -> int:
        n = len(self.header)
        for pos in range(len(ids) - n, -1, -1):
            if ids[pos : pos + n] == self.header:
                return pos + n
        raise InputError("a record's chat text has no assistant turn (is the chat template a Qwen-VL one?)")

    def __call__(self, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
        texts = [self._chat(r["messages"]) for r in rows]
        images = [self._image(p) for r in rows for p in r["image_paths"]]
        batch = dict(self.processor(text=texts, images=images, padding=True, return_tensors="pt"))
        if not self.wants_mm_types:
            batch.pop("mm_token_type_ids", None)
        labels = batch["input_ids"].clone()
        for row in range(labels.shape[0]):
            ids = batch["input_ids"][row].tolist()
            labels[row, : self.answer_start(ids)] = IGNORE_INDEX
        labels[batch["attention_mask"] == 0] = IGNORE_INDEX
        batch["labels"] = labels
        return batch


def _dataset(datasets: Any, path: Path) -> Any:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        raise InputError(f"{path} holds no records")
    if not all(isinstance(r.get("messages"), list) and isinstance(r.get("images"), list) for r in rows):
        raise InputError(f"{path}: records need 'messages' and 'images' (export with --format messages)")
    if any(isinstance(m.get("content"), str) for r in rows for m in r["messages"]):
        raise InputError(
            f"{path} is ShareGPT data (for LLaMA-Factory); export with --format messages for verm train sft"
        )
    return datasets.Dataset.from_list(
        [{"id": r.get("id", str(i)), "messages": r["messages"], "image_paths": r["images"]} for i, r in enumerate(rows)]
    )


def train_sft(
    data_dir: str | Path, model: str | Path, out_dir: str | Path, settings: SftSettings | None = None
) -> SftResult:
    """Train on ``data_dir/train.jsonl`` (validation.jsonl is evaluated when present) and
    save the checkpoint (merged when LoRA) with its tokenizer, image processor and the
    prompts the data was made with (``verm-prompts.json``)."""
    torch, transformers, trl, datasets = _require()
    from verm.judge.hf import load_processor, resolve_device, resolve_dtype

    s = settings or SftSettings()
    data = Path(data_dir)
    out = Path(out_dir)
    if not (data / "train.jsonl").is_file():
        raise InputError(f"no train.jsonl in {data}; make it with `verm train export ... --format messages`")
    train = _dataset(datasets, data / "train.jsonl")
    val_path = data / "validation.jsonl"
    val = _dataset(datasets, val_path) if val_path.is_file() and val_path.stat().st_size else None
    device = resolve_device(torch, s.device)
    dtype = resolve_dtype(torch, s.dtype, device)
    local = Path(model).is_dir()
    try:
        net = transformers.AutoModelForImageTextToText.from_pretrained(str(model), dtype=dtype, local_files_only=local)
    except OSError as exc:
        raise InputError(f"cannot load {model!s}: {exc}") from None
    processor = load_processor(transformers, model, net.config, {"local_files_only": local})
    processor.tokenizer.padding_side = "right"
    collator = JudgeCollator(
        processor, data, s.max_side, "mm_token_type_ids" in inspect.signature(net.forward).parameters
    )
    peft_config = None
    if s.lora:
        try:
            import peft
        except ImportError:
            raise MissingDependencyError(f"--lora needs peft: {INSTALL_LINE}") from None
        peft_config = peft.LoraConfig(
            r=s.lora_r, lora_alpha=s.lora_alpha, lora_dropout=s.lora_dropout, target_modules=s.lora_targets,
            task_type="CAUSAL_LM",
        )  # fmt: skip
    accumulation = max(1, s.batch_size // s.per_device_batch_size)
    work = out / "trainer"
    # transformers 5 renamed gradient checkpointing to activation checkpointing (the old name warns).
    names = {f.name for f in dataclasses.fields(trl.SFTConfig)}
    ckpt = "activation_checkpointing" if "activation_checkpointing" in names else "gradient_checkpointing"
    args = trl.SFTConfig(
        output_dir=str(work),
        num_train_epochs=s.epochs,
        max_steps=s.max_steps,
        learning_rate=s.learning_rate,
        per_device_train_batch_size=s.per_device_batch_size,
        per_device_eval_batch_size=s.per_device_batch_size,
        gradient_accumulation_steps=accumulation,
        **{ckpt: s.gradient_checkpointing},
        logging_steps=min(s.logging_steps, s.max_steps) if s.max_steps > 0 else s.logging_steps,
        save_strategy="no",
        eval_strategy="epoch" if val is not None and s.max_steps < 0 else "no",
        report_to="none",
        remove_unused_columns=False,
        dataset_kwargs={"skip_prepare_dataset": True},
        max_length=None,
        bf16=dtype == torch.bfloat16,
        fp16=dtype == torch.float16,
        use_cpu=device == "cpu",
        seed=s.seed,
    )
    # The tokenizer, not a processor, is TRL's processing class: transformers cannot build a
    # Qwen-VL processor without torchvision, and the collator does the image half itself.
    trainer = trl.SFTTrainer(
        model=net, args=args, train_dataset=train, eval_dataset=val, processing_class=processor.tokenizer,
        data_collator=collator, peft_config=peft_config,
    )  # fmt: skip
    t0 = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - t0
    losses = [float(h["loss"]) for h in trainer.state.log_history if "loss" in h]
    trained = trainer.model
    if s.lora:
        trained = trained.merge_and_unload()
    out.mkdir(parents=True, exist_ok=True)
    trained.save_pretrained(out)
    processor.tokenizer.padding_side = "left"
    processor.tokenizer.save_pretrained(out)
    processor.image_processor.save_pretrained(out)
    if (data / "prompts.json").is_file():
        shutil.copyfile(data / "prompts.json", out / "verm-prompts.json")
    (out / "verm-train.json").write_text(
        json.dumps(
            {"data": str(data.resolve()), "base_model": str(model), "settings": asdict(s), "steps": trainer.state.global_step,
             "losses": losses, "seconds": round(seconds, 2)},
            indent=2,
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)
    log.info("trained %d steps in %.1f s -> %s", trainer.state.global_step, seconds, out)
    return SftResult(checkpoint=out, steps=trainer.state.global_step, losses=losses, seconds=seconds)
