"""HTML for statuses and progress, each saying as of when and from which source.

No status stands alone: "Gestart" is always followed by "stand 30 juni 2024,
Voortgangsrapportage 1" or "volgens het plan van 3 oktober 2023". Lateness is
shown in red only when a report says so; a passed end without a report is a
neutral "geen recente informatie".
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from decimal import Decimal

from . import action_state as st
from . import model as m
from .dutch import datum
from .html_text import esc

STATUS_LABEL = {"gepland": "Gepland", "gestart": "Gestart", "afgerond": "Afgerond",
                "opgeschort": "Opgeschort", "vervallen": "Vervallen"}


def status_badge(status: str) -> str:
    return f'<span class="pva-status pva-status--{esc(status)}">{esc(STATUS_LABEL[status])}</span>'


def plan_as_source(plan: m.Plan) -> str:
    """'het plan van 3 oktober 2023', or 'het plan uit 2013' when the plan gives only a year."""
    if plan.datum is None:
        return "het plan"
    if plan.datum.dag:
        return f"het plan van {plan.datum}"
    return f"het plan uit {plan.datum}"


def since_text(plan: m.Plan) -> str:
    """What the site knows after the plan, when no report has been processed."""
    if plan.historisch:
        return "deze site heeft geen informatie over wat er daarna met het plan gebeurde"
    return "sindsdien geen voortgangsrapportage verwerkt"


def stand_text(plan: m.Plan, state: st.ActionState, long: bool = False) -> str:
    """As of when and from which source: 'stand 30 juni 2024, Voortgangsrapportage 1'."""
    if state.report is not None:
        return f"stand {datum(state.report.peildatum)}, {state.report.titel}"
    text = f"volgens {plan_as_source(plan)}"
    return f"{text}; {since_text(plan)}" if long else text


def timing_note(state: st.ActionState) -> str:
    """Lateness as the facts allow it: red only when a report says so."""
    if state.timing == st.TE_LAAT:
        title = (f"Gepland einde: {state.eind}. Volgens {state.report.titel} (stand {datum(state.report.peildatum)}) "
                 "is de actie niet afgerond.")
        return f' <span class="pva-status pva-status--te-laat" title="{esc(title)}">Te laat</span>'
    if state.timing == st.GEEN_RECENTE_INFORMATIE:
        return (f' <span class="pva-timing">Einde gepland in {esc(state.eind)} — geen recente informatie</span>')
    if state.later_afgerond:
        return ' <span class="pva-timing">Later afgerond dan gepland</span>'
    return ""


def state_badge(plan: m.Plan, state: st.ActionState, long: bool = False) -> str:
    return (f'{status_badge(state.status)} <span class="pva-stand">{esc(stand_text(plan, state, long))}</span>'
            f"{timing_note(state)}")


# --- counts and bars -------------------------------------------------------------

class Progress:
    """How far a set of actions is on the reference date, counted by current status."""

    def __init__(self, plan_states: list[tuple[m.Plan, st.ActionState]]):
        self.items = plan_states
        counts = Counter(s.status for _, s in plan_states)
        self.per_status = tuple((s, counts[s]) for s in m.STATUSES if counts[s])
        self.totaal = len(plan_states)
        self.te_laat = sum(1 for _, s in plan_states if s.timing == st.TE_LAAT)
        self.geen_recente_informatie = sum(1 for _, s in plan_states if s.timing == st.GEEN_RECENTE_INFORMATIE)

    def aantal(self, status: str) -> int:
        return dict(self.per_status).get(status, 0)


def progress_of(plan: m.Plan, actions, peildatum: _dt.date) -> Progress:
    return Progress([(plan, st.state(plan, a, peildatum)) for a in actions])


def progress_sentence(p: Progress) -> str:
    if p.totaal == 0:
        return "Er zijn nog geen acties."
    delen = [f"{n} {STATUS_LABEL[s].lower()}" for s, n in p.per_status]
    woord = "actie" if p.totaal == 1 else "acties"
    return f"{p.totaal} {woord}: {', '.join(delen)}."


def sources_sentence(p: Progress) -> str:
    """'Stand: volgens het plan van 3 oktober 2023; sindsdien geen voortgangsrapportage verwerkt.'"""
    groups: dict = {}
    for plan, state in p.items:
        key = (state.report.peildatum, state.report.titel) if state.report else (None, plan.id)
        groups.setdefault(key, (plan, state, 0))
        groups[key] = (groups[key][0], groups[key][1], groups[key][2] + 1)
    if not groups:
        return ""
    ordered = sorted(groups.values(), key=lambda g: (g[1].report is None, -(g[1].stand or _dt.date.min).toordinal()))
    if len(ordered) == 1:
        plan, state, _ = ordered[0]
        return f"Stand: {stand_text(plan, state, long=True)}."
    parts = [f"{n} {'actie' if n == 1 else 'acties'} {stand_text(plan, state)}" for plan, state, n in ordered]
    return "Stand: " + "; ".join(parts) + "."


def timing_sentence(p: Progress) -> str:
    parts = []
    if p.te_laat:
        parts.append(f"{p.te_laat} {'actie is' if p.te_laat == 1 else 'acties zijn'} volgens een rapportage te laat")
    if p.geen_recente_informatie:
        n = p.geen_recente_informatie
        parts.append(f"van {n} {'actie' if n == 1 else 'acties'} is het geplande einde voorbij zonder recente "
                     "informatie")
    return (". ".join(parts).capitalize() + ".") if parts else ""


def progress_bar(p: Progress, label: str) -> str:
    """A stacked bar per status, drawn at build time; the sentences beside it are its text alternative."""
    sentence = progress_sentence(p)
    stand = sources_sentence(p)
    timing = timing_sentence(p)
    segments, x = [], Decimal(0)
    for status, count in p.per_status:
        width = Decimal(100) * count / p.totaal
        segments.append(f'<rect class="pva-bar--{esc(status)}" x="{x:.2f}" y="0" width="{width:.2f}" height="10">'
                        f'<title>{esc(STATUS_LABEL[status])}: {count}</title></rect>')
        x += width
    svg = (f'<svg class="pva-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
           f'aria-label="{esc(label)}: {esc(sentence)} {esc(stand)}" focusable="false">{"".join(segments)}</svg>')
    extra = "".join(f'<span class="pva-stand">{esc(t)}</span> ' for t in (stand, timing) if t)
    return f'<figure class="pva-progress">{svg}<figcaption>{esc(sentence)} {extra.strip()}</figcaption></figure>'
