"""A tiny Qwen3-VL judge for tests: random weights, a tokenizer trained here,
saved to a directory the hf judge loads like any checkpoint.

Nothing is downloaded. The model is Visual-ERM's architecture (Qwen3-VL) at toy
size: hidden 64, 2 layers, 2 heads, a 2-block vision tower with 8 px patches
merged 2x2. The tokenizer is a byte-level BPE trained on a few hundred lines
made from verm's own prompts and paper-format answers, with the special tokens
the Qwen-VL chat template and processors use.

Random weights write random text. `ForcedAnswer` makes real generation
deterministic: a logits processor that, from the assistant header on, leaves
only the next token of a chosen answer possible, so ``generate`` still runs
every step of the model and the judge still decodes and parses what comes out.

Lives in tests/, not in the package: it is test scaffolding (random weights, a
toy tokenizer, forced answers), nothing a user would judge with.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import (
    GenerationConfig,
    LogitsProcessor,
    PreTrainedTokenizerFast,
    Qwen3VLConfig,
    Qwen3VLForConditionalGeneration,
)
from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import Qwen2VLImageProcessorPil

from verm.judge.prompts import get_prompt
from verm.types import CATEGORIES, Task

#: The Qwen-VL special tokens: chat turns, image and video placeholders.
SPECIAL_TOKENS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|vision_pad|>",
    "<|image_pad|>",
    "<|video_pad|>",
]

#: A Qwen-VL-style chat template: each image part becomes
#: <|vision_start|><|image_pad|><|vision_end|>, which the processor expands to one
#: <|image_pad|> per merged patch.
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "<|im_start|>{{ message['role'] }}\n"
    "{% if message['content'] is string %}{{ message['content'] }}"
    "{% else %}{% for part in message['content'] %}"
    "{% if part['type'] in ('image', 'image_url') or 'image' in part %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}"
    "{% endfor %}{% endif %}<|im_end|>\n"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

PATCH = 8
MERGE = 2
#: Image side multiple the processor resizes to (patch x merge).
FACTOR = PATCH * MERGE
#: Pixel bounds of the image processor: at most 16 merged tokens per image.
MIN_PIXELS = FACTOR * FACTOR
MAX_PIXELS = 64 * 64


def corpus_lines(n_answers: int = 300, seed: int = 0) -> list[str]:
    """Text to train the tokenizer on: verm's prompts and paper-format answers."""
    rng = random.Random(seed)
    lines: list[str] = []
    for task in Task:
        lines.extend(line for line in get_prompt(task).text.splitlines() if line.strip())
    places = ["title", "legend", "x axis", "y axis", "row 3, column 2", "header", "left wheel", "background"]
    for _ in range(n_answers):
        task = rng.choice(list(Task))
        cats = CATEGORIES[task]
        errors = [
            {
                "category": rng.choice(cats),
                "severity": rng.randint(1, 3),
                "location": rng.choice(places),
                "description": f"The {rng.choice(places)} differs from the reference.",
            }
            for _ in range(rng.randint(0, 2))
        ]
        answer: dict[str, Any] = {f"{c}_count": sum(e["category"] == c for e in errors) for c in cats}
        answer["errors"] = errors
        lines.append(json.dumps(answer))
    return lines


def build_tokenizer(vocab_size: int = 1024) -> PreTrainedTokenizerFast:
    """A byte-level BPE tokenizer (any text round-trips) with the Qwen-VL special tokens."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(corpus_lines(), trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        chat_template=CHAT_TEMPLATE,
    )


def build_tiny_qwen_vl(out_dir: str | Path, seed: int = 0) -> Path:
    """Save a tiny random Qwen3-VL checkpoint (model, tokenizer, image processor) to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer()
    tid = tokenizer.convert_tokens_to_ids
    config = Qwen3VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": 64,
            "intermediate_size": 128,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "num_key_value_heads": 2,
            "head_dim": 32,
            "max_position_embeddings": 4096,
            # The three multimodal rope sections (time, height, width) share head_dim / 2.
            "rope_parameters": {
                "rope_type": "default",
                "rope_theta": 10000.0,
                "mrope_section": [8, 4, 4],
                "mrope_interleaved": True,
            },
            "eos_token_id": tid("<|im_end|>"),
            "pad_token_id": tid("<|endoftext|>"),
        },
        vision_config={
            "depth": 2,
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_heads": 2,
            "patch_size": PATCH,
            "spatial_merge_size": MERGE,
            "temporal_patch_size": 2,
            "out_hidden_size": 64,
            "num_position_embeddings": 64,
            "deepstack_visual_indexes": [0],
        },
        image_token_id=tid("<|image_pad|>"),
        video_token_id=tid("<|video_pad|>"),
        vision_start_token_id=tid("<|vision_start|>"),
        vision_end_token_id=tid("<|vision_end|>"),
    )
    torch.manual_seed(seed)
    model = Qwen3VLForConditionalGeneration(config)
    model.generation_config = GenerationConfig(eos_token_id=tid("<|im_end|>"), pad_token_id=tid("<|endoftext|>"))
    image_processor = Qwen2VLImageProcessorPil(
        patch_size=PATCH,
        merge_size=MERGE,
        temporal_patch_size=2,
        size={"shortest_edge": MIN_PIXELS, "longest_edge": MAX_PIXELS},
    )
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    image_processor.save_pretrained(out)
    return out


def image_tokens(width: int, height: int) -> int:
    """How many <|image_pad|> tokens an image of this size becomes (sides multiples of FACTOR)."""
    assert width % FACTOR == 0 and height % FACTOR == 0 and MIN_PIXELS <= width * height <= MAX_PIXELS
    return (width // FACTOR) * (height // FACTOR)


class ForcedAnswer(LogitsProcessor):
    """Force generation to write ``answer`` token by token, then end the turn.

    ``answer`` is one text for every row, or a mapping from the number of image
    tokens in a row's prompt to that row's text (images of different sizes give
    different counts, so a test can tell rows apart and check their order).
    Stateless: each row finds its own start after the last assistant header.
    """

    def __init__(self, tokenizer: Any, answer: str | Mapping[int, str]) -> None:
        self.header = tokenizer.encode("<|im_start|>assistant\n", add_special_tokens=False)
        self.image_token_id = tokenizer.convert_tokens_to_ids("<|image_pad|>")
        self.eos = tokenizer.convert_tokens_to_ids("<|im_end|>")
        answers = {None: answer} if isinstance(answer, str) else dict(answer)
        self.targets: dict[int | None, list[int]] = {}
        for key, text in answers.items():
            ids = tokenizer.encode(text, add_special_tokens=False)
            assert tokenizer.decode(ids) == text, "the tiny tokenizer must round-trip the forced answer"
            self.targets[key] = ids

    def _start(self, ids: list[int]) -> int:
        n = len(self.header)
        for pos in range(len(ids) - n, -1, -1):
            if ids[pos : pos + n] == self.header:
                return pos + n
        raise AssertionError("no assistant header in the prompt")

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        forced = torch.full_like(scores, float("-inf"))
        for row in range(input_ids.shape[0]):
            ids = input_ids[row].tolist()
            start = self._start(ids)
            key = None if None in self.targets else ids[:start].count(self.image_token_id)
            target = self.targets[key]
            k = len(ids) - start
            forced[row, target[k] if k < len(target) else self.eos] = 0.0
        return forced
