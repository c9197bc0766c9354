"""A plan keeps its own word for its parts, with the plural spelled right (issue 10, item 3):
never "Alle spooren" or "Alle themaen". Exact values on the fictitious fixture; the real plans as invariant."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import render
from macros.loader import load_site
from macros.locations import Links, part_page
from macros.problems import PlanDataError
from macros.structure_words import PLURALS

FIXTURE = Path(__file__).parent / "fixtures" / "fictief"
PLAN = "fictief-actielijnen"
PEIL = dt.date(2024, 6, 30)


@pytest.fixture
def with_word(tmp_path):
    """The fixture with another onderdeel_soort (and, if given, onderdeel_meervoud) in its plan.yaml."""
    def load(word: str, plural: str | None = None):
        root = Path(shutil.copytree(FIXTURE, tmp_path / f"fictief-{word}"))
        plan_file = root / "data/plannen" / PLAN / "plan.yaml"
        extra = f"onderdeel_soort: {word}" + (f"\nonderdeel_meervoud: {plural}" if plural else "")
        plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("onderdeel_soort: actielijn", extra),
                             encoding="utf-8")
        return root, plan_file
    return load


@pytest.mark.parametrize("word, plural, folder", [("spoor", "sporen", "sporen"), ("thema", "thema's", "themas"),
                                                  ("pijler", "pijlers", "pijlers"), ("opgave", "opgaven", "opgaven")])
def test_a_known_word_gets_its_own_plural_in_captions_and_addresses(with_word, word, plural, folder):
    root, _ = with_word(word)
    plan = load_site(root / "data", root).plan(PLAN)
    assert plan.onderdeel_meervoud == plural
    assert part_page(plan, "1") == f"{PLAN}/{folder}/1.md"
    caption = BeautifulSoup(render.parts_table(plan, Links(f"{PLAN}/index.md"), PEIL), "html.parser").caption
    assert caption.get_text().startswith(f"Alle {plural} van het plan")


def test_an_unknown_word_is_a_dutch_problem_with_a_suggestion_and_line(with_word):
    root, plan_file = with_word("pijlr")
    with pytest.raises(PlanDataError) as info:
        load_site(root / "data", root)
    [problem] = [p for p in info.value.problems if "meervoud" in p.message]
    line = plan_file.read_text(encoding="utf-8").splitlines().index("onderdeel_soort: pijlr") + 1
    assert (str(problem.file), problem.line) == (f"data/plannen/{PLAN}/plan.yaml", line)
    assert problem.message == "de site kent het meervoud van 'pijlr' niet."
    assert problem.fix.startswith("Bedoelt u 'pijler'? Of zet het meervoud erbij")


def test_an_unknown_word_with_its_plural_is_used_as_written(with_word):
    root, _ = with_word("bouwblok", "bouwblokken")
    plan = load_site(root / "data", root).plan(PLAN)
    assert plan.onderdeel_meervoud == "bouwblokken" and part_page(plan, "1") == f"{PLAN}/bouwblokken/1.md"


def test_no_plural_is_made_by_adding_en_anywhere_in_the_site(built_site, site_model):
    """The invariant on the real plans: every caption names the plural from the table."""
    for plan in site_model.plannen:
        assert plan.onderdeel_meervoud == PLURALS[plan.onderdeel_soort]
    text = " ".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    wrong = {f"{word}en" for word in PLURALS if f"{word}en" != PLURALS[word]}
    assert not [w for w in wrong if re.search(rf"\b{re.escape(w)}\b", text, re.I)]
