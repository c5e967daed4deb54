# Paediatric weight-for-age growth chart (girls, 0-36 months) with percentile bands and one child's measurements
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")
plt.rcParams.update({"font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10})

age = np.linspace(0, 36, 145)  # months
# LMS-style reference: median M(t), coefficient of variation S(t), Box-Cox power L(t)
M = 3.2 + 6.3 * (1 - np.exp(-age / 6.5)) + 0.115 * age
S = 0.14 - 0.02 * (1 - np.exp(-age / 10))
L = 0.38 - 0.3 * (1 - np.exp(-age / 12))
z_of = {3: -1.881, 10: -1.282, 25: -0.674, 50: 0.0, 75: 0.674, 90: 1.282, 97: 1.881}


def centile(z):
    return M * (1 + L * S * z) ** (1 / L)


fig, ax = plt.subplots(figsize=(9, 6.2))
curves = {p: centile(z) for p, z in z_of.items()}
ax.fill_between(age, curves[3], curves[97], color="#f8c8dc", alpha=0.45, lw=0)
ax.fill_between(age, curves[10], curves[90], color="#f4a6c6", alpha=0.45, lw=0)
ax.fill_between(age, curves[25], curves[75], color="#ee82b0", alpha=0.45, lw=0)
for p, y in curves.items():
    ax.plot(age, y, color="#8e1b4f", lw=1.8 if p == 50 else 0.9, ls="-" if p in (3, 50, 97) else "--")
    ax.text(36.4, y[-1], f"{p}th", va="center", fontsize=8.5, color="#8e1b4f")

# One child: born near the 50th, drifting down to the 10th after 9 months (faltering growth), then catch-up
visits = np.array([0, 0.5, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36])
z_child = np.interp(visits, [0, 6, 9, 15, 24, 36], [0.1, -0.3, -0.9, -1.35, -0.8, -0.5])
m_v, s_v, l_v = (np.interp(visits, age, a) for a in (M, S, L))
w_child = m_v * (1 + l_v * s_v * z_child) ** (1 / l_v)
ax.plot(visits, w_child, "-o", color="#1b4f72", ms=6, mfc="white", mew=1.6, lw=1.6, label="Maya (measured)", zorder=5)
ax.annotate(
    "crossed two centile lines:\nreferred to dietitian (15 mo)",
    xy=(15, w_child[8]),
    xytext=(17.5, 6.6),
    fontsize=9,
    arrowprops={"arrowstyle": "->", "color": "#1b4f72"},
    color="#1b4f72",
)

ax.set_xlim(0, 36)
ax.set_ylim(1.5, 18.5)
ax.set_xticks(np.arange(0, 37, 3))
ax.set_yticks(np.arange(2, 19, 1))
ax.grid(which="major", color="0.85", lw=0.6)
ax.set_xlabel("Age (completed months)")
ax.set_ylabel("Weight (kg)")
ax.set_title("Weight-for-age, girls birth to 3 years (percentiles)", loc="left")
sec = ax.secondary_xaxis("top", functions=(lambda m: m / 12, lambda y: y * 12))
sec.set_xticks([0, 1, 2, 3])
sec.set_xlabel("Age (years)")
ax.legend(loc="upper left", frameon=True)
fig.tight_layout()
