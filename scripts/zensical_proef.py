"""Trial build with Zensical, the Material team's successor to MkDocs + Material: a report, not a gate.

Installs Zensical (pinned in requirements-zensical.lock) into .venv-zensical only, copies the project's tracked
files (without tests/) to a temporary folder, builds it there with MkDocs 1.6 (the reference) and with
`zensical build`, and writes what differs to benchmarks/zensical.md: did it build, how long it took, which pages
exist in both or in one only, whether the macros were rendered, what each of our hooks should have made, search,
offline use and the Content-Security-Policy. Two tries: the project as it is, and the same with a stand-in for the
two MkDocs names that macros/__init__.py imports (PluginError, get_data), to see how far Zensical's emulation of
mkdocs-macros gets with our domain code. Not part of `make test`; run it by hand (`make zensical-proef`).

Usage: .venv/bin/python scripts/zensical_proef.py [--rapport benchmarks/zensical.md] [--houd MAP]
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-zensical"
LOCK = ROOT / "requirements-zensical.lock"
PEILDATUM = "2024-06-30"  # the same fixed reference date as the tests: both builds date the same

# A stand-in for the only two MkDocs names the macros adapter (macros/__init__.py) imports; the hooks are not
# loaded by Zensical at all, so they need none.
STUB = {
    "mkdocs/__init__.py": "",
    "mkdocs/exceptions.py": "class PluginError(Exception):\n    pass\n",
    "mkdocs/utils/__init__.py": "",
    "mkdocs/utils/meta.py": (
        "import re, yaml\n"
        "_FRONT = re.compile(r'^-{3}[ \\t]*\\n(.*?\\n)(?:\\.{3}|-{3})[ \\t]*\\n', re.UNICODE | re.DOTALL)\n"
        "def get_data(doc):\n"
        "    m = _FRONT.match(doc)\n"
        "    if not m:\n"
        "        return doc, {}\n"
        "    data = yaml.safe_load(m.group(1))\n"
        "    return (doc[m.end():].lstrip('\\n'), data) if isinstance(data, dict) else (doc, {})\n"),
}


def ensure_venv() -> str:
    """.venv-zensical with the pinned packages; reinstalled when the lock is newer. Returns Zensical's version."""
    stamp = VENV / ".installed"
    if not stamp.exists() or stamp.stat().st_mtime < LOCK.stat().st_mtime:
        print("Zensical installeren in .venv-zensical (eenmalig, ± ½ min)…", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(VENV)], check=True)  # like the Makefile's .venv
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(LOCK)], check=True)
        stamp.touch()
    return subprocess.run([str(VENV / "bin" / "python"), "-c", "from importlib.metadata import version; print(version('zensical'))"],
                          capture_output=True, text=True, check=True).stdout.strip()


def copy_project(dest: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split("\0")
    for name in files:
        if name and not name.startswith("tests/") and (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


@dataclass
class Build:
    name: str
    returncode: int
    seconds: float
    output: str
    site: Path
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def pages(self) -> set[str]:
        return {name for name in self.files if name.endswith(".html")}


def build(name: str, command: list[str], project: Path, site: Path, extra_env: dict | None = None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM, **(extra_env or {})}
    env.pop("PVA_PUBLICATIE", None)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()} if site.is_dir() else {}
    return Build(name, result.returncode, seconds, result.stdout + result.stderr, site, files)


def zensical_build(name: str, project: Path, extra_env: dict | None = None) -> Build:
    shutil.rmtree(project / "site", ignore_errors=True)
    result = build(name, [str(VENV / "bin" / "zensical"), "build", "--clean", "-f", "mkdocs.yml"], project,
                   project / "site", extra_env)
    kept = project / f"site-{name}"
    shutil.rmtree(kept, ignore_errors=True)
    if (project / "site").is_dir():
        (project / "site").rename(kept)
    result.site = kept
    result.files = {p.relative_to(kept).as_posix(): p for p in kept.rglob("*") if p.is_file()}
    return result


# --- Reading the built pages --------------------------------------------------------------------------------

_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_EXTERNAL = re.compile(r"""(?:src|href)=["'](https?://[^"']+)""")
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>\s*\S", re.IGNORECASE)


def text_of(page: Path) -> str:
    source = page.read_text(encoding="utf-8", errors="replace")
    found = _ARTICLE.search(source)
    return " ".join(html.unescape(_TAG.sub(" ", found[1] if found else "")).split())


def count_pages(build: Build, pattern: re.Pattern) -> int:
    return sum(1 for name in build.pages if pattern.search(build.files[name].read_text(encoding="utf-8", errors="replace")))


def external_hosts(build: Build) -> set[str]:
    hosts = set()
    for name in build.pages:
        for url in _EXTERNAL.findall(build.files[name].read_text(encoding="utf-8", errors="replace")):
            hosts.add(url.split("/")[2])
    return hosts


def search_entries(build: Build) -> str:
    for name in ("search/search_index.json", "search.json"):
        if name in build.files:
            data = json.loads(build.files[name].read_text(encoding="utf-8"))
            items = data.get("docs") or data.get("items") or []
            keyed = sum(1 for item in items if isinstance(item, dict) and item.get("key"))
            return f"`{name}`: {len(items)} entries, {keyed} with an exact-match key (action ids, glossary terms)"
    return "no search index"


def plan_ids(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "data" / "plannen").iterdir() if p.is_dir())


