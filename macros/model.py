"""The plan data model: plain, immutable Python objects.

Nothing here knows about YAML, HTML or MkDocs. The loader builds these
objects once per build; views compute from them; renderers show them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import MISSING, dataclass, field
from functools import cached_property
from decimal import Decimal

from .dutch import Moment, Periode

STATUSES = ("gepland", "gestart", "afgerond", "opgeschort", "vervallen")
PLAN_STATUSES = ("concept", "vastgesteld", "in-uitvoering", "afgerond", "ingetrokken")
FINISHED = ("afgerond", "vervallen")  # statuses after which an action cannot be late
ACTOR_KINDS = ("orgaan", "team", "rol", "adviesraad", "extern")
RACI_LETTERS = "RASCI"
BODY_KINDS = ("stuurgroep", "projectgroep", "klankbordgroep", "werkgroep", "overleg")
MEMBER_ROLES = ("besluitvormend", "uitvoerend", "adviserend", "informerend")
RACI_OF_ROLE = {"besluitvormend": "A", "uitvoerend": "R", "adviserend": "C", "informerend": "I"}
LIST_KINDS = ("uitgangspunten", "randvoorwaarden", "leefgebieden", "doelen", "resultaten", "overig")
ADVICE_KINDS = ("advies", "aandachtspunt", "vraag", "opmerking", "motie", "aanbeveling")
DIRECTIONS = ("maximaal", "minimaal", "precies")
AMOUNT_KINDS = ("incidenteel", "structureel", "jaarlijks")  # jaarlijks: per jaar, for a limited number of years
# What a budget figure is, in the words of its source: an estimate, a proposal, or a decision of the raad.
ESTIMATE_KINDS = ("raming", "voorstel", "besluit")


def _uitleg(tekst: str, default=MISSING):
    """A field that staff fill in, with what it means in Dutch: the editor schema (macros/schema.py) shows it."""
    return field(default=default, metadata={"uitleg": tekst})


def _intern(default=MISSING):
    """A field the loader fills in itself (a line number, a file name): no key in any YAML file."""
    return field(default=default, metadata={"intern": True})


@dataclass(frozen=True)
class Source:
    """A document the plan builds on or a report recommendations come from."""

    id: str = _uitleg("Korte naam van de bron, in kleine letters met streepjes; andere bestanden verwijzen ernaar.")
    titel: str = _uitleg("De titel van het document, zoals het document zelf die noemt.")
    auteur: str | None = _uitleg("Wie het document heeft geschreven of uitgebracht.", None)
    datum: Moment | None = _uitleg("De datum van het document, zo precies als het document die noemt.", None)
    nummer: str | None = _uitleg("Het nummer van het document, bijvoorbeeld het besluitnummer 2023-866.", None)
    link: str | None = _uitleg(
        "Het volledige webadres van het document; begint met https://. Geen Outlook-doorstuurlink "
        "(safelinks).", None)


@dataclass(frozen=True)
class Actor:
    id: str = _uitleg(
        "Korte naam van de actor, in kleine letters met streepjes; acties verwijzen ernaar bij trekker en "
        "raci.")
    naam: str = _uitleg(
        "De naam van het orgaan, team of de rol, zoals het plan die noemt. Geen namen van medewerkers.")
    soort: str = _uitleg("Wat voor actor het is.")
    afkorting: str | None = _uitleg(
        "De afkorting die het plan gebruikt, bijvoorbeeld ASDD. Zet die ook in de begrippenlijst.", None)


@dataclass(frozen=True)
class Theme:
    id: str = _uitleg("Korte naam van het thema, in kleine letters met streepjes; onderdelen verwijzen ernaar.")
    titel: str = _uitleg("De naam van het thema, zoals het plan die noemt.")


@dataclass(frozen=True)
class PartGoal:
    """A doel between a part and its actions: a plan organised as pijler -> doel -> acties."""

    id: str = _uitleg("Het nummer of de code van het doel, zoals 1.1; acties verwijzen ernaar met 'doel'.")
    titel: str = _uitleg("Het doel, in de woorden van het plan.")
    planning: Planning | None = _uitleg("Wanneer het doel bereikt moet zijn, zo precies als het plan het zegt.", None)


@dataclass(frozen=True)
class Part:
    """An aanbeveling, actielijn or thema: whatever the plan groups actions under."""

    id: str = _uitleg("Het nummer of de code van het onderdeel, zoals I, II of 1; acties verwijzen ernaar.")
    nummer: int = _uitleg("Het volgnummer van het onderdeel: bepaalt de volgorde op de site.")
    titel: str = _uitleg("De volledige titel van het onderdeel, zoals het plan die noemt.")
    korte_titel: str = _uitleg("Een korte titel voor menu's en tabellen. Leeg: de site gebruikt de titel.")
    doel: str | None = _uitleg("Het doel van het onderdeel, in de woorden van het plan.", None)
    thema: str | None = _uitleg(
        "Het id van het thema waar dit onderdeel onder valt (uit themas in onderdelen.yaml).", None)
    bron: str | None = _uitleg(
        "Het id van het rapport waar dit onderdeel uit komt (uit bronnen in onderdelen.yaml).", None)
    label: str | None = _uitleg(
        "Hoe de site dit onderdeel noemt als het niet in de reeks past, bijvoorbeeld 'Monitoring en kwaliteit' "
        "tussen de pijlers. Leeg: het soort onderdeel met het nummer, zoals 'Pijler 2'.", None)
    in_het_kort: str | None = _uitleg(
        "Een paar korte zinnen in eenvoudige taal (B1) bovenaan de pagina van dit onderdeel. Leeg: de site "
        "schrijft een korte standaardtekst.", None)
    inleiding: str | None = _uitleg(
        "De uitleg van het plan bij dit onderdeel ('onze aanpak'), in Markdown; staat boven de acties.", None)
    doelen: tuple[PartGoal, ...] = _uitleg(
        "De doelen van dit onderdeel, als het plan tussen onderdeel en acties doelen noemt (pijler, doel, acties).", ())
    document: str | None = _uitleg(  # in a plan of several documents: the one this part comes from
        "Het id van het stuk waar dit onderdeel uit komt (uit documenten in plan.yaml); alleen als het plan uit "
        "meer stukken bestaat.", None)

    def doel_met_id(self, goal_id: str | None) -> PartGoal | None:
        return next((g for g in self.doelen if g.id == goal_id), None)


@dataclass(frozen=True)
class Step:
    omschrijving: str = _uitleg("Wat er in deze stap gebeurt.")
    datum: Moment = _uitleg("Wanneer de stap klaar moet zijn.")


@dataclass(frozen=True)
class Planning:
    start: Moment | None = _uitleg("Wanneer de actie begint, zo precies als het plan het zegt.", None)
    eind: Moment | None = _uitleg("Wanneer de actie klaar moet zijn, zo precies als het plan het zegt.", None)
    doorlopend: bool = _uitleg("true als de actie geen eind heeft (dan geen eind invullen).", False)
    stappen: tuple[Step, ...] = _uitleg("Tussenstappen met elk een omschrijving en een datum.", ())
    tekst: str | None = _uitleg(  # the planning in the plan's own words ("voor de zomer van 2014", "Q4"); shown as such
        "De planning in de woorden van het plan, bijvoorbeeld 'voor de zomer van 2014', 'Q4' of 'na besluit van de "
        "raad'. De site toont deze woorden.", None)
    fase: str | None = _uitleg(  # a phase of the plan, given as context when the plan gives the action no dates
        "Het id van een fase uit planning.yaml; alleen als het plan de actie geen eigen datums geeft.", None)
    herhaling: str | None = _uitleg(  # recurring, in the plan's words; never late because a first occurrence passed
        "Hoe vaak de actie terugkomt, in de woorden van het plan: 'maandelijks', 'jaarlijks', 'daarna jaarlijks'. "
        "Zet bij start de eerste keer, als het plan die noemt.", None)


@dataclass(frozen=True)
class Action:
    id: str = _uitleg("Het nummer van de actie, zoals I.a of 1.2; rapportages en andere bestanden verwijzen ernaar.")
    onderdeel: str = _uitleg("Het id van het onderdeel waar de actie onder valt (uit onderdelen.yaml).")
    titel: str = _uitleg("Een korte titel van de actie, met woorden uit de tekst van het plan.")
    tekst: str = _uitleg("De volledige tekst van de actie, letterlijk uit het plan.")
    status: str = _uitleg(  # as the plan itself says, on the plan's date; reports never change it
        "De status zoals het plan zelf die noemt, op de datum van het plan. Latere voortgang hoort in een "
        "rapportage.")
    status_citaten: tuple[str, ...] = _uitleg(  # the words of the plan the status rests on
        "De zinnen uit het plan waar de status op rust; verplicht bij elke status behalve gepland.", ())
    status_toelichting: str | None = _uitleg("Een korte uitleg bij de status, als dat nodig is.", None)
    trekker: str | None = _uitleg("Het id van de actor die de actie trekt (uit actoren.yaml).", None)
    raci: tuple[tuple[str, str], ...] = _uitleg(  # (actor id, letters) in source order
        "Per actor de RACI-letters, zoals 'college: A'. Alleen wat de tekst van het plan zegt.", ())
    planning: Planning | None = _uitleg("Wanneer de actie begint en klaar is, met eventuele stappen.", None)
    randvoorwaarde_voor: tuple[str, ...] = _uitleg("De id's van acties die pas kunnen als deze actie klaar is.", ())
    zie_ook: tuple[str, ...] = _uitleg(
        "De id's van verwante acties; voor een actie van een ander plan: plan/actie.", ())
    samen: tuple[str, ...] = _uitleg(  # several actors and no lead, as the plan says it
        "De id's van de actoren die de actie samen doen, als het plan meerdere noemt en geen trekker "
        "(uit actoren.yaml).", ())
    doel: str | None = _uitleg(  # pijler -> doel -> acties
        "Het id van het doel waar de actie onder valt (uit de doelen van het onderdeel in onderdelen.yaml).", None)
    document: str | None = _uitleg(  # in a plan of several documents: the one this action comes from
        "Het id van het stuk waar deze actie uit komt (uit documenten in plan.yaml). Leeg: het stuk van het "
        "onderdeel, als dat er een noemt.", None)


@dataclass(frozen=True)
class BudgetLine:
    omschrijving: str = _uitleg("Waar het geld of de formatie voor is, in de woorden van de bron.")
    onderdelen: tuple[str, ...] = _uitleg("De id's van de onderdelen waar dit bedrag bij hoort.", ())
    acties: tuple[str, ...] = _uitleg("De id's van de acties waar dit bedrag bij hoort.", ())
    bedrag: Decimal | None = _uitleg(  # euros
        "Het bedrag in hele euro's, als gewoon getal zonder punten of euroteken: 300000.", None)
    fte: Decimal | None = _uitleg(
        "De formatie in fte, als getal met een punt voor decimalen: 1.5. Noemt de bron bij één regel fte én een "
        "bedrag, zet dan beide in die regel.", None)
    soort: str | None = _uitleg(
        "Of het bedrag eenmalig (incidenteel), blijvend (structureel) of een aantal jaren per jaar "
        "(jaarlijks) is.", None)
    periode: Periode | None = _uitleg("Het jaar of de jaren van het bedrag: 2024 of 2024-2025.", None)
    dekking: str | None = _uitleg("Het id van de dekking (uit dekkingen bovenaan begroting.yaml).", None)
    circa: bool = _uitleg("true als de bron 'circa' of 'ongeveer' zegt.", False)  # the source says "circa"
    jaren: int | None = _uitleg(  # for a yearly amount: for how many years, as the source says
        "Bij een jaarlijks bedrag: voor hoeveel jaren, zoals de bron zegt.", None)
    line: int = _intern(0)


@dataclass(frozen=True)
class Estimate:
    """One statement of the budget in one source: a raming, a voorstel or a besluit, as that source calls it."""

    id: str = _uitleg("Korte naam van deze raming, in kleine letters met streepjes.")
    titel: str = _uitleg("De naam van deze raming op de site, bijvoorbeeld 'Plan van aanpak'.")
    soort: str | None = _uitleg(  # raming, voorstel or besluit; None: the source does not say
        "Wat de bron zelf van deze bedragen zegt: een raming, een voorstel of een besluit. Weglaten als de bron "
        "het niet zegt.")
    door: str = _uitleg("Welk document deze bedragen noemt.")  # which document says it
    leidend: bool = _uitleg(  # the figures the site shows first; any other estimate is compared with it
        "true bij de bedragen die de site als eerste toont; precies één raming is leidend.")
    regels: tuple[BudgetLine, ...] = _uitleg(
        "De regels van de raming, elk met een omschrijving en een bedrag of fte.")
    toelichting: str | None = _uitleg(  # the source's own words about these figures
        "Wat de bron zelf over deze bedragen zegt.", None)
    kanttekening: str | None = _uitleg(  # a caveat the source itself makes ("de uitgaven zijn groter dan ...")
        "Een kanttekening die de bron zelf maakt.", None)
    totaal: Decimal | None = _uitleg(  # as the source states it
        "Het totaal zoals de bron het noemt, in hele euro's zonder punten.", None)
    per_jaar: tuple[tuple[int, Decimal], ...] = _uitleg(  # as the source states it
        "Het bedrag per jaar zoals de bron het noemt, bijvoorbeeld '2024: 600000'.", ())
    line: int = _intern(0)


@dataclass(frozen=True)
class KnownDifference:
    raming: str = _uitleg("Het id van de raming die verschilt van de leidende raming.")
    betreft: str = _uitleg(  # a part id, "totaal" or "per_jaar"
        "Waar het verschil zit: het id van een onderdeel, 'totaal' of 'per_jaar'.")
    toelichting: str = _uitleg("Waarom de bedragen verschillen, in eenvoudige taal.")
    line: int = _intern(0)


@dataclass(frozen=True)
class Budget:
    dekkingen: tuple[tuple[str, str], ...] = _uitleg(
        "Waar het geld vandaan komt: per regel een id en een naam, zoals 'algemene-middelen: Algemene "
        "middelen'.")
    ramingen: tuple[Estimate, ...] = _uitleg("De bedragen per bron: het plan, de raadsmededeling, een besluit.")
    bekende_verschillen: tuple[KnownDifference, ...] = _uitleg(
        "Verschillen tussen ramingen die de bronnen zelf hebben, met een uitleg.", ())
    file: str = _intern("")
    besluit: str | None = _uitleg(  # what the decision itself says about the money, in its own words
        "Wat het besluit zelf over het geld zegt, in zijn eigen woorden.", None)

    @property
    def leidend(self) -> Estimate:
        return next(r for r in self.ramingen if r.leidend)

    def dekking_naam(self, key: str | None) -> str | None:
        return dict(self.dekkingen).get(key) if key else None


@dataclass(frozen=True)
class Member:
    functie: str = _uitleg("De functie van het lid, zoals 'wethouder' of 'teammanager'.")
    naam: str | None = _uitleg(
        "De naam van het lid; de site toont die alleen als namen_tonen aan staat of bij gekozen "
        "bestuurders.", None)
    gekozen: bool = _uitleg(  # elected officials may always be named
        "true voor een gekozen bestuurder: die mag altijd met naam genoemd worden.", False)
    rol: str | None = _uitleg("Wat het lid in deze groep doet, als die rol anders is dan die van de groep.", None)
    actor: str | None = _uitleg("Het id van de actor die dit lid is (uit actoren.yaml).", None)


@dataclass(frozen=True)
class Body:
    """A kopgroep, stuurgroep, projectgroep or klankbordgroep."""

    id: str = _uitleg("Korte naam van de groep, in kleine letters met streepjes.")
    naam: str = _uitleg("De naam van de groep, zoals het plan die noemt.")
    soort: str = _uitleg("Wat voor groep het is.")
    leden: tuple[Member, ...] = _uitleg("Wie er in de groep zitten.", ())
    rol: str | None = _uitleg(
        "Wat de groep doet: besluiten, uitvoeren, adviseren of geïnformeerd worden. Alleen als het plan"
        " het zegt.", None)
    frequentie: str | None = _uitleg("Hoe vaak de groep bijeenkomt, zoals het plan zegt.", None)
    toelichting: str | None = _uitleg("Een korte uitleg over de groep.", None)
    taken: tuple[str, ...] = _uitleg("De taken van de groep, elk op een eigen regel met '- '.", ())
    bevoegdheden: tuple[str, ...] = _uitleg("Wat de groep mag beslissen, elk op een eigen regel met '- '.", ())

    def rol_van(self, member: Member) -> str | None:
        return member.rol or self.rol


@dataclass(frozen=True)
class Role:
    functie: str = _uitleg("De naam van de rol, zoals 'projectleider'.")
    taken: tuple[str, ...] = _uitleg("De taken van de rol, elk op een eigen regel met '- '.", ())
    bevoegdheden: tuple[str, ...] = _uitleg("Wat de rol mag beslissen, elk op een eigen regel met '- '.", ())


@dataclass(frozen=True)
class Organisation:
    gremia: tuple[Body, ...] = _uitleg(
        "De groepen van het plan: stuurgroep, projectgroep, klankbordgroep en dergelijke.", ())
    rollen: tuple[Role, ...] = _uitleg("De rollen van het plan met hun taken en bevoegdheden.", ())


@dataclass(frozen=True)
class Phase:
    id: str = _uitleg("Korte naam van de fase, in kleine letters met streepjes; acties kunnen ernaar verwijzen.")
    naam: str = _uitleg("De naam van de fase, zoals het plan die noemt.")
    van: Moment | None = _uitleg("Wanneer de fase begint.", None)
    tot: Moment | None = _uitleg("Wanneer de fase eindigt.", None)
    activiteiten: tuple[str, ...] = _uitleg("Wat er in deze fase gebeurt, elk op een eigen regel met '- '.", ())


@dataclass(frozen=True)
class ScheduleRow:
    activiteit: str = _uitleg("Wat er gebeurt, in de woorden van het plan.")
    groep: str | None = _uitleg("Onder welk kopje van de planning de regel staat.", None)
    resultaat: str | None = _uitleg("Wat de activiteit oplevert.", None)
    gereed: str | None = _uitleg(  # as the plan writes it
        "Wanneer het klaar is, zoals het plan het schrijft ('voor de zomer').", None)
    datum: Moment | None = _uitleg("Wanneer het klaar is, als datum of periode.", None)
    actie: str | None = _uitleg("Het id van de actie waar deze regel bij hoort (uit acties.yaml).", None)


@dataclass(frozen=True)
class Capacity:
    functie: str = _uitleg("De functie die uren levert.")
    naam: str | None = _uitleg("De naam van de medewerker; de site toont die alleen als namen_tonen aan staat.", None)
    uren_intern: Decimal | None = _uitleg("Het aantal uren van eigen medewerkers, als getal.", None)
    uren_inhuur: Decimal | None = _uitleg("Het aantal ingehuurde uren, als getal.", None)
    fte: Decimal | None = _uitleg("De formatie in fte, als getal met een punt voor decimalen: 0.5.", None)


@dataclass(frozen=True)
class Report:
    rapport: str = _uitleg("De naam van de rapportage.")
    van: str | None = _uitleg("Wie de rapportage maakt.", None)
    aan: str | None = _uitleg("Voor wie de rapportage is.", None)
    frequentie: str | None = _uitleg("Hoe vaak de rapportage verschijnt.", None)
    opmerkingen: str | None = _uitleg("Overige opmerkingen bij de rapportage.", None)


@dataclass(frozen=True)
class Schedule:
    fasen: tuple[Phase, ...] = _uitleg("De fasen van het plan, met hun begin en eind.", ())
    detailplanning: tuple[ScheduleRow, ...] = _uitleg("De regels van de detailplanning, zoals het plan ze noemt.", ())
    capaciteit: tuple[Capacity, ...] = _uitleg("Wie hoeveel uren of fte aan het plan werkt.", ())
    rapportages: tuple[Report, ...] = _uitleg("Welke rapportages het plan noemt, van wie, aan wie en hoe vaak.", ())


@dataclass(frozen=True)
class Indicator:
    omschrijving: str = _uitleg("Wat er gemeten wordt, in de woorden van het plan.")
    peildatum: Moment | None = _uitleg("De datum van de beginwaarde, zoals het plan die noemt.", None)
    doeljaar: int | None = _uitleg(
        "Het jaar waarin het doel gehaald moet zijn; alleen als het plan een jaar noemt.", None)
    doel: Decimal | None = _uitleg("De doelwaarde als getal.", None)
    eenheid: str | None = _uitleg("De eenheid van het doel, zoals 'procent' of 'cliënten'.", None)
    richting: str | None = _uitleg(  # only when the source says the word; the loader checks that it does
        "Of het doel een bovengrens (maximaal), een ondergrens (minimaal) of een precieze waarde (precies) is; "
        "alleen als dat woord in de omschrijving of de norm staat.", None)
    norm: str | None = _uitleg(  # the norm in the plan's words; shown as written
        "De norm in de woorden van het plan, zoals 'binnen 4 weken' of 'in 90% van de dossiers'.", None)


@dataclass(frozen=True)
class ListItem:
    titel: str = _uitleg("De tekst van het punt.")
    toelichting: str | None = _uitleg("Een uitleg bij het punt.", None)


@dataclass(frozen=True)
class NamedList:
    id: str = _uitleg("Korte naam van de lijst, in kleine letters met streepjes; pagina's tonen de lijst met dit id.")
    titel: str = _uitleg("De titel van de lijst op de site.")
    soort: str = _uitleg("Wat voor lijst het is.")
    items: tuple[ListItem, ...] = _uitleg("De punten van de lijst: een tekst, of een titel met een toelichting.")
    genummerd: bool = _uitleg("true als het plan de punten nummert.", False)
    inleiding: str | None = _uitleg("Een zin uit het plan die de lijst inleidt.", None)


@dataclass(frozen=True)
class EscalationStep:
    naam: str = _uitleg("Wie in deze stap van de escalatie aan zet is.")
    toelichting: str | None = _uitleg("Wat er in deze stap gebeurt.", None)


@dataclass(frozen=True)
class Escalation:
    titel: str = _uitleg("De titel van de escalatieroute.")
    stappen: tuple[EscalationStep, ...] = _uitleg("De stappen van de escalatieroute, in volgorde.")


@dataclass(frozen=True)
class Goals:
    indicatoren: tuple[Indicator, ...] = _uitleg(
        "De doelen van het plan: met een getal of een norm, of zonder getal als het plan er geen noemt.", ())
    lijsten: tuple[NamedList, ...] = _uitleg(
        "Lijsten uit het plan: uitgangspunten, randvoorwaarden, doelen en dergelijke.", ())
    escalatie: Escalation | None = _uitleg("De escalatieroute van het plan, als het plan die noemt.", None)


@dataclass(frozen=True)
class AdviceLink:
    """One action linked to an advice point, with the words of the action text that show the link."""

    actie: str = _uitleg("Het id van de actie die bij dit advies hoort (uit acties.yaml).")
    citaat: str | None = _uitleg(  # a sentence that occurs word for word in the action's text
        "Een zin die woord voor woord in de tekst van die actie staat en het verband laat zien.", None)
    # True: the plan itself refers to the point; False: this site links on topic
    plan_verwijst: bool | None = _uitleg(
        "true als het plan zelf naar dit punt verwijst; false als deze site de koppeling legt.", None)
    line: int = _intern(0)  # of the action id
    citaat_line: int = _intern(0)


@dataclass(frozen=True)
class Advice:
    """A voice from outside the college (ASDD, raad, rekenkamer) and the answer to it."""

    id: str = _uitleg("Korte naam van het advies, in kleine letters met streepjes.")
    van: str = _uitleg("Het id van de actor van wie het advies komt (uit actoren.yaml).")
    soort: str = _uitleg("Wat voor inbreng het is.")
    onderwerp: str | None = _uitleg(  # None: a numbered point of a letter that names no subject
        "Waar het advies over gaat, in een paar woorden. Mag weg bij een genummerd punt (nummer) als de bron geen "
        "onderwerp noemt.")
    tekst: str = _uitleg("Het advies in de woorden van de bron.")
    datum: Moment | None = _uitleg("Wanneer het advies is gegeven.", None)
    antwoord: str | None = _uitleg("Het antwoord van het college, als de bron dat geeft.", None)
    acties: tuple[str, ...] = _uitleg(  # action ids, in the order of koppelingen
        "De acties die bij dit advies horen: een id, of een actie met citaat en plan_verwijst.", ())
    toelichting: str | None = _uitleg("Een korte uitleg bij het advies.", None)
    koppelingen: tuple[AdviceLink, ...] = ()  # per linked action: the quote and who makes the link
    nummer: str | None = _uitleg(  # as the letter numbers its questions and remarks; the file keeps its order
        "Het nummer van de vraag of opmerking, zoals de brief die nummert (3, of 3a).", None)
    toezeggingen: tuple[str, ...] = _uitleg(  # commitments made in the answer, each an action of its own
        "De id's van de acties die de gemeente in het antwoord toezegt (uit acties.yaml).", ())
    document: str | None = _uitleg(
        "Het id van het stuk waar dit punt en het antwoord in staan (uit documenten in plan.yaml).", None)
    line: int = _intern(0)

    def koppeling(self, action_id: str) -> AdviceLink | None:
        return next((k for k in self.koppelingen if k.actie == action_id), None)


@dataclass(frozen=True)
class Replanning:
    """A new planned end that a progress report gives, with the report's reason."""

    eind: Moment = _uitleg("Het nieuwe geplande einde van de actie, na de peildatum.")
    reden: str = _uitleg("Waarom de actie later klaar is, zoals de rapportage zegt.")


