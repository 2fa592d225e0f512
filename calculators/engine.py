"""Run a calculator: read and check the inputs, compute under exact arithmetic, build the result."""
from datetime import date
from decimal import localcontext

from .context import Context
from .money import exact_context
from .params import ParameterSet
from .registry import CALCULATORS
from .result import invalid_result, ok_result
from .validation import AS_OF, normalised_inputs, parse_inputs

EXACT = exact_context()
INPUT_FIELDS = {calculator_id: calculator.fields + (AS_OF,) for calculator_id, calculator in CALCULATORS.items()}


def calculate(calculator_id: str, inputs: dict, parameters: dict) -> dict:
    """Run one calculator on inputs with the exported policy parameters; unknown ids raise KeyError."""
    calculator = CALCULATORS[calculator_id]
    with localcontext(EXACT):
        return evaluate(calculator, inputs, parameters)


def evaluate(calculator, inputs, parameters: dict) -> dict:
    """Validate every field, then (if all is well) compute and assemble the result."""
    fields = INPUT_FIELDS[calculator.id]
    values, errors = parse_inputs(fields, inputs)
    params = ParameterSet(parameters, values.get("as_of") or date.today())
    errors.extend(calculator.check(values, params))
    if errors:
        result = invalid_result(calculator.id, errors)
    else:
        context = Context(params)
        outputs = calculator.compute(values, context)
        result = ok_result(calculator, context, outputs)
    result["normalised"] = normalised_inputs(fields, inputs, values)
    return result
