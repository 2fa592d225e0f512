"""The declaration of a calculator: identity, rules, inputs, outputs and its two functions."""
from collections.abc import Callable
from dataclasses import dataclass, field

from .rules import measure_of


@dataclass(frozen=True)
class Output:
    """One output of a calculator, described for forms and documentation."""

    name: str
    type: str
    label: dict
    unit: dict | None = None
    choices: dict = field(default_factory=dict)
    shown: bool = True

    def describe(self) -> dict:
        """Return the catalog description of this output: label, type, unit, the labels of its choices, and
        whether a page shows it as a figure (a finder's matches and their counts are shown otherwise)."""
        return {"name": self.name, "label": self.label, "type": self.type, "unit": self.unit,
                "choices": dict(self.choices), "shown": self.shown}


def no_checks(values: dict, params) -> list:
    """Report no cross-field errors (for calculators whose fields stand alone)."""
    return []


@dataclass(frozen=True)
class Calculator:
    """A calculator: what it is, what it reads, what it returns, and how; headline names its main amount
    (the output the policy finder shows as an estimate), if it has one."""

    id: str
    title: dict
    rules: tuple
    fields: tuple
    outputs: tuple
    compute: Callable
    check: Callable = no_checks
    headline: str | None = None

    @property
    def measure(self) -> int:
        """Return the measure number of the calculator's first rule."""
        return measure_of(self.rules[0])