@dataclass(frozen=True)
class ReportEntry:
    """What one progress report says about one action."""

    actie: str = _uitleg("Het id van de actie waar deze regel over gaat (uit acties.yaml).")
    status: str = _uitleg("De status van de actie op de peildatum, volgens de rapportage.")
    toelichting: str = _uitleg("Een korte uitleg in eenvoudige taal (B1); het hele verhaal staat in de bron.")
    voortgang: int | None = _uitleg(  # percentage, only where the report gives one
        "Hoe ver de actie is, in procent (0 tot en met 100); alleen als de rapportage een getal noemt.", None)
    herplanning: Replanning | None = _uitleg("Een nieuw gepland einde dat de rapportage noemt, met de reden.", None)
    line: int = _intern(0)


@dataclass(frozen=True)
class ProgressReport:
    """A voortgangsrapportage: the state of some actions on its peildatum, from one document."""

    id: str = _intern()  # the file name without .yaml
    peildatum: _dt.date = _uitleg("De datum waarop de feiten in de rapportage slaan, als JJJJ-MM-DD.")
    titel: str = _uitleg("De titel van de rapportage op de site.")
    bron: Source = _uitleg("Het document waar de rapportage uit komt.")
    acties: tuple[ReportEntry, ...] = _uitleg(
        "Per actie wat de rapportage zegt: status, toelichting en eventueel voortgang en herplanning.")
    file: str = _intern("")

    def over(self, action_id: str) -> ReportEntry | None:
        return next((e for e in self.acties if e.actie == action_id), None)


