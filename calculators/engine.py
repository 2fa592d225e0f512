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
        for found in result.get("matches", []):
            found["estimate"] = estimate(found, parameters)
    result["normalised"] = normalised_inputs(fields, inputs, values)
    return result


def estimate(found: dict, parameters: dict) -> dict | None:
    """Run the calculator a finder match links to on the answers given: its headline amount, or what is missing.

    Returns None (no calculator or no amount), {"amount": figure, "eligible": bool | None} or {"missing": [labels]}.
    """
    calculator = CALCULATORS.get(found["calculator"] or "")
    if calculator is None or calculator.headline is None:
        return None
    result = evaluate(calculator, found["inputs"], parameters)
    if result["status"] == "invalid":
        return {"missing": missing_labels(calculator, result["errors"])}
    if result.get(calculator.headline) is None:
        return None
    amount = next(figure for figure in result["display"] if figure["name"] == calculator.headline)
    return {"amount": amount, "eligible": result.get("eligible"), "reasons": result["reasons"]}


def missing_labels(calculator, errors: list) -> list:
    """Return the labels of the inputs whose errors stop a calculation, once each, in form order."""
    named = {error["field"].split(".")[0] for error in errors}
    return [field.label for field in calculator.fields if field.name in named]
