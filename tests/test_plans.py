"""All three plans in one site: organisation, planning, goals, advice, cross-links, names, lateness."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import PEILDATUM, ROOT, html_of, plans_with

from macros import views
from macros.locations import action_anchor, advice_anchor, part_page

PEIL = dt.date.fromisoformat(PEILDATUM)


def _text(site: Path, page: str) -> str:
    return " ".join(html_of(site, page).get_text(" ").split())


def test_every_plan_folder_is_published(site_model, built_site):
    folders = {d.name for d in (ROOT / "data" / "plannen").iterdir() if d.is_dir()}
    assert {p.id for p in site_model.plannen} == folders and folders, "the site publishes at least one plan"
    home = html_of(built_site, "index.html")
    for plan in site_model.plannen:
        card = home.find(id=f"plan-{plan.id}").parent
        text = " ".join(card.get_text(" ").split())
        assert plan.titel in text
        assert plan.samenvatting is None or " ".join(plan.samenvatting.split()) in text, plan.id
        assert card.find("svg", attrs={"role": "img"}) is not None


def test_every_structure_item_appears_on_its_page(site_model, built_site):
    for plan in site_model.plannen:
        if plan.organisatie:
            text = _text(built_site, f"{plan.id}/organisatie.html")
            for body in plan.organisatie.gremia:
                assert body.naam in text
                for member in body.leden:
                    assert member.functie in text, (plan.id, member.functie)
                for task in body.taken + body.bevoegdheden:
                    assert " ".join(task.split()) in text
        if plan.doelen:
            text = _text(built_site, f"{plan.id}/doelen.html")
            for indicator in plan.doelen.indicatoren:
                assert " ".join(indicator.omschrijving.split()) in text
            for named in plan.doelen.lijsten:
                for item in named.items:
                    assert " ".join(item.titel.split()) in text, (plan.id, named.id, item.titel)
            if plan.doelen.escalatie:
                for step in plan.doelen.escalatie.stappen:
                    assert step.naam in text


def _page_with(site: Path, plan, selector: str, caption: str | None = None) -> str:
    """The one page of the plan that shows what the selector finds (a page staff wrote, or a made one)."""
    found = []
    for path in sorted((site / plan.id).rglob("*.html")):
        soup = html_of(site, str(path.relative_to(site)))
        if any(caption is None or (el.caption and caption in el.caption.get_text()) for el in soup.select(selector)):
            found.append(str(path.relative_to(site)))
    assert len(found) == 1, (plan.id, selector, caption, found)
    return found[0]


def test_schedule_capacity_and_reports_are_published(fixture_site):
    """Every plan with a planning that names capacity, on the site with the fixture plans (one of which does)."""
    site = fixture_site.site
    plans = plans_with(fixture_site.model, lambda p: p.planning and p.planning.capaciteit)
    assert {p.id for p in plans} & set(fixture_site.fixture_plans)
    for plan in plans:
        name = _page_with(site, plan, "table", "Menskracht")
        text = _text(site, name)
        for row in plan.planning.detailplanning:
            assert " ".join(row.activiteit.split()) in text, plan.id
        for report in plan.planning.rapportages:
            assert report.rapport in text, plan.id
        totals = views.capacity_totals(plan.planning.capaciteit)
        table = next(t for t in html_of(site, name).find_all("table") if "Menskracht" in t.caption.get_text())
        shown_total = table.tfoot.find("td").get_text().replace(".", "")
        assert shown_total == str(int(totals["uren_intern"])), plan.id
    compleet = html_of(site, _page_with(site, fixture_site.model.plan("fictief-compleet"), "table", "Menskracht"))
    table = next(t for t in compleet.find_all("table") if "Menskracht" in t.caption.get_text())
    assert table.tfoot.find("td").get_text() == "650", "400 + 250 hours in tests/fixtures/compleet/"


def test_escalation_route_is_a_picture_with_a_text_alternative(fixture_site):
    site = fixture_site.site
    plans = plans_with(fixture_site.model, lambda p: p.doelen and p.doelen.escalatie)
    assert {p.id for p in plans} & set(fixture_site.fixture_plans)
    for plan in plans:
        soup = html_of(site, _page_with(site, plan, "svg.pva-flow"))
        svg = soup.find("svg", class_="pva-flow")
        label = svg["aria-label"]
        steps = [s.naam for s in plan.doelen.escalatie.stappen]
        assert all(name in label for name in steps), plan.id
        assert [li.strong.get_text() for li in soup.select("ol.pva-flow-steps > li")] == steps, plan.id
    steps = [s.naam for s in fixture_site.model.plan("fictief-compleet").doelen.escalatie.stappen]
    assert steps == ["Medewerker loket", "Teamleider", "Stuurgroep Fictief"]


def test_staff_names_stay_off_the_site(fixture_site):
    site_model, built_site = fixture_site.model, fixture_site.site
    hidden = set()
    for plan in site_model.plannen:
        if plan.namen_tonen:
            continue
        people = [m for b in (plan.organisatie.gremia if plan.organisatie else ()) for m in b.leden]
        people += list(plan.planning.capaciteit if plan.planning else ())
        hidden |= {p.naam for p in people if p.naam and not getattr(p, "gekozen", False)}
    assert {"Pieter Verzonnen", "Anna Bedacht"} <= hidden, "test premise: the fixture plan names its staff"
    # The whole search index, and the parts of it that the search loads.
    index = "".join(p.read_text(encoding="utf-8") for p in [built_site / "search" / "search_index_full.json",
                                                             *(built_site / "search" / "shards").glob("*.js")])
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not [n for n in hidden if n in text], page
    assert not [n for n in hidden if n in index]
    elected = [(plan, member.naam) for plan in plans_with(site_model, lambda p: p.organisatie)
               for body in plan.organisatie.gremia for member in body.leden if member.naam and member.gekozen]
    assert {plan.id for plan, _ in elected} & set(fixture_site.fixture_plans)
    for plan, name in elected:  # elected: may be named
        assert name in _text(built_site, f"{plan.id}/organisatie.html"), (plan.id, name)


def _late_by_reports(plan, peildatum: dt.date) -> set[str]:
    """Written out apart from macros.action_state: late only when a report on or after the planned end says so."""
    late = set()
    for action in plan.acties if not plan.historisch else ():
        reports = [r for r in plan.voortgangsrapportages if r.peildatum <= peildatum and r.over(action.id)]
        end = action.planning.eind if action.planning and not action.planning.doorlopend else None
        for report in reports:
            end = report.over(action.id).herplanning.eind if report.over(action.id).herplanning else end
        if reports and end and end.einde < peildatum and reports[-1].peildatum >= end.einde \
                and reports[-1].over(action.id).status not in ("afgerond", "vervallen"):
            late.add(action.id)
    return late


def _site_and_date(build):
    return build if isinstance(build, tuple) else (build, PEIL)


@pytest.mark.parametrize("build", ["built_site", "built_site_today"])
def test_te_laat_only_where_a_report_says_so(site_model, build, request):
    site, peildatum = _site_and_date(request.getfixturevalue(build))
    soup = html_of(site, "acties.html")
    rows = soup.select("table.pva-overview tbody tr")
    late_rows = {r.th.a.get_text().split(" ")[0] + "@" + r["data-plan"] for r in rows if r["data-laat"] == "ja"}
    expected = {f"{a}@{p.id}" for p in site_model.plannen for a in _late_by_reports(p, peildatum)}
    assert late_rows == expected
    badges = sum(len(html_of(site, str(page.relative_to(site))).select(".pva-status--te-laat"))
                 for page in site.rglob("*.html"))
    assert (badges == 0) == (not expected)
    for plan in site_model.plannen:
        for action_id in _late_by_reports(plan, peildatum):
            page = html_of(site, part_page(plan, plan.actie(action_id).onderdeel).replace(".md", ".html"))
            assert page.find(id=action_anchor(action_id)).find_next("dl").select(".pva-status--te-laat")


@pytest.mark.parametrize("build", ["built_site", "built_site_today"])
def test_a_plan_without_reports_says_so_on_its_page_and_card(site_model, build, request):
    site, peildatum = _site_and_date(request.getfixturevalue(build))
    home = " ".join(html_of(site, "index.html").get_text(" ").split())
    for plan in site_model.plannen:
        page = " ".join(html_of(site, f"{plan.id}/index.html").get_text(" ").split())
        if plan.historisch:
            expected = "Deze site heeft geen informatie over wat er daarna met het plan gebeurde."
        elif not [r for r in plan.voortgangsrapportages if r.peildatum <= peildatum]:
            expected = "Er is op deze site nog geen voortgangsrapportage verwerkt."
        else:
            expected = "Laatste voortgangsrapportage:"
        assert expected in page and expected in home, plan.id


def test_historical_plans_show_their_year_and_stand_apart(site_model, built_site):
    home = html_of(built_site, "index.html")
    archive = home.find(id="archief-oude-plannen")
    for plan in site_model.plannen:
        card = home.find(id=f"plan-{plan.id}")
        in_archive = archive is not None and card in archive.find_all_next(id=f"plan-{plan.id}")
        assert in_archive == plan.historisch, plan.id
        if plan.historisch:
            assert f"({plan.datum.jaar})" in card.get_text()


def test_overview_lists_every_action_of_every_plan(site_model, built_site):
    rows = html_of(built_site, "acties.html").select("table.pva-overview tbody tr")
    assert len(rows) == sum(len(p.acties) for p in site_model.plannen)
    assert {r["data-plan"] for r in rows} == {p.id for p in site_model.plannen}


def test_timeline_covers_dated_actions_and_has_a_table(site_model, built_site):
    soup = html_of(built_site, "tijdlijn.html")
    dated = [(p, a) for p in site_model.plannen for a in p.acties
             if views.span(a) or (a.planning and a.planning.fase)]
    table = next(t for t in soup.find_all("table") if t.caption and "als tabel" in t.caption.get_text())
    assert len(table.tbody.find_all("tr")) == len(dated)
    bars = soup.select("table.pva-tl td.pva-tl__bars svg")
    assert len(bars) == len(dated)
    # Each bar is announced with its planning and status; its row header is the full action name, never cut.
    labels = [svg.find_parent("tr").th.get_text(" ", strip=True) for svg in bars]
    assert {f"{a.id} {a.titel}" for _, a in dated} == set(labels)
    assert all(svg["role"] == "img" and svg["aria-label"] for svg in bars)
    assert all(len(svg.select("rect.pva-tl-bar")) == 1 for svg in bars)


def test_timeline_opens_at_the_current_plans(site_model, built_site):
    charts = html_of(built_site, "tijdlijn.html").select("table.pva-tl")
    groups = [[g.get_text(strip=True) for g in chart.select("tr.pva-tl__group td")] for chart in charts]
    historical = {p.korte_titel for p in site_model.plannen if p.historisch}
    current = {p.korte_titel for p in site_model.plannen if not p.historisch}
    assert not any(h in g for h in historical for g in groups[0]), "the first chart shows current plans only"
    assert {g for g in groups[0]} <= current
    if historical:
        assert len(charts) == 2 and all(any(h in g for h in historical) for g in groups[1])


def test_advice_stands_next_to_the_answer_and_on_the_action(fixture_site):
    """Every plan with advice on a subject, on the site with the fixture plans (one of which has it)."""
    built_site = fixture_site.site
    plans = plans_with(fixture_site.model, lambda p: any(a.onderwerp for a in p.adviezen))
    assert {p.id for p in plans} & set(fixture_site.fixture_plans)
    for plan in plans:
        page = html_of(built_site, f"{plan.id}/adviezen.html")
        for advice in (a for a in plan.adviezen if a.onderwerp):
            heading = page.find(id=advice_anchor(advice.id))
            assert heading is not None and advice.onderwerp in heading.get_text(), (plan.id, advice.id)
            voices = heading.find_next(class_="pva-voices")
            linked = {a.get_text().split(" ")[0] for a in voices.select(".pva-voice--out li a")}
            assert linked == set(advice.acties), advice.id
            for action_id in advice.acties:
                action_page = html_of(built_site, part_page(plan, plan.actie(action_id).onderdeel).replace(".md", ".html"))
                facts = action_page.find(id=action_anchor(action_id)).find_next("dl")
                assert advice.onderwerp in facts.get_text(), (advice.id, action_id)


def test_cross_plan_links_are_rendered_both_ways(fixture_site):
    site_model, built_site = fixture_site.model, fixture_site.site
    found = set()
    for plan in site_model.plannen:
        for action in plan.acties:
            for ref in action.zie_ook:
                if "/" not in ref:
                    continue
                target_plan, _, target_action = ref.partition("/")
                page = html_of(built_site, part_page(plan, action.onderdeel).replace(".md", ".html"))
                facts = page.find(id=action_anchor(action.id)).find_next("dl")
                hrefs = [a["href"] for a in facts.find_all("a", href=True)]
                assert any(target_plan in h for h in hrefs), (plan.id, action.id, ref)
                found.add(plan.id)
    assert {"fictief-compleet", "fictief-buur"} <= found, "test premise: the fixture plans refer to each other"


def test_filters_are_first_party_and_progressive(built_site):
    soup = html_of(built_site, "acties.html")
    form = soup.find("form", class_="pva-filters")
    assert form.has_attr("hidden"), "without the script the filters stay hidden and the full table shows"
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    assert any(s.endswith("javascripts/filters.js") for s in scripts)
    assert all(not re.match(r"(https?:)?//", s) for s in scripts)
