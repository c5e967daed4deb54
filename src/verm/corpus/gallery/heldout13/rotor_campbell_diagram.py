# Campbell diagram of a turbine rotor: natural frequencies against shaft speed with forward/backward whirl splitting, engine-order lines, crossings and the operating range.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")
plt.rcParams.update({"font.size": 10, "axes.titlesize": 12})

rpm = np.linspace(0, 12000, 200)
omega = rpm / 60
modes = {
    "1st bending FW": 38 + 0.0022 * omega**1.5,
    "1st bending BW": 38 - 0.0012 * omega**1.5,
    "2nd bending FW": 118 + 0.0035 * omega**1.5,
    "2nd bending BW": 118 - 0.002 * omega**1.5,
    "1st torsion": np.full_like(omega, 265.0),
}
styles = ["-", "--", "-", "--", "-."]
colors = ["#1b9e77", "#1b9e77", "#d95f02", "#d95f02", "#7570b3"]

fig, ax = plt.subplots(figsize=(9, 6))
ax.axvspan(7800, 10200, color="#ffe082", alpha=0.5, lw=0)
ax.text(9000, 8, "operating range", ha="center", fontsize=9, color="#8d6e00")
for (name, f), ls, c in zip(modes.items(), styles, colors, strict=True):
    ax.plot(rpm, f, ls=ls, color=c, lw=2, label=name)
for eo in (1, 2, 3, 4):
    ax.plot(rpm, eo * omega, color="0.35", lw=0.9)
    x_end = min(12000, 340 / eo * 60)
    ax.text(x_end * 0.97, eo * x_end / 60 * 0.97, f"{eo}×", fontsize=10, color="0.25", ha="right", va="bottom")
for f in modes.values():
    for eo in (1, 2, 3, 4):
        d = f - eo * omega
        idx = np.where(np.diff(np.sign(d)) != 0)[0]
        for i in idx:
            x = rpm[i] - d[i] * (rpm[i + 1] - rpm[i]) / (d[i + 1] - d[i])
            y = eo * x / 60
            hit = 7800 <= x <= 10200
            ax.plot(x, y, "o", ms=9 if hit else 6, mfc="none", mec="#c62828" if hit else "0.2", mew=1.6 if hit else 1)
ax.annotate(
    "2× / 1st torsion crossing\ninside range: check margin",
    xy=(7950, 265),
    xytext=(4300, 175),
    fontsize=9,
    arrowprops=dict(arrowstyle="->", color="#c62828"),
    color="#c62828",
)
ax.set_xlim(0, 12000)
ax.set_ylim(0, 350)
ax.set_xlabel("Rotor speed (rpm)")
ax.set_ylabel("Frequency (Hz)")
ax.set_title("Campbell diagram, LP rotor, bearings at 20 °C", loc="left")
ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
ax.legend(loc="upper left", ncol=2, fontsize=8, frameon=True)
fig.tight_layout()
