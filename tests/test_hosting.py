"""The site on a real web server: hosting/nginx.conf, served by Debian's nginx on 127.0.0.1.

A release folder (publicatie/: one full build per stand, and "Alle standen" in the root) is served with the
repository's configuration, changed only where scripts/webserver_proef.py renders it for this machine
(placeholders and listen lines). Chromium loads every page over plain http: a browser cannot trust a
throw-away certificate, so the https server block also listens on plain http here; over https the test
checks HSTS and the http block's redirect. nginx runs as an ordinary child process, never as the system
service. `make test` installs nginx and openssl from Debian; this file installs nothing.
"""
from __future__ import annotations

import collections
import datetime as dt
import gzip
import http.client
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PEILDATUM, ROOT, copy_project, git_repository, run_release, wait_for_search_index

sys.path.insert(0, str(ROOT / "scripts"))
import webserver_proef as proef  # noqa: E402

from macros.release_info import stand_on  # noqa: E402

# The stands of the release below: the newest is the tests' usual reference date.
STANDS = ("2023-12-31", PEILDATUM)
HASHED = "public, max-age=31536000, immutable"
IN_A_STAND = "public, max-age=86400"
REVALIDATE = "no-cache"


@dataclass(frozen=True)
class Release:
    root: Path  # publicatie/
    newest: str  # the folder (slug) of the newest stand
    older: tuple[str, ...]  # the folders of earlier stands, oldest first


def publish_release(dest: Path) -> Release:
    """publicatie/ made by the release command (scripts/release.py) in a git copy of the project: two stands,
    each a full strict build in publicatie/<slug>/ with the root files above them. site_url stays empty, as in
    the repository: the release hook gives each version's 404 page its /<slug>/ address."""
    project = git_repository(copy_project(dest / "project"))
    for day in STANDS:
        made = run_release(project, "--peildatum", day)
        assert made.returncode == 0, made.stdout + made.stderr
    slugs = [stand_on(dt.date.fromisoformat(day)).slug for day in STANDS]
    return Release(project / "publicatie", slugs[-1], tuple(slugs[:-1]))


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Release:
    return publish_release(tmp_path_factory.mktemp("release"))


# Files of kinds the build does not (yet) make, to check what the server says they are.
SAMPLES = {
    "feeds/proef.xml": ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
                        "application/atom+xml; charset=utf-8"),
    "{newest}/proef/tabel.csv": ("actie;status\nI.a;Gereed\n", "text/csv; charset=utf-8"),
    "{newest}/proef/stuk.pdf": ("%PDF-1.4\n%%EOF\n", "application/pdf"),
    "{newest}/proef/site.webmanifest": ('{"name": "Plannen"}', "application/manifest+json; charset=utf-8"),
}


@dataclass(frozen=True)
class Server:
    http: int  # the site over plain http
    https: int  # the site over https, with a throw-away certificate
    redirect: int  # the block that sends http to https
    workdir: Path

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.http}/{path}"


def certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "proef.pem", folder / "proef.key"
    openssl = shutil.which("openssl")
    assert openssl, "openssl is missing: run `make test`, which installs it from Debian"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


