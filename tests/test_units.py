import datetime as dt

import pytest

from gigawatt.errors import GigawattError
from gigawatt.units import add_months, check_plain_number, format_usd, month_index, parse_month, parse_quantity


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("1.2 GW", "mw", 1200.0),
        ("1.2GW", "mw", 1200.0),
        ("200 MW", "mw", 200.0),
        ("350000 kW", "mw", 350.0),
        (300, "mw", 300.0),
        ("300", "mw", 300.0),
        ("$500B", "usd", 500e9),
        ("$19 billion", "usd", 19e9),
        ("$1,500M", "usd", 1.5e9),
        ("$45k", "usd", 45e3),
        ("19 billion USD", "usd", 19e9),
        ("$11.7M/MW", "usd_per_mw", 11.7e6),
        ("$2400/kW", "usd_per_mw", 2.4e6),
        ("5.7 cents/kWh", "usd_per_mwh", 57.0),
        ("18 months", "months", 18.0),
        ("2 years", "months", 24.0),
        ("1.2 kW", "w", 1200.0),
        ("0.81 lb/kWh", "t_per_mwh", 0.81 * 0.45359237),
    ],
)
def test_parse_quantity(text, kind, expected):
    assert parse_quantity(text, kind) == pytest.approx(expected, rel=1e-12)


def test_days_to_months_uses_the_mean_gregorian_month():
    # pint's month is a twelfth of a Julian year (365.25 d): 122 days = 122 / 30.4375 months
    assert parse_quantity("122 days", "months") == pytest.approx(122 / 30.4375, rel=1e-9)


@pytest.mark.parametrize(
    ("text", "kind", "needle"),
    [
        ("500 MW", "usd", "is a power, not money"),
        ("$5B", "mw", "is money, not a power"),
        ("ten", "mw", "cannot read"),
        (True, "mw", "boolean"),
        ([1], "usd", "not a quantity"),
    ],
)
def test_parse_quantity_errors_name_field_and_expectation(text, kind, needle):
    with pytest.raises(GigawattError) as info:
        parse_quantity(text, kind, field="sites[0].phases[0].power_mw")
    msg = str(info.value)
    assert msg.startswith("sites[0].phases[0].power_mw: ")
    assert needle in msg
    assert "expected" in msg


def test_months():
    assert parse_month("2026-06") == dt.date(2026, 6, 1)
    assert parse_month(dt.date(2026, 6, 15)) == dt.date(2026, 6, 1)
    assert parse_month("June 2026") == dt.date(2026, 6, 1)
    assert month_index(dt.date(2026, 6, 1), dt.date(2025, 1, 1)) == 17
    assert add_months(dt.date(2025, 11, 1), 3) == dt.date(2026, 2, 1)
    with pytest.raises(GigawattError, match="expected a month like '2026-06'"):
        parse_month("2026-13")


def test_format_usd():
    assert format_usd(500e9) == "$500.00B"
    assert format_usd(-1.5e6) == "-$1.50M"
    assert format_usd(12) == "$12"


# issue 20: a separator inside a number is read only where it groups thousands
@pytest.mark.parametrize(
    "text,kind,value",
    [
        ("1,200 MW", "mw", 1200.0),
        ("$1,400,000", "usd", 1.4e6),
        ("1,200.5 MW", "mw", 1200.5),
        ("100_000 W", "w", 1e5),
        ("1.2\u00a0GW", "mw", 1200.0),  # a no-break space between the number and its unit is fine
    ],
)
def test_thousands_separators_group_thousands(text, kind, value):
    from gigawatt.units import parse_quantity

    assert parse_quantity(text, kind) == value


@pytest.mark.parametrize(
    "text,said",
    [
        ("1,2 GW", "'1.2 GW' if the comma is a decimal comma"),  # was 12 GW
        ("12,00 MW", "does not group thousands"),  # was 1200 MW
        ("$45,5k", "'$45.5k' if the comma is a decimal comma"),  # was $455k
        ("1,0000 MW", "does not group thousands"),
        ("1_2 GW", "the underscore in '1_2' does not group thousands"),
        ("1 200 MW", "'1 200' has a space"),
        ("1\u202f200 MW", "has a space"),
        ("1'200 MW", "an apostrophe"),
        ("1.200.000 kW", "more than one decimal separator"),
        ("1.200,5 MW", "more than one decimal separator"),
        ("1:30 h", "looks like a time"),
    ],
)
def test_numbers_in_another_hand_refused_with_the_reason(text, said):
    from gigawatt.errors import UnitError
    from gigawatt.units import parse_quantity

    kind = "usd" if text.startswith("$") else "hours" if text.endswith(" h") else "mw"
    with pytest.raises(UnitError) as err:
        parse_quantity(text, kind, "--power")
    assert said in str(err.value) and str(err.value).startswith("--power: ")


@pytest.mark.parametrize(
    ("value", "largest", "said"),
    [
        (True, 10, "True is a boolean; expected a number"),
        ("1.200", 1e6, "'1.200' could be 1.2 (a decimal point) or 1,200"),
        (" -2.500 ", 1e6, "could be 2.5 (a decimal point) or 2,500"),
        ("1_0_0", 1e6, "the underscore in '1_0_0' does not group thousands"),
    ],
)
def test_a_plain_number_that_could_be_misread_is_refused(value, largest, said):
    with pytest.raises(GigawattError, match=r"^f: ") as err:
        check_plain_number(value, "f", largest)
    assert said in str(err.value)


@pytest.mark.parametrize("value", [1, 2.5, "1.25", "0.500", "1,200", "1_000", "1e3", "1:30"])
def test_a_plain_number_left_to_the_fields_own_parsing(value):
    # returned as given: the field's own parser reads it (or refuses '1,200' and '1:30' with number_hint)
    assert check_plain_number(value, "f", 1e6) is value


def test_a_dot_group_beyond_the_fields_range_can_only_be_a_decimal_point():
    # at most 3 (a PUE): 1,200 is out of range, so '1.200' is left to be read as 1.2; at most 1,200 it is refused
    assert check_plain_number("1.200", "f", 3) == "1.200"
    with pytest.raises(GigawattError):
        check_plain_number("1.200", "f", 1200)
