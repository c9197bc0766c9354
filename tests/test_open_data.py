"""Open data (Wet open overheid): JSON, CSV, JSON Schema and DCAT under open-data/, checked on the built site.

On the real site only invariants (every file described, valid, complete, equal to the model and to what the
pages show); exact values on the made-up plans of tests/fixtures/voortgang/, built with a peildatum after
their three reports.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlparse

import jsonschema
import pytest
from conftest import PEILDATUM, ROOT, add_plan, copy_project, html_of

from macros import action_state as st
from macros import model as m
from macros import open_data as od
from macros import open_data_files as files
from macros.dutch import Moment, Periode
from macros.loader import load_site
from macros.render import STATUS_LABEL

PEIL = dt.date.fromisoformat(PEILDATUM)
VOORTGANG = ROOT / "tests" / "fixtures" / "voortgang"
LATER = "2025-06-30"  # after the three reports of fictief-voortgang
PLAN_SETS = sorted(p.parent for p in (ROOT / "tests" / "fixtures").glob("*/data/plannen"))
SETTINGS = od.Settings(PEIL, "Testsite", "Fictiefstad", od.Licence(*od.DEFAULT_LICENCE))


def _build(project: Path, out: Path, peildatum: str) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": peildatum}
    env.pop("PVA_PUBLICATIE", None)  # an ordinary build, not a release
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def progress_project(tmp_path_factory) -> Path:
    """The project with the made-up plans with progress reports added (tests/fixtures/voortgang/)."""
    project = copy_project(tmp_path_factory.mktemp("open-data") / "project")
    for folder in sorted((VOORTGANG / "data" / "plannen").iterdir()):
        add_plan(project, folder)
    return project


@pytest.fixture(scope="module")
def progress_site(progress_project) -> Path:
    return _build(progress_project, progress_project / "gebouwd", LATER)


def _open_data(site: Path) -> Path:
    return site / od.FOLDER


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: UTF-8 with a byte order mark, for Excel"
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.split("\r\n", 1)[0], f"{path.name}: RFC 4180, lines end in CRLF"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _header(path: Path) -> list[str]:
    return next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _folders(site: Path, model) -> list[tuple[Path, tuple]]:
    """(folder, its plans): open-data/ with every plan, and each plan's own folder."""
    base = _open_data(site)
    return [(base, model.plannen)] + [(base / plan.id, (plan,)) for plan in model.plannen]


# --- The description (DCAT) ---------------------------------------------------------------------------------

def _distributions(catalog: dict) -> list[dict]:
    return [d for dataset in catalog["dcat:dataset"] for d in dataset["dcat:distribution"]]


def test_the_catalogue_names_every_file_with_the_size_it_has(built_site, site_model):
    base = _open_data(built_site)
    catalog = _json(base / od.CATALOG_FILE)
    assert catalog["@type"] == "dcat:Catalog"
    described = set()
    for distribution in _distributions(catalog):
        path = base / unquote(distribution["dcat:downloadURL"]["@id"])
        assert path.is_file(), path
        assert int(distribution["dcat:byteSize"]["@value"]) == path.stat().st_size, path
        assert distribution["dct:license"]["@id"] == od.DEFAULT_LICENCE[1]  # as mkdocs.yml sets it
        assert distribution["dct:issued"]["@value"] == PEILDATUM
        if distribution["dct:format"]["@id"].endswith("/JSON") and path.name != od.SCHEMA_FILE:
            assert (base / distribution["dct:conformsTo"]["@id"]).resolve() == (base / od.SCHEMA_FILE).resolve()
        access = (base / distribution["dcat:accessURL"]["@id"]).resolve()
        assert access == (built_site / "open-data.html").resolve() and access.is_file()
        described.add(path.resolve())
    on_site = {p.resolve() for p in base.rglob("*") if p.is_file() and p.name != od.CATALOG_FILE}
    assert described == on_site, "every file is described, and only files that exist"
    datasets = {d["dct:identifier"]: d for d in catalog["dcat:dataset"]}
    assert set(datasets) == {"alle-plannen", *(plan.id for plan in site_model.plannen)}
    for plan in site_model.plannen:
        dataset = datasets[plan.id]
        assert dataset["dct:title"] == plan.titel
        assert dataset["dct:publisher"]["foaf:name"] == (plan.gemeente or "Deventer")
        landing = (base / dataset["dcat:landingPage"]["@id"]).resolve()
        assert landing == (built_site / plan.id / "index.html").resolve() and landing.is_file()
        assert all(unquote(d["dcat:downloadURL"]["@id"]).startswith(f"{plan.id}/")
                   for d in dataset["dcat:distribution"])


