"""Nothing invented: every sentence the site publishes as plan text stands in the source document."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, SEEDS

SEED_OF_PLAN = {
    "bewind": "000_da0344337ae4809f.txt",
    "naar-de-bron": "001_8560d5ea13288a5b.txt",
    "integrale-toegang": "003_ee83e6a3d9964c63.txt",
}
# Slide headers the PDF repeats inside running text; the transcription drops them.
_PAGE_FURNITURE = re.compile(
    r"Hoofdstuk 2: plan van aanpak aanbevelingen|\b\d{2}Hoofdstuk|"
    r"Plan van aanpak 2\.0 Naar de bron van het sociale domein\s+Pagina \d+\s+Versie: 0\.2\s+Status: concept")
# Our own pages that hold macros and plain-language text, not transcriptions.
_MACRO_PAGES = {"index", "acties", "begroting", "adviezen", "organisatie", "doelen", "planning-en-menskracht"}


def _letters(text: str) -> str:
    """Only letters and digits: line breaks, hyphenation, bullets and markup do not count."""
    return re.sub(r"[\W_]+", "", text).lower()


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    texts = {}
    for plan, name in SEED_OF_PLAN.items():
        path = SEEDS / name
        assert path.exists(), f"the source plan is missing: {path}"
        texts[plan] = _letters(_PAGE_FURNITURE.sub(" ", path.read_text(encoding="utf-8")))
    return texts


def _sentences(markdown: str):
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)  # keep link text, drop the URL
    text = re.sub(r"^\s*(?:[-*]|\d+\.|o)\s+", "", text, flags=re.M)
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n(?=\S)", text):
        if len(sentence.split()) >= 4:
            yield sentence.strip()


@pytest.mark.parametrize("plan_id", SEED_OF_PLAN)
def test_every_action_text_is_in_the_source(site_model, seeds, plan_id):
    plan = site_model.plan(plan_id)
    missing = [(a.id, s) for a in plan.acties for s in _sentences(a.tekst) if _letters(s) not in seeds[plan_id]]
    assert not missing, missing[:5]


@pytest.mark.parametrize("plan_id", SEED_OF_PLAN)
def test_titles_doelen_and_advice_are_in_the_source(site_model, seeds, plan_id):
    plan = site_model.plan(plan_id)
    texts = [p.titel for p in plan.onderdelen] + [p.doel for p in plan.onderdelen if p.doel]
    texts += [a.tekst for a in plan.adviezen]
    texts += [i.omschrijving for i in (plan.doelen.indicatoren if plan.doelen else ())]
    texts += [item.titel for n in (plan.doelen.lijsten if plan.doelen else ()) for item in n.items]
    assert [t for t in texts if _letters(t) not in seeds[plan_id]] == []


def _transcribed_pages():
    for plan_id in SEED_OF_PLAN:
        for page in sorted((ROOT / "docs" / plan_id).glob("*.md")):
            if page.stem not in _MACRO_PAGES:
                yield plan_id, page.stem


@pytest.mark.parametrize("plan_id, page", list(_transcribed_pages()))
def test_background_pages_quote_the_source(seeds, plan_id, page):
    text = (ROOT / "docs" / plan_id / f"{page}.md").read_text(encoding="utf-8")
    body = text.split("---", 2)[2]  # the summary above is our own plain-language text
    # Headings, editorial notes in italics, the header table and [function] placeholders for hidden names.
    body = re.sub(r"^#+ .*$|^\*[^*]+\*$|^\|.*\|$", "", body, flags=re.M)
    body = re.sub(r"\[[^\]]+\](?!\()", "", body)
    sentences = list(_sentences(body))
    assert len(sentences) > 3
    missing = [s for s in sentences if _letters(s) not in seeds[plan_id]]
    assert not missing, missing[:5]
