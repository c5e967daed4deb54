# HPLC chromatogram of a five-component standard mix with integrated peak areas shaded and retention times labelled.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(412)
t = np.linspace(0, 14, 2800)
peaks = [  # name, retention time (min), height (mAU), width (min), tailing
    ("caffeine", 2.35, 410, 0.055, 1.1),
    ("theobromine", 3.10, 160, 0.06, 1.2),
    ("paracetamol", 5.42, 620, 0.07, 1.3),
    ("aspirin", 8.05, 290, 0.09, 1.5),
    ("ibuprofen", 11.6, 520, 0.12, 1.2),
]


def peak(t, rt, h, w, tail):
    sigma = np.where(t < rt, w, w * tail)
    return h * np.exp(-0.5 * ((t - rt) / sigma) ** 2)


baseline = 4 + 1.2 * t + 6 * np.exp(-((t - 0.5) ** 2) / 0.02)
signal = baseline + rng.normal(0, 1.1, t.size)
for _, rt, h, w, tail in peaks:
    signal += peak(t, rt, h, w, tail)

plt.rcParams.update({"font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False})
fig, ax = plt.subplots(figsize=(11, 4.8))
ax.plot(t, signal, color="#202020", lw=0.9)
ax.plot(t, baseline, color="#888888", lw=0.8, ls="--", label="fitted baseline")
colours = plt.get_cmap("Set2").colors
areas = []
for (name, rt, _h, w, tail), c in zip(peaks, colours):
    win = (t > rt - 4 * w) & (t < rt + 5 * w * tail)
    ax.fill_between(t[win], baseline[win], signal[win], color=c, alpha=0.75)
    area = np.trapezoid(signal[win] - baseline[win], t[win]) * 60
    areas.append(area)
    top = signal[win].max()
    ax.annotate(
        f"{rt:.2f}",
        (rt, top),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        fontsize=8,
        rotation=90,
        va="bottom",
    )
    ax.text(rt + 0.18, top * 0.55, name, fontsize=9, color="#333333", rotation=90, va="center")

total = sum(areas)
summary = "\n".join(f"{p[0]:<12s}{a / total * 100:5.1f} %" for p, a in zip(peaks, areas))
ax.text(
    0.985,
    0.96,
    "Area %\n" + summary,
    transform=ax.transAxes,
    ha="right",
    va="top",
    family="DejaVu Sans Mono",
    fontsize=8,
    bbox=dict(boxstyle="round", fc="white", ec="#bbbbbb"),
)
ax.set_xlim(0, 14)
ax.set_ylim(-5, 720)
ax.set_xlabel("Retention time (min)")
ax.set_ylabel("Absorbance at 254 nm (mAU)")
ax.set_title("C18 column, 1.0 mL/min, gradient 10-90 % MeCN", loc="left", fontsize=10, color="#555555")
fig.suptitle("Analgesic standard mix - UV chromatogram", x=0.07, ha="left", fontsize=13, weight="bold")
ax.legend(loc="upper left", frameon=False)
fig.tight_layout()
