"""The editors' guide (docs/redactie.md) and its templates (sjablonen/): the page is built with its sections,
each template matches the real data format once filled in, and the example error messages are real."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PEILDATUM, ROOT, copy_data, html_of

from macros.dutch import Moment
from macros.loader import load_site
from macros.problems import PlanDataError

TEMPLATES = ROOT / "sjablonen"
SECTIONS = ("Zo wordt de site gemaakt", "Een status veranderen", "Een actie toevoegen", "Een nieuw plan beginnen",
            "Een pagina toevoegen",
            "Een samenvatting in eenvoudige taal schrijven", "Een wijziging voorstellen", "Een foutmelding lezen")

PLACEHOLDER = re.compile(r"<[^\s<>][^<>\n]*>")  # <vul in>, not the "< en >" of the instructions


def fill_yaml(template: str, values: dict[str, list[str]]) -> str:
    """A YAML template as an editor fills it in: every optional '# field: <…>' uncommented, every <…> replaced.

    values gives, per field name, the values in the order the field's placeholders appear. A line that is only
    a placeholder (the text under 'tekst: |', a list item, a raci line '<actor>: <letters>') takes the value of
    the field above it; a raci line is replaced as a whole.
    """
    queues = {key: list(v) for key, v in values.items()}
    out, field = [], None
    for line in template.splitlines():
        commented = re.match(r"^(\s+)# (\s*(?:- |<|[a-z_]+:).*)$", line)  # '# trekker: …', not '# Wie …'
        if commented:
            line = commented[1] + commented[2]
        elif line.lstrip().startswith("#"):  # the instructions at the top and above a field stay as they are
            out.append(line)
            continue
        key = re.match(r"^\s*(?:- )?([a-z_]+):", line)
        if key:
            field = key[1]
        if PLACEHOLDER.search(line):
            assert field in queues and queues[field], f"no value for the placeholder in {line!r}"
            if not key and re.match(r"^\s*<[^>]*>: <", line):
                indent = line[: len(line) - len(line.lstrip())]
                line = indent + queues[field].pop(0)
            else:
                line = PLACEHOLDER.sub(lambda _: queues[field].pop(0), line)
        out.append(line)
    assert not any(queues.values()), f"values left over, the template changed: {queues}"
    return "\n".join(out) + "\n"


def without_intro(template: str) -> str:
    """The part of a template an editor pastes: from the first line that is not a comment or empty."""
    lines = template.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#"))
    return "\n".join(lines[first:]) + "\n"


# --- 1. The page ----------------------------------------------------------------------------------------------

def test_the_guide_is_built_with_its_sections_and_shows_each_template(built_site):
    page = html_of(built_site, "redactie.html")
    assert page.find("h1").get_text(strip=True) == "Handleiding voor redacteuren"
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
    for section in SECTIONS:
        assert section in headings, f"section {section!r} missing; the page has {headings}"
    nav = [a.get_text(strip=True) for a in html_of(built_site, "index.html").select("nav a")]
    assert "Handleiding voor redacteuren" in nav
    code = [block.get_text() for block in page.select("pre code")]
    for name in ("rapportage.yaml", "actie.yaml", "pagina.md", "plan/plan.yaml", "plan/onderdelen.yaml",
                 "plan/acties.yaml"):
        template = (TEMPLATES / name).read_text(encoding="utf-8").strip()
        assert any(block.strip() == template for block in code), \
            f"the guide does not show sjablonen/{name} as it is: copy the file into its code block in docs/redactie.md"
        assert f"sjablonen/{name}" in page.get_text()


def test_the_summary_of_the_guide_is_plain_language():
    result = subprocess.run([sys.executable, "-m", "plain_language", "docs/redactie.md"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "): B1" in result.stdout, result.stdout + result.stderr


# --- 2. The report template -----------------------------------------------------------------------------------

REPORT_VALUES = {
    "peildatum": ["2024-06-30"],
    "titel": ["Voortgangsrapportage juni 2024", "Raadsmededeling voortgang plan van aanpak"],
    "nummer": ["2024-123"],
    "datum": ["2024-07-10"],
    "link": ["https://www.deventer.nl/voorbeeld"],
    "actie": ["I.b"],
    "status": ["gestart"],
    "voortgang": ["40"],
    "toelichting": ["De verandermanager is begonnen."],
    "eind": ["2025-Q2"],
    "reden": ["Het werven van de verandermanager duurde langer."],
}


def test_the_report_template_fails_until_filled_in_and_then_loads(project_copy):
    template = (TEMPLATES / "rapportage.yaml").read_text(encoding="utf-8")
    folder = project_copy / "data/plannen/bewind/rapportages"
    folder.mkdir()
    target = folder / "2024-06-30-voorjaarsnota.yaml"

    shutil.copy(TEMPLATES / "rapportage.yaml", target)
    with pytest.raises(PlanDataError) as unfilled:
        load_site(project_copy / "data", project_copy)
    assert "2024-06-30-voorjaarsnota.yaml" in str(unfilled.value)

    target.write_text(fill_yaml(template, REPORT_VALUES), encoding="utf-8")
    plan = load_site(project_copy / "data", project_copy).plan("bewind")
    (report,) = plan.voortgangsrapportages
    assert str(report.peildatum) == "2024-06-30" and report.titel == "Voortgangsrapportage juni 2024"
    assert report.bron.titel == "Raadsmededeling voortgang plan van aanpak" and report.bron.nummer == "2024-123"
    assert report.bron.link == "https://www.deventer.nl/voorbeeld"
    (entry,) = report.acties
    assert (entry.actie, entry.status, entry.voortgang) == ("I.b", "gestart", 40)
    assert entry.toelichting == "De verandermanager is begonnen."
    assert entry.herplanning.eind == Moment.lees("2025-Q2")
    assert entry.herplanning.reden.startswith("Het werven")


# --- 3. The action template -----------------------------------------------------------------------------------

# A sentence that stands in the plan's source text (bron/), as every action text must.
SOURCE_SENTENCE = "Daarnaast is met de adviesraad sociaal domein gesproken over het cliëntperspectief."
ACTION_VALUES = {
    "id": ["VI.d"],
    "onderdeel": ["VI"],
    "titel": ["Gesprek met de adviesraad"],
    "tekst": [SOURCE_SENTENCE],
    "trekker": ["verandermanager"],
    "raci": ["college: I"],
    "start": ["2024"],
    "eind": ["2025-Q2"],
    "status": ["gestart"],
    "status_citaten": ["Daarnaast is met de adviesraad sociaal domein gesproken"],
    "status_toelichting": ["Een eigen korte opmerking."],
    "randvoorwaarde_voor": ["VI.a"],
    "zie_ook": ["VI.b"],
}


def test_the_action_template_fails_until_filled_in_and_then_loads(project_copy):
    template = (TEMPLATES / "actie.yaml").read_text(encoding="utf-8")
    actions = project_copy / "data/plannen/bewind/acties.yaml"
    original = actions.read_text(encoding="utf-8").rstrip("\n") + "\n\n"

    actions.write_text(original + without_intro(template), encoding="utf-8")
    with pytest.raises(PlanDataError) as unfilled:
        load_site(project_copy / "data", project_copy)
    assert "data/plannen/bewind/acties.yaml" in str(unfilled.value)

    actions.write_text(original + without_intro(fill_yaml(template, ACTION_VALUES)), encoding="utf-8")
    plan = load_site(project_copy / "data", project_copy).plan("bewind")
    action = plan.actie("VI.d")
    assert (action.onderdeel, action.titel, action.status, action.trekker) == \
        ("VI", "Gesprek met de adviesraad", "gestart", "verandermanager")
    assert action.tekst.strip() == SOURCE_SENTENCE
    assert action.raci == (("college", "I"),)
    assert (action.planning.start, action.planning.eind) == (Moment.lees("2024"), Moment.lees("2025-Q2"))
    assert action.status_citaten == ("Daarnaast is met de adviesraad sociaal domein gesproken",)
    assert action.randvoorwaarde_voor == ("VI.a",) and action.zie_ook == ("VI.b",)


# --- 4. The plan template: a new plan is a new folder ----------------------------------------------------

PLAN_VALUES = {  # per file of the template
    "plan.yaml": {"id": ["nieuw-plan"], "gemeente": ["Fictiefstad"], "titel": ["Fictief nieuw plan voor een test"], "korte_titel": ["Nieuw plan"],
                  "onderdeel_soort": ["pijler"],
                  "samenvatting": ["Dit plan is verzonnen voor een test. Het laat zien hoe een nieuw plan op de site "
                                   "komt."]},
    "onderdelen.yaml": {"id": ["1"], "nummer": ["1"], "titel": ["Wonen voor iedereen in de fictieve stad"],
                        "korte_titel": ["Wonen"], "doel": ["Iedereen in de fictieve stad heeft een goede woning."],
                        "in_het_kort": ["Deze pijler gaat over wonen. Er hoort één actie bij."],
                        "inleiding": ["Onze aanpak begint bij de mensen die nu geen woning hebben."]},
    "acties.yaml": {"id": ["1.a"], "onderdeel": ["1"], "titel": ["Een overzicht van woningen"],
                    "tekst": ["De gemeente maakt een overzicht van alle woningen in de fictieve stad."]},
}
PLAN_SOURCE = ("TESTGEGEVENS. Fictief nieuw plan voor een test. Pijler 1: Wonen voor iedereen in de fictieve stad. "
               "Doel: Iedereen in de fictieve stad heeft een goede woning. Onze aanpak begint bij de mensen die nu "
               "geen woning hebben. Een overzicht van woningen. De gemeente maakt een overzicht van alle woningen "
               "in de fictieve stad.\n")


def test_the_plan_template_fails_until_filled_in_and_then_is_a_plan_with_pages_and_menu(project_copy):
    folder = project_copy / "data/plannen/nieuw-plan"
    shutil.copytree(TEMPLATES / "plan", folder)
    with pytest.raises(PlanDataError) as unfilled:
        load_site(project_copy / "data", project_copy)
    problems = str(unfilled.value)
    for name in ("plan.yaml", "onderdelen.yaml", "acties.yaml"):
        assert f"data/plannen/nieuw-plan/{name}" in problems, problems
    assert "invulveld uit het sjabloon" in problems and "bron/plan.txt" in problems

    for name, values in PLAN_VALUES.items():
        template = (TEMPLATES / "plan" / name).read_text(encoding="utf-8")
        (folder / name).write_text(fill_yaml(template, values), encoding="utf-8")
    (folder / "bron/plan.txt").write_text(PLAN_SOURCE, encoding="utf-8")
    plan = load_site(project_copy / "data", project_copy).plan("nieuw-plan")
    assert (plan.onderdeel_soort, plan.onderdeel("1").inleiding, plan.actie("1.a").status, plan.status) == \
        ("pijler", PLAN_VALUES["onderdelen.yaml"]["inleiding"][0], "gepland", None)
    result = build(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project_copy / "uit"
    home = html_of(site, "index.html")
    assert home.select_one('.md-nav--primary a[href="nieuw-plan/index.html"]'), "the plan is in the menu"
    part = html_of(site, "nieuw-plan/pijlers/1.html")
    assert part.find("h1").get_text(strip=True) == "Pijler 1: Wonen"
    assert PLAN_VALUES["onderdelen.yaml"]["inleiding"][0] in part.get_text() and "1.a" in part.get_text()
    assert "Gepland" in html_of(site, "nieuw-plan/acties.html").get_text()


# --- 5. The page template -------------------------------------------------------------------------------------

PAGE_VALUES = [
    "Nieuwe pagina",
    "Dit is een nieuwe pagina over het plan.",
    "U leest hier wat het plan wil doen.",
    "Deze pagina laat zien hoe het sjabloon werkt.",
    "Wat het plan wil",
    "Het plan wil de hulp aan inwoners beter maken.",
    "Gegevens van het plan",
    "Hieronder staan de gegevens van het plan.",
    "bewind",
]


def build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "uit")],
                          cwd=project, capture_output=True, text=True, env=env)


def test_the_page_template_filled_in_and_in_the_menu_builds(project_copy):
    template = (TEMPLATES / "pagina.md").read_text(encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - Toegankelijkheid: toegankelijkheid.md\n" in text
    config.write_text(text.replace("  - Toegankelijkheid: toegankelijkheid.md\n",
                                   "  - Nieuwe pagina: nieuwe-pagina.md\n  - Toegankelijkheid: toegankelijkheid.md\n"),
                      encoding="utf-8")
    page = project_copy / "docs/nieuwe-pagina.md"

    page.write_text(template, encoding="utf-8")
    unfilled = build(project_copy)
    assert unfilled.returncode != 0, "the page template should not build until it is filled in"

    values = iter(PAGE_VALUES)
    page.write_text(PLACEHOLDER.sub(lambda _: next(values), template), encoding="utf-8")
    assert next(values, None) is None, "the page template has fewer placeholders than the test fills in"
    result = build(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    built = html_of(project_copy / "uit", "nieuwe-pagina.html")
    assert built.find("h1").get_text(strip=True) == "Nieuwe pagina"
    assert "Dit is een nieuwe pagina over het plan." in built.get_text()
    assert "Het plan wil de hulp aan inwoners beter maken." in built.get_text()
    assert "Beschermingsbewind" in built.get_text() or "beschermingsbewind" in built.get_text()
    check = subprocess.run([sys.executable, "-m", "plain_language", "docs/nieuwe-pagina.md"], cwd=project_copy,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


# --- 6. The example error messages are what the loader says ---------------------------------------------------

BROKEN_REPORT = """\
peildatum: 2024-06-30
titel: Voortgangsrapportage juni 2024
bron:
  titel: Raadsmededeling voortgang plan van aanpak
