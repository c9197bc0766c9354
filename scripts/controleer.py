"""Quick check before a commit or a pull request, for staff: the plan data and the B1 summaries.

Usage: python scripts/controleer.py [BESTAND ...]
Loads all plan data (every mistake at once, in Dutch, with file and line) and checks the
"in het kort" summaries of the given Markdown files and plan.yaml files on B1 level; without
files it checks every summary. Takes seconds, not the minutes of the full tests. The
pre-commit configuration (.pre-commit-config.yaml) runs it on the files you changed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loader import load_site  # noqa: E402
from macros.problems import PlanDataError  # noqa: E402
from plain_language.__main__ import main as check_b1  # noqa: E402


def summaries_of(paths: list[str]) -> list[str]:
    """The files among those given that carry a summary: docs/*.md and plan.yaml."""
    return [p for p in paths if (p.endswith(".md") and p.startswith("docs/")) or p.endswith("/plan.yaml")]


def main(argv: list[str]) -> int:
    failed = False
    try:
        load_site(ROOT / "data", ROOT)
        print("Gegevens van de plannen: in orde.")
    except PlanDataError as err:
        print(err)
        failed = True
    targets = summaries_of(argv) if argv else ["docs", "data/plannen"]
    if targets:
        failed |= check_b1([*targets, "--alleen-fouten"]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
