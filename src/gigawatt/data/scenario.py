"""The scenario: typed configuration of one AI build-out programme.

A scenario is a YAML file (see ``gigawatt schema`` and docs/scenario-format.md). Any number may be written with
human units ("1.2 GW", "$500B", "18 months") and may carry its source::

    amount_usd: {value: "$19B", source: "The Information via Reuters", facts_id: SG10, status: reported}

This module holds the schema (pydantic models, validated field by field) and the cross-field rules;
gigawatt.data.loading reads files, applies overrides and reports every problem with its field path.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from gigawatt import limits
from gigawatt.data import names, ramps
from gigawatt.data.catalog import Provenance, default
from gigawatt.data.messages import format_validation_error, short
from gigawatt.data.power_basis import BASES as POWER_BASES
from gigawatt.errors import GigawattError, ScenarioError
from gigawatt.units import check_plain_number, month_index, parse_month, parse_quantity

PROVENANCE_KEYS = {"source", "status", "facts_id", "date", "note", "derivation", "unit", "default"}


def _quantity(kind: str):
    def parse(value):
        if isinstance(value, dict) and "value" in value:  # a sourced value not unwrapped (in a list we do not walk)
            value = value["value"]
        try:
            return parse_quantity(value, kind, field="value")
        except GigawattError as exc:
            raise ValueError(str(exc).removeprefix("value: ")) from None

    parse.unit_kind = kind  # what the field measures, for whoever reads the schema (tests/test_hostile_property.py)
    return BeforeValidator(parse, json_schema_input_type=float | str)


def number(**bounds):
    """A number without a unit (a PUE, a share, accelerators a year) within ``bounds`` (pydantic's ge, gt, le), read
    by the rules a quantity's number follows (gigawatt.units.check_plain_number): true/false is refused, not read as
    1 or 0, and so is '1.200' where both readings, 1.2 and 1,200 (a German hand), fit the field; where the grouped
    one is out of range (a PUE, a share) the dot can only be a decimal point."""
    largest = bounds.get("le", bounds.get("lt", math.inf))

    def read(value):
        try:
            return check_plain_number(value, field="value", largest=largest)
        except GigawattError as exc:
            raise ValueError(str(exc).removeprefix("value: ")) from None

    return Annotated[float, BeforeValidator(read, json_schema_input_type=float), Field(**bounds)]


def _day(value):
    """A calendar day (``as_of``): a date, or text in ISO form (2025-01-21). A number is refused: pydantic would read
    0 as 1970-01-01, seconds since the Unix epoch."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date; expected a day written YYYY-MM-DD, e.g. 2025-01-21")


FIRST_MONTH = dt.date.fromisoformat(limits.MIN_MONTH + "-01")
LAST_MONTH = dt.date.fromisoformat(limits.MAX_MONTH + "-01")


def _month(value):
    try:
        month = parse_month(value, field="value")
    except GigawattError as exc:
        raise ValueError(str(exc).removeprefix("value: ")) from None
    if not FIRST_MONTH <= month <= LAST_MONTH:
        raise ValueError(
            f"{month:%Y-%m} is outside the months the model represents; expected {limits.MIN_MONTH} to "
            f"{limits.MAX_MONTH} (limits.MIN_MONTH, limits.MAX_MONTH)"
        )
    return month


def _whole_months(value: float) -> float:
    if value != int(value):
        raise ValueError(f"{value:g} is not a whole number of months; expected 1 to {limits.MAX_HORIZON_MONTHS}")
    return value


