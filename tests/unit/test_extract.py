from __future__ import annotations

from verm.extract import extract_code, repair_svg
from verm.types import Task


def test_last_supported_fence_wins_and_think_is_ignored():
    text = (
        "<think>```python\nimport matplotlib.pyplot as plt\nplt.plot([9])\n```</think>\n"
        "First try:\n```python\nimport matplotlib.pyplot as plt\nplt.plot([1])\n```\n"
        "Output:\n```text\nnot code\n```\nFinal:\n```python\nimport matplotlib.pyplot as plt\nplt.plot([2])\n```\n"
    )
    c = extract_code(text, "chart")
    assert c is not None and c.lang == "python"
    assert "plt.plot([2])" in c.code and "[9]" not in c.code


def test_unclosed_think_hides_everything_after_it():
    assert extract_code("<think>```python\nimport matplotlib\n```", Task.CHART) is None


def test_no_code_is_none():
    assert extract_code("I cannot draw that chart, sorry.", "chart") is None
    assert extract_code("", "svg") is None
    assert extract_code("just words | not a table", "table") is None


def test_bare_svg_with_truncated_tail_is_repaired():
    c = extract_code(
        'Here: <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/><circ', "svg"
    )
    assert c is not None and c.lang == "svg"
    assert c.code.endswith('<rect width="5" height="5"/></svg>')


def test_svg_fence_with_xml_prolog_keeps_svg_root():
    c = extract_code('```svg\n<?xml version="1.0"?>\n<svg viewBox="0 0 1 1"></svg>\n```', "svg")
    assert c is not None and c.code.startswith("<svg")


def test_repair_leaves_complete_svg_alone():
    s = "<svg><g/></svg>"
    assert repair_svg(s) == s


def test_tables_from_fences_and_bare():
    md = "```markdown\n| a | b |\n|---|---|\n| 1 | 2 |\n```"
    c = extract_code(md, "table")
    assert c is not None and c.lang == "markdown" and c.code.startswith("| a |")
    html = "Sure: <table><tr><td>1</td></tr></table> done"
    c = extract_code(html, "table")
    assert c is not None and c.lang == "html" and c.code.endswith("</table>")
    bare = "Result:\n\n| x | y |\n| --- | --- |\n| 1 | 2 |\n\nThanks"
    c = extract_code(bare, "table")
    assert c is not None and c.code.splitlines()[-1] == "| 1 | 2 |"


def test_unlabelled_fence_counts_when_it_is_the_tasks_code():
    c = extract_code("```\nimport matplotlib.pyplot as plt\nplt.bar([1], [2])\n```", "chart")
    assert c is not None and c.lang == "python"


def test_unclosed_final_fence_is_taken_to_the_end():
    c = extract_code("```python\nimport matplotlib.pyplot as plt\nplt.plot([3])", "chart")
    assert c is not None and c.code.endswith("plt.plot([3])")


def test_bare_python_must_parse():
    assert extract_code("import matplotlib.pyplot as plt\nplt.plot([1])", "chart") is not None
    assert extract_code("plt.plot([1] and then some words", "chart") is None