# --- JSON ----------------------------------------------------------------------------------------------------

def test_every_json_file_is_valid_against_the_published_schema(built_site, site_model):
    base = _open_data(built_site)
    schema = _json(base / od.SCHEMA_FILE)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for folder, plans in _folders(built_site, site_model):
        data = _json(folder / od.JSON_FILE)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (folder, errors[:5])
        assert [p["id"] for p in data["plannen"]] == [p.id for p in plans]
        assert data["peildatum"] == PEILDATUM and data["licentie"]["url"] == od.DEFAULT_LICENCE[1]


def test_the_published_schema_is_the_one_the_model_gives(built_site):
    assert _json(_open_data(built_site) / od.SCHEMA_FILE) == od.json_schema()


def _staff_names(site) -> tuple[set[str], set[str]]:
    """(names the pages hide, names they show): staff unless the plan allows names, elected officials always."""
    hidden, shown = set(), set()
    for plan in site.plannen:
        people = [member for body in (plan.organisatie.gremia if plan.organisatie else ()) for member in body.leden]
        people += list(plan.planning.capaciteit if plan.planning else ())
        for person in people:
            if person.naam:
                (shown if plan.namen_tonen or getattr(person, "gekozen", False) else hidden).add(person.naam)
    return hidden, shown


def test_no_staff_name_the_pages_hide_is_in_the_open_data(built_site, site_model):
    hidden, _ = _staff_names(site_model)
    for path in _open_data(built_site).rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8-sig")
            assert not [name for name in hidden if name in text], path


def test_staff_names_are_left_out_as_on_the_pages_and_elected_officials_kept():
    site = load_site(ROOT / "tests/fixtures/compleet/data", ROOT / "tests/fixtures/compleet")
    hidden, shown = _staff_names(site)
    assert {"Pieter Verzonnen", "Anna Bedacht"} <= hidden and shown, "test premise: the fixture names both"
    text = b"".join(f.data for f in files.publication(site, SETTINGS).files).decode("utf-8")
    assert not [name for name in hidden if name in text]
    assert all(name in text for name in shown)
    plan = next(p for p in site.plannen if p.organisatie)
    assert od.without_staff_names(dataclasses.replace(plan, namen_tonen=True)).organisatie == \
        dataclasses.replace(plan, namen_tonen=True).organisatie, "a plan that allows names keeps them"


def test_the_json_reads_back_as_the_model_known_on_the_peildatum(built_site, site_model):
    known = od.without_internal(od.published(site_model, PEIL))
    for folder, plans in _folders(built_site, site_model):
        ids = {plan.id for plan in plans}
        back = od.site_from_json(_json(folder / od.JSON_FILE))
        assert back.plannen == tuple(plan for plan in known.plannen if plan.id in ids), folder
    assert od.site_from_json(_json(_open_data(built_site) / od.JSON_FILE)).begrippen == known.begrippen


