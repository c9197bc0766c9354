"""Side-by-side measurement of the site search: Material's lunr with the project's Dutch module vs Pagefind.

Builds the site once, indexes the same build with Pagefind (from PyPI, in the venv), and runs the query table
of tests/test_search.py, every action id and every glossary term in Debian's Chromium against both engines,
over http on localhost (Pagefind cannot run from a folder). Then tries both from file://.

    .venv/bin/python scripts/bench_search.py
"""
from __future__ import annotations

import functools
import html
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from playwright.sync_api import sync_playwright
from test_search import (
    QUERIES,
    QUERY_WORKER,
    SETUP_WORKER,
    _actions,
    _glossary_terms,
    expected_pages,
)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
PAGEFIND_SETUP = """async () => {
  window.pagefind = await import("/pagefind/pagefind.js");
  await window.pagefind.init();
}"""
PAGEFIND_QUERY = """async query => {
  const search = await window.pagefind.search(query);
  const pages = await Promise.all(search.results.map(r => r.data()));
  return pages.map(p => ({url: p.url, sections: p.sub_results.map(s => s.url)}));
}"""


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": "2024-06-30"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


def pagefind(site: Path) -> None:
    # The article only: Material's navigation lists every page title on every page.
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article",
                    "--exclude-selectors", ".headerlink", "--keep-index-url", "--quiet"], check=True)


def size(*paths: Path) -> int:
    return sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def lunr_pages(groups) -> list[str]:
    return [item["location"] for group in groups for item in sorted(group, key=lambda i: -i["score"])]


def pagefind_pages(results) -> list[str]:
    """Pages and their section anchors, best first, as site-relative locations."""
    out = []
    for r in results:
        out += [u.lstrip("/") for u in (r["sections"] or [r["url"]])]
    return out


def main() -> None:
    import json

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        site = Path(tmp) / "site"
        build(site)
        docs = json.loads((site / "search" / "search_index_full.json").read_text(encoding="utf-8"))["docs"]
        lunr_bytes = size(site / "search", site / "assets/javascripts/lunr/min/lunr.nl.min.js")
        pagefind(site)
        pagefind_bytes = size(site / "pagefind")
        base = serve(site)

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            outside: list[str] = []
            page.on("request", lambda r: outside.append(r.url)
                    if r.url.startswith(("http:", "https:")) and not r.url.startswith(base) else None)
            page.goto(base + "index.html")
            page.evaluate(SETUP_WORKER)
            page.evaluate(PAGEFIND_SETUP)

            def both(query: str) -> tuple[list[str], list[str]]:
                return (lunr_pages(page.evaluate(QUERY_WORKER, query)),
                        pagefind_pages(page.evaluate(PAGEFIND_QUERY, query)))

            def row(name: str, expected: int, lunr: int, pf: int) -> None:
                print(f"{name:<24}{expected:>9}{lunr:>9}{lunr / expected:>8.0%}{pf:>10}{pf / expected:>8.0%}")

            print(f"{'query (pages)':<24}{'expected':>9}{'lunr-nl':>9}{'recall':>8}{'pagefind':>10}{'recall':>8}")
            totals = [0, 0, 0]
            for query in QUERIES:
                expected = expected_pages(docs, query)
                lunr, pf = both(query.text)
                hit_l = len(expected & {u.split("#")[0] for u in lunr})
                hit_p = len(expected & {u.split("#")[0] for u in pf})
                totals = [totals[0] + len(expected), totals[1] + hit_l, totals[2] + hit_p]
                row(query.text, len(expected), hit_l, hit_p)
            row("all words", *totals)

            # An action id: is that action's page the first result, and its section the first link?
            page_first, section_first = [0, 0], [0, 0]
            actions = _actions()
            for plan, action in actions:
                target = next(d["location"] for d in docs
                              if d["title"].startswith(f"Actie {action}:") and d["location"].startswith(plan + "/"))
                for n, found in enumerate(both(action)):
                    page_first[n] += bool(found) and found[0].split("#")[0] == target.split("#")[0]
                    section_first[n] += bool(found) and found[0] == target
            row("action id: page 1st", len(actions), *page_first)
            row("action id: section 1st", len(actions), *section_first)

            # A glossary term: is the glossary among the first 3 result pages, and is the entry itself linked there?
            page_top, entry_top = [0, 0], [0, 0]
            entries = {html.unescape(d["title"]).split(" (")[0]: d["location"] for d in docs
                       if d["location"].startswith("begrippen.html#")}
            terms = _glossary_terms()
            for term in terms:
                for n, found in enumerate(both(term)):
                    pages = list(dict.fromkeys(u.split("#")[0] for u in found))[:3]
                    page_top[n] += "begrippen.html" in pages
                    entry_top[n] += entries[term] in found[:3]
            row("glossary: page top 3", len(terms), *page_top)
            row("glossary: entry top 3", len(terms), *entry_top)

            # From a folder: Material's search box (through the iframe-worker shim) and Pagefind's module.
            page.goto((site / "index.html").as_uri())
            page.locator("input.md-search__input").click()
            page.keyboard.type("kwartalen", delay=20)
            try:
                page.locator(".md-search-result__item").first.wait_for(timeout=15000)
                lunr_file = "yes"
            except Exception as err:  # noqa: BLE001 - report, not crash
                lunr_file = f"no ({type(err).__name__})"
            try:
                page.evaluate("async () => { await import('./pagefind/pagefind.js'); }")
                pagefind_file = "yes"
            except Exception as err:  # noqa: BLE001
                pagefind_file = "no (" + str(err).splitlines()[0][:70] + ")"
            browser.close()

        print()
        print(f"index bytes: lunr-nl {lunr_bytes:,} (search/ json + js copy for file://, lunr.nl.min.js with "
              f"compound map); pagefind {pagefind_bytes:,} (pagefind/, fetched in chunks)")
        print(f"works from file://: lunr-nl {lunr_file}; pagefind {pagefind_file}")
        print(f"requests to other hosts: {len(outside)}")


if __name__ == "__main__":
    main()
