"""Loaders for a plan that answers numbered recommendations of reports, and for a plan of several documents.

aanbevelingen.yaml: per recommendation its report (a source in onderdelen.yaml), its number as the report
numbers it, its text, the municipality's response and the actions that answer it (many to many).
plan.yaml, documenten: the documents a plan consists of, each with its own title, kind, date and author.
"""
from __future__ import annotations

import difflib
import re

from . import model as m
from .loader_fields import Fields
from .problems import Problem


def number(f: Fields, key: str, required: bool = False) -> str | None:
    """A number as the source writes it: 3, or 3a; kept as text."""
    value = f.text(key, required)
    if value is not None and not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.-]*", value):
        f.problem(key, f"'{value}' is geen nummer voor {f.what}.",
                  "Schrijf het nummer zoals de bron het schrijft, zonder spaties of haakjes: 3, of 3a.")
        return None
    return value


def documents(f: Fields) -> tuple[m.Document, ...]:
    """plan.yaml, 'documenten': the documents a plan consists of."""
    result = []
    for item in f.items("documenten"):
        d = Fields(item, f.file, f.problems, "een stuk", ("id", "titel", "soort", "datum", "auteur"),
                   line=f.line_of("documenten"))
        document = m.Document(id=d.ident(), titel=d.text("titel", True), soort=d.text("soort"),
                              datum=d.moment("datum"), auteur=d.text("auteur"))
        if document.id in {r.id for r in result}:
            d.problem("id", f"de id '{document.id}' (stuk) komt twee keer voor.", "Geef elk stuk een eigen id.")
        elif d.ok:
            result.append(document)
    return tuple(result)


def _unknown(f: Fields, key: str, value: str, known, kind: str, where: str) -> None:
    near = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"Bedoelt u '{near[0]}'? " if near else ""
    listed = f" ({', '.join(sorted(known))})" if known and len(known) < 15 else ""
    f.problem(key, f"'{value}' bij {f.what} is geen bekende {kind}.", f"{hint}Gebruik een id uit {where}{listed}.")


def recommendations(data, file, problems: list[Problem], reports: tuple[m.Source, ...],
                    actions: tuple[m.Action, ...]) -> tuple[m.Recommendation, ...]:
    """aanbevelingen.yaml; refuses unknown reports and actions, and a number given twice in one report."""
    f = Fields(data, file, problems, "aanbevelingen.yaml", ("aanbevelingen",))
    report_ids, action_ids = {s.id for s in reports}, {a.id for a in actions}
    result, seen = [], {}
    for item in f.items("aanbevelingen", True):
        r = Fields(item, file, problems, "een aanbeveling", ("rapport", "nummer", "tekst", "reactie", "acties"),
                   line=f.line_of("aanbevelingen"))
        rapport, nummer = r.text("rapport", True), number(r, "nummer", True)
        if rapport and nummer:
            r.what = f"aanbeveling {nummer} uit rapport '{rapport}'"
        recommendation = m.Recommendation(rapport=rapport, nummer=nummer, tekst=r.text("tekst", True),
                                          reactie=r.text("reactie"), acties=r.id_list("acties"), line=r.line)
        if rapport and rapport not in report_ids:
            _unknown(r, "rapport", rapport, report_ids, "bron", "bronnen in onderdelen.yaml")
        for action_id in recommendation.acties:
            if action_id not in action_ids:
                _unknown(r, "acties", action_id, action_ids, "actie", "acties.yaml")
        if rapport and nummer and (rapport, nummer) in seen:
            r.problem("nummer", f"aanbeveling {nummer} uit rapport '{rapport}' staat twee keer in het bestand (ook op "
                                f"regel {seen[(rapport, nummer)]}).",
                      "Zet elke aanbeveling één keer in het bestand, met alle acties die erop antwoorden bij 'acties'.")
        elif rapport and nummer:
            seen[(rapport, nummer)] = r.line_of("nummer")
        if r.ok:
            result.append(recommendation)
    return tuple(result)
