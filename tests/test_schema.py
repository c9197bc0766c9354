"""Editor support (issue 9): the JSON Schemas in schema/ are generated from the model, accept the real data,
refuse what the loader refuses, explain every key in Dutch, and are wired into VS Code and the built site."""
from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import copy_data

from macros import model as m
from macros import schema as s
from macros.loader import PLAN_FILES, load_site
from macros.problems import PlanDataError
from macros.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = s.schemas()
DATA_ROOTS = [ROOT / "data", *sorted((ROOT / "tests/fixtures").glob("*/data"))]  # every fixture folder, also new ones
NOT_PLAN_DATA = {"taal/moeilijke-woorden.yaml"}  # the plain-language word list of plain_language/, not plan data


def _plain(value):
    """A value as the YAML language server sees it: dates as text, every key text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _soort(relative: str) -> s.Soort | None:
    return next((k for k in s.SOORTEN if any(fnmatch.fnmatch(relative, g) for g in k.bestanden)), None)


def _errors(soort: s.Soort, data) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMAS[f"{soort.naam}.schema.json"])
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_plain(data))]


def _data_files():
    for base in DATA_ROOTS:
        for path in sorted(base.rglob("*.y*ml")):
            relative = path.relative_to(base).as_posix()
            if relative not in NOT_PLAN_DATA:
                yield path, relative


# --- Generated, never edited by hand ---------------------------------------------------------------------------

def test_the_committed_schemas_are_the_generated_ones():
    from scripts.schema import text

    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.schema.json")}
    assert set(committed) == set(SCHEMAS), "run: .venv/bin/python scripts/schema.py"
    for name, schema in SCHEMAS.items():
        assert committed[name] == text(schema), f"schema/{name} is out of date: run .venv/bin/python scripts/schema.py"


def test_every_schema_is_valid_json_schema():
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft7Validator.check_schema(schema)  # older YAML language servers read draft-07


def test_every_plan_file_the_loader_knows_has_a_schema():
    assert s.plan_files_covered() == set(PLAN_FILES)


# --- The real data passes ----------------------------------------------------------------------------------------

def test_every_data_file_has_a_schema_and_passes_it():
    checked = 0
    for path, relative in _data_files():
        soort = _soort(relative)
        assert soort is not None, f"no schema for {relative}"
        assert _errors(soort, load_yaml(path)) == [], relative
        checked += 1
    assert checked >= 30
    assert any(_soort(r).naam == "rapportage" for _, r in _data_files()), "a progress report is among the checked files"


# --- Mistakes are refused, by the schema and by the loader alike --------------------------------------------------

REPORT = """\
peildatum: 2024-06-30
titel: Testrapportage
bron:
  titel: Raadsmededeling voortgang
  datum: 2024-07-10
  link: https://www.deventer.nl/voortgang
acties:
  - actie: I.a
    status: gestart
    voortgang: 40
    toelichting: Het werk loopt.
    herplanning:
      eind: 2025-Q2
      reden: Er was minder personeel.
