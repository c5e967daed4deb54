# Overnight heart rate and oxygen saturation with text boxes and curved arrows calling out sleep events
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-darkgrid")

rng = np.random.default_rng(5150)
t = np.linspace(22.5, 30.5, 481)  # hours since midnight of the first day (24 = midnight)
hr = 62 - 6 * np.sin(np.pi * (t - 22.5) / 8) + rng.normal(0, 1.2, t.size)
spo2 = 96.5 + rng.normal(0, 0.35, t.size)
for center in (25.2, 25.5, 25.8, 27.6):
    dip = np.exp(-0.5 * ((t - center) / 0.05) ** 2)
    spo2 -= 7.5 * dip
    hr += 9 * np.exp(-0.5 * ((t - center - 0.04) / 0.05) ** 2)
hr[(t > 28.9) & (t < 29.1)] += 18

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
ax1.plot(t, hr, color="#c44e52", lw=1)
ax1.set_ylabel("Heart rate (bpm)")
ax1.set_ylim(45, 95)
ax2.plot(t, spo2, color="#4c72b0", lw=1)
ax2.axhline(90, color="#dd8452", ls="--", lw=1)
ax2.set_ylabel("SpO$_2$ (%)")
ax2.set_ylim(84, 100)
ax2.set_xticks(np.arange(23, 31), [f"{int(h % 24):02d}:00" for h in np.arange(23, 31)])
ax2.set_xlabel("Clock time")

ax2.annotate(
    "apnoea cluster\n3 events, nadir 89%",
    xy=(25.5, 89.2),
    xytext=(23.2, 86.0),
    bbox=dict(boxstyle="round,pad=0.4", fc="white", ec="#4c72b0"),
    arrowprops=dict(arrowstyle="-|>", connectionstyle="arc3,rad=-0.3", color="#4c72b0"),
    fontsize=9,
)
ax2.annotate(
    "isolated desaturation",
    xy=(27.6, 89.2),
    xytext=(28.3, 86.2),
    bbox=dict(boxstyle="square,pad=0.3", fc="#fff3e0", ec="#dd8452"),
    arrowprops=dict(arrowstyle="->", connectionstyle="angle,angleA=0,angleB=90,rad=8", color="#dd8452"),
    fontsize=9,
)
ax1.annotate(
    "arousal / movement",
    xy=(29.0, 80),
    xytext=(26.6, 88),
    bbox=dict(boxstyle="round4,pad=0.4", fc="#fde0dd", ec="#c44e52"),
    arrowprops=dict(arrowstyle="fancy", connectionstyle="arc3,rad=0.25", fc="#c44e52", ec="none"),
    fontsize=9,
)
ax1.annotate(
    "sleep onset",
    xy=(23.1, 64),
    xytext=(23.6, 78),
    arrowprops=dict(
        arrowstyle="wedge,tail_width=0.4", connectionstyle="angle3,angleA=0,angleB=110", fc="0.6", ec="none"
    ),
    bbox=dict(boxstyle="larrow,pad=0.3", fc="0.9", ec="0.5"),
    fontsize=9,
)
ax1.text(
    0.99,
    0.95,
    "AHI 4.1 /h\nmin HR 53 bpm",
    transform=ax1.transAxes,
    ha="right",
    va="top",
    fontsize=9,
    family="monospace",
    bbox=dict(boxstyle="round", fc="#eaeaf2", ec="0.4", alpha=0.9),
)
ax1.set_title("Home sleep test, night 2", loc="left", fontsize=13)
fig.tight_layout()
plt.show()
