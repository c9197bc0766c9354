"""Each renderer on the fixed copy of a real plan (tests/fixtures/referentie) and on fictional fixtures that
stretch the model."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import datetime as dt

from macros import render, render_budget, render_status, views
from macros.loader import load_site
from macros.locations import Links

FIXTURES = Path(__file__).parent / "fixtures" / "fictief"
PEIL = dt.date(2024, 6, 30)


@pytest.fixture(scope="module")
def fictional():
    return load_site(FIXTURES / "data", FIXTURES)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_model_fits_plans_with_actielijnen_two_reports_steps_fte_and_no_budget(fictional):
    plan = fictional.plan("fictief-actielijnen")
    assert plan.onderdeel_soort == "actielijn"
    assert {plan.bron(p.bron).auteur for p in plan.onderdelen} == {"Bureau A", "Rekenkamer B"}
    steps = plan.actie("1.1").planning.stappen
    assert [str(s.datum) for s in steps] == ["2e kwartaal 2024", "1 december 2024"]
    adopted = plan.begroting.leidend
    assert views._sum(adopted.regels, "fte") == Decimal("0.7")  # 0.4 fte, and 0.3 fte on a line with € 30.000
    assert views.euro_total(adopted) == Decimal("31234")
    assert fictional.plan("fictief-zonder-begroting").begroting is None


def test_data_text_is_escaped_everywhere(fictional):
    plan = fictional.plan("fictief-actielijnen")
    links = Links("fictief-actielijnen/actielijnen/1.md")
    html = "".join([
        render.part_page(plan, plan.onderdeel("1"), links, fictional, PEIL),
        render.actions_table(plan, plan.acties, links, "x", PEIL),
        render.raci_matrix(plan, plan.acties, links, "x"),
        render.plan_facts(plan, PEIL),
        render.plans_overview(fictional.plannen, links, PEIL),
        render_budget.budget_page(plan, links),
    ])
    assert "<script>" not in html and "<em>tekens</em>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;" in html
    # Markdown in action texts still works after escaping.
    assert soup(render.rich_text(plan.actie("1.1").tekst)).find_all("li")[1].get_text() == "tweede punt"


def test_links_are_relative_to_the_page_that_shows_them(fictional):
    plan = fictional.plan("fictief-actielijnen")
    action = plan.actie("2.1")
    assert Links("fictief-actielijnen/actielijnen/1.md").action(plan, action) == "2.html#actie-2-1"
    assert Links("index.md").action(plan, action) == "fictief-actielijnen/actielijnen/2.html#actie-2-1"
    assert Links("fictief-actielijnen/actielijnen/2.md").action(plan, action) == "#actie-2-1"


def test_actions_table_has_caption_scopes_and_badges(reference_site):
    plan = reference_site.plan("bewind")
    table = soup(render.actions_table(plan, plan.acties_van("IV"), Links("bewind/acties.md"), "Acties IV", PEIL)).table
    assert table.caption.get_text() == "Acties IV"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 5
    rows = table.tbody.find_all("tr")
    assert [r.th.get_text() for r in rows] == [a.id for a in plan.acties_van("IV")]
    assert all(r.th["scope"] == "row" for r in rows)
    for row, action in zip(rows, plan.acties_van("IV")):
        assert row.find(class_="pva-status").get_text() == render.STATUS_LABEL[action.status]
        assert row.find(class_="pva-stand").get_text()  # every status says as of when and from which source


def test_status_badge_shows_the_word_not_only_a_colour():
    for status, label in render.STATUS_LABEL.items():
        badge = soup(render.status_badge(status)).span
        assert badge.get_text() == label and f"pva-status--{status}" in badge["class"]


def test_raci_matrix_lists_actors_as_columns_and_only_stated_roles(reference_site):
    plan = reference_site.plan("bewind")
    table = soup(render.raci_matrix(plan, plan.acties_van("I"), Links("bewind/acties.md"), "RACI")).table
    header = [th.get_text() for th in table.thead.find_all("th")][1:]
    row = next(tr for tr in table.tbody.find_all("tr") if tr.th.a.get_text() == "I.b")
    cells = dict(zip(header, [td.get_text() for td in row.find_all("td")]))
    assert cells["B&W"] == "A" and cells["Verandermanager"] == "R"
    assert cells["Directie"] == "–geen rol"  # a dash on screen, "geen rol" for screen readers


def test_progress_counts_come_from_the_current_statuses(reference_site):
    plan = reference_site.plan("bewind")
    p = render_status.progress_of(plan, plan.acties, PEIL)
    assert p.totaal == len(plan.acties)
    assert sum(n for _, n in p.per_status) == p.totaal
    figure = soup(render.progress_summary(plan, PEIL)).figure
    assert figure.svg["role"] == "img"
    assert render.progress_sentence(p) in figure.svg["aria-label"]
    assert figure.figcaption.get_text(" ").startswith(render.progress_sentence(p))
    assert render_status.sources_sentence(p) in figure.figcaption.get_text(" ")
    widths = [Decimal(r["width"]) for r in figure.find_all("rect")]
    assert abs(sum(widths) - 100) < Decimal("0.05")


def test_budget_tables_sum_to_the_computed_total(fictional):
    plan = fictional.plan("fictief-actielijnen")
    leading = plan.begroting.leidend
    for html in (render_budget.by_part(plan, leading), render_budget.by_period(plan, leading),
                 render_budget.by_funding(plan, leading)):
        table = soup(html).table
        total = table.tfoot.td.get_text().replace("\u00a0", " ")
        assert total == "€ 31.234 + 0,7 fte"  # euros and fte summed apart, never mixed
    per_part = soup(render_budget.by_part(plan, leading)).table.tbody
    assert [th.get_text() for th in per_part.find_all("th")] == ["Actielijn 1", "Actielijn 2"]  # the line for action 2.1 is for actielijn 2


def test_fte_and_amounts_are_formatted_in_dutch(fictional):
    plan = fictional.plan("fictief-actielijnen")
    html = render_budget.budget_page(plan, Links("fictief-actielijnen/begroting.md")).replace("\u00a0", " ")
    assert "0,4 fte" in html and "€ 1.234" in html  # cents: tests/test_dutch.py; amounts in data are whole euros
    assert "POK-middelen" in html


def test_plan_without_budget_says_so(fictional):
    plan = fictional.plan("fictief-zonder-begroting")
    assert "geen begroting" in render_budget.budget_page(plan, Links("x.md"))
    part_html = render.part_page(plan, plan.onderdeel("wonen"), Links("fictief-zonder-begroting/themas/wonen.md"),
                                 fictional, PEIL)
    assert "Dit plan heeft geen begroting." in part_html


def test_planning_text():
    from macros.dutch import Moment
    from macros.model import Planning

    assert render.planning_text(None) == "Niet genoemd in het plan"
    assert render.planning_text(Planning(Moment.lees("2024-Q1"), Moment.lees("2024-Q4"))) == \
        "1e kwartaal 2024 tot en met 4e kwartaal 2024"
    assert render.planning_text(Planning(Moment.lees(2023), doorlopend=True)) == "Vanaf 2023, doorlopend"
