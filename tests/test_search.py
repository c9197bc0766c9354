"""Dutch site search in Debian's Chromium: every page with the word is found, ids and glossary terms first.

Expected pages come from the built site's own search index (search/search_index.json), read with a plain
Python rule, so new content keeps these tests meaningful: a query must find every page on which one of
its word forms occurs as a word (or, for compound queries, inside a word).

The site searched is built from a copy of the project with the fixed copy of the real plans in place
(tests/fixtures/referentie): the words of QUERIES stay on it whatever editors change in data/. Plans that
only data/ has are in the copy too, so their action ids and glossary terms are searched as well.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from conftest import PEILDATUM, copy_project, wait_for_search_index

from macros.search_compounds import Splitter
from macros.search_shards import read_index


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """A resident's words: letters and digits, whatever punctuation is around them."""
    return re.findall(r"[^\W_]+", fold(re.sub(r"<[^>]+>", " ", text)))


@dataclass(frozen=True)
class Query:
    text: str
    forms: tuple[str, ...]   # folded word forms the query must find
    inside: bool = False     # also inside longer words (compounds)
    prefix: bool = False     # also at the start of longer words (half-typed)

    def matches(self, word: str) -> bool:
        return any(word == f or (self.inside and f in word) or (self.prefix and word.startswith(f))
                   for f in self.forms)


QUERIES = [
    # Right after "(" and after a quote: "SHV (schuldhulpverlening)", "‘hordeloper", "“Dichtbij".
    Query("schuldhulpverlening", ("schuldhulpverlening",)),
    Query("hordeloper", ("hordeloper", "hordelopers")),
    Query("dichtbij", ("dichtbij",)),
    # Plural finds singular and singular finds plural, with irregular pairs.
    Query("kwartalen", ("kwartaal", "kwartalen")),
    Query("kwartaal", ("kwartaal", "kwartalen")),
    Query("signaal", ("signaal", "signalen")),
    Query("signalen", ("signaal", "signalen")),
    Query("gesprekken", ("gesprek", "gesprekken")),
    Query("organisaties", ("organisatie", "organisaties")),
    Query("organisatie", ("organisatie", "organisaties")),
    Query("werksessies", ("werksessie", "werksessies")),
    Query("afspraak", ("afspraak", "afspraken")),
    Query("inwoner", ("inwoner", "inwoners")),
    Query("rollen", ("rol", "rollen")),
    Query("mogelijkheden", ("mogelijkheid", "mogelijkheden")),
    Query("voorziening", ("voorziening", "voorzieningen")),
    Query("taak", ("taak", "taken")),
    Query("doelen", ("doel", "doelen")),
    Query("financieel", ("financieel", "financiele")),
    # Without the diolaeresis, and with it.
    Query("clienten", ("client", "clienten")),
    Query("cliënt", ("client", "clienten")),
    # Inside compounds.
    Query("hulpverlening", ("hulpverlening",), inside=True),
    Query("rapportage", ("rapportage", "rapportages"), inside=True),
    Query("gesprek", ("gesprek", "gesprekken"), inside=True),
    Query("werksessie", ("werksessie", "werksessies"), inside=True),
    # Half typed.
    Query("gespr", ("gespr",), prefix=True),
]


# ---------------------------------------------------------------- the search worker, over http


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def search_project(tmp_path_factory) -> Path:
    """A copy of the project with the reference plans, built with --strict into its site/."""
    project = copy_project(tmp_path_factory.mktemp("zoeken") / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", "site"],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="module")
def built_site(search_project) -> Path:
    """The site these tests search (in place of conftest's build of data/ itself)."""
    return search_project / "site"


@pytest.fixture(scope="module")
def served_site(built_site):
    """The built site from a local web server (Material's search worker needs http outside the shim)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


SETUP_WORKER = """async () => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const index = await (await fetch("search/search_index.json")).json();
  const worker = new Worker(new URL(config.search, location.href));
  window.searchWorker = message => new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data);
    worker.onerror = event => reject(new Error(event.message));
    worker.postMessage(message);
  });
  await window.searchWorker({type: 0, data: {...index, options: {suggest: false}}});   // SETUP
}"""
QUERY_WORKER = """async query => {
  const answer = await window.searchWorker({type: 2, data: query});                      // QUERY
  return answer.data.items.map(group => group.map(item => ({location: item.location, score: item.score})));
}"""


@pytest.fixture(scope="module")
def search(browser, served_site):
    """Runs a query in Material's own search worker with the project's Dutch module: all result groups."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(served_site + "index.html")
    page.evaluate(SETUP_WORKER)

    def run(query: str) -> list[list[dict]]:
        assert not errors, errors
        return page.evaluate(QUERY_WORKER, query)

    yield run
    page.close()


