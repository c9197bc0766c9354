"""The plan data model: plain, immutable Python objects.

Nothing here knows about YAML, HTML or MkDocs. The loader builds these
objects once per build; views compute from them; renderers show them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from .dutch import Moment, Periode

STATUSES = ("gepland", "gestart", "afgerond", "opgeschort", "vervallen")
PLAN_STATUSES = ("concept", "vastgesteld", "in-uitvoering", "afgerond")
ACTOR_KINDS = ("orgaan", "team", "rol", "adviesraad", "extern")
RACI_LETTERS = "RASCI"
PART_KINDS = ("aanbeveling", "actielijn", "thema")
AMOUNT_KINDS = ("incidenteel", "structureel")


@dataclass(frozen=True)
class Source:
    """A document the plan builds on or a report recommendations come from."""

    id: str
    titel: str
    auteur: str | None = None
    datum: Moment | None = None
    nummer: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    naam: str
    soort: str
    afkorting: str | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    titel: str


@dataclass(frozen=True)
class Part:
    """An aanbeveling, actielijn or thema: whatever the plan groups actions under."""

    id: str
    nummer: int
    titel: str
    korte_titel: str
    doel: str | None = None
    thema: str | None = None
    bron: str | None = None


@dataclass(frozen=True)
class Step:
    omschrijving: str
    datum: Moment


@dataclass(frozen=True)
class Planning:
    start: Moment | None = None
    eind: Moment | None = None
    doorlopend: bool = False
    stappen: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Action:
    id: str
    onderdeel: str
    titel: str
    tekst: str
    status: str
    status_toelichting: str
    trekker: str | None = None
    raci: tuple[tuple[str, str], ...] = ()  # (actor id, letters) in source order
    planning: Planning | None = None
    voortgang: int | None = None
    randvoorwaarde_voor: tuple[str, ...] = ()
    zie_ook: tuple[str, ...] = ()


@dataclass(frozen=True)
class BudgetLine:
    omschrijving: str
    onderdelen: tuple[str, ...] = ()
    acties: tuple[str, ...] = ()
    bedrag: Decimal | None = None  # euros
    fte: Decimal | None = None
    soort: str | None = None
    periode: Periode | None = None
    dekking: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Estimate:
    """One statement of the budget: the adopted begroting, or another source's figures."""

    id: str
    titel: str
    vastgesteld: bool
    regels: tuple[BudgetLine, ...]
    toelichting: str | None = None
    totaal: Decimal | None = None  # as the source states it
    per_jaar: tuple[tuple[int, Decimal], ...] = ()  # as the source states it
    line: int = 0


@dataclass(frozen=True)
class KnownDifference:
    raming: str
    betreft: str  # a part id, "totaal" or "per_jaar"
    toelichting: str
    line: int = 0


@dataclass(frozen=True)
class Budget:
    dekkingen: tuple[tuple[str, str], ...]
    ramingen: tuple[Estimate, ...]
    bekende_verschillen: tuple[KnownDifference, ...] = ()
    file: str = ""

    @property
    def vastgesteld(self) -> Estimate:
        return next(r for r in self.ramingen if r.vastgesteld)

    def dekking_naam(self, key: str | None) -> str | None:
        return dict(self.dekkingen).get(key) if key else None


@dataclass(frozen=True)
class Plan:
    id: str
    titel: str
    korte_titel: str
    status: str
    onderdeel_soort: str
    nummer: str | None = None
    datum: _dt.date | None = None
    portefeuillehouder: str | None = None
    team: str | None = None
    status_toelichting: str | None = None
    rapportage: str | None = None
    kader: tuple[Source, ...] = ()
    actoren: tuple[Actor, ...] = ()
    themas: tuple[Theme, ...] = ()
    bronnen: tuple[Source, ...] = ()
    onderdelen: tuple[Part, ...] = ()
    acties: tuple[Action, ...] = ()
    begroting: Budget | None = None

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actoren if a.id == actor_id)

    def onderdeel(self, part_id: str) -> Part:
        for part in self.onderdelen:
            if part.id == part_id:
                return part
        raise KeyError(f"plan '{self.id}' heeft geen onderdeel '{part_id}'")

    def actie(self, action_id: str) -> Action:
        for action in self.acties:
            if action.id == action_id:
                return action
        raise KeyError(f"plan '{self.id}' heeft geen actie '{action_id}'")

    def acties_van(self, part_id: str) -> tuple[Action, ...]:
        return tuple(a for a in self.acties if a.onderdeel == part_id)

    def thema(self, theme_id: str | None) -> Theme | None:
        return next((t for t in self.themas if t.id == theme_id), None)

    def bron(self, source_id: str | None) -> Source | None:
        return next((s for s in self.bronnen if s.id == source_id), None)


@dataclass(frozen=True)
class Site:
    plannen: tuple[Plan, ...] = field(default_factory=tuple)

    def plan(self, plan_id: str) -> Plan:
        for plan in self.plannen:
            if plan.id == plan_id:
                return plan
        raise KeyError(f"er is geen plan '{plan_id}'")
