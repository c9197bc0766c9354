"""Writes the editor schemas of the data files to schema/<soort>.schema.json, generated from macros/model.py.

Run it after changing the model: .venv/bin/python scripts/schema.py
tests/test_schema.py fails while the files in schema/ differ from what this script writes.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.schema import schemas  # noqa: E402

FOLDER = ROOT / "schema"


def text(schema: dict) -> str:
    """The file's exact text: stable key order, readable Dutch (no \\u escapes), a final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    wanted = schemas()
    for old in FOLDER.glob("*.schema.json"):
        if old.name not in wanted:
            old.unlink()
    for name, schema in wanted.items():
        (FOLDER / name).write_text(text(schema), encoding="utf-8")
    print(f"{len(wanted)} schema's geschreven in {FOLDER.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