@dataclass(frozen=True)
class SourceTexts:
    """The full text of the documents a plan was transcribed from, kept beside its data."""

    bestanden: tuple[str, ...]  # paths relative to the project
    paginakoppen: tuple[str, ...] = _uitleg(  # running headers that cut sentences in the text; {getal} is any number
        "Kopregels die in de brontekst midden in zinnen staan; {getal} staat voor een paginanummer.", ())


@dataclass(frozen=True)
class Document:
    """One document of a plan that is a bundle of documents (a letter, an uitvoeringsplan, a kwaliteitsplan)."""

    id: str = _uitleg("Korte naam van het stuk, in kleine letters met streepjes; onderdelen en acties verwijzen ernaar.")
    titel: str = _uitleg("De titel van het stuk, zoals het stuk zelf die noemt.")
    soort: str | None = _uitleg("Wat voor stuk het is, zoals het zichzelf noemt: brief, uitvoeringsplan, ...", None)
    datum: Moment | None = _uitleg("De datum van het stuk, zo precies als het stuk die noemt.", None)
    auteur: str | None = _uitleg("Wie het stuk heeft geschreven of verstuurd, zoals het stuk dat zegt.", None)


@dataclass(frozen=True)
class Recommendation:
    """A numbered recommendation of a report, with the municipality's response and the actions that answer it."""

    rapport: str = _uitleg("Het id van het rapport waar de aanbeveling uit komt (uit bronnen in onderdelen.yaml).")
    nummer: str = _uitleg("Het nummer van de aanbeveling, zoals het rapport haar nummert: 3, of 3a.")
    tekst: str = _uitleg("De aanbeveling in de woorden van het rapport, letterlijk.")
    reactie: str | None = _uitleg(  # the municipality's response in its own words
        "De reactie van de gemeente op deze aanbeveling, letterlijk uit haar stuk.", None)
    acties: tuple[str, ...] = _uitleg(
        "De id's van de acties die op deze aanbeveling antwoorden (uit acties.yaml). Een actie mag bij meer "
        "aanbevelingen staan.", ())
    line: int = _intern(0)


