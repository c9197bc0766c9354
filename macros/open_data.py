"""Open data (Wet open overheid): the model of the plans as JSON, its JSON Schema, and the settings of a publication.

Plain Python, no MkDocs. macros/open_data_files.py makes the files of one build from this (JSON, CSV, the
schema and a DCAT description), macros/open_data_hooks.py puts them on the site, and a release or a comparison
of two stands can reuse the functions here:

- site_to_json / site_from_json: a faithful serialisation of the model (macros/model.py) and its inverse,
  generic over the dataclasses and their type hints, so a field added to the model is published without a
  change here. Left out are the fields the loader fills in for its own messages (line numbers, file names,
  see model._intern) and the paths of the source texts (LEFT_OUT). site_from_json(site_to_json(s)) equals
  without_internal(s).
- document: plannen.json, the model as published (published: the reports up to the peildatum, no staff names
  the pages do not show) and, apart from it under "stand_op_peildatum", the state of each action the site
  computes on the peildatum (action_stand).
- json_schema: the JSON Schema of plannen.json, generated from the same dataclasses, with the Dutch field docs.

Values in the JSON: a planning moment as staff write it (2024, 2024-Q2, 2024-05, 2024-05-01), a date as
JJJJ-MM-DD, a period as 2024 or 2024-2025, an amount or fte as a JSON number written exactly (1.5, 300000),
null for what the sources do not state.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import types
import typing
from dataclasses import dataclass
from decimal import Decimal

from . import action_state as st
from . import model as m
from .dutch import Moment, Periode
from .progress_round import moment_text
from .render_status import plan_as_source
from .render_structures import shown_name
from .schema import DIALECT, KEUZES, _DAY_EXISTS, _MOMENT_PATTERN, _NO_IMPOSSIBLE_DAY, _hints, _optional

FOLDER = "open-data"  # on the site: open-data/<file>, and open-data/<plan>/<file> per plan
JSON_FILE = "plannen.json"
SCHEMA_FILE = "plannen.schema.json"
CATALOG_FILE = "catalogus.jsonld"

# The default licence; the municipality decides (mkdocs.yml, extra.open_data.licentie).
DEFAULT_LICENCE = ("CC0 1.0 Universeel", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl")

# Fields of the model that are not published: how the repository stores the source texts, not facts of the plan.
LEFT_OUT = {(m.Plan, "brontekst")}

# What the model itself does not explain (fields without "uitleg"): said here, in Dutch, for the schema.
EXTRA_UITLEG = {
    (m.Site, "plannen"): "De plannen van aanpak, elk met al zijn gegevens.",
    (m.Plan, "begroting"): "Het geld van het plan: de bedragen per bron (begroting.yaml). Leeg: het plan heeft geen "
                           "begroting op de site.",
    (m.Plan, "organisatie"): "De groepen en rollen van het plan (organisatie.yaml).",
    (m.Plan, "planning"): "De fasen, detailplanning, menskracht en rapportages van het plan (planning.yaml).",
    (m.Plan, "doelen"): "De meetbare doelen, lijsten en escalatieroute van het plan (doelen.yaml).",
    (m.Plan, "voortgangsrapportages"): "De voortgangsrapportages over het plan, de oudste eerst. Alleen rapportages "
                                       "met een peildatum op of voor de peildatum van dit bestand.",
    (m.Advice, "koppelingen"): "Per actie bij dit advies: het citaat uit de actie dat het verband laat zien, en of "
                               "het plan zelf de koppeling legt (plan_verwijst true) of deze site (false).",
    (m.ProgressReport, "id"): "De naam van het bestand van de rapportage, zonder .yaml; zo heet de rapportage in "
                              "de andere bestanden.",
}


def _left_out(cls: type, f: dataclasses.Field) -> bool:
    """Line numbers and file names (internal, with a default) and LEFT_OUT; an internal field without a default,
    such as a report's id (its file name), is what the object is known by and is published."""
    internal = f.metadata.get("intern") and (f.default is not dataclasses.MISSING
                                              or f.default_factory is not dataclasses.MISSING)
    return bool(internal) or (cls, f.name) in LEFT_OUT


