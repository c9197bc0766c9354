"""Shapes of plans beyond one plan answering one list (issue 10, items 3 and 7), on fictitious fixture plans:

- fictief-twee-rapporten: one plan answering two reports numbered 1-14 and 1-6 (aanbevelingen.yaml), one action
  answering recommendations of both;
- fictief-adviesbrief: a letter of numbered questions and remarks without subjects, with the municipality's
  answers, two commitments made in those answers as actions of their own, and a plan of three documents.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, add_plan, copy_project, html_of

from macros import render, views
from macros.loader import load_site
from macros.locations import Links, part_page, plan_page
from macros.plan_pages import made_pages
from macros.plan_refs import document_of
from macros.problems import PlanDataError
from macros.render_recommendations import documents_table, recommendations_page
from macros.render_status import progress_of
from macros.render_structures import advice_items

DATA = ROOT / "tests/fixtures/vormen/data"
PEIL = dt.date(2024, 6, 30)
REPORTS = "fictief-twee-rapporten"
LETTER = "fictief-adviesbrief"
WAIT = "Fictief onderzoek naar de wachttijden"
AUDIT = "Fictief rekenkameronderzoek naar de toegang"


@pytest.fixture(scope="module")
def site():
    return load_site(DATA, ROOT)


def text(html: str) -> str:
    """The words a reader sees; the bar's drawing is left out, as its sentences say what it shows."""
    soup = BeautifulSoup(html, "html.parser")
    for drawing in soup.select("svg"):
        drawing.decompose()
    return " ".join(soup.get_text(" ").split())


def sections(markdown: str, level: str) -> dict[str, str]:
    """The parts of a macro's output under each heading of this level, by the heading's anchor."""
    found = re.findall(rf"^{level} (.+?) \{{#([\w-]+)\}}\n(.*?)(?=^#{{2,3}} |\Z)", markdown, re.M | re.S)
    return {anchor: f"{title}\n{body}" for title, anchor, body in found}


def action_ids(html: str) -> list[str]:
    """The actions a piece of HTML links to, by the anchor of each link."""
    return [a["href"].rsplit("#actie-", 1)[1] for a in BeautifulSoup(html, "html.parser").select('a[href*="#actie-"]')]


# --- Two reports, many to many -------------------------------------------------------------------------------

def test_each_report_keeps_its_own_numbers_in_number_order(site):
    plan = site.plan(REPORTS)
    groups = [(source.id, [r.nummer for r in recs]) for source, recs in views.recommendations_by_report(plan)]
    assert groups == [("wachttijden", [str(n) for n in range(1, 15)]), ("rekenkamer", [str(n) for n in range(1, 7)])]


def test_the_page_lists_every_recommendation_with_its_words_response_and_actions(site):
    plan = site.plan(REPORTS)
    page = recommendations_page(plan, Links(plan_page(plan, "rapporten")), PEIL)
    assert re.findall(r"^## (.+)$", page, re.M) == [WAIT, AUDIT]
    found = sections(page, "###")
    assert list(found) == [f"aanbeveling-wachttijden-{n}" for n in range(1, 15)] + \
        [f"aanbeveling-rekenkamer-{n}" for n in range(1, 7)]
    for r in plan.aanbevelingen:
        section = found[f"aanbeveling-{r.rapport}-{r.nummer}"]
        assert section.startswith(f"Aanbeveling {r.nummer}\n")
        assert r.tekst in text(section)
        assert (r.reactie or "Niet vermeld in de stukken.") in text(section)
        assert action_ids(section) == [a.replace(".", "-") for a in r.acties]
        if not r.acties:
            assert "Het plan noemt bij deze aanbeveling geen actie." in text(section)
    audit_5 = text(found["aanbeveling-rekenkamer-5"])
    assert "1.1 Eén wachtlijst voor de hele gemeente Gestart volgens het plan van 13 februari 2024" in audit_5
    assert "1 actie: 1 gestart." in audit_5


