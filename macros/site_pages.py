"""The macros that page authors call, each a thin wrapper around a renderer."""
from __future__ import annotations

import functools

from . import render
from . import render_overview as overview
from . import render_structures as structures
from .model import Site


def register_pages(env, site: Site, links, peildatum) -> None:
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
                                        f"Acties bij {render.part_label(plan, part)}: {part.korte_titel}", peildatum)
        return render.actions_table(plan, plan.acties, links(), f"Alle acties van het plan {plan.korte_titel}", peildatum)

    @macro
    def actie(plan_id: str, actie_id: str) -> str:
        plan = site.plan(plan_id)
        return render.action_details(plan, plan.actie(actie_id), links(), site, peildatum)

    @macro
    def raci_matrix(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        actions = plan.acties_van(onderdeel) if onderdeel else plan.acties
        where = f"{render.part_label(plan, plan.onderdeel(onderdeel))}" if onderdeel else f"het plan {plan.korte_titel}"
        return render.raci_matrix(plan, actions, links(), f"Rollen per actie (RACI) bij {where}")

    @macro
    def onderdeel_pagina(plan_id: str, onderdeel_id: str) -> str:
        plan = site.plan(plan_id)
        return render.part_page(plan, plan.onderdeel(onderdeel_id), links(), site, peildatum)

    @macro
    def begroting(plan_id: str) -> str:
        return render.budget_page(site.plan(plan_id), links())

    @macro
    def plannen_overzicht() -> str:
        return render.plans_overview(site.plannen, links(), peildatum)

    @macro
    def organisatie(plan_id: str) -> str:
        return structures.organisation(site.plan(plan_id))

    @macro
    def organisatie_raci(plan_id: str) -> str:
        return structures.organisation_raci(site.plan(plan_id))

    @macro
    def fasen(plan_id: str) -> str:
        plan = site.plan(plan_id)
        return overview.phase_timeline(plan, peildatum) + "\n\n" + structures.phases(plan)

    @macro
    def detailplanning(plan_id: str) -> str:
        return structures.detail_schedule(site.plan(plan_id), links())

    @macro
    def capaciteit(plan_id: str) -> str:
        return structures.capacity(site.plan(plan_id))

    @macro
    def rapportages(plan_id: str) -> str:
        return structures.reports(site.plan(plan_id))

    @macro
    def indicatoren(plan_id: str) -> str:
        return structures.indicators(site.plan(plan_id))

    @macro
    def lijst(plan_id: str, lijst_id: str) -> str:
        return structures.named_list(site.plan(plan_id), lijst_id)

    @macro
    def lijsten(plan_id: str) -> str:
        return structures.all_lists(site.plan(plan_id))

    @macro
    def escalatie(plan_id: str) -> str:
        return structures.escalation(site.plan(plan_id))

    @macro
    def adviezen(plan_id: str) -> str:
        return structures.advice_items(site.plan(plan_id), links())

    @macro
    def tijdlijn(plan_id: str | None = None) -> str:
        plans = [site.plan(plan_id)] if plan_id else list(site.plannen)
        what = f"het plan {plans[0].korte_titel}" if plan_id else "alle plannen"
        return overview.timeline(plans, links(), peildatum, f"Tijdlijn van {what} per kwartaal")

    @macro
    def acties_overzicht() -> str:
        return overview.action_overview(site, links(), peildatum)
