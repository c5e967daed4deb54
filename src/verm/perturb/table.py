"""Table perturbations on Markdown pipe tables and HTML tables.

Markdown is parsed line by line as a GitHub pipe table (header, ``|---|``
rule, body rows); only the lines an edit touches are rewritten, in the same
pipe style, so the rest of the source stays byte-identical. HTML is parsed with
``lxml.html``, edited as a tree (text nodes inside a cell keep their inline
markup) and serialised back as HTML. The first table of the source is edited,
the one the renderer shows.

Ops, category and severity. Every table edit changes what a reader reads (a
cell's text or number, a record, a field), so each is graded by its reading;
what shows decides whether an edit counts at all (an edit that renders the
same is dropped) and which edits are one item (`verm.perturb.truth`). Rows and
columns are counted with the header as row 1:

=============  ==============  =========================================================================
op             category        severity by what is read
=============  ==============  =========================================================================
cell_text      text_error      one-character typo -> 1; the cell says something else -> 2
header_text    text_error      typo -> 1; a word changed -> 2 (a wrong header mislabels a column)
cell_digit     numeric_error   one digit changed: value moves by <= 50 % -> 2 (numbers mislead); more -> 3
cell_unit      numeric_error   the new unit reads the value >= 10 times off (k <-> M, g <-> kg, s <-> ms,
                               % -> ‰, ...) -> 3, one glyph or not; otherwise (a currency, a unit of the
                               same order, a "%" added) -> 2
cell_sign      numeric_error   3 (sign flipped: the value says the opposite)
row_drop       layout_error    3 (a record is missing)
row_duplicate  layout_error    2
row_swap       layout_error    2 (every record is there, in the wrong order)
col_drop       layout_error    3 (a field is missing)
col_duplicate  layout_error    2
col_swap       layout_error    2
cell_merge     layout_error    2 (two cells become one spanning cell; nothing is lost); 1 when one of
                               the two is empty (only the rule between them goes: nothing reads
                               differently)
cell_split     layout_error    2; 3 in Markdown when the split pushes the row's last cell out (GFM drops it)
=============  ==============  =========================================================================

Every edit stores a ``hint`` in its params: the rows/columns it affects in the
edited table's grid, which ground truth uses to box the change with the
rendered table's cell boxes.
"""

from __future__ import annotations

import copy
import random
import re
from typing import Any, ClassVar

import lxml.html

from verm.perturb.base import BasePerturber, Edit, NotApplicable, OpSpec, Params
from verm.perturb.mutate import mutate_text, reword, text_severity
from verm.types import Task

_RULE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_NUMBER = re.compile(
    r"^(?P<sign>[-+−]?)(?P<cur>[$€£¥]?)(?P<sp>\s?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<unit>\s?(?:%|[A-Za-z]{1,3}))?$"
)
_UNIT_SWAP = {
    "%": "‰", "k": "M", "M": "k", "m": "km", "km": "m", "kg": "g", "g": "kg", "s": "ms", "ms": "s",
    "h": "min", "min": "h", "B": "M", "bn": "m", "mi": "km", "cm": "mm", "mm": "cm", "lb": "kg", "ft": "m",
}  # fmt: skip
_CURRENCY_SWAP = {"$": "€", "€": "$", "£": "$", "¥": "$"}
#: Swaps of `_UNIT_SWAP` that read the value at least ten times off (the rest stay within an order).
_UNIT_ORDER_OFF = frozenset({"%", "k", "M", "m", "km", "kg", "g", "s", "ms", "h", "min", "B", "bn", "cm", "mm"})


def _numeric(text: str) -> re.Match[str] | None:
    return _NUMBER.match(text.strip())


def _value(m: re.Match[str]) -> float:
    v = float(m.group("num").replace(",", ""))
    return -v if m.group("sign") in ("-", "−") else v


# --------------------------------------------------------------------------- table models


