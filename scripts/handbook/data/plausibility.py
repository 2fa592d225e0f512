"""Plausibility of parameter values by unit: the valid range each unit declares (calculators/units.py), dates
within the document's years, and no more than a ten-fold change from the previous dated value.

Impossible values (a percent above 100, a negative amount, a count of zero months) are errors that no one
can confirm. Improbable values (a percent below 1, a date outside the years the document names, a ten-fold
change) are errors too, unless the official confirms that exact value with `confirmed: true` beside it:
`validate` and `build` then agree, and the confirmation stays in the data for reviewers to see.
"""
import re
from decimal import Decimal

from calculators.units import UNITS

from .errors import said
from .texts import source_texts

FACTOR = Decimal(10)
PERCENT_HINT = ("a percent is written as 60 for 60 %", "百分比应写成 60 表示60%")
CONFIRM = ("if it is right, add `confirmed: true` beside this value", "如确实无误，请在此值旁加上 confirmed: true")


# Every implausible parameter value in the dataset, as located errors.
def check_plausibility(dataset):
    years = document_years(dataset)
    for name, doc in dataset.files.items():
        if doc.kind != "parameters":
            continue
        for index, parameter in enumerate(doc.data["parameters"]):
            for sub, message in parameter_problems(parameter, years):
                yield doc.error(("parameters", index, "values") + sub, message)


# The first and last year the document's own words name (e.g. 2020年), with the year of its date.
def document_years(dataset) -> tuple:
    named = [int(year) for _, _, text in source_texts(dataset) for year in re.findall(r"((?:19|20)\d\d)年", text)]
    named.append(int(dataset.part("document")["date"][:4]))
    return min(named), max(named)


# (path under values, message) for every implausible value of one parameter.
def parameter_problems(parameter: dict, years: tuple):
    unit, previous = parameter["unit"], None
    ordered = sorted(enumerate(parameter["values"]), key=lambda pair: pair[1]["start"])
    for index, entry in ordered:
        found = list(_entry_problems(unit, entry, previous, years))
        hard = [(key, message) for key, message, confirmable in found if not confirmable]
        soft = [(key, message) for key, message, confirmable in found if confirmable]
        yield from (((index, key), message) for key, message in hard)
        if entry.get("confirmed"):
            if not soft and not hard:
                yield (index, "confirmed"), said("nothing here needs confirming; remove `confirmed: true`",
                                                 "此值无需确认；请删去 confirmed: true")
        else:
            yield from (((index, key), said(f"{english}; {CONFIRM[0]}", f"{chinese}；{CONFIRM[1]}"))
                        for key, (english, chinese) in soft)
        previous = entry


# (key, message, confirmable) for one dated value, given the value before it.
def _entry_problems(unit: str, entry: dict, previous, years: tuple):
    for key in ("start", "end"):
        if entry.get(key) and not years[0] <= int(entry[key][:4]) <= years[1]:
            yield key, _outside_years(entry[key], years), True
    if unit == "date":
        if not years[0] <= int(entry["value"][:4]) <= years[1]:
            yield "value", _outside_years(entry["value"], years), True
        return
    number, allowed = Decimal(entry["value"]), UNITS[unit].valid if unit in UNITS else None
    if allowed and not allowed.holds(number):
        hint = PERCENT_HINT if unit in ("percent", "percentage_point") else ("correct the value", "请改正此值")
        yield "value", said(f"'{entry['value']}' is outside the valid range for {unit}: {UNITS[unit].valid_words()[0]}; {hint[0]}",
                            f"“{entry['value']}”超出单位 {unit} 的有效范围：{UNITS[unit].valid_words()[1]}；{hint[1]}"), False
    elif unit == "percent" and number < 1:
        yield "value", (f"'{entry['value']}' percent is below 1; {PERCENT_HINT[0]}",
                        f"百分比“{entry['value']}”小于1；{PERCENT_HINT[1]}"), True
    if previous is not None and unit != "date":
        change = _ten_fold(Decimal(previous["value"]), number)
        if change:
            yield "value", (f"'{entry['value']}' is {change[0]} the value before it, "
                            f"'{previous['value']}' from {previous['start']}",
                            f"“{entry['value']}”比上一个值“{previous['value']}”（自{previous['start']}起）"
                            f"{change[1]}十倍以上"), True


# (English, Chinese) words for how new differs from old when by more than FACTOR, else None.
def _ten_fold(old: Decimal, new: Decimal):
    if old > 0 and new > old * FACTOR:
        return "more than ten times", "大"
    if new > 0 and old > new * FACTOR or (old > 0 and new == 0):
        return "less than a tenth of", "小"
    return None


# The message for a date outside the document's years.
def _outside_years(text: str, years: tuple) -> tuple:
    return (f"'{text}' is outside the years this document names, {years[0]} to {years[1]}",
            f"“{text}”不在本文件提到的年份（{years[0]}年至{years[1]}年）之内")
