"""Keyboard use of the header and menus (issue 8, item 2): skip link, visible focus, nothing hidden."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import busiest_part, first_plan_with, wait_for_search_index

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

# Checks on the element that has focus: it can be seen, has a focus ring, and nothing covers it
# (not the sticky header, not the menu overlay). WCAG 2.4.7 and 2.4.11.
FOCUS_CHECK = """async () => {
  // Material resizes the sticky sidebar on scroll, a frame later; judge what a user sees then.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const first = el.getClientRects()[0] || r;
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const style = getComputedStyle(el);
  const x = Math.min(Math.max(first.left + first.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(first.top + first.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const problems = [];
  if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) problems.push('invisible');
  if (r.width * r.height === 0) problems.push('no size');
  if (!(r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)) problems.push('off screen');
  if (!(top && (top === el || el.contains(top)))) problems.push('covered by ' + (top ? top.tagName + '.' + top.className : 'nothing')
    + ` at ${Math.round(x)},${Math.round(y)}`);
  const fits = r.height <= innerHeight - header.bottom;
  let fixed = false;  // in the skip link or the phone menu, which lie on top of the header
  for (let a = el; a && !fixed; a = a.parentElement) fixed = getComputedStyle(a).position === 'fixed';
  if (!el.closest('.md-header') && !fixed
      && (fits ? r.top < header.bottom - 1 : r.bottom < header.bottom + 24)) problems.push('under the header');
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) problems.push('no focus ring');
  const name = el.tagName + (el.id ? '#' + el.id : '') + (el.closest('.md-search') ? ' (zoeken)' : '')
    + ' ' + (el.getAttribute('href') || '')
    + ' ' + (el.getAttribute('aria-label') || el.innerText || '').trim().slice(0, 40);
  return {name, problems};
}"""

NO_MOTION = """() => { const s = new CSSStyleSheet();
  s.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; }');
  document.adoptedStyleSheets = [s]; }"""  # an adopted sheet is CSSOM, which the policy allows


FOCUS_ON_BACK = """() => { const el = document.activeElement;
  return !!el && el.tagName === 'LABEL' && el.textContent.includes('Terug'); }"""


def pages_of(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def open_page(page, path: Path, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.evaluate(NO_MOTION)  # judge where things end up, not halfway through a slide


def walk(page, limit: int = 400) -> list[dict]:
    """Press Tab until focus leaves the page; the checks for every stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_CHECK)
        if stop is None:
            break
        stops.append(stop)
    return stops


def test_every_page_has_one_skip_link_first_to_the_start_of_the_content(built_site):
    for path in pages_of(built_site) + [built_site / "404.html"]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        first = soup.body.find(lambda t: t.name in ("a", "button", "input", "select", "textarea")
                               and not (t.name == "input" and "md-toggle" in t.get("class", [])))
        assert first is not None and first.get("href") == "#inhoud", path
        assert first.get_text(strip=True) == "Naar de inhoud", path
        assert len(soup.select("#inhoud")) == 1, path
        assert len(soup.select('a[href="#inhoud"]')) == 1, path
        assert soup.select("a.md-skip") == [], f"{path}: Material's own skip link is gone"


def test_the_skip_link_is_the_first_tab_stop_and_lands_before_the_summary(page, built_site):
    for path in pages_of(built_site):
        open_page(page, path, PHONE)
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_CHECK)
        assert stop["name"].startswith("A #inhoud Naar de inhoud") and stop["problems"] == [], (path, stop)
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "inhoud", path
        header_bottom = page.locator(".md-header").bounding_box()["y"] + page.locator(".md-header").bounding_box()["height"]
        h1 = page.locator("article h1").first.bounding_box()
        assert h1["y"] >= header_bottom - 1, f"{path}: the title is under the header"
        if page.locator("section.pva-kort").count():
            assert page.locator("section.pva-kort").bounding_box()["y"] > h1["y"]
        page.keyboard.press("Tab")
        after = page.evaluate("""() => {
            const follows = el => !!(document.querySelector('#inhoud').compareDocumentPosition(el)
                                     & Node.DOCUMENT_POSITION_FOLLOWING);
            const more = [...document.querySelectorAll('a[href], button, input, select, [tabindex="0"]')]
                .some(el => follows(el) && el.checkVisibility({checkVisibilityCSS: true}));
            return !more || follows(document.activeElement);
        }""")
        assert after, f"{path}: Tab after the skip link goes on from the content"


