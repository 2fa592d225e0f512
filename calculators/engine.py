"""Run a calculator: read and check the inputs, compute under exact arithmetic, build the result."""
from datetime import date
from decimal import localcontext

from .context import Context
from .deciding import deciding_day
from .money import exact_context
from .params import ParameterSet
from .registry import CALCULATORS
from .result import invalid_result, ok_result
from .validation import AS_OF, parse_inputs

EXACT = exact_context()
INPUT_FIELDS = {calculator_id: calculator.fields + (AS_OF,) for calculator_id, calculator in CALCULATORS.items()}


def calculate(calculator_id: str, inputs: dict, parameters: dict) -> dict:
    """Run one calculator on inputs with the exported policy parameters; unknown ids raise KeyError."""
    calculator = CALCULATORS[calculator_id]
    with localcontext(EXACT):
        return evaluate(calculator, inputs, parameters)


def evaluate(calculator, inputs, parameters: dict) -> dict:
    """Validate every field, then (if all is well) compute and assemble the result."""
    values, errors = parse_inputs(INPUT_FIELDS[calculator.id], inputs)
    as_of = values.get("as_of") or date.today()
    day, deciding = deciding_day(calculator.decided_by, values, as_of)
    params = ParameterSet(parameters, day)
    errors.extend(calculator.check(values, params))
    if errors:
        return invalid_result(calculator.id, errors)
    context = Context(params)
    outputs = calculator.compute(values, context)
    context.decided(calculator, deciding)
    return ok_result(calculator, context, outputs, as_of)
