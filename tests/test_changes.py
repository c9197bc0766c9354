"""What changed between published stands: the comparison, the page "Wat is er veranderd" and the Atom feeds.

Two states of made-up data: the project with the fixture plan of tests/fixtures/voortgang (three reports) as
the current stand, and an earlier stand made from it by hand (the third report gone, a re-planning and a
status as they were before a correction, an action that was dropped later and one that came later, another
planning, other budget lines, a plan that left and one that came). A PVA_PUBLICATIE file names the earlier
stand; the site is built with `mkdocs build --strict` as the release does.
"""
from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, add_plan, copy_project, html_of
from macros import changes as ch
from macros import release_info
from macros.changes_site import stands_of_build
from macros.feeds import FeedSettings, all_feeds
from macros.loader import load_site
from macros.locations import Links
from macros.render_changes import (FIRST_SUMMARY, NO_DATA_SUMMARY, PREVIEW_SUMMARY, changes_page, entry_title,
                                   stand_intro, stand_section, summary)
from plain_language import check_text
from plain_language.vocabulary import Vocabulary

FIXTURES = ROOT / "tests" / "fixtures"
PLAN = "fictief-voortgang"
BEFORE, AFTER = dt.date(2024, 12, 31), dt.date(2025, 10, 1)
ATOM = "{http://www.w3.org/2005/Atom}"

BUDGET = """\
# TESTGEGEVENS — verzonnen begroting.
dekkingen:
  algemene-middelen: Algemene middelen
ramingen:
  - id: plan
    titel: Tabel in het fictieve plan
    soort: raming
    door: het fictieve plan
    leidend: true
    regels:
{lines}"""
LINE = """      - onderdelen: ["1"]
        omschrijving: {what}
        bedrag: {amount}
        soort: incidenteel
        periode: {year}
        dekking: algemene-middelen
"""
# The third report of the current stand also re-plans A6.
REPLANNING_A6 = """  - actie: A6
    status: gestart
    toelichting: Het werk bleek groter.
    herplanning:
      eind: 2025-Q4
      reden: Er kwam meer werk bij.
"""


def _budget(*lines) -> str:
    return BUDGET.format(lines="".join(LINE.format(what=w, amount=a, year=y) for w, a, y in lines))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_current(project: Path) -> Path:
    """The project with the voortgang fixture plans, a budget and a re-planning in the third report."""
    for name in (PLAN, "fictief-historisch"):
        add_plan(project, FIXTURES / "voortgang" / "data" / "plannen" / name)
    plan = project / "data" / "plannen" / PLAN
    (plan / "begroting.yaml").write_text(_budget(("Loket", 120000, 2024), ("Inwonerspanel", 30000, 2025)),
                                         encoding="utf-8")
    with (plan / "rapportages" / "2025-03-31-derde.yaml").open("a", encoding="utf-8") as report:
        report.write(REPLANNING_A6)
    return project / "data"


def make_earlier(current_data: Path, folder: Path) -> Path:
    """The data as they were at the earlier stand, extracted as a release would: a folder holding data/."""
    data = folder / "data"
    shutil.copytree(current_data, data)
    plan = data / "plannen" / PLAN
    (plan / "rapportages" / "2025-03-31-derde.yaml").unlink()
    _edit(plan / "rapportages" / "2024-06-15-eerste.yaml",
          "    herplanning:\n      eind: 2025-Q2\n      reden: Er was minder personeel.\n", "")
    actions = plan / "acties.yaml"
    _edit(actions, "titel: Op schema\n    planning: {eind: 2025-Q4}", "titel: Op schema\n    planning: {eind: 2025-Q3}")
    _edit(actions, "  - id: A7\n    onderdeel: \"1\"\n    titel: Alleen een fase\n    planning: {fase: fase-1}\n"
                   "    status: gepland\n", "")
    _edit(actions, "    status: gestart\n    status_citaten:\n      - \"Actie A8 is al gestart.\"\n",
          "    status: gepland\n  - id: A9\n    onderdeel: \"1\"\n    titel: Actie die later wegviel\n"
          "    planning: {eind: 2025-Q1}\n    status: gepland\n")
    (plan / "begroting.yaml").write_text(_budget(("Loket", 100000, 2024), ("Voorlichting", 20000, 2024)),
                                         encoding="utf-8")
    shutil.rmtree(data / "plannen" / "fictief-historisch")
    shutil.copytree(FIXTURES / "fictief" / "data" / "plannen" / "fictief-zonder-begroting",
                    data / "plannen" / "fictief-zonder-begroting")
    return folder


