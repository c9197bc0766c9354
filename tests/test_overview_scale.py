"""Issue 12: "Alle acties van alle plannen" and "Tijdlijn van alle plannen" split per plan above a threshold.

The site with the fixture plans is built with extra.overzicht.max_acties_per_pagina set to 10, far below its
actions: the overview is then one row per plan and the timeline one bar per plan, each linking to the plan's own
table (with the filter form, preset from the link) and timeline. Checked in the HTML (every action two clicks from
the overview, counts from the data, no page lists another plan's actions) and in Chromium (a preset link filters;
without JavaScript the whole table shows). Below the threshold, the real site keeps its one table and chart.
"""
from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITE_FIXTURES, copy_project, html_of

from macros import action_state as st
from macros import overview_split
from macros.locations import action_anchor, part_page
from macros.render_overview import plan_label
from macros.render_status import STATUS_LABEL, progress_of

MAXIMUM = 10
# After the fixture plan's second report: one of its actions is late, one has no recent information.
PEILDATUM = dt.date(2024, 10, 15)
SETTING = f"  {overview_split.SETTING}:\n    {overview_split.KEY}: {overview_split.DEFAULT}\n"


def set_maximum(project: Path, value: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert SETTING in text, "mkdocs.yml has the setting with its default"
    config.write_text(text.replace(SETTING, f"  {overview_split.SETTING}:\n    {overview_split.KEY}: {value}\n"),
                      encoding="utf-8")


def build(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM.isoformat()}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=project, capture_output=True, text=True, env=env)


class SplitSite:
    def __init__(self, site: Path, model):
        self.site, self.model = site, model


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> SplitSite:
    from macros.loader import load_site

    project = copy_project(tmp_path_factory.mktemp("gesplitst") / "project")
    for folder in ("data/plannen", "docs"):
        shutil.copytree(SITE_FIXTURES / folder, project / folder, dirs_exist_ok=True)
    shutil.copytree(ROOT / "tests/fixtures/voortgang/data/plannen", project / "data/plannen", dirs_exist_ok=True)
    set_maximum(project, str(MAXIMUM))
    result = build(project, project / "gebouwd")
    assert result.returncode == 0, result.stdout + result.stderr
    model = load_site(project / "data", project)
    assert overview_split.action_count(model) > MAXIMUM
    return SplitSite(project / "gebouwd", model)


def resolve(page: str, href: str) -> tuple[str, str]:
    """(built page, anchor) a relative link on page points to; the query (a filter preset) left off."""
    target, _, anchor = href.partition("#")
    target = target.split("?")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) if target else page, anchor


def action_links(soup, page: str) -> set[tuple[str, str]]:
    return {resolve(page, a["href"]) for a in soup.select("a[href*='#actie-']")}


def every_action(model) -> dict[tuple[str, str], tuple]:
    return {(part_page(p, a.onderdeel)[:-3] + ".html", action_anchor(a.id)): (p, a) for p in model.plannen
            for a in p.acties}


def plan_rows(soup):
    return soup.select("table.pva-plan-counts tbody tr")


def cell_numbers(row) -> list[int]:
    return [int(cell.get_text(strip=True)) for cell in row.find_all("td")[:-1]]


# --- The setting -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("extra, expected", [({}, overview_split.DEFAULT), ({"overzicht": None}, 300),
                                             ({"overzicht": {"max_acties_per_pagina": 25}}, 25)])
def test_the_threshold_comes_from_mkdocs_yml_with_a_default(extra, expected):
    assert overview_split.max_actions(extra) == expected
    assert overview_split.config_problems(extra) == []


@pytest.mark.parametrize("extra", [{"overzicht": {"max_acties_per_pagina": 0}},
                                   {"overzicht": {"max_acties_per_pagina": "veel"}},
                                   {"overzicht": {"max_acties_per_pagina": True}},
                                   {"overzicht": 300}])
def test_a_wrong_threshold_is_a_dutch_problem_with_a_fix(extra):
    [(key, problem, fix)] = overview_split.config_problems(extra)
    assert key in ("overzicht", "max_acties_per_pagina")
    assert "extra.overzicht" in problem and "moet" in problem
    assert "300" in fix


def test_a_wrong_threshold_stops_the_build_with_file_line_and_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    set_maximum(project, "veel")
    result = build(project, tmp_path / "uit")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = next(i for i, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1)
                if "max_acties_per_pagina" in text)
    assert f"mkdocs.yml, regel {line}: extra.overzicht.max_acties_per_pagina moet een heel getal" in output
    assert "Oplossing:" in output and "Traceback" not in output


# --- Below the threshold nothing changes ---------------------------------------------------------------------

