"""Servers out of a job: repairs, standbys, spares and the waits for them (the capacity model of ``gigawatt ops``).

No figure here is in facts.csv: every option is off unless the operator's numbers are given. The draws are numba
functions (``@njit``): the cluster simulation in gigawatt.engine.operations calls them trial by trial.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def draw_repair_hours(auto_hours, manual_hours, escalation):
    """Draw the repair time of a failed server (numba).

    Parameters
    ----------
    auto_hours : float
        Automatic repair time, R_auto [h].
    manual_hours : float
        Manual repair time after an escalation, R_manual [h].
    escalation : float
        Probability that the repair escalates to manual, p [-].

    Returns
    -------
    float
        R_auto, or R_auto + R_manual with probability p [h]; on average R_auto + p R_manual.
    """
    hours = auto_hours
    if np.random.random() < escalation:
        hours += manual_hours
    return hours


@njit(cache=True)
def draw_returns_bad(false_success, was_bad):
    """Draw whether a repaired server comes back bad (numba).

    Parameters
    ----------
    false_success : float
        Probability that a repair reports success but did not fix the server, p_false [-].
    was_bad : bool
        The server was a bad one (it fails ``bad_multiplier`` times as often) when it failed.

    Returns
    -------
    bool
        A bad server stays bad with probability p_false (a real repair fixes it); a good server always comes back
        good: a repair that did not fix anything leaves a good server as it was.
    """
    if not was_bad:
        return False
    return np.random.random() < false_success


@njit(cache=True)
def draw_standby_is_bad(good, bad):
    """Draw whether the warm standby swapped in is a bad one (numba).

    Parameters
    ----------
    good, bad : int
        Good and bad warm standbys [-] (repaired servers join them).

    Returns
    -------
    bool
        Bad with probability bad / (good + bad): any standby is as likely to be picked.
    """
    return np.random.random() * (good + bad) < bad


@njit(cache=True)
def wait_hours(wait, t, window):
    """The part of a wait (for a spare, or a server back from repair) inside the window (numba).

    Parameters
    ----------
    wait : float
        The wait, w [h] (>= 0).
    t : float
        When it starts [h].
    window : float
        End of the window, W [h].

    Returns
    -------
    float
        min(w, max(W - t, 0)) [h]: nothing is counted beyond the window.
    """
    return min(wait, max(window - t, 0.0))
