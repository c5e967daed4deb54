"""A tiny causal LM policy for trainer tests: random weights, a word-level tokenizer
built here, saved to a directory any trainer loads like a checkpoint. Nothing is
downloaded.

The trick that makes a random model useful: whole answers are single tokens. The
vocabulary is the chat's special tokens, a few plain words for prompts, and each
answer in ``ANSWERS`` added as one token. With ``max_completion_length`` of one or two
tokens, a random policy samples among real answers (a faithful chart program, a wrong
one, prose without code), so a GRPO group gets different rewards from verm's real
renderer and judge, and the step has non-zero advantages.
"""

from __future__ import annotations

from pathlib import Path

from tokenizers import AddedToken, Tokenizer, models, pre_tokenizers

#: The reference chart the prompts ask for.
REFERENCE = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(4, 3))
ax.bar(["a", "b", "c"], [3, 1, 2], color="#4C72B0")
ax.set_title("Sales")
plt.show()
"""

#: What the policy can answer: the chart, the chart with one bar wrong and no title, and no code.
ANSWERS = {
    "faithful": "```python\n" + REFERENCE + "```",
    "wrong": '```python\nimport matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(4, 3))\nax.bar(["a", "b", "c"], [3, 5, 2], color="#DD8452")\nplt.show()\n```',
    "prose": "I would draw a bar chart.",
}

SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "[UNK]"]
WORDS = ["write", "matplotlib", "code", "for", "this", "chart", "user", "assistant", "system", "\n", ".", ":"]

CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_tokenizer(out_dir: str | Path) -> Path:
    """A word-level tokenizer whose answers are single tokens, saved with a chat template."""
    from transformers import PreTrainedTokenizerFast

    vocab = {tok: i for i, tok in enumerate(SPECIAL + WORDS)}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.add_special_tokens([AddedToken(t, special=True) for t in SPECIAL])
    tok.add_tokens([AddedToken(a, normalized=False, special=False) for a in ANSWERS.values()])
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        unk_token="[UNK]",
        chat_template=CHAT_TEMPLATE,
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(out)
    return out


def build_tiny_policy(out_dir: str | Path, seed: int = 0) -> Path:
    """A 1-layer Qwen2-style causal LM over `build_tokenizer`'s vocabulary, saved to ``out_dir``."""
    import torch
    from transformers import AutoTokenizer, Qwen2Config, Qwen2ForCausalLM

    out = build_tokenizer(out_dir)
    tokenizer = AutoTokenizer.from_pretrained(out)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=256,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,
    )
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(config)
    model.save_pretrained(out)
    return out
