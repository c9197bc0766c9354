"""Figures computed from the model: budget totals, planning spans and capacity.

Pages never contain a typed total; every number a reader sees comes from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import model as m


@dataclass(frozen=True)
class Subtotal:
    label_ids: tuple[str, ...]  # what the amount belongs to (part ids, a year, a funding source)
    euro: Decimal
    fte: Decimal
    regels: tuple[m.BudgetLine, ...]


def _sum(lines, attribute: str) -> Decimal:
    return sum((getattr(line, attribute) for line in lines if getattr(line, attribute) is not None), Decimal(0))


def euro_total(estimate: m.Estimate) -> Decimal:
    return _sum(estimate.regels, "bedrag")


def _grouped(lines, key) -> tuple[Subtotal, ...]:
    groups: dict = {}
    for line in lines:
        groups.setdefault(key(line), []).append(line)
    return tuple(Subtotal(k, _sum(v, "bedrag"), _sum(v, "fte"), tuple(v)) for k, v in groups.items())


def line_parts(plan: m.Plan, line: m.BudgetLine) -> tuple[str, ...]:
    """The parts a budget line is for: as listed, or else the parts of the actions it is given for."""
    if line.onderdelen or not line.acties:
        return line.onderdelen
    ids = {action.id: action.onderdeel for action in plan.acties}
    return tuple(dict.fromkeys(ids[a] for a in line.acties if ids.get(a)))


def by_part(plan: m.Plan, estimate: m.Estimate) -> tuple[Subtotal, ...]:
    """One row per group of parts as the source lists them (e.g. 'Aanbeveling 1 en 2' together)."""
    return _grouped(estimate.regels, lambda line: line_parts(plan, line))


def by_period(estimate: m.Estimate) -> tuple[Subtotal, ...]:
    """Per year or per period as stated; a line for 2024-2025 is not split, because the source does not."""
    rows = _grouped(estimate.regels, lambda line: (str(line.periode),) if line.periode else ("",))
    return tuple(sorted(rows, key=lambda s: s.label_ids))


def by_funding(estimate: m.Estimate) -> tuple[Subtotal, ...]:
    return _grouped(estimate.regels, lambda line: (line.dekking or "",))


def lines_for_part(plan: m.Plan, estimate: m.Estimate, part_id: str) -> tuple[m.BudgetLine, ...]:
    return tuple(line for line in estimate.regels if part_id in line_parts(plan, line))


def part_amount(estimate: m.Estimate, part_id: str) -> Decimal | None:
    """Amount stated for exactly this part, or None when the part has no line of its own."""
    own = [line for line in estimate.regels if line.onderdelen == (part_id,) and line.bedrag is not None]
    return _sum(own, "bedrag") if own else None


def declared_per_year_total(estimate: m.Estimate) -> Decimal | None:
    return sum((v for _, v in estimate.per_jaar), Decimal(0)) if estimate.per_jaar else None


def span(action: m.Action):
    """(begin, end) dates of an action's own planning, or None when the plan gives it no dates."""
    p = action.planning
    if p is None or p.fase:
        return None
    dates = [x for x in (p.start, p.eind) if x] + [s.datum for s in p.stappen if s.datum]
    if not dates:
        return None
    return min(d.begin for d in dates), max(d.einde for d in dates)


def capacity_totals(rows) -> dict[str, Decimal]:
    return {key: sum((getattr(r, key) for r in rows if getattr(r, key) is not None), Decimal(0))
            for key in ("uren_intern", "uren_inhuur", "fte")}


def raci_from_organisation(organisation: m.Organisation):
    """Rows (functie, {body id: letter}) derived from each member's role in each body."""
    rows: dict[str, dict[str, str]] = {}
    for body in organisation.gremia:
        for member in body.leden:
            role = body.rol_van(member)
            if role:
                rows.setdefault(member.functie, {})[body.id] = m.RACI_OF_ROLE[role]
    return rows


def totals_by_kind(estimate: m.Estimate) -> tuple[tuple[str | None, Decimal, Decimal, bool], ...]:
    """(soort, euro, fte, circa) per kind of amount: one-off and yearly amounts are never added together."""
    kinds: dict = {}
    for line in estimate.regels:
        if line.bedrag is None and line.fte is None:
            continue
        key = line.soort if line.soort == "jaarlijks" else None
        euro, fte_, circa = kinds.get(key, (Decimal(0), Decimal(0), False))
        kinds[key] = (euro + (line.bedrag or 0), fte_ + (line.fte or 0), circa or line.circa)
    return tuple((k, *v) for k, v in kinds.items())


def recommendations_by_report(plan: m.Plan) -> tuple[tuple[m.Source, tuple[m.Recommendation, ...]], ...]:
    """Per report, in the order of bronnen, its recommendations in the report's number order."""
    return tuple((source, tuple(sorted((r for r in plan.aanbevelingen if r.rapport == source.id),
                                       key=lambda r: number_key(r.nummer))))
                 for source in plan.bronnen if any(r.rapport == source.id for r in plan.aanbevelingen))


def answering_actions(plan: m.Plan, recommendations) -> tuple[m.Action, ...]:
    """The actions that answer any of these recommendations, each once, in the plan's order."""
    ids = {action_id for r in recommendations for action_id in r.acties}
    return tuple(a for a in plan.acties if a.id in ids)


def number_key(nummer: str | None) -> tuple:
    """The order of numbers as a report or letter numbers them: 2 before 10, 3 before 3a."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.findall(r"\d+|[^\d\s.]+", str(nummer or "")))
