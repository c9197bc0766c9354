"""Column names on every body cell, so a table can show as stacked cards on a phone.

On a narrow screen the stylesheet turns each row into a card; a cell then
shows its column name in front of its value (CSS `attr(data-label)`), and
the cells with the status or the amount come first. The renderers' tables
are regular (one header row, no nested tables), so a small scan suffices.
"""
from __future__ import annotations

import html
import re

_TABLE = re.compile(r'<table class="pva-table[^"]*">.*?</table>', re.S)
_HEAD_ROW = re.compile(r"<thead>\s*<tr[^>]*>(.*?)</tr>", re.S)
_HEAD_CELL = re.compile(r"<th\b([^>]*)>(.*?)</th>", re.S)
_BODY = re.compile(r"(<tbody>)(.*?)(</tbody>)", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL_OPEN = re.compile(r"<(td|th)\b([^>]*)>")
_COLSPAN = re.compile(r'colspan="(\d+)"')
_TAGS = re.compile(r"<[^>]+>")
# Shown first on a card: what residents look for in a row.
_FIRST_COLUMNS = {"status", "bedrag", "planning en status"}


def _text(cell_html: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", cell_html)).split())


def _column_names(table: str) -> list[str]:
    head = _HEAD_ROW.search(table)
    if not head:
        return []
    names = []
    for attrs, content in _HEAD_CELL.findall(head[1]):
        span = _COLSPAN.search(attrs)
        names += [_text(content)] * (int(span[1]) if span else 1)
    return names


def _label_row(row: str, names: list[str]) -> str:
    out, column, last = [], 0, 0
    for cell in _CELL_OPEN.finditer(row):
        kind, attrs = cell[1], cell[2]
        name = names[column] if column < len(names) else ""
        extra = ""
        if name and 'data-label="' not in attrs and 'scope="row"' not in attrs:
            extra += f' data-label="{html.escape(name)}"'
        if name.lower() in _FIRST_COLUMNS or "pva-num" in attrs:
            extra += " data-eerst"
        out.append(row[last:cell.end() - 1] + extra + ">")
        last = cell.end()
        span = _COLSPAN.search(attrs)
        column += int(span[1]) if span else 1
    out.append(row[last:])
    return "".join(out)


def _label_table(table: str) -> str:
    names = _column_names(table)
    if not names:
        return table

    def body(match: re.Match) -> str:
        rows = _ROW.sub(lambda r: r[1] + _label_row(r[2], names) + r[3], match[2])
        return match[1] + rows + match[3]

    return _BODY.sub(body, table)


def label_cells(fragment: str) -> str:
    """Every body cell of every plan table gets `data-label` with its column name."""
    return _TABLE.sub(lambda m: _label_table(m[0]), fragment)