def published_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if not _left_out(cls, f)]


# --- Values ------------------------------------------------------------------------------------------------

def moment_spelling(moment: Moment) -> str:
    """2024, 2024-Q2, 2024-05 or 2024-05-01: as staff write it in the YAML files."""
    return str(moment_text(moment))


def period_spelling(period: Periode) -> str:
    return str(period.van) if period.van == period.tot else f"{period.van}-{period.tot}"


def _number(value: Decimal) -> int | float:
    """A JSON number that reads back as exactly this Decimal (15 significant digits are always exact)."""
    if value == value.to_integral_value():
        return int(value)
    number = float(value)
    if Decimal(repr(number)) != value:
        raise ValueError(f"{value} is niet exact als JSON-getal te schrijven")
    return number


def to_json(value):
    """Any value of the model as JSON data, generically: dataclasses become objects with every published field."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, Moment):
        return moment_spelling(value)
    if isinstance(value, Periode):
        return period_spelling(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {f.name: to_json(getattr(value, f.name)) for f in published_fields(type(value))}
    raise TypeError(f"geen JSON-vorm voor {type(value).__name__}")


def _is_optional(hint) -> bool:
    return isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union


def from_json(data, hint):
    """The inverse of to_json, led by the type hint of the field."""
    if _is_optional(hint):
        inner, _ = _optional(hint)
        return None if data is None else from_json(data, inner)
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(item, args[0]) for item in data)
        if len(data) != len(args):
            raise ValueError(f"{len(args)} waarden verwacht, niet {data!r}")
        return tuple(from_json(item, arg) for item, arg in zip(data, args))
    if hint is Decimal:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise ValueError(f"een getal verwacht, niet {data!r}")
        return Decimal(repr(data)) if isinstance(data, float) else Decimal(data)
    if hint is Moment:
        return Moment.lees(data)
    if hint is Periode:
        return Periode.lees(data)
    if hint is _dt.date:
        return _dt.date.fromisoformat(data)
    if hint in (str, int, bool):
        if type(data) is not hint:
            raise ValueError(f"{hint.__name__} verwacht, niet {data!r}")
        return data
    if dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"{hint.__name__}: een object verwacht, niet {data!r}")
        hints = _hints(hint)
        return hint(**{f.name: from_json(data[f.name], hints[f.name]) for f in published_fields(hint)})
    raise TypeError(f"geen leesfunctie voor {hint!r}")


def site_to_json(site: m.Site) -> dict:
    """The whole model of the site (plans and glossary) as JSON data."""
    return to_json(site)


def site_from_json(data: dict) -> m.Site:
    """The model back from site_to_json's output, or from a published plannen.json (extra keys are ignored)."""
    return from_json({f.name: data.get(f.name, []) for f in published_fields(m.Site)}, m.Site)


def _rebuild(value, change):
    """The value with change(obj) applied to every dataclass in it, the innermost first."""
    if isinstance(value, tuple):
        return tuple(_rebuild(item, change) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, (type, Moment, Periode)):
        inner = {f.name: _rebuild(getattr(value, f.name), change) for f in dataclasses.fields(value) if f.init}
        return change(dataclasses.replace(value, **inner))
    return value


def _default(f: dataclasses.Field):
    return f.default if f.default is not dataclasses.MISSING else f.default_factory()


def without_internal(value):
    """The value with every left-out field at its default: what site_from_json(site_to_json(...)) gives back."""
    return _rebuild(value, lambda obj: dataclasses.replace(obj, **{
        f.name: _default(f) for f in dataclasses.fields(obj) if f.init and _left_out(type(obj), f)}))


def as_of(site: m.Site, peildatum: _dt.date) -> m.Site:
    """The site as known on the peildatum: a report dated later does not count yet, as on the pages."""
    return dataclasses.replace(site, plannen=tuple(
        dataclasses.replace(plan, voortgangsrapportages=st.reports_until(plan, peildatum)) for plan in site.plannen))


