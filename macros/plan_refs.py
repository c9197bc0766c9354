"""How the site names the things an action is linked to: advice points, recommendations and documents.

Shared by the page of an action (render.action_details) and the pages of the things themselves, so
that a link reads the same in both directions. Every text from data is escaped here.
"""
from __future__ import annotations

from . import model as m
from .html_text import esc
from .locations import Links
from .views import number_key

ADVICE_LABEL = {"advies": "Advies", "aandachtspunt": "Aandachtspunt", "vraag": "Vraag", "opmerking": "Opmerking",
                "motie": "Motie", "aanbeveling": "Aanbeveling"}


def _sender(plan: m.Plan, advice: m.Advice) -> m.Actor:
    return plan.actor(advice.van)


def advice_title(plan: m.Plan, advice: m.Advice) -> str:
    """'Vraag (ASDD): Houding', 'Vraag 3 (Adviesraad Fictief)' or 'Vraag 3 (ASDD): Houding'; never an article."""
    who = _sender(plan, advice)
    label = ADVICE_LABEL[advice.soort] + (f" {advice.nummer}" if advice.nummer else "")
    return f"{label} ({who.afkorting or who.naam})" + (f": {advice.onderwerp}" if advice.onderwerp else "")


def advice_short(plan: m.Plan, advice: m.Advice) -> str:
    """'ASDD: Houding', or for a numbered point without a subject 'Adviesraad Fictief: vraag 3'."""
    who = _sender(plan, advice)
    what = advice.onderwerp or f"{ADVICE_LABEL[advice.soort].lower()} {advice.nummer}"
    return f"{who.afkorting or who.naam}: {what}"


def advice_links(plan: m.Plan, advice, links: Links) -> str:
    return "<ul>" + "".join(f'<li><a href="{esc(links.advice(plan, a.id))}">{esc(advice_short(plan, a))}</a></li>'
                            for a in advice) + "</ul>"


def recommendation_name(plan: m.Plan, recommendation: m.Recommendation) -> str:
    """'aanbeveling 3 uit Rapport A': the number as the report gives it, and the report's own title."""
    return f"aanbeveling {recommendation.nummer} uit {plan.bron(recommendation.rapport).titel}"


def recommendation_links(plan: m.Plan, recommendations, links: Links) -> str:
    """'Antwoord op aanbeveling 3 uit Rapport A en aanbeveling 5 uit Rapport B', each linked, in the reports' order."""
    reports = [s.id for s in plan.bronnen]
    ordered = sorted(recommendations, key=lambda r: (reports.index(r.rapport), number_key(r.nummer)))
    names = [f'<a href="{esc(links.recommendation(plan, r))}">{esc(recommendation_name(plan, r))}</a>'
             for r in ordered]
    joined = ", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else names[0]
    return f"Antwoord op {joined}."


def document_of(plan: m.Plan, item: m.Action | m.Part) -> m.Document | None:
    """The document an action or part comes from: its own, or for an action the one of its part."""
    if item.document:
        return plan.document(item.document)
    if isinstance(item, m.Action):
        part = next((p for p in plan.onderdelen if p.id == item.onderdeel), None)
        return plan.document(part.document) if part else None
    return None


def document_text(document: m.Document) -> str:
    """'Uitvoeringsplan 2024 (uitvoeringsplan, Gemeente Fictief, 2024-05)': only what the document states."""
    known = ", ".join(str(x) for x in (document.soort, document.auteur, document.datum) if x)
    return document.titel + (f" ({known})" if known else "")
