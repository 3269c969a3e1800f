"""gigawatt ops: settings that only qualify another one, where each figure came from, and the hint when the closed
form cannot give goodput (the review of issue 11's ops work)."""

import json

from gigawatt.cli.core import main


def run(capsys, *args):
    code = main(["ops", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_spares_return_alone_is_a_no_op_with_a_warning(capsys):
    # --spares-return is the default and qualifies --spares: alone it must not build a capacity model (which runs
    # only over a --days window, so --work would be refused)
    code, out, err = run(capsys, "-n", "100", "--work", "10days", "--spares-return", "--json")
    assert code == 0, err
    assert "warning: --spares-return has no effect without --spares" in err
    assert json.loads(out)["goodput"] is not None


def test_false_success_without_bad_servers_is_a_no_op_with_a_warning(capsys):
    # a false repair leaves a bad server bad and a good one good: with no bad servers it changes nothing
    code, out, err = run(capsys, "-n", "100", "--false-success", "0.5", "--json")
    assert code == 0 and "warning: --false-success has no effect without --bad-fraction" in err
    plain = json.loads(run(capsys, "-n", "100", "--json")[1])
    assert json.loads(out)["goodput"] == plain["goodput"]


def test_each_training_figure_names_where_it_came_from(capsys, tmp_path):
    _, out, _ = run(capsys, "-n", "16384", "--mfu", "0.4", "--json")
    assert json.loads(out)["mfu_source"] == "--mfu"
    cfg = tmp_path / "ops.yaml"
    cfg.write_text("accelerators: 16384\nmfu: 0.45\nfailure_free_restart: true\n", encoding="utf-8")
    code, out, err = run(capsys, "--config", str(cfg), "--json")
    data = json.loads(out)
    assert code == 0, err
    assert data["mfu_source"] == "mfu in the --config file"
    # defaults.csv's training.mfu (RL16) when nothing is given
    assert "training.mfu" in json.loads(run(capsys, "-n", "16384", "--json")[1])["mfu_source"]
    # the footnote says failure-free restarts whether the flag or the config file asked for them
    _, out, _ = run(capsys, "--config", str(cfg))
    assert "failures during restarts: none (failure-free restarts)" in out


def test_omitted_analytic_goodput_points_at_the_simulation(capsys):
    # repairs that take time make a queue the closed form does not model: no analytic goodput, and the way to get one
    code, out, _ = run(capsys, "-n", "16384", "--warm-standbys", "2", "--repair-auto", "4h")
    assert code == 0
    assert "analytic goodput omitted" in out and "add --trials" in out