@pytest.mark.parametrize("data", [ROOT / "data", *PLAN_SETS], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_plan_set_round_trips_through_json(data):
    site = load_site(data, data.parent)
    text = json.dumps(od.site_to_json(site), ensure_ascii=False)  # through text, as a reader gets it
    back = od.site_from_json(json.loads(text))
    assert back == od.without_internal(site)
    for plan, again in zip(site.plannen, back.plannen):
        assert od.without_internal(plan) == again, plan.id


def test_only_line_numbers_file_names_and_source_text_paths_are_left_out():
    site = load_site(VOORTGANG / "data", VOORTGANG)
    plan = site.plan("fictief-voortgang")
    assert plan.brontekst is not None and plan.voortgangsrapportages[0].file
    data = od.site_to_json(site)
    text = json.dumps(data)
    assert '"line"' not in text and '"file"' not in text and '"brontekst"' not in text and "bron/" not in text
    stripped = od.without_internal(plan)
    assert stripped.brontekst is None and stripped.voortgangsrapportages[0].file == ""
    assert stripped.voortgangsrapportages[0].id == plan.voortgangsrapportages[0].id == "2024-06-15-eerste"
    assert dataclasses.replace(stripped, brontekst=plan.brontekst) != plan, "reports keep their file in the model"


def test_every_field_of_the_model_is_published_but_line_numbers_files_and_source_paths():
    """Generic: a field added to the model is in the JSON without a change to the open data code."""
    site = load_site(ROOT / "tests/fixtures/compleet/data", ROOT / "tests/fixtures/compleet")
    seen = set()

    def walk(value, data):
        if isinstance(value, tuple):
            for item, item_data in zip(value, data):
                walk(item, item_data)
        elif dataclasses.is_dataclass(value) and not isinstance(value, (Moment, Periode)):
            cls = type(value)
            kept = {f.name for f in dataclasses.fields(cls) if not (f.metadata.get("intern") and (
                f.default is not dataclasses.MISSING)) and (cls, f.name) != (m.Plan, "brontekst")}
            assert set(data) == kept, cls.__name__
            seen.add(cls)
            for name in kept:
                walk(getattr(value, name), data[name])

    walk(site, od.site_to_json(site))
    assert {m.Plan, m.Action, m.Budget, m.BudgetLine, m.Advice, m.AdviceLink, m.Organisation, m.Goals,
            m.Schedule, m.Source} <= seen


def test_values_keep_their_precision_and_spelling():
    for spelling in ("2024", "2024-Q2", "2024-05", "2024-05-01"):
        assert od.to_json(Moment.lees(spelling)) == spelling
        assert od.from_json(spelling, Moment) == Moment.lees(spelling)
    assert od.to_json(Periode.lees("2024-2025")) == "2024-2025" and od.to_json(Periode.lees(2024)) == "2024"
    for amount in ("300000", "1.5", "0.1", "1234567.89"):
        number = od.to_json(Decimal(amount))
        assert od.from_json(json.loads(json.dumps(number)), Decimal) == Decimal(amount)
    assert isinstance(od.to_json(Decimal("300000")), int)
    with pytest.raises(ValueError):
        od.to_json(Decimal("1234567890.123456789"))  # more than a JSON number holds exactly: refused, not rounded
    with pytest.raises(ValueError):
        od.from_json("1.5", Decimal)


def test_the_state_on_the_peildatum_stands_apart_and_is_the_sites():
    site = load_site(VOORTGANG / "data", VOORTGANG)
    later = dataclasses.replace(SETTINGS, peildatum=dt.date.fromisoformat(LATER))
    data = od.document(site, later)
    model_keys = {f.name for f in od.published_fields(m.Site)}
    assert set(data) == {"peildatum", "publicatie", "gemeente", "licentie", "stand_op_peildatum", *model_keys}
    stands = {(s["plan"], s["actie"]): s for s in data["stand_op_peildatum"]}
    for plan in site.plannen:
        for action in plan.acties:
            state = st.state(plan, action, later.peildatum)
            stand = stands[(plan.id, action.id)]
            assert (stand["status"], stand["tijdigheid"], stand["voortgang"]) == (state.status, state.timing,
                                                                                 state.voortgang)
    assert stands[("fictief-voortgang", "A3")]["later_afgerond"] is True
    plan_json = next(p for p in data["plannen"] if p["id"] == "fictief-voortgang")
    assert {a["id"]: a["status"] for a in plan_json["acties"]}["A3"] == "gepland", "the plan's own status, unchanged"


def test_a_report_after_the_peildatum_is_not_published_yet():
    site = load_site(VOORTGANG / "data", VOORTGANG)
    data = od.document(site, SETTINGS)  # 2024-06-30: only the first report exists
    plan = next(p for p in data["plannen"] if p["id"] == "fictief-voortgang")
    assert [r["id"] for r in plan["voortgangsrapportages"]] == ["2024-06-15-eerste"]
    (_, rows), = [v for k, v in files.tables(site.plannen, SETTINGS).items() if k == "rapportages"]
    assert len(rows) == 3


def test_the_schema_describes_every_field_in_dutch():
    schema = od.json_schema()
    for name, definition in schema["$defs"].items():
        if name != "StandOpPeildatum":
            assert list(definition["properties"]) == [f.name for f in od.published_fields(getattr(m, name))], name
        for key, prop in definition["properties"].items():
            assert prop.get("description", "").strip(), f"{name}.{key} has no description"
    assert schema["$defs"]["Action"]["properties"]["status"]["enum"] == list(m.STATUSES)
    assert schema["$defs"]["Plan"]["properties"]["status"]["enum"] == [*m.PLAN_STATUSES, None]


# --- CSV -----------------------------------------------------------------------------------------------------

def _expected_counts(plans, peildatum) -> dict[str, int]:
    return {
        "plannen": len(plans),
        "onderdelen": sum(len(p.onderdelen) for p in plans),
        "acties": sum(len(p.acties) for p in plans),
        "rapportages": sum(len(r.acties) for p in plans for r in st.reports_until(p, peildatum)),
        "begrotingsregels": sum(len(e.regels) for p in plans if p.begroting for e in p.begroting.ramingen),
        "adviezen": sum(len(p.adviezen) for p in plans),
    }


def test_each_csv_has_one_row_per_item_of_the_model(built_site, site_model):
    for folder, plans in _folders(built_site, site_model):
        for table in files.TABLES:
            path = folder / f"{table.naam}.csv"
            rows = _csv(path)
            assert _header(path) == [c.naam for c in table.kolommen], path
            assert len(rows) == _expected_counts(plans, PEIL)[table.naam], path
            assert {row["plan"] for row in rows} <= {p.id for p in plans}
        actions = _csv(folder / "acties.csv")
        assert [(r["plan"], r["actie"]) for r in actions] == [(p.id, a.id) for p in plans for a in p.acties]


def _statuses_match_the_pages(site: Path, model, peildatum: str) -> int:
    rows = _csv(_open_data(site) / "acties.csv")
    for plan in model.plannen:
        table = html_of(site, f"{plan.id}/acties.html").find("table", class_="pva-actions")
        shown = {tr.th.get_text(): tr for tr in table.tbody.find_all("tr")}
        for row in (r for r in rows if r["plan"] == plan.id):
            cell = shown[row["actie"]]
            assert cell.find(class_="pva-status").get_text() == STATUS_LABEL[row["status"]], row["actie"]
            assert row["bron"] in cell.find(class_="pva-stand").get_text(), row["actie"]
            assert row["peildatum"] == peildatum
    return sum(1 for row in rows if row["status"] != row["status_plan"])


def test_every_status_in_the_csv_is_the_status_on_the_plans_actions_page(built_site, site_model):
    """The open data says what the site says: the status, as of when, and from which source."""
    _statuses_match_the_pages(built_site, site_model, PEILDATUM)


def test_statuses_from_reports_are_the_ones_the_pages_show(progress_project, progress_site):
    model = load_site(progress_project / "data", progress_project)
    assert _statuses_match_the_pages(progress_site, model, LATER) >= 3, "reports changed some statuses"


def test_exact_values_on_the_progress_fixture(progress_site):
    base = _open_data(progress_site) / "fictief-voortgang"
    actions = {r["actie"]: r for r in _csv(base / "acties.csv")}
    pick = ("status_plan", "status", "stand", "bron", "rapportage", "voortgang", "eind", "tijdigheid", "peildatum")
    assert {k: actions["A1"][k] for k in pick} == {
        "status_plan": "gepland", "status": "gestart", "stand": "2024-09-30", "bron": "Tweede fictieve rapportage",
        "rapportage": "2024-09-30-tweede", "voortgang": "60", "eind": "2024-Q2", "tijdigheid": "te-laat",
        "peildatum": LATER}
    assert {k: actions["A4"][k] for k in ("status", "eind", "tijdigheid")} == {
        "status": "gestart", "eind": "2025-Q2", "tijdigheid": "op-schema"}
    assert {k: actions["A5"][k] for k in ("status", "stand", "bron", "rapportage", "tijdigheid")} == {
        "status": "gepland", "stand": "2024-01-15", "bron": "het plan van 15 januari 2024", "rapportage": "",
        "tijdigheid": "geen-recente-informatie"}
    assert (actions["A3"]["status"], actions["A3"]["voortgang"]) == ("afgerond", "100")
    assert (actions["A7"]["fase"], actions["A7"]["planning_eind"]) == ("fase-1", "")
    assert actions["A8"]["status_plan"] == "gestart" and actions["A2"]["doorlopend"] == "false"
    reports = _csv(base / "rapportages.csv")
    assert [(r["rapportage"], r["peildatum"], r["actie"], r["status"], r["voortgang"]) for r in reports] == [
        ("2024-06-15-eerste", "2024-06-15", "A2", "gestart", "20"),
        ("2024-06-15-eerste", "2024-06-15", "A4", "gestart", ""),
        ("2024-06-15-eerste", "2024-06-15", "A6", "gestart", ""),
        ("2024-09-30-tweede", "2024-09-30", "A1", "gestart", "60"),
        ("2024-09-30-tweede", "2024-09-30", "A3", "gestart", ""),
        ("2025-03-31-derde", "2025-03-31", "A3", "afgerond", "100")]
    assert (reports[1]["herplanning_eind"], reports[1]["herplanning_reden"]) == ("2025-Q2", "Er was minder personeel.")
    assert (reports[0]["bron_titel"], reports[0]["bron_nummer"]) == ("Fictieve raadsmededeling 1", "F-1")
    assert reports[3]["bron_link"] == "https://example.org/rapportage-2"
    (plan,) = _csv(base / "plannen.csv")
    assert {k: plan[k] for k in ("plan", "gemeente", "status", "datum", "aantal_acties", "aantal_rapportages",
                                 "laatste_rapportage", "stand")} == {
        "plan": "fictief-voortgang", "gemeente": "Deventer", "status": "vastgesteld", "datum": "2024-01-15",
        "aantal_acties": "8", "aantal_rapportages": "3", "laatste_rapportage": "Derde fictieve rapportage",
        "stand": "2025-03-31"}
    assert [r["onderdeel"] for r in _csv(base / "onderdelen.csv")] == ["1"]
    assert _csv(base / "begrotingsregels.csv") == [] and _csv(base / "adviezen.csv") == []


def test_exact_json_on_the_progress_fixture(progress_site):
    data = _json(_open_data(progress_site) / "fictief-voortgang" / od.JSON_FILE)
    (plan,) = data["plannen"]
    assert (plan["datum"], plan["rapportages_per_jaar"], plan["gemeente"]) == ("2024-01-15", 2, None)
    a4 = next(a for a in plan["acties"] if a["id"] == "A4")
    assert a4["planning"] == {"start": None, "eind": "2024-Q2", "doorlopend": False, "stappen": [], "tekst": None,
                              "fase": None, "herhaling": None}
    first = plan["voortgangsrapportages"][0]
    assert first["id"] == "2024-06-15-eerste" and first["peildatum"] == "2024-06-15"
    assert first["acties"][1] == {"actie": "A4", "status": "gestart", "toelichting": "Het werk kost meer tijd.",
                                  "voortgang": None,
                                  "herplanning": {"eind": "2025-Q2", "reden": "Er was minder personeel."}}
    assert data["begrippen"] == [] and data["publicatie"] is None and data["gemeente"] == "Deventer"


def test_two_builds_give_the_same_bytes(progress_project, progress_site, tmp_path):
    again = _build(progress_project, tmp_path / "nog-eens", LATER)

    def snapshot(site: Path) -> dict[str, bytes]:
        base = _open_data(site)
        return {p.relative_to(base).as_posix(): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}

    first = snapshot(progress_site)
    assert first and first == snapshot(again)


# --- The page and the links ----------------------------------------------------------------------------------

def _local_links(site: Path, page: str) -> list[tuple[str, Path]]:
    out = []
    for a in html_of(site, page).select("article a[href]"):
        url = urlparse(a["href"])
        if not url.scheme and url.path:
            out.append((a["href"], ((site / page).parent / unquote(url.path)).resolve()))
    return out


def test_the_open_data_page_links_every_file_and_explains_every_column(built_site, site_model):
    base = _open_data(built_site)
    links = _local_links(built_site, "open-data.html")
    linked = {target for _, target in links if base.resolve() in target.parents}
    assert all(target.is_file() for target in linked)
    assert linked == {p.resolve() for p in base.rglob("*") if p.is_file()}, "every file is on the page"
    soup = html_of(built_site, "open-data.html")
    for plan in site_model.plannen:
        assert soup.find(id=files.plan_anchor(plan.id)), plan.id
    for table in files.TABLES:
        caption = soup.find("caption", string=f"De kolommen van {table.naam}.csv")
        assert caption, table.naam
        listed = [th.get_text() for th in caption.find_parent("table").tbody.select("th")]
        assert listed == _header(base / f"{table.naam}.csv"), "the page explains the columns the file has"
    text = soup.select_one("article").get_text(" ")
    assert "30 juni 2024" in text and "CC0 1.0 Universeel" in text
    menu = {a.get_text(" ", strip=True) for a in html_of(built_site, "index.html").select(".md-nav--primary a")}
    assert "Open data" in menu


def test_each_plan_overview_links_to_its_own_files(built_site, site_model):
    for plan in site_model.plannen:
        page = f"{plan.id}/index.html"
        targets = {target for _, target in _local_links(built_site, page)}
        own = {p.resolve() for p in (_open_data(built_site) / plan.id).iterdir()
               if p.name == od.JSON_FILE or p.suffix == ".csv"}
        assert own <= targets, plan.id
        assert (built_site / "open-data.html").resolve() in targets
        explained = [href for href, _ in _local_links(built_site, page) if "open-data.html#" in href]
        assert explained == [f"../open-data.html#{files.plan_anchor(plan.id)}"]


# --- Settings --------------------------------------------------------------------------------------------------

def test_the_licence_comes_from_mkdocs_yml_and_defaults_to_cc0():
    assert od.licence_from({}) == od.Licence(*od.DEFAULT_LICENCE)
    own = {"open_data": {"licentie": {"naam": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}}}
    assert od.licence_from(own) == od.Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    with pytest.raises(ValueError, match="extra.open_data.licentie heeft een naam en een webadres nodig"):
        od.licence_from({"open_data": {"licentie": "CC0"}})


def test_a_release_names_its_stand_in_the_files(tmp_path, monkeypatch):
    from macros import release_info
    from macros.open_data_hooks import settings

    stand = release_info.stand_on(dt.date(2026, 6, 30))
    path = tmp_path / "publicatie.json"
    path.write_text(release_info.to_json(release_info.Publication(stand)), encoding="utf-8")
    monkeypatch.setenv(release_info.ENVIRONMENT, str(path))
    config = SimpleNamespace(extra={"gemeente": "Fictiefstad", "contact": {"email": "a@example.org"}},
                             site_name="Testsite", site_url="https://example.org/plannen/")
    chosen = settings(config, stand.peildatum)
    assert (chosen.stand, chosen.peildatum, chosen.gemeente) == ("Stand juni 2026", dt.date(2026, 6, 30), "Fictiefstad")
    site = load_site(VOORTGANG / "data", VOORTGANG)
    published = files.publication(site, chosen)
    data = json.loads(next(f for f in published.files if f.path == od.JSON_FILE).data)
    assert data["publicatie"] == "Stand juni 2026" and data["peildatum"] == "2026-06-30"
    catalog = json.loads(published.files[-1].data)
    assert catalog["@context"]["@base"] == "https://example.org/plannen/open-data/"
    assert {d["owl:versionInfo"] for d in catalog["dcat:dataset"]} == {"Stand juni 2026"}
    assert catalog["dcat:dataset"][0]["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:a@example.org"}