@pytest.fixture(scope="module")
def index_docs(built_site) -> list[dict]:
    return read_index(built_site)["docs"]   # the whole index; pages load only its parts (search/shards/)


def expected_pages(docs: list[dict], query: Query) -> set[str]:
    return {d["location"].split("#")[0] for d in docs
            if any(query.matches(w) for w in words(d["title"] + " " + d["text"]))}


def found_pages(groups: list[list[dict]]) -> set[str]:
    return {item["location"].split("#")[0] for group in groups for item in group}


def test_query_table_covers_what_it_claims(index_docs):
    """The table tests what the issue names: words after "(" and a quote, and pairs that differ."""
    raw = " ".join(d["text"] for d in index_docs)
    assert "(schuldhulpverlening" in raw
    assert "‘hordeloper" in raw and "“Dichtbij" in raw
    with_diaeresis = {d["location"].split("#")[0] for d in index_docs if "cliënten" in d["text"].lower()}
    without = {d["location"].split("#")[0] for d in index_docs if "clienten" in d["text"].lower()}
    assert with_diaeresis - without, "a page must have only \"cliënten\" for the query \"clienten\""
    for query in QUERIES:
        assert expected_pages(index_docs, query), f"{query.text}: no page has it any more; pick another word"
    # A compound only, not the word itself: that is what splitting must find.
    hulp = Query("hulpverlening", ("hulpverlening",))
    assert expected_pages(index_docs, Query("hulpverlening", ("hulpverlening",), inside=True)) - \
        expected_pages(index_docs, hulp)


@pytest.mark.parametrize("query", QUERIES, ids=[q.text for q in QUERIES])
def test_query_finds_every_page_with_the_word(search, index_docs, query):
    expected = expected_pages(index_docs, query)
    missing = expected - found_pages(search(query.text))
    assert not missing, f"{query.text!r} misses {sorted(missing)}"


def test_words_right_after_brackets_and_quotes_are_found(search, index_docs):
    """Every longer word the site writes right after "(" or a quote finds each page that has it."""
    after = {fold(m.group(1)) for d in index_docs
             for m in re.finditer(r"[(\[‘“\"'„]([^\W\d_]{6,})", d["text"])}
    assert after
    for word in sorted(after)[::4]:   # a quarter of them keeps the test quick
        query = Query(word, (word,))
        missing = expected_pages(index_docs, query) - found_pages(search(word))
        assert not missing, f"{word!r} misses {sorted(missing)}"


def _actions(project: Path) -> list[tuple[str, str]]:
    """(plan, action id) from data/plannen/*/acties.yaml."""
    return [(path.parent.name, str(a["id"]))
            for path in sorted((project / "data" / "plannen").glob("*/acties.yaml"))
            for a in yaml.safe_load(path.read_text(encoding="utf-8"))["acties"]]


def test_an_action_id_finds_that_action_first(search, index_docs, search_project):
    """An id finds its action first; an id that several plans use (1.1, or a copied plan) finds one of them."""
    wrong = []
    for plan, action in _actions(search_project):
        sections = [d["location"] for d in index_docs
                    if d["title"].startswith(f"Actie {action}:") and d["location"].startswith(plan + "/")]
        assert len(sections) == 1, (plan, action, sections)
        same_id = {d["location"] for d in index_docs if d["title"].startswith(f"Actie {action}:")}
        groups = search(action)
        best = max((item for group in groups for item in group), key=lambda item: item["score"], default=None)
        expected = {sections[0]} if len(same_id) == 1 else same_id
        if not best or best["location"] not in expected or groups[0][0]["location"] not in expected:
            wrong.append((action, sections[0], best and best["location"]))
    assert not wrong


def _glossary_terms(project: Path) -> list[str]:
    data = yaml.safe_load((project / "data" / "begrippen.yaml").read_text(encoding="utf-8"))
    return [str(b["term"]) for b in data["begrippen"]]


