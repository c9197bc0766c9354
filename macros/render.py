"""HTML for plan data: tables, badges, progress bars and budget summaries.

Every text that comes from data passes through `esc` or `rich_text` before it
reaches the page. Tables carry a caption and header cells with scope, so
screen readers can announce row and column for every cell.
"""
from __future__ import annotations

import datetime as _dt
import re

from . import action_state as st
from . import model as m
from .checks import budget_differences
from .dutch import MAANDEN, datum
from .html_tables import label_cells
from .html_text import esc, rich_text
from .locations import Links, action_anchor
from .plan_refs import advice_links, document_of, document_text, recommendation_links
from .render_budget import money_summary, part_budget
from .structure_words import part_label, part_title
from .render_status import (STATUS_LABEL, plan_as_source, progress_bar, progress_of, progress_sentence,
                            sources_sentence, state_badge, status_badge)

PLAN_STATUS_LABEL = {"concept": "Concept", "vastgesteld": "Vastgesteld", "in-uitvoering": "In uitvoering",
                     "afgerond": "Afgerond", "ingetrokken": "Ingetrokken"}
PLAN_STATUS_NOT_STATED = "Niet vermeld in het plan"
RACI_LABEL = {"R": "voert uit", "A": "eindverantwoordelijk", "S": "ondersteunt", "C": "wordt geraadpleegd",
              "I": "wordt geïnformeerd"}


_BLOCK_END = re.compile(r"(</(?:td|th|tr|caption|thead|tbody|tfoot|table|dt|dd|dl|li|ul|p|figcaption|title|text)>)(?=<)")


_TABLE = re.compile(r'<table class="pva-table[^"]*"><caption>(.*?)</caption>.*?</table>', re.S)


def finish(html_text: str) -> str:
    """Last touches for every macro's output.

    Wide tables scroll inside their own focusable region instead of widening
    the page on a phone, and each cell, item and caption ends with a line
    break so the search index does not glue the words of adjacent cells. Body
    cells carry their column name, for the stacked view on a phone.
    """
    wrapped = _TABLE.sub(
        lambda m: f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table pva-scroll" role="region" '
                  f'tabindex="0" aria-label="{m[1]}">{m[0]}</div></div>', label_cells(html_text))
    return _BLOCK_END.sub("\\1\n", wrapped)


def table(caption: str, columns, rows, foot: str = "", css: str = "") -> str:
    """A data table with a caption and column headers; rows are ready-made <tr> strings with a row header."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    foot = f"<tfoot>{foot}</tfoot>" if foot else ""
    return (f'<table class="pva-table{" " + css if css else ""}"><caption>{esc(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>{foot}</table>')


def md_text(text: str) -> str:
    """Plain data text for a Markdown heading: escaped for HTML and Markdown alike."""
    escaped = esc(text)
    for char in "\\`*_[]#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def plan_status_label(plan: m.Plan) -> str:
    """The plan's status as its documents state it, or that they state none: never a status they do not give."""
    return PLAN_STATUS_LABEL[plan.status] if plan.status else PLAN_STATUS_NOT_STATED


# --- progress ------------------------------------------------------------------

def progress_summary(plan: m.Plan, peildatum: _dt.date, part: m.Part | None = None) -> str:
    actions = plan.acties_van(part.id) if part else plan.acties
    label = f"Voortgang {part_label(plan, part)}" if part else f"Voortgang van het plan {plan.korte_titel}"
    return progress_bar(progress_of(plan, actions, peildatum), label)


def progress_table(plan: m.Plan, links: Links, peildatum: _dt.date) -> str:
    """Progress per part and for the whole plan, counts per current status."""
    total = progress_of(plan, plan.acties, peildatum)
    statuses = [s for s, _ in total.per_status] or ["gepland"]
    head = "".join(f'<th scope="col">{esc(STATUS_LABEL[s])}</th>' for s in statuses)
    rows = []
    for part in plan.onderdelen:
        p = progress_of(plan, plan.acties_van(part.id), peildatum)
        cells = "".join(f"<td>{p.aantal(s)}</td>" for s in statuses)
        rows.append(f'<tr><th scope="row"><a href="{esc(links.part(plan, part.id))}">{esc(part_title(plan, part))}'
                    f'</a></th>{cells}<td>{p.totaal}</td></tr>')
    cells = "".join(f"<td>{total.aantal(s)}</td>" for s in statuses)
    return (f'<table class="pva-table"><caption>Voortgang per {esc(plan.onderdeel_soort)}: aantal acties per status. '
            f'{esc(sources_sentence(total))}</caption><thead><tr><th scope="col">{esc(plan.onderdeel_soort.capitalize())}'
            f'</th>{head}<th scope="col">Totaal</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><th scope="row">Hele plan</th>{cells}<td>{total.totaal}</td></tr></tfoot></table>')


