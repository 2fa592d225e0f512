"""Run a calculator: read and check the inputs, compute under exact arithmetic, build the result."""
from datetime import date
from decimal import localcontext

from .context import Context
from .deciding import deciding_day
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
    as_of = values.get("as_of") or date.today()
    day, deciding = deciding_day(calculator.decided_by, values, as_of)
    params = ParameterSet(parameters, day)
    errors.extend(calculator.check(values, params))
    if errors:
        result = invalid_result(calculator.id, errors)
    else:
        context = Context(params, runner(parameters))
        outputs = calculator.compute(values, context)
        context.decided(calculator, deciding)
        result = ok_result(calculator, context, outputs, as_of)
    result["normalised"] = normalised_inputs(fields, inputs, values)
    return result


def runner(parameters: dict):
    """Return run(calculator_id, inputs) -> (calculator, result): another calculator on the same parameters.

    The policy finder runs the calculators its matches link to this way; unknown ids raise KeyError."""
    def run(calculator_id: str, inputs: dict) -> tuple:
        """Run one calculator on inputs and return it with its result."""
        calculator = CALCULATORS[calculator_id]
        return calculator, evaluate(calculator, inputs, parameters)
    return run
