"""Pages every government site has, and two small defects (issue 8, items 5 and 8).

The accessibility statement, privacy and contact pages with their footer links, a Dutch 404 page that is
styled from a folder and from a web server at any depth, the home page's heading, unique page titles,
and the all-actions filters: they agree with the table after Back, and showing them moves nothing.
"""
from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import os
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, first_plan_with, html_of

PLACEHOLDER = "nog niet ingevuld"
FOOTER_PAGES = {"Toegankelijkheid": "toegankelijkheid.html", "Privacy": "privacy.html", "Contact": "contact.html"}


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def head_title(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.head.title.get_text(strip=True)


# --- Footer -------------------------------------------------------------------------------------


def test_every_page_has_footer_links_that_resolve(built_site):
    for path in all_pages(built_site):
        if path.name == "404.html":
            continue  # absolute addresses, checked with a web server below
        links = {a.get_text(strip=True): a["href"]
                 for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("footer .pva-footer-links a")}
        assert set(links) == set(FOOTER_PAGES), f"{path}: footer links {links}"
        for label, href in links.items():
            target = (path.parent / unquote(urlparse(href).path)).resolve()
            assert target == (built_site / FOOTER_PAGES[label]).resolve() and target.is_file(), f"{path}: {href}"


def test_the_footer_links_are_a_named_navigation_landmark(built_site, site_model):
    nav = html_of(built_site, f"{site_model.plannen[0].id}/index.html").select_one("footer nav.pva-footer-links")
    assert nav is not None and nav.get("aria-label"), "screen-reader users find the footer links as a landmark"


# --- Accessibility statement, privacy, contact ---------------------------------------------------


def test_accessibility_statement_follows_the_model_and_states_status_c(built_site):
    soup = html_of(built_site, "toegankelijkheid.html")
    headings = [h.get_text(" ", strip=True).rstrip(" ¶") for h in soup.select("article h2")]
    for part in ("Over deze verklaring", "Hoe toegankelijk is de site?", "Wat wij hebben gedaan",
                 "Wat nog niet goed is", "Wat wij gaan doen", "Werkt iets niet? Laat het ons weten",
                 "Niet tevreden met het antwoord?"):
        assert part in headings, f"missing section {part!r} in {headings}"
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "Status C: eerste maatregelen genomen" in text
    for fact in ("axe-core", "1280", "375", "Tab-toets", "Lighthouse", "niet getest met een echte schermlezer",
                 "Datum van deze verklaring"):
        assert fact in text, fact
    assert soup.select_one('article a[href="contact.html"]') is not None


def test_what_the_statement_says_the_tests_do_is_what_they_do():
    """The research section names widths and tools; the test files must still do exactly that."""
    tests = Path(__file__).resolve().parent
    accessibility = (tests / "test_accessibility.py").read_text(encoding="utf-8")
    assert "WIDTHS = (1280, 375)" in accessibility and "axe-core/axe.min.js" in accessibility
    assert "wcag22aa" in accessibility and '"width": 320' in accessibility
    assert '"Tab"' in (tests / "test_keyboard.py").read_text(encoding="utf-8")
    lock = (tests.parent / "package-lock.json").read_text(encoding="utf-8")
    assert '"node_modules/axe-core": {\n      "version": "4.' in lock


def test_facts_not_in_the_repository_show_an_honest_placeholder(built_site):
    extra = config()["extra"]
    assert not any(extra["contact"].values()) and not any(extra["toegankelijkheid"].values()), \
        "a value was filled in: update this test and the report, the pages now show it"
    contact = html_of(built_site, "contact.html").select_one("article").get_text(" ", strip=True)
    assert contact.count(PLACEHOLDER) >= 5, contact
    statement = html_of(built_site, "toegankelijkheid.html").select_one("article").get_text(" ", strip=True)
    assert statement.count(PLACEHOLDER) >= 6
    assert "@" not in contact, "no made-up e-mail address"


def _set_extra(project: Path, values: dict[str, str]) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        old = f"    {key}:"
        assert text.count(old) == 1, key
        line = next(line for line in text.splitlines() if line.startswith(old))
        text = text.replace(line, f"    {key}: {value}")
    path.write_text(text, encoding="utf-8")


def test_filled_in_facts_replace_the_placeholder(project_copy):
    _set_extra(project_copy, {"email": "toegankelijkheid@voorbeeld.invalid", "telefoon": "'0000 000 000'",
                              "organisatie": "Voorbeeldorganisatie", "adres": "Postbus 0, 0000 AA Nergens",
                              "reactietermijn": "5 werkdagen", "datum": "1 januari 2000",
                              "register": "https://voorbeeld.invalid/verklaring", "ombudsman": "Voorbeeldombudsman"})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": "2024-06-30"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
                            cwd=project_copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("contact.html", "toegankelijkheid.html"):
        soup = html_of(project_copy / "site", name)
        text = soup.select_one("article").get_text(" ", strip=True)
        assert PLACEHOLDER not in text, name
        assert soup.select_one('article a[href="mailto:toegankelijkheid@voorbeeld.invalid"]') is not None, name
    statement = html_of(project_copy / "site", "toegankelijkheid.html").get_text(" ", strip=True)
    assert "1 januari 2000" in statement and "Voorbeeldombudsman" in statement


def test_privacy_page_says_what_the_site_does(built_site):
    text = html_of(built_site, "privacy.html").select_one("article").get_text(" ", strip=True)
    for claim in ("Geen cookies", "Geen tracking", "Niets van andere partijen", "local storage", "Lees voor"):
        assert claim in text, claim


def test_the_site_stores_nothing_in_the_browser(browser, built_site, site_model):
    """What privacy.md promises: after reading, filtering and searching there are no cookies and no storage."""
    plan = site_model.plannen[0].id
    page = browser.new_page()
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        for name in ("index.html", f"{plan}/index.html", "begrippen.html"):
            page.goto((built_site / name).as_uri())
        page.goto((built_site / "acties.html").as_uri())
        page.select_option("form.pva-filters select[name=plan]", plan)
        page.locator("input.md-search__input").click()
        page.keyboard.type("werksessies", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        stored = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]")
        assert stored == [[], [], ""], stored
        assert browser.cookies() == []
    finally:
        page.close()


# --- Titles and the home page --------------------------------------------------------------------


def test_home_page_heading_and_title_are_the_sites_name(built_site):
    name = config()["site_name"]
    soup = html_of(built_site, "index.html")
    assert [h.get_text(strip=True) for h in soup.select("article h1")] == [name]
    assert head_title(built_site / "index.html") == name
    menu = [a.get_text(strip=True) for a in soup.select(".md-nav--primary > .md-nav__list > .md-nav__item > a")]
    assert "Home" not in menu and menu[0] == name, "the home page is named after the site (macros/site_config_hooks.py)"


def test_every_built_page_has_a_unique_title_and_heading(built_site, site_model):
    """Read from every built page, the 404 page included: tabs, history and screen readers tell them apart."""
    titles, headings = defaultdict(list), defaultdict(list)
    pages = all_pages(built_site)
    for path in pages:
        name = str(path.relative_to(built_site))
        titles[head_title(path)].append(name)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for h1 in soup.select("article h1"):
            headings[h1.get_text(" ", strip=True)].append(name)
    from macros.plan_pages import plan_site

    from macros.render_changes import PAGE as CHANGES_PAGE  # made for the whole site (macros/changes_hooks.py)

    written, made = list((ROOT / "docs").rglob("*.md")), plan_site(site_model, ROOT / "docs").made
    site_made = [] if (ROOT / "docs" / CHANGES_PAGE).exists() else [CHANGES_PAGE]
    assert len(pages) == len(written) + len(made) + len(site_made) + 1, \
        "every page is checked: the written, the made and 404.html"
    same_heading = {t: p for t, p in headings.items() if len(p) > 1}
    assert not same_heading, f"pages with the same heading: {same_heading}"
    same_title = {t: p for t, p in titles.items() if len(p) > 1}
    # The <title> comes from a page's front matter `title:` (overrides/main.html), the heading from its
    # label in mkdocs.yml's nav: both must name the plan where two plans have the same kind of page.
    assert not same_title, f"pages with the same <title> (give their front matter a unique title): {same_title}"


def test_no_two_nav_sections_or_pages_share_a_label(site_model):
    """In the whole menu: mkdocs.yml's nav with every plan's section, as the build makes it."""
    from macros.plan_pages import plan_site, site_menu

    labels = defaultdict(int)

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                (label, value), = item.items()
                labels[label] += 1
                if isinstance(value, list):
                    walk(value)

    menu = site_menu(config()["nav"], plan_site(site_model, ROOT / "docs"))
    assert len(menu) == len(config()["nav"]) - 1 + len(site_model.plannen), "one section per plan, in place of '- plannen'"
    walk(menu)
    assert {k: n for k, n in labels.items() if n > 1} == {}


# --- The 404 page --------------------------------------------------------------------------------


class _HostHandler(http.server.SimpleHTTPRequestHandler):
    """Like a host: a missing file gets 404.html's content, with status 404, at the address asked for."""

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host(built_site):
    handler = functools.partial(_HostHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


_STYLED = """() => {
  const header = getComputedStyle(document.querySelector('.md-header'));
  const footer = document.querySelector('.pva-footer-links');
  return {header: header.position, background: header.backgroundColor, lang: document.documentElement.lang,
          h1: document.querySelector('article h1').textContent.trim(), title: document.title,
          footerFlex: footer && getComputedStyle(footer.querySelector('ul')).display};
}"""


def _assert_styled_dutch_404(state):
    assert state["lang"] == "nl" and state["h1"] == "Deze pagina bestaat niet", state
    assert state["title"].startswith("Pagina niet gevonden"), state
    assert state["header"] in ("sticky", "fixed") and state["background"] not in ("rgba(0, 0, 0, 0)", ""), \
        f"Material's stylesheet did not load: {state}"
    assert state["footerFlex"] == "flex", f"the site's own stylesheet did not load: {state}"


def test_404_is_dutch_and_styled_when_opened_from_a_folder(page, built_site):
    page.goto((built_site / "404.html").as_uri())
    page.wait_for_load_state("load")
    _assert_styled_dutch_404(page.evaluate(_STYLED))


# Any depth: a plan's folder, and a part page's folder below it (the 404 page must not rely on them existing).
@pytest.mark.parametrize("address", ["bestaat-niet.html", "een-plan/bestaat-niet.html", "een-plan/onderdelen/x/y.html"])
def test_404_is_dutch_and_styled_at_any_depth_on_a_web_server(page, host, address):
    response = page.goto(host + address)
    assert response.status == 404
    page.wait_for_load_state("load")
    _assert_styled_dutch_404(page.evaluate(_STYLED))
    # Its links lead to pages that exist, wherever it was shown.
    for href in page.evaluate("[...document.querySelectorAll('article a[href], footer a[href]')].map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    assert page.evaluate("typeof __md_get") == "function", "Material's scripts ran"


def test_the_404_host_handler_can_fail(page, host, site_model):
    """Guards the guard: a page that does exist is not the 404 page."""
    response = page.goto(host + f"{site_model.plannen[0].id}/index.html")
    assert response.status == 200 and page.locator("article h1").inner_text() != "Deze pagina bestaat niet"


def test_404_without_its_relative_stylesheets_is_unstyled_from_a_folder(page, built_site, tmp_path):
    """Guards the guard: with only MkDocs' absolute addresses (as before), the folder check above fails."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.select('link[rel=stylesheet]'):
        if not link["href"].startswith("/"):
            link.decompose()
    copy = built_site / "404-zonder-relatief.html"
    copy.write_text(str(soup), encoding="utf-8")
    try:
        page.goto(copy.as_uri())
        page.wait_for_load_state("load")
        with pytest.raises(AssertionError):
            _assert_styled_dutch_404(page.evaluate(_STYLED))
    finally:
        copy.unlink()


# --- Filters on the all-actions page -------------------------------------------------------------

_VISIBLE = "table.pva-overview tbody tr:not([hidden])"


def _filter_state(page):
    return page.evaluate("""() => {
      const f = document.querySelector('form.pva-filters');
      const rows = [...document.querySelectorAll('table.pva-overview tbody tr')];
      return {plan: f.elements.plan.value, laat: f.elements.laat.checked,
              shown: rows.filter(r => !r.hidden).length, planRows: rows.filter(r => !r.hidden)
                .every(r => !f.elements.plan.value || r.dataset.plan === f.elements.plan.value),
              count: document.querySelector('.pva-filter-count').textContent};
    }""")


def _back_to_the_filtered_table(browser, site: Path, plan: str, expected: int, bfcache: bool) -> dict:
    page = browser.new_page()
    try:
        page.add_init_script("window.addEventListener('pageshow', e => { window.__persisted = e.persisted; })")
        if not bfcache:  # a page that cannot be cached: the browser reloads it and restores the form itself
            page.add_init_script("window.addEventListener('unload', () => {})")
        page.goto((site / "acties.html").as_uri())
        page.select_option("form.pva-filters select[name=plan]", plan)
        assert page.locator(_VISIBLE).count() == expected
        page.locator(_VISIBLE + " a").first.click()
        page.wait_for_load_state("load")
        assert "acties.html" not in page.url
        page.go_back()
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        state = _filter_state(page)
        state["restored from cache"] = page.evaluate("window.__persisted")
        state["all"] = page.locator("table.pva-overview tbody tr").count()
        return state
    finally:
        page.close()


def _agree(state: dict, plan: str, expected: int) -> bool:
    if state["plan"] == plan:
        together = state["shown"] == expected and state["planRows"]
    else:
        together = state["plan"] == "" and state["shown"] == state["all"]
    return together and state["count"].startswith(f"{state['shown']} van de ")


@pytest.mark.parametrize("bfcache", [True, False])
def test_after_back_the_filter_and_the_table_agree(browser, built_site, site_model, bfcache):
    plan = first_plan_with(site_model, lambda p: p.acties, "an action")  # the filtered table has a row to follow
    expected = len(plan.acties)
    state = _back_to_the_filtered_table(browser, built_site, plan.id, expected, bfcache)
    assert _agree(state, plan.id, expected), f"the select and the table disagree after Back: {state}"


def test_the_back_check_can_fail(browser, built_site, site_model, tmp_path):
    """Guards the guard: without the pageshow listener, the reloaded page shows the old choice over all rows."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    script = site / "javascripts" / "filters.js"
    line = 'window.addEventListener("pageshow", apply);'
    assert line in script.read_text(encoding="utf-8")
    script.write_text(script.read_text(encoding="utf-8").replace(line, ""), encoding="utf-8")
    plan = first_plan_with(site_model, lambda p: p.acties, "an action")
    expected = len(plan.acties)
    state = _back_to_the_filtered_table(browser, site, plan.id, expected, bfcache=False)
    assert not _agree(state, plan.id, expected), state


_CLS = """
window.__cls = 0; window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) { if (!e.hadRecentInput) {
  window.__cls += e.value;
  window.__shifts.push(e.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?').join(', '));
} } }).observe({type: 'layout-shift', buffered: true});
"""


def _cls(browser, url: str, width: int) -> tuple[float, list[str]]:
    page = browser.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 800})
        page.add_init_script(_CLS)
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(1000)
        assert page.locator("form.pva-filters").is_visible()
        return page.evaluate("window.__cls"), page.evaluate("window.__shifts")
    finally:
        page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_showing_the_filters_moves_nothing(browser, built_site, width):
    cls, shifts = _cls(browser, (built_site / "acties.html").as_uri(), width)
    assert cls < 0.01, f"layout shift {cls:.3f} on {width} px: {shifts}"


def test_the_layout_shift_check_can_fail(browser, built_site, tmp_path):
    """Guards the guard: without the reserved space (pages.css emptied) the same measurement finds the shift."""
    site = tmp_path / "site"
    import shutil

    shutil.copytree(built_site, site)
    (site / "stylesheets" / "pages.css").write_text("", encoding="utf-8")
    cls, _ = _cls(browser, (site / "acties.html").as_uri(), 375)
    assert cls >= 0.05, cls


def test_without_scripts_the_filter_form_takes_no_space(built_site):
    """The reserved space is only for browsers that run scripts: the rule sits in a scripting media query."""
    css = (built_site / "stylesheets" / "pages.css").read_text(encoding="utf-8")
    block = css[css.index("@media screen and (scripting: enabled)"):]
    assert "form.pva-filters[hidden]" in block[:block.index("}\n}") + 3]

