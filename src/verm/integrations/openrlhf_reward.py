"""OpenRLHF's ``.py`` reward: pass this file's path to ``--reward.remote_url``.

    --reward.remote_url "$(python -m verm.integrations.openrlhf)"

OpenRLHF imports this file by its path and calls ``reward_func(queries, prompts,
labels)``; the work is `verm.integrations.openrlhf.reward_func` (configuration
through ``VERM_*`` variables, see there).
"""

from verm.integrations.openrlhf import reward_func

__all__ = ["reward_func"]
