"""The search index in parts (issue 12): no page load fetches it, one query fetches only a few parts, and the
results are those of Material's own search over the whole index.

On the real site (conftest's build of data/), in Debian's Chromium, over http and from a folder (file://).
"""
from __future__ import annotations

import collections
import functools
import gzip
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import wait_for_search_index
from test_search import QUERIES

from macros.search_shards import read_index

# Term shards for a word typed letter by letter: its exact terms and, within the worker's PREFIX_BUDGET, its
# prefixes. The document chunks grow with the site (each letter's query loads its best pages' texts); what
# bounds them is the bytes a query may fetch (MAX_BYTES_PER_QUERY, the target).
MAX_TERM_SHARDS_PER_WORD = 8
MAX_BYTES_PER_QUERY = 300 * 1024  # gzip, everything the query fetches (issue 12)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(built_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def common_word(built_site) -> str:
    """The site's most frequent long word: a query with many results, the costly kind."""
    docs = read_index(built_site)["docs"]
    return collections.Counter(w for d in docs for w in re.findall(r"\b[a-z]{9,}\b", d["text"])).most_common(1)[0][0]


def _parts(urls: list[str]) -> list[str]:
    return [u for u in urls if "/search/shards/" in u]


def _gzip_bytes(site: Path, urls: list[str], root: str) -> int:
    total = 0
    for url in urls:
        path = unquote(urlparse(url).path).removeprefix(root).lstrip("/")
        file = site / path
        if file.is_file():
            total += len(gzip.compress(file.read_bytes(), compresslevel=6))
    return total


def test_the_stub_is_all_that_pages_load_of_the_index(built_site):
    stub = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["lang"] == ["nl"]
    assert (built_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    assert read_index(built_site)["docs"], "the whole index is kept for tools"
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  (built_site / "index.html").read_text(encoding="utf-8"), re.S).group(1))
    worker = built_site / config["search"]
    assert re.fullmatch(r"search\.pva\.[0-9a-f]{8}\.min\.js", worker.name) and worker.is_file()


@pytest.mark.parametrize("over", ["http", "file"])
def test_a_page_load_fetches_no_part_of_the_index(page, built_site, served, over):
    page.goto(served + "index.html" if over == "http" else (built_site / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    if over == "file":   # from a folder the worker starts when the search opens
        page.locator("input.md-search__input").click()
        wait_for_search_index(page)
        page.wait_for_load_state("networkidle")
    assert _parts(page.requests_seen) == []
    assert not [u for u in page.requests_seen if "lunr" in u or "search_index_full" in u]


@pytest.mark.parametrize("over", ["http", "file"])
def test_one_query_fetches_a_few_small_parts(page, built_site, served, common_word, over):
    root = served if over == "http" else built_site.as_uri() + "/"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(root + "index.html")
    page.locator("input.md-search__input").click()
    wait_for_search_index(page)
    page.wait_for_load_state("networkidle")
    before = len(page.requests_seen)
    page.keyboard.type(common_word, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    fetched = page.requests_seen[before:]
    parts = _parts(fetched)
    assert any(p.endswith("/search/shards/index.js") for p in parts)
    assert any(re.search(r"/t\d+\.js$", p) for p in parts) and any(re.search(r"/d\d+\.js$", p) for p in parts)
    terms = [p for p in parts if re.search(r"/t\d+\.js$", p)]
    assert len(terms) <= MAX_TERM_SHARDS_PER_WORD, terms
    assert len(set(fetched)) == len(fetched), "nothing is fetched twice"
    root_path = urlparse(root).path if over == "file" else ""
    assert _gzip_bytes(built_site, fetched, root_path) <= MAX_BYTES_PER_QUERY
    shards = sorted((built_site / "search" / "shards").glob("*.js"))
    assert len(parts) < len(shards) / 4, "a query loads a small part of the index"


SETUP = """async ([workerUrl, indexUrl]) => {
  const index = await (await fetch(indexUrl)).json();
  const worker = new Worker(new URL(workerUrl, location.href));
  const ask = message => new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data);
    worker.onerror = event => reject(new Error(event.message));
    worker.postMessage(message);
  });
  (window.workers = window.workers || []).push(ask);
  await ask({type: 0, data: {...index, options: {suggest: false}}});
}"""
QUERY = """async ([n, query]) => (await window.workers[n]({type: 2, data: query})).data.items"""


def _comparable(group: list[dict], long: set[str]) -> list[dict]:
    """Without the page a section belongs to; the text of the few very long documents (whole-site tables) is cut
    for the result list (macros/search_shards.js, MAX_TEXT), so only their location, score, title and terms count."""
    return [{k: v for k, v in item.items() if k != "parent" and not (k == "text" and item["location"] in long)}
            for item in group]


def _title_only(group: list[dict]) -> bool:
    return len(group) == 1 and group[0]["text"] == "" and group[0]["terms"] == {} and "#" not in group[0]["location"]


def test_results_are_those_of_materials_search_over_the_whole_index(browser, built_site, served, common_word):
    """Material's own worker with the whole index (as the site used to load it) and the project's worker with its
    parts give the same pages in the same order; every page whose documents were loaded (the best ones) has the
    same items: locations, scores, highlighted titles and texts, found terms."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(served + "index.html")
    config = json.loads(page.eval_on_selector("#__config", "el => el.textContent"))
    material = next((built_site / "assets/javascripts/workers").glob("search.[0-9a-f]*.min.js")).name
    page.evaluate(SETUP, [f"assets/javascripts/workers/{material}", "search/search_index_full.json"])
    page.evaluate(SETUP, [config["search"], "search/search_index.json"])
    long = {d["location"] for d in read_index(built_site)["docs"] if len(d["text"]) > 12000}
    compared = 0
    # Required, prohibited and only-prohibited words, wildcards, stop words only, a required word that no page
    # has, a boost: each is a branch of the ranking (macros/search_worker.js, rank). Not lunr's "word~1": a fuzzy
    # word loads only the parts of its typed letters, so a match that changes the first letters is not found.
    for query in [q.text for q in QUERIES] + [common_word, "I.b", "+organisatie -inwoner", "gesprek kwartaal",
                                              "-inwoner", "kwart*", "de het", "+qqxqq inwoner",
                                              "+gesprek +kwartaal", "wijk^5 inwoner"]:
        old = page.evaluate(QUERY, [0, query])
        new = page.evaluate(QUERY, [1, query])
        assert [g[0]["location"].split("#")[0] for g in old] == [g[0]["location"].split("#")[0] for g in new], query
        for before, after in zip(old, new):
            if not _title_only(after):
                assert _comparable(before, long) == _comparable(after, long), query
                compared += 1
    assert not errors, errors
    assert compared > 50
    page.close()
