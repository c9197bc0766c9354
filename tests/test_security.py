"""No script runs that the site did not ship (issue 8, item 7).

A Content-Security-Policy forbids inline and third-party script; every page works under it, from a
folder and from a web server. Titles are escaped wherever they appear. Scripts typed into pages or
data stop the build with a Dutch message.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, wait_for_search_index

CSP_ERROR = re.compile(r"Content Security Policy|Content-Security-Policy", re.I)


def pages_of(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")  # 404 needs a web server


def plan_pages(site: Path) -> list[str]:
    """The overview and the first part page of whichever plan comes first: the tests follow data/plannen/."""
    plan = min(p.name for p in (ROOT / "data/plannen").iterdir() if (site / p.name / "index.html").exists())
    part = min(p for p in (site / plan).glob("*/*.html") if p.name != "index.html")
    return [f"{plan}/index.html", part.relative_to(site).as_posix()]


def a_word_to_search(site: Path) -> str:
    """The most frequent long word of that part page in the search index: a word the search must find."""
    import collections
    import json

    docs = json.loads((site / "search/search_index_full.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith(plan_pages(site)[1]))
    return collections.Counter(re.findall(r"\b[a-z]{8,}\b", text)).most_common(1)[0][0]


def watch(page) -> list[str]:
    """Console errors, CSP reports and uncaught exceptions while the page runs."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}")
            if m.type == "error" or CSP_ERROR.search(m.text) else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    return problems


def csp_of(html: str) -> str:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "the page carries no Content-Security-Policy"
    return meta["content"]