def test_each_action_names_the_recommendations_it_answers_in_both_reports(site):
    plan = site.plan(REPORTS)
    links = Links(part_page(plan, "1"))
    details = render.action_details(plan, plan.actie("1.1"), links, site, PEIL)
    facts = BeautifulSoup(details.split("\n\n", 1)[1], "html.parser")
    answer = next(dt_.find_next_sibling("dd") for dt_ in facts.select("dt") if dt_.get_text() == "Aanbevelingen")
    assert " ".join(answer.get_text(" ").split()) == (
        f"Antwoord op aanbeveling 1 uit {WAIT} , aanbeveling 3 uit {WAIT} , aanbeveling 6 uit {WAIT} en "
        f"aanbeveling 5 uit {AUDIT} .")
    assert [a["href"] for a in answer.select("a")] == [
        "../rapporten.html#aanbeveling-wachttijden-1", "../rapporten.html#aanbeveling-wachttijden-3",
        "../rapporten.html#aanbeveling-wachttijden-6", "../rapporten.html#aanbeveling-rekenkamer-5"]


def test_every_link_shows_both_ways(site):
    plan = site.plan(REPORTS)
    page = sections(recommendations_page(plan, Links(plan_page(plan, "rapporten")), PEIL), "###")
    pairs = {(r.rapport, r.nummer, a) for r in plan.aanbevelingen for a in r.acties}
    assert len(pairs) == 15
    for action in plan.acties:
        links = Links(part_page(plan, action.onderdeel))
        details = render.action_details(plan, action, links, site, PEIL)
        shown = set(re.findall(r"#aanbeveling-([a-z]+)-(\d+)", details))
        assert shown == {(rapport, nummer) for rapport, nummer, a in pairs if a == action.id}, action.id
        for rapport, nummer in shown:
            assert action.id.replace(".", "-") in action_ids(page[f"aanbeveling-{rapport}-{nummer}"])


def test_an_action_answering_several_recommendations_counts_once_in_every_figure(site):
    plan = site.plan(REPORTS)
    assert sum(len(r.acties) for r in plan.aanbevelingen) == 15
    every = views.answering_actions(plan, plan.aanbevelingen)
    assert [a.id for a in every] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    progress = progress_of(plan, every, PEIL)
    assert progress.totaal == 5 and progress.per_status == (("gepland", 2), ("gestart", 2), ("afgerond", 1))
    per_report = {source.id: [a.id for a in views.answering_actions(plan, recs)]
                  for source, recs in views.recommendations_by_report(plan)}
    assert per_report == {"wachttijden": ["1.1", "1.2", "1.3", "2.1", "2.2"], "rekenkamer": ["1.1", "1.2", "2.1", "2.2"]}
    page = text(recommendations_page(plan, Links(plan_page(plan, "rapporten")), PEIL))
    assert page.startswith("Op deze pagina staan 20 aanbevelingen uit 2 rapporten. Daarop antwoorden 5 acties; "
                           "een actie die op meer aanbevelingen antwoordt, telt één keer. 5 acties: 2 gepland, "
                           "2 gestart, 1 afgerond.")
    assert f"{AUDIT} (Fictieve Rekenkamer, 20 november 2023): 6 aanbevelingen. Daarop antwoorden 4 acties" in page
    assert progress_of(plan, plan.acties, PEIL).totaal == 5, "the plan's own figures count each action once too"


# --- Refused, with file and line ------------------------------------------------------------------------------

