"""Uncertain inputs: any number in a scenario may be a distribution instead of a value.

    construction_months: {dist: triangular, low: 18, mode: 24, high: 36, source: "...", note: "..."}
    capex_per_mw_usd: {dist: lognormal, median: "$11.7M/MW", low: "$9.3M/MW", high: "$15M/MW"}
    power_mw: {dist: normal, mean: 1000, sd: 100, low: 0}
    secured_usd: {dist: uniform, low: "$5B", high: "$10B"}
    start: {dist: pert, low: 2026-01, mode: 2026-03, high: 2027-01}
    accelerator: {dist: choice, values: [gb200, gb300], weights: [0.7, 0.3]}

Kinds (parameters in the field's own units):

- ``uniform``: low, high.
- ``triangular``: low, mode, high.
- ``pert``: low, mode, high (Beta-PERT with shape 4, the usual weight on the mode).
- ``normal``: mean, sd, optional low/high to truncate it.
- ``lognormal``: median and a 90 % interval low (5th percentile) and high (95th), as Epoch AI writes its ranges:
  sigma = ln(high / low) / (2 * 1.6449), mu = ln(median).
- ``choice``: values with optional weights (a discrete choice; also for names such as an accelerator).

A deterministic ``gigawatt run`` uses each distribution's central value: the mode (triangular, PERT), the median
(lognormal), the mean (normal, uniform: truncated to its bounds) or the most likely choice. Sampling goes through
the inverse CDF of a uniform draw, so the same uniforms give the same trial whatever the chunking.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from gigawatt.errors import GigawattError

Z95 = 1.6448536269514722  # standard normal 95th percentile

KINDS = {
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "pert": ("low", "mode", "high"),
    "normal": ("mean", "sd"),
    "lognormal": ("median", "low", "high"),
    "choice": ("values",),
}
OPTIONAL = {"normal": ("low", "high"), "choice": ("weights",)}
# the standard normal's quantiles at 1e-6 and 1 - 1e-6 (scipy.special.ndtri, as written by repr; tested), the tails
# that bound a lognormal or an unbounded normal
Z_TAIL_LOW = -4.753424308822899
Z_TAIL_HIGH = 4.753424308817087
META_KEYS = {"dist", "source", "status", "facts_id", "date", "note", "derivation", "unit"}


@dataclasses.dataclass
class Distribution:
    """A parsed distribution over one field: ``params`` in the field's unit (months as month indices)."""

    path: str
    kind: str
    params: dict
    choices: list | None = None  # for kind 'choice': the raw values (numbers or names)
    raw: dict = dataclasses.field(default_factory=dict)  # the mapping as written, for `gigawatt show`
    inherited: bool = False  # a range every scenario inherits from the data files (gigawatt.data.money_ranges)

    def central(self):
        p = self.params
        if self.kind in ("triangular", "pert"):
            return p["mode"]
        if self.kind == "lognormal":
            return p["median"]
        if self.kind == "uniform":
            return 0.5 * (p["low"] + p["high"])
        if self.kind == "normal":
            lo, hi = p.get("low", -math.inf), p.get("high", math.inf)
            return float(self.ppf(np.array([0.5]))[0]) if (math.isfinite(lo) or math.isfinite(hi)) else p["mean"]
        w = np.asarray(p["weights"])
        return self.choices[int(np.argmax(w))]

    def scaled(self, factor: float) -> Distribution:
        """The distribution of ``factor`` x a draw (factor > 0): every parameter in the field's unit scales with it
        (bounds, mode, median, mean, spread, the values of a choice), so each family stays itself; ``raw`` holds the
        scaled parameters as numbers, with the sources written beside them."""
        if self.kind == "choice":
            values = [v * factor for v in self.params["values"]]
            return Distribution(
                self.path, self.kind, {**self.params, "values": values}, values, {**self.raw, "values": values}
            )
        params = {k: v * factor for k, v in self.params.items()}
        return Distribution(self.path, self.kind, params, None, {**self.raw, **params})

    def support(self) -> tuple[float, float]:
        """Smallest and largest value a draw can take (for normals without bounds: the 1e-6 quantiles; for
        lognormals: both 1e-6 quantiles). Closed forms where there are, so loading a scenario needs no scipy."""
        p = self.params
        if self.kind in ("uniform", "triangular", "pert"):
            return float(p["low"]), float(p["high"])  # ppf(0) and ppf(1)
        if self.kind == "lognormal":
            sigma = self._log_sigma()
            return float(p["median"] * np.exp(sigma * Z_TAIL_LOW)), float(p["median"] * np.exp(sigma * Z_TAIL_HIGH))
        if self.kind == "normal" and "low" not in p and "high" not in p:
            return float(p["mean"] + p["sd"] * Z_TAIL_LOW), float(p["mean"] + p["sd"] * Z_TAIL_HIGH)
        lo, hi = self.ppf(np.array([0.0, 1.0]))
        if not math.isfinite(lo):
            lo = float(self.ppf(np.array([1e-6]))[0])
        if not math.isfinite(hi):
            hi = float(self.ppf(np.array([1 - 1e-6]))[0])
        return float(lo), float(hi)

    def _log_sigma(self) -> float:
        """A lognormal's sigma: low and high are its 5 % and 95 % quantiles."""
        p = self.params
        return math.log(p["high"] / p["low"]) / (2 * Z95) if p["high"] > p["low"] else 0.0

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF: values for uniforms ``u`` in [0, 1]. For 'choice', indices into the choices.

        Closed forms and scipy.special ufuncs (no scipy.stats objects), so a call costs microseconds; scipy is
        imported only by the kinds that need it.
        """
        p = self.params
        u = np.asarray(u, dtype=float)
        if self.kind == "uniform":
            return p["low"] + u * (p["high"] - p["low"])
        if self.kind == "triangular":
            lo, mode, hi = p["low"], p["mode"], p["high"]
            if hi == lo:
                return np.full_like(u, lo)
            c = (mode - lo) / (hi - lo)
            left = lo + np.sqrt(u * (hi - lo) * (mode - lo))
            right = hi - np.sqrt((1.0 - u) * (hi - lo) * (hi - mode))
            return np.where(u < c, left, right)
        if self.kind == "pert":
            lo, mode, hi = p["low"], p["mode"], p["high"]
            if hi == lo:
                return np.full_like(u, lo)
            from scipy import special

            a = 1 + 4 * (mode - lo) / (hi - lo)
            b = 1 + 4 * (hi - mode) / (hi - lo)
            return lo + (hi - lo) * special.betaincinv(a, b, u)
        if self.kind == "normal":
            mean, sd = p["mean"], p["sd"]
            if sd == 0:
                return np.full_like(u, mean)
            from scipy import special

            fa = special.ndtr((p.get("low", -math.inf) - mean) / sd)
            fb = special.ndtr((p.get("high", math.inf) - mean) / sd)
            x = mean + sd * special.ndtri(fa + u * (fb - fa))
            return np.clip(x, p.get("low", -math.inf), p.get("high", math.inf))
        if self.kind == "lognormal":
            from scipy import special

            sigma = self._log_sigma()
            return p["median"] * np.exp(sigma * special.ndtri(u)) if sigma > 0 else np.full_like(u, p["median"])
        cum = np.cumsum(p["weights"]) / np.sum(p["weights"])
        return np.minimum(np.searchsorted(cum, u, side="right"), len(cum) - 1).astype(float)


def check_structure(path: str, node: dict) -> str:
    """The kind of a distribution mapping, after checking its keys (values are read later). Raises GigawattError."""
    kind = str(node.get("dist", "")).strip().lower()
    if kind not in KINDS:
        raise GigawattError(
            f"{path}.dist: unknown distribution {node.get('dist')!r}; expected one of: {', '.join(KINDS)}"
        )
    need, opt = KINDS[kind], OPTIONAL.get(kind, ())
    missing = [k for k in need if k not in node]
    if missing:
        raise GigawattError(f"{path}: a {kind} distribution needs {', '.join(need)}; missing {', '.join(missing)}")
    extra = set(node) - set(need) - set(opt) - META_KEYS
    if extra:
        raise GigawattError(
            f"{path}: unknown key(s) {', '.join(sorted(extra))} for a {kind} distribution; "
            f"expected {', '.join((*need, *opt))}"
        )
    return kind


def parse(path: str, node: dict, read_value) -> Distribution:
    """Check a distribution mapping and read its parameters with ``read_value(raw, where, spread=False)``: the
    field's own parser (``spread=True`` for a standard deviation: units only, no bounds).

    Raises GigawattError naming the path and what was expected.
    """
    kind = check_structure(path, node)
    need, opt = KINDS[kind], OPTIONAL.get(kind, ())
    if kind == "choice":
        values = node["values"]
        if not isinstance(values, list) or not values:
            raise GigawattError(f"{path}.values: expected a non-empty list, got {values!r}")
        weights = node.get("weights", [1.0] * len(values))
        if not isinstance(weights, list) or len(weights) != len(values):
            raise GigawattError(f"{path}.weights: expected {len(values)} weights, one per value, got {weights!r}")
        try:
            w = [float(x) for x in weights]
        except (TypeError, ValueError):
            raise GigawattError(f"{path}.weights: {weights!r} are not all numbers") from None
        if any(x < 0 for x in w) or sum(w) <= 0:
            raise GigawattError(f"{path}.weights: {weights!r}; expected non-negative weights with a positive sum")
        parsed = [read_value(v, f"{path}.values[{i}]") for i, v in enumerate(values)]
        return Distribution(path, kind, {"weights": w, "values": parsed}, choices=parsed)
    params = {
        k: read_value(node[k], f"{path}.{k}", spread=(k == "sd")) for k in (*need, *[o for o in opt if o in node])
    }
    for k, v in params.items():
        if not isinstance(v, int | float) or not math.isfinite(v):
            raise GigawattError(f"{path}.{k}: {node[k]!r} is not a finite number")
    d = Distribution(path, kind, params)
    if kind in ("uniform", "triangular", "pert", "lognormal") and params["low"] > params["high"]:
        raise GigawattError(f"{path}: low {node['low']!r} > high {node['high']!r}; expected low <= high")
    if kind in ("triangular", "pert") and not params["low"] <= params["mode"] <= params["high"]:
        raise GigawattError(f"{path}.mode: {node['mode']!r} is outside [low, high]; expected low <= mode <= high")
    if kind == "normal":
        if params["sd"] < 0:
            raise GigawattError(f"{path}.sd: {node['sd']!r} is negative; expected a spread >= 0")
        if params.get("low", -math.inf) > params.get("high", math.inf):
            raise GigawattError(f"{path}: low {node['low']!r} > high {node['high']!r}; expected low <= high")
    if kind == "lognormal":
        if params["low"] <= 0:
            raise GigawattError(f"{path}.low: {node['low']!r}; a lognormal needs a positive 5th percentile")
        if not params["low"] <= params["median"] <= params["high"]:
            raise GigawattError(f"{path}.median: {node['median']!r} is outside [low, high]")
    return d
