"""Describe every calculator for building forms and documentation."""
from copy import deepcopy

from .examples import EXAMPLES
from .registry import CALCULATORS
from .validation import AS_OF


def describe(calculator) -> dict:
    """Return the catalog entry of one calculator."""
    return {
        "id": calculator.id,
        "title": calculator.title,
        "measure": calculator.measure,
        "rules": list(calculator.rules),
        "inputs": [field.describe() for field in calculator.fields + (AS_OF,)],
        "outputs": [output.describe() for output in calculator.outputs],
        "example": deepcopy(EXAMPLES[calculator.id]),
        "headline": calculator.headline,
    }


def catalog() -> list:
    """Return the descriptions of all calculators, in catalog order."""
    return [describe(calculator) for calculator in CALCULATORS.values()]
