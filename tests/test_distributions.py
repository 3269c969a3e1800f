"""Uncertain inputs: parsing, central values, sampling statistics, and clear errors for bad distributions."""

import json

import numpy as np
import pytest

import gigawatt as gw
from gigawatt.data.distributions import Distribution
from toy_scenarios import toy

U = np.linspace(0.0005, 0.9995, 1000)  # a fine grid of uniforms: exact quantiles without sampling noise


def load(**changes):
    return gw.load_scenario(toy(**changes))


def test_uniform_quantiles_are_linear():
    d = Distribution("x", "uniform", {"low": 10.0, "high": 30.0})
    assert d.ppf(np.array([0.1, 0.5, 0.9])) == pytest.approx([12.0, 20.0, 28.0])
    assert d.central() == 20.0


def test_triangular_and_pert_have_the_mode_as_central_value():
    t = Distribution("x", "triangular", {"low": 12.0, "mode": 18.0, "high": 30.0})
    assert t.central() == 18.0
    # triangular mean = (a + b + c) / 3; the mean of a fine quantile grid approximates it to 1e-3
    assert t.ppf(U).mean() == pytest.approx(20.0, rel=1e-3)
    p = Distribution("x", "pert", {"low": 12.0, "mode": 18.0, "high": 30.0})
    # PERT mean = (a + 4m + b) / 6
    assert p.ppf(U).mean() == pytest.approx((12 + 4 * 18 + 30) / 6, rel=1e-3)


def test_lognormal_by_median_and_90_percent_interval():
    d = Distribution("x", "lognormal", {"median": 10.0, "low": 5.0, "high": 20.0})
    q05, q50, q95 = d.ppf(np.array([0.05, 0.5, 0.95]))
    assert (q05, q50, q95) == pytest.approx((5.0, 10.0, 20.0), rel=1e-9)


def test_truncated_normal_stays_in_bounds():
    d = Distribution("x", "normal", {"mean": 1.15, "sd": 0.05, "low": 1.05, "high": 1.2})
    v = d.ppf(U)
    assert v.min() >= 1.05 and v.max() <= 1.2
    assert d.support() == pytest.approx((1.05, 1.2))


def test_choice_weights():
    d = Distribution("x", "choice", {"values": [1, 2, 3], "weights": [1.0, 2.0, 1.0]}, choices=[1, 2, 3])
    idx = d.ppf(U)
    assert np.bincount(idx.astype(int)).tolist() == [250, 500, 250]
    assert d.central() == 2


def test_scenario_uses_central_values_and_keeps_the_distribution():
    s = load(
        **{
            "sites[0].phases[0].construction_months": {"dist": "triangular", "low": 2, "mode": 3, "high": 9},
            "sites[0].phases[0].power_mw": {"dist": "lognormal", "median": "100 MW", "low": "80 MW", "high": "125 MW"},
            "sites[0].phases[0].start": {"dist": "uniform", "low": "2025-01", "high": "2025-05"},
        }
    )
    ph = s.sites[0].phases[0]
    assert ph.construction_months == 3 and ph.power_mw == 100 and f"{ph.start:%Y-%m}" == "2025-03"
    assert set(s.distributions) == {
        "sites[0].phases[0].construction_months",
        "sites[0].phases[0].power_mw",
        "sites[0].phases[0].start",
    }
    assert s.distributions["sites[0].phases[0].start"].params == {"low": 0.0, "high": 4.0}
    # a point distribution gives exactly the deterministic numbers
    point = load(**{"sites[0].phases[0].power_mw": {"dist": "triangular", "low": 100, "mode": 100, "high": 100}})
    assert gw.simulate(point).metrics == gw.simulate(load()).metrics


def test_show_prints_the_distribution_and_round_trips():
    s = load(
        **{
            "operations.pue": {
                "dist": "normal",
                "mean": 1.2,
                "sd": 0.05,
                "low": 1.1,
                "high": 1.3,
                "source": "assumption",
            }
        }
    )
    shown = gw.resolved_with_sources(s)
    assert shown["operations"]["pue"]["dist"] == "normal"
    again = gw.load_scenario(shown)
    assert again.distributions["operations.pue"].params == s.distributions["operations.pue"].params


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ({"dist": "gamma", "low": 1}, "unknown distribution 'gamma'; expected one of: uniform"),
        ({"dist": "triangular", "low": 5, "high": 9}, "needs low, mode, high; missing mode"),
        ({"dist": "uniform", "low": 9, "high": 5}, "low 9 > high 5; expected low <= high"),
        ({"dist": "triangular", "low": 1, "mode": 12, "high": 9}, "mode: 12 is outside [low, high]"),
        ({"dist": "normal", "mean": 5, "sd": -1}, "sd: -1 is negative; expected a spread >= 0"),
        ({"dist": "normal", "mean": 5, "sd": 3}, "reaches -9.26"),
        ({"dist": "uniform", "low": "3 MW", "high": 9}, "is a power, not a duration"),
        ({"dist": "uniform", "low": 1, "high": 9, "shape": 2}, "unknown key(s) shape"),
        ({"dist": "choice", "values": [1, 2], "weights": [1]}, "expected 2 weights"),
    ],
)
def test_bad_distributions_name_the_field(spec, needle):
    with pytest.raises(gw.GigawattError) as info:
        load(**{"sites[0].phases[0].construction_months": spec})
    msg = str(info.value)
    assert "sites[0].phases[0].construction_months" in msg
    assert needle in msg


