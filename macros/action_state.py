"""The state of an action on a reference date, and whether anything can honestly be said about lateness.

The plan says what was true on the plan's date. A progress report says what was
true on its peildatum. The current state of an action is the latest report on or
before the reference date that mentions it, otherwise the plan itself. "Te laat"
is only said when a report dated on or after the planned end says the action is
not finished; a passed end without such a report is "geen recente informatie".
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from . import model as m
from .dutch import Moment

# How the timing of an action can be described, from the facts available on the reference date.
OP_SCHEMA = "op-schema"  # the planned end has not passed
TE_LAAT = "te-laat"  # a report on or after the planned end says it is not finished
GEEN_RECENTE_INFORMATIE = "geen-recente-informatie"  # the end has passed, no report since says anything
GEEN_EINDE = "geen-einde"  # no own end date: ongoing, only a phase, none stated, or words without a date
TERUGKEREND = "terugkerend"  # comes back (jaarlijks, maandelijks): a passed first occurrence is not late
KLAAR = "klaar"  # finished or dropped
HISTORISCH = "historisch"  # the plan is history; nothing is claimed about what came after


@dataclass(frozen=True)
class ActionState:
    status: str
    stand: _dt.date | None  # as of when: the report's peildatum, or the plan's date
    report: m.ProgressReport | None  # None: the plan itself is the latest source
    toelichting: str | None
    voortgang: int | None
    eind: Moment | None  # the planned end in force: the plan's, or the latest re-planning
    herplanningen: tuple[tuple[m.ProgressReport, m.Replanning], ...]
    timing: str
    later_afgerond: bool = False  # finished, after a report on or after the planned end said it was not


def reference_date(from_environment: str | None, configured=None) -> _dt.date:
    """The date lateness is measured against: PEILDATUM, else extra.peildatum, else today (the build date)."""
    raw = from_environment or configured
    if not raw:
        return _dt.date.today()
    try:
        return raw if isinstance(raw, _dt.date) else _dt.date.fromisoformat(str(raw))
    except ValueError:
        raise ValueError(f"De peildatum '{raw}' is geen geldige datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 2026-06-01.") \
            from None


def _moment_date(moment: Moment | None) -> _dt.date | None:
    return moment.begin if moment and (moment.dag or moment.maand or moment.kwartaal) else None


def plan_date(plan: m.Plan) -> _dt.date | None:
    """The plan's date as a date, only when the plan states it more precisely than a year."""
    return _moment_date(plan.datum)


def reports_until(plan: m.Plan, peildatum: _dt.date) -> tuple[m.ProgressReport, ...]:
    """The reports that exist on the reference date, oldest first; a later report is not yet known."""
    return tuple(r for r in plan.voortgangsrapportages if r.peildatum <= peildatum)


def own_end(action: m.Action) -> Moment | None:
    """The end the plan itself sets: none for an ongoing or a recurring action."""
    p = action.planning
    return p.eind if p and not p.doorlopend and not p.herhaling else None


def state(plan: m.Plan, action: m.Action, peildatum: _dt.date) -> ActionState:
    mentions = [(r, r.over(action.id)) for r in reports_until(plan, peildatum) if r.over(action.id)]
    eind = own_end(action)
    herplanningen = tuple((r, e.herplanning) for r, e in mentions if e.herplanning)
    if herplanningen:
        eind = herplanningen[-1][1].eind
    if mentions:
        report, entry = mentions[-1]
        status, stand, toelichting, voortgang = entry.status, report.peildatum, entry.toelichting, entry.voortgang
    else:
        report, status, stand, toelichting, voortgang = None, action.status, plan_date(plan), None, None
    later = False
    if plan.historisch:
        timing = HISTORISCH
    elif status in m.FINISHED:
        timing = KLAAR
        later = any(e.status not in m.FINISHED and _due(r, e, action, mentions) for r, e in mentions)
    elif eind is None:
        timing = TERUGKEREND if action.planning and action.planning.herhaling else GEEN_EINDE
    elif eind.einde >= peildatum:
        timing = OP_SCHEMA
    elif report is not None and report.peildatum >= eind.einde:
        timing = TE_LAAT
    else:
        timing = GEEN_RECENTE_INFORMATIE
    return ActionState(status, stand, report, toelichting, voortgang, eind, herplanningen, timing, later)


def _due(report: m.ProgressReport, entry: m.ReportEntry, action: m.Action, mentions) -> bool:
    """Was the action past its planned end, as planned at the time of this report?"""
    eind = own_end(action)
    for r, e in mentions:
        if r.peildatum > report.peildatum:
            break
        if e.herplanning:
            eind = e.herplanning.eind
    return eind is not None and report.peildatum >= eind.einde


def late_actions(plan: m.Plan, peildatum: _dt.date) -> tuple[m.Action, ...]:
    return tuple(a for a in plan.acties if state(plan, a, peildatum).timing == TE_LAAT)


@dataclass(frozen=True)
class ReportingRhythm:
    """When the plan's own cadence says a next report was due, as far as the site can tell."""

    laatste: m.ProgressReport | None  # the latest report on the reference date
    stand: _dt.date | None  # its peildatum, or the plan's date
    volgende: _dt.date | None  # stand + the cadence's interval
    per_jaar: int | None

    def verwacht_voorbij(self, peildatum: _dt.date) -> bool:
        return self.volgende is not None and self.volgende < peildatum


def _add_months(d: _dt.date, months: int) -> _dt.date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return _dt.date(year, month, 1)


def rhythm(plan: m.Plan, peildatum: _dt.date) -> ReportingRhythm:
    reports = reports_until(plan, peildatum)
    latest = reports[-1] if reports else None
    stand = latest.peildatum if latest else plan_date(plan)
    volgende = None
    if stand and plan.rapportages_per_jaar and not plan.historisch:
        volgende = _add_months(stand, 12 // plan.rapportages_per_jaar)
    return ReportingRhythm(latest, stand, volgende, plan.rapportages_per_jaar)
