"""Never force a claim the source does not make (issue 10, item 4), on the fictitious fixture plans.

Each kind of claim a plan may leave open: a status, a date, a lead, a number, the meaning of an
abbreviation. The site shows what the source says, at its precision, and says plainly what it leaves open.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import render, render_budget
from macros.loader import load_site
from macros.locations import Links
from macros.problems import PlanDataError

from test_render import FIXTURES as FICTIEF, PEIL, fictional  # noqa: F401 - fictional is a fixture


def text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").replace("\u00a0", " ").split())


def copied(tmp_path: Path, fixture: Path) -> Path:
    return Path(shutil.copytree(fixture, tmp_path / fixture.name))


def edited(tmp_path: Path, fixture: Path, file: str, old: str, new: str) -> Path:
    """A copy of a fixture folder with one text in one data file replaced."""
    copy = copied(tmp_path, fixture)
    path = copy / "data" / "plannen" / file
    original = path.read_text(encoding="utf-8")
    assert old in original, f"test setup: {old!r} not in {file}"
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return copy


def problems(copy: Path) -> list:
    with pytest.raises(PlanDataError) as info:
        load_site(copy / "data", copy)
    return info.value.problems


def line_of(copy: Path, file: str, fragment: str) -> int:
    lines = (copy / "data" / "plannen" / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if fragment in line)


# --- 1. Plan status and the kind of a budget figure may be not stated ------------------------------------------------

def test_a_plan_without_a_stated_status_says_so_wherever_the_status_shows(fictional):
    plan = fictional.plan("fictief-zonder-begroting")
    assert plan.status is None
    facts = BeautifulSoup(render.plan_facts(plan, PEIL), "html.parser")
    status = next(dt.find_next_sibling("dd") for dt in facts.find_all("dt") if dt.get_text() == "Status")
    assert status.get_text() == "Niet vermeld in het plan"
    card = text(render.plan_card(plan, Links("index.md"), PEIL))
    assert "Status: niet vermeld in het plan" in card
    assert not any(word in card.lower() for word in ("concept", "vastgesteld", "in uitvoering"))


def test_a_status_that_means_not_stated_is_refused_with_file_line_and_how_to_leave_it_out(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-zonder-begroting/plan.yaml", "onderdeel_soort: thema\n",
                  "onderdeel_soort: thema\nstatus: niet vermeld\n")
    [problem] = problems(copy)
    assert problem.file.name == "plan.yaml"
    assert problem.line == line_of(copy, "fictief-zonder-begroting/plan.yaml", "status:")
    assert "'niet vermeld' is geen status" in problem.message
    assert "Laat 'status' dan weg" in problem.fix


def test_a_wrong_plan_status_is_still_refused(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/plan.yaml", "status: in-uitvoering", "status: besloten")
    [problem] = problems(copy)
    assert "'besloten' is geen geldige waarde voor 'status'" in problem.message
    assert problem.line == line_of(copy, "fictief-actielijnen/plan.yaml", "status:")


def test_a_budget_whose_source_does_not_say_raming_voorstel_or_besluit_is_not_called_one(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/begroting.yaml", "    soort: besluit\n", "")
    plan = load_site(copy / "data", copy).plan("fictief-actielijnen")
    assert plan.begroting.leidend.soort is None
    page = text(render_budget.budget_page(plan, Links("fictief-actielijnen/begroting.md")))
    assert "Fictieve begroting (soort niet vermeld in de bron)" in page
    assert "De bron zegt niet of dit een raming, een voorstel of een besluit is." in page
    assert "hierover is besloten" not in page and "(besluit)" not in page
    assert render_budget.money_summary(plan).startswith("Geld (volgens het fictieve besluit): ")


# --- 2. Dates at the source's precision, in the plan's words ----------------------------------------------------------

REPORT = """\
# TESTGEGEVENS — verzonnen rapportage.
peildatum: 2025-03-31
titel: Fictieve rapportage maart 2025
bron:
  titel: Fictieve raadsmededeling