PERSONAL = (m.Member, m.Capacity)  # a member of staff by name (naam): published as the pages show it, or not at all


def without_staff_names(plan: m.Plan) -> m.Plan:
    """The plan with only the names the site shows (render_structures.shown_name): staff names only when the plan
    allows them (namen_tonen), elected officials always."""
    return _rebuild(plan, lambda obj: dataclasses.replace(obj, naam=shown_name(plan, obj))
                    if isinstance(obj, PERSONAL) else obj)


def published_plan(plan: m.Plan, peildatum: _dt.date) -> m.Plan:
    """What the open data publishes of a plan: its reports up to the peildatum, the names the site shows."""
    return without_staff_names(dataclasses.replace(plan, voortgangsrapportages=st.reports_until(plan, peildatum)))


def published(site: m.Site, peildatum: _dt.date) -> m.Site:
    return dataclasses.replace(site, plannen=tuple(published_plan(plan, peildatum) for plan in site.plannen))


# --- The state of each action on the peildatum (computed, not data) ------------------------------------------

def source_of(plan: m.Plan, state: st.ActionState) -> str:
    """Where the status comes from, as the site says it: the report's title, or 'het plan van 15 januari 2024'."""
    return state.report.titel if state.report is not None else plan_as_source(plan)


STAND_UITLEG = {
    "plan": "Het id van het plan.",
    "actie": "Het id van de actie.",
    "status": "De status van de actie op de peildatum, zoals de site die toont: uit de laatste rapportage die de "
              "actie noemt, anders uit het plan. Berekend door de site.",
    "stand": "Van wanneer die status is: de peildatum van die rapportage, of de datum van het plan. Leeg: het plan "
             "noemt alleen een jaar.",
    "bron": "Waar de status vandaan komt: de titel van de rapportage, of het plan met zijn datum.",
    "rapportage": "Het id van die rapportage; leeg als de status uit het plan komt.",
    "voortgang": "Hoe ver de actie is in procent, volgens die rapportage; leeg als de rapportage geen getal noemt.",
    "toelichting": "De uitleg bij de status uit die rapportage; leeg als de status uit het plan komt.",
    "eind": "Het geplande einde dat geldt: uit het plan, of de laatste herplanning uit een rapportage.",
    "tijdigheid": "Wat de site over de planning zegt. op-schema: het einde is nog niet voorbij. te-laat: een "
                  "rapportage van op of na het einde zegt dat de actie niet af is. geen-recente-informatie: het "
                  "einde is voorbij en er is geen rapportage van daarna. geen-einde: het plan noemt geen eigen "
                  "einde. terugkerend: de actie komt steeds terug. klaar: afgerond of vervallen. historisch: het "
                  "plan is geschiedenis.",
    "later_afgerond": "true als de actie afgerond is, nadat een rapportage van op of na het einde zei dat ze niet af "
                      "was.",
}


def action_stand(plan: m.Plan, action: m.Action, peildatum: _dt.date) -> dict:
    state = st.state(plan, action, peildatum)
    return {"plan": plan.id, "actie": action.id, "status": state.status,
            "stand": state.stand.isoformat() if state.stand else None, "bron": source_of(plan, state),
            "rapportage": state.report.id if state.report else None, "voortgang": state.voortgang,
            "toelichting": state.toelichting, "eind": moment_spelling(state.eind) if state.eind else None,
            "tijdigheid": state.timing, "later_afgerond": state.later_afgerond}


# --- Settings of one publication ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Licence:
    naam: str
    url: str


@dataclass(frozen=True)
class Settings:
    """What a publication says about itself: from mkdocs.yml and the build."""

    peildatum: _dt.date
    site_naam: str
    gemeente: str | None  # extra.gemeente: the municipality of a plan that names none
    licentie: Licence
    stand: str | None = None  # the title of a release ("Stand juni 2026"); None: an ordinary build
    site_url: str = ""  # mkdocs.yml site_url; empty: links stay relative
    contact_naam: str | None = None
    contact_email: str | None = None