def publication(earlier: Path) -> release_info.Publication:
    """Three stands: the oldest without data, the earlier one with, and the current one."""
    return release_info.Publication(
        release_info.stand_on(AFTER),
        (release_info.EarlierStand("2024-06-30", "Stand juni 2024", dt.date(2024, 6, 30), None),
         release_info.EarlierStand("2024-12-31", "Stand december 2024", BEFORE, earlier)))


def _build(project: Path, out: Path, publication_file: Path | None, peildatum: dt.date):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": peildatum.isoformat()}
    env.pop(release_info.ENVIRONMENT, None)
    if publication_file:
        env[release_info.ENVIRONMENT] = str(publication_file)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=project, capture_output=True, text=True, env=env)


class Stands:
    def __init__(self, root: Path):
        self.project = copy_project(root / "project")
        self.data = make_current(self.project)
        self.earlier = make_earlier(self.data, root / "stand-2024-12-31")
        self.publication_file = root / "publicatie.json"
        self.publication_file.write_text(release_info.to_json(publication(self.earlier)), encoding="utf-8")
        self.current_site = load_site(self.data, self.project)
        self.earlier_site = load_site(self.earlier / "data", self.earlier)


@pytest.fixture(scope="module")
def stands(tmp_path_factory) -> Stands:
    return Stands(tmp_path_factory.mktemp("standen"))


@pytest.fixture(scope="module")
def compared(stands) -> ch.SiteChanges:
    return ch.compare(stands.earlier_site, BEFORE, stands.current_site, AFTER)


@pytest.fixture(scope="module")
def released(stands) -> Path:
    """The release build, laid out as scripts/release.py does: the stand in <map>/<slug>/, its feeds copied to
    <map>/feeds/. PVA_PUBLICATIE names the earlier stands, PEILDATUM the current one."""
    out = stands.project / "publicatie" / AFTER.isoformat()
    result = _build(stands.project, out, stands.publication_file, AFTER)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copytree(out / "feeds", out.parent / "feeds")
    return out


def head_feeds(top: Path, site: Path) -> dict[str, set[str]]:
    """Per page of the built site, the feeds its head links, as paths under top (where the links may climb to).
    404.html is served at any address, so its links start at the server's root (top), like its stylesheets."""
    found = {}
    for page in site.rglob("*.html"):
        src = page.relative_to(top).as_posix()
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        hrefs = [link["href"] for link in head.find_all("link", rel="alternate", type="application/atom+xml")]
        found[page.relative_to(site).as_posix()] = {
            posixpath.normpath(href).lstrip("/") if href.startswith("/") else
            posixpath.normpath(posixpath.join(posixpath.dirname(src), href)) for href in hrefs}
    return found


def _text(html) -> str:
    """The words of an HTML string or element, as a reader sees them."""
    soup = html if hasattr(html, "get_text") else BeautifulSoup(html, "html.parser")
    return " ".join(soup.get_text().split())


# --- The comparison -------------------------------------------------------------------------------------

def test_plans_that_came_and_went_and_plans_without_changes(compared):
    assert [(p.plan.id, p.added, p.removed) for p in compared.changed] == [
        ("fictief-historisch", True, False), (PLAN, False, False), ("fictief-zonder-begroting", False, True)]
    assert all(p.empty for p in compared.unchanged) and compared.unchanged, "the real plans did not change"


def test_status_changes_say_whether_a_new_report_says_so(compared):
    plan = compared.of(PLAN)
    found = [(c.action.id, c.before.status, c.after.status, c.reported) for c in plan.statuses]
    assert found == [("A3", "gestart", "afgerond", True), ("A8", "gepland", "gestart", False)]
    reported = plan.statuses[0]
    assert reported.after.report.titel == "Derde fictieve rapportage" and reported.after.toelichting == "Het werk is klaar."
    assert plan.statuses[1].after.report is None, "a status the plan gives, corrected in the data"


