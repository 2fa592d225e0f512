"""Matches of the policy finder: their shape, statuses and order."""
from ..result import overall_period, period_by_measure
from ..rules import clause_of, measure_of, title_of
from ..text import bi

LIKELY = "likely"
POSSIBLE = "possible"
OBLIGATION = "obligation"
INFO = "info"
STATUS_LABELS = {
    LIKELY: bi("可申请", "You can apply"),
    POSSIBLE: bi("可能适用", "May apply"),
    OBLIGATION: bi("须履行的义务", "Obligations"),
    INFO: bi("相关信息", "Good to know"),
}


def match(ctx, rule: str, status: str, reason: tuple, calculator: str | None = None,
          inputs: dict | None = None, parameters: tuple = ()) -> dict:
    """Build one match, tracing it when the rule has a clause to cite."""
    zh, en = reason
    if clause_of(rule):
        ctx.step(rule, zh, en, parameters)
    return {
        "measure": measure_of(rule),
        "rule": rule,
        "title": title_of(rule),
        "status": status,
        "reason": bi(zh, en),
        "calculator": calculator,
        "inputs": dict(inputs or {}),
        "in_force": period_of_parameters(ctx, parameters),
    }


def period_of_parameters(ctx, parameters: tuple) -> dict | None:
    """Return the {start, end} in force of the parameters a match cites, or None if it cites none."""
    uses = [ctx.params.use(parameter_id) for parameter_id in parameters]
    if not uses:
        return None
    return overall_period(period_by_measure(uses))


def rule_order(found: dict) -> tuple:
    """Sort key: by measure, then by the rule's number within the measure."""
    rule = found["rule"]
    number = int(rule.split(".")[1]) if "." in rule else 0
    return found["measure"], number, rule


def ordered(matches: list) -> list:
    """Drop empty and duplicate matches and sort them by measure, then rule."""
    unique = {}
    for found in matches:
        if found and found["rule"] not in unique:
            unique[found["rule"]] = found
    return sorted(unique.values(), key=rule_order)
