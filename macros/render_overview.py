"""Views across plans: the quarter timeline and the filterable list of all actions."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from . import action_state as st
from . import model as m
from . import views
from .dutch import datum
from .html_text import esc
from .locations import Links, slug
from .render import lead_text, planned_end_text
from .render_status import STATUS_LABEL, stand_text, state_badge

QUARTER_W, ROW_H, AXIS_H = 36, 24, 34


@dataclass(frozen=True)
class Bar:
    group: str
    label: str
    href: str
    begin: _dt.date
    end: _dt.date
    open_end: bool
    css: str
    note: str
    historical: bool = False


def _quarter_start(d: _dt.date) -> _dt.date:
    return _dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _next_quarter(d: _dt.date) -> _dt.date:
    return _dt.date(d.year + (d.month == 10), (d.month + 2) % 12 + 1, 1)


def _x(d: _dt.date, first: _dt.date) -> float:
    quarters = (d.year - first.year) * 4 + (d.month - first.month) // 3
    q_start = _quarter_start(d)
    q_len = (_next_quarter(q_start) - q_start).days
    return QUARTER_W * (quarters + (d - q_start).days / q_len)


def _quarters(bars: list[Bar]) -> list[_dt.date]:
    first = _quarter_start(min(b.begin for b in bars))
    last = _next_quarter(_quarter_start(max(b.end for b in bars)))
    quarters = [first]
    while _next_quarter(quarters[-1]) < last:
        quarters.append(_next_quarter(quarters[-1]))
    return quarters


def _grid(quarters: list[_dt.date], top: int, bottom: int) -> str:
    return "".join(f'<line x1="{i * QUARTER_W}" y1="{top}" x2="{i * QUARTER_W}" y2="{bottom}" '
                   f'class="pva-grid{" pva-grid--year" if q.month == 1 else ""}"></line>'
                   for i, q in enumerate(quarters))


def chart_id(caption: str) -> str:
    """The id of a chart's title, for links to the chart."""
    return "tl-" + slug(caption)


