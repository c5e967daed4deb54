# Psychrometric chart at sea level: relative-humidity curves, enthalpy lines, a comfort zone and an air-conditioning process
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Polygon

P_ATM = 101.325  # kPa


def p_sat(t):
    """Saturation vapour pressure over water (Magnus), kPa."""
    return 0.6112 * np.exp(17.62 * t / (243.12 + t))


def humidity_ratio(t, rh):
    pw = rh * p_sat(t)
    return 622.0 * pw / (P_ATM - pw)  # g water / kg dry air


t = np.linspace(-10, 50, 241)
w_max = 30

fig, ax = plt.subplots(figsize=(9, 6))
fig.subplots_adjust(left=0.06, right=0.9, top=0.9, bottom=0.1)

sat = humidity_ratio(t, 1.0)
under = Polygon(np.column_stack([np.r_[t, 50, -10], np.r_[sat, 0, 0]]), facecolor="#f4f8fb", edgecolor="none")
ax.add_patch(under)

for rh in np.arange(0.1, 1.0, 0.1):
    w = humidity_ratio(t, rh)
    ax.plot(t, w, color="#2e86c1", lw=0.7)
    k = np.searchsorted(t, 31)
    ax.text(t[k], w[k], f"{rh:.0%}", fontsize=7, color="#2e86c1", ha="center", va="center", backgroundcolor="#f4f8fb")
ax.plot(t, sat, color="#1b4f72", lw=2)
ax.text(
    22, humidity_ratio(22, 1.0) + 0.8, "saturation (100% RH)", rotation=48, fontsize=8, color="#1b4f72", ha="center"
)

for h in range(0, 130, 10):
    w_line = (h - 1.006 * t) / (2501 + 1.86 * t) * 1000
    (ln,) = ax.plot(t, w_line, color="#a04000", lw=0.6, ls="--")
    ln.set_clip_path(under)
    ok = np.where((w_line > 0) & (w_line < sat) & (w_line < w_max))[0]
    if ok.size:
        j = ok[0]
        ax.text(t[j] - 0.3, w_line[j] + 0.2, f"{h}", fontsize=7, color="#a04000", ha="right")
ax.text(1, 19, "enthalpy\nkJ/kg dry air", fontsize=8, color="#a04000", ha="center")

# Comfort zone (summer, roughly 23-27 C operative, 30-60% RH)
zone_t = np.r_[np.linspace(23, 27, 20), np.linspace(27, 23, 20)]
zone_w = np.r_[humidity_ratio(np.linspace(23, 27, 20), 0.3), humidity_ratio(np.linspace(27, 23, 20), 0.6)]
ax.add_patch(Polygon(np.column_stack([zone_t, zone_w]), facecolor="#58d68d", alpha=0.45, edgecolor="#1e8449", lw=1.2))
ax.text(25, humidity_ratio(25, 0.45), "comfort\nzone", ha="center", va="center", fontsize=8, color="#145a32")

# Cooling-coil process: outdoor air -> coil leaving -> supply after reheat
outdoor = (34.0, humidity_ratio(34.0, 0.55))
coil = (13.0, humidity_ratio(13.0, 0.95))
supply = (17.0, coil[1])
for (x0, y0), (x1, y1) in ((outdoor, coil), (coil, supply)):
    ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={"arrowstyle": "-|>", "color": "k", "lw": 1.4})
for (x, y), name, dx, ha in (
    (outdoor, "O  outdoor 34 C / 55%", 0.6, "left"),
    (coil, "C  off-coil", -0.6, "right"),
    (supply, "S  supply", 0.6, "left"),
):
    ax.plot(x, y, "o", color="k", ms=5)
    ax.text(x + dx, y + 0.5, name, fontsize=8, weight="bold", ha=ha)

ax.set_xlim(-10, 50)
ax.set_ylim(0, w_max)
ax.yaxis.tick_right()
ax.yaxis.set_label_position("right")
ax.spines[["top", "left"]].set_visible(False)
ax.set_xlabel("Dry-bulb temperature (°C)")
ax.set_ylabel("Humidity ratio (g/kg dry air)")
ax.grid(color="0.85", lw=0.5)
ax.set_axisbelow(True)
ax.set_title("Psychrometric chart, 101.325 kPa", loc="left", weight="bold")
