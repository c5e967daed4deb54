# Connected scatter of unemployment against inflation by year, with axline reference lines through a point and by two points
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("tableau-colorblind10")
plt.rcParams.update({"font.size": 10})

years = np.arange(2005, 2024)
unemployment = np.array([5.1, 4.6, 4.6, 5.8, 9.3, 9.6, 8.9, 8.1, 7.4, 6.2, 5.3, 4.9, 4.4, 3.9, 3.7, 8.1, 5.4, 3.6, 3.6])
inflation = np.array([3.4, 3.2, 2.9, 3.8, -0.4, 1.6, 3.2, 2.1, 1.5, 1.6, 0.1, 1.3, 2.1, 2.4, 1.8, 1.2, 4.7, 8.0, 4.1])

fig, ax = plt.subplots(figsize=(8, 6))
ax.plot(unemployment, inflation, color="0.7", lw=1, zorder=1)
points = ax.scatter(unemployment, inflation, c=years, cmap="cividis", s=55, edgecolor="black", linewidth=0.5, zorder=2)
for yr, u, p in zip(years, unemployment, inflation):
    if yr in (2005, 2009, 2015, 2020, 2022, 2023):
        ax.annotate(str(yr), (u, p), xytext=(6, 4), textcoords="offset points", fontsize=9)
slope, intercept = np.polyfit(unemployment[years < 2020], inflation[years < 2020], 1)
ax.axline((0, intercept), slope=slope, color="#c85200", lw=1.4, label=f"2005–2019 fit (slope {slope:.2f})")
ax.axline((3.5, 2.0), (9.5, 2.0), color="#1170aa", ls="--", lw=1, label="2% inflation target")
ax.axline((4.5, -1), (4.5, 9), color="0.4", ls=":", lw=1, label="natural rate ≈ 4.5%")
ax.set_xlim(3, 10.2)
ax.set_ylim(-1.2, 8.8)
ax.set_xlabel("Unemployment rate (%)")
ax.set_ylabel("CPI inflation, Dec/Dec (%)")
ax.legend(loc="upper right", fontsize=9)
fig.colorbar(points, ax=ax, label="Year", ticks=[2005, 2010, 2015, 2020, 2023])
ax.set_title("A flattening Phillips curve, then 2021–22")
fig.tight_layout()
plt.show()
