# Spirometry flow-volume loops of a normal subject and an obstructive patient before and after bronchodilator, with a volume-time panel and a results table in text.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 9, "axes.grid": True, "grid.color": "#e0e0e0"})


def loop(fvc, pef, scoop, n=200):
    v = np.linspace(0, fvc, n)
    u = v / fvc
    shape = (1 - np.exp(-u * 40)) * (1 - u) ** (1 + scoop)
    exp_flow = pef * shape / shape.max()
    insp = -0.9 * pef * np.sin(np.pi * u) * (0.75 if scoop else 0.8)
    return v, exp_flow, insp


def volume_time(fvc, tau, t):
    return fvc * (1 - np.exp(-t / tau))


subjects = [
    ("predicted (normal)", 4.6, 9.5, 0.0, 0.45, "0.45", "--"),
    ("pre-BD", 3.4, 4.6, 2.2, 1.5, "#c62828", "-"),
    ("post-BD", 3.8, 5.6, 1.4, 1.05, "#1565c0", "-"),
]

fig = plt.figure(figsize=(10.5, 6.2))
gs = fig.add_gridspec(2, 2, width_ratios=[1.5, 1], height_ratios=[1.2, 1])
fv = fig.add_subplot(gs[:, 0])
vt = fig.add_subplot(gs[0, 1])
tb = fig.add_subplot(gs[1, 1])
t = np.linspace(0, 8, 300)
rows = []
for name, fvc, pef, scoop, tau, c, ls in subjects:
    v, e, i = loop(fvc, pef, scoop)
    fv.plot(v, e, color=c, ls=ls, lw=2, label=name)
    fv.plot(v, i, color=c, ls=ls, lw=1.4)
    vt.plot(t, volume_time(fvc, tau, t), color=c, ls=ls, lw=1.8)
    fev1 = volume_time(fvc, tau, 1.0)
    vt.plot(1.0, fev1, "o", color=c, ms=4)
    rows.append((name, fev1, fvc, fev1 / fvc, e.max()))
fv.axhline(0, color="black", lw=0.8)
fv.annotate(
    "scooped (concave)\nexpiratory limb",
    xy=(1.9, 1.5),
    xytext=(2.6, 5.5),
    arrowprops=dict(arrowstyle="->", color="#c62828"),
    color="#c62828",
)
fv.annotate("PEF", xy=(0.3, 9.3), xytext=(0.9, 10.3), arrowprops=dict(arrowstyle="->"), fontsize=9)
fv.set_xlabel("Volume (L)")
fv.set_ylabel("Flow (L/s)  — expiration up, inspiration down")
fv.set_xlim(-0.1, 5)
fv.set_ylim(-9.5, 11.5)
fv.legend(loc="upper right")
fv.set_title("Flow-volume loops", loc="left")
vt.axvline(1.0, color="0.5", lw=0.8, ls=":")
vt.text(1.08, 0.3, "1 s", fontsize=8)
vt.set_xlabel("Time (s)")
vt.set_ylabel("Volume (L)")
vt.set_title("Volume-time", loc="left")
tb.axis("off")
tb.text(
    0,
    0.92,
    f"{'':18s}{'FEV1':>6s}{'FVC':>6s}{'ratio':>7s}{'PEF':>6s}",
    family="DejaVu Sans Mono",
    fontsize=8.5,
    fontweight="bold",
    transform=tb.transAxes,
)
for k, (name, fev1, fvc, r, pef) in enumerate(rows):
    col = "#c62828" if r < 0.7 else "black"
    tb.text(
        0,
        0.74 - 0.16 * k,
        f"{name:18s}{fev1:6.2f}{fvc:6.2f}{r:7.0%}{pef:6.1f}",
        family="DejaVu Sans Mono",
        fontsize=8.5,
        color=col,
        transform=tb.transAxes,
    )
change = (rows[2][1] - rows[1][1]) / rows[1][1]
tb.text(
    0,
    0.18,
    f"Bronchodilator response: FEV1 {change:+.0%}, {(rows[2][1] - rows[1][1]) * 1000:+.0f} mL\n→ significant reversibility (>12% and >200 mL)",
    fontsize=8.5,
    transform=tb.transAxes,
    style="italic",
)
fig.suptitle("Spirometry report, 58-year-old male, 176 cm", fontsize=12, x=0.02, ha="left")
fig.tight_layout()
