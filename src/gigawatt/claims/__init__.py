"""The claims ledger: who said what about a programme, when; the model's verdict on each claim as it stood on the
claim's date; what happened since; and the model's track record (docs/claims.md).

Claims sit above the engine: they read trajectories and Monte Carlo draws, and the engine never imports them. One
module each: the ledger's format (:mod:`~gigawatt.claims.ledger`), the scenarios claims are weighed on
(:mod:`~gigawatt.claims.scenarios`), the Monte Carlo pass (:mod:`~gigawatt.claims.tally`), what the model says of each
kind of claim (:mod:`~gigawatt.claims.kinds`), the scoring (:mod:`~gigawatt.claims.scoring`) and the orchestration
(:mod:`~gigawatt.claims.evaluate`)::

    from gigawatt.claims import evaluate, read_ledger
    ledger, origin = read_ledger()            # or read_ledger("my-claims.yaml")
    report = evaluate(ledger, origin, trials=20_000, seed=1)
    report.as_json()                          # the `gigawatt claims --json` object
"""

from gigawatt.claims.evaluate import LedgerReport, evaluate
from gigawatt.claims.ledger import Claim, Ledger, json_schema, parse_ledger, read_ledger
from gigawatt.claims.scenarios import load_scenarios, path_unit
from gigawatt.claims.scoring import likelihood_words, track_record

__all__ = [
    "Claim",
    "Ledger",
    "LedgerReport",
    "evaluate",
    "json_schema",
    "likelihood_words",
    "load_scenarios",
    "parse_ledger",
    "path_unit",
    "read_ledger",
    "track_record",
]