class _MdTable:
    """A GitHub pipe table inside Markdown text; rows include the header (row 0)."""

    header_rows = 1
    has_rowspan = has_colspan = False

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines(keepends=True)
        idx = next(
            (
                i
                for i, ln in enumerate(self.lines)
                if i > 0 and _RULE.match(ln) and "|" in self.lines[i - 1] and "-" in ln
            ),
            None,
        )
        if idx is None:
            raise NotApplicable("no Markdown table")
        self.rule = idx
        body = []
        j = idx + 1
        while j < len(self.lines) and self.lines[j].strip() and "|" in self.lines[j]:
            body.append(j)
            j += 1
        self.line_of = [idx - 1, *body]  # grid row -> line index
        self.rows = [self._split(self.lines[i]) for i in self.line_of]
        self.rule_cells = self._split(self.lines[idx])
        self.style = {i: self._style(self.lines[i]) for i in [*self.line_of, idx]}
        self.n_cols = len(self.rows[0])

    @staticmethod
    def _style(line: str) -> tuple[bool, bool, str]:
        s = line.rstrip("\r\n")
        return s.lstrip().startswith("|"), s.rstrip().endswith("|") and not s.rstrip().endswith("\\|"), line[len(s) :]

    @staticmethod
    def _split(line: str) -> list[str]:
        s = line.strip()
        if s.startswith("|"):
            s = s[1:]
        if s.endswith("|") and not s.endswith("\\|"):
            s = s[:-1]
        return [c.strip() for c in re.split(r"(?<!\\)\|", s)]

    def _format(self, cells: list[str], lead: bool, trail: bool, nl: str) -> str:
        inner = " | ".join(cells)
        return ("| " if lead else "") + inner + (" |" if trail else "") + nl

    def n_rows(self) -> int:
        return len(self.rows)

    def texts(self, r: int) -> list[str]:
        return list(self.rows[r])

    def gridcol(self, r: int, i: int) -> int:
        return i

    def _write(self, r: int, cells: list[str]) -> None:
        self.rows[r] = cells
        li = self.line_of[r]
        lead, trail, nl = self.style[li]
        self.lines[li] = self._format(cells, lead, trail, nl)

    def set_text(self, r: int, i: int, text: str) -> None:
        cells = list(self.rows[r])
        cells[i] = text.replace("|", "\\|")
        self._write(r, cells)

    def drop_row(self, r: int) -> None:
        self.lines[self.line_of[r]] = ""

    def dup_row(self, r: int) -> None:
        li = self.line_of[r]
        line = self.lines[li]
        self.lines[li] = line + (line if line.endswith("\n") else "\n" + line)

    def swap_rows(self, a: int, b: int) -> None:
        la, lb = self.line_of[a], self.line_of[b]
        ta, tb = self.lines[la].rstrip("\r\n"), self.lines[lb].rstrip("\r\n")
        self.lines[la] = tb + self.lines[la][len(ta) :]
        self.lines[lb] = ta + self.lines[lb][len(tb) :]

    def _each_line(self, fn: Any) -> None:
        for r in range(len(self.rows)):
            self._write(r, fn(list(self.rows[r])))
        lead, trail, nl = self.style[self.rule]
        self.rule_cells = fn(list(self.rule_cells))
        self.lines[self.rule] = self._format(self.rule_cells, lead, trail, nl)

    def drop_col(self, c: int) -> None:
        self._each_line(lambda cells: cells[:c] + cells[c + 1 :])

    def dup_col(self, c: int) -> None:
        self._each_line(lambda cells: cells[: c + 1] + cells[c : c + 1] + cells[c + 1 :])

    def swap_cols(self, a: int, b: int) -> None:
        def swap(cells: list[str]) -> list[str]:
            if max(a, b) < len(cells):
                cells[a], cells[b] = cells[b], cells[a]
            return cells

        self._each_line(swap)

    def merge(self, r: int, i: int) -> None:
        cells = list(self.rows[r])
        cells[i : i + 2] = [f"{cells[i]} {cells[i + 1]}".strip()]
        self._write(r, cells)

    def split(self, r: int, i: int, left: str, right: str) -> bool:
        """Split cell ``i``; True when the row's last cell falls off the table (GFM ignores extra cells)."""
        cells = list(self.rows[r])
        lost = len(cells) >= self.n_cols and bool(cells[self.n_cols - 1].strip())
        cells[i : i + 1] = [left, right]
        self._write(r, cells)
        return lost

    def dump(self) -> str:
        return "".join(self.lines)


