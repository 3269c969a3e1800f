"""Power on its stated basis: a grid (contracted, nameplate) figure, a facility figure or an IT figure, converted to
the facility power the model sizes with.

Articles give a campus's power on different bases (facts.csv SZ05): the grid or contracted capacity ("a 1.2 GW
campus"), the facility's own draw, or the IT (critical) load. The model sizes halls by facility power, so a figure
on another basis is converted once, where it enters (``gigawatt estimate --basis``, a phase's ``power_basis``)::

    facility_mw = grid_mw / grid_to_facility_ratio     (defaults.csv power_basis.grid_to_facility_ratio, with a range)
    facility_mw = it_mw * sizing_pue                    (the model's own PUE x design-day ratio x (1 + headroom))
    facility_mw = facility_mw                           (the default basis)

The grid ratio is derived from campuses that reported both figures (docs/model.md, "Power on its stated basis"); its
range gives a band of facility power, low to high. An IT figure needs no ratio of its own: the model turns facility
power back into IT power with the same sizing PUE, so the IT power stated is the IT power modelled.
"""

from __future__ import annotations

import dataclasses

from gigawatt.data.catalog import Provenance, declares_assumption, defaults

BASES = ("facility", "grid", "it")
GRID_RATIO_KEY = "power_basis.grid_to_facility_ratio"


@dataclasses.dataclass(frozen=True)
class Conversion:
    """A stated power and the facility power it stands for, with the ratio used, its range and its source.

    ``ratio`` is stated MW per facility MW (grid: the grid-to-facility ratio; IT: 1 / sizing PUE; facility: 1), so
    ``facility_mw = stated_mw / ratio``; ``ratio_low`` and ``ratio_high`` bound it where it has a sourced range
    (None otherwise), and ``facility_low_mw``/``facility_high_mw`` are the band it gives (high ratio, low power).
    """

    basis: str
    stated_mw: float
    ratio: float
    ratio_low: float | None
    ratio_high: float | None
    facility_mw: float
    provenance: Provenance

    @property
    def facility_low_mw(self) -> float:
        return self.stated_mw / (self.ratio_high or self.ratio)

    @property
    def facility_high_mw(self) -> float:
        return self.stated_mw / (self.ratio_low or self.ratio)

    def as_dict(self) -> dict:
        """The conversion as JSON-ready data (``estimate --json``'s ``power_basis``)."""
        return {
            "basis": self.basis,
            "stated_mw": self.stated_mw,
            "ratio": self.ratio,
            "ratio_low": self.ratio_low,
            "ratio_high": self.ratio_high,
            "ratio_meaning": "stated MW per MW of facility power",
            "facility_power_mw": self.facility_mw,
            "facility_power_low_mw": self.facility_low_mw,
            "facility_power_high_mw": self.facility_high_mw,
            **self.provenance.as_dict(),
        }

    def describe(self) -> str:
        """One line: the stated figure, the ratio with its range and source, the facility power (and its band)."""
        stated = f"{_mw(self.stated_mw)} MW {self.basis}"
        if self.basis == "facility":
            return f"{stated}: no conversion"
        if self.basis == "it":
            return f"{stated} x {1 / self.ratio:.4g} (the model's sizing PUE) = {_mw(self.facility_mw)} MW facility"
        return (
            f"{stated} / {self.ratio:g} (grid-to-facility ratio, range {self.ratio_low:g}-{self.ratio_high:g}; "
            f"defaults.csv {GRID_RATIO_KEY}; {self.provenance.facts_id}) = {_mw(self.facility_mw)} MW facility "
            f"({_mw(self.facility_low_mw)}-{_mw(self.facility_high_mw)} MW)"
        )


def check_basis(basis: str, field: str) -> str:
    """``basis`` if it is one of :data:`BASES`; otherwise a ValueError naming ``field``, the value and the choices."""
    if basis not in BASES:
        raise ValueError(f"{field}: {basis!r} is not a power basis; expected one of: {', '.join(BASES)}")
    return basis


