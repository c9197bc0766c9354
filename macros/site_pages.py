"""The macros that page authors call, each a thin wrapper around a renderer."""
from __future__ import annotations

import functools

from . import render
from .model import Site


def register_pages(env, site: Site, links) -> None:
    def macro(function):
        @functools.wraps(function)
        def finished_output(*args, **kwargs):
            return render.finish(function(*args, **kwargs))

        return env.macro(finished_output, function.__name__)

    @macro
    def plan_gegevens(plan_id: str) -> str:
        """Facts of a plan: title, number, date, portefeuillehouder, status."""
        return render.plan_facts(site.plan(plan_id))

    @macro
    def kader(plan_id: str) -> str:
        return render.source_list(site.plan(plan_id).kader)

    @macro
    def onderdelen_tabel(plan_id: str) -> str:
        plan = site.plan(plan_id)
        return render.parts_table(plan, links())

    @macro
    def voortgang(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        return render.progress_summary(plan, plan.onderdeel(onderdeel) if onderdeel else None)

    @macro
    def voortgang_tabel(plan_id: str) -> str:
        return render.progress_table(site.plan(plan_id), links())

    @macro
    def status_badge(plan_id: str, actie_id: str) -> str:
        return render.status_badge(site.plan(plan_id).actie(actie_id).status)

    @macro
    def acties_tabel(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        if onderdeel:
            part = plan.onderdeel(onderdeel)
            return render.actions_table(plan, plan.acties_van(onderdeel), links(),
                                        f"Acties bij {render.part_label(plan, part)}: {part.korte_titel}")
        return render.actions_table(plan, plan.acties, links(), f"Alle acties van het plan {plan.korte_titel}")

    @macro
    def actie(plan_id: str, actie_id: str) -> str:
        plan = site.plan(plan_id)
        return render.action_details(plan, plan.actie(actie_id), links())

    @macro
    def raci_matrix(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        actions = plan.acties_van(onderdeel) if onderdeel else plan.acties
        where = f"{render.part_label(plan, plan.onderdeel(onderdeel))}" if onderdeel else f"het plan {plan.korte_titel}"
        return render.raci_matrix(plan, actions, links(), f"Rollen per actie (RACI) bij {where}")

    @macro
    def onderdeel_pagina(plan_id: str, onderdeel_id: str) -> str:
        plan = site.plan(plan_id)
        return render.part_page(plan, plan.onderdeel(onderdeel_id), links())

    @macro
    def begroting(plan_id: str) -> str:
        return render.budget_page(site.plan(plan_id), links())

    @macro
    def plannen_overzicht() -> str:
        return render.plans_overview(site.plannen, links())
