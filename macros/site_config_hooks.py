"""MkDocs hook: the settings of the site that are no page text, from mkdocs.yml's extra, checked in Dutch:
the house style (colours and logo, macros/house_style.py), the site's name at the top of the menu and when the
overview of all actions splits per plan (extra.overzicht, macros/overview_split.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from macros.house_style import HouseStyle, house_style  # noqa: E402
from macros.overview_split import config_problems  # noqa: E402

STYLESHEET = "stylesheets/huisstijl.css"  # made at build time, never in docs/
_STYLE: dict[str, HouseStyle] = {}


def _line_of(config_file: str, key: str) -> str:
    lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    number = next((i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{key}:")), None)
    return f", regel {number}" if number else ""


def on_config(config):
    style, problems = house_style(config.extra.get("huisstijl"), Path(config.docs_dir))
    problems = [*problems, *config_problems(config.extra)]
    if problems:
        raise PluginError("\n".join(f"mkdocs.yml{_line_of(config.config_file_path, key)}: {problem}\n    Oplossing: {fix}"
                                     for key, problem, fix in problems))
    _STYLE["current"] = style
    if style.logo:
        config.theme["logo"] = style.logo
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if config.nav and config.nav[0] == "index.md":  # the home page is named after the site, in one place
        config.nav[0] = {config.site_name: "index.md"}
    return config


def on_files(files, config):
    files.append(File.generated(config, STYLESHEET, content=_STYLE["current"].css()))
    return files
