"""verm inside RL trainers: thin faces over `verm.pipeline.Scorer`.

- `verm.integrations.verl`: veRL's ``compute_score`` (sync, async, batch).
- `verm.integrations.trl`: TRL ``reward_funcs`` (sync and async).
- `verm.integrations.swift`: an ms-swift ORM and its plugin file.
- `verm.integrations.ray`: rendering and judging spread over a Ray cluster.
- `verm.integrations.openrlhf`: OpenRLHF's remote-reward protocol (used by
  ``verm serve``) and its ``.py`` ``reward_func`` (`verm.integrations.openrlhf_reward`).

Each module imports its trainer (if at all) only when used; nothing here imports
the CLI or the service.
"""
