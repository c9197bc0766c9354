"""The known bugs of issue 10, item 6, each pinned on the fictitious fixture plans."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import render_budget, views
from macros.loader import load_site

FIXTURES = Path(__file__).parent / "fixtures" / "fictief"


@pytest.fixture(scope="module")
def plan():
    return load_site(FIXTURES / "data", FIXTURES).plan("fictief-actielijnen")


def test_a_budget_line_given_per_action_belongs_to_the_part_of_that_action(plan):
    estimate = plan.begroting.leidend
    assert [(s.label_ids, s.euro) for s in views.by_part(plan, estimate) if s.euro] == [(("1",), 30000), (("2",), 1234)]
    assert [line.omschrijving for line in views.lines_for_part(plan, estimate, "2")] == ["Onderzoek"]
    page = BeautifulSoup(render_budget.part_budget(plan, "Actielijn 2", "2"), "html.parser").get_text()
    assert "Actie 2.1: €\xa01.234" in page and "Algemeen" not in page


def test_a_source_with_an_author_and_no_date_has_no_empty_place_for_the_date():
    from macros import model as m
    from macros.render import source_details

    assert source_details(m.Source(id="a", titel="Rapport", auteur="Bureau A")) == " (Bureau A)"
    assert source_details(m.Source(id="a", titel="Rapport")) == ""
    assert source_details(m.Source(id="a", titel="Rapport", auteur="B & C", nummer="12")) == " (B &amp; C, 12)"


def test_an_advice_heading_adds_no_article_and_its_toelichting_is_markdown(plan):
    import datetime as dt

    from macros.locations import Links
    from macros.render_structures import advice_items

    html = advice_items(plan, Links("fictief-actielijnen/adviezen.md"), dt.date(2024, 6, 30))
    assert html.startswith("### Vraag (Inwonerspanel Fictief): Open in de avond {#")
    assert " van de " not in html.split("\n")[0]
    assert '<div class="pva-note"><p>Zie <strong>ook</strong> de planning.</p></div>' in html
    assert "<em>onderzoekt</em>" in html


def test_the_b1_checker_never_rounds_a_failing_score_up_to_the_limit_and_writes_a_singular_right():
    from plain_language.checker import TextReport, check_text

    class Score596(TextReport):
        flesch_douma = 59.6

    assert "de Flesch-Douma-score is 59,6 (B1: minstens 60)" in Score596(()).reasons
    reasons = check_text("Wij doen dit middels een brief.").reasons
    assert "er staat 1 moeilijk woord in dat een eenvoudiger alternatief heeft" in reasons


def test_a_numbered_list_that_starts_at_2_keeps_its_numbers():
    from macros.html_text import rich_text

    assert rich_text("Tekst.\n\n2. twee\n3. drie").count('<ol start="2">') == 1