def test_below_the_threshold_the_real_site_keeps_one_table_and_one_chart(built_site, site_model):
    assert overview_split.action_count(site_model) <= overview_split.DEFAULT
    soup = html_of(built_site, "acties.html")
    assert not soup.select("table.pva-plan-counts")
    assert len(soup.select("table.pva-overview tbody tr")) == overview_split.action_count(site_model)
    assert set(every_action(site_model)) <= action_links(html_of(built_site, "tijdlijn.html"), "tijdlijn.html") | \
        {key for key, (p, a) in every_action(site_model).items() if not a.planning}
    for plan in site_model.plannen:  # no page is made for the split that staff did not ask for
        assert not (built_site / plan.id / "tijdlijn.html").exists() or \
            (ROOT / "docs" / plan.id / "tijdlijn.md").exists()
        own = html_of(built_site, f"{plan.id}/acties.html")
        assert not own.select("form.pva-filters"), "a plan's own table gets its filters only in the split"


def test_plan_pages_are_made_for_the_split_only(reference_site):
    from conftest import REFERENTIE

    from macros.plan_pages import plan_site

    docs = REFERENTIE / "docs"
    usual, split = plan_site(reference_site, docs), plan_site(reference_site, docs, own_overviews=True)
    extra = set(split.made) - set(usual.made)
    assert all(src.endswith("/tijdlijn.md") for src in extra), extra
    for plan in reference_site.plannen:
        pages = split.overview[plan.id]
        assert pages.acties and pages.tijdlijn, plan.id
        assert usual.overview[plan.id].acties == pages.acties
        if usual.overview[plan.id].tijdlijn is None:  # a written page of all actions without the timeline
            assert pages.tijdlijn == f"{plan.id}/tijdlijn.md" and pages.tijdlijn in extra


# --- Above the threshold: the overview -------------------------------------------------------------------------

def test_the_overview_is_one_row_per_plan_without_actions(split_site):
    soup = html_of(split_site.site, "acties.html")
    assert not soup.select("table.pva-overview"), "no table of all actions"
    assert not action_links(soup, "acties.html")
    rows = plan_rows(soup)
    assert [row.th.get_text(strip=True) for row in rows] == [plan_label(p) for p in split_site.model.plannen]
    text = soup.find("article").get_text(" ", strip=True)
    total = overview_split.action_count(split_site.model)
    assert f"De {len(split_site.model.plannen)} plannen hebben samen {total} acties." in text
    assert f"hoogstens {MAXIMUM} op één pagina" in text


def test_the_counts_are_the_data_and_the_totals_their_sums(split_site):
    soup = html_of(split_site.site, "acties.html")
    heads = [th.get_text(strip=True) for th in soup.select("table.pva-plan-counts thead th")]
    statuses = {label: s for s, label in STATUS_LABEL.items()}
    columns = heads[1:-1]
    sums = [0] * len(columns)
    for plan, row in zip(split_site.model.plannen, plan_rows(soup)):
        p = progress_of(plan, plan.acties, PEILDATUM)
        expected = {"Acties": p.totaal, "Te laat": p.te_laat, "Geen recente informatie": p.geen_recente_informatie,
                    **{label: p.aantal(s) for label, s in statuses.items()}}
        numbers = cell_numbers(row)
        assert numbers == [expected[c] for c in columns], plan.id
        assert sum(numbers[1:1 + len(columns) - 3]) == p.totaal, "the status columns add up to the actions"
        sums = [a + b for a, b in zip(sums, numbers)]
    foot = soup.select_one("table.pva-plan-counts tfoot tr")
    assert [int(td.get_text(strip=True)) for td in foot.find_all("td")[:-1]] == sums
    assert sum(p.te_laat for p in (progress_of(x, x.acties, PEILDATUM) for x in split_site.model.plannen)) > 0, \
        "the fixture has a late action, so the late links are tested"


def test_every_action_is_two_clicks_from_the_overview_and_no_plan_page_lists_another_plan(split_site):
    site, model = split_site.site, split_site.model
    soup = html_of(site, "acties.html")
    reached = set()
    for plan, row in zip(model.plannen, plan_rows(soup)):
        table_page = resolve("acties.html", row.find_all("td")[0].a["href"])[0]
        counts = {resolve("acties.html", a["href"])[0] for td in row.find_all("td")[:-1] for a in td.find_all("a")}
        assert counts == {table_page}, "every count opens the plan's table"
        own = html_of(site, table_page)
        links = action_links(own.select_one("table.pva-overview"), table_page)
        assert all(page.startswith(plan.id + "/") for page, _ in links), "only this plan's actions"
        assert len(own.select("table.pva-overview tbody tr")) == len(plan.acties)
        assert not own.select("select[name=plan]"), "one plan: no plan filter"
        late = len(st.late_actions(plan, PEILDATUM))
        words = own.find("p", class_="pva-plan-counts-text").get_text(" ", strip=True)
        assert (f"{late} {'actie is' if late == 1 else 'acties zijn'}" if late else "Geen actie is") in words
        assert f"Dit plan heeft {len(plan.acties)} actie" in words
        reached |= links
    assert reached == set(every_action(model))
    for page, anchor in reached:  # the second click lands on the action
        assert html_of(site, page).find(id=anchor), (page, anchor)


