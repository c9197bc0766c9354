"""MkDocs hook: every plan folder under data/plannen/ becomes pages and a section of the menu.

What the pages and menu are is decided in macros/plan_pages.py; this adapter reads the written pages,
puts the plans where mkdocs.yml's nav says `- plannen`, and hands the made pages to MkDocs as files.
It runs on every rebuild of `mkdocs serve` too, so a new plan folder shows up without a restart.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

import macros  # noqa: E402  (the same module mkdocs-macros loaded, holding this build's data)
from macros.overview_split import split  # noqa: E402
from macros.plan_pages import PLANS_IN_NAV, plan_site, site_menu  # noqa: E402

_log = logging.getLogger("mkdocs.plugins.planpublicatie")  # under "mkdocs": strict mode counts these


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
    return config


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