@dataclass(frozen=True)
class Plan:
    id: str = _uitleg("De naam van de map van het plan, in kleine letters met streepjes.")
    titel: str = _uitleg("De volledige titel van het plan.")
    korte_titel: str = _uitleg("Een korte titel voor menu's. Leeg: de site gebruikt de titel.")
    status: str | None = _uitleg(  # None: the documents state no status; the site says so
        "De status van het plan als geheel, zoals de stukken die noemen. Weglaten als de stukken geen status "
        "noemen.")
    onderdeel_soort: str = _uitleg("Hoe het plan zijn onderdelen noemt (aanbeveling, actielijn, pijler, spoor, "
                                   "thema, ...). Leeg: aanbeveling.")
    nummer: str | None = _uitleg("Het nummer van het besluit over het plan, bijvoorbeeld 2023-866.", None)
    gemeente: str | None = _uitleg(
        "De gemeente van het plan. Leeg: de gemeente van de site (mkdocs.yml, extra.gemeente).", None)
    datum: Moment | None = _uitleg(  # the plan's date at the precision the source gives (a year for an undated draft)
        "De datum van het plan, zo precies als de bron die noemt (een jaar bij een ongedateerd "
        "concept).", None)
    historisch: bool = _uitleg(  # history: nobody reports on it any more; never late
        "true als niemand meer over dit plan rapporteert: het is dan nooit te laat.", False)
    portefeuillehouder: str | None = _uitleg("De wethouder die verantwoordelijk is voor het plan.", None)
    bestuurder: str | None = _uitleg(  # an alderman in another role than portefeuillehouder, as the plan names it
        "Een wethouder in een andere rol dan portefeuillehouder, zoals het plan die noemt.", None)
    team: str | None = _uitleg("Het team dat het plan uitvoert.", None)
    status_toelichting: str | None = _uitleg("Een korte uitleg bij de status van het plan.", None)
    rapportage: str | None = _uitleg(
        "Hoe en wanneer over het plan gerapporteerd wordt, in de woorden van het plan.", None)
    # the plan's own reporting cadence, for "when was the next report due"
    rapportages_per_jaar: int | None = _uitleg(
        "Hoe vaak per jaar er een voortgangsrapportage komt, volgens het plan.", None)
    kader: tuple[Source, ...] = _uitleg("De documenten waar het plan op voortbouwt, elk met een titel.", ())
    actoren: tuple[Actor, ...] = _uitleg(
        "Wie er in het plan genoemd worden: organen, teams, rollen en externe partijen.", ())
    themas: tuple[Theme, ...] = _uitleg("De thema's waar het plan zijn onderdelen onder groepeert.", ())
    bronnen: tuple[Source, ...] = _uitleg("De rapporten waar de onderdelen uit komen, elk met een id.", ())
    onderdelen: tuple[Part, ...] = _uitleg("De aanbevelingen, actielijnen, thema's of sporen van het plan.", ())
    acties: tuple[Action, ...] = _uitleg("De acties van het plan, in de volgorde van het plan.", ())
    begroting: Budget | None = None
    namen_tonen: bool = _uitleg("true als de site namen van medewerkers mag tonen.", False)
    samenvatting: str | None = _uitleg("Een samenvatting van het plan in eenvoudige taal (B1).", None)
    onderdeel_meervoud: str | None = _uitleg(
        "Het meervoud van onderdeel_soort, alleen nodig als de site dat woord nog niet kent.", None)
    organisatie: Organisation | None = None
    planning: Schedule | None = None
    doelen: Goals | None = None
    adviezen: tuple[Advice, ...] = _uitleg(
        "Adviezen en inbreng van buiten het college, met de acties die erbij horen.", ())
    voortgangsrapportages: tuple[ProgressReport, ...] = ()  # oldest first
    documenten: tuple[Document, ...] = _uitleg(
        "De stukken waar het plan uit bestaat, als het er meer zijn: een brief, een uitvoeringsplan, ...", ())
    aanbevelingen: tuple[Recommendation, ...] = _uitleg(
        "De genummerde aanbevelingen uit rapporten, met de reactie van de gemeente en de acties die erop "
        "antwoorden.", ())
    brontekst: SourceTexts | None = None

    def lijst(self, list_id: str) -> NamedList:
        for named in (self.doelen.lijsten if self.doelen else ()):
            if named.id == list_id:
                return named
        raise KeyError(f"plan '{self.id}' heeft geen lijst '{list_id}'")

    # Lookups by id, made once per plan: a page of every action asks them for every action, and a scan
    # per question made a plan of n actions cost n² (the model is frozen, so the indexes cannot go stale).
    @cached_property
    def _index(self) -> dict:
        index = {"actie": {}, "onderdeel": {}, "acties_van": {}, "advies": {}, "toezegging": {}, "aanbeveling": {},
                 "wacht_op": {}}
        for part in self.onderdelen:
            index["onderdeel"].setdefault(part.id, part)
        for action in self.acties:
            index["actie"].setdefault(action.id, action)
            index["acties_van"].setdefault(action.onderdeel, []).append(action)
            for needed in dict.fromkeys(action.randvoorwaarde_voor):
                index["wacht_op"].setdefault(needed, []).append(action.id)
        for advice in self.adviezen:
            for action_id in dict.fromkeys(advice.acties):
                index["advies"].setdefault(action_id, []).append(advice)
            for action_id in dict.fromkeys(advice.toezeggingen):
                index["toezegging"].setdefault(action_id, []).append(advice)
        for recommendation in self.aanbevelingen:
            for action_id in dict.fromkeys(recommendation.acties):
                index["aanbeveling"].setdefault(action_id, []).append(recommendation)
        return index

    def adviezen_bij(self, action_id: str) -> tuple[Advice, ...]:
        return tuple(self._index["advies"].get(action_id, ()))

    def toezeggingen_bij(self, action_id: str) -> tuple[Advice, ...]:
        """The advice points in whose answer the municipality commits to this action."""
        return tuple(self._index["toezegging"].get(action_id, ()))

    def aanbevelingen_bij(self, action_id: str) -> tuple[Recommendation, ...]:
        """The recommendations this action answers, in the order of aanbevelingen.yaml."""
        return tuple(self._index["aanbeveling"].get(action_id, ()))

    def wacht_op(self, action_id: str) -> tuple[str, ...]:
        """The ids of the actions that call this one theirs in randvoorwaarde_voor: what it waits for."""
        return tuple(self._index["wacht_op"].get(action_id, ()))

    def document(self, document_id: str | None) -> Document | None:
        return next((d for d in self.documenten if d.id == document_id), None)

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actoren if a.id == actor_id)

    def onderdeel(self, part_id: str) -> Part:
        if part_id in self._index["onderdeel"]:
            return self._index["onderdeel"][part_id]
        raise KeyError(f"plan '{self.id}' heeft geen onderdeel '{part_id}'")

    def actie(self, action_id: str) -> Action:
        if action_id in self._index["actie"]:
            return self._index["actie"][action_id]
        raise KeyError(f"plan '{self.id}' heeft geen actie '{action_id}'")

    def acties_van(self, part_id: str) -> tuple[Action, ...]:
        return tuple(self._index["acties_van"].get(part_id, ()))

    def thema(self, theme_id: str | None) -> Theme | None:
        return next((t for t in self.themas if t.id == theme_id), None)

    def bron(self, source_id: str | None) -> Source | None:
        return next((s for s in self.bronnen if s.id == source_id), None)