# Every number is finite (the models refuse NaN and infinity) and within the physical range its field can take;
# the upper bounds are in gigawatt.limits with their reasons.
Month = Annotated[dt.date, BeforeValidator(_month, json_schema_input_type=str)]
Usd = Annotated[float, _quantity("usd"), Field(ge=0, le=limits.MAX_USD)]
PowerMW = Annotated[float, _quantity("mw"), Field(le=limits.MAX_PHASE_POWER_MW)]
Months = Annotated[float, _quantity("months"), Field(ge=0, le=limits.MAX_MONTHS)]
UsdPerMW = Annotated[float, _quantity("usd_per_mw"), Field(ge=0, le=limits.MAX_USD_PER_MW)]
UsdPerMWh = Annotated[float, _quantity("usd_per_mwh"), Field(ge=0, le=limits.MAX_USD_PER_MWH)]
TPerMWh = Annotated[float, _quantity("t_per_mwh"), Field(ge=0, le=limits.MAX_T_PER_MWH)]
Watts = Annotated[float, _quantity("w"), Field(ge=limits.MIN_ACCELERATOR_W, le=limits.MAX_ACCELERATOR_W)]
Fraction = number(ge=0, le=1)
Day = Annotated[dt.date, BeforeValidator(_day, json_schema_input_type=str)]
# Names read one way everywhere (gigawatt.data.names): the canonical form is what every comparison sees.
AcceleratorName = Annotated[str, AfterValidator(names.accelerator_name)]
AcceleratorChoice = Annotated[str, AfterValidator(names.accelerator_choice)]
CountryCode = Annotated[str, AfterValidator(names.country_code)]


def _dflt(key: str, description: str | None = None):
    """A field default read from data/defaults.csv, remembering which row it came from."""
    return Field(default_factory=lambda: default(key), json_schema_extra={"default_key": key}, description=description)


class _Model(BaseModel):
    # validate_assignment: a Python user who sets ``phase.power_mw = -5`` on a loaded scenario gets the loader's
    # error at once, not a phase "online" with negative capex (issue 20); rules across fields are checked again
    # before each run (:func:`gigawatt.data.loading.revalidated`)
    model_config = ConfigDict(extra="forbid", validate_default=True, allow_inf_nan=False, validate_assignment=True)

    def __setattr__(self, name: str, value) -> None:
        where = type(self).__name__
        if not name.startswith("_") and name not in type(self).model_fields:
            raise ScenarioError(
                [f"{where}.{name}: unknown field; expected one of: {', '.join(type(self).model_fields)}"]
            )
        if isinstance(value, dict) and "dist" in value:
            raise ScenarioError(
                [
                    f"{where}.{name}: {short(value)} is a distribution; expected a value: distributions are read when "
                    "a scenario is loaded (write it in the file, or in the mapping given to gw.load_scenario)"
                ]
            )
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise ScenarioError([f"{where}.{line}" for line in format_validation_error(exc, type(self))]) from None


class Programme(_Model):
    """When the programme starts and how long it is simulated."""

    start: Month = Field(description="first month simulated, e.g. '2025-01'")
    horizon_months: Annotated[
        float,
        _quantity("months"),
        Field(ge=1, le=limits.MAX_HORIZON_MONTHS),
        AfterValidator(_whole_months),
    ] = Field(description="months simulated, a whole number from 1 to 600, e.g. '5 years'")


class Pledge(_Model):
    """Money a partner commits: ``upfront_fraction`` at ``start``, the rest evenly over ``months``.

    ``secured_usd`` of it is secured (cash, committed loans) and arrives first; the rest is announced only.
    """

    amount_usd: Usd = Field(description="money pledged, at most $100T (about the world's GDP in a year)")
    secured_usd: Usd = Field(
        0.0, description="part that is secured (cash, committed loans); the rest is announced only"
    )
    start: Month = Field(description="month the money starts to arrive")
    months: Annotated[Months, Field(ge=1)] = Field(1.0, description="months over which the rest arrives evenly")
    upfront_fraction: Fraction = Field(0.0, description="part that arrives at once in the start month")

    @model_validator(mode="after")
    def _secured_within_amount(self):
        if self.secured_usd > self.amount_usd:
            raise ValueError(
                f"secured_usd {self.secured_usd:,.0f} exceeds amount_usd {self.amount_usd:,.0f}; "
                "expected secured_usd <= amount_usd"
            )
        return self


class Partner(_Model):
    name: str
    role: str = ""
    pledges: list[Pledge] = Field(default_factory=list)
    announced_arrival: Fraction | None = Field(
        None, description="fraction of this partner's announced-only money that arrives (default: funding's)"
    )


