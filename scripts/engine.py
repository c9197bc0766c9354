"""Which program builds the site: one setting, so that moving off MkDocs 1.x is a configuration change.

BOUWPROGRAMMA (environment, or `make publish BOUWPROGRAMMA=properdocs`):
- mkdocs (the default): MkDocs 1.6 in .venv;
- properdocs: ProperDocs, the continuation of MkDocs 1.x, in .venv-properdocs (made by `make properdocs`),
  from the same mkdocs.yml with the same theme, plugins and hooks. tests/test_engines.py proves that it makes
  the same pages.
Publishing, releases, the Lighthouse audit and the preview build with it. The preview's fast builder runs
MkDocs inside its own process, so with another program the preview builds the slow way (a new process per
change).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTING = "BOUWPROGRAMMA"
ENGINES = {
    "mkdocs": (Path(sys.executable), "mkdocs"),
    "properdocs": (ROOT / ".venv-properdocs" / "bin" / "python", "properdocs"),
}


class EngineError(Exception):
    """A Dutch message: which setting is wrong and how to put it right."""


def chosen(environ=os.environ) -> str:
    name = (environ.get(SETTING) or "mkdocs").strip().lower()
    if name not in ENGINES:
        raise EngineError(f"{SETTING}={environ.get(SETTING)!r} ken ik niet. Kies uit: {', '.join(ENGINES)} "
                          "(leeg laten betekent mkdocs).")
    return name


def build_arguments(site_dir: Path | str, *options: str) -> list[str]:
    """The build's arguments, the same for every program (they all read MkDocs' command line)."""
    return ["build", "--strict", *options, "--site-dir", str(site_dir)]


def build_command(site_dir: Path | str, *options: str, environ=os.environ) -> list[str]:
    """The command that builds the site from ROOT's mkdocs.yml into site_dir, strict."""
    name = chosen(environ)
    python, module = ENGINES[name]
    if not python.exists():
        raise EngineError(f"{SETTING}={name}: {python.parent.parent.name} ontbreekt. Maak die eerst met "
                          f"`make {name}` en probeer het opnieuw.")
    return [str(python), "-m", module, *build_arguments(site_dir, *options)]


def in_process(environ=os.environ) -> bool:
    """Whether this Python can run the chosen program itself (the preview's warm builder)."""
    return chosen(environ) == "mkdocs"