# --- actions ---------------------------------------------------------------

def phase_text(plan: m.Plan, phase_id: str) -> str:
    phase = next(p for p in plan.planning.fasen if p.id == phase_id)
    span = f"{phase.van} tot en met {phase.tot}" if phase.van and phase.tot and phase.van != phase.tot \
        else str(phase.van or phase.tot or "")
    return f"{phase.naam} van het plan" + (f" ({span})" if span else "")


def planning_text(planning: m.Planning | None, plan: m.Plan | None = None) -> str:
    if planning is None:
        return "Niet genoemd in het plan"
    if planning.fase and plan is not None:
        return f"Geen eigen datum; valt in {phase_text(plan, planning.fase)}"
    text = planning.tekst or dated_text(planning)  # the plan's own words first: "voor de zomer van 2014", "Q4"
    if planning.herhaling:
        if not (planning.tekst and planning.herhaling.lower() in planning.tekst.lower()):
            text = f"{text}, {planning.herhaling}" if text else planning.herhaling
        text += " (terugkerende actie)"
    return text[0].upper() + text[1:] if text else "Niet genoemd in het plan"


def dated_text(planning: m.Planning) -> str:
    """The planning as far as the site can date it; for a recurring action the start is its first time."""
    parts = []
    if planning.start and planning.eind:
        parts.append(f"{planning.start} tot en met {planning.eind}")
    elif planning.start:
        parts.append(str(planning.start) if planning.herhaling else f"vanaf {planning.start}")
    elif planning.eind:
        parts.append(f"uiterlijk {planning.eind}")
    if planning.doorlopend:
        parts.append("doorlopend")
    return ", ".join(parts)


def planning_note(planning: m.Planning | None) -> str:
    """What the site does with a planning in the plan's words: the dates it uses, or that it has none."""
    if planning is None or planning.fase:
        return ""
    notes, dated = [], dated_text(planning)
    if planning.tekst and dated:
        notes.append(f"Datum voor de tijdlijn: {dated}.")
    elif planning.tekst and not planning.stappen:
        notes.append("Het plan noemt hier geen datum. De site zet de actie daarom niet op de tijdlijn en noemt haar "
                     "nooit te laat.")
    if planning.herhaling:
        notes.append("Een terugkerende actie is nooit te laat omdat een eerste keer voorbij is.")
    return " ".join(notes)


def actor_name(plan: m.Plan, actor_id: str | None) -> str:
    if not actor_id:
        return "Niet genoemd in het plan"
    actor = plan.actor(actor_id)
    return actor.naam + (f" ({actor.afkorting})" if actor.afkorting else "")


def lead_text(plan: m.Plan, action: m.Action) -> str:
    """Who leads the action, as the plan says: a trekker, several actors together without one, or no one named."""
    if action.trekker or not action.samen:
        return actor_name(plan, action.trekker)
    names = [actor_name(plan, a) for a in action.samen]
    return f"{', '.join(names[:-1])} en {names[-1]}, samen; het plan noemt geen trekker"


def planned_end_text(plan: m.Plan, action: m.Action, state: st.ActionState) -> str:
    """The planning as adopted, with any re-planning a report gives after it."""
    text = planning_text(action.planning, plan)
    for report, replanning in state.herplanningen:
        text += f"; herpland naar {replanning.eind} ({report.titel}, stand {datum(report.peildatum)})"
    return text