def _mw(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def convert(power_mw: float, basis: str, sizing_pue: float) -> Conversion:
    """The facility power of ``power_mw`` [MW] stated on ``basis`` (one of :data:`BASES`).

    ``sizing_pue`` is the model's facility MW per MW of IT on the design day (PUE x design-day ratio x
    (1 + headroom)), used for an IT figure only.
    """
    check_basis(basis, "power basis")
    if basis == "facility":
        return Conversion(basis, power_mw, 1.0, None, None, power_mw, Provenance(status="stated as facility power"))
    if basis == "it":
        prov = Provenance(
            status="derived",
            source="the model's sizing PUE (operations.pue, design_pue_ratio, sizing_headroom)",
            derivation=f"IT power x the model's sizing PUE {sizing_pue:.4g} (operations.pue x design_pue_ratio x "
            "(1 + sizing_headroom)); the model divides by the same PUE, so the IT power stated is the IT modelled",
        )
        return Conversion(basis, power_mw, 1.0 / sizing_pue, None, None, power_mw * sizing_pue, prov)
    row = defaults()[GRID_RATIO_KEY]
    return Conversion(basis, power_mw, row.value, row.low, row.high, power_mw / row.value, row.provenance)


def derived_provenance(stated: Provenance | None, conv: Conversion) -> Provenance:
    """The source of a converted power: the stated figure's source with the conversion's, as weak as the weaker of
    the two (derived from an assumption, or from a number given without a source, says so)."""
    ids = "; ".join(i for i in dict.fromkeys((*(stated.ids() if stated else ()), *conv.provenance.ids())) if i)
    derivation = conv.describe()
    if stated is not None and declares_assumption(stated.status):
        status = "derived from a scenario assumption"
        derivation += f"; {stated.derivation or stated.status}"
    elif stated is None:
        status = "derived from a number given without a source"
    else:
        status = "derived"
    if stated is not None and stated.derivation and status == "derived":
        derivation = f"{derivation}; stated: {stated.derivation}"
    return Provenance(
        status=status, source=stated.source if stated else "", facts_id=ids, date="", derivation=derivation
    )


def convert_phases(scenario) -> list[str]:
    """Convert, in place, every phase of a loaded scenario whose ``power_basis`` is not facility: its ``power_mw``
    becomes the facility power and its basis 'facility' (so that everything downstream, and the scenario written
    back by ``gigawatt show``, reads facility power), its source says how, and ``scenario.power_bases`` keeps the
    :class:`Conversion` by phase path. Returns the problems, one message each (none: all converted).

    A ramped phase is converted building by building (each building keeps the phase's basis); the sizing PUE of an
    IT figure is the phase's (its ``pue`` or ``operations.pue``, x design-day ratio x (1 + headroom)), at its central
    value where it is uncertain. A distribution on the power of such a phase is converted with it (scaled by the
    same factor, every draw converted alike).
    """
    from gigawatt import limits

    ops, problems = scenario.operations, []
    for i, site in enumerate(scenario.sites):
        for j, ph in enumerate(site.phases):
            path = f"sites[{i}].phases[{j}]"
            if ph.power_basis == "facility":
                continue
            key = f"{path}.power_mw"
            sizing_pue = (ph.pue or ops.pue) * ops.design_pue_ratio * (1.0 + ops.sizing_headroom)
            conv = convert(ph.power_mw, ph.power_basis, sizing_pue)
            dist = scenario.distributions.get(key)
            if dist is not None:  # the same conversion on every draw: the distribution scaled by it
                dist = dist.scaled(1.0 / conv.ratio)
                dist.raw["derivation"] = f"{ph.power_basis} power converted to facility power: {conv.describe()}"
            top = conv.facility_mw if dist is None else max(conv.facility_mw, dist.support()[1])
            if top > limits.MAX_PHASE_POWER_MW:
                problems.append(
                    f"{key}: {conv.describe()}{' (at its central value)' if dist else ''} reaches {top:,.0f} MW; "
                    f"expected at most {limits.MAX_PHASE_POWER_MW:,.0f} MW of facility power "
                    "(limits.MAX_PHASE_POWER_MW)"
                )
                continue
            if dist is not None:
                scenario._distributions[key] = dist
            scenario._provenance[key] = derived_provenance(scenario._provenance.get(key), conv)
            ph.power_mw, ph.power_basis = conv.facility_mw, "facility"
            scenario._power_bases[path] = conv
    return problems
