"""The open data of one build as files: flat tables (CSV), the JSON and its schema, and a DCAT description.

Plain Python, no MkDocs; macros/open_data_hooks.py puts the files on the site under open-data/, the page
"Open data" (macros/render_open_data.py) lists them with the meaning of every column.

- tables: flat tables with Dutch column names (plannen, onderdelen, acties, rapportages, begrotingsregels,
  adviezen), one row per item, each column with its meaning: the model's field doc where the column is a field.
- csv_bytes: RFC 4180 with a byte order mark (see there why).
- catalog: a DCAT-AP (NL) description in JSON-LD of every file, with its size, relative to open-data/.
- publication: every file of one build, for all plans and per plan; the same data and peildatum give the
  same bytes.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from . import action_state as st
from . import model as m
from .dutch import getal
from .open_data import (CATALOG_FILE, FOLDER, JSON_FILE, SCHEMA_FILE, STAND_UITLEG, Settings, document,
                        field_doc, gemeente_of, json_bytes, json_schema, published_plan, source_of,
                        to_json)

# --- Flat tables -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    naam: str
    uitleg: str
    waarde: Callable  # row -> value


@dataclass(frozen=True)
class Table:
    naam: str  # the file: <naam>.csv
    titel: str
    rij: str  # "één regel per ..."
    kolommen: tuple[Column, ...]
    rijen: Callable  # (plan, settings) -> rows


def _field(naam: str, cls: type, name: str, get: Callable, note: str = "") -> Column:
    """A column that is a field of the model, explained by the field's own doc. Where that doc speaks to staff
    filling in YAML ('weglaten', 'zet ...'), the column has a Column of its own with words for readers."""
    return Column(naam, " ".join(filter(None, (field_doc(cls, name), note))), get)


def _fields(cls: type, *names: str, of: Callable = lambda r: r.item) -> tuple[Column, ...]:
    """Columns named like fields of cls, taken from the row's item (or what `of` picks from the row)."""
    return tuple(_field(name, cls, name, lambda r, name=name: getattr(of(r), name)) for name in names)


def _plan_column() -> Column:
    return Column("plan", field_doc(m.Plan, "id"), lambda r: r.plan.id)


@dataclass(frozen=True)
class _Row:
    plan: m.Plan
    settings: Settings
    item: object = None
    parent: object = None
    number: int = 0


def _state(r: _Row) -> st.ActionState:
    return st.state(r.plan, r.item, r.settings.peildatum)


def _planning(get: Callable) -> Callable:
    return lambda r: get(r.item.planning) if r.item.planning else None


def _attr(item, name: str):
    return getattr(item, name) if item is not None else None


def _latest(plan: m.Plan, peildatum: _dt.date) -> m.ProgressReport | None:
    reports = st.reports_until(plan, peildatum)
    return reports[-1] if reports else None


_PLANNEN = Table("plannen", "Plannen", "plan", (
    _plan_column(),
    *_fields(m.Plan, "titel", "korte_titel", of=lambda r: r.plan),
    Column("gemeente", "De gemeente van het plan. Noemt het plan geen gemeente, dan de gemeente van de site.",
           lambda r: gemeente_of(r.plan, r.settings)),
    Column("status", "De status van het plan als geheel, zoals de stukken die noemen. Leeg: de stukken noemen geen "
           "status.", lambda r: r.plan.status),
    *_fields(m.Plan, "nummer", "datum", "historisch", "portefeuillehouder", "team", "onderdeel_soort",
             "rapportages_per_jaar", "samenvatting", of=lambda r: r.plan),
    Column("aantal_onderdelen", "Hoeveel onderdelen het plan heeft. Geteld door de site.",
           lambda r: len(r.plan.onderdelen)),
    Column("aantal_acties", "Hoeveel acties het plan heeft. Geteld door de site.", lambda r: len(r.plan.acties)),
    Column("aantal_rapportages", "Hoeveel voortgangsrapportages de site op de peildatum heeft verwerkt.",
           lambda r: len(st.reports_until(r.plan, r.settings.peildatum))),
    Column("laatste_rapportage", "De titel van de laatste voortgangsrapportage op de peildatum; leeg als er geen is.",
           lambda r: _attr(_latest(r.plan, r.settings.peildatum), "titel")),
    Column("stand", "De datum van de laatste rapportage, of anders de datum van het plan: tot wanneer de site de "
           "voortgang kent. Leeg: het plan noemt alleen een jaar.",
           lambda r: st.rhythm(r.plan, r.settings.peildatum).stand),
    Column("peildatum", "De datum waarop de site de stand heeft bepaald: de peildatum van deze bestanden.",
           lambda r: r.settings.peildatum),
), lambda plan, settings: [_Row(plan, settings)])