"""
REPORT_FILE = "plannen/bewind/rapportages/2024-06-30.yaml"

# (file under data/, text as it is, text as a staff member might type it by mistake)
BROKEN = [
    ("plannen/bewind/acties.yaml", "    onderdeel: I\n", "    onderdeeltje: I\n"),  # unknown key
    ("plannen/bewind/acties.yaml", "status: gestart", "status: bezig"),  # wrong status
    ("plannen/bewind/plan.yaml", "status: vastgesteld", "status: besloten"),  # wrong plan status
    ("plannen/bewind/acties.yaml", "    titel: Organisatieontwikkeling + implementatie DOO\n", ""),  # missing required
    ("plannen/bewind/actoren.yaml", "    naam: College van burgemeester en wethouders\n", ""),  # missing required
    ("plannen/bewind/actoren.yaml", "soort: orgaan", "soort: bestuur"),  # wrong choice
    ("plannen/bewind/plan.yaml", "namen_tonen: false", "namen_tonen: nee hoor"),  # wrong type
    ("plannen/bewind/plan.yaml", "rapportages_per_jaar: 2", "rapportages_per_jaar: 13"),  # out of range
    ("plannen/bewind/begroting.yaml", "bedrag: 680000", 'bedrag: "680000"'),  # bedrag as string
    ("plannen/bewind/begroting.yaml", "bedrag: 680000", "bedrag: € 680.000"),  # Dutch amount
    ("plannen/bewind/begroting.yaml", "bedrag: 680000", "bedrag: -5"),  # negative
    ("plannen/bewind/begroting.yaml", "bedrag: 680000", "bedrag: 12.5"),  # cents
    ("plannen/bewind/begroting.yaml", "2024: 600000", "2024: 600.000,50"),  # Dutch amount per year
    ("plannen/bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-13-01"),  # no month 13
    ("plannen/bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-02-29"),  # no such day
    ("plannen/bewind/plan.yaml", "datum: 2023-10-03", "datum: 31-12-2023"),  # year last
    ("plannen/bewind/onderdelen.yaml", "datum: 2022-11", "datum: 2022-9"),  # impossible month format
    ("plannen/bewind/acties.yaml", "start: 2022", "start: 2022-K2"),  # quarter with K
    ("plannen/bewind/acties.yaml", "start: 2022", "start: 2022-Q5"),  # no quarter 5
    ("plannen/bewind/acties.yaml", "  - id: I.a\n", "  - id: I a\n"),  # id with a space
    ("plannen/bewind/acties.yaml", "      directie: I\n", "      directie: AX\n"),  # not a RACI letter
    ("plannen/bewind/acties.yaml", "      directie: I\n", "      directie: AA\n"),  # a RACI letter twice
    ("begrippen.yaml", "soort: afkorting", "soort: woord"),  # wrong kind of term
    (REPORT_FILE, "status: gestart", "status: klaar"),  # wrong status in a report
    (REPORT_FILE, "voortgang: 40", "voortgang: 150"),  # more than 100 %
    (REPORT_FILE, "voortgang: 40", 'voortgang: "40%"'),  # percentage as text
    (REPORT_FILE, "peildatum: 2024-06-30", "peildatum: 2024-06-31"),  # no such day
    (REPORT_FILE, "    toelichting: Het werk loopt.", "    toelichting: " + "Het werk loopt. " * 30),  # too long
    (REPORT_FILE, "      reden: Er was minder personeel.\n", ""),  # replanning without reason
    (REPORT_FILE, "link: https://", "link: http://"),  # not https
    (REPORT_FILE, "  titel: Raadsmededeling voortgang\n", "  titel: Raadsmededeling voortgang\n  auteur: Griffie\n"),
]


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    """A copy of data/ (the reference plans in place) with one progress report added, which the loader and the
schema both accept."""
    root = tmp_path_factory.mktemp("schema-data")
    copy_data(root / "data")
    report = root / "data" / REPORT_FILE
    report.parent.mkdir()
    report.write_text(REPORT, encoding="utf-8")
    load_site(root / "data", root)
    assert _errors(_soort(REPORT_FILE), load_yaml(report)) == []
    return root


def test_the_corpus_has_enough_mistakes():
    assert len(BROKEN) >= 15


@pytest.mark.parametrize("file, old, new", BROKEN, ids=[f"{c.values[0].rsplit('/', 1)[-1]}:{c.values[2].strip()[:30]}" if hasattr(c, "values")
                              else f"{c[0].rsplit('/', 1)[-1]}:{c[2].strip()[:30]}" for c in BROKEN])
def test_a_mistake_is_refused_by_the_schema_and_the_loader(data_copy, file, old, new):
    path = data_copy / "data" / file
    original = path.read_text(encoding="utf-8")
    assert old in original, f"test setup: {old!r} not in {file}"
    try:
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
        assert _errors(_soort(file), load_yaml(path)), f"the schema accepts {new.strip()!r} in {file}"
        with pytest.raises(PlanDataError):
            load_site(data_copy / "data", data_copy)
    finally:
        path.write_text(original, encoding="utf-8")


# --- Dutch descriptions, and the model's own values ----------------------------------------------------------------

def _properties(schema, where=""):
    """Every (path, property schema) in a schema, through definitions and nested objects."""
    if isinstance(schema, dict):
        for key, value in schema.get("properties", {}).items():
            yield f"{where}/{key}", value
        for key, value in schema.items():
            if key != "properties":
                yield from _properties(value, f"{where}/{key}")
            else:
                for name, sub in value.items():
                    yield from _properties(sub, f"{where}/{name}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _properties(value, f"{where}/{i}")


DUTCH = re.compile(r"\b(de|het|een|van|voor|bij|als|zoals|niet|met|op|per|of|en|uit|wat|wie|hoe|welke?|deze|die"
                   r"|waar|waarom|wanneer|hoeveel)\b", re.I)
ENGLISH = re.compile(r"\b(the|which|should|must|and|with|from|this|that)\b", re.I)


def test_every_property_has_a_dutch_description():
    count = 0
    for name, schema in SCHEMAS.items():
        for path, prop in _properties(schema):
            text = prop.get("description", "")
            assert len(text) > 10, f"{name}{path} has no description"
            assert DUTCH.search(text) and not ENGLISH.search(text), f"{name}{path}: not Dutch: {text}"
            count += 1
    assert count > 150
    assert all(re.search(r"\b(de|het|een)\b", schema["title"] + schema["description"]) for schema in SCHEMAS.values())


def _enums(schema, key):
    return [p.get("enum") or p["anyOf"][0]["enum"] for path, p in _properties(schema) if path.endswith(key)]


def test_the_allowed_statuses_are_the_models():
    action = SCHEMAS["acties.schema.json"]["$defs"]["Action"]["properties"]["status"]["enum"]
    entry = SCHEMAS["rapportage.schema.json"]["$defs"]["ReportEntry"]["properties"]["status"]["enum"]
    plan = SCHEMAS["plan.schema.json"]["properties"]["status"]["enum"]
    assert action == entry == list(m.STATUSES)
    assert plan == [*m.PLAN_STATUSES, None]  # optional: a plan whose documents state no status leaves it out
    kinds = SCHEMAS["begroting.schema.json"]["$defs"]["BudgetLine"]["properties"]["soort"]["enum"]
    assert kinds == [*m.AMOUNT_KINDS, None]  # optional: empty is allowed


def test_the_glossary_kinds_are_the_loaders(data_copy):
    """The loader has no constant for them: its own message lists the choices."""
    path = data_copy / "data" / "begrippen.yaml"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("soort: afkorting", "soort: iets", 1), encoding="utf-8")
        with pytest.raises(PlanDataError) as info:
            load_site(data_copy / "data", data_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    fix = next(p.fix for p in info.value.problems if "'iets'" in p.message)
    assert fix.endswith(f"Kies uit: {', '.join(s.TERM_KINDS)}.")


# --- The schema's keys are the loader's keys ----------------------------------------------------------------------

def _objects(schema):
    """(keys, required keys) of every object in a schema whose keys are fixed."""
    if isinstance(schema, dict):
        if schema.get("additionalProperties") is False:
            yield frozenset(schema["properties"]), frozenset(schema.get("required", ()))
        for value in schema.values():
            yield from _objects(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _objects(value)


# Keys the loader requires with a check of its own instead of Fields(..., required=True)
OWN_CHECKS = {"datum", "peildatum", "eind"}


def test_the_schemas_have_the_keys_and_required_keys_the_loader_reads(monkeypatch):
    """Load the real data and the fixtures, noting the keys every Fields accepts and which it requires."""
    from macros import loader_fields

    seen: dict[frozenset, set] = {}
    original_init, original_get = loader_fields.Fields.__init__, loader_fields.Fields._get

    def init(self, data, file, problems, what, allowed, line=0):
        self._allowed = frozenset(allowed)
        self._required = set()
        seen.setdefault(self._allowed, [])
        seen[self._allowed].append(self._required)
        original_init(self, data, file, problems, what, allowed, line)

    def get(self, key, required):
        if required:
            self._required.add(key)
        return original_get(self, key, required)

    monkeypatch.setattr(loader_fields.Fields, "__init__", init)
    monkeypatch.setattr(loader_fields.Fields, "_get", get)
    for base in DATA_ROOTS:
        load_site(base, base.parent)
    seen.pop(frozenset({"jaar", "bedrag"}))  # per_jaar: the loader reads a mapping of years with a Fields of its own

    in_schemas: dict[frozenset, set] = {}
    for schema in SCHEMAS.values():
        for keys, required in _objects(schema):
            in_schemas.setdefault(keys, set()).add(required)
    assert set(seen) == set(in_schemas), "the keys of the schemas differ from the keys the loader accepts"
    for keys, calls in seen.items():
        loader_required = {frozenset(r) for r in calls}
        schema_required = {r - OWN_CHECKS for r in in_schemas[keys]}
        assert loader_required <= schema_required, f"required keys differ for {sorted(keys)}"


# --- Wired into VS Code and the site ------------------------------------------------------------------------------

def test_vs_code_knows_which_schema_belongs_to_which_file():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    wanted = {f"./schema/{k.naam}.schema.json": [f"data/{g}" for g in k.bestanden] for k in s.SOORTEN}
    assert settings["yaml.schemas"] == wanted
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_the_site_publishes_the_schemas(tmp_path):
    import yaml

    from macros import schema_hooks

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])
    assert "macros/schema_hooks.py" in config["hooks"]
    schema_hooks.on_post_build({"site_dir": str(tmp_path)})
    published = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "schema").iterdir()}
    assert published == {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.schema.json")}
