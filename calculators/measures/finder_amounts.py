"""Amounts of the policy finder: an estimate for each match open on the day asked about, and their total."""
from decimal import Decimal

from ..display import money_text
from ..money import format_money
from ..text import bi
from .common import YUAN
from .finder_match import OBLIGATION, OPEN

UP_TO = bi("最多{amount}", "up to {amount}")
ESTIMATED = OPEN + (OBLIGATION,)


def amount_text(value: str, up_to: bool) -> dict:
    """Write an amount in yuan in both languages, as an upper bound ("up to …") when up_to."""
    shown = {language: money_text(value, YUAN, language) for language in ("zh", "en")}
    return {language: UP_TO[language].format(amount=text) for language, text in shown.items()} if up_to else shown


def upper_bound(name: str, label: dict, amount: Decimal, condition: dict) -> dict:
    """Return the estimate of a match whose profile gives only an upper bound: the most it can be, and on what condition.

    name and label are those of the linked calculator's headline output; amount is in yuan; condition is {zh, en}."""
    value = format_money(amount)
    return {"amount": {"name": name, "label": label, "text": amount_text(value, True)}, "value": value, "up_to": True,
            "condition": condition, "eligible": None, "reasons": [], "in_total": True}


def estimate(found: dict, ctx) -> dict | None:
    """Return a match's estimate: None when it is not open on the day asked about or has no amount; the upper bound its
    rule test set; else the linked calculator run on the answers given, as {amount, value, up_to, condition, eligible,
    reasons, in_total} (amount is the calculator's own figure) or {"missing": [labels of the answers it still needs]}."""
    if found["status"] not in ESTIMATED:
        return None
    if found.get("estimate"):
        return found["estimate"]
    if not found["calculator"]:
        return None
    calculator, result = ctx.run(found["calculator"], found["inputs"])
    if calculator.headline is None:
        return None
    if result["status"] == "invalid":
        return {"missing": missing_labels(calculator, result["errors"])}
    if result.get(calculator.headline) is None:
        return None
    amount = next(figure for figure in result["display"] if figure["name"] == calculator.headline)
    eligible = result.get("eligible")
    return {"amount": amount, "value": result[calculator.headline], "up_to": False, "condition": None, "eligible": eligible,
            "reasons": result["reasons"], "in_total": calculator.adds_up and eligible is not False}


def missing_labels(calculator, errors: list) -> list:
    """Return the labels of the inputs whose errors stop a calculation, once each, in form order."""
    named = {error["field"].split(".")[0] for error in errors}
    return [field.label for field in calculator.fields if field.name in named]


def total(matches: list) -> tuple:
    """Return (the estimated total in yuan, Decimal, or None when no amount counts; whether it is an upper bound).

    Only open matches count, each linked calculator once: two rules paying through one calculator (R5.1 and R5.2, one
    refund) exclude each other, so the larger counts and the other is marked in_total False."""
    chosen = {}
    for found in matches:
        figure = found["estimate"]
        if found["status"] not in OPEN or not figure or not figure.get("in_total"):
            continue
        rival = chosen.get(found["calculator"])
        if rival is None or Decimal(figure["value"]) > Decimal(rival["value"]):
            if rival is not None:
                rival["in_total"] = False
            chosen[found["calculator"]] = figure
        else:
            figure["in_total"] = False
    if not chosen:
        return None, False
    return sum(Decimal(figure["value"]) for figure in chosen.values()), any(figure["up_to"] for figure in chosen.values())
