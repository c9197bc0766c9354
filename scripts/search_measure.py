"""What one search costs a visitor: bytes, requests and time, in Debian's Chromium, over http on localhost.

For each query a fresh browser context opens the home page, opens the search box, waits until the search is
ready and types the query as a person does (one key at a time). Counted from the first keystroke: every file
fetched (the page and its worker), as the gzip-compressed size of the file's bytes (level 6, as a web server
would send it), and the time from the last keystroke to the moment the result list for the whole query was
put on the screen. `home(site)` gives the same count for loading the home page itself.

    .venv/bin/python scripts/search_measure.py SITE_DIR [QUERY ...]

The overall benchmark calls measure(site, queries) on a site with 10.000 actions (scripts/synthetic_plans.py).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
QUERIES = ["kwartalen", "gesprek", "gespr", "inwoner wijk", "hulpverlening", "I.b"]
TYPING_DELAY_MS = 80

_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && !meta.textContent.includes('initialiseren');
}"""
# Remembers when the last key went down and each time Material put a new result list on the screen: it empties
# the list and adds the first results in one go (later batches, added while scrolling, do not empty it).
_WATCH = """() => {
  window.pvaMeasure = {lastKey: 0, renders: []};
  document.addEventListener('keydown', () => { window.pvaMeasure.lastKey = performance.now(); }, true);
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(records => {
    const added = records.reduce((n, r) => n + r.addedNodes.length, 0);
    const emptied = records.some(r => r.removedNodes.length);
    if (added && (emptied || list.children.length === added)) window.pvaMeasure.renders.push(performance.now());
  }).observe(list, {childList: true});
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@functools.lru_cache(maxsize=None)
def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _file_of(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).lstrip("/") or "index.html"
    file = site / path
    return file if file.is_file() else None


class _Traffic:
    """Files fetched by the page and its workers (Playwright reports a worker's requests on its page)."""

    def __init__(self, context, site: Path):
        self.site, self.urls, self.pending = site, [], set()
        context.on("request", lambda r: (self.urls.append(r.url), self.pending.add(r)))
        context.on("requestfinished", lambda r: self.pending.discard(r))
        context.on("requestfailed", lambda r: self.pending.discard(r))

    def reset(self) -> None:
        self.urls = []

    def figures(self) -> tuple[int, int, list[str]]:
        files = [_file_of(self.site, u) for u in self.urls if urlparse(u).scheme in ("http", "https")]
        files = [f for f in files if f is not None]
        return sum(_gzip_size(f) for f in files), len(self.urls), [str(f.relative_to(self.site)) for f in files]

    def settle(self, page, quiet_ms: int = 400, timeout_ms: int = 30000) -> None:
        waited, still = 0, 0
        while waited < timeout_ms:
            page.wait_for_timeout(50)
            waited += 50
            still = still + 50 if not self.pending else 0
            if still >= quiet_ms:
                return
        raise TimeoutError(f"still loading: {[r.url for r in self.pending]}")


def _browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def home(site: Path) -> dict:
    """The home page load over http, all requests until the network is quiet."""
    site = Path(site)
    server, url = _serve(site)
    try:
        with sync_playwright() as p:
            browser = _browser(p)
            context = browser.new_context()
            traffic = _Traffic(context, site)
            page = context.new_page()
            page.goto(url + "index.html")
            traffic.settle(page)
            size, count, files = traffic.figures()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"bytes_gzip": size, "requests": count, "index_files": [f for f in files if f.startswith("search/shards/")]}


def measure(site: Path, queries: list[str]) -> list[dict]:
    """Per query: {"query", "bytes_gzip", "requests", "ms", "results", "files"}, each in a fresh browser context."""
    site = Path(site)
    server, url = _serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = _browser(p)
            for query in queries:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                traffic = _Traffic(context, site)
                page = context.new_page()
                page.goto(url + "index.html")
                page.locator("input.md-search__input").click()
                page.wait_for_function(_READY, timeout=30000)
                traffic.settle(page)
                page.evaluate(_WATCH)
                traffic.reset()
                page.keyboard.type(query, delay=TYPING_DELAY_MS)
                page.locator(".md-search-result__item").first.wait_for(timeout=30000)
                traffic.settle(page, quiet_ms=600)
                timing = page.evaluate("window.pvaMeasure")
                after = [t for t in timing["renders"] if t >= timing["lastKey"]]
                size, count, files = traffic.figures()
                rows.append({
                    "query": query, "bytes_gzip": size, "requests": count,
                    "ms": round(after[-1] - timing["lastKey"], 1) if after else None,
                    "results": page.locator(".md-search-result__list > .md-search-result__item").count(),
                    "files": files,
                })
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        sys.exit(__doc__)
    site, queries = Path(argv[0]), argv[1:] or QUERIES
    start = home(site)
    print(f"startpagina: {start['bytes_gzip'] / 1024:.1f} KB gzip, {start['requests']} verzoeken, "
          f"indexbestanden: {len(start['index_files'])}")
    print(f"{'zoekvraag':<20} {'KB gzip':>8} {'verzoeken':>9} {'ms':>7} {'getoond':>8}")
    for row in measure(site, queries):
        ms = "-" if row["ms"] is None else f"{row['ms']:.0f}"
        print(f"{row['query']:<20} {row['bytes_gzip'] / 1024:>8.1f} {row['requests']:>9} {ms:>7} {row['results']:>8}")


if __name__ == "__main__":
    main()
