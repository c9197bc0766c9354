"""Consistency checks on budgets: stated totals against computed sums.

A difference that the adopted source itself contains is listed in the data as
a known difference with an explanation; it then stays visible to readers but
does not stop the build. Any other difference stops the build.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from . import model as m
from . import views
from .dutch import euro
from .problems import Problem


@dataclass(frozen=True)
class Difference:
    plan: str
    raming: str
    betreft: str  # part id, "totaal" or "per_jaar"
    vermeld: Decimal  # what the estimate states
    vergelijk: Decimal  # what it is compared with
    uitleg: str  # Dutch sentence describing the difference
    line: int = 0
    toelichting: str | None = None  # explanation when the difference is known

    @property
    def verschil(self) -> Decimal:
        return self.vermeld - self.vergelijk


def budget_differences(plan: m.Plan) -> tuple[Difference, ...]:
    """Every difference between stated and computed figures, known or not."""
    b = plan.begroting
    if b is None or not b.ramingen:
        return ()
    found: list[Difference] = []
    adopted = b.leidend
    for raming in b.ramingen:
        som = views.euro_total(raming)
        if raming.totaal is not None and raming.totaal != som:
            found.append(Difference(plan.id, raming.id, "totaal", raming.totaal, som,
                                    f"{raming.titel}: het vermelde totaal is {euro(raming.totaal)}, "
                                    f"de som van de regels is {euro(som)}.", raming.line))
        per_jaar = views.declared_per_year_total(raming)
        if per_jaar is not None:
            expected = raming.totaal if raming.totaal is not None else som
            years = " en ".join(f"{euro(v)} voor {y}" for y, v in raming.per_jaar)
            if raming.totaal is not None:
                compared = f"het totaal dat {raming.door} noemt is {euro(expected)}"
            else:
                compared = (f"de bedragen per {plan.onderdeel_soort} in {raming.door} tellen op tot {euro(expected)} "
                            "(berekend door deze site)")
            if per_jaar != expected:
                found.append(Difference(plan.id, raming.id, "per_jaar", per_jaar, expected,
                                        f"{raming.titel}: {compared}. Dezelfde bron noemt {years}, samen "
                                        f"{euro(per_jaar)}.", raming.line))
        if raming is adopted:
            continue
        for part in plan.onderdelen:
            here, there = views.part_amount(raming, part.id), views.part_amount(adopted, part.id)
            if here is not None and there is not None and here != there:
                found.append(Difference(plan.id, raming.id, part.id, here, there,
                                        f"{raming.titel} noemt voor {part.korte_titel} ({part.id}) {euro(here)}; "
                                        f"{adopted.titel} noemt {euro(there)}.", raming.line))
    known = {(k.raming, k.betreft): k for k in b.bekende_verschillen}
    return tuple(
        Difference(**{**d.__dict__, "toelichting": known[(d.raming, d.betreft)].toelichting})
        if (d.raming, d.betreft) in known else d
        for d in found
    )


def explaining_parts(plan: m.Plan, total_difference: Difference) -> tuple[Difference, ...]:
    """The part differences of the same estimate that together account exactly for a total difference."""
    parts = tuple(d for d in budget_differences(plan)
                  if d.raming == total_difference.raming and d.betreft not in ("totaal", "per_jaar"))
    explained = sum((d.verschil for d in parts), Decimal(0))
    return parts if parts and explained == -total_difference.verschil else ()


def budget_problems(plan: m.Plan, budget_file: Path) -> list[Problem]:
    """Unexplained differences, and known differences that no longer exist."""
    if plan.begroting is None:
        return []
    differences = budget_differences(plan)
    problems = [
        Problem(budget_file, d.line, d.uitleg,
                "Pas het bedrag of het totaal aan. Staat dit verschil zo in de stukken zelf, zet het dan "
                f"onder bekende_verschillen met raming: {d.raming}, betreft: {d.betreft} en een toelichting.")
        for d in differences if d.toelichting is None
    ]
    present = {(d.raming, d.betreft) for d in differences}
    for k in plan.begroting.bekende_verschillen:
        if (k.raming, k.betreft) not in present:
            problems.append(Problem(budget_file, k.line,
                                    f"het bekende verschil bij raming '{k.raming}' ({k.betreft}) bestaat niet (meer).",
                                    "Haal dit bekende verschil weg, of controleer raming en betreft."))
    return problems
