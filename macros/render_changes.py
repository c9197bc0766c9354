"""HTML for "Wat is er veranderd": per published stand, per plan, what changed since the stand before it.

Every change names its source and its date: the report that says it, or, when no report processed since says
it, that it changed in the data (a correction is not progress). The same sections go into the Atom feeds
(macros/feeds.py), with links that work from there. All text from data is escaped here.
"""
from __future__ import annotations

from . import model as m
from .changes import EstimateChange, LineChange, PlanChanges, StandChanges, StandData
from .dutch import MAANDEN, datum
from .html_text import esc
from .locations import Links
from .render import planned_end_text, source_label
from .render_budget import amount_text, estimate_heading, line_amount, line_details
from .render_status import STATUS_LABEL, plan_as_source, stand_text, status_badge

PAGE = "wat-is-er-veranderd.md"
TITLE = "Wat is er veranderd"

# "In het kort" when the build is no published stand, and for the cases where nothing can be compared (B1).
PREVIEW_SUMMARY = ("Deze versie van de site is geen vaste stand. Daarom staan hier geen veranderingen. "
                   "Bij elke nieuwe stand ziet u hier wat er anders is. U ziet dan ook waar dat staat.")
FIRST_SUMMARY = ("Dit is de eerste stand op deze site. Er is nog geen stand van eerder. "
                 "Daarom staan hier nog geen veranderingen.")
NO_DATA_SUMMARY = ("Van de vorige stand heeft de site de gegevens niet. "
                   "Daarom ziet u hier niet wat er anders is.")


