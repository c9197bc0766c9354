"""Nothing invented: every sentence the site publishes as plan text stands in the plan's own source texts.

The source texts live in the repository (data/plannen/<plan>/bron/); the same
check runs in every build for the data (macros.source_texts). Here it also runs
over the transcribed background pages.
"""
from __future__ import annotations

import re

import pytest

from conftest import ROOT

from macros.source_texts import letters, normalised_source, sentences

# Our own pages that hold macros and plain-language text, not transcriptions.
_MACRO_PAGES = {"index", "acties", "begroting", "adviezen", "organisatie", "doelen", "planning-en-menskracht"}


@pytest.fixture(scope="module")
def sources(site_model) -> dict[str, str]:
    return {plan.id: normalised_source(plan.brontekst, ROOT) for plan in site_model.plannen}


def test_every_plan_keeps_its_source_text_in_the_repository(site_model):
    for plan in site_model.plannen:
        assert plan.brontekst and plan.brontekst.bestanden, plan.id
        for name in plan.brontekst.bestanden:
            path = ROOT / name
            assert path.is_file() and path.resolve().is_relative_to(ROOT.resolve()), name
            # A text, not the template's blank: how long depends on the plan (a letter can be short); that every
            # quote stands in it is checked below.
            text = path.read_text(encoding="utf-8").strip()
            assert text and not text.startswith("<Plak hier"), name


def test_every_action_text_is_in_the_source(site_model, sources):
    for plan in site_model.plannen:
        missing = [(a.id, s) for a in plan.acties for s, _ in sentences(a.tekst) if letters(s) not in sources[plan.id]]
        assert not missing, (plan.id, missing[:5])


def test_titles_doelen_advice_recommendations_and_status_quotes_are_in_the_source(site_model, sources):
    for plan in site_model.plannen:
        texts = [p.titel for p in plan.onderdelen] + [p.doel for p in plan.onderdelen if p.doel]
        texts += [t for a in plan.adviezen for t in (a.tekst, a.antwoord) if t]
        texts += [t for r in plan.aanbevelingen for t in (r.tekst, r.reactie) if t]
        texts += [q for a in plan.acties for q in a.status_citaten]
        texts += [i.omschrijving for i in (plan.doelen.indicatoren if plan.doelen else ())]
        texts += [item.titel for n in (plan.doelen.lijsten if plan.doelen else ()) for item in n.items]
        assert [t for t in texts if letters(t) not in sources[plan.id]] == [], plan.id


def test_the_check_fails_when_one_word_changes(site_model, sources):
    plan = next(p for p in site_model.plannen if any(len(a.tekst.split()) > 8 for a in p.acties))
    action = next(a for a in plan.acties if len(a.tekst.split()) > 8)
    sentence = next(s for s, _ in sentences(action.tekst))
    assert letters(sentence) in sources[plan.id]
    words = sentence.split()
    changed = " ".join(words[:3] + ["nimmer"] + words[4:])
    assert letters(changed) not in sources[plan.id]


def _transcribed_pages():
    for plan_dir in sorted((ROOT / "data" / "plannen").iterdir()):
        for page in sorted((ROOT / "docs" / plan_dir.name).glob("*.md")):
            if page.stem not in _MACRO_PAGES:
                yield plan_dir.name, page.stem


@pytest.mark.parametrize("plan_id, page", list(_transcribed_pages()))
def test_background_pages_quote_the_source(sources, plan_id, page):
    text = (ROOT / "docs" / plan_id / f"{page}.md").read_text(encoding="utf-8")
    body = text.split("---", 2)[2]  # the summary above is our own plain-language text
    # Headings, editorial notes in italics, the header table and [function] placeholders for hidden names.
    body = re.sub(r"^#+ .*$|^\*[^*]+\*$|^\|.*\|$", "", body, flags=re.M)
    body = re.sub(r"\[[^\]]+\](?!\()", "", body)
    found = [s for s, _ in sentences(body)]
    assert len(found) > 3
    missing = [s for s in found if letters(s) not in sources[plan_id]]
    assert not missing, missing[:5]
