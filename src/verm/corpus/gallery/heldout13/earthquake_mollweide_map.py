# Global earthquakes of magnitude 5+ in one year on a Mollweide projection, sized by magnitude and coloured by focal depth, along schematic plate boundaries.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
plt.rcParams["font.family"] = "DejaVu Sans"

rng = np.random.default_rng(2011)
# schematic plate boundaries as (lon, lat) polylines, degrees
bounds = [
    np.array(
        [
            [-75, -55],
            [-72, -30],
            [-78, -10],
            [-82, 5],
            [-95, 15],
            [-108, 24],
            [-122, 38],
            [-130, 50],
            [-150, 58],
            [-175, 52],
            [160, 54],
            [145, 42],
            [140, 35],
            [130, 30],
            [125, 15],
            [127, 0],
            [140, -5],
            [155, -8],
            [168, -15],
            [178, -25],
            [-177, -35],
            [175, -45],
        ],
        dtype=float,
    ),
    np.array(
        [[-30, -55], [-15, -35], [-13, -10], [-20, 5], [-35, 15], [-45, 30], [-30, 45], [-25, 60], [-15, 70]],
        dtype=float,
    ),
    np.array([[95, 5], [100, -5], [110, -9], [120, -10], [128, -7]], dtype=float),
    np.array([[-10, 36], [10, 38], [25, 36], [40, 38], [55, 30], [70, 32], [85, 28], [95, 22]], dtype=float),
]
for b in bounds:
    b[:, 0] = np.rad2deg(np.unwrap(np.deg2rad(b[:, 0])))
lon, lat, depth, mag = [], [], [], []
for b in bounds:
    seg = rng.integers(0, len(b) - 1, 380 if len(b) > 15 else 120)
    t = rng.uniform(0, 1, seg.size)
    pts = b[seg] + (b[seg + 1] - b[seg]) * t[:, None] + rng.normal(0, 2.2, (seg.size, 2))
    lon.append(pts[:, 0])
    lat.append(pts[:, 1])
    deep = rng.random(seg.size) < (0.35 if b is bounds[0] else 0.08)
    depth.append(np.where(deep, rng.uniform(70, 650, seg.size), rng.uniform(5, 70, seg.size)))
    mag.append(5 + rng.exponential(0.45, seg.size))
lon, lat, depth, mag = (np.concatenate(a) for a in (lon, lat, depth, mag))
lon = (lon + 180) % 360 - 180

fig = plt.figure(figsize=(11, 6.2))
ax = fig.add_subplot(projection="mollweide")
ax.set_facecolor("#eef3f7")
for b in bounds:
    lo = (b[:, 0] + 180) % 360 - 180
    cut = np.where(np.abs(np.diff(lo)) > 180)[0] + 1
    ax.plot(
        np.deg2rad(np.insert(lo, cut, np.nan)),
        np.deg2rad(np.insert(b[:, 1], cut, np.nan)),
        color="#8d6e63",
        lw=1.2,
        ls="--",
        alpha=0.8,
    )
order = np.argsort(-depth)
sc = ax.scatter(
    np.deg2rad(lon[order]),
    np.deg2rad(lat[order]),
    s=(mag[order] - 4.6) ** 3 * 14,
    c=depth[order],
    cmap="plasma_r",
    vmin=0,
    vmax=650,
    alpha=0.75,
    edgecolor="k",
    lw=0.2,
)
big = np.argmax(mag)
ax.annotate(
    f"M{mag[big]:.1f}",
    (np.deg2rad(lon[big]), np.deg2rad(lat[big])),
    xytext=(25, 25),
    textcoords="offset points",
    arrowprops=dict(arrowstyle="-", color="0.2"),
    fontsize=9,
    fontweight="bold",
)
ax.grid(True, color="white", lw=0.8)
ax.set_xticks(np.deg2rad(np.arange(-150, 181, 30)))
ax.set_xticklabels(
    [f"{abs(v)}°{'W' if v < 0 else 'E' if v > 0 else ''}" for v in range(-150, 181, 30)], fontsize=7, color="0.3"
)
ax.tick_params(axis="y", labelsize=8)
cb = fig.colorbar(sc, ax=ax, orientation="horizontal", fraction=0.045, pad=0.06, aspect=45, extend="max")
cb.set_label("focal depth (km)")
for m in (5, 6, 7):
    ax.scatter([], [], s=(m - 4.6) ** 3 * 14, color="0.6", edgecolor="k", lw=0.3, label=f"M{m}")
ax.legend(
    loc="lower left",
    bbox_to_anchor=(-0.02, -0.02),
    title="magnitude",
    fontsize=8,
    title_fontsize=8,
    labelspacing=1.2,
    frameon=True,
)
ax.set_title(f"{lon.size:,} earthquakes M ≥ 5.0 (synthetic catalogue)", fontsize=13, pad=14)
fig.subplots_adjust(left=0.04, right=0.96, top=0.9, bottom=0.08)
