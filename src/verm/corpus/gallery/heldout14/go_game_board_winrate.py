# A Go game record: the first 60 moves on a 19x19 board with numbered stones and the last move marked, beside the engine's win-rate graph for Black
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Rectangle

plt.rcParams.update({"font.family": "DejaVu Sans"})
rng = np.random.default_rng(1419)

moves = []
occupied = set()
opening = [(3, 15), (15, 3), (15, 15), (3, 3), (2, 13), (16, 9), (13, 16), (5, 16), (9, 15), (16, 13)]
for mv in opening:
    moves.append(mv)
    occupied.add(mv)
while len(moves) < 60:
    px, py = moves[-1 - rng.integers(0, min(len(moves), 9))]
    cand = (int(np.clip(px + rng.integers(-2, 3), 1, 17)), int(np.clip(py + rng.integers(-2, 3), 1, 17)))
    if cand not in occupied:
        moves.append(cand)
        occupied.add(cand)

fig = plt.figure(figsize=(13, 7))
gs = fig.add_gridspec(2, 2, width_ratios=[1.05, 1], height_ratios=[3, 1], wspace=0.16, hspace=0.35)
ax = fig.add_subplot(gs[:, 0])
ax.add_patch(Rectangle((-0.8, -0.8), 19.6, 19.6, fc="#dcb35c", ec="#7a5a1e", lw=2, zorder=0))
for i in range(19):
    ax.plot([0, 18], [i, i], color="k", lw=0.7, zorder=1)
    ax.plot([i, i], [0, 18], color="k", lw=0.7, zorder=1)
hoshi = [(x, y) for x in (3, 9, 15) for y in (3, 9, 15)]
ax.scatter(*zip(*hoshi), s=18, color="k", zorder=2)
for n, (x, y) in enumerate(moves, start=1):
    black = n % 2 == 1
    ax.add_patch(Circle((x, y), 0.46, fc="#111111" if black else "#f7f7f2", ec="k", lw=0.8, zorder=3))
    ax.text(
        x,
        y,
        str(n),
        ha="center",
        va="center",
        fontsize=7 if n < 10 else 6.2,
        color="white" if black else "black",
        zorder=4,
    )
lx, ly = moves[-1]
ax.add_patch(Circle((lx, ly), 0.58, fc="none", ec="red", lw=2, zorder=5))
letters = "ABCDEFGHJKLMNOPQRST"
ax.set_xticks(range(19), labels=list(letters), fontsize=8)
ax.set_yticks(range(19), labels=[str(i + 1) for i in range(19)], fontsize=8)
ax.tick_params(length=0, top=True, labeltop=True, right=True, labelright=True)
for s in ax.spines.values():
    s.set_visible(False)
ax.set_xlim(-1, 19)
ax.set_ylim(-1, 19)
ax.set_aspect("equal")
ax.set_title("Game 3, moves 1-60 (Black: Lee, White: Park; komi 6.5)", fontsize=11)

ax_w = fig.add_subplot(gs[0, 1])
n = np.arange(0, 61)
wr = 50 + np.cumsum(np.r_[0, rng.normal(0, 2.5, 60)])
wr[38:] -= np.linspace(0, 22, 23)
wr = np.clip(wr, 3, 97)
ax_w.fill_between(n, 50, wr, where=wr >= 50, color="0.15", alpha=0.85, interpolate=True, label="Black ahead")
ax_w.fill_between(n, 50, wr, where=wr < 50, color="0.8", alpha=0.9, interpolate=True, label="White ahead")
ax_w.plot(n, wr, color="k", lw=1)
ax_w.axhline(50, color="tab:red", lw=0.8, ls="--")
drop = np.argmin(np.diff(wr)) + 1
ax_w.annotate(
    f"move {drop}: {wr[drop - 1] - wr[drop]:.0f}-point drop",
    xy=(drop, wr[drop]),
    xytext=(8, 18),
    arrowprops=dict(arrowstyle="->", color="tab:red"),
    color="tab:red",
    fontsize=9,
)
ax_w.set_ylim(0, 100)
ax_w.set_xlim(0, 60)
ax_w.set_ylabel("Black win rate (%)")
ax_w.legend(loc="upper right", fontsize=8)
ax_w.set_title("Engine evaluation", loc="left", fontsize=11)

ax_s = fig.add_subplot(gs[1, 1], sharex=ax_w)
lead = (wr - 50) / 4 + rng.normal(0, 0.5, n.size)
ax_s.bar(n, lead, color=np.where(lead >= 0, "0.2", "0.7"), edgecolor="k", lw=0.3, width=0.8)
ax_s.axhline(0, color="k", lw=0.8)
ax_s.set_ylabel("score lead")
ax_s.set_xlabel("move number")
fig.subplots_adjust(left=0.03, right=0.97, top=0.9, bottom=0.09)