class Funding(_Model):
    """Assumptions about announced-only money."""

    announced_arrival: Fraction = _dflt("funding.announced_arrival")
    announced_delay_months: Months = Field(0.0, description="delay of announced-only money behind its schedule")


class Financing(_Model):
    """Project finance: debt raised on top of equity received."""

    equity_share: number(ge=limits.MIN_EQUITY_SHARE, le=1) = _dflt(
        "financing.equity_share", "share of spending paid with equity, 0.01 to 1 (0.01 is already 99 times leverage)"
    )
    interest_rate: number(ge=0, le=1) = _dflt("financing.interest_rate")
    debt_limit_usd: Usd | None = Field(None, description="cap on debt outstanding (none: only equity_share limits)")


def _gaps(value):
    """``interval_months``: one whole number of months (>= 0) or a list of them, each read with units."""
    items = value if isinstance(value, list) else [value]
    if len(items) > limits.MAX_RAMP_BUILDINGS - 1:  # one interval per pair of buildings
        raise ValueError(
            f"a list of {len(items):,} intervals; expected at most {limits.MAX_RAMP_BUILDINGS - 1} "
            "(one fewer than limits.MAX_RAMP_BUILDINGS)"
        )
    out = []
    for item in items:
        if isinstance(item, dict) and "value" in item:  # a sourced value
            item = item["value"]
        try:
            gap = parse_quantity(item, "months", field="value")
        except GigawattError as exc:
            raise ValueError(str(exc).removeprefix("value: ")) from None
        if not 0 <= gap <= limits.MAX_MONTHS or gap != int(gap):
            raise ValueError(
                f"{gap:g} months; expected a whole number of months from 0 to {limits.MAX_MONTHS} between one "
                "building's start and the next"
            )
        out.append(float(gap))
    return out if isinstance(value, list) else out[0]


_gaps.unit_kind = "months"


def _count(value):
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number of buildings from 1 to {limits.MAX_RAMP_BUILDINGS}, not {value}")
    try:
        return check_plain_number(value, field="value", largest=limits.MAX_RAMP_BUILDINGS)
    except GigawattError as exc:
        raise ValueError(str(exc).removeprefix("value: ")) from None


_RAMP_ITEMS = Field(min_length=1, max_length=limits.MAX_RAMP_BUILDINGS)


class Ramp(_Model):
    """How a phase comes online building by building (docs/model.md, "Ramps"): the buildings (a count of equal
    ones, their sizes in MW, or their shares of the phase's power) and when each starts (a gap between starts, one
    per pair, or a duration from the first start to the last). Each building takes the phase's construction_months.
    """

    buildings: Annotated[int, BeforeValidator(_count), Field(ge=1, le=limits.MAX_RAMP_BUILDINGS)] | None = Field(
        None, description=f"number of equal buildings, 1 to {limits.MAX_RAMP_BUILDINGS}"
    )
    sizes_mw: Annotated[list[Annotated[PowerMW, Field(gt=0)]], _RAMP_ITEMS] | None = Field(
        None, description="each building's facility power, MW; they sum to the phase's power_mw"
    )
    shares: Annotated[list[number(gt=0, le=1)], _RAMP_ITEMS] | None = Field(
        None, description="each building's share of the phase's power_mw; they sum to 1"
    )
    interval_months: Annotated[float | list[float], BeforeValidator(_gaps, json_schema_input_type=float | list)] | (
        None
    ) = Field(None, description="whole months between one building's start and the next (one number, or one per pair)")
    duration_months: Months | None = Field(
        None, description="months from the first building's start to the last's, spread evenly (whole months)"
    )

    @model_validator(mode="after")
    def _one_way_each(self):
        given = [k for k in ("buildings", "sizes_mw", "shares") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                f"{' and '.join(given) or 'none of buildings, sizes_mw, shares'} given; expected exactly one of "
                "buildings (a count), sizes_mw (MW each) or shares (of the phase's power_mw)"
            )
        if self.shares is not None and abs(sum(self.shares) - 1.0) > ramps.SHARE_TOLERANCE:
            raise ValueError(f"shares: {self.shares} sum to {sum(self.shares):.6g}; expected shares that sum to 1")
        n = ramps.building_count(self)
        if self.interval_months is not None and self.duration_months is not None:
            raise ValueError("interval_months and duration_months both given; expected one of them")
        if n > 1 and self.interval_months is None and self.duration_months is None:
            raise ValueError(
                f"{n} buildings and no timing; expected interval_months (months between starts) or duration_months "
                "(from the first start to the last)"
            )
        if self.duration_months is not None and self.duration_months != int(self.duration_months):
            raise ValueError(
                f"duration_months: {self.duration_months:g}; expected a whole number of months from the first "
                "building's start to the last's"
            )
        if isinstance(self.interval_months, list) and len(self.interval_months) != n - 1:
            raise ValueError(
                f"interval_months: {len(self.interval_months)} intervals for {n} buildings; expected {n - 1} "
                "(one between each building's start and the next), or one number for all"
            )
        return self


