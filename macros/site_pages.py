"""The macros that page authors call, each a thin wrapper around a renderer."""
from __future__ import annotations

import functools

from . import action_state as st
from . import render
from . import render_budget as budget
from . import render_open_data
from . import render_overview as overview
from . import render_overview_split as overview_split
from . import render_recommendations as recommendations
from . import render_status
from . import render_structures as structures
from .glossary import glossary_page
from .model import Site
from .overview_split import max_actions, split
from .structure_words import part_label, part_title
from .text_limits import LIMITS


def register_pages(env, site: Site, links, peildatum, site_gemeente: str | None = None,
                   open_data=lambda: None, overview_pages=lambda: {}) -> None:
    """open_data: returns this build's open data (open_data.Published), or None when the site publishes none.
    overview_pages: returns each plan's pages with all its actions and its timeline (plan_pages.PlanSite.overview),
    which the site-wide overview and timeline link to when they split per plan (macros/overview_split.py)."""
    def too_many() -> bool:  # read when a page is made, after the settings were checked
        return split(site, env.conf.get("extra"))

    def maximum() -> int:
        return max_actions(env.conf.get("extra"))

    def macro(function):
        @functools.wraps(function)
        def finished_output(*args, **kwargs):
            return render.finish(function(*args, **kwargs))

        return env.macro(finished_output, function.__name__)

    # Macros that show one part of one plan: name -> renderer taking the plan (and the page's links).
    for name, renderer in {
        "organisatie": structures.organisation,
        "organisatie_raci": structures.organisation_raci, "capaciteit": structures.capacity,
        "rapportages": structures.reports, "indicatoren": structures.indicators, "lijsten": structures.all_lists,
        "escalatie": structures.escalation, "documenten": recommendations.documents_table,
    }.items():
        env.macro(lambda plan_id, _r=renderer: render.finish(_r(site.plan(plan_id))), name)
    for name, renderer in {
        "detailplanning": structures.detail_schedule,
    }.items():
        env.macro(lambda plan_id, _r=renderer: render.finish(_r(site.plan(plan_id), links())), name)
    # The same, for renderers that show a status and so need the reference date.
    for name, renderer in {
        "onderdelen_tabel": render.parts_table, "voortgang_tabel": render.progress_table,
        "voortgangsrapportages": render.reports_list, "adviezen": structures.advice_items,
        "aanbevelingen": recommendations.recommendations_page,
    }.items():
        env.macro(lambda plan_id, _r=renderer: render.finish(_r(site.plan(plan_id), links(), peildatum)), name)

    @macro
    def tekstgrenzen() -> str:
        """The editors' guide shows the limits the checks enforce, from the same table."""
        rows = [f'<tr><th scope="row"><code>{render.esc(item.key)}</code></th><td>{render.esc(item.file)}</td>'
                f'<td>{item.most}</td><td>{render.esc(item.why[:1].upper() + item.why[1:])}.</td></tr>'
                for item in LIMITS]
        return render.table("Hoe lang een tekst mag zijn", ("veld", "in", "hoogstens (tekens)", "waarom"), rows)

    @macro
    def plan_gegevens(plan_id: str) -> str:
        plan, published = site.plan(plan_id), open_data()
        more = [render_open_data.plan_fact(plan, published, links())] if published else []
        return render.plan_facts(plan, peildatum, more)

    def _published():
        published = open_data()
        if published is None:
            raise ValueError("deze site maakt geen open data: zet macros/open_data_hooks.py onder hooks in mkdocs.yml")
        return published

    @macro
    def open_data_stand() -> str:
        return render_open_data.about(_published())

    @macro
    def open_data_bestanden() -> str:
        return render_open_data.files_of_all_plans(_published(), links())

    @macro
    def open_data_per_plan() -> str:
        return render_open_data.files_per_plan(site, _published(), links())

    @macro
    def open_data_kolommen() -> str:
        return render_open_data.columns()


    @macro
    def kader(plan_id: str) -> str:
        return render.source_list(site.plan(plan_id).kader)


    @macro
    def voortgang(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        return render.progress_summary(plan, peildatum, plan.onderdeel(onderdeel) if onderdeel else None)


    @macro
    def status_badge(plan_id: str, actie_id: str) -> str:
        plan = site.plan(plan_id)
        return render_status.state_badge(plan, st.state(plan, plan.actie(actie_id), peildatum))

    @macro
    def acties_tabel(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        if onderdeel:
            part = plan.onderdeel(onderdeel)
            return render.actions_table(plan, plan.acties_van(onderdeel), links(),
                                        f"Acties bij {part_title(plan, part)}", peildatum)
        caption = f"Alle acties van het plan {plan.korte_titel}"
        if too_many():  # the site-wide overview links here, with a filter preset
            return overview_split.plan_actions(plan, links(), peildatum, caption, maximum())
        return render.actions_table(plan, plan.acties, links(), caption, peildatum)

    @macro
    def actie(plan_id: str, actie_id: str) -> str:
        plan = site.plan(plan_id)
        return render.action_details(plan, plan.actie(actie_id), links(), site, peildatum)

    @macro
    def raci_matrix(plan_id: str, onderdeel: str | None = None) -> str:
        plan = site.plan(plan_id)
        actions = plan.acties_van(onderdeel) if onderdeel else plan.acties
        where = part_label(plan, plan.onderdeel(onderdeel)) if onderdeel else f"het plan {plan.korte_titel}"
        return render.raci_matrix(plan, actions, links(), f"Rollen per actie (RACI) bij {where}")

    @macro
    def onderdeel_pagina(plan_id: str, onderdeel_id: str) -> str:
        plan = site.plan(plan_id)
        return render.part_page(plan, plan.onderdeel(onderdeel_id), links(), site, peildatum)

    @macro
    def begroting(plan_id: str) -> str:
        return budget.budget_page(site.plan(plan_id), links())

    @macro
    def plannen_overzicht() -> str:
        return render.plans_overview(site.plannen, links(), peildatum, site_gemeente)


    @macro
    def fasen(plan_id: str) -> str:
        plan = site.plan(plan_id)
        return overview.phase_timeline(plan, peildatum) + "\n\n" + structures.phases(plan)


    @macro
    def lijst(plan_id: str, lijst_id: str) -> str:
        return structures.named_list(site.plan(plan_id), lijst_id)


    @macro
    def tijdlijn(plan_id: str | None = None) -> str:
        if plan_id:
            plan = site.plan(plan_id)
            return overview.timeline([plan], links(), peildatum, overview.plan_timeline_caption(plan))
        caption = "Tijdlijn van alle plannen per kwartaal"
        if too_many():
            return overview_split.plans_timeline(site, overview_pages(), links(), peildatum, caption, maximum())
        return overview.timeline(list(site.plannen), links(), peildatum, caption)

    @macro
    def begrippenlijst() -> str:
        return glossary_page(site.begrippen)

    @macro
    def acties_overzicht() -> str:
        if too_many():
            return overview_split.plans_actions(site, overview_pages(), links(), peildatum, maximum())
        return overview.action_overview(site, links(), peildatum)
