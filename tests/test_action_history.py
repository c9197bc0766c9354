"""The history of an action on its own page: what the plan said, then every report that mentions it, oldest first.

Exact values on the made-up plan with three reports (tests/fixtures/voortgang); an invariant on the live data.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PEILDATUM
from macros import action_state as st
from macros import render
from macros.loader import load_site
from macros.locations import Links

FIXTURES = Path(__file__).parent / "fixtures" / "voortgang"
AFTER_SECOND, AFTER_THIRD = dt.date(2024, 10, 15), dt.date(2025, 10, 1)
PLAN_NOTE = "Het plan van 15 januari 2024 noemt deze actie als voornemen; het zegt niet dat ze al loopt."


@pytest.fixture(scope="module")
def plan():
    return load_site(FIXTURES / "data", FIXTURES).plan("fictief-voortgang")


def _details(plan, action_id: str, peildatum: dt.date) -> BeautifulSoup:
    html = render.finish(render.action_details(plan, plan.actie(action_id), Links("x.md"), None, peildatum))
    return BeautifulSoup(html, "html.parser")


def _words(tag) -> str:
    return " ".join(tag.get_text().split())


def _rows(soup: BeautifulSoup) -> list[tuple[str, ...]]:
    table = soup.find("table", class_="pva-history")
    return [tuple(_words(cell) for cell in tr.find_all(["th", "td"])) for tr in table.tbody.find_all("tr")]


def _facts(soup: BeautifulSoup) -> dict[str, str]:
    return {_words(dt_): _words(dt_.find_next_sibling("dd")) for dt_ in soup.select("dl.pva-facts > dt")}


def test_history_shows_the_plan_then_every_report_oldest_first(plan):
    soup = _details(plan, "A3", AFTER_THIRD)
    assert _rows(soup) == [
        ("15 januari 2024", "Het plan: Fictief plan met voortgangsrapportages", "Gepland", PLAN_NOTE,
         "Uiterlijk 2e kwartaal 2024"),
        ("30 september 2024", "Tweede fictieve rapportage (Fictieve raadsmededeling 2)", "Gestart",
         "Het werk is nog niet af.", ""),
        ("31 maart 2025", "Derde fictieve rapportage (Fictieve raadsmededeling 3)", "Afgerond, voortgang 100%",
         "Het werk is klaar.", ""),
    ]
    # The source of a report is a link where the report gives one.
    assert [a["href"] for a in soup.find("table", class_="pva-history").find_all("a")] == \
        ["https://example.org/rapportage-2"]


def test_history_shows_progress_only_where_given_and_each_replanning_with_its_reason(plan):
    assert _rows(_details(plan, "A2", AFTER_THIRD))[1] == (
        "15 juni 2024", "Eerste fictieve rapportage (Fictieve raadsmededeling 1, F-1)", "Gestart, voortgang 20%",
        "Het werk is begonnen.", "")
    assert _rows(_details(plan, "A4", AFTER_THIRD))[1] == (
        "15 juni 2024", "Eerste fictieve rapportage (Fictieve raadsmededeling 1, F-1)", "Gestart",
        "Het werk kost meer tijd.", "Herpland naar 2e kwartaal 2025. Reden: Er was minder personeel.")


def test_history_stops_at_the_peildatum(plan):
    assert [row[0] for row in _rows(_details(plan, "A3", AFTER_SECOND))] == ["15 januari 2024", "30 september 2024"]


def test_without_reports_the_action_stays_compact_and_says_the_status_is_the_plans(plan):
    soup = _details(plan, "A5", AFTER_THIRD)
    assert soup.find("table") is None
    facts = _facts(soup)
    assert facts["Volgens het plan"] == PLAN_NOTE
    assert facts["Status"].startswith("Gepland volgens het plan van 15 januari 2024; sindsdien geen "
                                      "voortgangsrapportage verwerkt")
    quoted = _facts(_details(plan, "A8", AFTER_THIRD))["Volgens het plan"]
    assert quoted == "Gestart volgens het plan van 15 januari 2024, dat zegt: ‘Actie A8 is al gestart.’."


def test_with_reports_the_plan_and_replanning_are_said_once_in_the_history(plan):
    soup = _details(plan, "A4", AFTER_THIRD)
    facts = _facts(soup)
    assert "Volgens het plan" not in facts and "Herplanning" not in facts and "Eerdere standen" not in facts
    assert facts["Planning"] == ("Uiterlijk 2e kwartaal 2024; herpland naar 2e kwartaal 2025 "
                                 "(Eerste fictieve rapportage, stand 15 juni 2024)")


def test_history_is_an_accessible_table_that_becomes_cards_on_a_phone(plan):
    soup = _details(plan, "A3", AFTER_THIRD)
    table = soup.find("table", class_="pva-history")
    assert _words(table.caption) == ("Geschiedenis van actie A3, oudste eerst: wat het plan zei en wat elke "
                                     "rapportage zei")
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 5
    for tr in table.tbody.find_all("tr"):
        assert tr.th["scope"] == "row"
        assert [td["data-label"] for td in tr.find_all("td")] == ["Bron", "Status", "Toelichting", "Planning"]
        assert tr.find("td", attrs={"data-label": "Status"}).has_attr("data-eerst")
    region = table.find_parent(attrs={"role": "region"})
    assert region["aria-label"] == _words(table.caption) and region["tabindex"] == "0"


def test_every_live_action_shows_its_history_exactly_when_a_report_mentions_it(site_model):
    """Invariant on whatever plans the data holds: one row for the plan and one per report that mentions the
    action up to the peildatum, with the statuses of the plan and of those reports, in that order."""
    peildatum = dt.date.fromisoformat(PEILDATUM)
    for plan in site_model.plannen:
        for action in plan.acties:
            soup = BeautifulSoup(render.action_details(plan, action, Links("x.md"), site_model, peildatum),
                                 "html.parser")
            mentions = [r.over(action.id) for r in st.reports_until(plan, peildatum) if r.over(action.id)]
            table = soup.find("table", class_="pva-history")
            if not mentions:
                assert table is None and "Volgens het plan" in _facts(soup), (plan.id, action.id)
                continue
            statuses = [_words(tr.find_all("td")[1].span) for tr in table.tbody.find_all("tr")]
            assert statuses == [render.STATUS_LABEL[s] for s in [action.status, *(e.status for e in mentions)]], \
                (plan.id, action.id)
