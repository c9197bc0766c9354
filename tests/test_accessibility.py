"""WCAG 2.2 AA in Debian's Chromium: axe-core on every built page, phones at 320 px, tables and the timeline.

axe-core finds what a machine can find; the keyboard tests (test_keyboard.py)
and the print tests cover more. axe's "incomplete" items need a human look:
the ones reviewed are listed in REVIEWED with the finding, any other is printed
as a warning, never hidden.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, node_tool, page_of_each_kind

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (1280, 375)


def site_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "assets" not in p.parts)


def colour_schemes() -> list[str]:
    """Every scheme the site offers, read from mkdocs.yml: a dark scheme added later is checked too."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    palette = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["theme"]["palette"]
    return [p.get("scheme", "default") for p in (palette if isinstance(palette, list) else [palette])]


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_tool("axe-core/axe.min.js").read_text(encoding="utf-8")


# axe's "incomplete" items that a person has looked at, with the finding. Anything else is a warning.
REVIEWED = {
    ("color-contrast", "partially obscured by another element", "md-ellipsis"):
        "menu links: Material's body text colour on white (about 15:1); the sidebar's scroll area overlaps them",
    ("color-contrast", "contains an image node", "<text"):
        "text inside our charts: fill is the body text colour on the page's white background",
    ("color-contrast", "overlapped by another element", "<text"):
        "text inside the boxes of our flow diagrams: body text colour on the light grey box (about 14:1)",
    ("color-contrast", "only non-text characters", "<text"):
        "the arrow after an open-ended timeline bar; the legend says it in words",
    ("color-contrast", "partially obscured by another element", "<code"):
        "code examples in the editors' guide: Material's code colours on its light grey (about 12:1)",
    ("color-contrast", "only non-text characters", "<td"):
        "table cells holding only a dash or a sign, in body text colour",
}


def unreviewed(incomplete) -> set[str]:
    found = set()
    for item in incomplete:
        for node in item["nodes"]:
            message = " ".join(check.get("message", "") for check in node.get("any", []) + node.get("all", []))
            if not any(rule == item["id"] and reason in message and marker in node["html"]
                       for rule, reason, marker in REVIEWED):
                found.add(f"{item['id']}: {item['help']} — {node['target']}: {message[:120]}")
    return found


def run_axe(page, axe_source: str) -> dict:
    # Evaluated through the DevTools protocol, so the site's Content-Security-Policy stays in force.
    page.evaluate(axe_source)
    # resultTypes: the same rules and the same violations and incomplete items, but passes and inapplicable
    # rules are no longer listed node by node (nothing reads them): about a fifth faster per page.
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                         " resultTypes: ['violations', 'incomplete']})", WCAG_TAGS)


def describe(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}x, "
                     f"bijv. {v['nodes'][0]['target']}: {v['nodes'][0]['failureSummary'][:160]}" for v in violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_has_no_axe_violations(page, built_site, axe_source, width):
    page.set_viewport_size({"width": width, "height": 900})
    failures, incomplete = {}, set()
    for scheme in colour_schemes():
        for name in site_pages(built_site):
            page.goto((built_site / name).as_uri())
            page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
            result = run_axe(page, axe_source)
            if result["violations"]:
                failures[f"{name} ({scheme})"] = describe(result["violations"])
            incomplete |= unreviewed(result["incomplete"])
    for item in sorted(incomplete):
        warnings.warn(f"axe kon dit niet zelf beslissen, bekijk het met de hand ({width} px): {item}")
    assert not failures, "\n\n".join(f"{page_name}:\n{text}" for page_name, text in failures.items())


