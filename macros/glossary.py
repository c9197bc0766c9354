"""Marks up abbreviations in finished page HTML, so every reader can see what they mean.

On hover (and with Material's tooltips on focus) the title shows the meaning; screen
readers hear the meaning in full at the first use on a page.
"""
from __future__ import annotations

import html
import re

from .model import Term

_SKIP = {"svg", "script", "style", "code", "pre", "abbr", "title", "textarea", "option", "select"}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")


def abbreviate(page_html: str, abbreviations: dict[str, Term]) -> str:
    if not abbreviations:
        return page_html
    alternatives = "|".join(re.escape(html.escape(a, quote=False)) for a in sorted(abbreviations, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&/.-])({alternatives})(?![\w]|-[A-Z]|&\w+;[A-Z])")
    escaped = {html.escape(a, quote=False): t for a, t in abbreviations.items()}
    seen: set[str] = set()
    skipping: list[str] = []
    out = []

    def mark(match: re.Match) -> str:
        text = match[1]
        term = escaped[text]
        meaning = html.escape(term.short_meaning, quote=True)
        first = term.term not in seen
        seen.add(term.term)
        hidden = f'<span class="pva-sr"> ({meaning})</span>' if first else ""
        return f'<abbr title="{meaning}">{text}</abbr>{hidden}'

    for part in _TAG.split(page_html):
        if part.startswith("<"):
            tag = _TAG_NAME.match(part)
            if tag and not part.endswith("/>"):
                closing, name = tag[1] == "/", tag[2].lower()
                if name in _SKIP:
                    if closing and skipping and skipping[-1] == name:
                        skipping.pop()
                    elif not closing:
                        skipping.append(name)
            out.append(part)
        elif skipping or not part.strip():
            out.append(part)
        else:
            out.append(pattern.sub(mark, part))
    return "".join(out)


def glossary_page(terms) -> str:
    """The begrippenlijst: every abbreviation and term of art, in alphabetical order, with an anchor each."""
    from .render import esc  # the glossary markup above must not depend on the renderers
    from .locations import slug

    items = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        full = f" ({esc(term.voluit)})" if term.voluit and term.soort == "afkorting" else ""
        other = f'<br><span class="pva-note">Ook geschreven als: {esc(", ".join(term.varianten))}</span>' \
            if term.varianten else ""
        items.append(f'<dt id="begrip-{slug(term.term)}"><strong>{esc(term.term)}</strong>{full}</dt>'
                     f"<dd>{esc(term.uitleg)}{other}</dd>")
    count = sum(t.soort == "afkorting" for t in terms)
    return (f"<p>{len(terms)} begrippen, waarvan {count} afkortingen.</p>"
            f'<dl class="pva-glossary">{"".join(items)}</dl>')
