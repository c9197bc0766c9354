"""Ververst tests/fixtures/referentie/: de vaste kopie van echte plannen waarop de tests met precieze waarden draaien.

    .venv/bin/python scripts/ververs_referentie.py              # de plannen die er al in staan
    .venv/bin/python scripts/ververs_referentie.py bewind       # alleen dit plan (ook: een plan toevoegen)

Per plan kopieert het data/plannen/<plan>/ en docs/<plan>/ zoals ze nu in de werkmap staan, en de begrippenlijst
(data/begrippen.yaml) in zijn geheel. Een plan dat niet meer in data/plannen/ staat, blijft zoals het was.
Draai daarna de tests: een test met een precieze waarde die niet meer klopt, past u aan op de nieuwe kopie.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENTIE = ROOT / "tests" / "fixtures" / "referentie"
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc")


def ververs(plannen: list[str]) -> list[str]:
    """Copies each plan (data and pages) and the glossary; returns what it said."""
    said = []
    for plan in plannen:
        data = ROOT / "data" / "plannen" / plan
        if not (data / "plan.yaml").exists():
            said.append(f"{plan}: staat niet (meer) in data/plannen/; de vaste kopie blijft zoals hij was.")
            continue
        for part, source in (("data/plannen", data), ("docs", ROOT / "docs" / plan)):
            target = REFERENTIE / part / plan
            if target.exists():
                shutil.rmtree(target)
            if source.is_dir():
                shutil.copytree(source, target, ignore=_SKIP)
        said.append(f"{plan}: ververst.")
    shutil.copy2(ROOT / "data" / "begrippen.yaml", REFERENTIE / "data" / "begrippen.yaml")
    said.append("data/begrippen.yaml: ververst.")
    return said


def main(argv: list[str]) -> int:
    present = sorted(p.name for p in (REFERENTIE / "data" / "plannen").glob("*") if p.is_dir())
    plannen = argv or present
    if not plannen:
        print("Noem een plan, bijvoorbeeld: scripts/ververs_referentie.py bewind", file=sys.stderr)
        return 1
    for line in ververs(plannen):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