def hook_products(build: Build, plans: list[str]) -> dict[str, int]:
    """How many files each of our hooks (and the macros) made, counted by where they put them."""
    def count(test) -> int:
        return sum(1 for name in build.files if test(name))

    return {
        "plan_hooks.py: pages of the plans": count(lambda n: n.endswith(".html") and n.split("/")[0] in plans),
        "changes_hooks.py: wat-is-er-veranderd.html and feeds/": count(
            lambda n: n == "wat-is-er-veranderd.html" or n.startswith("feeds/")),
        "open_data_hooks.py: open-data/": count(lambda n: n.startswith("open-data/")),
        "schema_hooks.py: schema/": count(lambda n: n.startswith("schema/")),
        "site_config_hooks.py: stylesheets/huisstijl.css": count(lambda n: n == "stylesheets/huisstijl.css"),
        "mkdocs_hooks.py: pages with <abbr> (glossary)": count_pages(build, re.compile(r"<abbr\b")),
        "macros: pages with a rendered plan table": count_pages(build, re.compile(r'class="[^"]*pva-')),
    }


def compare(reference: Build, trial: Build) -> dict:
    both = sorted(reference.pages & trial.pages)
    same_text = [n for n in both if text_of(reference.files[n]) == text_of(trial.files[n])]
    raw_macros = [n for n in both if re.search(r"\{\{|\{%", text_of(trial.files[n]))]
    return {"both": both, "only_reference": sorted(reference.pages - trial.pages),
            "only_trial": sorted(trial.pages - reference.pages), "same_text": same_text, "raw_macros": raw_macros}


# --- The report ---------------------------------------------------------------------------------------------

def _tail(output: str, lines: int = 12) -> str:
    kept = [line for line in output.splitlines() if line.strip()]
    return "\n".join(kept[-lines:]) or "(no output)"


def _grouped(names: list[str], limit: int = 12) -> str:
    if not names:
        return "none"
    groups: dict[str, int] = {}
    for name in names:
        top = name.split("/")[0] if "/" in name else "(top level)"
        groups[top] = groups.get(top, 0) + 1
    listed = ", ".join(f"`{top}/` {n}" if top != "(top level)" else f"top level {n}" for top, n in sorted(groups.items()))
    sample = ", ".join(f"`{n}`" for n in names[:limit]) + (" …" if len(names) > limit else "")
    return f"{len(names)} ({listed}); e.g. {sample}"


_PROBLEM = re.compile(r"^(?:Macro rendering failed in .*|\w*Error: .*|RuntimeError: .*)$", re.MULTILINE)


def _problems(output: str) -> str:
    """Each distinct problem line once, with how often it came, in the order of first appearance."""
    counts: dict[str, int] = {}
    for line in _PROBLEM.findall(output):
        key = re.sub(r"^Macro rendering failed in \S+: ", "Macro rendering failed in <page>: ", line)
        counts[key] = counts.get(key, 0) + 1
    return "\n".join(f"{n} x {line}" if n > 1 else line for line, n in counts.items()) or "(none)"


def _build_line(b: Build) -> str:
    verdict = "built" if b.returncode == 0 else f"**failed** (exit code {b.returncode})"
    return f"| {b.name} | {verdict} | {b.seconds:.1f} s | {len(b.pages)} | {len(b.files)} |"


