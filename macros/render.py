"""HTML for plan data: tables, badges, progress bars and budget summaries.

Every text that comes from data passes through `esc` or `rich_text` before it
reaches the page. Tables carry a caption and header cells with scope, so
screen readers can announce row and column for every cell.
"""
from __future__ import annotations

import html
import re
from decimal import Decimal

import markdown as _markdown

from . import model as m
from . import views
from .checks import budget_differences
from .dutch import datum, euro, fte
from .locations import Links, action_anchor

STATUS_LABEL = {"gepland": "Gepland", "gestart": "Gestart", "afgerond": "Afgerond",
                "opgeschort": "Opgeschort", "vervallen": "Vervallen"}
PLAN_STATUS_LABEL = {"concept": "Concept", "vastgesteld": "Vastgesteld", "in-uitvoering": "In uitvoering",
                     "afgerond": "Afgerond"}
RACI_LABEL = {"R": "voert uit", "A": "eindverantwoordelijk", "S": "ondersteunt", "C": "wordt geraadpleegd",
              "I": "wordt geïnformeerd"}
KIND_LABEL = {"incidenteel": "incidenteel", "structureel": "structureel", "jaarlijks": "per jaar"}


_BLOCK_END = re.compile(r"(</(?:td|th|tr|caption|thead|tbody|tfoot|table|dt|dd|dl|li|ul|p|figcaption|title|text)>)(?=<)")


_TABLE = re.compile(r'<table class="pva-table[^"]*"><caption>(.*?)</caption>.*?</table>', re.S)


def finish(html_text: str) -> str:
    """Last touches for every macro's output.

    Wide tables scroll inside their own focusable region instead of widening
    the page on a phone, and each cell, item and caption ends with a line
    break so the search index does not glue the words of adjacent cells.
    """
    wrapped = _TABLE.sub(
        lambda m: f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table pva-scroll" role="region" '
                  f'tabindex="0" aria-label="{m[1]}">{m[0]}</div></div>', html_text)
    return _BLOCK_END.sub("\\1\n", wrapped)


