# Neuroscience figure: spike raster of 30 trials (eventplot) around stimulus onset with a shaded stimulus window, and a peri-stimulus time histogram below on a shared x axis
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-ticks")
rng = np.random.default_rng(101)

n_trials = 30
t0, t1 = -0.5, 1.5


def rate(t):  # spikes/s: baseline 8 Hz, transient burst after onset, sustained response during the stimulus
    r = 8 + 70 * np.exp(-((t - 0.08) ** 2) / (2 * 0.025**2)) + 22 * ((t > 0) & (t < 1.0))
    return r


trials = []
rmax = 110.0
for _ in range(n_trials):
    # thinning of a homogeneous Poisson process
    cand = np.sort(rng.uniform(t0, t1, rng.poisson(rmax * (t1 - t0))))
    keep = rng.uniform(0, rmax, cand.size) < rate(cand)
    trials.append(cand[keep])

fig, (ax_r, ax_h) = plt.subplots(
    2, 1, sharex=True, figsize=(6.5, 6), gridspec_kw={"height_ratios": [2.2, 1], "hspace": 0.08}
)
colors = ["#1b1b1b"] * n_trials
colors[12] = "#d62728"  # an example trial highlighted in the text
ax_r.eventplot(trials, colors=colors, lineoffsets=np.arange(1, n_trials + 1), linelengths=0.8, linewidths=0.9)
ax_r.axvspan(0, 1.0, color="#ffcc80", alpha=0.35, lw=0)
ax_r.set_ylim(0.3, n_trials + 0.7)
ax_r.set_ylabel("trial")
ax_r.set_title("Unit 17, V1 - drifting grating 1 s", loc="left", fontsize=11)
ax_r.text(1.02, 13, "trial 13", color="#d62728", fontsize=8, va="center", transform=ax_r.get_yaxis_transform())

bins = np.arange(t0, t1 + 0.02, 0.02)
counts, edges = np.histogram(np.concatenate(trials), bins=bins)
psth = counts / n_trials / np.diff(edges)
ax_h.bar(edges[:-1], psth, width=np.diff(edges), align="edge", color="0.35", edgecolor="none")
tt = np.linspace(t0, t1, 500)
ax_h.plot(tt, rate(tt), color="#1f77b4", lw=1.2, label="true rate")
ax_h.axvspan(0, 1.0, color="#ffcc80", alpha=0.35, lw=0)
ax_h.axvline(0, color="k", lw=0.8, ls="--")
ax_h.set_xlim(t0, t1)
ax_h.set_xlabel("time from stimulus onset (s)")
ax_h.set_ylabel("rate (spikes/s)")
ax_h.legend(frameon=False, fontsize=8, loc="upper right")
for ax in (ax_r, ax_h):
    ax.spines[["top", "right"]].set_visible(False)
fig.subplots_adjust(left=0.12, right=0.88, top=0.93, bottom=0.1)