_ONDERDELEN = Table("onderdelen", "Onderdelen", "onderdeel (aanbeveling, actielijn, pijler, ...)", (
    _plan_column(),
    _field("onderdeel", m.Part, "id", lambda r: r.item.id),
    *_fields(m.Part, "nummer", "titel", "korte_titel", "label", "thema"),
    Column("thema_titel", "De naam van dat thema.", lambda r: _attr(r.plan.thema(r.item.thema), "titel")),
    *_fields(m.Part, "bron", "doel", "document"),
    Column("aantal_acties", "Hoeveel acties bij dit onderdeel horen. Geteld door de site.",
           lambda r: len(r.plan.acties_van(r.item.id))),
), lambda plan, settings: [_Row(plan, settings, part) for part in plan.onderdelen])


def _actor_name(plan: m.Plan, actor_id: str | None) -> str | None:
    return next((a.naam for a in plan.actoren if a.id == actor_id), None) if actor_id else None


_ACTIES = Table("acties", "Acties", "actie", (
    _plan_column(),
    _field("actie", m.Action, "id", lambda r: r.item.id),
    *_fields(m.Action, "onderdeel", "doel", "titel", "tekst", "trekker"),
    Column("trekker_naam", "De naam van de trekker, zoals het plan die noemt.",
           lambda r: _actor_name(r.plan, r.item.trekker)),
    _field("samen", m.Action, "samen", lambda r: r.item.samen),
    _field("raci", m.Action, "raci", lambda r: tuple(f"{actor}: {letters}" for actor, letters in r.item.raci),
           "Hier: 'actor: letters', gescheiden door '; '."),
    _field("planning_start", m.Planning, "start", _planning(lambda p: p.start)),
    _field("planning_eind", m.Planning, "eind", _planning(lambda p: p.eind)),
    Column("doorlopend", "true als de actie geen eind heeft.", _planning(lambda p: p.doorlopend)),
    Column("herhaling", "Hoe vaak de actie terugkomt, in de woorden van het plan: 'maandelijks', 'jaarlijks'. "
           "planning_start is dan de eerste keer, als het plan die noemt.", _planning(lambda p: p.herhaling)),
    _field("planning_tekst", m.Planning, "tekst", _planning(lambda p: p.tekst)),
    _field("fase", m.Planning, "fase", _planning(lambda p: p.fase)),
    Column("status_plan", "De status zoals het plan zelf die noemt, op de datum van het plan. Latere voortgang "
           "staat in de kolommen hierna.", lambda r: r.item.status),
    *_fields(m.Action, "status_toelichting"),
    Column("status", STAND_UITLEG["status"], lambda r: _state(r).status),
    Column("stand", STAND_UITLEG["stand"], lambda r: _state(r).stand),
    Column("bron", STAND_UITLEG["bron"], lambda r: source_of(r.plan, _state(r))),
    Column("rapportage", STAND_UITLEG["rapportage"], lambda r: _attr(_state(r).report, "id")),
    Column("voortgang", STAND_UITLEG["voortgang"], lambda r: _state(r).voortgang),
    Column("toelichting", STAND_UITLEG["toelichting"], lambda r: _state(r).toelichting),
    Column("eind", STAND_UITLEG["eind"], lambda r: _state(r).eind),
    Column("tijdigheid", STAND_UITLEG["tijdigheid"], lambda r: _state(r).timing),
    *_fields(m.Action, "document"),
    Column("peildatum", "De datum waarop de site de status heeft bepaald: de peildatum van deze bestanden.",
           lambda r: r.settings.peildatum),
), lambda plan, settings: [_Row(plan, settings, action) for action in plan.acties])

