"""The PDF per plan (scripts/plan_pdf.py): read back with pypdf, every action with its status, a cover, a table of
contents whose page numbers are right, "Pagina N van M" on every page, the B1 summaries, nothing screen-only, rows
never cut, and the same bytes on a second run.

One build of the project (the reference plans, the live plans, and the fixture plans with progress reports of
tests/fixtures/voortgang) on a peildatum after two of the three reports, printed once per plan. Live plans are
checked against what the built site and the data say; the fixture plan with reports also against fixed values.
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, add_plan, copy_project, html_of
from macros.action_state import GEEN_RECENTE_INFORMATIE, TE_LAAT, state
from macros.dutch import datum
from macros.release_info import Publication, stand_on, to_json
from macros.render_status import STATUS_LABEL
from scripts.plan_pdf import MenuEntry, _config, compose, cover_of, make_plan_pdfs, plan_menu, plan_parts
from test_print import Row, _squash, missing_from_print, overflow_in_print

VOORTGANG = ROOT / "tests" / "fixtures" / "voortgang" / "data" / "plannen"
PEILDATUM = dt.date(2024, 12, 31)  # after the reports of June and September 2024, before the one of March 2025
STAND = stand_on(PEILDATUM)  # printed as a release: "Stand december 2024"
A4 = (595.3, 841.9)  # points
SCREEN_ONLY = ("Lees voor", "Lees de hele pagina voor", "Naar de inhoud", "Link naar dit deel", "¶",
               "Bewerk deze pagina", "Bewerk de gegevens", "Alles tonen", "Alleen te laat", "Inhoudsopgave", "Zoeken")


class Printed:
    def __init__(self, project: Path, site: Path, model, before: dict[str, str], log: str):
        self.project, self.site, self.model, self.overviews_before, self.log = project, site, model, before, log
        self.paths = sorted(site.glob("*/*.pdf"))
        self.bytes = {path.parent.name: path.read_bytes() for path in self.paths}
        self.pages = {plan: [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]
                      for plan, pdf in self.bytes.items()}

    def reader(self, plan_id: str) -> PdfReader:
        return PdfReader(io.BytesIO(self.bytes[plan_id]))


def _run(*arguments, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "plan_pdf.py"), *map(str, arguments)],
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Printed:
    """The project with the fixture plans, built on PEILDATUM and printed as the release 'Stand december 2024',
    the way the release command does: `mkdocs build --strict`, then the script, with PVA_PUBLICATIE set."""
    from macros.loader import load_site

    folder = tmp_path_factory.mktemp("pdf")
    project = copy_project(folder / "project")
    for plan in ("fictief-voortgang", "fictief-historisch"):
        add_plan(project, VOORTGANG / plan)
    site = project / "gebouwd"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM.isoformat()}
    env.pop("PVA_PUBLICATIE", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    model = load_site(project / "data", project)
    before = {plan.id: (site / plan.id / "index.html").read_text(encoding="utf-8") for plan in model.plannen}
    release = folder / "publicatie.json"
    release.write_text(to_json(Publication(STAND)), encoding="utf-8")
    env = {**env, "PVA_PUBLICATIE": str(release)}
    env.pop("PEILDATUM")
    result = _run("--site-dir", site, "--project-dir", project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return Printed(project, site, model, before, result.stdout)


@functools.lru_cache(maxsize=None)
def _article(site: Path, page: str):
    """The article of a built page as a reader sees it (no hidden expansions of abbreviations); read once."""
    text = (site / page).read_text(encoding="utf-8")
    soup = BeautifulSoup(re.search(r"<article\b.*?</article>", text, re.S)[0], "html.parser")
    for hidden in soup.select(".pva-sr"):
        hidden.decompose()
    return soup.article


def _plans(printed: Printed):
    return printed.model.plannen


def _all_actions_rows(site: Path, plan) -> list[Row]:
    """The rows of the plan's table of all actions, with the words its status on the peildatum shows."""
    name = f"{plan.id}/acties.html"
    rows = []
    for table in html_of(site, name).select("article table"):
        caption = _squash(table.find("caption").get_text(" ")) if table.find("caption") else ""
        if not caption.startswith("Alle acties"):
            continue
        for tr in table.select("tbody tr"):
            action_id = tr.select_one('th[scope="row"]').get_text(" ", strip=True).split()[0]
            action = next(a for a in plan.acties if a.id == action_id)
            shown = state(plan, action, PEILDATUM)
            words = (STATUS_LABEL[shown.status],) + (("Te laat",) if shown.timing == TE_LAAT else ()) + \
                (("geen recente informatie",) if shown.timing == GEEN_RECENTE_INFORMATIE else ())
            text = tr.get_text(" ", strip=True).lower()
            assert all(w.lower() in text for w in words), (plan.id, action_id, words, text)  # the site shows it
            rows.append(Row(caption, action_id, words))
    return rows


