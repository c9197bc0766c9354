"""MkDocs hooks: mark up abbreviations on every page with the glossary loaded by the macros adapter."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

import macros  # noqa: E402  (the same module mkdocs-macros loaded, holding this build's data)
from macros.glossary import abbreviate  # noqa: E402


def on_page_content(html, page, config, files):
    site = macros.BUILD.get("site")
    return abbreviate(html, site.abbreviations()) if site else html
