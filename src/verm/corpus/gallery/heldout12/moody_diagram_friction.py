# Moody diagram: Darcy friction factor against Reynolds number for several relative pipe roughnesses, with the laminar line.
import matplotlib.pyplot as plt
import numpy as np


def colebrook(re, rr, iters=30):
    f = np.full_like(re, 0.02)
    for _ in range(iters):
        f = (-2.0 * np.log10(rr / 3.7 + 2.51 / (re * np.sqrt(f)))) ** -2
    return f


roughness = [0, 1e-5, 1e-4, 5e-4, 1e-3, 5e-3, 0.01, 0.02, 0.05]
re_turb = np.logspace(np.log10(4000), 8, 300)
re_lam = np.logspace(np.log10(600), np.log10(2300), 50)

with plt.style.context("seaborn-v0_8-whitegrid"):
    fig, ax = plt.subplots(figsize=(10, 6.5))
    ax.loglog(re_lam, 64 / re_lam, color="black", lw=2)
    ax.text(1250, 0.056, "laminar\nf = 64/Re", fontsize=9)
    ax.axvspan(2300, 4000, color="#f0c987", alpha=0.5, lw=0)
    ax.text(3030, 0.0085, "critical\nzone", ha="center", fontsize=8)

    cmap = plt.get_cmap("viridis")
    for i, rr in enumerate(roughness):
        f = colebrook(re_turb, rr)
        ax.loglog(re_turb, f, color=cmap(i / len(roughness)), lw=1.4)
        label = "smooth" if rr == 0 else f"{rr:g}"
        ax.text(1.1e8, f[-1], label, va="center", fontsize=8, color=cmap(i / len(roughness)))

    # boundary of complete turbulence (Moody's dashed line)
    rr_line = np.logspace(-5, np.log10(0.05), 40)
    re_full = 3500 / rr_line
    ax.loglog(re_full, colebrook(re_full, rr_line), "--", color="#b03a2e", lw=1)
    ax.text(2.2e5, 0.062, "complete turbulence, rough pipes", color="#b03a2e", fontsize=8, rotation=-12)

    ax.set_xlim(600, 1e8)
    ax.set_ylim(0.005, 0.1)
    ax.set_xlabel("Reynolds number  Re = ρVD/μ")
    ax.set_ylabel("Darcy friction factor  f")
    ax.text(1.1e8, 0.088, "ε/D", fontsize=9, weight="bold")
    ax.set_yticks([0.006, 0.008, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1])
    ax.yaxis.set_major_formatter(plt.FormatStrFormatter("%.3g"))
    ax.yaxis.set_minor_formatter(plt.NullFormatter())
    ax.set_title("Moody diagram (Colebrook-White)", loc="left", fontsize=13)
    fig.subplots_adjust(right=0.9)
