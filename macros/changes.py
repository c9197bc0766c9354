"""What changed between two published stands of the site, from the data alone.

A stand is the site's data read on its peildatum (macros/release_info.py). Given the model of an earlier stand
and of a later one, `compare` says per plan: which actions have another status or another planned end, which
actions are new or gone, which progress reports were processed since, which plans came or went, and how the
budget lines moved. It says no more than the data: a status that changed while no report processed since says
so changed *in the data*; that is not reported progress, and the page says which.

`load_stands` reads the data of the earlier stands that the release extracted from their git tags, and
`history` pairs every stand with the one before it, for the page and the Atom feeds. No MkDocs and no HTML:
macros/render_changes.py shows the result, macros/feeds.py puts it in feeds.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import action_state as st
from . import model as m
from . import views
from .loader import load_site
from .problems import PlanDataError
from .release_info import Publication, Stand


# --- Changes of one action ------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatusChange:
    action: m.Action  # as the data hold it now
    before: st.ActionState  # on the earlier peildatum, in the earlier data
    after: st.ActionState  # on the later peildatum
    reported: bool  # a report processed since the earlier stand says the new status (after.report)


@dataclass(frozen=True)
class EndChange:
    """The planned end in force moved, or the plan's own planning of the action changed."""

    action: m.Action  # now
    earlier_action: m.Action  # as the earlier data held it, with its planning then
    before: st.ActionState
    after: st.ActionState
    # The re-planning of a report processed since that sets the new end; None: the planning changed in the data.
    replanning: tuple[m.ProgressReport, m.Replanning] | None


@dataclass(frozen=True)
class LineChange:
    before: m.BudgetLine | None  # None: a new line
    after: m.BudgetLine | None  # None: the line is gone


@dataclass(frozen=True)
class EstimateChange:
    """A raming, voorstel or besluit that is new, gone, or has lines added, removed or changed."""

    before: m.Estimate | None
    after: m.Estimate | None
    lines: tuple[LineChange, ...]

    @property
    def estimate(self) -> m.Estimate:
        return self.after or self.before

    @property
    def totals_before(self):
        """(soort, euro, fte, circa) per kind, as the budget page computes them (views.totals_by_kind)."""
        return views.totals_by_kind(self.before) if self.before else ()

    @property
    def totals_after(self):
        return views.totals_by_kind(self.after) if self.after else ()


@dataclass(frozen=True)
class PlanChanges:
    plan: m.Plan  # as it is now; for a plan that is gone, as it was
    earlier: m.Plan | None = None  # as it was at the earlier stand; None for a new plan
    added: bool = False  # not on the site at the earlier stand
    removed: bool = False  # no longer on the site
    new_reports: tuple[m.ProgressReport, ...] = ()  # processed since the earlier stand, oldest first
    dropped_reports: tuple[m.ProgressReport, ...] = ()  # counted at the earlier stand, no longer in the data
    statuses: tuple[StatusChange, ...] = ()
    ends: tuple[EndChange, ...] = ()
    new_actions: tuple[tuple[m.Action, st.ActionState], ...] = ()
    dropped_actions: tuple[tuple[m.Action, st.ActionState], ...] = ()  # as they were, with their state then
    budget: tuple[EstimateChange, ...] = ()

    @property
    def action_ids(self) -> tuple[str, ...]:
        """Every action with a change (status, planned end, new, gone), each once, in the order of the plan."""
        changed = {c.action.id for c in (*self.statuses, *self.ends)}
        changed |= {a.id for a, _ in (*self.new_actions, *self.dropped_actions)}
        order = [a.id for a in self.plan.acties] + [a.id for a, _ in self.dropped_actions]
        return tuple(i for i in dict.fromkeys(order) if i in changed)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.new_reports or self.dropped_reports or self.statuses
                    or self.ends or self.new_actions or self.dropped_actions or self.budget)


@dataclass(frozen=True)
class SiteChanges:
    before: _dt.date  # the earlier peildatum
    after: _dt.date  # the later peildatum
    plans: tuple[PlanChanges, ...]  # every plan of either stand: the current order, then the plans that are gone

    @property
    def changed(self) -> tuple[PlanChanges, ...]:
        return tuple(p for p in self.plans if not p.empty)

    @property
    def unchanged(self) -> tuple[PlanChanges, ...]:
        return tuple(p for p in self.plans if p.empty)

    def of(self, plan_id: str) -> PlanChanges | None:
        return next((p for p in self.plans if p.plan.id == plan_id), None)

    def count(self, what: str) -> int:
        """How many items of one kind over all plans: 'statuses', 'ends', 'new_actions', 'new_reports', ..."""
        return sum(len(getattr(p, what)) for p in self.plans)

    @property
    def actions_changed(self) -> int:
        return sum(len(p.action_ids) for p in self.plans)


# --- Comparing two stands -----------------------------------------------------------------------------------

def _planning_key(action: m.Action):
    """What the plan itself says about when an action ends: the dates, its own words, ongoing, recurring, phase."""
    p = action.planning
    return (p.eind, p.tekst, p.doorlopend, p.herhaling, p.fase) if p else None


def _line_key(line: m.BudgetLine):
    """Which line it is: what for and for when. The amount and the rest may change."""
    return line.omschrijving, line.onderdelen, line.acties, line.periode


def _line_value(line: m.BudgetLine):
    return line.bedrag, line.fte, line.circa, line.soort, line.jaren, line.dekking


