"""Which published stand (release) a build is, and which stands came before it.

A release is one reporting moment made public: "Stand juni 2026", measured on its peildatum.
scripts/release.py decides this (from git tags) and hands it to the build as a small JSON file
named by the environment variable PVA_PUBLICATIE. An ordinary build (make build, make serve, the
tests) has no such file: it is a preview, not a published stand.

No MkDocs here: the hooks, the renderers and the release script all read the same description.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .dutch import MAANDEN

ENVIRONMENT = "PVA_PUBLICATIE"
TAG_PREFIX = "stand-"  # git tag of a release: stand-2026-06-30


@dataclass(frozen=True)
class Stand:
    slug: str  # the folder of the version and the end of its git tag: 2026-06-30
    titel: str  # "Stand juni 2026"
    peildatum: _dt.date

    @property
    def tag(self) -> str:
        return TAG_PREFIX + self.slug


@dataclass(frozen=True)
class EarlierStand(Stand):
    data: Path | None = None  # that release's data/ folder, taken from its git tag; None: not available


@dataclass(frozen=True)
class Publication:
    stand: Stand
    eerdere: tuple[EarlierStand, ...] = ()  # oldest first

    @property
    def vorige(self) -> EarlierStand | None:
        return self.eerdere[-1] if self.eerdere else None


def stand_title(peildatum: _dt.date) -> str:
    return f"Stand {MAANDEN[peildatum.month - 1]} {peildatum.year}"


def stand_slug(peildatum: _dt.date) -> str:
    return peildatum.isoformat()


def stand_on(peildatum: _dt.date, titel: str | None = None) -> Stand:
    return Stand(stand_slug(peildatum), titel or stand_title(peildatum), peildatum)


def to_json(publication: Publication) -> str:
    def one(stand: Stand) -> dict:
        out = {"slug": stand.slug, "titel": stand.titel, "peildatum": stand.peildatum.isoformat()}
        if isinstance(stand, EarlierStand):
            out["data"] = str(stand.data) if stand.data else None
        return out
    return json.dumps({"stand": one(publication.stand), "eerdere": [one(s) for s in publication.eerdere]},
                      ensure_ascii=False, indent=2)


def from_json(text: str) -> Publication:
    raw = json.loads(text)

    def fields(item: dict) -> dict:
        return {"slug": item["slug"], "titel": item["titel"],
                "peildatum": _dt.date.fromisoformat(item["peildatum"])}
    return Publication(
        Stand(**fields(raw["stand"])),
        tuple(EarlierStand(**fields(item), data=Path(item["data"]) if item.get("data") else None)
              for item in raw.get("eerdere", ())))


def current(environ=os.environ) -> Publication | None:
    """The release this build is, or None for an ordinary build."""
    """Raises ValueError with a Dutch message when the description cannot be read."""
    path = environ.get(ENVIRONMENT)
    if not path:
        return None
    try:
        return from_json(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as err:
        kind = "niet te lezen" if isinstance(err, OSError) else "geen geldige beschrijving van een publicatie"
        raise ValueError(f"{ENVIRONMENT}={path}: dit bestand is {kind} ({err}).\n    Oplossing: start de publicatie "
                         "met het publicatiecommando (make release), of haal de variabele weg voor een gewone build."
                         ) from None