def _n(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def _er_is(count: int, one: str, more: str) -> str:
    return f"Er {'is' if count == 1 else 'zijn'} {_n(count, one, more)}"


def month_year(data: StandData) -> str:
    return f"{MAANDEN[data.peildatum.month - 1]} {data.peildatum.year}"


def summary(entries: tuple[StandChanges, ...]) -> str:
    """'In het kort' of the page, in B1: what changed at the newest stand, counted."""
    if not entries:
        return PREVIEW_SUMMARY
    latest = entries[0]
    if latest.previous is None:
        return FIRST_SUMMARY
    if latest.changes is None:
        return NO_DATA_SUMMARY
    c = latest.changes
    said = [f"Hier ziet u wat er anders is sinds de stand van {month_year(latest.previous)}."]
    if n := c.count("statuses"):
        said.append(f"Bij {_n(n, 'actie', 'acties')} is de status anders.")
    if n := c.count("ends"):
        said.append(f"Bij {_n(n, 'actie', 'acties')} is de planning anders.")
    if n := c.count("new_actions"):
        said.append(_er_is(n, "nieuwe actie", "nieuwe acties") + ".")
    if n := c.count("dropped_actions"):
        said.append(f"Er {'staat' if n == 1 else 'staan'} {_n(n, 'actie', 'acties')} niet meer in.")
    if n := c.count("new_reports"):
        said.append(_er_is(n, "nieuw verslag", "nieuwe verslagen") + " over de voortgang.")
    if n := sum(p.added for p in c.plans):
        said.append(_er_is(n, "nieuw plan", "nieuwe plannen") + ".")
    if n := sum(p.removed for p in c.plans):
        said.append(f"Er {'staat' if n == 1 else 'staan'} {_n(n, 'plan', 'plannen')} niet meer op de site.")
    if n := sum(bool(p.budget) for p in c.plans):
        said.append(f"Bij {_n(n, 'plan', 'plannen')} is het geld anders.")
    if len(said) == 1:
        said.append("Er is niets veranderd.")
    else:
        said.append("Bij elke verandering staat waar die vandaan komt.")
    return " ".join(said)


def entry_title(entry: StandChanges, plan_id: str | None = None) -> str:
    """'Stand juni 2026: 3 acties veranderd', for the whole site or one plan; no more than is known."""
    if entry.previous is None:
        return f"{entry.stand.titel}: eerste stand op deze site"
    if entry.changes is None:
        return f"{entry.stand.titel}: niet te vergelijken"
    if plan_id is None:
        n = entry.changes.actions_changed
    else:
        found = entry.changes.of(plan_id)
        if found and found.added:
            return f"{entry.stand.titel}: nieuw plan op deze site"
        n = len(found.action_ids) if found else 0
    return f"{entry.stand.titel}: {_n(n, 'actie', 'acties')} veranderd" if n else \
        f"{entry.stand.titel}: geen acties veranderd"


# --- One change, in plain words, with its source and date ---------------------------------------------

def report_source(report: m.ProgressReport) -> str:
    """'Derde rapportage (Raadsmededeling 3, F-3), stand 31 maart 2025', with a link where the source has one."""
    label = esc(source_label(report.bron))
    if report.bron.link:
        label = f'<a href="{esc(report.bron.link)}">{label}</a>'
    return f"{esc(report.titel)} ({label}), stand {esc(datum(report.peildatum))}"


def _state_source(plan: m.Plan, state) -> str:
    return report_source(state.report) if state.report is not None else esc(plan_as_source(plan))


def _action_ref(plan_id: str, action: m.Action, links: Links, site: m.Site | None) -> str:
    """'Actie A3 Titel', linked to where the action is on the site now; plain text when it is no longer there."""
    text = f"Actie {esc(action.id)} {esc(action.titel)}"
    try:
        plan = site.plan(plan_id) if site else None
        now = plan.actie(action.id) if plan else None
    except KeyError:
        now = None
    return f'<a href="{esc(links.action(plan, now))}">{text}</a>' if now else text


def _was(status: str) -> str:
    return STATUS_LABEL[status].lower()


def _status_item(pc: PlanChanges, change, links: Links, site) -> str:
    ref = _action_ref(pc.plan.id, change.action, links, site)
    after, before = change.after, change.before
    text = f"{ref}: {status_badge(after.status)}, was {esc(_was(before.status))}."
    if change.reported:
        if after.voortgang is not None:
            text += f" Voortgang: {after.voortgang}%."
        return text + f" {esc(after.toelichting)} Bron: {report_source(after.report)}."
    return (text + " Dit is veranderd in de gegevens; geen nieuwe voortgangsrapportage meldt het. "
            f"De status komt nu uit: {_state_source(pc.plan, after)}.")


def _end_item(pc: PlanChanges, change, links: Links, site) -> str:
    ref = _action_ref(pc.plan.id, change.action, links, site)
    if change.replanning is not None:
        report, replanning = change.replanning
        was = esc(change.before.eind) if change.before.eind else "geen einddatum"
        return (f"{ref}: gepland einde nu {esc(replanning.eind)}, was {was}. Reden: {esc(replanning.reden)} "
                f"Bron: {report_source(report)}.")
    return (f"{ref}: de planning is veranderd in de gegevens; geen nieuwe voortgangsrapportage meldt het. "
            f"Nu: {esc(planned_end_text(pc.plan, change.action, change.after))}. "
            f"Was: {esc(planned_end_text(pc.earlier, change.earlier_action, change.before))}.")


def _report_item(report: m.ProgressReport) -> str:
    return (f"Nieuwe voortgangsrapportage verwerkt: {report_source(report)}. "
            f"Over {_n(len(report.acties), 'actie', 'acties')}.")


def _totals(totals) -> str:
    """Computed totals per kind (views.totals_by_kind), one-off and yearly never added together."""
    parts = [("circa " if circa else "") + amount_text(euros, ftes) + (" per jaar" if kind == "jaarlijks" else "")
             for kind, euros, ftes, circa in totals]
    return " + ".join(parts) or "geen bedrag"


def _line_item(plan: m.Plan, earlier: m.Plan, change: LineChange) -> str:
    before, after = change.before, change.after
    if before is None:
        return f"Nieuwe regel: {esc(after.omschrijving)}: {esc(line_amount(after))}."
    if after is None:
        return f"Regel weg: {esc(before.omschrijving)}, was {esc(line_amount(before))}."
    now, was = line_amount(after), line_amount(before)
    if now == was:  # the amount is the same: the kind, the years or the funding changed
        now, was = line_details(plan, after), line_details(earlier, before)
    return f"{esc(after.omschrijving)}: nu {esc(now)}, was {esc(was)}."


def _budget_item(pc: PlanChanges, change: EstimateChange) -> str:
    estimate = change.estimate
    head = f"Begroting, {esc(estimate_heading(estimate))}; bron: {esc(estimate.door)}."
    if change.before is None:
        head += " Nieuw in de gegevens."
    elif change.after is None:
        head += " Staat niet meer in de gegevens."
    lines = [_line_item(pc.plan, pc.earlier or pc.plan, line) for line in change.lines]
    lines.append(f"Totaal (berekend): nu {esc(_totals(change.totals_after))}, "
                 f"was {esc(_totals(change.totals_before))}.")
    return head + "\n<ul>" + "\n".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def plan_items(pc: PlanChanges, links: Links, site: m.Site | None) -> list[str]:
    """Every change of one plan as a list item (HTML), with its source and date."""
    plan = pc.plan
    if pc.added:
        return [f'Nieuw plan op deze site: <a href="{esc(links.plan(plan))}">{esc(plan.titel)}</a>, met '
                f"{_n(len(plan.acties), 'actie', 'acties')}. Bron: {esc(plan_as_source(plan))}."]
    if pc.removed:
        return [f"Het plan {esc(plan.titel)} staat niet meer op deze site. Bij de vorige stand had het "
                f"{_n(len(plan.acties), 'actie', 'acties')}."]
    items = [_report_item(r) for r in pc.new_reports]
    items += [_status_item(pc, c, links, site) for c in pc.statuses]
    items += [_end_item(pc, c, links, site) for c in pc.ends]
    items += [f"Nieuwe actie: {_action_ref(plan.id, a, links, site)}. {status_badge(s.status)} "
              f"{esc(stand_text(plan, s))}." for a, s in pc.new_actions]
    items += [f"Actie {esc(a.id)} {esc(a.titel)} staat niet meer in de gegevens. Bij de vorige stand: "
              f"{esc(STATUS_LABEL[s.status])}, {esc(stand_text(pc.earlier, s))}." for a, s in pc.dropped_actions]
    items += [f"De voortgangsrapportage {esc(r.titel)} (stand {esc(datum(r.peildatum))}) staat niet meer in de "
              "gegevens." for r in pc.dropped_reports]
    items += [_budget_item(pc, c) for c in pc.budget]
    return items


def _heading(level: int, text: str, anchor: str | None, markdown: bool) -> str:
    if markdown:  # in the page outline and its table of contents
        return "#" * level + " " + esc(text) + (f" {{#{anchor}}}" if anchor else "")
    return f"<h{level}" + (f' id="{esc(anchor)}"' if anchor else "") + f">{esc(text)}</h{level}>"


def stand_intro(entry: StandChanges) -> str:
    """As of when, compared with what: or why nothing is compared."""
    now = entry.current
    if entry.previous is None:
        return (f"<p>Peildatum {esc(datum(now.peildatum))}. Dit is de eerste stand op deze site. Er is geen "
                "eerdere stand om mee te vergelijken.</p>")
    before = entry.previous
    if now.site is None:
        return (f"<p>Peildatum {esc(datum(now.peildatum))}. Van deze stand heeft deze site de gegevens niet"
                f"{_unreadable(now)}. Bekend zijn alleen de naam en de peildatum.</p>")
    if before.site is None:
        return (f"<p>Peildatum {esc(datum(now.peildatum))}. Van de stand ervoor, {esc(before.stand.titel)} "
                f"(peildatum {esc(datum(before.peildatum))}), heeft deze site de gegevens niet{_unreadable(before)}. "
                "Daarom staat hier niet wat er sindsdien veranderde.</p>")
    return (f"<p>Peildatum {esc(datum(now.peildatum))}, vergeleken met {esc(before.stand.titel)} (peildatum "
            f"{esc(datum(before.peildatum))}). Bij elke verandering staat de bron en de datum.</p>")


def _unreadable(data) -> str:
    return " in een vorm die deze versie van de site kan lezen" if data.unreadable else ""


def stand_section(entry: StandChanges, links: Links, site: m.Site | None, level: int = 2, plan_id: str | None = None,
                  markdown: bool = True, heading: bool = True) -> str:
    """One stand: its heading, as of when, and per plan what changed (or only the plan plan_id)."""
    out = ([_heading(level, entry.stand.titel, entry.anchor, markdown)] if heading else []) + [stand_intro(entry)]
    if entry.changes is None:
        return "\n\n".join(out)
    plans = [p for p in entry.changes.plans if plan_id is None or p.plan.id == plan_id]
    changed = [p for p in plans if not p.empty]
    for pc in changed:
        if plan_id is None:
            out.append(_heading(level + 1, pc.plan.titel, None, markdown))
        out.append('<ul class="pva-changes">' + "".join(f"<li>{item}</li>" for item in plan_items(pc, links, site))
                   + "</ul>")
    unchanged = [p.plan.korte_titel for p in plans if p.empty]
    if not changed:
        out.append("<p>Er is niets veranderd in de gegevens.</p>" if plan_id is None else
                   "<p>Bij dit plan is niets veranderd in de gegevens.</p>")
    elif unchanged:
        out.append(f"<p>Niets veranderd bij: {esc(', '.join(unchanged))}.</p>")
    return "\n\n".join(out)


FEEDS = "feeds/"


def feed_path(plan_id: str | None = None) -> str:
    """Where a feed is in the built site: feeds/alle.xml, or feeds/<plan>.xml."""
    return f"{FEEDS}{plan_id or 'alle'}.xml"


def feeds_folder(release: bool) -> str:
    """The feeds seen from the root of the site: its own feeds/, or in a release the publication folder's, one
    up from the stand's folder (<map>/feeds/, where scripts/release.py puts the newest stand's feeds)."""
    return ("../" if release else "") + FEEDS


def changes_page(entries: tuple[StandChanges, ...], links: Links, site: m.Site, peildatum) -> str:
    """The page body: the newest stand, the earlier stands, and the feeds to follow the changes."""
    if not entries:
        out = [f"<p>Deze versie van de site is geen gepubliceerde stand. Het is een voorbeeld met de gegevens van nu "
               f"(peildatum {esc(datum(peildatum))}). Daarom staat hier niet wat er veranderde. Bij elke "
               "gepubliceerde stand maakt de site deze pagina opnieuw: dan staat hier per plan wat er veranderde "
               "sinds de stand ervoor, met de bron en de datum.</p>"]
    else:
        out = [stand_section(entries[0], links, site)]
        if len(entries) > 1:
            out += ["## Eerdere standen", *(stand_section(e, links, site, level=3) for e in entries[1:])]
    up = "../" * links.current.count("/") + feeds_folder(bool(entries))
    feeds = [("Alle plannen", "alle")] + [(plan.korte_titel, plan.id) for plan in site.plannen]
    items = "".join(f'<li><a href="{esc(up)}{esc(name)}.xml" type="application/atom+xml">{esc(title)}</a></li>'
                    for title, name in feeds)
    out += ["## Volg de veranderingen",
            "<p>Met een feedlezer krijgt u bericht als er een nieuwe stand is. Kies een feed (Atom):</p>",
            f'<ul class="pva-feeds">{items}</ul>']
    return "\n\n".join(out) + "\n"

