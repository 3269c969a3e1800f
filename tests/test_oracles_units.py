"""Hand-worked oracles for the unit strings (docs/testing.md): each factor checked on a value worked out by hand."""

import pytest

from gigawatt.units import parse_quantity


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("100 usd", "usd", 100.0),  # the unit's lower-case spelling is the same dollar
        ("250 dollars", "usd", 250.0),
        ("90 s", "hours", 90 / 3600),  # 90 seconds = 1/40 h
        ("30 minutes", "hours", 0.5),
        ("45 min", "hours", 0.75),
        ("2 year", "months", 24.0),
        ("3 years", "months", 36.0),
        ("365.25 day", "months", 12.0),  # a month is a twelfth of a Julian year of 365.25 days
        ("1 days", "months", 12 / 365.25),
        ("2 weeks", "months", 14 * 12 / 365.25),
    ],
)
def test_unit_factors(text, kind, expected):
    assert parse_quantity(text, kind) == pytest.approx(expected, rel=1e-12)  # one multiplication by a factor