def gantt(bars: list[Bar], caption: str, peildatum: _dt.date | None, row_header: str = "Actie") -> str:
    """Bars on a quarter grid, drawn at build time as a table: the action names stay in view while the bars
    scroll sideways, wrap instead of being cut, and each bar is announced with its planning and status."""
    if not bars:
        return ""
    quarters = _quarters(bars)
    width = QUARTER_W * (len(quarters) + 2)  # room after the last quarter for an open end and the peildatum
    today = (_x(peildatum, quarters[0]) if peildatum and quarters[0] <= peildatum < _next_quarter(quarters[-1])
             else None)
    axis = [_grid(quarters, 0, AXIS_H)]
    for i, q in enumerate(quarters):
        axis.append(f'<text x="{(i + 0.5) * QUARTER_W:.1f}" y="{AXIS_H - 6}" text-anchor="middle" '
                    f'class="pva-tl-q">K{(q.month - 1) // 3 + 1}</text>')
        if q.month == 1 or i == 0:
            axis.append(f'<text x="{i * QUARTER_W + 3}" y="13" class="pva-tl-year">{q.year}</text>')
    if today is not None:
        axis.append(f'<line x1="{today:.1f}" y1="16" x2="{today:.1f}" y2="{AXIS_H}" class="pva-tl-today"></line>')
    head = (f'<thead><tr><th scope="col" class="pva-tl__label">{esc(row_header)}</th><th scope="col" class="pva-tl__axis">'
            f'<span class="pva-sr">Planning per kwartaal</span><svg width="{width}" height="{AXIS_H}" '
            f'viewBox="0 0 {width} {AXIS_H}" '
            f'aria-hidden="true" focusable="false">{"".join(axis)}</svg></th></tr></thead>')
    rows, group = [], None
    for bar in bars:
        if bar.group != group:
            if group is not None:
                rows.append("</tbody>")
            group = bar.group
            rows.append(f'<tbody><tr class="pva-tl__group"><td colspan="2"><span>{esc(group)}</span></td></tr>')
        x1, x2 = _x(bar.begin, quarters[0]), _x(bar.end, quarters[0])
        # Lines run past the row (the cell clips them), so the grid stays whole when a long name makes a row taller.
        shapes = [_grid(quarters, -200, ROW_H + 200),
                  f'<rect x="{x1:.1f}" y="4" width="{max(x2 - x1, 4):.1f}" height="{ROW_H - 8}" rx="3" '
                  f'class="pva-tl-bar {esc(bar.css)}"></rect>']
        if bar.open_end:
            shapes.append(f'<text x="{x2 + 4:.1f}" y="17" class="pva-tl-note">→</text>')
        if today is not None:
            shapes.append(f'<line x1="{today:.1f}" y1="-200" x2="{today:.1f}" y2="{ROW_H + 200}" class="pva-tl-today"></line>')
        rows.append(f'<tr><th scope="row" class="pva-tl__label"><a href="{esc(bar.href)}">{esc(bar.label)}</a></th>'
                    f'<td class="pva-tl__bars"><svg width="{width}" height="{ROW_H}" viewBox="0 0 {width} {ROW_H}" '
                    f'role="img" '
                    f'aria-label="{esc(bar.note)}">{"".join(shapes)}</svg></td></tr>')
    rows.append("</tbody>")
    today_note = (f'<p class="pva-tl-peildatum">De rode stippellijn is de peildatum, {esc(datum(peildatum))}.</p>'
                  if today is not None else "")
    title_id = chart_id(caption)
    # The title stands outside the scroll region, so it wraps on a phone instead of scrolling away.
    return (f'<p class="pva-tl-titel" id="{title_id}">{esc(caption)}</p>'
            f'<div class="pva-tl-scroll" role="region" tabindex="0" aria-labelledby="{title_id}">'
            f'<table class="pva-tl" aria-labelledby="{title_id}">{head}{"".join(rows)}</table></div>' + today_note)


TIMING_NOTE = {st.TE_LAAT: "te laat volgens de rapportage",
               st.GEEN_RECENTE_INFORMATIE: "einde voorbij, geen recente informatie",
               st.HISTORISCH: "historisch plan"}


def _phase_span(plan: m.Plan, action: m.Action):
    phase = next(p for p in plan.planning.fasen if p.id == action.planning.fase)
    return (phase.van or phase.tot).begin, (phase.tot or phase.van).einde


def action_bars(plans, links: Links, peildatum: _dt.date) -> list[Bar]:
    """One bar per action with a planning; a phase the action only falls in is drawn as context, never as a deadline."""
    bars = []
    for plan in plans:
        for action in plan.acties:
            state = st.state(plan, action, peildatum)
            if action.planning and action.planning.fase:
                (begin, end), open_end, css = _phase_span(plan, action), False, "pva-tl-bar--fase-context"
            else:
                span = views.span(action)
                if span is None:
                    continue
                begin, end = span
                if state.eind is not None and state.herplanningen:
                    end = max(end, state.eind.einde)
                open_end = action.planning.eind is None and not action.planning.stappen
                if open_end:
                    end = max(end, begin)
                css = {st.TE_LAAT: "pva-tl-bar--te-laat", st.GEEN_RECENTE_INFORMATIE: "pva-tl-bar--onbekend"}.get(
                    state.timing, f"pva-tl-bar--{state.status}")
            note = (f"{planned_end_text(plan, action, state)}; {STATUS_LABEL[state.status].lower()}, "
                    f"{stand_text(plan, state)}" + (f"; {TIMING_NOTE[state.timing]}" if state.timing in TIMING_NOTE else ""))
            bars.append(Bar(plan_label(plan),
                            f"{action.id} {action.titel}", links.action(plan, action), begin, end, open_end, css, note,
                            plan.historisch))
    return bars


def plan_timeline_caption(plan: m.Plan) -> str:
    return f"Tijdlijn van het plan {plan.korte_titel} per kwartaal"


