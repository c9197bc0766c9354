"""The begrippenlijst, abbreviations explained on every page, and the check for unexplained ones."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import NavigableString

from conftest import html_of

from macros.loader import abbreviations_in, load_site
from macros.problems import PlanDataError

_NOT_TEXT = {"abbr", "svg", "script", "style", "code", "pre", "title", "option"}


def _pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_glossary_page_lists_every_term(site_model, built_site):
    assert len(site_model.begrippen) >= 100
    soup = html_of(built_site, "begrippen.html")
    terms = [dt.strong.get_text() for dt in soup.select("dl.pva-glossary > dt")]
    assert sorted(terms, key=str.lower) == sorted((t.term for t in site_model.begrippen), key=str.lower)
    for term in ("IOG", "ASDD", "POK", "Wmo", "PDCA"):
        assert term in terms


def test_every_abbreviation_on_every_page_shows_its_meaning(site_model, built_site):
    known = site_model.abbreviations()
    checked = 0
    for page in _pages(built_site):
        soup = html_of(built_site, str(page.relative_to(built_site)), screen_reader_text=True)
        article = soup.find("article")
        for node in article.find_all(string=True):
            if not isinstance(node, NavigableString) or any(p.name in _NOT_TEXT for p in node.parents) \
                    or (node.parent.get("class") and "pva-sr" in node.parent.get("class")):
                continue
            bare = abbreviations_in(str(node)) & set(known)
            assert not bare, (page, bare, str(node)[:80])
        abbrs = [a for a in article.find_all("abbr") if a.get_text() in known]  # RACI letters have their own
        first_seen = set()
        for abbr in abbrs:
            term = known[abbr.get_text()]
            assert abbr["title"] == term.short_meaning
            sibling = abbr.find_next_sibling()
            if term.term not in first_seen:
                assert sibling is not None and "pva-sr" in sibling.get("class", []), (page, abbr)
                assert term.short_meaning in sibling.get_text()
                first_seen.add(term.term)
            checked += 1
    assert checked > 200


def test_an_abbreviation_missing_from_the_glossary_stops_the_build(project_copy):
    path = project_copy / "data/plannen/bewind/acties.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("De ingezette training", "De XQZ-loze training", 1)
                    .replace("De XQZ-loze training", "De ingezette XQZW training", 1), encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_site(project_copy / "data", project_copy)
    assert "XQZW" in str(info.value) and "begrippenlijst" in str(info.value)
