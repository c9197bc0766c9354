"""The begrippenlijst, abbreviations explained on every page, and the check for unexplained ones."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import NavigableString

from conftest import html_of

from macros.abbreviations import abbreviations_in
from macros.loader import load_site
from macros.problems import PlanDataError

_NOT_TEXT = {"abbr", "svg", "script", "style", "code", "pre", "title", "option"}


def _pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_glossary_page_lists_every_term(site_model, built_site):
    assert site_model.begrippen
    soup = html_of(built_site, "begrippen.html")
    terms = [dt.strong.get_text() for dt in soup.select("dl.pva-glossary > dt")]
    assert sorted(terms, key=str.lower) == sorted((t.term for t in site_model.begrippen), key=str.lower)
    used = {a for p in site_model.plannen for a in abbreviations_in(" ".join(x.tekst for x in p.acties))}
    entries = {spelling: t for t in site_model.begrippen for spelling in t.spellings}  # "WijDeventer" is a begrip
    assert {entries[a].term for a in used} <= set(terms), "every abbreviation the actions use"


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
    assert checked, "the pages show abbreviations, each explained"


def test_an_abbreviation_missing_from_the_glossary_stops_the_build(project_copy):
    path = project_copy / "data/plannen/bewind/acties.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("De ingezette training", "De XQZ-loze training", 1)
                    .replace("De XQZ-loze training", "De ingezette XQZW training", 1), encoding="utf-8")
    with pytest.raises(PlanDataError) as info:
        load_site(project_copy / "data", project_copy)
    assert "XQZW" in str(info.value) and "begrippenlijst" in str(info.value)


# --- A-Z jump list (issue 8, item 5) ---------------------------------------------------------------


def test_glossary_a_to_z_links_only_letters_with_terms_and_they_land_on_those_terms(site_model, built_site):
    from macros.glossary import glossary_letter

    soup = html_of(built_site, "begrippen.html")
    nav = soup.select_one("article nav.pva-az")
    assert nav is not None and nav.get("aria-label")
    with_terms = {glossary_letter(t.term) for t in site_model.begrippen}
    items = nav.select("li")
    assert [li.get_text(strip=True)[:1] for li in items][:26] == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    linked = {a.get_text(strip=True): a["href"] for a in nav.select("a")}
    assert set(linked) == with_terms, "exactly the letters that have terms are links"
    for li in items:  # a letter without terms is shown, but not as a link
        if li.a is None:
            assert li.get_text(strip=True)[:1] not in with_terms
    ids = {el["id"]: el for el in soup.find_all(id=True)}
    for letter, href in linked.items():
        assert href.startswith("#") and href[1:] in ids, f"{letter}: no anchor {href}"
        target = ids[href[1:]]
        terms = [dt.strong.get_text() for dt in target.find_next_sibling("dl").select("dt")]
        assert terms and all(glossary_letter(t) == letter for t in terms), (letter, terms)
    grouped = [dt.strong.get_text() for dl in soup.select("article dl.pva-glossary") for dt in dl.select("dt")]
    assert len(grouped) == len(site_model.begrippen)


def test_a_letter_without_terms_is_shown_but_not_a_link():
    from bs4 import BeautifulSoup

    from macros.glossary import glossary_page
    from macros.model import Term

    terms = (Term(term="ASDD", soort="afkorting", voluit="Adviesraad", uitleg="Een adviesraad."),
             Term(term="wijkteam", soort="begrip", uitleg="Een team in de wijk."))
    nav = BeautifulSoup(glossary_page(terms), "html.parser").select_one("nav.pva-az")
    assert [a.get_text(strip=True) for a in nav.select("a")] == ["A", "W"]
    assert [li.get_text(strip=True)[:1] for li in nav.select("li") if li.a is None][:3] == ["B", "C", "D"]


def test_glossary_letter_folds_accents_and_groups_the_rest():
    from macros.glossary import glossary_letter

    assert glossary_letter("Cliëntondersteuner") == "C"
    assert glossary_letter("Éénloket") == "E"
    assert glossary_letter("3D-werken") == "#"


def test_glossary_page_does_not_assume_a_mouse(built_site):
    text = html_of(built_site, "begrippen.html").select_one("article").get_text(" ", strip=True).lower()
    for word in ("klik", "hover", "muis", "aanwijzen"):
        assert word not in text, word
    assert "kies" in text


def test_glossary_jump_links_move_focus_with_the_keyboard(page, built_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto((built_site / "begrippen.html").as_uri())
    link = page.locator("nav.pva-az a", has_text="P")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#letter-p'")
    top = page.evaluate("document.getElementById('letter-p').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header - 1 <= top < 800, "the letter lands in view, not under the sticky header"