@dataclass(frozen=True)
class Term:
    """An abbreviation or term of art, explained in plain language."""

    term: str = _uitleg("Het begrip of de afkorting, zoals het in de tekst staat.")
    soort: str = _uitleg("Of het een afkorting of een begrip is.")  # afkorting or begrip
    uitleg: str | None = _uitleg(  # may be left out only when the meaning is not in the source
        "Wat het betekent, in eenvoudige taal. Mag weg bij een afkorting met betekenis_onbekend: true.")
    voluit: str | None = _uitleg("Bij een afkorting: de afkorting voluit geschreven.", None)
    varianten: tuple[str, ...] = _uitleg("Andere schrijfwijzen van dezelfde term.", ())
    betekenis_onbekend: bool = _uitleg(  # the source uses the abbreviation and never says what it stands for
        "true bij een afkorting die de bron niet voluit schrijft en niet uitlegt; de site zegt dan eerlijk dat de "
        "betekenis niet in de bron staat.", False)
    gemeente: str | None = _uitleg(  # local: a team, council or name of one municipality, not a general term
        "Alleen bij een begrip van één gemeente, zoals de naam van een team of adviesraad: de naam van die "
        "gemeente. Leeg: een algemeen begrip.", None)

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.varianten)

    @property
    def short_meaning(self) -> str:
        if self.betekenis_onbekend:
            return MEANING_NOT_IN_SOURCE + (f". {self.uitleg}" if self.uitleg else "")
        return self.voluit or self.uitleg or ""


