"""The declaration of a calculator: identity, rules, inputs, outputs and its two functions."""
from collections.abc import Callable
from dataclasses import dataclass, field

from .deciding import ASKED, DecidingDate
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
    """A calculator: what it is, what it reads, what it returns, and how; decided_by names the input date that
    selects the parameter values in force; headline names its main amount (the output the policy finder shows as an
    estimate), if it has one; adds_up tells whether that amount is money the applicant receives or saves, so the
    finder may add it to its estimated total (a deferred sum or a loan is not); period_warnings False leaves out the
    warnings that the date lies outside a measure's period (the finder dates each of its matches instead)."""

    id: str
    title: dict
    rules: tuple
    fields: tuple
    outputs: tuple
    compute: Callable
    check: Callable = no_checks
    decided_by: DecidingDate = ASKED
    headline: str | None = None
    adds_up: bool = True
    period_warnings: bool = True

    @property
    def measure(self) -> int:
        """Return the measure number of the calculator's first rule."""
        return measure_of(self.rules[0])
