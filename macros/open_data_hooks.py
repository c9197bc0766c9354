"""MkDocs hook: the open data of this build (macros/open_data_files.py) as files under open-data/ on the site.

The files are handed to MkDocs as generated files, so `mkdocs serve` serves them too and links to them are
ordinary site files. They carry the build's peildatum (the one the macros use) and nothing else that changes
from build to build, so two builds of the same data give the same bytes. The page "Open data" and each plan's
overview show them through the macros (macros/site_pages.py), which read them from macros.BUILD.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

import macros  # noqa: E402  (the same module mkdocs-macros loaded, holding this build's data)
from macros import open_data, open_data_files  # noqa: E402
from macros import release_info  # noqa: E402


def settings(config, peildatum) -> open_data.Settings:
    extra = config.extra or {}
    try:
        licence = open_data.licence_from(extra)
    except ValueError as err:
        raise PluginError(str(err)) from None
    try:
        release = release_info.current()
    except ValueError as err:
        raise PluginError(str(err)) from None
    contact = extra.get("contact") or {}
    return open_data.Settings(peildatum=peildatum, site_naam=config.site_name, gemeente=extra.get("gemeente"),
                              licentie=licence, stand=release.stand.titel if release else None,
                              site_url=config.site_url or "", contact_naam=contact.get("organisatie"),
                              contact_email=contact.get("email"))


def on_files(files, config):
    site, peildatum = macros.BUILD.get("site"), macros.BUILD.get("peildatum")
    if site is None or peildatum is None:
        return files
    published = open_data_files.publication(site, settings(config, peildatum))
    macros.BUILD["open_data"] = published
    for f in published.files:
        files.append(File.generated(config, f"{open_data.FOLDER}/{f.path}", content=f.data))
    return files
