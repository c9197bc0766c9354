"""JSON Schemas of the data files, generated from the model, so that editors help staff while they type.

One schema per kind of file (plan.yaml, acties.yaml, a progress report, ...). Everything comes from
macros/model.py: the keys are the dataclass fields, the types come from their type hints, the Dutch
descriptions from each field's metadata ("uitleg"), the allowed values from the model's constants.
What the model cannot say is in the small tables below, each an explicit note of how the YAML files
or the loader differ from the model:

- SOORTEN: which file holds which part of the model (acties.yaml holds Plan.acties, ...);
- KEUZES: which constant of the model lists the allowed values of a field;
- VORMEN: how the loader reads a field beyond its Python type (id patterns, lists of ids or texts,
  whole euros, bounds of numbers, mappings such as raci);
- VERPLICHT / NIET_VERPLICHT: where the loader requires a key the model gives a default, or the other way;
- VARIANTEN: the same class read with other keys in another place (a kaderstuk needs no id).

The loader refuses unknown keys everywhere, so every object says additionalProperties: false.
A key may be empty (null) where the loader treats empty as absent, that is: wherever it is optional.

The schemas are JSON Schema draft 2020-12 and use only keywords that mean the same in draft-07, so
older versions of the YAML language server read them too. scripts/schema.py writes them to schema/;
tests/test_schema.py proves the written files equal these, accept the real data and refuse mistakes.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal

from . import model as m
from .dutch import _MOMENT, Moment, Periode
from .loader import _PART_ID
from .loader_fields import ID
from .progress_reports import FOLDER as REPORTS_FOLDER
from .structure_words import PLURALS
from .text_limits import limit

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TERM_KINDS = ("afkorting", "begrip")  # the loader's choices for Term.soort (macros/loader.py, _load_glossary)


@dataclass(frozen=True)
class Soort:
    """One kind of data file: what it holds of the model and where it lives under data/."""

    naam: str  # schema/<naam>.schema.json
    bestanden: tuple[str, ...]  # globs relative to data/
    titel: str
    klasse: type  # the file is one object of this class ...
    velden: tuple[str, ...] | None = None  # ... or holds only these fields of it (None: all that no other file holds)
    verplicht: tuple[str, ...] = ()  # with velden: the keys the loader requires (the model gives them a default)


_P = "plannen/*/"
SOORTEN = (
    Soort("plan", (_P + "plan.yaml",), "plan.yaml: de gegevens van het plan zelf", m.Plan),
    Soort("actoren", (_P + "actoren.yaml",), "actoren.yaml: wie er in het plan genoemd worden", m.Plan,
          ("actoren",), ("actoren",)),
    Soort("onderdelen", (_P + "onderdelen.yaml",), "onderdelen.yaml: thema's, bronnen en onderdelen", m.Plan,
          ("themas", "bronnen", "onderdelen"), ("onderdelen",)),
    Soort("acties", (_P + "acties.yaml",), "acties.yaml: de acties van het plan", m.Plan, ("acties",), ("acties",)),
    Soort("begroting", (_P + "begroting.yaml",), "begroting.yaml: het geld van het plan", m.Budget),
    Soort("organisatie", (_P + "organisatie.yaml",), "organisatie.yaml: groepen en rollen", m.Organisation),
    Soort("planning", (_P + "planning.yaml",), "planning.yaml: fasen, detailplanning en capaciteit", m.Schedule),
    Soort("doelen", (_P + "doelen.yaml",), "doelen.yaml: indicatoren, lijsten en escalatie", m.Goals),
    Soort("adviezen", (_P + "adviezen.yaml",), "adviezen.yaml: adviezen en inbreng", m.Plan, ("adviezen",),
          ("adviezen",)),
    Soort("aanbevelingen", (_P + "aanbevelingen.yaml",), "aanbevelingen.yaml: genummerde aanbevelingen uit rapporten",
          m.Plan, ("aanbevelingen",), ("aanbevelingen",)),
    Soort("rapportage", (_P + REPORTS_FOLDER + "/*.yaml", _P + REPORTS_FOLDER + "/*.yml"),
          "Een voortgangsrapportage in de map rapportages/", m.ProgressReport),
    Soort("begrippen", ("begrippen.yaml",), "begrippen.yaml: afkortingen en begrippen met uitleg", m.Site,
          ("begrippen",), ("begrippen",)),
)

# plan.yaml names the running headers of the source text; the model keeps them in Plan.brontekst.
ANDERE_SLEUTEL = {(m.Plan, "brontekst"): ("bron_paginakoppen", m.SourceTexts, "paginakoppen")}
# Fields the YAML does not hold as such: the advice's "acties" key carries its koppelingen.
AFGELEID = {(m.Advice, "koppelingen")}

KEUZES = {
    (m.Plan, "status"): m.PLAN_STATUSES,
    (m.Actor, "soort"): m.ACTOR_KINDS,
    (m.Action, "status"): m.STATUSES,
    (m.ReportEntry, "status"): m.STATUSES,
    (m.BudgetLine, "soort"): m.AMOUNT_KINDS,
    (m.Estimate, "soort"): m.ESTIMATE_KINDS,
    (m.Body, "soort"): m.BODY_KINDS,
    (m.Body, "rol"): m.MEMBER_ROLES,
    (m.Member, "rol"): m.MEMBER_ROLES,
    (m.NamedList, "soort"): m.LIST_KINDS,
    (m.Indicator, "richting"): m.DIRECTIONS,
    (m.Advice, "soort"): m.ADVICE_KINDS,
    (m.Term, "soort"): TERM_KINDS,
}

# The loader accepts for a plain text a number too (it keeps "2023" as text); never true/false.
_TEKST = {"type": ["string", "number"]}
_GEVULD = {"minLength": 1, "pattern": r"\S"}
_ID_OF_GETAL = {"type": ["string", "integer"], "minimum": 0}


def _id(pattern: re.Pattern) -> dict:
    return {**_ID_OF_GETAL, "pattern": pattern.pattern,
            "patternErrorMessage": "Gebruik alleen letters, cijfers, punten en streepjes, zonder spaties."
            if pattern is _PART_ID else "Gebruik kleine letters, cijfers en streepjes, zonder spaties."}


# A number as a report or letter gives it (3, or 3a): macros/loader_recommendations.py, number().
_NUMMER = {"type": ["string", "integer"], "minimum": 0, "pattern": r"^[0-9A-Za-z][0-9A-Za-z.-]*$",
           "patternErrorMessage": "Schrijf het nummer zoals de bron het schrijft, zonder spaties: 3, of 3a."}


def _heel(low: int | None = None, high: int | None = None) -> dict:
    """A whole number within the bounds the loader checks (Fields.integer(..., low, high))."""
    return {"type": "integer", **({"minimum": low} if low is not None else {}),
            **({"maximum": high} if high is not None else {})}


_ID_LIJST = {"anyOf": [{"type": ["string", "integer"]},
                       {"type": "array", "items": {"type": ["string", "integer"]}}],
             "uitleg": "Eén id, of een lijst: [I.a, I.b]."}
_TEKST_LIJST = {"anyOf": [{"type": "string", **_GEVULD}, {"type": "array", "items": {"type": "string", **_GEVULD}}],
                "uitleg": "Eén tekst, of elke tekst op een eigen regel met '- '."}
_TEKSTEN = {"type": "array", "items": {"type": ["string", "number"]}, "uitleg": "Elke tekst op een eigen regel met '- '."}
_EUROS = {"type": "integer", "minimum": 0,
          "uitleg": "Schrijf hele euro's als gewoon getal: 300000, niet 300.000 of € 300.000."}
_GETAL = {"type": "number", "uitleg": "Een getal, met een punt voor decimalen: 1.5."}
_JAAR = r"^(?:19\d\d|2[01]\d\d|2200)$"  # Fields.integer("jaar", low=1900, high=2200) in the loader
_RACI = "^(?!.*(.).*\\1)[" + m.RACI_LETTERS + "]+$"  # each letter of RACI_LETTERS at most once
_LINK = r"^https://(?!.*safelinks)"

# Texts staff write themselves have a length limit (macros/text_limits.py), the same one the loader enforces.
LENGTES = {
    (m.Plan, "korte_titel"): limit("plan.yaml", "korte_titel"),
    (m.Plan, "samenvatting"): limit("plan.yaml", "samenvatting"),
    (m.Plan, "status_toelichting"): limit("plan.yaml", "status_toelichting"),
    (m.Part, "korte_titel"): limit("onderdelen.yaml", "korte_titel"),
    (m.Action, "status_toelichting"): limit("acties.yaml", "status_toelichting"),
    (m.ReportEntry, "toelichting"): limit("voortgang/*.yaml", "toelichting"),
}

VORMEN = {
    (m.Plan, "onderdeel_soort"): {"type": "string", "pattern": r"^[a-z][a-z-]*$",
                                  "uitleg": "Eén woord in kleine letters, enkelvoud. De site kent: "
                                  + ", ".join(PLURALS) + ". Een ander woord kan, met onderdeel_meervoud erbij."},
    (m.Plan, "id"): _id(ID), (m.Actor, "id"): _id(ID), (m.Theme, "id"): _id(ID), (m.Source, "id"): _id(ID),
    (m.Estimate, "id"): _id(ID), (m.Body, "id"): _id(ID), (m.Phase, "id"): _id(ID), (m.NamedList, "id"): _id(ID),
    (m.Advice, "id"): _id(ID), (m.Part, "id"): _id(_PART_ID), (m.Action, "id"): _id(_PART_ID),
    (m.Document, "id"): _id(ID), (m.Recommendation, "nummer"): _NUMMER, (m.Advice, "nummer"): _NUMMER,
    (m.Source, "link"): {"type": "string", "pattern": _LINK,
                         "patternErrorMessage": "Een link begint met https:// en is geen Outlook-doorstuurlink."},
    (m.Part, "nummer"): _heel(0),
    (m.Plan, "rapportages_per_jaar"): _heel(1, 12),
    (m.BudgetLine, "jaren"): _heel(1, 50),
    (m.Indicator, "doeljaar"): _heel(1900, 2200),
    (m.ReportEntry, "voortgang"): _heel(0, 100),
    (m.ReportEntry, "toelichting"): {"type": "string", **_GEVULD},
    (m.BudgetLine, "bedrag"): _EUROS,
    (m.Estimate, "totaal"): _EUROS,
    (m.Estimate, "per_jaar"): {"type": "object", "propertyNames": {"pattern": _JAAR},
                               "additionalProperties": _EUROS,
                               "uitleg": "Per regel een jaar en een bedrag in hele euro's: 2024: 600000."},
    (m.Budget, "dekkingen"): {"type": "object", "additionalProperties": {"type": "string"},
                              "uitleg": "Per regel een id en een naam."},
    (m.Action, "raci"): {"type": "object",
                         "additionalProperties": {"type": "string", "pattern": _RACI,
                                                  "patternErrorMessage": "Gebruik de letters "
                                                  + ", ".join(m.RACI_LETTERS) + ", elk hoogstens één keer."},
                         "uitleg": "Per actor een regel: 'college: A'. Letters: " + ", ".join(m.RACI_LETTERS) + "."},
    (m.Action, "status_citaten"): _TEKST_LIJST,
    (m.Body, "taken"): _TEKSTEN, (m.Body, "bevoegdheden"): _TEKSTEN,
    (m.Role, "taken"): _TEKSTEN, (m.Role, "bevoegdheden"): _TEKSTEN,
    (m.Phase, "activiteiten"): _TEKSTEN,
    (m.NamedList, "items"): {"type": "array", "items": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/ListItem"}]},
                             "uitleg": "Elk punt een tekst, of een titel met een toelichting."},
    (m.Advice, "acties"): {"anyOf": [{"type": ["string", "integer"]},
                                     {"type": "array", "items": {"anyOf": [{"type": ["string", "integer"]},
                                                                           {"$ref": "#/$defs/AdviceLink"}]}}]},
}
NIET_VERPLICHT = {(m.Term, "uitleg"),  # the loader's own check: required unless betekenis_onbekend is true
                  (m.Plan, "korte_titel"), (m.Plan, "onderdeel_soort"), (m.Part, "korte_titel"),
                  (m.Action, "tekst"), (m.Estimate, "leidend"), (m.Budget, "dekkingen"), (m.NamedList, "soort")}
VERPLICHT = {(m.AdviceLink, "citaat"), (m.AdviceLink, "plan_verwijst")}


@dataclass(frozen=True)
class Variant:
    """A class read with other keys in one place; the default reading is the class's own name."""

    klasse: type
    alleen: tuple[str, ...] | None = None  # only these fields
    vormen: dict = field(default_factory=dict)  # other VORMEN
    niet_verplicht: tuple[str, ...] = ()