def report(version: str, reference: Build, trials: list[Build], plans: list[str]) -> str:
    import mkdocs
    import material

    out = [
        "# Zensical trial (issue 12): what a move from MkDocs 1.6 would take",
        "",
        f"Written by `scripts/zensical_proef.py` on {dt.date.today().isoformat()}: a report, not a gate (not part of "
        "`make test`). Run it again with `make zensical-proef`.",
        "",
        f"- Reference: MkDocs {mkdocs.__version__} + Material {material.__version__} + mkdocs-macros, "
        f"`mkdocs build --strict`, PEILDATUM={PEILDATUM}.",
        f"- Trial: Zensical {version} from `requirements-zensical.lock`, in `.venv-zensical`, "
        "`zensical build --clean -f mkdocs.yml` on a copy of the tracked files (without `tests/`).",
        "- Version: Zensical 0.1.x (the newest on PyPI) requires the package `zensical-ui`, which this machine's "
        "package index does not have, so the trial uses 0.0.73, the newest release that installs here. "
        "Try again with 0.1.x where PyPI is reachable. What matters below holds for 0.1.3 too, read in its wheel's "
        "Python code: `hooks` is only a known configuration name there (accepted, never run), the macros module "
        "is still loaded by file path without registering the package, and its `Page` has `url` and `path` but no "
        "`file`.",
        "",
        "## Builds",
        "",
        "| Build | Result | Time | HTML pages | Files |",
        "|---|---|---|---|---|",
        _build_line(reference),
        *(_build_line(t) for t in trials),
        "",
        "Tries: **as-is** is the project unchanged. **stand-in** adds, on PYTHONPATH only, a stand-in for the two "
        "MkDocs names that `macros/__init__.py` imports (`mkdocs.exceptions.PluginError`, "
        "`mkdocs.utils.meta.get_data`), and the project folder, to see how far Zensical's own emulation of "
        "mkdocs-macros gets with our domain code. The project folder is needed because Zensical loads "
        "`macros/__init__.py` by its file path without registering the package, so its relative imports "
        "(`from . import action_state`) fail otherwise.",
        "",
    ]
    for trial in trials:
        out += [f"### {trial.name}: problems", "", "```text", _problems(trial.output), "```", "",
                "Last lines of the output:", "", "```text", _tail(trial.output, 6), "```", ""]

    out += ["## Pages", ""]
    for trial in trials:
        c = compare(reference, trial)
        out += [
            f"### {trial.name}",
            "",
            f"- In both: {len(c['both'])} pages; the same article text in {len(c['same_text'])} of them.",
            f"- Only in the MkDocs build: {_grouped(c['only_reference'])}.",
            f"- Only in the Zensical build: {_grouped(c['only_trial'])}.",
            f"- Pages in both whose text still holds `{{{{` or `{{%` (macros not rendered): "
            f"{_grouped(c['raw_macros'])}.",
            "",
        ]

    out += ["## What our hooks and macros made", "",
            "| Product | MkDocs | " + " | ".join(f"Zensical, {t.name}" for t in trials) + " |",
            "|---|---|" + "---|" * len(trials)]
    products = [hook_products(b, plans) for b in [reference, *trials]]
    for key in products[0]:
        out.append(f"| {key} | " + " | ".join(str(p[key]) for p in products) + " |")
    out += ["", "## Search, offline use, security", "",
            "| Check | MkDocs | " + " | ".join(f"Zensical, {t.name}" for t in trials) + " |",
            "|---|---|" + "---|" * len(trials)]
    csp = re.compile(r'http-equiv="Content-Security-Policy"')
    rows = {
        "search index": [search_entries(b) for b in [reference, *trials]],
        "pages with our CSP meta (overrides/main.html)": [str(count_pages(b, csp)) for b in [reference, *trials]],
        "pages with an inline script (the CSP blocks it)": [str(count_pages(b, _INLINE_SCRIPT))
                                                           for b in [reference, *trials]],
        "search shim for file:// (iframe-worker-csp.js linked)": [
            str(count_pages(b, re.compile(r"iframe-worker-csp\.js"))) for b in [reference, *trials]],
        "third-party hosts in src/href": [", ".join(sorted(external_hosts(b))) or "none" for b in [reference, *trials]],
    }
    for key, values in rows.items():
        out.append(f"| {key} | " + " | ".join(values) + " |")
    out += ["", MOVE, ""]
    return "\n".join(out)


