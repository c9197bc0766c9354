"""Speed and size at any scale (issue 12), measured side by side in one run; writes benchmarks/schaal.md.

Not a test: it prints figures and compares them with the targets. Every build runs in a copy of the
project (tracked files, tests left out), so the working folder is never touched.

- The real site against a plain MkDocs + Material build of the same pages: the Markdown after the macros
  ran, exported by a small hook, built without our hooks, macros and overrides. CPU time, median of paired runs.
- Builds with made-up plans (scripts/synthetic_plans.py) up to 1.000, 3.000 and 10.000 actions, the real plans
  included: CPU time, peak memory, size of the site.
- The data check alone (loading and checking every file, as the build does first) at 10.000 actions.
- Bytes a visitor transfers (gzip, every request until the page is quiet) for the home page and a part page
  of a plan made of recommendations, on the real site and at 10.000 actions, in Debian's Chromium over http.
- Search at 10.000 actions: bytes fetched for one query and time from typing to results (scripts/search_measure.py).
- Preview (scripts/preview.py): seconds from saving a YAML or Markdown file until the page shows the change,
  on the real site and at 1.000 actions.

    .venv/bin/python scripts/benchmark_schaal.py [--snel]     (--snel: 1.000 and 3.000 only, one pair)
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from synthetic_plans import write_plans  # noqa: E402

OUT = ROOT / "benchmarks" / "schaal.md"
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": "2025-06-30"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg", "application/xml")

# The hook that exports what the macros made, for the plain build: every page's Markdown after all
# on_page_markdown events, its title, and the final menu.
EXPORT_HOOK = '''
import os, yaml
from pathlib import Path
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section, Link
OUT = Path(os.environ["PVA_EXPORT"])

def _menu(items):
    out = []
    for item in items:
        if isinstance(item, Section):
            out.append({item.title: _menu(item.children)})
        elif isinstance(item, Link):
            out.append({item.title: item.url})
        else:
            out.append({item.title: item.file.src_uri} if item.title else item.file.src_uri)
    return out

def on_nav(nav, config, files):
    (OUT / "nav.yml").write_text(yaml.safe_dump(_menu(nav.items), allow_unicode=True), encoding="utf-8")
    for f in files:
        if not f.is_documentation_page() and f.abs_src_path and os.path.isfile(f.abs_src_path):
            target = OUT / "docs" / f.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(Path(f.abs_src_path).read_bytes())
    return nav

@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    title = page.meta.get("title") or page.title
    head = "---\\n" + yaml.safe_dump({"title": str(title)}, allow_unicode=True) + "---\\n\\n" if title else ""
    target.write_text(head + markdown, encoding="utf-8")
    return markdown
'''


# --- Running and measuring a command ----------------------------------------------------------------------

def run(command: list[str], cwd: Path) -> dict:
    """CPU seconds (user + system), peak memory (MiB) and wall seconds of one command and its children."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} mislukte in {cwd}:\n{log.read().decode()[-3000:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "mem": usage.ru_maxrss / 1024, "wall": time.perf_counter() - start}


