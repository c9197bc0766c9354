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
PLAN_STATUSES = ("concept", "vastgesteld", "in-uitvoering", "afgerond", "ingetrokken")
FINISHED = ("afgerond", "vervallen")  # statuses after which an action cannot be late
ACTOR_KINDS = ("orgaan", "team", "rol", "adviesraad", "extern")
RACI_LETTERS = "RASCI"
PART_KINDS = ("aanbeveling", "actielijn", "thema", "spoor")
BODY_KINDS = ("stuurgroep", "projectgroep", "klankbordgroep", "werkgroep", "overleg")
MEMBER_ROLES = ("besluitvormend", "uitvoerend", "adviserend", "informerend")
RACI_OF_ROLE = {"besluitvormend": "A", "uitvoerend": "R", "adviserend": "C", "informerend": "I"}
LIST_KINDS = ("uitgangspunten", "randvoorwaarden", "leefgebieden", "doelen", "resultaten", "overig")
ADVICE_KINDS = ("advies", "aandachtspunt", "vraag", "motie", "aanbeveling")
DIRECTIONS = ("maximaal", "minimaal", "precies")
AMOUNT_KINDS = ("incidenteel", "structureel", "jaarlijks")  # jaarlijks: per jaar, for a limited number of years
# What a budget figure is, in the words of its source: an estimate, a proposal, or a decision of the raad.
ESTIMATE_KINDS = ("raming", "voorstel", "besluit")


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
    tekst: str | None = None  # the planning in the plan's own words ("voor de zomer van 2014")
    fase: str | None = None  # a phase of the plan, given as context when the plan gives the action no dates


@dataclass(frozen=True)
class Action:
    id: str
    onderdeel: str
    titel: str
    tekst: str
    status: str  # as the plan itself says, on the plan's date; reports never change it
    status_citaten: tuple[str, ...] = ()  # the words of the plan the status rests on
    status_toelichting: str | None = None
    trekker: str | None = None
    raci: tuple[tuple[str, str], ...] = ()  # (actor id, letters) in source order
    planning: Planning | None = None
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
    circa: bool = False  # the source says "circa"
    jaren: int | None = None  # for a yearly amount: for how many years, as the source says
    line: int = 0


@dataclass(frozen=True)
class Estimate:
    """One statement of the budget in one source: a raming, a voorstel or a besluit, as that source calls it."""

    id: str
    titel: str
    soort: str  # raming, voorstel or besluit
    door: str  # which document says it
    leidend: bool  # the figures the site shows first; any other estimate is compared with it
    regels: tuple[BudgetLine, ...]
    toelichting: str | None = None  # the source's own words about these figures
    kanttekening: str | None = None  # a caveat the source itself makes ("de uitgaven zijn groter dan ...")
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
    besluit: str | None = None  # what the decision itself says about the money, in its own words

    @property
    def leidend(self) -> Estimate:
        return next(r for r in self.ramingen if r.leidend)

    def dekking_naam(self, key: str | None) -> str | None:
        return dict(self.dekkingen).get(key) if key else None


@dataclass(frozen=True)
class Member:
    functie: str
    naam: str | None = None
    gekozen: bool = False  # elected officials may always be named
    rol: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class Body:
    """A kopgroep, stuurgroep, projectgroep or klankbordgroep."""

    id: str
    naam: str
    soort: str
    leden: tuple[Member, ...] = ()
    rol: str | None = None
    frequentie: str | None = None
    toelichting: str | None = None
    taken: tuple[str, ...] = ()
    bevoegdheden: tuple[str, ...] = ()

    def rol_van(self, member: Member) -> str | None:
        return member.rol or self.rol


@dataclass(frozen=True)
class Role:
    functie: str
    taken: tuple[str, ...] = ()
    bevoegdheden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    gremia: tuple[Body, ...] = ()
    rollen: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Phase:
    id: str
    naam: str
    van: Moment | None = None
    tot: Moment | None = None
    activiteiten: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScheduleRow:
    activiteit: str
    groep: str | None = None
    resultaat: str | None = None
    gereed: str | None = None  # as the plan writes it
    datum: Moment | None = None
    actie: str | None = None


@dataclass(frozen=True)
class Capacity:
    functie: str
    naam: str | None = None
    uren_intern: Decimal | None = None
    uren_inhuur: Decimal | None = None
    fte: Decimal | None = None


@dataclass(frozen=True)
class Report:
    rapport: str
    van: str | None = None
    aan: str | None = None
    frequentie: str | None = None
    opmerkingen: str | None = None


@dataclass(frozen=True)
class Schedule:
    fasen: tuple[Phase, ...] = ()
    detailplanning: tuple[ScheduleRow, ...] = ()
    capaciteit: tuple[Capacity, ...] = ()
    rapportages: tuple[Report, ...] = ()


@dataclass(frozen=True)
class Indicator:
    omschrijving: str
    peildatum: Moment | None = None
    doeljaar: int | None = None
    doel: Decimal | None = None
    eenheid: str | None = None
    richting: str | None = None


@dataclass(frozen=True)
class ListItem:
    titel: str
    toelichting: str | None = None


@dataclass(frozen=True)
class NamedList:
    id: str
    titel: str
    soort: str
    items: tuple[ListItem, ...]
    genummerd: bool = False
    inleiding: str | None = None


