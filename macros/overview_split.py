"""When the site-wide overview and timeline split per plan (issue 12), and to which page of each plan they link.

"Alle acties van alle plannen" (docs/acties.md) and "Tijdlijn van alle plannen" (docs/tijdlijn.md) list every
action of every plan. Up to `extra.overzicht.max_acties_per_pagina` actions on the site they stay one table and
one chart. Above it they show one row (or bar) per plan and link to that plan's own page of all actions, where a
filter form and the plan's timeline carry the actions; no page then grows with the number of plans' actions.
Plain Python: the MkDocs hooks and macros read the setting through this module.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import model as m

SETTING = "overzicht"  # extra.overzicht in mkdocs.yml
KEY = "max_acties_per_pagina"
# 300 actions make an overview of about 250 KB and a timeline of about 700 KB: still one page a phone loads and a
# screen reader user can filter; at 1.000 they are 0,9 and 2,5 MB and dominate the build.
DEFAULT = 300


def max_actions(extra) -> int:
    """The threshold from mkdocs.yml's extra; ValueError with a Dutch (problem, fix) when it is not usable."""
    section = (extra or {}).get(SETTING)
    if section is None:
        return DEFAULT
    if not isinstance(section, dict):
        raise ValueError(f"extra.{SETTING} moet een lijst met instellingen zijn, maar is '{section}'.",
                         f"schrijf het als '{SETTING}:' met daaronder, ingesprongen, '{KEY}: {DEFAULT}'.")
    value = section.get(KEY)
    if value is None:
        return DEFAULT
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"extra.{SETTING}.{KEY} moet een heel getal van 1 of meer zijn, maar is '{value}'.",
                         f"zet er een aantal acties neer, bijvoorbeeld '{KEY}: {DEFAULT}', of haal de regel weg "
                         f"(dan geldt {DEFAULT}).")
    return value


def config_problems(extra) -> list[tuple[str, str, str]]:
    """(key in mkdocs.yml, problem, fix) for the site's settings check, as the house style reports them."""
    try:
        max_actions(extra)
    except ValueError as err:
        problem, fix = err.args
        return [(KEY if isinstance((extra or {}).get(SETTING), dict) else SETTING, problem, fix)]
    return []


def action_count(site: m.Site) -> int:
    return sum(len(plan.acties) for plan in site.plannen)


def split(site: m.Site, extra) -> bool:
    """True when the site has more actions than one overview page may list."""
    return action_count(site) > max_actions(extra)


@dataclass(frozen=True)
class PlanOverviewPages:
    """The source pages of one plan that show all its actions in a table, and its timeline (None: no such page)."""

    acties: str | None
    tijdlijn: str | None


# The plan macros (whole plan, no part) a page must call to carry the plan's share of the site-wide pages.
TABLE_MACRO, TIMELINE_MACRO = "acties_tabel", "tijdlijn"


def overview_pages(pages_of_plan) -> PlanOverviewPages:
    """From a plan's pages (anything with .src and .shows, written and made), the first that shows each macro;
    the page at <plan>/acties.md first, as that is where readers and the menu expect all actions."""
    def first(macro: str) -> str | None:
        found = sorted((page.src for page in pages_of_plan if macro in page.shows),
                       key=lambda src: (not src.endswith("/acties.md"), src.count("/"), src))
        return found[0] if found else None

    return PlanOverviewPages(first(TABLE_MACRO), first(TIMELINE_MACRO))