@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def problems_after(data: Path, plan: str, name: str, old: str, new: str) -> list[tuple[str, int | None, str]]:
    path = data / "plannen" / plan / name
    original = path.read_text(encoding="utf-8")
    assert original.count(old) == 1, old
    path.write_text(original.replace(old, new), encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_site(data, data.parent)
    return [(p.file.name, p.line, p.message) for p in info.value.problems]


def line_of(data: Path, plan: str, name: str, needle: str) -> int:
    """The line on which needle (which may span lines) begins in the file as it is now."""
    content = (data / "plannen" / plan / name).read_text(encoding="utf-8")
    return content[:content.index(needle)].count("\n") + 1


@pytest.mark.parametrize("old, new, needle, message", [
    ("rapport: rekenkamer\n    nummer: 1\n", "rapport: rekenkamr\n    nummer: 1\n", "rapport: rekenkamr",
     "'rekenkamr' bij aanbeveling 1 uit rapport 'rekenkamr' is geen bekende bron."),
    ('tekst: Informeer de raad vaker over de toegang.\n    acties: ["2.2"]',
     'tekst: Informeer de raad vaker over de toegang.\n    acties: ["2.2", "9.9"]', '"9.9"',
     "'9.9' bij aanbeveling 1 uit rapport 'rekenkamer' is geen bekende actie."),
    ("rapport: wachttijden\n    nummer: 14\n", "rapport: wachttijden\n    nummer: 13\n", "nummer: 13\n    tekst: Kijk",
     "aanbeveling 13 uit rapport 'wachttijden' staat twee keer in het bestand"),
    ("tekst: Stel een norm voor de wachttijd vast.", "tekst: Stel een strenge norm voor de wachttijd vast.",
     "Stel een strenge norm", "deze tekst staat niet letterlijk in de bron"),
    ("reactie: De raad krijgt twee keer per jaar de cijfers.", "reactie: De raad krijgt vier keer per jaar de cijfers.",
     "vier keer per jaar", "deze tekst staat niet letterlijk in de bron"),
])
def test_the_loader_refuses_a_wrong_recommendation_with_file_and_line(data, old, new, needle, message):
    found = problems_after(data, REPORTS, "aanbevelingen.yaml", old, new)
    line = line_of(data, REPORTS, "aanbevelingen.yaml", needle)
    assert [(f, n) for f, n, text_ in found if message in text_] == [("aanbevelingen.yaml", line)], found


@pytest.mark.parametrize("name, old, new, needle, message", [
    ("adviezen.yaml", "    nummer: 3\n", "    nummer: 1\n", "nummer: 1\n    document: brief\n    tekst: Wij missen",
     "staat nummer 1 na nummer 2 van dezelfde brief"),
    ("adviezen.yaml", "    nummer: 5\n", "    nummer: 4\n", "nummer: 4\n    document: brief\n    tekst: Hoe lang",
     "staat nummer 4 twee keer in dezelfde brief"),
    ("adviezen.yaml", "    nummer: 5\n", "", "id: brief-5", "bij advies 'brief-5' ontbreekt 'onderwerp'"),
    ("adviezen.yaml", "toezeggingen: [T2]", "toezeggingen: [T3]", "toezeggingen: [T3]", "'T3' is geen bekende actie"),
    ("acties.yaml", "    document: brief\n    titel: Resultaten", "    document: brif\n    titel: Resultaten",
     "document: brif", "'brif' is geen bekend stuk"),
    ("adviezen.yaml", "antwoord: Dat hangt af van de aanvraag.", "antwoord: Dat hangt af van de wachtlijst.",
     "antwoord: Dat hangt af van de wachtlijst.", "deze tekst staat niet letterlijk in de bron"),
])
def test_the_loader_refuses_a_wrong_letter_with_file_and_line(data, name, old, new, needle, message):
    found = problems_after(data, LETTER, name, old, new)
    assert [(f, n) for f, n, t in found if message in t] == [(name, line_of(data, LETTER, name, needle))], found


def test_a_second_document_with_the_same_id_is_refused(data):
    found = problems_after(data, LETTER, "plan.yaml", "  - id: kwaliteitsplan", "  - id: brief")
    assert [(f, n) for f, n, t in found if "'brief' (stuk) komt twee keer voor" in t] == \
        [("plan.yaml", line_of(data, LETTER, "plan.yaml", "id: brief            # het stuk"))]


# --- A letter of numbered questions, and commitments made in the answers ----------------------------------------

def test_numbered_points_without_a_subject_keep_the_letters_order_and_link_their_commitments_both_ways(site):
    plan = site.plan(LETTER)
    page = advice_items(plan, Links(plan_page(plan, "adviezen")), PEIL)
    headings = re.findall(r"^### (.+)$", page, re.M)
    assert headings == ["Vraag 1 (Adviesraad Fictief) {#advies-brief-1}", "Vraag 2 (Adviesraad Fictief) {#advies-brief-2}",
                        "Opmerking 3 (Adviesraad Fictief) {#advies-brief-3}",
                        "Opmerking 4 (Adviesraad Fictief) {#advies-brief-4}",
                        "Vraag 5 (Adviesraad Fictief) {#advies-brief-5}"]
    found = sections(page, "###")
    answer_2 = text(found["advies-brief-2"])
    assert ("Gemeente Ja. Wij spreken de adviesraad twee keer per jaar over de uitvoering van het plan. "
            "Toezeggingen in dit antwoord T1 Twee keer per jaar overleg met de adviesraad Gepland") in answer_2
    assert "Acties bij dit punt" not in answer_2, "a commitment is not also listed as an action of the point"
    assert [action_ids(found[f"advies-brief-{n}"]) for n in range(1, 6)] == [["1-1"], ["t1"], ["2-1"], ["t2"], []]
    assert "Het plan noemt bij dit punt geen actie." in text(found["advies-brief-5"])
    for action_id, advice in (("T1", "brief-2"), ("T2", "brief-4")):
        action = plan.actie(action_id)
        details = render.action_details(plan, action, Links(part_page(plan, action.onderdeel)), site, PEIL)
        facts = BeautifulSoup(details, "html.parser")
        promised = next(d.find_next_sibling("dd") for d in facts.select("dt") if d.get_text() == "Toegezegd in het antwoord op")
        number = advice[-1]
        kind = "vraag" if number == "2" else "opmerking"
        assert [(a.get_text(), a["href"]) for a in promised.select("a")] == \
            [(f"Adviesraad Fictief: {kind} {number}", f"../adviezen.html#advies-{advice}")]
    other = render.action_details(plan, plan.actie("1.1"), Links(part_page(plan, "1")), site, PEIL)
    assert "Toegezegd" not in other and "Adviesraad Fictief: vraag 1" in text(other)


# --- A plan of several documents --------------------------------------------------------------------------------

def test_the_bundle_is_on_the_overview_and_each_action_and_part_names_its_document(site):
    plan = site.plan(LETTER)
    rows = [[c.get_text() for c in tr.select("th, td")] for tr in
            BeautifulSoup(documents_table(plan), "html.parser").select("tbody tr")]
    assert rows == [["Reactie op de brief van de Adviesraad Fictief", "brief", "2 april 2024", "College van Fictiedorp"],
                    ["Uitvoeringsplan Fictieve Toegang 2024", "uitvoeringsplan", "maart 2024", "Team Fictieve Toegang"],
                    ["Kwaliteitsplan Fictieve Toegang", "kwaliteitsplan", "2024", "Niet vermeld"]]
    overview = made_pages(plan, [])[0]
    assert overview.src == plan_page(plan) and '{{ documenten("fictief-adviesbrief") }}' in overview.body
    assert {a.id: document_of(plan, a).id for a in plan.acties} == {
        "1.1": "uitvoeringsplan", "1.2": "uitvoeringsplan", "2.1": "kwaliteitsplan", "T1": "brief", "T2": "brief"}
    details = text(render.action_details(plan, plan.actie("2.1"), Links(part_page(plan, "2")), site, PEIL))
    assert "Uit het stuk Kwaliteitsplan Fictieve Toegang (kwaliteitsplan, 2024)" in details
    part = text(render.part_page(plan, plan.onderdeel("1"), Links(part_page(plan, "1")), site, PEIL))
    assert "Uit het stuk Uitvoeringsplan Fictieve Toegang 2024 (uitvoeringsplan, Team Fictieve Toegang, maart 2024)" in part
    assert documents_table(site.plan(REPORTS)) == "<p>Dit plan is één stuk.</p>"


# --- Made pages ---------------------------------------------------------------------------------------------------

def test_the_recommendations_page_never_takes_the_address_of_a_parts_folder(site):
    plan = site.plan(REPORTS)
    made = {p.src: p for p in made_pages(plan, [])}
    page = made["fictief-twee-rapporten/rapporten.md"]
    assert page.title == "Aanbevelingen uit rapporten bij het plan Fictief twee rapporten"
    assert page.body == '{{ aanbevelingen("fictief-twee-rapporten") }}'
    as_recommendations = dataclasses.replace(plan, onderdeel_soort="aanbeveling", onderdeel_meervoud="aanbevelingen")
    addresses = [p.src for p in made_pages(as_recommendations, [])]
    assert "fictief-twee-rapporten/aanbevelingen/1.md" in addresses and "fictief-twee-rapporten/rapporten.md" in addresses
    assert "fictief-twee-rapporten/rapporten.md" not in [p.src for p in made_pages(site.plan(LETTER), [])]


# --- The real project with these plans added ------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from test_plan_folders import _build

    project = copy_project(tmp_path_factory.mktemp("vormen") / "project")
    for name in (REPORTS, LETTER):
        add_plan(project, DATA / "plannen" / name)
    result = _build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "uit"


def article(site: Path, page: str):
    return html_of(site, page).select_one("article")


def headings(page, tags: str = "h2, h3") -> list[str]:
    """The headings of a built page as a reader sees them, without the permalink sign."""
    return [h.get_text(" ", strip=True).removesuffix(" ¶") for h in page.select(tags)]


def test_the_built_site_has_the_made_pages_with_links_both_ways(built):
    page = article(built, f"{REPORTS}/rapporten.html")
    assert page.select_one("h1").get_text(strip=True) == "Aanbevelingen uit rapporten bij het plan Fictief twee rapporten"
    assert headings(page, "h2") == ["In het kort", WAIT, AUDIT]
    assert len(page.select('h3[id^="aanbeveling-"]')) == 20
    audit_5 = page.select_one("#aanbeveling-rekenkamer-5").find_next("dl")
    link = audit_5.select_one('a[href*="#actie-"]')
    assert link["href"] == "actielijnen/1.html#actie-1-1"
    action_page = built / REPORTS / "actielijnen/1.html"
    action = html_of(built, f"{REPORTS}/actielijnen/1.html").select_one("#actie-1-1").find_next("dl")
    targets = [a["href"] for a in action.select('a[href*="rapporten.html"]')]
    assert targets[-1] == "../rapporten.html#aanbeveling-rekenkamer-5" and len(targets) == 4
    assert (action_page.parent.parent / "rapporten.html").is_file()
    home = html_of(built, "index.html")
    assert home.select_one(f'.md-nav--primary a[href="{REPORTS}/rapporten.html"]'), "the page is in the menu"

    letter = article(built, f"{LETTER}/adviezen.html")
    assert headings(letter) == ["In het kort", "Vraag 1 (Adviesraad Fictief)", "Vraag 2 (Adviesraad Fictief)",
                                "Opmerking 3 (Adviesraad Fictief)", "Opmerking 4 (Adviesraad Fictief)",
                                "Vraag 5 (Adviesraad Fictief)"]
    overview = article(built, f"{LETTER}/index.html")
    assert headings(overview)[1:3] == ["Over dit plan", "De stukken van dit plan"]
    assert "Kwaliteitsplan Fictieve Toegang" in overview.select_one("table").get_text(" ")
    brief = html_of(built, f"{LETTER}/sporen/brief.html").select_one("#actie-t1").find_next("dl").get_text(" ")
    assert "Toegezegd in het antwoord op" in brief and "Adviesraad Fictief: vraag 2" in brief


@pytest.mark.parametrize("path", sorted((DATA / "plannen").rglob("*.*")), ids=lambda p: str(p.relative_to(DATA)))
def test_every_fixture_file_is_marked_as_made_up(path):
    assert path.read_text(encoding="utf-8").lstrip("# ").startswith("TESTGEGEVENS"), path