def timeline(plans, links: Links, peildatum: _dt.date, caption: str) -> str:
    """Current plans first, on their own time axis; historical plans below, so the chart opens at today's work."""
    bars = action_bars(plans, links, peildatum)
    current = [b for b in bars if not b.historical]
    earlier = [b for b in bars if b.historical]
    placed = {b.href for b in bars}
    without = [(p, a) for p in plans for a in p.acties if links.action(p, a) not in placed]
    rows = "".join(
        f'<tr><th scope="row"><a href="{esc(b.href)}">{esc(b.label)}</a></th><td>{esc(b.group)}</td>'
        f'<td>{esc(b.note)}</td></tr>' for b in bars)
    table = (f'<table class="pva-table pva-wide"><caption>{esc(caption)} als tabel</caption><thead><tr>'
             f'<th scope="col">Actie</th><th scope="col">Plan</th><th scope="col">Planning en status</th></tr></thead>'
             f'<tbody>{rows}</tbody></table>') if bars else ""
    missing = undated_table(without, links, peildatum, sum(len(p.acties) for p in plans))
    if not bars:
        return missing or "<p>Geen acties met een planning.</p>"
    charts = gantt(current, caption if not earlier else f"{caption}: lopende plannen", peildatum)
    if earlier:
        charts += "\n\n" + gantt(earlier, f"{caption}: eerdere plannen" if current else caption, peildatum)
    return charts + f'\n\n<p class="pva-legend">Peildatum: {esc(datum(peildatum))}. ' \
        'Rood is te laat: een voortgangsrapportage van na het geplande einde zegt dat de actie niet af is. ' \
        'Grijs gestreept: het geplande einde is voorbij, maar er is geen rapportage van daarna; de site weet dus niet ' \
        'hoe het ervoor staat. Een lichte balk is een fase van het plan waarin de actie valt; het plan geeft de ' \
        'actie zelf geen datum. Een pijl achter een balk: het plan noemt geen einde, of de actie komt terug ' \
        '(terugkerende actie).</p>\n\n' + table + ("\n\n" + missing if missing else "")


def undated_table(actions, links: Links, peildatum: _dt.date, total: int) -> str:
    """The actions the plan gives no date: never placed on a date, listed with the plan's own words."""
    if not actions:
        return ""
    rows = "".join(
        f'<tr><th scope="row"><a href="{esc(links.action(p, a))}">{esc(a.id)} {esc(a.titel)}</a></th>'
        f'<td>{esc(p.korte_titel)}</td><td>{esc(planned_end_text(p, a, state))}</td>'
        f'<td>{state_badge(p, state)}</td></tr>'
        for p, a in actions for state in (st.state(p, a, peildatum),))
    return (f'<p>{len(actions)} van de {total} acties hebben in het plan geen datum. Ze staan niet op de tijdlijn, '
            'maar in de tabel hieronder, met de planning in de woorden van het plan. Zonder datum is een actie '
            'nooit te laat.</p>'
            f'<table class="pva-table pva-wide"><caption>Acties zonder datum in het plan</caption><thead><tr>'
            '<th scope="col">Actie</th><th scope="col">Plan</th><th scope="col">Planning volgens het plan</th>'
            f'<th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>')


def phase_timeline(plan: m.Plan, peildatum: _dt.date) -> str:
    sched = plan.planning
    bars = [Bar(plan.korte_titel, p.naam, "#fasen", (p.van or p.tot).begin, (p.tot or p.van).einde, False,
                "pva-tl-bar--fase", f"{p.van} tot en met {p.tot}") for p in (sched.fasen if sched else ()) if p.van or p.tot]
    return gantt(bars, f"Fasen van {plan.korte_titel} per kwartaal", peildatum)


def action_overview(site: m.Site, links: Links, peildatum: _dt.date) -> str:
    """Every action of every plan in one table; a first-party script adds filters, the table works without it."""
    return filter_table(site.plannen, links, peildatum, "Alle acties van alle plannen") + overview_legend(peildatum)


