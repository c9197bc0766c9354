"""Dutch formatting of amounts, dates and planning moments.

Kept free of any site generator so that tables, tests and exports share one
spelling of "€ 1.200.000" and "2e kwartaal 2024".
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Decimal

NBSP = "\u00a0"  # keeps "€" and the amount on one line

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
)


def _group_thousands(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def getal(waarde: Decimal | int | float, decimalen: int | None = None) -> str:
    """1234567.5 -> '1.234.567,5'; whole numbers get no decimals."""
    d = Decimal(str(waarde))
    negatief = d < 0
    d = abs(d)
    if decimalen is None:
        decimalen = 0 if d == d.to_integral_value() else max(0, -d.normalize().as_tuple().exponent)
    q = d.quantize(Decimal(1).scaleb(-decimalen)) if decimalen else d.to_integral_value()
    heel, _, fractie = f"{q:f}".partition(".")
    tekst = _group_thousands(int(heel)) + ("," + fractie if fractie else "")
    return ("-" if negatief else "") + tekst


def euro(bedrag: Decimal | int) -> str:
    """€ 1.200.000 (no cents for whole euros, two decimals otherwise)."""
    d = Decimal(str(bedrag))
    decimalen = 0 if d == d.to_integral_value() else 2
    teken = "-" if d < 0 else ""
    return f"{teken}€{NBSP}{getal(abs(d), decimalen)}"


def fte(aantal: Decimal | int | float) -> str:
    return f"{getal(aantal)}{NBSP}fte"


def datum(d: _dt.date) -> str:
    """3 oktober 2023"""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


_MOMENT = re.compile(r"^(?P<jaar>\d{4})(?:-(?:Q(?P<kwartaal>[1-4])|(?P<maand>0[1-9]|1[0-2])(?:-(?P<dag>\d{2}))?))?$")


@dataclass(frozen=True, order=True)
class Moment:
    """A point in a planning at the precision the plan states it.

    A plan says "2024", "2e kwartaal 2024", "mei 2024" or "1 mei 2024"; we keep
    that precision so the site never claims more exactness than the source.
    """

    jaar: int
    kwartaal: int | None = None
    maand: int | None = None
    dag: int | None = None

    @classmethod
    def lees(cls, waarde) -> "Moment":
        """Parse 2024, '2024-Q2', '2024-05', '2024-05-01' or a date."""
        if isinstance(waarde, _dt.date):
            return cls(waarde.year, None, waarde.month, waarde.day)
        if isinstance(waarde, int) and not isinstance(waarde, bool):
            waarde = str(waarde)
        if not isinstance(waarde, str):
            raise ValueError("geen moment")
        m = _MOMENT.match(waarde.strip())
        if not m:
            raise ValueError("geen moment")
        jaar = int(m["jaar"])
        if m["kwartaal"]:
            return cls(jaar, int(m["kwartaal"]))
        maand = int(m["maand"]) if m["maand"] else None
        dag = int(m["dag"]) if m["dag"] else None
        if dag is not None:
            _dt.date(jaar, maand, dag)  # raises ValueError for 2024-02-31
        return cls(jaar, None, maand, dag)

    @property
    def begin(self) -> _dt.date:
        if self.kwartaal:
            return _dt.date(self.jaar, 3 * self.kwartaal - 2, 1)
        return _dt.date(self.jaar, self.maand or 1, self.dag or 1)

    @property
    def einde(self) -> _dt.date:
        """Last day the moment covers: a deadline of "2024-Q2" ends 30 June."""
        if self.dag:
            return self.begin
        if self.kwartaal:
            laatste_maand = 3 * self.kwartaal
        else:
            laatste_maand = self.maand or 12
        volgende = _dt.date(self.jaar + (laatste_maand == 12), laatste_maand % 12 + 1, 1)
        return volgende - _dt.timedelta(days=1)

    @property
    def kwartaal_van(self) -> tuple[int, int]:
        """(year, quarter) the moment starts in, for timelines."""
        return self.jaar, (self.begin.month - 1) // 3 + 1

    def __str__(self) -> str:
        if self.kwartaal:
            return f"{self.kwartaal}e kwartaal {self.jaar}"
        if self.dag:
            return datum(self.begin)
        if self.maand:
            return f"{MAANDEN[self.maand - 1]} {self.jaar}"
        return str(self.jaar)


@dataclass(frozen=True)
class Periode:
    """A year or a span of years, as budgets state them: 2024 or 2024-2025."""

    van: int
    tot: int

    @classmethod
    def lees(cls, waarde) -> "Periode":
        if isinstance(waarde, int) and not isinstance(waarde, bool):
            return cls(waarde, waarde)
        m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*", str(waarde))
        if not m:
            raise ValueError("geen periode")
        van, tot = int(m[1]), int(m[2] or m[1])
        if tot < van:
            raise ValueError("periode loopt terug")
        return cls(van, tot)

    @property
    def jaren(self) -> range:
        return range(self.van, self.tot + 1)

    def __str__(self) -> str:
        return str(self.van) if self.van == self.tot else f"{self.van}–{self.tot}"