MEANING_NOT_IN_SOURCE = "Betekenis niet in de bron"


@dataclass(frozen=True)
class Site:
    plannen: tuple[Plan, ...] = field(default_factory=tuple)
    begrippen: tuple[Term, ...] = _uitleg(
        "Afkortingen en begrippen uit de plannen, elk met een uitleg in eenvoudige taal.", ())

    def abbreviations(self) -> dict[str, Term]:
        """Every spelling of every abbreviation, for marking them up on pages."""
        return {spelling: t for t in self.begrippen if t.soort == "afkorting" for spelling in t.spellings}

    def plan(self, plan_id: str) -> Plan:
        for plan in self.plannen:
            if plan.id == plan_id:
                return plan
        raise KeyError(f"er is geen plan '{plan_id}'")

    @cached_property
    def _mentions(self) -> dict[str, list[tuple[Plan, Action]]]:
        mentions: dict[str, list[tuple[Plan, Action]]] = {}
        for plan in self.plannen:
            for action in plan.acties:
                for ref in dict.fromkeys(action.zie_ook):
                    if "/" in ref:
                        mentions.setdefault(ref, []).append((plan, action))
        return mentions

    def genoemd_in(self, plan_id: str, action_id: str) -> tuple[tuple[Plan, Action], ...]:
        """The actions of any plan whose 'zie ook' names this action as plan/actie, in site order; made once
        per build instead of a scan of every action of every plan for each action."""
        return tuple(self._mentions.get(f"{plan_id}/{action_id}", ()))