def build(project: Path, site: Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    result = run([PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], project)
    result["size"] = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 2**20
    return result


def copy_project(dest: Path, actions: int = 0) -> Path:
    """The tracked files of the project (tests left out), with made-up plans up to `actions` in total."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and not name.startswith("tests/") and (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    if actions:
        real = count_actions(dest)
        write_plans(dest / "data", actions - real)
    return dest


def count_actions(project: Path) -> int:
    return sum(len(re.findall(r"^  - id:", p.read_text(encoding="utf-8"), re.M))
               for p in (project / "data" / "plannen").glob("*/acties.yaml"))


# --- Real site against plain Material ---------------------------------------------------------------------

def plain_project(real: Path, dest: Path) -> Path:
    """The same pages as plain Markdown for plain MkDocs + Material: no hooks, no macros, no overrides."""
    import yaml

    export = dest / "export"
    export.mkdir(parents=True)
    hooked = dest / "hooked"
    shutil.copytree(real, hooked)
    (hooked / "bench_export.py").write_text(EXPORT_HOOK, encoding="utf-8")
    config = (hooked / "mkdocs.yml").read_text(encoding="utf-8")
    (hooked / "mkdocs.yml").write_text(config.replace("\nhooks:\n", "\nhooks:\n  - bench_export.py\n", 1),
                                       encoding="utf-8")
    ENV["PVA_EXPORT"] = str(export)
    try:
        build(hooked, dest / "hooked-site")
    finally:
        del ENV["PVA_EXPORT"]
    plain = dest / "plain"
    shutil.move(str(export / "docs"), str(plain / "docs"))
    settings = {
        "site_name": "Plannen van aanpak", "use_directory_urls": False, "docs_dir": "docs",
        "theme": {"name": "material", "language": "nl", "font": False,
                  "features": ["navigation.sections", "navigation.indexes", "navigation.top", "search.highlight",
                               "content.tooltips", "toc.follow"]},
        "plugins": [{"search": {"lang": "nl"}}, "offline"],
        "markdown_extensions": ["attr_list", "md_in_html", "abbr", "admonition", "tables", "sane_lists",
                                {"toc": {"permalink": True}}],
        "nav": yaml.safe_load((export / "nav.yml").read_text(encoding="utf-8")),
    }
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return plain


def paired(real: Path, plain: Path, work: Path, pairs: int) -> tuple[float, float, float]:
    """Median CPU of each, and the median of the per-pair ratios (each pair runs back to back)."""
    ours, theirs, ratios = [], [], []
    for _ in range(pairs):
        a = build(real, work / "real-site")["cpu"]
        b = build(plain, work / "plain-site")["cpu"]
        ours.append(a)
        theirs.append(b)
        ratios.append(a / b)
    return statistics.median(ours), statistics.median(theirs), statistics.median(ratios)


def extra_costs(real: Path, real_site: Path, times: int) -> dict[str, float]:
    """Median CPU seconds of the parts of the real build that a plain Material build does not have: the search
    index in parts (Node.js, on the built site's whole index), importing the site's code beyond what MkDocs
    and Material import themselves, and loading and checking the data."""
    def cpu(command: list[str], cwd: Path) -> float:
        return statistics.median(run(command, cwd)["cpu"] for _ in range(times))

    engine_imports = "import mkdocs.commands.build, material.plugins.search.plugin, jinja2, markdown, yaml"
    base = cpu([PYTHON, "-c", engine_imports], real)
    code = cpu([PYTHON, "-c", f"{engine_imports}; import sys; sys.path.insert(0, '.'); import macros"], real)
    loader = cpu([PYTHON, "-c", "import sys; sys.path.insert(0, '.'); import macros.loader"], real)
    data = cpu([PYTHON, "-c", "import sys; sys.path.insert(0, '.'); from pathlib import Path; "
                "from macros.loader import load_site; load_site(Path('data'), Path('.'))"], real)
    copy = real_site.parent / "search-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(real_site, copy)
    shutil.copy2(copy / "search" / "search_index_full.json", copy / "search" / "search_index.json")
    worker = next((copy / "assets/javascripts/workers").glob("search.[0-9a-f]*.min.js"))
    search = cpu([shutil.which("node") or "node", str(real / "macros" / "search_shards.js"), str(copy), str(worker)],
                 real)
    shutil.rmtree(copy, ignore_errors=True)
    return {"zoekindex": search, "code": code - base, "gegevens": data - loader}


# --- Bytes a visitor transfers ----------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@functools.lru_cache(maxsize=None)
def _browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    return playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def transferred(site: Path, page_path: str) -> tuple[float, int]:
    """KB gzip and number of requests for one page load until the network is quiet (two seconds more for the
    search worker), as a server that gzips text (hosting/nginx.conf does) would send them."""
    server, base = serve(site)
    context = _browser().new_context()
    page = context.new_page()
    sizes = []

    def counted(response):
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
            return
        kind = response.headers.get("content-type", "")
        sizes.append(len(gzip.compress(body, 6)) if kind.startswith(COMPRESSIBLE) else len(body))

    page.on("response", counted)
    page.goto(base + page_path, wait_until="networkidle")
    page.wait_for_timeout(2000)
    context.close()
    server.shutdown()
    return sum(sizes) / 1000, len(sizes)


def recommendation_page(site: Path) -> str:
    """A part page of a plan whose parts are recommendations (bewind), the page residents reach most."""
    pages = sorted(site.glob("*/aanbevelingen/*.html"))
    return pages[0].relative_to(site).as_posix() if pages else "index.html"


# --- Preview ----------------------------------------------------------------------------------------------

def preview_latency(project: Path, edits: list[tuple[str, str, str]], rounds: int = 3) -> dict[str, float]:
    """Median seconds from saving each file until the preview serves the page with the change."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([PYTHON, "scripts/preview.py", "--port", str(port)], cwd=project, env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        while "Bijgewerkt" not in (line := process.stdout.readline()):
            if not line:
                raise SystemExit("De voorbeeldsite startte niet.")
        threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
        results = {}
        for name, file, page_path in edits:
            path = project / file
            original = path.read_text(encoding="utf-8")
            seconds = []
            for round_ in range(rounds):
                marker = f"Meetwoord{round_}{name.replace(' ', '')}"
                changed = (original.replace("titel: ", f"titel: {marker} ", 1) if file.endswith(".yaml")
                           else original + f"\n\n{marker}\n")
                time.sleep(1.5)
                path.write_text(changed, encoding="utf-8")
                start = time.perf_counter()
                while marker not in _get(f"http://127.0.0.1:{port}/{page_path}"):
                    time.sleep(0.02)
                seconds.append(time.perf_counter() - start)
            path.write_text(original, encoding="utf-8")
            results[name] = statistics.median(seconds)
        return results
    finally:
        process.terminate()
        process.wait(timeout=30)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


# --- The run ----------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snel", action="store_true", help="alleen 1.000 en 3.000 acties, één paar")
    args = parser.parse_args(argv)
    sizes = (1000, 3000) if args.snel else (1000, 3000, 10000)
    pairs = 1 if args.snel else 3
    rows: list[tuple[str, str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="schaal-"))
    try:
        real = copy_project(work / "echt")
        plain = plain_project(real, work / "kaal")
        ours, theirs, ratio = paired(real, plain, work, pairs)
        print(f"echte site {ours:.1f} s CPU, kale Material-build {theirs:.1f} s: {ratio:.2f}", flush=True)
        rows.append(("Echte site ÷ kale MkDocs + Material, dezelfde pagina's (CPU, mediaan van "
                     f"{pairs} paren)", f"{ours:.1f} s ÷ {theirs:.1f} s = **{ratio:.2f}**", "≤ 1,10",
                     _ok(ratio <= 1.10)))
        real_site = work / "real-site"
        extra = extra_costs(real, real_site, pairs)
        rest = ours - theirs - sum(extra.values())
        print(f"waarvan extra: {extra}, rest {rest:.2f} s", flush=True)
        rows.append(("Waarvan extra in de echte build (CPU, medianen)",
                     f"zoekindex in delen (Node.js) {extra['zoekindex']:.1f} s, sitecode laden {extra['code']:.1f} s, "
                     f"gegevens laden en controleren {extra['gegevens']:.1f} s, de rest (macro's, hooks, open data, "
                     f"begrippen, feeds) {rest:.1f} s", "", ""))
        builds = {}
        for n in sizes:
            # CPU time on a shared virtual machine varies by a fifth between runs: the sizes the ratio compares
            # are built three times and their medians are used.
            times = pairs if n in (min(sizes), max(sizes)) else 1
            project = copy_project(work / f"n{n}", n)
            runs = [build(project, work / f"site{n}") for _ in range(times)]
            builds[n] = {key: statistics.median(r[key] for r in runs) for key in ("cpu", "mem", "size")}
            builds[n]["project"] = project
            print(f"{n} acties: {builds[n]['cpu']:.1f} s CPU, {builds[n]['mem']:.0f} MiB, "
                  f"{builds[n]['size']:.0f} MB", flush=True)
            rows.append((f"Build met {n:,} acties".replace(",", ".") + (f" (mediaan van {times})" if times > 1 else ""),
                         f"{builds[n]['cpu']:.1f} s CPU, piek {builds[n]['mem']:.0f} MiB, site "
                         f"{builds[n]['size']:.0f} MB", "", ""))
        big, small = max(sizes), min(sizes)
        t_ratio = builds[big]["cpu"] / builds[small]["cpu"]
        m_ratio = builds[big]["mem"] / builds[small]["mem"]
        rows.append((f"t({big:,}) ÷ t({small:,})".replace(",", "."), f"**{t_ratio:.1f}**",
                     f"≤ {big // small}", _ok(t_ratio <= big / small)))
        rows.append((f"Geheugen({big:,}) ÷ geheugen({small:,})".replace(",", "."), f"**{m_ratio:.1f}**",
                     f"≤ {big // small} (niet sneller dan de gegevens)", _ok(m_ratio <= big / small)))
        check = {"cpu": statistics.median(run([PYTHON, "-c", "import sys; sys.path.insert(0, '.'); from pathlib import "
                                              "Path; from macros.loader import load_site; load_site(Path('data'), "
                                              "Path('.'))"], builds[big]["project"])["cpu"] for _ in range(pairs))}
        share = check["cpu"] / builds[big]["cpu"]
        rows.append((f"Alleen de gegevenscontrole bij {big:,} acties ÷ die build (medianen)".replace(",", "."),
                     f"{check['cpu']:.1f} s ÷ {builds[big]['cpu']:.1f} s = **1/{1 / share:.0f}**", "≤ 1/20",
                     _ok(share <= 1 / 20)))
        searched = search_rows(work / f"site{big}", big)  # before transferred(): one Playwright at a time
        for label, site in (("echte site", real_site), (f"{big:,} acties".replace(",", "."), work / f"site{big}")):
            for what, page_path in (("startpagina", "index.html"), ("aanbevelingspagina", recommendation_page(site))):
                kb, requests = transferred(site, page_path)
                print(f"{label}, {what}: {kb:.0f} KB in {requests} verzoeken", flush=True)
                rows.append((f"Overdracht (gzip) {what} `{page_path}`, {label}", f"**{kb:.0f} KB** in {requests} "
                             "verzoeken", "≤ 150 KB", _ok(kb <= 150)))
        rows += searched
        latency = preview_latency(real, [("YAML", "data/plannen/bewind/plan.yaml", "bewind/index.html"),
                                         ("Markdown", "docs/over.md", "over.html")])
        latency_big = preview_latency(builds[small]["project"], [
            ("YAML", "data/plannen/bewind/plan.yaml", "bewind/index.html")])
        for name, seconds in latency.items():
            rows.append((f"Voorbeeld: {name} opgeslagen → pagina bijgewerkt, echte site", f"**{seconds:.1f} s**",
                         "≤ 2 s", _ok(seconds <= 2)))
        rows.append((f"Voorbeeld: YAML opgeslagen → pagina bijgewerkt, {small:,} acties".replace(",0", ".0"),
                     f"**{latency_big['YAML']:.1f} s**", "≤ 5 s", _ok(latency_big["YAML"] <= 5)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_report(rows, args.snel)
    return 0


def search_rows(site: Path, actions: int) -> list[tuple[str, str, str, str]]:
    try:
        from search_measure import measure
    except ImportError:
        return [("Zoeken", "niet gemeten: scripts/search_measure.py ontbreekt", "", "")]
    results = measure(site, ["kwartalen", "gesprek", "inwoner wijk", "hulpverlening", "I.b"])
    rows = []
    for result in results:
        kb = result["bytes_gzip"] / 1000
        rows.append((f"Zoeken op '{result['query']}' bij {actions:,} acties".replace(",", "."),
                     f"**{kb:.0f} KB** in {result['requests']} verzoeken, **{result['ms']:.0f} ms**",
                     "≤ 300 KB, ≤ 150 ms", _ok(kb <= 300 and result["ms"] <= 150)))
    return rows


def _nl(text: str) -> str:
    """Dutch decimals: 5,2 s and 2,83, while 10.000 keeps its thousands point."""
    return re.sub(r"(?<=\d)\.(?=\d{1,2}\b)", ",", text)


def _ok(passed: bool) -> str:
    return "ja" if passed else "**nee**"


def write_report(rows, quick: bool) -> None:
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    lines = ["# Snelheid en omvang op elke schaal (scripts/benchmark_schaal.py)", "",
             f"Gemeten {dt.date.today().isoformat()} op {os.cpu_count()} kernen{' (snelle run)' if quick else ''}; "
             f"{chromium}. Verzonnen plannen: scripts/synthetic_plans.py (100 acties per plan, de echte plannen "
             "erbij).", "", "| Meting | Uitkomst | Doel | Gehaald |", "| --- | --- | --- | --- |",
             *(f"| {a} | {_nl(b)} | {c} | {d} |" for a, b, c, d in rows), ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- schaal: begin -->", "<!-- schaal: end -->"
    if begin in text and end in text and not quick:
        table = "\n".join(lines[4:-1])
        text = text[:text.index(begin) + len(begin)] + "\n" + table + "\n" + text[text.index(end):]
        readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    sys.exit(main())