def test_a_preset_link_names_a_value_the_filter_offers(split_site):
    soup = html_of(split_site.site, "acties.html")
    for a in soup.select("table.pva-plan-counts a[href*='?']"):
        page, _ = resolve("acties.html", a["href"])
        name, value = re.search(r"\?(\w+)=([\w-]+)", a["href"]).groups()
        form = html_of(split_site.site, page).select_one("form.pva-filters")
        if name == "laat":
            assert form.select_one("input[name=laat]")["value"] == value
        else:
            assert value in [o["value"] for o in form.select(f"select[name={name}] option")]


# --- Above the threshold: the timeline ------------------------------------------------------------------------

def test_the_timeline_is_one_bar_per_plan_linking_to_the_plans_timeline(split_site):
    site, model = split_site.site, split_site.model
    soup = html_of(site, "tijdlijn.html")
    assert not action_links(soup, "tijdlijn.html")
    bars = soup.select("table.pva-tl tbody tr:not(.pva-tl__group)")
    dated = [p for p in model.plannen if any(a.planning for a in p.acties)]
    assert len(bars) <= len(dated) and bars
    for bar in bars:
        assert bar.select_one("svg[role=img]")["aria-label"], "every bar has its text"
        page, anchor = resolve("tijdlijn.html", bar.th.a["href"])
        plan = next(p for p in model.plannen if page.startswith(p.id + "/"))
        chart = html_of(site, page).find(id=anchor)
        assert chart is not None and chart.get_text().startswith("Tijdlijn van het plan"), (page, anchor)
        own = html_of(site, page)
        assert all(p.startswith(plan.id + "/") for p, _ in action_links(own, page)), "only this plan's actions"
    table = soup.find("caption", string=re.compile("als tabel")).find_parent("table")
    rows = table.select("tbody tr")
    assert len(rows) == len(model.plannen)
    for plan, row in zip(model.plannen, rows):
        on_chart, undated, late = (int(td.get_text(strip=True)) for td in row.find_all("td")[1:4])
        assert on_chart + undated == len(plan.acties) == int(row.find_all("td")[-1].get_text(strip=True))
        assert late == len(st.late_actions(plan, PEILDATUM))


def test_a_timeline_page_made_for_the_split_is_in_the_plans_menu(split_site):
    made = _made_timelines(split_site)
    assert made, "the reference plan whose written page of all actions has no timeline gets one"
    for page in made:
        plan_id = page.split("/")[0]
        menu = html_of(split_site.site, f"{plan_id}/index.html").select("nav.md-nav--primary a[href]")
        assert any(a["href"] == "tijdlijn.html" for a in menu), plan_id
        assert html_of(split_site.site, page).select("table.pva-tl, table.pva-table")


def test_every_page_of_the_split_site_has_its_own_title(split_site):
    titles = [html_of(split_site.site, str(p.relative_to(split_site.site))).title.get_text(strip=True)
              for p in split_site.site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts]
    assert len(titles) == len(set(titles)), sorted(t for t in titles if titles.count(t) > 1)


# --- In Chromium ---------------------------------------------------------------------------------------------

def _plan_with_late(model):
    return next(p for p in model.plannen if st.late_actions(p, PEILDATUM))


def _row_of(soup, plan):
    return next(row for row in plan_rows(soup) if row.th.get_text(strip=True) == plan_label(plan))


def _uri(site: Path, href: str) -> str:
    """file:// address of a link with a query, which Path.as_uri() would escape."""
    path, _, query = href.partition("?")
    return (site / path).as_uri() + (f"?{query}" if query else "")


def test_a_late_link_opens_the_plans_table_with_only_its_late_actions(page, split_site):
    from playwright.sync_api import expect

    plan = _plan_with_late(split_site.model)
    late = len(st.late_actions(plan, PEILDATUM))
    page.goto((split_site.site / "acties.html").as_uri())
    page.locator("table.pva-plan-counts tbody tr", has=page.get_by_role("link", name=plan.korte_titel, exact=True)) \
        .get_by_role("link", name=f"te laat in {plan.korte_titel}").click()
    assert "?laat=ja" in page.url
    visible = page.locator("table.pva-overview tbody tr:not([hidden])")
    expect(visible).to_have_count(late)
    assert page.locator("form.pva-filters input[name=laat]").is_checked()
    expect(page.locator(".pva-filter-count")).to_have_text(f"{late} van de {len(plan.acties)} acties getoond.")
    page.click("form.pva-filters button[type=reset]")
    expect(visible).to_have_count(len(plan.acties))


