# Antenna radiation patterns in dB on a polar axes, the main lobe filled, with the -3 dB beamwidth marked
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")

theta = np.linspace(-np.pi, np.pi, 721)


def array_factor_db(n, spacing, floor=-40.0):
    psi = 2 * np.pi * spacing * np.sin(theta)
    with np.errstate(invalid="ignore", divide="ignore"):
        af = np.where(np.abs(np.sin(psi / 2)) < 1e-9, 1.0, np.sin(n * psi / 2) / (n * np.sin(psi / 2)))
    element = np.cos(theta / 2) ** 2  # a cardioid-like element pattern
    gain = 20 * np.log10(np.maximum(np.abs(af * element), 1e-6))
    return np.maximum(gain, floor)


patterns = {
    "4 elements, d = 0.5 λ": (4, 0.5, "#348abd"),
    "8 elements, d = 0.5 λ": (8, 0.5, "#a60628"),
    "8 elements, d = 0.7 λ": (8, 0.7, "#467821"),
}

fig, ax = plt.subplots(figsize=(7, 7), subplot_kw={"projection": "polar"})
for label, (n, d, color) in patterns.items():
    r = array_factor_db(n, d) + 40
    ax.plot(theta, r, color=color, lw=1.5, label=label)
r8 = array_factor_db(8, 0.5) + 40
main = np.abs(theta) < np.radians(16)
ax.fill(np.concatenate([[0], theta[main], [0]]), np.concatenate([[0], r8[main], [0]]), color="#a60628", alpha=0.25)
bw = np.radians(6.4)
for edge in (-bw, bw):
    ax.plot([edge, edge], [0, 37], color="0.3", ls="--", lw=0.8)
ax.annotate(
    "−3 dB beamwidth 12.8°", xy=(bw, 37), xytext=(np.radians(40), 46), arrowprops=dict(arrowstyle="->"), fontsize=9
)
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.set_rlim(0, 42)
ax.set_rticks([10, 20, 30, 40], ["−30", "−20", "−10", "0 dB"])
ax.set_rlabel_position(135)
ax.set_title("Uniform linear array, H-plane pattern", pad=18)
ax.legend(loc="lower left", bbox_to_anchor=(-0.08, -0.08), fontsize=9)
fig.tight_layout()
plt.show()
