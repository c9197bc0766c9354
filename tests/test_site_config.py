"""The municipality and the site as configuration (issue 10, item 2): name, municipality, colours and logo
come from mkdocs.yml, checked in Dutch; a plan states its municipality; the home page groups plans per
municipality; the glossary tells local terms from general ones."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import PEILDATUM, ROOT, html_of

from macros.glossary import glossary_page
from macros.house_style import DEFAULT_ACCENT, DEFAULT_COLOUR, HouseStyle, contrast, house_style
from macros.loader import load_site
from macros.locations import Links, slug
from macros.model import Term
from macros.render import plan_facts, plans_overview

FIXTURES = ROOT / "tests/fixtures"


# --- House style ----------------------------------------------------------------------------------


def test_contrast_follows_the_wcag_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast(DEFAULT_COLOUR, "#ffffff") == pytest.approx(6.86, abs=0.01)


def test_no_house_style_is_materials_indigo_as_the_site_always_had(tmp_path):
    style, problems = house_style(None, tmp_path)
    assert problems == [] and style == HouseStyle(DEFAULT_COLOUR, DEFAULT_ACCENT, None)
    css = style.css()
    assert "--md-primary-fg-color: #4051b5;" in css and "--md-accent-fg-color: #526cfe;" in css
    assert "--md-typeset-a-color: #4051b5;" in css


@pytest.mark.parametrize("settings, expected", [
    ({"kleur": "#ffcc00"}, "'kleur: #ffcc00' heeft te weinig contrast met wit: 1,51:1, terwijl 4,5:1 nodig is"),
    ({"accentkleur": "#ffee00"}, "'accentkleur: #ffee00' heeft te weinig contrast met wit"),
    ({"kleur": "blauw"}, "'kleur: blauw' is geen kleurcode"),
    ({"kleur": "#12345"}, "'kleur: #12345' is geen kleurcode"),
    ({"kleuren": "#000000"}, "'kleuren' is geen instelling van de huisstijl"),
    ({"logo": "assets/logo.svg"}, "het logo docs/assets/logo.svg bestaat niet"),
    ({"logo": "assets/logo.pdf"}, "'logo: assets/logo.pdf' is geen afbeelding"),
    ("#000000", "'huisstijl' moet een blok"),
])
def test_a_house_style_that_cannot_work_is_explained_in_dutch(tmp_path, settings, expected):
    _, problems = house_style(settings, tmp_path)
    assert len(problems) == 1 and problems[0][1].startswith(expected), problems
    assert problems[0][0] in ("huisstijl", "kleur", "accentkleur", "kleuren", "logo") and problems[0][2], \
        "every problem names its setting and says what to do"


def test_a_readable_colour_and_an_existing_logo_are_used(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    style, problems = house_style({"kleur": "#00564D", "accentkleur": "#b0005a", "logo": "assets/logo.svg"}, tmp_path)
    assert problems == [] and style == HouseStyle("#00564D", "#b0005a", "assets/logo.svg")
    assert "--md-primary-fg-color: #00564d;" in style.css()


def _set_extra(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    config.write_text(text.replace(old, new), encoding="utf-8")


def test_another_municipality_changes_name_colours_and_logo_in_mkdocs_yml_only(project_copy, page):
    (project_copy / "docs/assets/logo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'><rect width='40' height='40'/></svg>",
        encoding="utf-8")
    _set_extra(project_copy, "site_name: Plannen van aanpak Deventer", "site_name: Plannen van aanpak Fictiefstad")
    _set_extra(project_copy, "  gemeente: Deventer", "  gemeente: Fictiefstad")
    _set_extra(project_copy, 'kleur: "#4051b5"', 'kleur: "#00564d"')
    _set_extra(project_copy, "    logo:\n", "    logo: assets/logo.svg\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "uit"],
                            cwd=project_copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project_copy / "uit"
    home = html_of(site, "index.html")
    assert home.select_one(".md-nav--primary .md-nav__link--active").get_text(strip=True) == \
        "Plannen van aanpak Fictiefstad", "the home page's menu label is the site's name"
    logo = home.select_one(".md-header a.md-logo img")
    assert logo["src"] == "assets/logo.svg" and logo["alt"] == "", "the link is named after the site"
    assert "de gemeente Fictiefstad" in html_of(site, "over.html").select_one("article").get_text(" ")
    page.goto((site / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(0, 86, 77)"


def test_the_real_site_has_its_house_style_and_no_municipality_in_general_page_texts(built_site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    kleur = re.search(r'^\s+kleur: "(#[0-9a-f]{6})"', config, re.M)[1]
    assert f"--md-primary-fg-color: {kleur};" in (built_site / "stylesheets/huisstijl.css").read_text(encoding="utf-8")
    gemeente = re.search(r"^  gemeente: (\S+)", config, re.M)[1]
    plan_folders = {path.name for path in (ROOT / "data/plannen").iterdir()}
    for page in (ROOT / "docs").rglob("*.md"):
        if page.relative_to(ROOT / "docs").parts[0] in plan_folders:
            continue  # a plan's own pages quote its documents
        assert gemeente not in page.read_text(encoding="utf-8"), f"{page}: take the name from mkdocs.yml"


# --- A plan's municipality ------------------------------------------------------------------------


def _fixture_plans():
    return load_site(FIXTURES / "fictief/data", ROOT).plannen


def test_a_plan_states_its_municipality_in_its_facts():
    plan = replace(_fixture_plans()[0], gemeente="Fictiefstad")
    assert "<dt>Gemeente</dt><dd>Fictiefstad</dd>" in plan_facts(plan, dt.date(2024, 6, 30))
    assert "<dt>Gemeente</dt>" not in plan_facts(replace(plan, gemeente=None), dt.date(2024, 6, 30))


def test_the_home_page_groups_plans_per_municipality_only_when_there_are_several():
    first, second = _fixture_plans()[:2]
    one = plans_overview([first, second], Links("index.md"), dt.date(2024, 6, 30), "Fictiefstad")
    assert "### Gemeente" not in one and one.count("<h3 ") == 2
    two = plans_overview([replace(first, gemeente="Anderstad"), second], Links("index.md"), dt.date(2024, 6, 30),
                         "Fictiefstad")
    assert two.index("### Gemeente Anderstad") < two.index(f'id="plan-{first.id}"') \
        < two.index("### Gemeente Fictiefstad") < two.index(f'id="plan-{second.id}"'), \
        "each plan under its municipality; a plan without one under the site's"
    assert two.count("<h4 ") == 2 and "<h3 " not in two


def test_every_real_plan_states_its_municipality(site_model):
    assert all(plan.gemeente for plan in site_model.plannen)


# --- General and local terms ----------------------------------------------------------------------


def test_the_glossary_marks_local_terms_and_counts_them():
    terms = (Term("WOZ", "afkorting", "Een belasting.", "waardering onroerende zaken"),
             Term("FST", "afkorting", "Een team van de gemeente.", "Fictief Stadsteam", gemeente="Fictiefstad"))
    html = glossary_page(terms)
    assert "1 begrip hoort alleen bij de gemeente Fictiefstad" in html
    assert re.search(r'<dt id="begrip-fst">.*Alleen in Fictiefstad</span></dt>', html)
    assert "Alleen in" not in html.split('<dt id="begrip-woz">')[1].split("</dt>")[0]


def test_every_local_term_is_marked_on_the_glossary_page(built_site, site_model):
    page = html_of(built_site, "begrippen.html")
    for term in site_model.begrippen:
        entry = page.select_one(f'dt[id="begrip-{slug(term.term)}"]')
        assert (f"Alleen in {term.gemeente}" in entry.get_text()) == bool(term.gemeente), term.term
