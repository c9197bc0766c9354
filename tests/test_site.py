"""The real plan, built with `mkdocs build --strict`, checked in the HTML."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlparse

import datetime as dt

from conftest import PEILDATUM, html_of, plans_with

from macros import action_state
from macros.checks import budget_differences
from macros.dutch import euro
from macros.locations import action_anchor, part_page
from macros.render import STATUS_LABEL
from macros.search_shards import read_index

PEIL = dt.date.fromisoformat(PEILDATUM)


def _pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def _euros(text: str) -> Decimal:
    return Decimal(re.sub(r"[^0-9,]", "", text).replace(",", "."))


def test_every_action_appears_with_its_status_on_its_recommendation_page(built_site, site_model):
    for plan in site_model.plannen:
        for action in plan.acties:
            soup = html_of(built_site, part_page(plan, action.onderdeel).replace(".md", ".html"))
            heading = soup.find(id=action_anchor(action.id))
            assert heading is not None, f"{action.id} has no section"
            assert action.titel in heading.get_text()
            facts = heading.find_next("dl")
            badge = facts.find(class_="pva-status")
            state = action_state.state(plan, action, PEIL)
            assert badge.get_text() == STATUS_LABEL[state.status], action.id
            stand = badge.find_next_sibling(class_="pva-stand").get_text()
            assert stand.startswith("stand " if state.report else "volgens het plan"), (action.id, stand)


def test_every_action_is_in_the_overview_table_with_its_status(built_site, site_model):
    """On each plan's own actions page (the made one, or one staff wrote that shows acties_tabel)."""
    for plan in site_model.plannen:
        soup = html_of(built_site, f"{plan.id}/acties.html")
        table = soup.find("table", class_="pva-actions")
        rows = {tr.th.get_text(): tr for tr in table.tbody.find_all("tr")}
        assert list(rows) == [a.id for a in plan.acties], plan.id
        for action in plan.acties:
            state = action_state.state(plan, action, PEIL)
            assert rows[action.id].find(class_="pva-status").get_text() == STATUS_LABEL[state.status]
            assert rows[action.id].find(class_="pva-stand").get_text()


def test_each_recommendation_page_lists_exactly_its_actions(built_site, site_model):
    for plan in site_model.plannen:
        for part in plan.onderdelen:
            soup = html_of(built_site, part_page(plan, part.id).replace(".md", ".html"))
            # One table, or one per goal of the part (pijler -> doel -> acties).
            listed = [tr.th.get_text() for table in soup.find_all("table", class_="pva-actions")
                      for tr in table.tbody.find_all("tr")]
            assert listed == [a.id for a in plan.acties_van(part.id)], (plan.id, part.id)
            assert part.doel is None or " ".join(part.doel.split()) in soup.get_text(" ", strip=True).replace("  ", " ")


def test_full_action_texts_are_published(built_site, site_model):
    texts = [(plan, action) for plan in site_model.plannen for action in plan.acties if action.tekst]
    assert texts, "the plans publish the full text of their actions"
    for plan, action in texts:
        soup = html_of(built_site, part_page(plan, action.onderdeel).replace(".md", ".html"))
        section = soup.find(id=action_anchor(action.id)).find_next(class_="pva-source-text")
        published = " ".join(section.get_text(" ").split())
        first_words = " ".join(re.sub(r"[*_\[\]()-]", " ", action.tekst).split()[:12])
        assert " ".join(re.sub(r"[*_\[\]()-]", " ", published).split()).find(first_words) >= 0, action.id


def _budget_plans(fixture_site):
    """Every plan with a budget, on the site with the fixture plans: one of those always has a budget."""
    plans = plans_with(fixture_site.model, lambda p: p.begroting and p.begroting.ramingen)
    assert {p.id for p in plans} & set(fixture_site.fixture_plans), "a fixture plan has a budget"
    return plans


def test_budget_totals_on_the_site_equal_the_sum_of_their_lines(fixture_site):
    built_site = fixture_site.site
    for plan in _budget_plans(fixture_site):
        soup = html_of(built_site, f"{plan.id}/begroting.html")
        tables = soup.find_all("table", class_="pva-budget")
        for estimate in plan.begroting.ramingen:
            table = next(t for t in tables if t.caption.get_text().startswith(estimate.titel))
            one_off = [_euros(tr.find("td", class_="pva-num").get_text()) for tr in table.tbody.find_all("tr")
                       if "€" in tr.find("td", class_="pva-num").get_text() and "per jaar" not in tr.get_text()]
            foot = {tr.th.get_text(): tr.find("td", class_="pva-num").get_text() for tr in table.tfoot.find_all("tr")}
            if one_off:
                assert _euros(foot["Totaal (berekend)"].split("+")[0]) == sum(one_off), (plan.id, estimate.id)
            if estimate.totaal is not None:
                assert _euros(foot["Totaal zoals vermeld in de bron"]) == estimate.totaal


def test_every_budget_figure_says_what_kind_of_figure_it_is(fixture_site):
    built_site = fixture_site.site
    for plan in _budget_plans(fixture_site):
        text = " ".join(html_of(built_site, f"{plan.id}/begroting.html").get_text(" ").split())
        for estimate in plan.begroting.ramingen:
            assert f"{estimate.titel} ({estimate.soort})" in text
        assert "Vastgestelde begroting" not in text
        if not plan.begroting.besluit:
            assert "De stukken zeggen niet wat er over het geld is besloten." in text, plan.id
        elif not any(r.soort == "besluit" for r in plan.begroting.ramingen):
            assert "Een besluit over deze bedragen staat niet in de stukken op deze site." in text, plan.id


