"""MkDocs hook: every plan folder under data/plannen/ becomes pages and a section of the menu.

What the pages and menu are is decided in macros/plan_pages.py; this adapter reads the written pages,
puts the plans where mkdocs.yml's nav says `- plannen`, and hands the made pages to MkDocs as files.
It runs on every rebuild of `mkdocs serve` too, so a new plan folder shows up without a restart.

With more plans than `extra.menu.max_plannen`, a page's menu holds its own plan and one link to the list
of all plans instead of every plan: each page would otherwise carry the whole menu, and grow with every plan.
"""
from __future__ import annotations

import copy
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Section

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

import macros  # noqa: E402  (the same module mkdocs-macros loaded, holding this build's data)
from macros.overview_split import split  # noqa: E402
from macros.plan_pages import PLANS_IN_NAV, plan_site, site_menu  # noqa: E402

_log = logging.getLogger("mkdocs.plugins.planpublicatie")  # under "mkdocs": strict mode counts these
MAX_PLANS_IN_MENU = 8  # default of extra.menu.max_plannen
ALL_PLANS = "index.html#de-plannen"  # the home page's list of plans (docs/index.md, "## De plannen")


@event_priority(-100)  # after mkdocs-macros read the data (its on_config calls define_env)
def on_config(config):
    site = macros.BUILD.get("site")
    if site is None:
        return config
    # Above extra.overzicht.max_acties_per_pagina the site-wide overview links to a page per plan: make sure each has one.
    plans = plan_site(site, Path(config.docs_dir), own_overviews=split(site, config.extra))
    macros.BUILD["made_pages"] = plans.made
    macros.BUILD["overview_pages"] = plans.overview
    if config.nav is not None:
        if PLANS_IN_NAV not in config.nav:
            raise PluginError(f"mkdocs.yml: het menu (nav) heeft geen regel '- {PLANS_IN_NAV}'.\n    Oplossing: zet "
                              f"'- {PLANS_IN_NAV}' in het menu, op de plek waar de plannen moeten komen.")
        config.nav = site_menu(config.nav, plans)
    _menu_limit(config)
    return config


def _menu_limit(config) -> int:
    value = ((config.extra or {}).get("menu") or {}).get("max_plannen", MAX_PLANS_IN_MENU)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PluginError(f"mkdocs.yml, extra.menu.max_plannen: '{value}' is geen geheel getal van 1 of meer.\n    "
                          f"Oplossing: zet er een getal, bijvoorbeeld {MAX_PLANS_IN_MENU}: het aantal plannen dat het "
                          f"menu nog helemaal toont.")
    return value


def _plan_of(item) -> str | None:
    """The plan folder of a menu section: that of its first page."""
    for child in item.children or ():
        if isinstance(child, Section):
            if found := _plan_of(child):
                return found
        elif getattr(child, "file", None) is not None:
            return child.file.src_uri.split("/")[0] if "/" in child.file.src_uri else None
    return None


def on_page_context(context, page, config, nav):
    site = macros.BUILD.get("site")
    plans = {plan.id for plan in site.plannen} if site else set()
    sections = {id(item): plan for item in nav.items if isinstance(item, Section)
                and (plan := _plan_of(item)) in plans}
    if len(sections) <= _menu_limit(config):
        return context
    own = page.file.src_uri.split("/")[0] if "/" in page.file.src_uri else None
    items, linked = [], False
    for item in nav.items:
        if id(item) not in sections:
            items.append(item)
            continue
        if not linked:
            items.append(Link(f"Alle {len(sections)} plannen", ALL_PLANS))
            linked = True
            items += [s for s in nav.items if sections.get(id(s)) == own]
    pruned = copy.copy(nav)
    pruned.items = items
    context["nav"] = pruned
    return context


def on_files(files, config):
    site = macros.BUILD.get("site")
    plans = {plan.id for plan in site.plannen} if site else set()
    in_nav = _nav_paths(config.nav or [])
    for file in list(files.documentation_pages()):
        folder = file.src_uri.split("/")[0] if "/" in file.src_uri else None
        if folder and folder not in plans and file.src_uri not in in_nav and config.nav is not None:
            _log.warning(f"docs/{file.src_uri}: deze pagina staat in de map docs/{folder}/, maar er is geen plan "
                         f"'{folder}' (data/plannen/{folder}/) en de pagina staat ook niet in het menu.\n    "
                         f"Oplossing: is het plan weggehaald, haal dan ook de map docs/{folder}/ weg. Hoort de pagina "
                         f"bij een plan, zet haar dan in de map van dat plan.")
            files.remove(file)
    for page in macros.BUILD.get("made_pages", {}).values():
        files.append(File.generated(config, page.src, content=page.markdown()))
    return files


def _nav_paths(items) -> set[str]:
    found = set()
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= _nav_paths(value)
        elif isinstance(value, str):
            found.add(value)
    return found