def test_a_glossary_term_finds_its_explanation_among_the_first(search, index_docs, search_project):
    entries = {re.sub(r" Alleen in .*$", "", html.unescape(d["title"]).split(" (")[0]): d["location"]
               for d in index_docs if d["location"].startswith("begrippen.html#")}  # without the local-term tag
    terms = _glossary_terms(search_project)
    assert set(terms) <= set(entries), set(terms) - set(entries)
    late = []
    for term in terms:
        ranked = sorted((item for group in search(term) for item in group), key=lambda item: -item["score"])
        top = [item["location"] for item in ranked[:3]]
        if entries[term] not in top:
            late.append((term, top))
    assert not late, late


def test_compound_parts_are_real_words():
    splitter = Splitter()
    assert set(splitter.parts("schuldhulpverlening")) >= {"schuld", "hulpverlening"}
    assert set(splitter.parts("kwartaalrapportage")) == {"kwartaal", "rapportage"}
    assert set(splitter.parts("toegangsteam")) == {"toegang", "team"}        # linking s, not "steam"
    for word in ("belangrijk", "onderzoek", "activering", "verschillen", "overheid"):
        assert splitter.parts(word) == (), word


# ---------------------------------------------------------------- the search box, as a resident uses it


def _search_box(page, query: str) -> list[str]:
    """Types the query and returns the links of all results, scrolling until every result is shown."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(re.search(r"\d+", meta).group())
    for _ in range(50):
        shown = page.locator(".md-search-result__list > .md-search-result__item").count()
        if shown >= total:
            break
        # Material adds results in batches each time the list reaches its bottom.
        for top in ("0", "el.scrollHeight"):
            page.locator(".md-search__scrollwrap").evaluate(f"el => {{ el.scrollTop = {top}; }}")
            page.wait_for_timeout(60)
    assert shown == total, (query, shown, total)
    return page.eval_on_selector_all(".md-search-result__list > .md-search-result__item > a.md-search-result__link",
                                     "els => els.map(e => e.href)")


def _page_of(href: str, root: str) -> str:
    return unquote(urlparse(href).path).removeprefix(root).lstrip("/")


def test_search_box_works_from_a_folder(page, built_site, index_docs):
    page.goto((built_site / "index.html").as_uri())
    for query in (Query("kwartalen", ("kwartaal", "kwartalen")), Query("werksessies", ("werksessie", "werksessies")),
                  Query("hulpverlening", ("hulpverlening",), inside=True)):
        hrefs = _search_box(page, query.text)
        found = {_page_of(h, built_site.as_posix()) for h in hrefs}
        assert expected_pages(index_docs, query) <= found, query.text
    assert any(u.endswith("lunr/min/lunr.nl.min.js") for u in page.requests_seen), "Dutch module not loaded"
    outside = [u for u in page.requests_seen if urlparse(u).scheme not in ("file", "data", "blob", "about")]
    assert outside == []


def test_search_box_over_http_puts_the_action_first(page, served_site, search_project, index_docs):
    actions = _actions(search_project)
    ids = [action for _, action in actions]
    unique = [(plan, action) for plan, action in actions if ids.count(action) == 1]
    plan, action = ("bewind", "I.b") if ("bewind", "I.b") in unique else unique[0]  # I.b: a plan that adds one too
    (section,) = [d["location"] for d in index_docs
                  if d["title"].startswith(f"Actie {action}:") and d["location"].startswith(plan + "/")]
    page.goto(served_site + "index.html")
    hrefs = _search_box(page, action)
    assert urlparse(hrefs[0]).path.endswith(section.split("#")[0])  # bewind/aanbevelingen/I.html
    first_section = page.locator(".md-search-result__list > .md-search-result__item").first \
        .locator("a.md-search-result__link").nth(1).get_attribute("href")
    assert first_section.endswith("#" + section.split("#")[1]), first_section  # #actie-i-b
    outside = [u for u in page.requests_seen if not u.startswith(served_site)]
    assert outside == []


def test_text_that_arrives_without_a_key_is_searched(page, served_site):
    """Dictation, a phone keyboard's suggestion or pasting with the mouse change the search box without a key:
    the results follow at once (docs/javascripts/search-on-input.js), not at the next key that is released."""
    page.goto(served_site + "index.html")
    page.locator("input.md-search__input").click()
    wait_for_search_index(page)
    page.locator("input.md-search__input").fill("gesprek")      # one input event, no key events
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert "gesprek" in page.locator(".md-search-result__list").inner_text().lower()
