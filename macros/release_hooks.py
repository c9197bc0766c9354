"""MkDocs hook: in a release build (scripts/release.py), which stand this version is, for the stand bar on
every page (overrides/partials/stand.html) and the version list (javascripts/standen.js)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path

from macros import release_info  # noqa: E402
from macros.dutch import datum  # noqa: E402


def on_config(config):
    publication = release_info.current()
    if publication is not None:
        stand = publication.stand
        config.extra["publicatie"] = {"titel": stand.titel, "slug": stand.slug,
                                      "peildatum": stand.peildatum.isoformat(), "datum": datum(stand.peildatum)}
    return config