class _HtmlTable:
    """The first top-level ``<table>`` of an HTML document or fragment."""

    def __init__(self, source: str) -> None:
        self.whole = bool(re.search(r"<\s*html\b", source, re.IGNORECASE))
        self.trail = source[len(source.rstrip()) :]  # lxml drops the final newline; keep the source's
        try:
            if self.whole:
                self.root = lxml.html.document_fromstring(source)
            else:
                self.root = lxml.html.fragment_fromstring(source, create_parent="div")
        except Exception as exc:  # lxml raises ParserError / ValueError on junk
            raise NotApplicable(f"cannot parse HTML: {exc}") from None
        tables = [t for t in self.root.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]
        if not tables:
            raise NotApplicable("no <table>")
        self.table = tables[0]
        head, body, foot = [], [], []
        for child in self.table:
            if child.tag == "tr":
                body.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                {"thead": head, "tbody": body, "tfoot": foot}[child.tag].extend(tr for tr in child if tr.tag == "tr")
        self.trs = head + body + foot
        self.in_head = len(head)
        self.has_rowspan = any(
            int(re.sub(r"\D", "", c.get("rowspan", "1")) or 1) > 1 for c in self.table.iter("td", "th")
        )
        self.has_colspan = any(
            int(re.sub(r"\D", "", c.get("colspan", "1")) or 1) > 1 for c in self.table.iter("td", "th")
        )
        hr = self.in_head
        if hr == 0:
            while hr < len(self.trs) and self._cells(hr) and all(c.tag == "th" for c in self._cells(hr)):
                hr += 1
        self.header_rows = hr
        self.n_cols = max((len(self._cells(r)) for r in range(len(self.trs))), default=0)

    def _cells(self, r: int) -> list[Any]:
        return [c for c in self.trs[r] if c.tag in ("td", "th")]

    def n_rows(self) -> int:
        return len(self.trs)

    def texts(self, r: int) -> list[str]:
        return ["".join(c.itertext()) for c in self._cells(r)]

    def gridcol(self, r: int, i: int) -> int:
        """Grid column of the i-th cell of row r (colspans before it, rowspans from above)."""
        occupied: dict[int, set[int]] = {}
        for rr in range(r + 1):
            c = 0
            for k, cell in enumerate(self._cells(rr)):
                while c in occupied.get(rr, set()):
                    c += 1
                if rr == r and k == i:
                    return c
                cs = max(1, int(re.sub(r"\D", "", cell.get("colspan", "1")) or 1))
                rs = max(1, int(re.sub(r"\D", "", cell.get("rowspan", "1")) or 1))
                for dr in range(rs):
                    occupied.setdefault(rr + dr, set()).update(range(c, c + cs))
                c += cs
        return i

    @staticmethod
    def _slots(el: Any) -> list[tuple[Any, str]]:
        out = [(el, "text")]
        for child in el:
            if isinstance(child.tag, str):
                out += _HtmlTable._slots(child)
            out.append((child, "tail"))
        return out

    def set_text(self, r: int, i: int, text: str) -> None:
        cell = self._cells(r)[i]
        old = "".join(cell.itertext())
        # Apply only the changed middle to the text node that holds it, so inline markup survives.
        a = 0
        while a < min(len(old), len(text)) and old[a] == text[a]:
            a += 1
        b = 0
        while b < min(len(old), len(text)) - a and old[len(old) - 1 - b] == text[len(text) - 1 - b]:
            b += 1
        pos = 0
        for node, attr in self._slots(cell):
            s = getattr(node, attr) or ""
            if pos <= a and len(old) - b <= pos + len(s):
                lo, hi = a - pos, len(old) - b - pos
                setattr(node, attr, s[:lo] + text[a : len(text) - b] + s[hi:])
                return
            pos += len(s)
        for child in list(cell):  # the change spans nodes: flatten the cell to text
            cell.remove(child)
        cell.text = text

    def drop_row(self, r: int) -> None:
        tr = self.trs[r]
        tr.getparent().remove(tr)

    def dup_row(self, r: int) -> None:
        self.trs[r].addnext(copy.deepcopy(self.trs[r]))

    def swap_rows(self, a: int, b: int) -> None:
        ta, tb = self.trs[a], self.trs[b]
        ca, cb = copy.deepcopy(ta), copy.deepcopy(tb)
        ca.tail, cb.tail = tb.tail, ta.tail
        ta.getparent().replace(ta, cb)
        tb.getparent().replace(tb, ca)

    def _each_row(self, fn: Any) -> None:
        for r in range(len(self.trs)):
            fn(self.trs[r], self._cells(r))

    def drop_col(self, c: int) -> None:
        self._each_row(lambda tr, cells: tr.remove(cells[c]) if c < len(cells) else None)

    def dup_col(self, c: int) -> None:
        self._each_row(lambda tr, cells: cells[c].addnext(copy.deepcopy(cells[c])) if c < len(cells) else None)

    def swap_cols(self, a: int, b: int) -> None:
        def swap(tr: Any, cells: list[Any]) -> None:
            if max(a, b) < len(cells):
                ca, cb = copy.deepcopy(cells[a]), copy.deepcopy(cells[b])
                ca.tail, cb.tail = cells[b].tail, cells[a].tail
                tr.replace(cells[a], cb)
                tr.replace(cells[b], ca)

        self._each_row(swap)

    def merge(self, r: int, i: int) -> None:
        cells = self._cells(r)
        a, b = cells[i], cells[i + 1]
        a.set("colspan", "2")
        joined = " ".join(t for t in ("".join(a.itertext()).strip(), "".join(b.itertext()).strip()) if t)
        for child in list(a):
            a.remove(child)
        a.text = joined
        b.getparent().remove(b)

    def split(self, r: int, i: int, left: str, right: str) -> bool:
        cell = self._cells(r)[i]
        span = int(re.sub(r"\D", "", cell.get("colspan", "1")) or 1)
        if span > 1:  # undo a spanning cell: the content stays in the first part
            cell.attrib.pop("colspan")
            for _ in range(span - 1):
                extra = lxml.html.Element(cell.tag)
                extra.tail = cell.tail
                cell.addnext(extra)
            return False
        for child in list(cell):
            cell.remove(child)
        cell.text = left
        extra = copy.deepcopy(cell)
        extra.text = right
        cell.addnext(extra)
        return False

    def dump(self) -> str:
        if self.whole:
            return lxml.html.tostring(self.root, encoding="unicode", method="html").rstrip() + self.trail
        inner = self.root.text or ""
        out = inner + "".join(lxml.html.tostring(c, encoding="unicode", method="html") for c in self.root)
        return out.rstrip() + self.trail