PowerKind = Literal["grid", "onsite_gas"]
PowerBasis = Literal[POWER_BASES]  # what a phase's power_mw measures (gigawatt.data.power_basis)


class PowerSource(_Model):
    """How a phase gets its power, when, and at what cost."""

    kind: PowerKind = "grid"
    available: Month | None = Field(None, description="month the power is available (none: not binding)")
    capex_per_mw_usd: UsdPerMW | None = Field(None, description="generation capex per MW (default by kind)")
    carbon_t_per_mwh: TPerMWh | None = Field(None, description="CO2 intensity (default by kind)")

    @model_validator(mode="after")
    def _fill_kind_defaults(self):
        # assigning marks a field as set by the user; these came from defaults.csv, so they stay unset (show and
        # the provenance then name the default row and its source, not "given without a source")
        for name in ("capex_per_mw_usd", "carbon_t_per_mwh"):
            if getattr(self, name) is None:
                setattr(self, name, default(f"power.{self.kind}.{name}"))
                self.__pydantic_fields_set__.discard(name)
        return self


class Phase(_Model):
    """One construction phase of a site: facility power, build time, cost, power source and accelerator."""

    name: str
    power_mw: Annotated[PowerMW, Field(gt=0)] = Field(
        description="power added, MW, on the basis power_basis says (facility by default); at most 100 GW (the "
        "largest campus announced is ~5 GW)"
    )
    power_basis: PowerBasis = Field(
        "facility",
        description="what power_mw measures: 'facility' (the facility's draw, the default), 'grid' (the grid, "
        "contracted or nameplate capacity: divided by defaults.csv power_basis.grid_to_facility_ratio) or 'it' (IT "
        "load: times the model's sizing PUE); converted to facility power once, when the scenario is loaded",
    )
    start: Month = Field(description="planned construction start")
    construction_months: Months = _dflt("phase.construction_months")
    capex_per_mw_usd: UsdPerMW = _dflt("phase.capex_per_mw_usd")
    power: PowerSource = Field(default_factory=PowerSource)
    accelerator: AcceleratorChoice = Field("newest", description="catalog name (any case), 'newest' or 'newest:VENDOR'")
    pue: number(ge=1, le=3) | None = Field(None, description="overrides operations.pue")
    ramp: Ramp | None = Field(
        None, description="how the phase comes online building by building (none: all at once); docs/model.md"
    )

    @model_validator(mode="after")
    def _ramp_fits(self):
        if self.ramp is None:
            return self
        if self.ramp.sizes_mw is not None:
            total = sum(self.ramp.sizes_mw)
            if abs(total - self.power_mw) > ramps.SHARE_TOLERANCE * self.power_mw:
                raise ValueError(
                    f"ramp.sizes_mw: the sizes sum to {total:,.6g} MW, not the phase's power_mw "
                    f"{self.power_mw:,.6g} MW; expected sizes that sum to power_mw (or shares that sum to 1)"
                )
        last = ramps.offsets(self.ramp)[-1]
        if month_index(LAST_MONTH, self.start) < last:
            raise ValueError(
                f"ramp: the last building starts {last:,} months after {self.start:%Y-%m}, after "
                f"{limits.MAX_MONTH}; expected a ramp that starts every building by {limits.MAX_MONTH} "
                "(limits.MAX_MONTH)"
            )
        return self


