"""Reads the fields of one YAML mapping and notes problems in Dutch instead of raising."""
from __future__ import annotations

import datetime as _dt
import difflib
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .dutch import Moment, Periode
from .problems import Problem
from .yaml_source import Mapping

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MISSING = object()


def _as_date(value) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    raise ValueError("geen datum")


class Fields:
    """Reads the fields of one YAML mapping, noting problems instead of raising."""

    def __init__(self, data, file: Path, problems: list[Problem], what: str, allowed: tuple[str, ...], line: int = 0):
        self.file, self.problems, self.what = file, problems, what
        self.ok = isinstance(data, Mapping)
        self.data = data if self.ok else Mapping()
        self.line = getattr(data, "line", line) or line
        if not self.ok:
            self.problem(None, f"{what} moet een blok met sleutels zijn (sleutel: waarde).",
                         "Kijk naar het voorbeeld in data/README.md.", line=line)
            return
        for key in self.data:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), allowed, n=1)
                fix = f"Bedoelt u '{near[0]}'?" if near else f"Toegestaan zijn: {', '.join(allowed)}."
                self.problem(key, f"onbekende sleutel '{key}' bij {what}.", fix)

    def problem(self, key, message: str, fix: str = "", line: int | None = None) -> None:
        if line is None:
            line = self.data.line_of(key) if key is not None else self.line
        self.problems.append(Problem(self.file, line, message, fix))

    def _get(self, key, required: bool):
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required and self.ok:
                self.problem(None, f"bij {self.what} ontbreekt '{key}'.", f"Voeg '{key}: …' toe.")
            return None
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.problem(key, f"'{key}' bij {self.what} moet tekst zijn.", "Zet de tekst tussen aanhalingstekens.")
            return None
        value = value.strip()
        if required and not value:
            self.problem(key, f"'{key}' bij {self.what} is leeg.", f"Vul '{key}' in.")
            return None
        return value

    def ident(self, key: str = "id", pattern: re.Pattern | None = ID) -> str | None:
        value = self.text(key, required=True)
        if value is not None and pattern is not None and not pattern.match(value):
            self.problem(key, f"'{value}' is geen geldige id voor {self.what}.",
                         "Gebruik kleine letters, cijfers en streepjes, zonder spaties.")
            return None
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.text(key, required=default is None)
        if value is None:
            return default
        if value not in options:
            near = difflib.get_close_matches(value, options, n=1)
            hint = f"Bedoelt u '{near[0]}'? " if near else ""
            self.problem(key, f"'{value}' is geen geldige waarde voor '{key}' bij {self.what}.",
                         f"{hint}Kies uit: {', '.join(options)}.")
            return default
        return value

    def integer(self, key: str, required: bool = False, low: int | None = None, high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or (low is not None and value < low) \
                or (high is not None and value > high):
            bereik = f" van {low} tot en met {high}" if low is not None and high is not None else ""
            self.problem(key, f"'{key}' bij {self.what} moet een heel getal{bereik} zijn, niet '{value}'.",
                         "Schrijf alleen het getal, zonder tekst of procentteken.")
            return None
        return value

    def amount(self, key: str) -> Decimal | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            value = "?"
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or isinstance(value, str):
            self.problem(key, f"'{key}' bij {self.what} moet een getal zijn, niet '{value}'.",
                         "Schrijf het bedrag zonder euroteken en zonder punten: 1200000, of met een punt voor "
                         "decimalen: 1.5.")
            return None
        return number

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' bij {self.what} moet true of false zijn.", "Schrijf true of false.")
            return default
        return value

    def _parsed(self, key: str, parse, what: str, fix: str):
        """A value that a parser turns into a model type; a ValueError becomes a Dutch problem."""
        value = self._get(key, False)
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError:
            self.problem(key, f"'{value}' bij '{key}' van {self.what} is {what}.", fix)
            return None

    def moment(self, key: str) -> Moment | None:
        return self._parsed(key, Moment.lees, "geen geldige datum of periode",
                            "Schrijf JJJJ (2024), JJJJ-Qn (2024-Q2), JJJJ-MM (2024-05) of JJJJ-MM-DD (2024-05-01).")

    def date(self, key: str) -> _dt.date | None:
        return self._parsed(key, _as_date, "geen geldige datum", "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2023-10-03.")

    def periode(self, key: str) -> Periode | None:
        return self._parsed(key, Periode.lees, "geen jaar of periode", "Schrijf een jaar (2024) of een periode (2024-2025).")

    def id_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if isinstance(value, (str, int)):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.problem(key, f"'{key}' bij {self.what} moet een lijst van id's zijn.", "Schrijf [I.a, I.b].")
            return ()
        return tuple(str(v) for v in value)

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of texts, e.g. quotes; one text alone is a list of one."""
        value = self._get(key, False)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(key, f"'{key}' bij {self.what} moet een lijst van teksten zijn.",
                         "Zet elke tekst op een eigen regel die begint met '- ', tussen aanhalingstekens.")
            return ()
        return tuple(v.strip() for v in value)

    def items(self, key: str, required: bool = False) -> list:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"'{key}' bij {self.what} moet een lijst zijn (regels die beginnen met '- ').",
                         "Zet voor elk item een streepje en een spatie.")
            return []
        return value

    def line_of(self, key) -> int:
        return self.data.line_of(key)