def actions_table(plan: m.Plan, actions, links: Links, caption: str, peildatum: _dt.date) -> str:
    rows = []
    for a in actions:
        state = st.state(plan, a, peildatum)
        rows.append(
            f'<tr><th scope="row"><a href="{esc(links.action(plan, a))}">{esc(a.id)}</a></th>'
            f"<td>{esc(a.titel)}</td><td>{esc(lead_text(plan, a))}</td>"
            f"<td>{esc(planned_end_text(plan, a, state))}</td><td>{state_badge(plan, state)}</td></tr>"
        )
    return (f'<table class="pva-table pva-actions pva-wide"><caption>{esc(caption)}</caption><thead><tr>'
            '<th scope="col">Actie</th><th scope="col">Wat</th><th scope="col">Trekker</th>'
            '<th scope="col">Planning</th><th scope="col">Status</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _action_refs(plan: m.Plan, ids, links: Links, peildatum: _dt.date, site: m.Site | None = None) -> str:
    """Links to actions of this plan, to actions of other plans ('plan/actie') or to a whole plan ('plan/')."""
    items = []
    for ref in ids:
        target_plan, action_id = plan, ref
        if "/" in ref:
            plan_id, _, action_id = ref.partition("/")
            target_plan = site.plan(plan_id)
        if not action_id:
            items.append(f'<li><a href="{esc(links.plan(target_plan))}">Plan: {esc(target_plan.titel)}</a></li>')
            continue
        other = target_plan.actie(action_id)
        prefix = f"{target_plan.korte_titel}, actie " if target_plan is not plan else ""
        items.append(f'<li><a href="{esc(links.action(target_plan, other))}">{esc(prefix)}{esc(other.id)} '
                     f'{esc(other.titel)}</a> {state_badge(target_plan, st.state(target_plan, other, peildatum))}</li>')
    return f'<ul>{"".join(items)}</ul>'


def plan_status_note(plan: m.Plan, action: m.Action) -> str:
    """Why the plan gives the status it gives: the plan's own words, or that it names the action as an intention."""
    if action.status_citaten:
        quoted = " en ".join(f"‘{q}’" for q in action.status_citaten)
        text = f"{STATUS_LABEL[action.status]} volgens {plan_as_source(plan)}, dat zegt: {quoted}."
    elif action.status == "gepland":
        text = f"{plan_as_source(plan).capitalize()} noemt deze actie als voornemen; het zegt niet dat ze al loopt."
    else:
        text = f"{STATUS_LABEL[action.status]} volgens {plan_as_source(plan)}."
    if action.status_toelichting:
        text += f" {action.status_toelichting}"
    return text


def action_history(plan: m.Plan, action: m.Action, peildatum: _dt.date) -> str:
    """How the action moved, oldest first: what the plan said, then what every report up to the peildatum said.

    Empty when no report mentions the action: the plan's status is then the whole story, and the facts say so.
    """
    mentions = [(r, e) for r in st.reports_until(plan, peildatum) if (e := r.over(action.id))]
    if not mentions:
        return ""
    plan_source = "Het plan: " + ", ".join(x for x in (plan.titel, plan.nummer) if x)
    rows = [f'<tr><th scope="row">{esc(plan.datum) if plan.datum else "Datum niet vermeld in het plan"}</th>'
            f"<td>{esc(plan_source)}</td><td>{status_badge(action.status)}</td>"
            f"<td>{esc(plan_status_note(plan, action))}</td><td>{esc(planning_text(action.planning, plan))}</td></tr>"]
    for report, entry in mentions:
        source = esc(source_label(report.bron))
        if report.bron.link:
            source = f'<a href="{esc(report.bron.link)}">{source}</a>'
        replanning = entry.herplanning
        rows.append(f'<tr><th scope="row">{esc(datum(report.peildatum))}</th><td>{esc(report.titel)} ({source})</td>'
                    f"<td>{status_badge(entry.status)}"  # the progress only where the report gives it
                    f"{f', voortgang {entry.voortgang}%' if entry.voortgang is not None else ''}</td>"
                    f"<td>{esc(entry.toelichting)}</td>"
                    f"<td>{esc(f'Herpland naar {replanning.eind}. Reden: {replanning.reden}') if replanning else ''}</td>"
                    "</tr>")
    return table(f"Geschiedenis van actie {action.id}, oudste eerst: wat het plan zei en wat elke rapportage zei",
                 ("Stand", "Bron", "Status", "Toelichting", "Planning"), rows, css="pva-history")


def action_details(plan: m.Plan, action: m.Action, links: Links, site: m.Site | None,
                   peildatum: _dt.date) -> str:
    """One action in full: a Markdown heading (so it is in the page outline), its facts and its history."""
    state = st.state(plan, action, peildatum)
    status = state_badge(plan, state, long=True)
    if state.report is not None:
        status += f' <span class="pva-note">{esc(state.toelichting)} (bron: {esc(source_label(state.report.bron))})</span>'
    history = action_history(plan, action, peildatum)
    facts = [
        ("Status", status),
        ("Trekker", esc(lead_text(plan, action))),
        ("Planning", esc(planned_end_text(plan, action, state)) + (
            f' <span class="pva-note">{esc(note)}</span>' if (note := planning_note(action.planning)) else "")),
    ]
    if not history:  # no report mentions the action: what the plan says is all there is
        facts.insert(1, ("Volgens het plan", f'<span class="pva-note">{esc(plan_status_note(plan, action))}</span>'))
    goal = plan.onderdeel(action.onderdeel).doel_met_id(action.doel) if action.doel else None
    if goal:
        facts.insert(1 if history else 2, ("Doel", esc(f"{goal.id}: {goal.titel}")))
    if state.voortgang is not None:
        facts.append(("Voortgang", f"{state.voortgang}% (stand {esc(datum(state.report.peildatum))}, "
                                   f"{esc(state.report.titel)})"))
    if action.raci:
        roles = "".join(f"<li>{esc(actor_name(plan, actor))}: {esc(', '.join(RACI_LABEL[c] for c in letters))} "
                        f"({esc(letters)})</li>" for actor, letters in action.raci)
        facts.append(("Rollen (RACI)", f"<ul>{roles}</ul>"))
    if action.planning and action.planning.stappen:
        steps = "".join(f"<li>{esc(s.datum)}: {esc(s.omschrijving)}</li>" for s in action.planning.stappen)
        facts.append(("Stappen", f"<ul>{steps}</ul>"))
    if action.randvoorwaarde_voor:
        facts.append(("Nodig voor", _action_refs(plan, action.randvoorwaarde_voor, links, peildatum)))
    needs = plan.wacht_op(action.id)
    if needs:
        facts.append(("Wacht op", _action_refs(plan, needs, links, peildatum)))
    if action.zie_ook:
        facts.append(("Zie ook", _action_refs(plan, action.zie_ook, links, peildatum, site)))
    pointing_here = site.genoemd_in(plan.id, action.id) if site else ()
    if pointing_here:
        facts.append(("Genoemd in", "<ul>" + "".join(
            f'<li><a href="{esc(links.action(p, a))}">{esc(p.korte_titel)}, actie {esc(a.id)} {esc(a.titel)}</a></li>'
            for p, a in pointing_here) + "</ul>"))
    if document := document_of(plan, action):
        facts.append(("Uit het stuk", esc(document_text(document))))
    if recommendations := plan.aanbevelingen_bij(action.id):
        facts.append(("Aanbevelingen", recommendation_links(plan, recommendations, links)))
    if advice := plan.adviezen_bij(action.id):
        facts.append(("Advies en inbreng", advice_links(plan, advice, links)))
    if promised := plan.toezeggingen_bij(action.id):
        facts.append(("Toegezegd in het antwoord op", advice_links(plan, promised, links)))
    dl = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    heading = f"### Actie {md_text(action.id)}: {md_text(action.titel)} {{#{action_anchor(action.id)}}}"
    body = rich_text(action.tekst) or "<p><em>Het plan geeft bij deze actie alleen de titel.</em></p>"
    return (f'{heading}\n\n<dl class="pva-facts">{dl}</dl>\n\n' + (f"{history}\n\n" if history else "") +
            f'<div class="pva-source-text"><p class="pva-label">Tekst uit het plan</p>{body}</div>\n')


def raci_matrix(plan: m.Plan, actions, links: Links, caption: str) -> str:
    actions = [a for a in actions if a.raci]
    if not actions:
        return "<p>Het plan noemt bij deze acties geen rollen.</p>"
    used = {actor for a in actions for actor, _ in a.raci}
    actors = [a for a in plan.actoren if a.id in used]
    head = "".join(f'<th scope="col">{esc(a.afkorting or a.naam)}</th>' for a in actors)
    rows = []
    for action in actions:
        roles = dict(action.raci)
        cells = "".join(
            f'<td><abbr title="{esc(", ".join(RACI_LABEL[c] for c in roles[a.id]))}">{esc(roles[a.id])}</abbr></td>'
            if a.id in roles else '<td class="pva-leeg"><span aria-hidden="true">–</span><span class="pva-sr">geen rol</span></td>'
            for a in actors
        )
        rows.append(f'<tr><th scope="row"><a href="{esc(links.action(plan, action))}">{esc(action.id)}</a> '
                    f'{esc(action.titel)}</th>{cells}</tr>')
    legend = "; ".join(f"<strong>{k}</strong> = {v}" for k, v in RACI_LABEL.items())
    return (f'<table class="pva-table pva-raci pva-wide"><caption>{esc(caption)}</caption><thead><tr>'
            f'<th scope="col">Actie</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f'<p class="pva-legend">{legend}. Alleen rollen die de tekst van het plan noemt.</p>')


# --- plan facts ----------------------------------------------------------------

def plan_facts(plan: m.Plan, peildatum: _dt.date, more=()) -> str:
    """The plan's own facts, then more (label, HTML) pairs, such as the link to its open data."""
    facts = [("Titel", esc(plan.titel))]
    if plan.gemeente:
        facts.append(("Gemeente", esc(plan.gemeente)))
    if plan.nummer:
        facts.append(("Nummer", esc(plan.nummer)))
    if plan.datum:
        facts.append(("Datum", esc(plan.datum)))
    if plan.portefeuillehouder:
        facts.append(("Portefeuillehouder", esc(plan.portefeuillehouder)))
    if plan.bestuurder:
        facts.append(("Bestuurder", esc(plan.bestuurder)))
    if plan.team:
        facts.append(("Team", esc(plan.team)))
    status = esc(plan_status_label(plan))
    if plan.historisch:
        status += " (geschiedenis)"
    if plan.status_toelichting:
        status += f' <span class="pva-note">{esc(plan.status_toelichting)}</span>'
    facts.append(("Status", status))
    if plan.rapportage:
        facts.append(("Rapportage volgens het plan", esc(plan.rapportage)))
    facts.append(("Voortgang bekend tot", esc(reporting_text(plan, peildatum))))
    facts += more
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return f'<dl class="pva-facts">{dl}</dl>'


def reporting_text(plan: m.Plan, peildatum: _dt.date) -> str:
    """The latest report, and when the plan's own cadence says the next one was due: neutral, never a verdict."""
    if plan.historisch:
        status = PLAN_STATUS_LABEL[plan.status].lower() if plan.status else "een plan"
        when = f" uit {plan.datum}" if plan.datum else ""
        return (f"Dit plan is geschiedenis: {status}{when}. Deze site heeft geen informatie over wat er daarna met "
                "het plan gebeurde.")
    rhythm = st.rhythm(plan, peildatum)
    if rhythm.laatste:
        text = (f"Laatste voortgangsrapportage: {rhythm.laatste.titel}, stand {datum(rhythm.laatste.peildatum)} "
                f"(bron: {source_label(rhythm.laatste.bron)}).")
    else:
        text = f"Er is op deze site nog geen voortgangsrapportage verwerkt. De stand is die van {plan_as_source(plan)}."
    if rhythm.volgende:
        text += (f" Volgens het plan wordt de voortgang {rhythm.per_jaar} keer per jaar besproken. Daarom werd een "
                 f"volgende rapportage verwacht rond {MAANDEN[rhythm.volgende.month - 1]} {rhythm.volgende.year}.")
        if rhythm.verwacht_voorbij(peildatum):
            text += f" Op {datum(peildatum)} is op deze site geen nieuwere rapportage verwerkt."
    return text


def source_label(source: m.Source) -> str:
    return ", ".join(x for x in (source.titel, source.nummer, str(source.datum) if source.datum else None) if x)


def reports_list(plan: m.Plan, links: Links, peildatum: _dt.date) -> str:
    """Every progress report of the plan, newest first, with the actions it speaks about."""
    reports = st.reports_until(plan, peildatum)
    if not reports:
        return f"<p>{esc(reporting_text(plan, peildatum))}</p>"
    items = []
    for report in reversed(reports):
        title = esc(source_label(report.bron))
        if report.bron.link:
            title = f'<a href="{esc(report.bron.link)}">{title}</a>'
        actions = "".join(
            f'<li><a href="{esc(links.action(plan, plan.actie(e.actie)))}">{esc(e.actie)}</a>: '
            f"{status_badge(e.status)} {esc(e.toelichting)}</li>" for e in report.acties)
        items.append(f"<li><strong>{esc(report.titel)}</strong>, stand {esc(datum(report.peildatum))}. Bron: {title}. "
                     f"Over {len(report.acties)} {'actie' if len(report.acties) == 1 else 'acties'}:<ul>{actions}</ul></li>")
    return f'<p>{esc(reporting_text(plan, peildatum))}</p><ul class="pva-reports">{"".join(items)}</ul>'


def source_details(source: m.Source) -> str:
    """' (author, number, date)' with only what the source states, or '' when it states none of them."""
    known = ", ".join(esc(x) for x in (source.auteur, source.nummer, str(source.datum) if source.datum else None) if x)
    return f" ({known})" if known else ""


def source_list(sources) -> str:
    items = []
    for s in sources:
        title = esc(s.titel)
        if s.link:
            title = f'<a href="{esc(s.link)}">{title}</a>'
        items.append(f"<li>{title}{source_details(s)}</li>")
    return f'<ul class="pva-sources">{"".join(items)}</ul>'


def parts_table(plan: m.Plan, links: Links, peildatum: _dt.date) -> str:
    rows = []
    for part in plan.onderdelen:
        theme = plan.thema(part.thema)
        p = progress_of(plan, plan.acties_van(part.id), peildatum)
        rows.append(f'<tr><th scope="row"><a href="{esc(links.part(plan, part.id))}">{esc(part_label(plan, part))}</a></th>'
                    f'<td>{esc(part.titel)}</td><td>{esc(theme.titel if theme else "")}</td>'
                    f'<td>{esc(progress_sentence(p))}</td></tr>')
    soort = plan.onderdeel_soort
    total = progress_of(plan, plan.acties, peildatum)
    return (f'<table class="pva-table"><caption>Alle {esc(plan.onderdeel_meervoud)} van het plan met hun acties. '
            f'{esc(sources_sentence(total))}</caption><thead><tr>'
            f'<th scope="col">{esc(soort.capitalize())}</th><th scope="col">Wat</th><th scope="col">Thema</th>'
            f'<th scope="col">Acties</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


# --- whole pages -----------------------------------------------------------------

def part_page(plan: m.Plan, part: m.Part, links: Links, site: m.Site | None, peildatum: _dt.date) -> str:
    """Everything about one aanbeveling/actielijn: doel, progress, actions in full, roles, money."""
    facts = [("Wat", esc(part.titel))]
    if part.doel:
        facts.append(("Doel", esc(part.doel)))
    theme = plan.thema(part.thema)
    if theme:
        facts.append(("Thema", esc(theme.titel)))
    source = plan.bron(part.bron)
    if source:
        facts.append(("Bron", esc(source.titel) + source_details(source)))
    if document := document_of(plan, part):
        facts.append(("Uit het stuk", esc(document_text(document))))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    actions = plan.acties_van(part.id)
    out = [f'<dl class="pva-facts">{dl}</dl>']
    if part.inleiding:  # the plan's own reasoning for this part, in its words
        out += ["## Wat het plan hierover zegt", f'<div class="pva-intro">{rich_text(part.inleiding)}</div>']
    out += ["## Hoe ver zijn de acties?", progress_summary(plan, peildatum, part)]
    out += goals_and_actions(plan, part, links, peildatum) if part.doelen else \
        ["## Acties", actions_table(plan, actions, links, f"Acties bij {part_title(plan, part)}", peildatum)]
    out += [action_details(plan, a, links, site, peildatum) for a in actions]
    out += ["## Wie doet wat?", raci_matrix(plan, actions, links, f"Rollen per actie (RACI) bij {part_label(plan, part)}"),
            "## Geld", part_budget(plan, part_label(plan, part), part.id)]
    return "\n\n".join(out) + "\n"


def goals_and_actions(plan: m.Plan, part: m.Part, links: Links, peildatum: _dt.date) -> list[str]:
    """A part organised as doel -> acties: per doel its planning, its progress and its actions."""
    out = ["## Doelen en acties"]
    for goal in part.doelen:
        actions = tuple(a for a in plan.acties_van(part.id) if a.doel == goal.id)
        out += [f"### Doel {esc(goal.id)}: {esc(goal.titel)}",
                f"<p>Planning van dit doel: {esc(planning_text(goal.planning))}.</p>",
                progress_bar(progress_of(plan, actions, peildatum), f"Voortgang doel {goal.id}") if actions else
                "<p>Het plan noemt bij dit doel geen acties.</p>"]
        if actions:
            out.append(actions_table(plan, actions, links, f"Acties bij doel {goal.id}: {goal.titel}", peildatum))
    loose = tuple(a for a in plan.acties_van(part.id) if not a.doel)
    if loose:
        out += ["### Acties zonder doel",
                actions_table(plan, loose, links, f"Acties bij {part_title(plan, part)} zonder doel", peildatum)]
    return out


def plan_card(plan: m.Plan, links: Links, peildatum: _dt.date, level: int = 3) -> str:
    url = links.plan(plan)
    meta = ", ".join(x for x in (plan.nummer, str(plan.datum) if plan.datum else None) if x)
    late = len(st.late_actions(plan, peildatum))
    money = money_summary(plan)
    if money and budget_differences(plan):
        money = (f"<p>{esc(money)} De stukken noemen verschillende bedragen: "
                 f'<a href="{esc(links.plan(plan, "begroting"))}#verschillen-in-de-bronnen">zie de verschillen</a>.</p>')
    elif money:
        money = f"<p>{esc(money)}</p>"
    status = (esc(f"Status: {PLAN_STATUS_NOT_STATED.lower()}") if plan.status is None
              else esc(PLAN_STATUS_LABEL[plan.status])) + (" (geschiedenis)" if plan.historisch else "")
    return (f'<section class="pva-card" aria-labelledby="plan-{esc(plan.id)}">'
            f'<h{level} id="plan-{esc(plan.id)}"><a href="{esc(url)}">{esc(plan.titel)}'
            + (f" ({esc(plan.datum.jaar)})" if plan.historisch and plan.datum else "") + f"</a></h{level}>"
            f"<p>{status}" + (f" · {esc(meta)}" if meta else "") + "</p>"
            + (f'<p class="pva-card__kort">{esc(plan.samenvatting)}</p>' if plan.samenvatting else "")
            + progress_summary(plan, peildatum) + money
            + (f"<p>{late} {'actie is' if late == 1 else 'acties zijn'} te laat volgens de laatste rapportage.</p>"
               if late else "")
            + f'<p class="pva-stand">{esc(reporting_text(plan, peildatum))}</p>'
            + "</section>")


def plans_overview(plans, links: Links, peildatum: _dt.date, site_gemeente: str | None = None) -> str:
    """Current plans first; historical plans apart, in an archive, each with its year. Plans of more than one
    municipality are grouped per municipality; a plan that names none belongs to the site's."""
    def cards(group) -> str:
        by_gemeente: dict[str, list[m.Plan]] = {}
        for plan in group:
            by_gemeente.setdefault(plan.gemeente or site_gemeente or "", []).append(plan)
        if len(by_gemeente) < 2:
            return "\n".join(plan_card(p, links, peildatum) for p in group)
        return "\n\n".join(f"### Gemeente {esc(gemeente) if gemeente else 'niet vermeld'}\n\n"
                           + "\n".join(plan_card(p, links, peildatum, level=4) for p in plans_of)
                           for gemeente, plans_of in sorted(by_gemeente.items()))

    current = [p for p in plans if not p.historisch]
    history = [p for p in plans if p.historisch]
    out = cards(current) or "<p>Er zijn geen lopende plannen.</p>"
    if history:
        out += ("\n\n## Archief: oude plannen\n\n<p>Deze plannen zijn geschiedenis. De site toont ze zoals ze zijn "
                "geschreven. Over wat er daarna gebeurde, heeft de site geen informatie.</p>\n\n" + cards(history))
    return out + "\n"
