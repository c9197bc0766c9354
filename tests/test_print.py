"""Printing: pages printed to PDF by Chromium hold every action with its status, and nothing of the screen-only parts.

The expected actions and statuses come from the built HTML rows and the data (action_state), so the
tests follow the data. The last test removes the print stylesheet and checks that the checks then fail.
"""
from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import PEILDATUM, busiest_part, html_of, part_pages_by_size
from macros.action_state import TE_LAAT, state
from macros.render_status import STATUS_LABEL

# A4 at 96 dpi is 794 px wide; print.css leaves 10 mm on both sides: 718 px of content.
PRINT_WIDTH = 718
PAGE_BREAK = "\f"

# Screen-only text the print must not show: the read-aloud buttons, the filter form, the skip link, the TOC title.
SCREEN_ONLY = ("Lees voor", "Lees de hele pagina voor", "Alles tonen", "Alleen te laat", "Ga naar inhoud",
               "Inhoudsopgave", "Navigatie", "Zoeken")


@dataclass(frozen=True)
class Row:
    table: str  # the caption, to find the table in the PDF text
    action: str
    words: tuple[str, ...]  # the status words the row shows, e.g. ("Gestart",) or ("Gestart", "Te laat")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _id_pattern(action_id: str) -> re.Pattern:
    # "II" must not match inside "III.a", nor "1.1" inside "1.10".
    return re.compile(r"(?<![A-Za-z0-9.])" + re.escape(action_id) + r"(?![A-Za-z0-9]|\.[A-Za-z0-9])")


def status_rows(site: Path, name: str, model) -> list[Row]:
    """Rows that show an action and its status, in page order, with the words the data says they show."""
    plans = {p.id: p for p in model.plannen}
    date = dt.date.fromisoformat(PEILDATUM)
    rows = []
    for table in html_of(site, name).select("article table"):
        caption = table.find("caption")
        for tr in table.select("tbody tr"):
            link = tr.select_one('th[scope="row"] a[href*="#actie-"]')
            if link is None:
                continue
            text = tr.get_text(" ", strip=True).lower()
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), link["href"].split("#")[0] or name))
            plan = plans[target.split("/")[0]]
            action = next(a for a in plan.acties if a.id == link.get_text(" ", strip=True).split()[0])
            shown = state(plan, action, date)
            words = (STATUS_LABEL[shown.status],) + (("Te laat",) if shown.timing == TE_LAAT else ())
            if not any(w.lower() in text for w in STATUS_LABEL.values()):
                continue  # a table without status, such as the RACI matrix
            assert all(w.lower() in text for w in words), (name, action.id, words, text)
            rows.append(Row(_squash(caption.get_text(" ", strip=True)) if caption else "", action.id, words))
    return rows


def printed_pages(site: Path, name: str, browser, *, voice: bool = True) -> list[str]:
    """The page printed to A4 PDF as a resident's browser would, as text per paper page."""
    page = browser.new_page()
    try:
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
        if voice:  # as on a computer with a Dutch voice: the read-aloud buttons are shown on screen
            page.evaluate("document.querySelectorAll('[data-voorlees]').forEach(e => { e.hidden = false; })")
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        page.close()
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def missing_from_print(rows: list[Row], pages: list[str]) -> list[str]:
    """Rows whose action id and status are not printed together on one paper page.

    The PDF text does not always follow the reading order (a table that runs over a page break may come
    after what follows it), so every place the id is printed after the table's caption is tried: the
    row is there when the status words follow the id before the next row's id, on the same page.
    """
    text = PAGE_BREAK.join(_squash(p) for p in pages)
    problems = []
    for i, row in enumerate(rows):
        start = text.find(row.table) if row.table else 0
        if start < 0:
            problems.append(f"caption '{row.table}' not printed")
            start = 0
        following = rows[i + 1] if i + 1 < len(rows) and rows[i + 1].table == row.table else None
        candidates = list(_id_pattern(row.action).finditer(text, start))
        if not candidates:
            problems.append(f"{row.action}: id not printed")
            continue

        def shown(found, across_pages: bool) -> bool:
            end = len(text) if across_pages else text.find(PAGE_BREAK, found.end()) % (len(text) + 1)
            if following:
                after = _id_pattern(following.action).search(text, found.end(), end)
                end = after.start() if after else end
            return all(w.lower() in text[found.end():end].lower() for w in row.words)

        if not any(shown(f, across_pages=False) for f in candidates):
            across = any(shown(f, across_pages=True) for f in candidates)
            problems.append(f"{row.action}: " + ("row split over two paper pages" if across
                                                 else f"status {'/'.join(row.words)} not printed with its row"))
    return problems


