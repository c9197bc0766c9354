"""Never force a claim the source does not make (issue 10, item 4), on the fictitious fixture plans.

Each kind of claim a plan may leave open: a status, a date, a lead, a number, the meaning of an
abbreviation. The site shows what the source says, at its precision, and says plainly what it leaves open.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import render, render_budget
from macros.loader import load_site
from macros.locations import Links
from macros.problems import PlanDataError

from test_render import FIXTURES as FICTIEF, PEIL, fictional  # noqa: F401 - fictional is a fixture


def text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").replace("\u00a0", " ").split())


def edited(tmp_path: Path, fixture: Path, file: str, old: str, new: str) -> Path:
    """A copy of a fixture folder with one text in one data file replaced."""
    copy = tmp_path / fixture.name
    shutil.copytree(fixture, copy)
    path = copy / "data" / "plannen" / file
    original = path.read_text(encoding="utf-8")
    assert old in original, f"test setup: {old!r} not in {file}"
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return copy


def problems(copy: Path) -> list:
    with pytest.raises(PlanDataError) as info:
        load_site(copy / "data", copy)
    return info.value.problems


def line_of(copy: Path, file: str, fragment: str) -> int:
    lines = (copy / "data" / "plannen" / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if fragment in line)


# --- 1. Plan status and the kind of a budget figure may be not stated ------------------------------------------------

def test_a_plan_without_a_stated_status_says_so_wherever_the_status_shows(fictional):
    plan = fictional.plan("fictief-zonder-begroting")
    assert plan.status is None
    facts = BeautifulSoup(render.plan_facts(plan, PEIL), "html.parser")
    status = next(dt.find_next_sibling("dd") for dt in facts.find_all("dt") if dt.get_text() == "Status")
    assert status.get_text() == "Niet vermeld in het plan"
    card = text(render.plan_card(plan, Links("index.md"), PEIL))
    assert "Status: niet vermeld in het plan" in card
    assert not any(word in card.lower() for word in ("concept", "vastgesteld", "in uitvoering"))


def test_a_status_that_means_not_stated_is_refused_with_file_line_and_how_to_leave_it_out(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-zonder-begroting/plan.yaml", "onderdeel_soort: thema\n",
                  "onderdeel_soort: thema\nstatus: niet vermeld\n")
    [problem] = problems(copy)
    assert problem.file.name == "plan.yaml"
    assert problem.line == line_of(copy, "fictief-zonder-begroting/plan.yaml", "status:")
    assert "'niet vermeld' is geen status" in problem.message
    assert "Laat 'status' dan weg" in problem.fix


def test_a_wrong_plan_status_is_still_refused(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/plan.yaml", "status: in-uitvoering", "status: besloten")
    [problem] = problems(copy)
    assert "'besloten' is geen geldige waarde voor 'status'" in problem.message
    assert problem.line == line_of(copy, "fictief-actielijnen/plan.yaml", "status:")


def test_a_budget_whose_source_does_not_say_raming_voorstel_or_besluit_is_not_called_one(tmp_path):
    copy = edited(tmp_path, FICTIEF, "fictief-actielijnen/begroting.yaml", "    soort: besluit\n", "")
    plan = load_site(copy / "data", copy).plan("fictief-actielijnen")
    assert plan.begroting.leidend.soort is None
    page = text(render_budget.budget_page(plan, Links("fictief-actielijnen/begroting.md")))
    assert "Fictieve begroting (soort niet vermeld in de bron)" in page
    assert "De bron zegt niet of dit een raming, een voorstel of een besluit is." in page
    assert "hierover is besloten" not in page and "(besluit)" not in page
    assert render_budget.money_summary(plan).startswith("Geld (volgens het fictieve besluit): ")
