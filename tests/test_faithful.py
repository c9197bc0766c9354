"""Nothing invented: every sentence the site publishes as plan text stands in the source document."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

BEWIND_SEED = "000_da0344337ae4809f.txt"
# Slide headers the PDF repeats inside running text; the transcription drops them.
_PAGE_FURNITURE = re.compile(r"Hoofdstuk 2: plan van aanpak aanbevelingen|\b\d{2}Hoofdstuk")


def _letters(text: str) -> str:
    """Only letters and digits: line breaks, hyphenation, bullets and markup do not count."""
    return re.sub(r"[\W_]+", "", text).lower()


@pytest.fixture(scope="module")
def seed_text() -> str:
    path = SEEDS / BEWIND_SEED
    assert path.exists(), f"the source plan is missing: {path}"
    return _letters(_PAGE_FURNITURE.sub(" ", path.read_text(encoding="utf-8")))


def _sentences(markdown: str):
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)  # keep link text, drop the URL
    text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text, flags=re.M)
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n(?=\S)", text):
        if len(sentence.split()) >= 4:
            yield sentence.strip()


def test_every_action_text_is_in_the_source(site_model, seed_text):
    missing = [(a.id, s) for a in site_model.plan("bewind").acties for s in _sentences(a.tekst)
               if _letters(s) not in seed_text]
    assert not missing, missing[:5]


def test_titles_and_doelen_are_in_the_source(site_model, seed_text):
    plan = site_model.plan("bewind")
    texts = [p.titel for p in plan.onderdelen] + [p.doel for p in plan.onderdelen] + [a.titel for a in plan.acties]
    assert [t for t in texts if _letters(t) not in seed_text] == []


PAGES = ["besluit", "raadsmededeling", "inleiding", "inbreng-raad", "inbreng-asdd", "analyses", "samenhang"]


@pytest.mark.parametrize("page", PAGES)
def test_background_pages_quote_the_source(page, seed_text):
    text = (ROOT / "docs" / "bewind" / f"{page}.md").read_text(encoding="utf-8")
    body = text.split("---", 2)[2]  # the summary above is our own plain-language text
    body = re.sub(r"^#+ .*$|^\*[^*]+\*$|^\|.*\|$", "", body, flags=re.M)  # headings, editorial notes, header table
    sentences = list(_sentences(body))
    assert len(sentences) > 5
    missing = [s for s in sentences if _letters(s) not in seed_text]
    assert not missing, missing[:5]