def test_axe_check_can_fail(page, built_site, axe_source):
    """The check above is live: the same run on a page with a known defect reports it."""
    page.goto((built_site / "index.html").as_uri())
    # Styled through the CSSOM: the site's policy blocks inline style attributes.
    page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'te licht';
      p.style.color = '#aaa'; p.style.background = '#fff';
      document.querySelector('article').append(p, Object.assign(document.createElement('img'), {src: 'x.png'})); }""")
    found = {v["id"] for v in run_axe(page, axe_source)["violations"]}
    assert {"color-contrast", "image-alt"} <= found


def test_no_page_scrolls_sideways_on_a_320_px_phone(page, built_site):
    page.set_viewport_size({"width": 320, "height": 800})
    wide = {}
    for name in site_pages(built_site):
        page.goto((built_site / name).as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[name] = overflow
    assert not wide, f"pagina's die opzij schuiven (px): {wide}"


_TABLE_CELLS = """() => [...document.querySelectorAll('article table.pva-table')].map(t => {
  const cell = t.querySelector('tbody td'), head = t.querySelector('thead th');
  const c = cell && getComputedStyle(cell), h = head && getComputedStyle(head);
  return {caption: t.caption ? t.caption.innerText.slice(0, 60) : '',
          cellPadding: c ? parseFloat(c.paddingLeft) : 99, headAlign: h ? h.textAlign : 'left'};
})"""


def test_plan_tables_are_styled(page, built_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    seen, bad = 0, []
    for name in site_pages(built_site):
        page.goto((built_site / name).as_uri())
        for table in page.evaluate(_TABLE_CELLS):
            seen += 1
            if table["cellPadding"] < 6 or table["headAlign"] not in ("left", "start"):
                bad.append((name, table))
    assert seen > 20 and not bad, bad


_CARDS = """() => [...document.querySelectorAll('article table.pva-table tbody tr')].filter(r => r.offsetParent).map(r => {
  const cells = [...r.children].filter(c => getComputedStyle(c).display !== 'none');
  const top = c => c.getBoundingClientRect().top;
  const first = cells.filter(c => c.hasAttribute('data-eerst'));
  const rest = cells.filter(c => !c.hasAttribute('data-eerst') && c.getAttribute('scope') !== 'row');
  return {display: getComputedStyle(r).display, width: r.getBoundingClientRect().width,
          labelled: rest.every(c => c.tagName !== 'TD' || getComputedStyle(c, '::before').content.length > 2),
          firstOnTop: first.every(f => rest.every(o => top(f) <= top(o)))};
})"""


# The all-actions page, and a plan's actions, budget and organisation pages: on the site with the fixture plans,
# which has each kind of page whatever plans the data folder holds.
@pytest.mark.parametrize("kind", ["alle acties", "acties", "begroting", "organisatie"])
def test_tables_become_cards_with_status_or_amount_first_on_a_phone(page, fixture_site, kind):
    name = {**page_of_each_kind(fixture_site.model, fixture_site.site), "alle acties": "acties.html"}[kind]
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto((fixture_site.site / name).as_uri())
    cards = page.evaluate(_CARDS)
    assert cards
    assert all(c["display"] == "flex" and c["width"] <= 375 for c in cards)
    assert all(c["labelled"] for c in cards), "every value shows its column name"
    assert all(c["firstOnTop"] for c in cards), "status or amount comes before the other cells"
    # Still a table to a screen reader.
    assert page.get_by_role("row").count() > len(cards) // 2


def test_timeline_names_stay_in_view_and_readable_while_the_bars_scroll(page, built_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto((built_site / "tijdlijn.html").as_uri())
    region = page.locator(".pva-tl-scroll").first
    label = region.locator("th.pva-tl__label a").first
    before = label.bounding_box()["x"]
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the bars are wider than a phone"
    region.evaluate("r => { r.scrollLeft = 300; }")
    assert abs(label.bounding_box()["x"] - before) < 1, "the action names stay put"
    sizes = page.evaluate("() => [...document.querySelectorAll('.pva-tl th, .pva-tl text')]"
                          ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= 12
    # Wraps between words, never inside one.
    widths = page.evaluate("() => [...document.querySelectorAll('.pva-tl th.pva-tl__label a')]"
                           ".map(a => a.scrollWidth <= a.parentElement.clientWidth + 1)")
    assert all(widths)
    assert page.get_by_role("img", name="gestart", exact=False).count() + \
        page.get_by_role("img", name="gepland", exact=False).count() > 0


def test_the_only_late_filter_checkbox_shows_keyboard_focus(page, built_site):
    page.goto((built_site / "acties.html").as_uri())
    page.focus("form.pva-filters button[type=reset]")
    page.keyboard.press("Shift+Tab")
    box = page.locator("form.pva-filters input[name=laat]")
    assert box.evaluate("b => b === document.activeElement")
    style = box.evaluate("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth]; }")
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2
