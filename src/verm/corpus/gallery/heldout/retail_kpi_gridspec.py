# Retail KPI dashboard on a GridSpec: a wide monthly sales line with target, a donut of category share, store bars and a basket-size scatter.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.gridspec import GridSpec
from matplotlib.ticker import StrMethodFormatter

rng = np.random.default_rng(55)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
sales = np.array([210, 198, 232, 241, 255, 262, 270, 268, 259, 281, 330, 402]) * 1000
target = np.full(12, 250_000)
stores = ["Downtown", "Airport", "Harbour", "Mall", "Suburb"]
store_sales = np.array([812, 655, 540, 930, 441])
basket_items = rng.poisson(6, 300) + 1
basket_value = basket_items * rng.normal(11, 2.5, 300) + rng.normal(0, 8, 300)

fig = plt.figure(figsize=(11, 7), layout="constrained")
gs = GridSpec(2, 3, figure=fig, height_ratios=[1, 1.1])
ax_line = fig.add_subplot(gs[0, :2])
ax_pie = fig.add_subplot(gs[0, 2])
ax_bar = fig.add_subplot(gs[1, 0:2])
ax_sc = fig.add_subplot(gs[1, 2])

ax_line.plot(months, sales, marker="o", color="#00539c", lw=2, label="Sales")
ax_line.plot(months, target, ls="--", color="#ee7623", label="Target")
ax_line.fill_between(range(12), sales, target, where=sales >= target, color="#2ca02c", alpha=0.2, interpolate=True)
ax_line.fill_between(range(12), sales, target, where=sales < target, color="#d62728", alpha=0.2, interpolate=True)
ax_line.yaxis.set_major_formatter(StrMethodFormatter("${x:,.0f}"))
ax_line.set_title("Monthly sales vs target", loc="left")
ax_line.legend(loc="upper left")

ax_pie.pie(
    [38, 24, 18, 12, 8],
    labels=["Grocery", "Apparel", "Home", "Toys", "Other"],
    autopct="%d%%",
    wedgeprops=dict(width=0.45),
    startangle=140,
    textprops=dict(fontsize=8),
)
ax_pie.set_title("Revenue by category")

bars = ax_bar.bar(stores, store_sales, color=["#00539c" if s != store_sales.max() else "#ee7623" for s in store_sales])
ax_bar.bar_label(bars, labels=[f"${s}k" for s in store_sales], padding=2)
ax_bar.set_ylabel("Annual sales (k$)")
ax_bar.set_title("Sales by store", loc="left")
ax_bar.set_ylim(0, 1050)

ax_sc.scatter(basket_items, basket_value, s=10, alpha=0.5, color="#6a51a3")
ax_sc.set_xlabel("Items in basket")
ax_sc.set_ylabel("Basket value ($)")
ax_sc.set_title("Basket size vs value")
fig.suptitle("Store performance dashboard — FY2023", fontsize=14, fontweight="bold")
plt.show()
