"""Marks up abbreviations in finished page HTML, so every reader can see what they mean.

On hover (and with Material's tooltips on focus) the title shows the meaning; screen
readers hear the meaning in full at the first use on a page.
"""
from __future__ import annotations

import html
import re

from .model import MEANING_NOT_IN_SOURCE, Term

UNEXPLAINED = "De plannen gebruiken deze afkorting, maar zeggen niet wat ze betekent."

_SKIP = {"svg", "script", "style", "code", "pre", "abbr", "title", "textarea", "option", "select"}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")


def abbreviate(page_html: str, abbreviations: dict[str, Term]) -> str:
    if not abbreviations:
        return page_html
    alternatives = "|".join(re.escape(html.escape(a, quote=False)) for a in sorted(abbreviations, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&.])(?<!\d-)({alternatives})(?![\w]|&\w+;[A-Z])")
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


def glossary_letter(term: str) -> str:
    """The letter a term is listed under: its first letter without accents ('Cliënt' -> 'C'), else '#'."""
    from .locations import slug

    first = slug(term)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def glossary_page(terms) -> str:
    """The begrippenlijst: an A-Z jump list, then every abbreviation and term of art in alphabetical order,
    grouped under a heading per first letter, with an anchor each.

    Only letters that have terms are links; the others are plain text, so no link leads nowhere.
    """
    from .render import esc  # the glossary markup above must not depend on the renderers
    from .locations import slug

    groups: dict[str, list[str]] = {}
    for term in sorted(terms, key=lambda t: (glossary_letter(t.term), t.term.lower())):
        full = f" ({esc(term.voluit)})" if term.voluit and term.soort == "afkorting" else ""
        if term.betekenis_onbekend:
            full = f" ({esc(MEANING_NOT_IN_SOURCE.lower())})"
        other = f'<br><span class="pva-note">Ook geschreven als: {esc(", ".join(term.varianten))}</span>' \
            if term.varianten else ""
        explained = term.uitleg or UNEXPLAINED
        local = f' <span class="pva-tag">Alleen in {esc(term.gemeente)}</span>' if term.gemeente else ""
        groups.setdefault(glossary_letter(term.term), []).append(
            f'<dt id="begrip-{slug(term.term)}"><strong>{esc(term.term)}</strong>{full}{local}</dt>'
            f"<dd>{esc(explained)}{other}</dd>")
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)] + (["#"] if "#" in groups else [])
    jump = "".join(
        f'<li><a href="#letter-{_letter_id(letter)}">{_letter_name(letter)}</a></li>' if letter in groups
        else f'<li><span>{_letter_name(letter)}<span class="pva-sr"> (geen begrippen)</span></span></li>'
        for letter in letters)
    sections = "".join(
        f'<h2 class="pva-letter" id="letter-{_letter_id(letter)}">{_letter_name(letter)}</h2>'
        f'<dl class="pva-glossary">{"".join(groups[letter])}</dl>'
        for letter in letters if letter in groups)
    count = sum(t.soort == "afkorting" for t in terms)
    local: dict[str, int] = {}
    for term in terms:
        if term.gemeente:
            local[term.gemeente] = local.get(term.gemeente, 0) + 1
    # General terms mean the same everywhere; local ones (a team, a council) only in their municipality.
    locals_text = "".join(f" {n} {'begrip hoort' if n == 1 else 'begrippen horen'} alleen bij de gemeente "
                          f"{esc(g)}: daar staat 'Alleen in {esc(g)}' bij." for g, n in sorted(local.items()))
    locals_text += " De andere begrippen zijn algemeen." if local else ""
    return (f"<p>{len(terms)} begrippen, waarvan {count} afkortingen.{locals_text}</p>"
            f'<nav class="pva-az" aria-label="Begrippen per beginletter"><ul>{jump}</ul></nav>{sections}')


def _letter_id(letter: str) -> str:
    return "overig" if letter == "#" else letter.lower()


def _letter_name(letter: str) -> str:
    return "Overig" if letter == "#" else letter
