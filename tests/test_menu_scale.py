"""The menu with many plans (issue 12): above extra.menu.max_plannen a page carries its own plan's menu and
one link to the list of all plans, so pages do not grow with the number of plans. Tested on a copy of the
project with the limit set below the reference plans' count, in the HTML and with axe in Chromium."""
from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PEILDATUM, copy_project, html_of, node_tool
from test_accessibility import run_axe

from macros.loader import load_site


def _set_limit(project: Path, value: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\n    max_plannen: ") == 1, "mkdocs.yml sets extra.menu.max_plannen once"
    config.write_text(re.sub(r"\n    max_plannen: .*", f"\n    max_plannen: {value}", text), encoding="utf-8")


def _build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "uit")],
                          cwd=project, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def small_menu(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("menu") / "project")
    model = load_site(project / "data", project)
    assert len(model.plannen) >= 2, "the reference plans give more than one plan"
    _set_limit(project, str(len(model.plannen) - 1))
    result = _build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "uit", model


def _menu(site: Path, page: str) -> list[str]:
    return [a.get_text(" ", strip=True) for a in html_of(site, page).select("nav.md-nav--primary a.md-nav__link")]


def _all_plans_link(site: Path, page: str) -> list[str]:
    """The href of each menu link named 'Alle N plannen'."""
    return [a["href"] for a in html_of(site, page).select("nav.md-nav--primary a.md-nav__link[href]")
            if re.fullmatch(r"Alle \d+ plannen", a.get_text(" ", strip=True))]


def _plan_links(site: Path, page: str, model) -> set[str]:
    """The plans whose pages the menu links to, read from the links as the browser resolves them."""
    hrefs = {a["href"].split("#")[0] for a in html_of(site, page).select("nav.md-nav--primary a.md-nav__link[href]")}
    targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page), h)) for h in hrefs if h}
    return {p.id for p in model.plannen for t in targets if t.startswith(f"{p.id}/")}


def test_a_general_page_links_to_all_plans_once_instead_of_listing_them(small_menu):
    site, model = small_menu
    assert f"Alle {len(model.plannen)} plannen" in _menu(site, "over.html")
    assert _plan_links(site, "over.html", model) == set()
    assert _all_plans_link(site, "over.html") == ["index.html#de-plannen"]
    home = html_of(site, "index.html")
    assert home.find(id="de-plannen") is not None
    listed = {a["href"].split("/")[0] for a in home.select("article a[href$='/index.html']")}
    assert {p.id for p in model.plannen} <= listed, "the home page lists every plan, where the link leads"


def test_a_plan_page_keeps_its_own_plan_menu_and_the_link(small_menu):
    site, model = small_menu
    for plan in model.plannen:
        page = f"{plan.id}/index.html"
        assert _plan_links(site, page, model) == {plan.id}, page
        assert f"Alle {len(model.plannen)} plannen" in _menu(site, page)
        assert _all_plans_link(site, page) == ["../index.html#de-plannen"]


def test_below_the_limit_the_menu_lists_every_plan(built_site, site_model):
    """The real site: as many plans as the default limit allows, each a section of the menu."""
    assert _plan_links(built_site, "over.html", site_model) == {p.id for p in site_model.plannen}
    assert _all_plans_link(built_site, "over.html") == []


def test_the_short_menu_has_no_axe_violations(small_menu, page):
    site, model = small_menu
    axe = node_tool("axe-core/axe.min.js").read_text(encoding="utf-8")
    for name in ("over.html", f"{model.plannen[0].id}/index.html"):
        page.goto((site / name).as_uri())
        assert run_axe(page, axe)["violations"] == [], name


def test_a_wrong_limit_is_explained_in_dutch(tmp_path):
    project = copy_project(tmp_path / "project")
    _set_limit(project, "veel")
    result = _build(project)
    assert result.returncode != 0
    assert "extra.menu.max_plannen: 'veel' is geen geheel getal van 1 of meer" in result.stderr
    assert "Traceback" not in result.stderr