def _line_changes(before: m.Estimate | None, after: m.Estimate | None) -> tuple[LineChange, ...]:
    earlier = list(before.regels) if before else []
    changes = []
    for line in after.regels if after else ():
        match = next((old for old in earlier if _line_key(old) == _line_key(line)), None)
        if match is None:
            changes.append(LineChange(None, line))
            continue
        earlier.remove(match)
        if _line_value(match) != _line_value(line):
            changes.append(LineChange(match, line))
    changes += [LineChange(old, None) for old in earlier]
    return tuple(changes)


def _budget_changes(before: m.Plan, after: m.Plan) -> tuple[EstimateChange, ...]:
    old = {e.id: e for e in (before.begroting.ramingen if before.begroting else ())}
    new = {e.id: e for e in (after.begroting.ramingen if after.begroting else ())}
    found = []
    for key in [*new, *(k for k in old if k not in new)]:
        lines = _line_changes(old.get(key), new.get(key))
        if lines or key not in old or key not in new:
            found.append(EstimateChange(old.get(key), new.get(key), lines))
    return tuple(found)


def compare_plan(before: m.Plan, before_date: _dt.date, after: m.Plan, after_date: _dt.date) -> PlanChanges:
    """What changed in one plan between two stands, each read on its own peildatum."""
    then = st.reports_until(before, before_date)
    now = st.reports_until(after, after_date)
    # A plan has one report per peildatum (the loader refuses a second), so that date names a report.
    known = {r.peildatum for r in then}
    new_reports = tuple(r for r in now if r.peildatum not in known)
    new_dates = {r.peildatum for r in new_reports}
    earlier_actions = {a.id: a for a in before.acties}
    statuses, ends, new_actions = [], [], []
    for action in after.acties:
        state = st.state(after, action, after_date)
        old_action = earlier_actions.get(action.id)
        if old_action is None:
            new_actions.append((action, state))
            continue
        old_state = st.state(before, old_action, before_date)
        if old_state.status != state.status:
            reported = state.report is not None and state.report.peildatum in new_dates
            statuses.append(StatusChange(action, old_state, state, reported))
        if old_state.eind != state.eind or _planning_key(old_action) != _planning_key(action):
            latest = state.herplanningen[-1] if state.herplanningen else None
            by_report = latest if latest and latest[0].peildatum in new_dates and old_state.eind != state.eind \
                else None
            ends.append(EndChange(action, old_action, old_state, state, by_report))
    current = {a.id for a in after.acties}
    dropped = tuple((a, st.state(before, a, before_date)) for a in before.acties if a.id not in current)
    now_dates = {r.peildatum for r in now}
    return PlanChanges(after, before, new_reports=new_reports,
                       dropped_reports=tuple(r for r in then if r.peildatum not in now_dates),
                       statuses=tuple(statuses), ends=tuple(ends), new_actions=tuple(new_actions),
                       dropped_actions=dropped, budget=_budget_changes(before, after))


def compare(before: m.Site, before_date: _dt.date, after: m.Site, after_date: _dt.date) -> SiteChanges:
    """What changed on the site between an earlier stand and a later one, plan by plan."""
    old = {p.id: p for p in before.plannen}
    new_ids = {p.id for p in after.plannen}
    plans = [compare_plan(old[p.id], before_date, p, after_date) if p.id in old else PlanChanges(p, added=True)
             for p in after.plannen]
    plans += [PlanChanges(p, p, removed=True) for p in before.plannen if p.id not in new_ids]
    return SiteChanges(before_date, after_date, tuple(plans))


# --- The stands of a release, and what changed at each ---------------------------------------------------

@dataclass(frozen=True)
class StandData:
    stand: Stand
    site: m.Site | None  # None: the data of this stand are not available
    peildatum: _dt.date  # the date its statuses are read on: the stand's own
    unreadable: bool = False  # the data are there, but this version of the site cannot read them


@dataclass(frozen=True)
class StandChanges:
    """One published stand and what changed since the stand before it, as far as the data allow."""

    stand: Stand
    previous: StandData | None  # None: the first stand on the site
    current: StandData
    changes: SiteChanges | None  # None: the first stand, or the data of this or the previous stand are missing

    @property
    def anchor(self) -> str:
        return f"stand-{self.stand.slug}"


def data_folder(path: Path) -> Path | None:
    """The data/ folder of an earlier stand: the folder itself (holding plannen/), or a folder holding data/."""
    for candidate in (path, path / "data"):
        if (candidate / "plannen").is_dir():
            return candidate
    return None


def _load(stand, load) -> StandData:
    folder = data_folder(stand.data) if stand.data else None
    if folder is None:
        return StandData(stand, None, stand.peildatum)
    try:  # root: the folder around data/, so source texts resolve as data/plannen/<plan>/bron/...
        return StandData(stand, load(folder, folder.parent), stand.peildatum)
    except PlanDataError:
        return StandData(stand, None, stand.peildatum, unreadable=True)


def load_stands(publication: Publication | None, site: m.Site, peildatum: _dt.date,
                load=load_site) -> tuple[StandData, ...]:
    """Every stand of this release, oldest first, the current one (this build's data) last; () for a preview."""
    if publication is None:
        return ()
    return (*(_load(stand, load) for stand in publication.eerdere), StandData(publication.stand, site, peildatum))


def history(stands: tuple[StandData, ...]) -> tuple[StandChanges, ...]:
    """Per stand what changed since the one before it, newest first."""
    out = []
    for i, current in enumerate(stands):
        previous = stands[i - 1] if i else None
        changes = None
        if previous is not None and previous.site is not None and current.site is not None:
            changes = compare(previous.site, previous.peildatum, current.site, current.peildatum)
        out.append(StandChanges(current.stand, previous, current, changes))
    return tuple(reversed(out))
