"""HTML for the recommendations of reports a plan answers, and for the documents a plan consists of.

A recommendation shows the report's words, the municipality's response in its words, and the actions
that answer it with their status. One action may answer several recommendations: every figure over
more than one recommendation counts each action once.
"""
from __future__ import annotations

import datetime as _dt

from . import action_state as st
from . import model as m
from . import views
from .html_text import esc, rich_text
from .locations import Links, recommendation_anchor
from .render import md_text, source_details, table
from .render_status import progress_bar, progress_of, progress_sentence, state_badge

NOT_STATED = "Niet vermeld"


def recommendations_page(plan: m.Plan, links: Links, peildatum: _dt.date) -> str:
    """Per report, its recommendations in number order, each with response, actions and their progress."""
    groups = views.recommendations_by_report(plan)
    if not groups:
        return "<p>Bij dit plan zijn geen aanbevelingen uit rapporten vastgelegd.</p>\n"
    actions = views.answering_actions(plan, plan.aanbevelingen)
    n, reports = len(plan.aanbevelingen), len(groups)
    out = [f"<p>Op deze pagina staan {n} {'aanbeveling' if n == 1 else 'aanbevelingen'} uit {reports} "
           f"{'rapport' if reports == 1 else 'rapporten'}. {_counted_once(len(actions))}</p>",
           progress_bar(progress_of(plan, actions, peildatum), "Voortgang van de acties bij alle aanbevelingen")]
    for source, recommendations in groups:
        own = views.answering_actions(plan, recommendations)
        out += [f"## {md_text(source.titel)}",
                f"<p>{esc(source.titel)}{source_details(source)}: {len(recommendations)} "
                f"{'aanbeveling' if len(recommendations) == 1 else 'aanbevelingen'}. {_counted_once(len(own))}</p>",
                progress_bar(progress_of(plan, own, peildatum), f"Voortgang van de acties bij {source.titel}")]
        out += [_recommendation(plan, r, links, peildatum) for r in recommendations]
    return "\n\n".join(out) + "\n"


def _counted_once(n: int) -> str:
    if n == 0:
        return "Het plan noemt bij deze aanbevelingen geen acties."
    return (f"Daarop {'antwoordt' if n == 1 else 'antwoorden'} {n} {'actie' if n == 1 else 'acties'}; "
            "een actie die op meer aanbevelingen antwoordt, telt één keer.")


def _recommendation(plan: m.Plan, recommendation: m.Recommendation, links: Links, peildatum: _dt.date) -> str:
    actions = [plan.actie(a) for a in recommendation.acties]
    response = (rich_text(recommendation.reactie) if recommendation.reactie
                else f"<p><em>{NOT_STATED} in de stukken.</em></p>")
    if actions:
        linked = "<ul>" + "".join(
            f'<li><a href="{esc(links.action(plan, a))}">{esc(a.id)} {esc(a.titel)}</a> '
            f'{state_badge(plan, st.state(plan, a, peildatum))}</li>' for a in actions) + "</ul>"
        progress = f"<p>{esc(progress_sentence(progress_of(plan, actions, peildatum)))}</p>"
    else:
        linked, progress = "<p><em>Het plan noemt bij deze aanbeveling geen actie.</em></p>", ""
    facts = (f'<dt>Tekst uit het rapport</dt><dd><div class="pva-source-text">{rich_text(recommendation.tekst)}</div></dd>'
             f"<dt>Reactie van de gemeente</dt><dd>{response}</dd>"
             f"<dt>Acties</dt><dd>{linked}{progress}</dd>")
    return (f"### Aanbeveling {md_text(recommendation.nummer)} {{#{recommendation_anchor(recommendation)}}}\n\n"
            f'<dl class="pva-facts">{facts}</dl>')


def documents_table(plan: m.Plan) -> str:
    """The documents a plan consists of, each with its own title, kind, date and author as it states them."""
    if not plan.documenten:
        return "<p>Dit plan is één stuk.</p>"
    rows = [f'<tr><th scope="row">{esc(d.titel)}</th><td>{esc(d.soort or NOT_STATED)}</td>'
            f'<td>{esc(d.datum or NOT_STATED)}</td><td>{esc(d.auteur or NOT_STATED)}</td></tr>' for d in plan.documenten]
    return table(f"De stukken van het plan {plan.korte_titel}", ("Stuk", "Soort", "Datum", "Van"), rows)
