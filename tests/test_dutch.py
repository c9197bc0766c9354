import datetime as dt
from decimal import Decimal

import pytest

from macros.dutch import NBSP, Moment, Periode, datum, euro, fte, getal


@pytest.mark.parametrize("value, expected", [
    (1200000, "€ 1.200.000"), (370000, "€ 370.000"), (0, "€ 0"), (999, "€ 999"),
    (Decimal("1234.5"), "€ 1.234,50"), (-50000, "-€ 50.000"),
])
def test_euro_uses_dots_for_thousands_and_a_comma_for_cents(value, expected):
    assert euro(value).replace(NBSP, " ") == expected


def test_euro_keeps_sign_and_amount_together():
    assert NBSP in euro(5)


def test_numbers_and_fte():
    assert getal(Decimal("0.4")) == "0,4"
    assert getal(1234567) == "1.234.567"
    assert fte(Decimal("1.5")).replace(NBSP, " ") == "1,5 fte"


def test_dates_are_written_in_dutch():
    assert datum(dt.date(2023, 10, 3)) == "3 oktober 2023"


@pytest.mark.parametrize("raw, text, end", [
    (2024, "2024", dt.date(2024, 12, 31)),
    ("2024-Q2", "2e kwartaal 2024", dt.date(2024, 6, 30)),
    ("2024-Q4", "4e kwartaal 2024", dt.date(2024, 12, 31)),
    ("2024-05", "mei 2024", dt.date(2024, 5, 31)),
    ("2024-02", "februari 2024", dt.date(2024, 2, 29)),
    (dt.date(2024, 5, 1), "1 mei 2024", dt.date(2024, 5, 1)),
    ("2024-05-01", "1 mei 2024", dt.date(2024, 5, 1)),
])
def test_moments_keep_the_precision_the_plan_states(raw, text, end):
    moment = Moment.lees(raw)
    assert str(moment) == text
    assert moment.einde == end


@pytest.mark.parametrize("raw", ["Q2 2024", "2024-13", "2024-02-31", "binnenkort", True, 2024.5])
def test_invalid_moments_are_refused(raw):
    with pytest.raises(ValueError):
        Moment.lees(raw)


def test_periods():
    assert str(Periode.lees("2024-2025")) == "2024–2025"
    assert list(Periode.lees(2024).jaren) == [2024]
    with pytest.raises(ValueError):
        Periode.lees("2025-2024")
