"""Life after MkDocs 1.x (issue 12): the site does not depend on one engine.

1. ProperDocs, the continuation of MkDocs 1.x, builds the real site (--strict, from the same mkdocs.yml, with
   Material, mkdocs-macros and our hooks) to the same pages as MkDocs 1.6: the same set of files, every file
   byte for byte the same, except for one thing in each HTML page that must differ:
   - `<meta name="generator" content="...">`: it names the engine ("mkdocs-1.6.1, ..." against
     "mkdocs-ProperDocs 1.6.7, ..."). It is checked before it is taken out, so it also proves which engine
     made each site.
   Nothing else is taken out. The sitemap's dates come from the pages (the build day), so both builds run side by
   side within the same seconds. ProperDocs lives in .venv-properdocs (Makefile, requirements-properdocs.lock)
   beside the same pinned packages; it redirects every `mkdocs.*` import to `properdocs.*`, and the build
   below also proves that no file of the mkdocs package was loaded.
2. The domain code (model, loader, views, renderers: every module in macros/ except the adapters
   macros/__init__.py and macros/*_hooks.py) imports nothing of an engine (MkDocs, ProperDocs, Material,
   mkdocs-macros, Jinja, Zensical), neither when imported nor anywhere in its source, so that moving to another
   engine means rewriting the thin adapters and the configuration only.

Zensical, the Material team's successor, is tried by scripts/zensical_proef.py: a report, not a test.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import PEILDATUM, ROOT, copy_project

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
PROPERDOCS_PIN = re.search(r"^properdocs==(\S+)$", (ROOT / "requirements-properdocs.lock").read_text(encoding="utf-8"),
                           re.MULTILINE)[1]
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')

# Runs ProperDocs' own command line, and on exit says which loaded modules came from the mkdocs package's folder.
_PROPERDOCS_BUILD = """
import atexit, json, os, sys

def _report():
    real = sorted(name for name, module in list(sys.modules.items())
                  if os.sep + "mkdocs" + os.sep in (getattr(module, "__file__", None) or ""))
    print("MKDOCS-FILES-LOADED " + json.dumps(real), file=sys.stderr)

