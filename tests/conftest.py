"""Shared fixtures: the real data, loaded once, the real site, built once with --strict, and Debian's Chromium."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# A fixed reference date makes "te laat" reproducible: after the 2013-2014 plan, before the 2024 deadlines.
PEILDATUM = "2024-06-30"


@pytest.fixture(scope="session")
def site_model():
    from macros.loader import load_site

    return load_site(ROOT / "data", ROOT)


class _Build:
    """`mkdocs build --strict` of the real project into out, started in the background."""

    def __init__(self, out: Path, peildatum: str | None):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("PEILDATUM", None)
        if peildatum:
            env["PEILDATUM"] = peildatum
        self.out, self.log = out, out.with_name(out.name + ".log")
        with self.log.open("w", encoding="utf-8") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True, env=env)

    def result(self) -> Path:
        returncode = self.process.wait()
        assert returncode == 0, self.log.read_text(encoding="utf-8")
        return self.out


_SITES = {"built_site": ("site", PEILDATUM), "built_site_today": ("site-today", None)}


class _Builds:
    def __init__(self, tmp_path_factory):
        self.factory, self.running = tmp_path_factory, {}

    def start(self, name: str) -> None:
        if name not in self.running:
            folder, peildatum = _SITES[name]
            self.running[name] = _Build(self.factory.mktemp(folder), peildatum)

    def result(self, name: str) -> Path:
        self.start(name)
        return self.running[name].result()


@pytest.fixture(scope="session")
def _site_builds(request, tmp_path_factory):
    """Each build of the real site happens once per session; the ones this session needs start side by side."""
    builds = _Builds(tmp_path_factory)
    for name in _SITES:
        if any(name in getattr(item, "fixturenames", ()) for item in request.session.items):
            builds.start(name)
    yield builds
    for build in builds.running.values():  # a session that stopped early leaves no build behind
        if build.process.poll() is None:
            build.process.kill()
            build.process.wait()


@pytest.fixture(scope="session")
def built_site(_site_builds) -> Path:
    return _site_builds.result("built_site")


@pytest.fixture(scope="session")
def built_site_today(_site_builds):
    """The site as a build today would publish it: (site folder, reference date)."""
    return _site_builds.result("built_site_today"), dt.date.today()


# Left out of every copy: caches and build output anywhere, and at the top the large folders no copy needs
# (node_modules alone is 185 MB: copying it took most of the time of each test that breaks the data).
_ANYWHERE = shutil.ignore_patterns(".venv*", "site", ".git", "__pycache__", ".pytest_cache", ".site-*")
_TOP = {"node_modules", "build", "uitvoer", ".voorbeeld", "site.oud", ".hypothesis", ".ruff_cache",
        "planpublicatie.egg-info"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = set(_ANYWHERE(folder, names))
    if Path(folder) == ROOT:
        skipped |= _TOP & set(names)
    return skipped


# A fixed copy of the real plans (tests/fixtures/referentie/README.md): tests that need exact values (an amount,
# a line number, action IV.a) run on it, so editors can change, add or remove plans in data/ and CI stays green.
REFERENTIE = ROOT / "tests" / "fixtures" / "referentie"


def _reference_plans() -> list[Path]:
    return sorted(p for p in (REFERENTIE / "data" / "plannen").iterdir() if p.is_dir())


def _merge_glossary(live: Path) -> None:
    """Append the reference glossary's terms that the live glossary lacks, so that every abbreviation of the
    reference plans is explained; the live terms keep their text and lines, those of new plans included."""
    import yaml

    reference = yaml.safe_load((REFERENTIE / "data" / "begrippen.yaml").read_text(encoding="utf-8"))["begrippen"]
    text = live.read_text(encoding="utf-8") if live.exists() else "begrippen:\n"
    known = {str(s) for t in (yaml.safe_load(text) or {}).get("begrippen") or []
             for s in [t.get("term"), *(t.get("varianten") or [])]}
    missing = [t for t in reference if not {str(s) for s in [t["term"], *(t.get("varianten") or [])]} & known]
    if missing:
        block = yaml.safe_dump(missing, allow_unicode=True, sort_keys=False, width=1000)
        text = text.rstrip("\n") + "\n" + "".join(f"  {line}\n" for line in block.splitlines())
        live.write_text(text, encoding="utf-8")


def put_reference_plans(data: Path, docs: Path | None = None) -> None:
    """Replace the plans of the reference in a copied data folder (and docs folder) by their fixed copy."""
    for plan in _reference_plans():
        pairs = [(plan, data / "plannen" / plan.name)]
        if docs is not None:
            pairs.append((REFERENTIE / "docs" / plan.name, docs / plan.name))
        for frozen, live in pairs:
            if live.exists():
                shutil.rmtree(live)
            if frozen.is_dir():
                shutil.copytree(frozen, live)
    _merge_glossary(data / "begrippen.yaml")


def copy_data(dest: Path) -> Path:
    """data/ copied to dest, with the reference plans in place of the live ones of the same name."""
    shutil.copytree(ROOT / "data", dest, ignore=_ANYWHERE)
    put_reference_plans(dest)
    return dest


def copy_project(dest: Path) -> Path:
    """The project's sources, data and configuration, copied to dest, with the reference plans in place."""
    shutil.copytree(ROOT, dest, ignore=_ignore)
    put_reference_plans(dest / "data", dest / "docs")
    return dest