acties:
  - actie: I.b
    status: klaar
    toelichting: De verandermanager is begonnen.
  - actie: I.c
    status: gestart
  - actie: I.z
    status: gestart
    toelichting: Het werk loopt.
"""


def _report_with_mistakes(data: Path) -> None:
    folder = data / "plannen/bewind/rapportages"
    folder.mkdir()
    (folder / "2024-06-30-voorjaarsnota.yaml").write_text(BROKEN_REPORT, encoding="utf-8")


def _plan_status_changed(data: Path) -> None:
    actions = data / "plannen/bewind/acties.yaml"
    text = actions.read_text(encoding="utf-8")
    start = text.index("  - id: I.b\n")
    at = text.index("    status: gepland\n", start)
    actions.write_text(text[:at] + "    status: gestart\n" + text[at + len("    status: gepland\n"):], encoding="utf-8")


def _action_in_own_words(data: Path) -> None:
    actions = data / "plannen/bewind/acties.yaml"
    actions.write_text(actions.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
                       "  - id: VI.d\n    onderdeel: VI\n    titel: Bewindvoerders bellen\n    tekst: |\n"
                       "      Wij gaan dit jaar alle bewindvoerders bellen.\n    status: gepland\n", encoding="utf-8")


EXAMPLES = {"fout1": _report_with_mistakes, "fout2": _plan_status_changed, "fout3": _action_in_own_words}


def example_message(tmp: Path, name: str) -> str:
    """The loader's message for one broken copy of the data, as the guide shows it."""
    copy_data(tmp / "data")
    EXAMPLES[name](tmp / "data")
    with pytest.raises(PlanDataError) as err:
        load_site(tmp / "data", tmp)
    return str(err.value)


def _without_line_numbers(text: str) -> str:
    """Adding an action elsewhere moves line numbers; the words of the message must stay the same."""
    return re.sub(r"regel \d+", "regel N", " ".join(text.split()))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_messages_in_the_guide_are_what_the_loader_says(tmp_path, name):
    message = example_message(tmp_path, name)
    guide = (ROOT / "docs/redactie.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", guide, re.S)
    assert any(_without_line_numbers(block) == _without_line_numbers(message) for block in blocks), \
        f"docs/redactie.md should show this message as the loader gives it now:\n{message}"