atexit.register(_report)
sys.argv[0] = "properdocs"
from properdocs.__main__ import cli
cli()
"""


def _properdocs_python() -> Path:
    python = PROPERDOCS_VENV / "bin" / "python"
    assert python.exists(), f"{PROPERDOCS_VENV.name} is missing: run `make test`, which installs ProperDocs there"
    return python


@pytest.fixture(scope="module")
def both_builds(_site_builds, tmp_path_factory):
    """(MkDocs 1.6 site, ProperDocs site, ProperDocs log), the two built side by side with the same PEILDATUM.
    The MkDocs site is the session's built_site (conftest), so a full test run builds it only once."""
    out = tmp_path_factory.mktemp("properdocs") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    process = subprocess.Popen(
        [str(_properdocs_python()), "-c", _PROPERDOCS_BUILD, "build", "--strict", "-f", "mkdocs.yml",
         "--site-dir", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    mkdocs_site = _site_builds.result("built_site")
    log, _ = process.communicate()
    assert process.returncode == 0, log
    return mkdocs_site, out, log


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def _without_generator(html: str) -> str:
    return GENERATOR.sub('<meta name="generator">', html)


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at character {at}: {a[max(0, at - 60):at + 60]!r} against {b[max(0, at - 60):at + 60]!r}"


def site_differences(one: Path, other: Path) -> list[str]:
    """What differs between two built sites once each page's generator meta is taken out; empty if nothing."""
    files_one, files_other = _files(one), _files(other)
    problems = [f"only in the first site: {name}" for name in sorted(files_one.keys() - files_other.keys())]
    problems += [f"only in the second site: {name}" for name in sorted(files_other.keys() - files_one.keys())]
    for name in sorted(files_one.keys() & files_other.keys()):
        a, b = files_one[name].read_bytes(), files_other[name].read_bytes()
        if a == b:
            continue
        if name.endswith(".html"):
            a_text, b_text = _without_generator(a.decode("utf-8")), _without_generator(b.decode("utf-8"))
            if a_text != b_text:
                problems.append(f"{name} differs {_first_difference(a_text, b_text)}")
        else:
            problems.append(f"{name} differs (not HTML, so byte for byte)")
    return problems


def _generators(site: Path) -> set[str]:
    return {m for page in site.rglob("*.html") for m in GENERATOR.findall(page.read_text(encoding="utf-8"))}


def test_properdocs_builds_the_same_pages_as_mkdocs(both_builds):
    mkdocs_site, properdocs_site, _ = both_builds
    pages = list(mkdocs_site.rglob("*.html"))
    assert len(pages) > 20, "the real site has the pages of every plan"
    assert site_differences(mkdocs_site, properdocs_site) == []


def test_each_site_was_made_by_its_own_engine(both_builds):
    mkdocs_site, properdocs_site, log = both_builds
    import mkdocs
    import material

    assert _generators(mkdocs_site) == {f"mkdocs-{mkdocs.__version__}, mkdocs-material-{material.__version__}"}
    assert _generators(properdocs_site) == {
        f"mkdocs-ProperDocs {PROPERDOCS_PIN}, mkdocs-material-{material.__version__}"}
    loaded = re.search(r"^MKDOCS-FILES-LOADED (.*)$", log, re.MULTILINE)
    assert loaded, log
    assert json.loads(loaded[1]) == [], "ProperDocs' build ran code of the mkdocs package"


def test_publishing_with_properdocs_is_one_setting(tmp_path):
    """Moving off MkDocs 1.6 is a configuration change: BOUWPROGRAMMA=properdocs (scripts/engine.py) and the
    same publish command builds the site with ProperDocs; a value it does not know is refused in Dutch and the
    published site stays as it was."""
    project = copy_project(tmp_path / "project")
    (project / ".venv-properdocs").symlink_to(PROPERDOCS_VENV)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEILDATUM": PEILDATUM}
    published = subprocess.run([sys.executable, "scripts/publish.py"], cwd=project, capture_output=True, text=True,
                               env={**env, "BOUWPROGRAMMA": "properdocs"})
    assert published.returncode == 0, published.stderr
    assert {g.split(",")[0] for g in _generators(project / "site")} == {f"mkdocs-ProperDocs {PROPERDOCS_PIN}"}

    before = (project / "site" / "index.html").read_bytes()
    refused = subprocess.run([sys.executable, "scripts/publish.py"], cwd=project, capture_output=True, text=True,
                             env={**env, "BOUWPROGRAMMA": "hugo"})
    assert refused.returncode != 0
    assert "BOUWPROGRAMMA='hugo' ken ik niet. Kies uit: mkdocs, properdocs" in refused.stderr
    assert "Traceback" not in refused.stderr + refused.stdout
    assert (project / "site" / "index.html").read_bytes() == before


def test_properdocs_is_pinned_and_separate_from_mkdocs():
    """ProperDocs is only in its own virtualenv, at the pinned version; the main one keeps MkDocs alone."""
    version = subprocess.run([str(_properdocs_python()), "-c", "import properdocs; print(properdocs.__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == PROPERDOCS_PIN
    main = subprocess.run([sys.executable, "-c", "import importlib.util as u; print(u.find_spec('properdocs'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert main == "None", "ProperDocs must not be installed in the main virtualenv beside MkDocs"


def test_the_comparison_sees_every_kind_of_difference(both_builds, tmp_path):
    """The comparison above can fail: a changed word, a changed generator with a changed page, a missing file and
    an extra file in a copy of the ProperDocs site are each reported."""
    _, properdocs_site, _ = both_builds
    copy = Path(shutil.copytree(properdocs_site, tmp_path / "site"))
    assert site_differences(properdocs_site, copy) == []

    page = copy / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", "!</h1>", 1), encoding="utf-8")
    other = copy / "acties.html"
    text = other.read_text(encoding="utf-8")
    other.write_text(GENERATOR.sub('<meta name="generator" content="iets anders">', text), encoding="utf-8")
    (copy / "sitemap.xml").unlink()
    (copy / "extra.html").write_text("<p>extra</p>", encoding="utf-8")
    found = site_differences(properdocs_site, copy)
    assert found[:2] == ["only in the first site: sitemap.xml", "only in the second site: extra.html"]
    assert len(found) == 3 and found[2].startswith("index.html differs at character"), found
    # Only the generator differs in acties.html: that alone is allowed.

    text = other.read_text(encoding="utf-8")
    other.write_text(text.replace("<title>", "<title>X", 1), encoding="utf-8")
    assert any(f.startswith("acties.html differs") for f in site_differences(properdocs_site, copy))


# --- The domain code knows no engine ------------------------------------------------------------------------

MACROS = ROOT / "macros"
ENGINE_PACKAGES = ("mkdocs", "properdocs", "material", "mkdocs_macros", "jinja2", "zensical")


def _is_adapter(module: Path) -> bool:
    """The thin layer between the engine and the domain code: the macros entry point and the hooks."""
    return module.name == "__init__.py" or module.stem.endswith("_hooks")


def domain_modules(package: Path = MACROS) -> list[str]:
    return sorted(p.stem for p in package.glob("*.py") if not _is_adapter(p))


def engine_imports_in_source(module: Path) -> list[str]:
    """Every import of an engine package anywhere in the module's source, also inside a function."""
    found = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"), str(module))):
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
        found += [f"line {node.lineno}: {name}" for name in names if name.split(".")[0] in ENGINE_PACKAGES]
    return found


# Imports each module of the package in turn without running its __init__.py (the adapter, which imports
# MkDocs), and says which engine packages each one brought into sys.modules, directly or through another.
_IMPORT_EACH = """
import importlib, json, sys, types
package, folder, names, engines = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
stub = types.ModuleType(package)
stub.__path__ = [folder]
sys.modules[package] = stub
def loaded():
    return {name.split(".")[0] for name in sys.modules} & set(engines)
before, result = loaded(), {}
for name in names:
    importlib.import_module(package + "." + name)
    now = loaded()
    result[name] = sorted(now - before)
    before = now
print(json.dumps({"before": sorted(loaded() - set().union(*map(set, result.values()))), "modules": result}))
"""


def engine_imports_at_runtime(package: Path, names: list[str]) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH, package.name, str(package), json.dumps(names), json.dumps(ENGINE_PACKAGES)],
        cwd=package.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["before"] == [], "the interpreter had an engine loaded before any domain module"
    return {name: engines for name, engines in report["modules"].items() if engines}


def test_the_domain_modules_are_the_bulk_of_macros():
    """The split is by name: adapters are __init__.py and *_hooks.py. The model, loader, views and renderers
    are on the domain side."""
    domain = domain_modules()
    assert {"model", "loader", "views", "render", "action_state", "release_info", "plan_pages"} <= set(domain)
    assert len(domain) > 2 * len([p for p in MACROS.glob("*.py") if _is_adapter(p)])


def test_domain_code_imports_no_engine_when_imported():
    assert engine_imports_at_runtime(MACROS, domain_modules()) == {}


@pytest.mark.parametrize("module", domain_modules())
def test_domain_code_names_no_engine_in_its_source(module):
    assert engine_imports_in_source(MACROS / f"{module}.py") == []


def test_the_engine_checks_can_fail(tmp_path):
    """A module that imports Jinja when imported, and one that imports MkDocs inside a function, are both caught;
    a hook may import MkDocs."""
    package = tmp_path / "fake_macros"
    package.mkdir()
    (package / "__init__.py").write_text("import mkdocs\n", encoding="utf-8")
    (package / "plain.py").write_text("import json\n", encoding="utf-8")
    (package / "uses_plain.py").write_text("from . import plain\nimport jinja2.nodes\n", encoding="utf-8")
    (package / "lazy.py").write_text(textwrap.dedent("""\
        def later():
            from mkdocs.structure.files import File
            return File
    """), encoding="utf-8")
    (package / "site_hooks.py").write_text("from mkdocs.plugins import event_priority\n", encoding="utf-8")

    assert domain_modules(package) == ["lazy", "plain", "uses_plain"]
    assert engine_imports_at_runtime(package, domain_modules(package)) == {"uses_plain": ["jinja2"]}
    assert engine_imports_in_source(package / "lazy.py") == ["line 2: mkdocs.structure.files"]
    assert engine_imports_in_source(package / "uses_plain.py") == ["line 2: jinja2.nodes"]
    assert engine_imports_in_source(package / "plain.py") == []