def _menu_entries_of_the_parts(plan, current) -> list[str]:
    """The menu entries of every part page of the plan, seen from one of them: links to the others, which sit
    in the same folder, and the current page's own entry, which Material shows as the active item."""
    return ['.md-sidebar--primary .md-nav__link--active >> nth=0'] + [
        f'.md-sidebar--primary a[href="{part.id}.html"]' for part in plan.onderdelen if part.id != current.id]


def test_the_menu_button_works_with_the_keyboard_on_a_phone(page, built_site, site_model):
    plan, part, name = busiest_part(site_model)
    open_page(page, built_site / name, PHONE)
    for _ in range(3):  # skip link, then the menu button
        page.keyboard.press("Tab")
        if "Menu" in page.evaluate(FOCUS_CHECK)["name"]:
            break
    stop = page.evaluate(FOCUS_CHECK)
    assert "Menu" in stop["name"] and stop["problems"] == [], stop
    button = page.get_by_role("button", name="Menu", exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    nav = page.locator(".md-sidebar--primary")
    assert not nav.is_visible()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert nav.is_visible() and nav.bounding_box()["x"] >= 0
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"), "focus moved into the menu"
    hidden = [entry for entry in _menu_entries_of_the_parts(plan, part) if not page.locator(entry).is_visible()]
    assert hidden == [], "the plan's parts are in view"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true", "Space works as on any button"


def test_the_search_button_works_with_the_keyboard_on_a_phone(page, built_site):
    open_page(page, built_site / "index.html", PHONE)
    button = page.get_by_role("button", name="Zoeken")
    assert not page.locator("input.md-search__input").is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.locator("input.md-search__input").wait_for(state="visible")
    page.locator("input.md-search__input").focus()
    wait_for_search_index(page)  # the search index loads in the background
    page.keyboard.type("werksessies", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)


def test_no_focus_stop_is_hidden_or_covered(page, fixture_site):
    """On the site with the fixture plans, which always has a budget page."""
    model, site = fixture_site.model, fixture_site.site
    budget = first_plan_with(model, lambda plan: (site / plan.id / "begroting.html").is_file(), "a budget page")
    pages = ["index.html", busiest_part(model)[2], "acties.html", f"{budget.id}/begroting.html", "begrippen.html"]
    bad = []
    for viewport in (PHONE, DESKTOP):
        for name in pages:
            open_page(page, site / name, viewport)
            stops = walk(page)
            assert len(stops) > 3, name
            bad += [(viewport["width"], name, s["name"], s["problems"]) for s in stops if s["problems"]]
    assert bad == []


def test_no_focus_stop_is_hidden_in_the_open_phone_menu(page, built_site, site_model):
    name = busiest_part(site_model)[2]
    open_page(page, built_site / name, PHONE)
    page.get_by_role("button", name="Menu", exact=True).focus()
    page.keyboard.press("Enter")
    stops = [page.evaluate(FOCUS_CHECK)]
    stops += walk(page, 60)
    assert stops[0]["name"].startswith("LABEL") and "Terug" in stops[0]["name"], stops[0]
    assert [s for s in stops if s["problems"]] == []
    # Back up one level with the keyboard, then the upper menu's links (the plan's pages) are the visible ones.
    open_page(page, built_site / name, PHONE)
    page.get_by_role("button", name="Menu", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_function(FOCUS_ON_BACK)  # the menu moves focus to its "Terug" label a moment later
    page.keyboard.press("Enter")
    page.locator('.md-sidebar--primary a[href="../acties.html"]').wait_for(state="visible", timeout=5000)
    stop = page.evaluate(FOCUS_CHECK)
    assert stop["problems"] == [], stop


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_closed_search_results_take_no_focus(page, built_site, viewport):
    open_page(page, built_site / "index.html", viewport)
    page.evaluate("document.getElementById('__search').click()")
    page.locator("input.md-search__input").focus()
    wait_for_search_index(page)
    page.keyboard.type("werksessies", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked"), "Escape closed the search"
    page.wait_for_timeout(500)  # Material unlocks the page scroll a moment after closing
    page.evaluate("document.activeElement.blur()")
    stops = walk(page)
    assert not [s for s in stops if "(zoeken)" in s["name"] or s["problems"]]
    assert page.locator(".md-search-result__link").count() > 0, "the old results are still in the page"
