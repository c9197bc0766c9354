"""Lighthouse on the home page, a plan page and the all-actions page, in Debian's Chromium, mobile emulation.

Builds the site into a temporary folder (or takes --site), serves it on 127.0.0.1 and runs Lighthouse
from node_modules for each page. Writes benchmarks/lighthouse.md (the table for the README) and
benchmarks/lighthouse.json (scores, and every audit that does not pass), and prints the table.
Goals: accessibility 100, best practices 100, SEO at least 95; performance is for information.

Usage: python scripts/lighthouse.py [--site DIR] [--out benchmarks]
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import engine  # scripts/engine.py: which program builds

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
PAGES = ("index.html", "bewind/index.html", "acties.html")
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
GOALS = {"accessibility": 100, "best-practices": 100, "seo": 95}
NAMES = {"accessibility": "Toegankelijkheid", "best-practices": "Best practices", "seo": "SEO",
         "performance": "Prestaties"}


def build_site(dest: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(engine.build_command(dest, environ=env), cwd=ROOT, capture_output=True, text=True,
                            env=env)
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


@contextlib.contextmanager
def serve(site: Path):
    """The site over HTTP on a free port: Lighthouse audits pages from a server, not from file://."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_lighthouse(url: str, out: Path, categories=CATEGORIES) -> dict:
    """One Lighthouse run (mobile emulation is its default); the JSON report."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode or not out.exists():
        raise RuntimeError(f"Lighthouse failed for {url}:\n{result.stdout}\n{result.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarize(report: dict) -> dict:
    """Scores out of 100, and the audits that count and do not pass, per category."""
    scores, failing = {}, {}
    for cid, category in report["categories"].items():
        scores[cid] = None if category["score"] is None else round(category["score"] * 100)
        failing[cid] = [
            {"id": ref["id"], "title": report["audits"][ref["id"]]["title"],
             "score": report["audits"][ref["id"]]["score"], "weight": ref.get("weight", 0)}
            for ref in category["auditRefs"]
            if report["audits"][ref["id"]]["score"] is not None and report["audits"][ref["id"]]["score"] < 1
        ]
    return {"scores": scores, "failing": failing}


def chromium_version() -> str:
    result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    found = re.search(r"\d+(\.\d+){3}", result.stdout)
    return found.group(0) if found else "?"


def measure(site: Path, pages=PAGES, categories=CATEGORIES) -> dict:
    """Lighthouse for each page, one after the other (the machine is small), with versions and date."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp, serve(site) as base:
        version = None
        for page in pages:
            report = run_lighthouse(base + page, Path(tmp) / (page.replace("/", "_") + ".json"), categories)
            version = report["lighthouseVersion"]
            results[page] = summarize(report)
    return {"date": dt.date.today().isoformat(), "lighthouse": version, "chromium": chromium_version(),
            "form_factor": "mobile", "goals": GOALS, "pages": results}


def _cell(score) -> str:
    return "–" if score is None else str(score)


def table(measured: dict) -> str:
    head = ["Pagina", *(NAMES[c] for c in CATEGORIES), "Datum", "Lighthouse", "Chromium"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for page, result in measured["pages"].items():
        cells = [page, *(_cell(result["scores"].get(c)) for c in CATEGORIES),
                 measured["date"], measured["lighthouse"], measured["chromium"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write(measured: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "lighthouse.json").write_text(json.dumps(measured, ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")
    failing = []
    for page, result in measured["pages"].items():
        for cid in GOALS:
            for audit in result["failing"].get(cid, []):
                failing.append(f"- {page}, {NAMES[cid]}: `{audit['id']}` — {audit['title']}")
    text = ["# Lighthouse", "",
            "Gemaakt met `python scripts/lighthouse.py`: Lighthouse uit `node_modules`, Chromium van Debian, "
            "mobiele emulatie. Doel: toegankelijkheid 100, best practices 100, SEO minstens 95; "
            "prestaties ter informatie.", "", table(measured), "",
            "## Audits die niet slagen", "", *(failing or ["Geen."]), ""]
    (out / "lighthouse.md").write_text("\n".join(text), encoding="utf-8")


README_START, README_END = "<!-- lighthouse: begin -->", "<!-- lighthouse: end -->"


def update_readme(measured: dict, readme: Path = ROOT / "README.md") -> None:
    """The figures in the README come from the same run, between its two markers."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    readme.write_text(text[:start] + "\n" + table(measured) + "\n" + text[end:], encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site; without it the site is built into a temporary folder")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        measured = measure(site)
    write(measured, args.out)
    if args.out.resolve() == (ROOT / "benchmarks").resolve():
        update_readme(measured)
    print(table(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
