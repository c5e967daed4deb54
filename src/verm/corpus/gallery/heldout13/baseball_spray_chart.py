# Baseball hitter's spray chart: batted balls by outcome on a field drawn from Wedge, Polygon and Arc patches, with zone percentages and a season line.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc, Polygon, Rectangle, Wedge

plt.style.use("seaborn-v0_8-white")

rng = np.random.default_rng(1927)
n = 420
ang = np.clip(rng.normal(78, 22, n), 46, 134)
dist = np.clip(rng.gamma(6, 38, n), 20, 450)
fence = 330 + 75 * np.sin(np.deg2rad((ang - 45) * 2))
outcome = np.full(n, "out", dtype=object)
outcome[(dist > fence)] = "home run"
outcome[(dist < fence) & (dist > 250) & (rng.random(n) < 0.35)] = "double"
outcome[(dist <= 250) & (dist > 120) & (rng.random(n) < 0.33)] = "single"
outcome[(dist < fence) & (dist > 280) & (np.abs(ang - 90) > 35) & (rng.random(n) < 0.2)] = "triple"
x, y = dist * np.cos(np.deg2rad(ang)), dist * np.sin(np.deg2rad(ang))

fig, ax = plt.subplots(figsize=(8, 7.6))
ax.add_patch(Wedge((0, 0), 470, 45, 135, color="#a5d6a7", zorder=0))
fence_t = np.linspace(45, 135, 80)
fr = 330 + 75 * np.sin(np.deg2rad((fence_t - 45) * 2))
ax.add_patch(
    Polygon(
        np.c_[np.r_[0, fr * np.cos(np.deg2rad(fence_t))], np.r_[0, fr * np.sin(np.deg2rad(fence_t))]],
        closed=True,
        color="#66bb6a",
        zorder=0,
    )
)
ax.plot(fr * np.cos(np.deg2rad(fence_t)), fr * np.sin(np.deg2rad(fence_t)), color="#1b5e20", lw=3, zorder=1)
ax.add_patch(Wedge((0, 0), 155, 45, 135, color="#d7a86e", zorder=1))
ax.add_patch(Polygon([(0, 0), (63.6, 63.6), (0, 127.3), (-63.6, 63.6)], closed=True, color="#66bb6a", zorder=1))
ax.add_patch(Arc((0, 60.5), 18, 18, color="#d7a86e", lw=6, zorder=1))
for bx_, by_ in [(63.6, 63.6), (0, 127.3), (-63.6, 63.6), (0, 0)]:
    ax.add_patch(Rectangle((bx_ - 3, by_ - 3), 6, 6, angle=45, rotation_point="center", color="white", zorder=2))
ax.plot([0, 330], [0, 330], color="white", lw=1.2, zorder=1)
ax.plot([0, -330], [0, 330], color="white", lw=1.2, zorder=1)
styles = {
    "out": ("#616161", "o", 14),
    "single": ("#1e88e5", "o", 26),
    "double": ("#8e24aa", "D", 30),
    "triple": ("#fb8c00", "^", 44),
    "home run": ("#d50000", "*", 110),
}
for k, (c, m, s) in styles.items():
    sel = outcome == k
    ax.scatter(x[sel], y[sel], c=c, marker=m, s=s, edgecolor="white", lw=0.5, zorder=3, label=f"{k} ({sel.sum()})")
for lo, hi, name in [(45, 75, "pull"), (75, 105, "centre"), (105, 135, "oppo")]:
    share = np.mean((ang >= lo) & (ang < hi))
    mid = np.deg2rad((lo + hi) / 2)
    ax.text(
        490 * np.cos(mid),
        490 * np.sin(mid),
        f"{name}\n{share:.0%}",
        ha="center",
        va="center",
        fontsize=10,
        fontweight="bold",
        color="#33691e",
    )
for r_ in (300, 400):
    ax.text(
        r_ * np.cos(np.deg2rad(44)) + 6,
        r_ * np.sin(np.deg2rad(44)) - 12,
        f"{r_} ft",
        fontsize=7,
        color="0.35",
        rotation=45,
    )
hits = np.isin(outcome, ["single", "double", "triple", "home run"]).sum()
ax.text(
    -340,
    20,
    f"BIP {n}\nAVG on BIP .{int(1000 * hits / n):03d}\nHR {np.sum(outcome == 'home run')}",
    fontsize=10,
    family="DejaVu Sans Mono",
    va="bottom",
    bbox=dict(boxstyle="square", fc="white", ec="0.6"),
)
ax.set_xlim(-380, 380)
ax.set_ylim(-20, 540)
ax.set_aspect("equal")
ax.axis("off")
ax.legend(loc="lower right", fontsize=8, frameon=True, title="outcome")
ax.set_title("Left-handed batter, 2024 season, all batted balls", fontsize=12)
fig.tight_layout()
