"""The progress round: export a plan for the trekkers, import the filled-in sheet as a new report.

Every filled-in value here is made up ("verzonnen") and lives only in a throw-away
copy of the project (project_copy) or in tmp_path; nothing is written into data/. The copy holds the fixed copy
of the real plans (tests/fixtures/referentie): bewind as current plan, naar-de-bron as historical one.
"""
from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from macros import action_state as st
from macros import progress_round as pr
from macros.dutch import Moment
from macros.loader import load_site

ROOT = Path(__file__).resolve().parent.parent
PLAN = "bewind"
PEILDATUM = "2024-06-30"
TITEL = "Verzonnen testrapportage juni 2024"
META = ["--peildatum", PEILDATUM, "--titel", TITEL, "--bron-titel", "Verzonnen bron voor een test",
        "--bron-nummer", "TEST-1", "--bron-datum", "2024-07-10"]
# Made-up answers of made-up trekkers, per action, by the column headers of the export.
FILLED = {
    "I.a": {"Nieuwe status": "afgerond", "Voortgang (%)": 100, "Toelichting": "Verzonnen: het werk is klaar."},
    "I.b": {"Nieuwe status": "gestart", "Voortgang (%)": "40%", "Toelichting": "Verzonnen: de testmanager is begonnen.",
            "Nieuw gepland einde": "2025-Q2", "Reden herplanning": "Verzonnen reden: er was minder tijd."},
    "I.c": {"Nieuwe status": "Opgeschort", "Toelichting": "Verzonnen: dit wacht op een test."},
}


def ronde(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/voortgangsronde.py", *args], cwd=project,
                          capture_output=True, text=True)


def report_files(project: Path) -> list[Path]:
    return sorted((project / "data" / "plannen" / PLAN / "rapportages").glob("*"))


def headers(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1]}


def fill_xlsx(source: Path, target: Path, answers: dict[str, dict], extra=None) -> Path:
    """Fill in the exported workbook as a trekker would, with openpyxl."""
    wb = load_workbook(source)
    ws = wb[pr.SHEET]
    columns = headers(ws)
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for action_id, values in answers.items():
        for header, value in values.items():
            ws.cell(row=rows[action_id], column=columns[header], value=value)
    if extra:
        extra(ws, rows, columns)
    wb.save(target)
    return target


def fill_csv(source: Path, target: Path, answers: dict[str, dict]) -> Path:
    """Fill in the exported CSV as Dutch Excel saves it: UTF-8 with BOM, ';' between fields."""
    with source.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    columns = {h: i for i, h in enumerate(rows[0])}
    for row in rows[1:]:
        for header, value in answers.get(row[0], {}).items():
            row[columns[header]] = str(value)
    with target.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return target


@pytest.fixture
def exported(project_copy: Path):
    result = ronde(project_copy, "export", PLAN, "--peildatum", PEILDATUM)
    assert result.returncode == 0, result.stdout + result.stderr
    base = project_copy / "uitvoer" / f"voortgangsronde-{PLAN}-{PEILDATUM}"
    return project_copy, base.with_suffix(".xlsx"), base.with_suffix(".csv")


@pytest.fixture(scope="module")
def plan(reference_site):
    """The plan as project_copy holds it: the fixed copy in tests/fixtures/referentie."""
    return reference_site.plan(PLAN)


# --- export ---------------------------------------------------------------------------------

