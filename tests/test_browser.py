"""The built site in Debian's Chromium, opened from a folder as a resident would from a USB stick."""
from __future__ import annotations

from urllib.parse import urlparse

from conftest import busiest_part, page_of_each_kind, plans_with

from macros.structure_words import part_label


def test_pages_load_nothing_from_other_hosts(page, fixture_site):
    """One page of each kind a plan can have, on the site with the fixture plans, which have every kind."""
    site = fixture_site.site
    for name in ("index.html", *page_of_each_kind(fixture_site.model, site).values()):
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
    outside = [u for u in page.requests_seen if urlparse(u).scheme not in ("file", "data", "blob", "about")]
    assert outside == []
    assert any(u.endswith(".css") for u in page.requests_seen), "the page really loaded its own assets"


def test_summary_is_the_first_thing_under_the_title(page, built_site, site_model):
    page.set_viewport_size({"width": 375, "height": 800})  # a phone
    page.goto((built_site / busiest_part(site_model)[2]).as_uri())
    h1 = page.locator("article h1")
    summary = page.locator("section.pva-kort")
    assert summary.is_visible()
    assert summary.bounding_box()["y"] > h1.bounding_box()["y"]
    assert summary.bounding_box()["y"] < page.locator("dl.pva-facts").first.bounding_box()["y"]
    assert page.get_by_role("region", name="In het kort").count() == 1


def test_phone_layout_has_no_sideways_scrolling_outside_tables(page, fixture_site):
    page.set_viewport_size({"width": 375, "height": 800})
    for name in ("index.html", *page_of_each_kind(fixture_site.model, fixture_site.site).values()):
        page.goto((fixture_site.site / name).as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, name


def test_tables_and_pictures_are_announced_by_name(page, fixture_site):
    """Every plan with a budget, the fixture plans' included; and the part with the most actions."""
    site, model = fixture_site.site, fixture_site.model
    budgets = plans_with(model, lambda plan: plan.begroting and plan.begroting.ramingen)
    assert {p.id for p in budgets} & set(fixture_site.fixture_plans), "a fixture plan has a budget"
    for plan in budgets:
        page.goto((site / plan.id / "begroting.html").as_uri())
        leading = plan.begroting.leidend
        name = f"{leading.titel} ({leading.soort}), bron: {leading.door}"
        assert page.get_by_role("table", name=name, exact=True).count() == 1, plan.id
        chart = page.get_by_role("img", name="Staafdiagram", exact=False)
        assert chart.count() == 1, plan.id
    plan, part, name = busiest_part(model)
    page.goto((site / name).as_uri())
    for action in plan.acties_van(part.id):
        assert page.get_by_role("row", name=f"{action.id} {action.titel}", exact=False).count() >= 1, action.id
    assert page.get_by_role("img", name=f"Voortgang {part_label(plan, part)}", exact=False).count() == 1


def test_residents_can_filter_the_actions_without_third_party_scripts(page, built_site, site_model):
    import datetime as dt

    from conftest import PEILDATUM
    from playwright.sync_api import expect

    from macros import action_state

    page.goto((built_site / "acties.html").as_uri())
    rows = page.locator("table.pva-overview tbody tr")
    total = rows.count()
    assert page.locator("form.pva-filters").is_visible()
    visible = page.locator("table.pva-overview tbody tr:not([hidden])")
    # expect() waits for the count: the form's reset event fires before the form is cleared, so the script
    # filters again a moment later.
    for plan in site_model.plannen:
        page.select_option("form.pva-filters select[name=plan]", plan.id)
        expect(visible).to_have_count(len(plan.acties))
    page.click("form.pva-filters button[type=reset]")
    expect(visible).to_have_count(total)
    page.check("form.pva-filters input[name=laat]")
    peil = dt.date.fromisoformat(PEILDATUM)
    late = sum(len(action_state.late_actions(p, peil)) for p in site_model.plannen)
    expect(visible).to_have_count(late)
    assert page.locator(".pva-filter-count").inner_text() == f"{late} van de {total} acties getoond."


_FAKE_DUTCH_VOICE = """
window.__spoken = [];
const voices = [{lang: 'nl-NL', name: 'Nederlands'}];
Object.defineProperty(window, 'speechSynthesis', {value: {
  getVoices: () => voices, speak: (u) => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}),
  cancel: () => {}, addEventListener: () => {}}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def test_read_aloud_reads_the_summary_in_dutch(browser, built_site, site_model):
    page = browser.new_page()
    page.add_init_script(_FAKE_DUTCH_VOICE)
    page.goto((built_site / site_model.plannen[0].id / "index.html").as_uri())
    button = page.get_by_role("button", name="Lees voor", exact=True)
    assert button.is_visible()
    button.click()
    spoken = page.evaluate("window.__spoken")
    summary = page.locator(".pva-kort__tekst").inner_text()
    assert spoken == [{"text": summary, "lang": "nl-NL", "voice": "nl-NL"}]
    # One name; the state is in aria-pressed only.
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Lees voor"
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    page.get_by_role("button", name="Lees de hele pagina voor").click()
    whole = page.evaluate("window.__spoken")[-1]["text"]
    heading = page.locator("article h2").first.inner_text().strip()
    assert summary.split(".")[0] in whole and heading in whole and len(whole) > 5 * len(summary)
    page.close()


def test_read_aloud_is_hidden_without_a_dutch_voice(browser, built_site, site_model):
    page = browser.new_page()
    page.add_init_script(_FAKE_DUTCH_VOICE.replace("'nl-NL'", "'en-GB'"))
    page.goto((built_site / site_model.plannen[0].id / "index.html").as_uri())
    assert page.locator("[data-voorlees]").is_hidden()
    page.close()