def licence_from(extra: dict) -> Licence:
    """extra.open_data.licentie: {naam, url}; absent: CC0 1.0. Without a name or an address it stops the build."""
    raw = ((extra or {}).get("open_data") or {}).get("licentie")
    if not raw:
        return Licence(*DEFAULT_LICENCE)
    if not isinstance(raw, dict) or not raw.get("naam") or not str(raw.get("url") or "").startswith(("http://",
                                                                                                        "https://")):
        raise ValueError("mkdocs.yml: extra.open_data.licentie heeft een naam en een webadres nodig.\n    Oplossing: "
                         "schrijf onder licentie: 'naam: CC0 1.0 Universeel' en 'url: "
                         f"{DEFAULT_LICENCE[1]}', of haal licentie weg voor CC0.")
    return Licence(str(raw["naam"]), str(raw["url"]))


def gemeente_of(plan: m.Plan, settings: Settings) -> str | None:
    return plan.gemeente or settings.gemeente


def field_doc(cls: type, name: str) -> str:
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    return f.metadata.get("uitleg") or EXTRA_UITLEG[(cls, name)]


# --- The JSON file -----------------------------------------------------------------------------------------

def document(site: m.Site, settings: Settings, plans: tuple[m.Plan, ...] | None = None) -> dict:
    """plannen.json: the model as published (see published()), and apart from it the state the site computes.

    For all plans the glossary comes along; a plan's own file holds only that plan."""
    if plans is None:
        known = published(site, settings.peildatum)
    else:  # only these plans: publishing every plan for each plan's file made the build grow with plans²
        known = m.Site(tuple(published_plan(plan, settings.peildatum) for plan in plans), ())
    return {
        "peildatum": settings.peildatum.isoformat(),
        "publicatie": settings.stand,
        "gemeente": settings.gemeente,
        "licentie": {"naam": settings.licentie.naam, "url": settings.licentie.url},
        **site_to_json(known),
        "stand_op_peildatum": [action_stand(plan, action, settings.peildatum)
                               for plan in known.plannen for action in plan.acties],
    }


def json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- The JSON Schema ---------------------------------------------------------------------------------------

_TYPE_SCHEMA = {
    str: ({"type": "string"}, ""),
    int: ({"type": "integer"}, ""),
    bool: ({"type": "boolean"}, ""),
    Decimal: ({"type": "number"}, "Een getal, exact zoals de bron het noemt."),
    Moment: ({"type": "string", "pattern": _MOMENT_PATTERN, **_NO_IMPOSSIBLE_DAY},
             "Zo precies als de bron: JJJJ (2024), JJJJ-Qn (2024-Q2), JJJJ-MM (2024-05) of JJJJ-MM-DD (2024-05-01)."),
    Periode: ({"type": "string", "pattern": r"^\d{4}(?:-\d{4})?$"}, "Een jaar (2024) of een periode (2024-2025)."),
    _dt.date: ({"type": "string", "format": "date", "pattern": _DAY_EXISTS}, "Een datum als JJJJ-MM-DD."),
}


def _value_schema(hint, refs: set) -> tuple[dict, str]:
    if hint in _TYPE_SCHEMA:
        return dict(_TYPE_SCHEMA[hint][0]), _TYPE_SCHEMA[hint][1]
    if dataclasses.is_dataclass(hint):
        refs.add(hint)
        return {"$ref": f"#/$defs/{hint.__name__}"}, ""
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            items, note = _value_schema(args[0], refs)
            if typing.get_origin(args[0]) is tuple:
                note = "Een lijst van paren, elk [" + ", ".join(_name(a) for a in typing.get_args(args[0])) + "]."
            return {"type": "array", "items": items}, note
        return {"type": "array", "prefixItems": [_value_schema(a, refs)[0] for a in args], "items": False,
                "minItems": len(args), "maxItems": len(args)}, ""
    raise TypeError(f"geen schema voor {hint!r}")


def _name(hint) -> str:
    return {str: "tekst", int: "geheel getal", Decimal: "getal"}.get(hint, getattr(hint, "__name__", str(hint)))