def test_a_status_link_presets_the_status_filter(page, split_site):
    from playwright.sync_api import expect

    plan = max(split_site.model.plannen, key=lambda p: len(p.acties))
    p = progress_of(plan, plan.acties, PEILDATUM)
    status, count = p.per_status[-1]
    soup = html_of(split_site.site, "acties.html")
    href = next(a["href"] for a in _row_of(soup, plan).find_all("a") if a["href"].endswith(f"?status={status}"))
    page.goto(_uri(split_site.site, href))
    expect(page.locator("table.pva-overview tbody tr:not([hidden])")).to_have_count(count)
    assert page.locator("form.pva-filters select[name=status]").input_value() == status


def test_without_javascript_the_preset_link_shows_the_whole_table_and_says_the_count(browser, split_site):
    plan = _plan_with_late(split_site.model)
    soup = html_of(split_site.site, "acties.html")
    href = next(a["href"] for a in _row_of(soup, plan).find_all("a") if a["href"].endswith("?laat=ja"))
    page = browser.new_page()
    try:
        page.context.new_cdp_session(page).send("Emulation.setScriptExecutionDisabled", {"value": True})
        page.goto(_uri(split_site.site, href))
        assert not page.locator("form.pva-filters").is_visible(), "the form needs the script"
        rows = page.locator("table.pva-overview tbody tr")
        assert rows.count() == len(plan.acties)
        assert all(rows.nth(i).is_visible() for i in range(rows.count()))
        late = len(st.late_actions(plan, PEILDATUM))
        assert f"{late} {'actie is' if late == 1 else 'acties zijn'} volgens een voortgangsrapportage te laat" in \
            page.locator(".pva-plan-counts-text").inner_text()
    finally:
        page.close()


def _made_timelines(split_site) -> list[str]:
    return [f"{p.id}/tijdlijn.html" for p in split_site.model.plannen
            if (split_site.site / p.id / "tijdlijn.html").exists() and not (ROOT / "docs" / p.id / "tijdlijn.md").exists()]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", ["acties.html", "tijdlijn.html", "plan-tabel", "plan-tijdlijn", "gemaakte tijdlijn"])
def test_the_split_pages_pass_axe(page, split_site, name, width):
    from test_accessibility import describe, node_tool, run_axe

    soup = html_of(split_site.site, "acties.html")
    row = _row_of(soup, _plan_with_late(split_site.model))
    target = {"plan-tabel": row.find_all("td")[0].a["href"], "plan-tijdlijn": row.find_all("td")[-1].a["href"],
              "gemaakte tijdlijn": _made_timelines(split_site)[0]}.get(name, name).split("#")[0]
    page.set_viewport_size({"width": width, "height": 800})
    page.goto((split_site.site / target).as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "nothing scrolls sideways"
    result = run_axe(page, node_tool("axe-core/axe.min.js").read_text(encoding="utf-8"))
    assert not result["violations"], describe(result["violations"])


# --- The renderers on their own ------------------------------------------------------------------------------

def _nasty(reference_site):
    from dataclasses import replace

    plans = tuple(replace(p, korte_titel=f'<b>{p.korte_titel}</b> & "co"') for p in reference_site.plannen)
    return replace(reference_site, plannen=plans)


def test_every_data_text_of_the_split_pages_is_escaped(reference_site):
    from macros import render_overview_split as split
    from macros.locations import Links

    site = _nasty(reference_site)
    pages = {p.id: overview_split.PlanOverviewPages(f"{p.id}/acties.md", f"{p.id}/acties.md") for p in site.plannen}
    html = (split.plans_actions(site, pages, Links("acties.md"), PEILDATUM, MAXIMUM)
            + split.plans_timeline(site, pages, Links("tijdlijn.md"), PEILDATUM, "Tijdlijn", MAXIMUM)
            + split.plan_actions(site.plannen[0], Links("x/acties.md"), PEILDATUM, "Alle acties", MAXIMUM))
    assert "<b>" not in html and "&lt;b&gt;" in html and '& "co"' not in html


def test_a_plan_larger_than_a_page_links_its_part_pages(reference_site):
    from macros import render_overview_split as split
    from macros.locations import Links

    plan = max(reference_site.plannen, key=lambda p: len(p.acties))
    links = Links(f"{plan.id}/acties.md")
    small = split.plan_actions(plan, links, PEILDATUM, "Alle acties", len(plan.acties))
    large = split.plan_actions(plan, links, PEILDATUM, "Alle acties", len(plan.acties) - 1)
    assert not any(f'href="{links.part(plan, part.id)}"' in small for part in plan.onderdelen)
    assert all(f'href="{links.part(plan, part.id)}"' in large for part in plan.onderdelen)
    assert f"meer dan {len(plan.acties) - 1} acties" in large
