"""Plans keep their own structure (issue 10, item 3): pijler -> doel -> acties with a planning per doel,
a part with a label of its own, an introduction per part, and recurring timing in every table. Exact
values on the fixture plan tests/fixtures/pijlers (made up)."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, html_of

from macros.loader import load_site
from macros.locations import Links, part_page
from macros.problems import PlanDataError
from macros.render import actions_table, part_page as render_part_page
from macros.render_overview import action_overview
from macros.structure_words import part_label, part_title

DATA = ROOT / "tests/fixtures/pijlers/data"
PEILDATUM = dt.date(2028, 6, 30)  # long after every first time


@pytest.fixture(scope="module")
def site():
    return load_site(DATA, ROOT)


@pytest.fixture(scope="module")
def plan(site):
    return site.plan("fictief-pijlers")


def text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def test_a_pijler_shows_its_doelen_each_with_planning_progress_and_actions(plan, site):
    part = plan.onderdeel("1")
    page = render_part_page(plan, part, Links(part_page(plan, "1")), site, PEILDATUM)
    text = text_of(page)
    assert "Doel 1.1: Elk kind heeft een vaste sportplek in de buurt" in page
    assert "Planning van dit doel: Q4 2026, daarna jaarlijks (terugkerende actie)." in text
    assert "Planning van dit doel: Na besluit van de raad." in text
    first, second = page.index("### Doel 1.1"), page.index("### Doel 1.2")
    assert first < page.index("1.1.a") < second < page.index("1.2.a"), "each action under its own doel"
    assert "Acties zonder doel" not in page, "every action of this pijler has a doel"
    assert "Doel 1.1: Elk kind heeft een vaste sportplek in de buurt" in text_of(page[page.index("Actie 1.1.a"):])


def test_a_part_without_doelen_keeps_one_table(plan, site):
    page = render_part_page(plan, plan.onderdeel("2"), Links(part_page(plan, "2")), site, PEILDATUM)
    assert "Doelen en acties" not in page and "## Acties" in page


def test_the_part_that_breaks_the_pattern_is_called_by_its_label(plan):
    assert [part_title(plan, p) for p in plan.onderdelen] == \
        ["Pijler 1: Gezond opgroeien", "Pijler 2: Werk", "Monitoring en kwaliteit"]
    assert part_label(plan, plan.onderdeel("monitoring")) == "Monitoring en kwaliteit"


def test_recurring_and_undated_actions_are_shown_in_the_plans_words_in_every_table(plan, site):
    table = text_of(actions_table(plan, plan.acties, Links("fictief-pijlers/acties.md"), "Alle acties", PEILDATUM))
    assert "Maandelijks (terugkerende actie)" in table and "Per halfjaar (terugkerende actie)" in table
    assert "Na besluit van de raad" in table and "Vanaf 1 januari 2026" in table
    overview = text_of(action_overview(site, Links("acties.md"), PEILDATUM))
    assert "Maandelijks (terugkerende actie)" in overview and "Per halfjaar (terugkerende actie)" in overview


def test_an_action_under_a_doel_its_part_does_not_have_is_refused_with_file_and_line(tmp_path):
    data = shutil.copytree(DATA, tmp_path / "data")
    actions = data / "plannen/fictief-pijlers/acties.yaml"
    text = actions.read_text(encoding="utf-8").replace('doel: "1.2"', 'doel: "1.3"')
    actions.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if 'doel: "1.3"' in row)
    with pytest.raises(PlanDataError) as err:
        load_site(data, tmp_path)
    assert f"acties.yaml, regel {line}: '1.3' is geen doel van onderdeel 1." in str(err.value)
    assert "(1.1, 1.2)" in str(err.value)


def test_a_doel_title_and_its_planning_words_must_stand_in_the_source(tmp_path):
    data = shutil.copytree(DATA, tmp_path / "data")
    parts = data / "plannen/fictief-pijlers/onderdelen.yaml"
    parts.write_text(parts.read_text(encoding="utf-8").replace("tekst: Q4 2026, daarna jaarlijks",
                                                                 "tekst: Q4 2026, daarna elk jaar"), encoding="utf-8")
    with pytest.raises(PlanDataError) as err:
        load_site(data, tmp_path)
    assert "onderdelen.yaml" in str(err.value) and "daarna elk jaar" in str(err.value)


def test_the_pijler_plan_builds_with_its_structure_on_the_site(tmp_path):
    """Built strictly with the real plans (tests/test_plan_folders.py): here its pages are read."""
    from test_plan_folders import _build
    from conftest import add_plan, copy_project

    project = copy_project(tmp_path / "project")
    add_plan(project, DATA / "plannen/fictief-pijlers")
    result = _build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "uit"
    page = html_of(site, "fictief-pijlers/pijlers/1.html")
    assert page.find("h1").get_text(strip=True) == "Pijler 1: Gezond opgroeien"
    assert [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h3")][:2] == \
        ["Doel 1.1: Elk kind heeft een vaste sportplek in de buurt",
         "Doel 1.2: Ouders weten waar zij met vragen terechtkunnen"]
    assert "Wij kiezen voor hulp dichtbij huis." in page.select_one(".pva-intro").get_text()
    menu = [a.get_text(strip=True) for a in html_of(site, "index.html").select(
        '.md-nav--primary a[href^="fictief-pijlers/pijlers/"]')]
    assert menu == ["Pijler 1: Gezond opgroeien", "Pijler 2: Werk", "Monitoring en kwaliteit"]
    facts = html_of(site, "fictief-pijlers/index.html").select_one("dl.pva-facts").get_text(" ", strip=True)
    assert "Status Niet vermeld in het plan" in facts