def test_every_plan_has_a_pdf_linked_from_its_overview_with_its_size_and_pages(printed):
    assert sorted(printed.bytes) == sorted(plan.id for plan in _plans(printed))
    for plan in _plans(printed):
        path = printed.site / plan.id / f"{plan.id}.pdf"
        assert f"PDF gemaakt: {path} ({len(printed.pages[plan.id])} pagina's)" in printed.log
        assert 'class="pva-pdf"' not in printed.overviews_before[plan.id], "an ordinary build has no PDF link"
        links = html_of(printed.site, f"{plan.id}/index.html").select("article p.pva-pdf a")
        assert [a["href"] for a in links] == [f"{plan.id}.pdf"], plan.id
        paragraph = _squash(links[0].parent.get_text(" "))
        pages = len(printed.pages[plan.id])
        assert paragraph.startswith("Download dit plan als PDF") and f"{pages} pagina's)" in paragraph, paragraph
        assert re.search(r"\(\d[\d.]*(,\d)? (kB|MB),", paragraph), paragraph
        # Right under "In het kort": the link comes before the page's first own heading.
        html = (printed.site / plan.id / "index.html").read_text(encoding="utf-8")
        assert html.index("pva-kort") < html.index('class="pva-pdf"') < html.index("<h2", html.index('class="pva-pdf"'))


def test_every_action_is_printed_with_the_status_the_site_shows(printed):
    for plan in _plans(printed):
        rows = _all_actions_rows(printed.site, plan)
        assert sorted(r.action for r in rows) == sorted(a.id for a in plan.acties), plan.id
        assert missing_from_print(rows, printed.pages[plan.id]) == [], plan.id


def test_the_fixture_plan_prints_the_statuses_of_its_reports_up_to_the_peildatum(printed):
    """Exact values: the reports of June and September count, the one of March 2025 is not yet known."""
    expected = {"A1": ("Gestart", "Te laat"), "A2": ("Gestart",), "A3": ("Gestart", "Te laat"), "A4": ("Gestart",),
                "A5": ("Gepland", "geen recente informatie"), "A6": ("Gestart", "geen recente informatie"),
                "A7": ("Gepland",), "A8": ("Gestart", "geen recente informatie")}
    plan = next(p for p in _plans(printed) if p.id == "fictief-voortgang")
    caption = _all_actions_rows(printed.site, plan)[0].table
    rows = [Row(caption, action, words) for action, words in expected.items()]
    pages = printed.pages[plan.id]
    assert missing_from_print(rows, pages) == []
    text = _squash(" ".join(pages))
    assert "Tweede fictieve rapportage" in text
    assert "Derde fictieve rapportage" not in text and "Fictieve raadsmededeling 3" not in text, "a later report"


def test_the_cover_names_the_plan_its_municipality_the_peildatum_and_its_sources(printed):
    for plan in _plans(printed):
        cover = _squash(printed.pages[plan.id][0])
        assert _squash(plan.titel) in cover, plan.id
        assert f"Gemeente {plan.gemeente or 'Deventer'}" in cover, plan.id
        assert f"Stand op {datum(PEILDATUM)}" in cover and STAND.titel in cover, plan.id
        if plan.nummer:
            assert plan.nummer in cover, plan.id
    cover = _squash(printed.pages["fictief-voortgang"][0])
    assert "Eerste fictieve rapportage: stand op 15 juni 2024, uit Fictieve raadsmededeling 1, nummer F-1" in cover
    assert "Tweede fictieve rapportage: stand op 30 september 2024" in cover
    assert "Derde" not in cover
    assert "geen voortgangsrapportage verwerkt" in _squash(printed.pages["fictief-historisch"][0])


def test_the_table_of_contents_lists_every_page_of_the_plan_on_the_page_it_starts(printed):
    for plan in _plans(printed):
        pages = printed.pages[plan.id]
        assert _squash(pages[1]).startswith("Inhoud"), plan.id
        menu = plan_menu(printed.site, plan.id)
        on_site = sorted(p.relative_to(printed.site).as_posix() for p in (printed.site / plan.id).rglob("*.html"))
        assert sorted(menu.pages()) == on_site, "every page of the plan is in the PDF"
        toc = _squash(" ".join(pages[1:4]))
        previous = 0
        for page in menu.pages():
            title = _squash(_article(printed.site, page).find("h1").get_text(" "))
            found = re.search(re.escape(title) + r"\s*(\d+)\b", toc)
            assert found, (plan.id, title)
            number = int(found[1])
            assert number > previous, (plan.id, title, number)
            assert _squash(pages[number - 1]).startswith(title), (plan.id, title, number, pages[number - 1][:80])
            previous = number