def test_planned_end_changes_by_a_new_report_or_in_the_data(compared):
    ends = {c.action.id: c for c in compared.of(PLAN).ends}
    assert sorted(ends) == ["A2", "A4", "A6"]
    report, replanning = ends["A6"].replanning
    assert (report.titel, str(replanning.eind), replanning.reden) == ("Derde fictieve rapportage", "4e kwartaal 2025",
                                                                       "Er kwam meer werk bij.")
    assert ends["A2"].replanning is None and str(ends["A2"].earlier_action.planning.eind) == "3e kwartaal 2025"
    # The re-planning of A4 sits in a report that was already there: it was added in the data, not reported now.
    assert ends["A4"].replanning is None and (str(ends["A4"].before.eind), str(ends["A4"].after.eind)) == \
        ("2e kwartaal 2024", "2e kwartaal 2025")


def test_new_and_dropped_actions_and_reports(compared):
    plan = compared.of(PLAN)
    assert [a.id for a, _ in plan.new_actions] == ["A7"]
    assert [(a.id, s.status) for a, s in plan.dropped_actions] == [("A9", "gepland")]
    assert [r.titel for r in plan.new_reports] == ["Derde fictieve rapportage"] and plan.dropped_reports == ()
    assert plan.action_ids == ("A2", "A3", "A4", "A6", "A7", "A8", "A9") and compared.actions_changed == 7


def test_budget_lines_added_removed_and_changed_with_totals_from_the_views(compared):
    (estimate,) = compared.of(PLAN).budget
    lines = [(c.before.omschrijving if c.before else None, c.before.bedrag if c.before else None,
              c.after.omschrijving if c.after else None, c.after.bedrag if c.after else None) for c in estimate.lines]
    assert lines == [("Loket", 100000, "Loket", 120000), (None, None, "Inwonerspanel", 30000),
                     ("Voorlichting", 20000, None, None)]
    assert [(kind, euros) for kind, euros, _, _ in estimate.totals_before] == [(None, 120000)]
    assert [(kind, euros) for kind, euros, _, _ in estimate.totals_after] == [(None, 150000)]


def test_the_same_data_twice_is_no_change(stands):
    same = ch.compare(stands.current_site, AFTER, stands.current_site, AFTER)
    assert same.changed == () and same.actions_changed == 0


def test_a_later_peildatum_alone_processes_reports_that_were_not_yet_known(stands):
    """The same data, read later: the reports dated in between are new; what they say, they report."""
    later = ch.compare(stands.current_site, dt.date(2024, 7, 1), stands.current_site, AFTER)
    plan = later.of(PLAN)
    assert [r.titel for r in plan.new_reports] == ["Tweede fictieve rapportage", "Derde fictieve rapportage"]
    assert all(c.reported for c in plan.statuses) and {c.action.id for c in plan.statuses} == {"A1", "A3"}


def test_history_pairs_each_stand_with_the_one_before_newest_first(stands):
    entries = stands_of_build(stands.current_site, AFTER, stands.project,
                              {release_info.ENVIRONMENT: str(stands.publication_file)})
    assert [(e.stand.titel, e.previous.stand.titel if e.previous else None, e.changes is not None) for e in entries] == [
        ("Stand oktober 2025", "Stand december 2024", True), ("Stand december 2024", "Stand juni 2024", False),
        ("Stand juni 2024", None, False)]
    assert [entry_title(e) for e in entries] == ["Stand oktober 2025: 7 acties veranderd",
                                                 "Stand december 2024: niet te vergelijken",
                                                 "Stand juni 2024: eerste stand op deze site"]
    assert entry_title(entries[0], PLAN) == "Stand oktober 2025: 7 acties veranderd"
    assert entry_title(entries[0], "fictief-historisch") == "Stand oktober 2025: nieuw plan op deze site"
    assert entry_title(entries[0], "bewind") == "Stand oktober 2025: geen acties veranderd"
    assert stands_of_build(stands.current_site, AFTER, stands.project, {}) == (), "a preview compares nothing"