VARIANTEN = {
    # plan.yaml, kader: a document the plan builds on, referred to by nobody, so its id is free text
    "Kaderstuk": Variant(m.Source, vormen={"id": _TEKST}, niet_verplicht=("id",)),
    # a progress report's bron: the loader reads only these keys, and does not look for safelinks
    "RapportageBron": Variant(m.Source, alleen=("titel", "nummer", "datum", "link"),
                              vormen={"link": {"type": "string", "pattern": "^https://",
                                               "patternErrorMessage": "Een link begint met https://."}}),
}
WAAR_VARIANT = {(m.Plan, "kader"): "Kaderstuk", (m.ProgressReport, "bron"): "RapportageBron"}

# --- Dates, as the loader reads them ---------------------------------------------------------------------------
# A moment (Moment.lees): a year as a number, or the text forms of macros/dutch.py (without its group names, which
# JSON Schema's regular expressions do not know). A day must exist; PyYAML reads only JJJJ-MM-DD as a date.
_MOMENT_PATTERN = re.sub(r"\(\?P<\w+>", "(", _MOMENT.pattern)
_LEAP = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY_EXISTS = (r"^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
               r"|02-(?:0[1-9]|1\d|2[0-8]))|" + _LEAP + r"-02-29)$")
_DAY_FORM = r"^\d{4}-\d{2}-\d{2}$"
_NO_IMPOSSIBLE_DAY = {"not": {"pattern": _DAY_FORM, "not": {"pattern": _DAY_EXISTS}}}
MOMENT = {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999},
                    {"type": "string", "pattern": _MOMENT_PATTERN, **_NO_IMPOSSIBLE_DAY,
                     "patternErrorMessage": "Schrijf JJJJ (2024), JJJJ-Qn (2024-Q2), JJJJ-MM (2024-05) of "
                                            "JJJJ-MM-DD (2024-05-01)."}],
          "uitleg": "Schrijf JJJJ (2024), JJJJ-Qn (2024-Q2), JJJJ-MM (2024-05) of JJJJ-MM-DD (2024-05-01)."}
