"""What the test suite's speed-ups save, measured side by side in one run (issue 9, item 8).

Each pair does the same work the old way and the way tests/conftest.py and tests/test_staff_errors.py do it
now, on the real project. Prints a Markdown table and writes it to benchmarks/tests.md.

Usage: .venv/bin/python scripts/bench_tests.py [--sample 4]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import PEILDATUM, copy_project  # noqa: E402
from test_staff_errors import PAGE_CASES, with_published_site  # noqa: E402

OLD_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", ".site-*")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]


def seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_of(runs: int, work) -> float:
    return statistics.median(seconds(work) for _ in range(runs))


def copies(scratch: Path) -> tuple[float, float]:
    def old():
        dest = Path(tempfile.mkdtemp(dir=scratch)) / "p"
        shutil.copytree(ROOT, dest, ignore=OLD_IGNORE)

    def new():
        copy_project(Path(tempfile.mkdtemp(dir=scratch)) / "p")

    return median_of(3, old), median_of(3, new)


def build_command(out: Path, peildatum: str | None):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PEILDATUM", None)
    if peildatum:
        env["PEILDATUM"] = peildatum
    return dict(args=[sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT, env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def builds(scratch: Path) -> tuple[float, float]:
    def old():
        for peildatum in (PEILDATUM, None):
            subprocess.run(**build_command(Path(tempfile.mkdtemp(dir=scratch)), peildatum), check=True)

    def new():
        running = [subprocess.Popen(**build_command(Path(tempfile.mkdtemp(dir=scratch)), p)) for p in (PEILDATUM, None)]
        assert all(process.wait() == 0 for process in running)

    return seconds(old), seconds(new)


def publish(project: Path) -> None:
    result = subprocess.run([sys.executable, "scripts/publish.py"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1, "every case is a mistake"


def page_mistakes(scratch: Path, sample: int) -> tuple[float, float, int]:
    """Old: a copy and a publish per mistake (timed on a sample, scaled to all); new: all in one copy, one run."""
    names = sorted(PAGE_CASES)[:sample]
    each = []
    for name in names:
        def one(name=name):
            project = with_published_site(copy_project(Path(tempfile.mkdtemp(dir=scratch)) / "p"))
            file, change, _, _ = PAGE_CASES[name]
            change(project / file)
            publish(project)
        each.append(seconds(one))

    def all_at_once():
        project = with_published_site(copy_project(Path(tempfile.mkdtemp(dir=scratch)) / "p"))
        for file, change, _, _ in PAGE_CASES.values():
            change(project / file)
        publish(project)

    return statistics.mean(each) * len(PAGE_CASES), seconds(all_at_once), len(names)


def browsers(scratch: Path, pages: int = 10) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    site = Path(tempfile.mkdtemp(dir=scratch))
    subprocess.run(**build_command(site, PEILDATUM), check=True)
    url = (site / "index.html").as_uri()
    with sync_playwright() as playwright:
        def launch():
            return playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)

        def old():
            for _ in range(pages):
                browser = launch()
                browser.new_page().goto(url)
                browser.close()

        def new():
            browser = launch()
            for _ in range(pages):
                tab = browser.new_page()
                tab.goto(url)
                tab.close()
            browser.close()

        return seconds(old), seconds(new)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=4, help="page mistakes timed one by one (then scaled)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="bench-tests-"))
    try:
        rows = [("Copy of the project for a test that breaks data (median of 3)", *copies(scratch)),
                ("The two real sites a session needs: one after the other / side by side", *builds(scratch))]
        old, new, sampled = page_mistakes(scratch, args.sample)
        rows.append((f"{len(PAGE_CASES)} page mistakes: a copy and a publish each (mean of {sampled}, scaled) / "
                     "all in one copy and one publish", old, new))
        rows.append(("10 pages in Chromium: a browser each / one shared browser", *browsers(scratch)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    lines = ["| what | old (s) | new (s) | old/new |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {what} | {o:.1f} | {n:.1f} | {o / n:.1f}× |" for what, o, n in rows]
    table = "\n".join(lines)
    print(table)
    out = ROOT / "benchmarks" / "tests.md"
    out.write_text("# Test-suite speed-ups, measured by scripts/bench_tests.py\n\n"
                   f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores.\n\n{table}\n", encoding="utf-8")
    print(f"\nWritten to {out.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