@pytest.fixture(scope="session")
def reference_site():
    """The fixed copy of the real plans, loaded: for exact values without changing anything."""
    from macros.loader import load_site

    return load_site(REFERENTIE / "data", REFERENTIE)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project, for tests that break the data on purpose."""
    return copy_project(tmp_path / "project")


def html_of(site: Path, page: str, screen_reader_text: bool = False):
    """The built page; by default without the hidden abbreviation expansions, so text reads as on screen."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    if not screen_reader_text:
        for hidden in soup.select(".pva-sr"):
            hidden.decompose()
        for abbr in soup.find_all("abbr"):
            abbr.unwrap()
        soup.smooth()
    return soup


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make test`, which installs Debian's chromium"
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    page.close()


NODE_MODULES = ROOT / "node_modules"


def node_tool(path: str) -> Path:
    """A test tool from package-lock.json (axe-core, Lighthouse, Pagefind); `make test` installs them."""
    tool = NODE_MODULES / path
    assert tool.exists(), f"{tool} is missing: run `make test`, which runs `npm ci`"
    return tool


_SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && !meta.textContent.includes('initialiseren');
}"""


def wait_for_search_index(page, timeout: float = 15000) -> None:
    """Once the search is open, Material swaps "Zoeken initialiseren" for its prompt when the index has loaded."""
    page.wait_for_function(_SEARCH_READY, timeout=timeout)


# --- Choosing plans and pages by what they have (issue 10: the tests follow the data folder) ---------------
# Tests on the built site pick their plan or page by the feature they test, never by a plan's name, so staff
# can add or remove a plan and keep CI green. Features the real data need not have are tested on fixture_site:
# the project with the made-up plans of tests/fixtures/compleet/ added, where exact values may be checked.

SITE_FIXTURES = ROOT / "tests" / "fixtures" / "compleet"  # data/plannen/<plan>/, and pages staff wrote in docs/<plan>/


def html_page(src: str) -> str:
    """The built page of a source page: 'bewind/aanbevelingen/I.md' -> 'bewind/aanbevelingen/I.html'."""
    return src[:-3] + ".html" if src.endswith(".md") else src


def plans_with(model, has) -> list:
    """The plans for which has(plan) is true, in the site's order."""
    return [plan for plan in model.plannen if has(plan)]


def first_plan_with(model, has, what: str):
    """The first plan that has what the test needs; fails (never skips) when no plan has it."""
    found = plans_with(model, has)
    assert found, f"no plan in the data has {what}"
    return found[0]


def part_pages_by_size(model) -> list[tuple]:
    """(plan, part, built page) of every part, the part with the most actions first."""
    from macros.locations import part_page

    parts = [(plan, part, html_page(part_page(plan, part.id))) for plan in model.plannen for part in plan.onderdelen]
    return sorted(parts, key=lambda item: -len(item[0].acties_van(item[1].id)))


def busiest_part(model) -> tuple:
    """(plan, part, built page) of the part with the most actions; every site promises at least one action."""
    plan, part, page = part_pages_by_size(model)[0]
    assert plan.acties_van(part.id), "no part of any plan has an action"
    return plan, part, page


def page_of_each_kind(model, site: Path) -> dict[str, str]:
    """One built page of each kind a plan can have (overview, a part, actions, budget, advice, ...): the first
    plan's that exists on the site. The part is the one with the most actions."""
    from macros.plan_pages import KIND_NAMES

    pages = {"overzicht": f"{model.plannen[0].id}/index.html", "onderdeel": busiest_part(model)[2]}
    for kind in KIND_NAMES:
        found = [f"{plan.id}/{kind}.html" for plan in model.plannen if (site / plan.id / f"{kind}.html").is_file()]
        if found:
            pages[kind] = found[0]
    return pages


class FixtureSite:
    def __init__(self, site: Path, model, fixture_plans: tuple[str, ...]):
        self.site = site  # the built site
        self.model = model  # the loaded data of the copy: the real plans and the fixture plans
        self.fixture_plans = fixture_plans  # ids of the plans from tests/fixtures/compleet/


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> FixtureSite:
    """The project with the made-up plans of tests/fixtures/compleet/ added, built once with --strict.

    These plans have every feature a plan can have (a budget with a difference, advice, organisation with
    staff names, planning with capacity, goals with an escalation route, a link to another plan), so a test of
    a feature the real data need not have always has something to check."""
    from macros.loader import load_site

    project = copy_project(tmp_path_factory.mktemp("met-testplannen") / "project")
    names = tuple(sorted(folder.name for folder in (SITE_FIXTURES / "data" / "plannen").iterdir() if folder.is_dir()))
    for folder in ("data/plannen", "docs"):
        shutil.copytree(SITE_FIXTURES / folder, project / folder, dirs_exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    out = project / "gebouwd"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return FixtureSite(out, load_site(project / "data", project), names)


def add_plan(project: Path, plan_folder: Path) -> Path:
    """A fixture plan put into a project copy, in place of a plan of the same name the data may hold already."""
    target = project / "data" / "plannen" / plan_folder.name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(plan_folder, target)
    return target


# Releases (scripts/release.py) in a throw-away git repository: tests/test_release.py, tests/test_hosting.py.
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_IDENTITY}).stdout


def git_repository(project: Path) -> Path:
    """The project copy as a git repository with one commit, as a release needs."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Project copy")
    return project


def run_release(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_IDENTITY, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PEILDATUM", None)
    return subprocess.run([sys.executable, "scripts/release.py", *args], cwd=project, capture_output=True,
                          text=True, env=env)

