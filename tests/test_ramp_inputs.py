"""Ramp inputs a user can get wrong (the review of issue 11's ramps): whole months, no distribution inside a ramp."""

import pytest

import gigawatt as gw


def load(ramp):
    return gw.load_scenario("stargate", overrides=[f"sites[abilene].phases[1].ramp={ramp}"])


def test_a_ramps_duration_is_whole_months_like_its_intervals():
    with pytest.raises(gw.GigawattError, match=r"duration_months: 2\.5; expected a whole number of months"):
        load("{buildings: 6, duration_months: 2.5}")
    with pytest.raises(gw.GigawattError, match=r"0\.4 months; expected a whole number of months"):
        load("{buildings: 6, interval_months: 0.4}")


@pytest.mark.parametrize("field", ["buildings", "interval_months", "duration_months"])
def test_a_distribution_inside_a_ramp_is_refused_by_name_not_by_its_placeholder(field):
    # the placeholder a distribution leaves for validation (a uniform's low: 1 building) must not be what the user
    # reads: the refusal names the field and what to use instead
    other = "interval_months: 1" if field == "buildings" else "buildings: 3"
    with pytest.raises(gw.GigawattError) as err:
        load(f"{{{other}, {field}: {{dist: uniform, low: 1, high: 3}}}}")
    assert f"ramp.{field}: a distribution on a field of a ramped phase is not supported" in str(err.value)
    assert "risks.construction_slip" in str(err.value)
