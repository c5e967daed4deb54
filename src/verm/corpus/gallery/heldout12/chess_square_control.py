# Chess position on an 8x8 board shaded by which side controls each square (diverging colours), with piece glyphs.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import TwoSlopeNorm

pieces = {  # (file, rank) 0-based: glyph, side (+1 white, -1 black)
    (6, 0): ("♔", 1),
    (3, 0): ("♖", 1),
    (5, 0): ("♖", 1),
    (2, 2): ("♘", 1),
    (4, 3): ("♙", 1),
    (3, 3): ("♙", 1),
    (5, 1): ("♙", 1),
    (6, 1): ("♙", 1),
    (7, 1): ("♙", 1),
    (2, 3): ("♗", 1),
    (0, 1): ("♙", 1),
    (3, 1): ("♕", 1),
    (6, 7): ("♚", -1),
    (4, 7): ("♜", -1),
    (0, 7): ("♜", -1),
    (5, 5): ("♞", -1),
    (3, 5): ("♟", -1),
    (4, 4): ("♟", -1),
    (5, 6): ("♟", -1),
    (6, 6): ("♟", -1),
    (7, 6): ("♟", -1),
    (1, 6): ("♟", -1),
    (4, 6): ("♝", -1),
    (3, 6): ("♛", -1),
}
control = np.zeros((8, 8))
moves = {
    "♘": [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)],
    "♞": [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)],
}
for (f, r), (g, side) in pieces.items():
    targets = []
    if g in ("♙", "♟"):
        targets = [(f - 1, r + side), (f + 1, r + side)]
    elif g in moves:
        targets = [(f + a, r + b) for a, b in moves[g]]
    else:
        dirs = {"♖": [(1, 0), (-1, 0), (0, 1), (0, -1)], "♗": [(1, 1), (1, -1), (-1, 1), (-1, -1)]}
        key = {"♜": "♖", "♝": "♗"}.get(g, g)
        steps = dirs.get(key, [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)])
        reach = 1 if g in ("♔", "♚") else 7
        for a, b in steps:
            for k in range(1, reach + 1):
                t = (f + a * k, r + b * k)
                targets.append(t)
                if t in pieces:
                    break
    for tf, tr in targets:
        if 0 <= tf < 8 and 0 <= tr < 8:
            control[tr, tf] += side

fig, ax = plt.subplots(figsize=(7.5, 7))
im = ax.imshow(control, origin="lower", cmap="RdBu", norm=TwoSlopeNorm(0, -3, 3))
for (f, r), (g, _side) in pieces.items():
    ax.text(f, r, g, ha="center", va="center", fontsize=30, color="black", family="DejaVu Sans")
for r in range(8):
    for f in range(8):
        if control[r, f] and (f, r) not in pieces:
            ax.text(f + 0.38, r - 0.38, f"{control[r, f]:+.0f}", fontsize=7, ha="right", va="bottom", color="#333333")
ax.set_xticks(range(8), list("abcdefgh"))
ax.set_yticks(range(8), [str(i) for i in range(1, 9)])
ax.set_xticks(np.arange(-0.5, 8), minor=True)
ax.set_yticks(np.arange(-0.5, 8), minor=True)
ax.grid(which="minor", color="#666666", lw=0.5)
ax.tick_params(which="both", length=0)
cb = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.03, ticks=[-3, -2, -1, 0, 1, 2, 3])
cb.set_label("attackers: black  ←  →  white")
ax.set_title("Square control after 12...Qd7 (Queen's Gambit Declined)", fontsize=12)
fig.tight_layout()