def test_every_page_carries_a_policy_without_inline_script(built_site):
    for path in pages_of(built_site) + [built_site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        directives = dict(d.strip().split(" ", 1) for d in csp_of(html).split(";") if d.strip())
        assert directives["script-src"] == "'self'", path
        assert "unsafe" not in directives["style-src"], path
        assert directives["object-src"] == "'none'", path
        soup = BeautifulSoup(html, "html.parser")
        head = soup.head.decode()
        assert head.index("Content-Security-Policy") < head.index("<script"), "the policy comes before any script"
        inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], f"{path}: inline script {inline[0]}"
        assert not soup.find(attrs={"style": True}), f"{path}: inline style attribute"
        handlers = [f"{t.name}[{a}]" for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
        assert handlers == [], f"{path}: {handlers}"


def test_every_page_works_under_the_policy_from_a_folder(page, built_site):
    problems = watch(page)
    for path in pages_of(built_site):
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        # Material's bundle, its storage helpers (now a file) and our own header script all ran:
        assert page.evaluate("document.documentElement.classList.contains('js') && typeof __md_get") == "function"
        assert page.locator(".md-header label[for=__drawer] > button[aria-expanded]").count() == 1, path
    assert problems == []


def test_self_matches_file_pages_and_inline_script_is_refused(page, built_site):
    """'self' is what allows the site's own files on file: pages in Chromium; inline code stays out."""
    problems = watch(page)
    page.goto((built_site / plan_pages(built_site)[0]).as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof __md_scope") == "object", "a first-party file loaded under script-src 'self'"
    ran = page.evaluate("""() => new Promise(done => {
        document.addEventListener('securitypolicyviolation', e => done('blocked:' + e.effectiveDirective));
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.append(s);
        setTimeout(() => done(window.__inline ? 'ran' : 'silent'), 1000);
    })""")
    assert ran.startswith("blocked:script-src"), ran
    assert any(CSP_ERROR.search(p) for p in problems), "the browser reports the refused script"


def test_search_works_under_the_policy_from_a_folder(page, built_site):
    problems = watch(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((built_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    wait_for_search_index(page)
    page.keyboard.type(a_word_to_search(built_site), delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert any(u.endswith("lunr.nl.min.js") for u in page.requests_seen), "the worker ran in its frame"
    assert problems == []


@pytest.fixture(scope="module")
def served_site(built_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_pages_and_search_work_under_the_policy_from_a_web_server(page, served_site, built_site):
    problems = watch(page)
    for name in ("index.html", "acties.html", plan_pages(built_site)[1], "begrippen.html"):
        page.goto(served_site + name)
        page.wait_for_load_state("load")
    page.goto(served_site + "acties.html")
    assert page.locator("form.pva-filters").is_visible(), "filters.js ran"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site + "index.html")
    page.locator("input.md-search__input").click()
    wait_for_search_index(page)
    page.keyboard.type(a_word_to_search(built_site), delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert any("/search/shards/" in u for u in page.requests_seen), "the real worker fetched parts of the index"
    page.goto(served_site + "404.html")
    page.wait_for_load_state("load")
    assert problems == []


# --- Titles are text ---------------------------------------------------------------------------

EVIL = "<script>alert(1)</script> <img src=x onerror=alert(2)>"


def build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": "2024-06-30"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
                          cwd=project, capture_output=True, text=True, env=env)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    """The project (with the fixed copy of the real plans) with script in a front-matter title, summary and menu
    title and a nav section title, built."""
    project = copy_project(tmp_path_factory.mktemp("evil") / "project")
    # A page written by hand in the place of the one made from data (how staff add prose to a part page).
    page = project / "docs/bewind/aanbevelingen/IV.md"
    page.write_text(f"---\ntitle: 'Aanbeveling IV {EVIL}'\nin_het_kort: >-\n  {EVIL} Dit gaat over cliënten.\n---\n\n"
                    '{{ onderdeel_pagina("bewind", "IV") }}\n', encoding="utf-8")
    begroting = project / "docs/bewind/begroting.md"
    text, pages = re.subn(r"^menutitel: .*$", "menutitel: 'Begroting <script>alert(3)</script>'",
                          begroting.read_text(encoding="utf-8"), count=1, flags=re.M)
    begroting.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text, sections = re.subn(r"^  - Begrippenlijst: begrippen\.md$",
                             "  - 'Achtergrond <img src=x onerror=alert(4)>':\n      - begrippen.md",
                             config.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert pages == sections == 1, "begroting.md has a menu title and mkdocs.yml a Begrippenlijst entry"
    config.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    # Take the policy away: escaping alone must keep the script from running.
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text), encoding="utf-8")
    return site


def test_a_title_with_script_never_runs_on_any_page(page, evil_site):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    for path in pages_of(evil_site):
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.locator("img[src=x]").count() == 0, path
        assert "Content-Security-Policy" not in path.read_text(encoding="utf-8")
    assert dialogs == []


def test_a_title_with_script_shows_as_text_everywhere(page, evil_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((evil_site / "bewind/aanbevelingen/IV.html").as_uri())
    title = f"Aanbeveling IV {EVIL}"
    assert page.title().startswith(title)
    assert page.locator("article h1").inner_text() == title
    assert page.locator(".pva-kort__tekst").inner_text().startswith(EVIL), "the summary shows the markup as text"
    assert title in page.locator(".md-header__topic").nth(1).inner_text()
    assert page.locator(".md-nav--primary .md-nav__link--active", has_text=title).count() >= 1
    page.goto((evil_site / "bewind/begroting.html").as_uri())
    assert page.locator(".md-nav--primary .md-nav__link--active", has_text="Begroting <script>alert(3)</script>").count() >= 1
    assert page.locator(".md-nav--primary", has_text="Achtergrond <img src=x onerror=alert(4)>").count() == 1
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.locator("input.md-search__input").click()
    wait_for_search_index(page)
    page.keyboard.type("Aanbeveling", delay=30)
    result = page.locator(".md-search-result__item", has_text=title)
    result.first.wait_for(timeout=15000)
    assert dialogs == [] and page.locator("img[src=x]").count() == 0


# --- Scripts typed by staff stop the build -----------------------------------------------------

def test_script_in_a_page_or_in_data_fails_the_build_in_dutch(project_copy):
    page = project_copy / "docs/over.md"
    replace(page, "## Privacy en toegankelijkheid",
            "Voorbeeld: `<script>` in code mag.\n\n<script>alert(1)</script>\n\n"
            'Klik <img src="x.png" alt=""\n  onerror="alert(2)">\n\n## Privacy en toegankelijkheid')
    lines = page.read_text(encoding="utf-8").splitlines()
    script_line = lines.index("<script>alert(1)</script>") + 1
    handler_line = next(i for i, line in enumerate(lines, 1) if "onerror=" in line)
    code_line = next(i for i, line in enumerate(lines, 1) if "`<script>`" in line)
    data = project_copy / "data/plannen/bewind/plan.yaml"
    replace(data, "team: DEV-BLD", "team: DEV-BLD\n# <script> in een opmerking telt niet")
    data_text = data.read_text(encoding="utf-8")
    quoted = re.search(r"^(\s*titel: )(.+)$", data_text, re.M)
    assert quoted, "plan.yaml has a titel"
    replace(data, quoted[0], f'{quoted[1]}"<b onclick=alert(3)>Vet</b>"')
    data_line = next(i for i, line in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if "onclick" in line)

    result = build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/over.md, regel {script_line}: er staat een <script> in de tekst" in output
    assert f"docs/over.md, regel {handler_line}: er staat een HTML-attribuut 'onerror='" in output
    assert f"docs/over.md, regel {code_line}:" not in output, "code between backticks is an example, not a script"
    assert f"data/plannen/bewind/plan.yaml, regel {data_line}: er staat een HTML-attribuut 'onclick='" in output
    assert "in een opmerking" not in output and output.count("plan.yaml, regel") == 1
    assert "Oplossing: haal" in output

    published = subprocess.run([sys.executable, "scripts/publish.py"], cwd=project_copy, capture_output=True, text=True)
    assert published.returncode == 1
    assert f"docs/over.md, regel {script_line}" in published.stderr and "Traceback" not in published.stderr


def test_the_check_reads_what_staff_wrote_not_what_macros_make():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "macros"))
    from mkdocs_hooks import script_problems

    front_matter = "---\ntitle: 'A <script>x</script>'\n---\n\nTekst met JavaScript: gewoon woord.\n"
    assert script_problems(front_matter, "docs/a.md") == [], "titles are escaped, not refused"
    assert script_problems("```html\n<script>\n```\n", "docs/a.md") == []
    assert script_problems("{{ acties_tabel('bewind') }}\n", "docs/a.md") == []
    found = script_problems("\n[klik](javascript:alert(1))\n<a href='javascript:x'>\n", "docs/a.md")
    assert [m.split(":")[0] for m in found] == ["docs/a.md, regel 2", "docs/a.md, regel 3"]
