"""mkdocs-macros adapter: loads the plans once and exposes the renderers as macros.

This module and mkdocs_hooks.py are the only ones that know about MkDocs. The
model, checks, views and renderers are plain Python, tested on their own.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import action_state
from .loader import abbreviations_in, load_site
from .edit_links import data_links, plans_on_page
from .locations import Links, part_page
from .problems import PlanDataError
from .site_pages import register_pages

BUILD: dict = {}  # this build's data, shared with mkdocs_hooks.py


def reference_date(env) -> _dt.date:
    try:
        return action_state.reference_date(os.environ.get("PEILDATUM"), env.conf.get("extra", {}).get("peildatum"))
    except ValueError as err:
        raise PluginError(str(err)) from None


def define_env(env) -> None:
    project = Path(env.project_dir)
    try:
        site = load_site(project / "data", project)
    except PlanDataError as err:
        raise PluginError(str(err)) from None
    docs_dir = Path(env.conf["docs_dir"])
    missing = [part_page(plan, part.id) for plan in site.plannen for part in plan.onderdelen
               if not (docs_dir / part_page(plan, part.id)).exists()]
    if missing:
        raise PluginError(
            "Voor deze onderdelen is er geen pagina: " + ", ".join(f"docs/{p}" for p in missing)
            + ". Maak de pagina met een 'in_het_kort' en de regel {{ onderdeel_pagina('<plan>', '<id>') }}."
        )
    BUILD["site"] = site
    peildatum = reference_date(env)

    def links() -> Links:
        return Links(env.page.file.src_uri)

    register_pages(env, site, links, peildatum)


def on_pre_page_macros(env) -> None:
    """Every page opens with a plain-language summary; refuse to publish one without."""
    summary = env.page.meta.get("in_het_kort")
    if not isinstance(summary, str) or not summary.strip():
        raise PluginError(
            f"De pagina docs/{env.page.file.src_uri} heeft geen samenvatting in eenvoudige taal. "
            "Voeg bovenaan in de kop 'in_het_kort: >-' toe met een paar korte zinnen op taalniveau B1."
        )
    site = BUILD.get("site")
    if site:
        env.page.meta["pva_gegevens_links"] = data_links(env.conf.get("repo_url"), env.conf.get("edit_uri"),
                                                         plans_on_page(env.markdown, site))
    if site and site.begrippen:
        known = set(site.abbreviations())
        unknown = sorted(abbreviations_in(env.markdown) - known)
        if unknown:
            lines = env.markdown.splitlines()
            where = ", ".join(f"'{a}' (regel {next(i for i, l in enumerate(lines, 1) if a in l)} na de kop)" for a in unknown)
            raise PluginError(
                f"De pagina docs/{env.page.file.src_uri} gebruikt afkortingen die niet in de begrippenlijst staan: "
                f"{where}. Zet ze met een uitleg in eenvoudige taal in data/begrippen.yaml, of schrijf ze voluit."
            )