def test_a_stand_without_data_says_only_what_is_known(stands):
    def data(slug, site):
        stand = release_info.EarlierStand(slug, f"Stand {slug}", dt.date.fromisoformat(slug), None)
        return ch.StandData(stand, site, stand.peildatum)

    newest, middle, oldest = ch.history((data("2024-06-30", stands.earlier_site), data("2024-12-31", None),
                                         data("2025-10-01", stands.current_site)))
    assert newest.changes is None and middle.changes is None and oldest.previous is None
    assert _text(stand_intro(middle)) == ("Peildatum 31 december 2024. Van deze stand heeft deze site de gegevens "
                                          "niet. Bekend zijn alleen de naam en de peildatum.")
    assert "Van de stand ervoor, Stand 2024-12-31 (peildatum 31 december 2024), heeft deze site de gegevens niet." \
        in _text(stand_intro(newest))
    assert entry_title(middle) == "Stand 2024-12-31: niet te vergelijken"


def test_a_release_description_that_does_not_fit_the_build_stops_it_in_dutch(stands, tmp_path):
    env = {release_info.ENVIRONMENT: str(stands.publication_file)}
    with pytest.raises(ValueError, match="Oplossing: zet PEILDATUM=2025-10-01"):
        stands_of_build(stands.current_site, BEFORE, stands.project, env)
    missing = release_info.Publication(release_info.stand_on(AFTER), (
        release_info.EarlierStand("2024-12-31", "Stand december 2024", BEFORE, tmp_path / "weg"),))
    (tmp_path / "p.json").write_text(release_info.to_json(missing), encoding="utf-8")
    with pytest.raises(ValueError, match="geen map met plannen"):
        stands_of_build(stands.current_site, AFTER, stands.project, {release_info.ENVIRONMENT: str(tmp_path / "p.json")})
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="geen geldige beschrijving van een publicatie"):
        stands_of_build(stands.current_site, AFTER, stands.project, {release_info.ENVIRONMENT: str(tmp_path / "kapot.json")})


def test_earlier_data_this_version_cannot_read_are_said_to_be_unreadable(stands, tmp_path):
    broken = tmp_path / "kapot"
    shutil.copytree(stands.earlier, broken)
    (broken / "data" / "plannen" / PLAN / "plan.yaml").write_text("id: [\n", encoding="utf-8")
    pub = release_info.Publication(release_info.stand_on(AFTER), (
        release_info.EarlierStand("2024-12-31", "Stand december 2024", BEFORE, broken / "data"),))
    (latest, _) = ch.history(ch.load_stands(pub, stands.current_site, AFTER))
    assert latest.changes is None and latest.previous.unreadable
    assert "de gegevens niet in een vorm die deze versie van de site kan lezen" in _text(stand_section(
        latest, Links("x.md"), stands.current_site))
    assert summary((latest,)) == NO_DATA_SUMMARY


# --- The words: summary in B1, and each change with its source and date -----------------------------------

@pytest.fixture(scope="module")
def entries(stands):
    return stands_of_build(stands.current_site, AFTER, stands.project,
                           {release_info.ENVIRONMENT: str(stands.publication_file)})


EXPECTED_SUMMARY = (
    "Hier ziet u wat er anders is sinds de stand van december 2024. Bij 2 acties is de status anders. "
    "Bij 3 acties is de planning anders. Er is 1 nieuwe actie. Er staat 1 actie niet meer in. "
    "Er is 1 nieuw verslag over de voortgang. Er is 1 nieuw plan. Er staat 1 plan niet meer op de site. "
    "Bij 1 plan is het geld anders. Bij elke verandering staat waar die vandaan komt.")


def test_summary_counts_the_changes_in_b1(entries):
    assert summary(entries) == EXPECTED_SUMMARY
    assert summary(entries[2:]) == FIRST_SUMMARY and summary(()) == PREVIEW_SUMMARY