_RAPPORTAGES = Table("rapportages", "Voortgangsrapportages",
                     "actie per rapportage: wat die rapportage over de actie zegt", (
    _plan_column(),
    _field("rapportage", m.ProgressReport, "id", lambda r: r.parent.id),
    *_fields(m.ProgressReport, "titel", "peildatum", of=lambda r: r.parent),
    _field("bron_titel", m.Source, "titel", lambda r: r.parent.bron.titel, "(De bron van de rapportage.)"),
    _field("bron_nummer", m.Source, "nummer", lambda r: r.parent.bron.nummer),
    _field("bron_datum", m.Source, "datum", lambda r: r.parent.bron.datum),
    Column("bron_link", "Het webadres van die bron, als de rapportage er een noemt.", lambda r: r.parent.bron.link),
    *_fields(m.ReportEntry, "actie", "status", "voortgang", "toelichting"),
    _field("herplanning_eind", m.Replanning, "eind", lambda r: r.item.herplanning and r.item.herplanning.eind),
    _field("herplanning_reden", m.Replanning, "reden", lambda r: r.item.herplanning and r.item.herplanning.reden),
), lambda plan, settings: [_Row(plan, settings, entry, report)
                           for report in st.reports_until(plan, settings.peildatum) for entry in report.acties])


def _budget_rows(plan: m.Plan, settings: Settings) -> list[_Row]:
    estimates = plan.begroting.ramingen if plan.begroting else ()
    return [_Row(plan, settings, line, estimate, number)
            for estimate in estimates for number, line in enumerate(estimate.regels, 1)]


_BEGROTINGSREGELS = Table("begrotingsregels", "Begrotingsregels", "regel van een raming", (
    _plan_column(),
    _field("raming", m.Estimate, "id", lambda r: r.parent.id),
    _field("raming_titel", m.Estimate, "titel", lambda r: r.parent.titel),
    Column("raming_soort", "Wat de bron zelf van deze bedragen zegt: een raming, een voorstel of een besluit. Leeg: de "
           "bron zegt het niet.", lambda r: r.parent.soort),
    *_fields(m.Estimate, "leidend", "door", of=lambda r: r.parent),
    Column("regel", "Het volgnummer van de regel binnen de raming.", lambda r: r.number),
    *_fields(m.BudgetLine, "omschrijving", "onderdelen", "acties"),
    Column("bedrag", "Het bedrag in euro's, als getal zonder punten of euroteken: 300000.", lambda r: r.item.bedrag),
    Column("fte", "De formatie in fte, als getal met een punt voor decimalen: 1.5. Een regel kan fte én een bedrag "
           "hebben, als de bron ze samen noemt.", lambda r: r.item.fte),
    *_fields(m.BudgetLine, "soort", "periode", "jaren", "dekking"),
    Column("dekking_naam", "De naam van die dekking.", lambda r: r.plan.begroting.dekking_naam(r.item.dekking)),
    *_fields(m.BudgetLine, "circa"),
), _budget_rows)

_ADVIEZEN = Table("adviezen", "Adviezen", "advies of punt van inbreng", (
    _plan_column(),
    _field("advies", m.Advice, "id", lambda r: r.item.id),
    *_fields(m.Advice, "nummer", "van"),
    Column("van_naam", "De naam van wie het advies geeft, zoals het plan die noemt.",
           lambda r: _actor_name(r.plan, r.item.van)),
    *_fields(m.Advice, "soort"),
    Column("onderwerp", "Waar het advies over gaat, in een paar woorden. Leeg: de bron noemt geen onderwerp.",
           lambda r: r.item.onderwerp),
    *_fields(m.Advice, "datum", "tekst", "antwoord", "toelichting"),
    Column("acties", "De id's van de acties die bij dit advies horen.", lambda r: r.item.acties),
    *_fields(m.Advice, "toezeggingen", "document"),
), lambda plan, settings: [_Row(plan, settings, advice) for advice in plan.adviezen])

TABLES = (_PLANNEN, _ONDERDELEN, _ACTIES, _RAPPORTAGES, _BEGROTINGSREGELS, _ADVIEZEN)
LIST_SEPARATOR = "; "


def cell(value) -> str:
    """One value as CSV text: empty for nothing, true/false, ids joined by '; ', else as in the JSON (2024-Q2,
    2024-06-30, 1.5)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return str(to_json(value))


def tables(plans: typing.Iterable[m.Plan], settings: Settings) -> dict[str, tuple[tuple[str, ...], list[list[str]]]]:
    """Every flat table of these plans as published (published_plan): name -> (column names, rows of text), rows
    in the order of the data."""
    plans = tuple(published_plan(plan, settings.peildatum) for plan in plans)
    return {t.naam: (tuple(c.naam for c in t.kolommen),
                     [[cell(c.waarde(row)) for c in t.kolommen] for plan in plans for row in t.rijen(plan, settings)])
            for t in TABLES}


def csv_bytes(columns, rows) -> bytes:
    """RFC 4180 (comma, double quotes where needed, CRLF), UTF-8 with a byte order mark: Excel reads the letters
    right only with it, and csv readers (Python's utf-8-sig, pandas, LibreOffice, R's readr) skip it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


