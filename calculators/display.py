"""Figures as a person reads them: labels for codes, grouped money with its unit, % on rates, units on counts.

One formatting for CPython, the CLI, the worked examples and the browser, so all of them show the same text.
Money is grouped in thousands with two decimals and its unit after a space (元 in Chinese, yuan in English);
rates end in %; counts have their unit after a space in both languages (人, persons).
"""
from decimal import Decimal

from .text import bi

LANGUAGES = ("zh", "en")
YES = bi("是", "Yes")
NO = bi("否", "No")
NOT_APPLICABLE = bi("不适用", "not applicable")
NONE_LISTED = bi("无", "none")
SEPARATOR = bi("；", "; ")
ITEM = bi("第{number}项：{text}", "item {number}: {text}")
PERIOD = bi("{start}至{end}", "{start} to {end}")


def grouped(amount: str) -> str:
    """Write a decimal text with thousands separators, keeping its decimals."""
    return format(Decimal(amount), ",f")


def with_unit(number: str, unit: dict | None, language: str, value) -> str:
    """Put a unit after a number in one language (the English singular when the value is one)."""
    if not unit:
        return number
    word = unit.get("en_one") if language == "en" and value == 1 and unit.get("en_one") else unit[language]
    return f"{number}{word}" if word == "%" else f"{number} {word}"


def money_text(amount: str, unit: dict | None, language: str) -> str:
    """Write an amount in yuan with grouping and its unit."""
    return with_unit(grouped(amount), unit, language, None)


def scalar_text(value, kind: str, unit: dict | None, choices: dict, language: str) -> str:
    """Write one scalar value of an output in one language."""
    if value is None:
        return NOT_APPLICABLE[language]
    if isinstance(value, bool):
        return (YES if value else NO)[language]
    if isinstance(value, dict) and "zh" in value:
        return value[language]
    if isinstance(value, dict) and "start" in value:
        return PERIOD[language].format(**value)
    if kind == "money":
        return money_text(value, unit, language)
    if kind == "percent":
        return f"{value}%"
    if kind == "choice":
        return choices.get(value, bi(value, value))[language]
    if isinstance(value, int):
        return with_unit(f"{value:,}", unit, language, value)
    return str(value)


def value_text(value, kind: str, unit: dict | None, choices: dict, language: str) -> str:
    """Write an output's value in one language; lists are joined, yes/no lists numbered by item."""
    if not isinstance(value, list):
        return scalar_text(value, kind, unit, choices, language)
    if not value:
        return NONE_LISTED[language]
    if all(isinstance(item, bool) for item in value):
        return SEPARATOR[language].join(ITEM[language].format(number=number, text=(YES if item else NO)[language])
                                        for number, item in enumerate(value, start=1))
    return SEPARATOR[language].join(scalar_text(item, "", unit, choices, language) for item in value)


def figure(output, value, shown: dict | None) -> dict:
    """Return one figure {name, label, text} in both languages, with a calculator's own wording if it gave one."""
    text = shown or {language: value_text(value, output.type, output.unit, output.choices, language) for language in LANGUAGES}
    return {"name": output.name, "label": output.label, "text": text}


def figures(calculator, outputs: dict, shown: dict) -> list:
    """Return the figures of a result in the calculator's declared order (undeclared outputs are not shown)."""
    return [figure(output, outputs[output.name], shown.get(output.name))
            for output in calculator.outputs if output.name in outputs and output.shown]