@pytest.mark.parametrize("counts", [0, 1, 2])
def test_every_summary_the_page_can_have_is_b1(counts, entries, compared):
    """The made summary with none, one and two of every kind of change, and the fixed texts."""
    vocabulary = Vocabulary.load()
    real = compared.of(PLAN)
    fake = ch.PlanChanges(real.plan, real.earlier, new_reports=real.new_reports * counts,
                          statuses=real.statuses[:1] * counts, ends=real.ends[:1] * counts,
                          new_actions=real.new_actions * counts, dropped_actions=real.dropped_actions * counts,
                          budget=real.budget * counts)
    plans = (fake, *[ch.PlanChanges(real.plan, added=True)] * counts, *[ch.PlanChanges(real.plan, removed=True)] * counts)
    site_changes = ch.SiteChanges(BEFORE, AFTER, plans)
    texts = [PREVIEW_SUMMARY, FIRST_SUMMARY, NO_DATA_SUMMARY, EXPECTED_SUMMARY,
             summary((ch.StandChanges(entries[0].stand, entries[0].previous, entries[0].current, site_changes),))]
    for text in texts:
        report = check_text(text, vocabulary)
        assert report.is_b1, (text, [f.message for s in report.sentences for f in s.findings])


def _items(html: str) -> list[str]:
    return [_text(li) for li in BeautifulSoup(html, "html.parser").select("ul.pva-changes > li")]


def test_each_change_is_said_in_plain_words_with_its_source_and_date(entries, stands):
    html = stand_section(entries[0], Links("wat-is-er-veranderd.md"), stands.current_site, plan_id=PLAN)
    items = _items(html)
    assert items[:8] == [
        "Nieuwe voortgangsrapportage verwerkt: Derde fictieve rapportage (Fictieve raadsmededeling 3), stand 31 maart "
        "2025. Over 2 acties.",
        "Actie A3 Later afgerond dan gepland: Afgerond, was gestart. Voortgang: 100%. Het werk is klaar. Bron: Derde "
        "fictieve rapportage (Fictieve raadsmededeling 3), stand 31 maart 2025.",
        "Actie A8 Volgens het plan al gestart: Gestart, was gepland. Dit is veranderd in de gegevens; geen nieuwe "
        "voortgangsrapportage meldt het. De status komt nu uit: het plan van 15 januari 2024.",
        "Actie A2 Op schema: de planning is veranderd in de gegevens; geen nieuwe voortgangsrapportage meldt het. "
        "Nu: Uiterlijk 4e kwartaal 2025. Was: Uiterlijk 3e kwartaal 2025.",
        "Actie A4 Herpland: de planning is veranderd in de gegevens; geen nieuwe voortgangsrapportage meldt het. "
        "Nu: Uiterlijk 2e kwartaal 2024; herpland naar 2e kwartaal 2025 (Eerste fictieve rapportage, stand 15 juni "
        "2024). Was: Uiterlijk 2e kwartaal 2024.",
        "Actie A6 Verouderde rapportage: gepland einde nu 4e kwartaal 2025, was 3e kwartaal 2024. Reden: Er kwam "
        "meer werk bij. Bron: Derde fictieve rapportage (Fictieve raadsmededeling 3), stand 31 maart 2025.",
        "Nieuwe actie: Actie A7 Alleen een fase. Gepland volgens het plan van 15 januari 2024.",
        "Actie A9 Actie die later wegviel staat niet meer in de gegevens. Bij de vorige stand: Gepland, volgens het "
        "plan van 15 januari 2024.",
    ]
    assert items[8] == ("Begroting, Tabel in het fictieve plan (raming); bron: het fictieve plan. Loket: nu € 120.000, "
                        "was € 100.000. Nieuwe regel: Inwonerspanel: € 30.000. Regel weg: Voorlichting, was € 20.000. "
                        "Totaal (berekend): nu € 150.000, was € 120.000.")  # (the words split at the no-break space too)
    assert len(items) == 9
    soup = BeautifulSoup(html, "html.parser")
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links["Actie A3 Later afgerond dan gepland"] == f"{PLAN}/actielijnen/1.html#actie-a3"
    assert "Actie A9 Actie die later wegviel" not in links, "a dropped action has no page to link to"