def plan_label(plan: m.Plan) -> str:
    return plan.korte_titel + (f" ({plan.datum.jaar})" if plan.historisch and plan.datum else "")


def filter_table(plans, links: Links, peildatum: _dt.date, caption: str, with_plan: bool = True) -> str:
    """The actions of the plans in one table with a filter form (docs/javascripts/filters.js), which the script
    shows and presets from the address (acties.html?laat=ja); without the script the whole table shows.
    with_plan=False (the table of one plan): no plan column and no plan filter."""
    names = ("plan", "thema", "status", "trekker") if with_plan else ("thema", "status", "trekker")
    rows, values = [], {name: {} for name in names}
    for plan in plans:
        label = plan_label(plan)
        for a in plan.acties:
            state = st.state(plan, a, peildatum)
            part = plan.onderdeel(a.onderdeel)
            theme = plan.thema(part.thema)
            group = theme.titel if theme else part.korte_titel
            trekker = lead_text(plan, a) if a.trekker or a.samen else "Niet genoemd"
            late = state.timing == st.TE_LAAT
            if with_plan:
                values["plan"][plan.id] = label
            values["thema"][group] = group
            values["status"][state.status] = STATUS_LABEL[state.status]
            values["trekker"][trekker] = trekker
            rows.append(
                (f'<tr data-plan="{esc(plan.id)}" ' if with_plan else '<tr ') +
                f'data-thema="{esc(group)}" data-status="{esc(state.status)}" '
                f'data-trekker="{esc(trekker)}" data-laat="{"ja" if late else "nee"}">'
                + (f'<td>{esc(label)}</td>' if with_plan else '') + f'<td>{esc(group)}</td>'
                f'<th scope="row"><a href="{esc(links.action(plan, a))}">{esc(a.id)} {esc(a.titel)}</a></th>'
                f'<td>{esc(trekker)}</td><td>{esc(planned_end_text(plan, a, state))}</td>'
                f'<td>{state_badge(plan, state)}</td></tr>')

    def select(name: str, label: str) -> str:
        options = "".join(f'<option value="{esc(k)}">{esc(v)}</option>' for k, v in sorted(values[name].items(), key=lambda kv: kv[1]))
        return (f'<label>{label}<select name="{name}"><option value="">Alle</option>{options}</select></label>')

    form = (f'<form class="pva-filters" hidden aria-label="Acties filteren">{select("plan", "Plan") if with_plan else ""}'
            f'{select("thema", "Thema of onderdeel")}{select("status", "Status")}{select("trekker", "Trekker")}'
            '<label class="pva-check"><input type="checkbox" name="laat" value="ja"> Alleen te laat</label>'
            '<button type="reset">Alles tonen</button></form>'
            '<p class="pva-filter-count" role="status" aria-live="polite"></p>')
    return (form + f'<table class="pva-table pva-wide pva-overview"><caption>{esc(caption)}</caption><thead><tr>'
            + ('<th scope="col">Plan</th>' if with_plan else '') +
            '<th scope="col">Thema of onderdeel</th><th scope="col">Actie</th>'
            '<th scope="col">Trekker</th><th scope="col">Planning</th><th scope="col">Status</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


LATE_TEXT = ('Te laat: een voortgangsrapportage van op of na het geplande einde zegt dat de actie niet af is. Is '
             'het einde voorbij zonder rapportage van daarna, dan staat er "geen recente informatie": dat is niet '
             'hetzelfde als te laat. Acties van oude plannen zijn nooit te laat. De site rekent dit uit; niemand '
             'vinkt het aan.')


def overview_legend(peildatum: _dt.date) -> str:
    return (f'<p class="pva-legend">Peildatum: {esc(datum(peildatum))}. Bij elke status staat van wanneer die is en uit '
            f'welke bron. {LATE_TEXT}</p>')  # a fixed text, no data
