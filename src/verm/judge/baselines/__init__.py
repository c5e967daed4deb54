"""Similarity-only baseline judges: the metrics peers use, beside verm's judges.

They give a similarity in [0, 1] and no discrepancies (`Judgment.similarity`);
reward shaping turns it into ``1 + similarity`` under the default rule, so
they enter the same benchmark tables as the judges that list discrepancies
(reward-level figures only: they cannot be matched against true errors).

=============  =========================================  =================================
name           what                                        module
=============  =========================================  =================================
mse, psnr,     pixel MSE, PSNR, SSIM                       `verm.judge.baselines.image`
ssim
teds, teds_s   TEDS and TEDS-S of the table sources        `verm.judge.baselines.teds`
chartmimic     ChartMimic's text, layout, type and colour  `verm.judge.baselines.chartmimic`
               F1 from the programs' plotting trace
dino, lpips    DINOv2 cosine (StarVector / OmniSVG, or     `verm.judge.baselines.vision`
               VinciCoder's tiles) and LPIPS, on the        (``verm[vision]``, the user's
               user's weights                               weights)
=============  =========================================  =================================

Only the light modules are imported here; the vision module (torch) loads when
its judge is chosen.
"""

from verm.judge.baselines.image import MseJudge, PsnrJudge, SsimJudge, mse, mse_similarity, psnr_similarity, ssim
from verm.judge.baselines.teds import (
    TableNode,
    TedsJudge,
    TedsStructureJudge,
    levenshtein,
    pubtabnet_html,
    table_tree,
    teds,
    tree_edit_distance,
)

__all__ = [
    "MseJudge",
    "PsnrJudge",
    "SsimJudge",
    "TableNode",
    "TedsJudge",
    "TedsStructureJudge",
    "levenshtein",
    "mse",
    "mse_similarity",
    "psnr_similarity",
    "pubtabnet_html",
    "ssim",
    "table_tree",
    "teds",
    "tree_edit_distance",
]
