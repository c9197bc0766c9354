"""MkDocs hook: publish the editor schemas (schema/*.schema.json at the repository root) under schema/ on the site."""
from __future__ import annotations

import shutil
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parent.parent / "schema"


def on_post_build(config, **kwargs):
    target = Path(config["site_dir"]) / "schema"
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        shutil.copyfile(path, target / path.name)