class Site(_Model):
    name: str
    location: str = ""
    country: CountryCode = Field("US", description="ISO 3166-1 alpha-2 code (any case), e.g. US, NO, AE")
    facility_financing: Literal["programme", "external"] = Field(
        "programme", description="'external': the facility is paid for by others (e.g. a developer who leases it)"
    )
    phases: list[Phase] = Field(min_length=1)


class SupplyCap(_Model):
    """At most ``per_year x share`` accelerators ordered per calendar year for the sites and types it covers."""

    name: str
    per_year: number(ge=0, le=limits.MAX_ACCELERATORS)
    share: Fraction = Field(1.0, description="share of per_year this programme may order (1: all of it)")
    sites: list[str] | None = None
    countries: list[CountryCode] | None = None
    accelerators: list[AcceleratorName] | None = None


class Operations(_Model):
    pue: number(ge=1, le=3) = _dflt(
        "operations.pue",
        "power usage effectiveness, 1 to 3: 1 is the floor (every watt reaches IT); the industry average was about "
        "2.5 in 2007, US AI data centres run at about 1.14 (EC14)",
    )
    utilization: Fraction = _dflt("operations.utilization", "average share of the installed IT power drawn, 0 to 1")
    energy_price_usd_per_mwh: UsdPerMWh = _dflt(
        "operations.energy_price_usd_per_mwh", "at most $10,000/MWh (twice the ERCOT offer cap)"
    )
    lifetime_months: Annotated[Months, Field(ge=1)] = _dflt("operations.lifetime_months")
    other_opex_usd_per_mw_year: UsdPerMW = _dflt("operations.other_opex_usd_per_mw_year")
    # sizing (facility power -> accelerators) apart from energy: docs/model.md, "Sizing and energy"
    design_pue_ratio: number(ge=1, le=2) = _dflt(
        "operations.design_pue_ratio",
        "design-day (peak) PUE / annual PUE, 1 to 2: facility power is sized at pue x this; energy uses pue alone",
    )
    non_accelerator_it_share: Fraction = _dflt(
        "operations.non_accelerator_it_share",
        "IT load besides the accelerators' all-in power (head nodes, storage, scale-out network), as a share of it",
    )
    sizing_headroom: Fraction = _dflt(
        "operations.sizing_headroom", "spare facility power kept above the design-day load, as a share of it"
    )


class Procurement(_Model):
    lead_time_months: Months = _dflt("procurement.lead_time_months")


class Risks(_Model):
    """Programme-wide factors, neutral by default; put distributions on them for correlated risk."""

    construction_slip: number(gt=0, le=10) = Field(1.0, description="multiplies every phase's construction time")
    cost_overrun: number(gt=0, le=10) = Field(1.0, description="multiplies every facility capex")
    accelerator_price: number(gt=0, le=10) = Field(1.0, description="multiplies every accelerator price")
    power_delay_months: Annotated[Months, Field(le=240)] = Field(
        0.0, description="added to every phase's power date (phases without one: from the programme start)"
    )


class Training(_Model):
    """The largest single training run the installed fleet could carry (see docs/operations.md)."""

    window_days: number(gt=0, le=3650) = _dflt("training.window_days")
    # 0 is legal: continuous checkpointing (no time lost to writes), or an instant restart
    checkpoint_write_minutes: number(ge=0, le=limits.MAX_TRAINING_MINUTES) = _dflt("training.checkpoint_write_minutes")
    restart_minutes: number(ge=0, le=limits.MAX_TRAINING_MINUTES) = _dflt("training.restart_minutes")
    mfu: number(gt=0, le=1) = _dflt("training.mfu")
    max_share: number(gt=0, le=1) = _dflt("training.max_share")


