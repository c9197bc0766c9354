"""A plan is a folder (issue 10): its pages and its menu section are made from data/plannen/<plan>/, pages
staff wrote in docs/<plan>/ slot in, and adding or removing a folder is all it takes, also with mkdocs serve."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import PEILDATUM, ROOT, add_plan, copy_project, html_of

from macros.loader import load_site
from macros.locations import part_page, plan_page
from macros.plan_pages import made_pages, plan_menu, plan_site, written_page
from macros.structure_words import part_label, part_title

FIXTURE_PLANS = {path.name: path for path in sorted((ROOT / "tests/fixtures").glob("*/data/plannen/*"))}
# Fixture plans that build as they are (fictief-actielijnen holds a <script> on purpose, for the escaping tests).
BUILDABLE = ("fictief-zonder-begroting", "fictief-voortgang", "fictief-historisch", "fictief-pijlers")


def fixture_plan(name: str):
    folder = FIXTURE_PLANS[name].parent.parent
    return load_site(folder, ROOT).plan(name)


def page(src: str, text: str, plan_id: str):
    return written_page(src, text, plan_id)


# --- Which pages a plan gets --------------------------------------------------------------------


def test_a_plan_without_pages_of_its_own_gets_overview_parts_actions_and_a_page_per_data_file():
    plan = fixture_plan("fictief-voortgang")
    made = [p.src for p in made_pages(plan, [])]
    assert made[0] == plan_page(plan), "the overview comes first"
    assert [part_page(plan, part.id) for part in plan.onderdelen] == made[1:1 + len(plan.onderdelen)]
    assert plan_page(plan, "acties") in made
    assert plan_page(plan, "planning") in made, "the plan has planning.yaml"
    assert plan_page(plan, "begroting") not in made and plan_page(plan, "adviezen") not in made, "no such files"
    budget = made_pages(fixture_plan("fictief-actielijnen"), [])
    assert {"fictief-actielijnen/begroting.md", "fictief-actielijnen/adviezen.md"} <= {p.src for p in budget}


def test_every_made_page_shows_only_its_own_plan_and_has_a_summary():
    for name in FIXTURE_PLANS:
        plan = fixture_plan(name)
        for made in made_pages(plan, []):
            assert made.in_het_kort.strip() and made.title.strip(), made.src
            calls = made.body.count("{{ ")
            assert calls >= 1 and made.body.count(f'("{plan.id}"') == calls, made.body
            front, body = made.markdown().split("---\n", 2)[1:]
            assert "title:" in front and "in_het_kort:" in front and body.strip() == made.body.strip()


def test_a_written_page_replaces_the_made_one_and_covers_the_data_it_shows():
    plan = fixture_plan("fictief-voortgang")
    written = [page(plan_page(plan), "---\ntitle: Eigen overzicht\n---\n\n{{ plan_gegevens(\"fictief-voortgang\") }}\n",
                    plan.id),
               page(part_page(plan, "1"), "---\ntitle: Eigen tekst\n---\n\nProza.\n", plan.id),
               page(plan_page(plan, "tijd"), "---\ntitle: Tijd\n---\n\n{{ fasen('fictief-voortgang') }}\n", plan.id)]
    made = [p.src for p in made_pages(plan, written)]
    assert plan_page(plan) not in made and part_page(plan, "1") not in made
    assert not any(src.startswith(plan_page(plan, "planning")[:-3]) for src in made), "tijd.md shows the planning"
    assert plan_page(plan, "acties") in made


def test_a_made_page_moves_aside_for_a_written_page_about_something_else():
    plan = fixture_plan("fictief-voortgang")
    prose = page(plan_page(plan, "planning"), "---\ntitle: Planning in woorden\n---\n\nTekst.\n", plan.id)
    made = [p.src for p in made_pages(plan, [prose])]
    assert plan_page(plan, "planning-overzicht") in made


def test_the_menu_has_overview_parts_data_pages_and_prose_under_achtergrond_in_the_order_staff_set():
    plan = fixture_plan("fictief-voortgang")
    written = [page("fictief-voortgang/b.md", "---\ntitle: Bijlage B\nvolgorde: 2\n---\n\nTekst.\n", plan.id),
               page("fictief-voortgang/a.md", "---\ntitle: Bijlage A\nvolgorde: 1\nmenutitel: A\n---\n\nTekst.\n",
                    plan.id),
               page("fictief-voortgang/uitleg.md", "---\ntitle: Uitleg\nachtergrond: false\n---\n\nTekst.\n", plan.id)]
    made = made_pages(plan, written)
    menu = plan_menu(plan, made, written)
    assert menu == {"Fictief voortgang": [
        "fictief-voortgang/index.md",
        {"Actielijnen": [{"Actielijn 1: Fictieve actielijn": "fictief-voortgang/actielijnen/1.md"}]},
        {"Alle acties Fictief voortgang": "fictief-voortgang/acties.md"},
        {"Planning van het plan Fictief voortgang": "fictief-voortgang/planning.md"},
        "fictief-voortgang/uitleg.md",
        {"Achtergrond Fictief voortgang": [{"A": "fictief-voortgang/a.md"}, "fictief-voortgang/b.md"]},
    ]}


def test_a_historical_plan_shows_its_year_in_the_menu():
    plan = fixture_plan("fictief-historisch")
    (title,) = plan_menu(plan, made_pages(plan, []), [])
    assert plan.historisch and title == f"{plan.korte_titel} ({plan.datum.jaar})"


def test_a_copied_plan_names_itself_where_its_pages_would_share_a_title_with_the_original(tmp_path):
    """Two plans can have a part with the same title and the same kind of parts (a copied folder has all of
    them). Those page titles, headings and menu labels then name their plan, so every page and label is still
    one of a kind; a title no other plan has stays as it is."""
    from dataclasses import replace

    site = load_site(FIXTURE_PLANS["fictief-voortgang"].parent.parent, ROOT)
    original = site.plan("fictief-voortgang")
    copy = replace(original, id="fictief-kopie", korte_titel="Fictieve kopie")
    alone, both = plan_site(site, tmp_path), plan_site(replace(site, plannen=(*site.plannen, copy)), tmp_path)

    part = original.onderdelen[0]
    title = part_title(original, part)
    assert alone.made[part_page(original, part.id)].title == title
    assert both.made[part_page(original, part.id)].title == f"{title} – {original.korte_titel}"
    assert both.made[part_page(copy, part.id)].title == f"{title} – {copy.korte_titel}"
    titles = [page.title for page in both.made.values()]
    assert len(titles) == len(set(titles))
    assert both.made[f"{copy.id}/acties.md"].title == alone.made[f"{original.id}/acties.md"].title.replace(
        original.korte_titel, copy.korte_titel), "a title that names the plan already is left alone"

    labels = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                (label, value), = item.items()
                labels.append(label)
                if isinstance(value, list):
                    walk(value)

    walk(both.menus)
    assert len(labels) == len(set(labels)), sorted(label for label in labels if labels.count(label) > 1)
    assert f"{original.onderdeel_meervoud.capitalize()} {copy.korte_titel}" in labels
    assert f"{original.onderdeel_meervoud.capitalize()} {original.korte_titel}" in labels


def test_parts_are_named_by_number_by_title_or_by_their_own_label():
    numbered = fixture_plan("fictief-voortgang")
    assert part_title(numbered, numbered.onderdeel("1")) == "Actielijn 1: Fictieve actielijn"
    named = fixture_plan("fictief-zonder-begroting")
    assert part_label(named, named.onderdeel("wonen")) == part_title(named, named.onderdeel("wonen")) == "Thema: Wonen"
    from dataclasses import replace
    labelled = replace(numbered.onderdeel("1"), label="Monitoring en kwaliteit")
    assert part_label(numbered, labelled) == "Monitoring en kwaliteit"
    assert part_title(numbered, labelled) == "Monitoring en kwaliteit: Fictieve actielijn"


# --- The real site --------------------------------------------------------------------------------


def test_every_plan_in_the_data_folder_has_its_pages_and_menu_section(built_site, site_model):
    plans = plan_site(site_model, ROOT / "docs")
    home = html_of(built_site, "index.html")
    menu_links = {a["href"] for a in home.select(".md-nav--primary a[href]")}
    for plan in site_model.plannen:
        written = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs" / plan.id).rglob("*.md")]
        made = [src for src in plans.made if src.startswith(f"{plan.id}/")]
        for src in [*written, *made]:
            html = src.replace(".md", ".html")
            assert (built_site / html).is_file(), html
            assert html in menu_links, f"{html} is not in the menu"
        for part in plan.onderdelen:
            assert part_page(plan, part.id) in [*written, *made], f"{plan.id}: no page for {part.id}"


# --- Adding and removing a plan --------------------------------------------------------------------


def _build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "uit")],
                          cwd=project, capture_output=True, text=True, env=env)


def test_adding_a_plan_folder_is_all_it_takes_and_removing_one_removes_the_plan(tmp_path, site_model):
    project = copy_project(tmp_path / "project")
    config_before = (project / "mkdocs.yml").read_bytes()
    for name in BUILDABLE:
        add_plan(project, FIXTURE_PLANS[name])
    removed = site_model.plannen[-1].id
    shutil.rmtree(project / "data/plannen" / removed)
    shutil.rmtree(project / "docs" / removed, ignore_errors=True)
    result = _build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "mkdocs.yml").read_bytes() == config_before, "no menu to edit by hand"
    site = project / "uit"
    assert not (site / removed).exists(), "a removed plan leaves no page behind"
    home = html_of(site, "index.html")
    assert not home.select(f'.md-nav--primary a[href^="{removed}/"]')
    for name in BUILDABLE:
        plan = fixture_plan(name)
        assert home.select_one(f'.md-nav--primary a[href="{name}/index.html"]'), f"{name} is not in the menu"
        assert plan.titel in home.select_one("article").get_text(" "), "the home page lists the new plan"
        for part in plan.onderdelen:
            text = html_of(site, part_page(plan, part.id).replace(".md", ".html")).select_one("article").get_text(" ")
            for action in plan.acties_van(part.id):
                assert action.id in text and action.titel in text, (name, action.id)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float) -> bytes | None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.5)
    return None


def test_mkdocs_serve_shows_a_plan_folder_added_while_it_runs(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/index.html", 90), "mkdocs serve did not start"
        live = {folder.name for folder in (ROOT / "data/plannen").iterdir()}
        name = next(n for n in ("fictief-zonder-begroting", *FIXTURE_PLANS) if n not in live)
        assert _wait_for(f"http://127.0.0.1:{port}/{name}/index.html", 1) is None
        add_plan(project, FIXTURE_PLANS[name])
        page = _wait_for(f"http://127.0.0.1:{port}/{name}/index.html", 90)
        assert page and fixture_plan(name).titel.encode() in page
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.parametrize("name", BUILDABLE)
def test_fixture_plans_are_made_up(name):
    """Made-up plans live only under tests/, clearly marked."""
    assert (FIXTURE_PLANS[name] / "plan.yaml").read_text(encoding="utf-8").startswith("# TESTGEGEVENS")


def test_removing_a_plan_that_another_plan_refers_to_says_which_reference_to_take_away(tmp_path):
    """The reference plans refer to each other (integrale-toegang 2.3: zie_ook bewind/II)."""
    from conftest import copy_data

    from macros.problems import PlanDataError

    data = copy_data(tmp_path / "data")
    shutil.rmtree(data / "plannen/bewind")
    lines = (data / "plannen/integrale-toegang/acties.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "bewind/II" in text)
    with pytest.raises(PlanDataError) as err:
        load_site(data, tmp_path)
    message = str(err.value)
    assert f"integrale-toegang/acties.yaml, regel {line}: actie 2.3 verwijst naar plan 'bewind', dat niet bestaat." \
        in message
    assert "Is het plan weggehaald? Haal dan 'bewind/II' weg bij 'zie_ook'." in message


def test_a_copied_plan_folder_needs_a_short_title_of_its_own(tmp_path):
    """Menus and headings name plans by their short title; a copy under a new name is told so, in Dutch."""
    from conftest import copy_data

    from macros.problems import PlanDataError

    data = copy_data(tmp_path / "data")
    shutil.copytree(data / "plannen/naar-de-bron", data / "plannen/naar-de-bron-kopie")
    plan_yaml = data / "plannen/naar-de-bron-kopie/plan.yaml"
    plan_yaml.write_text(plan_yaml.read_text(encoding="utf-8").replace("id: naar-de-bron\n", "id: naar-de-bron-kopie\n"),
                         encoding="utf-8")
    with pytest.raises(PlanDataError) as err:
        load_site(data, tmp_path)
    assert "naar-de-bron-kopie/plan.yaml, regel" in str(err.value)
    assert "dezelfde korte titel als plan 'naar-de-bron'" in str(err.value) and "eigen 'korte_titel'" in str(err.value)
    plan_yaml.write_text(plan_yaml.read_text(encoding="utf-8").replace("korte_titel: Naar de bron", "korte_titel: Kopie"),
                         encoding="utf-8")
    assert load_site(data, tmp_path).plan("naar-de-bron-kopie").korte_titel == "Kopie"