def test_every_budget_difference_is_shown_where_it_applies(fixture_site):
    built_site = fixture_site.site
    differing = plans_with(fixture_site.model, lambda p: p.begroting and budget_differences(p))
    assert {p.id for p in differing} & set(fixture_site.fixture_plans), "a fixture plan's sources differ"
    for plan in differing:
        text = " ".join(html_of(built_site, f"{plan.id}/begroting.html").get_text(" ").split()).replace("\u00a0", " ")
        for d in budget_differences(plan):
            assert f"Verschil: {euro(abs(d.verschil))}".replace("\u00a0", " ") in text
            assert " ".join(d.uitleg.split()).replace("\u00a0", " ") in text
            if d.betreft in {p.id for p in plan.onderdelen}:
                page = html_of(built_site, part_page(plan, d.betreft).replace(".md", ".html")).get_text(" ")
                assert f"Verschil: {euro(abs(d.verschil))}".replace("\u00a0", " ") in page.replace("\u00a0", " ")


def test_every_page_opens_with_a_plain_language_summary(built_site):
    for page in _pages(built_site):
        soup = html_of(built_site, str(page.relative_to(built_site)))
        article = soup.find("article")
        h1 = article.find("h1")
        summary = article.find("section", class_="pva-kort")
        assert summary is not None, page
        assert h1.find_next("section") is summary, f"summary is not right under the title on {page}"
        assert "officiële tekst staat hieronder" in summary.get_text()


def test_tables_are_accessible(built_site):
    for page in _pages(built_site):
        for table in html_of(built_site, str(page.relative_to(built_site))).select("table.pva-table"):
            assert table.caption and table.caption.get_text(strip=True), page
            for th in table.find_all("th"):
                assert th.get("scope") in ("col", "row"), (page, th)


def test_pictures_have_a_text_alternative(built_site):
    for page in _pages(built_site):
        for svg in html_of(built_site, str(page.relative_to(built_site))).select("article svg[role=img]"):
            assert svg.get("aria-label", "").strip(), page


def test_site_is_dutch_and_search_is_configured_for_dutch(built_site):
    soup = html_of(built_site, "index.html")
    assert soup.html["lang"] == "nl"
    index = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    config = json.loads(index.split("=", 1)[1])["config"]
    assert config["lang"] == ["nl"]
    # The project's own Dutch module does the trimming, stop words and stemming (tests/test_search.py).
    assert config["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]


def test_no_request_to_any_third_party(built_site):
    """Links to documents are fine; nothing may be loaded from another host."""
    loaders = re.compile(r"""<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)=["'](https?:)?//""", re.I)
    css_urls = re.compile(r"url\((['\"]?)(https?:)?//", re.I)
    for file in built_site.rglob("*"):
        if file.suffix in (".html", ".css"):
            text = file.read_text(encoding="utf-8", errors="ignore")
            assert not loaders.search(text), file
            assert not css_urls.search(text), file
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file


def test_internal_links_and_anchors_resolve(built_site):
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            soup = html_of(built_site, str(page.relative_to(built_site)))
            ids[page] = {el["id"] for el in soup.find_all(id=True)}
        return ids[page]

    checked = 0
    for page in _pages(built_site):
        for a in html_of(built_site, str(page.relative_to(built_site))).find_all("a", href=True):
            url = urlparse(a["href"])
            if url.scheme or a["href"].startswith("//"):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            assert target.exists(), f"{page}: broken link {a['href']}"
            if url.fragment and target.suffix == ".html":
                assert url.fragment in anchors(target), f"{page}: missing anchor {a['href']}"
            checked += 1
    assert checked > 100


def test_no_outlook_safelinks_or_mail_addresses(fixture_site):
    """No page holds a forwarding link of Outlook, and every link in an action's text is published as written."""
    built_site = fixture_site.site
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "safelinks" not in text and "radaradvies" not in text, page
    links = [(plan, action, url) for plan in fixture_site.model.plannen for action in plan.acties
             for url in re.findall(r"\]\((https?://[^)\s]+)\)", action.tekst or "")]
    assert {plan.id for plan, _, _ in links} & set(fixture_site.fixture_plans), "a fixture action links to a document"
    for plan, action, url in links:
        soup = html_of(built_site, part_page(plan, action.onderdeel).replace(".md", ".html"))
        section = soup.find(id=action_anchor(action.id)).find_next(class_="pva-source-text")
        assert url in [a["href"] for a in section.find_all("a", href=True)], (plan.id, action.id, url)


def test_search_index_keeps_words_of_adjacent_cells_apart(built_site, site_model):
    index = read_index(built_site)
    tokens = set()
    for doc in index["docs"]:
        tokens |= set(re.findall(r"\w+", doc["text"].lower()))
    for plan in site_model.plannen:
        for action in plan.acties:
            first_word = re.findall(r"\w+", action.titel.lower())[0]
            glued = re.findall(r"\w+", action.id.lower())[-1] + first_word
            assert first_word in tokens and glued not in tokens, (plan.id, action.id)