# Catalog fields that no output depends on, and what to set instead: an override of one would change nothing, so it
# is refused (issue 11, item 8) rather than silently ignored. The model sizes by all-in IT power (it_power_w),
# counts compute in dense BF16 (bf16_dense_tflops: H100-equivalents, the largest training run) and has no memory.
UNUSED_OVERRIDES = {
    "tdp_w": "the model sizes halls by all-in IT power per accelerator; set it_power_w instead (chip TDP x 1.82 "
    "system overhead is Epoch AI's rule, EC16)",
    "fp8_dense_tflops": "the model counts compute in dense BF16 (H100-equivalents, the largest training run); set "
    "bf16_dense_tflops instead",
    "memory_gb": "no output depends on an accelerator's memory; remove it",
}


class AcceleratorOverride(_Model):
    """Numbers that replace (or supply missing) catalog values for one accelerator in this scenario: it_power_w,
    bf16_dense_tflops and price_usd (the fields the model reads; the others are refused, see UNUSED_OVERRIDES)."""

    it_power_w: Watts | None = None
    tdp_w: Watts | None = Field(None, description="refused: set it_power_w (no output depends on TDP)")
    bf16_dense_tflops: number(gt=0, le=limits.MAX_ACCELERATOR_TFLOPS) | None = None
    fp8_dense_tflops: number(gt=0, le=limits.MAX_ACCELERATOR_TFLOPS) | None = Field(
        None, description="refused: set bf16_dense_tflops (the model counts dense BF16)"
    )
    memory_gb: number(gt=0, le=limits.MAX_ACCELERATOR_MEMORY_GB) | None = Field(
        None, description="refused: no output depends on memory"
    )
    price_usd: Annotated[Usd, Field(gt=0, le=limits.MAX_ACCELERATOR_PRICE_USD)] | None = None

    @field_validator(*UNUSED_OVERRIDES)
    @classmethod
    def _changes_nothing(cls, value, info):
        if value is not None:
            raise ValueError(f"it would change no output: {UNUSED_OVERRIDES[info.field_name]}")
        return value


class Scenario(_Model):
    """A whole programme: partners and money, financing, sites and phases, supply, operations."""

    name: str
    title: str = ""
    description: str = ""
    as_of: Day | None = Field(
        None,
        description="the date the scenario describes the programme as known on (YYYY-MM-DD): none of its facts is "
        "dated later (tests/test_as_of.py); the claims ledger weighs a claim on a scenario as of its date or before",
    )
    programme: Programme
    partners: list[Partner] = Field(default_factory=list)
    funding: Funding = Field(default_factory=Funding)
    financing: Financing = Field(default_factory=Financing)
    sites: list[Site] = Field(min_length=1)
    supply_caps: list[SupplyCap] = Field(default_factory=list)
    operations: Operations = Field(default_factory=Operations)
    procurement: Procurement = Field(default_factory=Procurement)
    risks: Risks = Field(default_factory=Risks)
    training: Training = Field(default_factory=Training)
    accelerator_overrides: dict[AcceleratorName, AcceleratorOverride] = Field(default_factory=dict)

    _provenance: dict[str, Provenance] = PrivateAttr(default_factory=dict)
    _distributions: dict = PrivateAttr(default_factory=dict)
    _origin: str = PrivateAttr("")
    _load_warnings: list[str] = PrivateAttr(default_factory=list)
    # path -> the central value loading set where a distribution was written: a value set there since is the user's
    _centrals: dict = PrivateAttr(default_factory=dict)
    _files_read: tuple = PrivateAttr(())  # resolved paths of the file and its extends chain (--out never overwrites)

    _ramps: list = PrivateAttr(default_factory=list)  # ramps.Expanded: the ramped phases, replaced by buildings
    # phase path -> power_basis.Conversion: the phases whose power was stated on another basis than facility
    _power_bases: dict = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _cross_checks(self):
        problems = check_references(self)
        if problems:
            raise ValueError("\n".join(problems))
        if any(ph.ramp is not None for site in self.sites for ph in site.phases):
            self._ramps = ramps.expand(self.sites)
        return self

    @property
    def ramps(self) -> list:
        """The phases that were written with a ramp and the buildings each became (:class:`ramps.Expanded`)."""
        return self._ramps

    @property
    def power_bases(self) -> dict:
        """The phases whose power was stated as grid or IT power, by path (``sites[0].phases[1]``), each with its
        :class:`gigawatt.data.power_basis.Conversion` (stated figure, ratio, range, facility power); their
        ``power_mw`` now holds the facility power and their ``power_basis`` says 'facility'."""
        return self._power_bases

    @property
    def provenance(self) -> dict[str, Provenance]:
        return self._provenance

    @property
    def load_warnings(self) -> list[str]:
        """What loading chose without being told (a bare name that is both a built-in and a local file)."""
        return self._load_warnings

    @property
    def distributions(self) -> dict:
        """Uncertain inputs by field path (:class:`gigawatt.data.distributions.Distribution`); empty if none."""
        return self._distributions

    @property
    def end(self) -> dt.date:
        from gigawatt.units import add_months

        return add_months(self.programme.start, round(self.programme.horizon_months) - 1)