def test_plans_that_came_went_or_stayed_the_same_are_named(entries, stands):
    html = stand_section(entries[0], Links("wat-is-er-veranderd.md"), stands.current_site)
    text = _text(html)
    assert "Nieuw plan op deze site: Fictief oud plan, met 1 actie. Bron: het plan uit 2013." in text
    assert "Het plan Fictief plan zonder begroting staat niet meer op deze site." in text
    unchanged = ", ".join(p.korte_titel for p in stands.current_site.plannen
                          if p.id not in (PLAN, "fictief-historisch"))
    assert f"Niets veranderd bij: {unchanged}." in text


def test_without_a_publication_the_page_says_honestly_that_this_is_no_stand(stands):
    html = changes_page((), Links("wat-is-er-veranderd.md"), stands.current_site, AFTER)
    assert "Deze versie van de site is geen gepubliceerde stand." in _text(html)
    assert "pva-changes" not in html


# --- The Atom feeds ------------------------------------------------------------------------------------

SETTINGS = FeedSettings("Plannen van aanpak Deventer", "Deventer", "Gemeente Deventer", None, release=True)


def _feed(xml: bytes) -> ET.Element:
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    for required in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert root.find(ATOM + required) is not None, required
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "content"):
            assert entry.find(ATOM + required) is not None and entry.find(ATOM + required).text, required
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.find(f"{ATOM}updated").text)
    return root


def test_feeds_have_one_entry_per_stand_with_stable_ids_and_the_peildatum(entries, stands):
    feeds = all_feeds(entries, stands.current_site, SETTINGS, AFTER)
    assert set(feeds) == {"feeds/alle.xml", *(f"feeds/{p.id}.xml" for p in stands.current_site.plannen)}
    site = _feed(feeds["feeds/alle.xml"])
    assert site.find(f"{ATOM}id").text == "tag:plannen-van-aanpak-deventer.deventer,2026:feeds/alle"
    assert site.find(f"{ATOM}updated").text == "2025-10-01T00:00:00Z"
    assert [(e.find(f"{ATOM}id").text, e.find(f"{ATOM}title").text, e.find(f"{ATOM}updated").text,
             e.find(f"{ATOM}link").get("href")) for e in site.findall(f"{ATOM}entry")] == [
        ("tag:plannen-van-aanpak-deventer.deventer,2026:stand/2025-10-01", "Stand oktober 2025: 7 acties veranderd",
         "2025-10-01T00:00:00Z", "../2025-10-01/wat-is-er-veranderd.html#stand-2025-10-01"),
        ("tag:plannen-van-aanpak-deventer.deventer,2026:stand/2024-12-31", "Stand december 2024: niet te vergelijken",
         "2024-12-31T00:00:00Z", "../2024-12-31/wat-is-er-veranderd.html#stand-2024-12-31"),
        ("tag:plannen-van-aanpak-deventer.deventer,2026:stand/2024-06-30", "Stand juni 2024: eerste stand op deze site",
         "2024-06-30T00:00:00Z", "../2024-06-30/wat-is-er-veranderd.html#stand-2024-06-30"),
    ]
    content = site.find(f"{ATOM}entry/{ATOM}content").text  # HTML, escaped once in the XML
    assert "Het werk is klaar." in content and 'href="../2025-10-01/fictief-voortgang/actielijnen/1.html#actie-a3"' in content
    plan = _feed(feeds[f"feeds/{PLAN}.xml"])
    assert [e.find(f"{ATOM}id").text for e in plan.findall(f"{ATOM}entry")] == [
        f"tag:plannen-van-aanpak-deventer.deventer,2026:stand/{s}/plan/{PLAN}"
        for s in ("2025-10-01", "2024-12-31", "2024-06-30")]
    added = _feed(feeds["feeds/fictief-historisch.xml"])
    assert [e.find(f"{ATOM}title").text for e in added.findall(f"{ATOM}entry")] == [
        "Stand oktober 2025: nieuw plan op deze site"], "not at the earlier stands: not there in December 2024"


