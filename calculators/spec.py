"""The declaration of a calculator: identity, rules, inputs, outputs and its two functions."""
from collections.abc import Callable
from dataclasses import dataclass

from .deciding import ASKED, DecidingDate
from .rules import measure_of


@dataclass(frozen=True)
class Output:
    """One output of a calculator, described for forms and documentation."""

    name: str
    type: str
    label: dict

    def describe(self) -> dict:
        """Return the catalog description of this output."""
        return {"name": self.name, "label": self.label, "type": self.type}


def no_checks(values: dict, params) -> list:
    """Report no cross-field errors (for calculators whose fields stand alone)."""
    return []


@dataclass(frozen=True)
class Calculator:
    """A calculator: what it is, what it reads, what it returns, and how."""

    id: str
    title: dict
    rules: tuple
    fields: tuple
    outputs: tuple
    compute: Callable
    check: Callable = no_checks
    decided_by: DecidingDate = ASKED

    @property
    def measure(self) -> int:
        """Return the measure number of the calculator's first rule."""
        return measure_of(self.rules[0])
