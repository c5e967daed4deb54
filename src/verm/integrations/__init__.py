"""verm inside RL trainers: thin faces over `verm.pipeline.Scorer`.

- `verm.integrations.openrlhf`: OpenRLHF's remote-reward protocol (used by
  ``verm serve``) and its ``.py`` ``reward_func`` (`verm.integrations.openrlhf_reward`).

Each module imports its trainer (if at all) only when used; nothing here imports
the CLI or the service.
"""