MOVE = """## What a move to Zensical would need

Read with the tables above; this part is the analysis, written by hand in the script.

1. **Hooks.** Zensical reads `mkdocs.yml`, the theme overrides and a fixed list of known plugins, but it has no
   `hooks:` and no MkDocs plugin API (no `on_files`, `on_nav`, `on_page_*`, `on_post_build`). Everything our
   eight hooks do must move elsewhere: the plan pages and their menu (`plan_hooks.py`) as Markdown pages written
   before the build by a generator step (`scripts/`), or as Zensical's own extension mechanism once it has one;
   the files under `open-data/`, `schema/`, `feeds/` and `stylesheets/huisstijl.css` as a pre- or post-build step;
   the glossary `<abbr>` marking and the title escaping (`mkdocs_hooks.py`) as a Python-Markdown extension; the
   search entries (`search_hooks.py`) in Zensical's own index (`search.json`), whose format differs from lunr's.
   The domain code under these hooks (`plan_pages.py`, `open_data_files.py`, `feeds.py`, `render_*.py`,
   `glossary.py`, ...) imports no engine (tests/test_engines.py), so it stays as it is: only the adapters change.
2. **Macros.** Zensical emulates mkdocs-macros and loads `macros/__init__.py` (`define_env`,
   `on_pre_page_macros`), but (a) by file path, without registering the package, so its relative imports need
   the project on `sys.path`; (b) the adapter imports `mkdocs.exceptions.PluginError` and
   `mkdocs.utils.meta.get_data`, which must come from an engine-neutral place (our own error class, our own
   front-matter split); (c) its `env.page` has no `.file` (`src_uri`, `abs_src_path`), which the adapter uses for
   every page's links and line numbers, and its `env` has no `env.env` (Jinja environment) nor `env.macros`,
   which our check for unknown macro names uses. With (a) and (b) bridged (the *stand-in* try), `define_env`
   loads all plans without error (the domain code runs unchanged), and then every page with a macro fails on (c);
   the page "Open data" fails because it needs `open_data_hooks.py`.
3. **Search and offline use.** Our Dutch lunr pipeline (`overrides/assets/javascripts/lunr/min/lunr.nl.min.js`,
   compound map, exact-match key field) and the `offline` plugin with our CSP-proof iframe-worker shim are
   MkDocs/Material-specific: Zensical has its own search (`search.json`), so search quality
   (tests/test_search.py) and search from `file://` must be proven again.
4. **Templates.** Zensical renders the theme with MiniJinja (Rust), not Jinja2: Python string methods in our
   overrides fail (the build stops at `base_url.startswith("/")` in `overrides/404.html`). Every override (CSP
   meta, footer, print, release banner, 404) must be rewritten against Zensical's templates and MiniJinja's
   filters, and the CSP and offline tests run again.
5. **Strictness and Dutch errors.** `scripts/publish.py` translates MkDocs' and mkdocs-macros' messages into Dutch
   with file and line; Zensical's messages differ, so that table must be extended.

Conclusion: a move is not yet a configuration change. ProperDocs is (tests/test_engines.py proves the same
pages); Zensical needs the eight hooks rewritten as build steps or extensions, while the model, loader, views and
renderers stay untouched."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rapport", type=Path, default=ROOT / "benchmarks" / "zensical.md")
    parser.add_argument("--houd", type=Path, help="keep the project copy and the built sites in this folder")
    args = parser.parse_args(argv)

    version = ensure_venv()
    work = Path(tempfile.mkdtemp(prefix="zensical-proef-")) if args.houd is None else args.houd
    try:
        project = copy_project(work / "project")
        plans = plan_ids(project)
        reference = build("MkDocs 1.6", [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                                         str(work / "mkdocs-site")], project, work / "mkdocs-site")
        if reference.returncode != 0:
            print(reference.output, file=sys.stderr)
            print("De gewone MkDocs-build mislukt: eerst die repareren.", file=sys.stderr)
            return 1
        stub = work / "stand-in"
        for name, text in STUB.items():
            (stub / name).parent.mkdir(parents=True, exist_ok=True)
            (stub / name).write_text(text, encoding="utf-8")
        trials = [zensical_build("as-is", project),
                  zensical_build("stand-in", project, {"PYTHONPATH": os.pathsep.join([str(stub), str(project)])})]
        # Paths in the quoted output, without this machine's folders.
        text = report(version, reference, trials, plans).replace(str(work), "<kopie>").replace(str(ROOT), "<repo>")
        args.rapport.parent.mkdir(parents=True, exist_ok=True)
        args.rapport.write_text(text + "\n", encoding="utf-8")
        print(f"Rapport: {args.rapport}")
    finally:
        if args.houd is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
