"""Matches of the policy finder: their shape, statuses (by the profile, then in time) and order."""
from datetime import date

from ..result import overall_period, period_by_measure
from ..rules import clause_of, measure_of, title_of
from ..text import bi

LIKELY = "likely"
POSSIBLE = "possible"
OBLIGATION = "obligation"
INFO = "info"
NOT_YET = "not_yet_open"
CLOSED = "closed"
OPEN = (LIKELY, POSSIBLE)
STATUS_LABELS = {
    LIKELY: bi("可申请", "You can apply"),
    POSSIBLE: bi("可能适用", "May apply"),
    OBLIGATION: bi("须履行的义务", "Obligations"),
    NOT_YET: bi("尚未开始", "Not yet open"),
    CLOSED: bi("已截止", "Closed"),
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
        "met": status,
        "reason": bi(zh, en),
        "calculator": calculator,
        "inputs": dict(inputs or {}),
        "in_force": period_of_parameters(ctx, parameters),
        "timing": None,
        "view_as_of": None,
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


def in_time(found: dict, day: date) -> None:
    """Date a match on the day asked about: closed after its period, not yet open before it, with its dates in words.

    status becomes CLOSED or NOT_YET outside the period (met keeps the status by the profile alone); timing words the
    period {zh, en}; view_as_of is a day inside the period to look at it as of then (None while open). A match citing
    no dated parameter keeps its status and has no timing."""
    period = found["in_force"]
    if not period:
        return
    start = date.fromisoformat(period["start"])
    end = date.fromisoformat(period["end"]) if period["end"] else None
    if day < start:
        found.update(status=NOT_YET, view_as_of=period["start"])
    elif end is not None and day > end:
        found.update(status=CLOSED, view_as_of=period["end"])
    found["timing"] = period_words(period, found["status"])


def period_words(period: dict, status: str) -> dict:
    """Word a match's period {start, end (None when no end is stated)} for its status in time."""
    start, end = period["start"], period["end"]
    if status == CLOSED:
        return bi(f"适用期为{start}至{end}，已截止", f"Applied from {start} to {end}; closed")
    if status == NOT_YET:
        return bi(f"自{start}起适用，尚未开始", f"Applies from {start}; not yet open")
    if end is None:
        return bi(f"自{start}起适用（原文未写明截止日期）", f"Applies from {start} (no end date stated)")
    return bi(f"适用期为{start}至{end}", f"Applies from {start} to {end}")