DATUM = {"type": "string", "pattern": _DAY_EXISTS, "patternErrorMessage": "Schrijf een bestaande datum als JJJJ-MM-DD.",
         "uitleg": "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-06-30."}
PERIODE = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\s*\d{4}\s*(?:-\s*\d{4})?\s*$"}],
           "uitleg": "Schrijf een jaar (2024) of een periode (2024-2025)."}
_SOORTEN_VAN_TYPE = {str: _TEKST, int: {"type": "integer"},
                     bool: {"type": "boolean", "uitleg": "Schrijf true of false."},
                     Decimal: _GETAL, Moment: MOMENT, _dt.date: DATUM, Periode: PERIODE}


def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls, vars(m))


def _optional(hint) -> tuple[object, bool]:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


def _described(schema: dict, uitleg: str) -> dict:
    """The schema with its Dutch description: the field's uitleg, then how to write the value."""
    schema = dict(schema)
    hint = schema.pop("uitleg", None)
    schema["description"] = " ".join(filter(None, (uitleg, hint)))
    return schema


def _type_schema(hint, refs: set) -> dict:
    if hint in _SOORTEN_VAN_TYPE:
        return _SOORTEN_VAN_TYPE[hint]
    if dataclasses.is_dataclass(hint):
        refs.add(hint.__name__)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if typing.get_origin(hint) is tuple:
        item, *_ = typing.get_args(hint)
        if item is str:
            return _ID_LIJST
        return {"type": "array", "items": _type_schema(item, refs)}
    return _SOORTEN_VAN_TYPE[hint]


