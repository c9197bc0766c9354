"""Releases (scripts/release.py): two reporting moments published in a throw-away git repository.

The project copy gets the made-up plan of tests/fixtures/voortgang/ with its first two progress reports and is
released (peildatum: the newest report, 30 september 2024); then the third report is committed and released
(31 maart 2025). Everything a release makes is checked on these two versions.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import threading
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, add_plan, copy_project, git, git_repository, run_release as release

FIXTURE_PLAN = ROOT / "tests" / "fixtures" / "voortgang" / "data" / "plannen" / "fictief-voortgang"
THIRD_REPORT = "rapportages/2025-03-31-derde.yaml"
FIRST, SECOND = "2024-09-30", "2025-03-31"
def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class Releases:
    def __init__(self, project: Path):
        self.project = project
        self.root = project / "publicatie"
        self.first_as_published: dict[str, bytes] = {}
        self.outputs: list[str] = []

    def version(self, slug: str) -> Path:
        return self.root / slug


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> Releases:
    project = copy_project(tmp_path_factory.mktemp("release") / "project")
    plan = add_plan(project, FIXTURE_PLAN)
    third = (plan / THIRD_REPORT).read_bytes()
    (plan / THIRD_REPORT).unlink()
    git_repository(project)  # the plans with two progress reports
    made = Releases(project)
    first = release(project)
    assert first.returncode == 0, first.stdout + first.stderr
    made.outputs.append(first.stdout)
    made.first_as_published = snapshot(made.version(FIRST))
    (plan / THIRD_REPORT).write_bytes(third)
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Third progress report")
    second = release(project)
    assert second.returncode == 0, second.stdout + second.stderr
    made.outputs.append(second.stdout)
    return made


def test_each_release_is_a_version_tagged_in_git(releases):
    assert (releases.version(FIRST) / "index.html").exists() and (releases.version(SECOND) / "index.html").exists()
    tags = git(releases.project, "tag", "-n1").splitlines()
    assert [t.split() for t in tags] == [["stand-2024-09-30", "Stand", "september", "2024"],
                                         ["stand-2025-03-31", "Stand", "maart", "2025"]]
    assert git(releases.project, "rev-list", "-n1", "stand-2025-03-31").strip() == \
        git(releases.project, "rev-parse", "HEAD").strip()
    assert "Gepubliceerd: Stand maart 2025 (peildatum 31 maart 2025)" in releases.outputs[1]


def test_the_first_version_is_byte_for_byte_unchanged_after_the_second(releases):
    assert snapshot(releases.version(FIRST)) == releases.first_as_published


def test_the_root_lists_the_versions_newest_first_and_leads_to_the_newest(releases):
    import json

    listing = json.loads((releases.root / "versies.json").read_text(encoding="utf-8"))
    assert listing["nieuwste"] == SECOND
    assert [s["titel"] for s in listing["standen"]] == ["Stand maart 2025", "Stand september 2024"]
    script = (releases.root / "versies.js").read_text(encoding="utf-8")
    assert json.loads(script.split("window.pvaStanden = ", 1)[1].rstrip().rstrip(";")) == listing
    index = BeautifulSoup((releases.root / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={SECOND}/index.html"
    assert index.find("a", string="Stand maart 2025")["href"] == f"{SECOND}/index.html"
    standen = BeautifulSoup((releases.root / "standen.html").read_text(encoding="utf-8"), "html.parser")
    items = [li.get_text(" ", strip=True) for li in standen.find("main").find_all("li")]
    assert items[0].startswith("Stand maart 2025 (nieuwste)") and items[1].startswith("Stand september 2024")
    for link in standen.find_all("a"):
        assert (releases.root / link["href"]).exists(), link["href"]


def test_every_page_of_a_version_says_its_stand(releases):
    for slug, title in ((FIRST, "Stand september 2024"), (SECOND, "Stand maart 2025")):
        pages = sorted(releases.version(slug).rglob("*.html"))
        assert len(pages) > 20
        for page in pages:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            bar = soup.find("aside", class_="pva-versie")
            assert bar is not None and bar["data-pva-versie"] == slug, page
            assert f"U kijkt naar: {title} (peildatum" in bar.get_text(" ", strip=True), page
            if page.name == "404.html" and page.parent == releases.version(slug):
                continue  # links from the server's root (tests/test_hosting.py)
            script = soup.find("script", src=lambda s: s and s.endswith("versies.js"))
            assert (page.parent / script["src"]).resolve() == (releases.root / "versies.js").resolve(), page
            everything = bar.find("a", string="Alle standen")
            assert (page.parent / everything["href"]).resolve() == (releases.root / "standen.html").resolve()


def test_an_ordinary_build_has_no_stand_bar(built_site):
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("aside", class_="pva-versie") is None
    assert soup.find("script", src=lambda s: s and "versies.js" in s) is None


@pytest.mark.parametrize("served", ["file", "http"])
def test_an_archived_version_says_it_is_not_the_newest_and_links_to_it(releases, page, served, tmp_path):
    with _served(releases.root) if served == "http" else _as_files(releases.root) as base:
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{base}/{FIRST}/fictief-voortgang/index.html")
        bar = page.locator(".pva-versie")
        assert "pva-versie--oud" in bar.get_attribute("class")
        assert "Let op: dit is niet de nieuwste stand. De nieuwste is: Stand maart 2025 (peildatum 31 maart 2025)." \
            in bar.inner_text()
        page.locator(".pva-versie summary").click()
        choices = page.locator(".pva-versie__kies a")
        assert choices.all_inner_texts() == ["Stand maart 2025 (nieuwste)", "Stand september 2024"]
        assert page.locator('.pva-versie__kies a[aria-current="page"]').inner_text() == "Stand september 2024"
        page.get_by_role("link", name="Naar de nieuwste stand").click()
        page.wait_for_url(f"**/{SECOND}/index.html")
        assert page.locator(".pva-versie").inner_text().count("Dit is de nieuwste stand.") == 1
        assert "pva-versie--oud" not in page.locator(".pva-versie").get_attribute("class")
        assert errors == []


@contextlib.contextmanager
def _served(folder: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _as_files:
    def __init__(self, folder: Path):
        self.url = folder.as_uri()

    def __enter__(self) -> str:
        return self.url

    def __exit__(self, *exc) -> None:
        return None


def test_a_release_is_rebuilt_byte_for_byte_from_its_tag(releases, tmp_path):
    published = releases.version(SECOND)
    kept = tmp_path / "zoals-gepubliceerd"
    shutil.move(published, kept)
    try:
        again = release(releases.project, "--peildatum", SECOND)
        assert again.returncode == 0, again.stdout + again.stderr
        assert snapshot(published) == snapshot(kept)
        same = release(releases.project, "--peildatum", SECOND)  # in place: checked, left as it was
        assert same.returncode == 0 and "byte voor byte gelijk" in same.stdout
    finally:
        shutil.rmtree(published, ignore_errors=True)
        shutil.move(kept, published)


def test_a_release_refuses_uncommitted_changes_and_an_earlier_peildatum(releases):
    before = snapshot(releases.root)
    tags = git(releases.project, "tag")
    acties = releases.project / "data" / "plannen" / "fictief-voortgang" / "acties.yaml"
    original = acties.read_bytes()
    acties.write_bytes(original + b"\n")
    try:
        dirty = release(releases.project, "--peildatum", "2025-06-30")
        assert dirty.returncode == 1
        assert "Niet gepubliceerd: er zijn wijzigingen die nog niet in git staan:" in dirty.stderr
        assert "data/plannen/fictief-voortgang/acties.yaml" in dirty.stderr and "Oplossing: commit ze" in dirty.stderr
    finally:
        acties.write_bytes(original)
    older = release(releases.project, "--peildatum", "2025-01-01")
    assert older.returncode == 1
    assert "er is al een nieuwere stand gepubliceerd: Stand maart 2025" in older.stderr
    wrong = release(releases.project, "--peildatum", "30-06-2025")
    assert wrong.returncode == 1 and "geen geldige datum" in wrong.stderr
    assert "Traceback" not in dirty.stderr + older.stderr + wrong.stderr
    assert snapshot(releases.root) == before and git(releases.project, "tag") == tags


@pytest.mark.parametrize("width", [1280, 320])
def test_the_stand_bar_and_the_list_of_stands_pass_axe_and_fit_a_phone(releases, page, width):
    from conftest import node_tool
    from test_accessibility import describe, run_axe

    axe = node_tool("axe-core/axe.min.js").read_text(encoding="utf-8")
    page.set_viewport_size({"width": width, "height": 800})
    for address in (f"{FIRST}/index.html", f"{SECOND}/fictief-voortgang/index.html", "standen.html"):
        page.goto((releases.root / address).as_uri())
        if page.locator(".pva-versie summary").count():
            page.locator(".pva-versie summary").click()  # the list of stands open, so axe sees it too
        violations = run_axe(page, axe)["violations"]
        assert violations == [], f"{address}: {describe(violations)}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width, address


def test_each_version_has_the_open_data_of_its_own_stand(releases):
    import csv
    import json

    import jsonschema

    def reports(slug: str) -> set[str]:
        with (releases.version(slug) / "open-data" / "rapportages.csv").open(encoding="utf-8-sig", newline="") as f:
            return {row["peildatum"] for row in csv.DictReader(f) if row["plan"] == "fictief-voortgang"}

    assert reports(FIRST) == {"2024-06-15", "2024-09-30"}
    assert reports(SECOND) == {"2024-06-15", "2024-09-30", "2025-03-31"}
    for slug, title in ((FIRST, "Stand september 2024"), (SECOND, "Stand maart 2025")):
        folder = releases.version(slug) / "open-data"
        document = json.loads((folder / "plannen.json").read_text(encoding="utf-8"))
        schema = json.loads((folder / "plannen.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(document)
        assert title in json.dumps(document.get("publicatie"), ensure_ascii=False)


def test_each_version_has_a_pdf_of_each_plan_with_the_statuses_of_its_own_stand(releases):
    from pypdf import PdfReader

    from macros import action_state
    from macros.dutch import datum
    from macros.loader import load_site
    from macros.render_status import STATUS_LABEL

    model = load_site(releases.project / "data", releases.project).plan("fictief-voortgang")
    for slug in (FIRST, SECOND):
        version = releases.version(slug)
        for plan_folder in sorted(p for p in (releases.project / "data" / "plannen").iterdir() if p.is_dir()):
            pdf = version / plan_folder.name / f"{plan_folder.name}.pdf"
            assert pdf.exists(), pdf
            overview = BeautifulSoup((version / plan_folder.name / "index.html").read_text(encoding="utf-8"),
                                     "html.parser")
            assert overview.find("a", href=pdf.name) is not None
        text = " ".join(" ".join((page.extract_text() or "").split())
                        for page in PdfReader(version / "fictief-voortgang" / "fictief-voortgang.pdf").pages)
        peildatum = dt.date.fromisoformat(slug)
        for action in model.acties:
            label = STATUS_LABEL[action_state.state(model, action, peildatum).status]
            assert action.id in text and label in text, (slug, action.id, label)
        assert ("Derde fictieve rapportage" in text) == (slug == SECOND)
        title = "Stand september 2024" if slug == FIRST else "Stand maart 2025"
        cover = " ".join(PdfReader(version / "fictief-voortgang" / "fictief-voortgang.pdf").pages[0].extract_text().split())
        assert f"Stand op {datum(peildatum)}" in cover and title in cover, cover


def test_nothing_in_a_version_carries_the_day_it_was_built(releases):
    """Two builds of a release on different days must be the same bytes: no file may hold today's date."""
    from pypdf import PdfReader

    from macros.dutch import datum

    today = dt.date.today()
    marks = (today.isoformat(), datum(today), today.strftime("%Y%m%d"))
    for slug in (FIRST, SECOND):
        for path in sorted(releases.version(slug).rglob("*")):
            if path.suffix == ".pdf":
                reader = PdfReader(path)
                # the cover and a page's running header and footer: where a print date would show
                text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages[:2])
                text += " " + " ".join(str(v) for v in (reader.metadata or {}).values())
            elif path.suffix in (".html", ".xml", ".json", ".jsonld", ".csv", ".js", ".css", ".txt"):
                text = path.read_text(encoding="utf-8-sig")
            else:
                continue
            assert not any(mark in text for mark in marks), f"{path} draagt de datum van vandaag"


