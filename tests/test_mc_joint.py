"""Monte Carlo with two uncertain inputs varied together, against the closed form of their product.

The toy hall (tests/toy_scenarios.py: 100 MW at PUE 1.25, 62,745 H100 of 1.275 kW, a lifetime longer than the
horizon so nothing is refreshed, ample money) spends on accelerators exactly n x price x price risk. With the H100's
price X ~ U(40,000, 60,000) USD and the programme's price risk Y ~ U(0.8, 1.2) drawn independently, capex_it is
n x Z with Z = X Y, whose CDF has a closed form (below). The test sees the two draws interact: if they came from one
random stream (perfectly correlated) the P10 and P90 would sit at 35,280 and 67,680 instead of 39,417 and 61,537,
and if one of them were left at its central value the spread would be that of a single uniform.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import gigawatt as gw
from toy_scenarios import toy

N_H100 = 62_745  # floor(100 MW / 1.25 x 1000 / 1.275 kW)
A, B = 40_000.0, 60_000.0  # price, USD
C, D = 0.8, 1.2  # price risk
TRIALS = 40_000


def product_cdf(z: float) -> float:
    """P(X Y <= z) for independent X ~ U(A, B), Y ~ U(C, D), X > 0, C > 0.

    P = 1 / ((B - A)(D - C)) * integral over x in [A, B] of (clamp(z / x, C, D) - C) dx; the integrand is D - C for
    x <= z / D, z / x - C between z / D and z / C, and 0 beyond, so the integral is
    (D - C)(x1 - A) + z ln(x2 / x1) - C (x2 - x1) with x1 = clamp(z / D, A, B), x2 = clamp(z / C, A, B).
    """
    x1 = min(max(z / D, A), B)
    x2 = min(max(z / C, A), B)
    area = (D - C) * (x1 - A) + z * math.log(x2 / x1) - C * (x2 - x1)
    return area / ((B - A) * (D - C))


def product_pdf(z: float) -> float:
    """The density of X Y: d/dz of product_cdf = ln(x2 / x1) / ((B - A)(D - C))."""
    x1 = min(max(z / D, A), B)
    x2 = min(max(z / C, A), B)
    return math.log(x2 / x1) / ((B - A) * (D - C))


def product_quantile(q: float) -> float:
    """The q-quantile of X Y, by bisection on the closed-form CDF (to 1e-9 relative)."""
    lo, hi = A * C, B * D
    while hi - lo > 1e-9 * hi:
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if product_cdf(mid) < q else (lo, mid)
    return (lo + hi) / 2


def test_the_closed_form_is_a_distribution():
    # the CDF runs from 0 at A C to 1 at B D; the mean E[X] E[Y] = 50,000 x 1 follows from the density numerically
    assert product_cdf(A * C) == pytest.approx(0.0, abs=1e-12)
    assert product_cdf(B * D) == pytest.approx(1.0, abs=1e-12)
    z = np.linspace(A * C, B * D, 200_001)
    pdf = np.array([product_pdf(v) for v in z])
    assert np.trapezoid(pdf, z) == pytest.approx(1.0, abs=1e-6)
    assert np.trapezoid(z * pdf, z) == pytest.approx(50_000.0, rel=1e-6)


@pytest.fixture(scope="module")
def two_price_factors():
    s = gw.load_scenario(
        toy(
            **{
                "accelerator_overrides.h100.price_usd": {"dist": "uniform", "low": A, "high": B},
                "risks.accelerator_price": {"dist": "uniform", "low": C, "high": D},
            }
        )
    )
    return gw.risk(s, trials=TRIALS, seed=20)


def test_two_independent_price_factors_give_the_product_distribution(two_price_factors):
    m = two_price_factors.metrics
    assert m["accelerators_end"]["p10"] == m["accelerators_end"]["p90"] == N_H100  # the count does not move
    capex = m["capex_it_usd"]
    for key, q in (("p10", 0.1), ("p50", 0.5), ("p90", 0.9)):
        z = product_quantile(q)
        # tolerance: the sample quantile's standard error sqrt(q (1 - q) / n) / pdf(z) (at most 0.15 % of z here,
        # n = 40,000) taken 4 times, plus the quantile sketch's relative error 0.5 % (engine/sketch.py, alpha)
        se = math.sqrt(q * (1 - q) / TRIALS) / product_pdf(z)
        tol = 4 * se / z + 0.005
        assert capex[key] == pytest.approx(N_H100 * z, rel=tol), (key, z, tol)
    # the mean of a product of independent factors is the product of their means: 62,745 x 50,000; the standard
    # deviation of X Y is sqrt(E[X^2] E[Y^2] - 50,000^2) = 6,481 USD, so the mean's standard error is 0.065 %; 0.3 %
    # is about 4.6 of them
    assert capex["mean"] == pytest.approx(N_H100 * 50_000.0, rel=0.003)


def test_the_product_is_not_what_one_stream_or_one_factor_would_give(two_price_factors):
    """The expected quantiles above are far enough from the alternatives that the test tells them apart."""
    capex = two_price_factors.metrics["capex_it_usd"]
    # one stream (Y a function of the same uniform as X): P10 = (A + 0.1 (B - A)) (C + 0.1 (D - C)) = 35,280
    correlated_p10 = (A + 0.1 * (B - A)) * (C + 0.1 * (D - C))
    assert capex["p10"] / N_H100 > correlated_p10 * 1.05
    # one factor only (Y at 1): P10 = 42,000 and P90 = 58,000; with both, 39,417 and 61,537 (6 % apart)
    assert capex["p10"] / N_H100 < 42_000 * 0.97
    assert capex["p90"] / N_H100 > 58_000 * 1.03