def test_every_page_says_pagina_n_van_m_and_is_a4(printed):
    for plan in _plans(printed):
        pages = printed.pages[plan.id]
        for n, text in enumerate(pages, 1):
            assert f"Pagina {n} van {len(pages)}" in text, (plan.id, n)
        for page in printed.reader(plan.id).pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert abs(size[0] - A4[0]) < 1.5 and abs(size[1] - A4[1]) < 1.5, (plan.id, size)


def test_every_page_of_the_plan_keeps_its_b1_summary(printed):
    for plan in _plans(printed):
        text = _squash(" ".join(printed.pages[plan.id]))
        for page in plan_menu(printed.site, plan.id).pages():
            summary = _article(printed.site, page).select_one(".pva-kort__tekst")
            assert summary is not None, page
            assert _squash(summary.get_text(" ")) in text, page
        assert text.count("In het kort") >= len(plan_menu(printed.site, plan.id).pages())


def test_nothing_screen_only_is_printed(printed):
    for plan in _plans(printed):
        text = _squash(" ".join(printed.pages[plan.id]))
        # Labels of the filter forms on the plan's pages, where they are not also words of the content.
        labels = set()
        for page in plan_menu(printed.site, plan.id).pages():
            article = _article(printed.site, page)
            forms = " ".join(form.get_text(" ") for form in article.select("form"))
            content = _squash(article.get_text(" ").replace(forms, ""))
            labels |= {_squash(label.get_text(" ")) for label in article.select("form label, form legend")
                       if _squash(label.get_text(" ")) not in content}
        shown = [t for t in (*SCREEN_ONLY, *labels) if t and t in text]
        assert shown == [], plan.id
        assert "Download dit plan als PDF" not in text


def test_links_stay_inside_the_document_or_go_to_the_web(printed):
    """A link to another page of the plan becomes a link inside the PDF; no link points at a file on disk."""
    for plan in _plans(printed):
        inside = 0
        for page in printed.reader(plan.id).pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                action = annotation.get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                if uri is not None:
                    assert str(uri).startswith(("https://", "http://", "mailto:")), (plan.id, uri)
                else:
                    inside += "/Dest" in annotation or action is not None
        assert inside, f"{plan.id}: the table of contents links to the parts"


def test_drawings_are_printed(printed):
    """The words inside the SVG drawings (timeline axes, progress charts) are in the PDF: the drawings rendered."""
    drawn = 0
    for plan in _plans(printed):
        text = re.sub(r"\s+", "", "".join(printed.pages[plan.id]))
        for page in plan_menu(printed.site, plan.id).pages():
            for label in _article(printed.site, page).select("svg text"):
                word = re.sub(r"\s+", "", label.get_text())
                if word:
                    assert word in text, (plan.id, page, word)
                    drawn += 1
    assert drawn, "no plan has a drawing with text: the timeline of the fixture plan should"


def test_nothing_is_wider_than_the_paper(printed, browser, tmp_path):
    config = _config(printed.project)
    for plan in _plans(printed):
        menu = plan_menu(printed.site, plan.id)
        document = compose(printed.site, menu, cover_of(plan, PEILDATUM, None, config),
                           plan_parts(printed.site, menu), {})
        (tmp_path / f"{plan.id}.html").write_text(document, encoding="utf-8")
        assert overflow_in_print(tmp_path, f"{plan.id}.html", browser) == [], plan.id


def test_the_pdf_is_tagged_has_bookmarks_and_says_what_it_is(printed):
    for plan in _plans(printed):
        reader = printed.reader(plan.id)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "nl" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
        titles = [item.title for item in reader.outline if not isinstance(item, list)]
        assert titles[0] == plan.titel, plan.id  # the cover; a title on two lines keeps its space
        for page in plan_menu(printed.site, plan.id).pages():
            assert _squash(_article(printed.site, page).find("h1").get_text(" ")) in titles, (plan.id, page)
        meta = reader.metadata
        assert meta.title == plan.titel and meta["/Subject"].endswith(f"stand op {datum(PEILDATUM)}")
        assert meta["/CreationDate"] == meta["/ModDate"] == f"D:{PEILDATUM:%Y%m%d}000000+00'00'"
        assert len(reader.trailer["/ID"]) == 2