def overflow_in_print(site: Path, name: str, browser) -> list[str]:
    """Elements wider than the paper, or content hidden in a scroll box, with print styles at A4 content width."""
    page = browser.new_page()
    try:
        page.set_viewport_size({"width": PRINT_WIDTH, "height": 1000})
        page.emulate_media(media="print")
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
        return page.evaluate("""() => {
            const d = document.documentElement, width = d.clientWidth, out = [];
            if (d.scrollWidth > width + 1) out.push(`page ${d.scrollWidth} px wide`);
            for (const el of document.querySelectorAll('.md-content *')) {
                if (el.closest('.pva-sr')) continue;  // screen-reader text: clipped to 1 px on purpose
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                const what = `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''}`;
                if (r.right > width + 1) out.push(`${what} ends at ${Math.round(r.right)} px`);
                const style = getComputedStyle(el);
                if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
                    out.push(`${what} hides ${el.scrollWidth - el.clientWidth} px in a scroll box`);
            }
            return out;
        }""")
    finally:
        page.close()


def _pages(built_site: Path, site_model) -> list[str]:
    plan_pages = [f"{p.id}/acties.html" for p in site_model.plannen if (built_site / p.id / "acties.html").exists()]
    assert plan_pages, "no plan has an actions page"
    return ["acties.html", *plan_pages, busiest_part(site_model)[2], "tijdlijn.html"]


@pytest.fixture(scope="module")
def printed(built_site, site_model, browser):
    return {name: printed_pages(built_site, name, browser) for name in _pages(built_site, site_model)}


def test_every_action_is_printed_with_its_status(built_site, site_model, printed):
    for name, pages in printed.items():
        rows = status_rows(built_site, name, site_model)
        assert rows, name
        assert missing_from_print(rows, pages) == [], name


def test_the_printed_pages_cover_all_actions(built_site, site_model):
    """The expected rows are not a lucky subset: each page lists what the data says it must."""
    every = {(p.id, a.id) for p in site_model.plannen for a in p.acties}
    assert {r.action for r in status_rows(built_site, "acties.html", site_model)} == {a for _, a in every}
    for plan in site_model.plannen:
        name = f"{plan.id}/acties.html"
        if (built_site / name).exists():
            shown = [r.action for r in status_rows(built_site, name, site_model)
                     if r.table.startswith("Alle acties")]
            assert sorted(shown) == sorted(a.id for a in plan.acties), name
    plan, part, name = busiest_part(site_model)
    on_page = {r.action for r in status_rows(built_site, name, site_model)}
    assert on_page == {a.id for a in plan.acties if a.onderdeel == part.id}
    timeline = {r.action for r in status_rows(built_site, "tijdlijn.html", site_model)}
    assert timeline and timeline <= {a for _, a in every}


def test_print_shows_no_navigation_buttons_or_filters(built_site, printed):
    for name, pages in printed.items():
        text = _squash(" ".join(pages))
        soup = html_of(built_site, name)
        article = _squash(soup.select_one("article").get_text(" "))
        # Navigation labels that are not also words of the page's own content.
        nav_only = {_squash(a.get_text(" ")) for a in soup.select("nav.md-nav--primary a")} - {""}
        nav_only = {label for label in nav_only if label not in article}
        assert nav_only, name
        shown = [t for t in (*SCREEN_ONLY, *nav_only) if t in text]
        assert shown == [], name


def _outside_links(site: Path, name: str) -> list[str]:
    soup = html_of(site, name)
    return [a["href"] for a in soup.select('article a[href^="http"]') if not a.find_parent("table")]


def test_outside_links_print_their_address_and_inside_links_do_not(built_site, printed, fixture_site, browser):
    """A part page that links outside the site, on the site with the fixture plans (one of which does)."""
    site = fixture_site.site
    linking = [name for _, _, name in part_pages_by_size(fixture_site.model) if _outside_links(site, name)]
    assert linking, "no part page links outside the site: the fixture plan fictief-compleet should"
    name = linking[0]
    text = re.sub(r"\s+", "", "".join(printed_pages(site, name, browser)))
    for href in _outside_links(site, name):
        assert href in text
    for pages in printed.values():
        flat = re.sub(r"\s+", "", "".join(pages))
        assert "(#" not in flat and ".html)" not in flat


def test_nothing_printed_is_wider_than_the_paper(built_site, site_model, browser):
    problems = {name: overflow_in_print(built_site, name, browser) for name in _pages(built_site, site_model)}
    assert {n: p for n, p in problems.items() if p} == {}


def test_the_checks_fail_without_the_print_stylesheet(built_site, site_model, browser, tmp_path):
    """Guards the guard: with print.css emptied, the status column is cut and tables overflow."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "stylesheets" / "print.css").write_text("", encoding="utf-8")
    name = "acties.html"
    assert missing_from_print(status_rows(site, name, site_model), printed_pages(site, name, browser))
    assert overflow_in_print(site, name, browser)


def test_a_plan_that_runs_for_years_prints_its_timeline_within_the_paper(tmp_path, browser):
    """The fixture plan with pijlers runs into 2026: the timeline's drawings scale down instead of overflowing."""
    from conftest import ROOT, add_plan, copy_project
    from test_plan_folders import _build

    project = copy_project(tmp_path / "project")
    add_plan(project, ROOT / "tests/fixtures/pijlers/data/plannen/fictief-pijlers")
    result = _build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2026" in (project / "uit/tijdlijn.html").read_text(encoding="utf-8"), "the axis reaches 2026"
    assert overflow_in_print(project / "uit", "tijdlijn.html", browser) == []
