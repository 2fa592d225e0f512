"""Policy parameters: pick the value in force on a date, convert it by unit, record its use."""
from dataclasses import dataclass
from datetime import date

from .units import convert


@dataclass(frozen=True)
class ParameterUse:
    """One parameter value as read for a calculation, with where it comes from; name is {zh, en} as in policy_data."""

    id: str
    name: dict
    value: str
    unit: str
    measure: int
    clause: str
    start: date
    end: date | None

    def cited(self) -> dict:
        """Return the {id, value, unit} form used in trace steps."""
        return {"id": self.id, "value": self.value, "unit": self.unit}


def period_of(entry: dict) -> tuple[date, date | None]:
    """Return the (start, end) of one dated value; end is None when no end is stated."""
    end = entry.get("end")
    return date.fromisoformat(entry["start"]), (date.fromisoformat(end) if end else None)


class DatedValue:
    """One dated value of a parameter, with its period parsed and its use record and converted value built when first needed."""

    def __init__(self, parameter_id: str, record: dict, entry: dict):
        """Parse the period of one entry of a parameter's record."""
        self.start, self.end = period_of(entry)
        self._parameter_id = parameter_id
        self._record = record
        self._entry = entry
        self._use = None
        self._converted = None

    def covers(self, as_of: date) -> bool:
        """Tell whether the value's [start, end] contains a date."""
        return self.start <= as_of and (self.end is None or as_of <= self.end)

    def use(self) -> ParameterUse:
        """Return the use record of this value."""
        if self._use is None:
            self._use = ParameterUse(
                id=self._parameter_id,
                name=self._record["name"],
                value=str(self._entry["value"]),
                unit=self._record["unit"],
                measure=int(self._record["measure"]),
                clause=self._record["clause"],
                start=self.start,
                end=self.end,
            )
        return self._use

    def converted(self):
        """Return the value converted according to its unit."""
        if self._converted is None:
            use = self.use()
            self._converted = convert(use.value, use.unit)
        return self._converted


def dated_values(parameter_id: str, record: dict) -> list:
    """Return the dated values of a parameter's record, sorted by start."""
    return sorted((DatedValue(parameter_id, record, entry) for entry in record["values"]), key=lambda value: value.start)


class NoValueOnDate(LookupError):
    """The policy data states a gap between two periods of a parameter, and the date asked about falls in it."""


def select_value(dated: list, as_of: date) -> DatedValue:
    """Pick the value in force on as_of, else the latest started before it, else the earliest (dated sorted by start).

    Raises NoValueOnDate when as_of falls between two periods (a gap the data states with gap_before)."""
    containing = [value for value in dated if value.covers(as_of)]
    if containing:
        return containing[-1]
    started = [value for value in dated if value.start <= as_of]
    if started and len(started) < len(dated):
        raise NoValueOnDate(gap_message(started[-1], dated[len(started)], as_of))
    return started[-1] if started else dated[0]


def gap_message(before: DatedValue, after: DatedValue, as_of: date) -> str:
    """Say in Chinese and English that no value of a parameter is in force on as_of, and when one is."""
    name = before.use().name
    return (f"所问日期{as_of.isoformat()}没有适用的政策数值（{name['zh']}）：上一期间止于{before.end.isoformat()}，"
            f"下一期间自{after.start.isoformat()}起。请选择其中一个期间内的日期。\n"
            f"No policy value ({name['en']}) applies on the date asked about, {as_of.isoformat()}: the period before "
            f"ended on {before.end.isoformat()} and the next starts on {after.start.isoformat()}. "
            f"Choose a date within one of them.")


class ValuesInForce:
    """A memo over one parameters dict: the dated value of each parameter in force on each date asked about."""

    def __init__(self, raw: dict):
        """Start an empty memo over an exported parameters dict."""
        self.raw = raw
        self._found = {}

    def get(self, parameter_id: str, as_of: date) -> DatedValue:
        """Return the dated value of a parameter in force on a date."""
        key = (parameter_id, as_of)
        if key not in self._found:
            self._found[key] = select_value(dated_values(parameter_id, self.raw[parameter_id]), as_of)
        return self._found[key]


class ParameterSet:
    """The parameters of one calculation, read as of one date, remembering which were used."""

    def __init__(self, raw: dict, as_of: date):
        """Wrap the exported parameters dict for reading as of a date."""
        self._in_force = ValuesInForce(raw)
        self.as_of = as_of
        self._read = {}

    def has(self, parameter_id: str) -> bool:
        """Tell whether a parameter is present in the export."""
        return parameter_id in self._in_force.raw

    def value_in_force(self, parameter_id: str) -> DatedValue:
        """Return the dated value in force of a parameter and record that it was used."""
        if parameter_id not in self._read:
            self._read[parameter_id] = self._in_force.get(parameter_id, self.as_of)
        return self._read[parameter_id]

    def use(self, parameter_id: str) -> ParameterUse:
        """Read the value in force of a parameter and record that it was used."""
        return self.value_in_force(parameter_id).use()

    def get(self, parameter_id: str):
        """Return the converted value in force of a parameter."""
        return self.value_in_force(parameter_id).converted()

    def uses(self) -> list:
        """Return every parameter use so far, in the order first read."""
        return [value.use() for value in self._read.values()]
