"""Problems found in plan data, explained to staff in Dutch."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def shown_path(path: Path, root: Path) -> Path:
    """A path as staff see it: relative to the project, so messages say data/plannen/bewind/acties.yaml."""
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    message: str  # what is wrong, in Dutch
    fix: str = ""  # what to do about it, in Dutch

    def __str__(self) -> str:
        waar = f"{self.file}" + (f", regel {self.line}" if self.line else "")
        tekst = f"{waar}: {self.message}"
        return tekst + (f"\n    Oplossing: {self.fix}" if self.fix else "")


class PlanDataError(Exception):
    """Raised once per build with every problem found, so staff fix all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        aantal = len(self.problems)
        kop = "1 fout" if aantal == 1 else f"{aantal} fouten"
        regels = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"De gegevens van de plannen bevatten {kop}. "
            f"De site is niet gebouwd; de gepubliceerde site blijft ongewijzigd.\n{regels}"
        )
