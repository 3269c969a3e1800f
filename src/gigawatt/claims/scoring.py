"""Keeping score: the model's track record over the resolved outcome claims, and its probabilities in words.

The track record scores the model's probability at each claim's date against what happened, over the resolved
outcome claims that are forecasts: the Brier and log scores (:func:`brier_score`, :func:`log_score`), beside always
the base rate and always 50 %. The probability words follow the IPCC's calibrated language (Mastrandrea et al. 2010,
the AR5 guidance note on uncertainty): virtually certain >= 99 %, very likely >= 90 %, likely >= 66 %, about as
likely as not > 33 %, unlikely > 10 %, very unlikely > 1 %, exceptionally unlikely below.
"""

from __future__ import annotations

import numpy as np

# IPCC AR5 calibrated likelihood language (Mastrandrea et al. 2010): (lower bound, words), first match wins
LIKELIHOOD_WORDS = (
    (0.99, "Virtually certain"),
    (0.90, "Very likely"),
    (0.66, "Likely"),
    (0.33, "About as likely as not"),
    (0.10, "Unlikely"),
    (0.01, "Very unlikely"),
    (0.0, "Exceptionally unlikely"),
)


def likelihood_words(p: float) -> str:
    """ "Unlikely (p = 0.18)": the IPCC's words for ``p`` and the figure. A bound belongs to the words above it
    except at 1/3, where "about as likely as not" starts above."""
    shown = "p < 0.01" if 0 < p < 0.01 else "p > 0.99" if 0.99 < p < 1 else f"p = {p:.2f}"  # 0.00 only when none
    for bound, words in LIKELIHOOD_WORDS:
        if p >= bound and not (bound == 0.33 and p <= 0.33):
            return f"{words} ({shown})"
    return f"{LIKELIHOOD_WORDS[-1][1]} ({shown})"


def _scoringrules():
    """scoringrules (the brief's library for Brier and log scores), imported on its numpy backend.

    With numba importable, ``import scoringrules`` picks its numba backend and compiles its ensemble kernels (energy
    and variogram scores, none of which a binary forecast uses): 3-10 s a command here, which broke the ledger's cost
    target (issue 16: ``claims`` at most 1.5x ``risk``). Hiding numba for the duration of the import makes
    scoringrules choose its numpy backend, as it does where numba is not installed (its documented fallback): 0.2 s.
    numba stays loaded for gigawatt's engine; the entry is put back at once.
    """
    import sys

    if "scoringrules" in sys.modules:
        return sys.modules["scoringrules"]
    had, saved = "numba" in sys.modules, sys.modules.get("numba")
    sys.modules["numba"] = None  # `import numba` raises ImportError inside scoringrules' import only
    try:
        import scoringrules
    finally:
        if had:
            sys.modules["numba"] = saved
        else:
            del sys.modules["numba"]
    return scoringrules


def brier_score(outcomes, probabilities) -> float:
    """Mean squared difference between the forecast probability and the outcome (1 happened, 0 did not) [-], lower
    is better: 0 for certain and right, 1 for certain and wrong, 0.25 for always 50 %. scoringrules'
    ``brier_score`` (Brier 1950, the two-category score halved, as forecasters and scikit-learn quote it), averaged
    over the claims."""
    y, p = np.asarray(outcomes, dtype=float), np.asarray(probabilities, dtype=float)
    return float(np.mean(_scoringrules().brier_score(y, p, backend="numpy")))


def log_score(outcomes, probabilities) -> float:
    """Mean negative natural log of the probability given to what happened [nats], lower is better: ln 2 for always
    50 %, infinite for a certainty that was wrong (the caller keeps probabilities off 0 and 1). scoringrules'
    ``log_score`` for a binary event (Good 1952), averaged over the claims."""
    y, p = np.asarray(outcomes, dtype=float), np.asarray(probabilities, dtype=float)
    with np.errstate(divide="ignore"):
        return float(np.mean(_scoringrules().log_score(y, p, backend="numpy")))


def track_record(records: list[dict], trials: int | None) -> dict:
    """The model's probabilities against what happened, over the resolved outcome claims that are forecasts.

    Brier score and log score (means over the claims, lower is better): :func:`brier_score`, :func:`log_score`. A
    probability of 0 or 1 counted over ``trials`` is read as 1/(2 trials) from the edge for the log score (a share
    of 0 in N trials is not a certainty). Baselines: always the base rate of the same claims (known only
    afterwards: an in-sample yardstick) and always 50 %.
    """
    scored = [
        r
        for r in records
        if r["kind"] == "outcome"
        and r["forecast"]
        and r["probability"] is not None
        and r["observed"]["status"] in ("holds", "fails")
    ]
    partly = [r["id"] for r in records if r["kind"] == "outcome" and r["observed"]["status"] == "partly"]
    out: dict = {"resolved": len(scored), "claims": [r["id"] for r in scored], "not_scored_partly": partly}
    if not scored:
        out.update(
            {
                "brier": None,
                "log_score": None,
                "base_rate": None,
                "baselines": None,
                "worst": [],
                "note": "no resolved outcome claim with a model probability yet: nothing to score"
                + ("" if trials else " (run with --trials)"),
            }
        )
        return out
    y = np.array([1 if r["observed"]["status"] == "holds" else 0 for r in scored])
    p = np.array([float(r["probability"]) for r in scored])
    eps = 1.0 / (2 * trials)
    base = float(y.mean())
    each = [brier_score([yi], [pi]) for yi, pi in zip(y, p, strict=True)]
    base_p = np.full(len(y), base)
    out.update(
        {
            "base_rate": base,
            "brier": brier_score(y, p),
            "log_score": log_score(y, np.clip(p, eps, 1 - eps)),
            "baselines": {
                "base_rate": {
                    "brier": brier_score(y, base_p),
                    "log_score": log_score(y, np.clip(base_p, eps, 1 - eps)),
                },
                "half": {
                    "brier": brier_score(y, np.full(len(y), 0.5)),
                    "log_score": log_score(y, np.full(len(y), 0.5)),
                },
            },
            "worst": [
                {"id": scored[i]["id"], "probability": float(p[i]), "outcome": int(y[i]), "brier": each[i]}
                for i in np.argsort(-np.array(each), kind="stable")[:3]
                if each[i] > 0
            ],
            "note": (
                f"{len(scored)} resolved outcome claim{'s' if len(scored) != 1 else ''}: "
                + ("too few to tell skill from luck; read the claims one by one" if len(scored) < 10 else "")
                + ("; " if len(scored) < 10 and partly else "")
                + (f"{len(partly)} 'partly' not scored (neither true nor false)" if partly else "")
            ).rstrip(": "),
        }
    )
    return out