def table(caption: str, columns, rows, foot: str = "", css: str = "") -> str:
    """A data table with a caption and column headers; rows are ready-made <tr> strings with a row header."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    foot = f"<tfoot>{foot}</tfoot>" if foot else ""
    return (f'<table class="pva-table{" " + css if css else ""}"><caption>{esc(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>{foot}</table>')


def esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def rich_text(text: str | None) -> str:
    """Staff Markdown to HTML; raw HTML in the data is shown as text, never executed."""
    if not text:
        return ""
    return _markdown.markdown(html.escape(text, quote=False), extensions=["sane_lists"], output_format="html")


def md_text(text: str) -> str:
    """Plain data text for a Markdown heading: escaped for HTML and Markdown alike."""
    escaped = esc(text)
    for char in "\\`*_[]#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def part_label(plan: m.Plan, part: m.Part) -> str:
    return f"{plan.onderdeel_soort.capitalize()} {part.id}"


def parts_label(plan: m.Plan, part_ids: tuple[str, ...]) -> str:
    if not part_ids:
        return "Algemeen"
    woord = plan.onderdeel_soort.capitalize()
    if len(part_ids) == 1:
        return f"{woord} {part_ids[0]}"
    return f"{woord} {', '.join(part_ids[:-1])} en {part_ids[-1]}"


# --- status and progress -------------------------------------------------

def status_badge(status: str) -> str:
    return f'<span class="pva-status pva-status--{esc(status)}">{esc(STATUS_LABEL[status])}</span>'


def late_badge(peildatum) -> str:
    return f'<span class="pva-status pva-status--te-laat" title="Het geplande einde is voorbij op {esc(datum(peildatum))}">Te laat</span>'


def progress_sentence(p: views.Progress) -> str:
    if p.totaal == 0:
        return "Er zijn nog geen acties."
    delen = [f"{n} {STATUS_LABEL[s].lower()}" for s, n in p.per_status]
    woord = "actie" if p.totaal == 1 else "acties"
    return f"{p.totaal} {woord}: {', '.join(delen)}."


def progress_bar(p: views.Progress, label: str) -> str:
    """A stacked bar per status, drawn at build time; the sentence beside it is its text alternative."""
    sentence = progress_sentence(p)
    segments, x = [], Decimal(0)
    for status, count in p.per_status:
        width = Decimal(100) * count / p.totaal
        segments.append(f'<rect class="pva-bar--{esc(status)}" x="{x:.2f}" y="0" width="{width:.2f}" height="10">'
                        f'<title>{esc(STATUS_LABEL[status])}: {count}</title></rect>')
        x += width
    svg = (f'<svg class="pva-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
           f'aria-label="{esc(label)}: {esc(sentence)}" focusable="false">{"".join(segments)}</svg>')
    return f'<figure class="pva-progress">{svg}<figcaption>{esc(sentence)}</figcaption></figure>'


def progress_summary(plan: m.Plan, part: m.Part | None = None) -> str:
    actions = plan.acties_van(part.id) if part else plan.acties
    label = f"Voortgang {part_label(plan, part)}" if part else f"Voortgang van het plan {plan.korte_titel}"
    return progress_bar(views.progress(actions), label)


def progress_table(plan: m.Plan, links: Links) -> str:
    """Progress per part and for the whole plan, counts per status."""
    statuses = [s for s in m.STATUSES if any(a.status == s for a in plan.acties)] or ["gepland"]
    head = "".join(f'<th scope="col">{esc(STATUS_LABEL[s])}</th>' for s in statuses)
    rows = []
    for part in plan.onderdelen:
        p = views.progress(plan.acties_van(part.id))
        cells = "".join(f"<td>{p.aantal(s)}</td>" for s in statuses)
        rows.append(f'<tr><th scope="row"><a href="{esc(links.part(plan, part.id))}">{esc(part_label(plan, part))}: '
                    f'{esc(part.korte_titel)}</a></th>{cells}<td>{p.totaal}</td></tr>')
    total = views.progress(plan.acties)
    cells = "".join(f"<td>{total.aantal(s)}</td>" for s in statuses)
    return (f'<table class="pva-table"><caption>Voortgang per {esc(plan.onderdeel_soort)}: aantal acties per status'
            f'</caption><thead><tr><th scope="col">{esc(plan.onderdeel_soort.capitalize())}</th>{head}'
            f'<th scope="col">Totaal</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><th scope="row">Hele plan</th>{cells}<td>{total.totaal}</td></tr></tfoot></table>')


# --- actions ---------------------------------------------------------------

def planning_text(planning: m.Planning | None) -> str:
    if planning is None:
        return "Niet genoemd in het plan"
    parts = []
    if planning.start and planning.eind:
        parts.append(f"{planning.start} tot en met {planning.eind}")
    elif planning.start:
        parts.append(f"vanaf {planning.start}")
    elif planning.eind:
        parts.append(f"uiterlijk {planning.eind}")
    if planning.doorlopend:
        parts.append("doorlopend")
    text = ", ".join(parts).capitalize() if parts else ""
    if not text and planning.tekst:  # no dates: the plan's own words, e.g. "voor de zomer van 2014"
        text = planning.tekst[0].upper() + planning.tekst[1:]
    return text or "Niet genoemd in het plan"


def actor_name(plan: m.Plan, actor_id: str | None) -> str:
    if not actor_id:
        return "Niet genoemd in het plan"
    actor = plan.actor(actor_id)
    return actor.naam + (f" ({actor.afkorting})" if actor.afkorting else "")


def actions_table(plan: m.Plan, actions, links: Links, caption: str, peildatum=None) -> str:
    rows = []
    for a in actions:
        late = f" {late_badge(peildatum)}" if peildatum is not None and views.is_late(a, peildatum) else ""
        rows.append(
            f'<tr><th scope="row"><a href="{esc(links.action(plan, a))}">{esc(a.id)}</a></th>'
            f"<td>{esc(a.titel)}</td><td>{esc(actor_name(plan, a.trekker))}</td>"
            f"<td>{esc(planning_text(a.planning))}</td><td>{status_badge(a.status)}{late}</td></tr>"
        )
    return (f'<table class="pva-table pva-actions pva-wide"><caption>{esc(caption)}</caption><thead><tr>'
            '<th scope="col">Actie</th><th scope="col">Wat</th><th scope="col">Trekker</th>'
            '<th scope="col">Planning</th><th scope="col">Status</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _action_refs(plan: m.Plan, ids, links: Links, site: m.Site | None = None) -> str:
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
                     f'{esc(other.titel)}</a> {status_badge(other.status)}</li>')
    return f'<ul>{"".join(items)}</ul>'


def action_details(plan: m.Plan, action: m.Action, links: Links, site: m.Site | None = None,
                   peildatum=None) -> str:
    """One action in full: a Markdown heading (so it is in the page outline) and its facts."""
    facts = [
        ("Status", f"{status_badge(action.status)} <span class=\"pva-note\">{esc(action.status_toelichting)}</span>"),
        ("Trekker", esc(actor_name(plan, action.trekker))),
        ("Planning", esc(planning_text(action.planning)) + (
            f' <span class="pva-note">Volgens het plan: {esc(action.planning.tekst)}</span>'
            if action.planning and action.planning.tekst and (action.planning.start or action.planning.eind) else "")),
    ]
    if peildatum is not None and views.is_late(action, peildatum):
        facts[0] = ("Status", facts[0][1] + f' {late_badge(peildatum)}')
    if action.voortgang is not None:
        facts.append(("Voortgang", f"{action.voortgang}% (uit de laatste rapportage)"))
    if action.raci:
        roles = "".join(f"<li>{esc(actor_name(plan, actor))}: {esc(', '.join(RACI_LABEL[c] for c in letters))} "
                        f"({esc(letters)})</li>" for actor, letters in action.raci)
        facts.append(("Rollen (RACI)", f"<ul>{roles}</ul>"))
    if action.planning and action.planning.stappen:
        steps = "".join(f"<li>{esc(s.datum)}: {esc(s.omschrijving)}</li>" for s in action.planning.stappen)
        facts.append(("Stappen", f"<ul>{steps}</ul>"))
    if action.randvoorwaarde_voor:
        facts.append(("Nodig voor", _action_refs(plan, action.randvoorwaarde_voor, links)))
    needs = [a.id for a in plan.acties if action.id in a.randvoorwaarde_voor]
    if needs:
        facts.append(("Wacht op", _action_refs(plan, needs, links)))
    if action.zie_ook:
        facts.append(("Zie ook", _action_refs(plan, action.zie_ook, links, site)))
    pointing_here = [(p, a) for p in (site.plannen if site else ()) for a in p.acties
                     if f"{plan.id}/{action.id}" in a.zie_ook]
    if pointing_here:
        facts.append(("Genoemd in", "<ul>" + "".join(
            f'<li><a href="{esc(links.action(p, a))}">{esc(p.korte_titel)}, actie {esc(a.id)} {esc(a.titel)}</a></li>'
            for p, a in pointing_here) + "</ul>"))
    advice = plan.adviezen_bij(action.id)
    if advice:
        facts.append(("Advies en inbreng", "<ul>" + "".join(
            f'<li><a href="{esc(links.advice(plan, a.id))}">{esc(plan.actor(a.van).afkorting or plan.actor(a.van).naam)}: '
            f'{esc(a.onderwerp)}</a></li>' for a in advice) + "</ul>"))
    dl = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    heading = f"### Actie {md_text(action.id)}: {md_text(action.titel)} {{#{action_anchor(action.id)}}}"
    body = rich_text(action.tekst) or "<p><em>Het plan geeft bij deze actie alleen de titel.</em></p>"
    return (f'{heading}\n\n<dl class="pva-facts">{dl}</dl>\n\n'
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
            if a.id in roles else '<td><span class="pva-empty" aria-label="geen rol">–</span></td>'
            for a in actors
        )
        rows.append(f'<tr><th scope="row"><a href="{esc(links.action(plan, action))}">{esc(action.id)}</a> '
                    f'{esc(action.titel)}</th>{cells}</tr>')
    legend = "; ".join(f"<strong>{k}</strong> = {v}" for k, v in RACI_LABEL.items())
    return (f'<table class="pva-table pva-raci pva-wide"><caption>{esc(caption)}</caption><thead><tr>'
            f'<th scope="col">Actie</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f'<p class="pva-legend">{legend}. Alleen rollen die de tekst van het plan noemt.</p>')


# --- budget ----------------------------------------------------------------

def amount_text(euros: Decimal, ftes: Decimal) -> str:
    parts = []
    if euros:
        parts.append(euro(euros))
    if ftes:
        parts.append(fte(ftes))
    return " + ".join(parts) if parts else "geen bedrag"


def _line_details(plan: m.Plan, line: m.BudgetLine) -> str:
    bits = [KIND_LABEL.get(line.soort or "", "")]
    if line.periode:
        bits.append(str(line.periode))
    dekking = plan.begroting.dekking_naam(line.dekking)
    if dekking:
        bits.append(f"dekking: {dekking}")
    return ", ".join(b for b in bits if b)


def budget_lines_table(plan: m.Plan, estimate: m.Estimate, links: Links, caption: str) -> str:
    rows = []
    for line in estimate.regels:
        wie = ""
        if line.onderdelen:
            numbered = [f'<a href="{esc(links.part(plan, p))}">{esc(p)}</a>' for p in line.onderdelen]
            tail = f"{', '.join(numbered[:-1])} en {numbered[-1]}" if len(numbered) > 1 else numbered[0]
            wie = f"{esc(plan.onderdeel_soort.capitalize())} {tail}"
        if line.acties:
            wie += (" " if wie else "") + ", ".join(
                f'<a href="{esc(links.action(plan, plan.actie(a)))}">actie {esc(a)}</a>' for a in line.acties)
        amount = amount_text(line.bedrag or Decimal(0), line.fte or Decimal(0)) \
            if (line.bedrag is not None or line.fte is not None) else "geen bedrag genoemd"
        if line.circa:
            amount = f"circa {amount}"
        rows.append(f'<tr><th scope="row">{wie or "Algemeen"}</th><td>{esc(line.omschrijving)}</td>'
                    f'<td class="pva-num">{esc(amount)}</td><td>{esc(_line_details(plan, line))}</td></tr>')
    foot = _total_rows(estimate, colspan=2, trailing_cell=True)
    if estimate.totaal is not None:
        foot += (f'<tr><th scope="row" colspan="2">Totaal zoals vermeld in de bron</th>'
                 f'<td class="pva-num">{esc(euro(estimate.totaal))}</td><td></td></tr>')
    return (f'<table class="pva-table pva-budget pva-wide"><caption>{esc(caption)}</caption><thead><tr>'
            f'<th scope="col">Voor</th><th scope="col">Omschrijving</th><th scope="col">Bedrag</th>'
            f'<th scope="col">Soort, periode en dekking</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot>{foot}</tfoot></table>')


def _total_rows(estimate: m.Estimate, colspan: int = 1, trailing_cell: bool = False) -> str:
    """Computed totals; yearly amounts get their own row, never added to one-off amounts."""
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return "".join(
        f'<tr><th scope="row"{span}>{"Totaal per jaar (berekend)" if kind == "jaarlijks" else "Totaal (berekend)"}</th>'
        f'<td class="pva-num">{"circa " if circa else ""}{esc(amount_text(euros, ftes))}</td>'
        + ("<td></td>" if trailing_cell else "") + "</tr>"
        for kind, euros, ftes, circa in views.totals_by_kind(estimate))


def _subtotal_table(estimate: m.Estimate, rows, caption: str, first_col: str, label) -> str:
    body = "".join(f'<tr><th scope="row">{esc(label(s.label_ids))}</th>'
                   f'<td class="pva-num">{esc(amount_text(s.euro, s.fte))}</td></tr>' for s in rows)
    return (f'<table class="pva-table pva-budget"><caption>{esc(caption)}</caption><thead><tr>'
            f'<th scope="col">{esc(first_col)}</th><th scope="col">Bedrag</th></tr></thead><tbody>{body}</tbody>'
            f'<tfoot>{_total_rows(estimate)}</tfoot></table>')


def budget_by_part(plan: m.Plan, estimate: m.Estimate) -> str:
    return _subtotal_table(estimate, views.by_part(estimate), f"{estimate.titel}: per {plan.onderdeel_soort}",
                           plan.onderdeel_soort.capitalize(), lambda ids: parts_label(plan, ids))


def budget_by_period(plan: m.Plan, estimate: m.Estimate) -> str:
    table = _subtotal_table(estimate, views.by_period(estimate), f"{estimate.titel}: per jaar of periode", "Jaar of periode",
                            lambda ids: ids[0] or "Geen periode genoemd")
    if estimate.per_jaar:
        items = "".join(f"<li>{y}: {esc(euro(v))}</li>" for y, v in estimate.per_jaar)
        table += (f'<p>Verdeling per jaar zoals vermeld in de bron (som {esc(euro(views.declared_per_year_total(estimate)))}):'
                  f'</p><ul>{items}</ul>')
    return table


def budget_by_funding(plan: m.Plan, estimate: m.Estimate) -> str:
    return _subtotal_table(estimate, views.by_funding(estimate), f"{estimate.titel}: per dekking", "Dekking",
                           lambda ids: plan.begroting.dekking_naam(ids[0]) or "Geen dekking genoemd")


def differences_list(plan: m.Plan, part_id: str | None = None) -> str:
    diffs = [d for d in budget_differences(plan) if part_id is None or d.betreft == part_id]
    if not diffs:
        return ""
    items = "".join(
        f"<li><strong>{esc(d.uitleg)}</strong> Verschil: {esc(euro(d.verschil))}."
        + (f" {esc(d.toelichting)}" if d.toelichting else "") + "</li>"
        for d in diffs
    )
    return (f'<div class="admonition warning pva-differences"><p class="admonition-title">Verschillen in de bronnen'
            f'</p><ul>{items}</ul></div>')


def part_budget(plan: m.Plan, part: m.Part, links: Links) -> str:
    if plan.begroting is None:
        return "<p>Dit plan heeft geen begroting.</p>"
    estimate = plan.begroting.vastgesteld
    lines = views.lines_for_part(estimate, part.id)
    if not lines:
        text = f"<p>De vastgestelde begroting noemt voor {esc(part_label(plan, part))} geen bedrag.</p>"
    else:
        items = "".join(
            f"<li>{esc(parts_label(plan, line.onderdelen))}"
            + (" samen" if len(line.onderdelen) > 1 else "")
            + f": <strong>{esc(amount_text(line.bedrag or Decimal(0), line.fte or Decimal(0)) if (line.bedrag is not None or line.fte is not None) else 'geen bedrag genoemd')}</strong>"
            + (f" ({esc(_line_details(plan, line))})" if _line_details(plan, line) else "") + "</li>"
            for line in lines
        )
        text = f"<p>{esc(estimate.titel)}:</p><ul>{items}</ul>"
    return text + differences_list(plan, part.id)


# --- plan facts ----------------------------------------------------------------

def plan_facts(plan: m.Plan) -> str:
    facts = [("Titel", esc(plan.titel))]
    if plan.nummer:
        facts.append(("Nummer", esc(plan.nummer)))
    if plan.datum:
        facts.append(("Datum", esc(datum(plan.datum))))
    if plan.portefeuillehouder:
        facts.append(("Portefeuillehouder", esc(plan.portefeuillehouder)))
    if plan.team:
        facts.append(("Team", esc(plan.team)))
    status = esc(PLAN_STATUS_LABEL[plan.status])
    if plan.status_toelichting:
        status += f' <span class="pva-note">{esc(plan.status_toelichting)}</span>'
    facts.append(("Status", status))
    if plan.rapportage:
        facts.append(("Rapportage", esc(plan.rapportage)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return f'<dl class="pva-facts">{dl}</dl>'


def source_list(sources) -> str:
    items = []
    for s in sources:
        title = esc(s.titel)
        if s.link:
            title = f'<a href="{esc(s.link)}">{title}</a>'
        extra = ", ".join(esc(x) for x in (s.auteur, s.nummer, str(s.datum) if s.datum else None) if x)
        items.append(f"<li>{title}" + (f" ({extra})" if extra else "") + "</li>")
    return f'<ul class="pva-sources">{"".join(items)}</ul>'


def parts_table(plan: m.Plan, links: Links) -> str:
    rows = []
    for part in plan.onderdelen:
        theme = plan.thema(part.thema)
        p = views.progress(plan.acties_van(part.id))
        rows.append(f'<tr><th scope="row"><a href="{esc(links.part(plan, part.id))}">{esc(part_label(plan, part))}</a></th>'
                    f'<td>{esc(part.titel)}</td><td>{esc(theme.titel if theme else "")}</td>'
                    f'<td>{esc(progress_sentence(p))}</td></tr>')
    soort = plan.onderdeel_soort
    return (f'<table class="pva-table"><caption>Alle {esc(soort)}en van het plan met hun acties</caption><thead><tr>'
            f'<th scope="col">{esc(soort.capitalize())}</th><th scope="col">Wat</th><th scope="col">Thema</th>'
            f'<th scope="col">Acties</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


# --- whole pages -----------------------------------------------------------------

def part_page(plan: m.Plan, part: m.Part, links: Links, site: m.Site | None = None, peildatum=None) -> str:
    """Everything about one aanbeveling/actielijn: doel, progress, actions in full, roles, money."""
    facts = [("Wat", esc(part.titel))]
    if part.doel:
        facts.append(("Doel", esc(part.doel)))
    theme = plan.thema(part.thema)
    if theme:
        facts.append(("Thema", esc(theme.titel)))
    source = plan.bron(part.bron)
    if source:
        facts.append(("Bron", esc(source.titel) + (f" ({esc(source.auteur)}, {esc(source.datum)})" if source.auteur else "")))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    actions = plan.acties_van(part.id)
    out = [f'<dl class="pva-facts">{dl}</dl>', "## Hoe ver zijn de acties?", progress_summary(plan, part),
           "## Acties", actions_table(plan, actions, links, f"Acties bij {part_label(plan, part)}: {part.korte_titel}",
                                      peildatum)]
    out += [action_details(plan, a, links, site, peildatum) for a in actions]
    out += ["## Wie doet wat?", raci_matrix(plan, actions, links, f"Rollen per actie (RACI) bij {part_label(plan, part)}"),
            "## Geld", part_budget(plan, part, links)]
    return "\n\n".join(out) + "\n"


def budget_page(plan: m.Plan, links: Links) -> str:
    if plan.begroting is None or not plan.begroting.ramingen:
        return "<p>Dit plan heeft geen begroting.</p>"
    adopted = plan.begroting.vastgesteld
    out = ["## Vastgestelde begroting"]
    if adopted.toelichting:
        out.append(f'<blockquote><p>{esc(adopted.toelichting)}</p></blockquote>')
    out += [budget_lines_table(plan, adopted, links, adopted.titel),
            budget_chart(plan, adopted),
            differences_list(plan),
            f"## Per {esc(plan.onderdeel_soort)}", budget_by_part(plan, adopted),
            "## Per jaar", budget_by_period(plan, adopted),
            "## Per dekking", budget_by_funding(plan, adopted)]
    others = [r for r in plan.begroting.ramingen if not r.vastgesteld]
    if others:
        out.append("## Andere bedragen in de stukken")
        for raming in others:
            if raming.toelichting:
                out.append(f'<p>{esc(raming.titel)}: <q>{esc(raming.toelichting)}</q></p>')
            out.append(budget_lines_table(plan, raming, links, raming.titel))
    return "\n\n".join(o for o in out if o) + "\n"


def budget_chart(plan: m.Plan, estimate: m.Estimate) -> str:
    """Horizontal bars per group of parts; the table above is the full text alternative."""
    rows = [s for s in views.by_part(estimate) if s.euro]
    if not rows:
        return ""
    largest = max(s.euro for s in rows)
    bar_h, gap, label_w, width = 24, 10, 170, 480
    parts = []
    for i, s in enumerate(rows):
        y = i * (bar_h + gap)
        w = (Decimal(width - label_w - 110) * s.euro / largest).quantize(Decimal("0.1"))
        parts.append(
            f'<text x="0" y="{y + 16}" class="pva-chart-label">{esc(parts_label(plan, s.label_ids))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" class="pva-chart-bar"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" class="pva-chart-value">{esc(euro(s.euro))}</text>')
    height = len(rows) * (bar_h + gap)
    summary = "; ".join(f"{parts_label(plan, s.label_ids)}: {euro(s.euro)}" for s in rows)
    return (f'<figure class="pva-chart"><svg viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="Staafdiagram {esc(estimate.titel)}: {esc(summary)}">{"".join(parts)}</svg>'
            f'<figcaption>Bedragen per {esc(plan.onderdeel_soort)} uit de tabel hierboven.</figcaption></figure>')


def plans_overview(plans, links: Links, peildatum=None) -> str:
    cards = []
    for plan in plans:
        late = len(views.late_actions(plan, peildatum)) if peildatum else 0
        url = links.to(f"{plan.id}/index.md")
        money = ""
        if plan.begroting and plan.begroting.ramingen:
            adopted = plan.begroting.vastgesteld
            money = f"<p>Begroting: {esc(amount_text(views.euro_total(adopted), views.fte_total(adopted)))}</p>"
        meta = ", ".join(x for x in (plan.nummer, datum(plan.datum) if plan.datum else None) if x)
        cards.append(
            f'<section class="pva-card" aria-labelledby="plan-{esc(plan.id)}">'
            f'<h2 id="plan-{esc(plan.id)}"><a href="{esc(url)}">{esc(plan.titel)}</a></h2>'
            f'<p>{esc(PLAN_STATUS_LABEL[plan.status])}' + (f" · {esc(meta)}" if meta else "") + "</p>"
            + (f'<p class="pva-card__kort">{esc(plan.samenvatting)}</p>' if plan.samenvatting else "")
            + f"{progress_summary(plan)}{money}"
            + (f"<p>{late} {'actie is' if late == 1 else 'acties zijn'} te laat op {esc(datum(peildatum))}.</p>" if late else "")
            + (f"<p>Rapportage: {esc(plan.rapportage)}</p>" if plan.rapportage else "")
            + "</section>")
    return "\n".join(cards) + "\n"
