"""Escaping and staff Markdown: the only ways text from data reaches HTML."""
from __future__ import annotations

import html

import markdown as _markdown


def esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def rich_text(text: str | None) -> str:
    """Staff Markdown to HTML; raw HTML in the data is shown as text, never executed."""
    if not text:
        return ""
    return _markdown.markdown(html.escape(text, quote=False), extensions=["sane_lists"], output_format="html")