@dataclass(frozen=True)
class EscalationStep:
    naam: str
    toelichting: str | None = None


@dataclass(frozen=True)
class Escalation:
    titel: str
    stappen: tuple[EscalationStep, ...]


@dataclass(frozen=True)
class Goals:
    indicatoren: tuple[Indicator, ...] = ()
    lijsten: tuple[NamedList, ...] = ()
    escalatie: Escalation | None = None


@dataclass(frozen=True)
class AdviceLink:
    """One action linked to an advice point, with the words of the action text that show the link."""

    actie: str
    citaat: str | None = None  # a sentence that occurs word for word in the action's text
    plan_verwijst: bool | None = None  # True: the plan itself refers to the point; False: this site links on topic
    line: int = 0  # of the action id
    citaat_line: int = 0


@dataclass(frozen=True)
class Advice:
    """A voice from outside the college (ASDD, raad, rekenkamer) and the answer to it."""

    id: str
    van: str
    soort: str
    onderwerp: str
    tekst: str
    datum: Moment | None = None
    antwoord: str | None = None
    acties: tuple[str, ...] = ()  # action ids, in the order of koppelingen
    toelichting: str | None = None
    koppelingen: tuple[AdviceLink, ...] = ()  # per linked action: the quote and who makes the link

    def koppeling(self, action_id: str) -> AdviceLink | None:
        return next((k for k in self.koppelingen if k.actie == action_id), None)


@dataclass(frozen=True)
class Replanning:
    """A new planned end that a progress report gives, with the report's reason."""

    eind: Moment
    reden: str


@dataclass(frozen=True)
class ReportEntry:
    """What one progress report says about one action."""

    actie: str
    status: str
    toelichting: str
    voortgang: int | None = None  # percentage, only where the report gives one
    herplanning: Replanning | None = None
    line: int = 0


@dataclass(frozen=True)
class ProgressReport:
    """A voortgangsrapportage: the state of some actions on its peildatum, from one document."""

    id: str  # the file name without .yaml
    peildatum: _dt.date
    titel: str
    bron: Source
    acties: tuple[ReportEntry, ...]
    file: str = ""

    def over(self, action_id: str) -> ReportEntry | None:
        return next((e for e in self.acties if e.actie == action_id), None)


@dataclass(frozen=True)
class SourceTexts:
    """The full text of the documents a plan was transcribed from, kept beside its data."""

    bestanden: tuple[str, ...]  # paths relative to the project
    paginakoppen: tuple[str, ...] = ()  # running headers that cut sentences in the text; {getal} is any number


@dataclass(frozen=True)
class Plan:
    id: str
    titel: str
    korte_titel: str
    status: str
    onderdeel_soort: str
    nummer: str | None = None
    datum: Moment | None = None  # the plan's date at the precision the source gives (a year for an undated draft)
    historisch: bool = False  # history: nobody reports on it any more; never late
    portefeuillehouder: str | None = None
    bestuurder: str | None = None  # an alderman in another role than portefeuillehouder, as the plan names it
    team: str | None = None
    status_toelichting: str | None = None
    rapportage: str | None = None
    rapportages_per_jaar: int | None = None  # the plan's own reporting cadence, for "when was the next report due"
    kader: tuple[Source, ...] = ()
    actoren: tuple[Actor, ...] = ()
    themas: tuple[Theme, ...] = ()
    bronnen: tuple[Source, ...] = ()
    onderdelen: tuple[Part, ...] = ()
    acties: tuple[Action, ...] = ()
    begroting: Budget | None = None
    namen_tonen: bool = False
    samenvatting: str | None = None
    organisatie: Organisation | None = None
    planning: Schedule | None = None
    doelen: Goals | None = None
    adviezen: tuple[Advice, ...] = ()
    voortgangsrapportages: tuple[ProgressReport, ...] = ()  # oldest first
    brontekst: SourceTexts | None = None

    def lijst(self, list_id: str) -> NamedList:
        for named in (self.doelen.lijsten if self.doelen else ()):
            if named.id == list_id:
                return named
        raise KeyError(f"plan '{self.id}' heeft geen lijst '{list_id}'")

    def adviezen_bij(self, action_id: str) -> tuple[Advice, ...]:
        return tuple(a for a in self.adviezen if action_id in a.acties)

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
class Term:
    """An abbreviation or term of art, explained in plain language."""

    term: str
    soort: str  # afkorting or begrip
    uitleg: str
    voluit: str | None = None
    varianten: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.varianten)

    @property
    def short_meaning(self) -> str:
        return self.voluit or self.uitleg


@dataclass(frozen=True)
class Site:
    plannen: tuple[Plan, ...] = field(default_factory=tuple)
    begrippen: tuple[Term, ...] = ()

    def abbreviations(self) -> dict[str, Term]:
        """Every spelling of every abbreviation, for marking them up on pages."""
        return {spelling: t for t in self.begrippen if t.soort == "afkorting" for spelling in t.spellings}

    def plan(self, plan_id: str) -> Plan:
        for plan in self.plannen:
            if plan.id == plan_id:
                return plan
        raise KeyError(f"er is geen plan '{plan_id}'")
