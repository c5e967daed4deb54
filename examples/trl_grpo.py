"""GRPO with TRL and verm as the reward: a vision-language policy looks at a chart, a
table or an icon and writes the code; verm renders it (sandboxed) and judges it against
the reference.

    pip install 'verm' 'trl>=1.16' datasets
    verm rl prepare references/ --out data/verm          # or any folder of references: read below
    python examples/trl_grpo.py --model Qwen/Qwen2.5-VL-3B-Instruct --references references/

Each row of the dataset: ``prompt`` (a user turn with the image and the instruction),
``image`` (what the policy sees), ``reference`` (the reference source when there is one,
else nothing: verm then judges against ``image``) and ``task``. TRL hands every column
to the reward function; keep ``remove_unused_columns=False`` (GRPOConfig's default).

``--text-only`` leaves the image out of the prompt (the reference still travels in its
column): a smoke test with a text-only model, as tests/integration/test_trl_grpo.py does.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path


def build_dataset(references: Path, task: str | None, text_only: bool, cache: Path):
    from datasets import Dataset
    from PIL import Image

    from verm.integrations.data import PROMPTS, collect_references, render_missing

    refs = collect_references(references, task)
    render_missing(refs, cache)  # sources without an image are rendered once (sandboxed), then cached
    rows: dict[str, list] = {"prompt": [], "reference": [], "task": []}
    if not text_only:
        rows["image"] = []
    for ref in refs:
        if ref.png is None:
            continue  # its source did not render; verm logged why
        instruction = PROMPTS[ref.task]
        if text_only:
            rows["prompt"].append([{"role": "user", "content": instruction}])
        else:
            content = [{"type": "image"}, {"type": "text", "text": instruction}]
            rows["prompt"].append([{"role": "user", "content": content}])
            rows["image"].append(Image.open(io.BytesIO(ref.png)).convert("RGB"))
        rows["reference"].append(ref.source or "")
        rows["task"].append(ref.task.value)
    return Dataset.from_dict(rows)


def main(argv: list[str] | None = None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, help="Hub id or local path of the policy")
    ap.add_argument("--references", type=Path, required=True, help="Folder of reference images and/or sources")
    ap.add_argument("--task", choices=["chart", "table", "svg"], help="Only this task (and the task of bare images)")
    ap.add_argument("--out", default="verm-grpo")
    ap.add_argument("--judge", default="auto", help="verm judge: auto (CPU), pixel, vlm (a served Visual-ERM), ...")
    ap.add_argument("--num-generations", type=int, default=8)
    ap.add_argument("--max-steps", type=int, default=-1)
    ap.add_argument("--max-completion-length", type=int, default=2048)
    ap.add_argument("--text-only", action="store_true", help="No image in the prompt (smoke tests, text models)")
    ap.add_argument("--cpu", action="store_true")
    args = ap.parse_args(argv)

    from trl import GRPOConfig, GRPOTrainer

    from verm.integrations.trl import AsyncVermReward

    # One reward for every task: verm's default shaping for charts and icons, the reference
    # code's table rule (-S, -4 on any failure) for tables.
    reward = AsyncVermReward(judge=args.judge, shaping={"table": "visual-erm-table"}, name="verm")
    config = GRPOConfig(
        output_dir=args.out,
        num_generations=args.num_generations,
        per_device_train_batch_size=args.num_generations,
        max_completion_length=args.max_completion_length,
        max_steps=args.max_steps,
        use_cpu=args.cpu,
        logging_steps=1,
        report_to=[],
    )
    trainer = GRPOTrainer(
        model=args.model,
        reward_funcs=reward,
        args=config,
        train_dataset=build_dataset(args.references, args.task, args.text_only, Path(args.out) / ".render-cache"),
    )
    trainer.train()
    return trainer


if __name__ == "__main__":
    main()
