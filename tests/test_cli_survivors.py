"""Command-line paths the sampled mutation run of cli/ found untested (docs/testing.md): claims' --trials minimum and
ops' check of the capacity block's keys."""

from gigawatt.cli.core import main


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


def test_claims_takes_trials_0_from_the_command_line_as_the_deterministic_ledger(capsys):
    # --trials 0 (the option's minimum) weighs every claim on the deterministic run: no probabilities, no trials
    import json

    code, out, _ = _cli(capsys, "claims", "--trials", "0", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["trials"] is None
    code, _, err = _cli(capsys, "claims", "--trials", "-1")
    assert code == 2 and "--trials" in err


def test_ops_refuses_an_unknown_capacity_key_naming_it_and_the_known_ones(capsys, tmp_path):
    config = tmp_path / "ops.yaml"
    config.write_text("capacity:\n  bogus_key: 3\n  spares: 2\n", encoding="utf-8")
    code, out, err = _cli(capsys, "ops", "--config", str(config))
    assert code == 2 and out == ""
    assert f"error: {config}: capacity: unknown field(s) bogus_key; expected one of: accelerators_per_server," in err
    assert "spares, " in err