@pytest.fixture(scope="module")
def server(release, tmp_path_factory):
    assert shutil.which("nginx") or Path("/usr/sbin/nginx").exists(), \
        "nginx is missing: run `make test`, which installs it from Debian"
    for name, (content, _) in SAMPLES.items():
        path = release.root / name.format(newest=release.newest)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    (release.root / release.newest / ".verborgen").write_text("geheim", encoding="utf-8")
    workdir = tmp_path_factory.mktemp("nginx")
    cert, key = certificate(workdir)
    ports = Server(*proef.free_ports(3), workdir)
    main = proef.prepare(workdir, release.root, ports.http, proef.Tls(cert, key, ports.https, ports.redirect))
    process = proef.start(workdir, main, ports.http)
    yield ports
    proef.stop(process)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(port: int, path: str, tls: bool = False, **headers: str) -> Answer:
    connection = (http.client.HTTPSConnection("127.0.0.1", port, context=ssl._create_unverified_context(), timeout=10)
                  if tls else http.client.HTTPConnection("127.0.0.1", port, timeout=10))
    try:
        connection.request("GET", "/" + path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def meta_policy(html: str) -> str:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "the built page carries its policy in a meta tag (overrides/main.html)"
    return meta["content"]


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def asset(site: Path, pattern: str) -> str:
    found = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
    assert found, f"the build has no {pattern}"
    return found[0]


# --- nginx accepts the file as the web administrator installs it -----------------------------------------


def test_nginx_accepts_the_configuration_with_only_its_placeholders_filled_in(release, tmp_path):
    """`nginx -t` on hosting/nginx.conf with the root and certificate filled in and every listen line as it is."""
    cert, key = certificate(tmp_path)
    text = proef.SITE_CONFIG.read_text(encoding="utf-8")
    for placeholder, value in ((proef.ROOT_PLACEHOLDER, release.root), (proef.CERTIFICATE, cert), (proef.KEY, key)):
        assert placeholder in text, placeholder
        text = text.replace(placeholder, str(value))
    for line in (*proef.LISTEN_HTTP, *proef.LISTEN_HTTPS):
        assert line in text, f"scripts/webserver_proef.py renders {line.strip()!r}; keep them in step"
    main = proef.write_config(tmp_path, text)
    checked = subprocess.run(proef.command(tmp_path, main, "-t"), capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "[warn]" not in checked.stderr and "[emerg]" not in checked.stderr, checked.stderr


def test_the_local_trial_renders_plain_http_without_certificate_or_redirect(release):
    text = proef.render(proef.SITE_CONFIG.read_text(encoding="utf-8"), release.root, 8080)
    assert "listen 127.0.0.1:8080;" in text and "ssl_certificate" not in text and "return 301" not in text
    assert len(re.findall(r"^server \{$", text, re.M)) == 1


# --- Every page in Chromium ----------------------------------------------------------------------------


class Traffic:
    """Console errors, uncaught exceptions, failed requests and error statuses while pages load, each as
    "<what> <address of the file>: <details>", and the requests still under way."""

    def __init__(self, page):
        self.problems: list[str] = []
        self.pending: set = set()
        self.finished: list[str] = []
        self.cancelled: list[str] = []  # cancelled by the browser, by going to the next page: not a problem
        page.on("console", lambda m: self.problems.append(f"console {m.location.get('url')}: {m.type}: {m.text}")
                if m.type == "error" or "Content Security Policy" in m.text else None)
        page.on("pageerror", lambda e: self.problems.append(f"exception {page.url}: {e}"))
        page.on("request", lambda r: self.pending.add(r))
        page.on("requestfinished", lambda r: (self.pending.discard(r), self.finished.append(r.url)))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: self.problems.append(f"status {r.url}: {r.status}") if r.status >= 400 else None)

    def _failed(self, request) -> None:
        self.pending.discard(request)
        cancelled = request.failure == "net::ERR_ABORTED"
        (self.cancelled if cancelled else self.problems).append(f"failed {request.url}: {request.failure}")

    def settle(self, page, last: str | None = None, timeout: float = 15) -> None:
        """Wait until no request is under way and, if given, a file ending in `last` has come: leaving a page
        earlier would cancel what its search worker is still loading."""
        for _ in range(int(timeout / 0.025)):
            if not self.pending and (last is None or any(u.endswith(last) for u in self.finished)):
                self.finished.clear()
                return
            page.wait_for_timeout(25)
        raise AssertionError(f"{page.url}: still loading {[r.url for r in self.pending]}")


def test_every_page_loads_over_http_without_an_error(page, server, release):
    traffic = Traffic(page)
    site = release.root / release.newest
    addresses = ["", "index.html", f"{release.newest}/", *(f"{s}/index.html" for s in release.older),
                 *(f"{release.newest}/{p}" for p in pages(site))]
    for address in addresses:
        # No waiting for the search worker of each page (a second or two each): going on cancels what it still
        # loads, which is no error of the server. The last page, and the search test, wait for it.
        response = page.goto(server.url(address))
        assert response.status == 200, address
        page.wait_for_load_state("load")
        if address in ("", "index.html"):
            # The publication root sends on to the newest stand by a meta refresh, which fires after "load":
            # wait for it, or it interrupts the next address.
            page.wait_for_url(server.url(f"{release.newest}/index.html"))
            page.wait_for_load_state("load")
        if address.split("/")[0] in (release.newest, *release.older):
            assert page.evaluate("typeof __md_get") == "function", f"{address}: Material's scripts ran"
    traffic.settle(page, "search_index.json")  # the last page, with the search configuration its worker gets
    assert traffic.problems == []
    assert len(addresses) > 20, "every page of the stand was loaded"


def test_search_works_over_http_with_a_real_worker(page, server, release):
    """Over http Material's search runs in a Web Worker (the frame shim is for file:// only), under the header
    policy and the meta policy together."""
    site = release.root / release.newest
    docs = json.loads((site / "search/search_index_full.json").read_text(encoding="utf-8"))["docs"]
    word = collections.Counter(w for d in docs for w in re.findall(r"\b[a-z]{9,}\b", d["text"])).most_common(1)[0][0]
    traffic = Traffic(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server.url(f"{release.newest}/index.html"))
    page.locator("input.md-search__input").click()
    wait_for_search_index(page)
    page.keyboard.type(word, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    links = page.eval_on_selector_all("a.md-search-result__link", "els => els.map(e => e.href)")
    assert links and all(link.startswith(server.url(release.newest + "/")) for link in links), links
    assert any("/workers/search." in w.url for w in page.workers), "Material's search worker runs as a Worker"
    assert page.evaluate("typeof IFrameWorker") == "undefined", "the file:// shim stayed out of the way"
    assert any("/search/shards/" in u for u in page.requests_seen), "the worker fetched parts of the index"
    traffic.settle(page)
    assert traffic.problems == []


# --- Headers -------------------------------------------------------------------------------------------


def test_the_header_policy_is_the_pages_own_plus_frame_ancestors(server, release):
    site = release.root / release.newest
    meta = meta_policy((site / "index.html").read_text(encoding="utf-8"))
    bundle = asset(site, "assets/javascripts/bundle.*.min.js")
    for path in ("index.html", f"{release.newest}/index.html", f"{release.newest}/{bundle}"):
        answer = get(server.http, path)
        assert answer.status == 200, path
        assert answer.headers["Content-Security-Policy"] == meta + "; frame-ancestors 'none'", path


@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_security_headers_on_pages_assets_and_the_404_page(server, release, tls):
    site = release.root / release.newest
    port = server.https if tls else server.http
    paths = ["index.html", "versies.js", f"{release.newest}/index.html", f"{release.newest}/{pages(site)[-1]}",
             f"{release.newest}/{asset(site, 'assets/stylesheets/main.*.min.css')}",
             f"{release.newest}/stylesheets/site.css", f"{release.newest}/search/search_index.json",
             f"{release.newest}/bestaat-niet.html", *(name.format(newest=release.newest) for name in SAMPLES)]
    for path in paths:
        headers = get(port, path, tls=tls).headers
        assert [k for k, n in collections.Counter(headers.keys()).items() if n > 1] == [], f"{path}: twice"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert "camera=()" in headers["Permissions-Policy"], path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert "nginx/" not in headers["Server"], "no version number"
        # HSTS only over https: over plain http a browser ignores it, and a proxy in front may want its own.
        assert headers["Strict-Transport-Security"] == ("max-age=31536000" if tls else None), path


def test_caching_long_for_hashed_assets_revalidate_for_pages_and_the_root(server, release):
    site = release.root / release.newest
    stand = release.newest
    expected = {
        f"{stand}/{asset(site, 'assets/javascripts/bundle.*.min.js')}": HASHED,
        f"{stand}/{asset(site, 'assets/stylesheets/main.*.min.css')}": HASHED,
        f"{stand}/{asset(site, 'assets/stylesheets/palette.*.min.css')}": HASHED,
        f"{stand}/{asset(site, 'assets/javascripts/workers/search.*.min.js')}": HASHED,
        f"{stand}/stylesheets/site.css": IN_A_STAND,  # our own names carry no hash
        f"{stand}/javascripts/filters.js": IN_A_STAND,
        f"{stand}/search/search_index.json": IN_A_STAND,
        f"{release.older[0]}/stylesheets/site.css": IN_A_STAND,
        f"{stand}/index.html": REVALIDATE,
        f"{stand}/{pages(site)[-1]}": REVALIDATE,
        f"{release.older[0]}/index.html": REVALIDATE,
        "": REVALIDATE,
        "index.html": REVALIDATE,
        "versies.js": REVALIDATE,
        "feeds/proef.xml": REVALIDATE,
    }
    for path, cache in expected.items():
        answer = get(server.http, path)
        assert answer.status == 200, path
        assert answer.headers["Cache-Control"] == cache, path
    # A page that did not change costs a short "304 Not Modified".
    first = get(server.http, f"{stand}/index.html")
    again = get(server.http, f"{stand}/index.html", If_None_Match=first.headers["ETag"])
    assert again.status == 304 and again.headers["Cache-Control"] == REVALIDATE


def test_text_is_compressed_when_the_browser_accepts_it(server, release):
    site = release.root / release.newest
    for name in ("index.html", pages(site)[-1], asset(site, "assets/stylesheets/main.*.min.css"),
                 asset(site, "assets/javascripts/bundle.*.min.js"), "stylesheets/site.css",
                 "search/shards/index.js"):  # what the search loads; search_index.json is a stub below gzip_min_length
        path = f"{release.newest}/{name}"
        packed = get(server.http, path, Accept_Encoding="gzip")
        assert packed.headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in packed.headers["Vary"], path
        assert gzip.decompress(packed.body) == (site / name).read_bytes(), path
        plain = get(server.http, path)
        assert plain.headers["Content-Encoding"] is None and plain.body == (site / name).read_bytes(), path


def test_each_kind_of_file_has_its_content_type(server, release):
    site = release.root / release.newest
    expected = {name.format(newest=release.newest): kind for name, (_, kind) in SAMPLES.items()}
    expected |= {
        f"{release.newest}/index.html": "text/html; charset=utf-8",
        f"{release.newest}/stylesheets/site.css": "text/css; charset=utf-8",
        f"{release.newest}/javascripts/filters.js": "application/javascript; charset=utf-8",
        f"{release.newest}/search/search_index.json": "application/json; charset=utf-8",
        f"{release.newest}/sitemap.xml": "text/xml; charset=utf-8",
        f"{release.newest}/{asset(site, 'assets/images/favicon.png')}": "image/png",
        "versies.js": "application/javascript; charset=utf-8",
    }
    for path, kind in expected.items():
        answer = get(server.http, path)
        assert (answer.status, answer.headers["Content-Type"]) == (200, kind), path


# --- Addresses that do not exist -------------------------------------------------------------------------


_NOT_FOUND = """() => ({h1: document.querySelector('h1').textContent.trim(), lang: document.documentElement.lang,
  header: document.querySelector('.md-header') && getComputedStyle(document.querySelector('.md-header')).position,
  links: [...document.querySelectorAll('article a[href]')].map(a => a.href)})"""


def test_an_unknown_address_in_a_stand_gives_that_stands_dutch_404(page, server, release):
    traffic = Traffic(page)
    response = page.goto(server.url(f"{release.newest}/bestaat-niet.html"))
    assert response.status == 404
    page.wait_for_load_state("load")
    state = page.evaluate(_NOT_FOUND)
    assert state["h1"] == "Deze pagina bestaat niet" and state["lang"] == "nl", state
    assert state["header"] in ("sticky", "fixed"), f"Material's stylesheet loaded from /{release.newest}/: {state}"
    assert state["links"] and all(link.startswith(server.url(release.newest + "/")) for link in state["links"])
    for link in state["links"]:
        assert get(server.http, link.removeprefix(server.url())).status == 200, link
    address = server.url(f"{release.newest}/bestaat-niet.html")
    traffic.settle(page, "lunr.nl.min.js")
    # Only the page itself is not found: its status, and the one console line Chromium writes for it. (Console
    # lines carry the page's address, whatever failed, so they are counted, not filtered by address.)
    itself = [f"status {address}: 404",
              f"console {address}: error: Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert sorted(traffic.problems) == sorted(itself), traffic.problems


def test_an_unknown_address_in_an_older_stand_stays_in_that_stand(page, server, release):
    older = release.older[-1]
    response = page.goto(server.url(f"{older}/een-plan/bestaat-niet.html"))
    assert response.status == 404
    page.wait_for_load_state("load")
    state = page.evaluate(_NOT_FOUND)
    assert state["h1"] == "Deze pagina bestaat niet" and state["header"] in ("sticky", "fixed"), state
    assert state["links"] and all(link.startswith(server.url(older + "/")) for link in state["links"])


def test_an_unknown_address_deep_in_a_stand_loads_without_an_error(page, server, release):
    traffic = Traffic(page)
    address = server.url(f"{release.newest}/een-plan/en/nog/dieper.html")
    assert page.goto(address).status == 404
    page.wait_for_load_state("load")
    assert page.evaluate(_NOT_FOUND)["header"] in ("sticky", "fixed")
    traffic.settle(page, "lunr.nl.min.js")
    # Only the page itself is not found: its status, and the one console line Chromium writes for it. (Console
    # lines carry the page's address, whatever failed, so they are counted, not filtered by address.)
    itself = [f"status {address}: 404",
              f"console {address}: error: Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert sorted(traffic.problems) == sorted(itself), traffic.problems


@pytest.mark.parametrize("path", ["bestaat-niet.html", "bestaat/niet/", "1999-01-01/index.html", "{newest}/.verborgen",
                                  "{newest}/assets/"])
def test_other_unknown_addresses_give_a_dutch_404_page(server, release, path):
    answer = get(server.http, path.format(newest=release.newest))
    assert answer.status == 404
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Deze pagina bestaat niet" in answer.body.decode("utf-8")
    assert answer.headers["Cache-Control"] == REVALIDATE, "a 404 is not kept"
    assert answer.headers["X-Content-Type-Options"] == "nosniff", "headers also on the error page"
    assert b"geheim" not in answer.body


# --- http to https, and folders -------------------------------------------------------------------------


def test_plain_http_is_sent_to_https(server, release):
    answer = get(server.redirect, f"{release.newest}/index.html?x=1")
    assert answer.status == 301
    assert answer.headers["Location"] == f"https://127.0.0.1/{release.newest}/index.html?x=1"


def test_a_stand_without_its_slash_is_sent_to_the_folder(server, release):
    answer = get(server.http, release.newest)
    assert answer.status == 301 and answer.headers["Location"] == f"/{release.newest}/"
