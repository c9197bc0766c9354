"""No wrong amount or date passes silently (issue 9): each one is a Dutch problem with file and line.

Every case copies the project, changes one value and loads the data again. The copy holds the fixed copy of the
real plans (tests/fixtures/referentie), so the values and line numbers here stay as they are when editors change data/.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from macros.loader import load_site
from macros.problems import PlanDataError

ROOT = Path(__file__).resolve().parent.parent
PLANS = Path("data/plannen")
REPORT = "bewind/rapportages/2024-06-30.yaml"
REPORT_TEXT = """\
peildatum: 2024-06-30
titel: Testrapportage
bron:
  titel: Raadsmededeling voortgang
  datum: 2024-07-10
acties:
  - actie: I.a
    status: gestart
    toelichting: Het werk loopt.
    herplanning:
      eind: 2025-Q2
      reden: Er was minder personeel.
"""

# (file under data/plannen, value as it is, value as a staff member might type it, fragments of message and fix)
CASES = [
    # amounts: whole euros only, typed as plain digits
    ("integrale-toegang/begroting.yaml", "bedrag: 300000", "bedrag: 300.000",
     "u schreef 300.000; YAML leest dat als 300 (driehonderd) euro",
     "Schrijf bedragen als heel getal zonder punten: 300000"),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: 1.200.000,50",
     "u schreef 1.200.000,50; de site leest dat als tekst", "zonder punten: 1200000. De begroting rekent in hele"),
    ("bewind/begroting.yaml", "bedrag: 680000", 'bedrag: "€ 25.000"',
     "moet een getal zijn in hele euro's: u schreef € 25.000", "zonder punten: 25000. Laat het euroteken weg."),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: 25k", "u schreef 25k; de site leest dat als tekst",
     "zonder punten: 25000."),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: 12.5", "u schreef 12.5; YAML leest dat als 12,50 euro",
     "zonder punten, komma's, centen of euroteken"),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: veel", "u schreef veel; de site leest dat als tekst",
     "Noemt de bron geen bedrag"),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: -5", "is negatief: u schreef -5",
     "Is het minteken een tikfout, schrijf dan 5"),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: true", "u schreef true; YAML leest dat als ja",
     "bijvoorbeeld 25000"),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: 0300000",
     "u schreef 0300000; YAML leest dat als 98304 (achtennegentigduizend driehonderdvier) euro",
     "zonder punten: 300000"),
    ("bewind/begroting.yaml", "bedrag: 680000", "bedrag: 680000.0", "YAML leest dat als 680000 (zeshonderdtachtigduizend) euro",
     "bijvoorbeeld 25000"),
    ("bewind/begroting.yaml", "totaal: 1200000", "totaal: 1.200.000", "'totaal' bij een raming moet een getal zijn",
     "zonder punten: 1200000"),
    ("bewind/begroting.yaml", "2024: 600000", "2024: 600.000",
     "u schreef 600.000; YAML leest dat als 600 (zeshonderd) euro", "zonder punten: 600000"),
    ("integrale-toegang/begroting.yaml", "fte: 3", "fte: 1.500", "u schreef 1.500; YAML leest dat als 1,50",
     "zonder punt tussen de duizendtallen: 1500"),
    # dates, months and quarters
    ("bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-02-30", "februari 2023 heeft 28 dagen; dag 30 bestaat niet",
     "Controleer de datum"),
    ("bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-13-01", "er is geen maand 13", "JJJJ-MM-DD"),
    ("bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-00-10", "er is geen maand 0", "JJJJ-MM-DD"),
    ("bewind/plan.yaml", "datum: 2023-10-03", "datum: 31-12-2023", "het jaar hoort vooraan", "Schrijf 2023-12-31."),
    ("bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-02-29", "februari 2023 heeft 28 dagen", "JJJJ-MM-DD"),
    ("bewind/acties.yaml", "start: 2022", "start: 2024-K5", "er is geen kwartaal 5", "JJJJ-Qn"),
    ("bewind/acties.yaml", "start: 2022", "start: Q0 2024", "er is geen kwartaal 0", "JJJJ-Qn"),
    ("bewind/acties.yaml", "start: 2022", "start: Q2 2022", "een kwartaal schrijft u met jaar, streepje en Q",
     "Schrijf 2022-Q2."),
    ("bewind/acties.yaml", "start: 2022", "start: 2022-K2", "geen geldige datum of periode", "Schrijf 2022-Q2."),
    ("bewind/onderdelen.yaml", "datum: 2022-11", "datum: 2022-13", "er is geen maand 13", "JJJJ-MM"),
    ("bewind/onderdelen.yaml", "datum: 2022-11", "datum: 2022-9", "schrijf de maand met twee cijfers",
     "Schrijf 2022-09."),
    ("bewind/adviezen.yaml", "datum: 2023-06-28", "datum: 2023-06-31", "juni 2023 heeft 30 dagen", "JJJJ-MM-DD"),
    ("integrale-toegang/planning.yaml", "van: 2023-Q2", "van: 2023-Q5", "er is geen kwartaal 5", "JJJJ-Qn"),
    ("naar-de-bron/doelen.yaml", "peildatum: 2013-01-01", "peildatum: 2013-02-29", "februari 2013 heeft 28 dagen",
     "JJJJ-MM-DD"),
    ("naar-de-bron/planning.yaml", "datum: 2013-01-15", "datum: 2013-01-32", "januari 2013 heeft 31 dagen",
     "JJJJ-MM-DD"),
    # progress reports
    (REPORT, "peildatum: 2024-06-30", "peildatum: 2024-02-30", "februari 2024 heeft 29 dagen", "JJJJ-MM-DD"),
    (REPORT, "peildatum: 2024-06-30", "peildatum: 2024-6-31", "juni 2024 heeft 30 dagen", "JJJJ-MM-DD"),
    (REPORT, "peildatum: 2024-06-30", "peildatum: 30-06-2024", "het jaar hoort vooraan", "Schrijf 2024-06-30."),
    (REPORT, "eind: 2025-Q2", "eind: 2025-Q5", "er is geen kwartaal 5", "JJJJ-Qn"),
    (REPORT, "datum: 2024-07-10", "datum: 2024-13", "er is geen maand 13", "JJJJ-MM"),
]


def _edit(project: Path, file: str, old: str, new: str) -> int:
    """Replace the first `old` in the file; return the line number of the new value."""
    path = project / PLANS / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


def _problems(project: Path) -> list:
    with pytest.raises(PlanDataError) as info:  # any other exception (a traceback) fails the test
        load_site(project / "data", project)
    return info.value.problems


@pytest.fixture
def project(project_copy):
    report = project_copy / PLANS / REPORT
    report.parent.mkdir()
    report.write_text(REPORT_TEXT, encoding="utf-8")
    return project_copy


def test_the_real_data_loads_and_amounts_are_whole_euros(site_model, reference_site):
    for site in (site_model, reference_site):
        amounts = [regel.bedrag for plan in site.plannen if plan.begroting
                   for raming in plan.begroting.ramingen for regel in raming.regels if regel.bedrag is not None]
        assert all(isinstance(a, Decimal) and a == int(a) for a in amounts)
    assert reference_site.plan("integrale-toegang").begroting.ramingen[0].regels[0].bedrag == 300000


def test_the_test_report_itself_is_valid(project):
    site = load_site(project / "data", project)
    assert [r.titel for r in site.plan("bewind").voortgangsrapportages] == ["Testrapportage"]


@pytest.mark.parametrize("file, old, new, message, fix", CASES, ids=[f"{c[0].split('/')[-1]}:{c[2]}" for c in CASES])
def test_a_wrong_value_is_a_dutch_problem_with_file_and_line(project, file, old, new, message, fix):
    line = _edit(project, file, old, new)
    problems = _problems(project)
    found = [p for p in problems if message in p.message]
    assert found, "\n".join(str(p) for p in problems)
    problem = found[0]
    assert problem.file == PLANS / file
    assert problem.line == line
    assert fix in problem.fix, problem.fix
    assert "Traceback" not in str(problem)


def test_all_wrong_values_of_one_load_are_reported_at_once(project):
    lines = [_edit(project, "bewind/begroting.yaml", "bedrag: 680000", "bedrag: 300.000"),
             _edit(project, "bewind/begroting.yaml", "bedrag: 50000", "bedrag: € 50.000"),
             _edit(project, "bewind/plan.yaml", "datum: 2023-10-03", "datum: 2023-02-30"),
             _edit(project, "bewind/adviezen.yaml", "datum: 2023-06-28", "datum: 2023-13-28"),
             _edit(project, "naar-de-bron/doelen.yaml", "peildatum: 2013-01-01", "peildatum: 2013-04-31")]
    problems = _problems(project)
    where = {(p.file.name, p.line) for p in problems}
    for name, line in zip(["begroting.yaml", "begroting.yaml", "plan.yaml", "adviezen.yaml", "doelen.yaml"], lines):
        assert (name, line) in where, "\n".join(str(p) for p in problems)


def test_a_bad_action_id_and_a_report_on_an_unknown_action_are_both_explained(project):
    """Both at once used to end in a TypeError: the report check compared against the failed id (None)."""
    _edit(project, "bewind/acties.yaml", "  - id: I.b", "  - id: I b")
    _edit(project, REPORT, "  - actie: I.a", "  - actie: I.x")
    messages = [str(p) for p in _problems(project)]
    assert any("'I b' is geen geldige id" in m and "VI.d of 2.1" in m for m in messages), messages
    assert any("'I.x' is geen actie van dit plan" in m for m in messages), messages