def _phase_count(s: Scenario) -> int:
    """Phases the engine will see: a ramped phase counts once per building."""
    return sum(ramps.building_count(ph.ramp) if ph.ramp else 1 for site in s.sites for ph in site.phases)


def check_references(s: Scenario) -> list[str]:
    """Rules that span fields: dates inside the programme, names that exist. Returns one message per problem."""
    counts = (
        ("sites[*].phases", "phases", _phase_count(s), limits.MAX_PHASES),
        ("partners[*].pledges", "pledges", sum(len(p.pledges) for p in s.partners), limits.MAX_PLEDGES),
        ("supply_caps", "supply caps", len(s.supply_caps), limits.MAX_SUPPLY_CAPS),
    )
    too_many = [
        f"{where}: {n:,} {what} in all; expected at most {cap:,} (limits.MAX_{what.upper().replace(' ', '_')}: the "
        "work grows with them)"
        for where, what, n, cap in counts
        if n > cap
    ]
    if too_many:
        return too_many
    problems = []
    start = s.programme.start
    when = f"the programme start {start:%Y-%m}"
    for i, partner in enumerate(s.partners):
        for j, pledge in enumerate(partner.pledges):
            if month_index(pledge.start, start) < 0:
                problems.append(
                    f"partners[{i}].pledges[{j}].start: {pledge.start:%Y-%m} is before {when}; "
                    f"expected {start:%Y-%m} or later"
                )
    site_names = [site.name for site in s.sites]
    for dup in {n for n in site_names if site_names.count(n) > 1}:
        problems.append(f"sites: the name {dup!r} is used twice; expected unique site names")
    for i, site in enumerate(s.sites):
        for j, phase in enumerate(site.phases):
            where = f"sites[{i}].phases[{j}]"
            if month_index(phase.start, start) < 0:
                problems.append(
                    f"{where}.start: {phase.start:%Y-%m} is before {when}; expected {start:%Y-%m} or later "
                    "(move programme.start earlier, or start the phase at the programme start)"
                )
    for i, cap in enumerate(s.supply_caps):
        for n in cap.sites or []:
            if n not in site_names:
                problems.append(f"supply_caps[{i}].sites: unknown site {n!r}; expected one of: {', '.join(site_names)}")
    return problems


# pydantic leaves a range on a field that accepts a number or a unit string ("300 MW") as its own keywords (ge, le,
# gt, lt) beside the anyOf; JSON Schema's words are these, and they belong to the number branch
_RANGE_WORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def json_schema() -> dict:
    """The scenario format as JSON Schema (``gigawatt schema``), ranges in JSON Schema's own keywords."""

    def fix(node):
        if isinstance(node, list):
            return [fix(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {k: fix(v) for k, v in node.items()}
        ranges = {_RANGE_WORDS[k]: node.pop(k) for k in list(node) if k in _RANGE_WORDS}
        if ranges:
            branches = [b for b in node.get("anyOf", []) if b.get("type") in ("number", "integer")]
            for branch in branches or [node]:
                branch.update(ranges)
        return node

    return fix(Scenario.model_json_schema())