# --- The whole publication ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class OpenFile:
    path: str  # under open-data/: "acties.csv", "bewind/acties.csv"
    data: bytes
    formaat: str  # CSV, JSON, JSON Schema or DCAT (JSON-LD): as the page "Open data" names it
    media_type: str
    titel: str
    plan: str | None = None  # the plan of a plan's own file

    @property
    def size(self) -> int:
        return len(self.data)


MEDIA = {"CSV": "text/csv", "JSON": "application/json", "JSON Schema": "application/schema+json",
         "DCAT": "application/ld+json"}


def _files_of(plans: tuple[m.Plan, ...], site: m.Site, settings: Settings, prefix: str, plan: str | None,
              whole: bool) -> list[OpenFile]:
    doc = document(site, settings, None if whole else plans)
    what = "alle plannen" if whole else f"plan {plans[0].korte_titel}"
    out = [OpenFile(prefix + JSON_FILE, json_bytes(doc), "JSON", MEDIA["JSON"],
                    f"Alle gegevens ({what}), met de stand van elke actie op de peildatum", plan)]
    for name, (columns, rows) in tables(plans, settings).items():
        table = next(t for t in TABLES if t.naam == name)
        out.append(OpenFile(f"{prefix}{name}.csv", csv_bytes(columns, rows), "CSV", MEDIA["CSV"],
                            f"{table.titel} ({what}), één regel per {table.rij}", plan))
    return out


def data_files(site: m.Site, settings: Settings) -> list[OpenFile]:
    """The JSON and CSV files: of all plans, then of each plan in its own folder. No catalogue yet."""
    files = _files_of(site.plannen, site, settings, "", None, True)
    files.append(OpenFile(SCHEMA_FILE, json_bytes(json_schema()), "JSON Schema", MEDIA["JSON Schema"],
                          "De beschrijving (JSON Schema) van de JSON-bestanden"))
    for plan in site.plannen:
        files += _files_of((plan,), site, settings, f"{plan.id}/", plan.id, False)
    return files


# --- DCAT ----------------------------------------------------------------------------------------------------

