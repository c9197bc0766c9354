"""HTML for the optional plan structures: organisation, planning, goals, escalation and advice."""
from __future__ import annotations


from . import model as m
from . import views
from .dutch import getal
from .locations import Links, advice_anchor
from .plan_refs import advice_title, document_text
from . import action_state
from .render import RACI_LABEL, esc, rich_text, table
from .render_status import state_badge

BODY_LABEL = {"stuurgroep": "Stuurgroep", "projectgroep": "Projectgroep", "klankbordgroep": "Klankbordgroep",
              "werkgroep": "Werkgroep", "overleg": "Overleg"}


def _ul(items, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>" if items else ""


def shown_name(plan: m.Plan, member) -> str | None:
    """Staff names stay off the site unless the plan's settings allow them; elected officials may be named."""
    if member.naam and (plan.namen_tonen or getattr(member, "gekozen", False)):
        return member.naam
    return None


# --- organisation ------------------------------------------------------------

def organisation(plan: m.Plan) -> str:
    org = plan.organisatie
    if org is None:
        return "<p>Het plan beschrijft geen projectorganisatie.</p>"
    out = []
    for body in org.gremia:
        facts = [f"<dt>Soort</dt><dd>{esc(BODY_LABEL[body.soort])}</dd>"]
        if body.rol:
            facts.append(f"<dt>Rol</dt><dd>{esc(body.rol)}</dd>")
        if body.frequentie:
            facts.append(f"<dt>Komt bijeen</dt><dd>{esc(body.frequentie)}</dd>")
        rows = [f'<tr><th scope="row">{esc(member.functie)}</th><td>{esc(shown_name(plan, member) or "")}</td>'
                f'<td>{esc(body.rol_van(member) or "")}</td></tr>' for member in body.leden]
        members = table(f"Leden van de {body.naam.lower()}", ("Functie", "Naam", "Rol"), rows) if body.leden else ""
        parts = [f'### {esc(body.naam)} {{#gremium-{body.id}}}', f'<dl class="pva-facts">{"".join(facts)}</dl>', members]
        if body.taken:
            parts += ["<p><strong>Taken</strong></p>", _ul(body.taken)]
        if body.bevoegdheden:
            parts += ["<p><strong>Bevoegdheden</strong></p>", _ul(body.bevoegdheden)]
        if body.toelichting:
            parts.append(f'<div class="pva-source-text">{rich_text(body.toelichting)}</div>')
        out.append("\n\n".join(p for p in parts if p))
    for role in org.rollen:
        parts = [f"### {esc(role.functie)}"]
        if role.taken:
            parts += ["<p><strong>Taken</strong></p>", _ul(role.taken)]
        if role.bevoegdheden:
            parts += ["<p><strong>Bevoegdheden</strong></p>", _ul(role.bevoegdheden)]
        out.append("\n\n".join(parts))
    if not plan.namen_tonen and any(member.naam and not member.gekozen for b in org.gremia for member in b.leden):
        out.append('<p class="pva-note">Namen van medewerkers staan niet op deze site. Namen van gekozen bestuurders wel.</p>')
    return "\n\n".join(out) + "\n"


def organisation_raci(plan: m.Plan) -> str:
    org = plan.organisatie
    rows = views.raci_from_organisation(org) if org else {}
    if not rows:
        return "<p>Het plan noemt geen rollen in de projectorganisatie.</p>"
    bodies = [b for b in org.gremia if any(b.id in r for r in rows.values())]
    body_rows = [
        f'<tr><th scope="row">{esc(functie)}</th>' + "".join(
            f'<td><abbr title="{esc(RACI_LABEL[r[b.id]])}">{r[b.id]}</abbr></td>' if b.id in r else "<td>–</td>"
            for b in bodies) + "</tr>" for functie, r in rows.items()]
    return (table("Rollen in de projectorganisatie (RACI)", ["Functie", *(b.naam for b in bodies)], body_rows,
                  css="pva-wide")
            + '<p class="pva-legend">Afgeleid uit de organisatie: besluitvormend = A (eindverantwoordelijk), '
            'uitvoerend = R (voert uit), adviserend = C (wordt geraadpleegd), informerend = I (wordt geïnformeerd).</p>')


# --- planning ------------------------------------------------------------------

def phases(plan: m.Plan) -> str:
    sched = plan.planning
    if sched is None or not sched.fasen:
        return "<p>Het plan noemt geen fasen.</p>"
    rows = [f'<tr><th scope="row">{esc(p.naam)}</th><td>{esc(_period(p.van, p.tot))}</td><td>{_ul(p.activiteiten)}</td></tr>'
            for p in sched.fasen]
    return table("Fasen van het plan", ("Fase", "Wanneer", "Activiteiten"), rows, css="pva-wide")


def _period(van, tot) -> str:
    if van and tot and van != tot:
        return f"{van} tot en met {tot}"
    return str(van or tot or "")


def detail_schedule(plan: m.Plan, links: Links) -> str:
    sched = plan.planning
    if sched is None or not sched.detailplanning:
        return "<p>Het plan geeft geen detailplanning.</p>"
    rows = []
    for row in sched.detailplanning:
        activiteit = esc(row.activiteit)
        if row.actie:
            activiteit = f'<a href="{esc(links.action(plan, plan.actie(row.actie)))}">{activiteit}</a>'
        rows.append(f'<tr><th scope="row">{activiteit}</th><td>{esc(row.groep or "")}</td><td>{esc(row.resultaat or "")}'
                    f'</td><td>{esc(row.gereed or (str(row.datum) if row.datum else ""))}</td></tr>')
    return table("Detailplanning", ("Activiteit", "Onderdeel", "Resultaat", "Gereed"), rows, css="pva-wide")


def capacity(plan: m.Plan) -> str:
    sched = plan.planning
    if sched is None or not sched.capaciteit:
        return "<p>Het plan noemt geen capaciteit.</p>"
    cols = [(k, label) for k, label in (("uren_intern", "Uren intern"), ("uren_inhuur", "Uren inhuur"), ("fte", "fte"))
            if any(getattr(r, k) is not None for r in sched.capaciteit)]
    rows = [f'<tr><th scope="row">{esc(r.functie)}</th>' + "".join(
            f'<td class="pva-num">{getal(getattr(r, k)) if getattr(r, k) is not None else ""}</td>' for k, _ in cols)
            + "</tr>" for r in sched.capaciteit]
    totals = views.capacity_totals(sched.capaciteit)
    foot = "".join(f'<td class="pva-num">{getal(totals[k])}</td>' for k, _ in cols)
    return table("Menskracht voor het project", ["Functie", *(label for _, label in cols)], rows,
                 foot=f'<tr><th scope="row">Totaal (berekend)</th>{foot}</tr>')


def reports(plan: m.Plan) -> str:
    sched = plan.planning
    if sched is None or not sched.rapportages:
        return "<p>Het plan noemt geen rapportages.</p>"
    rows = [f'<tr><th scope="row">{esc(r.rapport)}</th><td>{esc(r.van or "")}</td><td>{esc(r.aan or "")}</td>'
            f'<td>{esc(r.frequentie or "")}</td><td>{esc(r.opmerkingen or "")}</td></tr>' for r in sched.rapportages]
    return table("Rapportages", ("Rapport", "Van", "Aan", "Hoe vaak", "Opmerkingen"), rows, css="pva-wide")


# --- goals ---------------------------------------------------------------------

def indicators(plan: m.Plan) -> str:
    goals = plan.doelen
    if goals is None or not goals.indicatoren:
        return "<p>Het plan noemt geen meetbare doelen.</p>"
    rows = [f'<tr><th scope="row">{esc(i.omschrijving)}</th><td>{esc(norm_text(i))}</td>'
            f'<td>{esc(i.doeljaar or "")}</td><td>{esc(i.peildatum or "")}</td></tr>' for i in goals.indicatoren]
    caption = "Meetbare doelen" if all(i.doel is not None or i.norm for i in goals.indicatoren) else "Doelen"
    return table(caption, ("Doel", "Norm", "In", "Ten opzichte van"), rows, css="pva-wide")


NO_NUMBER = "Geen getal: het plan noemt dit doel zonder getal of norm"


def norm_text(indicator: m.Indicator) -> str:
    """The norm as the plan words it; else its number with only the direction word the source says; else none."""
    if indicator.norm:
        return indicator.norm
    if indicator.doel is None:
        return NO_NUMBER
    unit = "%" if indicator.eenheid == "procent" else f" {indicator.eenheid or ''}"
    return f"{indicator.richting + ' ' if indicator.richting else ''}{getal(indicator.doel)}{unit}".strip()


def named_list(plan: m.Plan, list_id: str) -> str:
    named = plan.lijst(list_id)
    tag = "ol" if named.genummerd else "ul"
    items = "".join(f"<li><strong>{esc(i.titel)}</strong>" + (f"<br>{esc(i.toelichting)}" if i.toelichting else "")
                    + "</li>" if i.toelichting else f"<li>{esc(i.titel)}</li>" for i in named.items)
    intro = f"<p>{esc(named.inleiding)}</p>" if named.inleiding else ""
    return f'{intro}<{tag} class="pva-list pva-list--{esc(named.soort)}">{items}</{tag}>'


def all_lists(plan: m.Plan) -> str:
    if plan.doelen is None or not plan.doelen.lijsten:
        return ""
    return "\n\n".join(f"### {esc(n.titel)} {{#lijst-{n.id}}}\n\n{named_list(plan, n.id)}" for n in plan.doelen.lijsten) + "\n"


def escalation(plan: m.Plan) -> str:
    """The escalation route as a vertical flow of boxes, drawn at build time, with the steps as a list beside it."""
    route = plan.doelen.escalatie if plan.doelen else None
    if route is None:
        return "<p>Het plan beschrijft geen escalatieroute.</p>"
    box_h, gap, width = 44, 26, 420
    shapes = []
    for i, step in enumerate(route.stappen):
        y = i * (box_h + gap) + 2
        shapes.append(f'<rect x="10" y="{y}" width="{width - 20}" height="{box_h}" rx="6" class="pva-flow-box"></rect>'
                      f'<text x="{width // 2}" y="{y + 27}" text-anchor="middle" class="pva-flow-text">'
                      f'{i + 1}. {esc(step.naam)}</text>')
        if i:
            top = y - gap
            shapes.append(f'<line x1="{width // 2}" y1="{top + 2}" x2="{width // 2}" y2="{y - 6}" class="pva-flow-line"></line>'
                          f'<polygon points="{width // 2 - 6},{y - 10} {width // 2 + 6},{y - 10} {width // 2},{y - 2}" '
                          f'class="pva-flow-arrow"></polygon>')
    height = len(route.stappen) * (box_h + gap) - gap + 4  # room for the last box's border
    names = ", dan ".join(s.naam for s in route.stappen)
    svg = (f'<svg class="pva-flow" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="Schema {esc(route.titel)}: eerst {esc(names)}.">{"".join(shapes)}</svg>')
    steps = "".join(f"<li><strong>{esc(s.naam)}</strong>" + (f": {esc(s.toelichting)}" if s.toelichting else "") + "</li>"
                    for s in route.stappen)
    return (f'<figure class="pva-flow-figure">{svg}<figcaption>{esc(route.titel)}: van de eerste tot de laatste stap.'
            f'</figcaption></figure><ol class="pva-flow-steps">{steps}</ol>')


# --- advice ("two voices") -------------------------------------------------------------

def advice_items(plan: m.Plan, links: Links, peildatum, items=None) -> str:
    items = plan.adviezen if items is None else items
    if not items:
        return "<p>Bij dit plan zijn geen adviezen of vragen vastgelegd.</p>"
    out = []
    for advice in items:
        who = plan.actor(advice.van)
        when = f", {advice.datum}" if advice.datum else ""
        actions = "".join(_advice_link(plan, links, a, advice.koppeling(a), peildatum) for a in advice.acties)
        answer = rich_text(advice.antwoord) if advice.antwoord else "<p><em>Het plan geeft geen apart antwoord.</em></p>"
        promised = "".join(_advice_link(plan, links, a, None, peildatum) for a in advice.toezeggingen)
        promised = f"<p><strong>Toezeggingen in dit antwoord</strong></p><ul>{promised}</ul>" if promised else ""
        linked = (f"<p><strong>Acties bij dit punt</strong></p><ul>{actions}</ul>" if actions else "" if promised else
                  "<p><strong>Acties bij dit punt</strong></p><p><em>Het plan noemt bij dit punt geen actie.</em></p>")
        note = f'<div class="pva-note">{rich_text(advice.toelichting)}</div>' if advice.toelichting else ""
        document = plan.document(advice.document)
        source = f'<p class="pva-note">Uit: {esc(document_text(document))}</p>' if document else ""
        out.append(
            f'### {esc(advice_title(plan, advice))} {{#{advice_anchor(advice.id)}}}\n\n'
            f'<div class="pva-voices"><div class="pva-voice pva-voice--in"><p class="pva-label">{esc(who.naam)}{esc(when)}</p>'
            f'{rich_text(advice.tekst)}{source}</div><div class="pva-voice pva-voice--out"><p class="pva-label">Gemeente</p>'
            f'{answer}{promised}{linked}{note}</div></div>\n')
    return "\n".join(out)


ADVICE_LINK_NOTE = {True: "Het plan verwijst hier zelf naar dit punt.",
                    False: "Koppeling door deze site op onderwerp; het plan legt die koppeling zelf niet."}


def _advice_link(plan: m.Plan, links: Links, action_id: str, link: m.AdviceLink | None, peildatum) -> str:
    """One linked action: the link, its status, the words of the action that show the link, and who makes it."""
    action = plan.actie(action_id)
    quote = (f'<blockquote class="pva-quote"><p>{esc(link.citaat)}</p></blockquote>'
             if link is not None and link.citaat else "")
    note = (f'<p class="pva-note">{esc(ADVICE_LINK_NOTE[link.plan_verwijst])}</p>'
            if link is not None and link.plan_verwijst is not None else "")
    return (f'<li><a href="{esc(links.action(plan, action))}">{esc(action_id)} {esc(action.titel)}</a> '
            f'{state_badge(plan, action_state.state(plan, action, peildatum))}{quote}{note}</li>')
