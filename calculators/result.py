"""Assemble the result dicts: the period in force, its warnings, and the ok / invalid shapes."""
from datetime import date

from .context import Context
from .display import figures
from .text import bi


def period_by_measure(uses: list) -> dict:
    """Return {measure: (earliest start, latest end or None)} over the parameter values used."""
    periods = {}
    for use in uses:
        start, end = periods.get(use.measure, (use.start, use.end))
        latest = None if end is None or use.end is None else max(end, use.end)
        periods[use.measure] = (min(start, use.start), latest)
    return periods


def overall_period(periods: dict) -> dict:
    """Combine per-measure periods into one {start, end} (end None if any is open-ended)."""
    if not periods:
        return {"start": None, "end": None}
    starts = [start for start, _ in periods.values()]
    ends = [end for _, end in periods.values()]
    latest = None if None in ends else max(ends)
    return {"start": min(starts).isoformat(), "end": latest.isoformat() if latest else None}


def outside(as_of: date, start: date, end: date | None) -> bool:
    """Tell whether a date lies outside a period."""
    return as_of < start or (end is not None and as_of > end)


def out_of_force_warning(measure: int, period: tuple, day: date, label: dict, several: bool) -> dict:
    """Build the warning that the deciding date (named by label, e.g. the application date) lies outside a measure's period."""
    start, end = period
    subject_zh = f"第{measure}条" if several else "该措施"
    subject_en = f"Measure {measure}" if several else "This measure"
    if end is None:
        return bi(
            f"{subject_zh}自{start.isoformat()}起适用（未写明截止日期），{label['zh']}{day.isoformat()}早于起始日",
            f"{subject_en} applies from {start.isoformat()} (no end date stated); "
            f"{label['en']}, {day.isoformat()}, is before it",
        )
    return bi(
        f"{subject_zh}适用期为{start.isoformat()}至{end.isoformat()}，{label['zh']}{day.isoformat()}不在期内",
        f"{subject_en} applied from {start.isoformat()} to {end.isoformat()}; "
        f"{label['en']}, {day.isoformat()}, is outside it",
    )


def in_force_warnings(periods: dict, day: date, label: dict) -> list:
    """Warn for every measure whose period does not contain the deciding date."""
    several = len(periods) > 1
    return [
        out_of_force_warning(measure, period, day, label, several)
        for measure, period in sorted(periods.items())
        if outside(day, *period)
    ]


def period_warnings(calculator, periods: dict, ctx: Context) -> list:
    """Warn for every measure whose period does not contain the deciding date, unless the calculator dates its own items."""
    return in_force_warnings(periods, ctx.params.as_of, ctx.deciding.label) if calculator.period_warnings else []


def declared_order(calculator, outputs: dict) -> dict:
    """Return the outputs in the calculator's declared order, then any others."""
    ordered = {spec.name: outputs[spec.name] for spec in calculator.outputs if spec.name in outputs}
    ordered.update(outputs)
    return ordered


def ok_result(calculator, ctx: Context, outputs: dict, as_of: date) -> dict:
    """Build the result of a valid calculation in the contract's key order; as_of is the date asked about."""
    periods = period_by_measure(ctx.params.uses())
    ordered = declared_order(calculator, outputs)
    display = figures(calculator, ordered, ctx.shown)
    result = {"calculator": calculator.id, "status": "ok"}
    if "eligible" in ordered:
        result["eligible"] = ordered.pop("eligible")
    result["reasons"] = ctx.reasons
    result.update(ordered)
    result.update(
        rules=list(calculator.rules),
        measure=calculator.measure,
        readings=ctx.readings(),
        trace=ctx.trace,
        as_of=as_of.isoformat(),
        decided_on={"field": ctx.deciding.field, "label": ctx.deciding.label, "date": ctx.params.as_of.isoformat()},
        in_force=overall_period(periods),
        warnings=period_warnings(calculator, periods, ctx) + ctx.warnings,
        display=display,
    )
    return result


def invalid_result(calculator_id: str, errors: list) -> dict:
    """Build the result of an input that failed validation."""
    return {"calculator": calculator_id, "status": "invalid", "errors": errors}
