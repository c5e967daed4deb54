"""ms-swift plugin file: ``--external_plugins "$(python -m verm.integrations.swift)"``.

Registers ``verm``, ``verm_chart``, ``verm_table`` and ``verm_svg`` for ``--reward_funcs``
(see `verm.integrations.swift`).
"""

from swift.rewards import orms

from verm.integrations.swift import register

register(orms)
