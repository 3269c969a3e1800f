"""Shared fixtures and the hypothesis profiles.

Profiles (chosen with ``HYPOTHESIS_PROFILE``; default ``ci``):

- ``ci``: derandomized, so CI and every developer see the same examples and a run is reproducible;
- ``explore``: fresh random examples each run and five times as many, to find what the fixed set misses
  (``HYPOTHESIS_PROFILE=explore python3 -m pytest``).
"""

import os

import pytest
from hypothesis import HealthCheck, settings

import gigawatt as gw

settings.register_profile("ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "explore",
    derandomize=False,
    deadline=None,
    max_examples=500,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


@pytest.fixture(scope="session")
def builtin_results():
    return {name: gw.simulate(gw.load_scenario(name)) for name in gw.builtin_names()}
