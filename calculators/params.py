"""Policy parameters: pick the value in force on a date, convert it by unit, record its use."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

DECIMAL_UNITS = frozenset({"yuan", "yuan_per_person_day", "yuan_per_person", "percent", "percentage_point"})
INTEGER_UNITS = frozenset({"persons", "months", "years", "days"})
DATE_UNITS = frozenset({"date"})


@dataclass(frozen=True)
class ParameterUse:
    """One parameter value as read for a calculation, with where it comes from."""

    id: str
    value: str
    unit: str
    measure: int
    clause: str
    start: date
    end: date | None

    def cited(self) -> dict:
        """Return the {id, value, unit} form used in trace steps."""
        return {"id": self.id, "value": self.value, "unit": self.unit}


def convert(raw: str, unit: str):
    """Convert a parameter's string value according to its unit."""
    if unit in DECIMAL_UNITS:
        return Decimal(raw)
    if unit in INTEGER_UNITS:
        return int(raw)
    if unit in DATE_UNITS:
        return date.fromisoformat(raw)
    raise ValueError(f"unknown parameter unit {unit!r}")


def period_of(entry: dict) -> tuple[date, date | None]:
    """Return the (start, end) of one dated value; end is None when no end is stated."""
    end = entry.get("end")
    return date.fromisoformat(entry["start"]), (date.fromisoformat(end) if end else None)


def covers(entry: dict, as_of: date) -> bool:
    """Tell whether a dated value's [start, end] contains a date."""
    start, end = period_of(entry)
    return start <= as_of and (end is None or as_of <= end)


def select_value(values: list, as_of: date) -> dict:
    """Pick the value in force on as_of, else the latest started before it, else the earliest."""
    ordered = sorted(values, key=lambda entry: period_of(entry)[0])
    containing = [entry for entry in ordered if covers(entry, as_of)]
    if containing:
        return containing[-1]
    started = [entry for entry in ordered if period_of(entry)[0] <= as_of]
    return started[-1] if started else ordered[0]


class ParameterSet:
    """The parameters of one calculation, read as of one date, remembering which were used."""

    def __init__(self, raw: dict, as_of: date):
        """Wrap the exported parameters dict for reading as of a date."""
        self._raw = raw
        self.as_of = as_of
        self._uses = {}

    def has(self, parameter_id: str) -> bool:
        """Tell whether a parameter is present in the export."""
        return parameter_id in self._raw

    def use(self, parameter_id: str) -> ParameterUse:
        """Read the value in force of a parameter and record that it was used."""
        if parameter_id not in self._uses:
            self._uses[parameter_id] = self._read(parameter_id)
        return self._uses[parameter_id]

    def get(self, parameter_id: str):
        """Return the converted value in force of a parameter."""
        used = self.use(parameter_id)
        return convert(used.value, used.unit)

    def uses(self) -> list:
        """Return every parameter use so far, in the order first read."""
        return list(self._uses.values())

    def _read(self, parameter_id: str) -> ParameterUse:
        """Build the use record of a parameter from the export."""
        record = self._raw[parameter_id]
        entry = select_value(record["values"], self.as_of)
        start, end = period_of(entry)
        return ParameterUse(
            id=parameter_id,
            value=str(entry["value"]),
            unit=record["unit"],
            measure=int(record["measure"]),
            clause=record["clause"],
            start=start,
            end=end,
        )
