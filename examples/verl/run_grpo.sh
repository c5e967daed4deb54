#!/usr/bin/env bash
# GRPO on charts, tables and SVG icons with verm as the reward, as in the Visual-ERM paper
# (veRL, 8 rollouts a prompt, batch 256). Needs veRL 0.9 and GPUs; verm runs on the CPUs.
#   verm rl prepare references/ --out data/verm        # references: .py/.md/.svg sources and/or images
#   bash examples/verl/run_grpo.sh Qwen/Qwen2.5-VL-7B-Instruct data/verm
# tests/envs/verl composes these overrides against the installed veRL's own config.
set -euo pipefail
MODEL="${1:?usage: run_grpo.sh MODEL DATA_DIR [more overrides]}"
DATA="${2:?usage: run_grpo.sh MODEL DATA_DIR [more overrides]}"
shift 2

python3 -m verl.trainer.main_ppo \
    algorithm.adv_estimator=grpo \
    data.train_files="$DATA/train.parquet" \
    data.val_files="$DATA/val.parquet" \
    data.image_key=images \
    data.train_batch_size=256 \
    data.max_prompt_length=2048 \
    data.max_response_length=4096 \
    actor_rollout_ref.model.path="$MODEL" \
    actor_rollout_ref.rollout.name=vllm \
    actor_rollout_ref.rollout.n=8 \
    reward.custom_reward_function.path=pkg://verm.integrations.verl \
    reward.custom_reward_function.name=compute_score_async \
    +reward.custom_reward_function.reward_kwargs.judge=auto \
    +reward.custom_reward_function.reward_kwargs.shaping.chart=visual-erm \
    +reward.custom_reward_function.reward_kwargs.shaping.svg=visual-erm \
    +reward.custom_reward_function.reward_kwargs.shaping.table=visual-erm-table \
    reward.num_workers=8 \
    trainer.project_name=verm \
    trainer.experiment_name=grpo_visual_erm \
    "$@"