def test_a_second_run_gives_the_same_bytes_and_one_link(printed):
    # Another history than the first run, where other plans were printed before it: the bytes must not depend on
    # it (Chromium numbers the table headers of a tagged PDF with ids that do).
    again = ["fictief-voortgang"]
    assert b"/ID (node" in printed.bytes["fictief-voortgang"], "the fixture plan has table headers with ids"
    make_plan_pdfs(printed.site, printed.project, PEILDATUM, plans=again, publication=Publication(STAND))
    for plan_id in again:
        assert (printed.site / plan_id / f"{plan_id}.pdf").read_bytes() == printed.bytes[plan_id], plan_id
        assert len(html_of(printed.site, f"{plan_id}/index.html").select("p.pva-pdf")) == 1


@pytest.mark.parametrize("arguments, message", [
    (["--chromium", "/geen/chromium"], "Installeer Chromium: apt-get install chromium"),
    (["--plan", "bestaat-niet"], "Onbekend plan: bestaat-niet"),
    (["--peildatum", "31-12-2024"], "Schrijf JJJJ-MM-DD"),
    (["--peildatum", "2024-06-30"], "niet die van de publicatie Stand december 2024"),
])
def test_problems_are_said_in_dutch_without_a_traceback(printed, tmp_path, arguments, message):
    release = tmp_path / "publicatie.json"
    release.write_text(to_json(Publication(STAND)), encoding="utf-8")
    result = _run("--site-dir", printed.site, "--project-dir", printed.project, *arguments,
                  env={**os.environ, "PVA_PUBLICATIE": str(release)})
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_site_that_was_not_built_is_said_in_dutch(tmp_path):
    result = _run("--site-dir", tmp_path)
    assert result.returncode == 1
    assert "Bouw eerst de site" in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_page_is_made_fit_for_one_document(tmp_path):
    """Without a build: ids made unique per page, links inside the plan become anchors, other links text,
    pictures keep their file, folded text is unfolded, and buttons, forms and permalinks are gone."""
    site = tmp_path / "site"
    (site / "plan" / "delen").mkdir(parents=True)
    (site / "plan" / "plaatje.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (site / "plan" / "index.html").write_text(
        '<html><body><article class="md-content__inner md-typeset"><h1>Overzicht</h1>'
        '<h2 id="over">Over<a class="headerlink" href="#over">¶</a></h2>'
        '<section class="pva-kort" aria-labelledby="over"><p>Kort.</p></section>'
        '<p><a href="delen/1.html#actie-a">Actie A</a>, <a href="../acties.html">alle plannen</a>, '
        '<a href="#over">boven</a>, <a href="https://example.org/x">bron</a>, <a href="#weg">kwijt</a></p>'
        '<img src="plaatje.svg" alt="Schema" loading="lazy"><details><summary>Meer</summary>Tekst</details>'
        '<form class="pva-filters"><label>Filter</label></form><button>Lees voor</button>'
        '</article></body></html>', encoding="utf-8")
    (site / "plan" / "delen" / "1.html").write_text(
        '<article class="md-content__inner md-typeset"><h1>Deel <abbr title="een">1</abbr>'
        '<span class="pva-sr"> (een)</span></h1><h3 id="actie-a">A</h3>'
        '<a href="../index.html">terug</a></article>', encoding="utf-8")
    parts = MenuEntry("Delen", None, (MenuEntry("Deel 1", "plan/delen/1.html"),))
    menu = MenuEntry("Plan", "plan/index.html", (parts,))
    overview, part = plan_parts(site, menu)
    soup = BeautifulSoup(overview.article, "html.parser")
    assert soup.article["id"] == "pdf-index" and overview.title == "Overzicht"
    assert soup.find("h2")["id"] == "pdf-index--over" and soup.section["aria-labelledby"] == "pdf-index--over"
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links == {"Actie A": "#pdf-delen-1--actie-a", "boven": "#pdf-index--over", "bron": "https://example.org/x"}
    assert "alle plannen" in soup.get_text() and "kwijt" in soup.get_text()  # as text, without a link
    assert soup.img["src"] == (site / "plan" / "plaatje.svg").as_uri() and not soup.img.get("loading")
    assert soup.details.has_attr("open")
    assert not soup.select("form, button, .headerlink") and "Lees voor" not in soup.get_text()
    assert part.title == "Deel 1" and part.headings == ("Deel 1", "A")
    assert BeautifulSoup(part.article, "html.parser").a["href"] == "#pdf-index"