acties:
{entries}"""


def with_report(copy: Path, *action_ids: str) -> Path:
    """The copy with a report of 31 March 2025 that says each action has started and is not finished."""
    folder = copy / "data" / "plannen" / "fictief-actielijnen" / "rapportages"
    folder.mkdir()
    entries = "".join(f'  - actie: "{a}"\n    status: gestart\n    toelichting: Het werk loopt nog.\n' for a in action_ids)
    (folder / "2025-03-31-fictief.yaml").write_text(REPORT.format(entries=entries), encoding="utf-8")
    return copy


def test_the_planning_shows_in_the_plans_own_words_in_every_table(fictional):
    from macros.render_overview import action_overview

    plan = fictional.plan("fictief-actielijnen")
    expected = {"2.2": "Q4", "2.3": "Na besluit van de raad", "2.4": "Vanaf 1 januari 2026",
                "2.5": "Q4 2024, daarna jaarlijks (terugkerende actie)", "2.6": "Maandelijks (terugkerende actie)"}
    table = BeautifulSoup(render.actions_table(plan, plan.acties, Links("x.md"), "x", PEIL), "html.parser")
    shown = {tr.th.get_text(): tr.find_all("td")[2].get_text() for tr in table.tbody.find_all("tr")}
    overview = BeautifulSoup(action_overview(fictional, Links("acties.md"), PEIL), "html.parser")
    listed = {tr.th.get_text().split(" ")[0]: tr.find_all("td")[3].get_text() for tr in overview.tbody.find_all("tr")}
    for action_id, words in expected.items():
        assert shown[action_id] == listed[action_id] == words


def test_an_action_in_words_without_a_date_says_so_and_the_site_dates_only_what_the_plan_dates(fictional):
    plan = fictional.plan("fictief-actielijnen")
    details = {a: text(render.action_details(plan, plan.actie(a), Links("x.md"), fictional, PEIL))
               for a in ("2.2", "2.3", "2.4")}
    assert "Planning Q4 Het plan noemt hier geen datum. De site zet de actie daarom niet op de tijdlijn en noemt " \
           "haar nooit te laat." in details["2.2"]
    assert "Planning Na besluit van de raad Het plan noemt hier geen datum." in details["2.3"]
    assert "Planning Vanaf 1 januari 2026 Datum voor de tijdlijn: vanaf 1 januari 2026." in details["2.4"]


def test_an_action_without_a_dated_end_is_never_late(tmp_path):
    from macros import action_state as st

    copy = with_report(copied(tmp_path, FICTIEF), "2.2", "2.3", "2.4")
    plan = load_site(copy / "data", copy).plan("fictief-actielijnen")
    for action_id in ("2.2", "2.3", "2.4"):
        state = st.state(plan, plan.actie(action_id), dt.date(2027, 1, 1))
        assert (state.status, state.eind, state.timing) == ("gestart", None, st.GEEN_EINDE)
    assert st.late_actions(plan, dt.date(2027, 1, 1)) == ()


def test_the_timeline_places_only_dated_actions_and_lists_the_others_with_the_plans_words(fictional):
    from macros.render_overview import timeline

    page = BeautifulSoup(timeline(fictional.plannen, Links("tijdlijn.md"), PEIL, "Tijdlijn"), "html.parser")
    on_chart = [th.get_text().split(" ")[0] for th in page.select("table.pva-tl tbody th")]
    assert on_chart == ["1.1", "2.1", "2.4", "2.5"]
    undated = next(t for t in page.find_all("table") if t.caption and t.caption.get_text() == "Acties zonder datum in het plan")
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])][:3] for tr in undated.tbody.find_all("tr")]
    assert rows == [["2.2 Kwartaal zonder jaar", "Fictief testplan met actielijnen <b>vet</b>", "Q4"],
                    ["2.3 Na een besluit", "Fictief testplan met actielijnen <b>vet</b>", "Na besluit van de raad"],
                    ["2.6 Elke maand", "Fictief testplan met actielijnen <b>vet</b>", "Maandelijks (terugkerende actie)"],
                    ["W1 Een actie zonder meer", "Fictief plan zonder begroting", "Niet genoemd in het plan"]]
    assert "4 van de 8 acties hebben in het plan geen datum. Ze staan niet op de tijdlijn" in page.get_text()


@pytest.mark.parametrize("key, value, said, fix", [
    ("eind", "Q4", "een kwartaal zonder jaar", "zet dan de woorden van het plan bij 'tekst' (tekst: Q4)"),
    ("eind", "Q5", "er is geen kwartaal 5", "Controleer het kwartaal in het stuk."),
    ("eind", "na besluit van de raad", "een voorwaarde, geen datum",
     "Zet de woorden van het plan bij 'tekst' (tekst: na besluit van de raad)"),
    ("start", "vanaf 1 januari 2026", "'vanaf' met een datum", "Zet de datum bij 'start' als JJJJ-MM-DD"),
    ("eind", "jaarlijks", "dit zegt hoe vaak de actie terugkomt", "Zet die woorden bij 'herhaling'"),
])
def test_a_date_written_as_words_is_a_dutch_problem_saying_where_the_words_go(tmp_path, key, value, said, fix):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/acties.yaml", "      start: 2024-Q1\n      eind: 2024-Q4\n",
                  f"      {key}: {value}\n")
    [problem] = problems(copy)
    assert (problem.file.name, problem.line) == ("acties.yaml", line_of(copy, "fictief-actielijnen/acties.yaml", value))
    assert problem.message.startswith(f"'{value}' bij '{key}' van de planning van actie 1.1 is geen datum: {said}")
    assert fix in problem.fix


# --- 3. Recurring actions -----------------------------------------------------------------------------------------------

def test_a_recurring_action_is_never_late_because_its_first_time_passed(tmp_path):
    from macros import action_state as st

    later = dt.date(2025, 4, 1)
    for first in ("start", "eind"):  # the first time written as start, or as if it were an end
        copy = edited(tmp_path / first, FICTIEF, "fictief-actielijnen/acties.yaml", "      start: 2024-Q4\n",
                      f"      {first}: 2024-Q4\n")
        plan = load_site(with_report(copy, "2.5") / "data", copy).plan("fictief-actielijnen")
        state = st.state(plan, plan.actie("2.5"), later)
        assert (state.status, state.timing) == ("gestart", st.TERUGKEREND)
        badge = text(render.actions_table(plan, [plan.actie("2.5")], Links("x.md"), "x", later))
        assert "Te laat" not in badge and "geen recente informatie" not in badge
    # The same action with an end and no herhaling is late after the same report: only herhaling makes the difference.
    copy = edited(tmp_path / "once", FICTIEF, "fictief-actielijnen/acties.yaml",
                  "      start: 2024-Q4\n      herhaling: daarna jaarlijks\n", "      eind: 2024-Q4\n")
    plan = load_site(with_report(copy, "2.5") / "data", copy).plan("fictief-actielijnen")
    assert st.state(plan, plan.actie("2.5"), later).timing == st.TE_LAAT


def test_a_recurring_action_is_shown_as_such_in_its_details_and_on_the_timeline(fictional):
    from macros.render_overview import action_bars

    plan = fictional.plan("fictief-actielijnen")
    details = text(render.action_details(plan, plan.actie("2.5"), Links("x.md"), fictional, PEIL))
    assert "Planning Q4 2024, daarna jaarlijks (terugkerende actie) Datum voor de tijdlijn: 4e kwartaal 2024. Een " \
           "terugkerende actie is nooit te laat omdat een eerste keer voorbij is." in details
    [bar] = [b for b in action_bars([plan], Links("tijdlijn.md"), PEIL) if b.label.startswith("2.5 ")]
    assert (bar.begin, bar.open_end) == (dt.date(2024, 10, 1), True)
    assert bar.note.startswith("Q4 2024, daarna jaarlijks (terugkerende actie); gepland")


def test_a_date_as_herhaling_is_a_dutch_problem_with_its_line(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/acties.yaml", "herhaling: maandelijks", "herhaling: 2026-Q4")
    [problem] = problems(copy)
    assert problem.line == line_of(copy, "fictief-actielijnen/acties.yaml", "herhaling: 2026-Q4")
    assert problem.message == "'herhaling' zegt hoe vaak de actie terugkomt, geen datum: u schreef 2026-Q4."
    assert problem.fix.startswith("Zet de eerste keer bij 'start' (start: 2026-Q4)")


# --- 4. One budget line in fte and euros --------------------------------------------------------------------------------

def test_a_line_in_fte_and_euros_is_one_item_and_the_totals_keep_them_apart(fictional):
    plan = fictional.plan("fictief-actielijnen")
    estimate = plan.begroting.leidend
    page = BeautifulSoup(render_budget.lines_table(plan, estimate, Links("x.md")), "html.parser")
    rows = [[c.get_text(" ", strip=True).replace("\u00a0", " ") for c in tr.find_all(["th", "td"])]
            for tr in page.tbody.find_all("tr")]
    assert rows[-1][:3] == ["actie 1.1", "Coördinatie", "0,3 fte, € 30.000"]
    assert len(rows) == len(estimate.regels) == 3
    assert text(render_budget._total_rows(estimate)) == "Totaal (berekend) € 31.234 + 0,7 fte"
    part = text(render_budget.part_budget(plan, "Actielijn 1", "1"))
    assert "Actie 1.1: 0,3 fte, € 30.000 (incidenteel, 2024, dekking: POK-middelen)" in part


def test_staff_on_a_line_with_an_amount_is_not_called_extra_capacity(fictional):
    summary = render_budget.money_summary(fictional.plan("fictief-actielijnen")).replace("\u00a0", " ")
    assert summary == "Geld (besluit in het fictieve besluit): € 31.234, uit POK-middelen."
    assert "daarnaast" not in summary


def test_a_wrong_fte_beside_an_amount_is_a_dutch_problem_with_its_line(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/begroting.yaml", "fte: 0.3", 'fte: "0,3 fte"')
    [problem] = problems(copy)
    assert problem.line == line_of(copy, "fictief-actielijnen/begroting.yaml", 'fte: "0,3 fte"')
    assert problem.message == "'fte' bij een begrotingsregel moet een getal zijn, niet '0,3 fte'."


# --- 5. Several actors and no lead --------------------------------------------------------------------------------------

TOGETHER = "Stuurgroep en Inwonerspanel Fictief, samen; het plan noemt geen trekker"


def test_several_actors_without_a_lead_are_named_together_wherever_the_trekker_shows(fictional):
    from macros.progress_round import current_values
    from macros.render_overview import action_overview

    plan = fictional.plan("fictief-actielijnen")
    action = plan.actie("2.3")
    assert (action.trekker, action.samen) == (None, ("stuurgroep", "inwonerspanel"))
    table = BeautifulSoup(render.actions_table(plan, [action], Links("x.md"), "x", PEIL), "html.parser")
    assert table.tbody.find_all("td")[1].get_text() == TOGETHER
    assert f"Trekker {TOGETHER}" in text(render.action_details(plan, action, Links("x.md"), fictional, PEIL))
    overview = BeautifulSoup(action_overview(fictional, Links("acties.md"), PEIL), "html.parser")
    row = next(tr for tr in overview.tbody.find_all("tr") if tr.th.get_text().startswith("2.3 "))
    assert row["data-trekker"] == TOGETHER
    assert current_values(plan, action, PEIL)["trekker"] == TOGETHER  # the progress round's spreadsheet
    # An action without trekker and without 'samen' still says that the plan names no one.
    assert render.lead_text(plan, plan.actie("2.2")) == "Niet genoemd in het plan"


@pytest.mark.parametrize("new, message", [
    ("    samen: [stuurgroep, inwonerspanl]", "'inwonerspanl' is geen bekende actor."),
    ("    samen: [stuurgroep]", "bij actie 2.3 noemt 'samen' maar één actor (stuurgroep)."),
    ("    samen: [stuurgroep, inwonerspanel]\n    trekker: projectgroep", "actie 2.3 heeft een trekker en ook 'samen'."),
])
def test_a_wrong_samen_is_a_dutch_problem_with_its_line(tmp_path, new, message):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/acties.yaml", "    samen: [stuurgroep, inwonerspanel]", new)
    [problem] = problems(copy)
    assert problem.message == message
    assert (problem.file.name, problem.line) == ("acties.yaml",
                                                 line_of(copy, "fictief-actielijnen/acties.yaml", "    samen: "))


# --- 6. Qualitative goals and norms in the plan's words, no made-up direction word ---------------------------------------

def test_goals_show_the_norm_as_the_plan_words_it_and_a_direction_only_where_the_plan_says_it(fictional):
    from macros.render_structures import indicators

    table = BeautifulSoup(indicators(fictional.plan("fictief-actielijnen")), "html.parser").table
    assert table.caption.get_text() == "Doelen"  # not all of them are measurable
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])][:3] for tr in table.tbody.find_all("tr")]
    assert rows == [
        ["Inwoners weten beter waar ze met een vraag terechtkunnen",
         "Geen getal: het plan noemt dit doel zonder getal of norm", ""],
        ["Een besluit op elke aanvraag binnen 4 weken", "binnen 4 weken", ""],
        ["Een plan van de inwoner in 90% van de dossiers", "in 90% van de dossiers", ""],
        ["maximaal 10 klachten per jaar over het loket", "maximaal 10 klachten", "2025"],
        ["80% van de inwoners is tevreden over het loket", "80%", ""],
    ]
    assert "precies" not in table.get_text()


@pytest.mark.parametrize("old, new, key", [
    ("    richting: maximaal\n", "    richting: precies\n", "richting: precies"),
    ("    eenheid: procent\n  - omschrijving: maximaal", "    eenheid: procent\n    richting: minimaal\n"
                                                           "  - omschrijving: maximaal", "richting: minimaal"),
])
def test_a_direction_word_the_source_does_not_say_is_a_dutch_problem_with_its_line(tmp_path, old, new, key):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/doelen.yaml", old, new)
    [problem] = problems(copy)
    word = key.split(": ")[1]
    assert (problem.file.name, problem.line) == ("doelen.yaml", line_of(copy, "fictief-actielijnen/doelen.yaml", key))
    assert problem.message == f"het woord '{word}' staat niet in de omschrijving of de norm van dit doel."
    assert problem.fix.startswith("Zet 'richting' alleen als de bron dat woord zelf zegt")


def test_a_norm_must_stand_in_the_source_like_every_quote(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/doelen.yaml", "norm: binnen 4 weken", "norm: binnen 3 weken")
    [problem] = problems(copy)
    assert "deze tekst staat niet letterlijk in de bron (fictief-plan.txt): 'binnen 3 weken'" in problem.message


# --- 7. An abbreviation whose meaning the source does not give ------------------------------------------------------------

VOORTGANG = Path(__file__).parent / "fixtures" / "voortgang"


def test_an_abbreviation_without_a_meaning_in_the_source_says_so_in_the_glossary_and_tooltip():
    from macros.glossary import abbreviate, glossary_page

    terms = load_site(VOORTGANG / "data", VOORTGANG).begrippen
    page = BeautifulSoup(glossary_page(terms), "html.parser")
    entries = {dt.strong.get_text(): (dt.get_text(), dt.find_next_sibling("dd").get_text()) for dt in page.find_all("dt")}
    assert entries["QRT"] == ("QRT (betekenis niet in de bron)",
                              "De plannen gebruiken deze afkorting, maar zeggen niet wat ze betekent.")
    assert entries["ZWT"] == ("ZWT (betekenis niet in de bron)",
                              "Een verzonnen team. Het plan schrijft de naam niet voluit.")
    assert entries["FVO"] == ("FVO (Fictief Voortgangsoverleg)", "Een verzonnen overleg, alleen voor tests.")
    marked = BeautifulSoup(abbreviate("<p>Het QRT en het ZWT praten in het FVO.</p>",
                                      {t.term: t for t in terms}), "html.parser")
    assert {a.get_text(): a["title"] for a in marked.find_all("abbr")} == {
        "QRT": "Betekenis niet in de bron",
        "ZWT": "Betekenis niet in de bron. Een verzonnen team. Het plan schrijft de naam niet voluit.",
        "FVO": "Fictief Voortgangsoverleg"}
    assert marked.find(class_="pva-sr").get_text() == " (Betekenis niet in de bron)"


FLAG = "    betekenis_onbekend: true       # de bron schrijft QRT nergens voluit\n"


@pytest.mark.parametrize("new, message, on_line", [
    ("", "bij 'QRT' ontbreekt 'uitleg'.", "- term: QRT"),
    ("    voluit: Quick Response Team\n" + FLAG, "'QRT' heeft 'voluit' en ook 'betekenis_onbekend: true'.",
     "betekenis_onbekend"),
    ("    betekenis_onbekend: ja\n", "'betekenis_onbekend' bij een begrip moet true of false zijn.", "betekenis_onbekend"),
])
def test_a_wrong_betekenis_onbekend_is_a_dutch_problem_with_file_and_line(tmp_path, new, message, on_line):
    old = FLAG
    copy = Path(shutil.copytree(VOORTGANG, tmp_path / "voortgang"))
    path = copy / "data" / "begrippen.yaml"
    original = path.read_text(encoding="utf-8")
    assert old in original
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    [problem] = problems(copy)
    assert (problem.file.name, problem.message) == ("begrippen.yaml", message)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.line == next(i for i, line in enumerate(lines, 1) if on_line in line)
