# Seismic shot gather as wiggle traces with variable-area fill: direct wave, two hyperbolic reflections with picked travel-time curves, and a ground-roll cone
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams.update({"font.family": "DejaVu Sans", "axes.grid": False})
rng = np.random.default_rng(1414)

offsets = np.arange(-960, 961, 40.0)
t = np.arange(0, 1.2, 0.003)


def ricker(tt, f=28):
    a = (np.pi * f * tt) ** 2
    return (1 - 2 * a) * np.exp(-a)


events = [(0.25, 1800.0, 1.0), (0.55, 2300.0, -0.7)]
v_direct, v_roll = 1600.0, 450.0
fig, ax = plt.subplots(figsize=(10, 7))
scale = 32.0
for x in offsets:
    tr = 0.4 * ricker(t - abs(x) / v_direct, 35)
    for t0, v, amp in events:
        tx = np.sqrt(t0**2 + (x / v) ** 2)
        tr += amp * ricker(t - tx) / (1 + abs(x) / 1500)
    tr += (
        0.35
        * np.sin(2 * np.pi * 9 * (t - abs(x) / v_roll))
        * np.exp(-(((t - abs(x) / v_roll - 0.12) / 0.12) ** 2))
        * (abs(x) < 600)
    )
    tr += rng.normal(0, 0.04, t.size)
    tr *= 1 + 1.5 * t
    xx = x + scale * tr
    ax.plot(xx, t, color="k", lw=0.5)
    ax.fill_betweenx(t, x, xx, where=tr > 0, color="k", lw=0)

xs = np.linspace(-960, 960, 200)
cols = ["#d62728", "#1f77b4"]
for (t0, v, _), col, name in zip(events, cols, ["R1", "R2"]):
    ax.plot(
        xs,
        np.sqrt(t0**2 + (xs / v) ** 2),
        color=col,
        lw=1.8,
        ls="--",
        label=f"{name}: $t_0$ = {t0:.2f} s, $V_{{rms}}$ = {v:.0f} m/s",
    )
ax.plot(xs, np.abs(xs) / v_direct, color="#2ca02c", lw=1.5, label=f"direct wave, {v_direct:.0f} m/s")
ax.plot([-600, 0, 600], [600 / v_roll + 0.12, 0.12, 600 / v_roll + 0.12], color="darkorange", lw=1.2, ls=":")
ax.text(
    0,
    1.05,
    "ground roll\n(450 m/s)",
    ha="center",
    color="darkorange",
    fontsize=10,
    bbox=dict(fc="white", ec="darkorange", boxstyle="round"),
)
ax.plot(0, -0.015, "v", color="firebrick", ms=12, clip_on=False)
ax.text(30, -0.02, "shot", color="firebrick", va="bottom")
ax.invert_yaxis()
ax.set_ylim(1.2, 0)
ax.set_xlim(-1010, 1010)
ax.xaxis.set_label_position("top")
ax.xaxis.tick_top()
ax.set_xlabel("Source-receiver offset (m)")
ax.set_ylabel("Two-way time (s)")
ax.legend(loc="lower right", fontsize=9, framealpha=0.95)
fig.text(0.01, 0.01, "Line 7, shot 212; AGC off, linear gain 1 + 1.5t", fontsize=8, color="0.4")
fig.tight_layout()
