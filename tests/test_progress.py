"""Progress reports and honest lateness, on made-up fixture plans (tests/fixtures/voortgang).

Each fixture action is one case: late, on time, finished late, re-planned, no
report, stale report, phase-only planning, and a historical plan.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import action_state as st
from macros import render
from macros.loader import load_site
from macros.locations import Links
from macros.problems import PlanDataError

FIXTURES = Path(__file__).parent / "fixtures" / "voortgang"
BEFORE_REPORTS, AFTER_SECOND, AFTER_THIRD = dt.date(2024, 6, 1), dt.date(2024, 10, 15), dt.date(2025, 10, 1)


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURES / "data", FIXTURES)


@pytest.fixture(scope="module")
def plan(site):
    return site.plan("fictief-voortgang")


def _state(plan, action_id, peildatum):
    return st.state(plan, plan.actie(action_id), peildatum)


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_before_any_report_every_state_comes_from_the_plan(plan):
    for action in plan.acties:
        state = st.state(plan, action, BEFORE_REPORTS)
        assert state.report is None and state.status == action.status
        assert state.stand == dt.date(2024, 1, 15)
        assert state.timing != st.TE_LAAT


def test_late_only_when_a_report_on_or_after_the_end_says_not_finished(plan):
    late = _state(plan, "A1", AFTER_SECOND)
    assert late.timing == st.TE_LAAT and late.report.titel == "Tweede fictieve rapportage"
    assert [a.id for a in st.late_actions(plan, AFTER_SECOND)] == ["A1", "A3"]


def test_on_time(plan):
    state = _state(plan, "A2", AFTER_SECOND)
    assert (state.status, state.timing, state.voortgang) == ("gestart", st.OP_SCHEMA, 20)


def test_finished_late_is_finished_not_late(plan):
    state = _state(plan, "A3", AFTER_THIRD)
    assert (state.status, state.timing, state.later_afgerond) == ("afgerond", st.KLAAR, True)
    assert "A3" not in [a.id for a in st.late_actions(plan, AFTER_THIRD)]


def test_replanning_moves_the_end_but_keeps_the_plan(plan):
    state = _state(plan, "A4", AFTER_SECOND)
    assert str(state.eind) == "2e kwartaal 2025" and state.timing == st.OP_SCHEMA
    assert str(plan.actie("A4").planning.eind) == "2e kwartaal 2024"  # the plan as adopted
    html = render.actions_table(plan, [plan.actie("A4")], Links("x.md"), "x", AFTER_SECOND)
    assert "herpland naar 2e kwartaal 2025 (Eerste fictieve rapportage, stand 15 juni 2024)" in _text(html)
    # A re-planned end that passes without a newer report is not late either.
    assert _state(plan, "A4", AFTER_THIRD).timing == st.GEEN_RECENTE_INFORMATIE


def test_no_report_and_stale_report_say_no_recent_information(plan):
    assert _state(plan, "A5", AFTER_SECOND).timing == st.GEEN_RECENTE_INFORMATIE
    stale = _state(plan, "A6", AFTER_SECOND)
    assert stale.timing == st.GEEN_RECENTE_INFORMATIE and stale.report.peildatum == dt.date(2024, 6, 15)
    assert _state(plan, "A8", AFTER_SECOND).timing == st.GEEN_RECENTE_INFORMATIE


def test_phase_only_planning_is_context_not_a_deadline(plan):
    state = _state(plan, "A7", AFTER_THIRD)
    assert state.eind is None and state.timing == st.GEEN_EINDE
    html = render.actions_table(plan, [plan.actie("A7")], Links("x.md"), "x", AFTER_THIRD)
    assert "Geen eigen datum; valt in Fase 1 van het plan (1e kwartaal 2024 tot en met 2e kwartaal 2024)" in _text(html)


def test_historical_plan_is_never_late_and_says_it_knows_nothing_after(site):
    old = site.plan("fictief-historisch")
    state = st.state(old, old.actie("H1"), dt.date(2026, 11, 23))
    assert state.timing == st.HISTORISCH and st.late_actions(old, dt.date(2026, 11, 23)) == ()
    text = _text(render.plan_facts(old, dt.date(2026, 11, 23)))
    assert "geen informatie over wat er daarna met het plan gebeurde" in text


def test_reports_after_the_reference_date_are_not_yet_known(plan):
    assert st.reports_until(plan, dt.date(2024, 9, 29))[-1].titel == "Eerste fictieve rapportage"
    assert _state(plan, "A1", dt.date(2024, 9, 29)).timing == st.GEEN_RECENTE_INFORMATIE


def test_badges_say_as_of_when_and_from_which_source(plan):
    html = render.actions_table(plan, plan.acties, Links("x.md"), "x", AFTER_SECOND)
    rows = {tr.th.get_text(): " ".join(tr.find_all("td")[-1].get_text(" ").split())
            for tr in BeautifulSoup(html, "html.parser").tbody.find_all("tr")}
    assert rows["A1"] == "Gestart stand 30 september 2024, Tweede fictieve rapportage Te laat"
    assert rows["A5"] == "Gepland volgens het plan van 15 januari 2024 Einde gepland in 1e kwartaal 2024 — geen recente informatie"
    assert rows["A2"] == "Gestart stand 15 juni 2024, Eerste fictieve rapportage"
    assert sum("Te laat" in r for r in rows.values()) == 2


def test_progress_bar_counts_current_states_and_names_their_sources(plan):
    figure = BeautifulSoup(render.progress_summary(plan, AFTER_SECOND), "html.parser").figure
    caption = " ".join(figure.figcaption.get_text(" ").split())
    assert caption.startswith("8 acties: 2 gepland, 6 gestart.")
    assert "2 acties stand 30 september 2024, Tweede fictieve rapportage" in caption
    assert "3 acties stand 15 juni 2024, Eerste fictieve rapportage" in caption
    assert "3 acties volgens het plan van 15 januari 2024" in caption
    assert "2 acties zijn volgens een rapportage te laat" in caption


def test_action_details_show_the_report_its_history_and_the_plan(plan):
    html = _text(render.action_details(plan, plan.actie("A3"), Links("x.md"), None, AFTER_THIRD))
    assert "Afgerond stand 31 maart 2025, Derde fictieve rapportage Later afgerond dan gepland" in html
    assert "Het werk is klaar. (bron: Fictieve raadsmededeling 3)" in html
    # The earlier reports and what the plan said are in the history (tests/test_action_history.py).
    assert "30 september 2024 Tweede fictieve rapportage" in html and "Het werk is nog niet af." in html
    assert "15 januari 2024 Het plan: Fictief plan met voortgangsrapportages Gepland" in html


def test_reporting_rhythm_says_when_the_next_report_was_due_neutrally(plan):
    assert st.rhythm(plan, AFTER_SECOND).volgende == dt.date(2025, 3, 1)
    text = render.reporting_text(plan, AFTER_SECOND)
    assert "Laatste voortgangsrapportage: Tweede fictieve rapportage, stand 30 september 2024" in text
    assert "verwacht rond maart 2025" in text and "geen nieuwere" not in text
    overdue = render.reporting_text(plan, AFTER_THIRD)
    assert "verwacht rond september 2025" in overdue
    assert "Op 1 oktober 2025 is op deze site geen nieuwere rapportage verwerkt." in overdue


def test_home_page_keeps_history_apart_with_its_year(site):
    html = render.plans_overview(site.plannen, Links("index.md"), AFTER_SECOND)
    current, archive = html.split("## Archief")
    assert "Fictief plan met voortgangsrapportages" in current and "Fictief oud plan" not in current
    assert "Fictief oud plan (2013)" in _text(archive)
    assert "2 acties zijn te laat volgens de laatste rapportage" in _text(current)


# --- staff mistakes in a report file ------------------------------------------------

@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "p")
    return tmp_path / "p"


def _report_problems(root: Path, text: str, name: str = "2024-12-01-fout.yaml"):
    path = root / "data/plannen/fictief-voortgang/rapportages" / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_site(root / "data", root)
    return [p for p in info.value.problems if str(p.file).endswith(name)]


_HEAD = "peildatum: 2024-12-01\ntitel: Fout\nbron:\n  titel: Fictief\nacties:\n"


@pytest.mark.parametrize("entry, message, line", [
    ("  - actie: A9\n    status: gestart\n    toelichting: x\n", "'A9' is geen actie van dit plan", 6),
    ("  - actie: A1\n    status: bezig\n    toelichting: x\n", "'bezig' is geen geldige waarde voor 'status'", 7),
    ("  - actie: A1\n    status: gepland\n    voortgang: 30\n    toelichting: x\n", "is 'gepland' maar heeft voortgang", 8),
    ("  - actie: A1\n    status: gestart\n", "ontbreekt 'toelichting'", 6),
    ("  - actie: A1\n    status: gestart\n    toelichting: x\n    herplanning:\n      eind: 2025-Q2\n",
     "ontbreekt 'reden'", 10),
    ("  - actie: A1\n    status: gestart\n    toelichting: x\n    herplanning:\n      eind: 2024-Q1\n      reden: y\n",
     "eindigt (1e kwartaal 2024) niet na de peildatum", 6),
    ("  - actie: A1\n    status: gestart\n    toelichting: x\n  - actie: A1\n    status: gestart\n    toelichting: y\n",
     "staat twee keer in deze rapportage", 9),
])
def test_report_mistakes_are_explained_with_file_and_line(fixture_copy, entry, message, line):
    problems = _report_problems(fixture_copy, _HEAD + entry)
    assert any(message in p.message and p.line == line for p in problems), [str(p) for p in problems]


def test_every_mistake_in_a_report_is_reported_at_once(fixture_copy):
    problems = _report_problems(fixture_copy, _HEAD + "  - actie: A9\n    status: gestart\n    toelichting: x\n"
                                "  - actie: A1\n    status: klaar\n    toelichting: x\n")
    assert {p.line for p in problems} == {6, 10}, [str(p) for p in problems]


def test_a_report_before_the_plan_or_on_a_used_date_is_refused(fixture_copy):
    early = _report_problems(fixture_copy, _HEAD.replace("2024-12-01", "2023-12-01")
                             + "  - actie: A1\n    status: gestart\n    toelichting: x\n")
    assert any("vóór de datum van het plan" in p.message for p in early)
    (fixture_copy / "data/plannen/fictief-voortgang/rapportages/2024-12-01-fout.yaml").unlink()
    same = _report_problems(fixture_copy, _HEAD.replace("2024-12-01", "2024-09-30")
                            + "  - actie: A2\n    status: gestart\n    toelichting: x\n")
    assert any("dezelfde peildatum" in p.message for p in same)


def test_a_historical_plan_gets_no_reports(fixture_copy):
    folder = fixture_copy / "data/plannen/fictief-historisch/rapportages"
    folder.mkdir()
    (folder / "2014-01-01.yaml").write_text("peildatum: 2014-01-01\ntitel: x\nbron: {titel: y}\nacties:\n"
                                            "  - actie: H1\n    status: gestart\n    toelichting: z\n", encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_site(fixture_copy / "data", fixture_copy)
    assert any("historisch" in p.message for p in info.value.problems)
