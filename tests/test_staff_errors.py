"""Every mistake staff can make is explained in Dutch: which file, which line (as staff count it, from
the top of the file, front matter included), what is wrong and what to do; never a traceback, never
MkDocs' English; all problems of one run together; and the published site stays as it was (issue 9)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project

ENGLISH = ("Traceback", "Aborted with", "The following pages", "Doc file", "contains a link", "is undefined",
           "positional argument", "Error reading page", "Macro Rendering Error", "Macro Syntax Error",
           "Config value", "MkDocs encountered", "ValueError", "UnicodeDecodeError", "not installed")


def publish(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/publish.py"], cwd=project, capture_output=True, text=True)


def edit(old: str, new: str):
    def apply(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write(text: str):
    def apply(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return apply


def delete(path: Path) -> None:
    path.unlink()


def append(text: str):
    return lambda path: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def unclose_front_matter(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.pop(lines.index("---", 1))
    path.write_text("\n".join(lines), encoding="utf-8")


def save_as(encoding: str, old: str = "", new: str = ""):
    """The file as an editor on Windows saves it: 'ANSI' (cp1252) or 'Unicode' (UTF-16)."""
    def apply(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_bytes(text.replace(old, new, 1).encode(encoding))
    return apply


NEW_PAGE = "---\ntitle: Nieuw\nin_het_kort: >-\n  Dit is een nieuwe pagina.\n---\n\n# Nieuw\n\nTekst.\n"
HEADING = "## Waar de teksten vandaan komen"

# Mistakes in pages, each in its own file: all are made in one copy of the project and published once, as
# MkDocs reports the problems of every page in one run. That run is shared by the tests below.
# name: (file, change, Dutch fragment, text on the line the message must name (None: no line))
PAGE_CASES = {
    # Jinja: {{ }} and {% %} that cannot be read, pointing at the line where the mistake starts
    "unclosed-braces": ("docs/over.md", edit(HEADING, 'Zie {{ plan_gegevens("bewind") \n\n' + HEADING),
                        "die niet wordt afgesloten", "Zie {{ plan_gegevens"),
    "unclosed-block": ("docs/privacy.md", edit("## Wat de site niet doet", "{% if true %}\nTekst.\n\n## Wat de site niet doet"),
                       "niet wordt afgesloten met {% endif %}", "{% if true %}"),
    "unknown-macro": ("docs/integrale-toegang/doelen.md", append('\n{{ acties_tabell("integrale-toegang") }}\n'),
                      "'acties_tabell' bestaat niet als macro of gegeven", "acties_tabell"),
    # front matter
    "front-matter-not-closed": ("docs/contact.md", unclose_front_matter,
                                "begint op regel 1 maar wordt niet afgesloten met ---", "---"),
    "front-matter-not-yaml": ("docs/toegankelijkheid.md", edit("title: Toegankelijkheidsverklaring", "title: Over: deze: site"),
                              "geen geldige YAML", "title: Over: deze: site"),
    "no-summary": ("docs/begrippen.md", edit("in_het_kort:", "samenvatting:"),
                   "geen samenvatting in eenvoudige taal", None),
    # macro arguments
    "missing-argument": ("docs/bewind/inbreng-raad.md", append('\n{{ onderdeel_pagina("bewind") }}\n'),
                         "de macro onderdeel_pagina mist een waarde: 'onderdeel_id'", "onderdeel_pagina("),
    "too-many-arguments": ("docs/bewind/acties.md", edit('acties_tabel("bewind")', 'acties_tabel("bewind", "I", "II")'),
                           "de macro acties_tabel krijgt 3 waarden, maar neemt er hoogstens 2", "acties_tabel("),
    "unknown-argument-name": ("docs/integrale-toegang/acties.md",
                              edit('acties_tabel("integrale-toegang")', 'acties_tabel("integrale-toegang", deel="1")'),
                              "kent geen waarde met de naam 'deel'", "acties_tabel("),
    "id-without-quotes": ("docs/naar-de-bron/acties.md", edit('acties_tabel("naar-de-bron")', "acties_tabel(bewind)"),
                          "'bewind' staat niet tussen aanhalingstekens", "acties_tabel("),
    "number-instead-of-id": ("docs/integrale-toegang/plan.md", append('\n{{ onderdeel_pagina("integrale-toegang", 5) }}\n'),
                             "geen onderdeel '5'", "onderdeel_pagina("),
    "title-too-long": ("docs/bewind/raadsmededeling.md", lambda path: path.write_text(re.sub(
        r"(?m)^title: .*$", "title: " + "Een heel lange titel " * 5, path.read_text(encoding="utf-8"), count=1),
        encoding="utf-8"), "'title' is 104 tekens lang; de grens is 70", "title: Een heel lange titel"),
    # pages and scripts
    "page-of-a-removed-plan": ("docs/oud-plan/index.md", write(NEW_PAGE),
                               "staat in de map docs/oud-plan/, maar er is geen plan 'oud-plan'", None),
    "script-in-page": ("docs/naar-de-bron/aanleiding.md", append("\nKlik hier.\n\n<script>alert(1)</script>\n"),
                       "er staat een <script> in de tekst", "<script>alert(1)"),
    # MkDocs: navigation written by hand, links
    "page-not-in-nav": ("docs/nieuw.md", write(NEW_PAGE), "deze pagina staat niet in het menu", None),
    "nav-names-missing-page": ("mkdocs.yml", edit("  - Contact: contact.md", "  - Contact: contact.md\n  - Oud: oud.md"),
                               "het menu (nav) noemt 'oud.md', maar docs/oud.md bestaat niet", "Oud: oud.md"),
    "link-to-missing-page": ("docs/bewind/inleiding.md", append("\nZie [de oude pagina](bestaat-niet.md).\n"),
                             "de link 'bestaat-niet.md' wijst naar een pagina die niet bestaat", "bestaat-niet.md"),
    "link-to-missing-anchor": ("docs/bewind/besluit.md", append("\nZie [de start](../index.md#geen-kopje).\n"),
                               "maar dat kopje staat niet op docs/index.md", "index.md#geen-kopje"),
    "link-to-missing-anchor-here": ("docs/bewind/samenhang.md", append("\nZie [hier](#nergens).\n"),
                                    "wijst naar een kopje dat niet op deze pagina staat", "(#nergens)"),
    "link-without-md": ("docs/bewind/analyses.md", append("\nZie [de start](../index).\n"),
                        "wijst niet naar een pagina", "(../index)"),
}

FIRST_LETTER_BEYOND_ASCII = object()  # in a file saved as 'ANSI', the first é or ë is where reading stops

# Mistakes that stop a build before the pages are read: each gets its own copy and run.
ALONE_CASES = {
    # data files: missing or empty, said once, naming what refers to them
    "deleted-actors": ("data/plannen/bewind/actoren.yaml", delete,
                       "dit bestand ontbreekt, maar acties.yaml", None),
    "deleted-actions": ("data/plannen/bewind/acties.yaml", delete, "dit bestand ontbreekt, maar adviezen.yaml", None),
    "empty-actors": ("data/plannen/bewind/actoren.yaml", write("# leeg\n"), "dit bestand is leeg", None),
    "deleted-budget": ("data/plannen/bewind/begroting.yaml", delete,
                       "toont data/plannen/bewind/begroting.yaml, maar dat bestand bestaat niet", None),
    # files saved in another encoding than UTF-8: the line of the first letter that cannot be read
    "page-saved-as-ansi": ("docs/over.md", save_as("cp1252", HEADING, "## Waar de teksten vandaan komen, één café"),
                           "niet opgeslagen als UTF-8", FIRST_LETTER_BEYOND_ASCII),
    "page-saved-as-utf16": ("docs/over.md", save_as("utf-16"), "opgeslagen als UTF-16 ('Unicode')", None),
    "data-saved-as-ansi": ("data/plannen/bewind/plan.yaml", save_as("cp1252", "team: DEV-BLD", "team: DEV-BLD # één"),
                           "niet opgeslagen als UTF-8", FIRST_LETTER_BEYOND_ASCII),
    # mkdocs.yml: MkDocs says these in English, or with a Python error
    "config-indentation": ("mkdocs.yml", edit("  - Contact: contact.md", " - Contact: contact.md"),
                           "het bestand is geen geldige YAML: de inspringing klopt niet", None),
    "config-tab": ("mkdocs.yml", edit("  - Contact: contact.md", "\t- Contact: contact.md"),
                   "er staat een tab; gebruik spaties", "- Contact: contact.md"),
    "config-unknown-setting": ("mkdocs.yml", edit("strict: true", "strict: true\nsite_naam: Plannen"),
                               "'site_naam' is geen instelling die MkDocs kent", "site_naam:"),
    "config-colour-too-light": ("mkdocs.yml", edit('kleur: "#4051b5"', 'kleur: "#ffcc00"'),
                                "'kleur: #ffcc00' heeft te weinig contrast met wit: 1,51:1", 'kleur: "#ffcc00"'),
    "config-without-plans": ("mkdocs.yml", edit("  - plannen\n", ""), "het menu (nav) heeft geen regel '- plannen'",
                             None),
    "config-unknown-plugin": ("mkdocs.yml", edit("  - macros:", "  - macro:"),
                              "de plug-in 'macro' bestaat niet", "- macro:"),
    "config-impossible-reference-date": ("mkdocs.yml", lambda path: path.write_text(re.sub(
        r"(?m)^(\s+peildatum:).*$", r"\1 2025-13-01", path.read_text(encoding="utf-8")), encoding="utf-8"),
        "de peildatum '2025-13-01' is geen geldige datum", "peildatum: 2025-13-01"),
}


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def with_published_site(project: Path) -> Path:
    """A stand-in for the published site: a failed build must leave it exactly as it is."""
    site = project / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("<p>de gepubliceerde site</p>", encoding="utf-8")
    return project


@pytest.fixture
def project(project_copy: Path) -> Path:
    return with_published_site(project_copy)


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


def assert_explained(project: Path, err: str, file: str, expected: str, on_line: str | None) -> None:
    assert expected in err, err
    assert file.split("/")[-1] in err, "the message names the file"
    if on_line is FIRST_LETTER_BEYOND_ASCII:
        line = next(i for i, text in enumerate((project / file).read_bytes().split(b"\n"), 1) if any(byte > 127 for byte in text))
        assert f"{file}, regel {line}:" in err, err
    elif on_line:
        lines = (project / file).read_text(encoding="utf-8").splitlines()
        line = next(i for i, text in enumerate(lines, 1) if on_line in text)
        assert f"{file}, regel {line}:" in err, err


@pytest.fixture(scope="module")
def every_page_mistake(tmp_path_factory):
    """One copy with every mistake of PAGE_CASES, published once: (project, its Dutch output)."""
    project = with_published_site(copy_project(tmp_path_factory.mktemp("staff-errors") / "project"))
    before = snapshot(project / "site")
    for file, change, _, _ in PAGE_CASES.values():
        change(project / file)
    return project, check_failed_in_dutch(project, before, publish(project))


@pytest.mark.parametrize("name", PAGE_CASES)
def test_each_page_mistake_is_explained_in_dutch_with_file_line_and_fix(every_page_mistake, name):
    project, err = every_page_mistake
    file, _, expected, on_line = PAGE_CASES[name]
    assert_explained(project, err, file, expected, on_line)


def test_each_problem_of_a_run_is_said_once(every_page_mistake):
    """Some mistakes are seen twice (by our page check and again by Jinja): staff read each once."""
    _, err = every_page_mistake
    problems = [line for line in err.splitlines() if line.startswith(("docs/", "mkdocs.yml", "data/"))]
    assert len(problems) == len(set(problems)), err
    assert len(problems) >= len(PAGE_CASES), err


@pytest.mark.parametrize("name", ALONE_CASES)
def test_each_mistake_that_stops_the_build_is_explained_in_dutch_with_file_line_and_fix(project, name):
    file, change, expected, on_line = ALONE_CASES[name]
    before = snapshot(project / "site")
    change(project / file)
    err = check_failed_in_dutch(project, before, publish(project))
    assert_explained(project, err, file, expected, on_line)


def test_a_deleted_data_file_is_one_problem_not_one_per_reference(project):
    before = snapshot(project / "site")
    (project / "data/plannen/bewind/actoren.yaml").unlink()
    err = check_failed_in_dutch(project, before, publish(project))
    assert err.count("actoren.yaml: dit bestand ontbreekt") == 1
    assert "is geen bekende actor" not in err
    assert "bevatten 1 fout" in err


def test_a_bom_and_windows_line_ends_are_read_as_plain_utf8(project):
    """Notepad and Word save a BOM and CRLF: the site reads such files as if they were written on Linux."""
    for file in ("docs/over.md", "data/plannen/bewind/plan.yaml"):
        path = project / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = publish(project)
    assert result.returncode == 0, result.stdout + result.stderr
    over = (project / "site/over.html").read_text(encoding="utf-8")
    assert "<title>Over deze site" in over, "the front matter after a BOM is still read"
    assert "\ufeff" not in over and "\r" not in over
    sys.path.insert(0, str(project))
    from plain_language.sources import find
    assert [s for s in find(project / "docs/over.md") if "in het kort" in s.label], "the B1 check reads it too"
    plan = (project / "site/bewind/index.html").read_text(encoding="utf-8")
    assert "\ufeff" not in plan and "\r" not in plan


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
    crash = explain("Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n    x()\nKeyError: 'plan'\n")
    assert crash.startswith("Er ging iets mis in de programmacode van de site") and "KeyError: 'plan'" in crash
    assert "Oplossing: Vraag de beheerder" in crash
    assert "docs/a.md: deze pagina staat niet in het menu" in text and "docs/b/c.md: deze pagina" in text
    assert text.count("de link 'x.md' wijst naar een pagina die niet bestaat") == 1, "the same problem once"
    assert "(bedoelt u 'index.md'?)" in text
    assert "docs/bewind/acties.md" in text and "mist een waarde: 'plan_id'" in text
    for english in ENGLISH:
        assert english not in text
