"""A broken change never reaches the public site, and staff read why in Dutch."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project


def publish(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/publish.py"], cwd=project, capture_output=True, text=True)


@pytest.fixture(scope="module")
def published_once(tmp_path_factory) -> Path:
    """The project, copied and published once for this module."""
    project = copy_project(tmp_path_factory.mktemp("gepubliceerd") / "project")
    result = publish(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").exists()
    return project


@pytest.fixture
def published(published_once: Path, tmp_path: Path) -> Path:
    """A throw-away copy of the published project, site/ included: each test breaks its own."""
    project = tmp_path / "project"
    shutil.copytree(published_once, project)
    return project


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES = {
    "yaml-syntax": ("data/plannen/bewind/plan.yaml", "team: DEV-BLD", "team: DEV-BLD\n  fout: [", "regel"),
    "bad-status": ("data/plannen/bewind/acties.yaml", "status: gestart", "status: klaar", "'klaar' is geen geldige waarde"),
    "unknown-macro": ("docs/over.md", "## Waar de teksten vandaan komen", "{{ onbekend() }}", "'onbekend' bestaat niet"),
    "wrong-id": ("docs/bewind/acties.md", 'acties_tabel("bewind")', 'acties_tabel("bewind", "VII")', "geen onderdeel 'VII'"),
    "no-summary": ("docs/over.md", "in_het_kort:", "samenvatting:", "geen samenvatting in eenvoudige taal"),
    "unknown-abbreviation": ("docs/over.md", "## Waar de teksten vandaan komen", "De QXZ helpt.",
                             "'QXZ' staat niet in de begrippenlijst"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_a_broken_change_leaves_the_published_site_untouched(published, name):
    file, old, new, expected = BREAKAGES[name]
    before = snapshot(published / "site")
    edit(published / file, old, new)
    result = publish(published)
    assert result.returncode == 1
    assert "De site is NIET bijgewerkt" in result.stderr
    assert expected in result.stderr
    assert file.split("/")[-1] in result.stderr, "the message names the file"
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(published / "site") == before
    assert not list(published.glob(".site-nieuw-*")), "the staging folder is cleaned up"


def test_macro_errors_point_at_the_line_in_the_page(published):
    page = published / "docs/over.md"
    edit(page, "## Waar de teksten vandaan komen", "{{ onbekend() }}")
    line = next(i for i, text in enumerate(page.read_text().splitlines(), 1) if "onbekend()" in text)
    assert f"docs/over.md, regel {line}:" in publish(published).stderr


def test_a_good_change_is_published(published):
    edit(published / "docs/over.md", "## Privacy en toegankelijkheid", "## Privacy en toegankelijkheid\n\nNieuwe zin.")
    assert publish(published).returncode == 0
    assert "Nieuwe zin." in (published / "site/over.html").read_text(encoding="utf-8")


def test_a_summary_that_is_not_b1_is_not_published(published):
    before = snapshot(published / "site")
    edit(published / "docs/over.md", "  Deze site laat plannen van de gemeente zien.\n",
         "  Ten gevolge van de implementatie van geïntegreerde beleidsinstrumentaria wordt de operationalisering "
         "van interdisciplinaire samenwerkingsverbanden geoptimaliseerd.\n")
    result = publish(published)
    assert result.returncode == 1
    assert "docs/over.md (in het kort): NIET B1" in result.stdout
    assert "niet op taalniveau B1" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(published / "site") == before
    assert not list(published.glob(".site-nieuw-*")), "the trial build is cleaned up"
    # Every other problem of the run is said in the same run.
    edit(published / "docs/privacy.md", "## Wat de site niet doet", "Zie [weg](weg.md).\n\n## Wat de site niet doet")
    result = publish(published)
    assert "niet op taalniveau B1" in result.stderr and "de link 'weg.md' wijst naar een pagina" in result.stderr
    assert result.returncode == 1 and snapshot(published / "site") == before


def test_build_and_serve_never_write_the_public_folder_directly():
    """make build publishes safely; make serve previews elsewhere; no target runs mkdocs into site/ itself."""
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    recipes = {}
    for block in makefile.split("\n\n"):
        for target, body in re.findall(r"^([\w-]+):[^\n=]*\n((?:\t.*\n?)+)", block, re.M):
            recipes[target] = body
    assert "scripts/publish.py" in recipes["build"] and "scripts/publish.py" in recipes["publish"]
    assert "scripts/preview.py" in recipes["serve"] and "publish" not in recipes["serve"]
    assert not any(re.search(r"mkdocs (build|serve|gh-deploy)", body) for body in recipes.values())
