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


def _build(out: Path, peildatum: str | None) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PEILDATUM", None)
    if peildatum:
        env["PEILDATUM"] = peildatum
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("site"), PEILDATUM)


@pytest.fixture(scope="session")
def built_site_today(tmp_path_factory):
    """The site as a build today would publish it: (site folder, reference date)."""
    return _build(tmp_path_factory.mktemp("site-today"), None), dt.date.today()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project, for tests that break the data on purpose."""
    dest = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", ".site-*")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


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