_CONTEXT = {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#", "@language": "nl"}
_FILE_TYPE = {"CSV": "CSV", "JSON": "JSON", "JSON Schema": "JSON", "DCAT": "JSON_LD"}
_EU = "http://publications.europa.eu/resource/authority/"
THEME = _EU + "data-theme/GOVE"  # Government and public sector
LANGUAGE = _EU + "language/NLD"
OPEN_DATA_PAGE = "open-data.md"  # the page that explains the files (docs/open-data.md)
_PAGE_FROM_HERE = "../" + OPEN_DATA_PAGE.removesuffix(".md") + ".html"  # as the catalogue in open-data/ links it
RFC4180 = "https://www.rfc-editor.org/rfc/rfc4180"


def _id(iri: str) -> dict:
    return {"@id": iri}


def _date(d: _dt.date) -> dict:
    return {"@value": d.isoformat(), "@type": "xsd:date"}


def _distribution(f: OpenFile, settings: Settings) -> dict:
    out = {"@id": f"#{f.path}", "@type": "dcat:Distribution", "dct:title": f.titel, "dct:description": f.titel + ".",
           "dcat:downloadURL": _id(f.path), "dcat:accessURL": _id(_PAGE_FROM_HERE),
           "dcat:mediaType": _id("https://www.iana.org/assignments/media-types/" + f.media_type),
           "dct:format": _id(_EU + "file-type/" + _FILE_TYPE[f.formaat]),
           "dcat:byteSize": {"@value": str(f.size), "@type": "xsd:nonNegativeInteger"},
           "dct:license": _id(settings.licentie.url), "dct:issued": _date(settings.peildatum),
           "dct:modified": _date(settings.peildatum)}
    if f.formaat == "JSON":
        out["dct:conformsTo"] = _id(SCHEMA_FILE)
    elif f.formaat == "CSV":
        out["dct:conformsTo"] = _id(RFC4180)
    return out


def _publisher(name: str | None) -> dict:
    return {"@type": "foaf:Agent", "foaf:name": name or "niet vermeld"}


def _dataset(identifier: str, title: str, description: str, files: list[OpenFile], settings: Settings,
             gemeente: str | None, landing: str, keywords: list[str]) -> dict:
    out = {"@id": f"#dataset-{identifier}", "@type": "dcat:Dataset", "dct:identifier": identifier,
           "dct:title": title, "dct:description": description, "dct:publisher": _publisher(gemeente),
           "dct:issued": _date(settings.peildatum), "dct:modified": _date(settings.peildatum),
           "dct:license": _id(settings.licentie.url), "dct:language": _id(LANGUAGE), "dcat:theme": _id(THEME),
           "dcat:keyword": keywords, "dcat:landingPage": _id(landing),
           "dct:conformsTo": _id(SCHEMA_FILE),
           "dcat:distribution": [_distribution(f, settings) for f in files]}
    if settings.stand:
        out["owl:versionInfo"] = settings.stand
    if settings.contact_naam or settings.contact_email:
        point = {"@type": "vcard:Organization", "vcard:fn": settings.contact_naam or gemeente or "niet vermeld"}
        if settings.contact_email:
            point["vcard:hasEmail"] = _id("mailto:" + settings.contact_email)
        out["dcat:contactPoint"] = point
    return out


def _plan_description(plan: m.Plan) -> str:
    summary = " ".join((plan.samenvatting or "").split())
    return summary or f"De gegevens van het plan van aanpak {plan.titel}: onderdelen, acties, planning en voortgang."


def catalog(site: m.Site, settings: Settings, files: list[OpenFile]) -> dict:
    """DCAT-AP (NL) in JSON-LD: the catalogue, a dataset of all plans and one per plan, a distribution per file.
    Addresses are relative to the catalogue itself (open-data/), unless mkdocs.yml sets site_url."""
    keywords = ["plan van aanpak", "acties", "voortgang", "begroting"]
    whole = [f for f in files if f.plan is None]
    datasets = [_dataset("alle-plannen", f"Plannen van aanpak: {settings.site_naam}",
                         "Alle plannen van aanpak op deze site, met hun onderdelen, acties, voortgangsrapportages, "
                         "begroting en adviezen. De status van elke actie op de peildatum is berekend door de site.",
                         whole, settings, settings.gemeente, "../index.html",
                         keywords + ([settings.gemeente] if settings.gemeente else []))]
    for plan in site.plannen:
        gemeente = gemeente_of(plan, settings)
        datasets.append(_dataset(plan.id, plan.titel, _plan_description(plan), [f for f in files if f.plan == plan.id],
                                 settings, gemeente, f"../{plan.id}/index.html",
                                 keywords + [plan.korte_titel] + ([gemeente] if gemeente else [])))
    context = dict(_CONTEXT)
    if settings.site_url:
        context["@base"] = settings.site_url.rstrip("/") + f"/{FOLDER}/"
    return {"@context": context, "@id": "#catalogus", "@type": "dcat:Catalog",
            "dct:title": f"Open data: {settings.site_naam}",
            "dct:description": f"De open data van de site {settings.site_naam}, stand op de peildatum "
                               f"{settings.peildatum.isoformat()}.",
            "dct:publisher": _publisher(settings.gemeente), "dct:license": _id(settings.licentie.url),
            "dct:issued": _date(settings.peildatum), "dct:modified": _date(settings.peildatum),
            "dct:language": _id(LANGUAGE), "foaf:homepage": _id(_PAGE_FROM_HERE),
            "dcat:dataset": datasets}


@dataclass(frozen=True)
class Published:
    """The open data of one build: its settings and its files, by their path under open-data/."""

    settings: Settings
    files: tuple[OpenFile, ...]

    def of_plan(self, plan_id: str | None) -> list[OpenFile]:
        """The files of one plan's folder; None: the files of all plans, at the top of open-data/."""
        return [f for f in self.files if f.plan == plan_id]


def publication(site: m.Site, settings: Settings) -> Published:
    """Every file of the open data of one build, the catalogue last; the same input gives the same bytes."""
    files = data_files(site, settings)
    described = catalog(site, settings, files)
    return Published(settings, (*files, OpenFile(CATALOG_FILE, json_bytes(described), "DCAT", MEDIA["DCAT"],
                                                 "De beschrijving van alle bestanden (DCAT)")))


def size_text(size: int) -> str:
    """1234 -> '1,2 kB'; below 1000: bytes."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{getal(Decimal(size) / 1000, 1)} kB"
    return f"{getal(Decimal(size) / 1_000_000, 1)} MB"


def plan_anchor(plan_id: str) -> str:
    return "open-data-" + re.sub(r"[^a-z0-9-]+", "-", plan_id.lower())
