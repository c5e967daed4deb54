"""The judge's own training: pairs with exact ground truth from the perturbation engine
(`make_pairs`), supervised fine-tuning data for a vision-language judge (`export`), and
a TRL entry point (`verm.train.sft`, needs ``pip install 'verm[train]'``).

>>> from verm.train import export                                          # doctest: +SKIP
>>> summary = export("pairs/", "sft-data/", fmt="messages", prompt_file="visual-erm-prompts.py")
>>> summary.counts                                                          # {'train': 270, 'validation': 30}
"""

from verm.train.export import Balance, ExportSummary, balance_of, export
from verm.train.pairs import PairsSummary, make_pairs

__all__ = ["Balance", "ExportSummary", "PairsSummary", "balance_of", "export", "make_pairs"]