def _property(cls: type, f: dataclasses.Field, hint, variant: Variant | None, refs: set,
              must: bool = False) -> tuple[dict, bool]:
    """The schema of one key and whether the loader requires it."""
    inner, optional = _optional(hint)
    if variant and f.name in variant.vormen:
        schema = variant.vormen[f.name]
    elif (cls, f.name) in VORMEN:
        schema = VORMEN[(cls, f.name)]
    elif (cls, f.name) in WAAR_VARIANT:
        name = WAAR_VARIANT[(cls, f.name)]
        refs.add(name)
        ref = {"$ref": f"#/$defs/{name}"}
        schema = {"type": "array", "items": ref} if typing.get_origin(inner) is tuple else ref
    else:
        schema = _type_schema(inner, refs)
    refs.update(_refs_in(schema))
    if (cls, f.name) in KEUZES:
        options = KEUZES[(cls, f.name)]
        schema = {"type": "string", "enum": list(options), "uitleg": "Kies uit: " + ", ".join(options) + "."}
    required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING and not optional
    required = (required or (cls, f.name) in VERPLICHT) and (cls, f.name) not in NIET_VERPLICHT
    if variant and f.name in variant.niet_verplicht:
        required = False
    required = required or must
    if required and schema.get("type") in ("string", ["string", "number"]) and "enum" not in schema:
        schema = {**_GEVULD, **schema}  # an empty text counts as missing
    if (cls, f.name) in LENGTES:
        schema = {**schema, "maxLength": LENGTES[(cls, f.name)].most}
    return _described(schema, f.metadata["uitleg"]), required