def test_export_xlsx_shows_the_current_state_and_marks_the_columns_to_fill_in(exported, plan):
    _, xlsx, _ = exported
    wb = load_workbook(xlsx)
    ws = wb[pr.SHEET]
    assert [c.value for c in ws[1]] == [c.header for c in pr.COLUMNS]
    assert ws.max_row == 1 + len(plan.acties)
    first = {h: ws.cell(row=2, column=i).value for h, i in headers(ws).items()}
    action = plan.acties[0]
    assert first["Actie"] == action.id and first["Titel"] == action.titel
    assert first["Huidige status"] == action.status
    assert first["Stand"] == "volgens het plan van 3 oktober 2023"
    assert all(first[c.header] is None for c in pr.FILL_IN)
    # The header row stays in view; the columns to fill in look different from the informational ones.
    assert ws.freeze_panes == "B2"
    info_fill = ws["E2"].fill.fgColor.rgb
    assert {ws[f"{col}2"].fill.fgColor.rgb for col in "HIJKL"} != {info_fill}
    assert all(ws[f"{col}2"].fill.fgColor.rgb == ws["H2"].fill.fgColor.rgb for col in "HIJKL")
    # A dropdown with the five statuses in column H.
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and str(lists[0].sqref) == f"H2:H{ws.max_row}"
    assert lists[0].formula1 == '"gepland,gestart,afgerond,opgeschort,vervallen"'
    guide = " ".join(str(c.value) for row in wb[pr.GUIDE].iter_rows() for c in row if c.value)
    assert "Vul de gele kolommen (H tot en met L)" in guide and "telt niet mee" in guide


def test_export_csv_opens_in_dutch_excel(exported, plan):
    _, _, csv_path = exported
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [c.header for c in pr.COLUMNS]
    assert [r[0] for r in rows[1:]] == [a.id for a in plan.acties]


def test_export_refuses_a_historical_plan_and_an_unknown_plan(project_copy):
    result = ronde(project_copy, "export", "naar-de-bron")
    assert result.returncode == 1 and "historisch" in result.stderr and "Traceback" not in result.stderr
    result = ronde(project_copy, "export", "bewindd")
    assert result.returncode == 1 and "Bedoelt u 'bewind'?" in result.stderr
    assert not (project_copy / "uitvoer").exists()


def test_export_does_not_overwrite_a_file_that_may_be_filled_in(exported):
    project, xlsx, _ = exported
    before = xlsx.read_bytes()
    result = ronde(project, "export", PLAN, "--peildatum", PEILDATUM)
    assert result.returncode == 1 and "bestaat al" in result.stderr
    assert xlsx.read_bytes() == before


def test_export_uses_the_build_reference_date_by_default(tmp_path):
    assert pr.reference_date(ROOT, {"PEILDATUM": "2026-06-01"}) == dt.date(2026, 6, 1)
    (tmp_path / "mkdocs.yml").write_text("extra:\n  peildatum: 2025-01-31\n", encoding="utf-8")
    assert pr.reference_date(tmp_path, {}) == dt.date(2025, 1, 31)
    assert pr.reference_date(tmp_path / "nergens", {}) == dt.date.today()


# --- import: untouched and filled in ------------------------------------------------------------

@pytest.mark.parametrize("kind", [1, 2], ids=["xlsx", "csv"])
def test_untouched_round_trip_writes_nothing(exported, kind):
    project, sheet = exported[0], exported[kind]
    result = ronde(project, "import", PLAN, str(sheet), *META)
    assert result.returncode == 0, result.stderr
    assert "is niets ingevuld" in result.stdout and "Er is geen rapportage gemaakt." in result.stdout
    assert report_files(project) == []


def test_typing_in_the_informational_columns_changes_nothing(exported):
    project, xlsx, _ = exported

    def overwrite_current_state(ws, rows, columns):
        ws.cell(row=rows["I.b"], column=columns["Huidige status"], value="afgerond")
        ws.cell(row=rows["I.b"], column=columns["Titel"], value="Andere titel")

    sheet = fill_xlsx(xlsx, project / "uitvoer" / "grijs.xlsx", {}, overwrite_current_state)
    result = ronde(project, "import", PLAN, str(sheet), *META)
    assert result.returncode == 0, result.stderr
    assert "is niets ingevuld" in result.stdout
    assert "Let op: rij 3 (actie I.b): kolom E (Huidige status) zegt 'afgerond', maar de huidige stand is 'gepland'." \
           in result.stdout
    assert "Die kolom telt niet mee." in result.stdout
    assert report_files(project) == []