def _load(source: str) -> _MdTable | _HtmlTable:
    from verm.render.table import detect_table_lang

    return _HtmlTable(source) if detect_table_lang(source) == "html" else _MdTable(source)


def _line_axis(edit: Edit) -> str | None:
    """The axis an edit changes whole lines of, by its hint: "rows", "cols", or None (a cell's edit)."""
    hint = edit.params.get("hint") or {}
    rows, cols = hint.get("rows"), hint.get("cols")
    if (rows is None) == (cols is None):
        return None
    return "rows" if cols is None else "cols"


# --------------------------------------------------------------------------- the perturber


class TablePerturber(BasePerturber):
    """Cell, number, row, column and header edits on Markdown/HTML tables (rules in the module docstring)."""

    task = Task.TABLE
    SPECS: ClassVar[dict[str, OpSpec]] = {
        "cell_text": OpSpec("cell_text"),
        "header_text": OpSpec("header_text"),
        "cell_digit": OpSpec("cell_digit"),
        "cell_unit": OpSpec("cell_unit"),
        "cell_sign": OpSpec("cell_sign"),
        "row_drop": OpSpec("rows", 0),
        "row_duplicate": OpSpec("rows", 0),
        "row_swap": OpSpec("rows", 0),
        "col_drop": OpSpec("cols", 0),
        "col_duplicate": OpSpec("cols", 0),
        "col_swap": OpSpec("cols", 0),
        "cell_merge": OpSpec("merge", 0),
        "cell_split": OpSpec("merge", 0),
    }
    TEXT_OPS: ClassVar[frozenset[str]] = frozenset({"cell_text", "header_text", "cell_digit", "cell_unit", "cell_sign"})

    @staticmethod
    def lines_cross(a: Edit, b: Edit) -> bool:
        """Whether one edit changes whole rows and the other whole columns: they cross on a cell or two, but
        an annotator sees a row missing (swapped, repeated) and a column missing as two changes, however
        wide the column or tall the row."""
        axes = {_line_axis(e) for e in (a, b)}
        return axes == {"rows", "cols"}

    def check_source(self, source: str) -> bool:
        try:
            _load(source)
        except NotApplicable:
            return False
        return True

    @staticmethod
    def _where(t: _MdTable | _HtmlTable, r: int, i: int) -> str:
        head = t.texts(0)
        name = " ".join(head[i].split()) if r >= t.header_rows and i < len(head) and head[i].strip() else ""
        return f"row {r + 1}, column {t.gridcol(r, i) + 1}" + (f" ('{name[:30]}')" if name else "")

    def _cells(self, t: _MdTable | _HtmlTable, body: bool, pred: Any) -> list[tuple[int, int]]:
        rows = range(t.header_rows, t.n_rows()) if body else range(t.header_rows)
        return [(r, i) for r in rows for i, s in enumerate(t.texts(r)) if pred(s)]

    def _pick_cell(
        self, t: _MdTable | _HtmlTable, p: Params, rng: random.Random | None, cells: list[tuple[int, int]]
    ) -> tuple[int, int]:
        if not cells:
            raise NotApplicable("no such cell")
        return tuple(self.draw(p, "cell", rng, lambda r: list(r.choice(cells))))  # type: ignore[return-value]

    def _done(self, t: _MdTable | _HtmlTable, p: Params, rows: list[int] | None, cols: list[int] | None) -> str:
        p["hint"] = {"rows": rows, "cols": cols}
        return t.dump()

    # -- text ------------------------------------------------------------------------------------------------

    def _text(self, op: str, source: str, p: Params, rng: random.Random | None, body: bool) -> tuple[str, Edit]:
        t = _load(source)
        cells = self._cells(t, body, lambda s: re.search(r"[A-Za-z]{2,}", s) and not _numeric(s))
        r, i = self._pick_cell(t, p, rng, cells)
        old = t.texts(r)[i]
        col_vals = sorted(
            {t.texts(rr)[i].strip() for rr in range(t.header_rows, t.n_rows()) if i < len(t.texts(rr))}
            - {old.strip(), ""}
        )
        kinds = ("typo", "word") if (reword(old, random.Random(0)) or (body and col_vals)) else ("typo",)
        kind = self.draw(p, "kind", rng, lambda r_: r_.choice(kinds))

        def new_value(r_: random.Random) -> str | None:
            if kind == "word" and body and col_vals and r_.random() < 0.5:
                return r_.choice(col_vals)  # a plausible wrong value: another cell of the same column
            return mutate_text(old, r_, kind)

        new = self.draw(p, "text", rng, new_value)
        if not new or new == old:
            raise NotApplicable("text cannot change")
        t.set_text(r, i, new)
        where = self._where(t, r, i) if body else f"header, column {t.gridcol(r, i) + 1}"
        return self._done(t, p, [r], [t.gridcol(r, i)]), self.edit(
            op, "text_error", text_severity(kind), where, f"cell reads '{new.strip()}' instead of '{old.strip()}'", p
        )

    def _op_cell_text(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._text("cell_text", source, p, rng, body=True)

    def _op_header_text(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._text("header_text", source, p, rng, body=False)

    # -- numbers ---------------------------------------------------------------------------------------------

    def _number_cell(
        self, source: str, p: Params, rng: random.Random | None, pred: Any = None
    ) -> tuple[Any, int, int, str, re.Match[str]]:
        t = _load(source)
        cells = self._cells(t, True, lambda s: (m := _numeric(s)) is not None and (pred is None or pred(m)))
        r, i = self._pick_cell(t, p, rng, cells)
        old = t.texts(r)[i]
        m = _numeric(old)
        assert m is not None
        return t, r, i, old, m

    @staticmethod
    def _rebuild(old: str, m: re.Match[str], **parts: str) -> str:
        g = {k: m.group(k) or "" for k in ("sign", "cur", "sp", "num", "unit")}
        g.update(parts)
        lead = old[: len(old) - len(old.lstrip())]
        trail = old[len(old.rstrip()) :]
        return lead + g["sign"] + g["cur"] + g["sp"] + g["num"] + g["unit"] + trail

    def _op_cell_digit(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t, r, i, old, m = self._number_cell(source, p, rng)
        num = m.group("num")
        digits = [k for k, ch in enumerate(num) if ch.isdigit()]
        k = self.draw(p, "pos", rng, lambda r_: r_.choice(digits))
        lead = k == digits[0] and len(digits) > 1 and "." not in num[: k + 1] and num[0] != "0"
        pool = [d for d in "0123456789" if d != num[k] and not (lead and d == "0")]
        d = self.draw(p, "digit", rng, lambda r_: r_.choice(pool))
        new_num = num[:k] + d + num[k + 1 :]
        new = self._rebuild(old, m, num=new_num)
        ov, nv = _value(m), _value(_numeric(new))  # type: ignore[arg-type]
        sev = 3 if ov == 0 or abs(nv - ov) / abs(ov) > 0.5 else 2
        t.set_text(r, i, new)
        return self._done(t, p, [r], [t.gridcol(r, i)]), self.edit(
            "cell_digit", "numeric_error", sev, self._where(t, r, i), f"value {new.strip()} instead of {old.strip()}", p
        )

    def _op_cell_unit(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t, r, i, old, m = self._number_cell(source, p, rng)
        unit = (m.group("unit") or "").strip()
        cur = m.group("cur") or ""
        sev = 2
        if unit in _UNIT_SWAP:
            new = self._rebuild(old, m, unit=(m.group("unit") or "").replace(unit, _UNIT_SWAP[unit]))
            sev = 3 if unit in _UNIT_ORDER_OFF else 2
        elif cur:
            new = self._rebuild(old, m, cur=_CURRENCY_SWAP[cur])
        elif not unit:
            new = self._rebuild(old, m, unit="%")
        else:
            raise NotApplicable("unknown unit")
        t.set_text(r, i, new)
        return self._done(t, p, [r], [t.gridcol(r, i)]), self.edit(
            "cell_unit",
            "numeric_error",
            sev,
            self._where(t, r, i),
            f"'{new.strip()}' instead of '{old.strip()}' (unit)",
            p,
        )

    def _op_cell_sign(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t, r, i, old, m = self._number_cell(source, p, rng, pred=lambda m: float(m.group("num").replace(",", "")) != 0)
        new = self._rebuild(old, m, sign="" if m.group("sign") else "-")
        t.set_text(r, i, new)
        return self._done(t, p, [r], [t.gridcol(r, i)]), self.edit(
            "cell_sign",
            "numeric_error",
            3,
            self._where(t, r, i),
            f"value {new.strip()} instead of {old.strip()} (sign)",
            p,
        )

    # -- rows and columns ------------------------------------------------------------------------------------

    def _body_rows(self, t: _MdTable | _HtmlTable, minimum: int) -> list[int]:
        if t.has_rowspan:
            raise NotApplicable("row spans")
        rows = list(range(t.header_rows, t.n_rows()))
        if len(rows) < minimum:
            raise NotApplicable("too few rows")
        return rows

    def _op_row_drop(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        rows = self._body_rows(t, 2)
        r = self.draw(p, "row", rng, lambda r_: r_.choice(rows))
        first = " ".join(t.texts(r)[0].split())[:30] if t.texts(r) else ""
        t.drop_row(r)
        return self._done(t, p, [min(r, t.n_rows() - 2)], None), self.edit(
            "row_drop", "layout_error", 3, f"row {r + 1}", f"row {r + 1} ('{first}') is missing", p
        )

    def _op_row_duplicate(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        rows = self._body_rows(t, 1)
        r = self.draw(p, "row", rng, lambda r_: r_.choice(rows))
        t.dup_row(r)
        return self._done(t, p, [r + 1], None), self.edit(
            "row_duplicate", "layout_error", 2, f"row {r + 2}", f"row {r + 1} is repeated as row {r + 2}", p
        )

    def _op_row_swap(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        rows = self._body_rows(t, 2)
        pairs = [(a, b) for a in rows for b in rows if a < b <= a + 3 and t.texts(a) != t.texts(b)]
        if not pairs:
            raise NotApplicable("no distinct rows")
        a, b = self.draw(p, "rows", rng, lambda r_: list(r_.choice(pairs)))
        t.swap_rows(a, b)
        return self._done(t, p, [a, b], None), self.edit(
            "row_swap", "layout_error", 2, f"rows {a + 1} and {b + 1}", f"rows {a + 1} and {b + 1} are swapped", p
        )

    def _cols(self, t: _MdTable | _HtmlTable, minimum: int) -> list[int]:
        if t.has_colspan or t.has_rowspan:
            raise NotApplicable("spans")
        if t.n_cols < minimum or any(len(t.texts(r)) != t.n_cols for r in range(t.n_rows())):
            raise NotApplicable("ragged or narrow table")
        return list(range(t.n_cols))

    def _op_col_drop(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        cols = self._cols(t, 2)
        c = self.draw(p, "col", rng, lambda r_: r_.choice(cols))
        name = " ".join(t.texts(0)[c].split())[:30]
        t.drop_col(c)
        return self._done(t, p, None, [min(c, t.n_cols - 2)]), self.edit(
            "col_drop", "layout_error", 3, f"column {c + 1}", f"column {c + 1} ('{name}') is missing", p
        )

    def _op_col_duplicate(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        cols = self._cols(t, 1)
        c = self.draw(p, "col", rng, lambda r_: r_.choice(cols))
        t.dup_col(c)
        return self._done(t, p, None, [c + 1]), self.edit(
            "col_duplicate", "layout_error", 2, f"column {c + 2}", f"column {c + 1} is repeated as column {c + 2}", p
        )

    def _op_col_swap(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        cols = self._cols(t, 2)
        pairs = [(a, b) for a in cols for b in cols if a < b <= a + 2]
        a, b = self.draw(p, "cols", rng, lambda r_: list(r_.choice(pairs)))
        t.swap_cols(a, b)
        return self._done(t, p, None, [a, b]), self.edit(
            "col_swap", "layout_error", 2, f"columns {a + 1} and {b + 1}", f"columns {a + 1} and {b + 1} are swapped", p
        )

    def _op_cell_merge(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        if t.has_rowspan or t.has_colspan:
            raise NotApplicable("spans")
        cells = [(r, i) for r in range(t.header_rows, t.n_rows()) for i in range(len(t.texts(r)) - 1)]
        r, i = self._pick_cell(t, p, rng, cells)
        empty = not t.texts(r)[i].strip() or not t.texts(r)[i + 1].strip()
        t.merge(r, i)
        return self._done(t, p, [r], [i, i + 1]), self.edit(
            "cell_merge",
            "layout_error",
            1 if empty else 2,
            self._where(t, r, i),
            f"cells {i + 1} and {i + 2} of row {r + 1} are merged",
            p,
        )

    def _op_cell_split(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        t = _load(source)
        if t.has_rowspan:
            raise NotApplicable("row spans")
        if isinstance(t, _HtmlTable) and t.has_colspan:
            cells = [
                (r, i) for r in range(t.n_rows()) for i, c in enumerate(t._cells(r))
                if int(re.sub(r"\D", "", c.get("colspan", "1")) or 1) > 1
            ]  # fmt: skip
        else:
            cells = self._cells(t, True, lambda s: len(s.split()) >= 2)
        r, i = self._pick_cell(t, p, rng, cells)
        words = t.texts(r)[i].split()
        cut = max(1, len(words) // 2)
        lost = t.split(r, i, " ".join(words[:cut]), " ".join(words[cut:]))
        sev = 3 if lost else 2
        g = t.gridcol(r, i)
        cols = list(range(g, t.n_cols)) if isinstance(t, _MdTable) else [g, g + 1]
        return self._done(t, p, [r], cols), self.edit(
            "cell_split", "layout_error", sev, self._where(t, r, i),
            f"cell {i + 1} of row {r + 1} is split in two" + ("; the row's last cell is lost" if lost else ""), p,
        )  # fmt: skip
