"""Every mistake staff can make is explained in Dutch: which file, which line (as staff count it, from
the top of the file, front matter included), what is wrong and what to do; never a traceback, never
MkDocs' English; all problems of one run together; and the published site stays as it was (issue 9)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ENGLISH = ("Traceback", "Aborted with", "The following pages", "Doc file", "contains a link", "is undefined",
           "positional argument", "Error reading page", "Macro Rendering Error", "Macro Syntax Error")


def publish(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/publish.py"], cwd=project, capture_output=True, text=True)


def edit(old: str, new: str):
    def apply(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


def delete(path: Path) -> None:
    path.unlink()


NEW_PAGE = "---\ntitle: Nieuw\nin_het_kort: >-\n  Dit is een nieuwe pagina.\n---\n\n# Nieuw\n\nTekst.\n"
HEADING = "## Waar de teksten vandaan komen"

# name: (file, change, Dutch fragment, text on the line the message must name (None: no line))
CASES = {
    # Jinja: {{ }} and {% %} that cannot be read, pointing at the line where the mistake starts
    "unclosed-braces": ("docs/over.md", edit(HEADING, 'Zie {{ plan_gegevens("bewind") \n\n' + HEADING),
                        "die niet wordt afgesloten", "Zie {{ plan_gegevens"),
    "unclosed-block": ("docs/over.md", edit(HEADING, "{% if true %}\nTekst.\n\n" + HEADING),
                       "niet wordt afgesloten met {% endif %}", "{% if true %}"),
    # front matter
    "front-matter-not-closed": ("docs/over.md", edit("---\n\n## Waar", "\n## Waar"),
                                "begint op regel 1 maar wordt niet afgesloten met ---", "---"),
    "front-matter-not-yaml": ("docs/over.md", edit("title: Over deze site", "title: Over: deze: site"),
                              "geen geldige YAML", "title: Over: deze: site"),
    "no-summary": ("docs/over.md", edit("in_het_kort:", "samenvatting:"),
                   "geen samenvatting in eenvoudige taal", None),
    # macro arguments
    "missing-argument": ("docs/bewind/aanbevelingen/VI.md", edit('"bewind", "VI")', '"bewind")'),
                         "de macro onderdeel_pagina mist een waarde: 'onderdeel_id'", "onderdeel_pagina("),
    "too-many-arguments": ("docs/bewind/acties.md", edit('acties_tabel("bewind")', 'acties_tabel("bewind", "I", "II")'),
                           "de macro acties_tabel krijgt 3 waarden, maar neemt er hoogstens 2", "acties_tabel("),
    "unknown-argument-name": ("docs/bewind/acties.md", edit('acties_tabel("bewind")', 'acties_tabel("bewind", deel="I")'),
                              "kent geen waarde met de naam 'deel'", "acties_tabel("),
    "id-without-quotes": ("docs/bewind/acties.md", edit('acties_tabel("bewind")', "acties_tabel(bewind)"),
                          "'bewind' staat niet tussen aanhalingstekens", "acties_tabel("),
    "number-instead-of-id": ("docs/bewind/aanbevelingen/VI.md", edit('"VI")', "6)"),
                             "geen onderdeel '6'", "onderdeel_pagina("),
    # MkDocs: navigation written by hand, links
    "page-not-in-nav": ("docs/nieuw.md", write(NEW_PAGE), "deze pagina staat niet in het menu", None),
    "nav-names-missing-page": ("mkdocs.yml", edit("  - Contact: contact.md", "  - Contact: contact.md\n  - Oud: oud.md"),
                               "het menu (nav) noemt 'oud.md', maar docs/oud.md bestaat niet", "Oud: oud.md"),
    "link-to-missing-page": ("docs/over.md", edit(HEADING, "Zie [de oude pagina](bestaat-niet.md).\n\n" + HEADING),
                             "de link 'bestaat-niet.md' wijst naar een pagina die niet bestaat", "bestaat-niet.md"),
    "link-to-missing-anchor": ("docs/over.md", edit(HEADING, "Zie [de start](index.md#geen-kopje).\n\n" + HEADING),
                               "maar dat kopje staat niet op docs/index.md", "index.md#geen-kopje"),
    "link-to-missing-anchor-here": ("docs/over.md", edit(HEADING, "Zie [hier](#nergens).\n\n" + HEADING),
                                    "wijst naar een kopje dat niet op deze pagina staat", "(#nergens)"),
    "link-without-md": ("docs/over.md", edit(HEADING, "Zie [de start](index).\n\n" + HEADING),
                        "wijst niet naar een pagina", "(index)"),
    # data files: missing or empty, said once, naming what refers to them
    "deleted-actors": ("data/plannen/bewind/actoren.yaml", delete,
                       "dit bestand ontbreekt, maar acties.yaml", None),
    "deleted-actions": ("data/plannen/bewind/acties.yaml", delete, "dit bestand ontbreekt, maar adviezen.yaml", None),
    "empty-actors": ("data/plannen/bewind/actoren.yaml", write("# leeg\n"), "dit bestand is leeg", None),
    "deleted-budget": ("data/plannen/bewind/begroting.yaml", delete,
                       "toont data/plannen/bewind/begroting.yaml, maar dat bestand bestaat niet", None),
}


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture
def project(project_copy: Path) -> Path:
    """A copy with a stand-in for the published site: a failed build must leave it exactly as it is."""
    site = project_copy / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("<p>de gepubliceerde site</p>", encoding="utf-8")
    return project_copy


def check_failed_in_dutch(project: Path, before: dict, result: subprocess.CompletedProcess) -> str:
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "De site is NIET bijgewerkt" in result.stderr
    for english in ENGLISH:
        assert english not in out, f"{english!r} in:\n{out}"
    assert "Oplossing: " in result.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-nieuw-*")), "the staging folder is cleaned up"
    return result.stderr


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_is_explained_in_dutch_with_file_line_and_fix(project, name):
    file, change, expected, on_line = CASES[name]
    before = snapshot(project / "site")
    change(project / file)
    err = check_failed_in_dutch(project, before, publish(project))
    assert expected in err, err
    assert file.split("/")[-1] in err, "the message names the file"
    if on_line:
        lines = (project / file).read_text(encoding="utf-8").splitlines()
        line = next(i for i, text in enumerate(lines, 1) if on_line in text)
        assert f"{file}, regel {line}:" in err, err


def test_a_deleted_data_file_is_one_problem_not_one_per_reference(project):
    before = snapshot(project / "site")
    (project / "data/plannen/bewind/actoren.yaml").unlink()
    err = check_failed_in_dutch(project, before, publish(project))
    assert err.count("actoren.yaml: dit bestand ontbreekt") == 1
    assert "is geen bekende actor" not in err
    assert "bevatten 1 fout" in err


def test_all_problems_of_one_run_are_listed_together(project):
    before = snapshot(project / "site")
    edit(HEADING, 'Zie {{ plan_gegevens("bewind") \n\n' + HEADING)(project / "docs/over.md")
    edit("in_het_kort:", "samenvatting:")(project / "docs/privacy.md")
    edit("\n---\n", "\n")(project / "docs/contact.md")
    edit("\n---\n", "\n---\n\nZie [weg](weg.md) en [daar](over.md#nergens).\n")(project / "docs/toegankelijkheid.md")
    write(NEW_PAGE)(project / "docs/nieuw.md")
    write(NEW_PAGE)(project / "docs/nieuw2.md")
    err = check_failed_in_dutch(project, before, publish(project))
    for expected in ("docs/over.md, regel", "die niet wordt afgesloten", "docs/privacy.md: de pagina heeft geen "
                     "samenvatting", "docs/contact.md, regel 1: de kop (front matter)", "de link 'weg.md'",
                     "'#nergens'", "docs/nieuw.md: deze pagina staat niet in het menu",
                     "docs/nieuw2.md: deze pagina staat niet in het menu"):
        assert expected in err, f"{expected!r} missing from:\n{err}"


def test_explain_translates_mkdocs_output_without_a_build():
    """The table in explain(), on output as MkDocs and mkdocs-macros print it; used by the preview too."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from publish import explain

    output = (
        "INFO    -  Cleaning site directory\n"
        "WARNING -  The following pages exist in the docs directory, but are not included in the \"nav\" "
        "configuration:\n  - a.md\n  - b/c.md\n"
        "WARNING -  Doc file 'over.md' contains a link 'x.md', but the target is not found among documentation "
        "files. Did you mean 'index.md'?\n"
        "WARNING -  Doc file 'over.md' contains a link 'x.md', but the target is not found among documentation "
        "files. Did you mean 'index.md'?\n"
        "WARNING -  [macros] - ERROR # _Macro Rendering Error_\n\n_File_: `bewind/acties.md`\n\n"
        "_TypeError_: register_pages.<locals>.<lambda>() missing 1 required positional argument: 'plan_id'\n\n"
        "```\nTraceback (most recent call last):\n  File \"<template>\", line 3, in top-level template code\n"
        "TypeError: <lambda>() missing 1 required positional argument: 'plan_id'\n\n```\n"
        "Aborted with 4 warnings in strict mode!\n"
    )
    text = explain(output)
    assert "docs/a.md: deze pagina staat niet in het menu" in text and "docs/b/c.md: deze pagina" in text
    assert text.count("de link 'x.md' wijst naar een pagina die niet bestaat") == 1, "the same problem once"
    assert "(bedoelt u 'index.md'?)" in text
    assert "docs/bewind/acties.md" in text and "mist een waarde: 'plan_id'" in text
    for english in ENGLISH:
        assert english not in text
