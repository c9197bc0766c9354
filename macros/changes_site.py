"""Which stands this build shows changes for, read once per build, and the macro of the page "Wat is er veranderd".

The release command (scripts/release.py) sets PVA_PUBLICATIE (macros/release_info.py) and PEILDATUM. Each
earlier stand's `data` is that release's data/ folder taken from its git tag (a folder holding data/ also
works); a relative path counts from the project folder. Without PVA_PUBLICATIE the build is a preview: the
page says so and the feeds have no entries. No MkDocs here: macros/__init__.py calls this once per build and
keeps the result in BUILD["stands"], where macros/changes_hooks.py reads it.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import replace
from pathlib import Path

from . import model as m
from . import release_info
from .changes import StandChanges, data_folder, history, load_stands
from .dutch import datum
from .render import finish
from .render_changes import changes_page


def stands_of_build(site: m.Site, peildatum: _dt.date, project: Path, environ=os.environ) -> tuple[StandChanges, ...]:
    """Per stand of this release what changed, newest first; () for a build that is no published stand.

    Raises ValueError with a Dutch message when the release description cannot be used.
    """
    name = environ.get(release_info.ENVIRONMENT)
    publication = release_info.current(environ)  # a ValueError says in Dutch what is wrong with the file
    if publication is None:
        return ()
    if publication.stand.peildatum != peildatum:
        raise ValueError(f"{release_info.ENVIRONMENT}={name}: de stand '{publication.stand.titel}' heeft peildatum "
                         f"{datum(publication.stand.peildatum)}, maar deze build rekent met {datum(peildatum)}.\n"
                         f"    Oplossing: zet PEILDATUM={publication.stand.peildatum.isoformat()}.")
    earlier = []
    for stand in publication.eerdere:
        folder = stand.data if stand.data is None or stand.data.is_absolute() else project / stand.data
        if folder is not None and data_folder(folder) is None:
            raise ValueError(f"{release_info.ENVIRONMENT}={name}: de gegevens van '{stand.titel}' zouden in {folder} "
                             "staan, maar daar is geen map met plannen (plannen/ of data/plannen/).\n    Oplossing: "
                             "laat het publicatiecommando die map opnieuw uit de git-tag van die stand halen, of "
                             "zet bij die stand \"data\": null.")
        earlier.append(replace(stand, data=folder))
    return history(load_stands(replace(publication, eerdere=tuple(earlier)), site, peildatum))


def register(env, stands: tuple[StandChanges, ...], site: m.Site, links, peildatum: _dt.date) -> None:
    """The macro {{ wat_is_er_veranderd() }}: the body of the page (made by macros/changes_hooks.py)."""
    env.macro(lambda: finish(changes_page(stands, links(), site, peildatum)), "wat_is_er_veranderd")

