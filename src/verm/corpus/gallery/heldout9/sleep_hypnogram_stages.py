# Overnight sleep hypnogram of 30-second epochs with stage bands, REM highlighted and a stage-time summary
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2300)
stage_names = ["N3", "N2", "N1", "REM", "Wake"]
levels = {"Wake": 4, "REM": 3, "N1": 2, "N2": 1, "N3": 0}
plan = [
    ("Wake", 14),
    ("N1", 10),
    ("N2", 30),
    ("N3", 50),
    ("N2", 20),
    ("REM", 12),
    ("N2", 35),
    ("N3", 35),
    ("N2", 25),
    ("Wake", 3),
    ("N1", 6),
    ("REM", 30),
    ("N2", 45),
    ("N3", 14),
    ("N2", 30),
    ("REM", 44),
    ("N1", 8),
    ("N2", 50),
    ("Wake", 4),
    ("N2", 22),
    ("REM", 56),
    ("N1", 10),
    ("Wake", 12),
]
epochs = []
for name, n in plan:
    n = max(2, int(n + rng.integers(-3, 4)))
    epochs += [levels[name]] * n
epochs = np.array(epochs)
t = np.arange(epochs.size + 1) * 0.5 / 60 + 22.75  # clock hours, lights-off 22:45

plt.style.use("seaborn-v0_8-white")
fig, (ax, axs) = plt.subplots(1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [4, 1]})
ax.stairs(epochs, t, baseline=None, color="#253494", lw=1.2)
rem = epochs == 3
for i in np.flatnonzero(rem):
    ax.hlines(3, t[i], t[i + 1], color="#e31a1c", lw=4)
ax.axhspan(-0.5, 0.5, color="#c7e9b4", alpha=0.4, lw=0)
ax.set_yticks(range(5))
ax.set_yticklabels(stage_names)
ax.set_ylim(-0.6, 4.6)
hours = np.arange(23, int(t[-1]) + 1)
ax.set_xticks(hours)
ax.set_xticklabels([f"{h % 24:02d}:00" for h in hours])
ax.set_xlim(t[0], t[-1])
ax.set_title("Polysomnography night 2: hypnogram (30 s epochs)", loc="left", fontsize=11)
sleep_onset = t[np.argmax(epochs < 4)]
ax.annotate(
    f"sleep onset {int(sleep_onset):02d}:{int(sleep_onset % 1 * 60):02d}",
    (sleep_onset, 2),
    xytext=(sleep_onset + 0.4, 3.6),
    arrowprops={"arrowstyle": "->"},
    fontsize=8,
)

minutes = np.array([np.sum(epochs == levels[s]) * 0.5 for s in stage_names])
cols = ["#41ab5d", "#7fcdbb", "#c7e9b4", "#e31a1c", "#bdbdbd"]
bars = axs.barh(stage_names, minutes, color=cols)
axs.bar_label(bars, labels=[f"{m:.0f} min" for m in minutes], fontsize=8, padding=2)
axs.set_xlim(0, minutes.max() * 1.45)
axs.set_xticks([])
axs.set_title("Time in stage", fontsize=10)
for sp in ("top", "right", "bottom"):
    axs.spines[sp].set_visible(False)
fig.tight_layout()