def _check_written_report(project: Path, sheet: Path, result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    files = report_files(project)
    assert [f.name for f in files] == [f"{PEILDATUM}-verzonnen-testrapportage-juni-2024.yaml"]
    text = files[0].read_text(encoding="utf-8")
    assert text.startswith("# Voortgangsrapportage, gemaakt door de import van de voortgangsronde")
    assert f"uit het bestand {sheet.name}" in text.splitlines()[1]
    assert "  # I.b Verandermanager (rij 3 van het blad)\n  - actie: I.b\n    status: gestart\n" in text
    # The real loader, with all its checks, on the copy of the project that holds the new file.
    plan = load_site(project / "data", project).plan(PLAN)
    peildatum = dt.date.fromisoformat(PEILDATUM)
    (report,) = plan.voortgangsrapportages
    assert (report.titel, report.bron.titel, report.bron.nummer) == (TITEL, "Verzonnen bron voor een test", "TEST-1")
    a, b, c = (st.state(plan, plan.actie(i), peildatum) for i in ("I.a", "I.b", "I.c"))
    assert (a.status, a.voortgang, a.stand, a.report.titel) == ("afgerond", 100, peildatum, TITEL)
    assert (b.status, b.voortgang, b.stand, b.eind) == ("gestart", 40, peildatum, Moment(2025, 2))
    assert b.herplanningen[0][1].reden == "Verzonnen reden: er was minder tijd."
    assert (c.status, c.voortgang, c.toelichting) == ("opgeschort", None, "Verzonnen: dit wacht op een test.")
    untouched = st.state(plan, plan.actie("I.d"), peildatum)
    assert untouched.report is None and untouched.stand == dt.date(2023, 10, 3)
    # The summary says per action what changes, in Dutch.
    out = result.stdout
    assert "Deze rapportage noemt 3 acties:" in out
    assert "I.a Organisatieontwikkeling" in out and "gestart (volgens het plan van 3 oktober 2023) → afgerond, 100%" in out
    assert "I.b Verandermanager: gepland (volgens het plan van 3 oktober 2023) → gestart, 40%" in out
    assert "herpland: geen eigen einddatum → 2e kwartaal 2025. Reden: Verzonnen reden: er was minder tijd." in out
    assert f"{len(plan.acties) - 3} acties staan niet in deze rapportage" in out
    assert f"Geschreven: data/plannen/{PLAN}/rapportages/{files[0].name}" in out


def test_filled_in_xlsx_becomes_a_report_the_site_loads(exported):
    project, xlsx, _ = exported
    sheet = fill_xlsx(xlsx, project / "uitvoer" / "ingevuld.xlsx", FILLED)
    _check_written_report(project, sheet, ronde(project, "import", PLAN, str(sheet), *META))


def test_filled_in_csv_becomes_a_report_the_site_loads(exported):
    project, _, csv_path = exported
    sheet = fill_csv(csv_path, project / "uitvoer" / "ingevuld.csv", FILLED)
    _check_written_report(project, sheet, ronde(project, "import", PLAN, str(sheet), *META))


def test_excel_percentages_and_dates_are_read_as_staff_typed_them(exported):
    project, xlsx, _ = exported

    def excel_values(ws, rows, columns):
        cell = ws.cell(row=rows["I.b"], column=columns["Voortgang (%)"], value=0.6)  # typed as 60%
        cell.number_format = "0%"
        ws.cell(row=rows["I.b"], column=columns["Nieuw gepland einde"], value=dt.datetime(2025, 3, 31))

    answers = {"I.b": {"Nieuwe status": "gestart", "Toelichting": "Verzonnen: het loopt.",
                       "Reden herplanning": "Verzonnen: later."}}
    sheet = fill_xlsx(xlsx, project / "uitvoer" / "excel.xlsx", answers, excel_values)
    result = ronde(project, "import", PLAN, str(sheet), *META)
    assert result.returncode == 0, result.stderr
    plan = load_site(project / "data", project).plan(PLAN)
    state = st.state(plan, plan.actie("I.b"), dt.date(2024, 6, 30))
    assert (state.voortgang, state.eind) == (60, Moment(2025, None, 3, 31))
    assert "eind: 2025-03-31" in report_files(project)[0].read_text(encoding="utf-8")


def test_dry_run_checks_but_writes_nothing(exported):
    project, xlsx, _ = exported
    sheet = fill_xlsx(xlsx, project / "uitvoer" / "proef.xlsx", FILLED)
    result = ronde(project, "import", PLAN, str(sheet), *META, "--proef")
    assert result.returncode == 0 and "niet geschreven" in result.stdout and "Deze rapportage noemt 3" in result.stdout
    assert report_files(project) == []


# --- import: bad rows -------------------------------------------------------------------------

BAD_ROWS = {  # action id -> (answers, column letter, words of the Dutch message)
    "onbekende actie": ("I.a", {"Actie": "I.zz", "Nieuwe status": "gestart", "Toelichting": "Verzonnen."},
                        "A", "'I.zz' is geen actie van het plan 'bewind'"),
    "id past niet bij titel": ("III.a", {"Actie": "I.b", "Nieuwe status": "gestart", "Toelichting": "Verzonnen."},
                               "A", "de id I.b past niet bij de titel in kolom B: die titel hoort bij actie III.a"),
    "foute status": ("I.b", {"Nieuwe status": "klaar", "Toelichting": "Verzonnen."}, "H", "'klaar' is geen geldige status"),
    "voortgang 150": ("I.c", {"Nieuwe status": "gestart", "Voortgang (%)": 150, "Toelichting": "Verzonnen."},
                      "I", "de voortgang is 150%; dat kan niet"),
    "gepland met voortgang": ("I.d", {"Nieuwe status": "gepland", "Voortgang (%)": "10%", "Toelichting": "Verzonnen."},
                              "I", "de status is 'gepland', maar er staat een voortgang (10%)"),
    "geen toelichting": ("I.e", {"Nieuwe status": "gestart", "Voortgang (%)": 20}, "J", "de toelichting ontbreekt"),
    "herplanning zonder reden": ("I.f", {"Nieuwe status": "gestart", "Toelichting": "Verzonnen.",
                                         "Nieuw gepland einde": "2025-06"}, "L", "er is een nieuw gepland einde, maar geen reden"),
    "einde voor peildatum": ("II", {"Nieuwe status": "gestart", "Toelichting": "Verzonnen.",
                                      "Nieuw gepland einde": "2024-Q1", "Reden herplanning": "Verzonnen."},
                             "K", "het nieuwe geplande einde (1e kwartaal 2024) ligt niet na de peildatum (30 juni 2024)"),
}
COLUMN_NAMES = {"A": "Actie", "H": "Nieuwe status", "I": "Voortgang (%)", "J": "Toelichting",
                "K": "Nieuw gepland einde", "L": "Reden herplanning"}


def _bad_sheet(xlsx: Path, target: Path, cases) -> tuple[Path, dict[str, int]]:
    wb = load_workbook(xlsx)
    rows = {wb[pr.SHEET].cell(row=r, column=1).value: r for r in range(2, wb[pr.SHEET].max_row + 1)}
    answers = {action_id: values for action_id, values, _, _ in cases}
    return fill_xlsx(xlsx, target, answers), rows


@pytest.mark.parametrize("case", list(BAD_ROWS), ids=list(BAD_ROWS))
def test_each_bad_row_is_named_by_row_and_column(exported, plan, case):
    project, xlsx, _ = exported
    action_id, values, column, words = BAD_ROWS[case]
    sheet, rows = _bad_sheet(xlsx, project / "uitvoer" / "fout.xlsx", [BAD_ROWS[case]])
    checked = pr.check_rows(plan, pr.read_sheet(sheet), dt.date.fromisoformat(PEILDATUM))
    assert len(checked.problems) == 1, [str(p) for p in checked.problems]
    problem = checked.problems[0]
    assert (problem.row, problem.column, problem.header) == (rows[action_id], column, COLUMN_NAMES[column])
    assert words in problem.message and problem.fix
    assert str(problem).startswith(f"Rij {rows[action_id]}")


def test_bad_rows_write_nothing_and_explain_every_problem_in_dutch(exported):
    project, xlsx, _ = exported
    sheet, rows = _bad_sheet(xlsx, project / "uitvoer" / "fouten.xlsx", BAD_ROWS.values())
    result = ronde(project, "import", PLAN, str(sheet), *META)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"Er is niets geschreven: in fouten.xlsx staan {len(BAD_ROWS)} fouten." in result.stderr
    for action_id, _, column, words in BAD_ROWS.values():
        where = f"Rij {rows[action_id]}" + ("" if column == "A" else f" (actie {action_id})")
        assert f"{where}, kolom {column} ({COLUMN_NAMES[column]}): {words}" in result.stderr
    assert result.stderr.count("Oplossing:") == len(BAD_ROWS)
    assert report_files(project) == []


def test_bad_rows_in_csv_are_named_the_same_way(exported):
    project, _, csv_path = exported
    sheet = fill_csv(csv_path, project / "uitvoer" / "fout.csv",
                     {"I.c": {"Nieuwe status": "gestart", "Voortgang (%)": "veel", "Toelichting": "Verzonnen."}})
    result = ronde(project, "import", PLAN, str(sheet), *META)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Rij 4 (actie I.c), kolom I (Voortgang (%)): 'veel' is geen geldige voortgang." in result.stderr
    assert report_files(project) == []


# --- import: refusals -------------------------------------------------------------------------

def test_same_peildatum_and_existing_file_are_refused(exported):
    project, xlsx, _ = exported
    sheet = fill_xlsx(xlsx, project / "uitvoer" / "ingevuld.xlsx", FILLED)
    first = ronde(project, "import", PLAN, str(sheet), *META, "--naam", "verzonnen-test")
    assert first.returncode == 0, first.stderr
    written = report_files(project)
    before = written[0].read_bytes()

    again = ronde(project, "import", PLAN, str(sheet), "--peildatum", PEILDATUM, "--titel", "Verzonnen tweede",
                  "--bron-titel", "Verzonnen bron")
    assert again.returncode == 1
    assert "Er is al een rapportage met peildatum 30 juni 2024" in again.stderr and "niets geschreven" in again.stderr

    same_name = ronde(project, "import", PLAN, str(sheet), "--peildatum", "2024-09-30", "--titel", "Verzonnen derde",
                      "--bron-titel", "Verzonnen bron", "--naam", "verzonnen-test")
    assert same_name.returncode == 1
    assert "data/plannen/bewind/rapportages/verzonnen-test.yaml bestaat al" in same_name.stderr
    assert report_files(project) == written and written[0].read_bytes() == before


def test_wrong_options_and_files_are_refused_in_dutch(exported):
    project, xlsx, _ = exported
    cases = [
        (["import", PLAN, str(xlsx)], "dit ontbreekt: --peildatum, --titel, --bron-titel"),
        (["import", PLAN, str(xlsx), "--peildatum", "30-06-2024", "--titel", "T", "--bron-titel", "B"],
         "is geen geldige datum. Schrijf JJJJ-MM-DD"),
        (["import", PLAN, str(xlsx), *META, "--bron-link", "http://voorbeeld.nl"], "begint niet met https://"),
        (["import", PLAN, "bestaat-niet.xlsx", *META], "bestaat niet"),
        (["import", "integrale-toegang", str(xlsx), *META], "is gemaakt voor het plan 'bewind'"),
        (["import", PLAN, str(xlsx), "--peildatum", "2023-01-01", "--titel", "T", "--bron-titel", "B"],
         "ligt vóór de datum van het plan"),
    ]
    for args, words in cases:
        result = ronde(project, *args)
        assert result.returncode == 1, args
        assert words in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert report_files(project) == []