def test_the_second_stand_says_what_changed_since_the_first_with_the_reports_reason(releases):
    page = BeautifulSoup((releases.version(SECOND) / "wat-is-er-veranderd.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = page.find("article")
    assert article.find(class_="pva-summary") is not None or "In het kort" in article.get_text()
    text = " ".join(article.get_text(" ").split())
    assert "Stand maart 2025" in text and "Stand september 2024" in text
    action = next(li for li in article.find_all("li") if "A3" in li.get_text())
    said = " ".join(action.get_text(" ").split())
    assert "Afgerond" in said and "Het werk is klaar." in said and "Derde fictieve rapportage" in said, said
    link = action.find("a", href=lambda h: h and "fictief-voortgang" in h)
    target = (releases.version(SECOND) / "wat-is-er-veranderd.html").parent / link["href"].split("#")[0]
    assert target.exists(), link["href"]
    first = " ".join(BeautifulSoup((releases.version(FIRST) / "wat-is-er-veranderd.html").read_text(encoding="utf-8"),
                                   "html.parser").find("article").get_text(" ").split())
    assert "A3" not in first or "Het werk is klaar." not in first


def test_the_feeds_at_the_root_have_one_entry_per_stand_with_stable_ids(releases):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feeds = {}
    for name in ("alle.xml", "fictief-voortgang.xml"):
        feed = ET.parse(releases.root / "feeds" / name).getroot()
        entries = feed.findall(f"{atom}entry")
        assert [e.find(f"{atom}updated").text[:10] for e in entries] == [SECOND, FIRST], name
        assert feed.find(f"{atom}updated").text[:10] == SECOND
        feeds[name] = entries
    newest = feeds["fictief-voortgang.xml"][0]
    assert "A3" in newest.find(f"{atom}content").text and "Het werk is klaar." in newest.find(f"{atom}content").text
    # the entry of the first stand kept its id from the first release's own feed
    first_feed = ET.parse(releases.version(FIRST) / "feeds" / "alle.xml").getroot()
    assert first_feed.find(f"{atom}entry/{atom}id").text == feeds["alle.xml"][1].find(f"{atom}id").text
    for page in (releases.version(SECOND) / "index.html", releases.version(FIRST) / "fictief-voortgang" / "index.html"):
        html_text = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html_text, "html.parser")
        hrefs = [link["href"] for link in soup.find_all("link", type="application/atom+xml")]
        assert hrefs and all((page.parent / h).resolve().is_relative_to((releases.root / "feeds").resolve())
                             for h in hrefs), (page, hrefs)
        assert all((page.parent / h).exists() for h in hrefs), (page, hrefs)


def test_each_action_shows_its_history_of_every_report_oldest_first(releases):
    pages = [p for p in sorted((releases.version(SECOND) / "fictief-voortgang").rglob("*.html"))
             if 'id="actie-a3"' in p.read_text(encoding="utf-8")]
    assert pages, "action A3 is shown in full on a page of its plan"
    page = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    table = page.find(id="actie-a3").find_next("table", class_="pva-history")
    rows = [" ".join(tr.get_text(" ").split()) for tr in table.tbody.find_all("tr")]
    from macros.dutch import datum
    from macros.loader import load_site

    plan = load_site(releases.project / "data", releases.project).plan("fictief-voortgang")
    dates = [datum(r.peildatum) for r in plan.voortgangsrapportages if r.over("A3")]
    assert len(dates) >= 2
    mentioned = [next((i for i, row in enumerate(rows) if d in row), None) for d in dates]
    assert None not in mentioned and mentioned == sorted(mentioned), rows
    assert "Het werk is klaar." in rows[-1] and "Afgerond" in rows[-1]


def test_a_trial_release_builds_beside_the_publication_and_publishes_nothing(releases):
    before, tags = snapshot(releases.root), git(releases.project, "tag")
    trial = release(releases.project, "--peildatum", "2025-06-30", "--proef")
    assert trial.returncode == 0, trial.stdout + trial.stderr
    built = releases.project / "publicatie-proef" / "2025-06-30"
    assert (built / "index.html").exists() and (built / "fictief-voortgang" / "fictief-voortgang.pdf").exists()
    assert "Er is niets gepubliceerd en niets gelabeld." in trial.stdout
    assert snapshot(releases.root) == before and git(releases.project, "tag") == tags
