import matplotlib.pyplot as plt

regions = ["North", "South", "East", "West"]
revenue_2023 = [12.5, 17.0, 9.5, 14.0]
revenue_2024 = [13.1, 15.2, 11.8, 16.4]

fig, ax = plt.subplots(figsize=(6.4, 4.2))
x = range(len(regions))
ax.bar([i - 0.2 for i in x], revenue_2023, width=0.4, color="#4C72B0", label="2023")
ax.bar([i + 0.2 for i in x], revenue_2024, width=0.4, color="#DD8452", label="2024")
ax.set_xticks(list(x))
ax.set_xticklabels(regions)
ax.set_title("Revenue by region")
ax.set_ylabel("Revenue (M$)")
ax.legend(loc="upper left")
plt.tight_layout()
plt.show()