def test_dates_cannot_reach_before_the_programme():
    with pytest.raises(gw.GigawattError, match="before the programme start 2025-01"):
        load(**{"sites[0].phases[0].start": {"dist": "uniform", "low": "2024-10", "high": "2025-05"}})


def test_text_fields_cannot_be_uncertain():
    with pytest.raises(gw.GigawattError, match="only numbers, months and accelerator choices"):
        load(**{"sites[0].name": {"dist": "choice", "values": ["a", "b"]}})


def test_accelerator_choice_is_checked():
    with pytest.raises(gw.GigawattError, match="unknown accelerator 'h900'"):
        load(**{"sites[0].phases[0].accelerator": {"dist": "choice", "values": ["h900", "h100"]}})


def test_the_tail_quantiles_written_as_constants_are_scipys():
    # support() uses these so that loading a scenario imports no scipy; they must be ndtri's own values
    from scipy.special import ndtri

    from gigawatt.data import distributions

    assert float(ndtri(1e-6)) == distributions.Z_TAIL_LOW
    assert float(ndtri(1 - 1e-6)) == distributions.Z_TAIL_HIGH


def test_loading_a_scenario_and_a_run_import_no_scipy_pandas_or_numba():
    # `gigawatt run --json` stays fast by importing none of them (0.4 s instead of 1.0 s); checked in a fresh process
    import subprocess
    import sys

    code = (
        "import sys, gigawatt as gw; r = gw.simulate(gw.load_scenario('stargate')); r.metrics; r.yearly_records(); "
        "r.phases_records(); print(sorted(m for m in ('scipy', 'pandas', 'numba') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    "override",
    [
        "programme.horizon_months={dist: uniform, low: 60, high: 80}",
        "programme.start={dist: uniform, low: 2024-11, high: 2025-01}",
    ],
)
@pytest.mark.parametrize("command", ["risk", "sensitivity"])
def test_a_distribution_the_engine_cannot_draw_is_refused_by_name(capsys, override, command):
    """Issue 20: a distribution on a field every trial shares (the months laid out) was used at one value in every
    trial while risk listed the field as uncertain."""
    from gigawatt.cli.core import main

    path = override.partition("=")[0]
    extra = ["--trials", "64"] if command == "risk" else ["--samples", "64"]
    assert main([command, "stargate", *extra, "--set", override]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}: a distribution here is not drawn trial by trial" in " ".join(err.split())


def test_a_default_every_item_overrides_is_refused_saying_so(capsys):
    """Found by tests/test_hostile_property.py: a distribution on funding.announced_arrival where every partner
    gives its own was refused as read "once, the same in every trial" (it is not read at all): the message says
    which field is used instead."""
    from gigawatt.cli.core import main

    dist = "{dist: uniform, low: 0.2, high: 0.6}"
    sets = ["--set", "partners[0].announced_arrival=0.5", "--set", f"funding.announced_arrival={dist}"]
    assert main(["risk", "colossus", "--trials", "64", *sets]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert (
        "funding.announced_arrival: a distribution here is not drawn trial by trial (every partner gives its own" in err
    )
    assert "reads this field once" not in err


def test_every_other_uncertain_input_of_the_built_ins_is_drawn():
    """The built-ins' own distributions all reach the engine (the check would refuse its own scenarios otherwise),
    and so does one on each kind of field a user would make uncertain."""
    import gigawatt as gw
    from gigawatt.engine.montecarlo import check_drawn

    for name in gw.builtin_names():
        check_drawn(gw.load_scenario(name))
    s = gw.load_scenario(
        "stargate",
        overrides=[
            "operations.pue={dist: uniform, low: 1.1, high: 1.3}",
            "sites[0].phases[0].accelerator={dist: choice, values: [gb200, gb300]}",
            "sites[0].phases[0].start={dist: uniform, low: 2025-02, high: 2025-06}",
            "partners[0].pledges[0].start={dist: uniform, low: 2025-02, high: 2025-06}",
        ],
    )
    check_drawn(s)


def test_the_programme_pue_is_not_drawn_where_every_phase_gives_its_own(capsys):
    """Found by tests/test_hostile_property.py: with a PUE on every phase, a distribution on operations.pue was listed
    by risk as uncertain though no trial used it (every phase read its own); it is refused by name now, and drawn
    where a phase does take it."""
    from pathlib import Path

    from gigawatt.cli.core import main

    base = str(Path(__file__).parent / "data" / "hostile" / "base.yaml")  # one site, one phase
    dist = "operations.pue={dist: uniform, low: 1.1, high: 1.3}"
    assert main(["risk", base, "--trials", "64", "--set", dist, "--set", "sites[0].phases[0].pue=1.2"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "operations.pue: a distribution here is not drawn trial by trial (every phase gives its own pue" in err
    assert main(["risk", base, "--trials", "64", "--json", "--set", dist]) == 0
    assert "operations.pue" in json.loads(capsys.readouterr().out)["uncertain_inputs"]
