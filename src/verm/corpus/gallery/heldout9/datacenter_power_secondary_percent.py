# Stacked monthly data-centre energy by use with a secondary axis showing the share of the grid connection limit
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1212)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
it_load = 610 + np.arange(12) * 9 + rng.normal(0, 8, 12)
cooling = 120 + 95 * np.sin(np.linspace(0, np.pi, 12)) + rng.normal(0, 6, 12)
ups_loss = 0.06 * it_load
lighting = np.full(12, 18.0)
layers = {
    "IT equipment": it_load,
    "Cooling": cooling,
    "UPS & distribution losses": ups_loss,
    "Lighting & offices": lighting,
}
colors = ["#3d5a80", "#98c1d9", "#ee6c4d", "#e0fbfc"]
limit_mwh = 1100.0

plt.style.use("Solarize_Light2")
fig, ax = plt.subplots(figsize=(9.5, 5))
bottom = np.zeros(12)
for (name, vals), col in zip(layers.items(), colors):
    ax.bar(
        months,
        vals,
        bottom=bottom,
        color=col,
        edgecolor="0.3",
        lw=0.4,
        label=name,
        hatch="//" if "losses" in name else None,
    )
    bottom += vals
pue = bottom / it_load
for i, (tot, p) in enumerate(zip(bottom, pue)):
    ax.text(i, tot + 12, f"PUE\n{p:.2f}", ha="center", fontsize=7)
ax.axhline(limit_mwh, color="#c1121f", lw=1.4, ls="--")
ax.text(11.4, limit_mwh + 8, "grid connection limit", ha="right", color="#c1121f", fontsize=8)
ax.set_ylim(0, 1200)
ax.set_ylabel("Energy (MWh per month)")
sec = ax.secondary_yaxis("right", functions=(lambda e: e / limit_mwh * 100, lambda p: p * limit_mwh / 100))
sec.set_ylabel("% of connection limit")
ax.legend(loc="upper left", ncol=2, fontsize=8)
ax.set_title("Frankfurt DC-3 energy use by category, 2023", loc="left")
fig.tight_layout()