def _object(cls: type, names: typing.Iterable[str] | None, variant: Variant | None, refs: set,
            verplicht: tuple[str, ...] | None = None) -> dict:
    """An object of cls with the given fields; verplicht, if given, replaces which of them are required."""
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    properties, required = {}, []
    for name in (names if names is not None else fields):
        f = fields[name]
        if f.metadata.get("intern") or (cls, name) in AFGELEID:
            continue
        if (cls, name) in ANDERE_SLEUTEL:
            key, other, other_name = ANDERE_SLEUTEL[(cls, name)]
            other_field = next(o for o in dataclasses.fields(other) if o.name == other_name)
            properties[key], _ = _property(other, other_field, _hints(other)[other_name], None, refs)
            continue
        schema, needed = _property(cls, f, hints[name], variant, refs, verplicht is not None and name in verplicht)
        needed = needed if verplicht is None else name in verplicht
        if needed:
            required.append(name)
        else:
            if "anyOf" in schema:
                schema = {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
            elif "$ref" in schema:
                schema = {"anyOf": [{"$ref": schema["$ref"]}, {"type": "null"}], "description": schema["description"]}
            else:
                schema = {**schema, "type": _with_null(schema.get("type"))}
            if schema.get("enum"):
                schema["enum"] = [*schema["enum"], None]
        properties[name] = schema
    result = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    return result


def _refs_in(schema) -> set[str]:
    """The classes a hand-made schema in VORMEN refers to, so that they get a definition too."""
    if isinstance(schema, dict):
        found = {schema["$ref"].rsplit("/", 1)[1]} if "$ref" in schema else set()
        return found.union(*(_refs_in(v) for v in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_refs_in(v) for v in schema))
    return set()


def _with_null(kind):
    kinds = kind if isinstance(kind, list) else [kind]
    return [*kinds, "null"]


def _definition(name: str, refs: set) -> dict:
    variant = VARIANTEN.get(name)
    if variant:
        return _object(variant.klasse, variant.alleen, variant, refs)
    cls = getattr(m, name)
    return _object(cls, None, None, refs)


def _taken_by_other_files() -> set[str]:
    """The fields of Plan that other files than plan.yaml hold."""
    classes = {s.klasse for s in SOORTEN if s.velden is None}
    taken = {name for s in SOORTEN if s.klasse is m.Plan and s.velden for name in s.velden}
    hints = _hints(m.Plan)
    return taken | {name for name, hint in hints.items() if _element(hint) in classes}


def _element(hint):
    inner, _ = _optional(hint)
    return typing.get_args(inner)[0] if typing.get_origin(inner) is tuple else inner


def schema(soort: Soort) -> dict:
    """The JSON Schema of one kind of data file."""
    refs: set[str] = set()
    names = soort.velden
    if names is None and soort.klasse is m.Plan:
        names = [f.name for f in dataclasses.fields(m.Plan) if f.name not in _taken_by_other_files()]
    root = _object(soort.klasse, names, None, refs, soort.verplicht if soort.velden is not None else None)
    definitions, done = {}, set()
    while refs - done:
        name = sorted(refs - done)[0]
        definitions[name] = _definition(name, refs)
        done.add(name)
    head = {"$schema": DIALECT, "$id": f"{soort.naam}.schema.json", "title": soort.titel,
            "description": f"Gegevens voor de site; uitleg in data/README.md. Gemaakt uit macros/model.py door "
                           f"scripts/schema.py: pas dit bestand niet met de hand aan."}
    return head | root | ({"$defs": dict(sorted(definitions.items()))} if definitions else {})


def schemas() -> dict[str, dict]:
    """Every schema by the name of its file in schema/."""
    return {f"{s.naam}.schema.json": schema(s) for s in SOORTEN}


def plan_files_covered() -> set[str]:
    """The names of the plan files that have a schema, to compare with the loader's list (PLAN_FILES)."""
    return {glob.rsplit("/", 1)[1] for s in SOORTEN for glob in s.bestanden if glob.count("/") == 2}