def test_feeds_use_absolute_links_when_site_url_is_set(entries, stands):
    settings = FeedSettings("Plannen van aanpak Deventer", "Deventer", "Gemeente Deventer", "https://example.org/pva/",
                            release=True)
    site = _feed(all_feeds(entries, stands.current_site, settings, AFTER)["feeds/alle.xml"])
    assert site.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/pva/feeds/alle.xml"
    assert site.find(f"{ATOM}entry/{ATOM}link").get("href") == \
        "https://example.org/pva/2025-10-01/wat-is-er-veranderd.html#stand-2025-10-01"
    assert 'href="https://example.org/pva/2025-10-01/fictief-voortgang/actielijnen/1.html#actie-a3"' in \
        site.find(f"{ATOM}entry/{ATOM}content").text


def test_each_entry_links_to_the_actions_as_its_own_stand_has_them(stands):
    """A7 came at the October stand and is gone at a later one: that entry still links it, in its own folder."""
    def data(slug, site):
        stand = release_info.EarlierStand(slug, f"Stand {slug}", dt.date.fromisoformat(slug), None)
        return ch.StandData(stand, site, stand.peildatum)

    entries = ch.history((data("2024-12-31", stands.earlier_site), data("2025-10-01", stands.current_site),
                          data("2025-11-30", stands.earlier_site)))
    xml = all_feeds(entries, stands.earlier_site, SETTINGS, dt.date(2025, 11, 30))[f"feeds/{PLAN}.xml"]
    newest, october, _ = [BeautifulSoup(e.find(f"{ATOM}content").text, "html.parser")
                          for e in _feed(xml).findall(f"{ATOM}entry")]
    assert october.find("a", string="Actie A7 Alleen een fase")["href"] == \
        f"../2025-10-01/{PLAN}/actielijnen/1.html#actie-a7"
    assert newest.find("a", string="Actie A9 Actie die later wegviel")["href"] == \
        f"../2025-11-30/{PLAN}/actielijnen/1.html#actie-a9"
    assert newest.find("a", string="Actie A7 Alleen een fase") is None, "gone at that stand: no link"


def test_a_preview_has_feeds_without_entries(stands):
    site = _feed(all_feeds((), stands.current_site, SETTINGS, AFTER)["feeds/alle.xml"])
    assert site.findall(f"{ATOM}entry") == [] and site.find(f"{ATOM}updated").text == "2025-10-01T00:00:00Z"


# --- The built release --------------------------------------------------------------------------------

def test_the_release_page_lists_the_changes_with_reasons_and_sources(released, stands):
    soup = html_of(released, "wat-is-er-veranderd.html")
    article = soup.select_one("article")
    assert _text(article.select_one(".pva-kort__tekst")) == EXPECTED_SUMMARY
    assert [h.get_text(strip=True).rstrip("¶") for h in article.find_all(["h2", "h3"])][:5] == [
        "In het kort", "Stand oktober 2025", "Fictief oud plan", "Fictief plan met voortgangsrapportages",
        "Fictief plan zonder begroting"]
    assert article.find(id="stand-2025-10-01") and article.find(id="stand-2024-12-31")
    text = _text(article)
    for said in ("Afgerond, was gestart. Voortgang: 100%. Het werk is klaar. Bron: Derde fictieve rapportage",
                 "Gestart, was gepland. Dit is veranderd in de gegevens; geen nieuwe voortgangsrapportage meldt het.",
                 "Reden: Er kwam meer werk bij. Bron: Derde fictieve rapportage (Fictieve raadsmededeling 3), stand "
                 "31 maart 2025.",
                 "Dit is de eerste stand op deze site.",
                 "Van de stand ervoor, Stand juni 2024 (peildatum 30 juni 2024), heeft deze site de gegevens niet."):
        assert said in text, said
    # Every link to an action lands on the action's heading.
    for a in article.select("ul.pva-changes a[href*='#actie-']"):
        page, anchor = a["href"].split("#")
        assert html_of(released, page).find(id=anchor), a["href"]
    menu = [a.get_text(strip=True) for a in soup.select(".md-nav--primary > .md-nav__list > .md-nav__item > a")]
    assert menu[1] == "Wat is er veranderd", menu
    # The feeds to subscribe to are the publication folder's, which every release keeps up to date.
    feeds = [a["href"] for a in article.select("ul.pva-feeds a")]
    assert feeds[0] == "../feeds/alle.xml" and all((released / href).resolve().is_file() for href in feeds)


