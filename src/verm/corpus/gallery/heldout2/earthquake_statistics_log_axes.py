# Two-panel paper figure: Gutenberg-Richter counts (semilog) and Omori aftershock decay (log-log) for two regions, shared legend below
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 10})

rng = np.random.default_rng(1906)
regions = {"Subduction zone": (0.95, 0.9, "o"), "Continental rift": (1.25, 1.15, "^")}

fig, (ax_gr, ax_om) = plt.subplots(1, 2, figsize=(10, 4.6))
m_grid = np.arange(2.0, 7.01, 0.1)
t_days = np.logspace(-1, 2.5, 25)
for region, (b, p, marker) in regions.items():
    mags = 2.0 + rng.exponential(1 / (b * np.log(10)), 20000)
    counts = np.array([(mags >= m).sum() for m in m_grid])
    keep = counts > 10
    ax_gr.semilogy(m_grid[counts > 0], counts[counts > 0], marker, markersize=4, markerfacecolor="none", label=region)
    slope, intercept = np.polyfit(m_grid[keep], np.log10(counts[keep]), 1)
    ax_gr.semilogy(m_grid, 10 ** (intercept + slope * m_grid), "-", linewidth=1)
    m_lab, nudge = (5.2, 1.8) if b < 1 else (3.5, 0.12)
    ax_gr.text(m_lab, 10 ** (intercept + slope * m_lab) * nudge, f"b = {-slope:.2f}", fontsize=9)

    rate = 400 / (t_days + 0.05) ** p * rng.lognormal(0, 0.15, len(t_days))
    ax_om.loglog(t_days, rate, marker, markersize=4, markerfacecolor="none")
    ax_om.loglog(t_days, 400 / (t_days + 0.05) ** p, "-", linewidth=1)

ax_gr.set_xlabel("Magnitude $M$")
ax_gr.set_ylabel("Events with magnitude $\\geq M$")
ax_gr.set_ylim(0.8, 5e4)
ax_gr.set_title("(a) Frequency-magnitude", loc="left")
ax_om.set_xlabel("Days after mainshock")
ax_om.set_ylabel("Aftershocks per day")
ax_om.set_title("(b) Omori decay, $n(t) = K/(t+c)^p$", loc="left")
ax_gr.grid(True, which="major", linewidth=0.4)
ax_om.grid(True, which="major", linewidth=0.4)

handles, labels = ax_gr.get_legend_handles_labels()
fig.legend(handles, labels, loc="lower center", ncols=2, frameon=False, bbox_to_anchor=(0.5, 0.0))
fig.suptitle("Seismicity statistics, 1990-2020 catalogue", fontsize=13)
fig.tight_layout(rect=(0, 0.07, 1, 1))
plt.show()