def _field_schema(cls: type, f: dataclasses.Field, hint, refs: set) -> dict:
    inner, optional = _optional(hint)
    schema, note = _value_schema(inner, refs)
    choices = KEUZES.get((cls, f.name))
    if choices:
        schema = {"type": "string", "enum": list(choices)}
        note = "Een van: " + ", ".join(choices) + "."
    if optional:
        if "$ref" in schema:
            schema = {"anyOf": [schema, {"type": "null"}]}
        else:
            schema["type"] = [schema["type"], "null"]
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
        note = " ".join(filter(None, (note, "Leeg (null): niet vermeld.")))
    return {"description": " ".join(filter(None, (field_doc(cls, f.name), note))), **schema}


def _object_schema(cls: type, refs: set) -> dict:
    hints = _hints(cls)
    fields = published_fields(cls)
    return {"type": "object", "title": cls.__name__,
            "properties": {f.name: _field_schema(cls, f, hints[f.name], refs) for f in fields},
            "required": [f.name for f in fields], "additionalProperties": False}


def _stand_schema() -> dict:
    kinds = {"plan": {"type": "string"}, "actie": {"type": "string"},
             "status": {"type": "string", "enum": list(m.STATUSES)},
             "stand": {"type": ["string", "null"], "format": "date"}, "bron": {"type": "string"},
             "rapportage": {"type": ["string", "null"]},
             "voortgang": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
             "toelichting": {"type": ["string", "null"]},
             "eind": {"type": ["string", "null"], "pattern": _MOMENT_PATTERN},
             "tijdigheid": {"type": "string", "enum": [st.OP_SCHEMA, st.TE_LAAT, st.GEEN_RECENTE_INFORMATIE,
                                                       st.GEEN_EINDE, st.TERUGKEREND, st.KLAAR, st.HISTORISCH]},
             "later_afgerond": {"type": "boolean"}}
    return {"type": "object", "title": "StandOpPeildatum",
            "description": "De stand van één actie op de peildatum. Berekend door de site uit het plan en de "
                           "rapportages, op dezelfde manier als de pagina's; geen gegevens uit de bestanden zelf.",
            "properties": {k: {"description": STAND_UITLEG[k], **v} for k, v in kinds.items()},
            "required": list(kinds), "additionalProperties": False}


def json_schema() -> dict:
    """The JSON Schema of plannen.json (all plans, and each plan's own file), generated from macros/model.py."""
    refs: set = set()
    site = _object_schema(m.Site, refs)
    definitions, done = {}, set()
    while refs - done:
        cls = min(refs - done, key=lambda c: c.__name__)
        definitions[cls.__name__] = _object_schema(cls, refs)
        done.add(cls)
    properties = {
        "peildatum": {"description": "De peildatum van deze bestanden: de stand van de plannen op deze datum. "
                                     "Rapportages van later staan er niet in.", **_TYPE_SCHEMA[_dt.date][0]},
        "publicatie": {"description": "De naam van de publicatie, zoals 'Stand juni 2026'; leeg (null) bij een "
                                      "gewone bouw van de site.", "type": ["string", "null"]},
        "gemeente": {"description": "De gemeente van de site; een plan zonder eigen gemeente hoort bij deze.",
                     "type": ["string", "null"]},
        "licentie": {"description": "De licentie van deze gegevens.", "type": "object",
                     "properties": {"naam": {"type": "string"}, "url": {"type": "string"}},
                     "required": ["naam", "url"], "additionalProperties": False},
        **site["properties"],
        "stand_op_peildatum": {"description": "Per actie de stand op de peildatum, zoals de site die toont. Berekend "
                                              "door de site.", "type": "array",
                               "items": {"$ref": "#/$defs/StandOpPeildatum"}},
    }
    definitions["StandOpPeildatum"] = _stand_schema()
    return {"$schema": DIALECT, "$id": SCHEMA_FILE,
            "title": "Plannen van aanpak: open data",
            "description": "De gegevens van de plannen van aanpak zoals de site ze publiceert, op één peildatum. "
                           "Gemaakt uit macros/model.py.",
            "type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False, "$defs": dict(sorted(definitions.items()))}