def test_the_release_feeds_are_written_and_every_page_links_them_from_its_head(released, stands):
    feeds = {p.relative_to(released).as_posix(): p.read_bytes() for p in (released / "feeds").glob("*.xml")}
    assert set(feeds) == {"feeds/alle.xml", *(f"feeds/{p.id}.xml" for p in stands.current_site.plannen)}
    assert len(_feed(feeds["feeds/alle.xml"]).findall(f"{ATOM}entry")) == 3
    top = released.parent  # the publication folder: the stand's pages link the feeds there, one up
    plan_ids = {p.id for p in stands.current_site.plannen}
    for src, linked in head_feeds(top, released).items():
        expected = {"feeds/alle.xml"}
        if "/" in src and src.split("/")[0] in plan_ids:
            expected.add(f"feeds/{src.split('/')[0]}.xml")
        assert linked == expected, src
        assert all((top / path).is_file() for path in linked), src
    # From <map>/feeds/ each entry links into its own stand's folder; the newest stand's links all land.
    newest = _feed((top / "feeds" / "alle.xml").read_bytes()).find(f"{ATOM}entry")
    content = BeautifulSoup(newest.find(f"{ATOM}content").text, "html.parser")
    for href in [newest.find(f"{ATOM}link").get("href"), *(a["href"] for a in content.find_all("a", href=True)
                                                           if not a["href"].startswith("https:"))]:
        target, _, anchor = posixpath.normpath(posixpath.join("feeds", href)).partition("#")
        assert (top / target).is_file(), href
        assert not anchor or html_of(top, target).find(id=anchor), href


def test_the_release_shows_the_history_of_each_action(released):
    soup = html_of(released, f"{PLAN}/actielijnen/1.html")
    table = soup.find(id="actie-a3").find_next("table", class_="pva-history")
    assert [_text(tr.th) for tr in table.tbody.find_all("tr")] == ["15 januari 2024", "30 september 2024",
                                                                   "31 maart 2025"]


def test_two_builds_of_the_same_release_write_the_same_feeds(released, stands):
    again = stands.project / "nog-eens"
    result = _build(stands.project, again, stands.publication_file, AFTER)
    assert result.returncode == 0, result.stdout + result.stderr
    for feed in (released / "feeds").glob("*.xml"):
        assert (again / "feeds" / feed.name).read_bytes() == feed.read_bytes(), feed.name


def test_a_build_without_publication_passes_strict_with_an_honest_page_and_empty_feeds(stands):
    out = stands.project / "voorbeeld"
    result = _build(stands.project, out, None, AFTER)
    assert result.returncode == 0, result.stdout + result.stderr
    article = html_of(out, "wat-is-er-veranderd.html").select_one("article")
    assert _text(article.select_one(".pva-kort__tekst")) == PREVIEW_SUMMARY
    assert "Deze versie van de site is geen gepubliceerde stand." in _text(article)
    for plan in stands.current_site.plannen:
        assert _feed((out / "feeds" / f"{plan.id}.xml").read_bytes()).findall(f"{ATOM}entry") == []
    assert _feed((out / "feeds" / "alle.xml").read_bytes()).findall(f"{ATOM}entry") == []
    for src, linked in head_feeds(out, out).items():  # a preview links its own feeds
        assert "feeds/alle.xml" in linked and all((out / path).is_file() for path in linked), src


def test_the_feed_links_cause_no_errors_in_the_browser_from_a_folder(released, page):
    """Material fetches a sitemap beside every link[rel=alternate] it sees (an exact match), which fails from a
    folder; the feed links say rel="alternate feed", so Material leaves them alone (overrides/main.html). (The
    release's list of stands, ../versies.js, is not in this test's folder: only the feeds are looked at.)"""
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: problems.append(r.url) if r.url.endswith(".xml") else None)
    for name in ("wat-is-er-veranderd.html", f"{PLAN}/actielijnen/1.html"):
        page.goto((released / name).as_uri())
        page.wait_for_load_state("load")
        assert page.locator("link[rel~='alternate'][type='application/atom+xml']").count() >= 1
    page.wait_for_timeout(500)
    assert not [p for p in problems if "sitemap" in p or ".xml" in p], problems
