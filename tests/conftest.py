import pytest

import gigawatt as gw


@pytest.fixture(scope="session")
def builtin_results():
    return {name: gw.simulate(gw.load_scenario(name)) for name in gw.builtin_names()}
