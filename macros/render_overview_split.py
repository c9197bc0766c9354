"""The site-wide overview and timeline when the site has too many actions for one page (issue 12).

Above extra.overzicht.max_acties_per_pagina (macros/overview_split.py) "Alle acties van alle plannen" is one row
per plan: its actions counted per status, late and without recent information on the peildatum, each count a
link to the plan's own table of all actions with the filter preset (acties.html?status=gestart, ?laat=ja; read
by docs/javascripts/filters.js). "Tijdlijn van alle plannen" is one bar per plan, from its first action's
start to its last action's end, linking to the plan's timeline with a bar per action. Without JavaScript a link
opens the plan's whole table, which says its counts in words: every action is two clicks from the overview.
"""
from __future__ import annotations

import datetime as _dt

from . import action_state as st
from . import model as m
from .dutch import datum
from .html_text import esc
from .locations import Links
from .overview_split import PlanOverviewPages
from .render_overview import (LATE_TEXT, Bar, action_bars, chart_id, filter_table, gantt, overview_legend,
                              plan_label, plan_timeline_caption)
from .render_status import STATUS_LABEL, progress_of
from .structure_words import part_title


def _n(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def _quarter(d: _dt.date) -> str:
    return f"{(d.month - 1) // 3 + 1}e kwartaal {d.year}"


def _why(site: m.Site, maximum: int, what: str) -> str:
    total = sum(len(plan.acties) for plan in site.plannen)
    return (f"De {_n(len(site.plannen), 'plan heeft', 'plannen hebben')} samen {_n(total, 'actie', 'acties')}. "
            f"Dat zijn er te veel voor {what}: deze site zet er hoogstens {maximum} op één pagina.")


def _pages(pages: dict[str, PlanOverviewPages], plan: m.Plan) -> PlanOverviewPages:
    return pages.get(plan.id) or PlanOverviewPages(None, None)


def _table_link(links: Links, plan: m.Plan, pages: PlanOverviewPages) -> str:
    """The plan's table of all actions; the plan's front page (its parts, each with its actions) if it has none."""
    return links.to(pages.acties) if pages.acties else links.plan(plan)


def _timeline_link(links: Links, plan: m.Plan, pages: PlanOverviewPages, has_chart: bool) -> str:
    if not pages.tijdlijn:
        return _table_link(links, plan, pages)
    return links.to(pages.tijdlijn, chart_id(plan_timeline_caption(plan)) if has_chart else None)


def _count_link(href: str, count: int, hidden_words: str) -> str:
    """A count that opens the plan's table with a filter; the words after it are for screen readers."""
    if not count:
        return "0"
    return f'<a href="{esc(href)}">{count}<span class="pva-sr"> {esc(hidden_words)}</span></a>'


def plans_actions(site: m.Site, pages: dict[str, PlanOverviewPages], links: Links, peildatum: _dt.date,
                  maximum: int) -> str:
    """One row per plan: its actions per status, late and without recent information, each linked."""
    progress = {plan.id: progress_of(plan, plan.acties, peildatum) for plan in site.plannen}
    statuses = [s for s in m.STATUSES if any(p.aantal(s) for p in progress.values())]
    rows = []
    for plan in site.plannen:
        p, own, label = progress[plan.id], _pages(pages, plan), plan_label(plan)
        table = _table_link(links, plan, own)
        cells = [f'<th scope="row"><a href="{esc(links.plan(plan))}">{esc(label)}</a></th>',
                 f'<td>{_count_link(table, p.totaal, ("actie" if p.totaal == 1 else "acties") + " van " + label)}</td>']
        cells += [f'<td>{_count_link(f"{table}?status={s}", p.aantal(s), f"{STATUS_LABEL[s].lower()} in {label}")}'
                  '</td>' for s in statuses]
        cells += [f'<td>{_count_link(f"{table}?laat=ja", p.te_laat, f"te laat in {label}")}</td>',
                  f'<td>{p.geen_recente_informatie}</td>',
                  f'<td><a href="{esc(_timeline_link(links, plan, own, bool(action_bars([plan], links, peildatum))))}">'
                  f'Tijdlijn<span class="pva-sr"> van {esc(label)}</span></a></td>']
        rows.append(f'<tr>{"".join(cells)}</tr>')
    total = [f'<th scope="row">Alle plannen</th><td>{sum(p.totaal for p in progress.values())}</td>']
    total += [f'<td>{sum(p.aantal(s) for p in progress.values())}</td>' for s in statuses]
    total += [f'<td>{sum(p.te_laat for p in progress.values())}</td>',
              f'<td>{sum(p.geen_recente_informatie for p in progress.values())}</td><td></td>']
    head = "".join(f'<th scope="col">{esc(STATUS_LABEL[s])}</th>' for s in statuses)
    intro = (f'<p>{esc(_why(site, maximum, "één tabel"))} Daarom staat hier per plan hoeveel acties er zijn en '
             f'hoe ver ze zijn, op de peildatum {esc(datum(peildatum))}. Klik op een aantal: u gaat naar de tabel '
             'met alle acties van dat plan. Daar ziet u meteen alleen de acties waarop u klikte, en kunt u verder '
             'kiezen op thema, status, trekker en te laat. Werkt JavaScript niet in uw browser, dan ziet u daar '
             'alle acties van het plan, elk met zijn status.</p>')
    table = (f'<table class="pva-table pva-wide pva-plan-counts"><caption>Acties per plan</caption><thead><tr>'
             f'<th scope="col">Plan</th><th scope="col">Acties</th>{head}<th scope="col">Te laat</th>'
             '<th scope="col">Geen recente informatie</th><th scope="col">Tijdlijn</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody><tfoot><tr>{"".join(total)}</tr></tfoot></table>')
    legend = (f'<p class="pva-legend">Peildatum: {esc(datum(peildatum))}. De site telt de acties uit de gegevens van '
              'elk plan: de status uit het plan of uit de laatste voortgangsrapportage tot de peildatum. Bij elke '
              f'actie in de tabel van het plan staat van wanneer die status is en uit welke bron. {LATE_TEXT}</p>')
    return intro + table + legend


def plan_actions(plan: m.Plan, links: Links, peildatum: _dt.date, caption: str, maximum: int) -> str:
    """The table of all actions of one plan, with the filter form and its counts in words (for a reader without
    JavaScript who followed a link like '3 te laat'). A plan larger than a page lists its part pages too."""
    p = progress_of(plan, plan.acties, peildatum)
    counts = ", ".join(f"{n} {STATUS_LABEL[s].lower()}" for s, n in p.per_status)
    late = (f"{'Geen actie is' if not p.te_laat else _n(p.te_laat, 'actie is', 'acties zijn')} volgens een "
            "voortgangsrapportage te laat")
    text = (f'<p class="pva-plan-counts-text">Dit plan heeft {_n(p.totaal, "actie", "acties")}'
            + (f": {counts}" if counts else "") + f". {late} op de peildatum, {esc(datum(peildatum))}."
            + (f" Van {_n(p.geen_recente_informatie, 'actie', 'acties')} is het geplande einde voorbij zonder "
               "recente informatie." if p.geen_recente_informatie else "") + "</p>")
    if len(plan.acties) > maximum:
        parts = "".join(f'<li><a href="{esc(links.part(plan, part.id))}">{esc(part_title(plan, part))}</a> '
                        f'({_n(len(plan.acties_van(part.id)), "actie", "acties")})</li>'
                        for part in sorted(plan.onderdelen, key=lambda part: part.nummer))
        text += (f'<p>Dit plan alleen heeft al meer dan {maximum} acties. Per {esc(plan.onderdeel_meervoud)} '
                 f'staan ze ook op een eigen, kortere pagina:</p><ul>{parts}</ul>')
    return text + filter_table([plan], links, peildatum, caption, with_plan=False) + overview_legend(peildatum)


def plans_timeline(site: m.Site, pages: dict[str, PlanOverviewPages], links: Links, peildatum: _dt.date,
                   caption: str, maximum: int) -> str:
    """One bar per plan with dated actions, from its first start to its last end, each linked to the plan's own
    timeline; the same in a table, with the actions that have no date counted."""
    bars, rows = [], []
    for plan in site.plannen:
        own, label = _pages(pages, plan), plan_label(plan)
        actions = action_bars([plan], links, peildatum)
        states = [st.state(plan, a, peildatum) for a in plan.acties]
        late = sum(1 for s in states if s.timing == st.TE_LAAT)
        unknown = sum(1 for s in states if s.timing == st.GEEN_RECENTE_INFORMATIE)
        href = _timeline_link(links, plan, own, bool(actions))
        undated = len(plan.acties) - len(actions)
        if actions:
            begin, end = min(b.begin for b in actions), max(b.end for b in actions)
            span = f"van het {_quarter(begin)} tot en met het {_quarter(end)}"
            note = (f"{span}; {_n(len(actions), 'actie', 'acties')} op de tijdlijn, {late} te laat"
                    + (f", {unknown} zonder recente informatie" if unknown else ""))
            bars.append(Bar("Eerdere plannen" if plan.historisch else "Lopende plannen", label, href, begin, end,
                            any(b.open_end and b.end == end for b in actions), "pva-tl-bar--fase", note,
                            plan.historisch))
        else:
            span = "geen acties met een datum"
        table = _table_link(links, plan, own)
        rows.append(f'<tr><th scope="row"><a href="{esc(href)}">{esc(label)}</a></th><td>{esc(span)}</td>'
                    f'<td>{len(actions)}</td><td>{undated}</td><td>{late}</td><td>{unknown}</td>'
                    f'<td>{_count_link(table, len(plan.acties), ("actie" if len(plan.acties) == 1 else "acties") + " van " + label)}'
                    '</td></tr>')
    current = [b for b in bars if not b.historical]
    earlier = [b for b in bars if b.historical]
    intro = (f'<p>{esc(_why(site, maximum, "één tijdlijn"))} Daarom is hier elk plan één balk: van het begin van '
             'zijn eerste actie tot het einde van zijn laatste. Klik op een plan voor zijn eigen tijdlijn, met een '
             'balk per actie.</p>')
    charts = gantt(current, caption if not earlier else f"{caption}: lopende plannen", peildatum, "Plan")
    if earlier:
        charts += "\n\n" + gantt(earlier, f"{caption}: eerdere plannen" if current else caption, peildatum, "Plan")
    legend = (f'<p class="pva-legend">Peildatum: {esc(datum(peildatum))}. Een balk telt ook de fasen waarin een '
              'actie zonder eigen datum valt. Een pijl achter een balk: het plan noemt voor zijn laatste actie geen '
              f'einde, of die actie komt terug. {LATE_TEXT}</p>')
    table = (f'<table class="pva-table pva-wide"><caption>{esc(caption)} als tabel</caption><thead><tr>'
             '<th scope="col">Plan</th><th scope="col">Planning van de acties</th>'
             '<th scope="col">Acties op de tijdlijn</th><th scope="col">Acties zonder datum</th>'
             '<th scope="col">Te laat</th><th scope="col">Geen recente informatie</th>'
             f'<th scope="col">Alle acties</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return intro + (charts + "\n\n" if bars else "") + legend + "\n\n" + table
