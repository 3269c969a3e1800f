"""The claims ledger's mutation survivors (tools/mutation.py, the claims group), each killed by a hand-worked oracle:
the facts' dates, the ledger format and its cross checks, the evaluation and its track record (issue 16)."""

import datetime as dt

from gigawatt.data.facts import latest_date


def test_a_december_month_ends_on_the_31st():
    # December rolls over into January of the next year: 2024-12 -> 2024-12-31
    assert latest_date("2024-12") == dt.date(2024, 12, 31)
