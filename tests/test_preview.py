"""The staff preview (`make serve`): never touches site/, keeps the last good site with the error shown."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def wait_for(url: str, condition, timeout: float = 90) -> str:
    end = time.time() + timeout
    while time.time() < end:
        status, body = fetch(url)
        if status and condition(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not get there in {timeout} s; last answer:\n{body[:2000]}")


@pytest.fixture
def preview(project_copy):
    port = free_port()
    process = subprocess.Popen([sys.executable, "scripts/preview.py", "--port", str(port)], cwd=project_copy,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "index.html", lambda body: "Plannen van aanpak" in body)
        yield project_copy, base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_data_mistake_keeps_the_last_good_site_with_the_dutch_error_on_every_page(preview):
    project, base = preview
    actions = project / "data/plannen/bewind/acties.yaml"
    good = actions.read_text(encoding="utf-8")
    actions.write_text(good.replace("status: gepland", "status: bijna klaar", 1), encoding="utf-8")
    page = wait_for(base + "bewind/acties.html", lambda body: "pva-voorbeeld-fout" in body)
    assert "data/plannen/bewind/acties.yaml, regel" in page and "bijna klaar" in page
    assert "I.a" in page, "the last good page is still served under the notice"
    assert not (project / "site").exists(), "the preview never writes the public folder"
    actions.write_text(good, encoding="utf-8")
    wait_for(base + "bewind/acties.html", lambda body: "pva-voorbeeld-fout" not in body and "I.a" in body)


def test_a_macro_mistake_is_shown_too_and_recovers(preview):
    project, base = preview
    page_file = project / "docs/over.md"
    good = page_file.read_text(encoding="utf-8")
    page_file.write_text(good + "\n{{ actietabel_bestaat_niet('bewind') }}\n", encoding="utf-8")
    page = wait_for(base + "index.html", lambda body: "pva-voorbeeld-fout" in body)
    assert "docs/over.md" in page and "actietabel_bestaat_niet" in page and "Traceback" not in page
    page_file.write_text(good, encoding="utf-8")
    wait_for(base + "index.html", lambda body: "pva-voorbeeld-fout" not in body)


def test_a_partial_rebuild_gives_the_pages_a_full_build_gives(preview, tmp_path):
    """After a data change the preview rebuilds only what it affects (scripts/preview.py, affected_pages); those
    pages must be exactly what a full build makes of the same files, and the other pages stay served."""
    import os
    import re

    project, base = preview
    actions = project / "data/plannen/bewind/acties.yaml"
    text = actions.read_text(encoding="utf-8")
    title = re.search(r"\n    titel: (.+)\n", text).group(1)
    actions.write_text(text.replace(f"titel: {title}", f"titel: Meetwoord {title}", 1), encoding="utf-8")
    wait_for(base + "bewind/acties.html", lambda body: "Meetwoord" in body)
    full = tmp_path / "volledig"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(full)],
                   cwd=project, env=env, check=True)
    pages = sorted(p.relative_to(full).as_posix() for p in full.rglob("*.html"))
    assert len(pages) > 40
    different = [page for page in pages if fetch(base + page) != (200, (full / page).read_text(encoding="utf-8"))]
    assert different == [], "every page, rebuilt or kept, is what a full build makes"
    assert "Meetwoord" in fetch(base + "acties.html")[1]


def test_an_edited_template_shows_although_the_theme_was_compiled_once(preview):
    """The builder compiles the theme's templates once for all builds (scripts/preview.py,
    _compile_theme_once); a template staff change is compiled again, not served from that cache."""
    project, base = preview
    template = project / "overrides/main.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block extrahead %}", '{% block extrahead %}<meta name="pva-proef" '
                                     'content="Sjabloonwoord">', 1), encoding="utf-8")
    wait_for(base + "over.html", lambda body: "Sjabloonwoord" in body)
    template.write_text(text, encoding="utf-8")
    wait_for(base + "over.html", lambda body: "Sjabloonwoord" not in body)


def test_a_new_plan_folder_is_built_and_the_preview_keeps_watching(preview):
    """Staff copy a plan folder under a new name: files that came rebuild everything (the menu changes), the
    preview says in Dutch what the copy still needs, and it keeps watching: after the fix the new plan is online,
    and a later edit shows too."""
    import shutil

    project, base = preview
    name = next(f"bewind-kopie{n}" for n in range(100) if not (project / f"data/plannen/bewind-kopie{n}").exists())
    copy = project / "data/plannen" / name
    shutil.copytree(project / "data/plannen/bewind", copy)
    wait_for(base + "index.html", lambda body: "de id &#x27;bewind&#x27; is niet gelijk aan de mapnaam "
             f"&#x27;{name}&#x27;" in body)
    plan = copy / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "\nid: bewind\n" in text and "\nkorte_titel: Beschermingsbewind\n" in text
    plan.write_text(text.replace("\nid: bewind\n", f"\nid: {name}\n", 1)
                    .replace("\nkorte_titel: Beschermingsbewind\n", f"\nkorte_titel: Kopie {name}\n", 1),
                    encoding="utf-8")
    wait_for(base + f"{name}/index.html", lambda body: f"Kopie {name}" in body)
    about = project / "docs/over.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\nNawoord na de kopie.\n", encoding="utf-8")
    wait_for(base + "over.html", lambda body: "Nawoord na de kopie." in body)


def test_a_python_file_that_came_or_changed_starts_a_fresh_builder():
    sys.path.insert(0, "scripts")
    from preview import _code_changed

    before = (("macros/render.py", 10, 1), ("data/a.yaml", 5, 1))
    assert not _code_changed(before, (("macros/render.py", 10, 1), ("data/a.yaml", 6, 2)))
    assert _code_changed(before, (("macros/render.py", 11, 2), ("data/a.yaml", 5, 1)))
    assert _code_changed(before, before + (("macros/nieuw.py", 1, 1),))
    assert _code_changed(before, (("data/a.yaml", 5, 1),))
    assert not _code_changed(before, before + (("data/plannen/x/plan.yaml", 1, 1),))


def test_only_plan_data_and_pages_allow_a_partial_rebuild():
    sys.path.insert(0, "scripts")
    from preview import affected_pages

    assert affected_pages(["data/plannen/bewind/acties.yaml", "docs/over.md"]) == ({"bewind"}, {"over.md"})
    assert affected_pages(["data/plannen/bewind/rapportages/2025-01-01-x.yaml"]) == ({"bewind"}, set())
    for full in (["mkdocs.yml"], ["data/begrippen.yaml"], ["overrides/main.html"], ["macros/render.py"],
                 ["docs/stylesheets/site.css"], ["data/plannen/bewind/acties.yaml", "data/taal/woorden.txt"]):
        assert affected_pages(full) is None, full
