"""The pull-request flow: CI templates run the README's test command; the quick check catches mistakes."""
from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import ROOT


def readme_test_command() -> str:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)[1]
    return block.splitlines()[1].split("#")[0].strip()


def test_both_ci_templates_run_the_readme_test_command_and_keep_a_preview():
    command = readme_test_command()
    assert command == "make test"
    github = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["test"]["steps"]
    assert any(s.get("run") == command for s in steps)
    assert any(s.get("uses", "").startswith("actions/upload-artifact") and s["with"]["path"] == "site/" for s in steps)
    assert set(github.get("on", github.get(True))) == {"pull_request", "push"}  # YAML 1.1 reads `on` as true
    assert github["jobs"]["publish"]["if"].endswith("refs/heads/main'")
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert command in gitlab["test"]["script"] and gitlab["test"]["artifacts"]["paths"] == ["site/"]
    assert gitlab["pages"]["needs"] == ["test"]


def test_pre_commit_runs_the_quick_check_on_data_and_pages():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"].endswith("scripts/controleer.py")
    assert re.match(hook["files"], "data/plannen/bewind/acties.yaml") and re.match(hook["files"], "docs/index.md")


def run_check(project, *files):
    return subprocess.run([sys.executable, "scripts/controleer.py", *files], cwd=project,
                          capture_output=True, text=True)


def test_quick_check_passes_on_the_real_content():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "in orde" in result.stdout


def test_quick_check_explains_data_mistakes_and_hard_summaries(project_copy):
    actions = project_copy / "data/plannen/bewind/acties.yaml"
    text = actions.read_text(encoding="utf-8")
    actions.write_text(text.replace("status: gepland", "status: bijna klaar", 1), encoding="utf-8")
    page = project_copy / "docs/over.md"
    hard = ("in_het_kort: >-\n  Ten gevolge van de implementatie van geïntegreerde beleidsinstrumentaria "
            "wordt de operationalisering van interdisciplinaire samenwerkingsverbanden geoptimaliseerd.\n")
    page.write_text(re.sub(r"in_het_kort: >-\n(  .*\n)+", hard, page.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    result = run_check(project_copy, "docs/over.md")
    assert result.returncode == 1
    assert "data/plannen/bewind/acties.yaml, regel" in result.stdout and "bijna klaar" in result.stdout
    assert "docs/over.md (in het kort): NIET B1" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_every_page_links_to_its_source_file_and_the_plan_data_it_shows(project_copy, built_site):
    """With repo_url and edit_uri set, as a municipality sets them, edit links point at files that exist."""
    import os

    from bs4 import BeautifulSoup

    from macros.loader import load_site

    repo = "https://github.com/gemeente/plannen"
    config = project_copy / "mkdocs.yml"
    config.write_text(f"repo_url: {repo}\nedit_uri: edit/main/docs/\n" + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    out = project_copy / "gebouwd"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)],
                            cwd=project_copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    with_data = 0
    plans = {plan.id for plan in load_site(project_copy / "data", project_copy).plannen}
    for page in (project_copy / "docs").rglob("*.md"):
        src = page.relative_to(project_copy / "docs").as_posix()
        html = (out / src.replace(".md", ".html")).read_text(encoding="utf-8")
        links = {a.get_text(): a["href"] for a in BeautifulSoup(html, "html.parser").select("ul.pva-bewerk a")}
        assert links.get("Bewerk deze pagina") == f"{repo}/edit/main/docs/{src}", src
        folders = []
        for label, href in links.items():
            if label.startswith("Bewerk de gegevens van"):
                with_data += 1
                folder = href.removeprefix(f"{repo}/tree/main/")
                assert folder.startswith("data/plannen/") and (project_copy / folder).is_dir(), (src, href)
                folders.append(folder.strip("/").split("/")[-1])
        # A page that calls a macro with a plan, {{ actietabel('bewind', 'I') }}, links to that plan's data.
        called = re.findall(r"""\{\{-?\s*\w+\(\s*['"]([\w-]+)['"]""", page.read_text(encoding="utf-8"))
        assert folders == list(dict.fromkeys(c for c in called if c in plans)), src
        assert 'data-md-component="source"' not in html, "no repository widget: it would ask api.github.com"
    assert with_data > 0
    # Without repo_url (the default) there are no edit links at all.
    assert "pva-bewerk" not in (built_site / "index.html").read_text(encoding="utf-8")
